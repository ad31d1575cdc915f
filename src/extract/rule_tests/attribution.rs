//! Extract stage, tests only: the attribution rules end to end — who
//! holds a sentence in news, blogs, speeches after "X said:", lists and
//! turns — one table row per pattern, with sentences written for the test.

use super::{BLOG, NEWS, statements};
use crate::corpus::DocumentKind;

#[test]
fn attribution_table() {
    // (text, kind, author, statements)
    type Row<'a> = (&'a str, DocumentKind, Option<&'a str>, &'a [&'a str]);
    let rows: &[Row] = &[
        // A speech after "X said:" goes on through paragraphs that speak
        // as "we" anywhere in them, and stops at one that does not.
        (
            "Stephen Bubb said:\n\nThe Big Society matters.\n\nLocalism is overdue. We strongly support localism.\n\nThe Work Programme was launched in June and IPPR strongly opposes the Work Programme.",
            NEWS,
            None,
            &[
                "IPPR critiques Work Programme",
                "Stephen Bubb supports Big Society",
                "Stephen Bubb supports localism",
            ],
        ),
        // In news, what follows a reported speaker stays theirs only while
        // it still sounds like them (a new quotation, "we", the modal mood
        // of a reported proposal), not a new subject's reaction.
        (
            "Stephen Bubb said he would scrap the Work Programme. Industry voices welcomed the Work Programme.",
            NEWS,
            None,
            &["Stephen Bubb critiques Work Programme"],
        ),
        (
            "Stephen Bubb said councils need more power. This would strongly support localism.",
            NEWS,
            None,
            &["Stephen Bubb supports localism"],
        ),
        // A "we" nobody can be given ends the carrying of the last third
        // party; "our report" is the text's own, not the last report's.
        (
            "IPPR said the Work Programme has failed. We found that councils lack money. Personalisation is vital.",
            NEWS,
            None,
            &["IPPR critiques Work Programme"],
        ),
        (
            "IPPR said the Work Programme has failed. Separately, our report strongly supports localism.",
            NEWS,
            None,
            &["IPPR critiques Work Programme"],
        ),
        // "The report" goes back to the last report, not to a paper named
        // since.
        (
            "ACEVO's report on charities was published today (First Report of Session 2010-12, IPPR Paper 12). The report strongly supports localism.",
            NEWS,
            None,
            &["ACEVO supports localism"],
        ),
        // "we" inside the quotation is the quoted speaker's, not a frame
        // of its own; the next quotation goes on in the same voice.
        (
            "“We welcome the Big Society,” said Stephen Bubb. “We oppose the Work Programme.”",
            NEWS,
            None,
            &[
                "Stephen Bubb critiques Work Programme",
                "Stephen Bubb supports Big Society",
            ],
        ),
        // A name in apposition to a description speaks; a description in
        // apposition to a name does not.
        (
            "Its director, Nick Pearce, said: “We welcome localism.”",
            NEWS,
            None,
            &["Nick Pearce supports localism"],
        ),
        (
            "Nick Pearce, director of ACEVO, said: “We welcome localism.”",
            NEWS,
            None,
            &["Nick Pearce supports localism"],
        ),
        // A cue whose object is "it"/"that" at the end of its clause judges
        // the concept named before it; "that" opening a clause is no object;
        // someone else's wish ("they want to scrap it") is not the author's.
        (
            "We debated the Big Society last week. We support it.",
            BLOG,
            Some("IPPR"),
            &["IPPR supports Big Society"],
        ),
        (
            "The Work Programme was ours, and we will never scrap it.",
            BLOG,
            Some("IPPR"),
            &["IPPR supports Work Programme"],
        ),
        (
            "The Work Programme was ours, but now they want to scrap it.",
            BLOG,
            Some("IPPR"),
            &[],
        ),
        (
            "We debated the Work Programme. We oppose that it ends.",
            BLOG,
            Some("IPPR"),
            &[],
        ),
        // A quotation runs across paragraphs.
        (
            "Bubb said: “We welcome the Big Society.\n\n“We oppose the Work Programme.”",
            NEWS,
            None,
            &[
                "Stephen Bubb critiques Work Programme",
                "Stephen Bubb supports Big Society",
            ],
        ),
        // An unquoted speech after "X said:" runs on while it speaks as
        // "we"; the release's own voice resumes after it.
        (
            "Bubb said:\n\nWe welcome localism. It is vital.\n\nWe oppose the Work Programme.\n\nPersonalisation is vital.",
            BLOG,
            Some("IPPR"),
            &[
                "IPPR supports personalisation",
                "Stephen Bubb critiques Work Programme",
                "Stephen Bubb supports localism",
            ],
        ),
        (
            "Bubb said:\n\nWe welcome localism.\n\nThe Big Society is vital.",
            BLOG,
            Some("IPPR"),
            &[
                "IPPR supports Big Society",
                "Stephen Bubb supports localism",
            ],
        ),
        // "as they say" is an aside: the sentence stays the author's.
        (
            "Localism is, as they say, vital.",
            BLOG,
            Some("IPPR"),
            &["IPPR supports localism"],
        ),
        // "and so did X": X holds the same position.
        (
            "I oppose the Work Programme, and so did IPPR.",
            BLOG,
            Some("Stephen Bubb"),
            &[
                "IPPR critiques Work Programme",
                "Stephen Bubb critiques Work Programme",
            ],
        ),
        // "I agree with X that …": X holds it too.
        (
            "I agree with IPPR that localism is vital.",
            BLOG,
            Some("Stephen Bubb"),
            &["IPPR supports localism", "Stephen Bubb supports localism"],
        ),
        // A relative clause speaks for the actor before it.
        (
            "The figures come from IPPR, which said localism is vital.",
            NEWS,
            None,
            &["IPPR supports localism"],
        ),
        // The speaker after the quotation.
        (
            "“The Work Programme has failed,” said Bubb.",
            NEWS,
            None,
            &["Stephen Bubb critiques Work Programme"],
        ),
        (
            "According to IPPR, localism is vital.",
            NEWS,
            None,
            &["IPPR supports localism"],
        ),
        // The apposition is skipped: Bubb speaks, not ACEVO.
        (
            "Sir Stephen Bubb, chief executive of Acevo, said personalisation is vital.",
            NEWS,
            None,
            &["Stephen Bubb supports personalisation"],
        ),
        // Joint speakers.
        (
            "Owen and Hutton said the Big Society is vital.",
            NEWS,
            None,
            &[
                "Rob Owen supports Big Society",
                "Will Hutton supports Big Society",
            ],
        ),
        // Pronouns and publications.
        (
            "Bubb spoke first. He said localism is vital.",
            NEWS,
            None,
            &["Stephen Bubb supports localism"],
        ),
        (
            "The IPPR report argues for localism. The report says personalisation is vital.",
            NEWS,
            None,
            &["IPPR supports localism", "IPPR supports personalisation"],
        ),
        (
            "IPPR met ministers. It calls for localism.",
            NEWS,
            None,
            &["IPPR supports localism"],
        ),
        // The last named holder is carried on in news.
        (
            "IPPR said localism is vital. Personalisation is vital too.",
            NEWS,
            None,
            &["IPPR supports localism", "IPPR supports personalisation"],
        ),
        // ... but not for ever.
        (
            "IPPR said localism is vital. One. Two. Three. Four. Personalisation is vital.",
            NEWS,
            None,
            &["IPPR supports localism"],
        ),
        // The author's own voice in a blog; nobody's in anonymous news.
        (
            "Personalisation is vital.",
            BLOG,
            Some("Stephen Bubb"),
            &["Stephen Bubb supports personalisation"],
        ),
        ("Personalisation is vital.", NEWS, None, &[]),
        // A frame argnet cannot name takes the sentence from the author.
        (
            "The Minister said the Big Society is vital.",
            BLOG,
            Some("Stephen Bubb"),
            &[],
        ),
        (
            "Critics say the Big Society is meaningless.",
            BLOG,
            Some("Stephen Bubb"),
            &[],
        ),
        // "It" judged right after a sentence with one concept.
        (
            "Ministers discussed the Big Society. It is meaningless.",
            BLOG,
            Some("Stephen Bubb"),
            &["Stephen Bubb critiques Big Society"],
        ),
        // A list opened by a colon belongs to the holder of the colon.
        (
            "IPPR proposes two shifts:\n\n• Localism is vital.\n• Personalisation is vital.",
            BLOG,
            Some("Stephen Bubb"),
            &["IPPR supports localism", "IPPR supports personalisation"],
        ),
        // Comment headers open turns.
        (
            "Personalisation is vital.\n\nJanet F said...\n\nThe Work Programme has failed.",
            BLOG,
            Some("Stephen Bubb"),
            &[
                "Janet F critiques Work Programme",
                "Stephen Bubb supports personalisation",
            ],
        ),
        // Speaker lines open turns; agreement adopts the previous position.
        (
            "Lord Smith (Con):\nThe Work Programme has failed.\n\nBaroness Jones:\nI entirely agree.",
            DocumentKind::Transcript,
            None,
            &[
                "Baroness Jones critiques Work Programme",
                "Lord Smith critiques Work Programme",
            ],
        ),
        // A motion is its mover's; "as X has stated" inside it is an
        // aside, not its holder; a reasoned amendment opposes the Bill.
        (
            "Lord Smith (Con):\nI beg to move,\n\nThat this House notes the failure of the Work Programme and calls on IPPR to support localism.",
            DocumentKind::Transcript,
            None,
            &[
                "Lord Smith critiques Work Programme",
                "Lord Smith supports localism",
            ],
        ),
        (
            "Lord Smith (Con):\nI beg to move an amendment:\n\n“this House declines to give a Second Reading to the Work Programme because it fails, as Stephen Bubb has stated.”",
            DocumentKind::Transcript,
            None,
            &["Lord Smith critiques Work Programme"],
        ),
        // The agent of a passive holds it, and the passive judges its
        // subject; a passive without a named agent holds nothing new.
        (
            "The Work Programme was welcomed by IPPR. Localism has been strongly criticised by Stephen Bubb.",
            NEWS,
            None,
            &[
                "IPPR supports Work Programme",
                "Stephen Bubb critiques localism",
            ],
        ),
        ("The Work Programme was launched by IPPR.", NEWS, None, &[]),
        // "X and I": a joint subject with the speaker.
        (
            "Mr Allen (Lab):\nLord Freud and I welcome charities.",
            DocumentKind::Transcript,
            None,
            &[
                "Lord Freud supports role of the third sector",
                "Mr Allen supports role of the third sector",
            ],
        ),
    ];
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(text, kind, author, want)| {
            let got = statements(text, *kind, *author);
            (got != *want).then(|| format!("{text:?}\n   got {got:?}\n  want {want:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

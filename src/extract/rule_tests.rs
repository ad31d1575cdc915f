//! Extract stage, tests only: the text rules end to end, one table row per
//! pattern, each with the statements (or affiliations, citations) it must
//! give — and negatives that must give nothing. The rules span
//! attribution, stance and discovery, so their table lives here rather
//! than in any one of those files (which keep their own small tables).

use super::*;
use crate::corpus::{DocumentKind, DocumentMeta, document_from_text};

fn codebook() -> Codebook {
    let text = r#"
[[actor]]
name = "ACEVO"
kind = "organisation"
aliases = ["Acevo"]

[[actor]]
name = "IPPR"
kind = "organisation"

[[actor]]
name = "Stephen Bubb"
kind = "person"
aliases = ["Sir Stephen Bubb", "Bubb"]

[[actor]]
name = "Nick Pearce"
kind = "person"
aliases = ["Pearce"]

[[actor]]
name = "Rob Owen"
kind = "person"
aliases = ["Owen"]

[[actor]]
name = "Will Hutton"
kind = "person"
aliases = ["Hutton"]

[[concept]]
name = "Big Society"

[[concept]]
name = "Work Programme"

[[concept]]
name = "personalisation"

[[concept]]
name = "payment by results"

[[concept]]
name = "localism"

[[concept]]
name = "service integration"
opposites = ["silos"]

[[concept]]
name = "public spending cuts"
aliases = ["spending cuts"]

[[concept]]
name = "role of the third sector"
aliases = ["charities", "voluntary sector"]
"#;
    Codebook::parse(text, std::path::Path::new("test.toml")).expect("test codebook")
}

/// Extract from one text; `kind` and `author` are the document's metadata.
fn run(
    text: &str,
    kind: DocumentKind,
    author: Option<&str>,
) -> (Extraction, crate::corpus::Corpus) {
    let meta = DocumentMeta {
        kind: Some(kind),
        author: author.map(str::to_owned),
        ..DocumentMeta::default()
    };
    let corpus = crate::corpus::Corpus {
        documents: vec![document_from_text("d.txt", text, meta)],
        warnings: vec![],
    };
    (
        extract(&corpus, &codebook(), &ExtractConfig::default()),
        corpus,
    )
}

/// "Actor supports concept" lines, sorted and without repeats.
fn statements(text: &str, kind: DocumentKind, author: Option<&str>) -> Vec<String> {
    let (extraction, _) = run(text, kind, author);
    let name = |id: EntityId| extraction.entities[id.0].name.clone();
    let mut out: Vec<String> = extraction.documents[0]
        .statements
        .iter()
        .map(|s| {
            let verb = match s.stance {
                Stance::Support => "supports",
                Stance::Critique => "critiques",
            };
            format!("{} {verb} {}", name(s.actor), name(s.concept))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

const NEWS: DocumentKind = DocumentKind::News;
const BLOG: DocumentKind = DocumentKind::Blog;

#[test]
fn stance_table() {
    // (text, statements). News without an author: only named holders.
    let rows: &[(&str, &[&str])] = &[
        // Cues after the concept they judge.
        (
            "Bubb said the Work Programme is misguided.",
            &["Stephen Bubb critiques Work Programme"],
        ),
        (
            "Bubb said personalisation is vital.",
            &["Stephen Bubb supports personalisation"],
        ),
        // Cues before the concept they govern.
        (
            "ACEVO welcomes the Big Society.",
            &["ACEVO supports Big Society"],
        ),
        (
            "Acevo has called for a radical redesign of the Work Programme.",
            &["ACEVO critiques Work Programme"],
        ),
        (
            "Bubb said that ministers should involve charities.",
            &["Stephen Bubb supports role of the third sector"],
        ),
        // The nearest cue takes over: "calls for an end to X".
        (
            "ACEVO calls for an end to the Work Programme.",
            &["ACEVO critiques Work Programme"],
        ),
        // Negatives: a concept near a cue word, but not governed by it.
        ("ACEVO met Bubb to discuss the Big Society.", &[]),
        (
            "ACEVO welcomes new members; the Big Society was discussed.",
            &[],
        ),
        (
            "The Big Society was debated before ACEVO welcomed its guests.",
            &[],
        ),
        ("Bubb said personalisation brings effective services.", &[]),
        (
            "Bubb said we should ensure that the Work Programme is reviewed.",
            &[],
        ),
        // Negation flips; "requires no X" drops.
        (
            "Bubb said the Work Programme is not effective.",
            &["Stephen Bubb critiques Work Programme"],
        ),
        (
            "Bubb said personalisation no longer works.",
            &["Stephen Bubb critiques personalisation"],
        ),
        (
            "Bubb said it is not only personalisation that works.",
            &["Stephen Bubb supports personalisation"],
        ),
        ("Bubb said reform requires no new spending cuts.", &[]),
        // Contrast: what follows the marker takes the opposite stance.
        (
            "ACEVO calls for localism rather than the Work Programme.",
            &["ACEVO critiques Work Programme", "ACEVO supports localism"],
        ),
        (
            "IPPR argues for localism, not payment by results.",
            &[
                "IPPR critiques payment by results",
                "IPPR supports localism",
            ],
        ),
        // Coordination carries a cue to every listed concept.
        (
            "IPPR said localism and personalisation are vital.",
            &["IPPR supports localism", "IPPR supports personalisation"],
        ),
        // An opposite form reverses the stance.
        (
            "IPPR wants to break down silos.",
            &["IPPR supports service integration"],
        ),
        // A harm verb critiques its subject and values its object.
        (
            "Bubb warned that spending cuts stifle charities.",
            &[
                "Stephen Bubb critiques public spending cuts",
                "Stephen Bubb supports role of the third sector",
            ],
        ),
        // A cue's object ends at a comma; a subordinate clause ends there
        // too; "there is" has no subject to judge.
        (
            "Bubb said ministers must reduce waits, localism and personalisation can be very effective.",
            &[
                "Stephen Bubb supports localism",
                "Stephen Bubb supports personalisation",
            ],
        ),
        (
            "Although the Work Programme failed, Bubb said localism is vital.",
            &[
                "Stephen Bubb critiques Work Programme",
                "Stephen Bubb supports localism",
            ],
        ),
        ("Bubb said there is an opportunity in localism.", &[]),
        (
            "Bubb said reform is an opportunity to pursue localism.",
            &["Stephen Bubb supports localism"],
        ),
        // A possessive actor holds its own cue.
        (
            "The plan builds on Bubb’s commitment to personalisation.",
            &["Stephen Bubb supports personalisation"],
        ),
    ];
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(text, want)| {
            let got = statements(text, NEWS, None);
            (got != *want).then(|| format!("{text:?}\n   got {got:?}\n  want {want:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn attribution_table() {
    // (text, kind, author, statements)
    type Row<'a> = (&'a str, DocumentKind, Option<&'a str>, &'a [&'a str]);
    let rows: &[Row] = &[
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

#[test]
fn discovered_concepts_need_a_stance() {
    let text = "Early intervention is vital. We want more early intervention. Family nurses visit. Family nurses help.";
    let found = statements(text, BLOG, Some("Stephen Bubb"));
    assert_eq!(found, vec!["Stephen Bubb supports early intervention"]);
    let (extraction, _) = run(text, BLOG, Some("Stephen Bubb"));
    let names: Vec<&str> = extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"early intervention"), "{names:?}");
    // Repeated but argued about by nobody: no concept.
    assert!(!names.contains(&"family nurses"), "{names:?}");
}

#[test]
fn affiliations_table() {
    let rows: &[(&str, &[(&str, &str)])] = &[
        (
            "Sir Stephen Bubb, chief executive of Acevo, said so.",
            &[("Stephen Bubb", "ACEVO")],
        ),
        (
            "Nick Pearce, IPPR Director, said so.",
            &[("Nick Pearce", "IPPR")],
        ),
        (
            "IPPR Director Nick Pearce said so.",
            &[("Nick Pearce", "IPPR")],
        ),
        ("Bubb met IPPR and Acevo.", &[]),
        ("Mr Jo Bloggs (Sheffield) (Lab):\nI agree.", &[]),
    ];
    for (text, want) in rows {
        let (extraction, _) = run(text, NEWS, None);
        let name = |id: EntityId| extraction.entities[id.0].name.as_str();
        let got: Vec<(&str, &str)> = extraction.documents[0]
            .affiliations
            .iter()
            .map(|a| (name(a.person), name(a.organisation)))
            .collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

#[test]
fn citations_table() {
    // (text, kind, author, (citing, cited))
    type Row<'a> = (
        &'a str,
        DocumentKind,
        Option<&'a str>,
        &'a [(&'a str, &'a str)],
    );
    let rows: &[Row] = &[
        (
            "Acevo has said in a report that reform is needed. Its report Remaking the State: A Call to Action argues for localism.",
            NEWS,
            None,
            &[("ACEVO", "Remaking the State: A Call to Action")],
        ),
        (
            "Contracts must follow the Social Value Act.",
            BLOG,
            Some("Stephen Bubb"),
            &[("Stephen Bubb", "Social Value Act")],
        ),
        // Nobody holds it: the document cites.
        (
            "The Social Value Act was passed in 2012.",
            NEWS,
            None,
            &[("(document)", "Social Value Act")],
        ),
        // A bare web address on its own line is page furniture.
        ("Read more.\n\nwww.example.org/page", NEWS, None, &[]),
    ];
    for (text, kind, author, want) in rows {
        let (extraction, _) = run(text, *kind, *author);
        let name = |id: Option<EntityId>| {
            id.map_or("(document)", |id| extraction.entities[id.0].name.as_str())
        };
        let mut got: Vec<(&str, &str)> = extraction.documents[0]
            .citations
            .iter()
            .map(|c| (name(c.citing), name(Some(c.source))))
            .collect();
        got.dedup();
        assert_eq!(got, *want, "{text:?}");
    }
}

#[test]
fn min_confidence_filters_statements() {
    let text = "IPPR said localism is vital. Personalisation is vital too.";
    let (all, corpus) = run(text, NEWS, None);
    let strict = ExtractConfig::default()
        .with_min_confidence(0.7)
        .expect("valid");
    let some = extract(&corpus, &codebook(), &strict);
    assert!(some.documents[0].statements.len() < all.documents[0].statements.len());
    assert!(
        some.documents[0]
            .statements
            .iter()
            .all(|s| s.confidence >= 0.7)
    );
    assert!(ExtractConfig::default().with_min_confidence(1.5).is_err());
}

#[test]
fn odd_text_does_not_panic() {
    let rows = [
        "",
        "“",
        "”Bubb said:",
        "Bubb said “ unclosed quotation\n\n“and another",
        "( [ — – - ) ] — said",
        "Mr:\nLord :\n(Lab):\nThe ():",
        "He said. She said. It said. They said. We said. I said.",
        "Ünïcode “Big Society” ’s — it is not not not effective, rather than, not",
        "www. http:// Act Bill : : report report",
        "the report Remaking: A B: C D: E F",
        "X and I. and I. —and I have",
        "early intervention early intervention early intervention is vital",
        "Janet F said...\n\nJanet F said...",
    ];
    for text in rows {
        for kind in [NEWS, BLOG, DocumentKind::Transcript] {
            let _ = statements(text, kind, Some("Stephen Bubb"));
        }
    }
}

//! Extract stage, tests only: the text rules end to end, one table row per
//! pattern, each with the statements (or affiliations, citations) it must
//! give — and negatives that must give nothing. The rules span
//! attribution, stance and discovery, so their table lives here rather
//! than in any one of those files (which keep their own small tables).

mod attribution;

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

/// "Actor supports concept" lines, sorted and without repeats, of the
/// statements a stance rule decided (a governing cue, harm, anaphora,
/// agreement). The recall-first statements that rest only on clause
/// polarity or on being named have their own tests (`candidates.rs`,
/// `polarity.rs`) and are left out here.
pub(super) fn statements(text: &str, kind: DocumentKind, author: Option<&str>) -> Vec<String> {
    let (extraction, _) = run(text, kind, author);
    let name = |id: EntityId| extraction.entities[id.0].name.clone();
    let mut out: Vec<String> = extraction.documents[0]
        .statements
        .iter()
        .filter(|s| s.basis.stance.is_rule())
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

pub(super) const NEWS: DocumentKind = DocumentKind::News;
pub(super) const BLOG: DocumentKind = DocumentKind::Blog;

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
        // Ending, banning and cancelling oppose what they end.
        (
            "Bubb said ministers will phase out the Work Programme.",
            &["Stephen Bubb critiques Work Programme"],
        ),
        (
            "ACEVO wants a ban on the Work Programme.",
            &["ACEVO critiques Work Programme"],
        ),
        (
            "Bubb said the Government should axe the Big Society.",
            &["Stephen Bubb critiques Big Society"],
        ),
        // Negatives: a concept near a cue word, but not governed by it.
        ("ACEVO met Bubb to discuss the Big Society.", &[]),
        (
            "The ban was lifted before ACEVO discussed the Big Society.",
            &[],
        ),
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
        // Removing or reducing what a concept names opposes it; a passive
        // removal judges its subject.
        (
            "ACEVO wants to slash the Work Programme budget.",
            &["ACEVO critiques Work Programme"],
        ),
        (
            "ACEVO said schools should have freedom from localism.",
            &["ACEVO critiques localism"],
        ),
        (
            "IPPR said the Work Programme should be removed.",
            &["IPPR critiques Work Programme"],
        ),
        ("ACEVO met charities to cut the ribbon.", &[]),
        // "is clear" reports its subject's view.
        (
            "Bubb is clear that localism is vital.",
            &["Stephen Bubb supports localism"],
        ),
        // Disagreement opposes.
        (
            "IPPR disagreed with the Work Programme.",
            &["IPPR critiques Work Programme"],
        ),
        // A passive harm values its subject; regret opposes.
        (
            "IPPR said localism would be undermined by the plan.",
            &["IPPR supports localism"],
        ),
        (
            "IPPR regrets that the Work Programme was extended.",
            &["IPPR critiques Work Programme"],
        ),
        // A cue that governs a harm values what is harmed.
        (
            "ACEVO wants to stop the cuts to the voluntary sector.",
            &["ACEVO supports role of the third sector"],
        ),
        (
            "IPPR said removing the threat to localism is vital.",
            &["IPPR supports localism"],
        ),
        (
            "IPPR said it would reverse the cut to localism.",
            &["IPPR supports localism"],
        ),
        // A writer's distance from a name opposes it.
        (
            "IPPR said the so-called Big Society is a slogan.",
            &["IPPR critiques Big Society"],
        ),
        // Intentions and pledges support what they intend.
        (
            "IPPR pledged to extend localism.",
            &["IPPR supports localism"],
        ),
        (
            "IPPR intends to abolish the Work Programme.",
            &["IPPR critiques Work Programme"],
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

/// Everyday evaluative idioms and harm verbs (cues/*.txt), with sentences
/// written for this test: each should-fire row has a near miss that must
/// not fire the same way.
#[test]
fn idioms_table() {
    let rows: &[(&str, &[&str])] = &[
        (
            "We think the Work Programme is cold comfort to the unemployed.",
            &["IPPR critiques Work Programme"],
        ),
        ("Localism is long overdue.", &["IPPR supports localism"]),
        (
            "The Big Society has been a lifeline for small charities.",
            &["IPPR supports Big Society"],
        ),
        (
            "Payment by results falls short of what was promised.",
            &["IPPR critiques payment by results"],
        ),
        (
            "The Work Programme does not go far enough.",
            &["IPPR critiques Work Programme"],
        ),
        (
            "Personalisation is a step in the right direction.",
            &["IPPR supports personalisation"],
        ),
        (
            "The Work Programme is a sticking plaster.",
            &["IPPR critiques Work Programme"],
        ),
        (
            "Watering down localism would be a betrayal of our towns.",
            &["IPPR supports localism"],
        ),
        (
            "Ministers are pushing back personalisation again.",
            &["IPPR supports personalisation"],
        ),
        // Near misses: the idiom's words without the idiom.
        (
            "The Work Programme started in the cold winter of 2011.",
            &[],
        ),
        (
            "Localism was on the agenda, though the meeting was overdue by an hour.",
            &[],
        ),
        (
            "Payment by results was the topic; the debate fell on a Tuesday.",
            &[],
        ),
        (
            "We pushed the Work Programme leaflet through every door.",
            &[],
        ),
    ];
    for (text, want) in rows {
        let got = statements(text, BLOG, Some("IPPR"));
        assert_eq!(got, *want, "{text:?}");
    }
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
    // A cue-governed statement and a merely carried mention differ in
    // confidence whatever the calibration table says.
    let text = "IPPR said localism is vital. Personalisation was on the agenda too.";
    let (all, corpus) = run(text, NEWS, None);
    let confidences: Vec<f64> = all.documents[0]
        .statements
        .iter()
        .map(|s| s.confidence)
        .collect();
    let top = confidences.iter().copied().fold(0.0, f64::max);
    assert!(confidences.iter().any(|&c| c < top), "{confidences:?}");
    let strict = ExtractConfig::default()
        .with_min_confidence(top)
        .expect("valid");
    let some = extract(&corpus, &codebook(), &strict);
    assert!(some.documents[0].statements.len() < all.documents[0].statements.len());
    assert!(
        some.documents[0]
            .statements
            .iter()
            .all(|s| s.confidence >= top)
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

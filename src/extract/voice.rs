//! Extract stage: whose voice a document's own narrative is in, when the
//! manifest names no author and the text no byline. A transcript has its
//! speakers and no narrative voice. A press release or an organisation's
//! statement speaks for its issuer (found in `issuer.rs`: the body its
//! headline names, or the organisation of the person it leads with or
//! quotes). A speech whose title or lead names its speaker speaks for
//! them. A committee report speaks as "we" for the committee or
//! commission it names. The
//! genre is read from general signs: "said:" blocks, "announced today",
//! ministerial titles; "we" with "report", "inquiry", "recommend". What
//! is inferred is recorded with the document (`DocumentVoice`) so that a
//! reader of the graph can check it. Nothing here resolves pronouns or
//! attributes single sentences.

use std::collections::HashMap;

use serde::Serialize;

use super::actors::ActorIndex;
use super::clauses::SentenceView;
use super::codebook::ActorKind;
use super::entity::{Entity, EntityId, EntityKind};
use super::issuer;
use super::mentions::Mention;
use super::news;
use super::quotes::quotation_spans;

/// What kind of text the narrative voice was inferred for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Genre {
    /// A press release or an organisation's statement.
    Release,
    /// A committee or commission report speaking as "we".
    Report,
    /// A speech whose title or lead names its speaker ("The Minister of
    /// State for Care delivered a keynote speech at …").
    Speech,
}

/// The inferred voice of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentVoice {
    pub genre: Genre,
    pub actor: EntityId,
}

/// Words that head the name of a body that writes reports.
const REPORT_BODIES: &[&str] = &["committee", "commission", "inquiry", "panel", "review"];
/// Words of report prose.
const REPORT_WORDS: &[&str] = &[
    "report",
    "inquiry",
    "recommend",
    "recommendation",
    "recommendations",
    "conclude",
    "conclusions",
    "witnesses",
    "evidence",
    "findings",
    "found",
];
/// Words of an announcement.
const RELEASE_WORDS: &[&str] = &[
    "announced",
    "announces",
    "announcing",
    "today",
    "published",
    "launched",
    "launches",
    "unveiled",
    "unveils",
    "responded",
    "responding",
    "responds",
    "welcomed",
];
/// Offices that lead a release.
const OFFICES: &[&str] = &[
    "minister",
    "secretary",
    "chancellor",
    "chief executive",
    "director",
    "chair",
    "president",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// Infer the voice of a document without turns or author. `affiliation`
/// gives a person's organisation from the codebook. `lead` are the
/// mentions of the first units as the codebook writes them, descriptions
/// such as "the Secretary of State" included: in a speech's title they
/// name its speaker. O(n) in the text.
pub fn infer(
    text: &str,
    views: &[SentenceView],
    entities: &[Entity],
    actors: &ActorIndex,
    lead: &[Mention],
) -> Option<DocumentVoice> {
    if let Some(actor) = speaker_of_speech(text, views, entities, lead) {
        return Some(DocumentVoice {
            genre: Genre::Speech,
            actor,
        });
    }
    // Signs are read outside quotations: a quoted "we recommend" is the
    // quoted body's, not the document's.
    let own: String = views
        .iter()
        .map(|v| {
            let sentence = &text[v.span.clone()];
            let mut kept = String::with_capacity(sentence.len() + 1);
            let mut at = 0;
            for quoted in quotation_spans(sentence) {
                kept.push_str(&sentence[at..quoted.start]);
                at = quoted.end;
            }
            kept.push_str(&sentence[at..]);
            kept.push('\n');
            kept
        })
        .collect();
    let lower = own.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    // A body writing its own report: "we recommend", "our inquiry".
    let committee_voice = words
        .windows(2)
        .filter(|pair| {
            matches!(pair[0], "we" | "our") && REPORT_WORDS.contains(&pair[1])
                || pair[0] == "we" && COMMITTEE_VERBS.contains(&pair[1])
        })
        .count();
    let said_blocks = views
        .iter()
        .filter(|v| text[v.span.clone()].trim_end().ends_with("said:"))
        .count();
    let release = count(RELEASE_WORDS) + 2 * said_blocks;
    let offices = OFFICES.iter().filter(|o| lower.contains(*o)).count();
    // News quotes people inline ("'…,' said Ms Roe"); a release quotes
    // its minister in a block after "Jane Roe said:".
    let news = news::signs(views, text) && said_blocks == 0;

    if committee_voice >= 2
        && said_blocks == 0
        && let Some(actor) = report_body(views, entities)
    {
        return Some(DocumentVoice {
            genre: Genre::Report,
            actor,
        });
    }
    if release >= 2 && (offices >= 1 || said_blocks > 0) && !news {
        return issuer::issuer(text, views, entities, actors).map(|actor| DocumentVoice {
            genre: Genre::Release,
            actor,
        });
    }
    None
}

/// Units at the top of a text that may announce a speech and its speaker.
pub const LEAD_UNITS: usize = 3;

/// The speaker of a speech: the first person its title or lead names,
/// when they say it is a speech ("Secretary of State speech at the King's
/// Fund", "The Minister delivered a keynote speech at …", "Speech by …").
fn speaker_of_speech(
    text: &str,
    views: &[SentenceView],
    entities: &[Entity],
    lead: &[Mention],
) -> Option<EntityId> {
    let top = &views[..views.len().min(LEAD_UNITS)];
    let speech = top.iter().enumerate().any(|(k, v)| {
        let lower = text[v.span.clone()].to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        (k == 0 && words.contains(&"speech"))
            || words.windows(3).any(|w| {
                matches!(w[0], "delivered" | "gave" | "gives" | "delivers" | "made")
                    && (w[1] == "a" || w[1] == "his" || w[1] == "her")
                    && (w[2] == "speech" || w[2] == "keynote")
            })
    });
    if !speech {
        return None;
    }
    lead.iter()
        .filter(|m| top.iter().any(|v| m.sentence == v.index))
        .find(|m| entities[m.entity.0].actor_kind == Some(ActorKind::Person))
        .map(|m| m.entity)
}

/// Verbs of a committee speaking for itself: "we recommend", "we urge".
const COMMITTEE_VERBS: &[&str] = &[
    "recommend",
    "conclude",
    "found",
    "believe",
    "urge",
    "welcome",
    "expect",
    "call",
    "note",
    "consider",
    "are",
    "remain",
    "have",
];

/// The committee or commission a report names most often.
fn report_body(views: &[SentenceView], entities: &[Entity]) -> Option<EntityId> {
    let mut counts: HashMap<EntityId, usize> = HashMap::new();
    for mention in views.iter().flat_map(|v| v.mentions) {
        let entity = &entities[mention.entity.0];
        let body = entity.kind == EntityKind::Actor
            && entity.actor_kind == Some(ActorKind::Organisation)
            && entity
                .name
                .to_lowercase()
                .split_whitespace()
                .any(|w| REPORT_BODIES.contains(&w));
        if body {
            *counts.entry(mention.entity).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The voice `extract` infers for `text`, with a small codebook.
    fn voice_of(text: &str) -> Option<(Genre, String)> {
        use crate::corpus::{Corpus, DocumentMeta, document_from_text};
        use crate::extract::{Codebook, ExtractConfig, extract};
        let codebook = Codebook::parse(
            r#"
[[actor]]
name = "Jane Roe"
kind = "person"

[[actor]]
name = "Department for Transport"
kind = "organisation"

[[actor]]
name = "Wessex Trust"
kind = "organisation"

[[actor]]
name = "Transport Committee"
kind = "organisation"
"#,
            std::path::Path::new("t.toml"),
        )
        .expect("codebook");
        let corpus = Corpus {
            documents: vec![document_from_text("t.txt", text, DocumentMeta::default())],
            warnings: vec![],
        };
        let extraction = extract(&corpus, &codebook, &ExtractConfig::default());
        extraction.documents[0]
            .voice
            .as_ref()
            .map(|v| (v.genre, extraction.entities[v.actor.0].name.clone()))
    }

    #[test]
    fn voices_table() {
        // Texts written for this test.
        let rows: &[(&str, Option<(Genre, &str)>)] = &[
            // A minister's title names the department.
            (
                "Buses to get more money\n\nTransport Secretary Jane Roe announced today that bus routes will be saved.\n\nJane Roe said:\n\nWe will save routes.",
                Some((Genre::Release, "Department for Transport")),
            ),
            // An organisation's statement names itself in the headline.
            (
                "Cuts will hurt patients, says Wessex Trust\n\nThe Wessex Trust is calling for more funding today.\n\nJane Roe, chief executive of the Wessex Trust, said:\n\nWe need more funding.",
                Some((Genre::Release, "Wessex Trust")),
            ),
            // A committee writing as "we".
            (
                "We recommend that the Transport Committee's findings are acted on. We found that routes were cut. We urge the Government to act, as our inquiry showed.",
                Some((Genre::Report, "Transport Committee")),
            ),
            // News that reports others has no voice of its own.
            (
                "Routes were cut last year. Jane Roe said the cuts were wrong.",
                None,
            ),
            // News with a byline and pronoun attributions, though it has
            // announcement words and offices.
            (
                "Bus fares to rise\n\nBy a staff reporter\n\nThe Department for Transport announced today that fares will rise. The chief executive of the Wessex Trust welcomed the news. \"It is overdue,\" she said. Jane Roe welcomed it too.",
                None,
            ),
            (
                "Bus fares to rise\n\nBy Jane Roe, Transport Correspondent\n\nThe Department for Transport announced today that fares will rise, and the Transport Secretary welcomed the plan.",
                None,
            ),
        ];
        for (text, want) in rows {
            let got = voice_of(text);
            assert_eq!(got.as_ref().map(|(g, n)| (*g, n.as_str())), *want, "{text}");
        }
    }
}

//! Extract stage, the holders pass: whose position each unit states. It
//! turns speaker labels into turns (the chair's turns hold nothing), finds
//! the document's voice — the manifest's author, a byline, or the issuer a
//! release or report speaks for (`voice.rs`) — and runs attribution
//! (`attribution.rs`: quotations, reporting frames, speeches after "X
//! said:", lists, turns, the author) over the units. It also gives the
//! voice of each unit (whoever speaks, whatever the unit reports) and the
//! cited titles, which speak for their publishers. No stance here.

use std::collections::HashMap;
use std::ops::Range;

use super::SourceKind;
use super::attribution::{Attributor, Holding, How};
use super::citations::{self, Title};
use super::clauses::SentenceView;
use super::discovery::DocumentDiscovery;
use super::document::Shared;
use super::entity::EntityId;
use super::labels;
use super::voice::{self, DocumentVoice};
use crate::corpus::{Document, DocumentKind};

/// Who holds what in one document.
pub struct Holders {
    /// Unit index of a speaker label → the speakers of the turn it opens
    /// (empty for the chair or a speaker argnet cannot name).
    pub turns: HashMap<usize, Vec<EntityId>>,
    /// The holder of each unit.
    pub holdings: Vec<Option<Holding>>,
    /// The voice of each unit: the speaker of its turn, else the author.
    pub voices: Vec<Option<Holding>>,
    /// A news report: its author reports, and holds nothing it reports.
    pub news: bool,
    /// The issuer inferred for a release or report.
    pub voice: Option<DocumentVoice>,
    /// Titles cited in the document.
    pub titles: Vec<Title>,
}

/// Find the holders of `document`'s units. `views` are its units with
/// their mentions. O(n·k) for n units of k words.
pub fn find(
    document: &Document,
    found: &DocumentDiscovery,
    shared: &Shared,
    views: &[SentenceView],
) -> Holders {
    let text = document.text.as_str();
    let entities = shared.entities;
    let mut turns: HashMap<usize, Vec<EntityId>> = HashMap::new();
    for turn in &found.turns {
        // A speaker argnet cannot name still ends the turn before; so
        // does the chair, who takes no side.
        let chair = turn.offices.iter().any(|o| labels::is_chair(o))
            || labels::is_chair(&turn.speaker.name);
        let speakers = match chair {
            true => Vec::new(),
            false => shared.actors.resolve(&turn.speaker).into_iter().collect(),
        };
        turns.insert(turn.sentence, speakers);
    }
    let opening = found
        .opening
        .as_ref()
        .and_then(|o| shared.actors.resolve(o));
    let mut author = found.author.as_ref().and_then(|a| shared.actors.resolve(a));
    let mut author_how = How::Author;
    // Without an author or speakers, a release or report speaks for the
    // body that issued it; a news report for no one.
    let narrative = !matches!(
        document.meta.kind,
        Some(DocumentKind::News | DocumentKind::Transcript)
    );
    let voice = if author.is_none() && found.turns.iter().all(|t| t.header) && narrative {
        let lead: Vec<_> = document
            .sentences
            .iter()
            .take(voice::LEAD_UNITS)
            .enumerate()
            .flat_map(|(index, unit)| {
                shared
                    .matcher
                    .find(text, unit.span.clone())
                    .into_iter()
                    .map(move |m| super::mentions::Mention {
                        sentence: index,
                        ..m
                    })
            })
            .collect();
        voice::infer(text, views, entities, shared.actors, &lead)
    } else {
        None
    };
    if let Some(voice) = &voice {
        author = Some(voice.actor);
        author_how = How::Issuer;
    }
    let titles = citations::find_titles(text, views, entities);
    let title_spans: Vec<Range<usize>> = titles
        .iter()
        .filter(|t| t.kind != SourceKind::Url)
        .map(|t| t.span.clone())
        .collect();
    let attributor = Attributor {
        text,
        entities,
        lexicon: shared.lexicon,
        views,
        turns: &turns,
        author,
        author_how,
        opening,
        kind: document.meta.kind,
        titles: &title_spans,
    };
    Holders {
        holdings: attributor.attribute(),
        voices: attributor.voices(),
        news: document.meta.kind == Some(DocumentKind::News),
        turns,
        voice,
        titles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocumentMeta, document_from_text};
    use crate::extract::actors;
    use crate::extract::codebook::Codebook;
    use crate::extract::discovery::discover_document;
    use crate::extract::entity::entities_from_codebook;
    use crate::extract::lexicon::BUILTIN;
    use crate::extract::mentions::MentionMatcher;
    use crate::extract::units::Units;

    /// "holder (how)" of every unit of `text`.
    fn holders(text: &str) -> Vec<String> {
        let codebook = Codebook::parse(
            r#"
[[actor]]
name = "Jane Roe"
kind = "person"
affiliation = "Department for Transport"

[[actor]]
name = "Department for Transport"
kind = "organisation"

[[actor]]
name = "Transport Committee"
kind = "organisation"

[[actor]]
name = "Sam Poe"
kind = "person"
aliases = ["The Secretary of State"]

[[actor]]
name = "UK Government"
kind = "organisation"
aliases = ["the government"]

[[concept]]
name = "bus franchising"
"#,
            std::path::Path::new("t.toml"),
        )
        .expect("codebook");
        let mut entities = entities_from_codebook(&codebook);
        let document = document_from_text("t.txt", text, DocumentMeta::default());
        let found = discover_document(&document, &Default::default());
        let index = actors::merge(&mut entities, std::slice::from_ref(&found));
        let matcher = MentionMatcher::new(&entities);
        let shared = Shared {
            entities: &entities,
            actors: &index,
            matcher: &matcher,
            lexicon: &BUILTIN,
            discover: false,
        };
        let units_document = Document {
            sentences: found.sentences.clone(),
            ..document
        };
        let units = Units::read(&units_document, &shared);
        let views = units.views(&units.mentions);
        let held = find(&units_document, &found, &shared, &views);
        held.holdings
            .iter()
            .map(|h| match h {
                Some(h) => format!(
                    "{} ({})",
                    h.actors
                        .iter()
                        .map(|a| entities[a.0].name.as_str())
                        .collect::<Vec<_>>()
                        .join(" + "),
                    h.how.key()
                ),
                None => "-".into(),
            })
            .collect()
    }

    #[test]
    fn holders_table() {
        let rows: &[(&str, &[&str])] = &[
            // A release speaks for the department of the minister it
            // quotes; the unquoted speech after "X said:" is the minister's.
            (
                "Buses to be franchised, Transport Secretary Jane Roe announced today.\n\nThe plan will cut fares.\n\nJane Roe said:\n\nWe will deliver bus franchising.\n\nThe consultation closes in May.",
                &[
                    "Jane Roe (frame)",
                    "Department for Transport (issuer)",
                    "Jane Roe (frame)",
                    "Jane Roe (quote)",
                    "Department for Transport (issuer)",
                ],
            ),
            // The speech runs across blocks without "I"/"we" to one that
            // speaks so again, and stops at another voice; with no
            // department named, a release speaks for the government.
            (
                "Fares frozen, announces Chancellor.\n\nThe government has acted today.\n\nSam Poe said:\n\nWe will freeze fares.\n\nThe freeze starts in May.\n\nWe are proud of it.\n\nSam Poe added:\n\nIt works.\n\nThe freeze ends in June.",
                &[
                    "UK Government (issuer)",
                    "UK Government (issuer)",
                    "Sam Poe (frame)",
                    "Sam Poe (quote)",
                    "Sam Poe (quote)",
                    "Sam Poe (quote)",
                    "Sam Poe (frame)",
                    "Sam Poe (quote)",
                    "UK Government (issuer)",
                ],
            ),
            // A list of findings runs through whole blocks of several
            // sentences, and a heading ends it.
            (
                "The Transport Committee's report on buses was published today.\n\nThe report's main conclusions were as follows:\n\nFunding is too low. Councils cannot cope.\n\nFares should fall.\n\nBackground\n\nThe inquiry began in May.",
                &[
                    "-",
                    "Transport Committee (report)",
                    "Transport Committee (list)",
                    "Transport Committee (list)",
                    "Transport Committee (list)",
                    "Transport Committee (carried)",
                    "-",
                ],
            ),
            // A speech whose lead names its speaker, even by a
            // description the codebook gives: its "I" and "we" are theirs.
            (
                "Bus reform\n\nThe Secretary of State delivered a speech at the conference.\n\nWe will deliver bus franchising.",
                &["Sam Poe (issuer)", "Sam Poe (issuer)", "Sam Poe (issuer)"],
            ),
            // A transcript: the label holds nothing, its turn holds the
            // speech; the chair holds nothing.
            (
                "Mary Green (Wessex) (Lab)\n\nWe want bus franchising.\n\nMr Speaker\n\nOrder.\n\nTom Brown (Upton) (Con)\n\nI agree.",
                &["-", "Mary Green (frame)", "-", "-", "-", "Tom Brown (turn)"],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(holders(text), *want, "{text}");
        }
    }
}

//! Extract stage, the mentions pass: every unit of a document (a sentence,
//! or a piece of one cut at a speaker label by `segments.rs`) with what
//! later passes read in it — the actors and concepts it names
//! (`mentions.rs`; generic descriptions such as "the scheme" kept only
//! where the document names the thing otherwise too), the lexicon's cues
//! and the clause layout (`clauses.rs`) — and the concepts named together
//! in one unit. It decides no holder and no stance.

use std::collections::BTreeSet;

use super::CoOccurrence;
use super::clauses::{Layout, SentenceView};
use super::document::Shared;
use super::entity::{Entity, EntityId, EntityKind};
use super::lexicon::LexMatch;
use super::mentions::{self, Mention};
use super::references;
use crate::corpus::Document;

/// A document's units with their mentions, cues and layouts.
pub struct Units<'a> {
    pub document: &'a Document,
    /// Mentions of codebook and discovered actors and concepts, by unit.
    pub mentions: Vec<Mention>,
    /// Cues and clause layout of each unit; they do not depend on mentions.
    geometry: Vec<(Vec<LexMatch>, Layout)>,
}

impl<'a> Units<'a> {
    /// Read `document` (whose sentences are its units). O(n) in the text.
    pub fn read(document: &'a Document, shared: &Shared) -> Self {
        let text = document.text.as_str();
        let mut mentions = shared.matcher.find_in_document(document);
        mentions::keep_specific(&mut mentions, text, shared.entities);
        // "the Bill" after "the Energy Bill" (`references.rs`).
        let named: Vec<_> = mentions
            .iter()
            .filter(|m| shared.entities[m.entity.0].kind == EntityKind::Concept)
            .filter_map(|m| {
                let head = references::head(&text[m.span.clone()])?;
                Some((m.entity, m.span.clone(), head))
            })
            .collect();
        let spans: Vec<_> = document.sentences.iter().map(|s| s.span.clone()).collect();
        // A form the codebook lists ("this Bill") keeps its entity.
        let found: Vec<Mention> = references::resolve(text, &spans, &named)
            .into_iter()
            .filter(|r| !mentions::any_overlaps(&mentions, &r.span))
            .collect();
        if !found.is_empty() {
            mentions.extend(found);
            mentions.sort_by_key(|m| (m.sentence, m.span.start));
        }
        let geometry = document
            .sentences
            .iter()
            .map(|sentence| {
                let cues = shared.lexicon.find(text, sentence.span.clone());
                let layout = Layout::new(text, sentence.span.clone(), shared.lexicon, &cues);
                (cues, layout)
            })
            .collect();
        Units {
            document,
            mentions,
            geometry,
        }
    }

    /// One view per unit over `mentions` (sorted by unit): the mentions
    /// found here, or those with discovered concepts added.
    pub fn views<'m>(&self, mentions: &'m [Mention]) -> Vec<SentenceView<'m>> {
        let mut views = Vec::with_capacity(self.document.sentences.len());
        let mut rest = mentions;
        for (index, (sentence, (cues, layout))) in self
            .document
            .sentences
            .iter()
            .zip(&self.geometry)
            .enumerate()
        {
            let count = rest.iter().take_while(|m| m.sentence == index).count();
            let (here, after) = rest.split_at(count);
            rest = after;
            views.push(SentenceView {
                index,
                span: sentence.span.clone(),
                block: sentence.block,
                mentions: here,
                cues: cues.clone(),
                layout: layout.clone(),
            });
        }
        views
    }
}

/// Each pair of distinct concepts mentioned in one unit, once per unit.
pub fn cooccurrences(mentions: &[Mention], entities: &[Entity]) -> Vec<CoOccurrence> {
    let mut pairs = Vec::new();
    for sentence in mentions.chunk_by(|a, b| a.sentence == b.sentence) {
        let concepts: BTreeSet<EntityId> = sentence
            .iter()
            .map(|m| m.entity)
            .filter(|id| entities[id.0].kind == EntityKind::Concept)
            .collect();
        let concepts: Vec<EntityId> = concepts.into_iter().collect();
        for (i, &first) in concepts.iter().enumerate() {
            for &second in &concepts[i + 1..] {
                pairs.push(CoOccurrence {
                    first,
                    second,
                    sentence: sentence[0].sentence,
                });
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocumentMeta, document_from_text};
    use crate::extract::actors::ActorIndex;
    use crate::extract::codebook::Codebook;
    use crate::extract::entity::entities_from_codebook;
    use crate::extract::lexicon::BUILTIN;
    use crate::extract::mentions::MentionMatcher;

    #[test]
    fn units_table() {
        let codebook = Codebook::parse(
            r#"
[[concept]]
name = "bus franchising"
aliases = ["franchising", "the scheme"]

[[concept]]
name = "smart ticketing"
"#,
            std::path::Path::new("t.toml"),
        )
        .expect("codebook");
        let entities = entities_from_codebook(&codebook);
        let matcher = MentionMatcher::new(&entities);
        let actors = ActorIndex::new(&entities);
        let shared = Shared {
            entities: &entities,
            actors: &actors,
            matcher: &matcher,
            lexicon: &BUILTIN,
            discover: false,
        };
        // (text, mentions per unit, cue phrases per unit)
        type Row<'a> = (&'a str, &'a [&'a [&'a str]], &'a [&'a [&'a str]]);
        let rows: &[Row] = &[
            (
                "We support franchising and smart ticketing. The scheme works.",
                &[&["franchising", "smart ticketing"], &["The scheme"]],
                &[&["support", "and"], &["works"]],
            ),
            // Without a specific mention, "the scheme" names nothing.
            ("The scheme works.", &[&[]], &[&["works"]]),
        ];
        for (text, want_mentions, want_cues) in rows {
            let document = document_from_text("t.txt", text, DocumentMeta::default());
            let units = Units::read(&document, &shared);
            let views = units.views(&units.mentions);
            let got: Vec<Vec<&str>> = views
                .iter()
                .map(|v| v.mentions.iter().map(|m| &text[m.span.clone()]).collect())
                .collect();
            assert_eq!(got, *want_mentions, "{text}");
            let cues: Vec<Vec<&str>> = views
                .iter()
                .map(|v| v.cues.iter().map(|c| BUILTIN.phrase(c)).collect())
                .collect();
            assert_eq!(cues, *want_cues, "{text}");
        }
        let document = document_from_text(
            "t.txt",
            "Franchising and smart ticketing go together.",
            DocumentMeta::default(),
        );
        let units = Units::read(&document, &shared);
        assert_eq!(cooccurrences(&units.mentions, &entities).len(), 1);
    }
}

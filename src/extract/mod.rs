//! Extract stage: codebook + text → [`Extraction`]: mentions of actors and
//! concepts, co-occurrences, and (from the stance rules) statements,
//! citations and affiliations, each tied to the sentence that justifies it.
//! Documents are independent, so extraction runs in parallel. It builds no
//! graph and touches no file.

pub mod codebook;
pub mod entity;
pub mod mentions;

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use codebook::{ActorEntry, ActorKind, Codebook, ConceptEntry, CueLists};
pub use entity::{Entity, EntityId, EntityKind, Origin, SourceKind, entities_from_codebook};
pub use mentions::{Mention, MentionMatcher};

use crate::corpus::{Corpus, Document};

/// Everything found in a corpus. `documents[i]` belongs to
/// `corpus.documents[i]`.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub documents: Vec<DocumentExtraction>,
}

/// What was found in one document. Every item names its sentence (an index
/// into [`Document::sentences`]).
#[derive(Debug, Clone, Default)]
pub struct DocumentExtraction {
    pub mentions: Vec<Mention>,
    pub cooccurrences: Vec<CoOccurrence>,
    pub statements: Vec<Statement>,
    pub citations: Vec<Citation>,
    pub affiliations: Vec<Affiliation>,
    pub quotes: Vec<Quote>,
}

/// Two distinct concepts in one sentence; `first < second`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoOccurrence {
    pub first: EntityId,
    pub second: EntityId,
    pub sentence: usize,
}

/// An actor's position on a concept.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub actor: EntityId,
    pub concept: EntityId,
    pub stance: Stance,
    pub sentence: usize,
    pub confidence: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Critique,
}

/// An actor (or, with `citing: None`, the document itself) refers to a
/// source.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub citing: Option<EntityId>,
    pub source: EntityId,
    pub sentence: usize,
    pub confidence: f64,
}

/// "X, chief executive of Y": a person belongs to an organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Affiliation {
    pub person: EntityId,
    pub organisation: EntityId,
    pub sentence: usize,
    pub confidence: f64,
}

/// The document quotes an actor's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub actor: EntityId,
    pub sentence: usize,
}

/// Settings for extraction.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    /// Statements, citations and affiliations below this confidence are
    /// dropped.
    pub min_confidence: f64,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            min_confidence: 0.0,
        }
    }
}

/// Extract from every document of `corpus`, in parallel, in corpus order.
pub fn extract(corpus: &Corpus, codebook: &Codebook, config: &ExtractConfig) -> Extraction {
    let entities = entities_from_codebook(codebook);
    let matcher = MentionMatcher::new(&entities);
    let documents = corpus
        .documents
        .par_iter()
        .map(|document| extract_document(document, &entities, &matcher, config))
        .collect();
    Extraction {
        entities,
        documents,
    }
}

fn extract_document(
    document: &Document,
    entities: &[Entity],
    matcher: &MentionMatcher,
    _config: &ExtractConfig,
) -> DocumentExtraction {
    let mentions = matcher.find_in_document(document);
    let cooccurrences = cooccurrences(&mentions, entities);
    DocumentExtraction {
        mentions,
        cooccurrences,
        ..DocumentExtraction::default()
    }
}

/// Each pair of distinct concepts mentioned in one sentence, once per
/// sentence.
fn cooccurrences(mentions: &[Mention], entities: &[Entity]) -> Vec<CoOccurrence> {
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

    #[test]
    fn cooccurrence_is_per_sentence_and_distinct() {
        let codebook = Codebook {
            concepts: vec![
                ConceptEntry {
                    name: "Total Place".into(),
                    aliases: vec![],
                },
                ConceptEntry {
                    name: "Community Budgets".into(),
                    aliases: vec![],
                },
                ConceptEntry {
                    name: "localism".into(),
                    aliases: vec![],
                },
            ],
            ..Codebook::default()
        };
        let text = "Total Place and Community Budgets and Total Place again. Localism alone. Localism and Total Place.";
        let corpus = Corpus {
            documents: vec![document_from_text("d.txt", text, DocumentMeta::default())],
            warnings: vec![],
        };
        let extraction = extract(&corpus, &codebook, &ExtractConfig::default());
        let doc = &extraction.documents[0];
        assert_eq!(doc.mentions.len(), 6);
        let pairs: Vec<(usize, usize, usize)> = doc
            .cooccurrences
            .iter()
            .map(|c| (c.first.0, c.second.0, c.sentence))
            .collect();
        assert_eq!(pairs, vec![(0, 1, 0), (0, 2, 2)]);
    }
}

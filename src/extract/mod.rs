//! Extract stage: codebook + text → [`Extraction`]: mentions of actors and
//! concepts, co-occurrences, and — from attribution and the stance rules —
//! statements, citations, affiliations and quotes, each tied to the
//! sentence that justifies it and carrying a confidence. Actors the
//! codebook lacks (debate speakers, titled people, named organisations) are
//! discovered first, so that every document can mention them. Documents are
//! independent, so both passes run in parallel. It builds no graph and
//! touches no file.

mod actors;
mod affiliations;
mod anaphora;
mod attribution;
mod candidates;
mod citations;
mod clauses;
pub mod codebook;
pub mod confidence;
mod connectives;
mod discovered;
mod discovery;
mod document;
pub mod entity;
mod frames;
mod holders;
mod issuer;
mod labels;
pub mod lexicon;
pub mod mentions;
mod news;
mod phrases;
mod polarity;
mod policy_names;
mod pos;
mod propositions;
mod publications;
mod quotes;
mod references;
#[cfg(test)]
mod rule_tests;
mod runs;
mod segments;
mod speakers;
mod stance;
mod statements;
mod units;
pub mod voice;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use attribution::How;
pub use codebook::{ActorEntry, ActorKind, Codebook, ConceptEntry, CueLists};
pub use connectives::{Inner, Link, inside, opening};
pub use discovery::{Candidate, DocumentDiscovery, Turn, candidates_in, discover_document};
pub use entity::{Entity, EntityId, EntityKind, Origin, SourceKind, entities_from_codebook};
pub use lexicon::{Lexicon, parse_cue_file};
pub use mentions::{Mention, MentionMatcher};
pub use propositions::proposition;
pub use speakers::{
    PersonName, SpeakerLine, parse_comment_header, parse_speaker_line, person_name,
};
pub use voice::{DocumentVoice, Genre};

use crate::corpus::{Corpus, Document, Sentence};
use crate::error::{Error, Result};

/// Everything found in a corpus. `documents[i]` belongs to
/// `corpus.documents[i]`.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub documents: Vec<DocumentExtraction>,
}

/// What was found in one document. Every item names its sentence (an index
/// into [`crate::corpus::Document::sentences`]).
#[derive(Debug, Clone, Default)]
pub struct DocumentExtraction {
    /// The units every `sentence` index below points into: the corpus
    /// sentences, cut where a speaker label runs into one.
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub cooccurrences: Vec<CoOccurrence>,
    pub statements: Vec<Statement>,
    pub citations: Vec<Citation>,
    pub affiliations: Vec<Affiliation>,
    pub quotes: Vec<Quote>,
    /// Who holds each unit: whose position it states (`None`: nobody argnet
    /// can name, or a speaker label).
    pub holders: Vec<Option<Holder>>,
    /// Whose voice the document's own narrative is in, when inferred.
    pub voice: Option<DocumentVoice>,
    /// Speaker labels (not only comment headers) open turns here.
    pub transcript: bool,
}

/// The holder of one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Holder {
    pub actors: Vec<EntityId>,
    pub how: How,
    pub confidence: f64,
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
    /// How sure the rules are, 0 to 1: calibrated from `basis`
    /// (`confidence.rs`).
    pub confidence: f64,
    /// How the holder and the stance were found.
    pub basis: confidence::Basis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Critique,
}

impl Stance {
    /// Support for critique and critique for support.
    pub fn opposite(self) -> Stance {
        match self {
            Stance::Support => Stance::Critique,
            Stance::Critique => Stance::Support,
        }
    }
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
    /// Find actors the codebook does not list.
    pub discover: bool,
}

/// The default `--min-confidence`: the threshold that gave the best F1 on
/// the visible hand-coded sets (`scripts/eval_sets.sh`; README, "How sure
/// is an edge?"). Statements below it are more often wrong than the
/// recall they add is worth.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.35;

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            discover: true,
        }
    }
}

impl ExtractConfig {
    /// Set the confidence threshold; it must lie between 0 and 1.
    pub fn with_min_confidence(mut self, value: f64) -> Result<Self> {
        if !(0.0..=1.0).contains(&value) {
            return Err(Error::InvalidValue {
                name: "--min-confidence",
                value: value.to_string(),
                message: "give a number from 0 to 1, e.g. 0.5".into(),
            });
        }
        self.min_confidence = value;
        Ok(self)
    }
}

/// Extract from every document of `corpus`, in parallel, in corpus order.
/// Two passes: discovery of actors (per document, then merged in corpus
/// order so that ids are stable), then mentions, attribution, stance,
/// affiliations and citations per document. O(total text) per pass.
pub fn extract(corpus: &Corpus, codebook: &Codebook, config: &ExtractConfig) -> Extraction {
    let lexicon: Cow<Lexicon> = if codebook.cues == CueLists::default() {
        Cow::Borrowed(&*lexicon::BUILTIN)
    } else {
        Cow::Owned(Lexicon::new(&codebook.cues))
    };
    let mut entities = entities_from_codebook(codebook);
    let people: HashSet<String> = entities
        .iter()
        .filter(|e| e.actor_kind == Some(ActorKind::Person))
        .flat_map(|e| e.surface_forms().map(str::to_lowercase).collect::<Vec<_>>())
        .collect();
    let mut discoveries: Vec<DocumentDiscovery> = corpus
        .documents
        .par_iter()
        .map(|document| discover_document(document, &people))
        .collect();
    if !config.discover {
        for found in &mut discoveries {
            found.candidates.clear();
        }
    }
    let actors = actors::merge(&mut entities, &discoveries);
    let matcher = MentionMatcher::new(&entities);
    let shared = document::Shared {
        entities: &entities,
        actors: &actors,
        matcher: &matcher,
        lexicon: &lexicon,
        discover: config.discover,
    };
    let findings: Vec<document::DocumentFindings> = corpus
        .documents
        .par_iter()
        .zip(&discoveries)
        .map(|(doc, found)| {
            // Later passes see the units of speech as the sentences.
            let units: Cow<Document> = if found.sentences == doc.sentences {
                Cow::Borrowed(doc)
            } else {
                Cow::Owned(Document {
                    sentences: found.sentences.clone(),
                    ..doc.clone()
                })
            };
            document::extract_document(&units, found, &shared)
        })
        .collect();

    // Discovered concepts and sources are numbered in corpus order, once
    // per name.
    let base = entities.len();
    let mut sources: HashMap<(String, SourceKind), EntityId> = HashMap::new();
    let mut concepts: HashMap<String, EntityId> = HashMap::new();
    let mut documents = Vec::with_capacity(findings.len());
    let keep = |confidence: f64| confidence >= config.min_confidence;
    for (mut found, discovery) in findings.into_iter().zip(discoveries) {
        let local: Vec<EntityId> = found
            .concepts
            .iter()
            .map(|name| {
                *concepts.entry(name.clone()).or_insert_with(|| {
                    entities.push(Entity {
                        origin: Origin::Discovered,
                        ..Entity::concept(name, &[])
                    });
                    EntityId(entities.len() - 1)
                })
            })
            .collect();
        let global = |id: EntityId| id.0.checked_sub(base).map_or(id, |k| local[k]);
        for mention in &mut found.mentions {
            mention.entity = global(mention.entity);
        }
        for statement in &mut found.statements {
            statement.concept = global(statement.concept);
        }
        let citations = found
            .citations
            .into_iter()
            .filter(|c| keep(c.confidence))
            .map(|c| {
                let source = *sources.entry(c.source.clone()).or_insert_with(|| {
                    entities.push(Entity::source(&c.source.0, c.source.1));
                    EntityId(entities.len() - 1)
                });
                Citation {
                    citing: c.citing,
                    source,
                    sentence: c.sentence,
                    confidence: c.confidence,
                }
            })
            .collect();
        documents.push(DocumentExtraction {
            sentences: discovery.sentences,
            mentions: found.mentions,
            cooccurrences: found.cooccurrences,
            statements: found
                .statements
                .into_iter()
                .filter(|s| keep(s.confidence))
                .collect(),
            citations,
            affiliations: found
                .affiliations
                .into_iter()
                .filter(|a| keep(a.confidence))
                .collect(),
            quotes: found.quotes,
            holders: found.holders,
            voice: found.voice,
            transcript: discovery.turns.iter().any(|t| !t.header),
        });
    }
    Extraction {
        entities,
        documents,
    }
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
                    ..ConceptEntry::default()
                },
                ConceptEntry {
                    name: "Community Budgets".into(),
                    ..ConceptEntry::default()
                },
                ConceptEntry {
                    name: "localism".into(),
                    ..ConceptEntry::default()
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

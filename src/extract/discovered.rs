//! Extract stage, the rest of the mentions pass: concepts the codebook
//! does not list. `phrases.rs` proposes them (repeated phrases, names of
//! policies, abstract policy nouns); here they get entity numbers after the
//! shared entities and mentions of their own, and after the statements
//! pass only those some holder took a position on are kept, renumbered
//! from 0, with their mentions. It reads no stance.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::Statement;
use super::clauses::SentenceView;
use super::entity::{Entity, EntityId, EntityKind, Origin, SourceKind};
use super::holders::Holders;
use super::mentions::Mention;
use super::mentions::any_overlaps;
use super::phrases::{self, Phrase, Use};
use super::references;

/// The concepts discovered in one document, before it is known which are
/// argued.
pub struct Discovered {
    phrases: Vec<Phrase>,
    /// One entity per phrase, numbered from the shared entities' count.
    pub entities: Vec<Entity>,
    /// The codebook's mentions and the discovered concepts' uses that end
    /// a phrase, by unit: what stance reads.
    pub mentions: Vec<Mention>,
    /// Uses inside a longer phrase ("public expenditure culture"): they
    /// count as mentions of a kept concept, but no stance reads them.
    modifiers: Vec<Mention>,
    /// The number of shared entities.
    base: usize,
}

/// The share of a document's sentences that name a codebook concept
/// below which the codebook is taken not to cover the document, and a
/// phrase used once becomes a candidate too (else twice).
pub const SPARSE_COVERAGE: f64 = 0.1;

/// Propose concepts in `views` (not in speaker labels or cited titles).
/// Where the codebook's concepts are named in fewer than
/// [`SPARSE_COVERAGE`] of the sentences — a text on topics the codebook
/// does not know — a phrase used once is a candidate; where the codebook
/// covers the text, a phrase must be used twice (the codebook names what
/// matters there, and one-off phrases would mostly add noise). O(w) in the
/// number of words.
pub fn discover(
    text: &str,
    views: &[SentenceView],
    mentions: &[Mention],
    holders: &Holders,
    shared: &[Entity],
    enabled: bool,
) -> Discovered {
    let base = shared.len();
    let skip: HashSet<usize> = holders.turns.keys().copied().collect();
    let sentences = views.iter().filter(|v| !skip.contains(&v.index)).count();
    let with_concept: HashSet<usize> = mentions
        .iter()
        .filter(|m| {
            shared
                .get(m.entity.0)
                .is_some_and(|e| e.kind == EntityKind::Concept)
        })
        .map(|m| m.sentence)
        .collect();
    let sparse = (with_concept.len() as f64) < SPARSE_COVERAGE * sentences as f64;
    let min_uses = if sparse { 1 } else { 2 };
    // A cited report's title names no concept; a Bill or an Act does: it
    // is what a debate argues about.
    let titles: Vec<_> = holders
        .titles
        .iter()
        .filter(|t| !matches!(t.kind, SourceKind::Url | SourceKind::Legislation))
        .map(|t| t.span.clone())
        .collect();
    let mut phrases = if enabled {
        phrases::candidates(text, views, &skip, &titles, min_uses)
    } else {
        Vec::new()
    };
    refer_back(text, views, mentions, &skip, &mut phrases);
    let entities = phrases
        .iter()
        .map(|p| Entity {
            origin: Origin::Discovered,
            ..Entity::concept(&p.name, &[])
        })
        .collect();
    let mut all = mentions.to_vec();
    let mut modifiers = Vec::new();
    for (k, phrase) in phrases.iter().enumerate() {
        for found in &phrase.uses {
            let mention = Mention {
                entity: EntityId(base + k),
                span: found.span.clone(),
                sentence: found.sentence,
            };
            if found.modifier {
                modifiers.push(mention);
            } else {
                all.push(mention);
            }
        }
    }
    all.sort_by_key(|m| (m.sentence, m.span.start));
    Discovered {
        phrases,
        entities,
        mentions: all,
        modifiers,
        base,
    }
}

/// "the Bill" after a discovered "Energy Bill" is a use of it
/// (`references.rs`), unless a codebook form or a speaker label is there.
fn refer_back(
    text: &str,
    views: &[SentenceView],
    mentions: &[Mention],
    skip: &HashSet<usize>,
    phrases: &mut [Phrase],
) {
    let mut named: Vec<_> = phrases
        .iter()
        .enumerate()
        .filter_map(|(k, p)| Some((k, references::head(&p.name)?)))
        .flat_map(|(k, head)| {
            phrases[k]
                .uses
                .iter()
                .filter(|u| !u.modifier)
                .map(move |u| (EntityId(k), u.span.clone(), head))
        })
        .collect();
    if named.is_empty() {
        return;
    }
    named.sort_by_key(|n| n.1.start);
    let spans: Vec<_> = views.iter().map(|v| v.span.clone()).collect();
    for found in references::resolve(text, &spans, &named) {
        let sentence = views[found.sentence].index;
        if skip.contains(&sentence) || any_overlaps(mentions, &found.span) {
            continue;
        }
        phrases[found.entity.0].uses.push(Use {
            sentence,
            span: found.span,
            modifier: false,
        });
    }
}

impl Discovered {
    /// Is anything discovered?
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Keep the discovered concepts that `statements` argue, renumbered
    /// from `base` in order of discovery, and rewrite the statements to
    /// the new numbers. Returns their names and every mention of the
    /// document (`mentions`, the codebook's, and those of the kept
    /// concepts), by unit.
    pub fn keep_argued(
        self,
        statements: &mut [Statement],
        mut mentions: Vec<Mention>,
    ) -> (Vec<String>, Vec<Mention>) {
        let base = self.base;
        let argued: BTreeSet<usize> = statements
            .iter()
            .filter(|s| s.concept.0 >= base)
            .map(|s| s.concept.0 - base)
            .collect();
        let renumber: HashMap<usize, usize> = argued
            .iter()
            .enumerate()
            .map(|(new, &old)| (old, new))
            .collect();
        for statement in statements.iter_mut() {
            if let Some(k) = statement.concept.0.checked_sub(base) {
                statement.concept = EntityId(base + renumber[&k]);
            }
        }
        for mention in self.mentions.iter().chain(&self.modifiers) {
            if let Some(&new) = mention
                .entity
                .0
                .checked_sub(base)
                .and_then(|k| renumber.get(&k))
            {
                mentions.push(Mention {
                    entity: EntityId(base + new),
                    ..mention.clone()
                });
            }
        }
        mentions.sort_by_key(|m| (m.sentence, m.span.start));
        let names = argued
            .iter()
            .map(|&k| self.phrases[k].name.clone())
            .collect();
        (names, mentions)
    }
}

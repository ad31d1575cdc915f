//! Extract stage: everything found in one document, in order — mentions,
//! sentence views, turns, holders, statements (with agreement: a turn that
//! opens "I agree" adopts the previous speaker's positions), affiliations,
//! citations and quotes. The rules live in the files this one calls; here
//! they are only run in sequence. No IO.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::actors::ActorIndex;
use super::attribution::{Attributor, Holding, How};
use super::citations::{self, LocalCitation};
use super::clauses::{Layout, SentenceView};
use super::discovery::DocumentDiscovery;
use super::entity::{Entity, EntityId, EntityKind, Origin};
use super::lexicon::{AGREEMENT_PATTERN, LexMatch, Lexicon};
use super::mentions::{Mention, MentionMatcher};
use super::phrases;
use super::stance::StanceContext;
use super::{Affiliation, CoOccurrence, Quote, Stance, Statement, affiliations};
use crate::corpus::Document;

/// Sentences into a turn within which "I agree" adopts the previous
/// speaker's principal position.
const AGREEMENT_REACH: usize = 2;
/// Confidence kept by a position adopted through agreement.
const AGREEMENT: f64 = 0.7;

/// What one document yields before sources are numbered across the corpus.
#[derive(Debug, Clone, Default)]
pub struct DocumentFindings {
    /// Names of concepts discovered here; in `mentions` and `statements`
    /// they are numbered from the number of shared entities on.
    pub concepts: Vec<String>,
    pub mentions: Vec<Mention>,
    pub cooccurrences: Vec<CoOccurrence>,
    pub statements: Vec<Statement>,
    pub affiliations: Vec<Affiliation>,
    pub citations: Vec<LocalCitation>,
    pub quotes: Vec<Quote>,
}

/// The shared, read-only inputs of per-document extraction.
pub struct Shared<'a> {
    pub entities: &'a [Entity],
    pub actors: &'a ActorIndex,
    pub matcher: &'a MentionMatcher,
    pub lexicon: &'a Lexicon,
    /// Discover concepts the codebook lacks.
    pub discover: bool,
}

/// Sentence views over `mentions` (sorted by sentence).
fn views_of<'m>(
    document: &Document,
    mentions: &'m [Mention],
    geometry: &[(Vec<LexMatch>, Layout)],
) -> Vec<SentenceView<'m>> {
    let mut views = Vec::with_capacity(document.sentences.len());
    let mut rest = mentions;
    for (index, (sentence, (cues, layout))) in document.sentences.iter().zip(geometry).enumerate() {
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

/// Extract from one document.
pub fn extract_document(
    document: &Document,
    found: &DocumentDiscovery,
    shared: &Shared,
) -> DocumentFindings {
    let text = document.text.as_str();
    let entities = shared.entities;
    let mentions = shared.matcher.find_in_document(document);
    let cooccurrences = cooccurrences(&mentions, entities);

    // Cues and clause layout per sentence; they do not depend on mentions.
    let geometry: Vec<(Vec<LexMatch>, Layout)> = document
        .sentences
        .iter()
        .map(|sentence| {
            let cues = shared.lexicon.find(text, sentence.span.clone());
            let layout = Layout::new(text, sentence.span.clone(), shared.lexicon, &cues);
            (cues, layout)
        })
        .collect();
    let views = views_of(document, &mentions, &geometry);

    let mut turns: HashMap<usize, Vec<EntityId>> = HashMap::new();
    for turn in &found.turns {
        // A speaker argnet cannot name still ends the turn before.
        let speakers = shared.actors.resolve(&turn.speaker).into_iter().collect();
        turns.insert(turn.sentence, speakers);
    }
    let opening = found
        .opening
        .as_ref()
        .and_then(|o| shared.actors.resolve(o));
    let author = found.author.as_ref().and_then(|a| shared.actors.resolve(a));
    let titles = citations::find_titles(text, &views, entities);
    let title_spans: Vec<_> = titles
        .iter()
        .filter(|t| t.kind != super::SourceKind::Url)
        .map(|t| t.span.clone())
        .collect();
    let attributor = Attributor {
        text,
        entities,
        lexicon: shared.lexicon,
        views: &views,
        turns: &turns,
        author,
        opening,
        kind: document.meta.kind,
        titles: &title_spans,
    };
    let holdings = attributor.attribute();
    let voices = attributor.voices();

    // Concepts the codebook lacks: repeated phrases, kept below only where
    // a cue governs them.
    let skip: HashSet<usize> = turns.keys().copied().collect();
    let phrases = if shared.discover {
        phrases::candidates(text, &views, &skip)
    } else {
        Vec::new()
    };
    let discovered: Vec<Entity> = phrases
        .iter()
        .map(|p| Entity {
            origin: Origin::Discovered,
            ..Entity::concept(&p.name, &[])
        })
        .collect();
    // Stance looks only at the uses that end a phrase; all uses count as
    // mentions of a concept that is kept.
    let mut all_mentions = mentions.clone();
    let mut modifier_mentions = Vec::new();
    for (k, phrase) in phrases.iter().enumerate() {
        for found in &phrase.uses {
            let mention = Mention {
                entity: EntityId(entities.len() + k),
                span: found.span.clone(),
                sentence: found.sentence,
            };
            if found.modifier {
                modifier_mentions.push(mention);
            } else {
                all_mentions.push(mention);
            }
        }
    }
    all_mentions.sort_by_key(|m| (m.sentence, m.span.start));
    let stance_views = if phrases.is_empty() {
        None
    } else {
        Some(views_of(document, &all_mentions, &geometry))
    };
    let stance_views = stance_views.as_ref().unwrap_or(&views);
    let stance = StanceContext {
        text,
        entities,
        discovered: &discovered,
        lexicon: shared.lexicon,
    };
    let mut statements = Vec::new();
    let mut affiliations = Vec::new();
    let mut quotes = Vec::new();
    // Positions taken in the current and the previous turn.
    let mut this_turn = TurnPositions::default();
    let mut previous_turn = TurnPositions::default();
    let mut into_turn = 0;
    for ((view, stance_view), holding) in views.iter().zip(stance_views).zip(&holdings) {
        if turns.contains_key(&view.index) {
            previous_turn = std::mem::take(&mut this_turn);
            into_turn = 0;
            continue;
        }
        into_turn += 1;
        let antecedent = view
            .index
            .checked_sub(1)
            .and_then(|i| views.get(i))
            .filter(|before| {
                before.block == view.block || holding.as_ref().is_some_and(|h| h.how == How::Turn)
            })
            .and_then(|before| sole_concept(before, entities));
        let found = stance.statements(stance_view, holding.as_ref(), antecedent);
        this_turn
            .positions
            .extend(found.iter().map(|s| (s.concept, s.stance)));
        this_turn
            .mentioned
            .extend(stance_view.mentions.iter().map(|m| m.entity));
        statements.extend(found);
        if let Some(holding) = holding {
            if into_turn <= AGREEMENT_REACH && agrees(text, view, holding) {
                for (concept, stance) in previous_turn.principal() {
                    for &actor in &holding.actors {
                        statements.push(Statement {
                            actor,
                            concept,
                            stance,
                            sentence: view.index,
                            confidence: holding.confidence * AGREEMENT,
                        });
                    }
                }
            }
            let quoted = holding.how == How::Quote
                || (holding.how == How::Frame && text[view.span.clone()].contains(['“', '"']));
            if quoted {
                quotes.extend(holding.actors.iter().map(|&actor| Quote {
                    actor,
                    sentence: view.index,
                }));
            }
        }
        affiliations.extend(affiliations::in_sentence(
            text,
            entities,
            view,
            holding.as_ref(),
        ));
    }
    affiliations.extend(speaker_affiliations(found, shared.actors, entities));
    let citations = citations::cite(text, shared.lexicon, &views, &holdings, &voices, &titles);
    dedup_statements(&mut statements);

    // Discovered concepts that took a stance, renumbered from 0 after the
    // shared entities; the others are dropped with their mentions.
    let base = entities.len();
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
    for statement in &mut statements {
        if let Some(k) = statement.concept.0.checked_sub(base) {
            statement.concept = EntityId(base + renumber[&k]);
        }
    }
    let mut mentions = mentions.clone();
    for mention in all_mentions.iter().chain(&modifier_mentions) {
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
    let concepts = argued.iter().map(|&k| phrases[k].name.clone()).collect();

    DocumentFindings {
        concepts,
        mentions,
        cooccurrences,
        statements,
        affiliations,
        citations,
        quotes,
    }
}

/// The one concept a sentence names, if it names exactly one.
fn sole_concept(view: &SentenceView, entities: &[Entity]) -> Option<EntityId> {
    let concepts: BTreeSet<EntityId> = view
        .mentions
        .iter()
        .filter(|m| entities[m.entity.0].kind == EntityKind::Concept)
        .map(|m| m.entity)
        .collect();
    (concepts.len() == 1).then(|| *concepts.first().expect("one concept"))
}

/// Does a turn's sentence agree with the previous speaker?
fn agrees(text: &str, view: &SentenceView, holding: &Holding) -> bool {
    holding.how == How::Turn && AGREEMENT_PATTERN.is_match(&text[view.span.clone()])
}

/// What a turn argued: its (concept, stance) positions, one per
/// statement, and every entity it mentioned.
#[derive(Default)]
struct TurnPositions {
    positions: Vec<(EntityId, Stance)>,
    mentioned: Vec<EntityId>,
}

impl TurnPositions {
    /// The principal position: the stances on the concept argued most
    /// often, then mentioned most often (all of them on a full tie).
    fn principal(&self) -> Vec<(EntityId, Stance)> {
        let weight = |concept: EntityId| {
            let argued = self.positions.iter().filter(|(c, _)| *c == concept).count();
            let mentioned = self.mentioned.iter().filter(|&&m| m == concept).count();
            (argued, mentioned)
        };
        let Some(top) = self.positions.iter().map(|(c, _)| weight(*c)).max() else {
            return Vec::new();
        };
        let mut out: Vec<(EntityId, Stance)> = self
            .positions
            .iter()
            .filter(|(concept, _)| weight(*concept) == top)
            .copied()
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Party tags and departments on speaker lines: "(Lab)" → Labour Party,
/// "(Department of Health)" → Department of Health. The organisation must
/// be known (codebook or discovered); the speaker line is the evidence.
fn speaker_affiliations(
    found: &DocumentDiscovery,
    actors: &ActorIndex,
    entities: &[Entity],
) -> Vec<Affiliation> {
    let mut out = Vec::new();
    for turn in &found.turns {
        let Some(person) = actors.resolve(&turn.speaker) else {
            continue;
        };
        let named = turn
            .party
            .iter()
            .map(|p| (p, 0.9))
            .chain(turn.offices.iter().map(|o| (o, 0.85)));
        for (name, confidence) in named {
            let organisation = actors.get(name).or_else(|| {
                // "HM Treasury" is the Treasury; "Department of Health, X"
                // names the department first.
                name.split(',').find_map(|part| actors.get(part))
            });
            if let Some(organisation) = organisation
                && organisation != person
                && entities[organisation.0].actor_kind == Some(super::ActorKind::Organisation)
                && !out
                    .iter()
                    .any(|a: &Affiliation| a.organisation == organisation && a.person == person)
            {
                out.push(Affiliation {
                    person,
                    organisation,
                    sentence: turn.sentence,
                    confidence,
                });
            }
        }
    }
    out
}

/// One statement per (actor, concept, stance, sentence), the most
/// confident kept, in sentence order.
fn dedup_statements(statements: &mut Vec<Statement>) {
    statements.sort_by(|a, b| {
        (a.sentence, a.actor, a.concept, a.stance)
            .cmp(&(b.sentence, b.actor, b.concept, b.stance))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    statements.dedup_by(|next, kept| {
        (next.sentence, next.actor, next.concept, next.stance)
            == (kept.sentence, kept.actor, kept.concept, kept.stance)
    });
}

/// Each pair of distinct concepts mentioned in one sentence, once per
/// sentence.
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

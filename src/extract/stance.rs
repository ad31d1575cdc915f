//! Extract stage: stance — for each concept in a sentence, whether its
//! holder supports or critiques it. A concept gets a stance only from a cue
//! that governs it in its own clause:
//!
//! - a cue before it ("calls for X", "welcomes X", "should involve X", "a
//!   monolithic X") reaches the first concept within its reach and the
//!   concepts coordinated with that one ("X and Y", "X/Y", "X, such as Y");
//!   another cue in between takes over;
//! - a cue after it ("X is vital", "X … is unlikely to deliver") judges the
//!   first concept of the clause and those coordinated with it;
//! - a negator up to three words before the cue flips it ("not effective",
//!   "no longer welcome"); a negator between a cue and the concept drops
//!   the stance ("requires no new X" states an absence, not opposition); a contrast marker flips what follows it ("X
//!   rather than Y", "X, not Y", "less Y"); a concept's opposite form
//!   flips it ("break down silos" supports service integration);
//! - a possessive actor before the cue holds that cue ("Ed Miliband’s
//!   determination to …").
//!
//! A concept that merely shares a sentence with a cue gets nothing. Who
//! holds the sentence is decided in `attribution.rs`.

use super::attribution::{Holding, How};
use super::clauses::{SentenceView, is_coordination};
use super::confidence::{Basis, StanceBasis, score};
use super::entity::{Entity, EntityId, EntityKind};
use super::lexicon::{Cue, LexMatch, Lexicon, Side};
use super::mentions::Mention;
use super::quotes::quotation_spans;
use super::{Stance, Statement};

/// How many words a cue reaches, by where it stands.
fn reach(side: Side) -> usize {
    match side {
        Side::Complement => 20,
        Side::Before => 8,
        Side::Modal => 4,
        Side::Modifies => 2,
        Side::After | Side::Subject => 16,
        Side::Either => 6,
    }
}

/// Words on either side of a concept among which its governing cue is
/// looked for: well beyond the longest reach, so that asides (which do not
/// count towards a reach) are covered.
const WINDOW_WORDS: usize = 200;

/// Words a contrast marker reaches ("rather than ‘small scale X’").
const CONTRAST_REACH: usize = 4;
/// Words between a negator and the cue it negates.
const NEGATION_REACH: usize = 3;
/// Confidence lost per word between a cue and its concept.
const DECAY_PER_WORD: f64 = 0.02;
/// Weight of a contrast marker that no cue governs ("rather than Y").
const BARE_CONTRAST: f64 = 0.6;

/// What one sentence needs for stance.
pub struct StanceContext<'a> {
    pub text: &'a str,
    pub entities: &'a [Entity],
    /// Concepts discovered in this document, numbered after `entities`.
    pub discovered: &'a [Entity],
    pub lexicon: &'a Lexicon,
}

/// A governing cue found for a concept.
#[derive(Debug, Clone)]
struct Governor<'m> {
    cue: Option<&'m LexMatch>,
    stance: Stance,
    weight: f64,
    distance: usize,
    negated: bool,
    contrasted: bool,
    /// A harm phrase stands between a cue and the concept: "stop the cuts
    /// to X" opposes the cuts, so it supports X.
    harmed: bool,
}

/// Cues of one kind in a sentence, in text order (cues do not overlap).
struct Spans<'v>(Vec<&'v LexMatch>);

impl<'v> Spans<'v> {
    /// The last one that ends at or before `at`.
    fn last_before(&self, at: usize) -> Option<&'v LexMatch> {
        let before = self.0.partition_point(|c| c.span.end <= at);
        before.checked_sub(1).map(|i| self.0[i])
    }

    /// Is one wholly inside `from..to`?
    fn any_within(&self, from: usize, to: usize) -> bool {
        let first = self.0.partition_point(|c| c.span.start < from);
        self.0.get(first).is_some_and(|c| c.span.end <= to)
    }
}

/// The contrast markers, negators and harm words of a sentence, found once
/// so that each concept's stance looks them up by binary search (a
/// sentence naming thousands of concepts stays n log n).
struct Marks<'v> {
    contrast: Spans<'v>,
    negation: Spans<'v>,
    harm: Spans<'v>,
}

impl<'v> Marks<'v> {
    fn of(lexicon: &Lexicon, view: &'v SentenceView) -> Self {
        let of = |cue: Cue| {
            Spans(
                view.cues
                    .iter()
                    .filter(|c| lexicon.cues(c).contains(&cue))
                    .collect(),
            )
        };
        Marks {
            contrast: of(Cue::Contrast),
            negation: of(Cue::Negation),
            harm: of(Cue::Harm),
        }
    }
}

impl StanceContext<'_> {
    pub fn entity(&self, id: EntityId) -> &Entity {
        self.entities
            .get(id.0)
            .unwrap_or_else(|| &self.discovered[id.0 - self.entities.len()])
    }

    /// The statements of one sentence. `antecedent` is the one concept of
    /// the sentence before, which "It …"/"This …" may judge. O(c·q) for c
    /// concepts and q cues.
    pub fn statements(
        &self,
        view: &SentenceView,
        holding: Option<&Holding>,
        antecedent: Option<EntityId>,
    ) -> Vec<Statement> {
        let concepts: Vec<&Mention> = view
            .mentions
            .iter()
            .filter(|m| self.entity(m.entity).kind == EntityKind::Concept)
            .collect();
        if concepts.is_empty() {
            let mut out = self.anaphoric(view, holding, antecedent);
            if out.is_empty() {
                out = self.object_anaphora(view, holding, &[], antecedent);
            }
            return out;
        }
        let quotations: Vec<std::ops::Range<usize>> =
            quotation_spans(&self.text[view.span.clone()])
                .into_iter()
                .map(|q| view.span.start + q.start..view.span.start + q.end)
                .collect();
        // Concepts are in text order: only the few that start before a
        // cue ends can overlap it.
        let overlaps = |found: &LexMatch| {
            let upto = concepts.partition_point(|m| m.span.start < found.span.end);
            concepts[..upto]
                .iter()
                .rev()
                .take(4)
                .any(|m| found.span.start < m.span.end)
        };
        let mut cues: Vec<&LexMatch> = view
            .cues
            .iter()
            .filter(|c| !overlaps(c) && !self.is_nominal(c))
            .collect();
        // In text order, for the window in `governor`.
        cues.sort_by_key(|c| (c.span.start, c.span.end));
        let marks = Marks::of(self.lexicon, view);
        let mut out = Vec::new();
        for concept in &concepts {
            if self.is_passive(view, concept) {
                continue;
            }
            let Some(governor) = self.governor(view, &concepts, &cues, &marks, concept) else {
                continue;
            };
            let entity = self.entity(concept.entity);
            let mut stance = governor.stance;
            let mut confidence =
                governor.weight * (1.0 - DECAY_PER_WORD * governor.distance as f64).max(0.5);
            if governor.negated {
                stance = stance.opposite();
                confidence *= 0.8;
            }
            if governor.contrasted {
                stance = stance.opposite();
                confidence *= 0.9;
            }
            if governor.harmed {
                stance = stance.opposite();
            }
            if entity.is_opposite(&self.text[concept.span.clone()]) {
                stance = stance.opposite();
            }
            let quoted = quotations.iter().any(|q| q.contains(&concept.span.start));
            let holders: Vec<(EntityId, f64, How)> =
                match governor.cue.and_then(|c| self.possessive_holder(view, c)) {
                    Some(actor) => vec![(actor, 0.9, How::Frame)],
                    None => match holding {
                        Some(Holding {
                            quoted: Some((actors, confidence)),
                            ..
                        }) if quoted => actors
                            .iter()
                            .map(|&a| (a, *confidence, How::Report))
                            .collect(),
                        Some(h) => h.actors.iter().map(|&a| (a, h.confidence, h.how)).collect(),
                        None => Vec::new(),
                    },
                };
            for (actor, holder_confidence, how) in holders {
                let basis = Basis {
                    holder: how,
                    holder_confidence,
                    stance: StanceBasis::Cue(round(confidence)),
                    discovered: false,
                };
                out.push(Statement {
                    actor,
                    concept: concept.entity,
                    stance,
                    sentence: view.index,
                    confidence: score(&basis, stance),
                    basis,
                });
            }
        }
        for statement in self.object_anaphora(view, holding, &concepts, antecedent) {
            let known = out
                .iter()
                .any(|s| s.actor == statement.actor && s.concept == statement.concept);
            if !known {
                out.push(statement);
            }
        }
        out
    }

    /// The nearest cue that governs `concept`, if any.
    fn governor<'m>(
        &self,
        view: &SentenceView,
        concepts: &[&Mention],
        cues: &[&'m LexMatch],
        marks: &Marks,
        concept: &Mention,
    ) -> Option<Governor<'m>> {
        let layout = &view.layout;
        let mut best: Option<Governor> = None;
        // Only cues within a window of words around the concept can reach
        // it (the longest reach is 20 words; asides are not counted, so the
        // window is wider). Cues are in text order, so the window is a
        // slice: a sentence with thousands of names stays linear.
        let words = layout.words();
        let first_word = words.partition_point(|w| w.end <= concept.span.start);
        let last_word = words.partition_point(|w| w.start < concept.span.end);
        let from = words
            .get(first_word.saturating_sub(WINDOW_WORDS))
            .map_or(view.span.start, |w| w.start);
        let to = words
            .get((last_word + WINDOW_WORDS).min(words.len().saturating_sub(1)))
            .map_or(view.span.end, |w| w.end);
        let lo = cues.partition_point(|c| c.span.start < from);
        let hi = cues.partition_point(|c| c.span.start <= to);
        for (index, &found) in cues.iter().enumerate().take(hi).skip(lo) {
            for role in self.lexicon.cues(found) {
                let Cue::Stance {
                    stance,
                    side,
                    weight,
                } = *role
                else {
                    continue;
                };
                // "X was welcomed by IPPR": a passive judges its subject.
                let side = match side {
                    Side::Before | Side::Complement | Side::Modal
                        if layout.passive_by(self.text, &found.span).is_some() =>
                    {
                        Side::After
                    }
                    side => side,
                };
                let before = found.span.end <= concept.span.start;
                let after = found.span.start >= concept.span.end;
                let usable = match side {
                    Side::After | Side::Subject => after,
                    Side::Either => before || after,
                    _ => before,
                };
                if !usable || !layout.same_clause(found.span.start, concept.span.start) {
                    continue;
                }
                let (distance, contrasted) = if before {
                    let distance = layout.words_between(found.span.end, concept.span.start);
                    if distance > reach(side) {
                        continue;
                    }
                    // The nearest cue takes over.
                    if cues[index + 1..]
                        .iter()
                        .take_while(|c| c.span.start < concept.span.start)
                        .any(|c| c.span.end <= concept.span.start && self.is_stance_cue(c))
                    {
                        continue;
                    }
                    if side == Side::Modal
                        && self.text[found.span.end..concept.span.start]
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("that"))
                    {
                        continue;
                    }
                    match self.contrast_between(view, concepts, marks, found.span.end, concept) {
                        Some(true) => (distance, true),
                        Some(false) => continue,
                        None => {
                            if !self.first_in_reach(view, concepts, found.span.end, concept) {
                                continue;
                            }
                            // "reduce hospital waits, top down plans": past a
                            // comma the cue's own object has ended.
                            let first = concepts
                                .get(concepts.partition_point(|m| m.span.start < found.span.end))
                                .map_or(concept.span.start, |m| m.span.start);
                            if side != Side::Complement
                                && self.text[found.span.end..first].contains(',')
                            {
                                continue;
                            }
                            (distance, false)
                        }
                    }
                } else {
                    // "effective outcomes": a one-word judgement before a
                    // noun describes that noun, not the clause's subject.
                    if side == Side::After
                        && (self.is_attributive(found) || self.is_existential(view, found))
                    {
                        continue;
                    }
                    // The first concept of the clause, and its coordinates.
                    let first = concepts.iter().find(|m| {
                        layout.same_clause(m.span.start, found.span.start)
                            && m.span.end <= found.span.start
                    })?;
                    if !self.chain_reaches(concepts, first, concept) {
                        continue;
                    }
                    let distance = layout.words_between(concept.span.end, found.span.start);
                    if distance > reach(side) {
                        continue;
                    }
                    (distance, false)
                };
                // "requires no new X" states an absence, not opposition.
                if before
                    && marks
                        .negation
                        .any_within(found.span.end, concept.span.start)
                {
                    continue;
                }
                let negated = self.is_negated(view, found);
                // "cuts to X" between a cue and X, or just before X when
                // the cue follows ("Watering down X would be a betrayal"):
                // the cue judges the harm, so X is valued the other way.
                let harmed = if before {
                    marks.harm.any_within(found.span.end, concept.span.start)
                } else {
                    // Only a harm that opens the sentence ("Cuts to X are
                    // welcome"), so that "removing the threat to X is
                    // vital" is not turned twice.
                    marks.harm.last_before(concept.span.start).is_some_and(|h| {
                        layout.same_clause(h.span.start, concept.span.start)
                            && layout.words_between(h.span.end, concept.span.start) <= 2
                            && layout.words_between(view.span.start, h.span.start) <= 1
                    })
                };
                let candidate = Governor {
                    cue: Some(found),
                    stance,
                    weight,
                    distance,
                    negated,
                    contrasted,
                    harmed,
                };
                if best.as_ref().is_none_or(|b| distance < b.distance) {
                    best = Some(candidate);
                }
            }
        }
        if best.is_none() {
            // "rather than Y" with no cue: Y is put aside.
            if let Some(true) =
                self.contrast_between(view, concepts, marks, view.span.start, concept)
            {
                best = Some(Governor {
                    cue: None,
                    stance: Stance::Support,
                    weight: BARE_CONTRAST,
                    distance: 0,
                    negated: false,
                    contrasted: true,
                    harmed: false,
                });
            }
        }
        best
    }

    /// Is there a contrast marker between `from` and the concept? `Some(true)`
    /// when the concept is the first (or coordinated with the first) thing
    /// the marker reaches; `Some(false)` when the marker lies between but
    /// does not reach it; `None` when there is none. Only the last marker
    /// before the concept counts (an earlier one is out of its clause or
    /// reaches something before it), so this is O(log n).
    fn contrast_between(
        &self,
        view: &SentenceView,
        concepts: &[&Mention],
        marks: &Marks,
        from: usize,
        concept: &Mention,
    ) -> Option<bool> {
        let marker = marks.contrast.last_before(concept.span.start).filter(|c| {
            c.span.start >= from && view.layout.same_clause(c.span.start, concept.span.start)
        })?;
        let first = concepts.get(concepts.partition_point(|m| m.span.start < marker.span.end))?;
        let near = view.layout.words_between(marker.span.end, first.span.start) <= CONTRAST_REACH;
        Some(near && self.chain_reaches(concepts, first, concept))
    }

    /// Is `concept` the first concept after `from` or coordinated with it?
    fn first_in_reach(
        &self,
        view: &SentenceView,
        concepts: &[&Mention],
        from: usize,
        concept: &Mention,
    ) -> bool {
        let start = concepts.partition_point(|m| m.span.start < from);
        concepts[start..]
            .iter()
            .find(|m| view.layout.same_clause(m.span.start, concept.span.start))
            .is_some_and(|first| self.chain_reaches(concepts, first, concept))
    }

    /// Is `target` reached from `first` through coordinated concepts?
    fn chain_reaches(&self, concepts: &[&Mention], first: &Mention, target: &Mention) -> bool {
        let mut current = first;
        loop {
            if current.span == target.span {
                return true;
            }
            let after = concepts.partition_point(|m| m.span.start < current.span.end);
            let Some(next) = concepts.get(after) else {
                return false;
            };
            if next.span.start > target.span.start
                || !is_coordination(&self.text[current.span.end..next.span.start])
            {
                return false;
            }
            current = next;
        }
    }

    /// A one-word cue after a determiner or "have" is a noun, not a verb:
    /// "have needs", "the support that", "their welcome".
    pub(super) fn is_nominal(&self, found: &LexMatch) -> bool {
        const NOMINAL: &[&str] = &[
            "the", "a", "an", "their", "his", "her", "its", "our", "my", "your", "whose", "this",
            "these", "those", "have", "has", "had", "of", "with", "own", "s",
        ];
        let adjective = self.lexicon.cues(found).iter().any(|c| {
            matches!(
                c,
                Cue::Stance {
                    side: Side::Modifies | Side::After | Side::Subject,
                    ..
                }
            )
        });
        if adjective || self.lexicon.phrase(found).contains(' ') {
            return false;
        }
        let before = self.text[..found.span.start].trim_end();
        let word: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        NOMINAL.contains(&word.to_lowercase().as_str())
    }

    /// "there is an opportunity": an existential sentence has no subject
    /// for the judgement to be about.
    fn is_existential(&self, view: &SentenceView, found: &LexMatch) -> bool {
        let all = view.layout.words();
        let mut words = all[..all.partition_point(|w| w.end <= found.span.start)]
            .iter()
            .rev()
            .map(|w| self.text[w.clone()].to_lowercase());
        let (Some(verb), Some(there)) = (words.next(), words.next()) else {
            return false;
        };
        there == "there" && matches!(verb.as_str(), "is" | "are" | "was" | "were" | "be")
    }

    /// A one-word cue followed by a word that is not a preposition or
    /// conjunction qualifies that word ("cost-effective public services").
    pub(super) fn is_attributive(&self, found: &LexMatch) -> bool {
        const LINKS: &[&str] = &[
            "to", "for", "in", "at", "and", "or", "but", "as", "if", "because", "when", "with",
            "than", "that", "of", "on", "by", "since", "so", "too", "enough", "indeed",
        ];
        if self.lexicon.phrase(found).contains(' ') {
            return false;
        }
        let after = &self.text[found.span.end..];
        let Some(next) = after.strip_prefix(' ') else {
            return false;
        };
        let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        !word.is_empty() && word.chars().all(char::is_lowercase) && !LINKS.contains(&word.as_str())
    }

    fn is_stance_cue(&self, found: &LexMatch) -> bool {
        self.lexicon
            .cues(found)
            .iter()
            .any(|c| matches!(c, Cue::Stance { .. }))
    }

    /// A negator up to three words before the cue, in its clause.
    /// Cues are in text order and do not overlap, so only the cues just
    /// before `cue` need looking at: the walk stops past the reach or the
    /// clause.
    pub(super) fn is_negated(&self, view: &SentenceView, cue: &LexMatch) -> bool {
        let before = view.cues.partition_point(|n| n.span.end <= cue.span.start);
        for n in view.cues[..before].iter().rev() {
            if !view.layout.same_clause(n.span.start, cue.span.start)
                || view.layout.words_between(n.span.end, cue.span.start) > NEGATION_REACH
            {
                return false;
            }
            if self.lexicon.cues(n).contains(&Cue::Negation) {
                return true;
            }
        }
        false
    }

    /// "be cut", "been reformed": a concept used as a passive verb is what
    /// happens to something else, not the object of a stance.
    fn is_passive(&self, view: &SentenceView, concept: &Mention) -> bool {
        view.layout
            .word_before(concept.span.start)
            .is_some_and(|w| {
                matches!(
                    self.text[w].to_lowercase().as_str(),
                    "be" | "been" | "being"
                )
            })
    }

    /// "Ed Miliband’s determination to": an actor in the possessive right
    /// before the cue holds it.
    fn possessive_holder(&self, view: &SentenceView, cue: &LexMatch) -> Option<EntityId> {
        let mention = view.mentions.iter().rev().find(|m| {
            m.span.end <= cue.span.start && self.entity(m.entity).kind == EntityKind::Actor
        })?;
        let gap = &self.text[mention.span.end..cue.span.start];
        let rest = gap.strip_prefix("’s").or_else(|| gap.strip_prefix("'s"))?;
        (rest.split_whitespace().count() <= 1).then_some(mention.entity)
    }
}

/// Confidences are kept to three places so that output stays stable.
pub(super) fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

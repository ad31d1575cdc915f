//! Extract stage, part of the stance pass: judgements of "it", "this" and
//! "that". A clause that opens with one ("It is a concept which is totally
//! meaningless") judges the one concept of the sentence before; a cue whose
//! object is one at the end of its clause ("…the Act, but we will never
//! scrap it") judges the concept named before it. Both are weaker than a
//! cue on a named concept (`ANAPHORA`).

use super::attribution::Holding;
use super::clauses::SentenceView;
use super::confidence::{Basis, StanceBasis, score};
use super::entity::{EntityId, EntityKind};
use super::lexicon::{Cue, Side};
use super::mentions::Mention;
use super::stance::{StanceContext, round};
use super::{Stance, Statement};

/// Confidence kept by a judgement of "it"/"this" resolved to a concept.
const ANAPHORA: f64 = 0.7;

impl StanceContext<'_> {
    /// "It is a concept which is totally meaningless": a judgement whose
    /// clause opens with "it", "this" or "that" and names no concept is
    /// about the one concept of the sentence before.
    pub(super) fn anaphoric(
        &self,
        view: &SentenceView,
        holding: Option<&Holding>,
        antecedent: Option<EntityId>,
    ) -> Vec<Statement> {
        let (Some(concept), Some(holding)) = (antecedent, holding) else {
            return Vec::new();
        };
        let layout = &view.layout;
        for found in &view.cues {
            for role in self.lexicon.cues(found) {
                let Cue::Stance {
                    stance,
                    side: side @ (Side::After | Side::Subject),
                    weight,
                } = *role
                else {
                    continue;
                };
                let Some(first) = layout
                    .words()
                    .iter()
                    .find(|w| layout.same_clause(w.start, found.span.start))
                else {
                    continue;
                };
                let opener = self.text[first.clone()].to_lowercase();
                if first.start >= found.span.start
                    || !matches!(opener.as_str(), "it" | "this" | "that")
                    || (side == Side::After && self.is_attributive(found))
                {
                    continue;
                }
                let stance = if self.is_negated(view, found) {
                    stance.opposite()
                } else {
                    stance
                };
                return resolved(view, holding, concept, stance, weight);
            }
        }
        Vec::new()
    }

    /// "…the Act, but now they want to scrap it": a cue whose object is
    /// "it", "this", "that" or "them" at the end of its clause judges the
    /// last concept named before it in the sentence, or else the one
    /// concept of the sentence before. ("We welcome that the Act …": a
    /// "that" opening a clause is no object.)
    pub(super) fn object_anaphora(
        &self,
        view: &SentenceView,
        holding: Option<&Holding>,
        concepts: &[&Mention],
        antecedent: Option<EntityId>,
    ) -> Vec<Statement> {
        let Some(holding) = holding else {
            return Vec::new();
        };
        let layout = &view.layout;
        let mut out = Vec::new();
        for found in &view.cues {
            if self.is_nominal(found) {
                continue;
            }
            for role in self.lexicon.cues(found) {
                let Cue::Stance {
                    stance,
                    side: Side::Before,
                    weight,
                } = *role
                else {
                    continue;
                };
                let Some(pronoun) = layout.word_after(found.span.end) else {
                    continue;
                };
                let gap = &self.text[found.span.end..pronoun.start];
                let word = self.text[pronoun.clone()].to_lowercase();
                let rest = self.text[pronoun.end..view.span.end].trim_start();
                let clause_ends = rest.is_empty()
                    || rest.starts_with(['.', ',', ';', ':', '!', '?', ')', '—', '–', '”', '"'])
                    || ["and ", "but ", "or ", "because ", "altogether", "entirely"]
                        .iter()
                        .any(|w| rest.starts_with(w));
                if !gap.trim().is_empty()
                    || !matches!(word.as_str(), "it" | "this" | "that" | "them")
                    || !clause_ends
                {
                    continue;
                }
                // "…, but now they want to scrap it": someone else's wish,
                // which the subjects pass gives to its subject if named.
                let clause_start = layout
                    .words()
                    .iter()
                    .find(|w| layout.same_clause(w.start, found.span.start))
                    .map_or(found.span.start, |w| w.start);
                let other_subject = layout
                    .words()
                    .iter()
                    .filter(|w| w.start >= clause_start && w.end <= found.span.start)
                    .any(|w| {
                        matches!(
                            self.text[w.clone()].to_lowercase().as_str(),
                            "they" | "he" | "she"
                        )
                    })
                    || view.mentions.iter().any(|m| {
                        m.span.start >= clause_start
                            && m.span.end <= found.span.start
                            && self.entity(m.entity).kind == EntityKind::Actor
                            && !holding.actors.contains(&m.entity)
                    });
                if other_subject {
                    continue;
                }
                let concept = concepts
                    .iter()
                    .rev()
                    .find(|m| m.span.end <= found.span.start)
                    .map(|m| m.entity)
                    .or(antecedent);
                let Some(concept) = concept else {
                    continue;
                };
                let stance = if self.is_negated(view, found) {
                    stance.opposite()
                } else {
                    stance
                };
                out.extend(resolved(view, holding, concept, stance, weight));
            }
        }
        out
    }
}

/// The statements of `holding` on `concept` resolved from a pronoun.
fn resolved(
    view: &SentenceView,
    holding: &Holding,
    concept: EntityId,
    stance: Stance,
    weight: f64,
) -> Vec<Statement> {
    holding
        .actors
        .iter()
        .map(|&actor| {
            let basis = Basis {
                holder: holding.how,
                holder_confidence: holding.confidence,
                stance: StanceBasis::Anaphora(round(weight * ANAPHORA)),
                discovered: false,
            };
            Statement {
                actor,
                concept,
                stance,
                sentence: view.index,
                confidence: score(&basis, stance),
                basis,
            }
        })
        .collect()
}

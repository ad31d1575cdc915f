//! Extract stage, the statements pass: candidate statements and their
//! stance and confidence, unit by unit. Recall first: every concept a held
//! unit names is a candidate of its holder. Its stance comes from the
//! strongest evidence present — a cue that governs it (`stance.rs`), else
//! harm or the polarity of the words next to it (`polarity.rs`), else the
//! default for its name (`candidates.rs`). The actor a clause has as its
//! subject, an actor that "so did", and the voice that reports a frame get
//! candidates too, and a turn that opens "I agree" adopts the previous
//! turn's principal position. Then one statement per (actor, concept,
//! stance, unit) is kept, and every statement gets the calibrated
//! confidence of its basis, combined over the units of the document that
//! state the same (`confidence.rs`).

use std::collections::BTreeSet;

use super::attribution::{Holding, How};
use super::candidates;
use super::clauses::SentenceView;
use super::confidence::{self, Basis, StanceBasis, score};
use super::entity::{Entity, EntityId, EntityKind};
use super::holders::Holders;
use super::lexicon::{AGREEMENT_PATTERN, Lexicon};
use super::stance::StanceContext;
use super::{Stance, Statement};

/// Units into a turn within which "I agree" adopts the previous speaker's
/// principal position.
const AGREEMENT_REACH: usize = 2;

/// The statements of one document. `views` carry the codebook's mentions
/// (for anaphora), `stance_views` those with discovered concepts added;
/// `discovered` are the discovered concepts, numbered after `entities`.
pub fn collect(
    text: &str,
    views: &[SentenceView],
    stance_views: &[SentenceView],
    holders: &Holders,
    entities: &[Entity],
    discovered: &[Entity],
    lexicon: &Lexicon,
) -> Vec<Statement> {
    let context = StanceContext {
        text,
        entities,
        discovered,
        lexicon,
    };
    let mut statements = Vec::new();
    // Positions taken in the current and the previous turn.
    let mut this_turn = TurnPositions::default();
    let mut previous_turn = TurnPositions::default();
    let mut into_turn = 0;
    for ((view, stance_view), holding) in views.iter().zip(stance_views).zip(&holders.holdings) {
        if holders.turns.contains_key(&view.index) {
            previous_turn = std::mem::take(&mut this_turn);
            into_turn = 0;
            continue;
        }
        into_turn += 1;
        let holding = holding.as_ref();
        let antecedent = view
            .index
            .checked_sub(1)
            .and_then(|i| views.get(i))
            .filter(|before| {
                before.block == view.block || holding.is_some_and(|h| h.how == How::Turn)
            })
            .and_then(|before| sole_concept(before, entities));
        let mut found = context.statements(stance_view, holding, antecedent);
        let open = candidates::ungoverned(&context, stance_view, holding, &found, lexicon);
        found.extend(open);
        let subjects = candidates::subjects(&context, stance_view, holding, &found, lexicon);
        found.extend(subjects);
        let voice = holders.voices[view.index]
            .as_ref()
            .filter(|v| !(holders.news && v.how == How::Author));
        let echoes = candidates::echoes(&found, holding, voice);
        found.extend(echoes);
        let joined = candidates::shared_by(&context, stance_view, holding, &found);
        found.extend(joined);
        this_turn
            .positions
            .extend(found.iter().map(|s| (s.concept, s.stance)));
        this_turn
            .mentioned
            .extend(stance_view.mentions.iter().map(|m| m.entity));
        statements.extend(found);
        if let Some(holding) = holding
            && into_turn <= AGREEMENT_REACH
            && agrees(text, view, holding)
        {
            statements.extend(agreement(holding, &previous_turn, view.index));
        }
    }
    // Statements on concepts discovered here rest on a weaker basis.
    for statement in &mut statements {
        if statement.concept.0 >= entities.len() {
            statement.basis.discovered = true;
            statement.confidence = score(&statement.basis, statement.stance);
        }
    }
    defer_defaults(&mut statements);
    dedup_statements(&mut statements);
    confidence::combine(&mut statements);
    statements
}

/// A stance by default ("named, so supported") gives way to the stance
/// the same actor takes on the same concept, in the same document, by a
/// rule (a cue, harm, agreement) or by clear polarity: someone who calls X
/// "a disaster" and later merely mentions X has not changed their mind.
/// Where the document has both stances by rule, defaults stay as they are.
fn defer_defaults(statements: &mut [Statement]) {
    use std::collections::HashMap;
    let mut decided: HashMap<(EntityId, EntityId), (bool, bool)> = HashMap::new();
    for statement in statements.iter() {
        if statement.basis.stance != StanceBasis::Default {
            let seen = decided
                .entry((statement.actor, statement.concept))
                .or_default();
            match statement.stance {
                Stance::Support => seen.0 = true,
                Stance::Critique => seen.1 = true,
            }
        }
    }
    for statement in statements.iter_mut() {
        if statement.basis.stance != StanceBasis::Default {
            continue;
        }
        match decided.get(&(statement.actor, statement.concept)) {
            Some((true, false)) => statement.stance = Stance::Support,
            Some((false, true)) => statement.stance = Stance::Critique,
            _ => {}
        }
    }
}

/// The previous turn's principal positions, adopted by `holding`.
fn agreement(holding: &Holding, previous: &TurnPositions, sentence: usize) -> Vec<Statement> {
    let mut out = Vec::new();
    for (concept, stance) in previous.principal() {
        for &actor in &holding.actors {
            let basis = Basis {
                holder: holding.how,
                holder_confidence: holding.confidence,
                stance: StanceBasis::Agreement,
                discovered: false,
            };
            out.push(Statement {
                actor,
                concept,
                stance,
                sentence,
                confidence: score(&basis, stance),
                basis,
            });
        }
    }
    out
}

/// The one concept a unit names, if it names exactly one.
fn sole_concept(view: &SentenceView, entities: &[Entity]) -> Option<EntityId> {
    let concepts: BTreeSet<EntityId> = view
        .mentions
        .iter()
        .filter(|m| entities[m.entity.0].kind == EntityKind::Concept)
        .map(|m| m.entity)
        .collect();
    (concepts.len() == 1).then(|| *concepts.first().expect("one concept"))
}

/// Does a turn's unit agree with the previous speaker?
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

/// One statement per (actor, concept, stance, unit), the most confident
/// kept, in unit order.
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

#[cfg(test)]
mod tests {
    use crate::corpus::{Corpus, DocumentKind, DocumentMeta, document_from_text};
    use crate::extract::{Codebook, ExtractConfig, extract};

    /// "actor stance concept [basis]" for every statement of `text`, a blog
    /// by "Tom Brown".
    fn statements(text: &str) -> Vec<String> {
        let codebook = Codebook::parse(
            r#"
[[actor]]
name = "Tom Brown"
kind = "person"

[[actor]]
name = "Wessex Council"
kind = "organisation"

[[concept]]
name = "bus franchising"

[[concept]]
name = "fare rises"

[[concept]]
name = "public spending cuts"
aliases = ["cuts"]
"#,
            std::path::Path::new("t.toml"),
        )
        .expect("codebook");
        let meta = DocumentMeta {
            author: Some("Tom Brown".into()),
            kind: Some(DocumentKind::Blog),
            ..DocumentMeta::default()
        };
        let corpus = Corpus {
            documents: vec![document_from_text("t.txt", text, meta)],
            warnings: vec![],
        };
        // Every candidate, whatever its confidence.
        let config = ExtractConfig::default()
            .with_min_confidence(0.0)
            .expect("valid");
        let extraction = extract(&corpus, &codebook, &config);
        let name = |id: crate::extract::EntityId| extraction.entities[id.0].name.clone();
        let mut out: Vec<String> = extraction.documents[0]
            .statements
            .iter()
            .map(|s| {
                format!(
                    "{} {:?} {} [{}]",
                    name(s.actor),
                    s.stance,
                    name(s.concept),
                    s.basis.key()
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn statements_table() {
        // Sentences written for this test.
        let rows: &[(&str, &[&str])] = &[
            // A cue that governs the concept decides.
            (
                "We oppose bus franchising.",
                &["Tom Brown Critique bus franchising [frame+cue-strong]"],
            ),
            // Named without a judgement: the default for its name.
            (
                "Bus franchising was on the agenda.",
                &["Tom Brown Support bus franchising [author+default]"],
            ),
            (
                "The cuts were on the agenda.",
                &["Tom Brown Critique public spending cuts [author+default]"],
            ),
            // Harm values what it harms.
            (
                "There is a real threat to bus franchising.",
                &["Tom Brown Support bus franchising [author+harm]"],
            ),
            // The subject of a clause holds its clause too.
            (
                "Wessex Council introduced bus franchising last year.",
                &[
                    "Tom Brown Support bus franchising [author+default]",
                    "Wessex Council Support bus franchising [subject+default]",
                ],
            ),
            // An opening phrase of time does not hide the subject.
            (
                "In 2010 Wessex Council introduced bus franchising.",
                &[
                    "Tom Brown Support bus franchising [author+default]",
                    "Wessex Council Support bus franchising [subject+default]",
                ],
            ),
            // A default gives way to the stance a rule found for the same
            // actor and concept.
            (
                "We oppose bus franchising. Bus franchising was on the agenda.",
                &[
                    "Tom Brown Critique bus franchising [author+default]",
                    "Tom Brown Critique bus franchising [frame+cue-strong]",
                ],
            ),
            // A reported frame is also its reporter's, less surely.
            (
                "Wessex Council welcomes bus franchising.",
                &[
                    "Tom Brown Support bus franchising [echo+cue-strong]",
                    "Wessex Council Support bus franchising [frame+cue-strong]",
                ],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(statements(text), *want, "{text}");
        }
    }
}

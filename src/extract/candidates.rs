//! Extract stage: recall first. Every concept a held sentence names is a
//! candidate statement of its holder, whether or not a stance cue governs
//! it; this pass gives the ones no cue governs (`stance.rs` handles those)
//! a stance from the polarity of their clause (`polarity.rs`), or support
//! when the clause is neutral — in policy text a concept a speaker brings
//! up is far more often one they argue for. How sure each is, is decided
//! in `confidence.rs` from how the holder and the stance were found.

use super::attribution::Holding;
use super::clauses::SentenceView;
use super::confidence::{Basis, StanceBasis, score};
use super::entity::{Entity, EntityId, EntityKind, Origin};
use super::lexicon::Lexicon;
use super::mentions::Mention;
use super::polarity;
use super::stance::StanceContext;
use super::{Stance, Statement};

/// Statements for the concepts of `view` that `governed` (the cue-governed
/// statements of the sentence) leaves out. A concept the codebook does not
/// list needs a polar clause: a phrase that was merely repeated is not yet
/// a position. O(c·q) for c concepts and q cues.
pub fn ungoverned(
    context: &StanceContext,
    view: &SentenceView,
    holding: Option<&Holding>,
    governed: &[Statement],
    lexicon: &Lexicon,
) -> Vec<Statement> {
    let Some(holding) = holding else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen: Vec<EntityId> = governed.iter().map(|s| s.concept).collect();
    for mention in view.mentions {
        let entity = context.entity(mention.entity);
        if entity.kind != EntityKind::Concept || seen.contains(&mention.entity) {
            continue;
        }
        seen.push(mention.entity);
        let reading = polarity::read(context.text, view, lexicon, mention);
        let (stance, stance_basis) = match reading {
            Some(r) if r.harm => (r.stance, StanceBasis::Harm),
            Some(r) => (r.stance, StanceBasis::Polarity(r.strength)),
            // A repeated lower-case phrase is not yet a position; a name
            // ("Flood Defence Bill") or a policy noun ("devolution") may be.
            None if entity.origin == Origin::Discovered
                && std::env::var("XP").is_err()
                && !entity.name.chars().any(char::is_uppercase)
                && entity.name.contains(' ') =>
            {
                continue;
            }
            // "What assessment has she made of X?": asking about a concept
            // takes no side on it.
            None if is_written_question(&context.text[view.span.clone()]) => continue,
            None => (
                default_stance(entity, context.text, mention),
                StanceBasis::Default,
            ),
        };
        let mut stance = stance;
        if entity.is_opposite(&context.text[mention.span.clone()]) {
            stance = stance.opposite();
        }
        let basis = Basis {
            holder: holding.how,
            holder_confidence: holding.confidence,
            stance: stance_basis,
            discovered: false,
        };
        for &actor in &holding.actors {
            out.push(Statement {
                actor,
                concept: mention.entity,
                stance,
                sentence: view.index,
                confidence: score(&basis, stance),
                basis,
            });
        }
    }
    out
}

/// A question asked as a written parliamentary question is ("What
/// assessment he has made of …", "If he will …", "Whether …"): it asks
/// about a concept without taking a side. (A rhetorical question in a
/// speech often does take one, so a question mark alone is not enough:
/// measured on the visible sets, it lost more than it saved.)
pub(super) fn is_written_question(sentence: &str) -> bool {
    const OPENERS: &[&str] = &[
        "what assessment",
        "what recent assessment",
        "what steps",
        "what plans",
        "what discussions",
        "what progress",
        "what estimate",
        "what representations",
        "if he will",
        "if she will",
        "whether ",
    ];
    let lower = sentence
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    OPENERS.iter().any(|o| lower.starts_with(o))
}

/// The default stance on a concept named by `mention`: the default for
/// its name, or — when the form names the problem the concept remedies
/// ("child poverty" for tackling child poverty) — for the form, which the
/// caller then reverses.
fn default_stance(entity: &Entity, text: &str, mention: &Mention) -> Stance {
    let written = &text[mention.span.clone()];
    if entity.is_opposite(written)
        && !entity
            .opposites
            .iter()
            .any(|o| o.eq_ignore_ascii_case(written))
    {
        polarity::default_stance(written)
    } else {
        polarity::default_stance(&entity.name)
    }
}

/// Words that may stand before an actor that is the subject of its
/// clause: "The", "Most", "Only one in four of the", "three out of four".
const SUBJECT_LEAD: &[&str] = &[
    "the", "most", "many", "some", "all", "both", "these", "those", "only", "one", "two", "three",
    "four", "five", "in", "out", "of", "majority", "minority", "few", "several", "leading", "our",
    "my", "their", "his", "her", "its", "a", "an", "and",
];

/// Words of an opening phrase of time: "In 1992 the Labour party …",
/// "Last week the Prime Minister …".
const TIME_WORDS: &[&str] = &[
    "since",
    "last",
    "next",
    "this",
    "that",
    "year",
    "years",
    "week",
    "month",
    "today",
    "yesterday",
    "now",
    "then",
    "also",
    "already",
    "recently",
    "previously",
    "however",
    "indeed",
    "ago",
    "at",
    "on",
    "by",
    "after",
    "before",
    "when",
];

/// The positions of actors named as the subject of a clause ("The Labour
/// Government introduced X"), on the concepts their clause names after
/// them: the stance a cue of the sentence gives that concept, else
/// support, reversed when a negator follows the subject ("Most GPs do
/// not want X"). Actors that already hold the sentence are skipped.
pub fn subjects(
    context: &StanceContext,
    view: &SentenceView,
    holding: Option<&Holding>,
    decided: &[Statement],
    lexicon: &Lexicon,
) -> Vec<Statement> {
    let text = context.text;
    let layout = &view.layout;
    let mut out = Vec::new();
    for actor in view.mentions {
        let entity = context.entity(actor.entity);
        if entity.kind != EntityKind::Actor
            || holding.is_some_and(|h| h.actors.contains(&actor.entity))
        {
            continue;
        }
        // Only lead words (or a time: "in 1992") between the clause start,
        // or the comma after an opening phrase, and the actor.
        let from = text[view.span.start..actor.span.start]
            .rfind(',')
            .map_or(view.span.start, |c| view.span.start + c);
        let clause_words: Vec<&std::ops::Range<usize>> = layout
            .words()
            .iter()
            .filter(|w| {
                layout.same_clause(w.start, actor.span.start)
                    && w.start >= from
                    && w.end <= actor.span.start
            })
            .collect();
        let led = clause_words.len() <= 6
            && clause_words.iter().all(|w| {
                let word = text[(*w).clone()].to_lowercase();
                SUBJECT_LEAD.contains(&word.as_str())
                    || TIME_WORDS.contains(&word.as_str())
                    || word.chars().all(|c| c.is_ascii_digit())
            });
        // A verb-like word follows: lower case, not a link to more noun.
        let next = layout.word_after(actor.span.end);
        let verb = next.as_ref().is_some_and(|w| {
            let gap = &text[actor.span.end..w.start];
            let word = &text[w.clone()];
            gap.trim().is_empty()
                && word.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    word,
                    "and" | "or" | "of" | "for" | "in" | "s" | "who" | "which" | "that" | "to"
                )
        });
        if !led || !verb {
            continue;
        }
        let negated = view.cues.iter().any(|n| {
            lexicon.cues(n).contains(&super::lexicon::Cue::Negation)
                && n.span.start >= actor.span.end
                && layout.words_between(actor.span.end, n.span.start) <= 3
        });
        for concept in view.mentions {
            if context.entity(concept.entity).kind != EntityKind::Concept
                || concept.span.start < actor.span.end
                || !layout.same_clause(concept.span.start, actor.span.start)
                || layout.words_between(actor.span.end, concept.span.start) > 20
            {
                continue;
            }
            let cue = decided
                .iter()
                .find(|s| s.concept == concept.entity && s.basis.stance.is_rule());
            let (mut stance, stance_basis) = match cue {
                Some(s) => (s.stance, s.basis.stance),
                None => (
                    default_stance(context.entity(concept.entity), text, concept),
                    StanceBasis::Default,
                ),
            };
            if negated && cue.is_none() {
                stance = stance.opposite();
            }
            let basis = Basis {
                holder: super::How::Subject,
                holder_confidence: 0.7,
                stance: stance_basis,
                discovered: false,
            };
            out.push(Statement {
                actor: actor.entity,
                concept: concept.entity,
                stance,
                sentence: view.index,
                confidence: score(&basis, stance),
                basis,
            });
        }
    }
    out
}

/// The voice's own copy of what a sentence reports: the speaker of a turn
/// (or the author) who says "The Government have said they will protect
/// X" takes a position on X too, with less confidence. Only reported
/// frames echo; a quotation is the quoted person's alone.
pub fn echoes(
    found: &[Statement],
    holding: Option<&Holding>,
    voice: Option<&Holding>,
) -> Vec<Statement> {
    let (Some(holding), Some(voice)) = (holding, voice) else {
        return Vec::new();
    };
    if !matches!(holding.how, super::How::Frame | super::How::Carried)
        || voice.actors.iter().any(|a| holding.actors.contains(a))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for statement in found.iter().filter(|s| holding.actors.contains(&s.actor)) {
        for &actor in &voice.actors {
            let basis = Basis {
                holder: super::How::Echo,
                holder_confidence: voice.confidence,
                stance: statement.basis.stance,
                discovered: false,
            };
            out.push(Statement {
                actor,
                confidence: score(&basis, statement.stance),
                basis,
                ..statement.clone()
            });
        }
    }
    out
}

/// "I agree with the hon. Member for X (Mr Y) that …": the actor agreed
/// with holds what the sentence's holder holds.
static AGREE_WITH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\bagree(?:s|d)?\s+(?:\w+\s+)?with\s+[^.;:!?]{0,60}$")
        .expect("agree-with pattern")
});

/// "…, and so did the Liberal Democrats", "as does IPPR", "nor do we":
/// the actor named after "so did" holds what the sentence's holder holds.
static SO_DID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:so|as|nor|neither)\s+(?:did|does|do|has|have|had|is|are|was|were|will|would|can|could)\s+$",
    )
    .expect("so-did pattern")
});

/// The statements of `found` held by the sentence's holder, for each
/// actor that "so did" joins to it.
pub fn shared_by(
    context: &StanceContext,
    view: &SentenceView,
    holding: Option<&Holding>,
    found: &[Statement],
) -> Vec<Statement> {
    let Some(holding) = holding else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for actor in view.mentions {
        if context.entity(actor.entity).kind != EntityKind::Actor
            || holding.actors.contains(&actor.entity)
        {
            continue;
        }
        let start = view.span.start.max(actor.span.start.saturating_sub(40));
        let Some(start) = (start..=actor.span.start).find(|&i| context.text.is_char_boundary(i))
        else {
            continue;
        };
        // "so did the Liberal Democrats": an article may come between.
        let before = context.text[start..actor.span.start]
            .trim_end_matches("the ")
            .trim_end_matches("The ");
        let agreed = AGREE_WITH.is_match(&context.text[view.span.start..actor.span.start]);
        if !SO_DID.is_match(before) && !agreed {
            continue;
        }
        for statement in found.iter().filter(|s| holding.actors.contains(&s.actor)) {
            let basis = Basis {
                holder: super::How::Frame,
                holder_confidence: 0.8,
                ..statement.basis
            };
            out.push(Statement {
                actor: actor.entity,
                confidence: score(&basis, statement.stance),
                basis,
                ..statement.clone()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_written_question;

    #[test]
    fn written_questions_table() {
        let rows = [
            ("What assessment he has made of bus franchising.", true),
            (
                "1. What recent assessment she has made of the bursary scheme.",
                true,
            ),
            (
                "If he will make a statement on his policy on rail fares.",
                true,
            ),
            ("Whether the Government plan to review the scheme.", true),
            ("Will the Minister back bus franchising?", false),
            ("What a disaster bus franchising has been.", false),
            ("We asked what assessment had been made.", false),
        ];
        for (sentence, want) in rows {
            assert_eq!(is_written_question(sentence), want, "{sentence:?}");
        }
    }
}

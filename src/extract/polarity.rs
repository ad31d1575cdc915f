//! Extract stage: the polarity of a concept's clause, for concepts that no
//! stance cue governs. A broad general-purpose lexicon (VADER's, about
//! 7,200 words, `cues/sentiment.txt`) rates the words of the clause within
//! three words of the concept, leaving out the words of every actor and concept named in
//! it (the words of "public spending cuts" say nothing about a stance on
//! it) and the names and forms of address of `cues/neutral.txt`; policy
//! harms it lacks ("pollution", "homelessness") come from `cues/harms.txt`. A negator
//! up to three words before a word flips it, damped as VADER does (×
//! −0.74). Harm comes first: a concept that something threatens, cuts or
//! leaves lacking ("a threat to X", "the lack of X", "X is underfunded")
//! is valued by whoever complains of it, whatever the words' sentiment.
//! Who holds the clause is not decided here.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Stance;
use super::clauses::SentenceView;
use super::lexicon::{Cue, LexMatch, Lexicon};
use super::mentions::Mention;

const SENTIMENT: &str = include_str!("cues/sentiment.txt");
const NEUTRAL: &str = include_str!("cues/neutral.txt");
const HARMS: &str = include_str!("cues/harms.txt");

/// VADER's negation damping.
const NEGATED: f64 = -0.74;
/// Words between a negator and the word it flips.
const NEGATION_REACH: usize = 3;
/// Words on either side of the concept whose valence counts: an
/// evaluative word next to the concept ("a disastrous X", "X is a
/// disgrace") judges it; one further off in a long clause judges
/// something else as often as not (measured on the visible sets: the
/// whole clause gave no better stances than plain support).
const WINDOW: usize = 3;
/// Words between a harm phrase and the valued concept.
const HARM_REACH: usize = 5;
/// VADER's normalisation constant: compound = s / √(s² + α).
const ALPHA: f64 = 15.0;
/// |compound| below this is no polarity.
const THRESHOLD: f64 = 0.05;

/// Word → valence (−4 to +4).
static VALENCE: LazyLock<HashMap<&'static str, f64>> = LazyLock::new(|| {
    let neutral: Vec<&str> = words_of(NEUTRAL).collect();
    SENTIMENT
        .lines()
        .chain(HARMS.lines())
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(word, _)| !neutral.contains(word))
        .filter_map(|(word, value)| Some((word, value.trim().parse().ok()?)))
        .collect()
});

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The valence of one word (any case), if the lexicon rates it.
pub fn valence(word: &str) -> Option<f64> {
    if word.chars().any(char::is_uppercase) {
        VALENCE.get(word.to_lowercase().as_str()).copied()
    } else {
        VALENCE.get(word).copied()
    }
}

/// What the clause says of a concept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub stance: Stance,
    /// 0 to 1: the size of VADER's compound score, or a fixed strength for
    /// harm.
    pub strength: f64,
    /// Harm decided it ("a threat to X").
    pub harm: bool,
}

/// Strength given to a reading from harm.
const HARM_STRENGTH: f64 = 0.6;

/// Read the polarity of `concept`'s clause in `view`; `None` when the
/// clause is neutral. O(w·q) for w words and q cues of the sentence.
pub fn read(
    text: &str,
    view: &SentenceView,
    lexicon: &Lexicon,
    concept: &Mention,
) -> Option<Reading> {
    let layout = &view.layout;
    let at = concept.span.start;
    let negated = |position: usize| negator_before(view, lexicon, position);

    // Harm first.
    for found in &view.cues {
        if !layout.same_clause(found.span.start, at) {
            continue;
        }
        let cues = lexicon.cues(found);
        let before = cues.contains(&Cue::Harm)
            && found.span.end <= at
            && layout.words_between(found.span.end, at) <= HARM_REACH;
        let passive = cues.contains(&Cue::HarmPassive)
            && found.span.start >= concept.span.end
            && layout.words_between(concept.span.end, found.span.start) <= 3
            && passive_before(text, view, found);
        if before || passive {
            let stance = if negated(found.span.start) {
                Stance::Critique
            } else {
                Stance::Support
            };
            return Some(Reading {
                stance,
                strength: HARM_STRENGTH,
                harm: true,
            });
        }
    }

    let mut sum = 0.0;
    for word in layout.words() {
        let distance = if word.start < at {
            layout.words_between(word.end, at)
        } else {
            layout.words_between(concept.span.end, word.start)
        };
        if !layout.same_clause(word.start, at)
            || distance > WINDOW
            || view
                .mentions
                .iter()
                .any(|m| m.span.start <= word.start && word.end <= m.span.end)
        {
            continue;
        }
        let Some(value) = valence(&text[word.clone()]) else {
            continue;
        };
        sum += if negated(word.start) {
            value * NEGATED
        } else {
            value
        };
    }
    let compound = sum / (sum * sum + ALPHA).sqrt();
    (compound.abs() >= THRESHOLD).then(|| Reading {
        stance: if compound > 0.0 {
            Stance::Support
        } else {
            Stance::Critique
        },
        strength: compound.abs(),
        harm: false,
    })
}

/// Head words of the names of policies and measures: a named policy is
/// something done on purpose, whatever its words ("Troubled Families
/// Programme", "ban on zombie knives", "stop and search powers").
const POLICY_HEADS: &[&str] = &[
    "programme",
    "program",
    "act",
    "bill",
    "scheme",
    "fund",
    "plan",
    "strategy",
    "policy",
    "reform",
    "reforms",
    "service",
    "services",
    "review",
    "framework",
    "agreement",
    "initiative",
    "budget",
    "budgets",
    "test",
    "settlement",
    "deal",
    "ban",
    "bans",
    "restriction",
    "restrictions",
    "offence",
    "power",
    "powers",
    "prohibition",
    "duty",
    "levy",
    "regulation",
    "regulations",
    "register",
    "law",
    "laws",
    "measure",
    "measures",
    "commission",
    "inquiry",
];
/// Words that turn a named problem into a remedy ("deficit reduction",
/// "suicide prevention").
pub(super) const REMEDIES: &[&str] = &[
    "reduction",
    "reducing",
    "prevention",
    "preventing",
    "tackling",
    "against",
    "anti",
    "ending",
    "relief",
    "protection",
    "free",
    "reduce",
    "prevent",
    "tackle",
    "end",
];
/// Words after which a name goes on about something else: "ban on the
/// sale of …".
const LINKS: &[&str] = &["of", "on", "for", "to", "in", "by", "with", "at", "from"];

/// The stance a holder most likely takes on a concept it names without a
/// judgement: support, unless the concept's own name is a harm — "public
/// spending cuts", "benefit fraud", "lowest-cost provision" — for named
/// problems are opposed far more often than backed. The name's head (its
/// last word before "of", "on", …) decides; a remedy word or a policy head
/// makes it a measure, which is supported.
pub fn default_stance(name: &str) -> Stance {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.iter().any(|w| REMEDIES.contains(&w.as_str())) {
        return Stance::Support;
    }
    let core: Vec<&String> = words
        .iter()
        .take_while(|w| !LINKS.contains(&w.as_str()))
        .collect();
    let Some(head) = core.last() else {
        return Stance::Support;
    };
    if POLICY_HEADS.contains(&head.as_str()) {
        return Stance::Support;
    }
    let head_harm = valence(head).is_some_and(|v| v <= -1.0);
    let modifier_harm = core[..core.len() - 1]
        .iter()
        .any(|w| valence(w).is_some_and(|v| v <= -1.5));
    if head_harm || modifier_harm {
        Stance::Critique
    } else {
        Stance::Support
    }
}

/// A negator up to three words before `position`, in its clause.
fn negator_before(view: &SentenceView, lexicon: &Lexicon, position: usize) -> bool {
    view.cues.iter().any(|n| {
        n.span.end <= position
            && lexicon.cues(n).contains(&Cue::Negation)
            && view.layout.same_clause(n.span.start, position)
            && view.layout.words_between(n.span.end, position) <= NEGATION_REACH
    })
}

/// Is a passive harm word ("undermined", "at risk") predicated of what
/// comes before it: "would be undermined", "is at risk", "remain
/// underfunded"?
fn passive_before(text: &str, view: &SentenceView, found: &LexMatch) -> bool {
    const LINKS: &[&str] = &[
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "remain",
        "remains",
        "left",
        "get",
        "gets",
        "got",
        "become",
        "becomes",
        "massively",
        "badly",
        "seriously",
        "chronically",
        "severely",
        "now",
        "still",
    ];
    let Some(word) = view.layout.word_before(found.span.start) else {
        return false;
    };
    let lower = text[word].to_lowercase();
    LINKS.contains(&lower.as_str())
        || (found.span.start >= view.span.start
            && text[view.span.start..found.span.start]
                .trim_end()
                .ends_with(','))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clauses::Layout;
    use crate::extract::entity::EntityId;
    use crate::extract::lexicon::BUILTIN;

    /// The reading of `concept` in `sentence`.
    fn reading(sentence: &str, concept: &str) -> Option<Stance> {
        let start = sentence.find(concept).expect("concept in sentence");
        let mention = Mention {
            entity: EntityId(0),
            span: start..start + concept.len(),
            sentence: 0,
        };
        let cues = BUILTIN.find(sentence, 0..sentence.len());
        let layout = Layout::new(sentence, 0..sentence.len(), &BUILTIN, &cues);
        let mentions = [mention.clone()];
        let view = SentenceView {
            index: 0,
            span: 0..sentence.len(),
            block: 0,
            mentions: &mentions,
            cues,
            layout,
        };
        read(sentence, &view, &BUILTIN, &mention).map(|r| r.stance)
    }

    #[test]
    fn default_stances_table() {
        use Stance::{Critique as C, Support as S};
        let rows = [
            ("public spending cuts", C),
            ("benefit fraud", C),
            ("lowest-cost provision", C),
            ("deficit reduction", S),
            ("Troubled Families Programme", S),
            ("localism", S),
            ("crime prevention", S),
            ("ban on the sale of corrosive products", S),
            ("stop and search powers", S),
            ("plastic pollution", C),
            ("suicide prevention", S),
        ];
        for (name, want) in rows {
            assert_eq!(default_stance(name), want, "{name}");
        }
    }

    #[test]
    fn readings_table() {
        use Stance::{Critique as C, Support as S};
        // Sentences written for this test, none from an annotated text.
        let rows: &[(&str, &str, Option<Stance>)] = &[
            ("I am delighted about the bus fund.", "bus fund", Some(S)),
            ("The parking levy is a disgrace.", "parking levy", Some(C)),
            (
                "The parking levy is not a success.",
                "parking levy",
                Some(C),
            ),
            (
                "There is a real threat to the library service.",
                "library service",
                Some(S),
            ),
            (
                "The lack of rural buses hurts families.",
                "rural buses",
                Some(S),
            ),
            (
                "Adult education is massively underfunded.",
                "Adult education",
                Some(S),
            ),
            ("The canal trust met on Tuesday.", "canal trust", None),
            // The concept's own words say nothing: "cuts".
            ("We discussed the spending cuts.", "spending cuts", None),
            // Another clause's words do not reach it.
            (
                "The toll is fine, but the bridge is a disaster.",
                "toll",
                Some(S),
            ),
            (
                "The toll is fine, but the bridge is a disaster.",
                "bridge",
                Some(C),
            ),
            // Forms of address and names are neutral.
            ("My noble friend raised social care.", "social care", None),
        ];
        for &(sentence, concept, want) in rows {
            assert_eq!(reading(sentence, concept), want, "{sentence} / {concept}");
        }
    }
}

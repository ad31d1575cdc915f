//! Extract stage, last pass: how sure a statement is. Each statement keeps
//! the evidence it rests on — how its holder was found and how its stance
//! was — and its confidence is read from a calibration table
//! (`cues/calibration.txt`): the share of statements with the same basis
//! that hand coders agreed with on the visible sets (seeds, dev, dev2),
//! so that among statements of confidence 0.7 about 70% are right. The
//! table is data, rewritten by `examples/calibrate.rs`; a basis missing
//! from it falls back to a product of the holder's and the cue's weight.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Stance;
use super::attribution::How;

const CALIBRATION: &str = include_str!("cues/calibration.txt");

/// What a statement rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Basis {
    /// How the holder was found.
    pub holder: How,
    /// The holder rule's own confidence (0 to 1).
    pub holder_confidence: f64,
    pub stance: StanceBasis,
    /// The concept is one discovery found, not one the codebook lists.
    pub discovered: bool,
}

impl Basis {
    /// `holder+stance`, as the graph's evidence and the calibration table
    /// name it: "turn+cue-strong".
    pub fn key(&self) -> String {
        format!("{}+{}", self.holder.key(), self.stance_key())
    }

    /// The stance part of the key: "default", or "default-new" for a
    /// discovered concept.
    pub fn stance_key(&self) -> String {
        if self.discovered {
            format!("{}-new", self.stance.key())
        } else {
            self.stance.key().to_owned()
        }
    }
}

/// How a statement's stance was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StanceBasis {
    /// A cue that governs the concept; its weight after distance, negation
    /// and contrast (0 to 1).
    Cue(f64),
    /// "It is a disaster" about the one concept of the sentence before.
    Anaphora(f64),
    /// "I agree with my hon. Friend": the previous speaker's position.
    Agreement,
    /// The concept is threatened, cut or lacking ("a threat to X").
    Harm,
    /// The clause's lexicon polarity, 0 to 1.
    Polarity(f64),
    /// Named in a held clause with no polarity: support.
    Default,
}

impl StanceBasis {
    /// Was the stance decided by a rule about the concept (a cue, harm,
    /// anaphora, agreement) rather than by the clause's polarity or by
    /// default?
    pub fn is_rule(self) -> bool {
        !matches!(self, StanceBasis::Polarity(_) | StanceBasis::Default)
    }

    /// The name of the basis in the calibration table.
    pub fn key(self) -> &'static str {
        match self {
            StanceBasis::Cue(weight) if weight >= 0.75 => "cue-strong",
            StanceBasis::Cue(_) => "cue-weak",
            StanceBasis::Anaphora(_) => "anaphora",
            StanceBasis::Agreement => "agreement",
            StanceBasis::Harm => "harm",
            StanceBasis::Polarity(strength) if strength >= 0.5 => "polarity-strong",
            StanceBasis::Polarity(_) => "polarity-weak",
            StanceBasis::Default => "default",
        }
    }

    /// The weight a stance basis carries before calibration.
    fn weight(self) -> f64 {
        match self {
            StanceBasis::Cue(weight) | StanceBasis::Anaphora(weight) => weight,
            StanceBasis::Agreement => 0.7,
            StanceBasis::Harm => 0.6,
            StanceBasis::Polarity(strength) => 0.5 + 0.2 * strength,
            StanceBasis::Default => 0.45,
        }
    }
}

impl How {
    /// The name of the holder rule in the calibration table.
    pub fn key(self) -> &'static str {
        match self {
            How::Quote => "quote",
            How::Frame => "frame",
            How::Report => "report",
            How::List => "list",
            How::Turn => "turn",
            How::Author => "author",
            How::Issuer => "issuer",
            How::Carried => "carried",
            How::Subject => "subject",
            How::Echo => "echo",
        }
    }
}

/// (holder key, stance key) → calibrated confidence, from
/// `cues/calibration.txt` (`holder stance = confidence` lines).
static TABLE: LazyLock<HashMap<(String, String), f64>> = LazyLock::new(|| {
    CALIBRATION
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .filter_map(|l| {
            let (key, value) = l.split_once('=')?;
            let mut parts = key.split_whitespace();
            let (holder, stance) = (parts.next()?, parts.next()?);
            Some((
                (holder.to_owned(), stance.to_owned()),
                value.trim().parse().ok()?,
            ))
        })
        .collect()
});

/// The share of a statement's remaining doubt that each further sentence
/// of the same document leaves (`repeat = …` in the table): a position a
/// holder states three times is surer than one stated once.
static REPEAT: LazyLock<f64> = LazyLock::new(|| {
    CALIBRATION
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .find_map(|l| {
            let (key, value) = l.split_once('=')?;
            (key.trim() == "repeat").then(|| value.trim().parse().ok())?
        })
        .filter(|v: &f64| (0.0..=1.0).contains(v))
        .unwrap_or(0.6)
});

/// The calibrated confidence of one sentence's basis, by its key
/// ("turn+cue-strong"), if the table lists it.
pub fn table_value(key: &str) -> Option<f64> {
    let (holder, stance) = key.split_once('+')?;
    TABLE.get(&(holder.to_owned(), stance.to_owned())).copied()
}

/// The confidence of a statement that `sentences` sentences of one
/// document support, the best of them with confidence `best`:
/// `1 − (1 − best) · repeat^(sentences − 1)`.
pub fn combined(best: f64, sentences: usize) -> f64 {
    let doubt = (1.0 - best) * REPEAT.powi(sentences.saturating_sub(1) as i32);
    ((1.0 - doubt) * 1000.0).round() / 1000.0
}

/// Give every statement of one document the confidence of its (actor,
/// concept, stance) over all the sentences that state it. O(n).
pub fn combine(statements: &mut [super::Statement]) {
    // Per triple: the best confidence and the number of distinct sentences.
    let mut groups: HashMap<(usize, usize, Stance), (f64, usize)> = HashMap::new();
    let mut seen = std::collections::HashSet::new();
    for statement in statements.iter() {
        let key = (statement.actor.0, statement.concept.0, statement.stance);
        let group = groups.entry(key).or_default();
        group.0 = group.0.max(statement.confidence);
        if seen.insert((key, statement.sentence)) {
            group.1 += 1;
        }
    }
    for statement in statements.iter_mut() {
        let (best, sentences) = groups[&(statement.actor.0, statement.concept.0, statement.stance)];
        statement.confidence = combined(best, sentences);
    }
}

/// The confidence of a statement with this basis, 0 to 1, to three places.
pub fn score(basis: &Basis, _stance: Stance) -> f64 {
    let key = (basis.holder.key().to_owned(), basis.stance_key());
    let value = TABLE.get(&key).copied().unwrap_or_else(|| {
        let weight = basis.holder_confidence * basis.stance.weight();
        if basis.discovered {
            weight * 0.8
        } else {
            weight
        }
    });
    (value * 1000.0).round() / 1000.0
}

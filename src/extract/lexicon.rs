//! Extract stage: the cue lexicon — stance cues, negators, contrast markers,
//! reporting verbs, agreement phrases, publication nouns, clause breaks and
//! the auxiliaries a subject may stand behind. The lists are data files
//! (`src/extract/cues/*.txt`, built in with `include_str!`), compiled once
//! into one Aho-Corasick automaton; a codebook's `[cues]` extends (or, with
//! `builtin = false`, replaces) the stance lists. This file finds cues in
//! text; what a cue governs is decided in `stance.rs` and `attribution.rs`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Stance;
use super::codebook::CueLists;

const SUPPORT: &str = include_str!("cues/support.txt");
const CRITIQUE: &str = include_str!("cues/critique.txt");
const NEGATION: &str = include_str!("cues/negation.txt");
const CONTRAST: &str = include_str!("cues/contrast.txt");
const REPORTING: &str = include_str!("cues/reporting.txt");
const AGREEMENT: &str = include_str!("cues/agreement.txt");
const REPORT_NOUNS: &str = include_str!("cues/report_nouns.txt");
const CLAUSE_BREAKS: &str = include_str!("cues/clause_breaks.txt");
const AUXILIARIES: &str = include_str!("cues/auxiliaries.txt");
const HARM: &str = include_str!("cues/harm.txt");

/// Where the thing a stance cue is about stands relative to the cue, and
/// how far the cue reaches (the sections of `cues/support.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// "welcomes X": the cue comes first.
    Before,
    /// "calls for … X": first, reaching across a whole complement.
    Complement,
    /// "should involve X": first, close, not across "that".
    Modal,
    /// "a monolithic X": the noun right after.
    Modifies,
    /// "X is vital": the cue comes after.
    After,
    /// "X stifles Y": a verb judging its subject, which comes before.
    Subject,
    /// Either side; the nearer thing wins.
    Either,
}

impl Side {
    fn parse(section: &str) -> Option<Side> {
        Some(match section {
            "before" => Side::Before,
            "complement" => Side::Complement,
            "modal" => Side::Modal,
            "modifies" => Side::Modifies,
            "after" => Side::After,
            "subject" => Side::Subject,
            "either" => Side::Either,
            _ => return None,
        })
    }
}

/// What a phrase of the lexicon does. One phrase may do several things
/// ("calls for" reports a position and supports what follows).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cue {
    Stance {
        stance: Stance,
        side: Side,
        weight: f64,
    },
    Negation,
    /// Lets a negation stand: "not only", "no doubt".
    NegationException,
    Contrast,
    Reporting,
    ReportNoun,
    ClauseBreak,
    /// A clause break whose clause ends at the next comma ("although").
    SubordinateBreak,
    Auxiliary,
    /// "a threat to X", "the lack of X": X is valued (`cues/harm.txt`).
    Harm,
    /// "X is underfunded", "X would be undermined": X is valued.
    HarmPassive,
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexMatch {
    pub span: Range<usize>,
    /// Index into [`Lexicon::cues`].
    pub phrase: usize,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    automaton: Option<AhoCorasick>,
    phrases: Vec<String>,
    cues: Vec<Vec<Cue>>,
}

/// Agreement with the previous speaker, from `cues/agreement.txt`: each
/// line a phrase in which `*` stands for at most one word.
pub static AGREEMENT_PATTERN: LazyLock<regex::Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = parse_cue_file(AGREEMENT, "agreement")
        .unwrap_or_default()
        .iter()
        .map(|line| {
            line.phrase
                .split(' ')
                .map(|word| match word {
                    "*" => r"(?:\w+\s+)?".to_owned(),
                    word => format!(r"{}\s+", regex::escape(word)),
                })
                .collect::<String>()
                .trim_end_matches(r"\s+")
                .to_owned()
        })
        .collect();
    regex::Regex::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|")))
        .expect("agreement pattern")
});

/// The built-in lexicon, compiled on first use.
pub static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&CueLists::default()));

/// One line of a cue file: section, phrase, weight.
#[derive(Debug, Clone, PartialEq)]
pub struct CueLine {
    pub section: String,
    pub phrase: String,
    pub weight: f64,
}

/// Parse a cue file: `#` comments, `[section]` headers, one phrase a line
/// with an optional `@weight` (0 to 1). Lines before any header are in the
/// `default` section. A malformed weight is reported as `Err(line number)`.
pub fn parse_cue_file(text: &str, default: &str) -> Result<Vec<CueLine>, usize> {
    let mut section = default.to_owned();
    let mut lines = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_owned();
            continue;
        }
        let (phrase, weight) = match line.rsplit_once('@') {
            Some((phrase, weight)) => match weight.trim().parse::<f64>() {
                Ok(w) if (0.0..=1.0).contains(&w) => (phrase.trim(), w),
                _ => return Err(number + 1),
            },
            None => (line, 1.0),
        };
        lines.push(CueLine {
            section: section.clone(),
            phrase: phrase.split_whitespace().collect::<Vec<_>>().join(" "),
            weight,
        });
    }
    Ok(lines)
}

impl Lexicon {
    /// The built-in lists extended by a codebook's cues. Codebook cues
    /// govern either side, with weight 0.8; `builtin = false` drops the
    /// built-in stance lists (the grammar lists stay).
    pub fn new(extra: &CueLists) -> Self {
        let mut builder = Builder::default();
        let stance_files = [(SUPPORT, Stance::Support), (CRITIQUE, Stance::Critique)];
        if extra.builtin {
            for (text, stance) in stance_files {
                for line in parse_cue_file(text, "either").unwrap_or_default() {
                    let side = Side::parse(&line.section).unwrap_or(Side::Either);
                    builder.add(
                        &line.phrase,
                        Cue::Stance {
                            stance,
                            side,
                            weight: line.weight,
                        },
                    );
                }
            }
        }
        for (phrases, stance) in [
            (&extra.support, Stance::Support),
            (&extra.critique, Stance::Critique),
        ] {
            for phrase in phrases {
                builder.add(
                    phrase,
                    Cue::Stance {
                        stance,
                        side: Side::Either,
                        weight: 0.8,
                    },
                );
            }
        }
        // (file, default section, the cue a line of a section stands for)
        type Grammar = (&'static str, &'static str, fn(&str) -> Option<Cue>);
        let grammar: [Grammar; 7] = [
            (NEGATION, "negation", |_| Some(Cue::Negation)),
            (CONTRAST, "contrast", |section| match section {
                "exceptions" => Some(Cue::NegationException),
                _ => Some(Cue::Contrast),
            }),
            (REPORTING, "reporting", |_| Some(Cue::Reporting)),
            (REPORT_NOUNS, "report", |_| Some(Cue::ReportNoun)),
            (CLAUSE_BREAKS, "break", |section| match section {
                "subordinate" => Some(Cue::SubordinateBreak),
                _ => Some(Cue::ClauseBreak),
            }),
            (AUXILIARIES, "auxiliary", |_| Some(Cue::Auxiliary)),
            (HARM, "before", |section| match section {
                "passive" => Some(Cue::HarmPassive),
                _ => Some(Cue::Harm),
            }),
        ];
        for (text, default, cue_of) in grammar {
            for line in parse_cue_file(text, default).unwrap_or_default() {
                if let Some(cue) = cue_of(&line.section) {
                    builder.add(&line.phrase, cue);
                }
            }
        }
        builder.build()
    }

    /// The cues of a matched phrase.
    pub fn cues(&self, found: &LexMatch) -> &[Cue] {
        &self.cues[found.phrase]
    }

    /// The phrase as listed (lower case).
    pub fn phrase(&self, found: &LexMatch) -> &str {
        &self.phrases[found.phrase]
    }

    /// Phrases in `text[range]`, as whole words, ignoring ASCII case; the
    /// leftmost then longest wins and overlaps are dropped. O(n + m) for n
    /// bytes and m candidate matches.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<LexMatch> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let haystack = &text[range.clone()];
        let mut found: Vec<LexMatch> = automaton
            .find_overlapping_iter(haystack)
            .filter(|hit| whole_words(haystack, hit.start(), hit.end()))
            .map(|hit| LexMatch {
                span: range.start + hit.start()..range.start + hit.end(),
                phrase: hit.pattern().as_usize(),
            })
            .collect();
        found.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut kept: Vec<LexMatch> = Vec::with_capacity(found.len());
        for hit in found {
            if kept.last().is_none_or(|k| hit.span.start >= k.span.end) {
                kept.push(hit);
            }
        }
        kept
    }
}

#[derive(Default)]
struct Builder {
    phrases: Vec<String>,
    cues: Vec<Vec<Cue>>,
    index: HashMap<String, usize>,
}

impl Builder {
    /// Add a phrase (and its other apostrophe spelling) with one more cue.
    fn add(&mut self, phrase: &str, cue: Cue) {
        let phrase = phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if phrase.is_empty() {
            return;
        }
        let mut spellings = vec![phrase.clone()];
        if phrase.contains('\'') {
            spellings.push(phrase.replace('\'', "’"));
        } else if phrase.contains('’') {
            spellings.push(phrase.replace('’', "'"));
        }
        for spelling in spellings {
            let slot = *self.index.entry(spelling.clone()).or_insert_with(|| {
                self.phrases.push(spelling);
                self.cues.push(Vec::new());
                self.cues.len() - 1
            });
            if !self.cues[slot].contains(&cue) {
                self.cues[slot].push(cue);
            }
        }
    }

    fn build(self) -> Lexicon {
        // Phrases are plain lower-case words; the automaton cannot fail on
        // them, but an empty lexicon has no automaton rather than a panic.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&self.phrases)
            .ok();
        Lexicon {
            automaton,
            phrases: self.phrases,
            cues: self.cues,
        }
    }
}

/// A match starts and ends at word edges (where the phrase itself starts or
/// ends with a letter or digit).
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    (!word(first) || !word(before)) && (!word(last) || !word(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(lexicon: &Lexicon, text: &str) -> Vec<String> {
        lexicon
            .find(text, 0..text.len())
            .iter()
            .map(|m| text[m.span.clone()].to_owned())
            .collect()
    }

    #[test]
    fn built_in_files_parse() {
        for (name, text) in [
            ("support", SUPPORT),
            ("critique", CRITIQUE),
            ("negation", NEGATION),
            ("contrast", CONTRAST),
            ("reporting", REPORTING),
            ("report_nouns", REPORT_NOUNS),
            ("clause_breaks", CLAUSE_BREAKS),
            ("auxiliaries", AUXILIARIES),
        ] {
            let lines = parse_cue_file(text, "x")
                .unwrap_or_else(|line| panic!("cues/{name}.txt line {line}: bad weight"));
            assert!(!lines.is_empty(), "{name} is empty");
            for line in lines {
                if name == "support" || name == "critique" {
                    assert!(
                        Side::parse(&line.section).is_some(),
                        "{name}: section {:?}",
                        line.section
                    );
                }
            }
        }
    }

    #[test]
    fn agreement_table() {
        let rows = [
            ("I agree.", true),
            ("I entirely agree.", true),
            ("We are in broad agreement on this.", true),
            ("Hear, hear!", true),
            ("Does he agree that it works?", false),
            ("I do not think we will ever agree on much at all", false),
        ];
        for (text, want) in rows {
            assert_eq!(AGREEMENT_PATTERN.is_match(text), want, "{text}");
        }
    }

    #[test]
    fn parse_cue_file_table() {
        let lines = parse_cue_file("# c\nplain\n[after]\n  two   words @0.5 \n", "before").unwrap();
        assert_eq!(
            lines,
            vec![
                CueLine {
                    section: "before".into(),
                    phrase: "plain".into(),
                    weight: 1.0
                },
                CueLine {
                    section: "after".into(),
                    phrase: "two words".into(),
                    weight: 0.5
                },
            ]
        );
        assert_eq!(parse_cue_file("a\nb @x\n", "s"), Err(2));
        assert_eq!(parse_cue_file("b @1.5\n", "s"), Err(1));
    }

    #[test]
    fn finds_whole_words_longest_first() {
        let lexicon = &*BUILTIN;
        let rows: &[(&str, &[&str])] = &[
            ("Acevo calls for reform", &["calls for"]),
            // "not only" is an exception, not a negation.
            ("it not only works", &["not only", "works"]),
            ("there is no option but to act", &["is", "no option but to"]),
            // Inside a longer word nothing matches.
            ("the welcomer and unsupportive", &["and"]),
            ("it doesn’t work", &["doesn’t work"]),
        ];
        for (text, want) in rows {
            assert_eq!(found(lexicon, text), *want, "{text:?}");
        }
    }

    #[test]
    fn codebook_cues_extend_or_replace() {
        let extra = CueLists {
            support: vec!["champions the cause of".into()],
            critique: vec!["derides".into()],
            builtin: true,
        };
        let lexicon = Lexicon::new(&extra);
        let text = "She derides X and champions the cause of Y";
        assert_eq!(
            found(&lexicon, text),
            vec!["derides", "and", "champions the cause of"]
        );
        let only = Lexicon::new(&CueLists {
            builtin: false,
            ..extra
        });
        // Without the built-in lists "champions" is no cue; grammar stays.
        assert_eq!(found(&only, "X champions Y, not Z"), vec![", not"]);
    }
}

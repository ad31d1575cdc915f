//! Extract stage: the geometry of one sentence — its words and its clauses —
//! so that a stance cue can be required to govern a concept's clause, not
//! just share its sentence. Clauses break at `;`, `:`, `?`, `!`, dashes and
//! the words of `cues/clause_breaks.txt` ("but", "although", …); a
//! bracketed aside is a clause of its own that the words around it reach
//! across. It does not parse syntax.

use std::ops::Range;

use super::lexicon::{Cue, LexMatch, Lexicon};
use super::mentions::Mention;

/// One sentence with what the mention matcher and the lexicon found in
/// it: the unit attribution and stance work on.
#[derive(Debug, Clone)]
pub struct SentenceView<'a> {
    /// Index of the sentence in its document.
    pub index: usize,
    pub span: Range<usize>,
    pub block: usize,
    /// Mentions in the sentence, left to right.
    pub mentions: &'a [Mention],
    /// Lexicon phrases in the sentence, left to right.
    pub cues: Vec<LexMatch>,
    pub layout: Layout,
}

/// Words and clauses of `text[span]`. Positions are byte offsets into the
/// document text.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Start and end of each word (a run of letters and digits).
    words: Vec<Range<usize>>,
    /// Positions where a new clause starts (outside brackets), sorted.
    breaks: Vec<usize>,
    /// Bracketed asides, sorted, not nested.
    asides: Vec<Range<usize>>,
}

impl Layout {
    /// Lay out a sentence; `cues` are the lexicon matches in it.
    pub fn new(text: &str, span: Range<usize>, lexicon: &Lexicon, cues: &[LexMatch]) -> Self {
        let sentence = &text[span.clone()];
        let mut words = Vec::new();
        let mut breaks = Vec::new();
        let mut asides = Vec::new();
        let mut word_start: Option<usize> = None;
        let mut aside_start: Option<usize> = None;
        let mut dashes: Vec<(usize, usize)> = Vec::new();
        let mut previous = ' ';
        let mut chars = sentence.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let at = span.start + offset;
            if c.is_alphanumeric() {
                word_start.get_or_insert(at);
            } else if let Some(start) = word_start.take() {
                words.push(start..at);
            }
            let next = chars.peek().map_or(' ', |&(_, c)| c);
            match c {
                '(' | '[' if aside_start.is_none() => aside_start = Some(at),
                ')' | ']' => {
                    if let Some(start) = aside_start.take() {
                        asides.push(start..at + 1);
                    }
                }
                ';' | ':' | '?' | '!' if aside_start.is_none() => breaks.push(at + 1),
                '—' if aside_start.is_none() => dashes.push((at, c.len_utf8())),
                '–' | '-' if aside_start.is_none() && previous == ' ' && next == ' ' => {
                    dashes.push((at, c.len_utf8()))
                }
                _ => {}
            }
            previous = c;
        }
        if let Some(start) = word_start {
            words.push(start..span.end);
        }
        if let Some(start) = aside_start {
            // An unclosed bracket runs to the end of the sentence.
            asides.push(start..span.end);
        }
        // Dashes in pairs enclose an aside ("X – a, b and c – works"); a
        // lone dash breaks the clause.
        for pair in dashes.chunks(2) {
            match pair {
                [(open, _), (close, width)] => asides.push(*open..close + width),
                [(lone, width)] => breaks.push(lone + width),
                _ => {}
            }
        }
        asides.sort_by_key(|a| a.start);
        for found in cues {
            let roles = lexicon.cues(found);
            if roles.contains(&Cue::ClauseBreak) || roles.contains(&Cue::SubordinateBreak) {
                breaks.push(found.span.start);
            }
            if roles.contains(&Cue::SubordinateBreak)
                && let Some(comma) = text[found.span.end..span.end].find(',')
            {
                breaks.push(found.span.end + comma + 1);
            }
        }
        breaks.retain(|&at| !asides.iter().any(|a| a.contains(&at)));
        breaks.sort_unstable();
        Layout {
            words,
            breaks,
            asides,
        }
    }

    /// The clause a position is in. Clauses outside brackets are numbered
    /// from 0; each aside has its own number above all of those.
    pub fn clause(&self, at: usize) -> usize {
        if let Some(index) = self.asides.iter().position(|a| a.contains(&at)) {
            return usize::MAX - index;
        }
        self.breaks.partition_point(|&b| b <= at)
    }

    /// Are two positions in one clause?
    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        self.clause(a) == self.clause(b)
    }

    /// Is a position inside a bracketed or dashed aside?
    pub fn in_aside(&self, at: usize) -> bool {
        self.asides.iter().any(|a| a.contains(&at))
    }

    /// Words that lie wholly between `from` and `to` (in either order),
    /// leaving out words inside a bracketed aside that the span crosses.
    pub fn words_between(&self, from: usize, to: usize) -> usize {
        let (from, to) = if from <= to { (from, to) } else { (to, from) };
        let first = self.words.partition_point(|w| w.start < from);
        let last = self.words.partition_point(|w| w.end <= to);
        if last <= first {
            return 0;
        }
        self.words[first..last]
            .iter()
            .filter(|w| {
                !self
                    .asides
                    .iter()
                    .any(|a| a.contains(&w.start) && !a.contains(&from) && !a.contains(&to))
            })
            .count()
    }

    /// Byte ranges of the words, in order.
    pub fn words(&self) -> &[Range<usize>] {
        &self.words
    }

    /// The word just before `at`, if any.
    pub fn word_before(&self, at: usize) -> Option<Range<usize>> {
        let index = self.words.partition_point(|w| w.end <= at);
        index.checked_sub(1).map(|i| self.words[i].clone())
    }

    /// The word starting at or after `at`, if any.
    pub fn word_after(&self, at: usize) -> Option<Range<usize>> {
        let index = self.words.partition_point(|w| w.start < at);
        self.words.get(index).cloned()
    }

    /// A verb used in the passive with its agent: "was welcomed by",
    /// "has been strongly criticised by". Returns the end of "by". The verb
    /// (`verb`, a span of `text`) ends in "-ed" and a form of "be" stands
    /// at most two words before it.
    pub fn passive_by(&self, text: &str, verb: &Range<usize>) -> Option<usize> {
        if !text[verb.clone()].ends_with("ed") {
            return None;
        }
        let by = self.word_after(verb.end)?;
        if !text[by.clone()].eq_ignore_ascii_case("by")
            || !text[verb.end..by.start].chars().all(char::is_whitespace)
        {
            return None;
        }
        let mut at = verb.start;
        for _ in 0..3 {
            let word = self.word_before(at)?;
            if matches!(
                text[word.clone()].to_lowercase().as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            ) {
                return Some(by.end);
            }
            at = word.start;
        }
        None
    }
}

/// Words that may stand between coordinated things: "X and Y", "X, Y or
/// Z", "X/Y", "X and especially the Y", "X, such as Y", "X and simple Y".
pub fn is_coordination(gap: &str) -> bool {
    const LINKS: &[&str] = &["and", "or", "nor", "such", "as", "including", "especially"];
    const FILLER: &[&str] = &["the", "a", "an", "either", "both", "also", "well"];
    let lower = gap.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let punctuation_link = lower.contains([',', '/', '&']);
    let mut linked = punctuation_link;
    let mut free_words = 0;
    for word in &words {
        // "X, and greater Y": a new quantity, not a list.
        if matches!(*word, "more" | "greater" | "less" | "fewer") {
            return false;
        }
        if LINKS.contains(word) {
            linked = true;
        } else if !FILLER.contains(word) {
            free_words += 1;
        }
    }
    let only_marks = lower
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || ",/&‘’“”\"'()".contains(c));
    linked && only_marks && free_words <= 2 && words.len() <= 5
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::BUILTIN;

    fn layout(text: &str) -> Layout {
        let cues = BUILTIN.find(text, 0..text.len());
        Layout::new(text, 0..text.len(), &BUILTIN, &cues)
    }

    fn at(text: &str, word: &str) -> usize {
        text.find(word).expect("word in text")
    }

    #[test]
    fn clauses_table() {
        // (sentence, first word, second word, same clause?)
        let rows = [
            ("X is welcome, and Y too.", "X", "Y", true),
            ("X is welcome; Y is not.", "X", "Y", false),
            ("X is welcome, but Y is wasteful.", "X", "Y", false),
            ("X works although Y does not.", "X", "Y", false),
            ("Although X fails, Y is vital.", "X", "Y", false),
            ("Although X fails, Y is vital.", "Y", "vital", true),
            ("Bubb said: X works.", "Bubb", "X", false),
            ("X – a plan – Y", "X", "Y", true),
            ("X – a plan – Y", "plan", "Y", false),
            ("X – and so Y", "X", "Y", false),
            ("Act 2007—which they opposed—gave", "Act", "gave", true),
            ("Act 2007—which they opposed—gave", "opposed", "gave", false),
            ("cost-effective X", "cost", "X", true),
            ("X (but not Y) works", "X", "works", true),
            ("X (but not Y) works", "Y", "works", false),
            ("Is X good? Y is.", "X", "Y", false),
        ];
        for (text, a, b, same) in rows {
            let layout = layout(text);
            assert_eq!(
                layout.same_clause(at(text, a), at(text, b)),
                same,
                "{text:?}: {a} / {b}"
            );
        }
    }

    #[test]
    fn words_between_skips_asides() {
        let text =
            "Over prescriptive specifications (many of which are old) simply fossilise services.";
        let layout = layout(text);
        let end = at(text, "specifications") + "specifications".len();
        assert_eq!(layout.words_between(end, at(text, "fossilise")), 1);
        assert_eq!(layout.words_between(0, at(text, "prescriptive")), 1);
        assert_eq!(layout.words_between(at(text, "fossilise"), 0), 3 + 1);
    }

    #[test]
    fn neighbouring_words() {
        let text = "Acevo’s report";
        let layout = layout(text);
        assert_eq!(layout.words().len(), 3);
        assert_eq!(&text[layout.word_before(at(text, "report")).unwrap()], "s");
        assert_eq!(&text[layout.word_after(0).unwrap()], "Acevo");
    }

    #[test]
    fn coordination_table() {
        let rows = [
            (" and ", true),
            (", ", true),
            ("/", true),
            ("’ or ‘", true),
            (" and especially the ", true),
            (", such as ", true),
            (" and simple ", true),
            (" by public sector ", false),
            (" of ", false),
            (" to a private ", false),
            (" ", false),
            ("; ", false),
        ];
        for (gap, want) in rows {
            assert_eq!(is_coordination(gap), want, "{gap:?}");
        }
    }
}

//! Extract stage: the parts of speech an English word can take, most
//! likely first (`cues/pos.txt`, from the MIT-licensed en-lexicon of about
//! 70,000 lower-case words). Concept discovery uses it to keep noun phrases
//! ("energy security", "grey belt reforms") and leave out runs that only
//! look like them ("amendment seeks", "capacity fivefold", "ends meet").
//! No tagging in context: a word's classes are those of the word alone.

use std::collections::HashMap;
use std::sync::LazyLock;

const POS: &str = include_str!("cues/pos.txt");

/// Word → its classes, most likely first (see `cues/pos.txt`).
static CLASSES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    POS.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// The classes of `word` (any case), if the lexicon knows it.
fn classes(word: &str) -> Option<&'static str> {
    if word.chars().any(char::is_uppercase) {
        CLASSES.get(word.to_lowercase().as_str()).copied()
    } else {
        CLASSES.get(word).copied()
    }
}

/// Can `word` end a noun phrase? A noun first ("reforms", "jail"), or a
/// gerund that is also a noun ("franchising"); not a verb that is only
/// rarely a noun ("stands", "meet"), an adjective or an adverb. Words the
/// lexicon lacks ("decarbonisation", "renewables") are taken for nouns:
/// new policy words mostly are.
pub fn can_head(word: &str) -> bool {
    match classes(word) {
        None => true,
        Some(c) => c.starts_with('N') || (c.starts_with('P') && c.contains('N')),
    }
}

/// Can `word` stand before the head of a noun phrase? A noun or an
/// adjective first ("energy", "affordable"), or a participle used as one
/// ("planned", "existing"); not a superlative ("greatest"), an adverb
/// ("fivefold"), a finite verb ("seeks") or a function word.
pub fn can_modify(word: &str) -> bool {
    match classes(word) {
        None => true,
        Some(c) => matches!(c.chars().next(), Some('N' | 'J' | 'P')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words chosen for this table, not from any corpus.
    #[test]
    fn classes_table() {
        // (word, can head, can modify)
        let rows = [
            ("reforms", true, true),
            ("security", true, true),
            ("franchising", true, true),
            ("decarbonisation", true, true),
            ("affordable", false, true),
            ("planned", false, true),
            ("stands", false, false),
            ("seeks", false, false),
            ("fivefold", false, false),
            ("greatest", false, false),
            ("whereby", false, false),
            ("the", false, false),
            ("Energy", true, true),
        ];
        for (word, head, modify) in rows {
            assert_eq!(can_head(word), head, "head {word}");
            assert_eq!(can_modify(word), modify, "modify {word}");
        }
    }
}

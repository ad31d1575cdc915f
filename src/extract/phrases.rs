//! Extract stage: discovery of concepts the codebook does not list. A
//! candidate is a phrase of two or three content words ("early
//! intervention", "local probation trusts") that a document uses at least
//! twice, that ends in a specific noun (not "services" or "people"), that
//! no codebook name covers, and that ends where the text's phrase ends in at
//! least half of its uses. Candidates become concepts only where a
//! stance cue governs them (decided in `document.rs`), so that a repeated
//! phrase nobody argues about stays out of the graph. Word lists are data
//! (`cues/stopwords.txt`, `cues/generic_nouns.txt`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use super::clauses::SentenceView;
use super::lexicon::parse_cue_file;
use super::mentions::any_overlaps;
use super::policy_names;
use super::pos;

const STOPWORDS: &str = include_str!("cues/stopwords.txt");
const GENERIC_NOUNS: &str = include_str!("cues/generic_nouns.txt");

fn word_set(text: &str) -> HashSet<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

/// Words that end the name of an organisation ("Trust", "Council").
pub(super) static ORGANISATION_SUFFIXES: LazyLock<Vec<String>> = LazyLock::new(|| {
    parse_cue_file(include_str!("cues/organisations.txt"), "")
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l.section == "suffix")
        .map(|l| l.phrase)
        .collect()
});

/// Adjectives too general to make a generic noun specific: "local
/// services", "new people".
pub(super) const GENERAL_MODIFIERS: &[&str] = &[
    "public",
    "local",
    "national",
    "social",
    "new",
    "more",
    "better",
    "many",
    "other",
    "same",
    "different",
    "whole",
    "wider",
    "current",
    "future",
    "own",
    "key",
    "main",
    "big",
    "small",
    "good",
    "great",
    "high",
    "low",
    "long",
    "short",
    "real",
    "full",
    "young",
    "old",
    "private",
    "central",
    "front-line",
    "frontline",
    "vulnerable",
    "ordinary",
    "working",
    "individual",
];

pub(super) static STOP: LazyLock<HashSet<String>> = LazyLock::new(|| word_set(STOPWORDS));
pub(super) static GENERIC: LazyLock<HashSet<String>> = LazyLock::new(|| word_set(GENERIC_NOUNS));

/// A candidate concept and where the document uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Lower case, single-spaced: "early intervention".
    pub name: String,
    pub uses: Vec<Use>,
}

/// One use of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub sentence: usize,
    pub span: Range<usize>,
    /// The phrase goes on into another word ("public expenditure
    /// culture"): here it only modifies that word, so a cue before it
    /// governs the longer phrase, not this one.
    pub modifier: bool,
}

/// Is `word` (as written) usable in a concept name? Lower case (or a
/// capital only at the start of its sentence), letters and hyphens, three
/// letters or more, not a function word.
fn content(word: &str, sentence_start: bool) -> bool {
    let mut chars = word.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_lowercase() || (sentence_start && c.is_uppercase()));
    first_ok
        && chars.all(|c| c.is_lowercase() || c == '-')
        && word.chars().count() >= 3
        && !STOP.contains(&word.to_lowercase())
}

/// Does `name` look like a noun phrase by its word endings alone: no word
/// ends in "-ly", and the last word is not a verb form ("-ed", "-ing")?
fn noun_phrase_shape(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    !words.iter().any(|w| w.ends_with("ly"))
        && !last.ends_with("ed")
        && !last.ends_with("ing")
        && !words[0].ends_with("ed")
}

/// Words with hyphenated compounds ("ad-hoc", "front-line") joined into one
/// word: the layout cuts words at every non-letter.
fn hyphen_compounds(text: &str, words: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(words.len());
    for word in words {
        match joined.last_mut() {
            Some(last) if &text[last.end..word.start] == "-" => last.end = word.end,
            _ => joined.push(word.clone()),
        }
    }
    joined
}

/// Candidate phrases of one document. `skip` are sentences to leave out
/// (speaker lines); `views` give the words, the cues and the mentions
/// already found, which a candidate may not overlap. A phrase that always
/// goes on into another content word ("national dementia" plan) is a
/// fragment, not a name. O(w) in the number of words.
pub fn candidates(
    text: &str,
    views: &[SentenceView],
    skip: &HashSet<usize>,
    titles: &[Range<usize>],
    min_uses: usize,
) -> Vec<Phrase> {
    // name → uses, each with "does the run go on after it?".
    let mut uses: HashMap<String, Vec<(usize, Range<usize>, bool)>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut flush = |run: &mut Vec<Range<usize>>, sentence: usize| {
        for n in 2..=3 {
            for (j, window) in run.windows(n).enumerate() {
                // "public services" is too general to name a concept;
                // "bus services" is not: a generic head needs a specific
                // word before it.
                let head = window[n - 1].clone();
                let general = |w: &Range<usize>| {
                    let word = text[w.clone()].to_lowercase();
                    GENERIC.contains(&word) || GENERAL_MODIFIERS.contains(&word.as_str())
                };
                if general(&head) && window[..n - 1].iter().all(general) {
                    continue;
                }
                // A noun phrase by the words' parts of speech: "grey belt
                // reforms", not "amendment seeks" or "capacity fivefold".
                if !pos::can_head(&text[head.clone()])
                    || !window[..n - 1]
                        .iter()
                        .all(|w| pos::can_modify(&text[w.clone()]))
                {
                    continue;
                }
                let span = window[0].start..window[n - 1].end;
                let name = text[span.clone()].to_lowercase();
                if !uses.contains_key(&name) {
                    order.push(name.clone());
                }
                let goes_on = j + n < run.len();
                uses.entry(name)
                    .or_default()
                    .push((sentence, span, goes_on));
            }
        }
        run.clear();
    };
    for view in views {
        if skip.contains(&view.index) {
            continue;
        }
        // Cue spans by end, to look up the one a word may fall in.
        let mut cue_spans: Vec<Range<usize>> = view.cues.iter().map(|c| c.span.clone()).collect();
        cue_spans.sort_by_key(|c| (c.end, c.start));
        // Runs of adjacent content words (only spaces between them).
        let mut run: Vec<Range<usize>> = Vec::new();
        for (i, word) in hyphen_compounds(text, view.layout.words())
            .iter()
            .enumerate()
        {
            let written = &text[word.clone()];
            // Names and cue words ("argues", "report") are not concept words.
            let overlaps = |span: &Range<usize>| span.start < word.end && word.start < span.end;
            let covered = any_overlaps(view.mentions, word)
                || cue_spans[cue_spans.partition_point(|c| c.end <= word.start)..]
                    .iter()
                    .take(4)
                    .any(overlaps);
            let joined = run
                .last()
                .is_none_or(|last| text[last.end..word.start].chars().all(|c| c == ' '));
            if !joined {
                flush(&mut run, view.index);
            }
            if content(written, i == 0) && !covered {
                run.push(word.clone());
            } else {
                flush(&mut run, view.index);
            }
        }
        flush(&mut run, view.index);
    }
    let mut phrases: Vec<Phrase> = order
        .into_iter()
        .filter_map(|name| {
            let found = uses.remove(&name)?;
            let complete =
                2 * found.iter().filter(|(_, _, goes_on)| !goes_on).count() >= found.len();
            // A phrase used once has no repetition to vouch for it: it
            // must also look like a noun phrase (no adverb or participle
            // at either end: "extraordinarily good", "spent endless").
            // English noun phrases end in their head, so of a run used
            // once only its last two words are taken ("freeze rail fares"
            // gives "rail fares").
            let shaped = found.len() >= 2
                || (name.split_whitespace().count() == 2 && noun_phrase_shape(&name));
            (found.len() >= min_uses.max(1) && complete && shaped).then(|| Phrase {
                name,
                uses: found
                    .into_iter()
                    .map(|(sentence, span, modifier)| Use {
                        sentence,
                        span,
                        modifier,
                    })
                    .collect(),
            })
        })
        .collect();
    phrases.extend(policy_names::proper_names(text, views, skip, titles));
    phrases.extend(policy_names::abstract_nouns(text, views, skip));
    // A phrase inside a longer one used as often adds nothing.
    let snapshot = phrases.clone();
    phrases.retain(|p| {
        !snapshot.iter().any(|longer| {
            longer.name.len() > p.name.len()
                && longer.uses.len() == p.uses.len()
                && format!(" {} ", longer.name).contains(&format!(" {} ", p.name))
        })
    });
    phrases
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocumentMeta, document_from_text};
    use crate::extract::clauses::Layout;
    use crate::extract::lexicon::BUILTIN;

    fn names(text: &str) -> Vec<String> {
        names_used(text, 2)
    }

    fn names_used(text: &str, min_uses: usize) -> Vec<String> {
        let document = document_from_text("d.txt", text, DocumentMeta::default());
        let views: Vec<SentenceView> = document
            .sentences
            .iter()
            .enumerate()
            .map(|(index, sentence)| {
                let cues = BUILTIN.find(text, sentence.span.clone());
                SentenceView {
                    index,
                    span: sentence.span.clone(),
                    block: sentence.block,
                    mentions: &[],
                    layout: Layout::new(text, sentence.span.clone(), &BUILTIN, &cues),
                    cues,
                }
            })
            .collect();
        candidates(text, &views, &HashSet::new(), &[], min_uses)
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn phrases_used_once_must_look_like_noun_phrases() {
        let rows = [
            ("rail fares", true),
            ("food shortages", true),
            ("extraordinarily good", false),
            ("patients waiting", false),
            ("changed rules", false),
            // Endings only: an irregular verb passes, and a participle
            // used as an adjective ("increased costs") is refused.
            ("spent endless", true),
            ("increased costs", false),
            ("costs doubled", false),
        ];
        for (name, want) in rows {
            assert_eq!(noun_phrase_shape(name), want, "{name}");
        }
        // Used once: a candidate only when once is enough, and only with
        // a noun phrase's shape.
        let text = "We will freeze rail fares. That was extraordinarily good news.";
        assert!(names(text).is_empty(), "{:?}", names(text));
        let once = names_used(text, 1);
        assert!(once.contains(&"rail fares".to_owned()), "{once:?}");
        assert!(
            !once.iter().any(|n| n.contains("extraordinarily")),
            "{once:?}"
        );
    }

    #[test]
    fn candidates_table() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Early intervention works. We want early intervention, not late intervention.",
                &["early intervention"],
            ),
            // Three words used twice win over their parts.
            (
                "Local probation trusts matter. Abolishing local probation trusts is wrong.",
                &["local probation trusts"],
            ),
            // Generic heads and single uses are not candidates.
            ("Public services improve. The public services fail.", &[]),
            // A specific word makes a generic head a name.
            (
                "Bus services matter. We need bus services.",
                &["bus services"],
            ),
            ("A national dementia plan.", &[]),
            // Parts of speech: a finite verb or an adverb ends no noun
            // phrase, though the run repeats.
            (
                "Every landlord seeks rent rises. Each landlord seeks rent rises fivefold.",
                &["rent rises"],
            ),
            // A hyphenated compound is one word, never cut in half.
            (
                "No more ad-hoc banal mutterings. Stop the ad-hoc banal mutterings.",
                &["ad-hoc banal mutterings"],
            ),
            (
                "Zero-hours contracts grow. We oppose zero-hours contracts.",
                &["zero-hours contracts"],
            ),
            // A fragment of longer phrases is no name.
            (
                "The national dementia plan. A national dementia strategy.",
                &[],
            ),
            // Function words break runs.
            ("It is the case. It is the case.", &[]),
            // Capitalised names that are no actor: a policy head noun, or
            // used twice; not the capital of a sentence's first word.
            (
                "We debated the Flood Defence Bill today.",
                &["Flood Defence Bill"],
            ),
            (
                "They praised Pay to Stay. Critics of Pay to Stay disagree.",
                &["Pay to Stay"],
            ),
            ("We met on Tuesday. Bus Lanes work.", &[]),
            // Remits, places and generic words are no concept names.
            (
                "The Minister for Rural Affairs spoke. The Minister for Rural Affairs agreed.",
                &[],
            ),
            (
                "We met in the Cobden Room, then in the Cobden Room again.",
                &[],
            ),
            ("Local Services matter. We fund Local Services.", &[]),
            // A name may open a sentence; "The" is no part of it.
            (
                "Pay to Stay works. The Pay to Stay rule is popular.",
                &["Pay to Stay"],
            ),
            // People and organisations are not concepts.
            (
                "I met Mary Green. Mary Green agreed with the Wessex Rail Trust and the Wessex Rail Trust.",
                &[],
            ),
            // Abstract policy nouns used twice.
            (
                "Decarbonisation matters. We need decarbonisation now.",
                &["decarbonisation"],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(names(text), *want, "{text:?}");
        }
    }
}

//! Extract stage: the connective a sentence opens with ("However, …",
//! "So …", "Because …"), which says how it stands to the sentence before:
//! against it, following from it, or a reason for it. Look-alikes ("So
//! much for …", "Because of …", "Since 2010 …") are not connectives. The
//! words are `cues/connectives.txt`. Pure; used to relate one speaker's
//! claims in adjacent sentences.

const CONNECTIVES: &str = include_str!("cues/connectives.txt");

/// How a sentence's opening words relate it to the sentence before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Attack,
    Consequence,
    Reason,
}

static LINKS: std::sync::LazyLock<Vec<(Link, Vec<String>)>> = std::sync::LazyLock::new(|| {
    CONNECTIVES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(group, words)| {
            let link = match group {
                "attack" => Link::Attack,
                "consequence" => Link::Consequence,
                "reason" => Link::Reason,
                _ => return None,
            };
            Some((link, words.split_whitespace().map(str::to_owned).collect()))
        })
        .collect()
});

/// The connective a sentence opens with, if any: its link and its words.
pub fn opening(sentence: &str) -> Option<(Link, String)> {
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_lowercase)
        .collect();
    let (link, connective) = LINKS
        .iter()
        .filter(|(_, connective)| words.starts_with(connective))
        .max_by_key(|(_, connective)| connective.len())?;
    // "So much for …", "Because of …", "Since 2010 …" are not connectives.
    let next = words
        .get(connective.len())
        .map(String::as_str)
        .unwrap_or("");
    let not_here = NOT_CONNECTIVE.iter().any(|(first, after)| {
        connective.len() == 1 && connective[0] == *first && after.contains(&next)
    }) || (connective[0] == "since"
        && next.starts_with(|c: char| c.is_ascii_digit()));
    (!not_here).then(|| (*link, connective.join(" ")))
}

/// A one-word connective followed by one of these words is something else.
const NOT_CONNECTIVE: &[(&str, &[&str])] = &[
    (
        "so",
        &["much", "many", "far", "long", "that", "called", "too", "to"],
    ),
    ("because", &["of"]),
    (
        "since",
        &[
            "then", "the", "last", "its", "their", "our", "his", "her", "when",
        ],
    ),
    ("yet", &["another", "again", "more"]),
    ("but", &["for", "also"]),
];

/// A connective inside a sentence that joins two clauses, each of which
/// may carry a claim: "X, but Y" (Y attacks X), "X because Y" (Y is a
/// reason for X), "X, so Y" (X is a reason for Y).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inner {
    /// Byte range of the connective in the sentence, punctuation included.
    pub span: std::ops::Range<usize>,
    pub link: Link,
    pub words: String,
}

/// Connectives that join two clauses of one sentence, with the
/// punctuation before them. The first one in the sentence is taken.
const INNER: &[(&str, Link)] = &[
    (", but ", Link::Attack),
    ("; but ", Link::Attack),
    ("; however, ", Link::Attack),
    (", yet ", Link::Attack),
    (" because ", Link::Reason),
    (", since ", Link::Reason),
    (", so ", Link::Consequence),
    ("; so ", Link::Consequence),
    (", which is why ", Link::Consequence),
    ("; therefore, ", Link::Consequence),
    (", and therefore ", Link::Consequence),
];

/// The first connective joining two clauses of `sentence`, if any; not at
/// its start (that is [`opening`]) and not a look-alike ("because of",
/// ", so far", ", but also").
pub fn inside(sentence: &str) -> Option<Inner> {
    // ASCII lower case keeps every byte offset (the connectives are
    // ASCII), so the span is the sentence's own.
    let lower = sentence.to_ascii_lowercase();
    INNER
        .iter()
        .flat_map(|&(words, link)| {
            lower
                .match_indices(words)
                .map(move |(at, _)| (at, words, link))
        })
        .filter(|&(at, words, _)| {
            let next = lower[at + words.len()..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let first = words.trim_matches(|c: char| !c.is_alphanumeric());
            let first = first.split_whitespace().last().unwrap_or(first);
            at > 0
                && !next.is_empty()
                && !NOT_CONNECTIVE
                    .iter()
                    .any(|(word, after)| *word == first && after.contains(&next))
        })
        .min_by_key(|&(at, _, _)| at)
        .map(|(at, words, link)| Inner {
            span: at..at + words.len(),
            link,
            words: words
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences written for this table, not taken from any corpus.
    #[test]
    fn openings_table() {
        let rows = [
            ("However, it failed.", Some(Link::Attack)),
            ("But it failed.", Some(Link::Attack)),
            ("That said, it helped.", Some(Link::Attack)),
            ("As a result, rents rose.", Some(Link::Consequence)),
            ("So it works.", Some(Link::Consequence)),
            ("Soon it will work.", None),
            ("Because it works.", Some(Link::Reason)),
            ("Butter prices rose.", None),
            ("It works, however.", None),
            ("So much for the plan.", None),
            ("Because of the delay, costs rose.", None),
            ("Since 2010, routes have closed.", None),
            ("Since the plan failed, we must act.", None),
            ("Since it failed, we must act.", Some(Link::Reason)),
        ];
        for (sentence, want) in rows {
            assert_eq!(opening(sentence).map(|(l, _)| l), want, "{sentence}");
        }
    }

    /// Sentences written for this table, not taken from any corpus.
    #[test]
    fn inside_table() {
        let rows = [
            (
                "The levy is welcome, but it is far too small.",
                Some((Link::Attack, "but")),
            ),
            (
                "We back the plan because it cuts fares.",
                Some((Link::Reason, "because")),
            ),
            (
                "Fares fell, so ridership rose.",
                Some((Link::Consequence, "so")),
            ),
            ("Costs rose because of the delay.", None),
            ("Fares have fallen, so far.", None),
            ("It is cheap, but also slow.", None),
            ("But it failed.", None),
            ("The plan works.", None),
            // Letters whose lower case is longer or shorter do not move it.
            (
                "İİ KK is welcome, but it fails.",
                Some((Link::Attack, "but")),
            ),
        ];
        for (sentence, want) in rows {
            let got = inside(sentence);
            assert_eq!(
                got.as_ref().map(|i| (i.link, i.words.as_str())),
                want,
                "{sentence}"
            );
            if let Some(inner) = got {
                assert!(sentence[inner.span.clone()].contains(&inner.words));
            }
        }
    }
}

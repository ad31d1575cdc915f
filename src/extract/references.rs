//! Extract stage, part of the mentions pass: a named law, plan or treaty
//! referred to later by its head noun. Once a document names "the Energy
//! Bill", "the Bill", "this Bill" and "my Bill" are that Bill; once it
//! names the "Help to Buy Scheme", "the scheme" is that scheme. Debates
//! argue about the Bill before the House far more often by "the Bill" than
//! by its title. The nearest name before the reference wins (else the
//! first after it, for a text that opens "This Bill …" under its title);
//! a reference that goes on into a name of its own ("the Bill of Rights",
//! "the Act Two") or that no name in the document explains is left alone.
//! It reads no stance.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::entity::EntityId;
use super::mentions::Mention;

/// Head nouns by which a named instrument is referred to again.
const HEADS: &[&str] = &[
    "act",
    "agreement",
    "bill",
    "budget",
    "charter",
    "convention",
    "deal",
    "directive",
    "framework",
    "fund",
    "order",
    "paper",
    "plan",
    "programme",
    "regulations",
    "review",
    "scheme",
    "strategy",
    "treaty",
];

/// Determiners that make a head noun a reference: "the Bill", "this
/// Bill", "my Bill".
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "my", "our", "his", "her", "their", "its",
];

/// A word.
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}+").expect("word pattern"));

/// The head noun of a name, when it is one a later reference can use:
/// "Energy Bill" → "bill". Lower-case names ("energy bills") name no
/// instrument.
pub fn head(name: &str) -> Option<&'static str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = *words.last()?;
    if words.len() < 2 || !last.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let last = last.to_lowercase();
    HEADS.iter().copied().find(|h| *h == last)
}

/// New mentions for the references in `units` (the document's units,
/// index = sentence) to the named things among `named` (sorted by
/// position), each given as (entity, span of its name, head noun).
/// References that overlap `named` are skipped. O(n + r·log m) for n bytes,
/// r references and m names.
pub fn resolve(
    text: &str,
    units: &[Range<usize>],
    named: &[(EntityId, Range<usize>, &'static str)],
) -> Vec<Mention> {
    let mut by_head: HashMap<&str, Vec<(usize, EntityId)>> = HashMap::new();
    for (entity, span, head) in named {
        by_head.entry(head).or_default().push((span.start, *entity));
    }
    if by_head.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (sentence, unit) in units.iter().enumerate() {
        let here = &text[unit.clone()];
        let words: Vec<regex::Match> = WORD.find_iter(here).collect();
        for pair in words.windows(2) {
            let (determiner, word) = (pair[0], pair[1]);
            if !DETERMINERS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(determiner.as_str()))
                || !here[determiner.end()..word.start()]
                    .chars()
                    .all(char::is_whitespace)
            {
                continue;
            }
            let span = unit.start + determiner.start()..unit.start + word.end();
            let Some(names) = by_head.get(word.as_str().to_lowercase().as_str()) else {
                continue;
            };
            // Names are sorted by start: only the last few starting before
            // the reference ends can overlap it.
            let upto = named.partition_point(|(_, s, _)| s.start < span.end);
            let inside_a_name = named[..upto]
                .iter()
                .rev()
                .take(4)
                .any(|(_, s, _)| s.end > span.start);
            if inside_a_name || goes_on_into_a_name(&text[span.end..]) {
                continue;
            }
            // The nearest name before the reference, else the first after.
            let before = names.partition_point(|&(start, _)| start < span.start);
            let entity = if before > 0 {
                names[before - 1].1
            } else {
                names[0].1
            };
            out.push(Mention {
                entity,
                span,
                sentence,
            });
        }
    }
    out
}

/// "the Bill of Rights", "the Act Two", "the Fund’s": after the head, a
/// capitalised word (or "of" and one) makes a name of its own.
fn goes_on_into_a_name(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let capital = |w: Option<&str>| w.is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    if !after.starts_with(char::is_whitespace) {
        return false;
    }
    match words.next() {
        Some("of") => capital(words.next()),
        next => capital(next) && next.is_none_or(|w| w != "I"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences written for this table, not taken from any corpus.
    #[test]
    fn references_table() {
        // (text, names as (entity, name), references found as (entity, text))
        type Row<'a> = (&'a str, &'a [(usize, &'a str)], &'a [(usize, &'a str)]);
        let rows: &[Row] = &[
            (
                "The Energy Bill returns today. We support the Bill and this Bill's aims.",
                &[(0, "Energy Bill")],
                &[(0, "the Bill"), (0, "this Bill")],
            ),
            // Under its title: the first name after the reference.
            (
                "This Bill is long overdue. It amends the Water Industry Act.",
                &[(0, "Water Industry Act"), (1, "Flood Defence Bill")],
                &[],
            ),
            // "That the Bill be now read": "that" is no part of it.
            (
                "The Energy Bill is here. I beg to move, That the Bill be now read a Second time.",
                &[(0, "Energy Bill")],
                &[(0, "the Bill")],
            ),
            (
                "My Bill would help. The Flood Defence Bill is short.",
                &[(1, "Flood Defence Bill")],
                &[(1, "My Bill")],
            ),
            // Two Bills: the nearest before wins.
            (
                "The Energy Bill and then the Water Bill. The Bill fails.",
                &[(0, "Energy Bill"), (1, "Water Bill")],
                &[(1, "The Bill")],
            ),
            // A name of its own; news prints "the bill" in lower case.
            (
                "The Energy Bill differs from the Bill of Rights. The bill passed.",
                &[(0, "Energy Bill")],
                &[(0, "The bill")],
            ),
            ("We support the Bill.", &[], &[]),
            (
                "The Help to Buy Scheme ends. The scheme cost too much; the Act did not.",
                &[(2, "Help to Buy Scheme")],
                &[(2, "The scheme")],
            ),
        ];
        for (text, names, want) in rows {
            let named: Vec<(EntityId, Range<usize>, &'static str)> = names
                .iter()
                .filter_map(|&(id, name)| {
                    let start = text.find(name)?;
                    Some((EntityId(id), start..start + name.len(), head(name)?))
                })
                .collect();
            let mut sorted = named.clone();
            sorted.sort_by_key(|n| n.1.start);
            let whole = 0..text.len();
            let found = resolve(text, std::slice::from_ref(&whole), &sorted);
            let got: Vec<(usize, &str)> = found
                .iter()
                .map(|m| (m.entity.0, &text[m.span.clone()]))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn heads() {
        assert_eq!(head("Energy Bill"), Some("bill"));
        assert_eq!(head("White Paper"), Some("paper"));
        assert_eq!(head("energy bills"), None);
        assert_eq!(head("Bill"), None);
        assert_eq!(head("Localism Act"), Some("act"));
    }
}

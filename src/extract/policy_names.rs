//! Extract stage: discovery of concepts by their names — the capitalised
//! names of policies, laws and programmes that are not actors ("Help to
//! Buy", "Troubled Families Programme", "Energy Bill") and abstract policy
//! nouns a document repeats ("decarbonisation", "devolution"). Part of
//! concept discovery (`phrases.rs` proposes the repeated lower-case
//! phrases); whether a holder argues about them is decided later.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::clauses::SentenceView;
use super::labels::is_given_name;
use super::mentions::any_overlaps;
use super::phrases::{GENERAL_MODIFIERS, GENERIC, ORGANISATION_SUFFIXES, Phrase, STOP, Use};

/// Head nouns of the names of policies, laws and programmes: "Energy
/// Bill", "Troubled Families Programme", "Big Society", "Help to Buy
/// scheme".
const POLICY_HEADS: &[&str] = &[
    "Act",
    "Bill",
    "Programme",
    "Program",
    "Scheme",
    "Fund",
    "Framework",
    "Strategy",
    "Plan",
    "Budget",
    "Budgets",
    "Society",
    "Agreement",
    "Review",
    "Policy",
    "Initiative",
    "Deal",
    "Credit",
    "Tax",
    "Premium",
    "Allowance",
    "Guarantee",
    "Pledge",
    "Test",
    "Standard",
    "Charter",
    "Service",
    "Pact",
    "Grant",
    "Levy",
    "Cap",
    "Reform",
    "Reforms",
    "Settlement",
    "Covenant",
    "Compact",
    "Contract",
    "Partnership",
    "Zone",
    "Zones",
];

/// Words that join the capitalised words of a name: "Help to Buy",
/// "Department for Education".
const NAME_LINKS: &[&str] = &["to", "of", "for", "and", "the", "in", "on"];

/// Spans (cited titles) and a question answered in O(log n) however many
/// there are: does one of them cover a word?
struct Covers {
    /// Starts in order, each with the furthest end of the spans that start
    /// there or before.
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Covers {
    fn new(spans: &[Range<usize>]) -> Self {
        let mut sorted: Vec<&Range<usize>> = spans.iter().collect();
        sorted.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let reach = sorted
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        Covers {
            starts: sorted.iter().map(|s| s.start).collect(),
            reach,
        }
    }

    fn cover(&self, word: &Range<usize>) -> bool {
        let before = self.starts.partition_point(|&s| s <= word.start);
        before > 0 && self.reach[before - 1] >= word.end
    }
}

/// Capitalised names that are not actors: a run of capitalised words (and
/// linking words) used at least twice, or once when it ends in a policy
/// head noun ("Energy Bill"). A run at the start of a sentence or heading
/// counts only from its second word on, and runs the mentions already
/// cover (actors, codebook concepts) are left alone. O(w).
pub(super) fn proper_names(
    text: &str,
    views: &[SentenceView],
    skip: &HashSet<usize>,
    titles: &[Range<usize>],
) -> Vec<Phrase> {
    let mut uses: HashMap<String, Vec<Use>> = HashMap::new();
    let mut order = Vec::new();
    let titles = Covers::new(titles);
    for view in views.iter().filter(|v| !skip.contains(&v.index)) {
        let words = view.layout.words();
        let mut run: Vec<Range<usize>> = Vec::new();
        let mut flush = |run: &mut Vec<Range<usize>>| {
            // "The Big Society", "In Wales": a function word is no part
            // of a name.
            while run
                .first()
                .is_some_and(|w| STOP.contains(&text[w.clone()].to_lowercase()))
            {
                run.remove(0);
            }
            while run
                .last()
                .is_some_and(|w| NAME_LINKS.contains(&&text[w.clone()]))
            {
                run.pop();
            }
            let capitals = run
                .iter()
                .filter(|w| text[(*w).clone()].starts_with(|c: char| c.is_uppercase()))
                .count();
            let lower = |w: &Range<usize>| text[w.clone()].to_lowercase();
            // Organisations, places, the remit of an office ("Minister
            // for Civil Society") and generic words ("Public Services")
            // name no concept; nor does a cited title.
            let organisation = run
                .iter()
                .any(|w| ORGANISATION_SUFFIXES.iter().any(|s| *s == text[w.clone()]));
            let place = run
                .last()
                .is_some_and(|w| PLACE_HEADS.contains(&&text[w.clone()]));
            let generic = run.iter().all(|w| {
                let word = lower(w);
                GENERIC.contains(&word)
                    || GENERAL_MODIFIERS.contains(&word.as_str())
                    || NAME_LINKS.contains(&word.as_str())
            });
            let remit = run.first().is_some_and(|w| {
                let mut before = text[..w.start].split_whitespace().rev();
                matches!(before.next(), Some("for" | "of"))
                    && before.next().is_some_and(|office| {
                        OFFICE_WORDS.contains(&office)
                            || ORGANISATION_SUFFIXES.iter().any(|s| s == office)
                    })
            });
            let titled = run.iter().any(|w| titles.cover(w));
            if capitals >= 2
                && run.len() <= 6
                && !(organisation || place || generic || remit || titled)
            {
                let span = run[0].start..run[run.len() - 1].end;
                let name = text[span.clone()].to_owned();
                if !uses.contains_key(&name) {
                    order.push(name.clone());
                }
                uses.entry(name).or_default().push(Use {
                    sentence: view.index,
                    span,
                    modifier: false,
                });
            }
            run.clear();
        };
        for (i, word) in words.iter().enumerate() {
            let written = &text[word.clone()];
            let covered = any_overlaps(view.mentions, word);
            let joined = run
                .last()
                .is_none_or(|last| text[last.end..word.start].chars().all(|c| c == ' '));
            if !joined {
                flush(&mut run);
            }
            let capital = written.starts_with(|c: char| c.is_uppercase())
                && written
                    .chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '-');
            let link = !run.is_empty() && NAME_LINKS.contains(&written);
            // The first word of a sentence is capitalised anyway: it may
            // only start a name when the next word is capitalised too
            // ("Universal Credit will", not "Critics of X").
            let capital_at = |k: usize| {
                words.get(k).is_some_and(|w| {
                    let written = &text[w.clone()];
                    written.starts_with(|c: char| c.is_uppercase())
                        && !STOP_CAPITALS.contains(&written)
                })
            };
            let opener_ok = i > 0 || {
                let spaced = words
                    .get(1)
                    .is_some_and(|next| text[word.end..next.start].chars().all(|c| c == ' '));
                // "Help to Buy", "Right to Buy"; not "Critics of X".
                let to_at = |k: usize| words.get(k).is_some_and(|w| &text[w.clone()] == "to");
                spaced && (capital_at(1) || (to_at(1) && capital_at(2)))
            };
            if covered || !opener_ok || !(capital || link) || STOP_CAPITALS.contains(&written) {
                flush(&mut run);
            } else {
                run.push(word.clone());
            }
        }
        flush(&mut run);
    }
    order
        .into_iter()
        .filter_map(|name| {
            let found = uses.remove(&name)?;
            let head = name.rsplit(' ').next().unwrap_or("");
            let first = name.split(' ').next().unwrap_or("");
            // People and organisations are actors, not concepts.
            let actor_like =
                ORGANISATION_SUFFIXES.iter().any(|s| s == head) || is_given_name(first);
            (!actor_like && (found.len() >= 2 || POLICY_HEADS.contains(&head)))
                .then_some(Phrase { name, uses: found })
        })
        .collect()
}

/// Words that end the names of places: "the Disraeli Room", "Portcullis
/// House".
const PLACE_HEADS: &[&str] = &[
    "Room", "Hall", "Street", "Road", "Square", "Park", "Avenue", "Lane", "Building", "Centre",
    "Center", "Gardens", "Bridge", "Station", "Airport", "Church", "Abbey", "Palace", "Castle",
    "Tower", "Place", "Island", "River",
];

/// Offices whose remit follows "for" or "of": "Minister for Civil
/// Society", "Secretary of State".
const OFFICE_WORDS: &[&str] = &[
    "Minister",
    "Secretary",
    "Office",
    "Department",
    "Ministry",
    "Commissioner",
    "Director",
    "Chancellor",
    "Spokesperson",
    "Shadow",
];

/// Capitalised words that start no name: days, months, forms of address.
const STOP_CAPITALS: &[&str] = &[
    "I",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Lord",
    "Lords",
    "Lady",
    "Baroness",
    "Sir",
    "Hon",
    "Friend",
    "Member",
    "Members",
    "Minister",
    "Secretary",
    "Speaker",
    "House",
    "Government",
    "Committee",
    "Chamber",
    "Question",
    "Questions",
    "Order",
    "Bishop",
    "Prime",
    "Chancellor",
    "State",
    "Parliament",
    "Opposition",
    "Gentleman",
    // Parliamentary procedure and furniture: "Second Reading", "the
    // Dispatch Box", "Royal Assent", "Oral Answers".
    "Reading",
    "Answers",
    "Assent",
    "Box",
    "Bench",
    "Benches",
    "Front",
    "Back",
    "Stage",
    "Paper",
    "Motion",
    "Amendment",
    "Amendments",
    "Division",
    "Lobby",
    "Hansard",
    "Column",
    "Deputy",
];

/// Abstract nouns of policy ("decarbonisation", "accountability",
/// "privatisation", "devolution") that a document uses at least twice.
pub(super) fn abstract_nouns(
    text: &str,
    views: &[SentenceView],
    skip: &HashSet<usize>,
) -> Vec<Phrase> {
    const SUFFIXES: &[&str] = &[
        "isation", "ization", "ism", "ability", "ibility", "olution", "ocracy",
    ];
    let mut uses: HashMap<String, Vec<Use>> = HashMap::new();
    let mut order = Vec::new();
    for view in views.iter().filter(|v| !skip.contains(&v.index)) {
        for word in view.layout.words() {
            let written = &text[word.clone()];
            let lower = written.to_lowercase();
            let covered = any_overlaps(view.mentions, word);
            if covered
                || lower.len() < 8
                || !written.chars().skip(1).all(|c| c.is_lowercase())
                || !SUFFIXES.iter().any(|s| lower.ends_with(s))
            {
                continue;
            }
            if !uses.contains_key(&lower) {
                order.push(lower.clone());
            }
            uses.entry(lower).or_default().push(Use {
                sentence: view.index,
                span: word.clone(),
                modifier: false,
            });
        }
    }
    order
        .into_iter()
        .filter_map(|name| {
            let found = uses.remove(&name)?;
            (found.len() >= 2).then_some(Phrase { name, uses: found })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Covers;

    /// Rows: the spans, a word, whether a span covers it (overlapping and
    /// nested spans included).
    #[test]
    fn covers_answers_as_a_scan_of_every_span_would() {
        let spans = [10..20, 12..14, 30..60, 35..40, 70..71];
        let covers = Covers::new(&spans);
        for word in [
            0..3,
            10..12,
            15..20,
            18..21,
            21..25,
            36..39,
            55..60,
            59..61,
            70..71,
            80..90,
        ] {
            let scan = spans
                .iter()
                .any(|s| s.start <= word.start && word.end <= s.end);
            assert_eq!(covers.cover(&word), scan, "{word:?}");
        }
        assert!(!Covers::new(&[]).cover(&(0..1)));
    }
}

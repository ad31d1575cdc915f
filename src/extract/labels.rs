//! Extract stage: speaker labels as transcript pages really print them,
//! beyond the `Name (Constituency) (Party):` line of `speakers.rs`:
//!
//! - a line alone without a colon: `Jane Roe (South Shire) (Lab)`, `Lord
//!   Newby`, `Vince Cable` (a bare name: [`Strength::Weak`]);
//! - TheyWorkForYou labels run into the name: `Jane Roe Labour, South
//!   Shire`, `Bob Smith The Parliamentary Under-Secretary of State for
//!   Transport`, `The Bishop of Exeter Bishop`;
//! - labels inline in running text, as hansard.parliament.uk's plain-text
//!   view prints them: `… was asked— Jane Roe (South Shire) (LD) 1. What
//!   …`, `The Minister of State, Department of Health (Mr John Doe) We are
//!   …`, and `Name (Constituency) (Party): text` at the start of a
//!   paragraph.
//!
//! Text syntax only: which labels are believed (a bare name needs a
//! transcript around it) is decided in `segments.rs`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::speakers::{PARTY_TAGS, SpeakerLine, parse_speaker_line, person_name};

const GIVEN_NAMES: &str = include_str!("cues/given_names.txt");

/// How much a label alone says that a turn starts here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A bare name: a turn only in a transcript.
    Weak,
    /// Brackets, a party or office label, a title or a colon: a turn.
    Strong,
}

/// Given names, lower case.
static GIVEN: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    GIVEN_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Is `word` a common given name ("Vince", "Nick")?
pub fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word.to_lowercase().as_str())
}

/// Words that head an office label ("The Parliamentary Under-Secretary of
/// State for X", "Minister for Y").
const OFFICE_HEADS: &[&str] = &[
    "Minister",
    "Secretary",
    "Under-Secretary",
    "Chancellor",
    "Leader",
    "Attorney",
    "Solicitor",
    "Speaker",
    "Chair",
    "Chairman",
    "President",
    "Advocate",
    "Paymaster",
    "Whip",
    "Treasurer",
    "Spokesperson",
    "Comptroller",
];

/// Lower-case words an office label or constituency may hold between its
/// capitalised ones.
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "the", "to", "in", "on", "at", "upon", "under",
];

/// Is `text` an office label: capitalised words (and connectors) holding
/// an office head, such as "The Parliamentary Under-Secretary of State for
/// Communities and Local Government" or "Minister for Civil Society"?
pub fn is_office_label(text: &str) -> bool {
    // "Minister of State (Department of Health)": brackets may follow.
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = outside.split_whitespace().collect();
    if words.is_empty() || words.len() > 16 {
        return false;
    }
    let shaped = words.iter().all(|w| {
        let w = w.trim_end_matches(',');
        CONNECTORS.contains(&w) || w.chars().next().is_some_and(char::is_uppercase)
    });
    shaped
        && words
            .iter()
            .any(|w| OFFICE_HEADS.contains(&w.trim_end_matches(',')))
}

/// "Q89 ", "89 1 ", "12. " before a speaker label.
fn strip_question_number(line: &str) -> &str {
    let mut rest = line;
    loop {
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let word = rest[..word_end].trim_end_matches('.');
        let number = !word.is_empty()
            && word
                .trim_start_matches('Q')
                .chars()
                .all(|c| c.is_ascii_digit())
            && word.chars().any(|c| c.is_ascii_digit());
        if !number || word_end == rest.len() {
            return rest;
        }
        rest = rest[word_end..].trim_start();
    }
}

/// Capitalised words and connectors only: "Convenor of the Lords
/// Spiritual".
fn is_title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 12
        && words[0].starts_with(|c: char| c.is_uppercase())
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')'));
            CONNECTORS.contains(&w) || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// The party a TheyWorkForYou label names: `Some(Some(party))`, or
/// `Some(None)` for a label that names none ("Crossbench"), or `None` when
/// `text` is no party label. A constituency may follow a comma.
fn party_label(text: &str) -> Option<Option<String>> {
    let (label, constituency) = match text.split_once(',') {
        Some((label, rest)) => (label.trim(), Some(rest.trim())),
        None => (text.trim(), None),
    };
    let party = PARTY_TAGS.get(label)?;
    if let Some(place) = constituency
        && !is_place(place)
    {
        return None;
    }
    Some((!party.is_empty()).then(|| party.clone()))
}

/// A constituency: capitalised words with connectors and hyphens
/// ("Newcastle-under-Lyme", "Sefton Central", "Ross, Skye and Lochaber").
fn is_place(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            CONNECTORS.contains(&w) || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Parse a line that holds nothing but a speaker label, with or without a
/// colon. `None` when the line is not label-shaped.
pub fn parse_label_line(line: &str) -> Option<(SpeakerLine, Strength)> {
    // Committee evidence numbers its questions: "Q89 Jane Roe:", "89 1
    // Jane Roe (Strangford):".
    let line = strip_question_number(line.trim());
    if line.is_empty() || line.len() > 200 || line.ends_with(['.', '?', '!', '”', '"']) {
        return None;
    }
    let body = line.trim_end_matches(':').trim();
    let words: Vec<&str> = body.split_whitespace().collect();
    // TheyWorkForYou: the name (shortest first), then a party or office
    // label.
    for cut in 1..words.len() {
        let (name, label) = (words[..cut].join(" "), words[cut..].join(" "));
        // TheyWorkForYou prints "Jane Roe" or "Baroness Roe": a title or
        // a given name, not "The Parliamentary" of an office.
        let Some(person) = person_name(&name)
            .filter(|p| p.titled || name.split(' ').next().is_some_and(is_given_name))
        else {
            continue;
        };
        if let Some(party) = party_label(&label) {
            let offices = label
                .split_once(',')
                .map(|(_, place)| vec![place.trim().to_owned()])
                .unwrap_or_default();
            return Some((
                SpeakerLine {
                    person,
                    party,
                    offices,
                    featured: true,
                },
                Strength::Strong,
            ));
        }
        if is_office_label(&label) {
            let office = label.strip_prefix("The ").unwrap_or(&label).to_owned();
            return Some((
                SpeakerLine {
                    person,
                    party: None,
                    offices: vec![office],
                    featured: true,
                },
                Strength::Strong,
            ));
        }
    }
    if let Some(parsed) = parse_speaker_line(line) {
        let strength = if parsed.featured {
            Strength::Strong
        } else {
            Strength::Weak
        };
        return Some((parsed, strength));
    }
    // `Name (Constituency) (Party)`, `The Office (Name)`: the colon form
    // without its colon.
    // A heading may end in brackets too ("Free School Meals (Infants)"):
    // the name must have a title, a given name or a party tag.
    if body.ends_with(')')
        && let Some(parsed) = parse_speaker_line(&format!("{body}:"))
        && parsed.featured
    {
        let personal = parsed.person.titled
            || parsed.party.is_some()
            || parsed
                .person
                .name
                .split_whitespace()
                .next()
                .is_some_and(is_given_name);
        let strength = if personal {
            Strength::Strong
        } else {
            Strength::Weak
        };
        return Some((parsed, strength));
    }
    // A peer's or titled member's label may name any office or role:
    // "The Bishop of Leicester Convenor of the Lords Spiritual".
    for cut in 1..words.len() {
        let (name, label) = (words[..cut].join(" "), words[cut..].join(" "));
        if label.contains('(') || words.len() - cut < 2 || !is_title_case(&label) {
            continue;
        }
        if let Some(person) = person_name(&name).filter(|p| p.titled) {
            return Some((
                SpeakerLine {
                    person,
                    party: None,
                    offices: vec![label],
                    featured: true,
                },
                Strength::Strong,
            ));
        }
    }
    // A bare name: "Vince Cable", "Lord Newby".
    let person = person_name(body)?;
    let strength = if person.titled {
        Strength::Strong
    } else {
        Strength::Weak
    };
    Some((
        SpeakerLine {
            person,
            party: None,
            offices: Vec::new(),
            featured: strength == Strength::Strong,
        },
        strength,
    ))
}

/// `Name (Constituency) (Party)` inline: an optional title, two to four
/// capitalised words, one or two bracketed parts, the last a party tag.
static INLINE_MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:\p{Lu}[\p{L}’'.-]*\s+){1,4}\p{Lu}[\p{L}’'-]*)\s+(\([^()]{2,80}\)\s*)?\(([^()]{2,40})\)",
    )
    .expect("inline member pattern")
});

/// `The Office, Department (Mr Name)` inline: "The" and up to sixteen
/// office words, then a bracketed titled name.
static INLINE_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bThe\s+((?:(?:\p{Lu}[\p{L}’'-]*|of|for|and|the|to|on|in),?\s+){1,16})\(([^()]{3,60})\)",
    )
    .expect("inline office pattern")
});

/// A speaker label inside running text (bytes of `sentence`, and the
/// line), when one is there: the colon form at the start of a paragraph,
/// a bracketed member with a party tag, or an office with a bracketed
/// name. What follows a label must start a speech: a capital, a digit or
/// the end.
pub fn find_inline_label(sentence: &str) -> Option<(Range<usize>, SpeakerLine)> {
    let starts_speech = |rest: &str| {
        let rest = rest.trim_start();
        rest.is_empty() || rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    // "Name (Constituency) (Party): text" at the start.
    if let Some(colon) = sentence.find(": ")
        && colon < 200
        && let Some(line) = parse_speaker_line(&sentence[..=colon])
        && line.featured
        && starts_speech(&sentence[colon + 1..])
    {
        return Some((0..colon + 1, line));
    }
    for found in INLINE_MEMBER.captures_iter(sentence) {
        let party = &found[3];
        if PARTY_TAGS.get(party).is_none_or(|p| p.is_empty()) {
            continue;
        }
        let whole = found.get(0).expect("match");
        if !starts_speech(&sentence[whole.end()..]) {
            continue;
        }
        // The name is the last two or three words before the bracket;
        // earlier capitalised words are a heading run into it.
        let run = found.get(1).expect("name");
        let words: Vec<(usize, &str)> = run
            .as_str()
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
            .collect();
        let start = name_start(&words)?;
        let label = start..whole.end();
        let line = parse_speaker_line(&format!("{}:", &sentence[label.clone()]))?;
        return Some((label, line));
    }
    for found in INLINE_OFFICE.captures_iter(sentence) {
        let whole = found.get(0).expect("match");
        if !is_office_label(&found[1]) || !starts_speech(&sentence[whole.end()..]) {
            continue;
        }
        let person = person_name(&found[2])?;
        if !person.titled && !person.name.contains(' ') {
            continue;
        }
        let offices = found[1]
            .split(',')
            .map(|part| part.trim().to_owned())
            .filter(|part| !part.is_empty())
            .collect();
        return Some((
            whole.range(),
            SpeakerLine {
                person,
                party: None,
                offices,
                featured: true,
            },
        ));
    }
    None
}

/// Does a speaker label's office make its speaker the chair of the debate
/// ("Deputy Speaker", "Chairman of Ways and Means", "Lord Speaker")? The
/// chair keeps order and takes no side.
pub fn is_chair(office: &str) -> bool {
    office.split_whitespace().any(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .eq_ignore_ascii_case("speaker")
    }) || office.contains("Ways and Means")
        || office.contains("Chairman of Committees")
}

/// Where a name starts among the capitalised words before a bracket: at a
/// title, else at a given name, else two words from the end.
fn name_start(words: &[(usize, &str)]) -> Option<usize> {
    let n = words.len();
    if n < 2 {
        return None;
    }
    let window = n.saturating_sub(4)..n - 1;
    if let Some(&(at, _)) = words[window.clone()].iter().find(|(_, w)| {
        person_name(&format!("{w} X")).is_some_and(|p| p.titled) && !is_given_name(w)
    }) {
        return Some(at);
    }
    if let Some(&(at, _)) = words[window].iter().find(|(_, w)| is_given_name(w)) {
        return Some(at);
    }
    Some(words[n - 2].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_lines_table() {
        // (line, name, party, strength)
        type Row<'a> = (&'a str, &'a str, Option<&'a str>, Strength);
        let rows: &[Row] = &[
            (
                "Jane Roe (South Shire) (Lab)",
                "Jane Roe",
                Some("Labour Party"),
                Strength::Strong,
            ),
            (
                "Tom Brown Liberal Democrat, North Wessex",
                "Tom Brown",
                Some("Liberal Democrats"),
                Strength::Strong,
            ),
            (
                "Anne Grey The Minister of State for Transport",
                "Anne Grey",
                None,
                Strength::Strong,
            ),
            (
                "The Bishop of Exeter Bishop",
                "Bishop of Exeter",
                None,
                Strength::Strong,
            ),
            (
                "Lord Smith of Leigh",
                "Lord Smith of Leigh",
                None,
                Strength::Strong,
            ),
            ("Mary Green", "Mary Green", None, Strength::Weak),
            (
                "Paul Black (Upton-on-Sea) (Con):",
                "Paul Black",
                Some("Conservative Party"),
                Strength::Strong,
            ),
        ];
        for &(line, name, party, strength) in rows {
            let (parsed, got) = parse_label_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(parsed.person.name, name, "{line}");
            assert_eq!(parsed.party.as_deref(), party, "{line}");
            assert_eq!(got, strength, "{line}");
        }
    }

    #[test]
    fn not_label_lines() {
        for line in [
            "The Government have made their position clear.",
            "Schools and Further Education",
            "Housing and Planning",
            "Help for buyers and builders",
            "Summary",
            "What assessment he has made of the plan.",
            "Oral Answers to Questions — Education",
            "Free School Meals (Infants)",
        ] {
            assert!(
                parse_label_line(line).is_none_or(|(_, s)| s == Strength::Weak),
                "{line}"
            );
        }
        // Name-shaped headings are weak at most: a transcript must vouch.
        assert_eq!(
            parse_label_line("National Parks Review").map(|(_, s)| s),
            Some(Strength::Weak)
        );
    }

    #[test]
    fn chairs() {
        assert!(is_chair(
            "Deputy Speaker (Second Deputy Chairman of Ways and Means)"
        ));
        assert!(is_chair("Lord Speaker"));
        assert!(!is_chair("Minister of State (Department of Health)"));
        assert!(!is_chair("Speakers' Corner Trust"));
    }

    #[test]
    fn inline_labels_table() {
        // (sentence, label text, name)
        let rows: &[(&str, &str, &str)] = &[
            (
                "Schools Jane Roe (South Shire) (LD) 4. What steps he is taking.",
                "Jane Roe (South Shire) (LD)",
                "Jane Roe",
            ),
            (
                "The Minister of State, Department of Health (Mr John Doe) We are investing.",
                "The Minister of State, Department of Health (Mr John Doe)",
                "John Doe",
            ),
            (
                "Paul Black (Upton-on-Sea) (Con): I thank my hon. Friend.",
                "Paul Black (Upton-on-Sea) (Con):",
                "Paul Black",
            ),
        ];
        for &(sentence, label, name) in rows {
            let (range, line) = find_inline_label(sentence).unwrap_or_else(|| panic!("{sentence}"));
            assert_eq!(&sentence[range], label);
            assert_eq!(line.person.name, name);
        }
        for sentence in [
            "He met Jane Roe (the new chair) (ret.) yesterday.",
            "The report (published today) says so.",
            "We met the Secretary of State (Mr Doe) and he agreed.",
            "Jane Roe (South Shire) (Lab) said that the plan would fail.",
        ] {
            assert!(find_inline_label(sentence).is_none(), "{sentence}");
        }
    }
}

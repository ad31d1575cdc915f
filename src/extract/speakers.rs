//! Extract stage: who starts speaking where. Recognises the lines that open
//! a turn — a parliamentary speaker line (`Mr Graham Allen (Nottingham
//! North) (Lab):`, `Lord Newby:`, `The Minister of State, Department for
//! Work and Pensions (Chris Grayling):`) or a comment header (`Janet F
//! said...`) — and splits a person's name into its canonical form and the
//! forms a text may use later ("Mr Allen"). Text syntax only: it does not
//! look names up or attribute sentences (that is `attribution.rs`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::parse_cue_file;

const TITLES: &str = include_str!("cues/titles.txt");
const PARTIES: &str = include_str!("cues/parties.txt");

/// Courtesy titles (dropped from a canonical name) and peerage titles
/// (kept), longest first.
static TITLE_LISTS: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let mut courtesy = Vec::new();
    let mut peerage = Vec::new();
    for line in parse_cue_file(TITLES, "courtesy").unwrap_or_default() {
        let list = if line.section == "peerage" {
            &mut peerage
        } else {
            &mut courtesy
        };
        // parse_cue_file keeps the case of the phrase.
        list.push(line.phrase);
    }
    for list in [&mut courtesy, &mut peerage] {
        list.sort_by_key(|t| std::cmp::Reverse(t.len()));
    }
    (courtesy, peerage)
});

/// Party tag → party name, from `cues/parties.txt`; an empty name for a
/// label that names no party ("Crossbench").
pub(super) static PARTY_TAGS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    PARTIES
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(tag, party)| (tag.trim().to_owned(), party.trim().to_owned()))
        .collect()
});

/// Courtesy titles that English puts before a bare surname ("Mr Allen").
const SURNAME_TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Professor",
    "Prof",
    "Cllr",
    "Councillor",
];

/// A person's name: capitalised words ("McCarthy-Fry", "O’Brien", an
/// initial "F"), with "of Holbeach" or "de la" particles between them; up
/// to six words. Titles are matched separately.
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:of|de|da|van|von|la|le|du|del)\s+)?\p{Lu}[\p{L}’'.-]*){0,5}$")
        .expect("name pattern")
});

/// What follows a peerage title: a name, a territorial designation or
/// both ("Taylor of Holbeach", "of Ripon and Leeds", "Smith").
static PEER_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2})?(?:\s*\bof\s+\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:and|upon|on|in|under|le)\s+)?\p{Lu}[\p{L}’'-]*){0,3})?$")
        .expect("peer pattern")
});

/// A comment header on a line of its own: `Janet F said...`, `Sir Stephen
/// Bubb said:`, `Anna wrote`.
static COMMENT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.{2,60}?)\s+(?:said|says|wrote|writes|commented|replied)\s*(?:\.\.\.|…|:)?$")
        .expect("comment header pattern")
});

/// A name split into the canonical form and the other forms a text may
/// use for the same person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Without a courtesy title: "Graham Allen", "Lord Newby".
    pub name: String,
    /// "Mr Graham Allen", "Mr Allen", "Lord Taylor".
    pub aliases: Vec<String>,
    /// Was there any title?
    pub titled: bool,
}

/// Split a written name ("Mr Graham Allen", "Lord Taylor of Holbeach",
/// "Sadiq Khan") into a [`PersonName`]; `None` when it is not name-shaped.
pub fn person_name(written: &str) -> Option<PersonName> {
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let (courtesy, peerage) = &*TITLE_LISTS;
    let strip = |text: &str, titles: &[String]| -> Option<(String, String)> {
        titles.iter().find_map(|title| {
            text.strip_prefix(title.as_str())
                .and_then(|rest| rest.strip_prefix('.').or(Some(rest)))
                .and_then(|rest| rest.strip_prefix(' '))
                .map(|rest| (title.clone(), rest.trim().to_owned()))
        })
    };
    if let Some((title, rest)) = strip(&written, courtesy) {
        // "of Red Bank" belongs to peers' names only.
        let rest = rest.split(" of ").next().unwrap_or(&rest).to_owned();
        let written = written.split(" of ").next().unwrap_or(&written).to_owned();
        if !NAME.is_match(&rest) {
            return None;
        }
        let surname = rest.rsplit(' ').next().unwrap_or(&rest);
        let mut aliases = vec![written.clone()];
        // "Mr Allen", "Dr Smith"; but not "Sir Bubb" or "Rt Hon Hoon".
        let short = format!("{title} {surname}");
        if short != written && SURNAME_TITLES.contains(&title.as_str()) {
            aliases.push(short);
        }
        return Some(PersonName {
            name: rest,
            aliases,
            titled: true,
        });
    }
    // "The Bishop of Exeter", "The Earl of Listowel": "The" is no part of
    // the name.
    let (the, bare) = match written.strip_prefix("The ") {
        Some(rest) if strip(rest, peerage).is_some() => (true, rest.to_owned()),
        _ => (false, written.clone()),
    };
    if let Some((title, rest)) = strip(&bare, peerage) {
        if rest.is_empty() || !PEER_REST.is_match(&rest) {
            return None;
        }
        let mut aliases = Vec::new();
        if the {
            aliases.push(written.clone());
        }
        if let Some((short, _place)) = rest.split_once(" of ")
            && !short.is_empty()
        {
            aliases.push(format!("{title} {short}"));
        }
        return Some(PersonName {
            name: bare,
            aliases,
            titled: true,
        });
    }
    (NAME.is_match(&written) && written.contains(' ')).then(|| PersonName {
        name: written,
        aliases: Vec::new(),
        titled: false,
    })
}

/// What a speaker line says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerLine {
    pub person: PersonName,
    /// The party named by a tag such as "(Lab)".
    pub party: Option<String>,
    /// Other bracketed or comma-separated parts: constituency, office,
    /// department ("Department of Health", "HM Treasury").
    pub offices: Vec<String>,
    /// Has Hansard features (a title, a bracket, an office), so that it
    /// cannot be a heading that happens to end in a colon.
    pub featured: bool,
}

/// Parse a line that opens a parliamentary turn. The line must end in a
/// colon and hold nothing but the speaker: a name (optionally titled)
/// followed by bracketed constituency, party and office, or an office
/// followed by the name in brackets.
pub fn parse_speaker_line(line: &str) -> Option<SpeakerLine> {
    let body = line.trim().strip_suffix(':')?.trim();
    if body.is_empty()
        || body.len() > 200
        || body.contains(['.', '!', '?', ';', '“', '"']) && !is_abbreviated(body)
    {
        return None;
    }
    // "The Minister of State, Department for Work and Pensions (Chris Grayling)"
    if let Some(rest) = body.strip_prefix("The ")
        && let Some(open) = body.rfind('(')
        && body.ends_with(')')
    {
        let inner = &body[open + 1..body.len() - 1];
        let person = person_name(inner)?;
        let office = rest[..open.saturating_sub(4)].trim().trim_end_matches(',');
        let offices = office
            .split(',')
            .map(|part| part.trim().to_owned())
            .filter(|part| !part.is_empty())
            .collect();
        return Some(SpeakerLine {
            person,
            party: None,
            offices,
            featured: true,
        });
    }
    let cut = body.find(['(', ',']).unwrap_or(body.len());
    let person = person_name(body[..cut].trim())?;
    if !is_office_list(&body[cut..]) {
        return None;
    }
    let mut party = None;
    let mut offices = Vec::new();
    for part in bracketed_and_comma_parts(&body[cut..]) {
        match PARTY_TAGS.get(part.as_str()) {
            Some(name) if name.is_empty() => {}
            Some(name) if party.is_none() => party = Some(name.clone()),
            _ => offices.extend(bracketed_and_comma_parts(&part).into_iter().chain([part])),
        }
    }
    offices.dedup();
    let featured = person.titled || cut < body.len();
    Some(SpeakerLine {
        person,
        party,
        offices,
        featured,
    })
}

/// After the name, a speaker line holds only bracketed parts and
/// comma-separated offices in title case ("(Lab)", ", Parliamentary
/// Under-Secretary (Department of Health)"), not a clause ("(Communist)
/// radio in German", ", Mitchell said in a statement").
fn is_office_list(rest: &str) -> bool {
    const SMALL: &[&str] = &["of", "for", "and", "the", "to", "in", "on", "at"];
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in rest.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let outside = outside.trim();
    (outside.is_empty() || outside.starts_with(','))
        && outside.split(',').all(|part| {
            part.split_whitespace().all(|word| {
                word.chars().next().is_some_and(|c| !c.is_lowercase()) || SMALL.contains(&word)
            })
        })
}

/// "Rt Hon", "hon." and initials are the only full stops a speaker line
/// may hold.
fn is_abbreviated(body: &str) -> bool {
    body.match_indices('.').all(|(at, _)| {
        let before: String = body[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        before.chars().count() <= 3
    }) && !body.contains(['!', '?', ';', '“', '"'])
}

/// Top-level parts of `(a) (b), c (d, e)`: the bracket contents and the
/// comma-separated text outside brackets, trimmed.
fn bracketed_and_comma_parts(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                if depth == 0 {
                    push_part(&mut parts, &mut current);
                } else {
                    current.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    push_part(&mut parts, &mut current);
                } else {
                    current.push(c);
                }
            }
            ',' if depth == 0 => push_part(&mut parts, &mut current),
            c => current.push(c),
        }
    }
    push_part(&mut parts, &mut current);
    parts
}

fn push_part(parts: &mut Vec<String>, current: &mut String) {
    let part = current.trim();
    if !part.is_empty() {
        parts.push(part.to_owned());
    }
    current.clear();
}

/// The name in a comment header ("Janet F said..."), as written.
pub fn parse_comment_header(line: &str) -> Option<String> {
    let captures = COMMENT_HEADER.captures(line.trim())?;
    let name = captures[1].trim();
    let looks_like_name = NAME.is_match(name)
        || person_name(name).is_some()
        || (name.chars().next().is_some_and(char::is_uppercase) && !name.contains(' '));
    looks_like_name.then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_lines_table() {
        // (line, name, party, offices, featured)
        type Row<'a> = (&'a str, &'a str, Option<&'a str>, &'a [&'a str], bool);
        let rows: &[Row] = &[
            (
                "Mr Graham Allen (Nottingham North) (Lab):",
                "Graham Allen",
                Some("Labour Party"),
                &["Nottingham North"],
                true,
            ),
            ("Hazel Blears:", "Hazel Blears", None, &[], false),
            ("Lord Newby:", "Lord Newby", None, &[], true),
            (
                "Lord Taylor of Holbeach:",
                "Lord Taylor of Holbeach",
                None,
                &[],
                true,
            ),
            ("Mr Allen:", "Allen", None, &[], true),
            (
                "The Minister of State, Department for Work and Pensions (Chris Grayling):",
                "Chris Grayling",
                None,
                &["Minister of State", "Department for Work and Pensions"],
                true,
            ),
            (
                "Jane Roe, Parliamentary Under-Secretary (Department of Health) (Care Services):",
                "Jane Roe",
                None,
                &[
                    "Parliamentary Under-Secretary",
                    "Department of Health",
                    "Care Services",
                ],
                true,
            ),
            (
                "Andrea Smith (South Shire) (Con):",
                "Andrea Smith",
                Some("Conservative Party"),
                &["South Shire"],
                true,
            ),
        ];
        for &(line, name, party, offices, featured) in rows {
            let parsed = parse_speaker_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(parsed.person.name, name, "{line}");
            assert_eq!(parsed.party.as_deref(), party, "{line}");
            assert_eq!(parsed.offices, offices, "{line}");
            assert_eq!(parsed.featured, featured, "{line}");
        }
    }

    #[test]
    fn not_speaker_lines() {
        for line in [
            "Shifts in:",
            "the report proposes mutually supporting structural shifts in:",
            "Owen and Hutton said:",
            "Headlines: February 12th, 2014",
            "Bubb said: “We believe.”",
            "Key:",
            "That the Bill be read a second time.",
            "East Berlin (Communist) radio in German to Germany:",
            "Defends Ike Earlier, Mitchell said in a statement:",
            "Pete Rozelle, the league commissioner, pointed out:",
        ] {
            assert!(
                parse_speaker_line(line)
                    .is_none_or(|l| !l.featured && !l.person.name.contains(' ')),
                "{line}"
            );
        }
    }

    #[test]
    fn person_names_table() {
        type Row<'a> = (&'a str, Option<(&'a str, &'a [&'a str])>);
        let rows: &[Row] = &[
            (
                "Mr Graham Allen",
                Some(("Graham Allen", &["Mr Graham Allen", "Mr Allen"])),
            ),
            (
                "Sir Stephen Bubb",
                Some(("Stephen Bubb", &["Sir Stephen Bubb"])),
            ),
            (
                "Lord Taylor of Holbeach",
                Some(("Lord Taylor of Holbeach", &["Lord Taylor"])),
            ),
            (
                "Rt Hon Geoff Hoon",
                Some(("Geoff Hoon", &["Rt Hon Geoff Hoon"])),
            ),
            ("Sarah McCarthy-Fry", Some(("Sarah McCarthy-Fry", &[]))),
            (
                "Mr. Goldberg",
                Some(("Goldberg", &["Mr. Goldberg", "Mr Goldberg"])),
            ),
            (
                "Mrs Jane Roe of Leeds",
                Some(("Jane Roe", &["Mrs Jane Roe", "Mrs Roe"])),
            ),
            ("Headlines", None),
            ("the report", None),
        ];
        for &(written, want) in rows {
            let got = person_name(written);
            match want {
                None => assert!(got.is_none(), "{written}"),
                Some((name, aliases)) => {
                    let got = got.unwrap_or_else(|| panic!("{written}"));
                    assert_eq!(got.name, name);
                    assert_eq!(got.aliases, aliases, "{written}");
                }
            }
        }
    }

    #[test]
    fn comment_headers_table() {
        let rows = [
            ("Janet F said...", Some("Janet F")),
            ("Sir Stephen Bubb said...", Some("Sir Stephen Bubb")),
            ("Anna wrote:", Some("Anna")),
            ("He said that it was fine and we all agreed", None),
            ("the report said...", None),
        ];
        for (line, want) in rows {
            assert_eq!(parse_comment_header(line).as_deref(), want, "{line}");
        }
    }
}

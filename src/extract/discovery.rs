//! Extract stage: discovery of actors the codebook does not list — the
//! speakers of a debate, titled people ("Lord Wei", "Chris White, MP for
//! Warwick"), organisations named by their form ("Shaftesbury Partnership",
//! "Live Sport, a community interest company", "social enterprises, such as
//! Work Solutions", "founders of Teach First") and a document's author —
//! and the turns that speaker lines and comment headers open. Names that
//! the codebook knows resolve to its entries, so that its canonical names
//! win. It finds no concepts and no stances.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use regex::Regex;

use super::codebook::ActorKind;
use super::labels::is_given_name;
use super::lexicon::parse_cue_file;
use super::segments::segment;
use super::speakers::{PersonName, person_name};
use crate::corpus::{Document, Sentence};

const ORGANISATIONS: &str = include_str!("cues/organisations.txt");
const TITLES: &str = include_str!("cues/titles.txt");
const ROLES: &str = include_str!("cues/roles.txt");

/// `\p{Lu}`-initial words, with "of", "for", "the" and "&" between them:
/// the shape of a proper name.
const PROPER: &str =
    r"\p{Lu}[\p{L}&’'-]*(?:\s+(?:(?:of|for|and the|the|&)\s+)?\p{Lu}[\p{L}&’'-]*){0,4}";

fn section(text: &str, wanted: &str) -> Vec<String> {
    parse_cue_file(text, "")
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l.section == wanted)
        .map(|l| regex::escape(&l.phrase))
        .collect()
}

/// A titled person in running text: "Lord Wei", "Lord Taylor of
/// Holbeach", "Mr Hanson", "Rt Hon Geoff Hoon".
static TITLED_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    let mut titles = section(TITLES, "courtesy");
    titles.extend(section(TITLES, "peerage"));
    titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    Regex::new(&format!(
        r"\b(?:{})\.?\s+\p{{Lu}}[\p{{L}}’'-]+(?:\s+\p{{Lu}}[\p{{L}}’'-]+){{0,2}}(?:\s+of\s+\p{{Lu}}\p{{L}}+)?",
        titles.join("|")
    ))
    .expect("titled person pattern")
});

/// A Member of Parliament named as such: "Nick Hurd MP", "Chris White, MP
/// for Warwick".
static MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+),?\s+MP\b").expect("MP pattern")
});

/// A given name and a surname, maybe with an initial: "Jane Roe", "Jane
/// Q. Roe". Whether it names a person depends on its context (see
/// [`candidates_in`]).
static TWO_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}’'-]+").expect("two names pattern")
});

/// After a person's name: a reporting verb or a role ("Jane Roe said",
/// "Jane Roe, chief executive of …").
static PERSON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:,?\s+(?:said|says|told|added|argued|warned|stated|commented|explained|announced|announces)\b|,\s+(?:the\s+)?(?:[\p{{L}}-]+\s+){{0,2}}?(?:{})\b)",
        section(ROLES, "").join("|")
    ))
    .expect("person-after pattern")
});

/// Before a person's name: a reporting verb, or a role and a comma
/// ("…,” said Jane Roe", "…,” said its chief executive, Jane Roe",
/// "Labour's housing spokesperson, Jane Roe"). Matched against the end of
/// the text before the name.
static PERSON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\b(?:said|says|told|added|argued|warned|according to)\s+|\b(?:{}),\s+)$",
        section(ROLES, "").join("|")
    ))
    .expect("person-before pattern")
});

/// The last `bytes` bytes of `text[..end]` (or fewer, at a character
/// boundary): what a context pattern needs, so that a long text stays
/// linear.
fn tail(text: &str, end: usize, bytes: usize) -> &str {
    let mut start = end.saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

/// Offices that stand before a person's name: "Culture Secretary Jane
/// Roe", "Chief Executive Jane Roe".
const OFFICES_BEFORE: &[&str] = &[
    "Secretary",
    "secretary",
    "Minister",
    "minister",
    "Chancellor",
    "Executive",
    "Director",
    "Chair",
    "Chairman",
    "Chairwoman",
    "President",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// An organisation named by its first word and what follows: "Department
/// for Transport", "Confederation of British Industry", "Campaign for the
/// Protection of Rural England", "Institute for Fiscal Studies".
static PREFIXED_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b((?:Department|Ministry|Office|Commission|Committee|Council|Institute|Confederation|Association|Federation|Foundation|Campaign|Society|Trust|Agency|Authority|Board|Royal\s+College)\s+(?:of|for|on)\s+(?:the\s+)?{PROPER})(?:\s+\((\p{{Lu}}{{2,8}})\))?"
    ))
    .expect("prefixed organisation pattern")
});

/// An organisation named by its last word: "Shaftesbury Partnership",
/// "Lambeth Council". Group 1 is the name, group 2 the word before it.
static SUFFIXED_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(\b\p{{L}}+\s+)?\b((?:\p{{Lu}}[\p{{L}}&’'-]*\s+(?:(?:of|for|and)\s+)?){{1,4}}(?:{}))\b",
        section(ORGANISATIONS, "suffix").join("|")
    ))
    .expect("organisation suffix pattern")
});

/// "Live Sport, a community interest company".
static DESCRIBED_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({PROPER}),\s+(?:a|an)\s+(?:[\p{{Ll}}-]+\s+){{0,3}}?(?:{})\b",
        section(ORGANISATIONS, "kind").join("|")
    ))
    .expect("described organisation pattern")
});

/// "social enterprises, such as Work Solutions".
static EXAMPLE_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{}),?\s+such\s+as\s+({PROPER})",
        section(ORGANISATIONS, "plural").join("|")
    ))
    .expect("example organisation pattern")
});

/// "founders of Teach First and Future Leaders", "chief executive of St
/// Giles Trust".
static ROLE_OF_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    let mut roles = section(ROLES, "");
    roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
    Regex::new(&format!(
        r"(?i:\b(?:{})s?)\s+of\s+({PROPER})(?:\s+and\s+({PROPER}))?",
        roles.join("|")
    ))
    .expect("role pattern")
});

/// A role on its own: "Leader", "Chief Executive".
static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:{})s?$", section(ROLES, "").join("|")))
        .expect("role words pattern")
});

/// Words that start a capitalised run without being part of a name.
const NOT_NAME_START: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Our", "Their", "His", "Her", "Its", "My", "In",
    "On", "At", "By", "For", "With", "And", "But", "If", "As", "So", "Of", "To", "From",
];

/// Words that make a run generic rather than a name: "a County Council".
const GENERIC: &[&str] = &[
    "County",
    "City",
    "District",
    "Borough",
    "Parish",
    "Town",
    "Local",
    "National",
    "Regional",
    "Public",
    "Private",
    "Select",
    "Joint",
    "Standing",
    "Advisory",
    "Government",
    "Parliamentary",
    "Executive",
    "Main",
    "Central",
    "Voluntary",
    "Community",
    "Social",
    "New",
    "Independent",
];

/// Offices that follow a title without naming a person ("Mr Speaker").
const OFFICES: &[&str] = &[
    "Speaker",
    "Deputy",
    "President",
    "Chairman",
    "Chair",
    "Minister",
    "Secretary",
    "Chancellor",
    "Prime",
    "Member",
    "Members",
    "Friend",
    "Gentleman",
    "Lady",
    "Lords",
    "Commons",
];

/// An actor found in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
}

/// A turn opened by a speaker line or a comment header.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The sentence that is the speaker line or header.
    pub sentence: usize,
    /// The speaker's forms, to resolve to an entity.
    pub speaker: Candidate,
    /// The party of a speaker-line tag ("(Lab)").
    pub party: Option<String>,
    /// Offices and departments named on the speaker line.
    pub offices: Vec<String>,
    /// Opened by a header in prose ("Jane Roe said:"), not a transcript's
    /// speaker label.
    pub header: bool,
}

/// What discovery found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentDiscovery {
    /// The document's units of speech: its sentences, cut where a speaker
    /// label runs into one. Turns and every later pass index these.
    pub sentences: Vec<Sentence>,
    pub candidates: Vec<Candidate>,
    pub turns: Vec<Turn>,
    /// Who speaks before the first turn, when the page opens mid-speech.
    pub opening: Option<Candidate>,
    /// The author's forms, when the metadata names one.
    pub author: Option<Candidate>,
}

fn person(name: PersonName) -> Candidate {
    Candidate {
        name: name.name,
        kind: ActorKind::Person,
        aliases: name.aliases,
    }
}

fn organisation(name: &str) -> Candidate {
    Candidate {
        name: name.to_owned(),
        kind: ActorKind::Organisation,
        aliases: Vec::new(),
    }
}

/// Find turns and candidate actors in one document: the first pass cuts
/// it into units of speech (`segments.rs`); the labels among them open
/// turns. `people` are the codebook's person names and aliases, lower
/// case. O(n) in its length.
pub fn discover_document(document: &Document, people: &HashSet<String>) -> DocumentDiscovery {
    let segmentation = segment(document, people);
    let mut found = DocumentDiscovery {
        opening: segmentation.opening.clone().map(person),
        ..DocumentDiscovery::default()
    };
    for label in &segmentation.labels {
        found.turns.push(Turn {
            sentence: label.sentence,
            speaker: person(label.line.person.clone()),
            party: label.line.party.clone(),
            offices: label.line.offices.clone(),
            header: label.header,
        });
    }
    for (index, sentence) in segmentation.sentences.iter().enumerate() {
        if segmentation.labels.iter().any(|l| l.sentence == index) {
            continue;
        }
        found
            .candidates
            .extend(candidates_in(&document.text[sentence.span.clone()]));
    }
    found.sentences = segmentation.sentences;
    found.author = document.meta.author.as_deref().map(|author| {
        person_name(author)
            .map(person)
            .unwrap_or_else(|| organisation(author.trim()))
    });
    found
}

/// Words one of which each pattern needs, so that a sentence without any
/// skips that pattern (most sentences have none): titles, organisation
/// suffixes, role words.
static TITLE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut words = plain(TITLES, "courtesy");
    words.extend(plain(TITLES, "peerage"));
    AhoCorasick::new(words).expect("title words")
});
static SUFFIX_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(plain(ORGANISATIONS, "suffix")).expect("suffix words"));
static ROLE_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(plain(ROLES, ""))
        .expect("role words")
});

fn plain(text: &str, wanted: &str) -> Vec<String> {
    parse_cue_file(text, "")
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l.section == wanted)
        .map(|l| l.phrase)
        .collect()
}

/// Candidate actors in one sentence, left to right by pattern.
pub fn candidates_in(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let titled = TITLE_WORDS.is_match(text);
    let suffixed = SUFFIX_WORDS.is_match(text);
    let roles = text.contains(" of ") && ROLE_NAMES.is_match(text);
    let described = text.contains(", a");
    let example = text.contains("such as");
    for found in if_possible(titled, TITLED_PERSON.find_iter(text)) {
        // "Mr. Herford's": the possessive is not part of the name.
        let written = found.as_str().trim_end_matches("'s").trim_end_matches("’s");
        let words: Vec<&str> = written.split_whitespace().collect();
        if words.iter().skip(1).any(|w| OFFICES.contains(w)) {
            continue;
        }
        if let Some(name) = person_name(written) {
            out.push(person(name));
        }
    }
    for captures in if_possible(text.contains("MP"), MEMBER.captures_iter(text)) {
        if let Some(name) = person_name(&captures[1]) {
            out.push(person(name));
        }
    }
    for found in TWO_NAMES.find_iter(text) {
        let name = found.as_str();
        let office = text[..found.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| OFFICES_BEFORE.contains(&w));
        let shown = office
            || PERSON_AFTER.is_match(&text[found.end()..])
            || PERSON_BEFORE.is_match(tail(text, found.start(), 80));
        let given = name.split_whitespace().next().is_some_and(is_given_name);
        if shown
            && given
            && let Some(person_name) = person_name(name)
        {
            out.push(person(person_name));
        }
    }
    for captures in if_possible(
        text.contains(" of ") || text.contains(" for ") || text.contains(" on "),
        PREFIXED_ORGANISATION.captures_iter(text),
    ) {
        let start = captures.get(0).expect("match").start();
        let possessive = text[..start].ends_with("’s ") || text[..start].ends_with("'s ");
        if let Some(name) = captures
            .get(1)
            .filter(|_| !possessive)
            .map(|m| m.as_str().trim().to_owned())
        {
            let mut found = organisation(&name);
            found
                .aliases
                .extend(captures.get(2).map(|m| m.as_str().to_owned()));
            out.push(found);
        }
    }
    for captures in if_possible(suffixed, SUFFIXED_ORGANISATION.captures_iter(text)) {
        let before = captures.get(1).map_or("", |m| m.as_str().trim());
        if ["a", "an", "A", "An"].contains(&before) {
            continue;
        }
        if let Some(name) = trim_name(&captures[2]).filter(|n| n.contains(' ')) {
            out.push(organisation(&name));
        }
    }
    for (pattern, possible) in [
        (&*DESCRIBED_ORGANISATION, described),
        (&*EXAMPLE_ORGANISATION, example),
    ] {
        for captures in if_possible(possible, pattern.captures_iter(text)) {
            if let Some(name) = trim_name(&captures[1]) {
                out.push(organisation(&name));
            }
        }
    }
    for captures in if_possible(roles, ROLE_OF_ORGANISATION.captures_iter(text)) {
        // "Secretary of State for X" is an office, not an organisation.
        if captures
            .get(1)
            .is_some_and(|m| m.as_str().starts_with("State"))
        {
            continue;
        }
        for group in [1, 2] {
            if let Some(name) = captures.get(group).and_then(|m| trim_name(m.as_str())) {
                out.push(organisation(&name));
            }
        }
    }
    let mut seen = Vec::new();
    out.retain(|c| {
        let new = !seen.contains(&c.name);
        seen.push(c.name.clone());
        new
    });
    out
}

/// Drop function words at the start; refuse a run of generic words only
/// ("County Council") or a single word that is no name.
fn trim_name(run: &str) -> Option<String> {
    // "Eichmann's Department": a possessive run is no name.
    if run.contains("'s ") || run.contains("’s ") {
        return None;
    }
    let mut words: Vec<&str> = run.split_whitespace().collect();
    while words.first().is_some_and(|w| NOT_NAME_START.contains(w)) {
        words.remove(0);
    }
    // "Leader of Southwark Council": a role, then the organisation.
    if let Some(link) = words.iter().position(|w| *w == "of" || *w == "for")
        && ROLE_WORDS.is_match(&words[..link].join(" "))
    {
        words.drain(..=link);
    }
    let last = words.len().checked_sub(1)?;
    let specific = words[..last]
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && !GENERIC.contains(w));
    (specific || (words.len() == 1 && words[0].chars().count() > 2)).then(|| words.join(" "))
}

/// `items` when `possible`, else nothing, without running the search:
/// `take(0)` never asks the iterator for an item.
fn if_possible<I: Iterator>(possible: bool, items: I) -> std::iter::Take<I> {
    items.take(if possible { usize::MAX } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocumentMeta, document_from_text};

    fn names(text: &str) -> Vec<(String, ActorKind)> {
        candidates_in(text)
            .into_iter()
            .map(|c| (c.name, c.kind))
            .collect()
    }

    #[test]
    fn candidates_table() {
        use ActorKind::{Organisation as O, Person as P};
        let rows: &[(&str, &[(&str, ActorKind)])] = &[
            (
                "the noble Lord, Lord Wei, who sits here",
                &[("Lord Wei", P)],
            ),
            (
                "Lord Taylor of Holbeach spoke",
                &[("Lord Taylor of Holbeach", P)],
            ),
            ("Mr Speaker, I agree", &[]),
            ("as Mr. Herford's plan shows", &[("Herford", P)]),
            (
                "Mrs Geraldine Thompson of Red Bank",
                &[("Geraldine Thompson", P)],
            ),
            ("in Eichmann's Department of State", &[]),
            (
                "introduced by Chris White, MP for Warwick.",
                &[("Chris White", P)],
            ),
            (
                "work with the Shaftesbury Partnership, a network",
                &[("Shaftesbury Partnership", O)],
            ),
            (
                "as chair of Live Sport, a community interest company",
                &[("Live Sport", O)],
            ),
            // A suffix alone is no name: "The Commission".
            ("The Commission argues", &[]),
            (
                "the Leader of Southwark Council",
                &[("Southwark Council", O)],
            ),
            (
                "social enterprises, such as Work Solutions, which",
                &[("Work Solutions", O)],
            ),
            (
                "the founders of Teach First and Future Leaders",
                &[("Teach First", O), ("Future Leaders", O)],
            ),
            // Persons shown by a verb, a role or an office; organisations
            // named by their first word.
            (
                "Transport Secretary Jane Roe announced it",
                &[("Jane Roe", P)],
            ),
            (
                "as Mary Green, chief executive of the charity, put it",
                &[("Mary Green", P)],
            ),
            ("Bus Lanes improve journeys", &[]),
            // A reporting verb or a role and a comma before the name.
            (
                "“We back it,” said its chief executive, Polly Neate.",
                &[("Polly Neate", P)],
            ),
            ("“It works,” said Tom Hale.", &[("Tom Hale", P)]),
            ("said Health Secretary", &[]),
            ("its chief executive, Acme Homes, said", &[]),
            (
                "the Confederation of Wessex Industry (CWI) is calling for it",
                &[("Confederation of Wessex Industry", O)],
            ),
            // An office is no organisation.
            ("the Secretary of State for Education said", &[]),
            // Generic or indefinite runs are not names.
            ("a block contract with a County Council for", &[]),
            ("the Big Society is a concept", &[]),
        ];
        for (text, want) in rows {
            let want: Vec<(String, ActorKind)> =
                want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
            assert_eq!(names(text), want, "{text:?}");
        }
    }

    #[test]
    fn turns_need_a_transcript_for_bare_names() {
        let debate =
            "Sadiq Khan:\nLet me make progress.\n\nMr David Hanson (Delyn) (Lab):\nI agree.\n";
        let document = document_from_text("h.txt", debate, DocumentMeta::default());
        let found = discover_document(&document, &HashSet::new());
        let speakers: Vec<&str> = found
            .turns
            .iter()
            .map(|t| t.speaker.name.as_str())
            .collect();
        assert_eq!(speakers, vec!["Sadiq Khan", "David Hanson"]);
        assert_eq!(found.turns[1].party.as_deref(), Some("Labour Party"));

        let blog = "Key Points:\nThe plan works.\n";
        let document = document_from_text("b.txt", blog, DocumentMeta::default());
        assert!(
            discover_document(&document, &HashSet::new())
                .turns
                .is_empty()
        );

        let comments = "Great post.\n\nJanet F said...\n\nI agree with this.\n";
        let document = document_from_text("c.txt", comments, DocumentMeta::default());
        let found = discover_document(&document, &HashSet::new());
        assert_eq!(found.turns.len(), 1);
        assert_eq!(found.turns[0].speaker.name, "Janet F");
    }
}

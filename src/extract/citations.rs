//! Extract stage: citations — named publications ("the report Remaking the
//! State: A Call to Action", "Beyond Beveridge: Principles for 2020 Public
//! Services"), laws ("the Social Value Act", "the Offender Management Act
//! 2007"), government documents ("the Autumn Statement") and URLs inside
//! sentences, each cited by whoever holds the sentence, and later
//! references ("the report", "our report", a short title) cited the same
//! way. A bare URL on a line of its own is page furniture, not a citation.
//! It decides no stance.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::attribution::Holding;
use super::clauses::SentenceView;
use super::entity::{Entity, EntityId, EntityKind, SourceKind};
use super::lexicon::{Cue, Lexicon};

/// A capitalised word or a number: the words titles are made of.
const WORD: &str = r"(?:\p{Lu}[\p{L}\p{N}’'-]*|\p{N}+)";
/// Small words allowed inside a title ("Remaking the State").
const SMALL: &str = r"(?:of|the|a|an|and|for|to|in|on|with|at|by|from|or)";

fn run() -> String {
    format!(r"{WORD}(?:\s+(?:{SMALL}\s+){{0,2}}{WORD})*")
}

/// A title after a publication noun: "the report Remaking the State: A
/// Call to Action". Group 1 is the title.
static NAMED_PUBLICATION: LazyLock<Regex> = LazyLock::new(|| {
    let run = run();
    Regex::new(&format!(
        r"(?i:\b(?:report|paper|review|study|pamphlet|book|strategy|manifesto|publication))\s*,?\s*[‘“']?({run}(?::\s+{run})?)"
    ))
    .expect("named publication pattern")
});

/// A title with a subtitle anywhere: "Beyond Beveridge: Principles for
/// 2020 Public Services". Groups 1 and 2 are title and subtitle.
static SUBTITLED: LazyLock<Regex> = LazyLock::new(|| {
    let run = run();
    Regex::new(&format!(r"({run}):\s+({run})")).expect("subtitled title pattern")
});

/// A law or bill: "Social Value Act", "Public Services (Social Value)
/// Act", "Offender Management Act 2007". Group 1 is the name.
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(\p{Lu}[\p{L}’'-]*(?:\s+(?:\([^()]{1,40}\)|(?:of|and|for|the|on)\s+\p{Lu}[\p{L}’'-]*|\p{Lu}[\p{L}’'-]*)){0,6}\s+(?:Act|Bill)\b(?:\s+(?:1[89]|20)\d\d\b)?)",
    )
    .expect("law pattern")
});

/// A government document: "the Autumn Statement", "the Spending Review".
static GOVERNMENT_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b((?:\p{Lu}[\p{L}’'-]*\s+){0,3}(?:Autumn Statement|Spring Statement|Spending Review|White Paper|Green Paper|Queen’s Speech|Queen's Speech|King’s Speech|King's Speech))\b",
    )
    .expect("government document pattern")
});

/// A web address.
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\b(?:https?://|www\.)[^\s)”"’<>]+"#).expect("URL pattern"));

/// The publication nouns NAMED_PUBLICATION needs, to skip sentences that
/// have none.
static REPORT_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "report",
            "paper",
            "review",
            "study",
            "pamphlet",
            "book",
            "strategy",
            "manifesto",
            "publication",
        ])
        .expect("publication words")
});

/// A cited item named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    pub sentence: usize,
    pub span: Range<usize>,
    pub name: String,
    pub kind: SourceKind,
}

/// A citation before sources are numbered across the corpus: `source` is
/// the name and kind of the cited item.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalCitation {
    pub citing: Option<EntityId>,
    pub source: (String, SourceKind),
    pub sentence: usize,
    pub confidence: f64,
}

/// Titles, laws, government documents and URLs in the sentences of one
/// document, and repeats of a title's main part ("Beyond Beveridge").
pub fn find_titles(text: &str, views: &[SentenceView], entities: &[Entity]) -> Vec<Title> {
    let mut titles: Vec<Title> = Vec::new();
    let mut short_forms: Vec<(String, String)> = Vec::new();
    for view in views {
        let sentence = &text[view.span.clone()];
        let at = |range: Range<usize>| view.span.start + range.start..view.span.start + range.end;
        let mut found: Vec<Title> = Vec::new();
        let mut push = |span: Range<usize>, name: &str, kind: SourceKind| {
            let name = name.trim().trim_start_matches("The ").trim();
            if name.split_whitespace().count() >= 2
                && !found
                    .iter()
                    .any(|t| t.span.start < span.end && span.start < t.span.end)
            {
                found.push(Title {
                    sentence: view.index,
                    span,
                    name: name.to_owned(),
                    kind,
                });
            }
        };
        let possible = |words: &[&str]| words.iter().any(|w| sentence.contains(w));
        let laws = possible(&["Act", "Bill"]);
        let documents = possible(&["Statement", "Review", "Paper", "Speech"]);
        let publications = REPORT_WORDS.is_match(sentence);
        for captures in if_possible(laws, LAW.captures_iter(sentence)) {
            let m = captures.get(1).expect("group 1");
            push(at(m.range()), m.as_str(), SourceKind::Legislation);
        }
        for captures in if_possible(documents, GOVERNMENT_DOCUMENT.captures_iter(sentence)) {
            let m = captures.get(1).expect("group 1");
            push(at(m.range()), m.as_str(), SourceKind::GovernmentDocument);
        }
        for captures in if_possible(publications, NAMED_PUBLICATION.captures_iter(sentence)) {
            let m = captures.get(1).expect("group 1");
            push(at(m.range()), m.as_str(), SourceKind::Report);
        }
        for captures in if_possible(sentence.contains(": "), SUBTITLED.captures_iter(sentence)) {
            let (main, all) = (
                captures.get(1).expect("group 1"),
                captures.get(0).expect("match"),
            );
            let sub = captures.get(2).expect("group 2");
            let named_actor = view.mentions.iter().any(|m| {
                entities[m.entity.0].kind == EntityKind::Actor
                    && m.span.start < view.span.start + main.end()
                    && view.span.start + main.start() < m.span.end
            });
            if named_actor
                || main.as_str().split_whitespace().count() < 2
                || sub.as_str().split_whitespace().count() < 2
            {
                continue;
            }
            push(at(all.range()), all.as_str(), SourceKind::Report);
        }
        let words = sentence.split_whitespace().count();
        let web = sentence.contains("www.") || sentence.contains("http");
        for m in if_possible(web, URL.find_iter(sentence)) {
            let url = m.as_str().trim_end_matches(['.', ',', ';', ':']);
            if words > 3 {
                found.push(Title {
                    sentence: view.index,
                    span: at(m.start()..m.start() + url.len()),
                    name: url.to_owned(),
                    kind: SourceKind::Url,
                });
            }
        }
        // Repeats of an earlier title's main part.
        for (short, name) in &short_forms {
            for (offset, _) in sentence.match_indices(short.as_str()) {
                let span = at(offset..offset + short.len());
                if !found
                    .iter()
                    .any(|t| t.span.start < span.end && span.start < t.span.end)
                {
                    found.push(Title {
                        sentence: view.index,
                        span,
                        name: name.clone(),
                        kind: SourceKind::Report,
                    });
                }
            }
        }
        for title in &found {
            if let Some((main, _)) = title.name.split_once(':')
                && main.split_whitespace().count() >= 2
                && !short_forms.iter().any(|(s, _)| s == main)
            {
                short_forms.push((main.to_owned(), title.name.clone()));
            }
        }
        found.sort_by_key(|t| t.span.start);
        titles.extend(found);
    }
    titles
}

/// Who cites what: each title is cited by the holders of its sentence, or
/// when nobody argnet can name holds it by the sentence's voice (speaker or
/// author), or else by the document; a definite reference to a
/// publication ("the report", "our report", "its findings") cites the last
/// report named before it.
pub fn cite(
    text: &str,
    lexicon: &Lexicon,
    views: &[SentenceView],
    holdings: &[Option<Holding>],
    voices: &[Option<Holding>],
    titles: &[Title],
) -> Vec<LocalCitation> {
    let by_sentence: HashMap<usize, Vec<&Title>> =
        titles.iter().fold(HashMap::new(), |mut map, t| {
            map.entry(t.sentence).or_default().push(t);
            map
        });
    let mut out = Vec::new();
    let mut last_report: Option<&Title> = None;
    for ((view, holding), voice) in views.iter().zip(holdings).zip(voices) {
        let holders: Vec<(Option<EntityId>, f64)> = match (holding, voice) {
            (Some(h), _) => h.actors.iter().map(|&a| (Some(a), h.confidence)).collect(),
            (None, Some(voice)) => voice.actors.iter().map(|&a| (Some(a), 0.8)).collect(),
            (None, None) => vec![(None, 0.9)],
        };
        let here = by_sentence.get(&view.index);
        for title in here.into_iter().flatten() {
            for &(citing, confidence) in &holders {
                out.push(LocalCitation {
                    citing,
                    source: (title.name.clone(), title.kind),
                    sentence: view.index,
                    confidence,
                });
            }
            if title.kind == SourceKind::Report {
                last_report = Some(title);
            }
        }
        let refers = view.cues.iter().any(|found| {
            lexicon.cues(found).contains(&Cue::ReportNoun)
                && view.layout.word_before(found.span.start).is_some_and(|w| {
                    matches!(
                        text[w].to_lowercase().as_str(),
                        "the" | "its" | "our" | "their" | "this" | "s"
                    )
                })
        });
        if refers
            && here.is_none_or(|t| t.iter().all(|t| t.kind != SourceKind::Report))
            && let (Some(report), Some(holding)) = (last_report, holding)
        {
            for &actor in &holding.actors {
                out.push(LocalCitation {
                    citing: Some(actor),
                    source: (report.name.clone(), report.kind),
                    sentence: view.index,
                    confidence: holding.confidence * 0.8,
                });
            }
        }
    }
    out
}

/// `items` when `possible`, else nothing, without running the search:
/// `take(0)` never asks the iterator for an item.
fn if_possible<I: Iterator>(possible: bool, items: I) -> std::iter::Take<I> {
    items.take(if possible { usize::MAX } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pattern: &Regex, text: &str, group: usize) -> Vec<String> {
        pattern
            .captures_iter(text)
            .filter_map(|c| c.get(group).map(|m| m.as_str().to_owned()))
            .collect()
    }

    #[test]
    fn patterns_table() {
        let rows: &[(&Regex, usize, &str, &[&str])] = &[
            (
                &NAMED_PUBLICATION,
                1,
                "the report Remaking the State: A Call to Action is calling for",
                &["Remaking the State: A Call to Action"],
            ),
            (
                &NAMED_PUBLICATION,
                1,
                "Acevo has said in a report that calls for",
                &[],
            ),
            (
                &SUBTITLED,
                0,
                "but Beyond Beveridge: Principles for 2020 Public Services outlines",
                &["Beyond Beveridge: Principles for 2020 Public Services"],
            ),
            (&SUBTITLED, 0, "Power: from the centre to citizens.", &[]),
            (
                &SUBTITLED,
                0,
                "Headlines: February 12th, 2014",
                &["Headlines: February 12"],
            ),
            (&SUBTITLED, 0, "Owen and Hutton said: “We believed", &[]),
            (
                &LAW,
                1,
                "based on the principles of the Social Value Act and",
                &["Social Value Act"],
            ),
            (
                &LAW,
                1,
                "what the Offender Management Act 2007—which",
                &["Offender Management Act 2007"],
            ),
            (
                &LAW,
                1,
                "the Public Services (Social Value) Act requires",
                &["Public Services (Social Value) Act"],
            ),
            (
                &LAW,
                1,
                "That the Bill be read a second time; Private Members’ Bills",
                &[],
            ),
            (
                &GOVERNMENT_DOCUMENT,
                1,
                "documents published in the Autumn Statement show",
                &["Autumn Statement"],
            ),
            (
                &URL,
                0,
                "see www.example.org/page.asp?p=3 for more",
                &["www.example.org/page.asp?p=3"],
            ),
        ];
        for &(pattern, group, text, want) in rows {
            assert_eq!(names(pattern, text, group), want, "{text:?}");
        }
    }
}

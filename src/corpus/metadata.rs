//! Corpus stage: document metadata. Reads the optional manifest
//! (`corpus.toml`) and infers title, date and author from the top of a text
//! where the manifest is silent. It does not attribute statements.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::document::{DocumentKind, DocumentMeta};
use crate::error::{Error, Result};

/// Per-document metadata given by the user, keyed by file name or by path
/// relative to the corpus root.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub path: Option<PathBuf>,
    entries: HashMap<String, DocumentMeta>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestFile {
    #[serde(default, rename = "document")]
    documents: Vec<ManifestEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestEntry {
    file: Spanned<String>,
    title: Option<String>,
    date: Option<Spanned<String>>,
    author: Option<String>,
    kind: Option<Spanned<String>>,
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$").unwrap());

impl Manifest {
    /// Parse a manifest; `path` is used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let file: ManifestFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Error::toml_at(path, text, offset, e.message().trim().to_owned())
        })?;
        let mut entries = HashMap::new();
        for entry in file.documents {
            let name = entry.file.get_ref().trim().replace('\\', "/");
            if let Some(date) = &entry.date
                && !ISO_DATE.is_match(date.get_ref())
            {
                return Err(Error::toml_at(
                    path,
                    text,
                    date.span().start,
                    format!(
                        "date {:?} is not YYYY-MM-DD; write e.g. \"2014-02-12\"",
                        date.get_ref()
                    ),
                ));
            }
            let kind = match &entry.kind {
                None => None,
                Some(kind) => Some(DocumentKind::parse(kind.get_ref()).ok_or_else(|| {
                    Error::toml_at(
                        path,
                        text,
                        kind.span().start,
                        format!(
                            "kind {:?} is not one of {}",
                            kind.get_ref(),
                            DocumentKind::NAMES
                        ),
                    )
                })?),
            };
            let meta = DocumentMeta {
                title: entry.title,
                date: entry.date.map(Spanned::into_inner),
                author: entry.author,
                kind,
            };
            if entries.insert(name.clone(), meta).is_some() {
                return Err(Error::toml_at(
                    path,
                    text,
                    entry.file.span().start,
                    format!("file {name:?} is listed twice; keep one [[document]] entry per file"),
                ));
            }
        }
        Ok(Manifest {
            path: Some(path.to_owned()),
            entries,
        })
    }

    /// The entry for a document, by relative path or by file name.
    pub fn get(&self, id: &str) -> Option<&DocumentMeta> {
        let file_name = id.rsplit('/').next().unwrap_or(id);
        self.entries.get(id).or_else(|| self.entries.get(file_name))
    }

    /// Entries that name no document of the corpus (probably typos).
    pub fn unmatched<'a>(&'a self, ids: &[&str]) -> Vec<&'a str> {
        let mut names: Vec<&str> = self
            .entries
            .keys()
            .filter(|name| {
                !ids.iter()
                    .any(|id| id == *name || id.rsplit('/').next() == Some(name.as_str()))
            })
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names
    }
}

/// Fill what the manifest left empty from the text's first lines.
pub fn infer(meta: &mut DocumentMeta, content: &str) {
    let head: Vec<&str> = content
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
        .collect();
    if meta.date.is_none() {
        meta.date = head
            .iter()
            .filter(|l| l.len() <= 60)
            .find_map(|l| find_date(l));
    }
    if meta.title.is_none() {
        meta.title = head
            .iter()
            .map(|line| line.trim_start_matches('#').trim())
            .find(|line| is_title_like(line, content))
            .map(str::to_owned);
    }
    if meta.author.is_none() {
        meta.author = head.iter().find_map(|l| {
            BYLINE
                .captures(l)
                .map(|c| c[1].trim_end_matches(['.', ',']).to_owned())
        });
    }
    if meta.author.is_none() {
        let speech = head.iter().any(|l| l.starts_with("Delivered on"));
        meta.author = head.iter().find_map(|l| field_author(l, speech));
    }
}

/// A header field naming who wrote or issued the text: "Author: Committee
/// of Public Accounts", "Written by Jane Roe", "Published by Shelter", and
/// gov.uk's "From: Home Office and The Rt Hon Jane Roe MP". Of several
/// issuers, a page's first (the department of a press release) — or, for
/// a speech (gov.uk prints "Delivered on"), the person who gave it.
fn field_author(line: &str, speech: bool) -> Option<String> {
    let list = FIELD_AUTHOR.captures(line)?.get(1)?.as_str();
    let issuers = split_issuers(list);
    let is_person = |name: &&String| {
        PERSON_MARKERS
            .iter()
            .any(|m| list.contains(&format!("{m}{name}")) || name.starts_with(m))
            || POST_NOMINALS
                .iter()
                .any(|p| list.contains(&format!("{name}{p}")))
    };
    let chosen = if speech {
        issuers.iter().find(is_person).or(issuers.last())
    } else {
        issuers.first()
    }?;
    (chosen.len() <= 120).then(|| chosen.clone())
}

static FIELD_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Authors?|From|Published by|Issued by)\s*:|Written by)\s*(\p{Lu}.*)$")
        .unwrap()
});

/// Words that start a person's entry in a list of issuers.
const PERSON_MARKERS: &[&str] = &[
    "The Rt Hon ",
    "The Right Honourable ",
    "Rt Hon ",
    "Lord ",
    "Baroness ",
    "Sir ",
    "Dame ",
    "Dr ",
    "Professor ",
];
/// Letters after a person's name in a list of issuers.
const POST_NOMINALS: &[&str] = &[" MP", " MSP", " MS", " KC", " QC", " OBE", " CBE", " MBE"];
/// Words that start an organisation's entry in a list of issuers.
const BODY_MARKERS: &[&str] = &[
    "Department ",
    "Ministry ",
    "HM ",
    "Cabinet Office",
    "Prime Minister",
];

/// "Home Office and The Rt Hon Jane Roe MP" → ["Home Office", "Jane Roe"].
/// The list is cut only before a person or a department, so that
/// "Department for Environment, Food and Rural Affairs" stays whole.
fn split_issuers(list: &str) -> Vec<String> {
    let starts_entry = |rest: &str| {
        PERSON_MARKERS
            .iter()
            .chain(BODY_MARKERS)
            .any(|m| rest.starts_with(m))
    };
    let mut entries = Vec::new();
    let mut start = 0;
    for (at, _) in list.char_indices() {
        for separator in [", and ", " and ", ", ", " & "] {
            if list[at..].starts_with(separator) && starts_entry(&list[at + separator.len()..]) {
                entries.push(&list[start..at]);
                start = at + separator.len();
            }
        }
    }
    entries.push(&list[start..]);
    entries
        .into_iter()
        .map(|entry| {
            let mut name = entry.trim().trim_end_matches(['.', ',']);
            for marker in &PERSON_MARKERS[..3] {
                name = name.strip_prefix(marker).unwrap_or(name);
            }
            for post in POST_NOMINALS {
                name = name.strip_suffix(post).unwrap_or(name);
            }
            name.trim().to_owned()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "23 June 2009", "Tuesday, 23 June 2009", "14th October 2013".
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december),?\s+(\d{4})\b").unwrap()
});

/// "February 12th, 2014", "June 23 2009".
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b").unwrap()
});

/// "2014-02-12".
static ISO_IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());

/// "By Jane Smith" on a line of its own.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Bb]y|BY)\s+(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})$").unwrap()
});

/// The first date written as a date in `line`, as `YYYY-MM-DD`.
pub(crate) fn find_date(line: &str) -> Option<String> {
    let month_number = |name: &str| {
        let name = name.to_lowercase();
        MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
    };
    let (year, month, day) = if let Some(c) = DAY_MONTH_YEAR.captures(line) {
        (c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)
    } else if let Some(c) = MONTH_DAY_YEAR.captures(line) {
        (c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)
    } else if let Some(c) = ISO_IN_TEXT.captures(line) {
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    } else {
        return None;
    };
    let (year, month, day): (u32, u32, u32) = (year, month, day);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    ((1..=days_in_month).contains(&day) && (1000..=2999).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A heading: short, not a sentence, not a date line, not site furniture
/// repeated on the page.
fn is_title_like(line: &str, content: &str) -> bool {
    let generic = [
        "blog post",
        "news",
        "home",
        "menu",
        "skip to content",
        "press release",
    ];
    line.chars().count() <= 150
        && line.chars().any(char::is_alphabetic)
        && !line.ends_with(['.', ':', ',', ';'])
        && find_date(line).is_none()
        && !generic.contains(&line.to_lowercase().as_str())
        && content.matches(line).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_table() {
        let rows = [
            ("Tuesday, 23 June 2009", Some("2009-06-23")),
            ("Headlines: February 12th, 2014", Some("2014-02-12")),
            ("14th October 2013", Some("2013-10-14")),
            ("Published 2015-03-01", Some("2015-03-01")),
            ("created in 2014 by Acevo", None),
            ("31 February 2014", None),
            ("29 February 2012", Some("2012-02-29")),
            ("45 June 2009", None),
        ];
        for (line, want) in rows {
            assert_eq!(find_date(line).as_deref(), want, "line {line:?}");
        }
    }

    #[test]
    fn header_fields_name_the_author() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Author: Committee of Public Accounts",
                Some("Committee of Public Accounts"),
            ),
            ("Written by Jane Roe", Some("Jane Roe")),
            ("Published by: Shelter", Some("Shelter")),
            (
                "From: Home Office and The Rt Hon Jane Roe MP",
                Some("Home Office"),
            ),
            (
                "From: Department for Environment, Food and Rural Affairs and Rt Hon Sam Poe MP",
                Some("Department for Environment, Food and Rural Affairs"),
            ),
            (
                "From: Home Office and The Rt Hon Jane Roe MP\nDelivered on: 4 May 2024",
                Some("Jane Roe"),
            ),
            (
                "From: Ministry of Justice, HM Prison Service and Lord Smith of Leigh\nDelivered on: 1 May 2024",
                Some("Lord Smith of Leigh"),
            ),
            // Prose, not a field.
            ("From the Home Office we heard nothing.", None),
            ("from: lower case is prose", None),
        ];
        for (text, want) in rows {
            let mut meta = DocumentMeta::default();
            infer(
                &mut meta,
                &format!("Title of the page\n\n{text}\n\nBody text."),
            );
            assert_eq!(meta.author.as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn infers_title_date_author() {
        let text = "The Site\n\nThe Site\n\nBlog Post\n\nWe need a revolution in commissioning\n\n14th October 2013\n\nBy Jane Smith\n\nBody text.";
        let mut meta = DocumentMeta::default();
        infer(&mut meta, text);
        assert_eq!(
            meta.title.as_deref(),
            Some("We need a revolution in commissioning")
        );
        assert_eq!(meta.date.as_deref(), Some("2013-10-14"));
        assert_eq!(meta.author.as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn manifest_values_win_over_inference() {
        let mut meta = DocumentMeta {
            title: Some("Given".into()),
            ..DocumentMeta::default()
        };
        infer(&mut meta, "Other heading\n\nText.");
        assert_eq!(meta.title.as_deref(), Some("Given"));
    }

    #[test]
    fn manifest_errors_name_line_and_column() {
        let path = Path::new("corpus.toml");
        let bad_date = "[[document]]\nfile = \"a.txt\"\ndate = \"12/02/2014\"\n";
        let err = Manifest::parse(bad_date, path).unwrap_err().to_string();
        assert!(
            err.starts_with("corpus.toml:3:8: date \"12/02/2014\""),
            "{err}"
        );
        let bad_kind = "[[document]]\nfile = \"a.txt\"\nkind = \"tweet\"\n";
        let err = Manifest::parse(bad_kind, path).unwrap_err().to_string();
        assert!(err.starts_with("corpus.toml:3:8: kind \"tweet\""), "{err}");
        let unknown = "[[document]]\nfile = \"a.txt\"\ntitel = \"x\"\n";
        let err = Manifest::parse(unknown, path).unwrap_err().to_string();
        assert!(
            err.starts_with("corpus.toml:3:1: unknown field `titel`"),
            "{err}"
        );
    }

    #[test]
    fn manifest_matches_by_file_name_or_path() {
        let text = "[[document]]\nfile = \"a.txt\"\ntitle = \"A\"\n[[document]]\nfile = \"sub/b.md\"\ntitle = \"B\"\n";
        let manifest = Manifest::parse(text, Path::new("m.toml")).unwrap();
        assert_eq!(manifest.get("x/a.txt").unwrap().title.as_deref(), Some("A"));
        assert_eq!(
            manifest.get("sub/b.md").unwrap().title.as_deref(),
            Some("B")
        );
        assert!(manifest.get("b.md").is_none());
        assert_eq!(manifest.unmatched(&["x/a.txt"]), vec!["sub/b.md"]);
    }
}

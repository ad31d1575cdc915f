//! Corpus stage (citation import): OpenAlex works as JSON Lines — one work
//! object per line, as in the OpenAlex snapshot and the API's `works`
//! results, of which argnet reads `id`, `title` (or `display_name`),
//! `publication_year` and `referenced_works`; every other field is
//! skipped. Ids are kept in OpenAlex's short form (`W2741809807`): the
//! `https://openalex.org/` prefix that the snapshot writes is dropped, in
//! `id` and in the references alike. Pure: bytes in, [`Citations`] out.

use std::borrow::Cow;

use serde::Deserialize;

use super::ids::{Interner, TextColumn};
use super::{Citations, LineError};
use crate::progress::Progress;

/// The prefix of OpenAlex ids in their URL form.
const PREFIX: &str = "https://openalex.org/";

#[derive(Deserialize)]
struct Work<'a> {
    #[serde(borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    display_name: Option<Cow<'a, str>>,
    #[serde(default)]
    publication_year: Option<i64>,
    #[serde(borrow, default)]
    referenced_works: Option<Vec<Cow<'a, str>>>,
}

fn short(id: &str) -> &str {
    let id = id.trim();
    id.strip_prefix(PREFIX).unwrap_or(id)
}

pub(super) fn parse(bytes: &[u8], progress: &dyn Progress) -> Result<Citations, LineError> {
    progress.begin("reading works", bytes.len() as u64);
    let mut interner = Interner::new();
    let mut edges = Vec::new();
    // Per node; works only referenced keep an empty title and no year.
    let mut titles: Vec<(u32, String)> = Vec::new();
    let mut years: Vec<(u32, i32)> = Vec::new();
    // The line on which each node's own record was read (0: none yet).
    let mut record_line: Vec<usize> = Vec::new();
    let mut done = 0usize;
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = index + 1;
        done += line.len() + 1;
        if number % 4096 == 0 {
            progress.advance(done as u64);
            done = 0;
        }
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let work: Work = serde_json::from_slice(line).map_err(|e| {
            LineError::new(
                number,
                format!("not an OpenAlex work (a JSON object per line): {e}"),
            )
        })?;
        let Some(id) = work.id.as_deref().map(short).filter(|id| !id.is_empty()) else {
            return Err(LineError::new(
                number,
                "the work has no \"id\"; every line needs one",
            ));
        };
        let node = interner.intern(id);
        record_line.resize(interner.len(), 0);
        if record_line[node as usize] != 0 {
            return Err(LineError::new(
                number,
                format!(
                    "the work {id} appears twice (first on line {}); remove one of the two lines",
                    record_line[node as usize]
                ),
            ));
        }
        record_line[node as usize] = number;
        if let Some(title) = work.title.or(work.display_name) {
            titles.push((node, title.trim().to_owned()));
        }
        if let Some(year) = work.publication_year {
            let year = i32::try_from(year)
                .ok()
                .filter(|&y| y != Citations::NO_YEAR)
                .ok_or_else(|| {
                    LineError::new(number, format!("publication_year {year} is out of range"))
                })?;
            years.push((node, year));
        }
        for reference in work.referenced_works.unwrap_or_default() {
            let reference = short(&reference);
            if reference.is_empty() {
                return Err(LineError::new(
                    number,
                    format!("the work {id} has an empty id in referenced_works"),
                ));
            }
            let cited = interner.intern(reference);
            edges.push((node, cited));
        }
    }
    progress.finish();
    let n = interner.len();
    let title_column = (!titles.is_empty()).then(|| {
        let mut by_node = vec![String::new(); n];
        for (node, title) in titles {
            by_node[node as usize] = title;
        }
        let mut column = TextColumn::new();
        for title in &by_node {
            column.push(title);
        }
        column
    });
    let year_column = (!years.is_empty()).then(|| {
        let mut by_node = vec![Citations::NO_YEAR; n];
        for (node, year) in years {
            by_node[node as usize] = year;
        }
        by_node
    });
    Ok(Citations {
        ids: interner.finish(),
        titles: title_column,
        years: year_column,
        edges,
        ..Citations::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    fn read(text: &str) -> Result<Citations, LineError> {
        parse(text.as_bytes(), &Silent)
    }

    #[test]
    fn works_references_titles_and_years() {
        let text = concat!(
            r#"{"id": "https://openalex.org/W1", "title": "First \"quoted\"", "publication_year": 2001, "referenced_works": ["https://openalex.org/W2", "https://openalex.org/W3"], "cited_by_count": 5}"#,
            "\n\n",
            r#"{"id": "W2", "display_name": "Second", "publication_year": null, "referenced_works": []}"#,
            "\n",
        );
        let c = read(text).unwrap();
        assert_eq!(c.edges, vec![(0, 1), (0, 2)]);
        assert_eq!(c.ids.get(2), "W3");
        assert_eq!(c.title(0), Some("First \"quoted\""));
        assert_eq!(c.title(1), Some("Second"));
        assert_eq!(c.title(2), None);
        assert_eq!((c.year(0), c.year(1), c.year(2)), (Some(2001), None, None));
        assert_eq!(c.label(0), "W1 First \"quoted\"");
    }

    /// (text, line named, words in the message)
    #[test]
    fn malformed_works_name_their_line() {
        let rows = [
            ("{\"id\": \"W1\"}\n{\"id\": \"W2\"\n", 2, "JSON"),
            ("{\"title\": \"x\"}\n", 1, "no \"id\""),
            (
                "{\"id\": \"W1\"}\n\n{\"id\": \"W1\"}\n",
                3,
                "twice (first on line 1)",
            ),
            (
                "{\"id\": \"W1\", \"referenced_works\": [\"\"]}\n",
                1,
                "empty id",
            ),
            ("{\"id\": \"W1\", \"publication_year\": 1e12}\n", 1, "JSON"),
            ("[1, 2]\n", 1, "JSON"),
        ];
        for (text, line, words) in rows {
            let error = read(text).unwrap_err();
            assert_eq!(error.line, line, "{text:?}: {error:?}");
            assert!(error.message.contains(words), "{text:?}: {error:?}");
        }
    }
}

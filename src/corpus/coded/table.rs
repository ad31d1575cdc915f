//! Corpus stage (hand-coded data): a statement table — CSV with a header
//! row, one coded statement per row. Columns are found by their usual
//! names (see [`Columns`]) in any case and order, or named by the user;
//! other columns are ignored. RFC 4180 quoting through the `csv` crate.

use std::collections::HashMap;
use std::path::Path;

use super::{CodedCorpus, CodedDocument, CodedStance, CodedStatement, Evidence, coded_error};
use crate::corpus::metadata::find_date;
use crate::error::{Error, Result};

/// The columns of a statement table. Each field names a header column; a
/// field left `None` is looked for under its usual names, first match wins:
///
/// | field | usual names |
/// | --- | --- |
/// | actor (required) | actor, speaker, person, organization, organisation, org |
/// | concept (required) | concept, topic, issue, claim, category, frame |
/// | stance (required) | stance, agreement, agree, increment, polarity, position, qualifier, direction, sign |
/// | organisation | organization, organisation, org, party, affiliation (when not the actor column) |
/// | document | document, doc, document_id, doc_id, article, file |
/// | title | title, document_title, headline |
/// | date | date, time, day, timestamp |
/// | text | text, evidence, quote, passage, sentence, excerpt |
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    pub actor: Option<String>,
    pub concept: Option<String>,
    pub stance: Option<String>,
    pub organisation: Option<String>,
    pub document: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub text: Option<String>,
}

const ACTOR: &[&str] = &[
    "actor",
    "speaker",
    "person",
    "organization",
    "organisation",
    "org",
];
const CONCEPT: &[&str] = &["concept", "topic", "issue", "claim", "category", "frame"];
const STANCE: &[&str] = &[
    "stance",
    "agreement",
    "agree",
    "increment",
    "polarity",
    "position",
    "qualifier",
    "direction",
    "sign",
];
const ORGANISATION: &[&str] = &[
    "organization",
    "organisation",
    "org",
    "party",
    "affiliation",
];
const DOCUMENT: &[&str] = &[
    "document",
    "doc",
    "document_id",
    "doc_id",
    "article",
    "file",
];
const TITLE: &[&str] = &["title", "document_title", "headline"];
const DATE: &[&str] = &["date", "time", "day", "timestamp"];
const TEXT: &[&str] = &[
    "text", "evidence", "quote", "passage", "sentence", "excerpt",
];

impl Columns {
    /// Parse `actor=speaker,concept=topic,stance=increment`: which column
    /// holds which field.
    pub fn parse(text: &str) -> Result<Columns> {
        let mut columns = Columns::default();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let invalid = |message: String| Error::InvalidValue {
                name: "--columns",
                value: text.to_owned(),
                message,
            };
            let (field, column) = pair.split_once('=').ok_or_else(|| {
                invalid(format!(
                    "{pair:?} is not FIELD=COLUMN; write e.g. actor=speaker,concept=topic,stance=increment"
                ))
            })?;
            let column = Some(column.trim().to_owned());
            match field.trim().to_ascii_lowercase().as_str() {
                "actor" => columns.actor = column,
                "concept" => columns.concept = column,
                "stance" => columns.stance = column,
                "organisation" | "organization" => columns.organisation = column,
                "document" => columns.document = column,
                "title" => columns.title = column,
                "date" => columns.date = column,
                "text" => columns.text = column,
                other => {
                    return Err(invalid(format!(
                        "unknown field {other:?}; the fields are actor, concept, stance, organisation, document, title, date, text"
                    )));
                }
            }
        }
        Ok(columns)
    }
}

/// Where each field is in a header row (column indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub actor: usize,
    pub concept: usize,
    pub stance: usize,
    pub organisation: Option<usize>,
    pub document: Option<usize>,
    pub title: Option<usize>,
    pub date: Option<usize>,
    pub text: Option<usize>,
}

/// The columns of a header line with the usual names, if it names an
/// actor, a concept and a stance column (for telling a statement table
/// from citation CSV).
pub fn table_columns(header_line: &str) -> Option<Found> {
    let header: Vec<String> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(header_line.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .next()?
        .ok()?
        .iter()
        .map(str::to_owned)
        .collect();
    locate(&header, &Columns::default()).ok()
}

fn normal(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace([' ', '-'], "_")
}

/// Find each field's column in `header`.
fn locate(header: &[String], asked: &Columns) -> std::result::Result<Found, String> {
    let names: Vec<String> = header.iter().map(|h| normal(h)).collect();
    let find = |asked: &Option<String>, usual: &[&str], not: &[usize]| -> Result2 {
        match asked {
            Some(name) => match names.iter().position(|n| *n == normal(name)) {
                Some(i) => Ok(Some(i)),
                None => Err(format!(
                    "no column {name:?} in the header (it has {})",
                    header.join(", ")
                )),
            },
            None => Ok(usual.iter().find_map(|u| {
                names
                    .iter()
                    .enumerate()
                    .position(|(i, n)| n == u && !not.contains(&i))
            })),
        }
    };
    type Result2 = std::result::Result<Option<usize>, String>;
    let required = |found: Option<usize>, field: &str, usual: &[&str]| {
        found.ok_or_else(|| {
            format!(
                "the header names no {field} column (looked for {}; found {}); name it with --columns {field}=COLUMN",
                usual.join(", "),
                header.join(", ")
            )
        })
    };
    let actor = required(find(&asked.actor, ACTOR, &[])?, "actor", ACTOR)?;
    let concept = required(find(&asked.concept, CONCEPT, &[actor])?, "concept", CONCEPT)?;
    let stance = required(
        find(&asked.stance, STANCE, &[actor, concept])?,
        "stance",
        STANCE,
    )?;
    let taken = [actor, concept, stance];
    Ok(Found {
        actor,
        concept,
        stance,
        organisation: find(&asked.organisation, ORGANISATION, &taken)?,
        document: find(&asked.document, DOCUMENT, &taken)?,
        title: find(&asked.title, TITLE, &taken)?,
        date: find(&asked.date, DATE, &taken)?,
        text: find(&asked.text, TEXT, &taken)?,
    })
}

/// A CSV reader over `bytes` (a UTF-8 byte-order mark skipped) and its
/// header row, names trimmed.
fn open_csv<'a>(path: &Path, bytes: &'a [u8]) -> Result<(csv::Reader<&'a [u8]>, Vec<String>)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| csv_error(path, &e))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    Ok((reader, header))
}

fn csv_error(path: &Path, error: &csv::Error) -> crate::error::Error {
    let line = error.position().map_or(0, |p| p.line() as usize);
    coded_error(path, line, format!("not valid CSV: {error}"))
}

/// Read a statement table from `bytes` (the contents of `path`).
///
/// Every row is one statement. Rows without an actor or a concept are
/// skipped and counted; a stance that is not one of the words
/// [`CodedStance::parse`] knows, a date that is not a date, or a row that
/// is not valid CSV is an error naming the line. Documents are the values
/// of the document column; without one, the statements of each date form
/// one document (`NAME DATE`), and without dates the table is one document.
pub fn read_table(path: &Path, bytes: &[u8], asked: &Columns) -> Result<CodedCorpus> {
    let (mut reader, header) = open_csv(path, bytes)?;
    let csv_error = |e: csv::Error| csv_error(path, &e);
    let found = locate(&header, asked).map_err(|m| coded_error(path, 1, m))?;
    let stem = path.file_stem().map_or_else(
        || "statements".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );

    let mut corpus = CodedCorpus {
        path: path.to_owned(),
        ..CodedCorpus::default()
    };
    let mut document_of: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |index: Option<usize>| {
            index
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty() && *v != "NA")
        };
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let (Some(actor), Some(concept)) = (cell(Some(found.actor)), cell(Some(found.concept)))
        else {
            corpus
                .skipped
                .push(format!("line {line}: no actor or no concept"));
            continue;
        };
        let stance_value = cell(Some(found.stance)).unwrap_or_default();
        let stance = CodedStance::parse(stance_value).ok_or_else(|| {
            coded_error(
                path,
                line,
                format!(
                    "stance {stance_value:?} in column {:?} is not a stance; use support/critique, agree/disagree, 1/0, +1/-1 or true/false",
                    header[found.stance]
                ),
            )
        })?;
        let date = match cell(found.date) {
            None => None,
            Some(value) => Some(find_date(value).ok_or_else(|| {
                coded_error(
                    path,
                    line,
                    format!(
                        "date {value:?} in column {:?} is not a date; write YYYY-MM-DD",
                        header[found.date.unwrap_or_default()]
                    ),
                )
            })?),
        };
        let document_id = match (cell(found.document), &date) {
            (Some(document), _) => document.to_owned(),
            (None, Some(date)) => format!("{stem} {date}"),
            (None, None) => stem.clone(),
        };
        let document = *document_of.entry(document_id.clone()).or_insert_with(|| {
            corpus.documents.push(CodedDocument {
                id: document_id.clone(),
                title: cell(found.title).map(str::to_owned),
                date: date.clone(),
                ..CodedDocument::default()
            });
            corpus.documents.len() - 1
        });
        let evidence = match cell(found.text) {
            Some(text) => Evidence::Text(text.to_owned()),
            None => Evidence::None,
        };
        if let Some(organisation) = cell(found.organisation).filter(|o| *o != actor) {
            corpus
                .affiliations
                .push((actor.to_owned(), organisation.to_owned()));
        }
        corpus.statements.push(CodedStatement {
            actor: actor.to_owned(),
            actor_is_person: None,
            concept: concept.to_owned(),
            stance,
            document,
            evidence,
            origin: format!("line {line}"),
        });
    }
    Ok(corpus)
}

/// Read a node table: a CSV whose header has a `name` (or `label`,
/// `actor`, `concept`) column; every other column becomes an attribute of
/// the node of that name, `(name, column, value)`, leaving out empty and
/// `NA` cells and an `id` column.
pub fn read_node_table(path: &Path, bytes: &[u8]) -> Result<Vec<(String, String, String)>> {
    let (mut reader, header) = open_csv(path, bytes)?;
    let csv_error = |e: csv::Error| csv_error(path, &e);
    let names: Vec<String> = header.iter().map(|h| normal(h)).collect();
    let name = ["name", "label", "actor", "concept", "entity"]
        .iter()
        .find_map(|wanted| names.iter().position(|n| n == wanted))
        .ok_or_else(|| {
            coded_error(
                path,
                1,
                format!(
                    "a node table needs a name column (name, label, actor or concept); found {}",
                    header.join(", ")
                ),
            )
        })?;
    let mut attributes = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let Some(node) = record.get(name).map(str::trim).filter(|n| !n.is_empty()) else {
            continue;
        };
        for (index, value) in record.iter().enumerate() {
            let value = value.trim();
            if index == name || names[index] == "id" || value.is_empty() || value == "NA" {
                continue;
            }
            attributes.push((node.to_owned(), header[index].clone(), value.to_owned()));
        }
    }
    Ok(attributes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<CodedCorpus> {
        read_table(Path::new("coded.csv"), text.as_bytes(), &Columns::default())
    }

    #[test]
    fn usual_column_names_are_found_in_any_order() {
        // (header, (actor, concept, stance) columns)
        type Expected = Option<(usize, usize, usize)>;
        let rows: &[(&str, Expected)] = &[
            ("actor,concept,stance", Some((0, 1, 2))),
            ("Concept,Speaker,Agreement,Date", Some((1, 0, 2))),
            (
                "\"from\",\"to\",\"time\",\"increment\",\"default\",\"speaker\",\"concept\"",
                Some((5, 6, 3)),
            ),
            ("person,organization,concept,agreement", Some((0, 2, 3))),
            ("source,target,weight", None),
            ("citing,cited", None),
            ("actor,concept", None),
        ];
        for (header, expected) in rows {
            let found = table_columns(header).map(|f| (f.actor, f.concept, f.stance));
            assert_eq!(found, *expected, "{header}");
        }
        let found = table_columns("person,organization,concept,agreement").unwrap();
        assert_eq!(found.organisation, Some(1));
    }

    #[test]
    fn rows_become_statements_and_dates_become_documents() {
        let corpus = read(
            "speaker,concept,increment,time,text\n\
             A,X,1,2011-03-11,A backs X.\n\
             B,X,-1,2011-03-11,\n\
             A,Y,+1,14 March 2011,\n\
             ,Y,1,2011-03-14,\n",
        )
        .unwrap();
        let stances: Vec<_> = corpus
            .statements
            .iter()
            .map(|s| (s.actor.as_str(), s.concept.as_str(), s.stance, s.document))
            .collect();
        assert_eq!(
            stances,
            [
                ("A", "X", CodedStance::Support, 0),
                ("B", "X", CodedStance::Critique, 0),
                ("A", "Y", CodedStance::Support, 1),
            ]
        );
        let ids: Vec<_> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["coded 2011-03-11", "coded 2011-03-14"]);
        assert_eq!(
            corpus.statements[0].evidence,
            Evidence::Text("A backs X.".into())
        );
        assert_eq!(corpus.skipped, ["line 5: no actor or no concept"]);
    }

    #[test]
    fn wrong_values_name_the_line_and_what_to_do() {
        let error = read("actor,concept,stance\nA,X,1\nB,Y,perhaps\n")
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("coded.csv:3: stance \"perhaps\""),
            "{error}"
        );
        assert!(error.contains("support/critique"), "{error}");
        let error = read("actor,concept,stance,date\nA,X,1,soon\n")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("coded.csv:2: date \"soon\""), "{error}");
        let error = read("name,topic\nA,X\n").unwrap_err().to_string();
        assert!(error.contains("no actor column"), "{error}");
        assert!(error.contains("--columns actor=COLUMN"), "{error}");
    }

    #[test]
    fn node_tables_give_attributes() {
        let attributes = read_node_table(
            Path::new("nodes.csv"),
            b"\"id\",\"name\",\"party\",\"power\"\n1,\"A\",\"SPD\",2\n2,\"B\",NA,\n",
        )
        .unwrap();
        assert_eq!(
            attributes,
            [
                ("A".into(), "party".into(), "SPD".into()),
                ("A".into(), "power".into(), "2".into()),
            ]
        );
        assert!(read_node_table(Path::new("n.csv"), b"x,y\n").is_err());
    }

    #[test]
    fn columns_can_be_named() {
        let columns = Columns::parse("actor=who, concept=what ,stance=sign").unwrap();
        let corpus = read_table(Path::new("t.csv"), b"who,what,sign\nA,X,-\n", &columns).unwrap();
        assert_eq!(corpus.statements[0].stance, CodedStance::Critique);
        assert!(Columns::parse("actor").is_err());
        assert!(Columns::parse("speaker=x").is_err());
        let error = read_table(
            Path::new("t.csv"),
            b"who,what,sign\n",
            &Columns::parse("actor=nobody").unwrap(),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("no column \"nobody\""), "{error}");
    }
}

//! Corpus stage (hand-coded data): a Discourse Network Analyzer 3 database
//! (`.dna`, SQLite), read with `rusqlite`. What is read (DNA 3.0's tables):
//! `DOCUMENTS` (title, text, author, date in seconds since 1970), each
//! statement of `STATEMENTS` with its short-text variables (`person`,
//! `organization`, `concept`, through `DATASHORTTEXT` and `ENTITIES`) and
//! its boolean `agreement` (`DATABOOLEAN`: 1 support, 0 critique), its
//! evidence span (`Start`/`Stop`, UTF-16 offsets into the text, turned
//! into byte offsets here), and entity attributes (`ATTRIBUTEVALUES`).
//! The database is opened read-only and never changed.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{
    CodedConfig, CodedCorpus, CodedDocument, CodedStance, CodedStatement, Evidence, coded_error,
};
use crate::error::Result;

/// The tables a DNA 3 database must have for argnet to read it.
const TABLES: [&str; 6] = [
    "DOCUMENTS",
    "STATEMENTS",
    "VARIABLES",
    "ENTITIES",
    "DATASHORTTEXT",
    "DATABOOLEAN",
];

/// Read the statements of the DNA 3 database at `path`. The actor of a
/// statement is its `organization` (DNA's default actor; `person` when the
/// statement names no organisation), or its `person` when
/// `config.actor_variable` says so; a statement naming both records the
/// person's affiliation with the organisation.
/// Statements without a concept, an actor or an agreement value, or with a
/// span outside their document, are skipped and listed.
pub fn read_dna(path: &Path, config: &CodedConfig) -> Result<CodedCorpus> {
    let fail = |message: String| coded_error(path, 0, message);
    let sql = |e: rusqlite::Error| fail(format!("cannot read the DNA database: {e}"));
    let connection = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql)?;
    let tables: Vec<String> = connection
        .prepare("SELECT upper(name) FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |row| row.get(0))?.collect())
        .map_err(|e| {
            fail(format!(
                "not a DNA 3 database ({e}); argnet reads the SQLite .dna files of DNA 3"
            ))
        })?;
    if let Some(missing) = TABLES
        .iter()
        .find(|t| !tables.iter().any(|have| have == *t))
    {
        return Err(fail(format!(
            "not a DNA 3 database: it has no {missing} table (DNA 2's XML .dna files are not read; open the file in DNA 3 and save it)"
        )));
    }
    let person_first = match config
        .actor_variable
        .as_deref()
        .map(str::to_ascii_lowercase)
    {
        None => false,
        Some(v) if v == "organization" || v == "organisation" => false,
        Some(v) if v == "person" => true,
        Some(other) => {
            return Err(crate::error::Error::InvalidValue {
                name: "--actor-variable",
                value: other,
                message: "use organization or person".into(),
            });
        }
    };

    let mut corpus = CodedCorpus {
        path: path.to_owned(),
        ..CodedCorpus::default()
    };
    let mut document_of: HashMap<i64, usize> = HashMap::new();
    {
        let mut query = connection
            .prepare("SELECT ID, Title, Text, Author, Date FROM DOCUMENTS ORDER BY ID")
            .map_err(sql)?;
        let rows = query
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<i64>>(4)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, title, text, author, date) = row.map_err(sql)?;
            document_of.insert(id, corpus.documents.len());
            corpus.documents.push(CodedDocument {
                id: format!("dna-{id}"),
                title: title.filter(|t| !t.trim().is_empty()),
                date: date.map(iso_date),
                author: author.filter(|a| !a.trim().is_empty()),
                text: text.unwrap_or_default(),
                sha256: String::new(),
            });
        }
    }

    // Each statement's variables: name → value (short text as entity
    // value, booleans as "0"/"1").
    let mut variables: BTreeMap<i64, HashMap<String, String>> = BTreeMap::new();
    for query in [
        "SELECT d.StatementId, lower(v.Variable), e.Value FROM DATASHORTTEXT d \
         JOIN VARIABLES v ON v.ID = d.VariableId JOIN ENTITIES e ON e.ID = d.Entity",
        "SELECT b.StatementId, lower(v.Variable), CAST(b.Value AS TEXT) FROM DATABOOLEAN b \
         JOIN VARIABLES v ON v.ID = b.VariableId",
    ] {
        let mut statement = connection.prepare(query).map_err(sql)?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, variable, value) = row.map_err(sql)?;
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                variables
                    .entry(id)
                    .or_default()
                    .insert(variable, value.trim().to_owned());
            }
        }
    }

    let mut statement = connection
        .prepare("SELECT ID, DocumentId, Start, Stop FROM STATEMENTS ORDER BY ID")
        .map_err(sql)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, i64>(3)?,
            ))
        })
        .map_err(sql)?;
    let no_values = HashMap::new();
    for row in rows {
        let (id, document_id, start, stop) = row.map_err(sql)?;
        let values = variables.get(&id).unwrap_or(&no_values);
        let skip = |corpus: &mut CodedCorpus, why: &str| {
            corpus.skipped.push(format!("statement {id}: {why}"));
        };
        let Some(&document) = document_id.and_then(|d| document_of.get(&d)) else {
            skip(&mut corpus, "its document is not in DOCUMENTS");
            continue;
        };
        let person = values.get("person");
        let organisation = values
            .get("organization")
            .or_else(|| values.get("organisation"));
        let actor = if person_first {
            person
                .map(|p| (p, true))
                .or(organisation.map(|o| (o, false)))
        } else {
            organisation
                .map(|o| (o, false))
                .or(person.map(|p| (p, true)))
        };
        let Some((actor, actor_is_person)) = actor.map(|(a, p)| (a.clone(), p)) else {
            skip(&mut corpus, "no organization or person");
            continue;
        };
        let Some(concept) = values.get("concept") else {
            skip(&mut corpus, "no concept");
            continue;
        };
        let stance = match values.get("agreement").map(String::as_str) {
            Some("1") => CodedStance::Support,
            Some("0") => CodedStance::Critique,
            _ => {
                skip(&mut corpus, "no agreement value");
                continue;
            }
        };
        let Some(span) = byte_span(&corpus.documents[document].text, start, stop) else {
            skip(&mut corpus, "its span lies outside its document's text");
            continue;
        };
        if let (Some(person), Some(organisation)) = (person, organisation) {
            corpus
                .affiliations
                .push((person.clone(), organisation.clone()));
        }
        corpus.statements.push(CodedStatement {
            actor,
            actor_is_person: Some(actor_is_person),
            concept: concept.clone(),
            stance,
            document,
            evidence: Evidence::Span(span),
            origin: format!("statement {id}"),
        });
    }

    if tables.iter().any(|t| t == "ATTRIBUTEVALUES")
        && tables.iter().any(|t| t == "ATTRIBUTEVARIABLES")
    {
        let mut query = connection
            .prepare(
                "SELECT e.Value, av.AttributeVariable, a.AttributeValue FROM ATTRIBUTEVALUES a \
                 JOIN ATTRIBUTEVARIABLES av ON av.ID = a.AttributeVariableId \
                 JOIN ENTITIES e ON e.ID = a.EntityId \
                 WHERE a.AttributeValue != '' ORDER BY e.ID, av.ID",
            )
            .map_err(sql)?;
        let rows = query
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            corpus.attributes.push(row.map_err(sql)?);
        }
    }
    Ok(corpus)
}

/// The byte range of the UTF-16 range `start..stop` of `text`, if it lies
/// inside the text and is not empty.
fn byte_span(text: &str, start: i64, stop: i64) -> Option<std::ops::Range<usize>> {
    if start < 0 || stop <= start {
        return None;
    }
    let (start, stop) = (start as usize, stop as usize);
    let mut units = 0;
    let mut from = None;
    for (offset, c) in text.char_indices() {
        if units == start {
            from = Some(offset);
        }
        if units == stop {
            return from.map(|f| f..offset);
        }
        units += c.len_utf16();
    }
    (units == stop).then_some(from?..text.len())
}

/// `YYYY-MM-DD` (UTC) of `seconds` since 1970 (Howard Hinnant's
/// days-to-civil algorithm).
fn iso_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_seconds() {
        let rows = [
            (0, "1970-01-01"),
            (1_299_801_600, "2011-03-11"),
            (951_782_400, "2000-02-29"),
            (-86_400, "1969-12-31"),
        ];
        for (seconds, date) in rows {
            assert_eq!(iso_date(seconds), date, "{seconds}");
        }
    }

    #[test]
    fn utf16_spans_become_byte_spans() {
        // "é" is one UTF-16 unit and two bytes; "𝄞" two units, four bytes.
        let text = "é a 𝄞 b";
        let rows = [
            ((0, 1), Some(0..2)),
            ((2, 3), Some(3..4)),
            ((4, 6), Some(5..9)),
            ((7, 8), Some(10..11)),
            ((0, 8), Some(0..11)),
            ((0, 9), None),
            ((3, 3), None),
            ((-1, 2), None),
        ];
        for ((start, stop), want) in rows {
            assert_eq!(byte_span(text, start, stop), want, "{start}..{stop}");
        }
    }
}

//! Corpus stage (hand-coded data): statements somebody has already coded —
//! a statement table (CSV: actor, concept, stance, and optional document,
//! date, text, organisation) or a Discourse Network Analyzer database
//! (`.dna`, DNA 3's SQLite file) — read into [`CodedCorpus`], so that a
//! discourse-network analyst's existing coding gets argnet's analysis,
//! diagrams and exports. No extraction happens: every statement is taken
//! as coded. `model::graph_from_coded` turns it into a graph.

mod dna;
mod table;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use dna::read_dna;
pub use table::{Columns, read_node_table, read_table, table_columns};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// A coded position: support (DNA's agreement = 1) or critique (0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodedStance {
    Support,
    Critique,
}

impl CodedStance {
    /// The words and numbers a statement table uses for a stance: `support`,
    /// `agree`, `yes`, `true`, `1`, `+1`, `+`, `pro` (and `critique`,
    /// `oppose`, `disagree`, `no`, `false`, `0`, `-1`, `-`, `con`,
    /// `against`), in any case.
    pub fn parse(value: &str) -> Option<CodedStance> {
        let value = value.trim().to_ascii_lowercase();
        match value.as_str() {
            "support" | "supports" | "supported" | "agree" | "agrees" | "agreement" | "yes"
            | "y" | "true" | "t" | "1" | "+1" | "1.0" | "+" | "pro" | "positive" | "for" => {
                Some(CodedStance::Support)
            }
            "critique" | "critiques" | "critiqued" | "oppose" | "opposes" | "against"
            | "disagree" | "disagrees" | "disagreement" | "no" | "n" | "false" | "f" | "0"
            | "-1" | "-1.0" | "0.0" | "-" | "con" | "negative" | "reject" | "rejects" => {
                Some(CodedStance::Critique)
            }
            _ => None,
        }
    }
}

/// A document the statements were coded in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodedDocument {
    /// Unique within the corpus.
    pub id: String,
    pub title: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub author: Option<String>,
    /// The full text, when the source keeps it (DNA does).
    pub text: String,
    /// SHA-256 of `text`, hex.
    pub sha256: String,
}

/// One coded statement.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedStatement {
    /// Who takes the position.
    pub actor: String,
    /// Whether the coding says the actor is a person (`Some(true)`) or an
    /// organisation (`Some(false)`): DNA's variables do, a table does not.
    pub actor_is_person: Option<bool>,
    pub concept: String,
    pub stance: CodedStance,
    /// Index into [`CodedCorpus::documents`].
    pub document: usize,
    /// The coded passage: a byte range of the document's text, or, when the
    /// document keeps no text, the passage itself.
    pub evidence: Evidence,
    /// Where the statement was read (line of the table, row id of the
    /// database), for messages.
    pub origin: String,
}

/// What a coded statement points at as its evidence.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// A byte range of the document's text.
    Span(Range<usize>),
    /// A passage given with the statement (a table's text column).
    Text(String),
    /// Nothing.
    None,
}

/// Hand-coded statements and the documents they were coded in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodedCorpus {
    /// The file it was read from.
    pub path: PathBuf,
    pub documents: Vec<CodedDocument>,
    pub statements: Vec<CodedStatement>,
    /// Node attributes by actor or concept name (a DNA entity's attributes,
    /// or a node table's columns): `(name, attribute, value)`.
    pub attributes: Vec<(String, String, String)>,
    /// `(person, organisation)`: who speaks for whom, where the coding
    /// names both (DNA's `person` and `organization`, a table's
    /// organisation column). Repeats are kept; the graph merges them.
    pub affiliations: Vec<(String, String)>,
    /// Rows or statements left out, with why (one line each).
    pub skipped: Vec<String>,
}

/// Which reader a file needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodedFormat {
    /// A CSV statement table.
    Table,
    /// A DNA 3 database.
    Dna,
}

impl CodedFormat {
    /// `statements` (or `table`) and `dna`.
    pub fn parse(name: &str) -> Option<CodedFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "statements" | "statement-table" | "table" => Some(CodedFormat::Table),
            "dna" => Some(CodedFormat::Dna),
            _ => None,
        }
    }

    /// Is `path` hand-coded data? A `.dna` file, an SQLite file, or a CSV
    /// file whose header names an actor column and a concept column. `None`
    /// for anything else (citation data).
    pub fn detect(path: &Path) -> Option<CodedFormat> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if extension.as_deref() == Some("dna") {
            return Some(CodedFormat::Dna);
        }
        let mut head = [0u8; 4096];
        let read = {
            use std::io::Read;
            let mut file = std::fs::File::open(path).ok()?;
            let mut filled = 0;
            while filled < head.len() {
                match file.read(&mut head[filled..]) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => filled += n,
                }
            }
            filled
        };
        let head = &head[..read];
        if head.starts_with(b"SQLite format 3\0") {
            return Some(CodedFormat::Dna);
        }
        let first_line = head.split(|&b| b == b'\n').next()?;
        let first_line = String::from_utf8_lossy(first_line);
        table_columns(&first_line).map(|_| CodedFormat::Table)
    }
}

/// How to read hand-coded data.
#[derive(Debug, Clone, Default)]
pub struct CodedConfig {
    /// A statement table's columns, where the header's names are not the
    /// usual ones.
    pub columns: Columns,
    /// A DNA database's actor variable: `organization` (DNA's default
    /// actor; a statement without one falls back to its `person`) or
    /// `person`.
    pub actor_variable: Option<String>,
    /// A node table (CSV with a name column) whose other columns become
    /// attributes of the actors and concepts of those names.
    pub nodes: Option<PathBuf>,
}

/// Read hand-coded statements from `path` in `format`.
pub fn read_coded(path: &Path, format: CodedFormat, config: &CodedConfig) -> Result<CodedCorpus> {
    let mut corpus = match format {
        CodedFormat::Table => {
            let bytes = std::fs::read(path).map_err(|source| Error::Read {
                path: path.to_owned(),
                source,
            })?;
            read_table(path, &bytes, &config.columns)?
        }
        CodedFormat::Dna => read_dna(path, config)?,
    };
    if let Some(nodes) = &config.nodes {
        let bytes = std::fs::read(nodes).map_err(|source| Error::Read {
            path: nodes.clone(),
            source,
        })?;
        corpus.attributes.extend(read_node_table(nodes, &bytes)?);
    }
    for document in &mut corpus.documents {
        document.sha256 = super::hex(&Sha256::digest(document.text.as_bytes()));
    }
    Ok(corpus)
}

/// An error at `line` (0: no one line) of the coded file `path`.
fn coded_error(path: &Path, line: usize, message: impl Into<String>) -> Error {
    Error::Coded {
        path: path.to_owned(),
        line,
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stance_words_table() {
        let rows = [
            ("support", Some(CodedStance::Support)),
            (" Agree ", Some(CodedStance::Support)),
            ("+1", Some(CodedStance::Support)),
            ("TRUE", Some(CodedStance::Support)),
            ("1", Some(CodedStance::Support)),
            ("-1", Some(CodedStance::Critique)),
            ("0", Some(CodedStance::Critique)),
            ("FALSE", Some(CodedStance::Critique)),
            ("oppose", Some(CodedStance::Critique)),
            ("critique", Some(CodedStance::Critique)),
            ("maybe", None),
            ("", None),
            ("2", None),
        ];
        for (value, expected) in rows {
            assert_eq!(CodedStance::parse(value), expected, "{value:?}");
        }
    }
}

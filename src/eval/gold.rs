//! Eval stage: the hand-coded gold standard (`../shared/eval/README.md`):
//! per document, the actors, concepts, citations and statements
//! (actor + concept + support/critique + evidence) an annotator found.
//! Parsing and validation only; reading the file is the caller's job
//! (`argnet::corpus::read_text`) and scoring lives in `score.rs`.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::Stance;

/// A gold standard: hand-coded documents.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    pub documents: Vec<GoldDocument>,
}

/// One hand-coded document, matched to a graph document by file name.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDocument {
    /// The file's base name, e.g. `000_795833f8700f73c2.txt`.
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    #[serde(default)]
    pub concepts: Vec<GoldConcept>,
    #[serde(default)]
    pub citations: Vec<GoldCitation>,
    #[serde(default)]
    pub statements: Vec<GoldStatement>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldActor {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldConcept {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldCitation {
    /// The actor who refers to the cited item.
    pub citing: String,
    /// Its title, or a descriptive name.
    pub cited: String,
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldStatement {
    pub actor: String,
    pub concept: String,
    pub stance: Stance,
    #[serde(default)]
    pub evidence: String,
}

impl Gold {
    /// Parse gold JSON; `path` is named in errors, which carry the line and
    /// column serde_json reports.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let gold: Gold = serde_json::from_str(text).map_err(|e| Error::GoldFormat {
            path: path.to_owned(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        for (index, document) in gold.documents.iter().enumerate() {
            if document.file.trim().is_empty() {
                return Err(Error::GoldFormat {
                    path: path.to_owned(),
                    line: 0,
                    column: 0,
                    message: format!(
                        "document {} has an empty \"file\"; give the file's base name",
                        index + 1
                    ),
                });
            }
        }
        Ok(gold)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_schema() {
        let text = r#"{"documents": [{
            "file": "a.txt", "title": "A", "date": null, "author": null,
            "actors": [{"name": "ACEVO", "kind": "organisation", "aliases": ["Acevo"], "affiliation": null}],
            "concepts": [{"name": "Big Society", "aliases": []}],
            "citations": [{"citing": "ACEVO", "cited": "Remaking the State", "kind": "report"}],
            "statements": [{"actor": "ACEVO", "concept": "Big Society", "stance": "support", "evidence": "x"}]
        }]}"#;
        let gold = Gold::parse(text, Path::new("g.json")).unwrap();
        let document = &gold.documents[0];
        assert_eq!(document.actors[0].aliases, vec!["Acevo"]);
        assert_eq!(document.statements[0].stance, Stance::Support);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let rows = [
            ("{\"documents\": [}", "g.json:1:"),
            (
                "{\"documents\": [{\"file\": \"a\", \"statements\": [{\"actor\": \"A\", \"concept\": \"B\", \"stance\": \"neutral\"}]}]}",
                "g.json:1:",
            ),
            ("{\"documents\": [{\"file\": \" \"}]}", "g.json: document 1"),
        ];
        for (text, want) in rows {
            let err = Gold::parse(text, Path::new("g.json"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(want), "{text}\n got {err}\nwant {want}");
        }
    }
}

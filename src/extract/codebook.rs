//! Extract stage: the codebook — actors, concepts and their aliases, plus
//! stance cue words that extend the built-in lists. Parsed from TOML text and
//! validated; reading the file is the corpus stage's job.
//!
//! ```toml
//! [[actor]]
//! name = "Stephen Bubb"
//! kind = "person"                 # person | organisation
//! aliases = ["Sir Stephen Bubb", "Bubb"]
//! affiliation = "ACEVO"           # must name another [[actor]]
//!
//! [[concept]]
//! name = "service integration"
//! aliases = ["joined-up services"]
//! opposites = ["silos"]             # its opposite: "break down silos" supports it
//!
//! [cues]                           # optional, extends the built-in lists
//! support = ["champions"]
//! critique = ["derides"]
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, Result};
use crate::model::{NodeKind, node_key};

/// A validated codebook.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Codebook {
    pub actors: Vec<ActorEntry>,
    pub concepts: Vec<ConceptEntry>,
    pub cues: CueLists,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// Canonical name of another actor in the codebook.
    pub affiliation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConceptEntry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Forms that name the concept's opposite ("silos" for service
    /// integration): a mention of the concept whose stance is reversed.
    pub opposites: Vec<String>,
}

/// Extra cue words and phrases, added to the built-in English lists
/// (`src/extract/cues/`); with `builtin = false` they replace the built-in
/// stance lists.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueLists {
    #[serde(default)]
    pub support: Vec<String>,
    #[serde(default)]
    pub critique: Vec<String>,
    /// Keep the built-in support and critique lists (default `true`).
    #[serde(default = "yes")]
    pub builtin: bool,
}

impl Default for CueLists {
    fn default() -> Self {
        CueLists {
            support: Vec::new(),
            critique: Vec::new(),
            builtin: true,
        }
    }
}

fn yes() -> bool {
    true
}

/// Person or organisation (charities, think tanks, parties, public bodies,
/// commissions and other collective actors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
        }
    }

    /// Accepts the American spelling and the finer kinds of the gold
    /// standards (party, public body, commission, group) as organisations.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "person" => Some(ActorKind::Person),
            "organisation" | "organization" | "party" | "public body" | "commission" | "group" => {
                Some(ActorKind::Organisation)
            }
            _ => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodebookFile {
    #[serde(default, rename = "actor")]
    actors: Vec<ActorRow>,
    #[serde(default, rename = "concept")]
    concepts: Vec<ConceptRow>,
    #[serde(default)]
    cues: CueLists,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorRow {
    name: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    affiliation: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptRow {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    opposites: Vec<Spanned<String>>,
}

impl Codebook {
    /// Parse and validate codebook TOML; `path` is named in errors, which
    /// carry the line and column of the offending value.
    pub fn parse(text: &str, path: &Path) -> Result<Self> {
        let at = |offset: usize, message: String| Error::toml_at(path, text, offset, message);
        let file: CodebookFile = toml::from_str(text).map_err(|e| {
            at(
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_owned(),
            )
        })?;

        // Every surface form (lower-cased) → the entry that owns it, so that
        // one alias cannot point at two entries.
        let mut owners: HashMap<String, String> = HashMap::new();
        let mut claim = |form: &Spanned<String>, owner: &str| -> Result<()> {
            let value = form.get_ref().trim();
            if value.is_empty() {
                return Err(at(
                    form.span().start,
                    "empty name or alias; remove it".into(),
                ));
            }
            match owners.insert(value.to_lowercase(), owner.to_owned()) {
                Some(previous) if previous != owner => Err(at(
                    form.span().start,
                    format!(
                        "{value:?} is used by both {previous:?} and {owner:?}; an alias must name one entry"
                    ),
                )),
                _ => Ok(()),
            }
        };

        // Node ids keep only letters and digits: two names that differ
        // elsewhere ("C++ Foundation", "C# Foundation") would be one node.
        let mut ids: HashMap<String, String> = HashMap::new();
        let mut own_id = |kind: NodeKind, form: &Spanned<String>| -> Result<()> {
            let name = form.get_ref().trim();
            let id = node_key(kind, name);
            match ids.insert(id.clone(), name.to_owned()) {
                Some(previous) if !previous.eq_ignore_ascii_case(name) => Err(at(
                    form.span().start,
                    format!(
                        "{name:?} and {previous:?} would both get the id {id} (ids keep only letters and digits); rename one"
                    ),
                )),
                _ => Ok(()),
            }
        };
        let mut actor_kinds: HashMap<String, ActorKind> = HashMap::new();

        let mut actors = Vec::with_capacity(file.actors.len());
        for row in &file.actors {
            let name = row.name.get_ref().trim().to_owned();
            own_id(NodeKind::Actor, &row.name)?;
            let owner = format!("actor {name}");
            claim(&row.name, &owner)?;
            for alias in &row.aliases {
                claim(alias, &owner)?;
            }
            let kind = ActorKind::parse(row.kind.get_ref()).ok_or_else(|| {
                at(
                    row.kind.span().start,
                    format!(
                        "kind {:?} of actor {name:?} is not \"person\" or \"organisation\"",
                        row.kind.get_ref()
                    ),
                )
            })?;
            if let Some(&other) = actor_kinds.get(&name.to_lowercase())
                && other != kind
            {
                return Err(at(
                    row.kind.span().start,
                    format!(
                        "actor {name:?} is listed twice, as {} and as {}; keep one entry",
                        other.as_str(),
                        kind.as_str()
                    ),
                ));
            }
            actor_kinds.insert(name.to_lowercase(), kind);
            actors.push(ActorEntry {
                aliases: trimmed(&row.aliases, &name),
                name,
                kind,
                affiliation: row
                    .affiliation
                    .as_ref()
                    .map(|a| a.get_ref().trim().to_owned()),
            });
        }

        let mut concepts = Vec::with_capacity(file.concepts.len());
        for row in &file.concepts {
            let name = row.name.get_ref().trim().to_owned();
            own_id(NodeKind::Concept, &row.name)?;
            let owner = format!("concept {name}");
            claim(&row.name, &owner)?;
            for alias in row.aliases.iter().chain(&row.opposites) {
                claim(alias, &owner)?;
            }
            concepts.push(ConceptEntry {
                aliases: trimmed(&row.aliases, &name),
                opposites: trimmed(&row.opposites, &name),
                name,
            });
        }

        // Affiliations must name an actor, by name or alias; store the
        // canonical name.
        for (row, actor) in file.actors.iter().zip(actors.iter_mut()) {
            let Some(affiliation) = &row.affiliation else {
                continue;
            };
            let wanted = affiliation.get_ref().trim().to_lowercase();
            let target = file.actors.iter().find(|other| {
                other.name.get_ref().trim().to_lowercase() == wanted
                    || other
                        .aliases
                        .iter()
                        .any(|a| a.get_ref().trim().to_lowercase() == wanted)
            });
            match target {
                Some(target) => actor.affiliation = Some(target.name.get_ref().trim().to_owned()),
                None => {
                    return Err(at(
                        affiliation.span().start,
                        format!(
                            "affiliation {:?} of actor {:?} names no actor in the codebook; add an [[actor]] with that name or fix the spelling",
                            affiliation.get_ref(),
                            actor.name
                        ),
                    ));
                }
            }
        }

        Ok(Codebook {
            actors,
            concepts,
            cues: file.cues,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.concepts.is_empty()
    }
}

/// Trimmed aliases without the name itself and without repeats, in their
/// order. O(n).
fn trimmed(aliases: &[Spanned<String>], name: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::with_capacity(aliases.len());
    aliases
        .iter()
        .map(|alias| alias.get_ref().trim())
        .filter(|&alias| alias != name && seen.insert(alias))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Codebook> {
        Codebook::parse(text, Path::new("codebook.toml"))
    }

    #[test]
    fn parses_actors_concepts_and_cues() {
        let book = parse(
            r#"
[[actor]]
name = "ACEVO"
kind = "organisation"
aliases = ["Acevo"]

[[actor]]
name = "Stephen Bubb"
kind = "person"
aliases = ["Bubb", "Bubb"]
affiliation = "Acevo"

[[concept]]
name = "Big Society"

[cues]
support = ["champions"]
"#,
        )
        .unwrap();
        assert_eq!(book.actors.len(), 2);
        assert_eq!(book.actors[1].aliases, vec!["Bubb"]);
        // The affiliation is stored under the canonical name.
        assert_eq!(book.actors[1].affiliation.as_deref(), Some("ACEVO"));
        assert_eq!(book.concepts[0].name, "Big Society");
        assert_eq!(book.cues.support, vec!["champions"]);
    }

    #[test]
    fn errors_table() {
        let rows = [
            (
                "[[actor]]\nname = \"A\"\n",
                "codebook.toml:1:1: missing field `kind`",
            ),
            (
                "[[actor]]\nname = \"A\"\nkind = \"robot\"\n",
                "codebook.toml:3:8: kind \"robot\" of actor \"A\"",
            ),
            (
                "[[actor]]\nname = \"A\"\nkind = \"person\"\naffiliation = \"Nobody\"\n",
                "codebook.toml:4:15: affiliation \"Nobody\" of actor \"A\" names no actor",
            ),
            (
                "[[concept]]\nname = \"X\"\n[[concept]]\nname = \"Y\"\naliases = [\"x\"]\n",
                "codebook.toml:5:12: \"x\" is used by both \"concept X\" and \"concept Y\"",
            ),
            (
                "[[concept]]\nname = \"  \"\n",
                "codebook.toml:2:8: empty name or alias",
            ),
            (
                "[[actor]]\nname = \"Jo Roe\"\nkind = \"person\"\n[[actor]]\nname = \"Jo Roe\"\nkind = \"organisation\"\n",
                "codebook.toml:6:8: actor \"Jo Roe\" is listed twice, as person and as organisation",
            ),
            (
                "[[actor]]\nname = \"C++ Fund\"\nkind = \"organisation\"\n[[actor]]\nname = \"C# Fund\"\nkind = \"organisation\"\n",
                "codebook.toml:5:8: \"C# Fund\" and \"C++ Fund\" would both get the id actor:c-fund",
            ),
            ("[[concept]\nname = \"X\"\n", "codebook.toml:1:"),
            ("[[concpet]]\nname = \"X\"\n", "codebook.toml:1:"),
        ];
        for (text, want) in rows {
            let err = parse(text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{text:?}\n got {err}\nwant {want}");
        }
    }
}

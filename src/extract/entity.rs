//! Extract stage: the entities extraction talks about — actors, concepts and
//! cited sources — from the codebook or discovered in the text. Statements,
//! mentions and citations refer to them by [`EntityId`].

use serde::{Deserialize, Serialize};

use super::codebook::{ActorKind, Codebook};

/// Index into [`crate::extract::Extraction::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Actor,
    Concept,
    Source,
}

/// What kind of thing a cited source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Report,
    Speech,
    Blog,
    GovernmentDocument,
    Legislation,
    Url,
    Other,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Report => "report",
            SourceKind::Speech => "speech",
            SourceKind::Blog => "blog",
            SourceKind::GovernmentDocument => "government_document",
            SourceKind::Legislation => "legislation",
            SourceKind::Url => "url",
            SourceKind::Other => "other",
        }
    }
}

/// Where an entity came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Codebook,
    Discovered,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    /// For actors.
    pub actor_kind: Option<ActorKind>,
    /// For sources.
    pub source_kind: Option<SourceKind>,
    pub aliases: Vec<String>,
    /// For concepts: forms naming the opposite, whose stance is reversed.
    pub opposites: Vec<String>,
    /// Canonical name of the organisation an actor belongs to.
    pub affiliation: Option<String>,
    pub origin: Origin,
}

impl Entity {
    pub fn actor(name: &str, kind: ActorKind, aliases: &[&str]) -> Self {
        Entity {
            name: name.to_owned(),
            kind: EntityKind::Actor,
            actor_kind: Some(kind),
            source_kind: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            opposites: Vec::new(),
            affiliation: None,
            origin: Origin::Codebook,
        }
    }

    pub fn concept(name: &str, aliases: &[&str]) -> Self {
        Entity {
            name: name.to_owned(),
            kind: EntityKind::Concept,
            actor_kind: None,
            source_kind: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            opposites: Vec::new(),
            affiliation: None,
            origin: Origin::Codebook,
        }
    }

    pub fn source(name: &str, kind: SourceKind) -> Self {
        Entity {
            name: name.to_owned(),
            kind: EntityKind::Source,
            actor_kind: None,
            source_kind: Some(kind),
            aliases: Vec::new(),
            opposites: Vec::new(),
            affiliation: None,
            origin: Origin::Discovered,
        }
    }

    /// The name, the aliases, then the opposites: every form that mentions
    /// the entity.
    pub fn surface_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.opposites.iter().map(String::as_str))
    }

    /// Is `written` (a form found in a text) one of the opposites, or the
    /// plural or singular of one?
    pub fn is_opposite(&self, written: &str) -> bool {
        let written = written.to_lowercase();
        self.opposites.iter().any(|form| {
            let form = form.to_lowercase();
            written == form
                || written.strip_suffix('s') == Some(form.as_str())
                || form.strip_suffix('s') == Some(written.as_str())
        })
    }
}

/// The codebook's actors then concepts, in file order.
pub fn entities_from_codebook(codebook: &Codebook) -> Vec<Entity> {
    let actors = codebook.actors.iter().map(|a| Entity {
        name: a.name.clone(),
        kind: EntityKind::Actor,
        actor_kind: Some(a.kind),
        source_kind: None,
        aliases: a.aliases.clone(),
        opposites: Vec::new(),
        affiliation: a.affiliation.clone(),
        origin: Origin::Codebook,
    });
    let concepts = codebook.concepts.iter().map(|c| Entity {
        name: c.name.clone(),
        kind: EntityKind::Concept,
        actor_kind: None,
        source_kind: None,
        aliases: c.aliases.clone(),
        opposites: c.opposites.clone(),
        affiliation: None,
        origin: Origin::Codebook,
    });
    actors.chain(concepts).collect()
}

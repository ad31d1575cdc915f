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
    /// plural or singular of one, or a form that opens with a word of
    /// reduction the name lacks ("less bureaucratic" for red tape,
    /// "reductions in waste" for waste)?
    pub fn is_opposite(&self, written: &str) -> bool {
        let written = written.to_lowercase();
        let listed = self.opposites.iter().any(|form| {
            let form = form.to_lowercase();
            written == form
                || written.strip_suffix('s') == Some(form.as_str())
                || form.strip_suffix('s') == Some(written.as_str())
        });
        let first = written
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        // A name that is itself a remedy ("suicide prevention") is meant
        // by a reducing form ("reducing suicides"), not opposed.
        let name = self.name.to_lowercase();
        let name_words: Vec<&str> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let negated = matches!(first, "no" | "without");
        let reduced = REDUCERS.contains(&first)
            && !name_words.contains(&first)
            && (negated || !name_words.iter().any(|w| REMEDY_NAMES.contains(w)));
        // "tackling child poverty" written "child poverty": the form names
        // the problem the concept remedies, so a stance on it is reversed.
        let written_words: Vec<&str> = written
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // The name must be a remedy as a whole: it opens with the remedy
        // ("tackling child poverty") or its head is one ("suicide
        // prevention"), not "plan for tackling X".
        let core: Vec<&&str> = name_words
            .iter()
            .take_while(|w| !matches!(**w, "of" | "on" | "for" | "to" | "in" | "by" | "with"))
            .collect();
        let remedy = name_words.first().is_some_and(|w| REMEDY_NAMES.contains(w))
            || core.last().is_some_and(|w| REMEDY_NAMES.contains(*w));
        let problem_form = remedy
            && !written_words.iter().any(|w| {
                REMEDY_NAMES.contains(w) || REDUCERS.contains(w) || REMEDY_VERBS.contains(w)
            })
            && written_words.iter().any(|w| {
                name_words
                    .iter()
                    .any(|n| !REMEDY_NAMES.contains(n) && n.len() > 3 && w.starts_with(&n[..4]))
            });
        listed || reduced || problem_form
    }
}

/// Words that, opening a form of a concept, name less of it: a position
/// on "fewer targets" is the opposite position on targets.
const REDUCERS: &[&str] = &[
    "less",
    "fewer",
    "reduced",
    "reducing",
    "reduction",
    "reductions",
    "removing",
    "removal",
    "cutting",
    "slashing",
    "scrapping",
    "abolishing",
    "abolition",
    "ending",
    "no",
    "without",
];

/// Words that make a concept's name a remedy: "suicide prevention",
/// "deficit reduction".
const REMEDY_NAMES: &[&str] = &[
    "prevention",
    "reduction",
    "reducing",
    "tackling",
    "ban",
    "ending",
    "relief",
    "abolition",
];

/// Verbs of remedy a form may hold: "tackle child poverty" still names
/// the remedy.
const REMEDY_VERBS: &[&str] = &["tackle", "prevent", "reduce", "end", "ban", "stop", "cut"];

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opposite_forms_table() {
        let mut red_tape = Entity::concept("red tape", &["bureaucracy", "less bureaucratic"]);
        red_tape.opposites = vec!["deregulation".into()];
        let cuts = Entity::concept("public spending cuts", &["cuts in budgets"]);
        let prevention = Entity::concept("suicide prevention", &["reducing suicides"]);
        let plan = Entity::concept("plan for tackling nitrogen dioxide", &[]);
        let rows = [
            (&red_tape, "less bureaucratic", true),
            (&red_tape, "reductions in bureaucracy", true),
            (&red_tape, "deregulation", true),
            (&red_tape, "bureaucracy", false),
            // "cuts" is the concept's own word, not a reduction of it.
            (&cuts, "cuts in budgets", false),
            (&cuts, "no spending cuts", true),
            (&prevention, "reducing suicides", false),
            (&prevention, "suicides", true),
            (&prevention, "his plans", false),
            (&plan, "nitrogen dioxide", false),
        ];
        for (entity, written, want) in rows {
            assert_eq!(entity.is_opposite(written), want, "{written}");
        }
    }
}

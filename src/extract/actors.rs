//! Extract stage: the actor index — every actor name and alias, lower-cased,
//! to its entity — and the merge that adds the actors discovery found to the
//! codebook's, once each, so that the codebook's canonical names win. No
//! text is read here.

use std::collections::HashMap;

use super::codebook::ActorKind;
use super::discovery::{Candidate, DocumentDiscovery};
use super::entity::{Entity, EntityId, EntityKind, Origin};

/// Actor names (and aliases), lower-cased, → entity.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    forms: HashMap<String, EntityId>,
    /// Persons by first and last word of their name, lower case: "Ada
    /// Lovelace" finds "Ada \"The Analyst\" Lovelace". A pair two persons
    /// share is left out.
    ends: HashMap<(String, String), Option<EntityId>>,
}

impl ActorIndex {
    /// Index the actors among `entities`.
    pub fn new(entities: &[Entity]) -> Self {
        let mut index = ActorIndex::default();
        for (i, entity) in entities.iter().enumerate() {
            if entity.kind == EntityKind::Actor {
                index.insert(entity, EntityId(i));
            }
        }
        index
    }

    fn insert(&mut self, entity: &Entity, id: EntityId) {
        for form in entity.surface_forms() {
            self.forms.entry(form.to_lowercase()).or_insert(id);
        }
        if entity.actor_kind == Some(ActorKind::Person)
            && let Some(ends) = name_ends(&entity.name)
        {
            self.ends
                .entry(ends)
                .and_modify(|found| {
                    if *found != Some(id) {
                        *found = None;
                    }
                })
                .or_insert(Some(id));
        }
    }

    /// The entity one of a candidate's forms names: titled forms first,
    /// then the name (a one-word name only through a titled form).
    pub fn resolve(&self, candidate: &Candidate) -> Option<EntityId> {
        let name_usable = candidate.name.contains(' ') || candidate.aliases.is_empty();
        candidate
            .aliases
            .iter()
            .chain(name_usable.then_some(&candidate.name))
            .find_map(|form| self.forms.get(&form.to_lowercase()).copied())
            .or_else(|| {
                let person = candidate.kind == ActorKind::Person;
                let ends = name_ends(&candidate.name).filter(|_| person)?;
                self.ends.get(&ends).copied().flatten()
            })
    }

    /// Resolve a name written in a text.
    pub fn get(&self, form: &str) -> Option<EntityId> {
        self.forms.get(&form.trim().to_lowercase()).copied()
    }
}

/// The first and last word of a name of two words or more, lower case and
/// without quotation marks.
fn name_ends(name: &str) -> Option<(String, String)> {
    let words: Vec<String> = name
        .split_whitespace()
        .filter(|w| !w.starts_with(['"', '“', '‘', '\'']))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    (words.len() >= 2).then(|| (words[0].clone(), words[words.len() - 1].clone()))
}

/// Add the discovered actors of every document to `entities` (after the
/// codebook's), once each, and return the index of all actor names.
/// Candidates with a full name go first, so that "Mr Allen" finds Graham
/// Allen. A candidate that names a codebook concept is left out.
pub fn merge(entities: &mut Vec<Entity>, documents: &[DocumentDiscovery]) -> ActorIndex {
    let mut index = ActorIndex::new(entities);
    let concept_forms: Vec<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Concept)
        .flat_map(|e| e.surface_forms().map(str::to_lowercase).collect::<Vec<_>>())
        .collect();
    let all: Vec<&Candidate> = documents
        .iter()
        .flat_map(|d| {
            d.turns
                .iter()
                .map(|t| &t.speaker)
                .chain(d.author.iter())
                .chain(d.opening.iter())
                .chain(d.candidates.iter())
        })
        .collect();
    let (full, short): (Vec<&Candidate>, Vec<&Candidate>) =
        all.into_iter().partition(|c| c.name.contains(' '));
    for candidate in full.into_iter().chain(short) {
        if index.resolve(candidate).is_some()
            || concept_forms.contains(&candidate.name.to_lowercase())
        {
            continue;
        }
        // A lone surname keeps its title as its name: "Mr Hanson".
        let name = if candidate.name.contains(' ') {
            candidate.name.clone()
        } else {
            candidate
                .aliases
                .first()
                .cloned()
                .unwrap_or_else(|| candidate.name.clone())
        };
        let aliases = candidate
            .aliases
            .iter()
            .filter(|a| **a != name)
            .cloned()
            .collect();
        let entity = Entity {
            origin: Origin::Discovered,
            aliases,
            ..Entity::actor(&name, candidate.kind, &[])
        };
        let id = EntityId(entities.len());
        index.insert(&entity, id);
        entities.push(entity);
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocumentMeta, document_from_text};
    use crate::extract::codebook::ActorKind;
    use crate::extract::discovery::discover_document;

    #[test]
    fn merge_resolves_short_forms_and_codebook_names() {
        let mut entities = vec![
            Entity::actor("Stephen Bubb", ActorKind::Person, &["Sir Stephen Bubb"]),
            Entity::concept("Big Society", &[]),
        ];
        let text = "Mr Hanson spoke. Sir Stephen Bubb agreed. Mr David Hanson left.";
        let document = document_from_text("d.txt", text, DocumentMeta::default());
        let found = discover_document(&document, &Default::default());
        let index = merge(&mut entities, &[found]);
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Stephen Bubb", "Big Society", "David Hanson"]);
        assert_eq!(index.get("mr hanson"), Some(EntityId(2)));
        assert_eq!(entities[2].origin, Origin::Discovered);
    }

    #[test]
    fn persons_match_by_first_and_last_name() {
        let entities = vec![
            Entity::actor("Ada \"The Analyst\" Lovelace", ActorKind::Person, &[]),
            Entity::actor("John Smith", ActorKind::Person, &[]),
            Entity::actor("John Paul Smith", ActorKind::Person, &[]),
        ];
        let index = ActorIndex::new(&entities);
        let person = |name: &str| Candidate {
            name: name.into(),
            kind: ActorKind::Person,
            aliases: Vec::new(),
        };
        assert_eq!(index.resolve(&person("Ada Lovelace")), Some(EntityId(0)));
        // Two persons share "John … Smith": neither is guessed.
        assert_eq!(index.resolve(&person("John Q Smith")), None);
        assert_eq!(index.resolve(&person("John Smith")), Some(EntityId(1)));
    }
}

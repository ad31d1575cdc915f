//! Extract stage, part of the holders pass: the organisation a press
//! release or statement speaks for, once `voice.rs` has read the text as
//! one — the body its headline names as announcing ("Home Office
//! announces …"), else the organisation of the person it quotes ("X
//! said:") or leads with, by the codebook's affiliation, the text's ("X,
//! chief executive of Y") or the remit of their title ("Transport
//! Secretary" → the Department for Transport), else the one department or
//! the government it names. No stance, no single sentences.

use std::collections::HashMap;

use super::actors::ActorIndex;
use super::affiliations;
use super::clauses::SentenceView;
use super::codebook::ActorKind;
use super::entity::{Entity, EntityId, EntityKind};

/// Verbs by which an organisation issues a release or statement: "Home
/// Office announces", "the CBI is calling for", "…, says Citizens Advice".
const ISSUING: &[&str] = &[
    "announces",
    "announced",
    "announce",
    "calls",
    "calling",
    "welcomes",
    "welcomed",
    "responds",
    "responded",
    "says",
    "said",
    "urges",
    "urged",
    "warns",
    "warned",
    "launches",
    "launched",
    "publishes",
    "published",
    "unveils",
    "unveiled",
    "sets",
    "set",
];

/// The organisation a release's headline or lead names as speaking:
/// subject of an issuing verb ("Home Office announces …", "the CBI is
/// calling for …"), after one ("…, says CBI"), or its agent ("announced
/// today by the Home Office").
fn headline_issuer(text: &str, views: &[SentenceView], entities: &[Entity]) -> Option<EntityId> {
    for view in views.iter().take(3) {
        for mention in view.mentions {
            let entity = &entities[mention.entity.0];
            if entity.actor_kind != Some(ActorKind::Organisation) {
                continue;
            }
            let after: Vec<String> = text[mention.span.end..view.span.end]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(3)
                .map(str::to_lowercase)
                .collect();
            let before: Vec<String> = text[view.span.start..mention.span.start]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .rev()
                .take(2)
                .map(str::to_lowercase)
                .collect();
            let subject = after.iter().any(|w| ISSUING.contains(&w.as_str()));
            let named_after = before
                .first()
                .is_some_and(|w| matches!(w.as_str(), "says" | "said" | "by"))
                || before.get(1).is_some_and(|w| w == "by");
            if subject || named_after {
                return Some(mention.entity);
            }
        }
    }
    None
}

/// The organisation a release speaks for: that of the person it quotes
/// ("X said:") or else the first person it names, by the codebook's
/// affiliation or by the text's ("X, chief executive of Y").
pub(super) fn issuer(
    text: &str,
    views: &[SentenceView],
    entities: &[Entity],
    actors: &ActorIndex,
) -> Option<EntityId> {
    if let Some(id) = headline_issuer(text, views, entities) {
        return Some(id);
    }
    let is_person = |id: EntityId| entities[id.0].actor_kind == Some(ActorKind::Person);
    let quoted = views
        .iter()
        .filter(|v| text[v.span.clone()].trim_end().ends_with("said:"))
        .find_map(|v| v.mentions.iter().rev().find(|m| is_person(m.entity)));
    let first = views
        .iter()
        .take(4)
        .flat_map(|v| v.mentions)
        .find(|m| is_person(m.entity));
    let Some(lead) = quoted.or(first).map(|m| m.entity) else {
        return named_department(views, entities);
    };
    let organisation = |id: EntityId| {
        let entity = &entities[id.0];
        (entity.kind == EntityKind::Actor && entity.actor_kind == Some(ActorKind::Organisation))
            .then_some(id)
    };
    if let Some(id) = entities[lead.0]
        .affiliation
        .as_deref()
        .and_then(|name| actors.get(name))
        .and_then(organisation)
    {
        return Some(id);
    }
    if let Some(id) = views
        .iter()
        .flat_map(|view| affiliations::in_sentence(text, entities, view, None))
        .find(|a| a.person == lead)
        .and_then(|a| organisation(a.organisation))
    {
        return Some(id);
    }
    // "Justice Secretary Jane Roe", "Secretary of State for Education,
    // Jane Roe": the department whose name shares the title's remit — the
    // lead person's title first, then any minister's the release names.
    let title_of = |view: &SentenceView, mention: &super::mentions::Mention| {
        // The title may be part of the name as the codebook lists it
        // ("Transport Secretary Jane Roe").
        let before = &text[view.span.start..mention.span.end];
        department_of_title(title_before(before)?, entities)
    };
    let lead_title = views.iter().find_map(|view| {
        let mention = view.mentions.iter().find(|m| m.entity == lead)?;
        title_of(view, mention)
    });
    lead_title
        .or_else(|| {
            views.iter().find_map(|view| {
                view.mentions
                    .iter()
                    .filter(|m| is_person(m.entity))
                    .find_map(|m| title_of(view, m))
            })
        })
        .or_else(|| named_department(views, entities))
        .or_else(|| named_government(views, entities))
}

/// The government a release names, when it names no department: a
/// minister's release speaks for "the Government" ("The government has
/// taken action …"). The government named most often; none when two are
/// named as often.
fn named_government(views: &[SentenceView], entities: &[Entity]) -> Option<EntityId> {
    let mut counts: HashMap<EntityId, usize> = HashMap::new();
    for mention in views.iter().flat_map(|v| v.mentions) {
        let entity = &entities[mention.entity.0];
        let government = entity.actor_kind == Some(ActorKind::Organisation)
            && entity
                .name
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("government"));
        if government {
            *counts.entry(mention.entity).or_default() += 1;
        }
    }
    let most = counts.values().copied().max()?;
    let mut top = counts.into_iter().filter(|&(_, n)| n == most);
    let (id, _) = top.next()?;
    top.next().is_none().then_some(id)
}

/// The one government department a release names ("the Department for
/// Transport gave …"), if it names exactly one.
fn named_department(views: &[SentenceView], entities: &[Entity]) -> Option<EntityId> {
    let mut found: Vec<EntityId> = views
        .iter()
        .flat_map(|v| v.mentions)
        .map(|m| m.entity)
        .filter(|id| is_department(&entities[id.0]))
        .collect();
    found.sort();
    found.dedup();
    (found.len() == 1).then(|| found[0])
}

/// An organisation named as a government department: "Department for
/// Transport", "Ministry of Defence", "Home Office", "HM Treasury".
fn is_department(entity: &Entity) -> bool {
    let lower = entity.name.to_lowercase();
    entity.actor_kind == Some(ActorKind::Organisation)
        && (lower.starts_with("department")
            || lower.starts_with("ministry")
            || lower.ends_with(" office")
            || lower.contains("treasury"))
}

/// Words of a title that say nothing of a remit.
const TITLE_WORDS: &[&str] = &[
    "minister",
    "secretary",
    "state",
    "of",
    "for",
    "and",
    "the",
    "parliamentary",
    "under",
    "chancellor",
    "government",
    "department",
    "ministry",
    "office",
    "hm",
    "his",
    "her",
    "mr",
    "mrs",
    "ms",
    "dr",
    "rt",
    "hon",
    "shadow",
    "deputy",
    "junior",
    "senior",
    "prime",
];

/// The office before a name: the capitalised words (and "of", "for",
/// "and") that end right before it and hold "Minister" or "Secretary".
fn title_before(before: &str) -> Option<&str> {
    let trimmed = before.trim_end().trim_end_matches(',').trim_end();
    let mut start = trimmed.len();
    for (at, word) in trimmed
        .split_whitespace()
        .rev()
        .map(|w| (w.as_ptr() as usize - trimmed.as_ptr() as usize, w))
        .take(10)
    {
        let small = matches!(word, "of" | "for" | "and" | "the");
        if !small && !word.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        start = at;
    }
    let title = &trimmed[start..];
    let lower = title.to_lowercase();
    (lower.contains("minister") || lower.contains("secretary")).then_some(title)
}

/// The department (an organisation named "Department …", "Ministry …",
/// "… Office") that shares most remit words with `title`.
fn department_of_title(title: &str, entities: &[Entity]) -> Option<EntityId> {
    let remit = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| w.len() > 2 && !TITLE_WORDS.contains(&w.as_str()))
            .collect()
    };
    let wanted = remit(title);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(usize, EntityId)> = None;
    let mut tie = false;
    for (index, entity) in entities.iter().enumerate() {
        let lower = entity.name.to_lowercase();
        let department = entity.actor_kind == Some(ActorKind::Organisation)
            && ["department", "ministry", "office"]
                .iter()
                .any(|w| lower.split_whitespace().any(|x| x == *w));
        if !department {
            continue;
        }
        let words: Vec<String> = entity.surface_forms().flat_map(remit).collect();
        let shared = wanted.iter().filter(|w| words.contains(w)).count();
        if shared == 0 {
            continue;
        }
        match best {
            Some((n, _)) if n > shared => {}
            Some((n, _)) if n == shared => tie = true,
            _ => {
                best = Some((shared, EntityId(index)));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_by_title() {
        let entities = vec![
            Entity::actor("Department for Transport", ActorKind::Organisation, &[]),
            Entity::actor("Ministry of Justice", ActorKind::Organisation, &[]),
            Entity::actor(
                "Department of Energy and Climate Change",
                ActorKind::Organisation,
                &[],
            ),
            Entity::actor("Transport Trust", ActorKind::Organisation, &[]),
        ];
        let rows = [
            ("Transport Secretary", Some(0)),
            ("Secretary of State for Justice", Some(1)),
            ("Energy Minister", Some(2)),
            ("Minister for Civil Society", None),
            ("Prime Minister", None),
        ];
        for (title, want) in rows {
            assert_eq!(
                department_of_title(title, &entities).map(|id| id.0),
                want,
                "{title}"
            );
        }
        let rows = [
            (
                "Fourteen areas, Local Government Secretary ",
                Some("Local Government Secretary"),
            ),
            (
                "as Secretary of State for Education, ",
                Some("Secretary of State for Education"),
            ),
            ("the chief executive ", None),
        ];
        for (before, want) in rows {
            assert_eq!(title_before(before), want, "{before}");
        }
    }
}

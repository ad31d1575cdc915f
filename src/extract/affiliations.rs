//! Extract stage: affiliations — a person tied to an organisation by a role
//! the text states: "X, chief executive of Y", "X, Y Director", "Y
//! Director X", "as chair of Y" (for the sentence's holder), and the party
//! tag and department of a parliamentary speaker line. Only text evidence:
//! a codebook's `affiliation` stays an attribute and makes no edge here.

use std::sync::LazyLock;

use regex::Regex;

use super::actors::ActorIndex;
use super::attribution::Holding;
use super::clauses::SentenceView;
use super::codebook::ActorKind;
use super::discovery::DocumentDiscovery;
use super::entity::{Entity, EntityId};
use super::lexicon::parse_cue_file;
use super::{Affiliation, mentions::Mention};

const ROLES: &str = include_str!("cues/roles.txt");

fn roles() -> String {
    let mut roles: Vec<String> = parse_cue_file(ROLES, "")
        .unwrap_or_default()
        .into_iter()
        .map(|l| regex::escape(&l.phrase))
        .collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
    roles.join("|")
}

/// Between a person and an organisation: ", chief executive of ", ", the
/// director of ", ", senior fellow at the ".
static ROLE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^,\s+(?:(?:the|a|an|its|their)\s+)?(?:[\p{{L}}-]+\s+){{0,2}}?(?:{})\s+(?:of|at|for|to|with)\s+(?:the\s+(?:[\p{{Ll}}-]+\s+){{0,2}})?$",
        roles()
    ))
    .expect("role-of pattern")
});

/// After an organisation that follows a person: "Nick Pearce, IPPR
/// Director".
static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s+(?:{})\b", roles())).expect("role-after pattern")
});

/// Between an organisation and a person: "IPPR Director ", "Acevo’s chief
/// executive ".
static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?:’s|'s)?\s+(?:{})\s+$", roles())).expect("role-before pattern")
});

/// Before an organisation, for the sentence's holder: "as chair of ".
static AS_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bas\s+(?:(?:the|a|an)\s+)?(?:{})\s+(?:of|at)\s+(?:the\s+)?$",
        roles()
    ))
    .expect("as-role pattern")
});

/// Affiliations stated in one sentence.
pub fn in_sentence(
    text: &str,
    entities: &[Entity],
    view: &SentenceView,
    holding: Option<&Holding>,
) -> Vec<Affiliation> {
    let kind = |m: &Mention| entities[m.entity.0].actor_kind;
    let actors: Vec<&Mention> = view.mentions.iter().filter(|m| kind(m).is_some()).collect();
    let mut out = Vec::new();
    let mut add = |person: EntityId, organisation: EntityId, confidence: f64| {
        if person != organisation
            && !out
                .iter()
                .any(|a: &Affiliation| a.person == person && a.organisation == organisation)
        {
            out.push(Affiliation {
                person,
                organisation,
                sentence: view.index,
                confidence,
            });
        }
    };
    for (i, first) in actors.iter().enumerate() {
        let Some(second) = actors.get(i + 1) else {
            break;
        };
        let gap = &text[first.span.end..second.span.start];
        match (kind(first), kind(second)) {
            (Some(ActorKind::Person), Some(ActorKind::Organisation)) => {
                let after = &text[second.span.end..view.span.end];
                let role_of = ROLE_OF.is_match(gap);
                let role_after = gap.trim() == "," && ROLE_AFTER.is_match(after);
                if role_of || role_after {
                    add(first.entity, second.entity, 0.9);
                }
            }
            (Some(ActorKind::Organisation), Some(ActorKind::Person))
                if ROLE_BEFORE.is_match(gap) =>
            {
                add(second.entity, first.entity, 0.85);
            }
            _ => {}
        }
    }
    // "I declare an interest as chair of Live Sport".
    if let Some(holding) = holding
        && let [person] = holding.actors.as_slice()
        && entities[person.0].actor_kind == Some(ActorKind::Person)
    {
        for organisation in actors
            .iter()
            .filter(|m| kind(m) == Some(ActorKind::Organisation))
        {
            if AS_ROLE.is_match(&text[view.span.start..organisation.span.start]) {
                add(*person, organisation.entity, 0.75 * holding.confidence);
            }
        }
    }
    out
}

/// Party tags and departments on speaker lines: "(Lab)" → Labour Party,
/// "(Department of Health)" → Department of Health. The organisation must
/// be known (codebook or discovered); the speaker line is the evidence.
pub fn of_speakers(
    found: &DocumentDiscovery,
    actors: &ActorIndex,
    entities: &[Entity],
) -> Vec<Affiliation> {
    let mut out = Vec::new();
    for turn in &found.turns {
        let Some(person) = actors.resolve(&turn.speaker) else {
            continue;
        };
        let named = turn
            .party
            .iter()
            .map(|p| (p, 0.9))
            .chain(turn.offices.iter().map(|o| (o, 0.85)));
        for (name, confidence) in named {
            let organisation = actors.get(name).or_else(|| {
                // "HM Treasury" is the Treasury; "Department of Health, X"
                // names the department first.
                name.split(',').find_map(|part| actors.get(part))
            });
            if let Some(organisation) = organisation
                && organisation != person
                && entities[organisation.0].actor_kind == Some(super::ActorKind::Organisation)
                && !out
                    .iter()
                    .any(|a: &Affiliation| a.organisation == organisation && a.person == person)
            {
                out.push(Affiliation {
                    person,
                    organisation,
                    sentence: turn.sentence,
                    confidence,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_patterns_table() {
        let rows: &[(&Regex, &str, bool)] = &[
            (&ROLE_OF, ", chief executive of ", true),
            (&ROLE_OF, ", Chief Executive of the independent ", true),
            (&ROLE_OF, ", the director of the ", true),
            (&ROLE_OF, ", senior fellow at ", true),
            (&ROLE_OF, ", who met ", false),
            (&ROLE_OF, " and ", false),
            (&ROLE_AFTER, " Director, said", true),
            (&ROLE_AFTER, " report", false),
            (&ROLE_BEFORE, " Director ", true),
            (&ROLE_BEFORE, "’s chief executive ", true),
            (&ROLE_BEFORE, " and ", false),
            (&AS_ROLE, "I declare an interest as chair of ", true),
            (&AS_ROLE, "I spoke as a member of the public", false),
        ];
        for &(pattern, text, want) in rows {
            assert_eq!(pattern.is_match(text), want, "{text:?}");
        }
    }
}

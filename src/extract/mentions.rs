//! Extract stage: find every alias of every known entity in a text, in one
//! pass (Aho-Corasick). Whole words only; the longest match wins; acronyms
//! ("IPPR", "DH") match only as written while other forms ignore case
//! ("Personalisation" = "personalisation"); concept names also match their
//! plural or singular ("Community Budget" = "Community Budgets"). It does not
//! decide stance or attribution.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::entity::{Entity, EntityId, EntityKind};
use crate::corpus::Document;

/// A surface form found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub entity: EntityId,
    pub span: Range<usize>,
    /// Index of the sentence in its document (0 when matching free text).
    pub sentence: usize,
}

/// One automaton over the surface forms of a set of entities.
#[derive(Debug, Clone)]
pub struct MentionMatcher {
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern: the entities whose form it is.
    candidates: Vec<Vec<Candidate>>,
}

#[derive(Debug, Clone)]
struct Candidate {
    entity: EntityId,
    /// The form as written; an acronym must match it exactly.
    form: String,
    exact: bool,
}

impl MentionMatcher {
    /// Build the matcher for `entities` (index = [`EntityId`]).
    pub fn new(entities: &[Entity]) -> Self {
        let mut keys: Vec<String> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        let mut add_key = |key: String, form: &str, entity: EntityId, variant: bool| {
            let slot = *by_key.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                candidates.push(Vec::new());
                candidates.len() - 1
            });
            // A generated plural never overrides a form someone wrote.
            if variant && !candidates[slot].is_empty() {
                return;
            }
            let exact = is_acronym(form);
            if !candidates[slot]
                .iter()
                .any(|c| c.entity == entity && c.form == form)
            {
                candidates[slot].push(Candidate {
                    entity,
                    form: form.to_owned(),
                    exact,
                });
            }
        };
        // The automaton folds ASCII case only, so a form with other letters
        // ("Ünïcode") also gets its lower-case and capitalised spellings.
        let mut add = |form: &str, entity: EntityId, variant: bool| {
            let form = form.trim();
            if form.is_empty() {
                return;
            }
            let lower = form.to_lowercase();
            if !form.is_ascii() {
                for spelling in [form.to_owned(), capitalised(&lower)] {
                    if spelling != lower {
                        add_key(spelling, form, entity, variant);
                    }
                }
            }
            add_key(lower, form, entity, variant);
        };
        for (index, entity) in entities.iter().enumerate() {
            let id = EntityId(index);
            for form in entity.surface_forms() {
                add(form, id, false);
            }
        }
        for (index, entity) in entities.iter().enumerate() {
            if entity.kind != EntityKind::Concept {
                continue;
            }
            for form in entity.surface_forms() {
                if let Some(variant) = number_variant(form) {
                    add(&variant, EntityId(index), true);
                }
            }
        }
        let automaton = (!keys.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&keys)
                .expect("alias automaton builds")
        });
        MentionMatcher {
            automaton,
            candidates,
        }
    }

    /// Mentions in every sentence of a document, each with its sentence.
    pub fn find_in_document(&self, document: &Document) -> Vec<Mention> {
        let mut mentions = Vec::new();
        for (index, sentence) in document.sentences.iter().enumerate() {
            for mut mention in self.find(&document.text, sentence.span.clone()) {
                mention.sentence = index;
                mentions.push(mention);
            }
        }
        mentions
    }

    /// All mentions in `text[range]`, left to right, without overlaps.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let haystack = &text[range.clone()];
        let mut found: Vec<Mention> = Vec::new();
        for hit in automaton.find_overlapping_iter(haystack) {
            let (start, end) = (hit.start(), hit.end());
            if !is_word_boundary(haystack, start, end) {
                continue;
            }
            let written = &haystack[start..end];
            let accepted = self.candidates[hit.pattern().as_usize()]
                .iter()
                .find(|c| !c.exact || c.form == written);
            if let Some(candidate) = accepted {
                found.push(Mention {
                    entity: candidate.entity,
                    span: range.start + start..range.start + end,
                    sentence: 0,
                });
            }
        }
        // Leftmost, then longest; drop what overlaps a kept mention.
        found.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
        for mention in found {
            if kept.last().is_none_or(|k| mention.span.start >= k.span.end) {
                kept.push(mention);
            }
        }
        kept
    }
}

/// Words that open a definite description.
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "a", "an",
];
/// Nouns by which a text refers to a policy by its category ("the
/// scheme", "these changes", "a new law").
const CATEGORY_NOUNS: &[&str] = &[
    "scheme",
    "schemes",
    "policy",
    "policies",
    "plan",
    "plans",
    "proposal",
    "proposals",
    "change",
    "changes",
    "measure",
    "measures",
    "bill",
    "act",
    "programme",
    "programmes",
    "reform",
    "reforms",
    "strategy",
    "review",
    "approach",
    "idea",
    "ideas",
    "initiative",
    "system",
    "project",
    "legislation",
    "law",
    "process",
    "framework",
    "agenda",
    "fund",
    "model",
];
/// Capitalised nouns that are still generic after a determiner: "the
/// Bill", "the Minister".
const GENERIC_CAPITALS: &[&str] = &[
    "Bill",
    "Act",
    "Scheme",
    "Programme",
    "Plan",
    "Strategy",
    "Policy",
    "Review",
    "Report",
    "Minister",
    "Secretary",
    "Member",
    "Friend",
    "Gentleman",
    "Lady",
    "Chairman",
    "Chair",
];
/// Role nouns: an actor alias that is a definite description of one
/// ("the Minister") is generic; "the Government" is not.
const ROLES: &[&str] = &[
    "minister",
    "secretary",
    "member",
    "friend",
    "gentleman",
    "lady",
    "chairman",
    "chair",
    "leader",
    "spokesman",
    "spokeswoman",
    "chancellor",
    "state",
];

/// Is `written` a definite description of a generic thing — "the
/// scheme", "these changes", "his plans", "the Bill" — that names a
/// concept only where the document names it otherwise too?
fn is_generic_description(written: &str, concept: bool) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    if rest.is_empty() || !DETERMINERS.contains(&first.to_lowercase().as_str()) {
        return false;
    }
    let generic = rest.iter().all(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            || GENERIC_CAPITALS.contains(&w.trim_end_matches(['.', ',']))
            || matches!(*w, "of" | "hon." | "right" | "State")
    });
    let head = rest.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let head = head.trim_end_matches(['.', ',']);
    generic
        && if concept {
            CATEGORY_NOUNS.contains(&head)
        } else {
            ROLES.contains(&head)
        }
}

/// Drop the mentions of an entity that a document makes only through
/// generic definite descriptions ("the scheme", "the Minister"): a
/// codebook alias of that kind is the analyst's shorthand for one text and
/// would name the wrong thing in every other.
pub fn keep_specific(mentions: &mut Vec<Mention>, text: &str, entities: &[Entity]) {
    let generic = |m: &Mention| {
        let entity = &entities[m.entity.0];
        is_generic_description(&text[m.span.clone()], entity.kind == EntityKind::Concept)
            && !entity.name.eq_ignore_ascii_case(&text[m.span.clone()])
    };
    let specific: std::collections::HashSet<EntityId> = mentions
        .iter()
        .filter(|m| !generic(m))
        .map(|m| m.entity)
        .collect();
    mentions.retain(|m| specific.contains(&m.entity) || !generic(m));
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Two or more letters and no lower-case letter: "IPPR", "DH", "ACEVO".
fn is_acronym(form: &str) -> bool {
    form.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !form.chars().any(char::is_lowercase)
}

/// The plural of a singular last word, or the singular of a plural one.
/// Only for names of two or more words: a one-word alias changes meaning
/// with its number ("cuts" → "cut", "targets" → "target", "grants" →
/// "grant").
fn number_variant(form: &str) -> Option<String> {
    if !form.trim().contains(' ') {
        return None;
    }
    let last = form.rsplit(' ').next()?;
    if last.len() < 4 || !last.chars().all(char::is_alphabetic) || is_acronym(last) {
        return None;
    }
    if let Some(stem) = form.strip_suffix('s') {
        (!stem.ends_with('s')).then(|| stem.to_owned())
    } else {
        Some(format!("{form}s"))
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Does one of `mentions` (in text order, not overlapping each other)
/// overlap `span`? O(log m), so that a sentence with thousands of names
/// stays linear.
pub(super) fn any_overlaps(mentions: &[Mention], span: &std::ops::Range<usize>) -> bool {
    let upto = mentions.partition_point(|m| m.span.start < span.end);
    mentions[..upto]
        .iter()
        .rev()
        .take(4)
        .any(|m| m.span.end > span.start)
}

#[cfg(test)]
mod tests {
    use super::{EntityId, Mention, any_overlaps};

    #[test]
    fn overlap_lookup_table() {
        let mentions: Vec<Mention> = [(0, 5), (10, 20), (25, 26)]
            .into_iter()
            .map(|(start, end)| Mention {
                entity: EntityId(0),
                span: start..end,
                sentence: 0,
            })
            .collect();
        let rows = [
            (0..1, true),
            (5..10, false),
            (4..6, true),
            (12..14, true),
            (19..25, true),
            (20..25, false),
            (26..30, false),
            (0..100, true),
        ];
        for (span, want) in rows {
            assert_eq!(any_overlaps(&mentions, &span), want, "{span:?}");
        }
    }

    #[test]
    fn generic_descriptions_table() {
        let rows = [
            ("the scheme", true, true),
            ("these changes", true, true),
            ("his plans", true, true),
            ("the Bill", true, true),
            ("the Big Society", true, false),
            ("the NHS changes", true, false),
            ("scheme", true, false),
            ("the Minister", false, true),
            ("the Secretary of State", false, true),
            ("the Government", false, false),
            ("the voluntary sector", false, false),
            ("the private sector", true, false),
            ("a new law", true, true),
        ];
        for (written, concept, want) in rows {
            assert_eq!(is_generic_description(written, concept), want, "{written}");
        }
    }
    use super::*;
    use crate::extract::codebook::ActorKind;

    fn entities() -> Vec<Entity> {
        vec![
            Entity::actor(
                "IPPR",
                ActorKind::Organisation,
                &["Institute for Public Policy Research"],
            ),
            Entity::actor("ACEVO", ActorKind::Organisation, &["Acevo"]),
            Entity::concept("Work Programme", &[]),
            Entity::concept("social value", &[]),
            Entity::concept("Social Value Act", &[]),
            Entity::concept("personalisation", &[]),
            Entity::concept("Community Budgets", &[]),
            Entity::concept("Total Place", &[]),
            Entity::actor("DH", ActorKind::Organisation, &[]),
            Entity::concept("économie sociale", &[]),
        ]
    }

    fn names(text: &str) -> Vec<(String, &str)> {
        let entities = entities();
        let matcher = MentionMatcher::new(&entities);
        matcher
            .find(text, 0..text.len())
            .into_iter()
            .map(|m| (entities[m.entity.0].name.clone(), &text[m.span]))
            .collect()
    }

    #[test]
    fn matches_table() {
        let rows: &[(&str, &[(&str, &str)])] = &[
            ("The IPPR report", &[("IPPR", "IPPR")]),
            // Acronyms match only as written.
            ("ippr and Ippr", &[]),
            ("Acevo and ACEVO", &[("ACEVO", "Acevo"), ("ACEVO", "ACEVO")]),
            // Case is free for other forms.
            (
                "Personalisation and personalisation",
                &[
                    ("personalisation", "Personalisation"),
                    ("personalisation", "personalisation"),
                ],
            ),
            // Longest match wins.
            (
                "the Social Value Act and social value",
                &[
                    ("Social Value Act", "Social Value Act"),
                    ("social value", "social value"),
                ],
            ),
            // Whole words only.
            ("work programmer, DHL, adhd", &[]),
            // Plural and singular of concept names.
            (
                "the Total Place/Community Budget concepts",
                &[
                    ("Total Place", "Total Place"),
                    ("Community Budgets", "Community Budget"),
                ],
            ),
            (
                "localisation of work programmes",
                &[("Work Programme", "work programmes")],
            ),
            // Punctuation around a form is a boundary.
            (
                "(DH), \u{2018}Total Place\u{2019}",
                &[("DH", "DH"), ("Total Place", "Total Place")],
            ),
            (
                "the Institute for Public Policy Research said",
                &[("IPPR", "Institute for Public Policy Research")],
            ),
            // Non-ASCII first letters in either case.
            (
                "Économie sociale, économie sociale",
                &[
                    ("économie sociale", "Économie sociale"),
                    ("économie sociale", "économie sociale"),
                ],
            ),
        ];
        for (text, want) in rows {
            let got = names(text);
            let want: Vec<(String, &str)> = want.iter().map(|(n, s)| (n.to_string(), *s)).collect();
            assert_eq!(got, want, "text {text:?}");
        }
    }

    #[test]
    fn spans_are_offset_by_the_range() {
        let entities = entities();
        let matcher = MentionMatcher::new(&entities);
        let text = "IPPR here. IPPR there.";
        let found = matcher.find(text, 11..text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "IPPR");
        assert_eq!(found[0].span.start, 11);
    }
}

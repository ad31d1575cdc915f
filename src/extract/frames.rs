//! Extract stage: the subject of a reporting frame — who "said", "argues"
//! or "calls for": a named actor (with its apposition skipped: "X, chief
//! executive of Y, said"), actors after the verb (", said X", "according
//! to X"), coordinated actors ("Owen and Hutton"), pronouns, publications
//! ("the report", a cited title, "the IPPR report"), bodies by head noun
//! ("the Commission"), parliamentary forms of address ("my right hon.
//! Friend") and joint subjects ("Lord Freud—and I"). Part of attribution;
//! it does not decide which frame wins.

use std::sync::LazyLock;

use regex::Regex;

use super::attribution::{Attributor, DESCRIBED, NAMED, PRONOUN, PUBLICATION, State};
use super::clauses::SentenceView;
use super::codebook::ActorKind;
use super::entity::{Entity, EntityId, EntityKind};
use super::lexicon::{Cue, LexMatch};
use super::mentions::Mention;
use super::quotes::quotation_spans;

/// Does a sentence open as a motion: "That this House …", "“this House,
/// while …"?
fn is_motion(sentence: &str) -> bool {
    let lower = sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    lower.starts_with("that this house ") || lower.starts_with("this house ")
}

/// Head nouns by which a text names a body it has named before ("the
/// Commission", "the think tank").
const BODY_HEADS: &[&str] = &[
    "commission",
    "government",
    "council",
    "committee",
    "trust",
    "department",
    "institute",
    "charity",
    "organisation",
    "organization",
    "body",
    "group",
    "party",
    "tank",
    "union",
    "authority",
    "board",
    "agency",
    "foundation",
    "office",
    "ministry",
    "association",
];

/// Head nouns of a person named only by office or role: a frame with such
/// a subject has a holder argnet cannot name.
const PERSON_HEADS: &[&str] = &[
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chair",
    "leader",
    "member",
    "members",
    "official",
    "officials",
    "chief",
    "director",
    "expert",
    "experts",
    "critic",
    "critics",
    "campaigner",
    "campaigners",
    "commentator",
    "author",
    "researcher",
    "researchers",
    "opponents",
    "supporters",
    "colleague",
    "friend",
    "gentleman",
    "lady",
    "lord",
    "baroness",
];

/// A parliamentary form of address, at the end of a text: "my right hon.
/// Friend", "the hon. and learned Gentleman", "the noble Lord".
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:my|the|our)\s+(?:right\s+)?(?:hon\.?|noble)\s+(?:and\s+(?:learned|gallant)\s+)?(?:Friend|Friends|Gentleman|Lady|Member|Lord|Baroness|Earl)$")
        .expect("address pattern")
});

/// A form of address joined with the speaker: "The hon. Gentleman and I".
static ADDRESS_AND_I: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:my|the)\s+(?:right\s+)?(?:hon\.?|noble)\s+(?:and\s+(?:learned|gallant)\s+)?(?:Friend|Gentleman|Lady|Member|Lord|Baroness))\s+and\s+I\b")
        .expect("address-and-I pattern")
});

/// Right after a person's name: joined with the speaker ("Lord Freud—and
/// I have", "Jane Smith and I met").
static JOINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[—–,-]?\s*and\s+I\b").expect("joint subject pattern"));

/// Sentences looked back over for the person "the hon. Lady" addresses or
/// the body "the council" names: a referent further back than this is not
/// what the phrase means, and an unbounded look makes a long document
/// quadratic.
const LOOKBACK: usize = 40;

/// What the subject of a reporting verb turned out to be.
pub(super) enum Subject {
    Actors(Vec<EntityId>, f64),
    /// Someone argnet cannot name.
    Unknown,
    /// The verb is no frame ("the challenges identified by …").
    NotAFrame,
}

impl Attributor<'_> {
    /// Resolve the subject of the reporting phrase `verb`.
    pub(super) fn subject(&self, view: &SentenceView, verb: &LexMatch, state: &State) -> Subject {
        let text = self.text;
        let layout = &view.layout;
        let phrase = self.lexicon.phrase(verb);
        // A stance verb ("X welcomes", "X requires") frames a sentence only
        // with a named subject or "I"/"we"; "It requires" is too often a
        // thing, not an actor.
        let reporting = self.lexicon.cues(verb).contains(&Cue::Reporting);
        let named_only = |subject: Subject| {
            if reporting {
                subject
            } else {
                Subject::NotAFrame
            }
        };
        // "X was welcomed by IPPR": the agent of a passive holds it.
        if let Some(by) = layout.passive_by(text, &verb.span) {
            return match self.actor_after(view, by) {
                Some(actors) => Subject::Actors(actors, NAMED),
                None => Subject::NotAFrame,
            };
        }
        // "according to X", "in the view of X": the actor follows.
        if phrase == "according to" || phrase == "in the view of" {
            return match self.actor_after(view, verb.span.end) {
                Some(actors) => Subject::Actors(actors, NAMED),
                None => Subject::NotAFrame,
            };
        }
        // ", said X" / "…” says X": the actor follows a comma or a quote.
        let before = layout.word_before(verb.span.start);
        let gap = &text[before.as_ref().map_or(view.span.start, |w| w.end)..verb.span.start];
        if reporting
            && gap.contains([',', '”', '"'])
            && let Some(actors) = self.actor_after(view, verb.span.end)
        {
            return Subject::Actors(actors, NAMED);
        }

        // ", which said", "X, who argues": a relative clause speaks for
        // the actor it follows.
        if let Some(word) = layout.word_before(verb.span.start)
            && matches!(text[word.clone()].to_lowercase().as_str(), "which" | "who")
            && text[view.span.start..word.start].trim_end().ends_with(',')
            && let Some(actor) = self.actor_just_before(view, word.start)
        {
            return Subject::Actors(vec![actor], NAMED);
        }
        let mut cursor = verb.span.start;
        for _ in 0..12 {
            let Some(word) = layout.word_before(cursor) else {
                return Subject::NotAFrame;
            };
            let gap = text[word.end..cursor].trim();
            if gap == "," && cursor != verb.span.start {
                return Subject::NotAFrame;
            }
            if gap == ","
                && cursor == verb.span.start
                && let Some(mention) = actor_covering(view, self.entities, &word)
                && !self.named_before_apposition(view, word.start)
            {
                // A name in apposition to a description: "Its director,
                // Jane Roe, said" (but "Jane Roe, director of Shelter,
                // said" is Jane Roe's).
                return Subject::Actors(self.coordinated(view, mention), NAMED);
            }
            if gap == "," {
                // An apposition: "X, chief executive of Y, said".
                let Some(comma) = text[view.span.start..word.start].rfind(',') else {
                    return Subject::NotAFrame;
                };
                let comma = view.span.start + comma;
                if layout.words_between(comma, word.end) > 15 {
                    return Subject::NotAFrame;
                }
                cursor = comma;
                continue;
            }
            if !gap.is_empty() && !gap.chars().all(|c| matches!(c, '’' | '\'')) {
                return Subject::NotAFrame;
            }
            let word_text = &text[word.clone()];
            let lower = word_text.to_lowercase();
            if let Some(mention) = actor_covering(view, self.entities, &word) {
                return Subject::Actors(self.coordinated(view, mention), NAMED);
            }
            if self.titles.iter().any(|t| t.contains(&word.start)) {
                return named_only(self.publisher(state));
            }
            if self.is_cue(view, &word, Cue::ReportNoun) {
                if let Some(actor) = self.actor_just_before(view, word.start) {
                    return Subject::Actors(vec![actor], NAMED);
                }
                return named_only(self.publisher(state));
            }
            if self.is_cue(view, &word, Cue::Auxiliary) {
                cursor = word.start;
                continue;
            }
            if let Some(subject) = self.pronoun(&lower, view, word.start, state) {
                let first_person = matches!(lower.as_str(), "i" | "we");
                return if first_person {
                    subject
                } else {
                    named_only(subject)
                };
            }
            if BODY_HEADS.contains(&lower.as_str()) {
                if let Some(actor) = self.actor_just_before(view, word.start) {
                    return Subject::Actors(vec![actor], NAMED);
                }
                return named_only(match self.last_body(view, &lower) {
                    Some(actor) => Subject::Actors(vec![actor], DESCRIBED),
                    None => Subject::Unknown,
                });
            }
            // A motion or amendment: "That this House notes …; calls on
            // …" is its mover's, whose turn it is.
            if lower == "house"
                && let Some(speakers) = &state.turn
                && is_motion(&text[view.span.clone()])
            {
                return Subject::Actors(speakers.clone(), DESCRIBED);
            }
            if let Some(person) = self.addressed(view, &word, state) {
                return named_only(Subject::Actors(vec![person], PRONOUN));
            }
            let capitalised = word_text.chars().next().is_some_and(char::is_uppercase);
            let first_word = layout.words().first() == Some(&word);
            if (capitalised && !first_word) || PERSON_HEADS.contains(&lower.as_str()) {
                return named_only(Subject::Unknown);
            }
            return Subject::NotAFrame;
        }
        Subject::NotAFrame
    }

    fn pronoun(
        &self,
        lower: &str,
        view: &SentenceView,
        at: usize,
        state: &State,
    ) -> Option<Subject> {
        let earlier = |kind: ActorKind| {
            view.mentions
                .iter()
                .filter(|m| m.span.end <= at)
                .rev()
                .find(|m| self.entities[m.entity.0].actor_kind == Some(kind))
                .map(|m| m.entity)
        };
        let in_quotation = || {
            let sentence = &self.text[view.span.clone()];
            let offset = at - view.span.start;
            quotation_spans(sentence)
                .iter()
                .any(|q| q.contains(&offset))
        };
        let found = match lower {
            "i" | "we" => state
                .quote
                .clone()
                .filter(|_| state.quote_open)
                .or_else(|| {
                    state
                        .last_quoted
                        .as_ref()
                        .filter(|(_, block)| *block == view.block && in_quotation())
                        .map(|(actors, _)| actors.clone())
                })
                .or_else(|| state.speech.as_ref().map(|(h, _)| h.actors.clone()))
                .or_else(|| state.turn.clone())
                .or_else(|| self.author.map(|a| vec![a])),
            "he" | "she" => earlier(ActorKind::Person)
                .or(state.last_person)
                .map(|p| vec![p]),
            "they" => state.last_plural.clone().or_else(|| {
                earlier(ActorKind::Organisation)
                    .or(state.last_organisation)
                    .map(|o| vec![o])
            }),
            "it" => if state.report_recent {
                state.report_author.or(state.last_organisation)
            } else {
                earlier(ActorKind::Organisation).or(state.last_organisation)
            }
            .map(|o| vec![o]),
            "one" | "you" => return Some(Subject::Unknown),
            _ => return None,
        };
        Some(match found {
            Some(actors) => Subject::Actors(actors, PRONOUN),
            None => Subject::Unknown,
        })
    }

    /// A parliamentary form of address ending at `word` — "my right hon.
    /// Friend", "the hon. Gentleman", "the noble Lord" — names the person
    /// last mentioned in this turn, or else the previous speaker.
    fn addressed(
        &self,
        view: &SentenceView,
        word: &std::ops::Range<usize>,
        state: &State,
    ) -> Option<EntityId> {
        let start = view.span.start.max(word.start.saturating_sub(40));
        let start = (start..=word.start).find(|&i| self.text.is_char_boundary(i))?;
        if !ADDRESS.is_match(&self.text[start..word.end]) {
            return None;
        }
        let speakers = state.turn.clone().unwrap_or_default();
        let from = state
            .turn_start
            .max(view.index.saturating_sub(LOOKBACK))
            .min(view.index);
        let turn_views = &self.views[from..=view.index];
        turn_views
            .iter()
            .rev()
            .flat_map(|v| v.mentions.iter().rev())
            .filter(|m| m.span.end <= word.start)
            .map(|m| m.entity)
            .find(|&e| {
                self.entities[e.0].actor_kind == Some(ActorKind::Person) && !speakers.contains(&e)
            })
            .or_else(|| {
                state
                    .previous_turn
                    .as_ref()
                    .and_then(|p| p.first().copied())
            })
    }

    /// Actors joined to the speaker as one subject: "X and I", "X—and I".
    pub(super) fn joint_subjects(&self, view: &SentenceView, state: &State) -> Vec<EntityId> {
        let mut out = Vec::new();
        for mention in view.mentions {
            if self.entities[mention.entity.0].actor_kind != Some(ActorKind::Person) {
                continue;
            }
            let after = &self.text[mention.span.end..view.span.end];
            if JOINT.is_match(after) {
                out.push(mention.entity);
            }
        }
        for found in ADDRESS_AND_I.captures_iter(&self.text[view.span.clone()]) {
            let address_end = view.span.start + found.get(1).map_or(0, |m| m.end());
            if let Some(word) = view.layout.word_before(address_end)
                && let Some(person) = self.addressed(view, &word, state)
            {
                out.push(person);
            }
        }
        out
    }

    /// Is the apposition that ends at `at` ("…, director of Shelter")
    /// preceded by an actor's name ("Jane Roe, director of Shelter")?
    fn named_before_apposition(&self, view: &SentenceView, at: usize) -> bool {
        let Some(comma) = self.text[view.span.start..at].rfind(',') else {
            return false;
        };
        let comma = view.span.start + comma;
        view.layout
            .word_before(comma)
            .is_some_and(|word| actor_covering(view, self.entities, &word).is_some())
    }

    /// The actor mention (and those coordinated with it) that starts
    /// within a word of `at`: "said Sir Stephen Bubb", "according to X".
    fn actor_after(&self, view: &SentenceView, at: usize) -> Option<Vec<EntityId>> {
        let mention = view
            .mentions
            .iter()
            .find(|m| m.span.start >= at && self.is_actor(m))?;
        (view.layout.words_between(at, mention.span.start) <= 1).then(|| vec![mention.entity])
    }

    /// An actor mention ending at most one word before `at` ("IPPR report",
    /// "Acevo’s report").
    pub(super) fn actor_just_before(&self, view: &SentenceView, at: usize) -> Option<EntityId> {
        view.mentions
            .iter()
            .rev()
            .find(|m| m.span.end <= at && self.is_actor(m))
            .filter(|m| view.layout.words_between(m.span.end, at) <= 1)
            .map(|m| m.entity)
    }

    /// `mention` and the actors coordinated before it: "Owen and Hutton".
    fn coordinated(&self, view: &SentenceView, mention: &Mention) -> Vec<EntityId> {
        let mut actors = vec![mention.entity];
        let mut start = mention.span.start;
        while let Some(previous) = view
            .mentions
            .iter()
            .rev()
            .find(|m| m.span.end <= start && self.is_actor(m))
        {
            let gap = self.text[previous.span.end..start].trim();
            if !matches!(gap, "and" | "," | "&" | ", and") {
                break;
            }
            actors.insert(0, previous.entity);
            start = previous.span.start;
        }
        actors.dedup();
        actors
    }

    /// The organisation mentioned last (here or before) whose name has
    /// `head` in it: "the Commission" → Better Public Services Commission.
    /// A generic head ("the think tank") takes the last organisation.
    fn last_body(&self, view: &SentenceView, head: &str) -> Option<EntityId> {
        let generic = matches!(
            head,
            "tank" | "charity" | "organisation" | "organization" | "body" | "group"
        );
        let upto = view.index.min(self.views.len().saturating_sub(1));
        self.views[upto.saturating_sub(LOOKBACK)..=upto]
            .iter()
            .rev()
            .flat_map(|v| v.mentions.iter().rev())
            .find(|m| {
                let entity = &self.entities[m.entity.0];
                entity.actor_kind == Some(ActorKind::Organisation)
                    && (generic
                        || entity
                            .name
                            .to_lowercase()
                            .split_whitespace()
                            .any(|w| w == head))
            })
            .map(|m| m.entity)
    }
}

impl Attributor<'_> {
    /// Who "the report" or "the proposals" speak for: the publisher last
    /// named, else the document's own author or issuer.
    fn publisher(&self, state: &State) -> Subject {
        match state.report_author.or(self.author) {
            Some(author) => Subject::Actors(vec![author], PUBLICATION),
            None => Subject::Unknown,
        }
    }
}

/// The actor mention that covers `word`, if any.
fn actor_covering<'m>(
    view: &'m SentenceView,
    entities: &[Entity],
    word: &std::ops::Range<usize>,
) -> Option<&'m Mention> {
    view.mentions.iter().find(|m| {
        m.span.start <= word.start
            && m.span.end >= word.end
            && entities[m.entity.0].kind == EntityKind::Actor
    })
}

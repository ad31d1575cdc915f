//! Extract stage: who holds each sentence — whose position it states. In
//! order of precedence:
//!
//! 1. a quotation continued from an earlier sentence or paragraph is its
//!    speaker's ("X said: “… ¶ “…”");
//! 2. a reporting frame names the holder: "X said", "X, chief executive of
//!    Y, said", "…, said X", "according to X", "Owen and Hutton said", a
//!    pronoun ("He argues", "It also calls for", "they want"), a
//!    publication ("the report argues", "the IPPR report", a cited title) or
//!    a body named by its head noun ("the Commission argues"). A frame whose
//!    subject is someone argnet cannot name ("The Minister said") leaves the
//!    sentence to nobody rather than to the wrong actor;
//! 3. a sentence that refers to "the report" or its recommendations is its
//!    publisher's;
//! 4. the items of a list opened by a sentence ending in a colon belong to
//!    that sentence's holder;
//! 5. in a turn opened by a speaker line or comment header, the speaker;
//! 6. in a blog, report or other authored text, the author;
//! 7. in news, the last holder named (carried on, with less confidence).
//!
//! It decides nothing about stance (that is `stance.rs`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::clauses::SentenceView;
use super::codebook::ActorKind;
use super::entity::{Entity, EntityId, EntityKind};
use super::lexicon::{Cue, LexMatch, Lexicon};
use super::mentions::Mention;
use crate::corpus::DocumentKind;

/// How a sentence's holder was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Quote,
    Frame,
    Report,
    List,
    Turn,
    Author,
    Carried,
}

/// The actors whose position a sentence states.
#[derive(Debug, Clone, PartialEq)]
pub struct Holding {
    pub actors: Vec<EntityId>,
    pub confidence: f64,
    pub how: How,
    /// Who holds the words inside quotation marks, when that is someone
    /// else: a publication quoted in an author's own sentence.
    pub quoted: Option<(Vec<EntityId>, f64)>,
}

/// Confidence of each way of finding a holder.
const TURN: f64 = 0.9;
const QUOTE: f64 = 0.9;
const NAMED: f64 = 0.9;
const PRONOUN: f64 = 0.8;
const PUBLICATION: f64 = 0.8;
const DESCRIBED: f64 = 0.75;
const REPORT: f64 = 0.75;
const AUTHOR: f64 = 0.8;
const CARRIED: f64 = 0.65;

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
    Regex::new(r"(?i)\b(?:my|the)\s+(?:right\s+)?(?:hon\.?|noble)\s+(?:and\s+(?:learned|gallant)\s+)?(?:Friend|Gentleman|Lady|Member|Lord|Baroness)\s+and\s+I\b")
        .expect("address-and-I pattern")
});

/// Right after a person's name: joined with the speaker ("Lord Freud—and
/// I have", "Jane Smith and I met").
static JOINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[—–,-]?\s*and\s+I\b").expect("joint subject pattern"));

/// What the attribution of one document needs.
pub struct Attributor<'a> {
    pub text: &'a str,
    pub entities: &'a [Entity],
    pub lexicon: &'a Lexicon,
    pub views: &'a [SentenceView<'a>],
    /// Sentence index → the speakers of the turn it opens.
    pub turns: &'a HashMap<usize, Vec<EntityId>>,
    pub author: Option<EntityId>,
    pub kind: Option<DocumentKind>,
    /// Byte spans of cited titles ("Beyond Beveridge: …"), which speak for
    /// their publisher.
    pub titles: &'a [std::ops::Range<usize>],
}

#[derive(Default)]
struct State {
    turn: Option<Vec<EntityId>>,
    previous_turn: Option<Vec<EntityId>>,
    /// Position of the first sentence of the current turn.
    turn_start: usize,
    quote: Option<Vec<EntityId>>,
    quote_open: bool,
    last_explicit: Option<Holding>,
    last_person: Option<EntityId>,
    last_organisation: Option<EntityId>,
    last_plural: Option<Vec<EntityId>>,
    report_author: Option<EntityId>,
    /// A publication was named after the last organisation ("It" is the
    /// report).
    report_recent: bool,
    /// Holder of a list opened by a colon, and how many blocks it may
    /// still cover.
    list: Option<(Holding, usize)>,
}

/// What the subject of a reporting verb turned out to be.
enum Subject {
    Actors(Vec<EntityId>, f64),
    /// Someone argnet cannot name.
    Unknown,
    /// The verb is no frame ("the challenges identified by …").
    NotAFrame,
}

impl Attributor<'_> {
    /// The holder of every sentence (`None`: nobody argnet can name, or a
    /// speaker line). O(n·k) for n sentences of k words.
    pub fn attribute(&self) -> Vec<Option<Holding>> {
        let mut state = State::default();
        let mut out = Vec::with_capacity(self.views.len());
        for (position, view) in self.views.iter().enumerate() {
            if let Some(speakers) = self.turns.get(&view.index) {
                if state.turn.as_ref() != Some(speakers) {
                    state.previous_turn = state.turn.take();
                }
                state.turn = Some(speakers.clone());
                state.turn_start = position + 1;
                state.quote = None;
                state.quote_open = false;
                state.last_explicit = None;
                state.list = None;
                out.push(None);
                continue;
            }
            let sentence = &self.text[view.span.clone()];
            let new_block = position == 0 || self.views[position - 1].block != view.block;
            let opens_with_quote = sentence.starts_with(['“', '"']);
            if new_block && state.quote_open && !opens_with_quote {
                state.quote_open = false;
                state.quote = None;
            }
            let open_before = state.quote_open;
            let open_after = quote_open_after(sentence, open_before, new_block && open_before);

            let mut frame = None;
            let mut unknown = false;
            for found in &view.cues {
                if !self.lexicon.cues(found).contains(&Cue::Reporting) {
                    continue;
                }
                match self.subject(view, found, &state) {
                    Subject::Actors(actors, confidence) => {
                        frame = Some((actors, confidence));
                        break;
                    }
                    Subject::Unknown => {
                        unknown = true;
                        break;
                    }
                    Subject::NotAFrame => {}
                }
            }

            let holding = if let (true, Some(speakers)) = (open_before, &state.quote) {
                Some(holding(speakers.clone(), QUOTE, How::Quote))
            } else if let Some((actors, confidence)) = frame.clone() {
                Some(holding(actors, confidence, How::Frame))
            } else if unknown {
                None
            } else if let (true, Some(author)) = (self.refers_to_report(view), state.report_author)
            {
                Some(holding(vec![author], REPORT, How::Report))
            } else if let Some((list, _)) = &state.list {
                Some(Holding {
                    how: How::List,
                    ..list.clone()
                })
            } else if let Some(speakers) = &state.turn {
                Some(holding(speakers.clone(), TURN, How::Turn))
            } else if let (Some(author), false) =
                (self.author, self.kind == Some(DocumentKind::News))
            {
                Some(holding(vec![author], AUTHOR, How::Author))
            } else {
                state.last_explicit.as_ref().map(|last| Holding {
                    actors: last.actors.clone(),
                    confidence: last.confidence.min(CARRIED),
                    how: How::Carried,
                    quoted: None,
                })
            };
            let mut holding = holding;
            if let Some(h) = &mut holding {
                if matches!(h.how, How::Turn | How::Author) {
                    // "Lord Freud—and I have held meetings": a joint subject.
                    h.actors.extend(self.joint_subjects(view, &state));
                    h.actors.dedup();
                }
                // An author quoting a publication they discuss: the quoted
                // words are the publisher's.
                if frame.is_none()
                    && !open_before
                    && matches!(h.how, How::Author | How::Carried)
                    && state.report_recent
                    && has_quotation(sentence)
                    && let Some(author) = state.report_author
                    && !h.actors.contains(&author)
                {
                    h.quoted = Some((vec![author], REPORT));
                }
            }

            // Quotation state for the next sentence.
            if open_after && !open_before {
                state.quote = holding.as_ref().map(|h| h.actors.clone());
            }
            state.quote_open = open_after;
            if !open_after {
                state.quote = None;
            }
            // A colon opens a list for the following one-sentence blocks.
            let last_of_block = self
                .views
                .get(position + 1)
                .is_none_or(|n| n.block != view.block);
            let trimmed = sentence.trim_end();
            let opens = trimmed.ends_with(':')
                || (frame.is_some() && trimmed.rsplit(' ').next() == Some("that"));
            if opens && last_of_block {
                state.list = holding.clone().map(|h| (h, 8));
            } else if let Some((_, left)) = &mut state.list {
                let single = new_block && last_of_block;
                if !single || *left == 0 {
                    state.list = None;
                } else {
                    *left -= 1;
                }
            }
            if let Some(h) = &holding
                && matches!(h.how, How::Frame | How::Quote | How::Report)
            {
                state.last_explicit = Some(h.clone());
            }
            self.remember(view, &mut state, frame.map(|(actors, _)| actors));
            out.push(holding);
        }
        out
    }

    /// Resolve the subject of the reporting phrase `verb`.
    fn subject(&self, view: &SentenceView, verb: &LexMatch, state: &State) -> Subject {
        let text = self.text;
        let layout = &view.layout;
        let phrase = self.lexicon.phrase(verb);
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
        if gap.contains([',', '”', '"'])
            && let Some(actors) = self.actor_after(view, verb.span.end)
        {
            return Subject::Actors(actors, NAMED);
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
                return publisher(state);
            }
            if self.is_cue(view, &word, Cue::ReportNoun) {
                if let Some(actor) = self.actor_just_before(view, word.start) {
                    return Subject::Actors(vec![actor], NAMED);
                }
                return publisher(state);
            }
            if self.is_cue(view, &word, Cue::Auxiliary) {
                cursor = word.start;
                continue;
            }
            if let Some(subject) = self.pronoun(&lower, view, word.start, state) {
                return subject;
            }
            if BODY_HEADS.contains(&lower.as_str()) {
                if let Some(actor) = self.actor_just_before(view, word.start) {
                    return Subject::Actors(vec![actor], NAMED);
                }
                return match self.last_body(view, &lower) {
                    Some(actor) => Subject::Actors(vec![actor], DESCRIBED),
                    None => Subject::Unknown,
                };
            }
            if let Some(person) = self.addressed(view, &word, state) {
                return Subject::Actors(vec![person], PRONOUN);
            }
            let capitalised = word_text.chars().next().is_some_and(char::is_uppercase);
            let first_word = layout.words().first() == Some(&word);
            if (capitalised && !first_word) || PERSON_HEADS.contains(&lower.as_str()) {
                return Subject::Unknown;
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
        let found = match lower {
            "i" | "we" => state
                .quote
                .clone()
                .filter(|_| state.quote_open)
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
        let turn_views = &self.views[state.turn_start.min(view.index)..=view.index];
        turn_views
            .iter()
            .rev()
            .flat_map(|v| v.mentions.iter().rev())
            .filter(|m| m.span.end <= word.start || m.span.start > view.span.end)
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
    fn joint_subjects(&self, view: &SentenceView, state: &State) -> Vec<EntityId> {
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
        for found in ADDRESS_AND_I.find_iter(&self.text[view.span.clone()]) {
            let end = view.span.start + found.end();
            let word = view.layout.word_before(end - 5).unwrap_or(0..0);
            if let Some(person) = self.addressed(view, &word, state) {
                out.push(person);
            }
        }
        out
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
    fn actor_just_before(&self, view: &SentenceView, at: usize) -> Option<EntityId> {
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
        self.views[..=upto]
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

    /// Does the sentence refer to a publication by a definite phrase ("the
    /// report", "its recommendations", "our report")?
    fn refers_to_report(&self, view: &SentenceView) -> bool {
        view.cues.iter().any(|found| {
            self.lexicon.cues(found).contains(&Cue::ReportNoun)
                && view.layout.word_before(found.span.start).is_some_and(|w| {
                    matches!(
                        self.text[w].to_lowercase().as_str(),
                        "the" | "its" | "our" | "their" | "this" | "that" | "his" | "her"
                    )
                })
        }) || self.titles.iter().any(|t| view.span.contains(&t.start))
    }

    fn is_cue(&self, view: &SentenceView, word: &std::ops::Range<usize>, cue: Cue) -> bool {
        view.cues.iter().any(|found| {
            found.span.start <= word.start
                && found.span.end >= word.end
                && self.lexicon.cues(found).contains(&cue)
        })
    }

    fn is_actor(&self, mention: &Mention) -> bool {
        self.entities[mention.entity.0].kind == EntityKind::Actor
    }

    /// Update pronoun antecedents and the publisher after a sentence.
    fn remember(&self, view: &SentenceView, state: &mut State, frame: Option<Vec<EntityId>>) {
        // Events in text order: actor mentions and publication nouns.
        let mut events: Vec<(usize, Option<&Mention>)> = view
            .mentions
            .iter()
            .filter(|m| self.is_actor(m))
            .map(|m| (m.span.start, Some(m)))
            .collect();
        for found in &view.cues {
            if self.lexicon.cues(found).contains(&Cue::ReportNoun) {
                events.push((found.span.start, None));
            }
        }
        for title in self.titles.iter().filter(|t| view.span.contains(&t.start)) {
            events.push((title.start, None));
        }
        events.sort_by_key(|(at, _)| *at);
        for (at, event) in events {
            match event {
                Some(mention) => {
                    let entity = &self.entities[mention.entity.0];
                    let written = &self.text[mention.span.clone()];
                    match entity.actor_kind {
                        Some(ActorKind::Person) => state.last_person = Some(mention.entity),
                        _ => {
                            state.last_organisation = Some(mention.entity);
                            state.report_recent = false;
                            if written.ends_with('s') && !written.ends_with("ss") {
                                state.last_plural = Some(vec![mention.entity]);
                            }
                        }
                    }
                }
                None => {
                    // "IPPR report", "report of the Commission", "Acevo
                    // has said in a report".
                    let author = self
                        .actor_just_before(view, at)
                        .or_else(|| self.author_after(view, at))
                        .or_else(|| {
                            frame
                                .as_ref()
                                .and_then(|f| f.first().copied())
                                .filter(|_| self.is_after_frame(view, at))
                        });
                    if let Some(author) = author {
                        state.report_author = Some(author);
                    }
                    state.report_recent = true;
                }
            }
        }
        if let Some(actors) = frame
            && actors.len() > 1
        {
            state.last_plural = Some(actors);
        }
    }

    /// "report of the X", "report by X", "report comes from X".
    fn author_after(&self, view: &SentenceView, at: usize) -> Option<EntityId> {
        let noun_end = view.layout.word_after(at)?.end;
        let mention = view
            .mentions
            .iter()
            .find(|m| m.span.start > noun_end && self.is_actor(m))?;
        let between = self.text[noun_end..mention.span.start].to_lowercase();
        let linked = [" of ", " by ", " from "]
            .iter()
            .any(|l| between.contains(l.trim()))
            && view.layout.words_between(noun_end, mention.span.start) <= 3;
        linked.then_some(mention.entity)
    }

    fn is_after_frame(&self, view: &SentenceView, at: usize) -> bool {
        view.cues
            .iter()
            .any(|c| c.span.end <= at && self.lexicon.cues(c).contains(&Cue::Reporting))
    }
}

fn holding(actors: Vec<EntityId>, confidence: f64, how: How) -> Holding {
    Holding {
        actors,
        confidence,
        how,
        quoted: None,
    }
}

fn publisher(state: &State) -> Subject {
    match state.report_author {
        Some(author) => Subject::Actors(vec![author], PUBLICATION),
        None => Subject::Unknown,
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

/// Does the sentence hold a closed quotation of four words or more?
fn has_quotation(sentence: &str) -> bool {
    quotation_spans(sentence)
        .iter()
        .any(|span| sentence[span.clone()].split_whitespace().count() >= 4)
}

/// Byte ranges (within `sentence`) of the text inside “…” or "…" pairs.
pub fn quotation_spans(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in sentence.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(at + c.len_utf8()),
            ('"', None) => open = Some(at + 1),
            ('”' | '"', Some(start)) => {
                spans.push(start..at);
                open = None;
            }
            _ => {}
        }
    }
    spans
}

/// Is a quotation still open at the end of `sentence`? `open` is the state
/// before it; `continued` skips an opening mark that only repeats an open
/// quotation at the start of a new paragraph.
fn quote_open_after(sentence: &str, open: bool, continued: bool) -> bool {
    let mut open = open;
    let mut chars = sentence.chars();
    if continued {
        chars.next();
    }
    for c in chars {
        match c {
            '“' => open = true,
            '”' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::quote_open_after;

    #[test]
    fn quotation_state_table() {
        let rows = [
            ("Bubb said: “We fail.", false, false, true),
            ("Too often we wait.", true, false, true),
            ("Instead, change.”", true, false, false),
            ("“We believe in it.", true, true, true),
            ("He said \"stop\" and left.", false, false, false),
            ("No quotes here.", false, false, false),
        ];
        for (sentence, open, continued, want) in rows {
            assert_eq!(
                quote_open_after(sentence, open, continued),
                want,
                "{sentence}"
            );
        }
    }
}

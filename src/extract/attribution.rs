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
//! 7. in news, the last holder named, carried on with less confidence for up
//!    to four sentences.
//!
//! Frame subjects are resolved in `frames.rs`, quotation marks in
//! `quotes.rs`. It decides nothing about stance (that is `stance.rs`).

use std::collections::HashMap;

use super::clauses::SentenceView;
use super::codebook::ActorKind;
use super::entity::{Entity, EntityId, EntityKind};
use super::frames::Subject;
use super::lexicon::{Cue, LexMatch, Lexicon, Side};
use super::mentions::Mention;
use super::quotes::{has_quotation, quotation_spans, quote_open_after};
use super::runs;
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
    /// The inferred voice of a release or report (`voice.rs`).
    Issuer,
    Carried,
    /// An actor that is the subject of the clause: "The Labour Government
    /// introduced X", "Most GPs do not want X".
    Subject,
    /// The speaker or author of a sentence that reports someone else's
    /// position: in a speech, "The Government have said they will protect
    /// X" is often the speaker's position too.
    Echo,
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
pub(super) const NAMED: f64 = 0.9;
pub(super) const PRONOUN: f64 = 0.8;
pub(super) const PUBLICATION: f64 = 0.8;
pub(super) const DESCRIBED: f64 = 0.75;
const REPORT: f64 = 0.75;
const AUTHOR: f64 = 0.8;
const CARRIED: f64 = 0.65;
/// Verbs that open an unquoted speech when a colon ends them ("Jane Roe
/// said:").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "commented",
    "comments",
    "stated",
    "explained",
    "continued",
    "told",
    "declared",
    "responded",
    "remarked",
    "warned",
    "argued",
];
/// Sentences a named holder is carried on for in news.
const CARRY_REACH: usize = 4;

/// What the attribution of one document needs.
pub struct Attributor<'a> {
    pub text: &'a str,
    pub entities: &'a [Entity],
    pub lexicon: &'a Lexicon,
    pub views: &'a [SentenceView<'a>],
    /// Sentence index → the speakers of the turn it opens.
    pub turns: &'a HashMap<usize, Vec<EntityId>>,
    pub author: Option<EntityId>,
    /// How the author is known: [`How::Author`] from the manifest or a
    /// byline, [`How::Issuer`] when inferred.
    pub author_how: How,
    /// Who speaks before the first turn of a page that opens mid-speech.
    pub opening: Option<EntityId>,
    pub kind: Option<DocumentKind>,
    /// Byte spans of cited titles ("Beyond Beveridge: …"), which speak for
    /// their publisher.
    pub titles: &'a [std::ops::Range<usize>],
}

#[derive(Default)]
pub(super) struct State {
    pub(super) turn: Option<Vec<EntityId>>,
    pub(super) previous_turn: Option<Vec<EntityId>>,
    /// Position of the first sentence of the current turn.
    pub(super) turn_start: usize,
    pub(super) quote: Option<Vec<EntityId>>,
    pub(super) quote_open: bool,
    pub(super) last_explicit: Option<Holding>,
    /// Position of the sentence `last_explicit` was found in.
    pub(super) explicit_at: usize,
    pub(super) last_person: Option<EntityId>,
    pub(super) last_organisation: Option<EntityId>,
    pub(super) last_plural: Option<Vec<EntityId>>,
    pub(super) report_author: Option<EntityId>,
    /// The author of the last publication named by each noun ("report",
    /// "paper"): "the report" goes back to the last report, not to a
    /// "House of Commons Paper" named since.
    pub(super) report_authors: HashMap<String, EntityId>,
    /// A publication was named after the last organisation ("It" is the
    /// report).
    pub(super) report_recent: bool,
    /// Holder of a list opened by a colon, and how many blocks it may
    /// still cover.
    /// The third field: a list of findings ("The main conclusions were as
    /// follows:"), whose items may run to several sentences.
    pub(super) list: Option<(Holding, usize, bool)>,
    /// The speaker of an unquoted speech opened by "X said:" (a press
    /// release's block quote), and the block it started in.
    pub(super) speech: Option<(Holding, Option<usize>)>,
    /// Who spoke the last quotation someone was named for, and its block:
    /// "“…,” said X. “We oppose …”" — the second "we" is X's.
    pub(super) last_quoted: Option<(Vec<EntityId>, usize)>,
}

impl Attributor<'_> {
    /// The holder of every sentence (`None`: nobody argnet can name, or a
    /// speaker line). O(n·k) for n sentences of k words.
    pub fn attribute(&self) -> Vec<Option<Holding>> {
        let mut state = State {
            turn: self.opening.map(|speaker| vec![speaker]),
            ..State::default()
        };
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
                state.speech = None;
                state.last_quoted = None;
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
            // A heading ("Notes to editors") ends a list of findings.
            if new_block && state.list.as_ref().is_some_and(|l| l.2) && self.is_heading(position) {
                state.list = None;
            }
            // An unquoted speech after "X said:" runs through its first
            // block and on through blocks that still speak as "I"/"we".
            if new_block && let Some((_, first)) = &mut state.speech {
                match first {
                    None => *first = Some(view.block),
                    Some(_) if !self.speech_goes_on(position) && !opens_with_quote => {
                        state.speech = None;
                    }
                    Some(_) => {}
                }
            }
            let open_before = state.quote_open;
            let open_after = quote_open_after(sentence, open_before, new_block && open_before);

            let mut frame = None;
            let mut unknown = false;
            // Frames outside quotation marks first: in "“…we want…,” said
            // X" the sentence is X's; the "we" inside is X's too.
            let quoted = quotation_spans(sentence);
            let inside = |found: &&LexMatch| {
                let at = found.span.start - view.span.start;
                quoted.iter().any(|q| q.contains(&at))
            };
            let frames_in_order = view
                .cues
                .iter()
                .filter(|c| !inside(c))
                .chain(view.cues.iter().filter(inside));
            for found in frames_in_order {
                // A frame inside an aside ("—which the Conservatives voted
                // against—") does not speak for the sentence.
                if !self.is_frame_verb(found)
                    || view.layout.in_aside(found.span.start)
                    || self.is_parenthetical(view, found)
                {
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

            let publication = self.refers_to_report(view);
            let holding = if let (true, Some(speakers)) = (open_before, &state.quote) {
                Some(holding(speakers.clone(), QUOTE, How::Quote))
            } else if let Some((actors, confidence)) = frame.clone() {
                Some(holding(actors, confidence, How::Frame))
            } else if unknown {
                None
            } else if let Some((speech, _)) = &state.speech {
                Some(Holding {
                    how: How::Quote,
                    ..speech.clone()
                })
            } else if let Some(noun) = publication.clone()
                && let Some(author) = match noun {
                    // "our report" is the text's own: its author, or nobody.
                    Some(n) if n.starts_with("our ") => self.author,
                    Some(n) => state
                        .report_authors
                        .get(&n)
                        .copied()
                        .or(state.report_author),
                    None => state.report_author,
                }
            {
                Some(holding(vec![author], REPORT, How::Report))
            } else if let Some((list, _, _)) = &state.list {
                Some(Holding {
                    how: How::List,
                    ..list.clone()
                })
            } else if let Some(speakers) = &state.turn {
                Some(holding(speakers.clone(), TURN, How::Turn))
            } else if let (Some(author), false) =
                (self.author, self.kind == Some(DocumentKind::News))
            {
                Some(holding(vec![author], AUTHOR, self.author_how))
            } else {
                // Carried on unless the sentence reports someone else,
                // unnamed: "Industry voices welcomed it", "Critics say…"
                // after "…, said Jane Roe" are not hers.
                let own_publication = publication
                    .as_ref()
                    .is_some_and(|n| n.as_ref().is_some_and(|n| n.starts_with("our ")));
                let still_speaking =
                    opens_with_quote || !(self.unnamed_frame(view, &quoted) || own_publication);
                state
                    .last_explicit
                    .as_ref()
                    .filter(|_| still_speaking && position - state.explicit_at <= CARRY_REACH)
                    .map(|last| Holding {
                        actors: last.actors.clone(),
                        confidence: last.confidence.min(CARRIED),
                        how: How::Carried,
                        quoted: None,
                    })
            };
            let mut holding = holding;
            if let Some(h) = &mut holding {
                // "We welcome X" inside someone's speech is the speech.
                let speaking = state.speech.as_ref().map(|(s, _)| &s.actors);
                if h.how == How::Frame && speaking == Some(&h.actors) {
                    h.how = How::Quote;
                }
                let first_person = state.turn.as_ref() == Some(&h.actors)
                    || (self.author.is_some()
                        && h.actors == self.author.into_iter().collect::<Vec<_>>());
                if first_person {
                    // "Lord Freud—and I have held meetings": a joint subject.
                    h.actors.extend(self.joint_subjects(view, &state));
                    h.actors.dedup();
                }
                // An author quoting a publication they discuss: the quoted
                // words are the publisher's.
                if frame.is_none()
                    && !open_before
                    && matches!(h.how, How::Author | How::Issuer | How::Carried)
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
            let speech_opener = frame.is_some()
                && last_of_block
                && trimmed.strip_suffix(':').is_some_and(|t| {
                    let verb = t.rsplit(' ').next().unwrap_or("");
                    SPEECH_VERBS.contains(&verb.to_lowercase().as_str())
                });
            if speech_opener {
                state.speech = holding.clone().map(|h| (h, None));
                state.list = None;
            } else if opens && last_of_block {
                let findings = runs::opens_findings(trimmed);
                state.list = holding.clone().map(|h| (h, 8, findings));
            } else if let Some((_, left, findings)) = &mut state.list {
                let single = new_block && last_of_block;
                if *findings {
                    // A findings list runs through whole blocks.
                    if new_block {
                        match left.checked_sub(1) {
                            Some(l) => *left = l,
                            None => state.list = None,
                        }
                    }
                } else if !single || *left == 0 {
                    state.list = None;
                } else {
                    *left -= 1;
                }
            }
            if let Some(h) = &holding
                && matches!(h.how, How::Frame | How::Quote)
                && has_quotation(sentence)
            {
                state.last_quoted = Some((h.actors.clone(), view.block));
            }
            if let Some(h) = &holding
                && matches!(h.how, How::Frame | How::Quote | How::Report)
            {
                state.last_explicit = Some(h.clone());
                state.explicit_at = position;
            }
            // "We found that…" that nobody could be given: the text now
            // speaks in its own unnamed voice, and what follows is not the
            // last third party's.
            if holding.is_none() && !open_after && self.first_person(view) {
                state.last_explicit = None;
            }
            self.remember(view, &mut state, frame.map(|(actors, _)| actors));
            // A turn of the chair, or of a speaker argnet cannot name,
            // holds nothing.
            out.push(holding.filter(|h| !h.actors.is_empty()));
        }
        out
    }

    /// "as they say", "as the Minister said": a frame after "as" is an
    /// aside, not the sentence's holder.
    fn is_parenthetical(&self, view: &SentenceView, verb: &LexMatch) -> bool {
        let layout = &view.layout;
        let Some(mut subject) = layout.word_before(verb.span.start) else {
            return false;
        };
        // "as the Secretary of State has stated": over auxiliaries, and to
        // the start of a name.
        for _ in 0..2 {
            let auxiliary = matches!(
                self.text[subject.clone()].to_lowercase().as_str(),
                "has" | "have" | "had" | "is" | "was" | "did" | "does" | "will" | "would"
            );
            match layout.word_before(subject.start) {
                Some(w) if auxiliary => subject = w,
                _ => break,
            }
        }
        if let Some(name) = view
            .mentions
            .iter()
            .find(|m| m.span.start <= subject.start && subject.end <= m.span.end)
            && let Some(first) = layout.words().iter().find(|w| w.start >= name.span.start)
        {
            subject = first.clone();
        }
        let before = layout.word_before(subject.start);
        let two_before = before.as_ref().and_then(|w| layout.word_before(w.start));
        [before, two_before]
            .into_iter()
            .flatten()
            .any(|w| self.text[w].eq_ignore_ascii_case("as"))
    }

    /// Does the sentence speak in the first person ("I", "we", "our")?
    pub(super) fn first_person(&self, view: &SentenceView) -> bool {
        view.layout.words().iter().any(|w| {
            matches!(
                self.text[w.clone()].to_lowercase().as_str(),
                "i" | "we" | "our" | "my" | "us" | "me" | "ours"
            )
        })
    }

    /// A reporting verb outside quotation marks whose subject is not a
    /// pronoun: the sentence reports a holder the codebook does not name
    /// ("Industry voices broadly welcomed…", "The committee concluded…").
    /// `quoted` are the sentence's quotation spans, relative to it.
    pub(super) fn unnamed_frame(
        &self,
        view: &SentenceView,
        quoted: &[std::ops::Range<usize>],
    ) -> bool {
        view.cues.iter().any(|found| {
            let at = found.span.start - view.span.start;
            self.lexicon.cues(found).contains(&Cue::Reporting)
                && !quoted.iter().any(|q| q.contains(&at))
                && view.layout.word_before(found.span.start).is_some_and(|w| {
                    !matches!(
                        self.text[w].to_lowercase().as_str(),
                        "he" | "she" | "they" | "we" | "i" | "it" | "who" | "also"
                    )
                })
        })
    }

    /// Whose voice each sentence is in, whatever it reports: the speaker of
    /// its turn, else the author (`None` for speaker lines and anonymous
    /// text). A citation made while reporting someone is still the
    /// speaker's.
    pub fn voices(&self) -> Vec<Option<Holding>> {
        let mut turn: Option<Vec<EntityId>> = self.opening.map(|speaker| vec![speaker]);
        self.views
            .iter()
            .map(|view| {
                if let Some(speakers) = self.turns.get(&view.index) {
                    turn = Some(speakers.clone());
                    return None;
                }
                match &turn {
                    Some(speakers) => Some(holding(speakers.clone(), TURN, How::Turn)),
                    None => self
                        .author
                        .map(|a| holding(vec![a], AUTHOR, self.author_how)),
                }
            })
            .collect()
    }

    /// A reporting verb, or a stance verb that states its subject's
    /// position ("X welcomes", "X calls for", "X is committed to").
    fn is_frame_verb(&self, found: &LexMatch) -> bool {
        self.lexicon.cues(found).iter().any(|cue| {
            matches!(
                cue,
                Cue::Reporting
                    | Cue::Stance {
                        side: Side::Before | Side::Complement,
                        ..
                    }
            )
        })
    }

    pub(super) fn is_cue(
        &self,
        view: &SentenceView,
        word: &std::ops::Range<usize>,
        cue: Cue,
    ) -> bool {
        view.cues.iter().any(|found| {
            found.span.start <= word.start
                && found.span.end >= word.end
                && self.lexicon.cues(found).contains(&cue)
        })
    }

    pub(super) fn is_actor(&self, mention: &Mention) -> bool {
        self.entities[mention.entity.0].kind == EntityKind::Actor
    }

    /// Update pronoun antecedents and the publisher after a sentence.
    fn remember(&self, view: &SentenceView, state: &mut State, frame: Option<Vec<EntityId>>) {
        // Events in text order: actor mentions and publication nouns.
        // Publication nouns carry where they end ("interim report").
        let mut events: Vec<(usize, Option<&Mention>, usize, Option<String>)> = view
            .mentions
            .iter()
            .filter(|m| self.is_actor(m))
            .map(|m| (m.span.start, Some(m), m.span.end, None))
            .collect();
        for found in &view.cues {
            if self.lexicon.cues(found).contains(&Cue::ReportNoun) {
                events.push((
                    found.span.start,
                    None,
                    found.span.end,
                    Some(self.publication_noun(found)),
                ));
            }
        }
        for title in self.titles.iter().filter(|t| view.span.contains(&t.start)) {
            events.push((title.start, None, title.end, None));
        }
        events.sort_by_key(|(at, ..)| *at);
        for (at, event, end, noun) in events {
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
                        .or_else(|| self.author_after(view, end))
                        .or_else(|| {
                            frame
                                .as_ref()
                                .and_then(|f| f.first().copied())
                                .filter(|_| self.is_after_frame(view, at))
                        });
                    if let Some(author) = author {
                        state.report_author = Some(author);
                        if let Some(noun) = noun {
                            state.report_authors.insert(noun, author);
                        }
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
}

fn holding(actors: Vec<EntityId>, confidence: f64, how: How) -> Holding {
    Holding {
        actors,
        confidence,
        how,
        quoted: None,
    }
}

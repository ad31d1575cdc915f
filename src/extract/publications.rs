//! Extract stage, part of attribution: publications. Which report a
//! definite phrase ("the report", "its recommendations", "our report")
//! refers to, the head noun by which later phrases find it again, and the
//! author a phrase names after it ("report of the Commission", "report
//! published by Shelter").

use super::attribution::Attributor;
use super::clauses::SentenceView;
use super::entity::EntityId;
use super::lexicon::{Cue, LexMatch};

impl Attributor<'_> {
    /// Does the sentence refer to a publication by a definite phrase ("the
    /// report", "its recommendations", "our report")? `Some(Some(noun))`
    /// gives the phrase's noun ("our report" for the text's own),
    /// `Some(None)` is a cited title.
    pub(super) fn refers_to_report(&self, view: &SentenceView) -> Option<Option<String>> {
        let definite = view.cues.iter().find(|found| {
            self.lexicon.cues(found).contains(&Cue::ReportNoun)
                && view.layout.word_before(found.span.start).is_some_and(|w| {
                    matches!(
                        self.text[w].to_lowercase().as_str(),
                        "the" | "its" | "our" | "their" | "this" | "that" | "his" | "her"
                    )
                })
        });
        match definite {
            Some(found) => {
                let noun = self.publication_noun(found);
                let ours = view
                    .layout
                    .word_before(found.span.start)
                    .is_some_and(|w| self.text[w].eq_ignore_ascii_case("our"));
                Some(Some(if ours { format!("our {noun}") } else { noun }))
            }
            None => self
                .titles
                .iter()
                .any(|t| view.span.contains(&t.start))
                .then_some(None),
        }
    }

    /// The head noun of a publication phrase, singular: "interim report",
    /// "Reports" → "report".
    pub(super) fn publication_noun(&self, found: &LexMatch) -> String {
        let last = self.text[found.span.clone()]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        last.strip_suffix('s')
            .filter(|_| last.len() > 3)
            .unwrap_or(&last)
            .to_owned()
    }

    /// "report of the X", "report by X", "report from X", "report
    /// published by X".
    pub(super) fn author_after(&self, view: &SentenceView, noun_end: usize) -> Option<EntityId> {
        let mention = view
            .mentions
            .iter()
            .find(|m| m.span.start > noun_end && self.is_actor(m))?;
        // "report of the Commission", "report by IPPR", "report published
        // by Shelter"; not "Report of Session 2004-05, House of Commons
        // Paper": the link word comes right before the name (or "the").
        let between = self.text[noun_end..mention.span.start].to_lowercase();
        let mut words: Vec<&str> = between.split_whitespace().collect();
        if words.last() == Some(&"the") {
            words.pop();
        }
        let linked = match words.as_slice() {
            [link] => matches!(*link, "of" | "by" | "from"),
            [participle, link] => participle.ends_with("ed") && matches!(*link, "by" | "for"),
            _ => false,
        };
        linked.then_some(mention.entity)
    }

    pub(super) fn is_after_frame(&self, view: &SentenceView, at: usize) -> bool {
        view.cues
            .iter()
            .any(|c| c.span.end <= at && self.lexicon.cues(c).contains(&Cue::Reporting))
    }
}

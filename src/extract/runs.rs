//! Extract stage, part of attribution: how far a holder's run of blocks
//! goes — an unquoted speech after "X said:" (across blocks that speak as
//! "I"/"we", and short gaps between them) and a list of findings ("The
//! main conclusions were as follows:", until a heading). `attribution.rs`
//! keeps the state; this file answers its questions about the blocks
//! ahead. No stance.

use super::attribution::Attributor;
use super::clauses::SentenceView;
use super::quotes::quotation_spans;

/// Does a line ending in a colon open a list of findings ("The main
/// conclusions were as follows:", "The report recommends the
/// following:")?
pub(super) fn opens_findings(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "as follows",
        "the following",
        "conclusion",
        "recommendation",
        "finding",
        "recommend",
        "concluded",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Blocks without "I"/"we" that an unquoted speech after "X said:" may run
/// across to a block that speaks as "I"/"we" again.
const SPEECH_GAP: usize = 3;

impl Attributor<'_> {
    /// Is the block that starts at `position` a heading: one short
    /// sentence without a full stop ("Notes to editors", "Background")?
    pub(super) fn is_heading(&self, position: usize) -> bool {
        let view = &self.views[position];
        let alone = self
            .views
            .get(position + 1)
            .is_none_or(|next| next.block != view.block);
        let line = self.text[view.span.clone()].trim();
        alone
            && line.split_whitespace().count() <= 8
            && !line.ends_with(['.', '!', '?', ':', '”', '"'])
    }

    /// Does an unquoted speech after "X said:" go on through the block
    /// that starts at `position`? It does while blocks speak as "I"/"we",
    /// and across up to [`SPEECH_GAP`] blocks that do not ("These changes
    /// mean …") when one after them does again before anything opens
    /// another voice: a speaker line, a block ending in a colon, a
    /// reporting verb outside quotation marks.
    pub(super) fn speech_goes_on(&self, position: usize) -> bool {
        let mut at = position;
        for _ in 0..=SPEECH_GAP {
            let Some(view) = self.views.get(at) else {
                return false;
            };
            if self.turns.contains_key(&view.index) {
                return false;
            }
            let block: Vec<&SentenceView> = self.views[at..]
                .iter()
                .take_while(|v| v.block == view.block)
                .collect();
            let voiced = block.iter().any(|v| {
                let sentence = &self.text[v.span.clone()];
                let quoted = quotation_spans(sentence);
                sentence.trim_end().ends_with(':') || self.unnamed_frame(v, &quoted)
            });
            if voiced {
                return false;
            }
            if block.iter().any(|v| self.first_person(v)) {
                return true;
            }
            at += block.len();
        }
        false
    }
}

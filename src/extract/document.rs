//! Extract stage: the passes over one document, in order (see
//! [`extract_document`]). The rules live in the files this one calls; here
//! they are only run in sequence and their results gathered. No IO.

use super::actors::ActorIndex;
use super::attribution::How;
use super::citations::{self, LocalCitation};
use super::discovered;
use super::discovery::DocumentDiscovery;
use super::entity::Entity;
use super::holders;
use super::lexicon::Lexicon;
use super::mentions::{Mention, MentionMatcher};
use super::statements;
use super::units::{self, Units};
use super::voice::DocumentVoice;
use super::{Affiliation, CoOccurrence, Holder, Quote, Statement, affiliations};
use crate::corpus::Document;

/// What one document yields before sources are numbered across the corpus.
#[derive(Debug, Clone, Default)]
pub struct DocumentFindings {
    /// Names of concepts discovered here; in `mentions` and `statements`
    /// they are numbered from the number of shared entities on.
    pub concepts: Vec<String>,
    pub mentions: Vec<Mention>,
    pub cooccurrences: Vec<CoOccurrence>,
    pub statements: Vec<Statement>,
    pub affiliations: Vec<Affiliation>,
    pub citations: Vec<LocalCitation>,
    pub quotes: Vec<Quote>,
    /// Who holds each unit (`None`: nobody argnet can name, or a label).
    pub holders: Vec<Option<Holder>>,
    /// The inferred voice of a release or report.
    pub voice: Option<DocumentVoice>,
}

/// The shared, read-only inputs of per-document extraction.
pub struct Shared<'a> {
    pub entities: &'a [Entity],
    pub actors: &'a ActorIndex,
    pub matcher: &'a MentionMatcher,
    pub lexicon: &'a Lexicon,
    /// Discover concepts the codebook lacks.
    pub discover: bool,
}

/// Extract from one document: its units are `document.sentences` (the
/// corpus sentences cut at speaker labels). The passes, in order:
///
/// 1. units (`segments.rs`, run in discovery);
/// 2. mentions, cues and clause layouts (`units.rs`);
/// 3. holders (`holders.rs`);
/// 4. discovered concepts (`discovered.rs`);
/// 5. candidate statements, stance and confidence (`statements.rs`);
/// 6. quotes, affiliations and citations.
///
/// Mentions come before holders because a frame's holder is an actor the
/// unit names.
pub fn extract_document(
    document: &Document,
    found: &DocumentDiscovery,
    shared: &Shared,
) -> DocumentFindings {
    let text = document.text.as_str();
    let entities = shared.entities;
    let units = Units::read(document, shared);
    let views = units.views(&units.mentions);
    let holders = holders::find(document, found, shared, &views);
    let discovered = discovered::discover(
        text,
        &views,
        &units.mentions,
        &holders,
        entities,
        shared.discover,
    );
    let stance_views = (!discovered.is_empty()).then(|| units.views(&discovered.mentions));
    let mut statements = statements::collect(
        text,
        &views,
        stance_views.as_deref().unwrap_or(&views),
        &holders,
        entities,
        &discovered.entities,
        shared.lexicon,
    );
    drop(stance_views);

    let mut affiliations = Vec::new();
    let mut quotes = Vec::new();
    for (view, holding) in views.iter().zip(&holders.holdings) {
        if let Some(holding) = holding {
            let quoted = holding.how == How::Quote
                || (holding.how == How::Frame && text[view.span.clone()].contains(['“', '"']));
            if quoted {
                quotes.extend(holding.actors.iter().map(|&actor| Quote {
                    actor,
                    sentence: view.index,
                }));
            }
        }
        affiliations.extend(affiliations::in_sentence(
            text,
            entities,
            view,
            holding.as_ref(),
        ));
    }
    affiliations.extend(affiliations::of_speakers(found, shared.actors, entities));
    let citations = citations::cite(
        text,
        shared.lexicon,
        &views,
        &holders.holdings,
        &holders.voices,
        &holders.titles,
    );
    let cooccurrences = units::cooccurrences(&units.mentions, entities);
    let (concepts, mentions) = discovered.keep_argued(&mut statements, units.mentions.clone());
    let holders_out = holders
        .holdings
        .into_iter()
        .map(|h| {
            h.map(|h| Holder {
                actors: h.actors,
                how: h.how,
                confidence: h.confidence,
            })
        })
        .collect();
    DocumentFindings {
        concepts,
        mentions,
        cooccurrences,
        statements,
        affiliations,
        citations,
        quotes,
        holders: holders_out,
        voice: holders.voice,
    }
}

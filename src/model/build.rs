//! Model stage: turn a [`Corpus`] and its [`Extraction`] into an
//! [`ArgGraph`]. Every edge made here carries the sentence it came from.
//! Nodes are created on first use, so the node order follows the corpus.

use petgraph::graph::NodeIndex;

use super::graph::{ArgGraph, DocumentRecord, Inferred};
use super::node::{Evidence, Node, NodeKind, Relation};
use crate::corpus::{Corpus, Document};
use std::collections::HashMap;

use super::claims::Side;
use crate::extract::{
    DocumentExtraction, Entity, EntityId, EntityKind, Extraction, Genre, Inner, Origin, Stance,
    inside, proposition,
};

/// For the statements of a sentence joined by a connective ("X, but Y"),
/// the side of the connective their concept is named on — only where one
/// actor's statements of that sentence fall on both sides. Keyed by
/// (sentence, actor, concept). O(m + s) for m mentions and s statements.
fn sentence_parts(
    document: &Document,
    found: &DocumentExtraction,
) -> HashMap<(usize, EntityId, EntityId), (Side, Inner)> {
    let mut first: HashMap<(usize, EntityId), usize> = HashMap::new();
    for mention in &found.mentions {
        first
            .entry((mention.sentence, mention.entity))
            .or_insert(mention.span.start);
    }
    let mut sides: HashMap<(usize, EntityId), Vec<(EntityId, Side)>> = HashMap::new();
    let mut inners: HashMap<usize, Option<Inner>> = HashMap::new();
    for statement in &found.statements {
        let sentence = &found.sentences[statement.sentence];
        let inner = inners
            .entry(statement.sentence)
            .or_insert_with(|| inside(document.sentence_text(sentence)));
        let (Some(inner), Some(&at)) = (
            inner.as_ref(),
            first.get(&(statement.sentence, statement.concept)),
        ) else {
            continue;
        };
        let offset = at.saturating_sub(sentence.span.start);
        let side = if offset < inner.span.start {
            Side::Before
        } else if offset >= inner.span.end {
            Side::After
        } else {
            continue;
        };
        sides
            .entry((statement.sentence, statement.actor))
            .or_default()
            .push((statement.concept, side));
    }
    let mut out = HashMap::new();
    for ((sentence, actor), found_sides) in sides {
        let both = found_sides.iter().any(|(_, s)| *s == Side::Before)
            && found_sides.iter().any(|(_, s)| *s == Side::After);
        if !both {
            continue;
        }
        let Some(Some(inner)) = inners.get(&sentence) else {
            continue;
        };
        for (concept, side) in found_sides {
            out.insert((sentence, actor, concept), (side, inner.clone()));
        }
    }
    out
}

/// Build the graph named `name` from a corpus and what was extracted from it.
pub fn build_graph(name: &str, corpus: &Corpus, extraction: &Extraction) -> ArgGraph {
    let mut graph = ArgGraph::new(name);
    let mut entity_nodes: Vec<Option<NodeIndex>> = vec![None; extraction.entities.len()];
    let mut claims = super::claims::Claims::default();

    for (document, found) in corpus.documents.iter().zip(&extraction.documents) {
        let mut record = record(document);
        record.inferred = inferred(found, &extraction.entities);
        graph.documents.push(record);
        let mut node = Node::new(NodeKind::Document, &document.id);
        node.label = document
            .meta
            .title
            .clone()
            .unwrap_or_else(|| document.id.clone());
        node.documents.insert(document.id.clone());
        graph.add_node(node);
    }

    for (document, found) in corpus.documents.iter().zip(&extraction.documents) {
        let document_node = graph
            .node_index(&super::node::node_key(NodeKind::Document, &document.id))
            .expect("document node was added above");
        let mut node_of = |graph: &mut ArgGraph, id: EntityId| {
            *entity_nodes[id.0]
                .get_or_insert_with(|| graph.add_node(entity_node(&extraction.entities[id.0])))
        };
        let evidence = |sentence: usize, confidence: f64| Evidence {
            document: document.id.clone(),
            span: found.sentences[sentence].span.clone(),
            text: document
                .sentence_text(&found.sentences[sentence])
                .to_owned(),
            confidence,
            basis: None,
        };

        for mention in &found.mentions {
            let target = node_of(&mut graph, mention.entity);
            let node = graph.node_mut(target);
            node.mentions += 1;
            node.aliases
                .insert(document.text[mention.span.clone()].to_owned());
            node.documents.insert(document.id.clone());
            graph.add_occurrence(
                document_node,
                target,
                Relation::Mentions,
                Some(evidence(mention.sentence, 1.0)),
            );
        }
        for pair in &found.cooccurrences {
            let first = node_of(&mut graph, pair.first);
            let second = node_of(&mut graph, pair.second);
            graph.add_occurrence(
                first,
                second,
                Relation::CoOccurs,
                Some(evidence(pair.sentence, 1.0)),
            );
        }
        // "X, but Y": when one actor's statements of a sentence fall on
        // both sides of a joining connective, each side is a claim of its
        // own (`connectives::inside`).
        let parts = sentence_parts(document, found);
        for statement in &found.statements {
            let actor = node_of(&mut graph, statement.actor);
            // A holder the text never names (a release's issuer) still
            // belongs to the document.
            graph.node_mut(actor).documents.insert(document.id.clone());
            let concept = node_of(&mut graph, statement.concept);
            let relation = match statement.stance {
                Stance::Support => Relation::Supports,
                Stance::Critique => Relation::Critiques,
            };
            let said = Evidence {
                basis: Some(statement.basis.key()),
                ..evidence(statement.sentence, statement.confidence)
            };
            graph.add_occurrence(actor, concept, relation, Some(said.clone()));
            let part = parts.get(&(statement.sentence, statement.actor, statement.concept));
            let text = match part {
                Some((Side::Before, inner)) => proposition(&said.text[..inner.span.start]),
                Some((Side::After, inner)) => proposition(&said.text[inner.span.end..]),
                None => proposition(&said.text),
            };
            claims.add_part(
                &mut graph,
                statement.sentence,
                actor,
                concept,
                relation,
                &text,
                said,
                part.map(|(side, inner)| (*side, inner.link, inner.words.as_str())),
            );
        }
        claims.finish_document(&mut graph);
        for citation in &found.citations {
            let source = match citation.citing {
                Some(actor) => node_of(&mut graph, actor),
                None => document_node,
            };
            let cited = node_of(&mut graph, citation.source);
            graph.node_mut(cited).documents.insert(document.id.clone());
            graph.add_occurrence(
                source,
                cited,
                Relation::Cites,
                Some(evidence(citation.sentence, citation.confidence)),
            );
        }
        for affiliation in &found.affiliations {
            let person = node_of(&mut graph, affiliation.person);
            let organisation = node_of(&mut graph, affiliation.organisation);
            graph.add_occurrence(
                person,
                organisation,
                Relation::AffiliatedWith,
                Some(evidence(affiliation.sentence, affiliation.confidence)),
            );
        }
        for quote in &found.quotes {
            let actor = node_of(&mut graph, quote.actor);
            graph.add_occurrence(
                document_node,
                actor,
                Relation::Quotes,
                Some(evidence(quote.sentence, 1.0)),
            );
        }
    }
    graph
}

fn record(document: &Document) -> DocumentRecord {
    DocumentRecord {
        id: document.id.clone(),
        file: document.path.to_string_lossy().replace('\\', "/"),
        meta: document.meta.clone(),
        sha256: document.sha256.clone(),
        bytes: document.bytes,
        encoding: document.encoding,
        content: document.content.clone(),
        sentences: document.sentences.len(),
        pages: document.pages.clone(),
        inferred: None,
    }
}

/// The kind and voice extraction inferred for a document, if any.
fn inferred(found: &DocumentExtraction, entities: &[Entity]) -> Option<Inferred> {
    if let Some(voice) = &found.voice {
        let kind = match voice.genre {
            Genre::Release => "release",
            Genre::Report => "report",
            Genre::Speech => "speech",
        };
        return Some(Inferred {
            kind: kind.to_owned(),
            voice: Some(entities[voice.actor.0].name.clone()),
        });
    }
    found.transcript.then(|| Inferred {
        kind: "transcript".to_owned(),
        voice: None,
    })
}

fn entity_node(entity: &Entity) -> Node {
    let kind = match entity.kind {
        EntityKind::Actor => NodeKind::Actor,
        EntityKind::Concept => NodeKind::Concept,
        EntityKind::Source => NodeKind::Source,
    };
    let mut node = Node::new(kind, &entity.name);
    node.subkind = entity
        .actor_kind
        .map(|k| k.as_str().to_owned())
        .or_else(|| entity.source_kind.map(|k| k.as_str().to_owned()));
    if let Some(affiliation) = &entity.affiliation {
        node.attributes
            .insert("affiliation".into(), affiliation.clone().into());
    }
    if entity.origin == Origin::Discovered && entity.kind != EntityKind::Source {
        node.attributes
            .insert("discovered".into(), serde_json::Value::Bool(true));
    }
    // The codebook's other names, so that a node the texts never name
    // (a release's issuer) can still be matched to hand coding.
    if entity.origin == Origin::Codebook && !entity.aliases.is_empty() {
        node.attributes
            .insert("codebook_aliases".into(), entity.aliases.to_vec().into());
    }
    node
}

//! Model stage: turn hand-coded statements ([`CodedCorpus`]: a statement
//! table or a DNA database) into an [`ArgGraph`] of the same shape
//! `argnet build` writes — document nodes, actor and concept nodes,
//! `supports` / `critiques` edges whose evidence is the coded passage, and
//! `affiliated_with` edges from persons to the organisations they speak
//! for — so that every analysis, diagram and export works on it.

use std::collections::HashSet;

use super::graph::{ArgGraph, DocumentRecord};
use super::node::{Evidence, Node, NodeKind, Relation, node_key};
use crate::corpus::coded::{CodedCorpus, CodedStance, Evidence as CodedEvidence};
use crate::corpus::{DocumentMeta, Encoding};

/// The evidence basis of a hand-coded statement.
pub const CODED_BASIS: &str = "coded";

/// Build the graph named `name` from hand-coded statements. Every
/// statement is one occurrence of its stance edge (weight = number of
/// statements) with confidence 1; its evidence is the coded passage (DNA:
/// the span of the document's text; a table: its text column, else no
/// text). Actors that speak for an organisation are persons, the
/// organisations organisations; entity attributes become node attributes.
///
/// ```
/// use argnet::corpus::coded::{CodedCorpus, CodedDocument, CodedStance, CodedStatement, Evidence};
/// use argnet::model::graph_from_coded;
/// let corpus = CodedCorpus {
///     documents: vec![CodedDocument { id: "d1".into(), ..Default::default() }],
///     statements: vec![CodedStatement {
///         actor: "A".into(), actor_is_person: None, concept: "X".into(), stance: CodedStance::Critique,
///         document: 0, evidence: Evidence::None, origin: "line 2".into(),
///     }],
///     ..Default::default()
/// };
/// let graph = graph_from_coded("g", &corpus);
/// assert_eq!(graph.node_count(), 3); // the document, A and X
/// let (_, _, edge) = graph.edges().next().unwrap();
/// assert_eq!(edge.relation.as_str(), "critiques");
/// ```
pub fn graph_from_coded(name: &str, corpus: &CodedCorpus) -> ArgGraph {
    let mut graph = ArgGraph::new(name);
    let file = corpus.path.to_string_lossy().replace('\\', "/");
    for document in &corpus.documents {
        graph.documents.push(DocumentRecord {
            id: document.id.clone(),
            file: file.clone(),
            meta: DocumentMeta {
                title: document.title.clone(),
                date: document.date.clone(),
                author: document.author.clone(),
                kind: None,
            },
            sha256: document.sha256.clone(),
            bytes: document.text.len(),
            encoding: Encoding::Utf8,
            content: 0..document.text.len(),
            sentences: 0,
            pages: Vec::new(),
            inferred: None,
        });
        let mut node = Node::new(NodeKind::Document, &document.id);
        node.label = document
            .title
            .clone()
            .unwrap_or_else(|| document.id.clone());
        node.documents.insert(document.id.clone());
        graph.add_node(node);
    }

    let persons: HashSet<&str> = corpus.affiliations.iter().map(|a| a.0.as_str()).collect();
    let organisations: HashSet<&str> = corpus.affiliations.iter().map(|a| a.1.as_str()).collect();
    let actor_node = |graph: &mut ArgGraph, name: &str, is_person: Option<bool>| {
        let mut node = Node::new(NodeKind::Actor, name);
        if let Some(is_person) = is_person {
            let kind = if is_person { "person" } else { "organisation" };
            node.subkind = Some(kind.into());
        } else if persons.contains(name) {
            node.subkind = Some("person".into());
        } else if organisations.contains(name) {
            node.subkind = Some("organisation".into());
        }
        graph.add_node(node)
    };

    for statement in &corpus.statements {
        let document = &corpus.documents[statement.document];
        let actor = actor_node(&mut graph, &statement.actor, statement.actor_is_person);
        let concept = graph.add_node(Node::new(NodeKind::Concept, &statement.concept));
        for index in [actor, concept] {
            let node = graph.node_mut(index);
            node.mentions += 1;
            node.documents.insert(document.id.clone());
        }
        let (span, text) = match &statement.evidence {
            CodedEvidence::Span(span) => (span.clone(), document.text[span.clone()].to_owned()),
            CodedEvidence::Text(text) => (0..0, text.clone()),
            CodedEvidence::None => (0..0, String::new()),
        };
        let relation = match statement.stance {
            CodedStance::Support => Relation::Supports,
            CodedStance::Critique => Relation::Critiques,
        };
        // Every coded statement counts, even two alike in one document.
        let evidence = Evidence {
            document: document.id.clone(),
            span,
            text,
            confidence: 1.0,
            basis: Some(CODED_BASIS.into()),
        };
        graph.add_edge(actor, concept, relation, 1.0, vec![evidence]);
    }

    let mut seen = HashSet::new();
    for (person, organisation) in &corpus.affiliations {
        if seen.insert((person, organisation)) {
            let person = actor_node(&mut graph, person, Some(true));
            let organisation = actor_node(&mut graph, organisation, Some(false));
            graph.add_edge(
                person,
                organisation,
                Relation::AffiliatedWith,
                1.0,
                Vec::new(),
            );
        }
    }

    for (name, attribute, value) in &corpus.attributes {
        let found = [NodeKind::Actor, NodeKind::Concept]
            .into_iter()
            .find_map(|kind| graph.node_index(&node_key(kind, name)));
        if let Some(index) = found {
            graph
                .node_mut(index)
                .attributes
                .insert(attribute.to_lowercase(), value.clone().into());
        }
    }
    graph
}

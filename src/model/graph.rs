//! Model stage: [`ArgGraph`], a petgraph directed graph with an index from
//! node key to node and from (source, target, relation) to edge, so that
//! nodes are deduplicated and parallel edges of one relation merged. It does
//! no analysis and no IO.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::node::{Edge, Evidence, Node, Relation};
use crate::corpus::{DocumentMeta, Encoding};

/// The argument and citation network of a corpus.
#[derive(Debug, Clone, Default)]
pub struct ArgGraph {
    /// Name of the graph (by default the corpus folder's name).
    pub name: String,
    /// The documents the graph was built from.
    pub documents: Vec<DocumentRecord>,
    graph: DiGraph<Node, Edge>,
    keys: HashMap<String, NodeIndex>,
    edges: HashMap<(NodeIndex, NodeIndex, Relation), EdgeIndex>,
}

/// What the graph keeps of a source document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRecord {
    pub id: String,
    /// The path it was read from, as given.
    pub file: String,
    pub meta: DocumentMeta,
    pub sha256: String,
    pub bytes: usize,
    pub encoding: Encoding,
    /// The byte range used for extraction (page furniture after it is not).
    pub content: Range<usize>,
    pub sentences: usize,
    /// Where pages 2, 3, … start in the text (PDF), so that evidence can
    /// name its page; empty for formats without pages.
    pub pages: Vec<usize>,
    /// What extraction inferred that the manifest did not say: the kind
    /// of text ("transcript", "release", "report") and whose voice its own
    /// narrative is in.
    pub inferred: Option<Inferred>,
}

/// What extraction inferred about a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inferred {
    /// "transcript" (speaker labels), "release" or "report".
    pub kind: String,
    /// The actor the narrative speaks for (a release's issuer, a report's
    /// committee), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
}

impl ArgGraph {
    pub fn new(name: impl Into<String>) -> Self {
        ArgGraph {
            name: name.into(),
            ..ArgGraph::default()
        }
    }

    /// The underlying petgraph graph, for analysis.
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Add `node`, or return the index of the node with the same key.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&index) = self.keys.get(&node.key) {
            return index;
        }
        let key = node.key.clone();
        let index = self.graph.add_node(node);
        self.keys.insert(key, index);
        index
    }

    pub fn node_index(&self, key: &str) -> Option<NodeIndex> {
        self.keys.get(key).copied()
    }

    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.graph[index]
    }

    pub fn node_mut(&mut self, index: NodeIndex) -> &mut Node {
        &mut self.graph[index]
    }

    pub fn edge(&self, index: EdgeIndex) -> &Edge {
        &self.graph[index]
    }

    /// Nodes in insertion order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph
            .node_indices()
            .map(move |index| (index, &self.graph[index]))
    }

    /// Edges in insertion order, with their end points.
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, &Edge)> {
        self.graph
            .edge_references()
            .map(|e| (e.source(), e.target(), e.weight()))
    }

    /// Record one occurrence of `relation` from `source` to `target`: a new
    /// edge of weight 1, or one more on the existing edge. Evidence repeating
    /// the last piece (same document and span) is not stored twice.
    pub fn add_occurrence(
        &mut self,
        source: NodeIndex,
        target: NodeIndex,
        relation: Relation,
        evidence: Option<Evidence>,
    ) -> EdgeIndex {
        let index = self.add_edge(source, target, relation, 0.0, Vec::new());
        let edge = &mut self.graph[index];
        edge.weight += 1.0;
        if let Some(evidence) = evidence {
            let repeated = edge.evidence.last().is_some_and(|last| {
                last.document == evidence.document && last.span == evidence.span
            });
            if !repeated {
                edge.evidence.push(evidence);
            }
        }
        index
    }

    /// Add an edge with a given weight and evidence, merging into an existing
    /// edge of the same relation (weights add, evidence is appended).
    pub fn add_edge(
        &mut self,
        source: NodeIndex,
        target: NodeIndex,
        relation: Relation,
        weight: f64,
        evidence: Vec<Evidence>,
    ) -> EdgeIndex {
        let (source, target) =
            if relation.is_undirected() && self.graph[source].key > self.graph[target].key {
                (target, source)
            } else {
                (source, target)
            };
        match self.edges.get(&(source, target, relation)) {
            Some(&index) => {
                let edge = &mut self.graph[index];
                edge.weight += weight;
                edge.evidence.extend(evidence);
                index
            }
            None => {
                let index = self.graph.add_edge(
                    source,
                    target,
                    Edge {
                        relation,
                        weight,
                        evidence,
                    },
                );
                self.edges.insert((source, target, relation), index);
                index
            }
        }
    }

    /// Nodes whose key, label or a seen alias equals `query`, ignoring case.
    /// An exact key match is returned alone.
    pub fn find_nodes(&self, query: &str) -> Vec<NodeIndex> {
        if let Some(index) = self.node_index(query) {
            return vec![index];
        }
        let wanted = query.trim().to_lowercase();
        self.nodes()
            .filter(|(_, node)| {
                node.label.to_lowercase() == wanted
                    || node.aliases.iter().any(|a| a.to_lowercase() == wanted)
            })
            .map(|(index, _)| index)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::node::NodeKind;

    fn evidence(start: usize) -> Evidence {
        Evidence {
            document: "d".into(),
            span: start..start + 3,
            text: "abc".into(),
            confidence: 1.0,
            basis: None,
        }
    }

    #[test]
    fn nodes_are_deduplicated_by_key() {
        let mut graph = ArgGraph::new("g");
        let a = graph.add_node(Node::new(NodeKind::Concept, "Big Society"));
        let b = graph.add_node(Node::new(NodeKind::Concept, "big  society"));
        assert_eq!(a, b);
        assert_eq!(graph.node_count(), 1);
        assert_eq!(graph.find_nodes("BIG SOCIETY"), vec![a]);
        assert_eq!(graph.find_nodes("concept:big-society"), vec![a]);
    }

    #[test]
    fn occurrences_merge_and_keep_distinct_evidence() {
        let mut graph = ArgGraph::new("g");
        let d = graph.add_node(Node::new(NodeKind::Document, "d"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
        graph.add_occurrence(d, c, Relation::Mentions, Some(evidence(0)));
        graph.add_occurrence(d, c, Relation::Mentions, Some(evidence(0)));
        graph.add_occurrence(d, c, Relation::Mentions, Some(evidence(10)));
        graph.add_occurrence(d, c, Relation::Supports, Some(evidence(10)));
        assert_eq!(graph.edge_count(), 2);
        let (_, _, mentions) = graph.edges().next().unwrap();
        assert_eq!(mentions.weight, 3.0);
        assert_eq!(mentions.evidence.len(), 2);
    }

    #[test]
    fn undirected_edges_are_stored_one_way() {
        let mut graph = ArgGraph::new("g");
        let b = graph.add_node(Node::new(NodeKind::Concept, "b"));
        let a = graph.add_node(Node::new(NodeKind::Concept, "a"));
        graph.add_occurrence(b, a, Relation::CoOccurs, None);
        graph.add_occurrence(a, b, Relation::CoOccurs, None);
        assert_eq!(graph.edge_count(), 1);
        let (source, target, edge) = graph.edges().next().unwrap();
        assert_eq!((source, target, edge.weight), (a, b, 2.0));
    }
}

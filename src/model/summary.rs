//! Model stage: counts that describe a graph at a glance — nodes by kind,
//! edges by relation, the most mentioned concepts. Printing is the binary's
//! job.

use std::collections::BTreeMap;

use super::graph::ArgGraph;
use super::node::{NodeKind, Relation};

/// A graph at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub documents: usize,
    /// Nodes per kind, with actors split by subkind in `actor_kinds`.
    pub nodes: BTreeMap<NodeKind, usize>,
    pub actor_kinds: BTreeMap<String, usize>,
    /// Edges per relation, and the summed weight.
    pub edges: BTreeMap<Relation, (usize, f64)>,
    /// Of `edges`, the stance edges of claims (claim → concept), which
    /// repeat their asserters' statements.
    pub claim_edges: BTreeMap<Relation, usize>,
    /// Concepts by mentions, most first (ties by name), with their count.
    pub top_concepts: Vec<(String, u64)>,
}

impl Summary {
    /// Summarise `graph`, listing at most `top` concepts.
    pub fn of(graph: &ArgGraph, top: usize) -> Self {
        let mut nodes = BTreeMap::new();
        let mut actor_kinds = BTreeMap::new();
        let mut concepts = Vec::new();
        for (_, node) in graph.nodes() {
            *nodes.entry(node.kind).or_insert(0) += 1;
            match node.kind {
                NodeKind::Actor => {
                    let subkind = node.subkind.clone().unwrap_or_else(|| "unknown".into());
                    *actor_kinds.entry(subkind).or_insert(0) += 1;
                }
                NodeKind::Concept => concepts.push((node.label.clone(), node.mentions)),
                _ => {}
            }
        }
        let mut edges = BTreeMap::new();
        let mut claim_edges = BTreeMap::new();
        for (source, _, edge) in graph.edges() {
            let entry = edges.entry(edge.relation).or_insert((0, 0.0));
            entry.0 += 1;
            entry.1 += edge.weight;
            if graph.node(source).kind == NodeKind::Claim {
                *claim_edges.entry(edge.relation).or_insert(0) += 1;
            }
        }
        concepts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        concepts.truncate(top);
        Summary {
            documents: graph.documents.len(),
            nodes,
            actor_kinds,
            edges,
            claim_edges,
            top_concepts: concepts,
        }
    }
}

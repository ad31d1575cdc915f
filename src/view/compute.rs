//! View stage: compute, on the whole graph, the centralities that a view or
//! a diagram asks for (`--top 20 --by pagerank`, `--size-by betweenness`,
//! `--colour-by community`) when the graph does not hold them yet, and store
//! them as node attributes exactly as `argnet analyse --save` would. Scores
//! therefore always describe the whole network, never the filtered part.
//! It does no IO.

use crate::analysis::{self, AnalysisConfig};
use crate::model::ArgGraph;

use super::measure::{Measure, numeric_attributes};

/// Make sure every attribute named by `wanted` that `argnet analyse` can
/// compute is present, computing the missing ones with the default analysis
/// settings (all edges, undirected, weighted; Louvain with seed 42).
/// Returns the attribute names that were computed, in `wanted` order.
/// Names that are neither stored nor computable are left to the scorer,
/// which reports them.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// use argnet::view::{Measure, ensure_measures, stored_scores};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Concept, "a"));
/// let b = graph.add_node(Node::new(NodeKind::Concept, "b"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
/// graph.add_occurrence(a, b, Relation::CoOccurs, None);
/// graph.add_occurrence(b, c, Relation::CoOccurs, None);
/// let betweenness = Measure::parse("betweenness").unwrap();
/// assert_eq!(ensure_measures(&mut graph, &[&betweenness]), ["betweenness"]);
/// assert_eq!(stored_scores(&graph, &betweenness).unwrap(), [0.0, 1.0, 0.0]);
/// // Already there: nothing is recomputed.
/// assert!(ensure_measures(&mut graph, &[&betweenness]).is_empty());
/// ```
pub fn ensure_measures(graph: &mut ArgGraph, wanted: &[&Measure]) -> Vec<String> {
    let stored = numeric_attributes(graph);
    let mut names = Vec::new();
    let mut measures = Vec::new();
    for measure in wanted {
        let Measure::Attribute(name) = measure else {
            continue;
        };
        if stored.contains(name) || names.contains(name) {
            continue;
        }
        if let Some(group) = analysis::Measure::of_key(name) {
            names.push(name.clone());
            if !measures.contains(&group) {
                measures.push(group);
            }
        }
    }
    if measures.is_empty() {
        return Vec::new();
    }
    let config = AnalysisConfig {
        measures,
        ..AnalysisConfig::default()
    };
    analysis::analyse(graph, &config).write_attributes(graph);
    names
}

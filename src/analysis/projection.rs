//! Analysis stage: project an [`ArgGraph`] onto a [`CompactGraph`] for one
//! layer of relations (all edges, stance edges only, co-occurrence only, …),
//! directed or undirected, weighted or not. It keeps the map back to the
//! argument graph's node indices; it computes no measure.

use std::fmt;

use petgraph::graph::NodeIndex;

use super::compact::{CompactGraph, WeightedEdge};
use crate::error::{Error, Result};
use crate::model::{ArgGraph, Relation};

/// Which relations make up the graph that is analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Layer {
    relations: [bool; Relation::ALL.len()],
}

impl Layer {
    /// Every relation.
    pub const ALL: Layer = Layer {
        relations: [true; Relation::ALL.len()],
    };

    /// `supports` and `critiques`.
    pub fn stance() -> Layer {
        Layer::of(&[Relation::Supports, Relation::Critiques])
    }

    /// `co_occurs` only.
    pub fn co_occurrence() -> Layer {
        Layer::of(&[Relation::CoOccurs])
    }

    /// `cites` only.
    pub fn citation() -> Layer {
        Layer::of(&[Relation::Cites])
    }

    /// Exactly these relations.
    pub fn of(relations: &[Relation]) -> Layer {
        let mut layer = Layer {
            relations: [false; Relation::ALL.len()],
        };
        for relation in relations {
            layer.relations[*relation as usize] = true;
        }
        layer
    }

    pub fn contains(&self, relation: Relation) -> bool {
        self.relations[relation as usize]
    }

    /// The relations of the layer, in [`Relation::ALL`] order.
    pub fn relations(&self) -> Vec<Relation> {
        Relation::ALL
            .into_iter()
            .filter(|r| self.contains(*r))
            .collect()
    }

    /// Parse `all`, `stance`, `co-occurrence` (or `cooccurrence`),
    /// `citation`, or a comma-separated list of relation names.
    pub fn parse(text: &str) -> Result<Layer> {
        let name = text.trim().to_ascii_lowercase().replace('_', "-");
        match name.as_str() {
            "all" => return Ok(Layer::ALL),
            "stance" => return Ok(Layer::stance()),
            "co-occurrence" | "cooccurrence" | "co-occurs" => return Ok(Layer::co_occurrence()),
            "citation" | "citations" => return Ok(Layer::citation()),
            _ => {}
        }
        let mut relations = Vec::new();
        for part in text.split(',') {
            match Relation::parse(part) {
                Some(relation) => relations.push(relation),
                None => {
                    return Err(Error::InvalidValue {
                        name: "--layer",
                        value: text.to_owned(),
                        message: format!(
                            "{:?} is not a layer; use all, stance, co-occurrence, citation, or relations such as supports,critiques",
                            part.trim()
                        ),
                    });
                }
            }
        }
        Ok(Layer::of(&relations))
    }
}

impl Default for Layer {
    fn default() -> Self {
        Layer::ALL
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == Layer::ALL {
            return f.write_str("all");
        }
        if *self == Layer::stance() {
            return f.write_str("stance");
        }
        if *self == Layer::co_occurrence() {
            return f.write_str("co-occurrence");
        }
        let names: Vec<&str> = self.relations().iter().map(|r| r.as_str()).collect();
        f.write_str(&names.join(","))
    }
}

/// How to turn the argument graph into a compact graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProjectionConfig {
    pub layer: Layer,
    /// Keep edge direction. `co_occurs` has none and goes both ways.
    pub directed: bool,
    /// Every edge weighs 1 instead of its count.
    pub unweighted: bool,
    /// Keep nodes without an edge in the layer (as isolates).
    pub keep_isolates: bool,
}

/// A compact graph and the argument-graph node behind each of its nodes.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    pub graph: CompactGraph,
    /// `nodes[i]` is the argument-graph node of compact node `i`, in
    /// argument-graph order.
    pub nodes: Vec<NodeIndex>,
    /// `compact[n.index()]` is the compact node of argument-graph node `n`.
    compact: Vec<Option<u32>>,
}

impl Projection {
    /// The compact node of an argument-graph node, if it is in the layer.
    pub fn compact_index(&self, node: NodeIndex) -> Option<u32> {
        self.compact.get(node.index()).copied().flatten()
    }

    /// Spread values indexed by compact node over the argument graph's node
    /// indices; nodes outside the layer get `None`.
    pub fn to_graph_order<T: Clone>(&self, values: &[T]) -> Vec<Option<T>> {
        self.compact
            .iter()
            .map(|c| c.map(|c| values[c as usize].clone()))
            .collect()
    }
}

/// Project `graph` as `config` says.
///
/// Parallel edges between two nodes (two relations, or both directions in
/// an undirected view) become one edge whose weight is the sum of theirs
/// (1 each when `unweighted`). Self-loops are dropped. The nodes are those
/// with an edge in the layer (all nodes with `keep_isolates`), in the
/// argument graph's order. O(n + m log m).
///
/// ```
/// use argnet::analysis::{project, Layer, ProjectionConfig};
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// let d = graph.add_node(Node::new(NodeKind::Concept, "D"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// graph.add_occurrence(c, d, Relation::CoOccurs, None);
/// let config = ProjectionConfig { layer: Layer::stance(), ..Default::default() };
/// let projection = project(&graph, &config);
/// assert_eq!(projection.nodes, vec![a, c]); // d has no stance edge
/// assert_eq!(projection.graph.neighbours(1), &[0]);
/// ```
pub fn project(graph: &ArgGraph, config: &ProjectionConfig) -> Projection {
    let mut compact: Vec<Option<u32>> = vec![None; graph.node_count()];
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for (source, target, edge) in graph.edges() {
        if !config.layer.contains(edge.relation) || source == target {
            continue;
        }
        let weight = if config.unweighted { 1.0 } else { edge.weight };
        let (s, t) = (source.index(), target.index());
        if !config.directed {
            edges.push((s.min(t), s.max(t), weight));
        } else {
            edges.push((s, t, weight));
            if edge.relation.is_undirected() {
                edges.push((t, s, weight));
            }
        }
        compact[s] = Some(0);
        compact[t] = Some(0);
    }
    let mut nodes = Vec::new();
    for (index, slot) in compact.iter_mut().enumerate() {
        if slot.is_some() || config.keep_isolates {
            *slot = Some(nodes.len() as u32);
            nodes.push(NodeIndex::new(index));
        }
    }
    edges.sort_by_key(|&(s, t, _)| (s, t));
    let mut merged: Vec<WeightedEdge> = Vec::with_capacity(edges.len());
    for (s, t, w) in edges {
        let (s, t) = (compact[s].unwrap_or(0), compact[t].unwrap_or(0));
        match merged.last_mut() {
            Some(last) if (last.0, last.1) == (s, t) => {
                last.2 = if config.unweighted { 1.0 } else { last.2 + w }
            }
            _ => merged.push((s, t, w)),
        }
    }
    let graph = if config.unweighted {
        let pairs: Vec<(u32, u32)> = merged.iter().map(|&(s, t, _)| (s, t)).collect();
        CompactGraph::from_pairs(nodes.len(), config.directed, &pairs)
    } else {
        // Negative or non-finite weights cannot come out of a graph file
        // (they are rejected on reading), but clamp rather than fail.
        for edge in &mut merged {
            if !(edge.2.is_finite() && edge.2 >= 0.0) {
                edge.2 = 0.0;
            }
        }
        CompactGraph::from_edges(nodes.len(), config.directed, &merged)
    }
    .expect("projected edges name projected nodes");
    Projection {
        graph,
        nodes,
        compact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    fn sample() -> (ArgGraph, [NodeIndex; 4]) {
        let mut graph = ArgGraph::new("g");
        let d = graph.add_node(Node::new(NodeKind::Document, "d"));
        let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
        let e = graph.add_node(Node::new(NodeKind::Concept, "E"));
        graph.add_occurrence(d, a, Relation::Mentions, None);
        graph.add_occurrence(d, c, Relation::Mentions, None);
        graph.add_occurrence(d, c, Relation::Mentions, None);
        graph.add_occurrence(a, c, Relation::Supports, None);
        graph.add_occurrence(c, e, Relation::CoOccurs, None);
        (graph, [d, a, c, e])
    }

    #[test]
    fn layers_parse_and_print() {
        let rows = [
            ("all", "all"),
            ("stance", "stance"),
            ("co_occurrence", "co-occurrence"),
            ("supports, cites", "supports,cites"),
        ];
        for (text, shown) in rows {
            assert_eq!(Layer::parse(text).unwrap().to_string(), shown);
        }
        let err = Layer::parse("friends").unwrap_err().to_string();
        assert!(err.contains("not a layer"), "{err}");
    }

    #[test]
    fn all_edges_undirected_merges_relations() {
        let (graph, [d, _, c, _]) = sample();
        let p = project(&graph, &ProjectionConfig::default());
        assert_eq!(p.graph.node_count(), 4);
        let (d, c) = (p.compact_index(d).unwrap(), p.compact_index(c).unwrap());
        let position = p.graph.neighbours(c).iter().position(|&n| n == d).unwrap();
        assert_eq!(p.graph.neighbour_weights(c).unwrap()[position], 2.0);
    }

    #[test]
    fn directed_view_sends_co_occurrence_both_ways() {
        let (graph, [_, _, c, e]) = sample();
        let config = ProjectionConfig {
            layer: Layer::co_occurrence(),
            directed: true,
            ..Default::default()
        };
        let p = project(&graph, &config);
        assert_eq!(p.nodes, vec![c, e]);
        assert_eq!(p.graph.neighbours(0), &[1]);
        assert_eq!(p.graph.neighbours(1), &[0]);
        assert_eq!(
            p.to_graph_order(&[10, 20]),
            vec![None, None, Some(10), Some(20)]
        );
    }

    #[test]
    fn unweighted_and_isolates() {
        let (graph, _) = sample();
        let config = ProjectionConfig {
            layer: Layer::stance(),
            unweighted: true,
            keep_isolates: true,
            ..Default::default()
        };
        let p = project(&graph, &config);
        assert_eq!(p.graph.node_count(), 4);
        assert!(!p.graph.is_weighted());
        assert_eq!(p.graph.edge_count(), 1);
    }
}

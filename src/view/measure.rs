//! View stage: the per-node numbers that rank nodes for `--top` and size
//! them on a diagram. `mentions` and the degree family are counted here, on
//! the graph given (so on a filtered view they count what the view keeps);
//! every other measure is a numeric node attribute that `argnet analyse`
//! stored in the graph JSON (`pagerank`, `betweenness`, …). It computes no
//! centrality itself and does no IO.
//!
//! The seam for on-the-fly analysis is [`Scorer`]: [`stored_scores`] is the
//! default; a scorer that runs the analysis stage when an attribute is
//! missing can be passed to [`crate::view::apply_with`] instead.

use std::collections::BTreeSet;
use std::fmt;

use crate::error::{Error, Result};
use crate::model::ArgGraph;

/// What to rank or size nodes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// How often the node is mentioned over the corpus.
    Mentions,
    /// Edges at the node (see [`degree`]).
    Degree {
        direction: Direction,
        weighted: bool,
    },
    /// A numeric node attribute, e.g. `pagerank` written by `argnet analyse`.
    Attribute(String),
}

/// Which edges a degree counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
    Total,
}

/// The names of the measures counted natively, for help texts and errors.
pub const NATIVE_MEASURES: [&str; 7] = [
    "mentions",
    "degree",
    "in_degree",
    "out_degree",
    "weighted_degree",
    "weighted_in_degree",
    "weighted_out_degree",
];

impl Measure {
    /// Parse a measure name. Names that are not native measures are taken as
    /// attribute names; whether the graph has them is checked when scoring.
    /// `-` and `_` are interchangeable; case is ignored.
    pub fn parse(name: &str) -> Result<Self> {
        let normal = name.trim().to_lowercase().replace('-', "_");
        if normal.is_empty() {
            return Err(Error::InvalidValue {
                name: "measure",
                value: name.to_owned(),
                message: format!(
                    "empty; name a measure such as {}",
                    NATIVE_MEASURES.join(", ")
                ),
            });
        }
        let degree = |direction, weighted| Measure::Degree {
            direction,
            weighted,
        };
        Ok(match normal.as_str() {
            "mentions" => Measure::Mentions,
            "degree" => degree(Direction::Total, false),
            "in_degree" => degree(Direction::In, false),
            "out_degree" => degree(Direction::Out, false),
            "weighted_degree" => degree(Direction::Total, true),
            "weighted_in_degree" => degree(Direction::In, true),
            "weighted_out_degree" => degree(Direction::Out, true),
            _ => Measure::Attribute(normal),
        })
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Mentions => f.write_str("mentions"),
            Measure::Degree {
                direction,
                weighted,
            } => {
                if *weighted {
                    f.write_str("weighted_")?;
                }
                f.write_str(match direction {
                    Direction::In => "in_degree",
                    Direction::Out => "out_degree",
                    Direction::Total => "degree",
                })
            }
            Measure::Attribute(name) => f.write_str(name),
        }
    }
}

/// Gives one score per node of a graph, indexed by node index. The view and
/// the diagram call it on the graph they are about to filter or draw.
pub type Scorer<'a> = dyn Fn(&ArgGraph, &Measure) -> Result<Vec<f64>> + 'a;

/// Scores from what the graph holds: mentions and degrees counted, other
/// measures read from node attributes (a node without the attribute scores
/// 0). Fails with a hint when no node has the attribute.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// use argnet::view::{Measure, stored_scores};
///
/// let mut graph = ArgGraph::new("g");
/// let mut a = Node::new(NodeKind::Actor, "A");
/// a.attributes.insert("pagerank".into(), 0.25.into());
/// let a = graph.add_node(a);
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let pagerank = Measure::parse("pagerank").unwrap();
/// assert_eq!(stored_scores(&graph, &pagerank).unwrap(), [0.25, 0.0]);
/// let degree = Measure::parse("in_degree").unwrap();
/// assert_eq!(stored_scores(&graph, &degree).unwrap(), [0.0, 1.0]);
/// assert!(stored_scores(&graph, &Measure::parse("betweenness").unwrap()).is_err());
/// ```
pub fn stored_scores(graph: &ArgGraph, measure: &Measure) -> Result<Vec<f64>> {
    match measure {
        Measure::Mentions => Ok(graph.nodes().map(|(_, n)| n.mentions as f64).collect()),
        Measure::Degree {
            direction,
            weighted,
        } => Ok(degree(graph, *direction, *weighted)),
        Measure::Attribute(name) => attribute_scores(graph, name),
    }
}

/// Degree of every node, indexed by node index: the number of edges at it,
/// or with `weighted` the sum of their weights. Undirected `co_occurs` edges
/// count as both incoming and outgoing at both ends; a self-loop counts twice
/// in the total, as in NetworkX's `DiGraph.degree`.
///
/// O(V + E). Matches `G.in_degree` / `G.out_degree` / `G.degree(weight=…)`
/// of NetworkX on a `MultiDiGraph` for directed relations.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// use argnet::view::{Direction, degree};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Concept, "a"));
/// let b = graph.add_node(Node::new(NodeKind::Concept, "b"));
/// let d = graph.add_node(Node::new(NodeKind::Document, "d"));
/// graph.add_occurrence(d, a, Relation::Mentions, None);
/// graph.add_occurrence(d, a, Relation::Mentions, None);
/// graph.add_occurrence(a, b, Relation::CoOccurs, None);
/// assert_eq!(degree(&graph, Direction::Total, false), [2.0, 1.0, 1.0]);
/// assert_eq!(degree(&graph, Direction::In, true), [3.0, 1.0, 0.0]);
/// assert_eq!(degree(&graph, Direction::Out, false), [1.0, 1.0, 1.0]);
/// ```
pub fn degree(graph: &ArgGraph, direction: Direction, weighted: bool) -> Vec<f64> {
    let mut scores = vec![0.0; graph.node_count()];
    for (source, target, edge) in graph.edges() {
        let amount = if weighted { edge.weight } else { 1.0 };
        let both_ways = edge.relation.is_undirected();
        let (count_source, count_target) = match direction {
            Direction::Total => (true, true),
            Direction::Out => (true, both_ways),
            Direction::In => (both_ways, true),
        };
        if count_source {
            scores[source.index()] += amount;
        }
        if count_target {
            scores[target.index()] += amount;
        }
    }
    scores
}

/// The numeric attribute `name` of every node (0 where a node lacks it).
pub fn attribute_scores(graph: &ArgGraph, name: &str) -> Result<Vec<f64>> {
    let mut found = false;
    let scores = graph
        .nodes()
        .map(
            |(_, node)| match node.attributes.get(name).and_then(|v| v.as_f64()) {
                Some(value) if value.is_finite() => {
                    found = true;
                    value
                }
                _ => 0.0,
            },
        )
        .collect();
    if found {
        return Ok(scores);
    }
    let available = numeric_attributes(graph);
    let available = if available.is_empty() {
        "this graph has none".to_owned()
    } else {
        format!(
            "this graph has {}",
            available.into_iter().collect::<Vec<_>>().join(", ")
        )
    };
    Err(Error::InvalidValue {
        name: "measure",
        value: name.to_owned(),
        message: format!(
            "no node has a numeric attribute of this name ({available}); run `argnet analyse` to store centralities such as pagerank and betweenness, or use one of {}",
            NATIVE_MEASURES.join(", ")
        ),
    })
}

/// Names of the node attributes that hold a number on at least one node.
pub fn numeric_attributes(graph: &ArgGraph) -> BTreeSet<String> {
    graph
        .nodes()
        .flat_map(|(_, node)| node.attributes.iter())
        .filter(|(_, value)| value.is_number())
        .map(|(name, _)| name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind, Relation};

    #[test]
    fn names_table() {
        let rows = [
            ("mentions", "mentions"),
            ("Degree", "degree"),
            ("in-degree", "in_degree"),
            ("weighted_out_degree", "weighted_out_degree"),
            ("PageRank", "pagerank"),
            (" core-number ", "core_number"),
        ];
        for (input, want) in rows {
            assert_eq!(Measure::parse(input).unwrap().to_string(), want, "{input}");
        }
        assert!(Measure::parse("  ").is_err());
        assert_eq!(
            Measure::parse("betweenness").unwrap(),
            Measure::Attribute("betweenness".into())
        );
    }

    #[test]
    fn missing_attribute_names_what_there_is() {
        let mut graph = ArgGraph::new("g");
        let mut node = Node::new(NodeKind::Concept, "c");
        node.attributes.insert("community".into(), 0.into());
        node.attributes.insert("affiliation".into(), "x".into());
        graph.add_node(node);
        let err = attribute_scores(&graph, "pagerank")
            .unwrap_err()
            .to_string();
        assert!(err.contains("(this graph has community)"), "{err}");
        assert!(err.contains("argnet analyse"), "{err}");
        assert_eq!(attribute_scores(&graph, "community").unwrap(), [0.0]);
    }

    #[test]
    fn weighted_total_degree_counts_self_loops_twice() {
        let mut graph = ArgGraph::new("g");
        let a = graph.add_node(Node::new(NodeKind::Claim, "a"));
        graph.add_edge(a, a, Relation::Supports, 2.5, Vec::new());
        assert_eq!(degree(&graph, Direction::Total, true), [5.0]);
        assert_eq!(degree(&graph, Direction::In, false), [1.0]);
    }
}

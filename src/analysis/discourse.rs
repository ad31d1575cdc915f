//! Analysis stage: discourse network projections after Leifeld's Discourse
//! Network Analyzer (DNA): the two-mode actor × concept network with
//! support / critique qualifiers, and the one-mode congruence, conflict and
//! subtract networks of actors (through shared concepts) or of concepts
//! (through shared actors), with DNA's normalisations. Coalitions are
//! communities of the actor congruence network. Pure.
//!
//! Reference: P. Leifeld, "Discourse network analysis: policy debates as
//! dynamic networks", in *The Oxford Handbook of Political Networks*, 2017;
//! and DNA's exporter (`Exporter.java`, one-mode matrix with a boolean
//! qualifier), whose formulas these follow.

use std::fmt;

use petgraph::graph::NodeIndex;

use super::compact::{CompactGraph, WeightedEdge};
use super::louvain::{Communities, LouvainConfig, louvain};
use crate::error::{Error, Result};
use crate::model::{ArgGraph, NodeKind, Relation};

/// The actor × concept network: how often each actor supports and
/// critiques each concept (the weights of its `supports` and `critiques`
/// edges, i.e. the number of statements).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TwoMode {
    /// Actors with at least one stance, in graph order.
    pub actors: Vec<NodeIndex>,
    /// Concepts with at least one stance, in graph order.
    pub concepts: Vec<NodeIndex>,
    /// `(actor, concept, support, critique)`, indices into the two lists,
    /// sorted; one row per pair with a stance.
    pub statements: Vec<(u32, u32, f64, f64)>,
}

/// Which one-mode network to derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aggregation {
    /// Ties for taking the same stance on the same item.
    #[default]
    Congruence,
    /// Ties for taking opposite stances on the same item.
    Conflict,
    /// Congruence minus conflict (may be negative).
    Subtract,
}

/// How one-mode edge weights are normalised (DNA's options). `A_a` is the
/// number of statements of `a`; `x_a` the vector of `a`'s statement counts
/// over (item, stance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Normalisation {
    /// Raw counts.
    #[default]
    None,
    /// Divide by the average activity `(A_a + A_b) / 2`.
    AverageActivity,
    /// Divide by `m10 + m01 + m11` as DNA does: the statements of each
    /// that the other does not share, plus `Σ x_a x_b` over shared ones.
    Jaccard,
    /// Divide by `‖x_a‖ · ‖x_b‖` (Euclidean norms): the textbook cosine
    /// similarity, between 0 and 1 for congruence. DNA's exporter divides
    /// by `A_a · A_b` instead (the product of the activity totals), which
    /// equals this only when each actor makes a single statement.
    Cosine,
}

impl Normalisation {
    /// Parse `none`, `average` (or `average-activity`), `jaccard`, `cosine`.
    pub fn parse(text: &str) -> Result<Normalisation> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "none" | "no" => Ok(Normalisation::None),
            "average" | "average-activity" | "activity" => Ok(Normalisation::AverageActivity),
            "jaccard" => Ok(Normalisation::Jaccard),
            "cosine" => Ok(Normalisation::Cosine),
            _ => Err(Error::InvalidValue {
                name: "--normalisation",
                value: text.to_owned(),
                message: "use none, average, jaccard or cosine".into(),
            }),
        }
    }
}

impl fmt::Display for Normalisation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Normalisation::None => "none",
            Normalisation::AverageActivity => "average",
            Normalisation::Jaccard => "jaccard",
            Normalisation::Cosine => "cosine",
        })
    }
}

/// Which side of the two-mode network becomes the nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Actors, tied through the concepts they state positions on.
    #[default]
    Actors,
    /// Concepts, tied through the actors who state positions on both.
    Concepts,
}

/// A one-mode network: nodes of the argument graph and weighted
/// undirected edges `(a, b, weight)` with `a < b` (indices into `nodes`),
/// sorted, zero weights left out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OneMode {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<WeightedEdge>,
}

impl OneMode {
    /// The network as an undirected compact graph. Fails on negative
    /// weights (a subtract network), which no measure here accepts.
    pub fn to_compact(&self) -> Result<CompactGraph> {
        CompactGraph::from_edges(self.nodes.len(), false, &self.edges)
    }
}

/// The actor × concept network of `graph`: every `supports` or
/// `critiques` edge from an actor to a concept, its weight counted as that
/// many statements (DNA's two-mode network with a boolean qualifier).
/// Stances of claims or on other kinds are left out. O(m log m).
///
/// ```
/// use argnet::analysis::two_mode;
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let x = graph.add_node(Node::new(NodeKind::Concept, "X"));
/// graph.add_occurrence(a, x, Relation::Supports, None);
/// graph.add_occurrence(a, x, Relation::Critiques, None);
/// graph.add_occurrence(a, x, Relation::Supports, None);
/// let two = two_mode(&graph);
/// assert_eq!((two.actors, two.concepts), (vec![a], vec![x]));
/// assert_eq!(two.statements, vec![(0, 0, 2.0, 1.0)]); // 2 supports, 1 critique
/// ```
pub fn two_mode(graph: &ArgGraph) -> TwoMode {
    let mut rows: Vec<(NodeIndex, NodeIndex, f64, f64)> = Vec::new();
    for (source, target, edge) in graph.edges() {
        if !edge.relation.is_stance()
            || graph.node(source).kind != NodeKind::Actor
            || graph.node(target).kind != NodeKind::Concept
        {
            continue;
        }
        let (support, critique) = if edge.relation == Relation::Supports {
            (edge.weight, 0.0)
        } else {
            (0.0, edge.weight)
        };
        rows.push((source, target, support, critique));
    }
    let mut actors: Vec<NodeIndex> = rows.iter().map(|r| r.0).collect();
    let mut concepts: Vec<NodeIndex> = rows.iter().map(|r| r.1).collect();
    actors.sort_unstable();
    actors.dedup();
    concepts.sort_unstable();
    concepts.dedup();
    let position = |list: &[NodeIndex], n: NodeIndex| list.binary_search(&n).unwrap_or(0) as u32;
    let mut statements: Vec<(u32, u32, f64, f64)> = rows
        .iter()
        .map(|&(a, c, s, k)| (position(&actors, a), position(&concepts, c), s, k))
        .collect();
    statements.sort_by_key(|&(a, c, _, _)| (a, c));
    statements.dedup_by(|next, kept| {
        if (next.0, next.1) == (kept.0, kept.1) {
            kept.2 += next.2;
            kept.3 += next.3;
            true
        } else {
            false
        }
    });
    TwoMode {
        actors,
        concepts,
        statements,
    }
}

/// A one-mode network from the two-mode network, after DNA.
///
/// For two actors `a`, `b` (or two concepts, with the roles swapped), with
/// `s` and `k` their support and critique counts on each shared item:
/// congruence `Σ (s_a s_b + k_a k_b)`, conflict `Σ (s_a k_b + k_a s_b)`,
/// subtract = congruence − conflict; then divided as `normalisation` says
/// (0 where the divisor is 0). O(Σ_items d²) for items stated on by `d`
/// nodes, no dense matrix.
///
/// ```
/// use argnet::analysis::{one_mode, Aggregation, Mode, Normalisation, TwoMode};
/// use petgraph::graph::NodeIndex;
/// // actors 0 and 1 both support concept 0; actor 1 also critiques concept 1,
/// // which actor 2 supports
/// let two = TwoMode {
///     actors: (0..3).map(NodeIndex::new).collect(),
///     concepts: (3..5).map(NodeIndex::new).collect(),
///     statements: vec![(0, 0, 1.0, 0.0), (1, 0, 1.0, 0.0), (1, 1, 0.0, 1.0), (2, 1, 1.0, 0.0)],
/// };
/// let congruence = one_mode(&two, Mode::Actors, Aggregation::Congruence, Normalisation::None);
/// assert_eq!(congruence.edges, vec![(0, 1, 1.0)]);
/// let subtract = one_mode(&two, Mode::Actors, Aggregation::Subtract, Normalisation::None);
/// assert_eq!(subtract.edges, vec![(0, 1, 1.0), (1, 2, -1.0)]);
/// ```
pub fn one_mode(
    two: &TwoMode,
    mode: Mode,
    aggregation: Aggregation,
    normalisation: Normalisation,
) -> OneMode {
    // (node, item, support, critique), grouped by item.
    let mut by_item: Vec<(u32, u32, f64, f64)> = two
        .statements
        .iter()
        .map(|&(a, c, s, k)| match mode {
            Mode::Actors => (a, c, s, k),
            Mode::Concepts => (c, a, s, k),
        })
        .collect();
    by_item.sort_by_key(|&(node, item, _, _)| (item, node));
    let nodes = match mode {
        Mode::Actors => two.actors.clone(),
        Mode::Concepts => two.concepts.clone(),
    };
    let mut activity = vec![0.0; nodes.len()];
    let mut square = vec![0.0; nodes.len()];
    for &(node, _, s, k) in &by_item {
        activity[node as usize] += s + k;
        square[node as usize] += s * s + k * k;
    }
    // Per pair: congruence, conflict, and for Jaccard the shared parts.
    struct Pair {
        a: u32,
        b: u32,
        congruence: f64,
        conflict: f64,
        shared_a: f64,
        shared_b: f64,
        product: f64,
    }
    let mut pairs: Vec<Pair> = Vec::new();
    for group in by_item.chunk_by(|x, y| x.1 == y.1) {
        for (i, &(a, _, sa, ka)) in group.iter().enumerate() {
            for &(b, _, sb, kb) in &group[i + 1..] {
                let overlap = |x: f64, y: f64| {
                    if x > 0.0 && y > 0.0 {
                        (x, y, x * y)
                    } else {
                        (0.0, 0.0, 0.0)
                    }
                };
                let (support_a, support_b, support_product) = overlap(sa, sb);
                let (critique_a, critique_b, critique_product) = overlap(ka, kb);
                pairs.push(Pair {
                    a,
                    b,
                    congruence: sa * sb + ka * kb,
                    conflict: sa * kb + ka * sb,
                    shared_a: support_a + critique_a,
                    shared_b: support_b + critique_b,
                    product: support_product + critique_product,
                });
            }
        }
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    let mut edges = Vec::new();
    for group in pairs.chunk_by(|x, y| (x.a, x.b) == (y.a, y.b)) {
        let (a, b) = (group[0].a, group[0].b);
        let sum = |f: fn(&Pair) -> f64| group.iter().map(f).sum::<f64>();
        let value = match aggregation {
            Aggregation::Congruence => sum(|p| p.congruence),
            Aggregation::Conflict => sum(|p| p.conflict),
            Aggregation::Subtract => sum(|p| p.congruence) - sum(|p| p.conflict),
        };
        let (activity_a, activity_b) = (activity[a as usize], activity[b as usize]);
        let divisor = match normalisation {
            Normalisation::None => 1.0,
            Normalisation::AverageActivity => (activity_a + activity_b) / 2.0,
            Normalisation::Jaccard => {
                (activity_a - sum(|p| p.shared_a))
                    + (activity_b - sum(|p| p.shared_b))
                    + sum(|p| p.product)
            }
            Normalisation::Cosine => square[a as usize].sqrt() * square[b as usize].sqrt(),
        };
        let weight = if divisor > 0.0 { value / divisor } else { 0.0 };
        if weight != 0.0 {
            edges.push((a, b, weight));
        }
    }
    OneMode { nodes, edges }
}

/// Coalitions: communities (Louvain) of the actor congruence network.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coalitions {
    /// The congruence network they were found in.
    pub network: OneMode,
    /// `communities.partition.of[i]` is the coalition of `network.nodes[i]`
    /// (0 = largest).
    pub communities: Communities,
}

/// Coalitions of actors: Louvain communities of the congruence network
/// (normalised as asked), so actors who take the same sides end up
/// together. Actors without any stance are not in it.
///
/// ```
/// use argnet::analysis::{coalitions, LouvainConfig, Normalisation};
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// let mut graph = ArgGraph::new("g");
/// let actors: Vec<_> = ["A", "B", "C", "D"].iter()
///     .map(|n| graph.add_node(Node::new(NodeKind::Actor, n))).collect();
/// let concepts: Vec<_> = ["X", "Y"].iter()
///     .map(|n| graph.add_node(Node::new(NodeKind::Concept, n))).collect();
/// for (actor, concept) in [(0, 0), (1, 0), (2, 1), (3, 1)] {
///     graph.add_occurrence(actors[actor], concepts[concept], Relation::Supports, None);
/// }
/// let found = coalitions(&graph, Normalisation::None, &LouvainConfig::default());
/// assert_eq!(found.communities.partition.of, vec![0, 0, 1, 1]);
/// ```
pub fn coalitions(
    graph: &ArgGraph,
    normalisation: Normalisation,
    config: &LouvainConfig,
) -> Coalitions {
    let network = one_mode(
        &two_mode(graph),
        Mode::Actors,
        Aggregation::Congruence,
        normalisation,
    );
    let compact = network
        .to_compact()
        .expect("congruence weights are not negative");
    Coalitions {
        communities: louvain(&compact, config),
        network,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    /// Actor 0: supports X twice, critiques Y. Actor 1: supports X,
    /// supports Y. Actor 2: critiques X.
    fn sample() -> TwoMode {
        TwoMode {
            actors: (0..3).map(NodeIndex::new).collect(),
            concepts: (3..5).map(NodeIndex::new).collect(),
            statements: vec![
                (0, 0, 2.0, 0.0),
                (0, 1, 0.0, 1.0),
                (1, 0, 1.0, 0.0),
                (1, 1, 1.0, 0.0),
                (2, 0, 0.0, 1.0),
            ],
        }
    }

    #[test]
    fn aggregations_and_normalisations_table() {
        use Aggregation::*;
        use Normalisation as N;
        let rows: [(Aggregation, Normalisation, Vec<WeightedEdge>); 7] = [
            (Congruence, N::None, vec![(0, 1, 2.0)]),
            (
                Conflict,
                N::None,
                vec![(0, 1, 1.0), (0, 2, 2.0), (1, 2, 1.0)],
            ),
            (
                Subtract,
                N::None,
                vec![(0, 1, 1.0), (0, 2, -2.0), (1, 2, -1.0)],
            ),
            // A_0 = 3, A_1 = 2: (3 + 2) / 2
            (Congruence, N::AverageActivity, vec![(0, 1, 2.0 / 2.5)]),
            // shared support on X: m11 = 2·1; m10 = 3 − 2, m01 = 2 − 1
            (Congruence, N::Jaccard, vec![(0, 1, 2.0 / 4.0)]),
            // ‖x_0‖ = √5, ‖x_1‖ = √2
            (Congruence, N::Cosine, vec![(0, 1, 2.0 / 10f64.sqrt())]),
            (
                Conflict,
                N::Cosine,
                vec![
                    (0, 1, 1.0 / 10f64.sqrt()),
                    (0, 2, 2.0 / 5f64.sqrt()),
                    (1, 2, 1.0 / 2f64.sqrt()),
                ],
            ),
        ];
        for (aggregation, normalisation, want) in rows {
            let got = one_mode(&sample(), Mode::Actors, aggregation, normalisation).edges;
            assert_eq!(got.len(), want.len(), "{aggregation:?} {normalisation:?}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!((g.0, g.1), (w.0, w.1));
                assert!(
                    (g.2 - w.2).abs() < 1e-12,
                    "{aggregation:?} {normalisation:?}: {g:?} {w:?}"
                );
            }
        }
    }

    #[test]
    fn concept_network_ties_items_through_actors() {
        // X and Y: actor 0 supports X and critiques Y (conflict 2·1),
        // actor 1 supports both (congruence 1).
        let net = one_mode(
            &sample(),
            Mode::Concepts,
            Aggregation::Subtract,
            Normalisation::None,
        );
        assert_eq!(net.edges, vec![(0, 1, 1.0 - 2.0)]);
        assert!(net.to_compact().is_err());
    }

    #[test]
    fn two_mode_reads_stance_edges_of_actors_only() {
        let mut graph = ArgGraph::new("g");
        let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
        let x = graph.add_node(Node::new(NodeKind::Concept, "X"));
        let d = graph.add_node(Node::new(NodeKind::Document, "d"));
        graph.add_occurrence(a, x, Relation::Supports, None);
        graph.add_occurrence(a, x, Relation::Critiques, None);
        graph.add_occurrence(a, x, Relation::Critiques, None);
        graph.add_occurrence(d, x, Relation::Mentions, None);
        let two = two_mode(&graph);
        assert_eq!(two.statements, vec![(0, 0, 1.0, 2.0)]);
        let empty = coalitions(
            &ArgGraph::new("e"),
            Normalisation::Jaccard,
            &LouvainConfig::default(),
        );
        assert_eq!(empty.communities.partition.count, 0);
        assert_eq!(
            Normalisation::parse("average-activity").unwrap(),
            Normalisation::AverageActivity
        );
        assert!(Normalisation::parse("z").is_err());
    }
}

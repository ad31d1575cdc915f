//! Analysis stage: petgraph's graph-visiting traits for `&CompactGraph`, so
//! that petgraph and rustworkx-core algorithms (eigenvector centrality, and
//! anything a library user wants: `petgraph::algo::dijkstra`, `Bfs`, …) run
//! on the compact graph without a copy. Node ids are `u32`; edge ids are
//! positions in the out-adjacency, so the two stored directions of an
//! undirected edge have two ids.

use fixedbitset::FixedBitSet;
use petgraph::visit::{
    Data, EdgeCount, EdgeIndexable, EdgeRef, GraphBase, GraphProp, IntoEdgeReferences, IntoEdges,
    IntoEdgesDirected, IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers, NodeCount,
    NodeIndexable, Visitable,
};
use petgraph::{Directed, Direction};

use super::compact::CompactGraph;

impl GraphBase for CompactGraph {
    type NodeId = u32;
    type EdgeId = usize;
}

impl Data for CompactGraph {
    type NodeWeight = ();
    type EdgeWeight = f64;
}

impl GraphProp for CompactGraph {
    /// The type says directed; [`GraphProp::is_directed`] gives the truth,
    /// which is what algorithms ask.
    type EdgeType = Directed;

    fn is_directed(&self) -> bool {
        CompactGraph::is_directed(self)
    }
}

impl NodeCount for CompactGraph {
    fn node_count(&self) -> usize {
        CompactGraph::node_count(self)
    }
}

impl EdgeCount for CompactGraph {
    fn edge_count(&self) -> usize {
        CompactGraph::edge_count(self)
    }
}

impl NodeIndexable for CompactGraph {
    fn node_bound(&self) -> usize {
        CompactGraph::node_count(self)
    }
    fn to_index(&self, node: u32) -> usize {
        node as usize
    }
    fn from_index(&self, index: usize) -> u32 {
        index as u32
    }
}

impl EdgeIndexable for CompactGraph {
    fn edge_bound(&self) -> usize {
        self.adjacency_len()
    }
    fn to_index(&self, edge: usize) -> usize {
        edge
    }
    fn from_index(&self, index: usize) -> usize {
        index
    }
}

impl Visitable for CompactGraph {
    type Map = FixedBitSet;
    fn visit_map(&self) -> FixedBitSet {
        FixedBitSet::with_capacity(CompactGraph::node_count(self))
    }
    fn reset_map(&self, map: &mut FixedBitSet) {
        map.clear();
        map.grow(CompactGraph::node_count(self));
    }
}

/// An edge seen through petgraph's [`EdgeRef`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompactEdge {
    source: u32,
    target: u32,
    weight: f64,
    id: usize,
}

impl EdgeRef for CompactEdge {
    type NodeId = u32;
    type EdgeId = usize;
    type Weight = f64;
    fn source(&self) -> u32 {
        self.source
    }
    fn target(&self) -> u32 {
        self.target
    }
    fn weight(&self) -> &f64 {
        &self.weight
    }
    fn id(&self) -> usize {
        self.id
    }
}

impl IntoNodeIdentifiers for &CompactGraph {
    type NodeIdentifiers = std::ops::Range<u32>;
    fn node_identifiers(self) -> Self::NodeIdentifiers {
        0..CompactGraph::node_count(self) as u32
    }
}

impl<'a> IntoNeighbors for &'a CompactGraph {
    type Neighbors = std::iter::Copied<std::slice::Iter<'a, u32>>;
    fn neighbors(self, node: u32) -> Self::Neighbors {
        self.neighbours(node).iter().copied()
    }
}

impl<'a> IntoNeighborsDirected for &'a CompactGraph {
    type NeighborsDirected = std::iter::Copied<std::slice::Iter<'a, u32>>;
    fn neighbors_directed(self, node: u32, direction: Direction) -> Self::NeighborsDirected {
        match direction {
            Direction::Outgoing => self.neighbours(node).iter().copied(),
            Direction::Incoming => self.in_neighbours(node).iter().copied(),
        }
    }
}

/// Edges of one node: out-edges (`source` = the node) or, for
/// `Incoming`, in-edges (`target` = the node; for an undirected graph the
/// same edges, seen from the other end, as petgraph does).
#[derive(Debug, Clone)]
pub struct CompactEdges<'a> {
    graph: &'a CompactGraph,
    node: u32,
    incoming: bool,
    next: usize,
}

impl Iterator for CompactEdges<'_> {
    type Item = CompactEdge;
    fn next(&mut self) -> Option<CompactEdge> {
        let graph = self.graph;
        let i = self.next;
        if !self.incoming {
            if i >= graph.out_degree(self.node) {
                return None;
            }
            self.next += 1;
            let id = graph.out_offset(self.node) + i;
            return Some(CompactEdge {
                source: self.node,
                target: graph.target_at(id),
                weight: graph.weight_at(id),
                id,
            });
        }
        let sources = graph.in_neighbours(self.node);
        let &source = sources.get(i)?;
        self.next += 1;
        // Find the same edge in the source's sorted out-row: the k-th
        // parallel copy here is the k-th copy there.
        let copy = sources[..i]
            .iter()
            .rev()
            .take_while(|&&s| s == source)
            .count();
        let row = graph.neighbours(source);
        let id = graph.out_offset(source) + row.partition_point(|&t| t < self.node) + copy;
        Some(CompactEdge {
            source,
            target: self.node,
            weight: graph.weight_at(id),
            id,
        })
    }
}

/// Every edge once (an undirected edge from its smaller end).
#[derive(Debug, Clone)]
pub struct CompactEdgeReferences<'a> {
    graph: &'a CompactGraph,
    source: u32,
    next: usize,
}

impl Iterator for CompactEdgeReferences<'_> {
    type Item = CompactEdge;
    fn next(&mut self) -> Option<CompactEdge> {
        let graph = self.graph;
        while self.next < graph.adjacency_len() {
            let id = self.next;
            self.next += 1;
            while graph.out_offset(self.source + 1) <= id {
                self.source += 1;
            }
            let target = graph.target_at(id);
            let keep = graph.is_directed()
                || self.source < target
                // An undirected self-loop is stored twice, side by side.
                || (self.source == target
                    && (id - graph.out_offset(self.source)
                        - graph.neighbours(self.source).partition_point(|&t| t < target))
                        % 2
                        == 0);
            if keep {
                return Some(CompactEdge {
                    source: self.source,
                    target,
                    weight: graph.weight_at(id),
                    id,
                });
            }
        }
        None
    }
}

impl<'a> IntoEdgeReferences for &'a CompactGraph {
    type EdgeRef = CompactEdge;
    type EdgeReferences = CompactEdgeReferences<'a>;
    fn edge_references(self) -> Self::EdgeReferences {
        CompactEdgeReferences {
            graph: self,
            source: 0,
            next: 0,
        }
    }
}

impl<'a> IntoEdges for &'a CompactGraph {
    type Edges = CompactEdges<'a>;
    fn edges(self, node: u32) -> Self::Edges {
        CompactEdges {
            graph: self,
            node,
            incoming: false,
            next: 0,
        }
    }
}

impl<'a> IntoEdgesDirected for &'a CompactGraph {
    type EdgesDirected = CompactEdges<'a>;
    fn edges_directed(self, node: u32, direction: Direction) -> Self::EdgesDirected {
        CompactEdges {
            graph: self,
            node,
            incoming: direction == Direction::Incoming,
            next: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::random::SplitMix64;
    use crate::analysis::{BetweennessConfig, ClosenessConfig, betweenness, closeness};

    fn random_graph(directed: bool, seed: u64) -> CompactGraph {
        let mut rng = SplitMix64::new(seed);
        let edges: Vec<(u32, u32)> = (0..300)
            .map(|_| (rng.below(90) as u32, rng.below(90) as u32))
            .filter(|(u, v)| u != v)
            .collect();
        CompactGraph::from_pairs(90, directed, &edges).unwrap()
    }

    #[test]
    fn petgraph_algorithms_run_on_the_compact_graph() {
        let graph =
            CompactGraph::from_edges(4, true, &[(0, 1, 1.0), (1, 2, 2.0), (0, 2, 5.0)]).unwrap();
        let distances = petgraph::algo::dijkstra(&graph, 0, None, |e| *e.weight());
        assert_eq!(distances[&2], 3.0);
        assert!(!distances.contains_key(&3));
        let incoming: Vec<(u32, usize)> = (&graph)
            .edges_directed(2, Direction::Incoming)
            .map(|e| (e.source(), e.id()))
            .collect();
        assert_eq!(incoming, vec![(0, 1), (1, 2)]);
        assert_eq!((&graph).edge_references().count(), 3);
        let undirected = CompactGraph::from_pairs(2, false, &[(0, 1), (1, 1)]).unwrap();
        assert_eq!((&undirected).edge_references().count(), 2);
    }

    /// rustworkx-core's own betweenness and closeness, run through these
    /// traits, agree with argnet's on random graphs.
    #[test]
    fn rustworkx_core_agrees_with_argnet() {
        for (seed, directed) in [(1, true), (2, false)] {
            let graph = random_graph(directed, seed);
            let theirs =
                rustworkx_core::centrality::betweenness_centrality(&graph, false, true, 1000);
            let ours = betweenness(&graph, &BetweennessConfig::default());
            for (a, b) in theirs.iter().zip(&ours) {
                assert!((a.unwrap() - b).abs() < 1e-9, "{a:?} {b}");
            }
            let theirs = rustworkx_core::centrality::closeness_centrality(&graph, true, 1000);
            let ours = closeness(&graph, &ClosenessConfig::default()).closeness;
            for (a, b) in theirs.iter().zip(&ours) {
                assert!((a.unwrap() - b).abs() < 1e-9, "{a:?} {b}");
            }
        }
    }
}

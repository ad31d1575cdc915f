//! Analysis stage: how two nodes connect — the shortest path and the k
//! shortest loop-free paths (Yen) on a compact graph, and the argument-graph
//! edges (relation and evidence) behind each hop. Pure: printing is the
//! binary's job.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use petgraph::graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdges};

use super::compact::CompactGraph;
use super::projection::Layer;
use super::shortest::EdgeLength;
use crate::error::Result;
use crate::model::{ArgGraph, Edge, Relation};

/// A path: its nodes from source to target, and its length.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub nodes: Vec<u32>,
    pub length: f64,
}

/// The shortest path from `source` to `target`, or `None` if there is
/// none. Dijkstra (E. W. Dijkstra, "A note on two problems in connexion
/// with graphs", 1959) with ties broken towards smaller node ids, so the
/// same graph gives the same path; O(m log n). Same length as NetworkX's
/// `shortest_path(G, s, t, weight)`.
///
/// ```
/// use argnet::analysis::{shortest_path, CompactGraph, EdgeLength};
/// // 0 ─ 1 ─ 2 ─ 3 and a short cut 0 ─ 3
/// let graph = CompactGraph::from_pairs(4, false, &[(0, 1), (1, 2), (2, 3), (0, 3)]).unwrap();
/// let path = shortest_path(&graph, 1, 3, EdgeLength::Hops).unwrap();
/// assert_eq!(path.nodes, vec![1, 0, 3]);
/// assert_eq!(path.length, 2.0);
/// ```
pub fn shortest_path(
    graph: &CompactGraph,
    source: u32,
    target: u32,
    length: EdgeLength,
) -> Option<Path> {
    let n = graph.node_count();
    if source as usize >= n || target as usize >= n {
        return None;
    }
    Search::new(n).run(graph, source, target, length, &[])
}

/// The `k` shortest loop-free paths from `source` to `target`, shortest
/// first (ties by node ids). Yen's algorithm (J. Y. Yen, "Finding the k
/// shortest loopless paths in a network", Management Science 17(11),
/// 1971): O(k n (m log n)). The lengths are those of NetworkX's
/// `shortest_simple_paths(G, s, t, weight)`, taken k at a time.
///
/// ```
/// use argnet::analysis::{k_shortest_paths, CompactGraph, EdgeLength};
/// let graph = CompactGraph::from_pairs(4, false, &[(0, 1), (1, 2), (2, 3), (0, 3)]).unwrap();
/// let paths = k_shortest_paths(&graph, 1, 3, 3, EdgeLength::Hops);
/// let nodes: Vec<_> = paths.iter().map(|p| p.nodes.clone()).collect();
/// assert_eq!(nodes, vec![vec![1, 0, 3], vec![1, 2, 3]]);
/// ```
pub fn k_shortest_paths(
    graph: &CompactGraph,
    source: u32,
    target: u32,
    k: usize,
    length: EdgeLength,
) -> Vec<Path> {
    let n = graph.node_count();
    let Some(first) = shortest_path(graph, source, target, length) else {
        return Vec::new();
    };
    let mut search = Search::new(n);
    let mut found = vec![first];
    let mut candidates: Vec<Path> = Vec::new();
    while found.len() < k {
        let last = found.last().expect("at least one path").clone();
        for spur_at in 0..last.nodes.len() - 1 {
            let root = &last.nodes[..=spur_at];
            let spur = root[spur_at];
            // Edges leaving the root that a found path already took.
            let mut banned_edges: Vec<(u32, u32)> = Vec::new();
            for path in &found {
                if path.nodes.len() > spur_at + 1 && path.nodes[..=spur_at] == *root {
                    let (u, v) = (path.nodes[spur_at], path.nodes[spur_at + 1]);
                    banned_edges.push((u, v));
                    if !graph.is_directed() {
                        banned_edges.push((v, u));
                    }
                }
            }
            banned_edges.sort_unstable();
            for &v in &root[..spur_at] {
                search.banned[v as usize] = true;
            }
            let spur_path = search.run(graph, spur, target, length, &banned_edges);
            for &v in &root[..spur_at] {
                search.banned[v as usize] = false;
            }
            if let Some(spur_path) = spur_path {
                let mut nodes = root[..spur_at].to_vec();
                nodes.extend(&spur_path.nodes);
                let candidate = Path {
                    length: path_length(graph, &nodes, length),
                    nodes,
                };
                if !candidates.contains(&candidate)
                    && !found.iter().any(|p| p.nodes == candidate.nodes)
                {
                    candidates.push(candidate);
                }
            }
        }
        let Some(best) = candidates
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| {
                a.length
                    .total_cmp(&b.length)
                    .then_with(|| a.nodes.cmp(&b.nodes))
            })
            .map(|(i, _)| i)
        else {
            break;
        };
        found.push(candidates.swap_remove(best));
    }
    found
}

/// Length of a path, taking the shortest of parallel edges.
fn path_length(graph: &CompactGraph, nodes: &[u32], length: EdgeLength) -> f64 {
    nodes
        .windows(2)
        .map(|hop| {
            graph
                .edges(hop[0])
                .filter(|e| e.target() == hop[1])
                .filter_map(|e| length.of(*e.weight()))
                .fold(f64::INFINITY, f64::min)
        })
        .sum()
}

/// Dijkstra from one source to one target with banned nodes and edges.
struct Search {
    distance: Vec<f64>,
    previous: Vec<u32>,
    done: Vec<bool>,
    banned: Vec<bool>,
    touched: Vec<u32>,
}

impl Search {
    fn new(n: usize) -> Self {
        Search {
            distance: vec![f64::INFINITY; n],
            previous: vec![u32::MAX; n],
            done: vec![false; n],
            banned: vec![false; n],
            touched: Vec::new(),
        }
    }

    fn run(
        &mut self,
        graph: &CompactGraph,
        source: u32,
        target: u32,
        length: EdgeLength,
        banned_edges: &[(u32, u32)],
    ) -> Option<Path> {
        let mut heap = BinaryHeap::new();
        self.distance[source as usize] = 0.0;
        self.touched.push(source);
        heap.push(Entry(0.0, source));
        while let Some(Entry(d, v)) = heap.pop() {
            if self.done[v as usize] {
                continue;
            }
            self.done[v as usize] = true;
            if v == target {
                break;
            }
            let weights = graph.neighbour_weights(v);
            for (i, &w) in graph.neighbours(v).iter().enumerate() {
                if self.banned[w as usize]
                    || self.done[w as usize]
                    || banned_edges.binary_search(&(v, w)).is_ok()
                {
                    continue;
                }
                let Some(step) = length.of(weights.map_or(1.0, |ws| ws[i])) else {
                    continue;
                };
                let candidate = d + step;
                if candidate < self.distance[w as usize] {
                    if self.distance[w as usize] == f64::INFINITY {
                        self.touched.push(w);
                    }
                    self.distance[w as usize] = candidate;
                    self.previous[w as usize] = v;
                    heap.push(Entry(candidate, w));
                }
            }
        }
        let result = self.done[target as usize].then(|| {
            let mut nodes = vec![target];
            while *nodes.last().expect("not empty") != source {
                nodes.push(self.previous[*nodes.last().expect("not empty") as usize]);
            }
            nodes.reverse();
            Path {
                nodes,
                length: self.distance[target as usize],
            }
        });
        for &v in &self.touched {
            self.distance[v as usize] = f64::INFINITY;
            self.previous[v as usize] = u32::MAX;
            self.done[v as usize] = false;
        }
        self.touched.clear();
        result
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry(f64, u32);

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One argument-graph edge behind a hop of a path.
#[derive(Debug, Clone, Copy)]
pub struct Hop<'g> {
    /// Whether the edge points from the hop's first node to its second.
    pub forward: bool,
    pub relation: Relation,
    pub edge: &'g Edge,
}

/// The edges of `layer` between `from` and `to` (either way unless
/// `directed`), strongest first (by weight, then relation order), so that
/// the first one, with its evidence, explains the hop. O(degree).
///
/// ```
/// use argnet::analysis::{hop_edges, Layer};
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// let mut graph = ArgGraph::new("g");
/// let d = graph.add_node(Node::new(NodeKind::Document, "d"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(d, c, Relation::Mentions, None);
/// // walking from the concept back to the document crosses the edge backwards
/// let hops = hop_edges(&graph, &Layer::ALL, c, d, false);
/// assert_eq!((hops[0].relation, hops[0].forward), (Relation::Mentions, false));
/// assert!(hop_edges(&graph, &Layer::ALL, c, d, true).is_empty());
/// ```
pub fn hop_edges<'g>(
    graph: &'g ArgGraph,
    layer: &Layer,
    from: NodeIndex,
    to: NodeIndex,
    directed: bool,
) -> Vec<Hop<'g>> {
    let inner = graph.graph();
    let mut hops: Vec<Hop<'g>> = inner
        .edges_connecting(from, to)
        .map(|e| (true, e.weight()))
        .chain(
            inner
                .edges_connecting(to, from)
                .filter(|e| !directed || e.weight().relation.is_undirected())
                .map(|e| (false, e.weight())),
        )
        .filter(|(_, edge)| layer.contains(edge.relation))
        .map(|(forward, edge)| Hop {
            forward: forward || edge.relation.is_undirected(),
            relation: edge.relation,
            edge,
        })
        .collect();
    hops.sort_by(|a, b| {
        b.edge
            .weight
            .total_cmp(&a.edge.weight)
            .then_with(|| a.relation.cmp(&b.relation))
            .then_with(|| b.forward.cmp(&a.forward))
    });
    hops
}

/// The node `query` names: its id (`concept:big-society`), or its label or
/// an alias seen in the texts, ignoring case. An error names the query and
/// offers the closest names when nothing matches, or the ids when several
/// do (see [`ArgGraph::resolve`]).
///
/// ```
/// use argnet::analysis::find_node;
/// use argnet::model::{ArgGraph, Node, NodeKind};
/// let mut graph = ArgGraph::new("g");
/// let c = graph.add_node(Node::new(NodeKind::Concept, "Total Place"));
/// assert_eq!(find_node(&graph, "total place").unwrap(), c);
/// let err = find_node(&graph, "total").unwrap_err().to_string();
/// assert!(err.contains("did you mean \"Total Place\"?"));
/// ```
pub fn find_node(graph: &ArgGraph, query: &str) -> Result<NodeIndex> {
    graph.resolve("node", query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> CompactGraph {
        // 0 ─ 1 ─ 2
        // |   |   |
        // 3 ─ 4 ─ 5
        CompactGraph::from_pairs(
            6,
            false,
            &[(0, 1), (1, 2), (0, 3), (1, 4), (2, 5), (3, 4), (4, 5)],
        )
        .unwrap()
    }

    #[test]
    fn yen_lists_paths_by_length_without_repeats() {
        let paths = k_shortest_paths(&grid(), 0, 5, 10, EdgeLength::Hops);
        let lengths: Vec<f64> = paths.iter().map(|p| p.length).collect();
        // three of length 3 and one round both squares
        assert_eq!(lengths, vec![3.0, 3.0, 3.0, 5.0]);
        for path in &paths {
            let mut seen = path.nodes.clone();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), path.nodes.len(), "loop in {:?}", path.nodes);
        }
        assert_eq!(paths[0].nodes, vec![0, 1, 2, 5]);
    }

    #[test]
    fn directed_weighted_and_missing_paths() {
        let g =
            CompactGraph::from_edges(4, true, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 4.0)]).unwrap();
        let p = shortest_path(&g, 0, 2, EdgeLength::InverseWeight).unwrap();
        assert_eq!((p.nodes.clone(), p.length), (vec![0, 2], 0.25));
        assert_eq!(shortest_path(&g, 2, 0, EdgeLength::Hops), None);
        assert_eq!(shortest_path(&g, 0, 3, EdgeLength::Hops), None);
        assert_eq!(shortest_path(&g, 0, 9, EdgeLength::Hops), None);
        assert!(k_shortest_paths(&g, 2, 0, 3, EdgeLength::Hops).is_empty());
        let same = shortest_path(&g, 1, 1, EdgeLength::Hops).unwrap();
        assert_eq!((same.nodes, same.length), (vec![1], 0.0));
        assert_eq!(k_shortest_paths(&g, 0, 2, 5, EdgeLength::Hops).len(), 2);
    }

    #[test]
    fn nodes_are_found_by_name_with_helpful_errors() {
        use crate::model::{Node, NodeKind};
        let mut graph = ArgGraph::new("g");
        let a = graph.add_node(Node::new(NodeKind::Concept, "Big Society"));
        graph.add_node(Node::new(NodeKind::Actor, "Mercury"));
        graph.add_node(Node::new(NodeKind::Concept, "Mercury"));
        assert_eq!(find_node(&graph, "big society").unwrap(), a);
        assert_eq!(find_node(&graph, "concept:big-society").unwrap(), a);
        let none = find_node(&graph, "society").unwrap_err().to_string();
        assert!(none.contains("did you mean \"Big Society\"?"), "{none}");
        let many = find_node(&graph, "mercury").unwrap_err().to_string();
        assert!(many.contains("actor:mercury, concept:mercury"), "{many}");
    }
}

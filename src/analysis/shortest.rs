//! Analysis stage: single-source shortest paths (breadth-first search for
//! hop counts, Dijkstra for weighted lengths) with buffers that are reused
//! from one source to the next, so that all-pairs measures (closeness,
//! harmonic, weighted betweenness, paths) allocate once per thread. Pure.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::compact::CompactGraph;
use crate::error::{Error, Result};

/// How long an edge is when measuring distances.
///
/// argnet's edge weights count occurrences (a tie seen five times is
/// stronger, so it should be *shorter*); that is why the default for
/// weighted distances is the inverse weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EdgeLength {
    /// Every edge has length 1 (weights ignored).
    #[default]
    Hops,
    /// Length `1 / weight`; an edge of weight 0 cannot be crossed.
    InverseWeight,
    /// Length = weight (for weights that already are distances); an edge
    /// of weight 0 has length 0.
    Weight,
}

impl EdgeLength {
    /// Length of an edge of `weight`; `None` if it cannot be crossed.
    #[inline]
    pub fn of(self, weight: f64) -> Option<f64> {
        match self {
            EdgeLength::Hops => Some(1.0),
            EdgeLength::InverseWeight if weight > 0.0 => Some(1.0 / weight),
            EdgeLength::InverseWeight => None,
            EdgeLength::Weight => Some(weight),
        }
    }

    /// Parse `hops`, `inverse-weight` or `weight`.
    pub fn parse(text: &str) -> Result<EdgeLength> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "hops" | "unweighted" => Ok(EdgeLength::Hops),
            "inverse-weight" | "inverse" => Ok(EdgeLength::InverseWeight),
            "weight" => Ok(EdgeLength::Weight),
            _ => Err(Error::InvalidValue {
                name: "--length",
                value: text.to_owned(),
                message: "use hops, inverse-weight or weight".into(),
            }),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EdgeLength::Hops => "hops",
            EdgeLength::InverseWeight => "inverse-weight",
            EdgeLength::Weight => "weight",
        }
    }
}

/// Which way edges are followed from the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Towards {
    /// Along edges: distances from the source.
    Out,
    /// Against edges: distances to the source.
    In,
}

/// Reusable state of a single-source search. After a run, [`order`]
/// lists the reached nodes by non-decreasing distance (the source first),
/// [`distance`] gives their distances and [`paths`] the number of shortest
/// paths from the source.
///
/// [`order`]: ShortestPaths::order
/// [`distance`]: ShortestPaths::distance
/// [`paths`]: ShortestPaths::paths
///
/// Breadth-first search for hops, Dijkstra (binary heap) for lengths; the
/// number of shortest paths is counted as Brandes does.
///
/// ```
/// use argnet::analysis::{CompactGraph, EdgeLength, ShortestPaths, Towards};
/// // a square 0 ─ 1 ─ 3 ─ 2 ─ 0: two shortest paths from 0 to 3
/// let graph = CompactGraph::from_pairs(4, false, &[(0, 1), (1, 3), (0, 2), (2, 3)]).unwrap();
/// let mut search = ShortestPaths::new(4);
/// search.run(&graph, 0, EdgeLength::Hops, Towards::Out);
/// assert_eq!((search.distance(3), search.paths(3)), (2.0, 2.0));
/// assert_eq!(search.order(), &[0, 1, 2, 3]);
/// ```
#[derive(Debug, Clone)]
pub struct ShortestPaths {
    distance: Vec<f64>,
    paths: Vec<f64>,
    done: Vec<bool>,
    order: Vec<u32>,
    heap: BinaryHeap<Entry>,
}

impl ShortestPaths {
    /// Buffers for a graph of `node_count` nodes.
    pub fn new(node_count: usize) -> Self {
        ShortestPaths {
            distance: vec![f64::INFINITY; node_count],
            paths: vec![0.0; node_count],
            done: vec![false; node_count],
            order: Vec::with_capacity(node_count),
            heap: BinaryHeap::new(),
        }
    }

    /// Nodes reached by the last run, by non-decreasing distance.
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Distance of `node` in the last run (infinite when not reached).
    #[inline]
    pub fn distance(&self, node: u32) -> f64 {
        self.distance[node as usize]
    }

    /// Number of shortest paths from the source to `node` in the last run.
    #[inline]
    pub fn paths(&self, node: u32) -> f64 {
        self.paths[node as usize]
    }

    /// Run from `source`, counting shortest paths. O(m) for hops,
    /// O(m log n) otherwise.
    pub fn run(&mut self, graph: &CompactGraph, source: u32, length: EdgeLength, towards: Towards) {
        self.clear();
        match length {
            EdgeLength::Hops => self.breadth_first(graph, source, towards),
            _ => self.dijkstra(graph, source, length, towards),
        }
    }

    fn clear(&mut self) {
        for &node in &self.order {
            let node = node as usize;
            self.distance[node] = f64::INFINITY;
            self.paths[node] = 0.0;
            self.done[node] = false;
        }
        self.order.clear();
        self.heap.clear();
    }

    fn breadth_first(&mut self, graph: &CompactGraph, source: u32, towards: Towards) {
        self.distance[source as usize] = 0.0;
        self.paths[source as usize] = 1.0;
        self.order.push(source);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head];
            head += 1;
            let next = self.distance[v as usize] + 1.0;
            let paths_v = self.paths[v as usize];
            let neighbours = match towards {
                Towards::Out => graph.neighbours(v),
                Towards::In => graph.in_neighbours(v),
            };
            for &w in neighbours {
                let w_index = w as usize;
                if self.distance[w_index] == f64::INFINITY {
                    self.distance[w_index] = next;
                    self.order.push(w);
                }
                if self.distance[w_index] == next {
                    self.paths[w_index] += paths_v;
                }
            }
        }
    }

    fn dijkstra(
        &mut self,
        graph: &CompactGraph,
        source: u32,
        length: EdgeLength,
        towards: Towards,
    ) {
        self.distance[source as usize] = 0.0;
        self.paths[source as usize] = 1.0;
        self.heap.push(Entry {
            distance: 0.0,
            node: source,
        });
        // Every node that gets a finite distance is pushed and so, in the
        // end, finished: `order` lists all touched nodes for `clear`.
        while let Some(Entry { distance, node: v }) = self.heap.pop() {
            if self.done[v as usize] || distance > self.distance[v as usize] {
                continue;
            }
            self.done[v as usize] = true;
            self.order.push(v);
            let (neighbours, weights) = match towards {
                Towards::Out => (graph.neighbours(v), graph.neighbour_weights(v)),
                Towards::In => (graph.in_neighbours(v), graph.in_neighbour_weights(v)),
            };
            let paths_v = self.paths[v as usize];
            for (i, &w) in neighbours.iter().enumerate() {
                let Some(step) = length.of(weights.map_or(1.0, |ws| ws[i])) else {
                    continue;
                };
                let w_index = w as usize;
                if self.done[w_index] {
                    continue;
                }
                let candidate = distance + step;
                if candidate < self.distance[w_index] {
                    self.distance[w_index] = candidate;
                    self.paths[w_index] = paths_v;
                    self.heap.push(Entry {
                        distance: candidate,
                        node: w,
                    });
                } else if candidate == self.distance[w_index] {
                    self.paths[w_index] += paths_v;
                }
            }
        }
    }
}

/// A heap entry ordered so that `BinaryHeap` pops the smallest distance
/// first, ties by the smaller node (for reproducible paths).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    distance: f64,
    node: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .distance
            .total_cmp(&self.distance)
            .then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 0 ─1─ 1 ─1─ 3, 0 ─1─ 2 ─1─ 3, 0 ─4─ 3 (weights as lengths)
    fn diamond() -> CompactGraph {
        CompactGraph::from_edges(
            5,
            false,
            &[
                (0, 1, 1.0),
                (1, 3, 1.0),
                (0, 2, 1.0),
                (2, 3, 1.0),
                (0, 3, 4.0),
            ],
        )
        .unwrap()
    }

    #[test]
    fn hops_count_paths_and_skip_unreached() {
        let mut search = ShortestPaths::new(5);
        search.run(&diamond(), 0, EdgeLength::Hops, Towards::Out);
        assert_eq!(search.distance(3), 1.0);
        assert_eq!(search.paths(3), 1.0);
        assert_eq!(search.distance(4), f64::INFINITY);
        assert_eq!(search.order().len(), 4);
    }

    #[test]
    fn weighted_lengths_count_equal_paths_and_buffers_reset() {
        let graph = diamond();
        let mut search = ShortestPaths::new(5);
        search.run(&graph, 0, EdgeLength::Weight, Towards::Out);
        assert_eq!(search.distance(3), 2.0);
        assert_eq!(search.paths(3), 2.0);
        assert_eq!(search.order()[0], 0);
        search.run(&graph, 3, EdgeLength::InverseWeight, Towards::In);
        assert_eq!(search.distance(0), 0.25);
        assert_eq!(search.paths(0), 1.0);
        assert_eq!(search.distance(4), f64::INFINITY);
    }

    #[test]
    fn zero_weights_block_inverse_lengths() {
        let graph = CompactGraph::from_edges(2, true, &[(0, 1, 0.0)]).unwrap();
        let mut search = ShortestPaths::new(2);
        search.run(&graph, 0, EdgeLength::InverseWeight, Towards::Out);
        assert_eq!(search.distance(1), f64::INFINITY);
        search.run(&graph, 0, EdgeLength::Weight, Towards::Out);
        assert_eq!(search.distance(1), 0.0);
        assert_eq!(
            EdgeLength::parse("inverse_weight").unwrap(),
            EdgeLength::InverseWeight
        );
        assert!(EdgeLength::parse("miles").is_err());
    }
}

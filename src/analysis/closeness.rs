//! Analysis stage: closeness and harmonic centrality, from one shortest-path
//! search per node (run in parallel above a size threshold). Pure.
//!
//! rustworkx-core has `closeness_centrality`, but it keeps distances in a
//! hash map per source and has no harmonic variant and no weighted
//! lengths; this file computes both measures from one search with reused
//! buffers.

use rayon::prelude::*;

use super::compact::CompactGraph;
use super::shortest::{EdgeLength, ShortestPaths, Towards};

/// Options for [`closeness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosenessConfig {
    pub length: EdgeLength,
    /// Scale closeness by the share of nodes that reach the node
    /// (Wasserman and Faust), NetworkX's `wf_improved=True`.
    pub wf_improved: bool,
    /// Run in parallel (rayon) from this many nodes on.
    pub parallel_threshold: usize,
}

impl Default for ClosenessConfig {
    fn default() -> Self {
        ClosenessConfig {
            length: EdgeLength::Hops,
            wf_improved: true,
            parallel_threshold: 256,
        }
    }
}

/// Closeness and harmonic centrality of some nodes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closeness {
    /// `(r - 1) / Σ d(v, u)`, times `(r - 1) / (n - 1)` when
    /// `wf_improved`, where `r` counts the nodes that reach `u` (itself
    /// included); 0 when no other node reaches `u`.
    pub closeness: Vec<f64>,
    /// `Σ 1 / d(v, u)` over the other nodes `v` that reach `u`.
    pub harmonic: Vec<f64>,
}

/// Closeness and harmonic centrality of every node.
///
/// Distances are measured *to* the node (over incoming edges when
/// directed), as NetworkX's `closeness_centrality(G, distance=…,
/// wf_improved=…)` and `harmonic_centrality(G, distance=…)` do; pass a
/// reversed graph for outgoing distances. Unreachable pairs add nothing,
/// so disconnected graphs give finite values. One search per node: O(nm)
/// for hops, O(nm log n) for weighted lengths.
///
/// References: A. Bavelas (1950); L. C. Freeman, "Centrality in social
/// networks", Social Networks 1, 1979; M. Marchiori and V. Latora,
/// "Harmony in the small-world", Physica A 285, 2000.
///
/// ```
/// use argnet::analysis::{closeness, ClosenessConfig, CompactGraph};
/// // 0 ─ 1 ─ 2
/// let graph = CompactGraph::from_pairs(3, false, &[(0, 1), (1, 2)]).unwrap();
/// let c = closeness(&graph, &ClosenessConfig::default());
/// assert_eq!(c.closeness, vec![2.0 / 3.0, 1.0, 2.0 / 3.0]);
/// assert_eq!(c.harmonic, vec![1.5, 2.0, 1.5]);
/// ```
pub fn closeness(graph: &CompactGraph, config: &ClosenessConfig) -> Closeness {
    let nodes: Vec<u32> = (0..graph.node_count() as u32).collect();
    closeness_of(graph, &nodes, config)
}

/// [`closeness`] of the given nodes only (one search each), in their
/// order: O(k·m) for k nodes, for large graphs where only some nodes
/// matter.
///
/// ```
/// use argnet::analysis::{closeness_of, ClosenessConfig, CompactGraph};
/// let graph = CompactGraph::from_pairs(3, false, &[(0, 1), (1, 2)]).unwrap();
/// let c = closeness_of(&graph, &[1], &ClosenessConfig::default());
/// assert_eq!(c.closeness, vec![1.0]);
/// ```
pub fn closeness_of(graph: &CompactGraph, nodes: &[u32], config: &ClosenessConfig) -> Closeness {
    let n = graph.node_count();
    let one = |search: &mut Search, u: u32| -> (f64, f64) {
        let (total, harmonic, reached) = search.sums(graph, u, config.length);
        let mut closeness = 0.0;
        if total > 0.0 && n > 1 {
            closeness = (reached - 1.0) / total;
            if config.wf_improved {
                closeness *= (reached - 1.0) / (n - 1) as f64;
            }
        }
        (closeness, harmonic)
    };
    let pairs: Vec<(f64, f64)> = if n >= config.parallel_threshold {
        nodes
            .par_iter()
            .map_init(Search::new, |search, &u| one(search, u))
            .collect()
    } else {
        let mut search = Search::new();
        nodes.iter().map(|&u| one(&mut search, u)).collect()
    };
    let (closeness, harmonic) = pairs.into_iter().unzip();
    Closeness {
        closeness,
        harmonic,
    }
}

/// Distance sums from one search: a breadth-first search over `u32`
/// levels for hops (no path counting: closeness does not need it), the
/// general search otherwise.
struct Search {
    level: Vec<u32>,
    order: Vec<u32>,
    general: Option<ShortestPaths>,
}

impl Search {
    fn new() -> Self {
        Search {
            level: Vec::new(),
            order: Vec::new(),
            general: None,
        }
    }

    /// `(Σ d, Σ 1/d, nodes reached)` over the nodes that reach `u`.
    fn sums(&mut self, graph: &CompactGraph, u: u32, length: EdgeLength) -> (f64, f64, f64) {
        let n = graph.node_count();
        if length != EdgeLength::Hops {
            let search = self.general.get_or_insert_with(|| ShortestPaths::new(n));
            search.run(graph, u, length, Towards::In);
            let (mut total, mut harmonic) = (0.0, 0.0);
            for &v in search.order() {
                let d = search.distance(v);
                total += d;
                if d > 0.0 {
                    harmonic += 1.0 / d;
                }
            }
            return (total, harmonic, search.order().len() as f64);
        }
        if self.level.len() != n {
            self.level = vec![u32::MAX; n];
        }
        let (level, order) = (&mut self.level, &mut self.order);
        level[u as usize] = 0;
        order.push(u);
        let mut head = 0;
        let (mut total, mut harmonic) = (0u64, 0.0);
        while head < order.len() {
            let v = order[head];
            head += 1;
            let next = level[v as usize] + 1;
            for &w in graph.in_neighbours(v) {
                if level[w as usize] == u32::MAX {
                    level[w as usize] = next;
                    order.push(w);
                    total += u64::from(next);
                    harmonic += 1.0 / f64::from(next);
                }
            }
        }
        let reached = order.len() as f64;
        for &v in order.iter() {
            level[v as usize] = u32::MAX;
        }
        order.clear();
        (total as f64, harmonic, reached)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_closeness_uses_incoming_distances() {
        // 0 → 1 → 2
        let g = CompactGraph::from_pairs(3, true, &[(0, 1), (1, 2)]).unwrap();
        let c = closeness(&g, &ClosenessConfig::default());
        // 2 is reached by 1 (d 1) and 0 (d 2): (2/3) · (2/2)
        assert_eq!(c.closeness, vec![0.0, 0.5, 2.0 / 3.0]);
        assert_eq!(c.harmonic, vec![0.0, 1.0, 1.5]);
    }

    #[test]
    fn disconnected_isolated_and_zero_length() {
        let g = CompactGraph::from_edges(4, false, &[(0, 1, 0.0), (2, 3, 2.0)]).unwrap();
        for length in [
            EdgeLength::Hops,
            EdgeLength::InverseWeight,
            EdgeLength::Weight,
        ] {
            let config = ClosenessConfig {
                length,
                ..Default::default()
            };
            let c = closeness(&g, &config);
            assert!(c.closeness.iter().chain(&c.harmonic).all(|x| x.is_finite()));
        }
        let plain = closeness(&g, &ClosenessConfig::default());
        assert_eq!(plain.closeness, vec![1.0 / 3.0; 4]);
        let single = CompactGraph::from_pairs(1, false, &[]).unwrap();
        assert_eq!(
            closeness(&single, &ClosenessConfig::default()).closeness,
            vec![0.0]
        );
    }
}

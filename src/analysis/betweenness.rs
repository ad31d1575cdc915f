//! Analysis stage: betweenness centrality (Brandes), exact or from sampled
//! pivots, unweighted or with weighted lengths, in parallel above a size
//! threshold. Pure.
//!
//! Written here rather than taken from rustworkx-core: its
//! `betweenness_centrality` has no weighted lengths and no sampling, and it
//! allocates a predecessor list per node per source and serialises the
//! accumulation behind a lock, which makes it several times slower on large
//! graphs. This version allocates nothing per source: the search records
//! each node's successors on shortest paths in one flat reused list, and
//! the dependency of a node is pulled from them, deepest nodes first; the
//! per-node state (level, path count, then pull share) sits in one slot.

use rayon::prelude::*;

use super::compact::CompactGraph;
use super::random::SplitMix64;
use super::shortest::{EdgeLength, ShortestPaths, Towards};
use crate::progress::{Progress, Silent};

/// Options for [`betweenness`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BetweennessConfig {
    /// Divide by the number of ordered pairs of other nodes,
    /// `(n-1)(n-2)`, as NetworkX does with `normalized=True`.
    pub normalized: bool,
    /// Edge lengths for shortest paths.
    pub length: EdgeLength,
    /// Use `pivots` random sources (seeded) instead of all nodes and scale
    /// by `n / pivots` (Brandes and Pich 2007). `None`: exact.
    pub pivots: Option<usize>,
    pub seed: u64,
    /// Run in parallel (rayon) from this many nodes on.
    pub parallel_threshold: usize,
}

impl Default for BetweennessConfig {
    fn default() -> Self {
        BetweennessConfig {
            normalized: true,
            length: EdgeLength::Hops,
            pivots: None,
            seed: 42,
            parallel_threshold: 256,
        }
    }
}

/// Sources are split into this many interleaved blocks whatever the
/// number of threads, and the blocks' sums are added in block order, so
/// the result is the same bits on every machine.
const BLOCKS: usize = 64;

/// Betweenness centrality of every node: the share of shortest paths
/// between other pairs of nodes that pass through it.
///
/// Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness
/// centrality", J. Math. Sociol. 25(2), 2001): O(nm) unweighted, O(nm + n²
/// log n) with weighted lengths; O(n + m) memory per thread. Matches
/// NetworkX's `betweenness_centrality(G, normalized=…, weight=…)` (for
/// weighted lengths give NetworkX the lengths as the weight attribute);
/// an undirected graph counts each pair once.
///
/// ```
/// use argnet::analysis::{betweenness, BetweennessConfig, CompactGraph};
/// // a path 0 ─ 1 ─ 2: every path between 0 and 2 passes 1
/// let graph = CompactGraph::from_pairs(3, false, &[(0, 1), (1, 2)]).unwrap();
/// let raw = BetweennessConfig { normalized: false, ..Default::default() };
/// assert_eq!(betweenness(&graph, &raw), vec![0.0, 1.0, 0.0]);
/// assert_eq!(betweenness(&graph, &BetweennessConfig::default()), vec![0.0, 1.0, 0.0]);
/// ```
pub fn betweenness(graph: &CompactGraph, config: &BetweennessConfig) -> Vec<f64> {
    betweenness_with_progress(graph, config, &Silent)
}

/// [`betweenness`], reporting one unit of `progress` per source searched
/// (the step is named `betweenness`, its total is the number of sources).
/// The result is the same bits as without a reporter.
pub fn betweenness_with_progress(
    graph: &CompactGraph,
    config: &BetweennessConfig,
    progress: &dyn Progress,
) -> Vec<f64> {
    let n = graph.node_count();
    if n == 0 {
        return Vec::new();
    }
    let sources: Vec<u32> = match config.pivots {
        Some(k) if k < n => {
            let mut all: Vec<u32> = (0..n as u32).collect();
            SplitMix64::new(config.seed).shuffle(&mut all);
            all.truncate(k.max(1));
            all.sort_unstable();
            all
        }
        _ => (0..n as u32).collect(),
    };
    progress.begin("betweenness", sources.len() as u64);
    let block = |b: usize, blocks: usize| -> Vec<f64> {
        let mut totals = vec![0.0; n];
        let mut workspace = Workspace::new(n);
        for &source in sources.iter().skip(b).step_by(blocks) {
            match config.length {
                EdgeLength::Hops => workspace.unweighted(graph, source, &mut totals),
                length => workspace.weighted(graph, source, length, &mut totals),
            }
            progress.advance(1);
        }
        totals
    };
    let mut totals = if n >= config.parallel_threshold && sources.len() > 1 {
        let blocks = BLOCKS.min(sources.len());
        let partials: Vec<Vec<f64>> = (0..blocks)
            .into_par_iter()
            .map(|b| block(b, blocks))
            .collect();
        let mut totals = vec![0.0; n];
        for partial in partials {
            for (total, value) in totals.iter_mut().zip(partial) {
                *total += value;
            }
        }
        totals
    } else {
        block(0, 1)
    };
    progress.finish();
    let mut scale = if config.normalized {
        if n <= 2 {
            1.0
        } else {
            1.0 / ((n - 1) * (n - 2)) as f64
        }
    } else if graph.is_directed() {
        1.0
    } else {
        0.5
    };
    if sources.len() < n {
        scale *= n as f64 / sources.len() as f64;
    }
    for value in &mut totals {
        *value *= scale;
    }
    totals
}

/// Per-thread buffers, reset after each source by walking the nodes it
/// reached (not the whole graph).
struct Workspace {
    /// Level and path count (later the pull share) of each node side by
    /// side, so that looking at a neighbour touches one cache line.
    slots: Vec<Slot>,
    order: Vec<u32>,
    /// Successors on shortest paths, grouped by node in search order;
    /// `ends[i]` closes the group of `order[i]`.
    successors: Vec<u32>,
    ends: Vec<usize>,
    /// For weighted lengths only.
    pull: Vec<f64>,
    rank: Vec<u32>,
    search: Option<ShortestPaths>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    level: u32,
    /// σ (shortest paths from the source) while searching; then
    /// `(1 + δ) / σ`, the share each predecessor pulls from this node.
    value: f64,
}

const UNSEEN: Slot = Slot {
    level: u32::MAX,
    value: 0.0,
};

impl Workspace {
    fn new(n: usize) -> Self {
        Workspace {
            slots: vec![UNSEEN; n],
            order: Vec::with_capacity(n),
            successors: Vec::new(),
            ends: Vec::with_capacity(n),
            pull: Vec::new(),
            rank: Vec::new(),
            search: None,
        }
    }

    fn unweighted(&mut self, graph: &CompactGraph, source: u32, totals: &mut [f64]) {
        let (slots, order) = (&mut self.slots, &mut self.order);
        let (successors, ends) = (&mut self.successors, &mut self.ends);
        slots[source as usize] = Slot {
            level: 0,
            value: 1.0,
        };
        order.push(source);
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let Slot {
                level,
                value: paths_v,
            } = slots[v as usize];
            let next = level + 1;
            for &w in graph.neighbours(v) {
                let slot = &mut slots[w as usize];
                if slot.level == u32::MAX {
                    slot.level = next;
                    order.push(w);
                }
                if slot.level == next {
                    slot.value += paths_v;
                    successors.push(w);
                }
            }
            ends.push(successors.len());
        }
        // Deepest first, over the shortest-path successors recorded above
        // (not all edges again). The source is order[0]: nothing pulls
        // from it, and its own dependency does not count.
        for i in (1..order.len()).rev() {
            let v = order[i] as usize;
            let mut pulled = 0.0;
            for &w in &successors[ends[i - 1]..ends[i]] {
                pulled += slots[w as usize].value;
            }
            let slot = &mut slots[v];
            let paths_v = slot.value;
            totals[v] += paths_v * pulled;
            // (1 + σ·pulled) / σ
            slot.value = 1.0 / paths_v + pulled;
        }
        for &v in order.iter() {
            slots[v as usize] = UNSEEN;
        }
        order.clear();
        successors.clear();
        ends.clear();
    }

    fn weighted(
        &mut self,
        graph: &CompactGraph,
        source: u32,
        length: EdgeLength,
        totals: &mut [f64],
    ) {
        let n = graph.node_count();
        let search = self.search.get_or_insert_with(|| ShortestPaths::new(n));
        if self.rank.len() != n {
            self.rank = vec![0; n];
            self.pull = vec![0.0; n];
        }
        search.run(graph, source, length, Towards::Out);
        for (i, &v) in search.order().iter().enumerate() {
            self.rank[v as usize] = i as u32;
        }
        for &v in search.order().iter().rev() {
            let distance_v = search.distance(v);
            let rank_v = self.rank[v as usize];
            let weights = graph.neighbour_weights(v);
            let mut pulled = 0.0;
            for (i, &w) in graph.neighbours(v).iter().enumerate() {
                let Some(step) = length.of(weights.map_or(1.0, |ws| ws[i])) else {
                    continue;
                };
                // Equal sums mean a shortest path, exactly as NetworkX
                // decides it; the rank test keeps zero-length edges from
                // pointing backwards.
                if distance_v + step == search.distance(w) && self.rank[w as usize] > rank_v {
                    pulled += self.pull[w as usize];
                }
            }
            let dependency = search.paths(v) * pulled;
            self.pull[v as usize] = (1.0 + dependency) / search.paths(v);
            if v != source {
                totals[v as usize] += dependency;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
    }

    #[test]
    fn star_centre_carries_every_path() {
        let g = CompactGraph::from_pairs(4, false, &[(0, 1), (0, 2), (0, 3)]).unwrap();
        let raw = BetweennessConfig {
            normalized: false,
            ..Default::default()
        };
        assert_eq!(betweenness(&g, &raw), vec![3.0, 0.0, 0.0, 0.0]);
        assert_eq!(
            betweenness(&g, &Default::default()),
            vec![1.0, 0.0, 0.0, 0.0]
        );
    }

    #[test]
    fn progress_counts_every_source_and_changes_nothing() {
        let pairs: Vec<(u32, u32)> = (0..299).map(|i| (i, i + 1)).collect();
        let g = CompactGraph::from_pairs(300, true, &pairs).unwrap();
        for pivots in [None, Some(40)] {
            let config = BetweennessConfig {
                pivots,
                ..Default::default()
            };
            let tally = crate::progress::Tally::default();
            let reported = betweenness_with_progress(&g, &config, &tally);
            let sources = pivots.unwrap_or(300) as u64;
            assert_eq!(tally.steps(), vec![("betweenness".to_owned(), sources)]);
            assert_eq!(tally.units(), sources);
            assert_eq!(reported, betweenness(&g, &config));
        }
    }

    #[test]
    fn directed_and_weighted_paths() {
        // 0 → 1 → 3 and 0 → 2 → 3; with lengths the path over 2 is shorter.
        let g = CompactGraph::from_edges(
            4,
            true,
            &[(0, 1, 1.0), (1, 3, 1.0), (0, 2, 1.0), (2, 3, 0.5)],
        )
        .unwrap();
        let raw = BetweennessConfig {
            normalized: false,
            ..Default::default()
        };
        assert_eq!(betweenness(&g, &raw), vec![0.0, 0.5, 0.5, 0.0]);
        let weighted = BetweennessConfig {
            length: EdgeLength::Weight,
            ..raw
        };
        assert_eq!(betweenness(&g, &weighted), vec![0.0, 0.0, 1.0, 0.0]);
    }

    #[test]
    fn parallel_equals_serial_and_sampling_with_all_pivots_is_exact() {
        let mut rng = SplitMix64::new(3);
        let edges: Vec<(u32, u32)> = (0..400)
            .map(|_| (rng.below(120) as u32, rng.below(120) as u32))
            .collect();
        let g = CompactGraph::from_pairs(120, true, &edges).unwrap();
        let serial = BetweennessConfig {
            parallel_threshold: usize::MAX,
            ..Default::default()
        };
        let parallel = BetweennessConfig {
            parallel_threshold: 0,
            ..Default::default()
        };
        let a = betweenness(&g, &serial);
        assert!(close(&a, &betweenness(&g, &parallel)));
        let all_pivots = BetweennessConfig {
            pivots: Some(120),
            ..serial
        };
        assert!(close(&a, &betweenness(&g, &all_pivots)));
        let weighted_ones = BetweennessConfig {
            length: EdgeLength::Weight,
            ..serial
        };
        assert!(close(&a, &betweenness(&g, &weighted_ones)));
    }

    #[test]
    fn tiny_and_zero_weight_graphs_give_numbers() {
        assert!(betweenness(&CompactGraph::default(), &Default::default()).is_empty());
        let one = CompactGraph::from_pairs(1, false, &[]).unwrap();
        assert_eq!(betweenness(&one, &Default::default()), vec![0.0]);
        let zero = CompactGraph::from_edges(3, false, &[(0, 1, 0.0), (1, 2, 0.0)]).unwrap();
        for length in [
            EdgeLength::Hops,
            EdgeLength::InverseWeight,
            EdgeLength::Weight,
        ] {
            let config = BetweennessConfig {
                length,
                ..Default::default()
            };
            assert!(betweenness(&zero, &config).iter().all(|x| x.is_finite()));
        }
    }
}

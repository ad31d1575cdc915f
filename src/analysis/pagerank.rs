//! Analysis stage: PageRank and HITS by power iteration over the compact
//! graph's rows, converged by a tolerance (not petgraph's `page_rank`,
//! which runs a fixed number of O(n·E) rounds). Pure.

use rayon::prelude::*;

use super::compact::CompactGraph;

/// Options for [`pagerank`] and [`hits`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankConfig {
    /// Probability of following an edge rather than jumping (PageRank).
    pub damping: f64,
    /// Stop when the L1 change of the scores falls below this.
    pub tolerance: f64,
    pub max_iterations: usize,
    /// Use edge weights (otherwise every edge weighs 1).
    pub weighted: bool,
    /// Update nodes in parallel (rayon) from this many nodes on.
    pub parallel_threshold: usize,
}

impl Default for RankConfig {
    fn default() -> Self {
        RankConfig {
            damping: 0.85,
            tolerance: 1e-10,
            max_iterations: 1000,
            weighted: true,
            parallel_threshold: 20_000,
        }
    }
}

/// Scores from a power iteration and how it ended.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranking {
    pub scores: Vec<f64>,
    pub iterations: usize,
    /// False when `max_iterations` ran out first; the scores are the last
    /// iterate and still sum to 1.
    pub converged: bool,
}

/// PageRank of every node (S. Brin and L. Page, "The anatomy of a
/// large-scale hypertextual web search engine", 1998).
///
/// Each round a node passes `damping` of its score along its out-edges in
/// proportion to their weights; nodes without out-weight (dangling) spread
/// theirs over all nodes, as does the `1 - damping` jump. The fixed point
/// is NetworkX's `pagerank(G, alpha=damping, weight=…)` (there the stop
/// rule is the looser L1 change `< n · tol`). An undirected graph counts
/// each edge both ways. O(m) per round, no allocation inside the loop.
///
/// ```
/// use argnet::analysis::{pagerank, CompactGraph, RankConfig};
/// // 0 → 1 → 2 → 0, and 3 → 0: node 0 collects the most
/// let graph = CompactGraph::from_pairs(4, true, &[(0, 1), (1, 2), (2, 0), (3, 0)]).unwrap();
/// let rank = pagerank(&graph, &RankConfig::default());
/// assert!(rank.converged);
/// assert!((rank.scores.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// assert!(rank.scores[0] > rank.scores[1] && rank.scores[3] < rank.scores[2]);
/// ```
pub fn pagerank(graph: &CompactGraph, config: &RankConfig) -> Ranking {
    let n = graph.node_count();
    if n == 0 {
        return Ranking {
            converged: true,
            ..Ranking::default()
        };
    }
    let weighted = config.weighted && graph.is_weighted();
    let out_weight: Vec<f64> = (0..n as u32)
        .map(|u| {
            if weighted {
                graph.out_strength(u)
            } else {
                graph.out_degree(u) as f64
            }
        })
        .collect();
    let uniform = 1.0 / n as f64;
    let mut scores = vec![uniform; n];
    let mut next = vec![0.0; n];
    // share[u] = score[u] / out_weight[u]: what one unit of edge weight
    // carries out of u this round.
    let mut share = vec![0.0; n];
    let parallel = n >= config.parallel_threshold;
    let mut iterations = 0;
    let mut converged = false;
    while iterations < config.max_iterations {
        iterations += 1;
        let mut dangling = 0.0;
        for u in 0..n {
            if out_weight[u] > 0.0 {
                share[u] = scores[u] / out_weight[u];
            } else {
                share[u] = 0.0;
                dangling += scores[u];
            }
        }
        let base = (1.0 - config.damping) * uniform + config.damping * dangling * uniform;
        let pull = |v: usize| -> f64 {
            let sources = graph.in_neighbours(v as u32);
            let sum: f64 = match graph.in_neighbour_weights(v as u32).filter(|_| weighted) {
                Some(weights) => sources
                    .iter()
                    .zip(weights)
                    .map(|(&u, &w)| share[u as usize] * w)
                    .sum(),
                None => sources.iter().map(|&u| share[u as usize]).sum(),
            };
            base + config.damping * sum
        };
        if parallel {
            next.par_iter_mut()
                .enumerate()
                .for_each(|(v, x)| *x = pull(v));
        } else {
            for (v, x) in next.iter_mut().enumerate() {
                *x = pull(v);
            }
        }
        let change: f64 = scores.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut scores, &mut next);
        if change < config.tolerance {
            converged = true;
            break;
        }
    }
    let total: f64 = scores.iter().sum();
    if total > 0.0 {
        for x in &mut scores {
            *x /= total;
        }
    }
    Ranking {
        scores,
        iterations,
        converged,
    }
}

/// Hub and authority scores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hits {
    /// Good hubs point to good authorities. Sums to 1 (all 0 without edges).
    pub hubs: Vec<f64>,
    /// Good authorities are pointed to by good hubs. Sums to 1.
    pub authorities: Vec<f64>,
    pub iterations: usize,
    pub converged: bool,
}

/// HITS hubs and authorities (J. Kleinberg, "Authoritative sources in a
/// hyperlinked environment", J. ACM 46(5), 1999).
///
/// Power iteration `a = Aᵀh, h = A a` from a uniform start, each scaled by
/// its maximum, until the L1 change of `h` is below the tolerance; both
/// are then scaled to sum 1. This is NetworkX's `hits(G,
/// normalized=True)` (which weighs edges by their `weight`); an undirected
/// graph gives equal hubs and authorities. O(m) per round.
///
/// ```
/// use argnet::analysis::{hits, CompactGraph, RankConfig};
/// // 0 and 1 both point to 2 and 3
/// let graph = CompactGraph::from_pairs(4, true, &[(0, 2), (0, 3), (1, 2), (1, 3)]).unwrap();
/// let h = hits(&graph, &RankConfig::default());
/// assert_eq!(h.hubs, vec![0.5, 0.5, 0.0, 0.0]);
/// assert_eq!(h.authorities, vec![0.0, 0.0, 0.5, 0.5]);
/// ```
pub fn hits(graph: &CompactGraph, config: &RankConfig) -> Hits {
    let n = graph.node_count();
    let weighted = config.weighted && graph.is_weighted();
    let mut hubs = vec![if n > 0 { 1.0 / n as f64 } else { 0.0 }; n];
    let mut authorities = vec![0.0; n];
    let mut next = vec![0.0; n];
    let mut iterations = 0;
    let mut converged = n == 0;
    // One half-step: out[v] = Σ over v's (in- or out-) neighbours u of
    // from[u] · w(u, v); each node's sum is its own, so parallel runs give
    // the same bits.
    let parallel = n >= config.parallel_threshold;
    let step = |from: &[f64], out: &mut [f64], incoming: bool| {
        let sum = |v: usize| -> f64 {
            let v = v as u32;
            let (nodes, weights) = if incoming {
                (graph.in_neighbours(v), graph.in_neighbour_weights(v))
            } else {
                (graph.neighbours(v), graph.neighbour_weights(v))
            };
            match weights.filter(|_| weighted) {
                Some(weights) => nodes
                    .iter()
                    .zip(weights)
                    .map(|(&u, &w)| from[u as usize] * w)
                    .sum(),
                None => nodes.iter().map(|&u| from[u as usize]).sum(),
            }
        };
        if parallel {
            out.par_iter_mut()
                .enumerate()
                .for_each(|(v, x)| *x = sum(v));
        } else {
            for (v, x) in out.iter_mut().enumerate() {
                *x = sum(v);
            }
        }
    };
    while !converged && iterations < config.max_iterations {
        iterations += 1;
        step(&hubs, &mut authorities, true);
        step(&authorities, &mut next, false);
        scale_to_max(&mut authorities);
        scale_to_max(&mut next);
        let change: f64 = hubs.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut hubs, &mut next);
        converged = change < config.tolerance;
    }
    step(&hubs, &mut authorities, true);
    scale_to_sum(&mut hubs);
    scale_to_sum(&mut authorities);
    Hits {
        hubs,
        authorities,
        iterations,
        converged,
    }
}

fn scale_to_max(values: &mut [f64]) {
    let max = values.iter().copied().fold(0.0, f64::max);
    if max > 0.0 {
        values.iter_mut().for_each(|x| *x /= max);
    }
}

fn scale_to_sum(values: &mut [f64]) {
    let sum: f64 = values.iter().sum();
    if sum > 0.0 {
        values.iter_mut().for_each(|x| *x /= sum);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangling_nodes_and_zero_weights_keep_the_sum() {
        // 0 → 1 (weight 0), 1 → 2; 2 dangles; 0 has only a zero-weight edge
        let g = CompactGraph::from_edges(3, true, &[(0, 1, 0.0), (1, 2, 1.0)]).unwrap();
        let rank = pagerank(&g, &RankConfig::default());
        assert!(rank.converged);
        assert!((rank.scores.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(rank.scores.iter().all(|x| x.is_finite()));
        // Unweighted, 0 passes its score to 1.
        let unweighted = RankConfig {
            weighted: false,
            ..Default::default()
        };
        assert!(pagerank(&g, &unweighted).scores[1] > rank.scores[1]);
    }

    #[test]
    fn parallel_equals_serial() {
        let edges: Vec<(u32, u32)> = (0..200u32).map(|i| (i, (i * 7 + 3) % 200)).collect();
        let g = CompactGraph::from_pairs(200, true, &edges).unwrap();
        let serial = pagerank(&g, &RankConfig::default());
        let parallel = pagerank(
            &g,
            &RankConfig {
                parallel_threshold: 0,
                ..Default::default()
            },
        );
        assert_eq!(serial, parallel);
    }

    #[test]
    fn empty_single_and_edgeless_graphs() {
        assert!(
            pagerank(&CompactGraph::default(), &Default::default())
                .scores
                .is_empty()
        );
        let one = CompactGraph::from_pairs(1, true, &[]).unwrap();
        assert_eq!(pagerank(&one, &Default::default()).scores, vec![1.0]);
        let h = hits(
            &CompactGraph::from_pairs(2, true, &[]).unwrap(),
            &Default::default(),
        );
        assert_eq!(h.hubs, vec![0.0, 0.0]);
        assert!(hits(&CompactGraph::default(), &Default::default()).converged);
    }

    #[test]
    fn undirected_hubs_equal_authorities() {
        let g = CompactGraph::from_pairs(4, false, &[(0, 1), (1, 2), (2, 3), (1, 3)]).unwrap();
        let h = hits(&g, &Default::default());
        for (a, b) in h.hubs.iter().zip(&h.authorities) {
            assert!((a - b).abs() < 1e-9);
        }
    }
}

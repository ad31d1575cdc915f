//! Analysis stage: the modularity of a partition, and label propagation,
//! the fast community finder. Louvain lives in `louvain.rs`. Pure.

use super::compact::CompactGraph;
use super::components::Partition;
use super::random::SplitMix64;

/// Modularity of `partition` (M. E. J. Newman and M. Girvan, "Finding and
/// evaluating community structure in networks", Phys. Rev. E 69, 2004),
/// with resolution `γ` (Reichardt and Bornholdt 2006):
///
/// - undirected: `Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]`,
/// - directed: `Q = Σ_c [ L_c / m − γ out_c · in_c / m² ]`,
///
/// where `m` is the total edge weight, `L_c` the weight inside community
/// `c` and `d_c`, `out_c`, `in_c` its summed (out-, in-) strengths. This is
/// NetworkX's `community.modularity(G, communities, weight, resolution)`.
/// A graph without edge weight has modularity 0. O(n + m).
///
/// ```
/// use argnet::analysis::{modularity, CompactGraph, Partition};
/// // two triangles joined by one edge, split in the middle
/// let graph = CompactGraph::from_pairs(6, false,
///     &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]).unwrap();
/// let halves = Partition::from_labels(&[0, 0, 0, 1, 1, 1]);
/// assert!((modularity(&graph, &halves, 1.0) - 5.0 / 14.0).abs() < 1e-12);
/// ```
pub fn modularity(graph: &CompactGraph, partition: &Partition, resolution: f64) -> f64 {
    let n = graph.node_count();
    let mut inside = vec![0.0; partition.count];
    let mut out_total = vec![0.0; partition.count];
    let mut in_total = vec![0.0; partition.count];
    let mut total = 0.0;
    for u in 0..n as u32 {
        let cu = partition.of[u as usize] as usize;
        let weights = graph.neighbour_weights(u);
        for (i, &v) in graph.neighbours(u).iter().enumerate() {
            let w = weights.map_or(1.0, |ws| ws[i]);
            total += w;
            if partition.of[v as usize] as usize == cu {
                inside[cu] += w;
            }
        }
        out_total[cu] += graph.out_strength(u);
        in_total[cu] += graph.in_strength(u);
    }
    if total <= 0.0 {
        return 0.0;
    }
    if graph.is_directed() {
        let m = total;
        (0..partition.count)
            .map(|c| inside[c] / m - resolution * out_total[c] * in_total[c] / (m * m))
            .sum()
    } else {
        // Every undirected edge is stored twice: `total` is 2m and
        // `inside` twice the weight inside.
        let two_m = total;
        (0..partition.count)
            .map(|c| inside[c] / two_m - resolution * (out_total[c] / two_m).powi(2))
            .sum()
    }
}

/// Options for [`label_propagation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelPropagationConfig {
    pub seed: u64,
    /// Stop after this many passes even if labels still change.
    pub max_passes: usize,
}

impl Default for LabelPropagationConfig {
    fn default() -> Self {
        LabelPropagationConfig {
            seed: 42,
            max_passes: 100,
        }
    }
}

/// Communities by asynchronous label propagation (U. N. Raghavan, R.
/// Albert and S. Kumara, "Near linear time algorithm to detect community
/// structures in large-scale networks", Phys. Rev. E 76, 2007).
///
/// Every node starts with its own label; in a seeded random order each
/// node takes the label with the largest total edge weight among its
/// neighbours (ties broken at random, keeping its own label if it is among
/// the best), until no label changes. Direction is ignored. O(m) per pass;
/// fast but less stable than Louvain. Same algorithm as NetworkX's
/// `asyn_lpa_communities(G, weight, seed)`, though not the same random
/// numbers.
///
/// ```
/// use argnet::analysis::{label_propagation, CompactGraph, LabelPropagationConfig};
/// // two triangles with no edge between them
/// let graph = CompactGraph::from_pairs(6, false,
///     &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)]).unwrap();
/// let parts = label_propagation(&graph, &LabelPropagationConfig::default());
/// assert_eq!(parts.count, 2);
/// assert_eq!(parts.of, vec![0, 0, 0, 1, 1, 1]);
/// ```
pub fn label_propagation(graph: &CompactGraph, config: &LabelPropagationConfig) -> Partition {
    let undirected = graph.undirected_view();
    let graph: &CompactGraph = &undirected;
    let n = graph.node_count();
    let mut labels: Vec<u32> = (0..n as u32).collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut rng = SplitMix64::new(config.seed);
    let mut weight_of = vec![0.0; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut best: Vec<u32> = Vec::new();
    for _ in 0..config.max_passes {
        rng.shuffle(&mut order);
        let mut changed = false;
        for &v in &order {
            let weights = graph.neighbour_weights(v);
            for (i, &u) in graph.neighbours(v).iter().enumerate() {
                if u == v {
                    continue;
                }
                let label = labels[u as usize];
                if weight_of[label as usize] == 0.0 {
                    touched.push(label);
                }
                // A tiny floor keeps zero-weight edges visible as ties.
                weight_of[label as usize] += weights.map_or(1.0, |ws| ws[i]).max(f64::MIN_POSITIVE);
            }
            if touched.is_empty() {
                continue;
            }
            let top = touched
                .iter()
                .map(|&l| weight_of[l as usize])
                .fold(0.0, f64::max);
            best.clear();
            best.extend(
                touched
                    .iter()
                    .copied()
                    .filter(|&l| weight_of[l as usize] == top),
            );
            let own = labels[v as usize];
            if !best.contains(&own) {
                best.sort_unstable();
                labels[v as usize] = best[rng.below(best.len())];
                changed = true;
            }
            for &l in &touched {
                weight_of[l as usize] = 0.0;
            }
            touched.clear();
        }
        if !changed {
            break;
        }
    }
    Partition::from_labels(&labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_modularity_and_empty_graphs() {
        // 0 → 1, 1 → 0 in one community, 2 alone
        let g = CompactGraph::from_pairs(3, true, &[(0, 1), (1, 0)]).unwrap();
        let p = Partition::from_labels(&[0, 0, 1]);
        // L = 2, m = 2, out = in = 2: 1 − 4/4 = 0
        assert_eq!(modularity(&g, &p, 1.0), 0.0);
        let lonely = CompactGraph::from_pairs(2, false, &[]).unwrap();
        assert_eq!(
            modularity(&lonely, &Partition::from_labels(&[0, 1]), 1.0),
            0.0
        );
        let parts = label_propagation(&lonely, &Default::default());
        assert_eq!(parts.count, 2);
        assert_eq!(
            label_propagation(&CompactGraph::default(), &Default::default()).count,
            0
        );
    }

    #[test]
    fn label_propagation_is_reproducible() {
        let mut rng = SplitMix64::new(9);
        let edges: Vec<(u32, u32)> = (0..300)
            .map(|_| (rng.below(100) as u32, rng.below(100) as u32))
            .collect();
        let g = CompactGraph::from_pairs(100, false, &edges).unwrap();
        let config = LabelPropagationConfig::default();
        assert_eq!(
            label_propagation(&g, &config),
            label_propagation(&g, &config)
        );
    }
}

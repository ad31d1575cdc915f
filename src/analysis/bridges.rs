//! Analysis stage: measures of brokerage — who bridges communities and who
//! spans structural holes: the participation coefficient and Burt's
//! constraint. (Betweenness, the third, has its own file.) Pure.

use super::compact::CompactGraph;
use super::components::Partition;

/// Participation coefficient of every node (R. Guimerà and L. A. N.
/// Amaral, "Functional cartography of complex metabolic networks", Nature
/// 433, 2005): `P_i = 1 − Σ_c (k_ic / k_i)²`, where `k_i` is the node's
/// (weighted) degree and `k_ic` the part of it that goes to community `c`.
/// 0 when all of a node's ties stay in one community (or it has none);
/// near 1 when they spread evenly over many. Direction is ignored.
/// O(n + m). NetworkX has no such function; the reference values come
/// from the formula applied to NetworkX's neighbour lists.
///
/// ```
/// use argnet::analysis::{participation, CompactGraph, Partition};
/// // 1 is tied to 0 (community 0) and to 2 (community 1)
/// let graph = CompactGraph::from_pairs(3, false, &[(0, 1), (1, 2)]).unwrap();
/// let parts = Partition::from_labels(&[0, 0, 1]);
/// assert_eq!(participation(&graph, &parts, false), vec![0.0, 0.5, 0.0]);
/// ```
pub fn participation(graph: &CompactGraph, partition: &Partition, weighted: bool) -> Vec<f64> {
    let undirected = graph.undirected_view();
    let graph: &CompactGraph = &undirected;
    let n = graph.node_count();
    let mut share = vec![0.0; partition.count];
    let mut touched: Vec<u32> = Vec::new();
    (0..n as u32)
        .map(|v| {
            let weights = graph.neighbour_weights(v).filter(|_| weighted);
            let mut total = 0.0;
            for (i, &u) in graph.neighbours(v).iter().enumerate() {
                let w = weights.map_or(1.0, |ws| ws[i]);
                let c = partition.of[u as usize];
                if share[c as usize] == 0.0 {
                    touched.push(c);
                }
                share[c as usize] += w;
                total += w;
            }
            let mut sum = 0.0;
            for &c in &touched {
                if total > 0.0 {
                    sum += (share[c as usize] / total).powi(2);
                }
                share[c as usize] = 0.0;
            }
            touched.clear();
            if total > 0.0 { 1.0 - sum } else { 0.0 }
        })
        .collect()
}

/// Burt's constraint of every node (R. S. Burt, *Structural Holes*, 1992):
/// `c_i = Σ_j (p_ij + Σ_q p_iq p_qj)²` over the neighbours `j` of `i`
/// (`q` ranging over the other neighbours of `i`), where `p_ij` is the
/// share of `i`'s tie weight that goes to `j` (ties in both directions
/// added). Low constraint: a broker whose contacts are not tied to each
/// other; high: a node inside a closed group. Matches NetworkX's
/// `constraint(G, weight=…)`, except that an isolated node gets 0 (it has
/// no contacts to constrain it) where NetworkX gives NaN.
/// O(Σ_i d_i²) time, O(n) extra memory.
///
/// ```
/// use argnet::analysis::{constraint, CompactGraph};
/// // a star: the centre's contacts are not tied to each other
/// let graph = CompactGraph::from_pairs(4, false, &[(0, 1), (0, 2), (0, 3)]).unwrap();
/// let c = constraint(&graph, false);
/// assert!((c[0] - 1.0 / 3.0).abs() < 1e-12);
/// assert_eq!(c[1], 1.0);
/// ```
pub fn constraint(graph: &CompactGraph, weighted: bool) -> Vec<f64> {
    let undirected = graph.undirected_view();
    let graph: &CompactGraph = &undirected;
    let n = graph.node_count();
    let weight = |v: u32, i: usize| -> f64 {
        graph
            .neighbour_weights(v)
            .filter(|_| weighted)
            .map_or(1.0, |ws| ws[i])
    };
    // Strength without self-loops: NetworkX's normalised mutual weight
    // sums over the other neighbours only.
    let strength: Vec<f64> = (0..n as u32)
        .map(|v| {
            graph
                .neighbours(v)
                .iter()
                .enumerate()
                .filter(|&(_, &u)| u != v)
                .map(|(i, _)| weight(v, i))
                .sum()
        })
        .collect();
    // direct[j] = p_ij for the current i (0 elsewhere); indirect[j] the
    // sum over q of p_iq p_qj.
    let mut direct = vec![0.0; n];
    let mut is_neighbour = vec![false; n];
    let mut indirect = vec![0.0; n];
    (0..n as u32)
        .map(|i| {
            let neighbours = graph.neighbours(i);
            if strength[i as usize] <= 0.0 {
                return 0.0;
            }
            for (k, &j) in neighbours.iter().enumerate() {
                if j != i {
                    direct[j as usize] += weight(i, k) / strength[i as usize];
                    is_neighbour[j as usize] = true;
                }
            }
            // Rows are sorted: parallel copies of q are side by side, and
            // q must be visited once.
            let mut last_q = u32::MAX;
            for &q in neighbours {
                if q == i || q == last_q || strength[q as usize] <= 0.0 {
                    continue;
                }
                last_q = q;
                let p_iq = direct[q as usize];
                for (k, &j) in graph.neighbours(q).iter().enumerate() {
                    if j != i && j != q && is_neighbour[j as usize] {
                        indirect[j as usize] += p_iq * weight(q, k) / strength[q as usize];
                    }
                }
            }
            let mut total = 0.0;
            let mut last = u32::MAX;
            for &j in neighbours {
                if j == i || j == last {
                    continue;
                }
                last = j;
                total += (direct[j as usize] + indirect[j as usize]).powi(2);
            }
            for &j in neighbours {
                direct[j as usize] = 0.0;
                indirect[j as usize] = 0.0;
                is_neighbour[j as usize] = false;
            }
            total
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_is_fully_constrained() {
        let g = CompactGraph::from_pairs(3, false, &[(0, 1), (1, 2), (0, 2)]).unwrap();
        // p = 1/2 each; (1/2 + 1/4)² · 2 = 1.125
        for c in constraint(&g, false) {
            assert!((c - 1.125).abs() < 1e-12);
        }
    }

    #[test]
    fn isolated_and_zero_weight_nodes_get_zero() {
        let g = CompactGraph::from_edges(3, false, &[(0, 1, 0.0)]).unwrap();
        assert_eq!(constraint(&g, true), vec![0.0, 0.0, 0.0]);
        let p = participation(&g, &Partition::from_labels(&[0, 1, 2]), true);
        assert_eq!(p, vec![0.0, 0.0, 0.0]);
    }

    #[test]
    fn participation_counts_weights() {
        let g = CompactGraph::from_edges(3, false, &[(0, 1, 3.0), (0, 2, 1.0)]).unwrap();
        let p = participation(&g, &Partition::from_labels(&[0, 0, 1]), true);
        assert!((p[0] - (1.0 - 0.5625 - 0.0625)).abs() < 1e-12);
    }
}

//! Analysis stage: eigenvector centrality, computed by rustworkx-core's
//! `eigenvector_centrality` through the petgraph traits of the compact
//! graph (see `visit.rs`). Pure.

use std::convert::Infallible;

use petgraph::visit::EdgeRef;

use super::compact::CompactGraph;

/// Options for [`eigenvector`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EigenvectorConfig {
    /// Use edge weights (otherwise every edge weighs 1).
    pub weighted: bool,
    pub max_iterations: usize,
    /// Stop when the L1 change of the vector is below `n · tolerance`.
    pub tolerance: f64,
}

impl Default for EigenvectorConfig {
    fn default() -> Self {
        EigenvectorConfig {
            weighted: true,
            max_iterations: 1000,
            tolerance: 1e-10,
        }
    }
}

/// Eigenvector centrality: a node is central when its neighbours are
/// (P. Bonacich, "Power and centrality", Am. J. Sociol. 92(5), 1987).
///
/// Power iteration on `A + I` from a uniform start, normalised to unit
/// Euclidean length, exactly as NetworkX's `eigenvector_centrality(G,
/// max_iter, tol, weight)`; a directed graph uses in-edges (left
/// eigenvector). O(m) per iteration. Returns `None` when the iteration
/// does not converge (e.g. on a directed acyclic graph, which has no
/// meaningful eigenvector centrality); NetworkX raises an error there.
///
/// ```
/// use argnet::analysis::{eigenvector, CompactGraph, EigenvectorConfig};
/// // a star: the centre has the largest score
/// let graph = CompactGraph::from_pairs(4, false, &[(0, 1), (0, 2), (0, 3)]).unwrap();
/// let x = eigenvector(&graph, &EigenvectorConfig::default()).unwrap();
/// assert!((x[0] - 0.5f64.sqrt()).abs() < 1e-6);
/// assert!((x[1] - (1.0f64 / 6.0).sqrt()).abs() < 1e-6);
/// ```
pub fn eigenvector(graph: &CompactGraph, config: &EigenvectorConfig) -> Option<Vec<f64>> {
    if graph.node_count() == 0 {
        return Some(Vec::new());
    }
    let weighted = config.weighted;
    let result = rustworkx_core::centrality::eigenvector_centrality(
        graph,
        |edge| Ok::<f64, Infallible>(if weighted { *edge.weight() } else { 1.0 }),
        Some(config.max_iterations),
        Some(config.tolerance),
    );
    match result {
        Ok(values) => values,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_count_and_degenerate_graphs_are_defined() {
        let heavy = CompactGraph::from_edges(3, false, &[(0, 1, 5.0), (1, 2, 1.0)]).unwrap();
        let x = eigenvector(&heavy, &EigenvectorConfig::default()).unwrap();
        assert!(x[0] > x[2]);
        let unweighted = EigenvectorConfig {
            weighted: false,
            ..Default::default()
        };
        let y = eigenvector(&heavy, &unweighted).unwrap();
        assert!((y[0] - y[2]).abs() < 1e-9);
        let isolated = CompactGraph::from_pairs(2, false, &[]).unwrap();
        let z = eigenvector(&isolated, &EigenvectorConfig::default()).unwrap();
        assert!(z.iter().all(|v| v.is_finite()));
        assert_eq!(
            eigenvector(&CompactGraph::default(), &Default::default()),
            Some(vec![])
        );
    }
}

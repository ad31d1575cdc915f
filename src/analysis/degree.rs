//! Analysis stage: degree centralities — in, out, total, and weighted
//! (strength). Pure; returns one value per compact node.

use super::compact::CompactGraph;

/// The degrees of every node.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Degrees {
    /// Number of in-edges (all edges when undirected).
    pub in_degree: Vec<f64>,
    /// Number of out-edges (all edges when undirected).
    pub out_degree: Vec<f64>,
    /// In + out when directed; the number of edges when undirected.
    pub degree: Vec<f64>,
    /// Sum of the weights of all edges of the node (in + out when
    /// directed), often called strength.
    pub weighted_degree: Vec<f64>,
}

/// Degree, in-degree, out-degree and weighted degree of every node.
///
/// Matches NetworkX's `G.degree()`, `G.in_degree()`, `G.out_degree()` and
/// `G.degree(weight="weight")` (an undirected self-loop counts twice).
/// These are raw counts; divide by `n - 1` for NetworkX's
/// `degree_centrality`. O(n + m).
///
/// ```
/// use argnet::analysis::{degrees, CompactGraph};
/// //  0 ──► 1 ◄── 2      (weights 2 and 3)
/// let graph = CompactGraph::from_edges(3, true, &[(0, 1, 2.0), (2, 1, 3.0)]).unwrap();
/// let d = degrees(&graph);
/// assert_eq!(d.in_degree, vec![0.0, 2.0, 0.0]);
/// assert_eq!(d.degree, vec![1.0, 2.0, 1.0]);
/// assert_eq!(d.weighted_degree, vec![2.0, 5.0, 3.0]);
/// ```
pub fn degrees(graph: &CompactGraph) -> Degrees {
    let n = graph.node_count() as u32;
    let in_degree: Vec<f64> = (0..n).map(|v| graph.in_degree(v) as f64).collect();
    let out_degree: Vec<f64> = (0..n).map(|v| graph.out_degree(v) as f64).collect();
    let (degree, weighted_degree) = if graph.is_directed() {
        (
            (0..n)
                .map(|v| (graph.in_degree(v) + graph.out_degree(v)) as f64)
                .collect(),
            (0..n)
                .map(|v| graph.in_strength(v) + graph.out_strength(v))
                .collect(),
        )
    } else {
        (
            out_degree.clone(),
            (0..n).map(|v| graph.out_strength(v)).collect(),
        )
    };
    Degrees {
        in_degree,
        out_degree,
        degree,
        weighted_degree,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undirected_degrees_and_empty_graph() {
        let g = CompactGraph::from_edges(3, false, &[(0, 1, 0.0), (1, 2, 2.5)]).unwrap();
        let d = degrees(&g);
        assert_eq!(d.degree, vec![1.0, 2.0, 1.0]);
        assert_eq!(d.in_degree, d.out_degree);
        assert_eq!(d.weighted_degree, vec![0.0, 2.5, 2.5]);
        let empty = degrees(&CompactGraph::default());
        assert!(empty.degree.is_empty());
    }
}

//! Analysis stage: seeded random graphs for benchmarks and tests — a
//! citation-like directed graph with a heavy-tailed in-degree. Pure and
//! reproducible: the same arguments give the same graph on every machine.

use super::compact::CompactGraph;
use super::random::SplitMix64;

/// Edges of a directed graph of `nodes` nodes and `edges` edges, grown by
/// a copying model (J. Kleinberg et al., "The web as a graph", 1999): each
/// edge leaves a uniformly chosen node and, with probability 1/2, points to
/// the target of an earlier edge (so popular nodes get more popular), and
/// otherwise to a uniformly chosen node. No self-loops; parallel edges are
/// possible, as in real citation dumps. O(edges).
///
/// ```
/// use argnet::analysis::copying_model_edges;
/// let edges = copying_model_edges(1000, 5000, 7);
/// assert_eq!(edges.len(), 5000);
/// assert_eq!(edges, copying_model_edges(1000, 5000, 7));
/// assert!(edges.iter().all(|&(s, t)| s != t && s < 1000 && t < 1000));
/// ```
pub fn copying_model_edges(nodes: usize, edges: usize, seed: u64) -> Vec<(u32, u32)> {
    let mut rng = SplitMix64::new(seed);
    let mut list: Vec<(u32, u32)> = Vec::with_capacity(edges);
    if nodes < 2 {
        return list;
    }
    for i in 0..edges {
        let source = rng.below(nodes) as u32;
        let mut target = if i > 0 && rng.unit() < 0.5 {
            list[rng.below(i)].1
        } else {
            rng.below(nodes) as u32
        };
        if target == source {
            target = (target + 1) % nodes as u32;
        }
        list.push((source, target));
    }
    list
}

/// [`copying_model_edges`] as a compact graph.
pub fn copying_model(nodes: usize, edges: usize, seed: u64, directed: bool) -> CompactGraph {
    CompactGraph::from_pairs(nodes, directed, &copying_model_edges(nodes, edges, seed))
        .expect("generated ids are below the node count")
}

//! Analysis stage: Leiden community detection — Louvain's local moves and
//! aggregation with a refinement step in between, so that every community
//! found is connected. Seeded, with a resolution parameter. Pure.

use super::compact::CompactGraph;
use super::components::Partition;
use super::level::Level;
use super::louvain::{Communities, best_of_starts};
use super::random::SplitMix64;

/// At most this many runs, each starting from the best partition so far.
const MAX_ROUNDS: usize = 8;

/// Options for [`leiden`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeidenConfig {
    /// γ: above 1 favours smaller communities, below 1 larger ones.
    pub resolution: f64,
    /// Seed of the node orders and of the refinement's random choices.
    pub seed: u64,
    /// θ of the refinement, in units of edge weight: near 0 merges
    /// greedily, larger values explore more.
    pub randomness: f64,
    /// Stop local moving, and the runs, when they gain less than this.
    pub threshold: f64,
    /// Use edge weights (otherwise every edge weighs 1).
    pub weighted: bool,
}

impl Default for LeidenConfig {
    fn default() -> Self {
        LeidenConfig {
            resolution: 1.0,
            seed: 42,
            randomness: 0.01,
            threshold: 1e-7,
            weighted: true,
        }
    }
}

/// Communities by the Leiden method (V. A. Traag, L. Waltman and N. J. van
/// Eck, "From Louvain to Leiden: guaranteeing well-connected communities",
/// Sci. Rep. 9, 5233, 2019), optimising modularity with resolution γ.
///
/// Each pass moves nodes between communities (a queue of nodes whose
/// neighbourhood changed), then *refines* each community by merging its
/// well-connected nodes into well-connected parts, and aggregates the
/// parts — not the communities — into the nodes of the next level, which
/// start in their community. Louvain can leave a community held together
/// by a node that has since left; the refinement prevents that. The run is
/// repeated from the partition found until it gains less than `threshold`
/// or 1e-5 of the modularity (as leidenalg does with `n_iterations`);
/// graphs of up to 10,000 nodes get 8 seeded starts, as in [`louvain`]. About O(m) per pass. Matches
/// the algorithm of the `leidenalg` package (not its random numbers);
/// NetworkX has no Leiden.
///
/// [`louvain`]: super::louvain
///
/// ```
/// use argnet::analysis::{leiden, CompactGraph, LeidenConfig};
/// // two triangles joined by one edge
/// let graph = CompactGraph::from_pairs(6, false,
///     &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]).unwrap();
/// let found = leiden(&graph, &LeidenConfig::default());
/// assert_eq!(found.partition.of, vec![0, 0, 0, 1, 1, 1]);
/// assert!((found.modularity - 5.0 / 14.0).abs() < 1e-12);
/// ```
pub fn leiden(graph: &CompactGraph, config: &LeidenConfig) -> Communities {
    let undirected = graph.undirected_view();
    let graph: &CompactGraph = &undirected;
    let base = Level::from_graph(graph, config.weighted);
    let best = best_of_starts(graph.node_count(), config.seed, |seed| {
        let found = runs(&base, config, seed);
        let quality = base.modularity(&found, config.resolution);
        (found, quality)
    });
    let partition = Partition::from_labels(&best);
    Communities {
        modularity: base.modularity(&partition.of, config.resolution),
        partition,
    }
}

/// Leiden runs from singletons, each from the best partition so far.
fn runs(base: &Level, config: &LeidenConfig, seed: u64) -> Vec<u32> {
    let n = base.len();
    let mut rng = SplitMix64::new(seed);
    let mut best: Vec<u32> = (0..n as u32).collect();
    let mut best_quality = base.modularity(&best, config.resolution);
    for _ in 0..MAX_ROUNDS {
        let found = run(base, &best, config, &mut rng);
        let quality = base.modularity(&found, config.resolution);
        let gained = quality - best_quality;
        if gained > 0.0 {
            best = found;
            best_quality = quality;
        }
        // A round costs about a pass over the graph: stop once one gains
        // less than a hundred-thousandth of the modularity.
        if gained < config.threshold.max(1e-5 * best_quality.abs()) {
            break;
        }
    }
    best
}

/// One Leiden run on `base` from the partition `start`; returns each
/// original node's community.
fn run(base: &Level, start: &[u32], config: &LeidenConfig, rng: &mut SplitMix64) -> Vec<u32> {
    let n = base.len();
    let mut membership: Vec<u32> = (0..n as u32).collect();
    let mut partition = start.to_vec();
    let mut owned: Option<Level> = None;
    loop {
        let level = owned.as_ref().unwrap_or(base);
        let (moved, _) = level.move_nodes(&partition, config.resolution, config.threshold, rng);
        let communities = distinct(&moved);
        if communities == level.len() {
            partition = moved;
            break;
        }
        let refined = level.refine(&moved, config.resolution, config.randomness, rng);
        // Without any merge the refinement would not shrink the graph;
        // aggregate by the communities then, as Louvain does.
        let by = if distinct(&refined) == level.len() {
            moved.clone()
        } else {
            refined
        };
        let (next, dense) = level.aggregate(&by);
        // Each new node starts in the community its members were in,
        // numbered by the first new node of that community.
        let mut label = vec![u32::MAX; level.len()];
        let mut next_partition = vec![0u32; next.len()];
        for v in 0..level.len() {
            let node = dense[by[v] as usize];
            let community = moved[v] as usize;
            if label[community] == u32::MAX {
                label[community] = node;
            }
            next_partition[node as usize] = label[community];
        }
        for m in &mut membership {
            *m = dense[by[*m as usize] as usize];
        }
        partition = next_partition;
        owned = Some(next);
    }
    membership.iter().map(|&m| partition[m as usize]).collect()
}

fn distinct(labels: &[u32]) -> usize {
    let mut seen = vec![false; labels.len()];
    let mut count = 0;
    for &l in labels {
        if !seen[l as usize] {
            seen[l as usize] = true;
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{LouvainConfig, louvain, modularity, weak_components};

    fn random_graph(seed: u64) -> CompactGraph {
        let mut rng = SplitMix64::new(seed);
        let edges: Vec<(u32, u32)> = (0..900)
            .map(|_| (rng.below(300) as u32, rng.below(300) as u32))
            .collect();
        CompactGraph::from_pairs(300, false, &edges).unwrap()
    }

    #[test]
    fn reproducible_connected_and_as_good_as_louvain() {
        let g = random_graph(4);
        let config = LeidenConfig::default();
        let found = leiden(&g, &config);
        assert_eq!(found, leiden(&g, &config));
        assert!((found.modularity - modularity(&g, &found.partition, 1.0)).abs() < 1e-12);
        let plain = louvain(&g, &LouvainConfig::default());
        assert!(
            found.modularity > plain.modularity - 0.02,
            "{} {}",
            found.modularity,
            plain.modularity
        );
        // Every community induces a connected subgraph.
        for members in found.partition.members() {
            let inside: Vec<(u32, u32)> = members
                .iter()
                .enumerate()
                .flat_map(|(i, &u)| {
                    let members = &members;
                    g.neighbours(u).iter().filter_map(move |v| {
                        members.binary_search(v).ok().map(|j| (i as u32, j as u32))
                    })
                })
                .collect();
            let sub = CompactGraph::from_pairs(members.len(), false, &inside).unwrap();
            assert_eq!(
                weak_components(&sub).count,
                1,
                "community {members:?} is not connected"
            );
        }
    }

    #[test]
    fn degenerate_graphs() {
        let empty = leiden(&CompactGraph::default(), &Default::default());
        assert_eq!((empty.partition.count, empty.modularity), (0, 0.0));
        let isolated = CompactGraph::from_pairs(3, false, &[]).unwrap();
        assert_eq!(leiden(&isolated, &Default::default()).partition.count, 3);
        let zero = CompactGraph::from_edges(3, false, &[(0, 1, 0.0), (1, 2, 0.0)]).unwrap();
        assert!(leiden(&zero, &Default::default()).modularity.is_finite());
        let looped = CompactGraph::from_pairs(3, true, &[(0, 0), (0, 1), (1, 2), (2, 1)]).unwrap();
        assert!(leiden(&looped, &Default::default()).modularity.is_finite());
    }
}

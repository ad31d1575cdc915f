//! Analysis stage: main path analysis of a citation network — SPC (search
//! path count) traversal weights of every citation, and the global, local
//! and key-route main paths built from them. Works on the acyclic part of
//! the graph (edges inside a strongly connected component are dropped and
//! counted). Pure: it names no paper and reads no file; the caller maps the
//! `u32` node ids back to its source ids.
//!
//! Direction. Edges are given as in the source data, citing → cited. The
//! knowledge they carry flows the other way, cited → citing (from older
//! work to the newer work that builds on it), and every path this module
//! returns is listed in that flow order: it starts at an *origin* (a work
//! that cites nothing in the acyclic part) and ends at a *frontier* work
//! (cited by nothing). SPC weights do not depend on the direction.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

use petgraph::graph::NodeIndex;

use super::compact::CompactGraph;
use super::condensation::{Condensation, condensation};
use super::projection::{Layer, ProjectionConfig, project};
use crate::error::{Error, Result};
use crate::model::ArgGraph;

/// Options for [`main_paths`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MainPathConfig {
    /// Divide every SPC weight (and the path weights) by the number of
    /// source–sink paths, so a weight is the share of all paths that run
    /// through the edge (at most 1), as Batagelj's normalised SPC.
    pub normalise: bool,
    /// How many top edges seed the key-route main paths (Liu and Lu's
    /// "key-route k"); 0 gives none.
    pub key_routes: usize,
}

impl Default for MainPathConfig {
    fn default() -> Self {
        MainPathConfig {
            normalise: true,
            // Ten routes keep the union small enough to draw on a slide.
            key_routes: 10,
        }
    }
}

/// SPC weights and main paths of a citation graph.
///
/// Edge order: `weights[i]` belongs to the `i`-th edge of the graph's
/// out-rows, that is the edges sorted by (citing node, cited node) with
/// parallel edges in their given order — the order of
/// [`CompactGraph::neighbours`] row after row. [`MainPaths::edges`] walks
/// them with their end points.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MainPaths {
    /// SPC weight of every edge; 0 exactly for the dropped edges (inside a
    /// strongly connected component), at least 1 (unnormalised) otherwise.
    pub weights: Vec<f64>,
    /// Number of source–sink paths of at least one edge in the acyclic
    /// part (isolated nodes do not count). A float: it overflows `u64` on
    /// real citation graphs; infinite beyond `f64::MAX`.
    pub source_sink_paths: f64,
    /// Edges dropped because they lie on a cycle (self-loops included).
    pub dropped_edges: usize,
    /// The origin-to-frontier path with the largest total weight, in flow
    /// order (cited first). Empty when no edge is left.
    pub global: Vec<u32>,
    /// Total weight of the edges of [`global`](Self::global).
    pub global_weight: f64,
    /// The local (forward) main path: the heaviest edge out of an origin,
    /// then always the heaviest next edge. Flow order.
    pub local: Vec<u32>,
    /// One path per key edge (heaviest first), each from an origin to a
    /// frontier work through its key edge. Flow order.
    pub key_routes: Vec<Vec<u32>>,
    /// The union of the key routes as a sub-network: `(citing, cited,
    /// weight)`, sorted, each pair once.
    pub key_route_edges: Vec<(u32, u32, f64)>,
}

impl MainPaths {
    /// Every edge as `(citing, cited, weight)` in the order of
    /// [`weights`](Self::weights); `graph` must be the one analysed.
    pub fn edges<'a>(
        &'a self,
        graph: &'a CompactGraph,
    ) -> impl Iterator<Item = (u32, u32, f64)> + 'a {
        (0..graph.node_count() as u32)
            .flat_map(move |u| graph.neighbours(u).iter().map(move |&v| (u, v)))
            .zip(&self.weights)
            .map(|((u, v), &w)| (u, v, w))
    }
}

/// Main path analysis of a citation graph whose edges point citing →
/// cited.
///
/// SPC after V. Batagelj, "Efficient algorithms for citation network
/// analysis" (arXiv cs/0309023, 2003): the weight of edge `u → v` is the
/// number of paths from any source to any sink that use it,
/// `N⁻(u) · N⁺(v)`, where `N⁻(u)` counts the paths from sources to `u`
/// and `N⁺(v)` those from `v` to sinks (sources: nodes without incoming
/// edges; sinks: without outgoing ones). Paths are main paths in the sense
/// of N. Hummon and P. Doreian, "Connectivity in a citation network: the
/// development of DNA theory" (Social Networks 11, 1989): the *global*
/// main path has the largest sum of weights (a longest-path DP over the
/// topological order); the *local* one follows the heaviest edge greedily
/// from the heaviest edge out of an origin; the *key-route* paths of J.
/// Liu and L. Lu, "An integrated approach for main path analysis" (JASIST
/// 63(3), 2012) extend each of the `key_routes` heaviest edges backward to
/// an origin and forward to a frontier along the heaviest edges (their
/// local key-route search). Ties go to the smaller node id, then to the
/// earlier edge.
///
/// Edges inside a strongly connected component (mutual citations, errors
/// in the data, self-loops) are dropped first, as main path analysis needs
/// an acyclic graph; [`MainPaths::dropped_edges`] says how many. Path
/// counts are kept in `f64`: they exceed `u64` on real data (cit-HepTh has
/// 4.6·10³⁷ source–sink paths), are exact up to 2⁵³ and within about 1e-16
/// relative beyond. Should a count overflow `f64` (beyond 1.8·10³⁰⁸) the
/// counts are redone as logarithms: normalised weights and all paths stay
/// right, unnormalised weights and `source_sink_paths` become infinite.
/// Parallel edges count as separate paths.
///
/// O(n + m) time (plus O(m log k) for the key edges), O(n + m) memory.
/// An undirected graph is an error.
///
/// ```
/// use argnet::analysis::{main_paths, CompactGraph, MainPathConfig};
/// // 2 and 3 cite 1, 1 cites 0; 3 also cites 0.   0 ← 1 ← 2
/// //                                               ↖   ↖
/// //                                                 3
/// let graph = CompactGraph::from_pairs(4, true, &[(1, 0), (2, 1), (3, 1), (3, 0)]).unwrap();
/// let config = MainPathConfig { normalise: false, key_routes: 1 };
/// let paths = main_paths(&graph, &config).unwrap();
/// // edges in (citing, cited) order: 1→0, 2→1, 3→0, 3→1
/// assert_eq!(paths.weights, vec![2.0, 1.0, 1.0, 1.0]);
/// assert_eq!(paths.source_sink_paths, 3.0);
/// assert_eq!(paths.global, vec![0, 1, 2]); // flow order: cited first
/// assert_eq!(paths.global_weight, 3.0);
/// ```
pub fn main_paths(graph: &CompactGraph, config: &MainPathConfig) -> Result<MainPaths> {
    if !graph.is_directed() {
        return Err(Error::InvalidValue {
            name: "graph",
            value: "undirected".to_string(),
            message: "main path analysis needs a directed citation graph (citing → cited)"
                .to_string(),
        });
    }
    let n = graph.node_count();
    let components = condensation(graph);
    let counts = PathCounts::new(graph, &components);
    let mut weights = vec![0.0; graph.adjacency_len()];
    let mut dropped_edges = 0;
    for u in 0..n as u32 {
        let start = graph.out_offset(u);
        for (j, &v) in graph.neighbours(u).iter().enumerate() {
            if components.inside(u, v) {
                dropped_edges += 1;
            } else {
                weights[start + j] = counts.weight(u, v, config.normalise);
            }
        }
    }
    let source_sink_paths = counts.total;
    let (global, global_weight) = global_path(graph, &components, &counts, &weights);
    let local = local_path(graph, &components, &counts);
    let key_edges = heaviest_edges(graph, &weights, config.key_routes);
    let mut key_routes = Vec::with_capacity(key_edges.len());
    let mut union: BTreeMap<(u32, u32), f64> = BTreeMap::new();
    for (citing, cited) in key_edges {
        let mut route = vec![cited];
        let mut at = cited;
        while let Some(next) = counts.heaviest_cited(graph, &components, at) {
            route.push(next);
            at = next;
        }
        route.reverse();
        route.push(citing);
        let mut at = citing;
        while let Some(next) = counts.heaviest_citing(graph, &components, at) {
            route.push(next);
            at = next;
        }
        for pair in route.windows(2) {
            let (cited, citing) = (pair[0], pair[1]);
            union.insert(
                (citing, cited),
                counts.weight(citing, cited, config.normalise),
            );
        }
        key_routes.push(route);
    }
    Ok(MainPaths {
        weights,
        source_sink_paths,
        dropped_edges,
        global,
        global_weight,
        local,
        key_routes,
        key_route_edges: union.into_iter().map(|((u, v), w)| (u, v, w)).collect(),
    })
}

/// Path counts over the edges between components (the acyclic part).
struct PathCounts {
    /// Kept in- and out-degrees (edges between components).
    kept_in: Vec<u32>,
    kept_out: Vec<u32>,
    /// `up[x]`: paths from a source (uncited work) down to `x`.
    up: Vec<f64>,
    /// `down[x]`: paths from `x` to a sink (a work citing nothing).
    down: Vec<f64>,
    /// Whether `up` and `down` hold natural logarithms of the counts,
    /// because a count overflowed `f64`.
    logarithmic: bool,
    /// Source–sink paths of at least one edge (infinite on overflow), and
    /// its logarithm, which stays finite.
    total: f64,
    log_total: f64,
}

impl PathCounts {
    fn new(graph: &CompactGraph, components: &Condensation) -> Self {
        let n = graph.node_count();
        let mut kept_in = vec![0u32; n];
        let mut kept_out = vec![0u32; n];
        for u in 0..n as u32 {
            for &v in graph.neighbours(u) {
                if !components.inside(u, v) {
                    kept_in[v as usize] += 1;
                    kept_out[u as usize] += 1;
                }
            }
        }
        // `members` lists the nodes in topological order of the given
        // edges; kept edges never join two nodes of one component, so
        // every kept edge goes forward in it.
        let order = &components.members;
        let mut up = vec![0.0; n];
        let mut down = vec![0.0; n];
        let mut logarithmic = false;
        for attempt in [false, true] {
            // The sum of counts, or of exp(log counts) without overflow.
            let combine = |values: &mut dyn Iterator<Item = f64>| -> f64 {
                if attempt {
                    log_sum_exp(values)
                } else {
                    values.sum()
                }
            };
            let one = if attempt { 0.0 } else { 1.0 };
            for &v in order {
                up[v as usize] = if kept_in[v as usize] == 0 {
                    one
                } else {
                    let from = graph.in_neighbours(v);
                    combine(
                        &mut from
                            .iter()
                            .filter(|&&u| !components.inside(u, v))
                            .map(|&u| up[u as usize]),
                    )
                };
            }
            for &u in order.iter().rev() {
                down[u as usize] = if kept_out[u as usize] == 0 {
                    one
                } else {
                    let to = graph.neighbours(u);
                    combine(
                        &mut to
                            .iter()
                            .filter(|&&v| !components.inside(u, v))
                            .map(|&v| down[v as usize]),
                    )
                };
            }
            logarithmic = attempt;
            // Counts grow towards the ends of the order: checking every
            // value finds an overflow wherever it happens.
            if attempt || up.iter().chain(&down).all(|x| x.is_finite()) {
                break;
            }
        }
        let mut sources = (0..n)
            .filter(|&x| kept_in[x] == 0 && kept_out[x] > 0)
            .map(|x| down[x]);
        let (total, log_total) = if logarithmic {
            let log_total = log_sum_exp(&mut sources);
            (log_total.exp(), log_total)
        } else {
            let total: f64 = sources.sum();
            (total, total.ln())
        };
        PathCounts {
            kept_in,
            kept_out,
            up,
            down,
            logarithmic,
            total,
            log_total,
        }
    }

    /// SPC of the kept edge `citing → cited`, divided by the number of
    /// source–sink paths when `normalise` (and there are any).
    fn weight(&self, citing: u32, cited: u32, normalise: bool) -> f64 {
        let (up, down) = (self.up[citing as usize], self.down[cited as usize]);
        let normalise = normalise && self.total > 0.0;
        if self.logarithmic {
            (up + down - if normalise { self.log_total } else { 0.0 }).exp()
        } else if normalise {
            up * down / self.total
        } else {
            up * down
        }
    }

    /// The next work along the flow from `x`: among the works citing `x`,
    /// the one whose edge to `x` weighs most (`up[w] · down[x]`, so the
    /// largest `up[w]`), the smaller id on ties.
    fn heaviest_citing(
        &self,
        graph: &CompactGraph,
        components: &Condensation,
        x: u32,
    ) -> Option<u32> {
        best_by(graph.in_neighbours(x), |w| {
            (!components.inside(w, x)).then(|| self.up[w as usize])
        })
    }

    /// The previous work against the flow from `x`: among the works `x`
    /// cites, the one whose edge weighs most (the largest `down[y]`).
    fn heaviest_cited(
        &self,
        graph: &CompactGraph,
        components: &Condensation,
        x: u32,
    ) -> Option<u32> {
        best_by(graph.neighbours(x), |y| {
            (!components.inside(x, y)).then(|| self.down[y as usize])
        })
    }
}

/// `ln Σ exp(x)` over `values` without overflow (−∞ when empty).
fn log_sum_exp(values: &mut dyn Iterator<Item = f64>) -> f64 {
    let values: Vec<f64> = values.collect();
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + values.iter().map(|x| (x - max).exp()).sum::<f64>().ln()
}

/// The candidate with the largest score; rows are sorted, so keeping the
/// first maximum picks the smaller id.
fn best_by(candidates: &[u32], score: impl Fn(u32) -> Option<f64>) -> Option<u32> {
    let mut best: Option<(u32, f64)> = None;
    for &c in candidates {
        let Some(s) = score(c) else { continue };
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

/// Longest path by total weight, as a DP over the topological order of
/// the given edges: `best[x]` is the heaviest path from an uncited work to
/// `x`, i.e. the heaviest flow path from `x` to the frontier, and `next[x]`
/// is the citing work it continues with.
fn global_path(
    graph: &CompactGraph,
    components: &Condensation,
    counts: &PathCounts,
    weights: &[f64],
) -> (Vec<u32>, f64) {
    const NONE: u32 = u32::MAX;
    let n = graph.node_count();
    let mut best = vec![0.0; n];
    let mut next = vec![NONE; n];
    for &u in &components.members {
        let start = graph.out_offset(u);
        for (j, &v) in graph.neighbours(u).iter().enumerate() {
            if components.inside(u, v) {
                continue;
            }
            let candidate = best[u as usize] + weights[start + j];
            let (held, by) = (best[v as usize], next[v as usize]);
            if by == NONE || candidate > held || (candidate == held && u < by) {
                best[v as usize] = candidate;
                next[v as usize] = u;
            }
        }
    }
    let origin = (0..n as u32)
        .filter(|&x| counts.kept_out[x as usize] == 0 && counts.kept_in[x as usize] > 0)
        .fold(None, |held: Option<u32>, x| match held {
            Some(h) if best[h as usize] >= best[x as usize] => Some(h),
            _ => Some(x),
        });
    let Some(origin) = origin else {
        return (Vec::new(), 0.0);
    };
    let mut path = vec![origin];
    let mut at = origin;
    while next[at as usize] != NONE {
        at = next[at as usize];
        path.push(at);
    }
    (path, best[origin as usize])
}

/// The local forward main path: the heaviest edge out of an origin (a work
/// citing nothing that is cited), then the heaviest next edge each step.
fn local_path(graph: &CompactGraph, components: &Condensation, counts: &PathCounts) -> Vec<u32> {
    // An origin's out-flow edges weigh up[w] · down[origin] = up[w].
    let mut start: Option<(u32, u32, f64)> = None;
    for origin in 0..graph.node_count() as u32 {
        if counts.kept_out[origin as usize] != 0 {
            continue;
        }
        if let Some(w) = counts.heaviest_citing(graph, components, origin) {
            let weight = counts.up[w as usize];
            if start.is_none_or(|(_, _, held)| weight > held) {
                start = Some((origin, w, weight));
            }
        }
    }
    let Some((origin, first, _)) = start else {
        return Vec::new();
    };
    let mut path = vec![origin, first];
    let mut at = first;
    while let Some(next) = counts.heaviest_citing(graph, components, at) {
        path.push(next);
        at = next;
    }
    path
}

/// A kept edge ranked for the key routes: heavier first, then earlier.
#[derive(PartialEq)]
struct Ranked {
    weight: f64,
    citing: u32,
    cited: u32,
}

impl Eq for Ranked {}

impl Ord for Ranked {
    /// "Greater" means better: heavier, then smaller (citing, cited).
    fn cmp(&self, other: &Self) -> Ordering {
        self.weight
            .total_cmp(&other.weight)
            .then_with(|| (other.citing, other.cited).cmp(&(self.citing, self.cited)))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The `k` heaviest kept edges as (citing, cited), best first, with a heap
/// of `k` so memory stays O(k) on graphs of millions of edges. Parallel
/// copies of one pair count once.
fn heaviest_edges(graph: &CompactGraph, weights: &[f64], k: usize) -> Vec<(u32, u32)> {
    if k == 0 {
        return Vec::new();
    }
    // A min-heap of the best k seen so far (the worst on top).
    let mut heap: BinaryHeap<std::cmp::Reverse<Ranked>> = BinaryHeap::with_capacity(k + 1);
    for u in 0..graph.node_count() as u32 {
        let start = graph.out_offset(u);
        let row = graph.neighbours(u);
        for (j, &v) in row.iter().enumerate() {
            let weight = weights[start + j];
            if weight <= 0.0 || (j > 0 && row[j - 1] == v) {
                continue;
            }
            heap.push(std::cmp::Reverse(Ranked {
                weight,
                citing: u,
                cited: v,
            }));
            if heap.len() > k {
                heap.pop();
            }
        }
    }
    let mut ranked: Vec<Ranked> = heap.into_iter().map(|r| r.0).collect();
    ranked.sort_by(|a, b| b.cmp(a));
    ranked.into_iter().map(|r| (r.citing, r.cited)).collect()
}

/// The citations on the key-route main paths (ten routes, as
/// [`MainPathConfig::default`]) of an argument graph's `cites` layer, as
/// (citing, cited) node pairs; empty when it has no citation.
pub fn main_path_citations(graph: &ArgGraph) -> Result<Vec<(NodeIndex, NodeIndex)>> {
    let projection = project(
        graph,
        &ProjectionConfig {
            layer: Layer::citation(),
            directed: true,
            ..ProjectionConfig::default()
        },
    );
    if projection.graph.edge_count() == 0 {
        return Ok(Vec::new());
    }
    let paths = main_paths(&projection.graph, &MainPathConfig::default())?;
    Ok(paths
        .key_route_edges
        .iter()
        .map(|&(a, b, _)| (projection.nodes[a as usize], projection.nodes[b as usize]))
        .collect())
}

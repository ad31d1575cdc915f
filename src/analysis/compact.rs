//! Analysis stage: [`CompactGraph`], the compressed-sparse-row graph every
//! measure runs on. Node ids are `u32` indices `0..n`; the caller keeps the
//! ids of its source data (an [`ArgGraph`](crate::model::ArgGraph) node, a
//! paper id). It is built once from an edge list with two counting sorts, so
//! building is O(n + m) and the per-edge memory is 4 bytes per direction
//! (plus 8 for a weight). It holds no names, reads no file and prints nothing.

use crate::error::{Error, Result};

/// A graph in compressed-sparse-row form, directed or undirected.
///
/// - Directed: `out` holds each edge `u → v` in row `u`, `in` in row `v`.
/// - Undirected: each edge is stored in both rows (a self-loop twice, so
///   that degrees and modularity count it as NetworkX does); out- and
///   in-neighbours are the same.
///
/// Rows are sorted by neighbour, so results do not depend on the order the
/// edges were given in. Weights are optional; without them every edge weighs 1.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompactGraph {
    directed: bool,
    node_count: usize,
    edge_count: usize,
    out_offsets: Vec<usize>,
    out_targets: Vec<u32>,
    out_weights: Option<Vec<f64>>,
    /// Empty for undirected graphs, which use the `out` arrays both ways.
    in_offsets: Vec<usize>,
    in_sources: Vec<u32>,
    in_weights: Option<Vec<f64>>,
}

/// An edge given to [`CompactGraph::from_edges`]: source, target, weight.
pub type WeightedEdge = (u32, u32, f64);

impl CompactGraph {
    /// Build a graph with `node_count` nodes from `(source, target)` pairs,
    /// every edge of weight 1. Parallel edges are kept as given.
    ///
    /// ```
    /// use argnet::analysis::CompactGraph;
    /// // 0 → 1 → 2, 0 → 2
    /// let graph = CompactGraph::from_pairs(3, true, &[(0, 1), (1, 2), (0, 2)]).unwrap();
    /// assert_eq!(graph.neighbours(0), &[1, 2]);
    /// assert_eq!(graph.in_neighbours(2), &[0, 1]);
    /// ```
    pub fn from_pairs(node_count: usize, directed: bool, edges: &[(u32, u32)]) -> Result<Self> {
        build(
            node_count,
            directed,
            edges.len(),
            |i| (edges[i].0, edges[i].1),
            None,
        )
    }

    /// Build a weighted graph. Weights must be finite and not negative
    /// (zero is allowed: the edge exists but carries no weight).
    pub fn from_edges(node_count: usize, directed: bool, edges: &[WeightedEdge]) -> Result<Self> {
        if let Some((source, target, weight)) =
            edges.iter().find(|(_, _, w)| !(w.is_finite() && *w >= 0.0))
        {
            return Err(Error::InvalidValue {
                name: "edge weight",
                value: weight.to_string(),
                message: format!(
                    "edge {source} → {target}: weights must be finite and not negative"
                ),
            });
        }
        build(
            node_count,
            directed,
            edges.len(),
            |i| (edges[i].0, edges[i].1),
            Some(&|i| edges[i].2),
        )
    }

    /// Whether edges have a direction.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Whether edges carry weights other than 1.
    pub fn is_weighted(&self) -> bool {
        self.out_weights.is_some()
    }

    pub fn node_count(&self) -> usize {
        self.node_count
    }

    /// Number of edges as given (an undirected edge counts once).
    pub fn edge_count(&self) -> usize {
        self.edge_count
    }

    /// Number of stored adjacency entries: `m` directed, `2m` undirected.
    pub fn adjacency_len(&self) -> usize {
        self.out_targets.len()
    }

    /// Successors of `node` (all neighbours when undirected), sorted.
    #[inline]
    pub fn neighbours(&self, node: u32) -> &[u32] {
        let node = node as usize;
        &self.out_targets[self.out_offsets[node]..self.out_offsets[node + 1]]
    }

    /// Weights aligned with [`neighbours`](Self::neighbours); `None` when
    /// the graph is unweighted.
    #[inline]
    pub fn neighbour_weights(&self, node: u32) -> Option<&[f64]> {
        let node = node as usize;
        self.out_weights
            .as_ref()
            .map(|w| &w[self.out_offsets[node]..self.out_offsets[node + 1]])
    }

    /// Predecessors of `node` (all neighbours when undirected), sorted.
    #[inline]
    pub fn in_neighbours(&self, node: u32) -> &[u32] {
        if !self.directed {
            return self.neighbours(node);
        }
        let node = node as usize;
        &self.in_sources[self.in_offsets[node]..self.in_offsets[node + 1]]
    }

    /// Weights aligned with [`in_neighbours`](Self::in_neighbours).
    #[inline]
    pub fn in_neighbour_weights(&self, node: u32) -> Option<&[f64]> {
        if !self.directed {
            return self.neighbour_weights(node);
        }
        let node = node as usize;
        self.in_weights
            .as_ref()
            .map(|w| &w[self.in_offsets[node]..self.in_offsets[node + 1]])
    }

    /// Position of `node`'s first adjacency entry; entry positions are the
    /// edge ids of the petgraph view.
    #[inline]
    pub(crate) fn out_offset(&self, node: u32) -> usize {
        self.out_offsets[node as usize]
    }

    /// Weight of adjacency entry `position` (1 when unweighted).
    #[inline]
    pub(crate) fn weight_at(&self, position: usize) -> f64 {
        self.out_weights.as_ref().map_or(1.0, |w| w[position])
    }

    /// Target of adjacency entry `position`.
    #[inline]
    pub(crate) fn target_at(&self, position: usize) -> u32 {
        self.out_targets[position]
    }

    /// Out-degree (all neighbours counted with multiplicity when undirected).
    #[inline]
    pub fn out_degree(&self, node: u32) -> usize {
        let node = node as usize;
        self.out_offsets[node + 1] - self.out_offsets[node]
    }

    /// In-degree (equal to [`out_degree`](Self::out_degree) when undirected).
    #[inline]
    pub fn in_degree(&self, node: u32) -> usize {
        if !self.directed {
            return self.out_degree(node);
        }
        let node = node as usize;
        self.in_offsets[node + 1] - self.in_offsets[node]
    }

    /// This graph when it is undirected, else
    /// [`to_undirected`](Self::to_undirected): what the measures that
    /// ignore direction (communities, participation, constraint) run on,
    /// without copying an undirected graph.
    pub fn undirected_view(&self) -> std::borrow::Cow<'_, CompactGraph> {
        if self.is_directed() {
            std::borrow::Cow::Owned(self.to_undirected())
        } else {
            std::borrow::Cow::Borrowed(self)
        }
    }

    /// The same graph without direction: `u → v` and `v → u` become one
    /// edge whose weight is their sum, as NetworkX's `to_undirected` does
    /// for mutual weights. An undirected graph is returned as a copy.
    pub fn to_undirected(&self) -> CompactGraph {
        if !self.directed {
            return self.clone();
        }
        // Row u of the result merges u's sorted out-row and in-row, adding
        // up the weights of equal neighbours: O(n + m), no sorting.
        let n = self.node_count;
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets: Vec<u32> = Vec::with_capacity(self.adjacency_len() * 2);
        let mut weights: Vec<f64> = Vec::with_capacity(self.adjacency_len() * 2);
        let (mut loops, mut all_ones) = (0usize, true);
        offsets.push(0);
        for u in 0..n as u32 {
            let (out, inc) = (self.neighbours(u), self.in_neighbours(u));
            let (out_w, in_w) = (self.neighbour_weights(u), self.in_neighbour_weights(u));
            let weight = |w: Option<&[f64]>, i: usize| w.map_or(1.0, |w| w[i]);
            let (mut i, mut j) = (0, 0);
            while i < out.len() || j < inc.len() {
                let v = match (out.get(i), inc.get(j)) {
                    (Some(&a), Some(&b)) => a.min(b),
                    (Some(&a), None) => a,
                    (None, Some(&b)) => b,
                    (None, None) => unreachable!(),
                };
                let mut total = 0.0;
                let mut copies = 0;
                while i < out.len() && out[i] == v {
                    total += weight(out_w, i);
                    i += 1;
                    copies += 1;
                }
                let loop_total = total;
                while j < inc.len() && inc[j] == v {
                    total += weight(in_w, j);
                    j += 1;
                    copies += 1;
                }
                if v == u {
                    // A self-loop is in both rows of u; it counts once (its
                    // out-row weight) and is stored twice, like every
                    // undirected self-loop.
                    targets.extend([u, u]);
                    weights.extend([loop_total, loop_total]);
                    all_ones &= loop_total == 1.0;
                    loops += 1;
                    continue;
                }
                all_ones &= total == 1.0 && copies == 1;
                targets.push(v);
                weights.push(total);
            }
            offsets.push(targets.len());
        }
        let edge_count = (targets.len() - 2 * loops) / 2 + loops;
        CompactGraph {
            directed: false,
            node_count: n,
            edge_count,
            out_offsets: offsets,
            out_targets: targets,
            out_weights: if all_ones && !self.is_weighted() {
                None
            } else {
                Some(weights)
            },
            in_offsets: Vec::new(),
            in_sources: Vec::new(),
            in_weights: None,
        }
    }

    /// Sum of the weights of the edges of `node` (out-edges when directed).
    #[inline]
    pub fn out_strength(&self, node: u32) -> f64 {
        match self.neighbour_weights(node) {
            Some(w) => w.iter().sum(),
            None => self.out_degree(node) as f64,
        }
    }

    /// Sum of the weights of the in-edges of `node`.
    #[inline]
    pub fn in_strength(&self, node: u32) -> f64 {
        match self.in_neighbour_weights(node) {
            Some(w) => w.iter().sum(),
            None => self.in_degree(node) as f64,
        }
    }
}

/// Two counting sorts: one by source into the out-rows, one by target into
/// the in-rows (or, undirected, both ends into one set of rows). Rows are
/// then sorted by neighbour.
fn build(
    node_count: usize,
    directed: bool,
    edge_count: usize,
    edge: impl Fn(usize) -> (u32, u32) + Sync,
    weight: Option<&WeightOf<'_>>,
) -> Result<CompactGraph> {
    if node_count > u32::MAX as usize {
        return Err(Error::InvalidValue {
            name: "node count",
            value: node_count.to_string(),
            message: format!("argnet's compact graphs hold at most {} nodes", u32::MAX),
        });
    }
    for i in 0..edge_count {
        let (source, target) = edge(i);
        if source as usize >= node_count || target as usize >= node_count {
            return Err(Error::InvalidValue {
                name: "edge",
                value: format!("{source} → {target}"),
                message: format!("node ids must be below the node count {node_count}"),
            });
        }
    }
    let halved = weight.map(|w| move |i: usize| w(i / 2));
    let halved: Option<&WeightOf<'_>> = halved.as_ref().map(|f| f as &WeightOf<'_>);
    if directed {
        // The out-rows and the in-rows are independent: build them on two
        // threads (a third of the load time of cit-HepPh).
        let (out, incoming) = rayon::join(
            || rows(node_count, edge_count, &edge, weight),
            || {
                rows(
                    node_count,
                    edge_count,
                    |i| {
                        let (u, v) = edge(i);
                        (v, u)
                    },
                    weight,
                )
            },
        );
        return Ok(CompactGraph {
            directed,
            node_count,
            edge_count,
            out_offsets: out.0,
            out_targets: out.1,
            out_weights: out.2,
            in_offsets: incoming.0,
            in_sources: incoming.1,
            in_weights: incoming.2,
        });
    }
    let (out_offsets, out_targets, out_weights) = {
        // Each undirected edge i appears as entry 2i (u → v) and 2i+1 (v → u).
        rows(
            node_count,
            edge_count * 2,
            |i| {
                let (u, v) = edge(i / 2);
                if i % 2 == 0 { (u, v) } else { (v, u) }
            },
            halved,
        )
    };
    Ok(CompactGraph {
        directed,
        node_count,
        edge_count,
        out_offsets,
        out_targets,
        out_weights,
        in_offsets: Vec::new(),
        in_sources: Vec::new(),
        in_weights: None,
    })
}

/// The weight of edge `i`.
type WeightOf<'a> = dyn Fn(usize) -> f64 + Sync + 'a;

type Rows = (Vec<usize>, Vec<u32>, Option<Vec<f64>>);

fn rows(
    node_count: usize,
    entries: usize,
    entry: impl Fn(usize) -> (u32, u32),
    weight: Option<&WeightOf<'_>>,
) -> Rows {
    let mut offsets = vec![0usize; node_count + 1];
    for i in 0..entries {
        offsets[entry(i).0 as usize + 1] += 1;
    }
    for i in 0..node_count {
        offsets[i + 1] += offsets[i];
    }
    let mut next = offsets.clone();
    let mut targets = vec![0u32; entries];
    let mut weights = weight.map(|_| vec![0f64; entries]);
    for i in 0..entries {
        let (row, target) = entry(i);
        let slot = next[row as usize];
        next[row as usize] += 1;
        targets[slot] = target;
        if let (Some(weights), Some(weight)) = (weights.as_mut(), weight) {
            weights[slot] = weight(i);
        }
    }
    sort_rows(&offsets, &mut targets, weights.as_deref_mut());
    (offsets, targets, weights)
}

fn sort_rows(offsets: &[usize], targets: &mut [u32], mut weights: Option<&mut [f64]>) {
    let mut pairs: Vec<(u32, f64)> = Vec::new();
    for row in offsets.windows(2) {
        let (start, end) = (row[0], row[1]);
        let row_targets = &mut targets[start..end];
        if row_targets.is_sorted() {
            continue;
        }
        match weights.as_deref_mut() {
            None => row_targets.sort_unstable(),
            Some(weights) => {
                let row_weights = &mut weights[start..end];
                pairs.clear();
                pairs.extend(row_targets.iter().copied().zip(row_weights.iter().copied()));
                // Stable, so parallel edges keep their given order.
                pairs.sort_by_key(|&(t, _)| t);
                for (i, (t, w)) in pairs.iter().enumerate() {
                    row_targets[i] = *t;
                    row_weights[i] = *w;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_rows_and_reverse_rows() {
        let g =
            CompactGraph::from_edges(4, true, &[(2, 0, 1.5), (0, 1, 2.0), (0, 2, 3.0)]).unwrap();
        assert_eq!(g.neighbours(0), &[1, 2]);
        assert_eq!(g.neighbour_weights(0).unwrap(), &[2.0, 3.0]);
        assert_eq!(g.in_neighbours(0), &[2]);
        assert_eq!(g.in_neighbours(2), &[0]);
        assert_eq!(g.neighbours(3), &[] as &[u32]);
        assert_eq!((g.out_strength(0), g.in_strength(0)), (5.0, 1.5));
        assert_eq!(g.edge_count(), 3);
    }

    #[test]
    fn undirected_stores_both_ways_and_self_loops_twice() {
        let g = CompactGraph::from_pairs(3, false, &[(0, 1), (1, 1)]).unwrap();
        assert_eq!(g.neighbours(1), &[0, 1, 1]);
        assert_eq!(g.in_neighbours(1), g.neighbours(1));
        assert_eq!(g.out_degree(1), 3);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.adjacency_len(), 4);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(CompactGraph::from_pairs(2, true, &[(0, 2)]).is_err());
        assert!(CompactGraph::from_edges(2, true, &[(0, 1, f64::NAN)]).is_err());
        assert!(CompactGraph::from_edges(2, true, &[(0, 1, -1.0)]).is_err());
        let empty = CompactGraph::from_pairs(0, true, &[]).unwrap();
        assert_eq!(empty.node_count(), 0);
    }

    /// The merge of rows equals collecting, sorting and merging all edges.
    #[test]
    fn to_undirected_equals_the_sorted_merge() {
        use crate::analysis::random::SplitMix64;
        let mut rng = SplitMix64::new(12);
        for weighted in [false, true] {
            let edges: Vec<WeightedEdge> = (0..400)
                .map(|_| {
                    let w = if weighted { rng.below(3) as f64 } else { 1.0 };
                    (rng.below(60) as u32, rng.below(60) as u32, w)
                })
                .collect();
            let g = if weighted {
                CompactGraph::from_edges(60, true, &edges).unwrap()
            } else {
                let pairs: Vec<(u32, u32)> = edges.iter().map(|e| (e.0, e.1)).collect();
                CompactGraph::from_pairs(60, true, &pairs).unwrap()
            };
            let mut merged: Vec<WeightedEdge> = edges
                .iter()
                .map(|&(u, v, w)| if u <= v { (u, v, w) } else { (v, u, w) })
                .collect();
            merged.sort_by_key(|&(u, v, _)| (u, v));
            merged.dedup_by(|next, kept| {
                let same = (next.0, next.1) == (kept.0, kept.1);
                if same {
                    kept.2 += next.2;
                }
                same
            });
            let want = CompactGraph::from_edges(60, false, &merged).unwrap();
            let got = g.to_undirected();
            assert_eq!(got.edge_count(), want.edge_count());
            for v in 0..60 {
                assert_eq!(got.neighbours(v), want.neighbours(v), "row {v}");
                let ones = vec![1.0; got.out_degree(v)];
                let got_w = got.neighbour_weights(v).unwrap_or(&ones);
                assert_eq!(
                    got_w,
                    want.neighbour_weights(v).unwrap(),
                    "weights of row {v}"
                );
            }
            assert_eq!(
                got.is_weighted(),
                weighted || merged.iter().any(|e| e.2 != 1.0)
            );
        }
    }

    #[test]
    fn to_undirected_merges_mutual_edges() {
        let g = CompactGraph::from_edges(3, true, &[(0, 1, 1.0), (1, 0, 2.0), (1, 2, 1.0)])
            .unwrap()
            .to_undirected();
        assert!(!g.is_directed());
        assert_eq!(g.neighbours(1), &[0, 2]);
        assert_eq!(g.neighbour_weights(1).unwrap(), &[3.0, 1.0]);
        assert_eq!(g.edge_count(), 2);
    }
}

//! Analysis stage: co-citation and bibliographic coupling of a citation
//! network — the pairs of works most often cited together, or most often
//! citing the same works — as a ranked top-N list, computed row by row
//! without an n × n matrix. Pure: no ids, no IO; it does not build the
//! similarity network as a graph (the caller can, from the pairs).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use rayon::prelude::*;

use super::compact::CompactGraph;
use crate::error::{Error, Result};

/// How a pair's count is scaled before ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Similarity {
    /// The raw count of shared citing (or cited) works.
    #[default]
    Count,
    /// Salton's cosine: `count / √(kₐ · k_b)`, where `k` is the number of
    /// works citing (co-citation) or cited by (coupling) each work.
    Cosine,
    /// Jaccard: `count / (kₐ + k_b − count)`.
    Jaccard,
}

/// Options for [`co_citation`] and [`bibliographic_coupling`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CouplingConfig {
    /// How many pairs to return (`usize::MAX`: every pair with a count).
    pub top: usize,
    pub similarity: Similarity,
    /// Skip middle works with more than this many distinct partners on the
    /// side that pairs (a review citing 2,000 papers adds 2 million co-cited
    /// pairs): `None` keeps all. Skipped works count for no pair and in no
    /// `k` of [`Similarity`].
    pub max_degree: Option<usize>,
    /// Rows in parallel (rayon) from this many nodes on.
    pub parallel_threshold: usize,
}

impl Default for CouplingConfig {
    fn default() -> Self {
        CouplingConfig {
            top: 100,
            similarity: Similarity::Count,
            max_degree: None,
            parallel_threshold: 2_000,
        }
    }
}

/// Two works and how strongly they are tied; `first < second`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub first: u32,
    pub second: u32,
    /// Works citing both (co-citation) or cited by both (coupling).
    pub count: u32,
    /// `count` scaled by the [`Similarity`] (equal to it for `Count`).
    pub score: f64,
}

impl Eq for Pair {}

impl Ord for Pair {
    /// "Greater" ranks first: higher score, then higher count, then the
    /// smaller `(first, second)`.
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.count.cmp(&other.count))
            .then_with(|| (other.first, other.second).cmp(&(self.first, self.second)))
    }
}

impl PartialOrd for Pair {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The top pairs of works cited together by the same works (H. Small,
/// "Co-citation in the scientific literature", JASIS 24(4), 1973), on a
/// graph whose edges point citing → cited. The count of a pair `(a, b)` is
/// the number of works citing both: the entry of `AᵀA`.
///
/// Computed as a sparse matrix product, one row `a` at a time: for each
/// work `c` citing `a`, every `b > a` that `c` also cites gets one more in
/// a dense scratch row of size n, and the touched entries go into a top-N
/// heap. O(Σ_c outdeg(c)²) time, O(n) memory per thread plus the heap;
/// no n × n matrix. Rows run in parallel; the ranking is a total order
/// (score, count, ids), so the result does not depend on the threads.
/// Repeated edges count once and self-citations not at all. Ranked best
/// first. An undirected graph is an error.
///
/// ```
/// use argnet::analysis::{co_citation, CompactGraph, CouplingConfig};
/// // 0 and 1 both cite 2 and 3; 1 also cites 4
/// let graph = CompactGraph::from_pairs(5, true, &[(0, 2), (0, 3), (1, 2), (1, 3), (1, 4)]).unwrap();
/// let pairs = co_citation(&graph, &CouplingConfig::default()).unwrap();
/// assert_eq!((pairs[0].first, pairs[0].second, pairs[0].count), (2, 3, 2));
/// assert_eq!(pairs.len(), 3); // (2, 3), (2, 4), (3, 4)
/// ```
pub fn co_citation(graph: &CompactGraph, config: &CouplingConfig) -> Result<Vec<Pair>> {
    shared(graph, config, Side::Cited)
}

/// The top pairs of works citing the same works (M. M. Kessler,
/// "Bibliographic coupling between scientific papers", American
/// Documentation 14(1), 1963): the count of `(a, b)` is the number of
/// works both cite, the entry of `AAᵀ`. Same method, options and
/// guarantees as [`co_citation`], O(Σ_d indeg(d)²) time.
///
/// ```
/// use argnet::analysis::{bibliographic_coupling, CompactGraph, CouplingConfig, Similarity};
/// // 0 and 1 both cite 2 and 3; 1 also cites 4
/// let graph = CompactGraph::from_pairs(5, true, &[(0, 2), (0, 3), (1, 2), (1, 3), (1, 4)]).unwrap();
/// let config = CouplingConfig { similarity: Similarity::Jaccard, ..Default::default() };
/// let pairs = bibliographic_coupling(&graph, &config).unwrap();
/// assert_eq!((pairs[0].first, pairs[0].second, pairs[0].count), (0, 1, 2));
/// assert!((pairs[0].score - 2.0 / 3.0).abs() < 1e-12); // 2 / (2 + 3 − 2)
/// ```
pub fn bibliographic_coupling(graph: &CompactGraph, config: &CouplingConfig) -> Result<Vec<Pair>> {
    shared(graph, config, Side::Citing)
}

/// Which works are paired: those cited together, or those citing together.
#[derive(Clone, Copy)]
enum Side {
    Cited,
    Citing,
}

/// Sources of a row in the blocks that run in parallel; the blocks are
/// interleaved so that each gets rows of every size.
const BLOCKS: usize = 64;

fn shared(graph: &CompactGraph, config: &CouplingConfig, side: Side) -> Result<Vec<Pair>> {
    if !graph.is_directed() {
        return Err(Error::InvalidValue {
            name: "graph",
            value: "undirected".to_string(),
            message: "co-citation and coupling need a directed citation graph (citing → cited)"
                .to_string(),
        });
    }
    let n = graph.node_count();
    if config.top == 0 || n == 0 {
        return Ok(Vec::new());
    }
    // middles(a): the works linking a to its partners (citing a for
    // co-citation, cited by a for coupling); partners(c): the works c links.
    let (middles, partners): (Row<'_>, Row<'_>) = match side {
        Side::Cited => (
            Box::new(|a| graph.in_neighbours(a)),
            Box::new(|c| graph.neighbours(c)),
        ),
        Side::Citing => (
            Box::new(|a| graph.neighbours(a)),
            Box::new(|c| graph.in_neighbours(c)),
        ),
    };
    // Works that may pair others: not above the cap (distinct partners,
    // self-citations aside).
    let allowed: Vec<bool> = match config.max_degree {
        None => vec![true; n],
        Some(cap) => (0..n as u32)
            .into_par_iter()
            .map(|c| distinct(partners(c)).filter(|&b| b != c).count() <= cap)
            .collect(),
    };
    let kept = |c: u32| allowed[c as usize];
    // k of each work: its distinct middles that are not itself or skipped.
    let degree: Vec<u32> = (0..n as u32)
        .into_par_iter()
        .map(|a| distinct(middles(a)).filter(|&c| c != a && kept(c)).count() as u32)
        .collect();
    let score = |a: u32, b: u32, count: u32| -> f64 {
        let (ka, kb, c) = (
            degree[a as usize] as f64,
            degree[b as usize] as f64,
            count as f64,
        );
        match config.similarity {
            Similarity::Count => c,
            Similarity::Cosine => c / (ka * kb).sqrt(),
            Similarity::Jaccard => c / (ka + kb - c),
        }
    };
    let block = |first: usize, step: usize| -> BinaryHeap<Reverse<Pair>> {
        let mut counts = vec![0u32; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut heap = BinaryHeap::new();
        for a in (first..n).step_by(step).map(|a| a as u32) {
            for c in distinct(middles(a)).filter(|&c| c != a && kept(c)) {
                for b in distinct(partners(c)).filter(|&b| b > a && b != c) {
                    if counts[b as usize] == 0 {
                        touched.push(b);
                    }
                    counts[b as usize] += 1;
                }
            }
            for &b in &touched {
                let count = std::mem::take(&mut counts[b as usize]);
                let pair = Pair {
                    first: a,
                    second: b,
                    count,
                    score: score(a, b, count),
                };
                keep_best(&mut heap, pair, config.top);
            }
            touched.clear();
        }
        heap
    };
    let heaps: Vec<BinaryHeap<Reverse<Pair>>> = if n >= config.parallel_threshold {
        (0..BLOCKS)
            .into_par_iter()
            .map(|b| block(b, BLOCKS))
            .collect()
    } else {
        vec![block(0, 1)]
    };
    let mut best: Vec<Pair> = heaps.into_iter().flatten().map(|r| r.0).collect();
    best.sort_unstable_by(|a, b| b.cmp(a));
    best.truncate(config.top);
    Ok(best)
}

/// A row of the graph, chosen by the side that is paired.
type Row<'a> = Box<dyn Fn(u32) -> &'a [u32] + Sync + 'a>;

/// The items of a sorted row, each once.
fn distinct(row: &[u32]) -> impl Iterator<Item = u32> + '_ {
    row.iter()
        .enumerate()
        .filter(move |&(i, v)| i == 0 || row[i - 1] != *v)
        .map(|(_, &v)| v)
}

/// Push `pair` into a min-heap holding the best `top` pairs.
fn keep_best(heap: &mut BinaryHeap<Reverse<Pair>>, pair: Pair, top: usize) {
    if heap.len() < top {
        heap.push(Reverse(pair));
    } else if heap.peek().is_some_and(|worst| pair > worst.0) {
        heap.pop();
        heap.push(Reverse(pair));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::random::SplitMix64;

    /// Dense n × n counts from the definition, for comparison.
    fn dense(n: usize, edges: &[(u32, u32)], side: Side) -> Vec<Vec<u32>> {
        let mut cites = vec![vec![false; n]; n];
        for &(u, v) in edges {
            if u != v {
                cites[u as usize][v as usize] = true;
            }
        }
        let mut counts = vec![vec![0u32; n]; n];
        for a in 0..n {
            for b in 0..n {
                if a == b {
                    continue;
                }
                counts[a][b] = (0..n)
                    .filter(|&c| match side {
                        Side::Cited => cites[c][a] && cites[c][b],
                        Side::Citing => cites[a][c] && cites[b][c],
                    })
                    .count() as u32;
            }
        }
        counts
    }

    #[test]
    fn hand_counted_example() {
        // 0 cites 3, 4, 5; 1 cites 3, 4; 2 cites 4, 5 (and 4 twice, and itself)
        let edges = [
            (0, 3),
            (0, 4),
            (0, 5),
            (1, 3),
            (1, 4),
            (2, 4),
            (2, 4),
            (2, 5),
            (2, 2),
        ];
        let graph = CompactGraph::from_pairs(6, true, &edges).unwrap();
        let all = CouplingConfig {
            top: usize::MAX,
            ..Default::default()
        };
        let ids = |pairs: Vec<Pair>| -> Vec<(u32, u32, u32)> {
            pairs.iter().map(|p| (p.first, p.second, p.count)).collect()
        };
        // Co-cited: (3,4) by 0 and 1; (4,5) by 0 and 2; (3,5) by 0.
        let co = co_citation(&graph, &all).unwrap();
        assert_eq!(ids(co), vec![(3, 4, 2), (4, 5, 2), (3, 5, 1)]);
        // Coupled: 0 and 1 share 3, 4; 0 and 2 share 4, 5; 1 and 2 share 4.
        let coupled = bibliographic_coupling(&graph, &all).unwrap();
        assert_eq!(ids(coupled), vec![(0, 1, 2), (0, 2, 2), (1, 2, 1)]);
        // Cosine of (3, 4): cited by {0, 1} and {0, 1, 2}: 2 / √6.
        let cosine = CouplingConfig {
            similarity: Similarity::Cosine,
            top: 1,
            ..all
        };
        let best = co_citation(&graph, &cosine).unwrap();
        assert_eq!((best[0].first, best[0].second), (3, 4));
        assert!((best[0].score - 2.0 / 6f64.sqrt()).abs() < 1e-12);
        // Capping middles at 2 cited works drops 0 (it cites 3).
        let capped = CouplingConfig {
            max_degree: Some(2),
            ..all
        };
        assert_eq!(
            ids(co_citation(&graph, &capped).unwrap()),
            vec![(3, 4, 1), (4, 5, 1)]
        );
        let undirected = CompactGraph::from_pairs(2, false, &[(0, 1)]).unwrap();
        assert!(co_citation(&undirected, &all).is_err());
    }

    /// Random graphs with repeated edges and self-loops: every count and
    /// score equals the dense computation, serial and parallel alike.
    #[test]
    fn equals_the_dense_product_on_random_graphs() {
        let mut rng = SplitMix64::new(1963);
        for round in 0..12 {
            let n = 5 + rng.below(40);
            let edges: Vec<(u32, u32)> = (0..rng.below(4 * n))
                .map(|_| (rng.below(n) as u32, rng.below(n) as u32))
                .collect();
            let graph = CompactGraph::from_pairs(n, true, &edges).unwrap();
            for side in [Side::Cited, Side::Citing] {
                let want = dense(n, &edges, side);
                let degree = |a: usize| match side {
                    Side::Cited => (0..n)
                        .filter(|&c| c != a && edges.contains(&(c as u32, a as u32)))
                        .count(),
                    Side::Citing => (0..n)
                        .filter(|&c| c != a && edges.contains(&(a as u32, c as u32)))
                        .count(),
                } as f64;
                for similarity in [Similarity::Count, Similarity::Cosine, Similarity::Jaccard] {
                    for parallel_threshold in [0, usize::MAX] {
                        let config = CouplingConfig {
                            top: usize::MAX,
                            similarity,
                            max_degree: None,
                            parallel_threshold,
                        };
                        let got = shared(&graph, &config, side).unwrap();
                        let pairs: usize = (0..n)
                            .map(|a| (a + 1..n).filter(|&b| want[a][b] > 0).count())
                            .sum();
                        assert_eq!(got.len(), pairs, "round {round}");
                        for p in &got {
                            let (a, b) = (p.first as usize, p.second as usize);
                            assert!(a < b);
                            assert_eq!(p.count, want[a][b], "round {round}: {a} {b}");
                            let c = p.count as f64;
                            let expected = match similarity {
                                Similarity::Count => c,
                                Similarity::Cosine => c / (degree(a) * degree(b)).sqrt(),
                                Similarity::Jaccard => c / (degree(a) + degree(b) - c),
                            };
                            assert!((p.score - expected).abs() < 1e-12);
                        }
                        assert!(got.windows(2).all(|w| w[0] >= w[1]), "ranked");
                        let top = CouplingConfig { top: 3, ..config };
                        assert_eq!(shared(&graph, &top, side).unwrap(), got[..got.len().min(3)]);
                    }
                }
            }
        }
    }
}

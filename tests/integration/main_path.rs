//! Analysis stage, citation networks: main path analysis (SPC weights,
//! global, local and key-route main paths) on a textbook-style example
//! whose weights were counted by hand, on edge cases, and against brute
//! force path enumeration on small random DAGs.

use std::collections::HashMap;

use argnet::analysis::random::SplitMix64;
use argnet::analysis::{CompactGraph, MainPathConfig, MainPaths, main_paths};

const RAW: MainPathConfig = MainPathConfig {
    normalise: false,
    key_routes: 2,
};

const A: u32 = 0;
const B: u32 = 1;
const C: u32 = 2;
const D: u32 = 3;
const E: u32 = 4;
const F: u32 = 5;
const G: u32 = 6;
const H: u32 = 7;
const I: u32 = 8;
const J: u32 = 9;
const K: u32 = 10;

/// A flow edge (cited, citing) and its SPC.
type FlowWeight = ((u32, u32), f64);

/// An 11-node citation network in the style of Hummon and Doreian's
/// figure, written as knowledge flow (cited → citing) with the SPC of
/// every edge counted by hand.
///
/// ```text
///   A → C → E → G → I            origins A, B (cite nothing)
///       ↘   ↗ ↘     ↑ ↖          frontier I, K (cited by nothing)
///   B → D     H → J → K
///       ↘   ↗       ↗
///         F ———————
/// ```
///
/// Flow edges: A→C, B→D, C→E, C→H, D→E, D→F, E→G, E→H, F→H, F→K, G→I,
/// H→I, H→J, J→I, J→K.
///
/// before(x), paths from an origin to x: A=1 B=1 C=1 D=1 E=C+D=2 F=D=1
/// G=E=2 H=C+E+F=4 J=H=4 I=G+H+J=10 K=F+J=5; all paths: I+K = 15.
/// after(x), paths from x to the frontier: I=1 K=1 J=I+K=2 H=I+J=3 G=1
/// F=H+K=4 E=G+H=4 D=E+F=8 C=E+H=7 B=D=8 A=C=7; check: A+B = 15.
/// SPC(x→y) = before(x)·after(y), listed in `textbook_spc` below; each
/// node's in-flow equals its out-flow (e.g. H: 3+6+3 = 4+8).
fn textbook() -> (CompactGraph, Vec<FlowWeight>) {
    let spc = vec![
        ((A, C), 1.0 * 7.0),
        ((B, D), 1.0 * 8.0),
        ((C, E), 1.0 * 4.0),
        ((C, H), 1.0 * 3.0),
        ((D, E), 1.0 * 4.0),
        ((D, F), 1.0 * 4.0),
        ((E, G), 2.0 * 1.0),
        ((E, H), 2.0 * 3.0),
        ((F, H), 1.0 * 3.0),
        ((F, K), 1.0 * 1.0),
        ((G, I), 2.0 * 1.0),
        ((H, I), 4.0 * 1.0),
        ((H, J), 4.0 * 2.0),
        ((J, I), 4.0 * 1.0),
        ((J, K), 4.0 * 1.0),
    ];
    // The data lists citations citing → cited: the flow edge reversed.
    let edges: Vec<(u32, u32)> = spc.iter().map(|&((x, y), _)| (y, x)).collect();
    (CompactGraph::from_pairs(11, true, &edges).unwrap(), spc)
}

/// SPC per (citing, cited) pair.
fn by_pair(paths: &MainPaths, graph: &CompactGraph) -> HashMap<(u32, u32), f64> {
    paths.edges(graph).map(|(u, v, w)| ((u, v), w)).collect()
}

#[test]
fn textbook_spc_weights_counted_by_hand() {
    let (graph, spc) = textbook();
    let paths = main_paths(&graph, &RAW).unwrap();
    assert_eq!(paths.source_sink_paths, 15.0);
    assert_eq!(paths.dropped_edges, 0);
    let got = by_pair(&paths, &graph);
    assert_eq!(got.len(), spc.len());
    for ((cited, citing), want) in spc {
        assert_eq!(got[&(citing, cited)], want, "flow edge {cited} → {citing}");
    }
    // Normalised: the share of the 15 paths through each edge.
    let normalised = main_paths(&graph, &MainPathConfig::default()).unwrap();
    for (raw, share) in paths.weights.iter().zip(&normalised.weights) {
        assert!((raw / 15.0 - share).abs() < 1e-15);
    }
    assert!((normalised.global_weight - 30.0 / 15.0).abs() < 1e-12);
}

#[test]
fn textbook_main_paths() {
    let (graph, _) = textbook();
    let paths = main_paths(&graph, &RAW).unwrap();
    // Global: B-D-E-H-J then I or K (both 4): 8+4+6+8+4 = 30, the best of
    // all 11 paths (A's best is 7+4+6+8+4 = 29); the tie goes to I < K.
    assert_eq!(paths.global, vec![B, D, E, H, J, I]);
    assert_eq!(paths.global_weight, 30.0);
    // Local: B→D (8 > A→C 7), D→E (tie with D→F at 4, E < F), E→H (6),
    // H→J (8), J→I (tie with J→K).
    assert_eq!(paths.local, vec![B, D, E, H, J, I]);
    // Key routes: the two edges of weight 8, B→D (data pair D→B) before
    // H→J (J→H). H's heaviest predecessor is E (before 2); E's are C and D
    // (before 1 each), C wins the tie, then A.
    assert_eq!(
        paths.key_routes,
        vec![vec![B, D, E, H, J, I], vec![A, C, E, H, J, I]]
    );
    let union: Vec<(u32, u32, f64)> = vec![
        (C, A, 7.0),
        (D, B, 8.0),
        (E, C, 4.0),
        (E, D, 4.0),
        (H, E, 6.0),
        (I, J, 4.0),
        (J, H, 8.0),
    ];
    assert_eq!(paths.key_route_edges, union);
}

#[test]
fn cycles_and_self_loops_are_dropped_and_counted() {
    // 2 ⇄ 3 is a mutual citation, 4 cites itself; the rest is 0 ← 1 ← 2,
    // 3 → 1 (data order).
    let graph =
        CompactGraph::from_pairs(5, true, &[(1, 0), (2, 1), (2, 3), (3, 2), (3, 1), (4, 4)])
            .unwrap();
    let paths = main_paths(&graph, &RAW).unwrap();
    assert_eq!(paths.dropped_edges, 3);
    let got = by_pair(&paths, &graph);
    assert_eq!(got[&(2, 3)], 0.0);
    assert_eq!(got[&(3, 2)], 0.0);
    assert_eq!(got[&(4, 4)], 0.0);
    // Left: 2 → 1, 3 → 1, 1 → 0: two paths, both through 1 → 0.
    assert_eq!(got[&(1, 0)], 2.0);
    assert_eq!(got[&(2, 1)], 1.0);
    assert_eq!(paths.source_sink_paths, 2.0);
    assert_eq!(paths.global, vec![0, 1, 2]);
    assert!(paths.weights.iter().all(|w| w.is_finite()));
}

#[test]
fn empty_single_edge_and_edgeless_graphs() {
    let empty = main_paths(&CompactGraph::from_pairs(0, true, &[]).unwrap(), &RAW).unwrap();
    assert_eq!(empty, MainPaths::default());
    let edgeless = main_paths(&CompactGraph::from_pairs(3, true, &[]).unwrap(), &RAW).unwrap();
    assert!(edgeless.global.is_empty() && edgeless.local.is_empty());
    assert_eq!(edgeless.source_sink_paths, 0.0);
    let single = CompactGraph::from_pairs(2, true, &[(1, 0)]).unwrap();
    let paths = main_paths(&single, &MainPathConfig::default()).unwrap();
    assert_eq!(paths.weights, vec![1.0]);
    assert_eq!(paths.global, vec![0, 1]);
    assert_eq!(paths.local, vec![0, 1]);
    assert_eq!(paths.key_routes, vec![vec![0, 1]]);
    assert_eq!(paths.key_route_edges, vec![(1, 0, 1.0)]);
    // Only a cycle: everything dropped, nothing to walk.
    let cycle = CompactGraph::from_pairs(2, true, &[(0, 1), (1, 0)]).unwrap();
    let paths = main_paths(&cycle, &MainPathConfig::default()).unwrap();
    assert_eq!((paths.dropped_edges, paths.weights), (2, vec![0.0, 0.0]));
    assert!(paths.global.is_empty() && paths.key_routes.is_empty());
    let undirected = CompactGraph::from_pairs(2, false, &[(0, 1)]).unwrap();
    assert!(main_paths(&undirected, &RAW).is_err());
}

#[test]
fn disconnected_parts_count_together_and_the_heavier_part_wins() {
    // Part one: 0 ← 1 (one path). Part two: 2 ← 3 ← 4, 2 ← 3 ← 5 (two
    // paths, 3 → 2 on both).
    let graph = CompactGraph::from_pairs(6, true, &[(1, 0), (3, 2), (4, 3), (5, 3)]).unwrap();
    let paths = main_paths(&graph, &RAW).unwrap();
    assert_eq!(paths.source_sink_paths, 3.0);
    assert_eq!(paths.weights, vec![1.0, 2.0, 1.0, 1.0]);
    assert_eq!(paths.global, vec![2, 3, 4]);
    assert_eq!(paths.local, vec![2, 3, 4]);
    // The second key edge is 1 → 0: (1, 0) ranks before (4, 3) on the tie.
    assert_eq!(paths.key_routes, vec![vec![2, 3, 4], vec![0, 1]]);
}

/// A random DAG (citing id above cited id), parallel edges allowed.
fn random_dag(rng: &mut SplitMix64, n: usize, m: usize) -> Vec<(u32, u32)> {
    (0..m)
        .filter_map(|_| {
            let (a, b) = (rng.below(n) as u32, rng.below(n) as u32);
            (a != b).then(|| (a.max(b), a.min(b)))
        })
        .collect()
}

#[test]
fn spc_equals_brute_force_path_enumeration() {
    let mut rng = SplitMix64::new(2003);
    for round in 0..60 {
        let n = 2 + rng.below(9);
        let m = rng.below(3 * n);
        let edges = random_dag(&mut rng, n, m);
        let graph = CompactGraph::from_pairs(n, true, &edges).unwrap();
        let paths = main_paths(&graph, &RAW).unwrap();
        let listed: Vec<(u32, u32, f64)> = paths.edges(&graph).collect();
        // Enumerate every source-to-sink path over the listed edges
        // (parallel copies are separate edges) and count each edge's uses.
        let mut uses = vec![0u64; listed.len()];
        let mut total = 0u64;
        let mut best_sum = 0.0f64;
        let cited_by = |v: u32| listed.iter().any(|e| e.1 == v);
        let mut stack: Vec<(u32, Vec<usize>)> = (0..n as u32)
            .filter(|&u| !cited_by(u) && listed.iter().any(|e| e.0 == u))
            .map(|u| (u, Vec::new()))
            .collect();
        while let Some((at, used)) = stack.pop() {
            let out: Vec<usize> = (0..listed.len()).filter(|&i| listed[i].0 == at).collect();
            if out.is_empty() {
                total += 1;
                used.iter().for_each(|&i| uses[i] += 1);
                best_sum = best_sum.max(used.iter().map(|&i| listed[i].2).sum());
                continue;
            }
            for i in out {
                let mut next = used.clone();
                next.push(i);
                stack.push((listed[i].1, next));
            }
        }
        assert_eq!(paths.source_sink_paths, total as f64, "round {round}");
        for (i, &(u, v, w)) in listed.iter().enumerate() {
            assert_eq!(w, uses[i] as f64, "round {round}: edge {u} → {v}");
        }
        // The global path is a real path from an origin to the frontier
        // and no path is heavier.
        assert_eq!(paths.global_weight, best_sum, "round {round}");
        check_walk(&paths.global, &listed, paths.global_weight);
        check_walk(&paths.local, &listed, -1.0);
        for route in &paths.key_routes {
            check_walk(route, &listed, -1.0);
        }
        assert_eq!(paths, main_paths(&graph, &RAW).unwrap(), "deterministic");
    }
}

/// `walk` (flow order) uses existing edges, starts at a work citing
/// nothing, ends at one cited by nothing, and (when `weight` ≥ 0) weighs
/// `weight` in total.
fn check_walk(walk: &[u32], listed: &[(u32, u32, f64)], weight: f64) {
    if walk.is_empty() {
        assert!(listed.is_empty());
        return;
    }
    let (first, last) = (walk[0], walk[walk.len() - 1]);
    assert!(
        !listed.iter().any(|e| e.0 == first),
        "{walk:?} starts at an origin"
    );
    assert!(
        !listed.iter().any(|e| e.1 == last),
        "{walk:?} ends at the frontier"
    );
    let mut sum = 0.0;
    for pair in walk.windows(2) {
        let edge = listed.iter().find(|e| (e.1, e.0) == (pair[0], pair[1]));
        sum += edge
            .unwrap_or_else(|| panic!("{walk:?}: no edge {pair:?}"))
            .2;
    }
    if weight >= 0.0 {
        assert_eq!(sum, weight, "{walk:?}");
    }
}

#[test]
fn the_same_graph_in_another_edge_order_gives_the_same_result() {
    let (graph, spc) = textbook();
    let mut edges: Vec<(u32, u32)> = spc.iter().map(|&((x, y), _)| (y, x)).collect();
    edges.reverse();
    let shuffled = CompactGraph::from_pairs(11, true, &edges).unwrap();
    let config = MainPathConfig {
        key_routes: 5,
        ..Default::default()
    };
    assert_eq!(
        main_paths(&graph, &config).unwrap(),
        main_paths(&shuffled, &config).unwrap()
    );
}

/// 1100 layers of two works, each citing both works of the layer below:
/// 2¹¹⁰⁰ ≈ 10³³¹ paths overflow `f64`, yet each of the four edges between
/// two layers carries a quarter of them.
#[test]
fn path_counts_beyond_f64_still_give_normalised_weights() {
    let layers = 1100u32;
    let mut edges = Vec::new();
    for layer in 1..layers {
        for citing in [2 * layer, 2 * layer + 1] {
            edges.extend([(citing, 2 * layer - 2), (citing, 2 * layer - 1)]);
        }
    }
    let graph = CompactGraph::from_pairs(2 * layers as usize, true, &edges).unwrap();
    let paths = main_paths(&graph, &MainPathConfig::default()).unwrap();
    assert!(paths.source_sink_paths.is_infinite());
    for w in &paths.weights {
        assert!((w - 0.25).abs() < 1e-9, "{w}");
    }
    assert_eq!(paths.global.len(), layers as usize);
    assert!((paths.global_weight - 0.25 * (layers - 1) as f64).abs() < 1e-6);
    assert_eq!(paths.global[..3], [0, 2, 4]);
    let raw = main_paths(&graph, &RAW).unwrap();
    assert!(raw.weights.iter().all(|w| w.is_infinite()));
}

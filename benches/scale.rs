//! Scale check of the analysis layer on real and generated citation
//! graphs, printed once (not a criterion loop: exact betweenness on
//! cit-HepPh alone takes tens of seconds). Issue 6's bench compares with
//! the Python peers in one run; this one only times argnet.
//!
//! Run: `cargo bench --bench scale` (cit-HepPh from ../shared/data, or the
//! file in ARGNET_CITATIONS; set ARGNET_EXACT=1 to add exact betweenness).
//! Results and the load they were measured under: benches/RESULTS-analysis.md.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use argnet::analysis::{
    BetweennessConfig, CompactGraph, LeidenConfig, LouvainConfig, RankConfig, betweenness,
    copying_model_edges, core_numbers, leiden, louvain, pagerank, strong_components,
    weak_components,
};

fn main() {
    let path = std::env::var_os("ARGNET_CITATIONS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/cit-HepPh.txt.gz")
        });
    if path.exists() {
        citations(&path);
    } else {
        println!("{}: not found; skipping the citation graph", path.display());
    }
    generated();
}

/// The top `k` nodes by `scores`, as the file's own ids.
fn top(scores: &[f64], names: &[String], k: usize) -> Vec<String> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order.iter().take(k).map(|&i| names[i].clone()).collect()
}

/// The number of node `name`, given on first sight.
fn intern<'t>(ids: &mut HashMap<&'t str, u32>, names: &mut Vec<String>, name: &'t str) -> u32 {
    *ids.entry(name).or_insert_with(|| {
        names.push(name.to_owned());
        (names.len() - 1) as u32
    })
}

fn citations(path: &PathBuf) {
    let output = Command::new("gzip")
        .arg("-dc")
        .arg(path)
        .output()
        .expect("gzip runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8 edge list");
    let started = Instant::now();
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut edges: Vec<(u32, u32)> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split_whitespace();
        let (Some(a), Some(b)) = (fields.next(), fields.next()) else {
            continue;
        };
        edges.push((
            intern(&mut ids, &mut names, a),
            intern(&mut ids, &mut names, b),
        ));
    }
    let graph = CompactGraph::from_pairs(names.len(), true, &edges).unwrap();
    println!(
        "{}: {} nodes, {} edges; parse + build {:.3} s",
        path.display(),
        graph.node_count(),
        graph.edge_count(),
        started.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let rank = pagerank(
        &graph,
        &RankConfig {
            tolerance: 1e-6,
            ..Default::default()
        },
    );
    println!(
        "pagerank (0.85, L1 tol 1e-6): {:.4} s, {} iterations; top 10 {}",
        t.elapsed().as_secs_f64(),
        rank.iterations,
        top(&rank.scores, &names, 10).join(" ")
    );
    let t = Instant::now();
    let parts = weak_components(&graph);
    let largest = parts.of.iter().filter(|&&p| p == 0).count();
    println!(
        "weak components: {:.4} s, {} (largest {largest})",
        t.elapsed().as_secs_f64(),
        parts.count
    );
    let t = Instant::now();
    let cores = core_numbers(&graph);
    let max = cores.iter().copied().max().unwrap_or(0);
    let inner = cores.iter().filter(|&&c| c == max).count();
    println!(
        "k-core (in + out): {:.4} s, max core {max} with {inner} nodes",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let undirected = graph.to_undirected();
    let found = louvain(&undirected, &LouvainConfig::default());
    println!(
        "louvain (incl. making it undirected): {:.3} s, {} communities, modularity {:.4}",
        t.elapsed().as_secs_f64(),
        found.partition.count,
        found.modularity
    );
    let t = Instant::now();
    let found = leiden(&undirected, &LeidenConfig::default());
    println!(
        "leiden: {:.3} s, {} communities, modularity {:.4}",
        t.elapsed().as_secs_f64(),
        found.partition.count,
        found.modularity
    );
    let raw = BetweennessConfig {
        normalized: false,
        ..Default::default()
    };
    let t = Instant::now();
    let sampled = betweenness(
        &graph,
        &BetweennessConfig {
            pivots: Some(256),
            ..raw
        },
    );
    println!(
        "betweenness, 256 pivots: {:.3} s; top 5 {}",
        t.elapsed().as_secs_f64(),
        top(&sampled, &names, 5).join(" ")
    );
    if std::env::var_os("ARGNET_EXACT").is_some() {
        let t = Instant::now();
        let exact = betweenness(&graph, &raw);
        let best = top(&exact, &names, 5);
        let index = names.iter().position(|n| *n == best[0]).unwrap();
        println!(
            "betweenness, exact ({} threads): {:.2} s; top 5 {} (#1 score {:.0})",
            rayon::current_num_threads(),
            t.elapsed().as_secs_f64(),
            best.join(" "),
            exact[index]
        );
    }
}

fn generated() {
    let (nodes, edge_count) = (2_000_000, 16_000_000);
    let started = Instant::now();
    let edges = copying_model_edges(nodes, edge_count, 42);
    let graph = CompactGraph::from_pairs(nodes, true, &edges).unwrap();
    drop(edges);
    let built = started.elapsed().as_secs_f64();
    let rank = pagerank(
        &graph,
        &RankConfig {
            tolerance: 1e-6,
            ..Default::default()
        },
    );
    let weak = weak_components(&graph);
    let strong = strong_components(&graph);
    println!(
        "generated {nodes} nodes / {edge_count} edges: generate + build {built:.2} s; \
         + pagerank ({} iterations), weak ({}) and strong ({}) components: {:.2} s total; peak memory {}",
        rank.iterations,
        weak.count,
        strong.count,
        started.elapsed().as_secs_f64(),
        peak_memory()
    );
}

/// Peak resident memory of this process (Linux), for the record.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

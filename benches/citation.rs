//! argnet's side of the citation benchmark (issue 6). Not a criterion
//! loop: `benches/citation/compare.py` runs this program and the Python
//! peers (NetworkX, igraph, rustworkx, NetworKit, through
//! `../shared/bench/graph_peers.py`) in one run, each phase in its own
//! process so that peak memory can be told apart, and prints the ratios.
//! Start it with `scripts/bench_citation.sh`.
//!
//! Phases (one per process; the result is one line `@@RESULT@@{json}` in
//! the peers' layout):
//!
//! - `main FILE`: load (read, decompress, parse, number the ids, build the
//!   compact graph), then PageRank, weakly connected components,
//!   in-degree, Louvain, betweenness from 256 pivots and k-core, as the
//!   peers' main phase does;
//! - `exact FILE`: load, then exact betweenness;
//! - `generate FILE NODES EDGES SEED`: write a copying-model graph as an
//!   edge list (untimed preparation);
//! - `large FILE`: load that file, then PageRank, weak and strong
//!   components; total time and peak memory.
//!
//! Operations under 1 s run three times and the median is reported, as the
//! peers' script does.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use argnet::analysis::{
    BetweennessConfig, CompactGraph, LouvainConfig, RankConfig, betweenness, copying_model_edges,
    core_numbers, louvain, pagerank, strong_components, weak_components,
};
use argnet::corpus::citations::{Citations, ImportConfig, read_citations};
use argnet::progress::Silent;
use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; without a phase, say how to run it.
    let phase = args.iter().position(|a| !a.starts_with("--"));
    let Some(phase) = phase else {
        println!("citation bench: run scripts/bench_citation.sh (see benches/citation.rs)");
        return;
    };
    let rest = &args[phase + 1..];
    let result = match (args[phase].as_str(), rest) {
        ("main", [file, ..]) => main_phase(Path::new(file)),
        ("exact", [file, ..]) => exact_phase(Path::new(file)),
        ("generate", [file, nodes, edges, seed, ..]) => generate(
            Path::new(file),
            nodes.parse().expect("NODES"),
            edges.parse().expect("EDGES"),
            seed.parse().expect("SEED"),
        ),
        ("large", [file, ..]) => large_phase(Path::new(file)),
        ("breakdown", [file, ..]) => breakdown(Path::new(file)),
        ("scc", [file, ..]) => {
            let (_, graph) = load(Path::new(file));
            let (parts, seconds, runs) = timed(|| strong_components(&graph));
            json!({"scc_s": seconds, "runs": runs, "count": parts.count})
        }
        ("repeat", [file, what, times, ..]) => {
            let (_, graph) = load(Path::new(file));
            let times: usize = times.parse().expect("TIMES");
            let started = Instant::now();
            for _ in 0..times {
                match what.as_str() {
                    "pagerank" => drop(pagerank(
                        &graph,
                        &RankConfig {
                            tolerance: 1e-6,
                            ..Default::default()
                        },
                    )),
                    "kcore" => drop(core_numbers(&graph)),
                    "wcc" => drop(weak_components(&graph)),
                    "scc" => drop(strong_components(&graph)),
                    "louvain" => drop(louvain(&graph.to_undirected(), &LouvainConfig::default())),
                    _ => panic!("pagerank|kcore|wcc|scc|louvain"),
                }
            }
            json!({"each_s": started.elapsed().as_secs_f64() / times as f64})
        }
        ("load", [file, ..]) => {
            let (_, seconds, runs) = timed(|| load(Path::new(file)));
            json!({"load_s": seconds, "runs": runs})
        }
        _ => panic!("usage: citation main|exact|large FILE | generate FILE NODES EDGES SEED"),
    };
    println!("@@RESULT@@{result}");
}

/// Run `f`; when it took under 1 s, twice more; the median time and the
/// last result.
fn timed<T>(mut f: impl FnMut() -> T) -> (T, f64, Vec<f64>) {
    let mut times = Vec::new();
    let started = Instant::now();
    let mut result = f();
    times.push(started.elapsed().as_secs_f64());
    while times[0] < 1.0 && times.len() < 3 {
        drop(result);
        let started = Instant::now();
        result = f();
        times.push(started.elapsed().as_secs_f64());
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    (result, sorted[sorted.len() / 2], times)
}

/// Read and build: the "load + build" the target speaks of.
fn load(path: &Path) -> (Citations, CompactGraph) {
    let mut citations =
        read_citations(path, &ImportConfig::default(), &Silent).expect("readable citations");
    let edges = std::mem::take(&mut citations.edges);
    let graph = CompactGraph::from_pairs(citations.node_count(), true, &edges).expect("graph");
    (citations, graph)
}

/// The top `k` nodes by `scores` as `[file id, score]`, ties by smaller id
/// (the peers' `top_k`).
fn top(scores: &[f64], citations: &Citations, k: usize) -> Value {
    let id = |i: usize| -> u64 { citations.ids.get(i).parse().unwrap_or(u64::MAX) };
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(id(a).cmp(&id(b))));
    order
        .iter()
        .take(k)
        .map(|&i| json!([id(i), scores[i]]))
        .collect()
}

fn op(seconds: f64, runs: &[f64], extra: Value) -> Value {
    let mut value = json!({ "s": seconds, "runs": runs });
    if let (Some(map), Value::Object(extra)) = (value.as_object_mut(), extra) {
        map.extend(extra);
    }
    value
}

fn main_phase(path: &Path) -> Value {
    let mut ops = serde_json::Map::new();
    let ((citations, graph), seconds, runs) = timed(|| load(path));
    ops.insert(
        "load".into(),
        op(
            seconds,
            &runs,
            json!({"nodes": graph.node_count(), "edges": graph.edge_count()}),
        ),
    );
    let rss_after_build = rss_mb("VmRSS:");
    let settings = RankConfig {
        tolerance: 1e-6,
        ..Default::default()
    };
    let (rank, seconds, runs) = timed(|| pagerank(&graph, &settings));
    ops.insert(
        "pagerank".into(),
        op(
            seconds,
            &runs,
            json!({
                "top10": top(&rank.scores, &citations, 10),
                "sum": rank.scores.iter().sum::<f64>(),
                "iterations": rank.iterations,
            }),
        ),
    );
    let (parts, seconds, runs) = timed(|| weak_components(&graph));
    let largest = parts.of.iter().filter(|&&p| p == 0).count();
    ops.insert(
        "wcc".into(),
        op(
            seconds,
            &runs,
            json!({"components": parts.count, "largest": largest}),
        ),
    );
    let (in_degree, seconds, runs) = timed(|| {
        (0..graph.node_count() as u32)
            .map(|v| graph.in_degree(v) as f64)
            .collect::<Vec<f64>>()
    });
    ops.insert(
        "in_degree".into(),
        op(
            seconds,
            &runs,
            json!({"top5": top(&in_degree, &citations, 5)}),
        ),
    );
    // Louvain once, as the peers time it; the time includes making the
    // graph undirected, as theirs does.
    let started = Instant::now();
    let found = louvain(&graph.to_undirected(), &LouvainConfig::default());
    let seconds = started.elapsed().as_secs_f64();
    let sizes = found.partition.members();
    ops.insert(
        "community".into(),
        op(
            seconds,
            &[seconds],
            json!({
                "communities": found.partition.count,
                "largest": sizes.first().map_or(0, Vec::len),
                "modularity": found.modularity,
            }),
        ),
    );
    let sampled = BetweennessConfig {
        normalized: false,
        pivots: Some(256),
        ..Default::default()
    };
    let started = Instant::now();
    let scores = betweenness(&graph, &sampled);
    let seconds = started.elapsed().as_secs_f64();
    ops.insert(
        "betweenness_k256".into(),
        op(
            seconds,
            &[seconds],
            json!({"top5": top(&scores, &citations, 5)}),
        ),
    );
    let (cores, seconds, runs) = timed(|| core_numbers(&graph));
    let max = cores.iter().copied().max().unwrap_or(0);
    ops.insert(
        "kcore".into(),
        op(
            seconds,
            &runs,
            json!({"max_core": max, "nodes_in_max_core": cores.iter().filter(|&&c| c == max).count()}),
        ),
    );
    json!({
        "lib": "argnet",
        "phase": "main",
        "ops": ops,
        "rss_mb_after_build": rss_after_build,
        "peak_rss_mb": rss_mb("VmHWM:"),
        "threads": rayon::current_num_threads(),
        "version": env!("CARGO_PKG_VERSION"),
    })
}

fn exact_phase(path: &Path) -> Value {
    let (citations, graph) = load(path);
    let raw = BetweennessConfig {
        normalized: false,
        ..Default::default()
    };
    let started = Instant::now();
    let scores = betweenness(&graph, &raw);
    let seconds = started.elapsed().as_secs_f64();
    json!({
        "lib": "argnet",
        "phase": "betweenness_exact",
        "ops": {"betweenness_exact": op(seconds, &[seconds], json!({
            "top5": top(&scores, &citations, 5),
            "sum": scores.iter().sum::<f64>(),
        }))},
        "peak_rss_mb": rss_mb("VmHWM:"),
        "threads": rayon::current_num_threads(),
    })
}

fn generate(path: &Path, nodes: usize, edges: usize, seed: u64) -> Value {
    let started = Instant::now();
    let list = copying_model_edges(nodes, edges, seed);
    let file = std::fs::File::create(path).expect("create the edge list");
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    writeln!(
        out,
        "# copying model, {nodes} nodes, {edges} edges, seed {seed}"
    )
    .expect("write");
    for (citing, cited) in list {
        writeln!(out, "{citing}\t{cited}").expect("write");
    }
    out.flush().expect("write");
    json!({"lib": "argnet", "phase": "generate", "s": started.elapsed().as_secs_f64()})
}

fn large_phase(path: &Path) -> Value {
    let started = Instant::now();
    let (_, graph) = load(path);
    let loaded = started.elapsed().as_secs_f64();
    let rank = pagerank(
        &graph,
        &RankConfig {
            tolerance: 1e-6,
            ..Default::default()
        },
    );
    let ranked = started.elapsed().as_secs_f64();
    let weak = weak_components(&graph);
    let strong = strong_components(&graph);
    let total = started.elapsed().as_secs_f64();
    json!({
        "lib": "argnet",
        "phase": "large",
        "nodes": graph.node_count(),
        "edges": graph.edge_count(),
        "load_s": loaded,
        "pagerank_s": ranked - loaded,
        "pagerank_iterations": rank.iterations,
        "components_s": total - ranked,
        "weak": weak.count,
        "strong": strong.count,
        "total_s": total,
        "peak_rss_mb": rss_mb("VmHWM:"),
    })
}

/// Where the load time goes: reading, decompressing, parsing and
/// numbering, building (each the median of three).
fn breakdown(path: &Path) -> Value {
    use std::io::Read;
    let (raw, read_s, _) = timed(|| std::fs::read(path).expect("read"));
    let (text, gunzip_s, _) = timed(|| {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .expect("gzip");
        out
    });
    let (citations, parse_s, _) = timed(|| {
        argnet::corpus::citations::parse_citations(
            &text,
            argnet::corpus::citations::CitationFormat::EdgeList,
            &Silent,
        )
        .expect("parse")
    });
    let (_, build_s, _) = timed(|| {
        CompactGraph::from_pairs(citations.node_count(), true, &citations.edges).expect("graph")
    });
    let (_, import_s, import_runs) =
        timed(|| read_citations(path, &ImportConfig::default(), &Silent).expect("read"));
    json!({"read_s": read_s, "gunzip_s": gunzip_s, "parse_s": parse_s, "build_s": build_s,
           "read_citations_s": import_s, "read_citations_runs": import_runs})
}

/// A memory figure of this process from /proc/self/status, in MB.
fn rss_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| {
                l[field.len()..]
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .ok()
            })
        })
        .map_or(f64::NAN, |kb: f64| kb / 1024.0)
}

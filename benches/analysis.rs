//! Criterion benchmarks of every analysis measure, on the seeds graph
//! (tests/fixtures/analysis/seeds-graph.json, projected on all edges,
//! undirected) and on a seeded synthetic citation-like graph of 100,000
//! nodes and 1,000,000 edges.
//!
//! Run: `cargo bench --bench analysis` (both), or filter by group:
//! `cargo bench --bench analysis -- seeds/` or `-- synthetic/`.
//!
//! All-pairs measures are O(nm): on the synthetic graph one exact
//! betweenness or closeness run takes minutes, too long for a criterion
//! loop, so they are measured from a fixed set of 64 sources (sampled
//! betweenness, closeness of 64 nodes); multiply by n / 64 for the exact
//! cost.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use argnet::analysis::{
    BetweennessConfig, ClosenessConfig, CompactGraph, EdgeLength, EigenvectorConfig,
    LabelPropagationConfig, Layer, LeidenConfig, LouvainConfig, Normalisation, ProjectionConfig,
    RankConfig, betweenness, closeness, closeness_of, coalitions, constraint, copying_model_edges,
    core_numbers, degrees, eigenvector, hits, k_shortest_paths, label_propagation, leiden, louvain,
    pagerank, participation, project, strong_components, weak_components,
};
use criterion::{Criterion, criterion_group, criterion_main};

fn measures(
    c: &mut Criterion,
    group_name: &str,
    graph: &CompactGraph,
    undirected: &CompactGraph,
    exact: bool,
) {
    let mut group = c.benchmark_group(group_name);
    if !exact {
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(8));
    }
    let n = graph.node_count();
    group.bench_function("degree", |b| b.iter(|| degrees(black_box(graph))));
    let pivots = if exact { None } else { Some(64) };
    let between = BetweennessConfig {
        pivots,
        ..Default::default()
    };
    let name = if exact {
        "betweenness"
    } else {
        "betweenness_64_pivots"
    };
    group.bench_function(name, |b| b.iter(|| betweenness(black_box(graph), &between)));
    let weighted_between = BetweennessConfig {
        length: EdgeLength::InverseWeight,
        ..between
    };
    let name = if exact {
        "betweenness_weighted"
    } else {
        "betweenness_weighted_64_pivots"
    };
    group.bench_function(name, |b| {
        b.iter(|| betweenness(black_box(graph), &weighted_between))
    });
    let config = ClosenessConfig::default();
    if exact {
        group.bench_function("closeness_harmonic", |b| {
            b.iter(|| closeness(black_box(graph), &config))
        });
    } else {
        let targets: Vec<u32> = (0..64).map(|i| (i * (n / 64)) as u32).collect();
        group.bench_function("closeness_harmonic_64_nodes", |b| {
            b.iter(|| closeness_of(black_box(graph), &targets, &config))
        });
    }
    let eigen = EigenvectorConfig::default();
    group.bench_function("eigenvector_undirected", |b| {
        b.iter(|| eigenvector(black_box(undirected), &eigen))
    });
    let rank = RankConfig::default();
    let loose = RankConfig {
        tolerance: 1e-6,
        ..rank
    };
    group.bench_function("pagerank_tol_1e-10", |b| {
        b.iter(|| pagerank(black_box(graph), &rank))
    });
    group.bench_function("pagerank_tol_1e-6", |b| {
        b.iter(|| pagerank(black_box(graph), &loose))
    });
    group.bench_function("hits", |b| b.iter(|| hits(black_box(graph), &rank)));
    let louvain_config = LouvainConfig::default();
    group.bench_function("louvain", |b| {
        b.iter(|| louvain(black_box(undirected), &louvain_config))
    });
    let leiden_config = LeidenConfig::default();
    group.bench_function("leiden", |b| {
        b.iter(|| leiden(black_box(undirected), &leiden_config))
    });
    let lpa = LabelPropagationConfig::default();
    group.bench_function("label_propagation", |b| {
        b.iter(|| label_propagation(black_box(undirected), &lpa))
    });
    group.bench_function("weak_components", |b| {
        b.iter(|| weak_components(black_box(graph)))
    });
    group.bench_function("strong_components", |b| {
        b.iter(|| strong_components(black_box(graph)))
    });
    group.bench_function("k_core", |b| b.iter(|| core_numbers(black_box(graph))));
    let parts = louvain(undirected, &louvain_config).partition;
    group.bench_function("participation", |b| {
        b.iter(|| participation(black_box(undirected), &parts, true))
    });
    group.bench_function("constraint", |b| {
        b.iter(|| constraint(black_box(undirected), true))
    });
    group.bench_function("k_shortest_paths_5", |b| {
        b.iter(|| {
            k_shortest_paths(
                black_box(undirected),
                0,
                (n / 2) as u32,
                5,
                EdgeLength::Hops,
            )
        })
    });
    group.finish();
}

fn seeds(c: &mut Criterion) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analysis/seeds-graph.json");
    let graph = argnet::export::read_graph(&path).expect("seeds graph fixture");
    let config = ProjectionConfig::default();
    c.bench_function("seeds/project_all_undirected", |b| {
        b.iter(|| project(black_box(&graph), &config))
    });
    c.bench_function("seeds/coalitions", |b| {
        b.iter(|| {
            coalitions(
                black_box(&graph),
                Normalisation::Jaccard,
                &LouvainConfig::default(),
            )
        })
    });
    let projection = project(&graph, &config);
    let undirected = projection.graph.clone();
    measures(c, "seeds", &projection.graph, &undirected, true);
    let directed = project(
        &graph,
        &ProjectionConfig {
            layer: Layer::ALL,
            directed: true,
            ..Default::default()
        },
    );
    c.bench_function("seeds/pagerank_directed", |b| {
        b.iter(|| pagerank(black_box(&directed.graph), &RankConfig::default()))
    });
}

fn synthetic(c: &mut Criterion) {
    let (nodes, edge_count) = (100_000, 1_000_000);
    let edges = copying_model_edges(nodes, edge_count, 42);
    let mut group = c.benchmark_group("synthetic");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("build_directed_1M", |b| {
        b.iter(|| CompactGraph::from_pairs(nodes, true, black_box(&edges)).unwrap())
    });
    group.finish();
    let graph = CompactGraph::from_pairs(nodes, true, &edges).unwrap();
    let undirected = graph.to_undirected();
    measures(c, "synthetic", &graph, &undirected, false);
}

criterion_group!(benches, seeds, synthetic);
criterion_main!(benches);

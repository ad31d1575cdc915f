//! Analysis stage: every measure against NetworkX reference values
//! (tests/fixtures/analysis/*.json, written by tools/networkx_reference.py),
//! the DNA projections against an independent Python computation, and the
//! `analyse` and `path` commands.

use std::fs;

use argnet::analysis::{
    Aggregation, BetweennessConfig, ClosenessConfig, CompactGraph, EdgeLength, EigenvectorConfig,
    LeidenConfig, LouvainConfig, Mode, Normalisation, Partition, RankConfig, TwoMode, betweenness,
    closeness, constraint, core_numbers, degrees, eigenvector, hits, k_shortest_paths, leiden,
    louvain, modularity, one_mode, pagerank, participation, strong_components, weak_components,
};
use argnet::analysis::{Layer, ProjectionConfig, project};
use petgraph::graph::NodeIndex;
use serde_json::Value;

use crate::common::fixture;

const TOLERANCE: f64 = 1e-6;

fn load(name: &str) -> Value {
    let path = fixture("analysis").join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn floats(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect()
}

fn labels(value: &Value) -> Vec<u32> {
    floats(value).into_iter().map(|v| v as u32).collect()
}

fn assert_close(what: &str, ours: &[f64], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len(), "{what}: lengths differ");
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(a.is_finite(), "{what}: node {i} is {a}");
        assert!(
            (a - b).abs() <= TOLERANCE,
            "{what}: node {i}: argnet {a}, NetworkX {b}"
        );
    }
}

/// The compact graph of a fixture case, from its edge list.
fn case_graph(case: &Value) -> CompactGraph {
    let n = case["nodes"].as_array().unwrap().len();
    let directed = case["directed"].as_bool().unwrap();
    let edges: Vec<(u32, u32, f64)> = case["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let e = floats(e);
            (e[0] as u32, e[1] as u32, e[2])
        })
        .collect();
    CompactGraph::from_edges(n, directed, &edges).unwrap()
}

/// Check every measure of `case` on `graph`; returns (argnet's Louvain
/// modularity, NetworkX's).
fn check_case(name: &str, case: &Value, graph: &CompactGraph) -> (f64, f64) {
    let m = &case["measures"];
    let weighted = case["weighted"].as_bool().unwrap();
    let what = |measure: &str| format!("{name}: {measure}");
    let d = degrees(graph);
    assert_close(&what("degree"), &d.degree, &floats(&m["degree"]));
    assert_close(
        &what("weighted_degree"),
        &d.weighted_degree,
        &floats(&m["weighted_degree"]),
    );
    if graph.is_directed() {
        assert_close(&what("in_degree"), &d.in_degree, &floats(&m["in_degree"]));
        assert_close(
            &what("out_degree"),
            &d.out_degree,
            &floats(&m["out_degree"]),
        );
    }
    let between = |normalized, length| {
        let config = BetweennessConfig {
            normalized,
            length,
            ..Default::default()
        };
        betweenness(graph, &config)
    };
    assert_close(
        &what("betweenness"),
        &between(true, EdgeLength::Hops),
        &floats(&m["betweenness"]),
    );
    assert_close(
        &what("betweenness_raw"),
        &between(false, EdgeLength::Hops),
        &floats(&m["betweenness_raw"]),
    );
    let close = |length| {
        closeness(
            graph,
            &ClosenessConfig {
                length,
                ..Default::default()
            },
        )
    };
    let plain = close(EdgeLength::Hops);
    assert_close(
        &what("closeness"),
        &plain.closeness,
        &floats(&m["closeness"]),
    );
    assert_close(&what("harmonic"), &plain.harmonic, &floats(&m["harmonic"]));
    if weighted {
        let inverse = EdgeLength::InverseWeight;
        assert_close(
            &what("betweenness_inverse_weight"),
            &between(true, inverse),
            &floats(&m["betweenness_inverse_weight"]),
        );
        let c = close(inverse);
        assert_close(
            &what("closeness_inverse_weight"),
            &c.closeness,
            &floats(&m["closeness_inverse_weight"]),
        );
        assert_close(
            &what("harmonic_inverse_weight"),
            &c.harmonic,
            &floats(&m["harmonic_inverse_weight"]),
        );
    }
    let eigen_config = EigenvectorConfig {
        weighted,
        ..Default::default()
    };
    let eigen = eigenvector(graph, &eigen_config);
    if m.get("eigenvector").is_some() {
        assert_close(
            &what("eigenvector"),
            &eigen.expect("converges"),
            &floats(&m["eigenvector"]),
        );
    } else {
        assert!(
            eigen.is_none(),
            "{name}: NetworkX failed to converge but argnet did"
        );
    }
    let rank = RankConfig {
        weighted,
        tolerance: 1e-13,
        ..Default::default()
    };
    let pr = pagerank(graph, &rank);
    assert!(pr.converged);
    assert_close(&what("pagerank"), &pr.scores, &floats(&m["pagerank"]));
    // The reference leaves HITS out where its top singular value is not
    // simple (then the answer depends on the start vector).
    if m.get("hub").is_some() {
        let h = hits(graph, &rank);
        assert_close(&what("hub"), &h.hubs, &floats(&m["hub"]));
        assert_close(&what("authority"), &h.authorities, &floats(&m["authority"]));
    }
    let cores: Vec<f64> = core_numbers(graph).into_iter().map(f64::from).collect();
    assert_close(&what("core_number"), &cores, &floats(&m["core_number"]));
    assert_eq!(
        weak_components(graph).of,
        labels(&m["component"]),
        "{name}: components"
    );
    if graph.is_directed() {
        assert_eq!(
            strong_components(graph).of,
            labels(&m["strong_component"]),
            "{name}: strong components"
        );
    }
    assert_close(
        &what("constraint"),
        &constraint(graph, weighted),
        &floats(&m["constraint"]),
    );
    // Partitions: the same partition has the same modularity.
    let undirected = graph.to_undirected();
    let theirs = Partition::from_labels(&labels(&m["louvain_nx"]));
    let nx_q = case["louvain_nx_modularity"].as_f64().unwrap();
    assert!(
        (modularity(&undirected, &theirs, 1.0) - nx_q).abs() <= TOLERANCE,
        "{name}: modularity"
    );
    let q2 = case["louvain_nx_modularity_resolution_2"].as_f64().unwrap();
    assert!(
        (modularity(&undirected, &theirs, 2.0) - q2).abs() <= TOLERANCE,
        "{name}: modularity γ=2"
    );
    let lpa = Partition::from_labels(&labels(&m["label_propagation_nx"]));
    let lpa_q = case["label_propagation_nx_modularity"].as_f64().unwrap();
    assert!(
        (modularity(&undirected, &lpa, 1.0) - lpa_q).abs() <= TOLERANCE,
        "{name}: LPA modularity"
    );
    assert_close(
        &what("participation"),
        &participation(graph, &theirs, weighted || graph.is_directed()),
        &floats(&m["participation_nx_louvain"]),
    );
    for pair in case["paths"].as_array().unwrap() {
        let (from, to) = (
            pair["from"].as_u64().unwrap() as u32,
            pair["to"].as_u64().unwrap() as u32,
        );
        let ours: Vec<f64> = k_shortest_paths(graph, from, to, 5, EdgeLength::Hops)
            .iter()
            .map(|p| p.length)
            .collect();
        assert_eq!(ours, floats(&pair["hops"]), "{name}: paths {from} → {to}");
    }
    let weighted = weighted || graph.is_directed();
    let found = louvain(
        graph,
        &LouvainConfig {
            weighted,
            ..Default::default()
        },
    );
    let refined = leiden(
        graph,
        &LeidenConfig {
            weighted,
            ..Default::default()
        },
    );
    eprintln!(
        "QUALITY {name}: louvain {} leiden {} nx {nx_q}",
        found.modularity, refined.modularity
    );
    (found.modularity.min(refined.modularity), nx_q)
}

#[test]
fn karate_club_matches_networkx() {
    let fixture = load("karate.json");
    for name in ["unweighted", "weighted"] {
        let case = &fixture["cases"][name];
        let graph = case_graph(case);
        assert_eq!(graph.node_count(), 34);
        assert_eq!(graph.edge_count(), 78);
        let (ours, theirs) = check_case(name, case, &graph);
        assert!(
            ours >= theirs - 1e-9,
            "{name}: argnet Louvain {ours} < NetworkX {theirs}"
        );
    }
}

#[test]
fn seeds_graph_projections_match_networkx() {
    let fixture = load("seeds.json");
    let graph = argnet::export::read_graph(&fixture_path("seeds-graph.json")).unwrap();
    for (name, layer, directed) in [
        ("all_undirected", Layer::ALL, false),
        ("all_directed", Layer::ALL, true),
        ("co_occurrence", Layer::co_occurrence(), false),
        ("stance", Layer::stance(), false),
    ] {
        let case = &fixture["cases"][name];
        assert!(
            case.is_object(),
            "{name}: not in the fixture; rerun tools/networkx_reference.py"
        );
        let config = ProjectionConfig {
            layer,
            directed,
            ..Default::default()
        };
        let projection = project(&graph, &config);
        let keys: Vec<&str> = projection
            .nodes
            .iter()
            .map(|&n| graph.node(n).key.as_str())
            .collect();
        let want: Vec<&str> = case["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(keys, want, "{name}: projected nodes");
        assert_eq!(
            projection.graph.edge_count(),
            case["edges"].as_array().unwrap().len(),
            "{name}: edges"
        );
        let (ours, theirs) = check_case(name, case, &projection.graph);
        // Louvain is a heuristic: on the seeds graph ask for at least 98%
        // of NetworkX's modularity (karate above asks for all of it).
        assert!(
            ours >= 0.98 * theirs,
            "{name}: argnet Louvain {ours}, NetworkX {theirs}"
        );
    }
}

pub fn fixture_path(name: &str) -> std::path::PathBuf {
    fixture("analysis").join(name)
}

#[test]
fn dna_projections_match_the_python_reference() {
    let fixture = load("dna.json");
    let actors = fixture["actors"].as_u64().unwrap() as usize;
    let concepts = fixture["concepts"].as_u64().unwrap() as usize;
    let two = TwoMode {
        actors: (0..actors).map(NodeIndex::new).collect(),
        concepts: (actors..actors + concepts).map(NodeIndex::new).collect(),
        statements: fixture["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let s = floats(s);
                (s[0] as u32, s[1] as u32, s[2], s[3])
            })
            .collect(),
    };
    let networks = fixture["networks"].as_object().unwrap();
    assert_eq!(networks.len(), 24);
    for (key, want) in networks {
        let parts: Vec<&str> = key.split('/').collect();
        let mode = if parts[0] == "actors" {
            Mode::Actors
        } else {
            Mode::Concepts
        };
        let aggregation = match parts[1] {
            "congruence" => Aggregation::Congruence,
            "conflict" => Aggregation::Conflict,
            _ => Aggregation::Subtract,
        };
        let normalisation = Normalisation::parse(parts[2]).unwrap();
        let got = one_mode(&two, mode, aggregation, normalisation).edges;
        let want: Vec<Vec<f64>> = want.as_array().unwrap().iter().map(floats).collect();
        assert_eq!(got.len(), want.len(), "{key}: number of ties");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!((g.0 as f64, g.1 as f64), (w[0], w[1]), "{key}");
            assert!((g.2 - w[2]).abs() <= TOLERANCE, "{key}: {g:?} vs {w:?}");
        }
    }
}

/// Empty, single-node, disconnected, zero-weight, self-loop and acyclic
/// graphs: every measure gives numbers (no NaN, no panic).
#[test]
fn degenerate_graphs_give_defined_results() {
    let graphs = [
        CompactGraph::from_pairs(0, false, &[]).unwrap(),
        CompactGraph::from_pairs(1, false, &[]).unwrap(),
        CompactGraph::from_pairs(1, true, &[(0, 0)]).unwrap(),
        CompactGraph::from_pairs(4, false, &[]).unwrap(),
        CompactGraph::from_pairs(5, false, &[(0, 1), (2, 3)]).unwrap(),
        CompactGraph::from_edges(3, false, &[(0, 1, 0.0), (1, 2, 0.0)]).unwrap(),
        CompactGraph::from_edges(3, true, &[(0, 1, 0.0), (1, 2, 2.0), (2, 2, 1.0)]).unwrap(),
        CompactGraph::from_pairs(4, true, &[(0, 1), (1, 2), (0, 3)]).unwrap(),
    ];
    let finite = |what: &str, values: &[f64]| {
        assert!(values.iter().all(|v| v.is_finite()), "{what}: {values:?}");
    };
    for (i, graph) in graphs.iter().enumerate() {
        let n = graph.node_count();
        for length in [
            EdgeLength::Hops,
            EdgeLength::InverseWeight,
            EdgeLength::Weight,
        ] {
            let b = betweenness(
                graph,
                &BetweennessConfig {
                    length,
                    ..Default::default()
                },
            );
            finite(&format!("graph {i} betweenness"), &b);
            let c = closeness(
                graph,
                &ClosenessConfig {
                    length,
                    ..Default::default()
                },
            );
            finite(&format!("graph {i} closeness"), &c.closeness);
            finite(&format!("graph {i} harmonic"), &c.harmonic);
        }
        if let Some(x) = eigenvector(graph, &EigenvectorConfig::default()) {
            finite(&format!("graph {i} eigenvector"), &x);
        }
        let rank = pagerank(graph, &RankConfig::default());
        finite(&format!("graph {i} pagerank"), &rank.scores);
        if n > 0 {
            assert!(
                (rank.scores.iter().sum::<f64>() - 1.0).abs() < 1e-9,
                "graph {i}"
            );
        }
        let h = hits(graph, &RankConfig::default());
        finite(&format!("graph {i} hubs"), &h.hubs);
        finite(&format!("graph {i} authorities"), &h.authorities);
        let found = louvain(graph, &LouvainConfig::default());
        assert!(found.modularity.is_finite(), "graph {i}");
        assert_eq!(found.partition.of.len(), n);
        finite(
            &format!("graph {i} participation"),
            &participation(graph, &found.partition, true),
        );
        finite(&format!("graph {i} constraint"), &constraint(graph, true));
        assert_eq!(weak_components(graph).of.len(), n);
        assert_eq!(strong_components(graph).of.len(), n);
        assert_eq!(core_numbers(graph).len(), n);
        if n > 1 {
            k_shortest_paths(graph, 0, (n - 1) as u32, 3, EdgeLength::InverseWeight);
        }
    }
}

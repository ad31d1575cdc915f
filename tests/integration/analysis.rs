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
use assert_cmd::Command;
use petgraph::graph::NodeIndex;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::{fixture, temp_dir};

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

fn fixture_path(name: &str) -> std::path::PathBuf {
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

fn argnet() -> Command {
    Command::cargo_bin("argnet").expect("argnet binary")
}

/// A copy of the seeds graph fixture in a temporary folder.
fn seeds_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = temp_dir();
    let path = dir.path().join("seeds.json");
    fs::copy(fixture_path("seeds-graph.json"), &path).unwrap();
    (dir, path)
}

#[test]
fn analyse_prints_tables_and_the_alias_works() {
    let (_dir, path) = seeds_copy();
    for command in ["analyse", "analyze"] {
        argnet()
            .arg(command)
            .arg(&path)
            .args(["--top", "3"])
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "Betweenness: share of shortest paths",
            ))
            .stdout(predicate::str::contains(
                "Communities (Louvain, resolution 1, seed 42)",
            ))
            .stdout(predicate::str::contains("Bridges:"))
            .stdout(predicate::str::contains(
                "Coalitions (actors taking the same stance",
            ));
    }
}

#[test]
fn analyse_json_and_csv_are_deterministic_and_filtered() {
    let (_dir, path) = seeds_copy();
    let run = |args: &[&str]| {
        argnet()
            .arg("analyse")
            .arg(&path)
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let json = run(&["--json", "--kind", "concepts"]);
    assert_eq!(json, run(&["--json", "--kind", "concepts"]));
    let value: Value = serde_json::from_slice(&json).unwrap();
    let nodes = value["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty());
    assert!(nodes.iter().all(|n| n["kind"] == "concept"));
    assert!(nodes[0]["pagerank"].as_f64().unwrap() > 0.0);
    assert!(value["communities"]["modularity"].as_f64().unwrap() > 0.3);
    let lpa: Value =
        serde_json::from_slice(&run(&["--json", "--method", "label-propagation"])).unwrap();
    assert_eq!(lpa["communities"]["method"], "label-propagation");
    assert!(lpa["communities"]["modularity"].as_f64().unwrap() > 0.2);
    let csv = String::from_utf8(run(&["--csv", "--measures", "degree,pagerank"])).unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "id,label,kind,degree,in_degree,out_degree,weighted_degree,pagerank"
    );
    assert!(csv.lines().count() > 50);
}

#[test]
fn analyse_save_writes_every_attribute_stably() {
    let (dir, path) = seeds_copy();
    argnet()
        .arg("analyse")
        .arg(&path)
        .arg("--save")
        .assert()
        .success();
    let first = fs::read(&path).unwrap();
    let graph = argnet::export::read_graph(&path).unwrap();
    let (_, concept) = graph
        .nodes()
        .find(|(_, n)| n.key == "concept:role-of-the-third-sector")
        .unwrap();
    for key in argnet::analysis::ATTRIBUTE_KEYS {
        if key == "coalition" {
            continue; // coalitions are for actors; checked below
        }
        assert!(concept.attributes.contains_key(key), "missing {key}");
    }
    assert_eq!(
        concept.attributes["community"].as_u64().map(|c| c < 10),
        Some(true)
    );
    // Every actor with a stance on a concept is in a coalition.
    let in_coalitions = graph
        .nodes()
        .filter(|(_, n)| n.attributes.contains_key("coalition"))
        .count();
    let stance_actors: std::collections::BTreeSet<_> = graph
        .edges()
        .filter(|(s, t, e)| {
            e.relation.is_stance()
                && graph.node(*s).kind == argnet::model::NodeKind::Actor
                && graph.node(*t).kind == argnet::model::NodeKind::Concept
        })
        .map(|(s, _, _)| s)
        .collect();
    assert!(
        !stance_actors.is_empty(),
        "the seeds fixture should have stance edges"
    );
    assert_eq!(in_coalitions, stance_actors.len());
    argnet()
        .arg("analyse")
        .arg(&path)
        .arg("--save")
        .assert()
        .success();
    assert_eq!(
        first,
        fs::read(&path).unwrap(),
        "saving twice changed the bytes"
    );
    let out = dir.path().join("out/with-scores.json");
    argnet()
        .arg("analyse")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .arg("--json")
        .assert()
        .success();
    assert_eq!(fs::read(&out).unwrap(), first);
}

#[test]
fn analyse_errors_name_the_value_and_write_nothing() {
    let (dir, path) = seeds_copy();
    let before = fs::read(&path).unwrap();
    for (args, message) in [
        (vec!["--layer", "friends", "--save"], "not a layer"),
        (vec!["--kind", "planets", "--save"], "--kind"),
        (vec!["--measures", "fame", "--save"], "not a measure"),
        (vec!["--resolution", "0", "--save"], "--resolution"),
        (vec!["--normalisation", "z", "--save"], "--normalisation"),
        (vec!["--method", "magic", "--save"], "--method"),
        (vec!["--length", "miles", "--save"], "--length"),
    ] {
        let output = argnet()
            .arg("analyse")
            .arg(&path)
            .args(&args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with("argnet: error: ") && stderr.contains(message),
            "{stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }
    assert_eq!(fs::read(&path).unwrap(), before);
    let missing = dir.path().join("nope.json");
    argnet().arg("analyse").arg(&missing).assert().code(2);
    // An output below a regular file cannot be written: exit 2, one line.
    let output = argnet()
        .arg("analyse")
        .arg(&path)
        .arg("--json")
        .arg("-o")
        .arg(path.join("out.json"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

/// Two camps: A and B support X and critique Y, C and D the reverse.
#[test]
fn analyse_finds_coalitions_in_stance_edges() {
    use argnet::model::{ArgGraph, Node, NodeKind, Relation};
    let mut graph = ArgGraph::new("camps");
    let actor = |g: &mut ArgGraph, name: &str| g.add_node(Node::new(NodeKind::Actor, name));
    let [a, b, c, d] = ["A", "B", "C", "D"].map(|name| actor(&mut graph, name));
    let x = graph.add_node(Node::new(NodeKind::Concept, "X"));
    let y = graph.add_node(Node::new(NodeKind::Concept, "Y"));
    for (who, pro, contra) in [(a, x, y), (b, x, y), (c, y, x), (d, y, x)] {
        graph.add_occurrence(who, pro, Relation::Supports, None);
        graph.add_occurrence(who, contra, Relation::Critiques, None);
    }
    let dir = temp_dir();
    let path = dir.path().join("camps.json");
    fs::write(&path, argnet::export::graph_to_json(&graph)).unwrap();
    argnet()
        .arg("analyse")
        .arg(&path)
        .args(["--layer", "stance", "--normalisation", "jaccard"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Coalitions (actors taking the same stance",
        ))
        .stdout(predicate::str::contains("0 (2 nodes): A, B"))
        .stdout(predicate::str::contains("1 (2 nodes): C, D"));
    argnet()
        .arg("analyse")
        .arg(&path)
        .arg("--save")
        .assert()
        .success();
    let json = argnet()
        .arg("analyse")
        .arg(&path)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: Value = serde_json::from_slice(&json).unwrap();
    let ties = value["coalitions"]["congruence"].as_array().unwrap();
    // A–B and C–D, two shared stances each; the camps are not tied.
    assert_eq!(ties.len(), 2, "{ties:?}");
    assert_eq!(ties[0], serde_json::json!(["actor:a", "actor:b", 2.0]));
    let saved = argnet::export::read_graph(&path).unwrap();
    let coalition = |n| saved.node(n).attributes["coalition"].as_u64().unwrap();
    assert_eq!(
        [coalition(a), coalition(b), coalition(c), coalition(d)],
        [0, 0, 1, 1]
    );
    assert!(!saved.node(x).attributes.contains_key("coalition"));
}

#[test]
fn analyse_handles_an_empty_graph() {
    let dir = temp_dir();
    let path = dir.path().join("empty.json");
    let empty = argnet::export::graph_to_json(&argnet::model::ArgGraph::new("empty"));
    fs::write(&path, empty).unwrap();
    argnet()
        .arg("analyse")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("No edges in this layer"));
    argnet()
        .arg("analyse")
        .arg(&path)
        .arg("--json")
        .assert()
        .success();
}

#[test]
fn path_prints_hops_with_evidence() {
    let (_dir, path) = seeds_copy();
    argnet()
        .arg("path")
        .arg(&path)
        .args(["personalisation", "work programme", "-k", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Path 1 ("))
        .stdout(predicate::str::contains("Path 2 ("))
        .stdout(predicate::str::contains("mentions"))
        .stdout(predicate::str::contains("      \""))
        .stdout(predicate::str::contains(", bytes "));
}

#[test]
fn path_errors_and_missing_paths() {
    let (_dir, path) = seeds_copy();
    let output = argnet()
        .arg("path")
        .arg(&path)
        .args(["personalisation", "no such idea"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("\"no such idea\"") && stderr.contains("no node"),
        "{stderr}"
    );
    // Only co-occurrence ties: a document is not reachable.
    argnet()
        .arg("path")
        .arg(&path)
        .args([
            "personalisation",
            "document:000_795833f8700f73c2.txt",
            "--layer",
            "co-occurrence",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("No path from personalisation"));
}

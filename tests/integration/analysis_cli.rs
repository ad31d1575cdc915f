//! The `argnet analyse` and `argnet path` commands: tables, JSON and CSV
//! output, saved attributes, coalitions, paths with evidence, and their
//! errors. (The measures themselves are checked in `analysis.rs`.)

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::analysis::fixture_path;
use crate::common::temp_dir;

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
        (vec!["--kind", "planets", "--save"], "--kinds"),
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

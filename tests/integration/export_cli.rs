//! `argnet export`: formats from names and extensions, filters from the
//! command line, standard output, pictures, and every error a user can
//! cause (exit code 2, one line, nothing written).

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common::{fixture, require_graphviz, temp_dir};

fn argnet() -> Command {
    Command::cargo_bin("argnet").expect("argnet binary")
}

fn every_relation() -> String {
    fixture("every-relation.json")
        .to_string_lossy()
        .into_owned()
}

/// Run `argnet export` on the every-relation fixture with `args`, writing
/// JSON to standard output, and return the ids of the nodes kept.
fn view_ids(args: &[&str]) -> Vec<String> {
    let output = argnet()
        .arg("export")
        .arg(every_relation())
        .args(args)
        .args(["--to", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let graph: serde_json::Value = serde_json::from_slice(&output).expect("JSON on stdout");
    graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn filters_from_the_command_line() {
    let rows: [(&[&str], &[&str]); 5] = [
        (
            &[
                "--kinds",
                "actor,concept",
                "--relations",
                "supports,critiques",
                "--drop-isolates",
            ],
            &[
                "actor:ada-lovelace",
                "actor:smith-sons-ltd",
                "concept:big-society",
                "concept:payment-by-results",
            ],
        ),
        (
            &["--ego", "Big Society", "--kinds", "actors,concepts,claims"],
            &[
                "actor:ada-lovelace",
                "actor:smith-sons-ltd",
                "concept:big-society",
                "concept:payment-by-results",
                "claim:markets-fail-without-rules",
            ],
        ),
        (
            &["--top", "2", "--by", "pagerank"],
            &["actor:ada-lovelace", "concept:big-society"],
        ),
        (
            &["--min-weight", "2", "--drop-isolates"],
            &[
                "document:hearing.txt",
                "actor:ada-lovelace",
                "concept:big-society",
            ],
        ),
        (
            // Three components of two: the one with the earliest node wins.
            &["--relations", "supports", "--largest-component"],
            &["actor:ada-lovelace", "concept:big-society"],
        ),
    ];
    for (args, want) in rows {
        let mut got = view_ids(args);
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{args:?}");
    }
}

#[test]
fn format_follows_the_extension_and_the_summary_counts() {
    let dir = temp_dir();
    for name in [
        "g.dot",
        "g.graphml",
        "g.gexf",
        "g.json",
        "g.cyjs",
        "g.mmd",
        "g.gv",
    ] {
        let out = dir.path().join(name);
        argnet()
            .arg("export")
            .arg(every_relation())
            .arg("-o")
            .arg(&out)
            .assert()
            .success()
            .stdout(predicate::str::contains("(9 of 9 nodes, 11 of 11 edges)"));
        assert!(fs::metadata(&out).unwrap().len() > 100, "{name}");
    }
    let csv = dir.path().join("tables");
    argnet()
        .arg("export")
        .arg(every_relation())
        .args(["--to", "csv", "--neo4j", "-q", "-o"])
        .arg(&csv)
        .assert()
        .success()
        .stdout("");
    let nodes = fs::read_to_string(csv.join("nodes.csv")).unwrap();
    assert!(nodes.starts_with("id:ID,:LABEL,label,"), "{nodes}");
    assert!(csv.join("edges.csv").is_file());
}

#[test]
fn json_through_export_is_byte_identical() {
    let dir = temp_dir();
    let out = dir.path().join("again.json");
    argnet()
        .arg("export")
        .arg(every_relation())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        fs::read(&out).unwrap(),
        fs::read(fixture("every-relation.json")).unwrap()
    );
}

#[test]
fn pictures_are_rendered() {
    if !require_graphviz("pictures_are_rendered") {
        return;
    }
    let dir = temp_dir();
    let magic: [(&str, &[u8]); 3] = [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")];
    for (extension, start) in magic {
        let out = dir.path().join(format!("slide.{extension}"));
        argnet()
            .arg("export")
            .arg(every_relation())
            .args([
                "--layout",
                "dot",
                "--rankdir",
                "LR",
                "--size-by",
                "pagerank",
            ])
            .args(["--ego", "Big Society", "-o"])
            .arg(&out)
            .assert()
            .success();
        assert!(fs::read(&out).unwrap().starts_with(start), "{extension}");
    }
    let svg = fs::read_to_string(dir.path().join("slide.svg")).unwrap();
    assert!(
        svg.contains("larger = higher pagerank"),
        "legend in the SVG"
    );
    assert!(
        svg.contains("Lovelace added that the Big Society"),
        "evidence tooltip"
    );
}

/// Run `argnet export` expecting exit 2, one line on stderr containing
/// `message`, and nothing written into the output folder.
fn assert_export_error(args: &[&str], message: &str, path: Option<&str>) {
    let dir = temp_dir();
    let out = dir.path().join("out");
    let mut command = argnet();
    command
        .arg("export")
        .arg(every_relation())
        .args(args)
        .arg("-o");
    command.arg(out.join(path.unwrap_or("g.svg")));
    if path == Some("-") {
        command = argnet();
        command
            .arg("export")
            .arg(every_relation())
            .args(args)
            .args(["-o", "-"]);
    }
    let output = command.assert().code(2).get_output().clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(message),
        "stderr {stderr:?} lacks {message:?}"
    );
    assert!(stderr.starts_with("argnet: error: "), "{stderr:?}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr:?}");
    assert!(!out.exists(), "something was written");
}

#[test]
fn user_errors_are_one_line_and_write_nothing() {
    assert_export_error(&["--ego", "Nobody"], "--ego = \"Nobody\": no node", None);
    // Neither stored nor a measure argnet computes.
    assert_export_error(
        &["--top", "3", "--by", "influence"],
        "run `argnet analyse`",
        None,
    );
    assert_export_error(
        &[
            "--kinds",
            "claim",
            "--relations",
            "cites",
            "--drop-isolates",
        ],
        "the filters leave none of the 9 nodes",
        None,
    );
    assert_export_error(&[], "cannot tell the format", Some("g.xyz"));
    assert_export_error(&["--to", "csv"], "give -o a folder", Some("-"));
    assert_export_error(&["--top", "0"], "--top = \"0\": must be at least 1", None);
}

#[test]
fn missing_graph_and_missing_graphviz_are_one_line_errors() {
    let dir = temp_dir();
    let out = dir.path().join("g.svg");
    argnet()
        .args(["export", "no-such-graph.json", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-graph.json: no such file"));
    let output = argnet()
        .env("PATH", "")
        .arg("export")
        .arg(every_relation())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("cannot write svg: Graphviz `dot` is not installed; install Graphviz"),
        "{stderr}"
    );
    assert!(stderr.contains("--to dot"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1);
    assert!(!Path::new(&out).exists());
}

#[test]
fn help_teaches_formats_and_filters() {
    argnet()
        .args(["export", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("graphml"))
        .stdout(predicate::str::contains("--ego"))
        .stdout(predicate::str::contains("argnet export graphs/seeds.json"));
}

#[test]
fn missing_centralities_are_computed_on_the_whole_graph() {
    let dir = temp_dir();
    let out = dir.path().join("top.json");
    // The fixture stores pagerank and betweenness but not eigenvector or
    // harmonic closeness: they are computed before the filters run.
    argnet()
        .arg("export")
        .arg(every_relation())
        .args([
            "--top",
            "3",
            "--by",
            "eigenvector",
            "--size-by",
            "harmonic",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let graph = argnet::export::read_graph(&out).unwrap();
    assert_eq!(graph.node_count(), 3);
    let full = argnet::export::read_graph(std::path::Path::new(&every_relation())).unwrap();
    let mut expected = full.clone();
    argnet::view::ensure_measures(
        &mut expected,
        &[&argnet::view::Measure::parse("eigenvector").unwrap()],
    );
    // Documents take no slot unless --kinds asks for them.
    let mut scores: Vec<(f64, String)> = expected
        .nodes()
        .filter(|(_, n)| n.kind != argnet::model::NodeKind::Document)
        .map(|(_, n)| {
            let score = n.attributes.get("eigenvector").and_then(|v| v.as_f64());
            (score.unwrap_or(0.0), n.key.clone())
        })
        .collect();
    scores.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, node) in graph.nodes() {
        assert!(node.attributes.contains_key("harmonic"), "{}", node.key);
        let rank = scores.iter().position(|(_, key)| *key == node.key).unwrap();
        assert!(rank < 3, "{} ranks {rank} by eigenvector", node.key);
    }
}

#[test]
fn aspect_sets_the_shape_of_the_picture() {
    let dir = temp_dir();
    let rows: [(&str, Option<&str>); 4] = [
        ("16:9", Some("ratio=\"0.5625\"")),
        ("4:3", Some("ratio=\"0.75\"")),
        ("1:1", Some("ratio=\"1.0\"")),
        ("free", None),
    ];
    for (aspect, want) in rows {
        let out = dir.path().join("g.dot");
        argnet()
            .arg("export")
            .arg(every_relation())
            .args(["--aspect", aspect, "-o"])
            .arg(&out)
            .assert()
            .success();
        let dot = std::fs::read_to_string(&out).unwrap();
        match want {
            Some(ratio) => assert!(dot.contains(ratio), "{aspect}: {dot}"),
            None => assert!(!dot.contains("ratio="), "{aspect}: {dot}"),
        }
    }
    for wrong in ["0:9", "16", "wide", "1:1000"] {
        argnet()
            .arg("export")
            .arg(every_relation())
            .args(["--aspect", wrong, "-o"])
            .arg(dir.path().join("x.dot"))
            .assert()
            .failure()
            .stderr(predicates::str::contains("width:height"));
    }
}

#[test]
fn html_and_timeline_exports() {
    let dir = temp_dir();
    let page = dir.path().join("g.html");
    argnet()
        .arg("export")
        .arg(every_relation())
        .args(["--kinds", "actor,concept", "-o"])
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("argnet-explorer/1"));
    assert!(
        !html.contains("\"kind\":\"document\""),
        "the --kinds filter applies"
    );
    let timeline = dir.path().join("t.svg");
    argnet()
        .arg("export")
        .arg(every_relation())
        .args(["--to", "timeline-svg", "-o"])
        .arg(&timeline)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&timeline).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("statements over time"),
        "{svg}"
    );
    // Without dates a timeline says what to do, and writes nothing.
    let mut graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(every_relation()).unwrap()).unwrap();
    for document in graph["documents"].as_array_mut().unwrap() {
        document["date"] = serde_json::Value::Null;
    }
    let undated = dir.path().join("undated.json");
    std::fs::write(&undated, graph.to_string()).unwrap();
    argnet()
        .arg("export")
        .arg(&undated)
        .args(["--to", "timeline-svg", "-o"])
        .arg(dir.path().join("u.svg"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("give documents a date"));
    assert!(!dir.path().join("u.svg").exists());
}

#[test]
fn a_citation_network_is_drawn_by_its_main_path() {
    use std::io::Write;
    let dir = temp_dir();
    // A gzip edge list (citing cited): two routes that meet, and a side
    // branch off the heavier one.
    let edges = "# toy\n2 1\n3 2\n4 3\n5 3\n6 5\n7 4\n8 1\n9 8\n";
    let path = dir.path().join("toy.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(edges.as_bytes()).unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let out = dir.path().join("main.json");
    argnet()
        .arg("export")
        .arg(&path)
        .args(["--main-path", "-o"])
        .arg(&out)
        .assert()
        .success();
    let graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let edges = graph["edges"].as_array().unwrap();
    assert!(!edges.is_empty() && edges.len() <= 8, "{graph}");
    assert!(edges.iter().all(|e| e["relation"] == "cites"));
    // A graph without citations says so.
    let mut graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(every_relation()).unwrap()).unwrap();
    graph["edges"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["relation"] != "cites");
    let uncited = dir.path().join("uncited.json");
    std::fs::write(&uncited, graph.to_string()).unwrap();
    argnet()
        .arg("export")
        .arg(&uncited)
        .args(["--main-path", "-o"])
        .arg(dir.path().join("x.dot"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("no citations"));
}

/// The claim view of the seeds graph: at most --top claims, every edge
/// touching one, the actors who assert them; a graph without claims is a
/// one-line error and writes nothing.
#[test]
fn claim_view_of_the_seeds() {
    let seeds = crate::common::root().join("graphs/seeds.json");
    let output = argnet()
        .arg("export")
        .arg(&seeds)
        .args(["--view", "claims", "--top", "5", "--to", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let graph: serde_json::Value = serde_json::from_slice(&output).expect("JSON on stdout");
    let nodes = graph["nodes"].as_array().unwrap();
    let kind_of = |id: &str| {
        nodes
            .iter()
            .find(|n| n["id"] == id)
            .map(|n| n["kind"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let claims = nodes.iter().filter(|n| n["kind"] == "claim").count();
    assert_eq!(claims, 5);
    let edges = graph["edges"].as_array().unwrap();
    assert!(edges.iter().any(|e| e["relation"] == "asserts"));
    for edge in edges {
        let (source, target) = (
            kind_of(edge["source"].as_str().unwrap()),
            kind_of(edge["target"].as_str().unwrap()),
        );
        assert!(source == "claim" || target == "claim", "{edge}");
    }

    let dir = temp_dir();
    let out = dir.path().join("claims.json");
    argnet()
        .arg("export")
        .arg(every_relation())
        .args(["--kinds", "actor,concept", "--view", "claims", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no claims"));
    assert!(!out.exists());
}

//! `argnet import` of hand-coded statements: a DNA 3 database and a
//! statement table become graph JSON that analysis reads, and DNA's
//! one-mode projections come out as DNA defines them.

use std::fs;

use argnet::analysis::{Aggregation, Mode, Normalisation, one_mode, two_mode};
use argnet::corpus::coded::{CodedConfig, CodedFormat, read_coded};
use argnet::model::{ArgGraph, graph_from_coded};
use assert_cmd::Command;
use serde_json::Value;

use crate::common::{fixture, temp_dir};

fn argnet() -> Command {
    Command::cargo_bin("argnet").expect("argnet binary")
}

fn dna_graph() -> ArgGraph {
    let path = fixture("coded/small.dna");
    let corpus = read_coded(&path, CodedFormat::Dna, &CodedConfig::default()).unwrap();
    graph_from_coded("small", &corpus)
}

#[test]
fn dna_database_becomes_a_graph_with_its_passages_and_dates() {
    let dir = temp_dir();
    let out = dir.path().join("small.json");
    let output = argnet()
        .arg("import")
        .arg(fixture("coded/small.dna"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1) // one statement has no concept: done, with a warning
        .get_output()
        .clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(
            "6 statements (3 support, 3 critique) by 5 actors on 2 concepts in 2 documents"
        ),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("skipped statement 7: no concept"),
        "{stderr}"
    );

    let graph: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    let dates: Vec<&str> = graph["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2011-03-11", "2011-03-14"]);
    let edges = graph["edges"].as_array().unwrap();
    let evidence_of = |source: &str, target: &str| -> Vec<String> {
        edges
            .iter()
            .filter(|e| e["source"] == source && e["target"] == target)
            .flat_map(|e| e["evidence"].as_array().unwrap().clone())
            .map(|e| e["text"].as_str().unwrap().to_owned())
            .collect()
    };
    // The spans sit after an "é" (document 1) and a "𝄞" (document 2):
    // DNA's UTF-16 offsets must land on the same words in UTF-8.
    assert_eq!(
        evidence_of("actor:alpha", "concept:levy"),
        ["Alpha backs the levy."]
    );
    assert_eq!(
        evidence_of("actor:gamma", "concept:subsidy"),
        ["Gamma wants the subsidy."]
    );
    let affiliated: Vec<(&str, &str)> = edges
        .iter()
        .filter(|e| e["relation"] == "affiliated_with")
        .map(|e| (e["source"].as_str().unwrap(), e["target"].as_str().unwrap()))
        .collect();
    assert_eq!(
        affiliated,
        [
            ("actor:ann-example", "actor:alpha"),
            ("actor:bo-person", "actor:gamma")
        ]
    );
    let gamma = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "actor:gamma")
        .unwrap();
    assert_eq!(gamma["subkind"], "organisation");
    assert_eq!(gamma["attributes"]["type"], "ngo");

    // Every other command reads it.
    argnet()
        .args(["analyse", "--json"])
        .arg(&out)
        .assert()
        .success();
}

/// DNA's one-mode networks with a boolean qualifier (`agreement`), as
/// DNA's exporter computes them without normalisation (Leifeld 2017;
/// rDNA `dna_network(networkType = "onemode", qualifierAggregation = …)`):
///
/// - congruence(a, b) = Σ over concepts c and qualifier values q of
///   n(a, c, q) · n(b, c, q): how often both took the same side;
/// - conflict(a, b) = Σ_c Σ_{q ≠ q'} n(a, c, q) · n(b, c, q');
/// - subtract = congruence − conflict.
///
/// Worked example on `small.dna` (organisations as actors):
///
/// | | levy | subsidy |
/// | --- | --- | --- |
/// | Alpha | + | − |
/// | Beta | + | − |
/// | Gamma | − | + |
///
/// Alpha–Beta agree twice (congruence 2, conflict 0); Alpha–Gamma and
/// Beta–Gamma disagree twice (congruence 0, conflict 2); subtract 2, −2, −2.
#[test]
fn congruence_conflict_and_subtract_are_dnas() {
    let graph = dna_graph();
    let two = two_mode(&graph);
    let name =
        |i: u32, nodes: &[petgraph::graph::NodeIndex]| graph.node(nodes[i as usize]).label.clone();
    let network = |aggregation| {
        let one = one_mode(&two, Mode::Actors, aggregation, Normalisation::None);
        let mut edges: Vec<(String, String, f64)> = one
            .edges
            .iter()
            .map(|&(a, b, w)| (name(a, &one.nodes), name(b, &one.nodes), w))
            .collect();
        edges.sort_by(|x, y| x.partial_cmp(y).unwrap());
        edges
    };
    let pair = |a: &str, b: &str, w: f64| (a.to_owned(), b.to_owned(), w);
    assert_eq!(
        network(Aggregation::Congruence),
        [pair("Alpha", "Beta", 2.0)]
    );
    assert_eq!(
        network(Aggregation::Conflict),
        [pair("Alpha", "Gamma", 2.0), pair("Beta", "Gamma", 2.0)]
    );
    assert_eq!(
        network(Aggregation::Subtract),
        [
            pair("Alpha", "Beta", 2.0),
            pair("Alpha", "Gamma", -2.0),
            pair("Beta", "Gamma", -2.0)
        ]
    );
    // Repeated statements multiply, as in DNA's exporter: one more
    // "Alpha backs the levy" makes Alpha–Beta congruence 2·1 + 1·1 = 3.
    let mut more = graph.clone();
    let alpha = more.node_index("actor:alpha").unwrap();
    let levy = more.node_index("concept:levy").unwrap();
    more.add_occurrence(alpha, levy, argnet::model::Relation::Supports, None);
    let one = one_mode(
        &two_mode(&more),
        Mode::Actors,
        Aggregation::Congruence,
        Normalisation::None,
    );
    assert_eq!(one.edges.len(), 1);
    assert_eq!(one.edges[0].2, 3.0);
}

#[test]
fn statement_table_becomes_a_graph() {
    let dir = temp_dir();
    let out = dir.path().join("table.json");
    argnet()
        .arg("import")
        .arg(fixture("coded/statements.csv"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "4 statements (2 support, 2 critique) by 4 actors on 2 concepts in 2 documents",
        ));
    let graph: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    let edges = graph["edges"].as_array().unwrap();
    let gamma = edges.iter().find(|e| e["source"] == "actor:gamma").unwrap();
    assert_eq!(gamma["relation"], "critiques");
    assert_eq!(
        gamma["evidence"][0]["text"],
        "Gamma said: \"the levy, as drafted, is wrong.\""
    );
    assert!(edges.iter().any(|e| e["relation"] == "affiliated_with"
        && e["source"] == "actor:ann-example"
        && e["target"] == "actor:alpha"));
}

#[test]
fn mistakes_in_coded_files_are_one_line_errors() {
    let dir = temp_dir();
    let bad_stance = dir.path().join("bad.csv");
    fs::write(&bad_stance, "actor,concept,stance\nA,X,1\nB,Y,perhaps\n").unwrap();
    let not_dna = dir.path().join("text.dna");
    fs::write(&not_dna, "this is not a database\n").unwrap();
    let empty_db = dir.path().join("empty.dna");
    rusqlite::Connection::open(&empty_db)
        .unwrap()
        .execute_batch("CREATE TABLE SETTINGS(Property TEXT);")
        .unwrap();
    let out = dir.path().join("out.json");
    let cases: Vec<(Vec<std::ffi::OsString>, Vec<&str>)> = vec![
        (
            vec![bad_stance.clone().into(), "-o".into(), out.clone().into()],
            vec!["bad.csv:3: stance \"perhaps\"", "support/critique"],
        ),
        (
            vec![not_dna.into(), "-o".into(), out.clone().into()],
            vec!["text.dna", "not a DNA 3 database"],
        ),
        (
            vec![empty_db.into(), "-o".into(), out.clone().into()],
            vec!["empty.dna", "no DOCUMENTS table"],
        ),
        (
            vec![
                fixture("coded/statements.csv").into(),
                "-o".into(),
                dir.path().join("out.argc").into(),
            ],
            vec!["graph JSON", "out.json"],
        ),
        (
            vec![
                fixture("coded/statements.csv").into(),
                "--columns".into(),
                "actor=nobody".into(),
                "-o".into(),
                out.clone().into(),
            ],
            vec!["statements.csv:1", "no column \"nobody\""],
        ),
        (
            vec![
                fixture("citations/works.jsonl").into(),
                "--columns".into(),
                "actor=x".into(),
                "-o".into(),
                out.clone().into(),
            ],
            vec!["--columns", "--format statements"],
        ),
    ];
    for (args, parts) in cases {
        let output = argnet()
            .arg("import")
            .args(&args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr:?}");
        for part in parts {
            assert!(stderr.contains(part), "{stderr:?} lacks {part:?}");
        }
        assert!(!out.exists(), "wrote output on error: {args:?}");
    }
}

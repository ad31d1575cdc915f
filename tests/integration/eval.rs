//! `argnet eval` and `argnet evidence` on a small hand-coded fixture and on
//! the seeds, and the `--min-confidence` option of `argnet build`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::{fixture, root, seeds, temp_dir};

fn argnet() -> Command {
    Command::cargo_bin("argnet").expect("argnet binary")
}

/// Build `input` into `out/NAME.json` and return that path.
fn build(input: &Path, out: &Path, name: &str, extra: &[&str]) -> PathBuf {
    argnet()
        .args(["build", "--no-svg", "--quiet", "--name", name, "--out"])
        .arg(out)
        .args(extra)
        .arg(input)
        .assert()
        .success();
    out.join(format!("{name}.json"))
}

fn gold() -> PathBuf {
    root().join("tests/fixtures/eval/tiny-gold.json")
}

/// A graph of the tiny fixture with one statement of its two (written by
/// `argnet build tests/fixtures/tiny --min-confidence 0.8`, one stance
/// edge removed), so that the counts below test scoring, not the
/// extraction rules of the day.
fn graph() -> PathBuf {
    root().join("tests/fixtures/eval/tiny-graph.json")
}

#[test]
fn eval_json_has_the_documented_shape_and_counts() {
    let graph = graph();
    let output = argnet()
        .arg("eval")
        .arg(&graph)
        .arg("--gold")
        .arg(gold())
        .arg("--json")
        .assert()
        .success()
        // The gold names a file the graph lacks: a warning, not an error.
        .stderr(predicate::str::contains(
            "\"missing.txt\" matches no document",
        ))
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&output).expect("JSON");
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        vec![
            "actors",
            "concepts",
            "citations",
            "statements",
            "misses",
            "false_positives",
            "reliability",
            "curve"
        ]
    );
    let counts = |unit: &str| {
        let score = &report[unit];
        let names: Vec<&str> = score
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(names, vec!["precision", "recall", "f1", "tp", "fp", "fn"]);
        (
            score["tp"].as_u64().unwrap(),
            score["fp"].as_u64().unwrap(),
            score["fn"].as_u64().unwrap(),
        )
    };
    // Actors: Lovelace and Smith & Sons found; "Mr. Smith" is not in the gold.
    assert_eq!(counts("actors"), (2, 1, 0));
    // Concepts match through the gold aliases ("Ünïcode reform").
    assert_eq!(counts("concepts"), (5, 0, 0));
    assert_eq!(counts("statements"), (1, 0, 1));
    assert_eq!(counts("citations"), (0, 0, 0));
    let f1 = report["statements"]["f1"].as_f64().unwrap();
    assert!((f1 - 2.0 / 3.0).abs() < 1e-3, "{f1}");
    let misses = report["misses"].as_array().unwrap();
    assert!(misses.iter().any(|m| m["kind"] == "statement"
        && m["actor"] == "Smith & Sons"
        && m["stance"] == "critique"
        && m["evidence"] == "Smith & Sons disagreed about PbR."));
    let false_positives = report["false_positives"].as_array().unwrap();
    assert!(
        false_positives
            .iter()
            .any(|m| m["kind"] == "actor" && m["name"] == "Mr. Smith")
    );
}

#[test]
fn eval_table_lists_scores_misses_and_false_positives() {
    let graph = graph();
    argnet()
        .arg("eval")
        .arg(&graph)
        .arg("--gold")
        .arg(gold())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "unit        precision  recall     F1",
        ))
        .stdout(predicate::str::contains(
            "statements      1.000   0.500  0.667",
        ))
        .stdout(predicate::str::contains(
            "Misses (in the gold, not in the graph)",
        ))
        .stdout(predicate::str::contains(
            "statement Smith & Sons critiques payment by results",
        ))
        .stdout(predicate::str::contains(
            "False positives (in the graph, not in the gold): 1",
        ));
}

#[test]
fn eval_errors_name_the_file() {
    let out = temp_dir();
    let graph = build(&fixture("tiny"), out.path(), "tiny", &[]);
    let broken = out.path().join("broken.json");
    std::fs::write(&broken, "{\"documents\": [\n  {\"file\": }\n]}").unwrap();
    let rows: [(&Path, &Path, &str); 3] = [
        (
            &graph,
            Path::new("no-such-gold.json"),
            "no-such-gold.json: no such file",
        ),
        (&graph, &broken, "broken.json:2:"),
        (&broken, &gold(), "broken.json: not an argnet graph"),
    ];
    for (graph, gold, message) in rows {
        argnet()
            .arg("eval")
            .arg(graph)
            .arg("--gold")
            .arg(gold)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn evidence_groups_sentences_by_actor_and_stance() {
    let out = temp_dir();
    let graph = build(&seeds(), out.path(), "seeds", &[]);
    argnet()
        .arg("evidence")
        .arg(&graph)
        .arg("big society")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Big Society (concept:big-society)",
        ))
        .stdout(predicate::str::contains(
            "\nRob Owen\n  supports Big Society\n",
        ))
        .stdout(predicate::str::contains(
            "\nWill Hutton\n  supports Big Society\n",
        ))
        .stdout(predicate::str::contains(
            "believe in the values and aspirations of the Big Society",
        ));
    argnet()
        .arg("evidence")
        .arg(&graph)
        .arg("actor:stephen-bubb")
        .assert()
        .success()
        .stdout(predicate::str::contains("supports personalisation"));
    argnet()
        .arg("evidence")
        .arg(&graph)
        .arg("No Such Thing")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "NODE = \"No Such Thing\": no node has this id, name or alias",
        ));
}

#[test]
fn min_confidence_keeps_only_surer_edges() {
    let out = temp_dir();
    let stance_edges = |path: &Path| {
        let graph: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let edges = graph["edges"].as_array().unwrap().clone();
        let stance: Vec<Value> = edges
            .into_iter()
            .filter(|e| e["relation"] == "supports" || e["relation"] == "critiques")
            .collect();
        stance
    };
    let all = stance_edges(&build(&seeds(), out.path(), "all", &[]));
    let sure = stance_edges(&build(
        &seeds(),
        out.path(),
        "sure",
        &["--min-confidence", "0.7"],
    ));
    assert!(
        !sure.is_empty() && sure.len() < all.len(),
        "{} vs {}",
        sure.len(),
        all.len()
    );
    for edge in &sure {
        for evidence in edge["evidence"].as_array().unwrap() {
            assert!(
                evidence["confidence"].as_f64().unwrap() >= 0.7,
                "{evidence}"
            );
        }
    }
    argnet()
        .args(["build", "--no-svg", "--min-confidence", "1.5", "--out"])
        .arg(out.path().join("never"))
        .arg(seeds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--min-confidence = \"1.5\": give a number from 0 to 1",
        ));
    assert!(!out.path().join("never").exists());
}

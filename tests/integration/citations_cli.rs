//! `argnet import` and `argnet analyse` on citation files: the formats,
//! the two output forms, and every mistake a user can make with them (one
//! line on stderr, exit code 2, nothing written).

use std::fs;
use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::{fixture, temp_dir};

fn argnet() -> Command {
    Command::cargo_bin("argnet").expect("argnet binary")
}

fn works() -> std::path::PathBuf {
    fixture("citations/works.jsonl")
}

/// Run `argnet ARGS`, expecting exit 2 and one line on stderr that
/// contains every part of `message`.
fn assert_error(args: &[&std::ffi::OsStr], message: &[&str]) {
    let output = argnet().args(args).assert().code(2).get_output().clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("argnet: error: "), "{stderr:?}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr:?}");
    for part in message {
        assert!(stderr.contains(part), "{stderr:?} lacks {part:?}");
    }
    assert!(output.stdout.is_empty(), "printed something on error");
}

fn os(text: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(text)
}

/// `argnet analyse FILE --json …` parsed.
fn analyse_json(path: &Path, extra: &[&str]) -> Value {
    let output = argnet()
        .arg("analyse")
        .arg(path)
        .arg("--json")
        .args(extra)
        .assert()
        .success()
        .get_output()
        .clone();
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// The section called `key` of a `--json` report.
fn section<'a>(report: &'a Value, key: &str) -> &'a Value {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == key)
        .unwrap_or_else(|| panic!("no section {key}: {report}"))
}

fn top_id(report: &Value, key: &str) -> String {
    section(report, key)["top"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn openalex_works_import_to_binary_and_analyse_with_titles() {
    let dir = temp_dir();
    let out = dir.path().join("graphs/works.argc");
    argnet()
        .arg("import")
        .arg(works())
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Imported works: 9 works, 15 citations",
        ))
        .stdout(predicate::str::contains("binary form"));
    assert!(fs::read(&out).unwrap().starts_with(b"ARGNCIT\0"));
    argnet()
        .arg("analyse")
        .arg(&out)
        .args(["--top", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "W101           5  (2009) Payment by results in public services",
        ))
        .stdout(predicate::str::contains("Communities"))
        .stdout(predicate::str::contains("Betweenness").not());
    // Straight from the JSON Lines, the same report.
    let direct = analyse_json(&works(), &[]);
    let imported = analyse_json(&out, &[]);
    assert_eq!(direct["sections"], imported["sections"]);
    assert_eq!(top_id(&direct, "pagerank"), "W101");
    assert_eq!(direct["works"], 9);
}

#[test]
fn import_then_analyse_gives_the_top_pagerank_of_the_source_file() {
    // A copying-model network written as a gzip SNAP edge list.
    let edges = argnet::analysis::copying_model_edges(400, 3000, 7);
    let mut text = String::from("# FromNodeId\tToNodeId\n");
    for (citing, cited) in &edges {
        text.push_str(&format!("{}\t{}\n", 1000 + citing, 1000 + cited));
    }
    let dir = temp_dir();
    let source = dir.path().join("net.txt.gz");
    fs::write(&source, gzip(&text)).unwrap();
    let imported = dir.path().join("net.argc");
    argnet()
        .arg("import")
        .arg(&source)
        .arg("-o")
        .arg(&imported)
        .assert()
        .success();
    let measures = ["--measures", "pagerank,citations", "--top", "5"];
    let direct = analyse_json(&source, &measures);
    let again = analyse_json(&imported, &measures);
    assert_eq!(top_id(&direct, "pagerank"), top_id(&again, "pagerank"));
    assert_eq!(direct["sections"], again["sections"]);
    assert_eq!(direct["citations"].as_u64(), Some(edges.len() as u64));
}

#[test]
fn small_networks_import_to_graph_json_for_every_command() {
    let dir = temp_dir();
    let out = dir.path().join("works.json");
    argnet()
        .arg("import")
        .arg(works())
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("graph JSON"));
    let graph = argnet::export::read_graph(&out).unwrap();
    assert_eq!(graph.node_count(), 9);
    let w101 = graph.node(graph.node_index("source:W101").unwrap());
    assert_eq!(w101.label, "Payment by results in public services");
    // The argument-graph report, not the citation report, reads it.
    argnet()
        .arg("analyse")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("Graph works: 9 nodes"));
    argnet()
        .arg("path")
        .arg(&out)
        .args(["source:W108", "source:W101"])
        .assert()
        .success()
        .stdout(predicate::str::contains("cites"));
    argnet()
        .arg("export")
        .arg(&out)
        .args(["--to", "graphml", "-o"])
        .arg(dir.path().join("works.graphml"))
        .assert()
        .success();
}

#[test]
fn text_ids_and_dois_are_accepted_as_strings() {
    let dir = temp_dir();
    let edges = dir.path().join("dois.txt");
    fs::write(
        &edges,
        "# citing cited\n10.1000/a.1 W7\n10.1000/a-1 W7\n007 W7\nW7 10.1000/a.1\n",
    )
    .unwrap();
    let report = analyse_json(&edges, &["--measures", "citations"]);
    assert_eq!(report["works"], 4);
    assert_eq!(top_id(&report, "citations"), "W7");
    let csv = dir.path().join("refs.csv");
    fs::write(&csv, "citing,cited\n\"doi:10.1/x,y\",W1\nW2,W1\n").unwrap();
    let output = argnet()
        .arg("analyse")
        .arg(&csv)
        .args(["--csv", "--measures", "citations"])
        .assert()
        .success()
        .get_output()
        .clone();
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text,
        "id,title,year,citations,references\n\"doi:10.1/x,y\",,,0,1\nW1,,,2,0\nW2,,,0,1\n"
    );
}

#[test]
fn betweenness_is_computed_only_when_asked_and_sampled_on_request() {
    let dir = temp_dir();
    let out = dir.path().join("works.argc");
    argnet()
        .arg("import")
        .arg(works())
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let exact = analyse_json(&out, &["--measures", "betweenness"]);
    let sections = exact["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1);
    assert!(sections[0]["facts"].get("pivots").is_none());
    let sampled = analyse_json(&out, &["--sample", "4", "--seed", "3"]);
    let section = sampled["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "betweenness")
        .unwrap();
    assert_eq!(section["facts"]["pivots"], 4);
    assert_eq!(
        sampled,
        analyse_json(&out, &["--sample", "4", "--seed", "3"])
    );
}

#[test]
fn nothing_but_results_on_a_pipe() {
    // stderr is a pipe here: no progress bar, no escape codes.
    let output = argnet()
        .arg("analyse")
        .arg(works())
        .args(["--measures", "betweenness,communities"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(output.stderr.is_empty(), "{:?}", output.stderr);
}

#[test]
fn malformed_lines_name_the_file_and_line() {
    let dir = temp_dir();
    let rows = [
        ("bad.txt", "# c\n1 2\n3\n", "bad.txt:3: "),
        ("bad.csv", "source,target\n1,2\n3,\n", "bad.csv:3: "),
        (
            "bad.jsonl",
            "{\"id\": \"W1\"}\n{\"id\": \n",
            "bad.jsonl:2: ",
        ),
        ("nohead.csv", "1,2\n", "bad header"),
    ];
    for (name, content, message) in rows {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let message = if message == "bad header" {
            "nohead.csv:1: expected a header row"
        } else {
            message
        };
        assert_error(&[os("analyse"), path.as_os_str()], &[message]);
        let out = dir.path().join("out.argc");
        assert_error(
            &[os("import"), path.as_os_str(), os("-o"), out.as_os_str()],
            &[message],
        );
        assert!(!out.exists(), "{name}: something was written");
    }
}

#[test]
fn empty_and_missing_files_are_errors() {
    let dir = temp_dir();
    let out = dir.path().join("out.argc");
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let comments = dir.path().join("comments.txt.gz");
    fs::write(&comments, gzip("# nothing here\n")).unwrap();
    let uncited = dir.path().join("alone.jsonl");
    fs::write(&uncited, "{\"id\": \"W1\", \"referenced_works\": []}\n").unwrap();
    for (path, message) in [
        (&empty, "empty.txt: no citations found"),
        (&comments, "comments.txt.gz: no citations found"),
        (&uncited, "alone.jsonl: no citations found"),
    ] {
        assert_error(&[os("analyse"), path.as_os_str()], &[message]);
        assert_error(
            &[os("import"), path.as_os_str(), os("-o"), out.as_os_str()],
            &[message],
        );
    }
    let missing = dir.path().join("nope.txt.gz");
    assert_error(
        &[os("import"), missing.as_os_str(), os("-o"), out.as_os_str()],
        &["nope.txt.gz: no such file"],
    );
    assert_error(
        &[os("analyse"), missing.as_os_str()],
        &["nope.txt.gz: no such file"],
    );
    assert!(!out.exists());
}

#[test]
fn truncated_or_damaged_binary_files_are_errors() {
    let dir = temp_dir();
    let good = dir.path().join("works.argc");
    argnet()
        .arg("import")
        .arg(works())
        .arg("-o")
        .arg(&good)
        .assert()
        .success();
    let bytes = fs::read(&good).unwrap();
    let truncated = dir.path().join("truncated.argc");
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let mut flipped = bytes.clone();
    flipped[40] ^= 0x10;
    let damaged = dir.path().join("damaged.argc");
    fs::write(&damaged, &flipped).unwrap();
    let header_only = dir.path().join("header.argc");
    fs::write(&header_only, b"ARGNCIT\0\x01").unwrap();
    for path in [&truncated, &damaged, &header_only] {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert_error(&[os("analyse"), path.as_os_str()], &[name]);
        let json = dir.path().join("back.json");
        assert_error(
            &[os("import"), path.as_os_str(), os("-o"), json.as_os_str()],
            &[name],
        );
        assert!(!json.exists());
    }
}

#[test]
fn unwritable_outputs_and_oversized_json_write_nothing() {
    let dir = temp_dir();
    // A regular file where the output folder should be.
    let blocker = dir.path().join("blocker");
    fs::write(&blocker, "x").unwrap();
    let below = blocker.join("works.argc");
    assert_error(
        &[
            os("import"),
            works().as_os_str(),
            os("-o"),
            below.as_os_str(),
        ],
        &["cannot write"],
    );
    assert_eq!(fs::read(&blocker).unwrap(), b"x");
    let json = dir.path().join("works.json");
    assert_error(
        &[
            os("import"),
            works().as_os_str(),
            os("-o"),
            json.as_os_str(),
            os("--json-limit"),
            os("10"),
        ],
        &["15 citations are too many for graph JSON", "works.argc"],
    );
    assert!(!json.exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "temporary files left behind");
}

#[test]
fn argument_graph_options_are_refused_on_citation_files() {
    for option in [
        &["--save"][..],
        &["--kind", "actors"],
        &["--layer", "stance"],
        &["--measures", "closeness"],
        &["--sample", "0"],
    ] {
        let mut args = vec![
            std::ffi::OsString::from("analyse"),
            works().into_os_string(),
        ];
        args.extend(option.iter().map(std::ffi::OsString::from));
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        assert_error(&args, &[option[0]]);
    }
}

#[test]
fn unknown_format_is_refused() {
    let dir = temp_dir();
    let out = dir.path().join("o.argc");
    assert_error(
        &[
            os("import"),
            works().as_os_str(),
            os("-o"),
            out.as_os_str(),
            os("--format"),
            os("xml"),
        ],
        &[
            "--format",
            "edge-list, csv, openalex, binary, statements or dna",
        ],
    );
}

/// The fixture's works cite back in time, W101 (2009) to W108: the main
/// path runs oldest first, and the pairs are the hand-counted ones.
#[test]
fn main_path_and_pairs_on_openalex_works() {
    let report = analyse_json(
        &works(),
        &["--measures", "main_path,co_citation,coupling", "--top", "3"],
    );
    let main = section(&report, "main_path");
    let global: Vec<&str> = main["global"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert_eq!(global.first(), Some(&"W101"), "{main}");
    assert_eq!(global.last(), Some(&"W108"), "{main}");
    assert_eq!(main["facts"]["citations_on_cycles"], 0);
    assert!(!main["key_route_citations"].as_array().unwrap().is_empty());
    // W103 and W105 both cite W101 and W102: cited together twice.
    let co = &section(&report, "co_citation")["pairs"][0];
    assert_eq!(
        (&co["first"], &co["second"], &co["count"]),
        (&"W101".into(), &"W102".into(), &2.into())
    );
    let coupled = &section(&report, "coupling")["pairs"][0];
    assert_eq!(coupled["count"], 2);
    assert_eq!(coupled["first"], "W103");
    let cosine = analyse_json(
        &works(),
        &["--measures", "co_citation", "--normalisation", "cosine"],
    );
    let score = section(&cosine, "co_citation")["pairs"][0]["score"]
        .as_f64()
        .unwrap();
    assert!(score > 0.0 && score <= 1.0, "{score}");
    assert_error(
        &[
            os("analyse"),
            works().as_os_str(),
            os("--measures"),
            os("co_citation"),
            os("--normalisation"),
            os("average"),
        ],
        &["--normalisation", "average"],
    );
}

/// Per-work CSV columns only: the main path is a 0/1 column, pairs are not
/// a column.
#[test]
fn csv_has_a_main_path_column_and_no_pairs() {
    let output = argnet()
        .arg("analyse")
        .arg(works())
        .args(["--csv", "--measures", "citations,main_path,co_citation"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id,title,year,citations,references,main_path")
    );
    let first = lines.find(|l| l.starts_with("W101,")).unwrap();
    assert!(first.ends_with(",1"), "{first}");
}

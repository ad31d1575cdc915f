//! The `argnet` binary: the main job and every error a user can cause.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common::{seeds, temp_dir};

fn argnet() -> Command {
    Command::cargo_bin("argnet").expect("argnet binary")
}

fn folder_is_empty(path: &Path) -> bool {
    !path.exists() || fs::read_dir(path).unwrap().next().is_none()
}

#[test]
fn build_seeds_prints_a_summary_and_writes_files() {
    let out = temp_dir();
    argnet()
        .args(["build", "--no-svg", "--out"])
        .arg(out.path())
        .arg(seeds())
        .assert()
        .success()
        .stdout(predicate::str::contains("Read 5 documents"))
        .stdout(predicate::str::contains("Most mentioned concepts:"))
        .stdout(predicate::str::contains("Nodes "));
    assert!(out.path().join("seeds.json").is_file());
    assert!(out.path().join("seeds.dot").is_file());
}

#[test]
fn name_option_renames_outputs() {
    let out = temp_dir();
    argnet()
        .args(["build", "--no-svg", "--name", "reform", "--out"])
        .arg(out.path())
        .arg(seeds())
        .assert()
        .success();
    assert!(out.path().join("reform.json").is_file());
}

/// Run `argnet build` expecting exit 2, one line on stderr containing
/// `message`, and nothing written.
fn assert_build_error(args: &[&str], inputs: &[&Path], message: &str) {
    let out = temp_dir();
    let target = out.path().join("graphs");
    let output = argnet()
        .arg("build")
        .args(args)
        .arg("--out")
        .arg(&target)
        .args(inputs)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(message),
        "stderr {stderr:?} lacks {message:?}"
    );
    assert!(stderr.starts_with("argnet: error: "), "{stderr:?}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr:?}");
    assert!(folder_is_empty(&target), "something was written");
}

#[test]
fn missing_path_is_an_error() {
    let dir = temp_dir();
    let missing = dir.path().join("no-such-folder");
    assert_build_error(&[], &[&missing], "no-such-folder: no such file or folder");
}

#[test]
fn empty_folder_is_an_error() {
    let dir = temp_dir();
    fs::write(dir.path().join("chart.png"), b"\x89PNG").unwrap();
    assert_build_error(&[], &[dir.path()], "no documents found");
    // A PDF is a document; one that cannot be read is skipped, by name.
    fs::write(dir.path().join("notes.pdf"), b"%PDF").unwrap();
    assert_build_error(&[], &[dir.path()], "notes.pdf: skipped: not a readable PDF");
}

#[test]
fn only_unreadable_documents_is_an_error() {
    let dir = temp_dir();
    fs::write(dir.path().join("empty.txt"), b"  \n").unwrap();
    fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02").unwrap();
    assert_build_error(
        &[],
        &[dir.path()],
        "no readable documents: all 2 files were skipped",
    );
}

#[test]
fn codebook_that_does_not_parse_names_line_and_column() {
    let dir = temp_dir();
    fs::write(dir.path().join("a.txt"), "Some text.").unwrap();
    let codebook = dir.path().join("codebook.toml");
    fs::write(&codebook, "[[actor]]\nname = \"A\"\nkind = person\n").unwrap();
    assert_build_error(&[], &[dir.path()], "codebook.toml:3:8:");
}

#[test]
fn codebook_affiliation_to_an_unknown_actor_is_an_error() {
    let dir = temp_dir();
    fs::write(dir.path().join("a.txt"), "Some text.").unwrap();
    let codebook = dir.path().join("book.toml");
    fs::write(
        &codebook,
        "[[actor]]\nname = \"A\"\nkind = \"person\"\naffiliation = \"Nobody\"\n",
    )
    .unwrap();
    let codebook = codebook.to_string_lossy().into_owned();
    assert_build_error(
        &["--codebook", &codebook],
        &[dir.path()],
        "book.toml:4:15: affiliation \"Nobody\" of actor \"A\" names no actor in the codebook",
    );
}

#[test]
fn missing_codebook_file_is_an_error() {
    assert_build_error(
        &["--codebook", "no-such-codebook.toml"],
        &[&seeds()],
        "no-such-codebook.toml: no such file or folder",
    );
}

#[test]
fn unwritable_output_folder_is_an_error() {
    let dir = temp_dir();
    let blocker = dir.path().join("a-file");
    fs::write(&blocker, b"x").unwrap();
    // A folder cannot be made below a regular file, even by root.
    argnet()
        .args(["build", "--no-svg", "--out"])
        .arg(blocker.join("graphs"))
        .arg(seeds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"))
        .stderr(predicate::str::contains("--out"));
}

#[test]
fn bad_name_is_an_error() {
    assert_build_error(
        &["--name", "../escape"],
        &[&seeds()],
        "--name = \"../escape\"",
    );
}

#[test]
fn one_bad_document_is_a_warning_and_exit_code_1() {
    let dir = temp_dir();
    fs::write(dir.path().join("good.txt"), "The Big Society matters.").unwrap();
    fs::write(dir.path().join("bad.txt"), b"\x00binary").unwrap();
    // Windows-1252 text is read, with a note.
    fs::write(
        dir.path().join("legacy.txt"),
        b"\x93Quoted\x94 text costs \xA35.",
    )
    .unwrap();
    let out = temp_dir();
    argnet()
        .args(["build", "--no-svg", "--out"])
        .arg(out.path())
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.txt: skipped: binary file"))
        .stderr(predicate::str::contains(
            "legacy.txt: not valid UTF-8; decoded as Windows-1252",
        ))
        .stdout(predicate::str::contains("Read 2 documents, 1 skipped"));
    let name = dir.path().file_name().unwrap().to_string_lossy();
    let name = name.trim_start_matches('.');
    assert!(out.path().join(format!("{name}.json")).is_file());
}

#[test]
fn help_teaches_the_main_job() {
    argnet()
        .args(["build", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("argnet build seeds"))
        .stdout(predicate::str::contains("--codebook"));
}

#[test]
fn svg_is_written_when_graphviz_is_installed() {
    if !crate::common::require_graphviz("svg_is_written_when_graphviz_is_installed") {
        return;
    }
    let out = temp_dir();
    argnet()
        .args(["build", "--out"])
        .arg(out.path())
        .arg(seeds())
        .assert()
        .success();
    let svg = fs::read_to_string(out.path().join("seeds.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Big Society"));
}

#[test]
fn missing_graphviz_still_writes_dot_and_says_how() {
    let out = temp_dir();
    argnet()
        .env("PATH", "")
        .args(["build", "--out"])
        .arg(out.path())
        .arg(seeds())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "no SVG: Graphviz `dot` is not installed",
        ))
        .stderr(predicate::str::contains("dot -Kneato -Tsvg"));
    assert!(out.path().join("seeds.dot").is_file());
    assert!(!out.path().join("seeds.svg").exists());
}

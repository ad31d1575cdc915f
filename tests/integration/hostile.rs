//! Hostile inputs found by hand (issue "Hostile input"): each builds its
//! input in a temporary folder, runs the command as a user would, and checks
//! the exit code, the one-line message and that nothing acts or is lost.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn argnet() -> Command {
    Command::cargo_bin("argnet").expect("argnet binary")
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const SPEECH: &str = "Jane Smith: I strongly support localism. It is long overdue.\n";

fn built(dir: &Path, corpus: &Path) -> (i32, String, serde_json::Value) {
    let out = dir.join("out");
    let output = argnet()
        .arg("build")
        .arg(corpus)
        .arg("--codebook")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/codebook.toml"))
        .args(["--no-svg", "-q", "--name", "g", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let graph = fs::read_to_string(out.join("g.json"))
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap_or(serde_json::Value::Null);
    (output.status.code().unwrap(), stderr, graph)
}

fn document_files(graph: &serde_json::Value) -> Vec<String> {
    graph["documents"]
        .as_array()
        .map(|docs| {
            docs.iter()
                .map(|d| d["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn links_are_followed_inside_the_corpus_once_and_never_out_of_it() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    write(
        &dir.path().join("secret.txt"),
        "Outside: not part of the corpus.\n",
    );
    symlink(".", corpus.join("me")).unwrap();
    symlink(dir.path().join("secret.txt"), corpus.join("secret.txt")).unwrap();
    symlink("/dev/zero", corpus.join("zero.txt")).unwrap();
    symlink("a.txt", corpus.join("again.txt")).unwrap();
    let (code, stderr, graph) = built(dir.path(), &corpus);
    assert_eq!(code, 1, "skipped files make exit 1: {stderr}");
    assert_eq!(document_files(&graph), ["a.txt"], "{stderr}");
    assert!(stderr.contains("secret.txt") && stderr.contains("outside the corpus"));
    assert!(stderr.contains("zero.txt"));
    assert!(stderr.contains("read already"), "{stderr}");
    assert!(
        !fs::read_to_string(dir.path().join("out/g.json"))
            .unwrap()
            .contains("Outside")
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_skipped_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    let fifo = corpus.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("skipped: mkfifo is not available");
        return;
    }
    let (code, stderr, graph) = built(dir.path(), &corpus);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(document_files(&graph), ["a.txt"]);
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("not a regular file"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn names_differing_only_in_invalid_bytes_stay_two_documents() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    for byte in [0xff_u8, 0xfe] {
        let name = [b'd', byte, b'.', b't', b'x', b't'];
        let path = corpus.join(OsStr::from_bytes(&name));
        if fs::write(&path, SPEECH).is_err() {
            println!("skipped: this file system refuses non-UTF-8 names");
            return;
        }
    }
    let (code, stderr, graph) = built(dir.path(), &corpus);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(document_files(&graph), ["d\\xFE.txt", "d\\xFF.txt"]);
}

#[test]
fn a_folder_where_the_picture_goes_leaves_the_previous_outputs_alone() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    let out = dir.path().join("out");
    write(&out.join("g.json"), "previous");
    fs::create_dir_all(out.join("g.dot")).unwrap();
    let output = argnet()
        .arg("build")
        .arg(&corpus)
        .args(["--no-svg", "-q", "--name", "g", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("g.dot") && stderr.contains("folder"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(fs::read_to_string(out.join("g.json")).unwrap(), "previous");
}

#[test]
fn terminal_escapes_from_documents_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(
        &corpus.join("a.txt"),
        "Stephen Bubb said: \u{201c}I strongly support localism \u{1b}]0;owned\u{7}\u{1b}[2J today.\u{201d}\n",
    );
    let (_, stderr, _) = built(dir.path(), &corpus);
    let output = argnet()
        .arg("evidence")
        .arg(dir.path().join("out/g.json"))
        .arg("localism")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "{stderr}");
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\e]0;owned\\a\\e[2J"), "{stdout}");
}

#[test]
fn a_misspelt_field_in_a_gold_file_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    built(dir.path(), &corpus);
    let gold = dir.path().join("gold.json");
    write(
        &gold,
        "{\"documents\": [{\"file\": \"a.txt\",\n \"statments\": []}]}\n",
    );
    let output = argnet()
        .arg("eval")
        .arg(dir.path().join("out/g.json"))
        .arg("--gold")
        .arg(&gold)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("statments") && stderr.contains("line 2"),
        "{stderr}"
    );
}

#[test]
fn graph_files_reject_unknown_fields_and_impossible_weights_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    built(dir.path(), &corpus);
    let good = fs::read_to_string(dir.path().join("out/g.json")).unwrap();
    let cases = [
        (good.replacen("\"label\":", "\"lable\":", 1), "lable"),
        (
            good.replacen("\"weight\": 1.0", "\"weight\": 1e308", 1),
            "weight",
        ),
        (
            good.replacen("\"weight\": 1.0", "\"weight\": -2.0", 1),
            "weight",
        ),
        (
            good.replacen("\"mentions\": ", "\"mentions\": -", 1),
            "line",
        ),
    ];
    for (text, says) in cases {
        assert_ne!(text, good, "the case must change the file");
        let path = dir.path().join("bad.json");
        fs::write(&path, &text).unwrap();
        let output = argnet().arg("analyse").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{says}: {stderr}");
        assert!(
            stderr.contains(says) && stderr.contains("bad.json"),
            "{says}: {stderr}"
        );
    }
}

#[test]
fn a_citation_id_longer_than_a_format_width_is_cut_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let long = "w".repeat(70_000);
    let path = dir.path().join("edges.txt");
    write(&path, &format!("{long} b\nb c\nc {long}\n"));
    let output = argnet().arg("analyse").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.lines().all(|l| l.chars().count() < 400),
        "a line is too long"
    );
    assert!(stdout.contains('…'));
}

#[test]
fn every_file_skipped_names_one_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("a.txt"), b"\x00\x01binary").unwrap();
    fs::write(corpus.join("b.txt"), b"").unwrap();
    let (code, stderr, _) = built(dir.path(), &corpus);
    assert_eq!(code, 2);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.contains("a.txt") && last.contains("and 1 more"),
        "{stderr}"
    );
}

#[test]
fn wrong_kinds_of_file_say_what_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(
        &corpus.join("a.txt"),
        "Stephen Bubb said localism is vital today.\n",
    );
    let binary = dir.path().join("works.argc");
    let imported = argnet()
        .arg("import")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/citations/works.jsonl"))
        .arg("-o")
        .arg(&binary)
        .args(["-q"])
        .output()
        .unwrap();
    assert!(imported.status.success());
    let document = corpus.join("a.txt");
    let cases: [(Vec<&std::ffi::OsStr>, &str); 3] = [
        (vec!["analyse".as_ref(), corpus.as_os_str()], "argnet build"),
        (
            vec!["analyse".as_ref(), document.as_os_str()],
            "argnet build",
        ),
        (
            vec!["evidence".as_ref(), binary.as_os_str(), "x".as_ref()],
            "binary citation form",
        ),
    ];
    for (args, says) in cases {
        let output = argnet().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(!stderr.contains("os error 21): Is a directory"), "{stderr}");
    }
}

#[test]
fn a_huge_bad_citation_line_is_not_quoted_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edges.txt");
    write(&path, &format!("a b {}\n", "x".repeat(1_000_000)));
    let output = argnet().arg("analyse").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.len() < 600, "{} bytes of error", stderr.len());
    assert!(
        stderr.contains("weight") && stderr.contains('…'),
        "{stderr}"
    );
}

#[test]
fn stray_bytes_and_utf16_files_keep_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    // UTF-8 curly quotes around the quotation, and three stray bytes.
    let mut mixed = "Stephen Bubb said: \u{201c}We welcome localism.\u{201d} "
        .as_bytes()
        .to_vec();
    mixed.extend_from_slice(b"\x93\x94\x85\n");
    fs::write(corpus.join("mixed.txt"), &mixed).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Stephen Bubb said he opposes the Work Programme.\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    fs::write(corpus.join("wide.txt"), &utf16).unwrap();
    let (code, stderr, graph) = built(dir.path(), &corpus);
    assert_eq!(code, 0, "{stderr}");
    let encodings: Vec<&str> = graph["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(encodings, ["utf-8-repaired", "utf-16le"]);
    let text = graph.to_string();
    assert!(
        text.contains("\u{201c}We welcome localism.\u{201d}"),
        "curly quotes kept"
    );
    assert!(text.contains("Work Programme"), "{text}");
    assert!(
        stderr.contains("mixed.txt"),
        "a note names the file: {stderr}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_does_not_fail_a_written_build() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    let out = dir.path().join("out");
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("argnet"))
        .arg("build")
        .arg(&corpus)
        .args(["--no-svg", "--name", "g", "--out"])
        .arg(&out)
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("summary could not be printed"), "{stderr}");
    assert!(out.join("g.json").exists());
}

/// `path`, `evidence` and `export --ego` answer a misspelt name with the
/// closest names of the user's own graph, and an id from it.
#[test]
fn misspelt_names_get_the_closest_names_of_this_graph() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(
        &corpus.join("a.txt"),
        "Stephen Bubb: I strongly support localism. It is long overdue.\n",
    );
    let (code, stderr, _) = built(dir.path(), &corpus);
    assert_eq!(code, 0, "{stderr}");
    let graph = dir.path().join("out/g.json");
    let cases: [(&[&str], &str); 4] = [
        (
            &["evidence", "Stephen Bbub"],
            "did you mean \"Stephen Bubb\"?",
        ),
        (
            &["path", "locallism", "Stephen Bubb"],
            "did you mean \"localism\"?",
        ),
        (
            &["export", "--ego", "Bubb Stephen", "--to", "dot", "-o", "-"],
            "did you mean \"Stephen Bubb\"?",
        ),
        (&["evidence", "zzzzzz"], "such as concept:localism"),
    ];
    for (args, says) in cases {
        let mut command = argnet();
        command.arg(args[0]).arg(&graph).args(&args[1..]);
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains("big-society"), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
}

/// `build -o DIR/NAME.json` names the folder and the graph at once, as `-o
/// FILE` does in the other commands; a different `--name` is an error.
#[test]
fn build_out_may_name_the_graph_file() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    let target = dir.path().join("results/reform.json");
    argnet()
        .arg("build")
        .arg(&corpus)
        .args(["--no-svg", "-q", "-o"])
        .arg(&target)
        .assert()
        .success();
    assert!(target.is_file());
    assert!(dir.path().join("results/reform.dot").is_file());
    let output = argnet()
        .arg("build")
        .arg(&corpus)
        .args(["--no-svg", "-q", "--name", "other", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--name"));
}

/// A document over `--max-document` is skipped with a warning that names
/// its size and the flag; raising the limit reads it.
#[test]
fn a_document_over_the_size_limit_is_skipped_with_the_flag_named() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus.join("a.txt"), SPEECH);
    write(&corpus.join("big.txt"), &SPEECH.repeat(40_000));
    let run = |limit: &str| {
        argnet()
            .arg("build")
            .arg(&corpus)
            .args(["--no-svg", "-q", "--max-document", limit, "-o"])
            .arg(dir.path().join(format!("out-{limit}/g.json")))
            .output()
            .unwrap()
    };
    let small = run("1M");
    let stderr = String::from_utf8_lossy(&small.stderr);
    assert_eq!(small.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("big.txt") && stderr.contains("--max-document 3M"),
        "{stderr}"
    );
    let large = run("3M");
    assert_eq!(
        large.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&large.stderr)
    );
}

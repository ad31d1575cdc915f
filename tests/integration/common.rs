//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The crate root (tests run from there, but be explicit).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds() -> PathBuf {
    root().join("seeds")
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Compare `actual` with the golden file `name`, or rewrite it when
/// `ARGNET_BLESS=1`.
pub fn assert_golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("ARGNET_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run ARGNET_BLESS=1 cargo test",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(
                expected.lines().count().min(actual.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{} differs from the output at line {line}; if the change is intended, run ARGNET_BLESS=1 cargo test and review the diff",
            path.display()
        );
    }
}

/// Is Graphviz `dot` installed? In CI (`CI=true`) a missing Graphviz fails
/// the test; elsewhere the test is skipped with a printed reason.
pub fn require_graphviz(test: &str) -> bool {
    if argnet::export::graphviz_available() {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: Graphviz `dot` is not installed, and CI=true requires it");
    }
    eprintln!("{test}: skipped: Graphviz `dot` is not installed");
    false
}

/// The tiny fixture built into a graph (relative input path: the JSON
/// records paths as given).
pub fn tiny_graph() -> argnet::model::ArgGraph {
    let dir = temp_dir();
    let config = argnet::pipeline::BuildConfig::new(vec!["tests/fixtures/tiny".into()])
        .with_out_dir(dir.path().to_owned())
        .with_render(false);
    argnet::pipeline::build(&config).expect("tiny build").graph
}

/// The hand-made graph with every node kind and relation, analysis
/// attributes (pagerank, betweenness, community) and hostile labels.
pub fn every_relation_graph() -> argnet::model::ArgGraph {
    argnet::export::read_graph(&fixture("every-relation.json")).expect("every-relation fixture")
}

/// A fresh temporary folder.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// Relative display of a path under the crate root, for stable output.
#[allow(dead_code)]
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

//! Export stage, checked by real clients: the files of every format, for
//! the tiny fixture, the every-relation fixture and a filtered view of it,
//! opened by NetworkX, igraph, arguebuf, Python's csv module and Graphviz
//! through tests/conformance/check_exports.py, and the Mermaid flowcharts
//! parsed by Mermaid itself through tests/conformance/check_mermaid.mjs.
//!
//! The Python interpreter is `$ARGNET_PYTHON`, else `.venv-conformance/bin/python`
//! (made by .ci/run), else `python3`; Mermaid is `npm ci` in
//! tests/conformance. Without the clients a test fails when CI=true and is
//! skipped with a printed reason elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;

use argnet::export::{self, DotStyle, ExportConfig, ExportFormat, LayoutEngine, RankDir};
use argnet::model::{ArgGraph, NodeKind, Relation};
use argnet::view::{self, ViewConfig};

use crate::common::{every_relation_graph, require_graphviz, root, temp_dir, tiny_graph};

fn python() -> PathBuf {
    if let Some(path) = std::env::var_os("ARGNET_PYTHON") {
        return path.into();
    }
    let venv = root().join(".venv-conformance/bin/python");
    if venv.is_file() {
        venv
    } else {
        "python3".into()
    }
}

/// The interpreter, if it has the client libraries; fails in CI without.
fn require_clients(test: &str) -> Option<PathBuf> {
    let python = python();
    let probe = Command::new(&python)
        .args(["-c", "import networkx, igraph, arguebuf"])
        .output();
    let reason = match probe {
        Ok(output) if output.status.success() => return Some(python),
        Ok(output) => String::from_utf8_lossy(&output.stderr)
            .lines()
            .last()
            .unwrap_or("import failed")
            .to_owned(),
        Err(error) => format!("cannot run {}: {error}", python.display()),
    };
    let hint = "pip install -r tests/conformance/requirements.txt, or set ARGNET_PYTHON";
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{test}: the conformance clients are missing ({reason}), and CI=true requires them; {hint}"
        );
    }
    eprintln!("{test}: skipped: the conformance clients are missing ({reason}); {hint}");
    None
}

/// Every format of `graph` into `folder`, named as the script expects.
fn write_exports(graph: &ArgGraph, folder: &Path) {
    let files = [
        (ExportFormat::Json, "graph.json"),
        (ExportFormat::GraphMl, "graph.graphml"),
        (ExportFormat::Gexf, "graph.gexf"),
        (ExportFormat::Pajek, "graph.net"),
        (ExportFormat::Gml, "graph.gml"),
        (ExportFormat::Xlsx, "graph.xlsx"),
        (ExportFormat::VosViewer, "graph.vos.json"),
        (ExportFormat::NodeLink, "graph.node-link.json"),
        (ExportFormat::Cytoscape, "graph.cyjs"),
        (ExportFormat::Aif, "graph.aif.json"),
        (ExportFormat::Mermaid, "graph.mmd"),
        (ExportFormat::Csv, ""),
    ];
    for (format, name) in files {
        let config = ExportConfig::new(format);
        let written = export::export_files(graph, &config, &folder.join(name)).unwrap();
        export::write_files(&written).unwrap();
    }
    let dynamic = export::graph_to_gexf_dynamic(graph);
    export::write_file(&folder.join("graph.dynamic.gexf"), dynamic.as_bytes()).unwrap();
    let styles = [
        ("overview.dot", DotStyle::overview(graph)),
        (
            "slide.dot",
            DotStyle::default()
                .with_layout(LayoutEngine::Dot)
                .with_rankdir(Some(RankDir::LeftRight))
                .with_legend(false),
        ),
        (
            "sfdp.dot",
            DotStyle::default().with_layout(LayoutEngine::Sfdp),
        ),
    ];
    for (name, style) in styles {
        let dot = export::graph_to_dot_with(graph, &style);
        export::write_file(&folder.join(name), dot.as_bytes()).unwrap();
    }
}

/// The committed seeds graph, and a real hand-coded discourse network
/// (../shared/data/irps-nuclear, 1,164 statements) imported as a user
/// would; without ../shared the second fails in CI and is left out
/// elsewhere.
fn real_graphs(test: &str) -> Vec<(&'static str, ArgGraph)> {
    let seeds = export::read_graph(&root().join("graphs/seeds.json")).unwrap();
    let mut graphs = vec![("seeds", seeds)];
    let irps = root().join("../shared/data/irps-nuclear");
    if irps.is_dir() {
        let config = argnet::corpus::coded::CodedConfig {
            nodes: Some(irps.join("irps_nuclear_nodes.csv")),
            ..Default::default()
        };
        let coded = argnet::corpus::coded::read_coded(
            &irps.join("irps_nuclear_ties.csv"),
            argnet::corpus::coded::CodedFormat::Table,
            &config,
        )
        .unwrap();
        graphs.push((
            "irps-nuclear",
            argnet::model::graph_from_coded("irps nuclear", &coded),
        ));
    } else if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{test}: {} is missing, and CI=true requires it",
            irps.display()
        );
    } else {
        eprintln!(
            "{test}: irps-nuclear left out: {} is missing",
            irps.display()
        );
    }
    graphs
}

/// R's igraph reads our GraphML (`read_graph`) and our node and edge CSV
/// (`graph_from_data_frame`) with every node and edge, ids intact. Needs
/// `Rscript` with igraph (Debian: r-cran-igraph); fails without in CI.
#[test]
fn r_igraph_reads_graphml_and_csv() {
    let test = "r_igraph_reads_graphml_and_csv";
    let probe = Command::new("Rscript")
        .args(["-e", "library(igraph)"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        let reason = "Rscript with the igraph package is not installed (Debian: apt-get install r-cran-igraph)";
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{test}: {reason}, and CI=true requires it");
        }
        eprintln!("{test}: skipped: {reason}");
        return;
    }
    let dir = temp_dir();
    let mut graphs = vec![
        ("tiny", tiny_graph()),
        ("every-relation", every_relation_graph()),
    ];
    graphs.extend(real_graphs(test));
    let mut folders = Vec::new();
    for (name, graph) in &graphs {
        let folder = dir.path().join(name);
        for (format, file) in [
            (ExportFormat::GraphMl, "graph.graphml"),
            (ExportFormat::Csv, ""),
        ] {
            let written =
                export::export_files(graph, &ExportConfig::new(format), &folder.join(file))
                    .unwrap();
            export::write_files(&written).unwrap();
        }
        folders.push(folder);
    }
    let output = Command::new("Rscript")
        .arg(root().join("tests/conformance/check_r.R"))
        .args(&folders)
        .output()
        .expect("run check_r.R");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "check_r.R failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for ((name, graph), folder) in graphs.iter().zip(&folders) {
        let keys: Vec<String> = graph.nodes().map(|(_, n)| n.key.clone()).collect();
        for (reader, ids_file) in [("graphml", "r-graphml-ids.txt"), ("csv", "r-csv-ids.txt")] {
            let line = format!(
                "{} {reader} {} {} ",
                folder.display(),
                graph.node_count(),
                graph.edge_count()
            );
            assert!(
                stdout.contains(&line),
                "{name}: R {reader} read other counts:\n{stdout}"
            );
            let ids = std::fs::read_to_string(folder.join(ids_file)).unwrap();
            let ids: Vec<&str> = ids.lines().collect();
            assert_eq!(ids, keys, "{name}: R {reader} read other ids");
        }
    }
}

#[test]
fn real_clients_read_every_export() {
    let test = "real_clients_read_every_export";
    let Some(python) = require_clients(test) else {
        return;
    };
    if !require_graphviz(test) {
        return;
    }
    let mut stance = view::apply(
        &every_relation_graph(),
        &ViewConfig::default()
            .with_kinds([NodeKind::Actor, NodeKind::Concept, NodeKind::Claim])
            .with_relations([Relation::Supports, Relation::Critiques])
            .with_drop_isolates(true),
    )
    .unwrap();
    stance.name = "stance view".into();
    let dir = temp_dir();
    let mut folders = Vec::new();
    let mut graphs = vec![
        ("tiny", tiny_graph()),
        ("every-relation", every_relation_graph()),
        ("stance", stance),
    ];
    graphs.extend(real_graphs(test));
    let expected_ok = graphs.len() * 13;
    for (name, graph) in graphs {
        let folder = dir.path().join(name);
        write_exports(&graph, &folder);
        folders.push(folder);
    }
    let output = Command::new(&python)
        .arg(root().join("tests/conformance/check_exports.py"))
        .args(&folders)
        .output()
        .expect("run check_exports.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "check_exports.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("all checks passed"), "{stdout}");
    // Every graph, thirteen checks each.
    assert_eq!(stdout.matches(": ok: ").count(), expected_ok, "{stdout}");
}

/// The conformance folder with Mermaid installed (`npm ci` there), if it
/// is; fails in CI without.
fn require_mermaid(test: &str) -> bool {
    let folder = root().join("tests/conformance");
    let probe = Command::new("node")
        .current_dir(&folder)
        .args([
            "-e",
            "require.resolve('mermaid'); require.resolve('jsdom'); require.resolve('graphology-gexf'); require.resolve('@argdown/node')",
        ])
        .output();
    let reason = match probe {
        Ok(output) if output.status.success() => return true,
        Ok(_) => {
            "mermaid, jsdom, graphology-gexf and @argdown/cli are not installed in tests/conformance".to_owned()
        }
        Err(error) => format!("cannot run node: {error}"),
    };
    let hint = "run `npm ci` in tests/conformance";
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: {reason}, and CI=true requires them; {hint}");
    }
    eprintln!("{test}: skipped: {reason}; {hint}");
    false
}

#[test]
fn mermaid_reads_our_flowcharts() {
    if !require_mermaid("mermaid_reads_our_flowcharts") {
        return;
    }
    let dir = temp_dir();
    let mut folders = Vec::new();
    for (name, graph) in [("tiny", tiny_graph()), ("every", every_relation_graph())] {
        let folder = dir.path().join(name);
        export::write_files(&[
            (
                folder.join("graph.json"),
                export::graph_to_json(&graph).into_bytes(),
            ),
            (
                folder.join("graph.mmd"),
                export::graph_to_mermaid(&graph).into_bytes(),
            ),
        ])
        .unwrap();
        folders.push(folder);
    }
    let output = Command::new("node")
        .arg(root().join("tests/conformance/check_mermaid.mjs"))
        .args(&folders)
        .output()
        .expect("run check_mermaid.mjs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "check_mermaid.mjs failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.matches(": mermaid: parsed").count(), 2, "{stdout}");
}

/// graphology-gexf (the GEXF reader of Gephi Lite) reads our static and
/// dynamic GEXF with every node, label and edge.
#[test]
fn graphology_reads_our_gexf() {
    let test = "graphology_reads_our_gexf";
    if !require_mermaid(test) {
        return;
    }
    let dir = temp_dir();
    let mut graphs = vec![("tiny", tiny_graph()), ("every", every_relation_graph())];
    graphs.extend(real_graphs(test));
    let mut folders = Vec::new();
    for (name, graph) in &graphs {
        let folder = dir.path().join(name);
        export::write_files(&[
            (
                folder.join("graph.json"),
                export::graph_to_json(graph).into_bytes(),
            ),
            (
                folder.join("graph.gexf"),
                export::graph_to_gexf(graph).into_bytes(),
            ),
            (
                folder.join("graph.dynamic.gexf"),
                export::graph_to_gexf_dynamic(graph).into_bytes(),
            ),
        ])
        .unwrap();
        folders.push(folder);
    }
    let output = Command::new("node")
        .arg(root().join("tests/conformance/check_gexf.mjs"))
        .args(&folders)
        .output()
        .expect("run check_gexf.mjs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "check_gexf.mjs failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        stdout.matches(": ok: ").count(),
        graphs.len() * 2,
        "{stdout}"
    );
}

/// A graph whose claims hold every character Argdown treats as markup.
fn hostile_claims_graph() -> ArgGraph {
    use argnet::model::{Node, NodeKind, Relation};
    let mut graph = ArgGraph::new("hostile \"claims\"");
    let actor = graph.add_node(Node::new(NodeKind::Actor, "Smith (Ltd) #1 [x]"));
    let concept = graph.add_node(Node::new(NodeKind::Concept, "tax [x] <y> #z"));
    let texts = [
        "Rates [must] fall <now> #tax *really* _so_ {data} // not a comment \\ end",
        "A claim: with - dashes + pluses = signs ~ tildes ` ticks | bars ^ carets and http://x.org/a",
        "Line one\nline two\ttabbed",
    ];
    for (k, text) in texts.into_iter().enumerate() {
        let claim = graph.add_node(Node::new(NodeKind::Claim, text));
        graph.add_occurrence(actor, claim, Relation::Asserts, None);
        let relation = if k == 1 {
            Relation::Critiques
        } else {
            Relation::Supports
        };
        graph.add_occurrence(claim, concept, relation, None);
    }
    // One claim attacks another.
    let first = graph
        .node_index(&argnet::model::node_key(NodeKind::Claim, texts[0]))
        .unwrap();
    let second = graph
        .node_index(&argnet::model::node_key(NodeKind::Claim, texts[1]))
        .unwrap();
    graph.add_occurrence(second, first, Relation::Critiques, None);
    graph
}

/// The node-based library of the Argdown command line parses every Argdown
/// file we write with no error, and each claim comes back word for word
/// with its relation and its actors.
#[test]
fn argdown_reads_our_claims() {
    let test = "argdown_reads_our_claims";
    if !require_mermaid(test) {
        return;
    }
    let dir = temp_dir();
    let seeds = export::read_graph(&root().join("graphs/seeds.json")).unwrap();
    let graphs = [("seeds", seeds), ("hostile", hostile_claims_graph())];
    let mut folders = Vec::new();
    for (name, graph) in &graphs {
        let folder = dir.path().join(name);
        let argdown = export::graph_to_argdown(graph).expect("claims");
        export::write_files(&[
            (
                folder.join("graph.json"),
                export::graph_to_json(graph).into_bytes(),
            ),
            (folder.join("graph.argdown"), argdown.into_bytes()),
        ])
        .unwrap();
        folders.push(folder);
    }
    let output = Command::new("node")
        .arg(root().join("tests/conformance/check_argdown.cjs"))
        .args(&folders)
        .current_dir(root().join("tests/conformance"))
        .output()
        .expect("run check_argdown.cjs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "check_argdown.cjs failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.matches(": argdown: ok:").count(), 2, "{stdout}");
}

//! The whole build on the seeds: named nodes, evidence that points at the
//! right bytes, determinism.

use std::collections::HashMap;
use std::path::PathBuf;

use argnet::model::{ArgGraph, NodeKind, Relation};
use argnet::pipeline::{self, BuildConfig};

use crate::common::{root, seeds, temp_dir};

fn build_seeds(out: PathBuf) -> ArgGraph {
    let config = BuildConfig::new(vec![seeds()])
        .with_out_dir(out)
        .with_render(false);
    pipeline::build(&config).expect("seeds build").graph
}

fn labels(graph: &ArgGraph, kind: NodeKind) -> Vec<String> {
    graph
        .nodes()
        .filter(|(_, n)| n.kind == kind)
        .map(|(_, n)| n.label.clone())
        .collect()
}

#[test]
fn seeds_graph_has_the_named_actors_and_concepts() {
    let dir = temp_dir();
    let graph = build_seeds(dir.path().to_owned());
    let actors = labels(&graph, NodeKind::Actor);
    for name in [
        "ACEVO",
        "IPPR",
        "ResPublica",
        "FSquared",
        "St Giles Trust",
        "Stephen Bubb",
        "Rob Owen",
        "Will Hutton",
        "Nick Pearce",
        "John Tizard",
        "Nick Hurd",
        "Gordon Brown",
        "Ed Miliband",
    ] {
        assert!(
            actors.iter().any(|a| a == name),
            "actor {name} missing from {actors:?}"
        );
    }
    let concepts = labels(&graph, NodeKind::Concept);
    for name in [
        "Big Society",
        "Total Place",
        "Community Budgets",
        "Work Programme",
        "personalisation",
        "payment by results",
        "preventative services",
        "Public Service Constitution",
        "Community First test",
        "relational state",
        "social value",
        "Social Value Act",
        "commissioning",
        "procurement",
        "localism",
    ] {
        assert!(
            concepts.iter().any(|c| c == name),
            "concept {name} missing from {concepts:?}"
        );
    }
    let bubb = graph.find_nodes("Stephen Bubb")[0];
    let node = graph.node(bubb);
    assert_eq!(node.subkind.as_deref(), Some("person"));
    assert!(node.aliases.contains("Sir Stephen Bubb") && node.aliases.contains("Bubb"));
    assert_eq!(node.attributes.get("affiliation"), Some(&"ACEVO".into()));
}

#[test]
fn every_evidence_span_is_its_sentence_in_the_source_file() {
    let dir = temp_dir();
    let graph = build_seeds(dir.path().to_owned());
    let files: HashMap<String, Vec<u8>> = graph
        .documents
        .iter()
        .map(|d| (d.id.clone(), std::fs::read(root().join(&d.file)).unwrap()))
        .collect();
    let mut checked = 0;
    for (_, _, edge) in graph.edges() {
        assert!(
            !edge.evidence.is_empty(),
            "{:?} edge without evidence",
            edge.relation
        );
        for evidence in &edge.evidence {
            let bytes = &files[&evidence.document][evidence.span.clone()];
            assert_eq!(
                bytes,
                evidence.text.as_bytes(),
                "span {:?} of {}",
                evidence.span,
                evidence.document
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} pieces of evidence");
}

#[test]
fn mentions_and_cooccurrence_have_weights_and_no_footer_nodes() {
    let dir = temp_dir();
    let graph = build_seeds(dir.path().to_owned());
    let key = |k: &str| graph.node_index(k).unwrap_or_else(|| panic!("no node {k}"));
    let edge = |from: &str, to: &str, relation: Relation| {
        graph
            .edges()
            .find(|(s, t, e)| *s == key(from) && *t == key(to) && e.relation == relation)
            .map(|(_, _, e)| e.clone())
    };
    let tizard_mentions = edge(
        "document:004_8f0f48afbd2de079.txt",
        "concept:commissioning",
        Relation::Mentions,
    )
    .expect("004 mentions commissioning");
    assert!(
        tizard_mentions.weight >= 5.0,
        "weight {}",
        tizard_mentions.weight
    );
    let together = edge(
        "concept:community-budgets",
        "concept:total-place",
        Relation::CoOccurs,
    )
    .expect("Total Place and Community Budgets co-occur");
    assert_eq!(together.weight, 2.0);
    // 003's footer and 004's sidebar are not content: nothing from them.
    for (_, node) in graph.nodes() {
        assert!(!node.label.contains("2020 Public Services Trust"));
    }
}

#[test]
fn two_builds_write_identical_files() {
    let (first, second) = (temp_dir(), temp_dir());
    build_seeds(first.path().to_owned());
    build_seeds(second.path().to_owned());
    for name in ["seeds.json", "seeds.dot"] {
        let a = std::fs::read(first.path().join(name)).unwrap();
        let b = std::fs::read(second.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between runs");
    }
}

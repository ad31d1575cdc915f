//! The extract stage on the seeds: who supports and critiques what, who
//! belongs where and who cites what — each edge checked with the sentence
//! behind it — and the scores against the hand coding in `../shared/eval`.

use std::path::{Path, PathBuf};

use argnet::corpus::read_text;
use argnet::eval::{Gold, evaluate};
use argnet::extract::ExtractConfig;
use argnet::model::{ArgGraph, Evidence, NodeKind, Relation};
use argnet::pipeline::{self, BuildConfig};

use crate::common::{root, seeds, temp_dir};

fn build(inputs: Vec<PathBuf>, codebook: Option<PathBuf>) -> ArgGraph {
    let dir = temp_dir();
    let config = BuildConfig::new(inputs)
        .with_codebook(codebook)
        .with_out_dir(dir.path().to_owned())
        .with_name(Some("graph".into()))
        .with_render(false)
        .with_extract(ExtractConfig::default());
    pipeline::build(&config).expect("build").graph
}

/// The evidence of the `relation` edge between two labelled nodes, or a
/// panic that says which edge is missing.
fn evidence<'g>(graph: &'g ArgGraph, from: &str, relation: Relation, to: &str) -> &'g [Evidence] {
    let label = |index| graph.node(index).label.as_str();
    graph
        .edges()
        .find(|&(s, t, e)| e.relation == relation && label(s) == from && label(t) == to)
        .map(|(_, _, e)| e.evidence.as_slice())
        .unwrap_or_else(|| panic!("no edge {from} {} {to}", relation.as_str()))
}

fn has_edge(graph: &ArgGraph, from: &str, relation: Relation, to: &str) -> bool {
    let label = |index| graph.node(index).label.as_str();
    graph
        .edges()
        .any(|(s, t, e)| e.relation == relation && label(s) == from && label(t) == to)
}

/// One piece of evidence contains `fragment`, and every piece is the exact
/// text of its span in the seed file.
fn assert_backed(evidence: &[Evidence], fragment: &str) {
    for item in evidence {
        let file = read_text(&seeds().join(&item.document)).expect("seed file");
        assert_eq!(file[item.span.clone()], item.text, "span of {item:?}");
        assert!(item.confidence > 0.0 && item.confidence <= 1.0, "{item:?}");
    }
    assert!(
        evidence.iter().any(|e| e.text.contains(fragment)),
        "no sentence with {fragment:?} in {:#?}",
        evidence.iter().map(|e| &e.text).collect::<Vec<_>>()
    );
}

#[test]
fn seeds_have_the_argued_edges_with_their_sentences() {
    let graph = build(vec![seeds()], None);
    let critiques = Relation::Critiques;
    let supports = Relation::Supports;

    let pearce = has_edge(&graph, "Nick Pearce", critiques, "Work Programme");
    let ippr = has_edge(&graph, "IPPR", critiques, "Work Programme");
    assert!(
        pearce || ippr,
        "neither IPPR nor Nick Pearce critiques the Work Programme"
    );
    let who = if pearce { "Nick Pearce" } else { "IPPR" };
    assert_backed(
        evidence(&graph, who, critiques, "Work Programme"),
        "dire record of the Work Programme",
    );

    assert_backed(
        evidence(&graph, "ACEVO", supports, "preventative services"),
        "spent on preventative services",
    );
    for person in ["Rob Owen", "Will Hutton"] {
        assert_backed(
            evidence(&graph, person, supports, "Big Society"),
            "believe in the values and aspirations of the Big Society",
        );
    }
    for concept in ["Community Budgets", "Total Place"] {
        assert_backed(
            evidence(&graph, "John Tizard", supports, concept),
            "need to go much further",
        );
    }
    assert_backed(
        evidence(&graph, "Stephen Bubb", supports, "personalisation"),
        "personal service",
    );
    assert_backed(
        evidence(&graph, "Stephen Bubb", Relation::AffiliatedWith, "ACEVO"),
        "chief executive of Acevo",
    );
    assert_backed(
        evidence(
            &graph,
            "Rob Owen",
            Relation::AffiliatedWith,
            "St Giles Trust",
        ),
        "chief executive of St Giles Trust",
    );
    assert_backed(
        evidence(
            &graph,
            "ACEVO",
            Relation::Cites,
            "Remaking the State: A Call to Action",
        ),
        "Remaking the State",
    );

    // And not the opposite edges.
    assert!(!has_edge(
        &graph,
        "ACEVO",
        critiques,
        "preventative services"
    ));
    assert!(!has_edge(&graph, "Rob Owen", critiques, "Big Society"));
    assert!(!has_edge(
        &graph,
        "ACEVO",
        Relation::AffiliatedWith,
        "Stephen Bubb"
    ));
}

#[test]
fn quotes_and_sources_are_recorded() {
    let graph = build(vec![seeds()], None);
    // The 000 news story quotes Bubb, Owen and Hutton.
    for actor in ["Stephen Bubb", "Rob Owen", "Will Hutton"] {
        assert!(
            has_edge(
                &graph,
                "Acevo's Remaking the State calls for a Public Service Constitution",
                Relation::Quotes,
                actor
            ),
            "000 does not quote {actor}"
        );
    }
    let source = |label: &str| {
        graph
            .nodes()
            .find(|(_, n)| n.kind == NodeKind::Source && n.label == label)
            .and_then(|(_, n)| n.subkind.clone())
    };
    assert_eq!(source("Social Value Act").as_deref(), Some("legislation"));
    assert_eq!(
        source("Beyond Beveridge: Principles for 2020 Public Services").as_deref(),
        Some("report")
    );
    assert!(has_edge(
        &graph,
        "John Tizard",
        Relation::Cites,
        "Social Value Act"
    ));
}

/// The gold standards live in `../shared/eval`. In CI they must be there;
/// elsewhere a missing folder skips the test with a reason.
fn shared_eval() -> Option<PathBuf> {
    let folder = root().join("../shared/eval");
    if folder.join("seeds-gold.json").is_file() {
        return Some(folder);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{} is missing, and CI=true requires it", folder.display());
    }
    eprintln!("eval targets: skipped: {} is missing", folder.display());
    None
}

fn gold(path: &Path) -> Gold {
    Gold::parse(&read_text(path).expect("gold file"), path).expect("gold parses")
}

/// Floors for statement quality on the visible hand-coded sets, run as the
/// README tells a user to (default threshold). They guard against
/// regressions; quality on unseen text is measured apart (README, "How
/// good is extraction?").
#[test]
fn visible_sets_keep_their_statement_quality() {
    let Some(folder) = shared_eval() else {
        return;
    };
    let seeds_report = evaluate(
        &build(vec![seeds()], None),
        &gold(&folder.join("seeds-gold.json")),
    );
    assert!(seeds_report.unmatched_documents.is_empty());
    let statements = seeds_report.statements;
    assert!(statements.f1 >= 0.65, "seeds statement F1 {statements:?}");
    assert!(
        statements.precision >= 0.65,
        "seeds statement precision {statements:?}"
    );
    assert!(
        seeds_report.actors.f1 >= 0.90,
        "seeds actor F1 {:?}",
        seeds_report.actors
    );
    assert!(
        seeds_report.concepts.f1 >= 0.85,
        "seeds concept F1 {:?}",
        seeds_report.concepts
    );

    // dev2 with the codebook an analyst who knows it would write.
    let dev2 = folder.join("dev2");
    let Some(codebook) = gold_codebook(&dev2.join("gold.json")) else {
        return;
    };
    let dev2_report = evaluate(
        &build(vec![dev2.join("corpus")], Some(codebook.path().to_owned())),
        &gold(&dev2.join("gold.json")),
    );
    assert!(dev2_report.unmatched_documents.is_empty());
    let statements = dev2_report.statements;
    assert!(statements.f1 >= 0.60, "dev2 statement F1 {statements:?}");
    assert!(
        statements.precision >= 0.65,
        "dev2 statement precision {statements:?}"
    );
    // Confidence means something: the surest statements are right more
    // often than the least sure.
    let bins: Vec<f64> = dev2_report
        .reliability
        .iter()
        .filter(|b| b.count >= 5)
        .filter_map(|b| b.precision)
        .collect();
    assert!(
        bins.first() < bins.last(),
        "dev2 reliability {:?}",
        dev2_report.reliability
    );

    let dev = folder.join("dev");
    let dev_report = evaluate(
        &build(
            vec![dev.join("corpus")],
            Some(seeds().join("codebook.toml")),
        ),
        &gold(&dev.join("gold.json")),
    );
    assert!(dev_report.unmatched_documents.is_empty());
    let statements = dev_report.statements;
    assert!(statements.f1 >= 0.45, "dev statement F1 {statements:?}");
}

/// `../shared/eval/gold_codebook.py` merges a gold file's actors and
/// concepts into the seeds codebook. It needs Python 3.11: in CI it must
/// run; elsewhere its absence skips the test with a reason.
fn gold_codebook(gold: &Path) -> Option<tempfile::NamedTempFile> {
    let out = tempfile::Builder::new()
        .suffix(".toml")
        .tempfile()
        .expect("temp file");
    let status = std::process::Command::new("python3")
        .arg(root().join("../shared/eval/gold_codebook.py"))
        .arg(seeds().join("codebook.toml"))
        .arg(gold)
        .arg(out.path())
        .stdout(std::process::Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => Some(out),
        other => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("gold_codebook.py failed ({other:?}), and CI=true requires it");
            }
            eprintln!("eval targets: skipped: gold_codebook.py failed ({other:?})");
            None
        }
    }
}

/// "X, but Y" with two stances and "X because Y": each side is a claim of
/// its own, related by the connective; a "but" between two stances alike
/// splits the sentence but relates nothing. Sentences written for this
/// test.
#[test]
fn a_connective_inside_a_sentence_relates_its_two_claims() {
    let dir = temp_dir();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "Jane Roe (Upton) (Lab)\n\n\
         The fare cap is welcome, but the subsidy cuts are a disgrace.\n\n\
         We support franchising because the fare cap works.\n\n\
         We support franchising, but we also support the fare cap.\n",
    )
    .unwrap();
    let codebook = dir.path().join("codebook.toml");
    std::fs::write(
        &codebook,
        "[[concept]]\nname = \"fare cap\"\n\n[[concept]]\nname = \"subsidy cuts\"\n\n\
         [[concept]]\nname = \"franchising\"\n",
    )
    .unwrap();
    let graph = build(vec![corpus], Some(codebook));
    let label = |i| graph.node(i).label.clone();
    let mut links: Vec<(String, &str, String)> = graph
        .edges()
        .filter(|&(s, t, _)| {
            graph.node(s).kind == NodeKind::Claim && graph.node(t).kind == NodeKind::Claim
        })
        .map(|(s, t, e)| (label(s), e.relation.as_str(), label(t)))
        .collect();
    links.sort();
    assert_eq!(
        links,
        [
            (
                "The fare cap works".to_owned(),
                "supports",
                "We support franchising".to_owned()
            ),
            (
                "The subsidy cuts are a disgrace".to_owned(),
                "critiques",
                "The fare cap is welcome".to_owned()
            ),
        ],
        "{links:#?}"
    );
}

//! Unit tests of the view filters on a small graph with every kind and
//! relation.

use super::*;
use crate::model::{Node, NodeKind, Relation};

/// d mentions a, b, c; a supports c; b critiques c; c co-occurs with e;
/// p (person) affiliated with a; f is isolated.
fn sample() -> ArgGraph {
    let mut graph = ArgGraph::new("g");
    let d = graph.add_node(Node::new(NodeKind::Document, "d"));
    let a = graph.add_node(Node::new(NodeKind::Actor, "a"));
    let b = graph.add_node(Node::new(NodeKind::Actor, "b"));
    let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
    let e = graph.add_node(Node::new(NodeKind::Concept, "e"));
    let p = graph.add_node(Node::new(NodeKind::Actor, "p"));
    graph.add_node(Node::new(NodeKind::Concept, "f"));
    for target in [a, b, c] {
        graph.add_occurrence(d, target, Relation::Mentions, None);
    }
    graph.add_edge(a, c, Relation::Supports, 3.0, Vec::new());
    graph.add_occurrence(b, c, Relation::Critiques, None);
    graph.add_occurrence(c, e, Relation::CoOccurs, None);
    graph.add_occurrence(p, a, Relation::AffiliatedWith, None);
    graph
}

fn labels(graph: &ArgGraph) -> Vec<String> {
    graph.nodes().map(|(_, n)| n.label.clone()).collect()
}

#[test]
fn filters_table() {
    let concepts_actors = [NodeKind::Actor, NodeKind::Concept];
    let stance = [Relation::Supports, Relation::Critiques];
    let rows: Vec<(ViewConfig, &[&str], usize)> = vec![
        (
            ViewConfig::default(),
            &["d", "a", "b", "c", "e", "p", "f"],
            7,
        ),
        (
            ViewConfig::default().with_kinds(concepts_actors),
            &["a", "b", "c", "e", "p", "f"],
            4,
        ),
        (
            ViewConfig::default()
                .with_relations(stance)
                .with_drop_isolates(true),
            &["a", "b", "c"],
            2,
        ),
        (
            ViewConfig::default()
                .with_min_weight(2.0)
                .with_drop_isolates(true),
            &["a", "c"],
            1,
        ),
        (ViewConfig::default().with_ego("e", 1), &["c", "e"], 1),
        // Two hops walk through concepts and actors, not the document…
        (
            ViewConfig::default().with_ego("e", 2),
            &["a", "b", "c", "e"],
            3,
        ),
        // …unless documents are asked for, or the centre is one.
        (
            ViewConfig::default()
                .with_kinds([NodeKind::Document, NodeKind::Actor, NodeKind::Concept])
                .with_ego("e", 2),
            &["d", "a", "b", "c", "e"],
            6,
        ),
        (
            ViewConfig::default().with_ego("document:d", 1),
            &["d", "a", "b", "c"],
            5,
        ),
        (
            ViewConfig::default()
                .with_kinds(concepts_actors)
                .with_ego("concept:e", 2),
            &["a", "b", "c", "e"],
            3,
        ),
        (
            // Documents take no slot unless asked for: c (4) and a (3).
            ViewConfig::default().with_top(2, Measure::parse("degree").unwrap()),
            &["a", "c"],
            1,
        ),
        (
            // Asked for, d and a tie on degree 3 behind c: the smaller id wins.
            ViewConfig::default()
                .with_kinds([NodeKind::Document, NodeKind::Actor, NodeKind::Concept])
                .with_top(2, Measure::parse("degree").unwrap()),
            &["a", "c"],
            1,
        ),
        (
            ViewConfig::default()
                .with_kinds([NodeKind::Document, NodeKind::Actor, NodeKind::Concept])
                .with_top(3, Measure::parse("degree").unwrap()),
            &["d", "a", "c"],
            3,
        ),
        (
            // Degree counted on the view: without documents, c then a.
            ViewConfig::default()
                .with_kinds(concepts_actors)
                .with_top(2, Measure::parse("weighted_degree").unwrap()),
            &["a", "c"],
            1,
        ),
        (
            ViewConfig::default()
                .with_ego("e", 1)
                .with_top(1, Measure::parse("degree").unwrap()),
            &["e"],
            0,
        ),
        (
            ViewConfig::default()
                .with_kinds(concepts_actors)
                .with_relations(stance)
                .with_largest_component(true),
            &["a", "b", "c"],
            2,
        ),
        (
            ViewConfig::default().with_drop_isolates(true),
            &["d", "a", "b", "c", "e", "p"],
            7,
        ),
    ];
    for (config, want_nodes, want_edges) in rows {
        let view = apply(&sample(), &config).unwrap();
        assert_eq!(labels(&view), want_nodes, "{config:?}");
        assert_eq!(view.edge_count(), want_edges, "{config:?}");
    }
}

#[test]
fn errors_table() {
    let rows: Vec<(ViewConfig, &str)> = vec![
        (
            ViewConfig::default().with_ego("nobody", 1),
            "--ego = \"nobody\": no node",
        ),
        (
            ViewConfig::default()
                .with_kinds([NodeKind::Actor])
                .with_ego("c", 1),
            "this node is a concept, which --kinds leaves out",
        ),
        (ViewConfig::default().with_ego("c", 0), "--radius = \"0\""),
        (
            ViewConfig::default().with_top(0, Measure::Mentions),
            "--top = \"0\"",
        ),
        (
            ViewConfig::default().with_min_weight(f64::NAN),
            "--min-weight",
        ),
        (
            ViewConfig::default().with_top(3, Measure::parse("pagerank").unwrap()),
            "argnet analyse",
        ),
        (
            ViewConfig::default().with_kinds([NodeKind::Claim]),
            "the filters leave none of the 7 nodes",
        ),
    ];
    for (config, want) in rows {
        let err = apply(&sample(), &config).unwrap_err().to_string();
        assert!(err.contains(want), "{err} (want {want})");
    }
}

#[test]
fn ambiguous_ego_lists_the_ids() {
    let mut graph = sample();
    graph.add_node(Node::new(NodeKind::Concept, "a"));
    let err = apply(&graph, &ViewConfig::default().with_ego("a", 1))
        .unwrap_err()
        .to_string();
    assert!(err.contains("2 nodes have this name"), "{err}");
    assert!(err.contains("actor:a, concept:a"), "{err}");
}

#[test]
fn scorer_is_called_on_the_view_so_far() {
    let seen = std::cell::Cell::new(0);
    let scorer = |graph: &ArgGraph, _: &Measure| {
        seen.set(graph.node_count());
        Ok(vec![1.0; graph.node_count()])
    };
    let config = ViewConfig::default()
        .with_kinds([NodeKind::Concept])
        .with_top(1, Measure::Attribute("anything".into()));
    let view = apply_with(&sample(), &config, &scorer).unwrap();
    assert_eq!(seen.get(), 3);
    // Equal scores: ties go to the smallest id.
    assert_eq!(labels(&view), ["c"]);
}

#[test]
fn keeps_everything_is_the_identity() {
    assert!(ViewConfig::default().keeps_everything());
    let graph = sample();
    let view = apply(&graph, &ViewConfig::default()).unwrap();
    let nodes = |g: &ArgGraph| g.nodes().map(|(_, n)| n.clone()).collect::<Vec<_>>();
    let edges = |g: &ArgGraph| {
        g.edges()
            .map(|(s, t, e)| (s, t, e.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(nodes(&view), nodes(&graph));
    assert_eq!(edges(&view), edges(&graph));
    assert_eq!(view.documents, graph.documents);
}

/// a and b assert claim x (supports c); a asserts y (critiques e), which
/// attacks x; only b asserts z (supports c, low confidence); a also
/// supports c directly.
fn with_claims() -> ArgGraph {
    let evidence = |confidence: f64| crate::model::Evidence {
        document: "d.txt".into(),
        span: 0..1,
        text: "s".into(),
        confidence,
        basis: None,
    };
    let mut graph = ArgGraph::new("g");
    let a = graph.add_node(Node::new(NodeKind::Actor, "a"));
    let b = graph.add_node(Node::new(NodeKind::Actor, "b"));
    let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
    let e = graph.add_node(Node::new(NodeKind::Concept, "e"));
    let x = graph.add_node(Node::new(NodeKind::Claim, "x"));
    let y = graph.add_node(Node::new(NodeKind::Claim, "y"));
    let z = graph.add_node(Node::new(NodeKind::Claim, "z"));
    graph.add_occurrence(a, x, Relation::Asserts, Some(evidence(1.0)));
    graph.add_occurrence(b, x, Relation::Asserts, Some(evidence(1.0)));
    graph.add_occurrence(a, y, Relation::Asserts, Some(evidence(1.0)));
    graph.add_occurrence(b, z, Relation::Asserts, Some(evidence(1.0)));
    graph.add_occurrence(x, c, Relation::Supports, Some(evidence(0.8)));
    graph.add_occurrence(y, e, Relation::Critiques, Some(evidence(0.9)));
    graph.add_occurrence(y, x, Relation::Critiques, Some(evidence(0.7)));
    graph.add_occurrence(z, c, Relation::Supports, Some(evidence(0.3)));
    graph.add_occurrence(a, c, Relation::Supports, Some(evidence(0.8)));
    graph
}

#[test]
fn claim_view_keeps_the_most_asserted_claims_and_only_their_edges() {
    let graph = with_claims();
    let edges = |view: &ArgGraph| -> Vec<String> {
        view.edges()
            .map(|(s, t, e)| {
                format!(
                    "{} {} {}",
                    view.node(s).label,
                    e.relation.as_str(),
                    view.node(t).label
                )
            })
            .collect()
    };
    // One claim: x, asserted by two actors; what it bears on and its voices;
    // not the actor's own stance edge, not y's attack (y is left out).
    let one = apply(&graph, &ViewConfig::default().with_claims(1)).unwrap();
    assert_eq!(labels(&one), ["a", "b", "c", "x"]);
    assert_eq!(edges(&one), ["a asserts x", "b asserts x", "x supports c"]);
    // Two claims: then y (surer than z), and the attack between them.
    let two = apply(&graph, &ViewConfig::default().with_claims(2)).unwrap();
    assert_eq!(labels(&two), ["a", "b", "c", "e", "x", "y"]);
    assert!(edges(&two).contains(&"y critiques x".to_owned()));
    // Around concept e, one hop: y, and its voice a two hops away.
    let ego = apply(
        &graph,
        &ViewConfig::default().with_ego("e", 1).with_claims(5),
    )
    .unwrap();
    assert_eq!(labels(&ego), ["a", "e", "y"]);
    // A confidence floor drops z's edge, so z bears on nothing kept.
    let sure = apply(
        &graph,
        &ViewConfig::default()
            .with_min_confidence(0.5)
            .with_claims(3),
    )
    .unwrap();
    assert!(!edges(&sure).contains(&"z supports c".to_owned()));
    // A graph without claims: a one-line error.
    let error = apply(&sample(), &ViewConfig::default().with_claims(3)).unwrap_err();
    assert!(error.to_string().contains("no claims"), "{error}");
}

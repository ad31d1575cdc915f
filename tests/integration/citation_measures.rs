//! Analysis stage, citation networks: PageRank (solved component by
//! component on directed graphs), HITS and directed betweenness against
//! NetworkX on small citation-like graphs with cycles, dangling works and
//! self-citations (tests/fixtures/analysis/citation.json, written by
//! tools/networkx_citation_reference.py).

use std::fs;

use argnet::analysis::{BetweennessConfig, CompactGraph, RankConfig, betweenness, hits, pagerank};
use serde_json::Value;

use crate::common::fixture;

const TOLERANCE: f64 = 1e-6;

fn cases() -> Vec<(String, Value)> {
    let path = fixture("analysis").join("citation.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).expect("fixture is JSON");
    let cases = value["cases"].as_object().expect("cases").clone();
    assert_eq!(cases.len(), 4, "all four cases are in the fixture");
    cases.into_iter().collect()
}

fn floats(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect()
}

fn graph(case: &Value) -> CompactGraph {
    let n = case["nodes"].as_array().unwrap().len();
    let edges: Vec<(u32, u32, f64)> = case["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let e = floats(e);
            (e[0] as u32, e[1] as u32, e[2])
        })
        .collect();
    CompactGraph::from_edges(n, true, &edges).unwrap()
}

fn assert_close(what: &str, ours: &[f64], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len(), "{what}: lengths differ");
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(
            (a - b).abs() <= TOLERANCE,
            "{what}: node {i}: argnet {a}, NetworkX {b}"
        );
    }
}

const TIGHT: RankConfig = RankConfig {
    damping: 0.85,
    tolerance: 1e-13,
    max_iterations: 100_000,
    weighted: true,
    parallel_threshold: 20_000,
};

#[test]
fn pagerank_by_components_matches_networkx() {
    for (name, case) in cases() {
        let g = graph(&case);
        let want = floats(&case["measures"]["pagerank"]);
        let rank = pagerank(&g, &TIGHT);
        assert!(rank.converged, "{name}");
        assert_close(&format!("{name}: pagerank"), &rank.scores, &want);
        // With the parallel threshold at 0, a graph that is mostly one
        // strongly connected component goes to (parallel) power iteration;
        // either way the fixed point is NetworkX's.
        let power = RankConfig {
            parallel_threshold: 0,
            ..TIGHT
        };
        assert_close(
            &format!("{name}: pagerank, parallel threshold 0"),
            &pagerank(&g, &power).scores,
            &want,
        );
    }
}

#[test]
fn hits_matches_networkx() {
    for (name, case) in cases() {
        let m = &case["measures"];
        assert!(m.get("hub").is_some(), "{name}: HITS is well defined here");
        let h = hits(&graph(&case), &TIGHT);
        assert!(h.converged, "{name}");
        assert_close(&format!("{name}: hubs"), &h.hubs, &floats(&m["hub"]));
        assert_close(
            &format!("{name}: authorities"),
            &h.authorities,
            &floats(&m["authority"]),
        );
    }
}

#[test]
fn directed_betweenness_matches_networkx() {
    let mut checked = 0;
    for (name, case) in cases() {
        let m = &case["measures"];
        if m.get("betweenness").is_none() {
            continue; // weighted case: only ranks
        }
        let g = graph(&case);
        for (normalized, key) in [(true, "betweenness"), (false, "betweenness_raw")] {
            for parallel_threshold in [0, usize::MAX] {
                let config = BetweennessConfig {
                    normalized,
                    parallel_threshold,
                    ..Default::default()
                };
                assert_close(
                    &format!("{name}: {key}"),
                    &betweenness(&g, &config),
                    &floats(&m[key]),
                );
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 3);
}

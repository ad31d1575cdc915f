//! A citation analysis from an edge list (SNAP format: "citing cited" per
//! line, gzip or plain): the most cited works, PageRank, and the main path.
//!
//! ```sh
//! cargo run --release --example citation_analysis -- ../shared/data/cit-HepTh.txt.gz
//! ```

use std::path::PathBuf;

use argnet::analysis::{CompactGraph, MainPathConfig, RankConfig, degrees, main_paths, pagerank};
use argnet::corpus::citations::{ImportConfig, read_citations};
use argnet::progress::Silent;

fn main() -> anyhow::Result<()> {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "tests/fixtures/citations/works.jsonl".into()),
    );
    let citations = read_citations(&path, &ImportConfig::default(), &Silent)?;
    let graph = CompactGraph::from_pairs(citations.node_count(), true, &citations.edges)?;
    println!(
        "{}: {} works, {} citations",
        citations.name,
        citations.node_count(),
        citations.edge_count()
    );

    // Most cited: in-degree (edges point citing → cited).
    let cited = degrees(&graph).in_degree;
    let mut order: Vec<usize> = (0..graph.node_count()).collect();
    order.sort_by(|&a, &b| cited[b].total_cmp(&cited[a]));
    println!("Most cited:");
    for &i in order.iter().take(5) {
        println!("  {:>6}  {}", cited[i], citations.label(i));
    }

    // PageRank: cited by works that are themselves cited.
    let ranking = pagerank(&graph, &RankConfig::default());
    let best = (0..graph.node_count())
        .max_by(|&a, &b| ranking.scores[a].total_cmp(&ranking.scores[b]))
        .unwrap_or(0);
    println!("Highest PageRank: {}", citations.label(best));

    // The global main path (search path count, Hummon and Doreian).
    let paths = main_paths(&graph, &MainPathConfig::default())?;
    let labels: Vec<String> = paths
        .global
        .iter()
        .map(|&i| citations.label(i as usize))
        .collect();
    let shown = labels.len().min(8);
    let more = if labels.len() > shown { " → …" } else { "" };
    println!(
        "Main path ({} works): {}{more}",
        labels.len(),
        labels[..shown].join(" → ")
    );
    Ok(())
}

//! From texts to a diagram in one page of code: read a folder of texts with
//! its codebook, extract who supports and critiques what, rank the
//! concepts, find the coalitions, and write the stance network as DOT.
//!
//! ```sh
//! cargo run --example texts_to_diagram -- seeds stance.dot
//! dot -Kneato -Tsvg stance.dot -o stance.svg
//! ```

use std::path::{Path, PathBuf};

use argnet::analysis::{
    Layer, LouvainConfig, Normalisation, ProjectionConfig, RankConfig, coalitions, pagerank,
    project,
};
use argnet::corpus::{self, CorpusConfig};
use argnet::extract::{self, Codebook, ExtractConfig};
use argnet::model::{self, NodeKind, Relation};
use argnet::view::{self, ViewConfig};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().unwrap_or_else(|| "seeds".into()));
    let output = PathBuf::from(args.next().unwrap_or_else(|| "stance.dot".into()));

    // 1. Texts and codebook in, statements out.
    let codebook_path = folder.join("codebook.toml");
    let codebook = Codebook::parse(&std::fs::read_to_string(&codebook_path)?, &codebook_path)?;
    let texts = corpus::load(&CorpusConfig {
        inputs: vec![folder.clone()],
        manifest: None,
        max_document: None,
    })?;
    let extraction = extract::extract(&texts, &codebook, &ExtractConfig::default());
    let graph = model::build_graph("debate", &texts, &extraction);
    println!(
        "{} documents → {} nodes, {} edges",
        texts.documents.len(),
        graph.node_count(),
        graph.edge_count()
    );

    // 2. Which concepts does the argument turn on? PageRank on the stance layer.
    let stance = project(
        &graph,
        &ProjectionConfig {
            layer: Layer::stance(),
            directed: true,
            ..ProjectionConfig::default()
        },
    );
    let ranking = pagerank(&stance.graph, &RankConfig::default());
    let mut concepts: Vec<(f64, &str)> = stance
        .nodes
        .iter()
        .zip(&ranking.scores)
        .filter(|(node, _)| graph.node(**node).kind == NodeKind::Concept)
        .map(|(node, score)| (*score, graph.node(*node).label.as_str()))
        .collect();
    concepts.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (score, label) in concepts.iter().take(5) {
        println!("  {score:.3}  {label}");
    }

    // 3. Who argues alike? Communities of the actor congruence network (DNA).
    let found = coalitions(
        &graph,
        Normalisation::AverageActivity,
        &LouvainConfig::default(),
    );
    println!(
        "{} coalitions among {} actors (modularity {:.2})",
        found.communities.partition.count,
        found.network.nodes.len(),
        found.communities.modularity
    );

    // 4. A slide-sized view, written as DOT (render it with Graphviz).
    let view = view::apply(
        &graph,
        &ViewConfig::default()
            .with_kinds([NodeKind::Actor, NodeKind::Concept])
            .with_relations([Relation::Supports, Relation::Critiques])
            .with_drop_isolates(true),
    )?;
    std::fs::write(&output, argnet::export::graph_to_dot(&view))?;
    println!("Wrote {}", display(&output));
    Ok(())
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

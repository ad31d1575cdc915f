//! Read a graph that `argnet build` saved, keep one concept's neighbourhood,
//! print who supports and who critiques it with the sentence behind each
//! stance, and save the part as GraphML for Gephi.
//!
//! ```sh
//! cargo run --example filter_graph -- graphs/seeds.json "Big Society" big-society.graphml
//! ```

use std::path::{Path, PathBuf};

use argnet::model::{NodeKind, Relation};
use argnet::view::{self, ViewConfig};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let input = PathBuf::from(args.next().unwrap_or_else(|| "graphs/seeds.json".into()));
    let concept = args.next().unwrap_or_else(|| "Big Society".into());
    let output = PathBuf::from(args.next().unwrap_or_else(|| "part.graphml".into()));

    let graph = argnet::export::read_graph(&input)?;
    // A label, alias or id; a typo gets the closest names of this graph.
    let centre = graph.resolve("concept", &concept)?;
    println!("{}:", graph.node(centre).label);
    for (source, target, edge) in graph.edges() {
        if target != centre || !edge.relation.is_stance() {
            continue;
        }
        let verb = if edge.relation == Relation::Supports {
            "supports"
        } else {
            "critiques"
        };
        let sentence = edge.evidence.first().map_or("", |e| e.text.as_str());
        println!("  {} {verb}: {sentence}", graph.node(source).label);
    }

    let part = view::apply(
        &graph,
        &ViewConfig::default()
            .with_kinds([NodeKind::Actor, NodeKind::Concept])
            .with_ego(concept, 1),
    )?;
    write(&output, argnet::export::graph_to_graphml(&part))?;
    println!(
        "Wrote {} ({} nodes, {} edges)",
        output.display(),
        part.node_count(),
        part.edge_count()
    );
    Ok(())
}

fn write(path: &Path, text: String) -> anyhow::Result<()> {
    argnet::export::write_file(path, text.as_bytes())?;
    Ok(())
}

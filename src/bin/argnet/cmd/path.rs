//! `argnet path`: how two nodes connect — the shortest paths between them,
//! each hop printed with its relation and the sentence behind it.

use std::io::Write;
use std::path::PathBuf;

use argnet::analysis::{EdgeLength, Layer, ProjectionConfig, hop_edges, k_shortest_paths, project};
use argnet::export::read_graph;
use argnet::model::ArgGraph;
use clap::Args;

use super::Outcome;

/// Show how two ideas (or actors, or documents) connect.
///
/// Finds the shortest paths from FROM to TO in a graph written by `argnet
/// build` and prints every hop with its relation and the sentence that
/// justifies it. FROM and TO are names, aliases seen in the texts, or node
/// ids (`concept:big-society`); case does not matter.
///
/// Exit codes: 0 paths found; 1 no path between the two; 2 error (a name
/// that matches no node or several, a file that is not a graph).
///
/// Examples:
///
///   argnet path graphs/seeds.json personalisation "Work Programme"
///   argnet path graphs/seeds.json "Big Society" "Total Place" -k 3 --layer co-occurrence
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct PathArgs {
    /// Graph file (JSON written by `argnet build`).
    #[arg(value_name = "GRAPH")]
    graph: PathBuf,

    /// Where the path starts: a name, alias or node id.
    #[arg(value_name = "FROM")]
    from: String,

    /// Where the path ends: a name, alias or node id.
    #[arg(value_name = "TO")]
    to: String,

    /// How many paths: the k shortest, without loops.
    #[arg(short, long, value_name = "K", default_value_t = 1)]
    k: usize,

    /// Relations a path may use: all, stance, co-occurrence, citation, or
    /// a list such as supports,critiques,co_occurs.
    #[arg(long, value_name = "LAYER", default_value = "all")]
    layer: String,

    /// Follow edge directions (default: ties can be crossed both ways).
    #[arg(long)]
    directed: bool,

    /// Edge lengths: hops, or inverse-weight (ties seen often are short).
    #[arg(long, value_name = "LENGTH", default_value = "hops")]
    length: String,

    /// Print every sentence behind each hop, not only the first.
    #[arg(long)]
    all_evidence: bool,
}

pub fn run(args: PathArgs) -> anyhow::Result<Outcome> {
    if args.k == 0 {
        return Err(argnet::Error::InvalidValue {
            name: "-k",
            value: "0".into(),
            message: "ask for at least 1 path".into(),
        }
        .into());
    }
    let layer = Layer::parse(&args.layer)?;
    let length = EdgeLength::parse(&args.length)?;
    let graph = read_graph(&args.graph)?;
    let from = graph.resolve("FROM", &args.from)?;
    let to = graph.resolve("TO", &args.to)?;
    let config = ProjectionConfig {
        layer,
        directed: args.directed,
        unweighted: false,
        keep_isolates: true,
    };
    let projection = project(&graph, &config);
    let (source, target) = (
        projection.compact_index(from).expect("isolates are kept"),
        projection.compact_index(to).expect("isolates are kept"),
    );
    let paths = k_shortest_paths(&projection.graph, source, target, args.k, length);
    let mut out = argnet::terminal::stdout();
    let (from_label, to_label) = (&graph.node(from).label, &graph.node(to).label);
    if paths.is_empty() {
        writeln!(
            out,
            "No path from {from_label} to {to_label} in layer {layer}{}.",
            if args.directed {
                " following edge directions"
            } else {
                ""
            }
        )?;
        return Ok(Outcome::Partial);
    }
    let count = if paths.len() == 1 {
        "1 path".to_owned()
    } else {
        format!("{} paths", paths.len())
    };
    writeln!(
        out,
        "{from_label} → {to_label}: {count} (layer {layer}, lengths in {})",
        length.as_str()
    )?;
    for (number, path) in paths.iter().enumerate() {
        let nodes: Vec<_> = path
            .nodes
            .iter()
            .map(|&i| projection.nodes[i as usize])
            .collect();
        let hops = nodes.len() - 1;
        let size = if length == EdgeLength::Hops {
            format!("{hops} hop{}", if hops == 1 { "" } else { "s" })
        } else {
            format!("{hops} hops, length {:.4}", path.length)
        };
        writeln!(out, "\nPath {} ({size})", number + 1)?;
        for pair in nodes.windows(2) {
            print_hop(&mut out, &graph, &layer, pair[0], pair[1], &args)?;
        }
    }
    Ok(Outcome::Done)
}

fn print_hop(
    out: &mut impl Write,
    graph: &ArgGraph,
    layer: &Layer,
    from: petgraph::graph::NodeIndex,
    to: petgraph::graph::NodeIndex,
    args: &PathArgs,
) -> std::io::Result<()> {
    let edges = hop_edges(graph, layer, from, to, args.directed);
    let (a, b) = (graph.node(from), graph.node(to));
    let Some(strongest) = edges.first() else {
        return writeln!(out, "  {} ── {}", a.label, b.label);
    };
    let arrow = if strongest.relation.is_undirected() {
        format!("── {} ──", strongest.relation.as_str())
    } else if strongest.forward {
        format!("── {} ─►", strongest.relation.as_str())
    } else {
        format!("◄─ {} ──", strongest.relation.as_str())
    };
    let also: Vec<&str> = edges[1..].iter().map(|h| h.relation.as_str()).collect();
    let also = if also.is_empty() {
        String::new()
    } else {
        format!("  (also {})", also.join(", "))
    };
    writeln!(
        out,
        "  {} ({})  {arrow}  {} ({}){also}",
        a.label,
        a.kind.as_str(),
        b.label,
        b.kind.as_str()
    )?;
    let evidence = &strongest.edge.evidence;
    let shown = if args.all_evidence {
        evidence.len()
    } else {
        evidence.len().min(1)
    };
    for item in &evidence[..shown] {
        let text = item.text.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "      \"{text}\"")?;
        writeln!(
            out,
            "      — {}, bytes {}–{}",
            item.document, item.span.start, item.span.end
        )?;
    }
    if evidence.len() > shown {
        let rest = evidence.len() - shown;
        writeln!(
            out,
            "      (and {rest} more sentence{}; --all-evidence shows them)",
            if rest == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}

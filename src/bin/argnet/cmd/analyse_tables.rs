//! `argnet analyse`: the human-readable report — one ranked table per
//! measure, then communities, coalitions and bridges, each explained in a
//! line of plain words.

use std::io::{self, Write};

use argnet::analysis::{Analysis, AnalysisConfig, CommunityMethod, EdgeLength};
use argnet::model::{ArgGraph, NodeKind};
use petgraph::graph::NodeIndex;

/// Table titles: attribute name, heading, what it means.
const TABLES: [(&str, &str, &str); 13] = [
    ("degree", "Degree", "number of ties"),
    (
        "weighted_degree",
        "Weighted degree",
        "ties counted as often as they were seen",
    ),
    ("in_degree", "In-degree", "ties pointing at the node"),
    ("out_degree", "Out-degree", "ties leaving the node"),
    (
        "betweenness",
        "Betweenness",
        "share of shortest paths between others that pass through the node",
    ),
    (
        "closeness",
        "Closeness",
        "1 / average distance from the nodes that reach it",
    ),
    (
        "harmonic",
        "Harmonic closeness",
        "sum of 1 / distance from every other node",
    ),
    (
        "eigenvector",
        "Eigenvector",
        "central when tied to central nodes",
    ),
    (
        "pagerank",
        "PageRank",
        "how often a random walk along the ties arrives here",
    ),
    ("authority", "Authority (HITS)", "pointed to by good hubs"),
    ("hub", "Hub (HITS)", "points to good authorities"),
    (
        "core_number",
        "k-core",
        "the densest shell the node belongs to",
    ),
    (
        "constraint",
        "Constraint (Burt), lowest first",
        "low: a broker whose contacts are not tied to each other",
    ),
];

pub fn print(
    out: &mut impl Write,
    graph: &ArgGraph,
    result: &Analysis,
    config: &AnalysisConfig,
    kinds: &[NodeKind],
    top: usize,
) -> io::Result<()> {
    let projection = &result.projection;
    let view = if config.projection.directed {
        "directed"
    } else {
        "undirected"
    };
    let weights = if config.projection.unweighted {
        "unweighted"
    } else {
        "weighted by count"
    };
    let lengths = match config.length {
        EdgeLength::Hops => "distances in hops",
        EdgeLength::InverseWeight => "distances 1/weight",
        EdgeLength::Weight => "distances = weight",
    };
    writeln!(
        out,
        "Graph {}: {} nodes, {} edges; layer {} ({view}, {weights}, {lengths}): {} nodes, {} edges",
        graph.name,
        graph.node_count(),
        graph.edge_count(),
        config.projection.layer,
        projection.graph.node_count(),
        projection.graph.edge_count(),
    )?;
    if projection.graph.node_count() == 0 {
        writeln!(out, "No edges in this layer; try --layer all.")?;
        return Ok(());
    }
    let directed = config.projection.directed;
    for (key, heading, meaning) in TABLES {
        let directional = matches!(key, "in_degree" | "out_degree" | "hub" | "authority");
        if directional && !directed {
            continue;
        }
        let rows = result.ranking(graph, key, kinds, top);
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "\n{heading}: {meaning}")?;
        table(out, graph, &rows)?;
    }
    if matches!(result.eigenvector, Some(None)) {
        writeln!(
            out,
            "\nEigenvector: the power iteration did not converge on this layer (try without --directed)"
        )?;
    }
    if let Some(found) = &result.communities {
        let method = match config.method {
            CommunityMethod::Louvain => format!("Louvain, resolution {}", config.resolution),
            CommunityMethod::Leiden => format!("Leiden, resolution {}", config.resolution),
            CommunityMethod::LabelPropagation => "label propagation".to_owned(),
        };
        writeln!(
            out,
            "\nCommunities ({method}, seed {}): {}, modularity {}",
            config.seed,
            found.partition.count,
            format_value(found.modularity)
        )?;
        groups(
            out,
            graph,
            &found.partition.members(),
            &projection.nodes,
            result,
            kinds,
            top,
        )?;
    }
    if let Some(found) = &result.coalitions {
        if found.network.nodes.is_empty() {
            writeln!(
                out,
                "\nCoalitions: none; they need supports/critiques edges from actors to concepts, and this graph has none"
            )?;
        } else {
            writeln!(
                out,
                "\nCoalitions (actors taking the same stance on the same concepts; normalisation {}): {}, modularity {}",
                config.normalisation,
                found.communities.partition.count,
                format_value(found.communities.modularity)
            )?;
            groups(
                out,
                graph,
                &found.communities.partition.members(),
                &found.network.nodes,
                result,
                &[],
                top,
            )?;
        }
    }
    if result.participation.is_some() {
        let rows: Vec<(NodeIndex, f64)> = result
            .ranking(graph, "participation", kinds, top)
            .into_iter()
            .filter(|&(_, v)| v > 0.0)
            .collect();
        if !rows.is_empty() {
            writeln!(
                out,
                "\nBridges: ties spread over several communities (participation coefficient, 0 to 1)"
            )?;
            table(out, graph, &rows)?;
        }
    }
    Ok(())
}

fn table(out: &mut impl Write, graph: &ArgGraph, rows: &[(NodeIndex, f64)]) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|(n, _)| graph.node(*n).label.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    for (rank, (node, value)) in rows.iter().enumerate() {
        let node = graph.node(*node);
        let label: String = node.label.chars().take(48).collect();
        writeln!(
            out,
            "  {:>2}. {label:<width$}  {:<8}  {}",
            rank + 1,
            node.kind.as_str(),
            format_value(*value)
        )?;
    }
    Ok(())
}

/// Members of each group, the most connected first, at most `top` shown.
fn groups(
    out: &mut impl Write,
    graph: &ArgGraph,
    members: &[Vec<u32>],
    nodes: &[NodeIndex],
    result: &Analysis,
    kinds: &[NodeKind],
    top: usize,
) -> io::Result<()> {
    for (number, group) in members.iter().enumerate() {
        let mut shown: Vec<NodeIndex> = group
            .iter()
            .map(|&i| nodes[i as usize])
            .filter(|&n| kinds.is_empty() || kinds.contains(&graph.node(n).kind))
            .collect();
        if shown.is_empty() {
            continue;
        }
        let total = shown.len();
        shown.sort_by(|a, b| {
            let degree = |n: &NodeIndex| result.value("weighted_degree", *n).unwrap_or(0.0);
            degree(b).total_cmp(&degree(a)).then_with(|| a.cmp(b))
        });
        let names: Vec<&str> = shown
            .iter()
            .take(top)
            .map(|&n| graph.node(n).label.as_str())
            .collect();
        let more = if total > names.len() {
            format!(", … ({} more)", total - names.len())
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {number:>2} ({total} nodes): {}{more}",
            names.join(", ")
        )?;
    }
    Ok(())
}

/// Integers as integers; other values with 4 significant digits.
fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 1e-3 {
        let digits = (3 - value.abs().log10().floor() as i32).max(0) as usize;
        format!("{value:.digits$}")
    } else {
        format!("{value:.3e}")
    }
}

//! Export stage: the graph as GML (Graph Modelling Language), which
//! igraph (`read_graph(format = "gml")`), NetworkX (`read_gml`),
//! Cytoscape desktop and yEd open. A directed multigraph (`multigraph 1`,
//! so that NetworkX keeps edges of different relations between the same
//! two nodes); nodes numbered from 0 in node order, each with its `key`
//! (argnet's id), `label` and the node columns of `table.rs`; edges with
//! `relation`, `weight` and the edge columns. Strings are ASCII with
//! HTML character references, as GML asks and NetworkX writes: `"` is
//! `&quot;`, `&` is `&amp;`, a line break `&#10;`, anything beyond ASCII
//! `&#N;`. Attribute names are letters, digits and `_`, starting with a
//! letter. Labels need not be unique: read it in NetworkX with
//! `nx.read_gml(path, label="key")`. igraph decodes only the named
//! references (`&quot;`, `&amp;`, …) and leaves `&#N;` as written, so text
//! beyond ASCII reads back exactly in NetworkX, and in igraph through
//! GraphML.

use super::style::number;
use super::table::{self, Table, Value};
use crate::model::ArgGraph;

/// The graph as GML text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "Café \"Ltd\""));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let gml = argnet::export::graph_to_gml(&graph);
/// assert!(gml.starts_with("graph [\n  directed 1\n  multigraph 1\n"));
/// assert!(gml.contains("    label \"Caf&#233; &quot;Ltd&quot;\"\n"));
/// assert!(gml.contains("    source 0\n    target 1\n    relation \"supports\"\n"));
/// ```
pub fn graph_to_gml(graph: &ArgGraph) -> String {
    let nodes = table::node_table(graph);
    let edges = table::edge_table(graph);
    let mut out = String::from("graph [\n  directed 1\n  multigraph 1\n");
    out.push_str(&format!("  name {}\n", quoted(&graph.name)));
    let mut number_of = std::collections::HashMap::new();
    for (number, ((index, node), row)) in graph.nodes().zip(&nodes.rows).enumerate() {
        number_of.insert(index, number);
        out.push_str("  node [\n");
        out.push_str(&format!("    id {number}\n"));
        out.push_str(&format!("    key {}\n", quoted(&node.key)));
        write_row(&mut out, &nodes, row);
        out.push_str("  ]\n");
    }
    for ((source, target, _), row) in graph.edges().zip(&edges.rows) {
        out.push_str("  edge [\n");
        out.push_str(&format!("    source {}\n", number_of[&source]));
        out.push_str(&format!("    target {}\n", number_of[&target]));
        write_row(&mut out, &edges, row);
        out.push_str("  ]\n");
    }
    out.push_str("]\n");
    out
}

fn write_row(out: &mut String, table: &Table, row: &[Option<Value>]) {
    let mut used = vec![
        "id".to_owned(),
        "key".to_owned(),
        "source".to_owned(),
        "target".to_owned(),
    ];
    for (column, value) in table.columns.iter().zip(row) {
        let Some(value) = value else { continue };
        let mut name = key(&column.name);
        while used.contains(&name) {
            name.push('_');
        }
        used.push(name.clone());
        let text = match value {
            Value::Boolean(b) => i64::from(*b).to_string(),
            Value::Long(n) => n.to_string(),
            Value::Double(x) if x.is_finite() => number(*x),
            Value::Double(_) => quoted("NaN"),
            Value::Text(text) => quoted(text),
        };
        out.push_str(&format!("    {name} {text}\n"));
    }
}

/// A GML key: letters, digits and `_`, starting with a letter.
fn key(name: &str) -> String {
    let mut key: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        key.insert(0, 'a');
    }
    key
}

/// A GML string: in double quotes, ASCII, with character references.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("&#{};", u32::from(c))),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_strings_table() {
        let keys = [
            ("first_date", "first_date"),
            ("note\"x", "note_x"),
            ("2nd", "a2nd"),
            ("", "a"),
        ];
        for (name, want) in keys {
            assert_eq!(key(name), want, "{name:?}");
        }
        let strings = [
            ("plain", "\"plain\""),
            ("a\nb", "\"a&#10;b\""),
            ("<&>", "\"<&amp;>\""),
            ("𝄞", "\"&#119070;\""),
            ("\0", "\"&#0;\""),
        ];
        for (text, want) in strings {
            assert_eq!(quoted(text), want, "{text:?}");
        }
    }
}

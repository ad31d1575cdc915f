//! Export stage: the graph as a Pajek network (`.net`), which Pajek,
//! VOSviewer, UCINET, igraph (`Read_Pajek`) and NetworkX (`read_pajek`)
//! open. Vertices are numbered from 1 in node order, each with its label
//! in quotes; every edge is an arc under `*Arcs`, `co_occurs` stored once
//! as in the other formats (a `*Edges` section would make igraph read the
//! whole network as undirected). Each line is `from to weight l
//! "relation"` (`l` is Pajek's edge label). Pajek has no
//! escape inside quotes, so a `"` in a label becomes `'` and a line break a
//! space. Node ids, kinds and evidence stay in the other formats.

use std::collections::HashMap;

use super::style::number;
use crate::model::ArgGraph;

/// The graph as Pajek text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "Smith \"Jr\""));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// graph.add_occurrence(a, c, Relation::CoOccurs, None);
/// let net = argnet::export::graph_to_pajek(&graph);
/// assert!(net.starts_with("*Vertices 2\n1 \"Smith 'Jr'\"\n2 \"C\"\n"));
/// assert!(net.contains("*Arcs\n1 2 1.0 l \"supports\"\n"));
/// assert!(net.contains(" 1.0 l \"co_occurs\"\n") && !net.contains("*Edges"));
/// ```
pub fn graph_to_pajek(graph: &ArgGraph) -> String {
    let mut numbers = HashMap::new();
    let mut text = format!("*Vertices {}\n", graph.nodes().count());
    for (number, (index, node)) in graph.nodes().enumerate() {
        numbers.insert(index, number + 1);
        text.push_str(&format!("{} \"{}\"\n", number + 1, label(&node.label)));
    }
    text.push_str("*Arcs\n");
    for (source, target, edge) in graph.edges() {
        text.push_str(&format!(
            "{} {} {} l \"{}\"\n",
            numbers[&source],
            numbers[&target],
            number(edge.weight),
            edge.relation.as_str()
        ));
    }
    text
}

/// A label Pajek can hold between quotes.
fn label(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

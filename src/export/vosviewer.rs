//! Export stage: the graph as a VOSviewer JSON file, which VOSviewer and
//! VOSviewer Online open ("Create a map based on network data", or drop
//! the file on the online viewer). VOSviewer maps are undirected, one link
//! per pair: every edge between two nodes, of any relation and direction,
//! adds its weight to the pair's `strength`. Items are numbered from 1 in
//! node order, each with its `label`, a `cluster` (the stored community
//! plus one, when analysis stored communities; else one per node kind),
//! `weights` (`Links`, `Total link strength`, `Mentions`) and `scores`
//! (every numeric node attribute, such as `pagerank` or a work's `year`).
//! No `description`: VOSviewer renders that field as HTML, and text from
//! documents never becomes live markup. VOSviewer computes the layout.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::style;
use crate::model::{ArgGraph, NodeKind};

/// The graph as VOSviewer JSON text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// graph.add_occurrence(c, a, Relation::CoOccurs, None);
/// let json: serde_json::Value =
///     serde_json::from_str(&argnet::export::graph_to_vosviewer(&graph)).unwrap();
/// assert_eq!(json["network"]["items"][0]["label"], "A");
/// assert_eq!(json["network"]["links"][0]["strength"], 2.0);
/// ```
pub fn graph_to_vosviewer(graph: &ArgGraph) -> String {
    let mut number = BTreeMap::new();
    for (position, (index, _)) in graph.nodes().enumerate() {
        number.insert(index, position + 1);
    }
    let mut strength: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for (source, target, edge) in graph.edges() {
        let (a, b) = (number[&source], number[&target]);
        if a != b {
            *strength.entry((a.min(b), a.max(b))).or_default() += edge.weight;
        }
    }
    let mut links_of = vec![0u64; number.len() + 1];
    let mut total_of = vec![0.0; number.len() + 1];
    for (&(a, b), &s) in &strength {
        for end in [a, b] {
            links_of[end] += 1;
            total_of[end] += s;
        }
    }
    let by_community = graph.nodes().any(|(_, n)| style::community(n).is_some());
    let items: Vec<Value> = graph
        .nodes()
        .map(|(index, node)| {
            let id = number[&index];
            let cluster = if by_community {
                style::community(node).map_or(0, |c| c + 1)
            } else {
                NodeKind::ALL
                    .iter()
                    .position(|k| *k == node.kind)
                    .unwrap_or(0) as u64
                    + 1
            };
            let mut scores = Map::new();
            for (name, value) in &node.attributes {
                if name != "community" && value.is_number() {
                    scores.insert(name.clone(), value.clone());
                }
            }
            let mut item = json!({
                "id": id,
                "label": node.label,
                "cluster": cluster,
                "weights": {
                    "Links": links_of[id],
                    "Total link strength": total_of[id],
                    "Mentions": node.mentions,
                },
            });
            if !scores.is_empty() {
                item["scores"] = Value::Object(scores);
            }
            item
        })
        .collect();
    let links: Vec<Value> = strength
        .into_iter()
        .map(|((a, b), s)| json!({"source_id": a, "target_id": b, "strength": s}))
        .collect();
    let data = json!({"network": {"items": items, "links": links}});
    let mut text = serde_json::to_string_pretty(&data).expect("JSON values serialise");
    text.push('\n');
    text
}

//! Export stage: the graph as node-link JSON exactly as NetworkX's
//! `node_link_data` writes a `MultiDiGraph` (NetworkX ≥ 3.4 key names):
//! `{"directed", "multigraph", "graph", "nodes": [{…attributes, "id"}],
//! "edges": [{…attributes, "source", "target", "key"}]}`. The edge key is
//! the relation, which is unique per node pair. Read it back with
//! `nx.node_link_graph(data, edges="edges")` (the default from NetworkX 3.4
//! on; older versions say `"links"`). D3 users: rename `edges` to `links`.
//! It keeps the full evidence of every edge.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;
use serde_json::{Map, Value, json};

use super::table::Dates;
use crate::model::{ArgGraph, Edge, Node};

/// The graph as node-link JSON text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let data: serde_json::Value =
///     serde_json::from_str(&argnet::export::graph_to_node_link(&graph)).unwrap();
/// assert_eq!(data["multigraph"], true);
/// assert_eq!(data["nodes"][0]["id"], "actor:a");
/// assert_eq!(data["edges"][0]["key"], "supports");
/// ```
pub fn graph_to_node_link(graph: &ArgGraph) -> String {
    let dates = Dates::new(graph);
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|(_, node)| {
            let mut object = node_properties(node, &dates);
            object.insert("id".into(), node.key.clone().into());
            Value::Object(object)
        })
        .collect();
    let edges: Vec<Value> = networkx_edge_order(graph)
        .into_iter()
        .map(|(source, target, edge)| {
            let mut object = json!({
                "relation": edge.relation.as_str(),
                "weight": edge.weight,
                "evidence": edge.evidence,
                "source": graph.node(source).key,
                "target": graph.node(target).key,
                "key": edge.relation.as_str(),
            });
            if let Some((first, last)) = edge_dates(edge, &dates) {
                object["first_date"] = first.into();
                object["last_date"] = last.into();
            }
            object
        })
        .collect();
    let data = json!({
        "directed": true,
        "multigraph": true,
        "graph": {"name": graph.name},
        "nodes": nodes,
        "edges": edges,
    });
    let mut text = serde_json::to_string_pretty(&data).expect("JSON values serialise");
    text.push('\n');
    text
}

/// Edges in the order NetworkX lists a `MultiDiGraph` built from them:
/// grouped by source in node order, then by target in order of first
/// appearance, then in insertion order (so `node_link_data` of the graph
/// read back gives this file again).
fn networkx_edge_order(graph: &ArgGraph) -> Vec<(NodeIndex, NodeIndex, &Edge)> {
    let mut first_seen: HashMap<(NodeIndex, NodeIndex), usize> = HashMap::new();
    let mut edges: Vec<(usize, NodeIndex, NodeIndex, &Edge)> = graph
        .edges()
        .enumerate()
        .map(|(number, (source, target, edge))| {
            let rank = *first_seen.entry((source, target)).or_insert(number);
            (rank, source, target, edge)
        })
        .collect();
    // Stable: edges of one pair keep their insertion order.
    edges.sort_by_key(|(rank, source, _, _)| (source.index(), *rank));
    edges
        .into_iter()
        .map(|(_, source, target, edge)| (source, target, edge))
        .collect()
}

/// The earliest and latest date of an edge's evidence, if any has one.
pub(crate) fn edge_dates<'a>(edge: &Edge, dates: &Dates<'a>) -> Option<(&'a str, &'a str)> {
    dates.range(edge.evidence.iter().map(|e| e.document.as_str()))
}

/// A node's properties as flat JSON: `kind`, `subkind` (when known),
/// `label`, `aliases`, `mentions`, `documents`, `first_date` and
/// `last_date` of its documents and a document's `author` (when known),
/// then its attributes (a name already taken becomes `attribute_<name>`).
/// Shared with the Cytoscape writer.
pub(crate) fn node_properties(node: &Node, dates: &Dates) -> Map<String, Value> {
    let mut object = Map::new();
    object.insert("kind".into(), node.kind.as_str().into());
    if let Some(subkind) = &node.subkind {
        object.insert("subkind".into(), subkind.clone().into());
    }
    object.insert("label".into(), node.label.clone().into());
    object.insert("aliases".into(), json!(node.aliases));
    object.insert("mentions".into(), node.mentions.into());
    object.insert("documents".into(), json!(node.documents));
    if let Some((first, last)) = dates.range(node.documents.iter().map(String::as_str)) {
        object.insert("first_date".into(), first.into());
        object.insert("last_date".into(), last.into());
    }
    if node.kind == crate::model::NodeKind::Document
        && let Some(author) = node.documents.first().and_then(|d| dates.author(d))
    {
        object.insert("author".into(), author.into());
    }
    for (name, value) in &node.attributes {
        let taken = object.contains_key(name) || RESERVED.contains(&name.as_str());
        let name = if taken {
            format!("attribute_{name}")
        } else {
            name.clone()
        };
        object.insert(name, value.clone());
    }
    object
}

/// Keys the formats use for structure.
const RESERVED: [&str; 6] = ["id", "value", "name", "source", "target", "key"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NodeKind;

    #[test]
    fn key_order_matches_networkx() {
        let mut graph = ArgGraph::new("g");
        let mut node = Node::new(NodeKind::Concept, "c");
        node.attributes.insert("id".into(), "clash".into());
        node.attributes.insert("pagerank".into(), 0.5.into());
        graph.add_node(node);
        let text = graph_to_node_link(&graph);
        let data: Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<&String> = data.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["directed", "multigraph", "graph", "nodes", "edges"]);
        let node_keys: Vec<&String> = data["nodes"][0].as_object().unwrap().keys().collect();
        assert_eq!(
            node_keys,
            [
                "kind",
                "label",
                "aliases",
                "mentions",
                "documents",
                "attribute_id",
                "pagerank",
                "id"
            ]
        );
    }
}

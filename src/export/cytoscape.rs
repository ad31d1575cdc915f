//! Export stage: the graph as Cytoscape.js elements JSON, the form
//! Cytoscape desktop imports (File → Import → Network from File, "Cytoscape.js
//! JSON") and `cy.json()` / `cytoscape({elements})` load in a browser:
//! `{"data", "directed", "multigraph", "elements": {"nodes": [{"data"}],
//! "edges": [{"data"}]}}`. Node data carry `id`, `name` (Cytoscape's label
//! column) and the node's properties, plus `value` (= `id`) so that
//! NetworkX's `cytoscape_graph` reads the file too. Edge data carry `id`,
//! `source`, `target`, `interaction` (Cytoscape's edge type column, = the
//! relation), `key`, `weight`, and the evidence as lists of sentences and
//! documents (Cytoscape's columns hold lists of text, not objects). No
//! positions or styles: Cytoscape lays the network out itself.

use serde_json::{Value, json};

use super::node_link::node_properties;
use crate::model::ArgGraph;

/// The graph as Cytoscape.js JSON text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Critiques, None);
/// let data: serde_json::Value =
///     serde_json::from_str(&argnet::export::graph_to_cytoscape(&graph)).unwrap();
/// assert_eq!(data["elements"]["nodes"][1]["data"]["name"], "C");
/// assert_eq!(data["elements"]["edges"][0]["data"]["interaction"], "critiques");
/// ```
pub fn graph_to_cytoscape(graph: &ArgGraph) -> String {
    let dates = super::table::Dates::new(graph);
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|(_, node)| {
            let mut data = serde_json::Map::new();
            data.insert("id".into(), node.key.clone().into());
            data.insert("value".into(), node.key.clone().into());
            data.insert("name".into(), node.label.clone().into());
            for (name, value) in node_properties(node, &dates) {
                // Cytoscape columns hold scalars and lists of scalars.
                let value = match value {
                    Value::Object(_) => Value::String(value.to_string()),
                    Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
                        Value::String(Value::Array(items).to_string())
                    }
                    other => other,
                };
                data.insert(name, value);
            }
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .enumerate()
        .map(|(number, (source, target, edge))| {
            let sentences: Vec<&str> = edge.evidence.iter().map(|e| e.text.as_str()).collect();
            let documents: Vec<&str> = edge.evidence.iter().map(|e| e.document.as_str()).collect();
            let mut object = json!({ "data": {
                "id": format!("e{number}"),
                "source": graph.node(source).key,
                "target": graph.node(target).key,
                "interaction": edge.relation.as_str(),
                "key": edge.relation.as_str(),
                "relation": edge.relation.as_str(),
                "weight": edge.weight,
                "evidence": sentences,
                "evidence_documents": documents,
            }});
            if let Some((first, last)) = super::node_link::edge_dates(edge, &dates) {
                object["data"]["first_date"] = first.into();
                object["data"]["last_date"] = last.into();
            }
            object
        })
        .collect();
    let data = json!({
        "format_version": "1.0",
        "generated_by": format!("argnet {}", env!("CARGO_PKG_VERSION")),
        "target_cytoscapejs_version": "~3.0",
        "data": {"name": graph.name},
        "directed": true,
        "multigraph": true,
        "elements": {"nodes": nodes, "edges": edges},
    });
    let mut text = serde_json::to_string_pretty(&data).expect("JSON values serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    #[test]
    fn nested_attributes_become_text() {
        let mut graph = ArgGraph::new("g");
        let mut node = Node::new(NodeKind::Concept, "c");
        node.attributes
            .insert("scores".into(), json!({"a": 1, "b": [1, 2]}));
        node.attributes.insert("tags".into(), json!(["x", "y"]));
        graph.add_node(node);
        let data: Value = serde_json::from_str(&graph_to_cytoscape(&graph)).unwrap();
        let node = &data["elements"]["nodes"][0]["data"];
        assert_eq!(node["scores"], r#"{"a":1,"b":[1,2]}"#);
        assert_eq!(node["tags"], json!(["x", "y"]));
        assert_eq!(node["value"], "concept:c");
    }
}

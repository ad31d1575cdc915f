//! Export stage: the graph as GraphML (graphml.graphdrawing.org), with a
//! typed `<key>` for every column of the node and edge tables, so that
//! Gephi, yEd, Cytoscape, NetworkX (`read_graphml`) and igraph
//! (`Graph.Read_GraphML`) read labels as text, counts as integers and
//! measures as floats. Written with quick-xml. It does not write yEd's
//! private drawing extensions: yEd maps `label` through its Properties
//! Mapper.
//!
//! Each `<key>`'s id is its attribute's name (`label`, `kind`, `weight`;
//! an edge attribute whose name a node attribute has is `edge_NAME`, the
//! graph's name `graph_name`): Gephi reads some key ids as the label or
//! the weight, and numbered ids (`d0`, `d1`, …) made it show a node's kind
//! as its label.
//!
//! Node ids are argnet's node ids (`concept:big-society`), as far as
//! GraphML allows: its schema wants an id to be an XML name token, so a
//! character that cannot be in one (a space or `/` in a document's file
//! name) is written `_xHHHH_` (its code point, as XML tools escape names);
//! every node also has its exact argnet id as the attribute `key`. An
//! attribute name that is not a name token has its other characters made
//! `_` (`attr.name` is a name token too). Edges are all
//! directed (`co_occurs` is stored with the smaller id first); parallel
//! edges of different relations make the graph a multigraph, and each edge
//! has a unique id `e0`, `e1`, ….

use super::table::{self, Table};
use super::xml::XmlWriter;
use crate::model::ArgGraph;

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The graph as GraphML text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "Smith & Sons"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "Big Society"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let xml = argnet::export::graph_to_graphml(&graph);
/// assert!(xml.contains(r#"<key id="label" for="node" attr.name="label" attr.type="string"/>"#));
/// assert!(xml.contains(r#"<data key="label">Smith &amp; Sons</data>"#));
/// ```
pub fn graph_to_graphml(graph: &ArgGraph) -> String {
    let nodes = table::node_table(graph);
    let edges = table::edge_table(graph);
    let mut xml = XmlWriter::new();
    xml.start(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
        ],
    );
    xml.empty(
        "key",
        &[
            ("id", GRAPH_NAME_KEY),
            ("for", "graph"),
            ("attr.name", "name"),
            ("attr.type", "string"),
        ],
    );
    xml.empty(
        "key",
        &[
            ("id", KEY_KEY),
            ("for", "node"),
            ("attr.name", "key"),
            ("attr.type", "string"),
        ],
    );
    let node_keys = declare(&mut xml, "node", &nodes, &[KEY_KEY.to_owned()]);
    let edge_keys = declare(&mut xml, "edge", &edges, &node_keys);
    xml.start("graph", &[("id", "G"), ("edgedefault", "directed")]);
    xml.text_element("data", &[("key", GRAPH_NAME_KEY)], &graph.name);
    for ((_, node), row) in graph.nodes().zip(&nodes.rows) {
        xml.start("node", &[("id", &name_token(&node.key))]);
        xml.text_element("data", &[("key", KEY_KEY)], &node.key);
        write_row(&mut xml, &node_keys, row);
        xml.end("node");
    }
    for (number, ((source, target, _), row)) in graph.edges().zip(&edges.rows).enumerate() {
        xml.start(
            "edge",
            &[
                ("id", &format!("e{number}")),
                ("source", &name_token(&graph.node(source).key)),
                ("target", &name_token(&graph.node(target).key)),
            ],
        );
        write_row(&mut xml, &edge_keys, row);
        xml.end("edge");
    }
    xml.end("graph");
    xml.end("graphml");
    xml.finish()
}

/// The key id of the graph's name.
const GRAPH_NAME_KEY: &str = "graph_name";

/// Declare one `<key>` per column, its id the column's name, or
/// `DOMAIN_NAME` when `taken` (the ids declared already) has that name.
fn declare(xml: &mut XmlWriter, domain: &str, table: &Table, taken: &[String]) -> Vec<String> {
    let mut declared: Vec<String> = Vec::new();
    table
        .columns
        .iter()
        .map(|column| {
            // An XML name token: letters, digits, '.', '-', '_'.
            let name: String = column
                .name
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let mut id = if taken.contains(&name) || name == GRAPH_NAME_KEY {
                format!("{domain}_{name}")
            } else {
                name
            };
            while declared.contains(&id) || taken.contains(&id) {
                id.push('_');
            }
            declared.push(id.clone());
            xml.empty(
                "key",
                &[
                    ("id", &id),
                    ("for", domain),
                    ("attr.name", &attribute_name(&column.name)),
                    ("attr.type", column.value_type.xml_name()),
                ],
            );
            id
        })
        .collect()
}

/// The `<key>` of the exact argnet id of a node.
const KEY_KEY: &str = "key";

/// Can `c` stand in an XML name token (NMTOKEN)? Letters and digits of any
/// script, `-`, `.`, `_`, `:` and the middle dot.
fn name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | ':' | '·')
}

/// `text` as an XML name token: every other character as `_xHHHH_`.
pub(crate) fn name_token(text: &str) -> String {
    if !text.is_empty() && text.chars().all(name_char) {
        return text.to_owned();
    }
    let mut token = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if name_char(c) {
            token.push(c);
        } else {
            token.push_str(&format!("_x{:04X}_", u32::from(c)));
        }
    }
    if token.is_empty() {
        token.push('_');
    }
    token
}

/// An attribute name as a name token: other characters become `_`.
fn attribute_name(name: &str) -> String {
    let token: String = name
        .chars()
        .map(|c| if name_char(c) { c } else { '_' })
        .collect();
    if token.is_empty() { "_".into() } else { token }
}

fn write_row(xml: &mut XmlWriter, keys: &[String], row: &[Option<table::Value>]) {
    for (key, value) in keys.iter().zip(row) {
        if let Some(value) = value {
            xml.text_element("data", &[("key", key)], &value.to_text());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_tokens_table() {
        let rows = [
            ("concept:big-society", "concept:big-society"),
            ("document:sub/b.md", "document:sub_x002F_b.md"),
            ("document:ties 2011-03-11", "document:ties_x0020_2011-03-11"),
            ("concept:ünïcode", "concept:ünïcode"),
            ("", "_"),
        ];
        for (text, want) in rows {
            assert_eq!(name_token(text), want, "{text:?}");
        }
        assert_eq!(attribute_name("Party Name"), "Party_Name");
    }
    use crate::model::{Node, NodeKind, Relation};

    #[test]
    fn parallel_edges_get_distinct_ids_and_types_are_declared() {
        let mut graph = ArgGraph::new("g");
        let mut a = Node::new(NodeKind::Actor, "a");
        a.attributes.insert("pagerank".into(), 0.5.into());
        let a = graph.add_node(a);
        let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
        graph.add_occurrence(a, c, Relation::Supports, None);
        graph.add_occurrence(a, c, Relation::Critiques, None);
        let xml = graph_to_graphml(&graph);
        assert!(xml.contains(r#"<edge id="e0" source="actor:a" target="concept:c">"#));
        assert!(xml.contains(r#"<edge id="e1" source="actor:a" target="concept:c">"#));
        assert!(
            xml.contains(r#"attr.name="pagerank" attr.type="double""#),
            "{xml}"
        );
        assert!(xml.contains(r#"attr.name="mentions" attr.type="long""#));
        // The node without pagerank has no data for it.
        assert_eq!(xml.matches(">0.5</data>").count(), 1);
    }
}

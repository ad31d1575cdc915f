//! Export stage: the graph as GEXF 1.3 (gexf.net), Gephi's own format:
//! typed node and edge attributes (the columns of `table.rs`), the node
//! label and edge weight as GEXF's own fields, and each node's fill colour
//! (by kind, or by community when analysis stored one) as `viz:color`.
//! No `lastmodifieddate`, so the same graph gives the same bytes. Written
//! with quick-xml. It draws nothing.
//!
//! Static by default. [`graph_to_gexf_dynamic`] writes a dynamic graph for
//! Gephi's timeline (`timeformat="date"`): a node lives from the first to
//! the last date of its documents (`start`, `end`), and an edge has one
//! spell per date of its evidence; nodes and edges without dates are
//! always there.
//!
//! Edges are all directed (`co_occurs` is stored with the smaller id
//! first: GEXF allows `type="undirected"` edges in a directed graph, but
//! NetworkX's reader refuses them). Each edge's relation is its `kind`, so
//! that Gephi keeps parallel edges of different relations between the same
//! two nodes apart instead of merging them, and also its `label`.

use super::style;
use super::table::{self, Table, Value};
use super::xml::XmlWriter;
use crate::model::ArgGraph;

const NAMESPACE: &str = "http://gexf.net/1.3";
const VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// The graph as GEXF 1.3 text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A <1>"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Critiques, None);
/// let xml = argnet::export::graph_to_gexf(&graph);
/// assert!(xml.contains(r#"<node id="actor:a-1" label="A &lt;1&gt;">"#));
/// assert!(xml.contains(r#"label="critiques" weight="1.0""#));
/// ```
pub fn graph_to_gexf(graph: &ArgGraph) -> String {
    gexf(graph, false)
}

/// The graph as dynamic GEXF 1.3 (see the module documentation).
///
/// ```
/// use argnet::corpus::DocumentMeta;
/// use argnet::model::{ArgGraph, Evidence, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// for (day, document) in [("2011-03-11", "d1"), ("2011-03-14", "d2")] {
///     graph.documents.push(argnet::model::DocumentRecord {
///         id: document.into(),
///         file: String::new(),
///         meta: DocumentMeta { date: Some(day.into()), ..DocumentMeta::default() },
///         sha256: String::new(),
///         bytes: 0,
///         encoding: argnet::corpus::Encoding::Utf8,
///         content: 0..0,
///         sentences: 0,
///         pages: Vec::new(),
///         inferred: None,
///     });
///     graph.node_mut(a).documents.insert(document.into());
///     let said = Evidence { document: document.into(), span: 0..1, text: "x".into(),
///                           confidence: 1.0, basis: None };
///     graph.add_occurrence(a, c, Relation::Supports, Some(said));
/// }
/// let xml = argnet::export::graph_to_gexf_dynamic(&graph);
/// assert!(xml.contains(r#"mode="dynamic" defaultedgetype="directed" timeformat="date""#));
/// assert!(xml.contains(r#"<node id="actor:a" label="A" start="2011-03-11" end="2011-03-14">"#));
/// assert!(xml.contains(r#"<spell start="2011-03-14" end="2011-03-14"/>"#));
/// ```
pub fn graph_to_gexf_dynamic(graph: &ArgGraph) -> String {
    gexf(graph, true)
}

fn gexf(graph: &ArgGraph, dynamic: bool) -> String {
    let nodes = table::node_table(graph);
    let edges = table::edge_table(graph);
    let by_community = graph.nodes().any(|(_, n)| style::community(n).is_some());
    let mut xml = XmlWriter::new();
    xml.start(
        "gexf",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:viz", VIZ_NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
            ("version", "1.3"),
        ],
    );
    xml.start("meta", &[]);
    xml.text_element(
        "creator",
        &[],
        &format!("argnet {}", env!("CARGO_PKG_VERSION")),
    );
    xml.text_element("description", &[], &graph.name);
    xml.end("meta");
    if dynamic {
        xml.start(
            "graph",
            &[
                ("mode", "dynamic"),
                ("defaultedgetype", "directed"),
                ("timeformat", "date"),
            ],
        );
    } else {
        xml.start(
            "graph",
            &[("mode", "static"), ("defaultedgetype", "directed")],
        );
    }
    let dates = table::Dates::new(graph);
    // The label and the weight are GEXF fields, not attributes.
    let node_columns = declare(&mut xml, "node", &nodes, "label");
    let edge_columns = declare(&mut xml, "edge", &edges, "weight");

    xml.start("nodes", &[]);
    for ((_, node), row) in graph.nodes().zip(&nodes.rows) {
        let mut attributes = vec![("id", node.key.as_str()), ("label", node.label.as_str())];
        let range = dates.range(node.documents.iter().map(String::as_str));
        if let (true, Some((start, end))) = (dynamic, range) {
            attributes.extend([("start", start), ("end", end)]);
        }
        xml.start("node", &attributes);
        write_values(&mut xml, &node_columns, row);
        let fill = if by_community {
            style::community_fill(style::community(node))
        } else {
            style::node_look(node).fill
        };
        let [r, g, b] = style::rgb(fill);
        xml.empty(
            "viz:color",
            &[
                ("r", &r.to_string()),
                ("g", &g.to_string()),
                ("b", &b.to_string()),
            ],
        );
        xml.end("node");
    }
    xml.end("nodes");

    xml.start("edges", &[]);
    for (number, ((source, target, edge), row)) in graph.edges().zip(&edges.rows).enumerate() {
        let id = format!("e{number}");
        let weight = style::number(edge.weight);
        let attributes = [
            ("id", id.as_str()),
            ("source", graph.node(source).key.as_str()),
            ("target", graph.node(target).key.as_str()),
            ("kind", edge.relation.as_str()),
            ("label", edge.relation.as_str()),
            ("weight", weight.as_str()),
        ];
        xml.start("edge", &attributes);
        write_values(&mut xml, &edge_columns, row);
        if dynamic {
            let mut days: Vec<&str> = edge
                .evidence
                .iter()
                .filter_map(|e| dates.date(&e.document))
                .collect();
            days.sort_unstable();
            days.dedup();
            if !days.is_empty() {
                xml.start("spells", &[]);
                for day in days {
                    xml.empty("spell", &[("start", day), ("end", day)]);
                }
                xml.end("spells");
            }
        }
        xml.end("edge");
    }
    xml.end("edges");
    xml.end("graph");
    xml.end("gexf");
    xml.finish()
}

/// Declare the attributes of one class, leaving out the column `skip`.
/// Returns `(attribute id, column index)` pairs.
fn declare(xml: &mut XmlWriter, class: &str, table: &Table, skip: &str) -> Vec<(String, usize)> {
    xml.start("attributes", &[("class", class), ("mode", "static")]);
    let mut declared = Vec::new();
    for (index, column) in table.columns.iter().enumerate() {
        if column.name == skip {
            continue;
        }
        let id = declared.len().to_string();
        xml.empty(
            "attribute",
            &[
                ("id", &id),
                ("title", &column.name),
                ("type", column.value_type.xml_name()),
            ],
        );
        declared.push((id, index));
    }
    xml.end("attributes");
    declared
}

fn write_values(xml: &mut XmlWriter, columns: &[(String, usize)], row: &[Option<Value>]) {
    let present: Vec<(&String, &Value)> = columns
        .iter()
        .filter_map(|(id, index)| row[*index].as_ref().map(|v| (id, v)))
        .collect();
    if present.is_empty() {
        return;
    }
    xml.start("attvalues", &[]);
    for (id, value) in present {
        xml.empty("attvalue", &[("for", id), ("value", &value.to_text())]);
    }
    xml.end("attvalues");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    #[test]
    fn no_dates_and_colours_by_community_when_present() {
        let mut graph = ArgGraph::new("g");
        let mut a = Node::new(NodeKind::Concept, "a\nb");
        a.attributes.insert("community".into(), 0.into());
        graph.add_node(a);
        let xml = graph_to_gexf(&graph);
        assert!(!xml.contains("lastmodifieddate"), "{xml}");
        assert!(!xml.contains("timeformat"), "{xml}");
        assert!(
            xml.contains(r#"<viz:color r="141" g="211" b="199"/>"#),
            "{xml}"
        );
        // A line break in a label survives attribute normalisation.
        assert!(xml.contains(r#"label="a&#10;b""#), "{xml}");
        assert!(xml.contains(r#"title="community" type="long""#), "{xml}");
    }
}

//! Export stage: the graph as Graphviz DOT, built with graphviz-rust's DOT
//! model (never by string concatenation) and printed by its printer. Node
//! shape and colour follow the node kind; stance edges are green (supports)
//! and red dashed (critiques); other relations are grey and thin. Every node
//! and edge has a tooltip (kind and counts; the evidence sentence), so the
//! SVG can be explored in a browser. It does not filter: callers pass the
//! graph they want drawn.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::model::{ArgGraph, Edge, Node, NodeKind, Relation};

/// Longest label line, in characters, before wrapping.
const LABEL_WIDTH: usize = 18;

/// The graph as DOT text, ending in a newline.
pub fn graph_to_dot(graph: &ArgGraph) -> String {
    let mut context = PrinterContext::default();
    let mut text = dot_graph(graph).print(&mut context);
    text.push('\n');
    text
}

/// The graph in graphviz-rust's DOT model.
pub fn dot_graph(graph: &ArgGraph) -> Graph {
    let mut statements = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            // An organic layout keeps a corpus overview compact; the
            // attribute travels with the file, so `dot -Tsvg` honours it.
            attribute("layout", "neato"),
            attribute("overlap", "prism"),
            attribute("splines", "true"),
            attribute("outputorder", "edgesfirst"),
            attribute("pad", "0.3"),
            attribute("fontname", "Helvetica"),
            attribute("label", &graph.name),
            attribute("labelloc", "t"),
            attribute("fontsize", "16"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attribute("fontname", "Helvetica"),
            attribute("fontsize", "11"),
            attribute("style", "filled"),
            attribute("penwidth", "0.8"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attribute("fontname", "Helvetica"),
            attribute("fontsize", "9"),
        ])),
    ];
    for (_, node) in graph.nodes() {
        statements.push(Stmt::Node(DotNode::new(
            node_id(&node.key),
            node_attributes(node),
        )));
    }
    for (source, target, edge) in graph.edges() {
        statements.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(node_id(&graph.node(source).key)),
                Vertex::N(node_id(&graph.node(target).key)),
            ),
            attributes: edge_attributes(edge),
        }));
    }
    Graph::DiGraph {
        id: quoted(&graph.name),
        strict: false,
        stmts: statements,
    }
}

fn node_attributes(node: &Node) -> Vec<Attribute> {
    let (shape, fill, style) = match (node.kind, node.subkind.as_deref()) {
        (NodeKind::Actor, Some("person")) => ("box", "#fde0c5", "rounded,filled"),
        (NodeKind::Actor, _) => ("box", "#f6b26b", "filled"),
        (NodeKind::Concept, _) => ("ellipse", "#cfe2f3", "filled"),
        (NodeKind::Claim, _) => ("box", "#ffffff", "filled,dashed"),
        (NodeKind::Source, _) => ("note", "#fff2cc", "filled"),
        (NodeKind::Document, _) => ("folder", "#eeeeee", "filled"),
    };
    let kind = match &node.subkind {
        Some(subkind) => format!("{} ({subkind})", node.kind.as_str()),
        None => node.kind.as_str().to_owned(),
    };
    let tooltip = format!(
        "{}\n{kind}; {} mention{} in {} document{}",
        node.label,
        node.mentions,
        plural(node.mentions as usize),
        node.documents.len(),
        plural(node.documents.len()),
    );
    vec![
        attribute("label", &wrap(&node.label, LABEL_WIDTH)),
        attribute("shape", shape),
        attribute("style", style),
        attribute("fillcolor", fill),
        attribute("tooltip", &tooltip),
    ]
}

fn edge_attributes(edge: &Edge) -> Vec<Attribute> {
    let width = format!("{:.2}", 0.8 + edge.weight.max(1.0).ln());
    let mut attributes = match edge.relation {
        Relation::Supports => vec![attribute("color", "#2e7d32"), attribute("penwidth", &width)],
        Relation::Critiques => vec![
            attribute("color", "#c62828"),
            attribute("style", "dashed"),
            attribute("penwidth", &width),
        ],
        Relation::CoOccurs => vec![
            attribute("color", "#7986cb"),
            attribute("dir", "none"),
            attribute("constraint", "false"),
            attribute("penwidth", "0.7"),
        ],
        Relation::AffiliatedWith => vec![
            attribute("color", "#8d6e63"),
            attribute("arrowhead", "odot"),
        ],
        Relation::Cites | Relation::Quotes => {
            vec![attribute("color", "#8d6e63"), attribute("style", "dotted")]
        }
        Relation::Mentions => vec![
            attribute("color", "#bdbdbd"),
            attribute("arrowsize", "0.5"),
            attribute("penwidth", "0.6"),
        ],
    };
    attributes.push(attribute("tooltip", &edge_tooltip(edge)));
    attributes
}

fn edge_tooltip(edge: &Edge) -> String {
    let mut tooltip = format!("{} (weight {})", edge.relation.as_str(), edge.weight);
    if let Some(first) = edge.evidence.first() {
        tooltip.push_str(&format!(
            "\n{}: \u{201c}{}\u{201d}",
            first.document, first.text
        ));
        let more = edge.evidence.len() - 1;
        if more > 0 {
            tooltip.push_str(&format!("\n(+{more} more sentence{})", plural(more)));
        }
    }
    tooltip
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Break `text` into lines of at most `width` characters at spaces (a
/// longer word stays whole).
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines.join("\n")
}

fn attribute(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.to_owned()), quoted(value))
}

fn node_id(key: &str) -> NodeId {
    NodeId(quoted(key), None)
}

/// A DOT double-quoted string. Backslashes and quotes are escaped; line
/// breaks become DOT's centred `\n`; carriage returns and other control
/// characters are dropped.
pub(crate) fn quoted(value: &str) -> Id {
    let mut escaped = String::with_capacity(value.len() + 2);
    escaped.push('"');
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped.push('"');
    Id::Escaped(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_table() {
        let rows = [
            ("plain", "\"plain\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("back\\slash", "\"back\\\\slash\""),
            ("two\nlines\r", "\"two\\nlines\""),
            ("<b>&amp;</b> ü", "\"<b>&amp;</b> ü\""),
        ];
        for (value, want) in rows {
            assert_eq!(
                quoted(value),
                Id::Escaped(want.to_owned()),
                "value {value:?}"
            );
        }
    }

    #[test]
    fn wrapping_table() {
        let rows = [
            ("Big Society", "Big Society"),
            (
                "Public Service Constitution",
                "Public Service\nConstitution",
            ),
            (
                "Supercalifragilisticexpialidocious word",
                "Supercalifragilisticexpialidocious\nword",
            ),
            ("", ""),
        ];
        for (text, want) in rows {
            assert_eq!(wrap(text, LABEL_WIDTH), want, "text {text:?}");
        }
    }

    #[test]
    fn dot_parses_with_graphviz_rust() {
        let mut graph = ArgGraph::new("name \"with\" quotes");
        let a = graph.add_node(Node::new(NodeKind::Actor, "A \\ \"b\" <c> & d"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "concept\nwith break"));
        graph.add_occurrence(a, c, Relation::Critiques, None);
        let text = graph_to_dot(&graph);
        let parsed = graphviz_rust::parse(&text);
        assert!(parsed.is_ok(), "{parsed:?}\n{text}");
    }
}

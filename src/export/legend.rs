//! Export stage: the legend of a DOT diagram, as a Graphviz HTML-like label
//! on the graph itself. A graph label works with every layout engine (a
//! legend cluster would not: neato and sfdp ignore clusters) and sits
//! outside the drawing. It shows only the kinds and relations the diagram
//! holds. It does not draw the graph.

use std::collections::BTreeSet;

use super::style::{self, COMMUNITY_COLOURS, NodeLook};
use crate::model::{ArgGraph, Relation};

/// What the legend explains.
pub(crate) struct Legend<'a> {
    pub title: &'a str,
    /// Size of nodes from this measure, if any.
    pub size_measure: Option<&'a str>,
    /// Fill by community instead of by kind.
    pub by_community: bool,
}

/// The HTML-like label, without the outer `<` `>` of the DOT id.
pub(crate) fn legend_html(graph: &ArgGraph, legend: &Legend) -> String {
    let mut looks: Vec<NodeLook> = Vec::new();
    let mut communities = BTreeSet::new();
    for (_, node) in graph.nodes() {
        let look = style::node_look(node);
        if !looks.contains(&look) {
            looks.push(look);
        }
        communities.insert(style::community(node));
    }
    // Kind order, not first-seen order, so that legends of two views agree.
    looks.sort_by_key(|look| legend_rank(look.name));
    let relations: BTreeSet<Relation> = graph.edges().map(|(_, _, e)| e.relation).collect();

    let mut rows = vec![format!(
        "<tr><td align=\"left\"><font point-size=\"16\"><b>{}</b></font></td></tr>",
        escape_html(legend.title)
    )];
    if !looks.is_empty() {
        let cells: String = looks
            .iter()
            .map(|look| {
                let fill = if legend.by_community {
                    "#ffffff"
                } else {
                    look.fill
                };
                format!(
                    "<td bgcolor=\"{fill}\" border=\"1\" color=\"#9e9e9e\">{}</td>",
                    look_label(look)
                )
            })
            .collect();
        rows.push(inner_row(&cells));
    }
    if legend.by_community {
        let cells: String = communities
            .iter()
            .filter_map(|c| c.filter(|&c| (c as usize) < COMMUNITY_COLOURS.len()))
            .map(|c| {
                format!(
                    "<td bgcolor=\"{}\" border=\"1\" color=\"#9e9e9e\">community {c}</td>",
                    style::community_fill(Some(c))
                )
            })
            .collect();
        if !cells.is_empty() {
            rows.push(inner_row(&cells));
        }
    }
    if !relations.is_empty() {
        let cells: String = relations
            .iter()
            .map(|&relation| {
                let look = style::edge_look(relation);
                let stroke = match (look.style, look.arrowhead) {
                    ("dashed", _) => "- - -\u{25b6}",
                    ("dotted", "open") => "\u{00b7}\u{00b7}\u{00b7}\u{00b7}\u{25b7}",
                    ("dotted", _) => "\u{00b7}\u{00b7}\u{00b7}\u{00b7}\u{25b6}",
                    (_, "none") => "\u{2500}\u{2500}\u{2500}\u{2500}",
                    (_, "odot") => "\u{2500}\u{2500}\u{2500}\u{25cb}",
                    _ => "\u{2500}\u{2500}\u{2500}\u{25b6}",
                };
                // The sample in a cell of its own, wider than browsers draw
                // it: Graphviz measures box-drawing characters narrower
                // than browsers' fonts render them, and a shared cell let
                // the line run into its label.
                format!(
                    "<td width=\"44\" align=\"left\"><font color=\"{}\">{stroke}</font></td><td align=\"left\">{}</td>",
                    look.colour,
                    relation.as_str().replace('_', " ")
                )
            })
            .collect();
        rows.push(inner_row(&cells));
    }
    let mut notes = Vec::new();
    if let Some(measure) = legend.size_measure {
        notes.push(format!("larger = higher {}", escape_html(measure)));
    }
    if relations.iter().any(|r| r.is_stance()) {
        notes.push("thicker = more sentences".to_owned());
        notes.push(format!(
            "pale = confidence below {}",
            super::style::CONFIDENT
        ));
    }
    notes.push("hover for the evidence".to_owned());
    rows.push(format!(
        "<tr><td align=\"left\"><font point-size=\"10\" color=\"#616161\">{}</font></td></tr>",
        notes.join("; ")
    ));
    format!(
        "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">{}</table>",
        rows.concat()
    )
}

fn inner_row(cells: &str) -> String {
    format!(
        "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"4\" cellpadding=\"3\"><tr>{cells}</tr></table></td></tr>"
    )
}

fn look_label(look: &NodeLook) -> String {
    let shape = match look.shape {
        "box" if look.style.contains("rounded") => "rounded box",
        "box" if look.style.contains("dashed") => "dashed box",
        "note" => "note",
        "folder" => "folder",
        "ellipse" => "ellipse",
        _ => "box",
    };
    format!(
        "{}<br/><font point-size=\"9\" color=\"#616161\">{shape}</font>",
        look.name
    )
}

fn legend_rank(name: &str) -> usize {
    [
        "person",
        "organisation",
        "actor",
        "concept",
        "claim",
        "source",
        "work",
        "document",
    ]
    .iter()
    .position(|n| *n == name)
    .unwrap_or(usize::MAX)
}

/// Text for a Graphviz HTML-like label: markup characters escaped, line
/// breaks as `<br/>`, other control characters and whatever XML cannot
/// carry dropped.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| super::xml::allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br/>"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    #[test]
    fn escaping_table() {
        let rows = [
            ("plain", "plain"),
            ("A & <B> \"c\"", "A &amp; &lt;B&gt; &quot;c&quot;"),
            ("two\nlines\r", "two<br/>lines"),
            ("Ünïcode", "Ünïcode"),
        ];
        for (text, want) in rows {
            assert_eq!(escape_html(text), want, "{text:?}");
        }
    }

    #[test]
    fn legend_lists_only_what_is_drawn() {
        let mut graph = ArgGraph::new("g");
        let a = graph.add_node(Node::new(NodeKind::Claim, "a"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
        graph.add_occurrence(a, c, Relation::Critiques, None);
        let html = legend_html(
            &graph,
            &Legend {
                title: "T <1>",
                size_measure: Some("pagerank"),
                by_community: false,
            },
        );
        assert!(html.contains("<b>T &lt;1&gt;</b>"), "{html}");
        assert!(html.contains("concept<br/>") && html.contains("claim<br/>"));
        assert!(!html.contains("document") && !html.contains("supports"));
        assert!(html.contains("critiques") && html.contains("larger = higher pagerank"));
        // Concept comes before claim whatever the node order.
        assert!(html.find("concept<br/>") < html.find("claim<br/>"));
    }
}

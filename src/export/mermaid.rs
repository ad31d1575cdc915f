//! Export stage: the graph as a Mermaid flowchart, text that GitHub,
//! GitLab, Obsidian and most Markdown tools draw inside a ```` ```mermaid ````
//! block. Shapes follow the node kind (organisation: rectangle, person:
//! rounded, concept: stadium, claim: parallelogram, source: flag, document:
//! cylinder); fills come from classes by kind, or by community when analysis
//! stored one; `supports` is a green arrow, `critiques` a red dotted one,
//! other relations grey. Labels are quoted and entity-coded (`#quot;`,
//! `#lt;`, …) so that no label can break the syntax. Node ids are `n0`,
//! `n1`, … in graph order. Meant for small, filtered views: Mermaid lays out
//! large graphs poorly.

use std::collections::BTreeMap;

use super::style;
use crate::model::{ArgGraph, Node, NodeKind, Relation};

/// The graph as a Mermaid flowchart, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "Smith & \"Sons\""));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "Big Society"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let text = argnet::export::graph_to_mermaid(&graph);
/// assert!(text.contains(r#"n0["Smith #amp; #quot;Sons#quot;"]"#));
/// assert!(text.contains(r#"n0 -->|"supports"| n1"#));
/// ```
pub fn graph_to_mermaid(graph: &ArgGraph) -> String {
    let by_community = graph.nodes().any(|(_, n)| style::community(n).is_some());
    let mut lines = vec![
        format!("%% {}", single_line(&graph.name)),
        "flowchart LR".to_owned(),
    ];
    let mut classes: BTreeMap<String, (&'static str, Vec<String>)> = BTreeMap::new();
    for (index, node) in graph.nodes() {
        let id = format!("n{}", index.index());
        let (open, close) = shape(node);
        lines.push(format!("  {id}{open}\"{}\"{close}", escape(&node.label)));
        let (class, fill) = if by_community {
            let community = style::community(node);
            let name = match community {
                Some(c) if (c as usize) < style::COMMUNITY_COLOURS.len() => format!("community{c}"),
                _ => "community_other".to_owned(),
            };
            (name, style::community_fill(community))
        } else {
            let look = style::node_look(node);
            (look.name.to_owned(), look.fill)
        };
        classes
            .entry(class)
            .or_insert((fill, Vec::new()))
            .1
            .push(id);
    }
    let mut link_styles = Vec::new();
    for (number, (source, target, edge)) in graph.edges().enumerate() {
        let arrow = match edge.relation {
            Relation::Critiques | Relation::Cites | Relation::Quotes => "-.->",
            Relation::CoOccurs => "---",
            _ => "-->",
        };
        lines.push(format!(
            "  n{} {arrow}|\"{}\"| n{}",
            source.index(),
            edge.relation.as_str().replace('_', " "),
            target.index()
        ));
        let look = style::edge_look(edge.relation);
        let width = if look.emphasised {
            format!("{:.1}px", 1.5 + edge.weight.max(1.0).ln())
        } else {
            "1px".to_owned()
        };
        link_styles.push(format!(
            "  linkStyle {number} stroke:{},stroke-width:{width}",
            look.colour
        ));
    }
    lines.extend(link_styles);
    for (class, (fill, members)) in classes {
        lines.push(format!("  classDef {class} fill:{fill},stroke:#757575"));
        lines.push(format!("  class {} {class}", members.join(",")));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn shape(node: &Node) -> (&'static str, &'static str) {
    match (node.kind, node.subkind.as_deref()) {
        (NodeKind::Actor, Some("person")) => ("(", ")"),
        (NodeKind::Actor, _) => ("[", "]"),
        (NodeKind::Concept, _) => ("([", "])"),
        (NodeKind::Claim, _) => ("[/", "/]"),
        (NodeKind::Source, _) => (">", "]"),
        (NodeKind::Document, _) => ("[(", ")]"),
    }
}

/// A label inside Mermaid double quotes: characters that could end the
/// string or be read as markup are entity codes, line breaks `<br>`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br>"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for a `%%` comment, which ends at the line's end. Mermaid reads a
/// `%%{init: …}%%` directive anywhere in the text, so `%` becomes the
/// full-width `％` and no name can start one.
fn single_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '%' => '％',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_cannot_start_a_directive() {
        let hostile = ArgGraph::new("x %%{init: {\"themeCSS\": \"*{display:none}\"}}%%");
        let text = graph_to_mermaid(&hostile);
        assert_eq!(text.matches("%%").count(), 1, "{text}");
    }

    #[test]
    fn escaping_table() {
        let rows = [
            ("plain", "plain"),
            ("say \"hi\" #1", "say #quot;hi#quot; #35;1"),
            ("<b>&</b>", "#lt;b#gt;#amp;#lt;/b#gt;"),
            ("two\nlines\r", "two<br>lines"),
            ("`code` Ünï", "#96;code#96; Ünï"),
        ];
        for (text, want) in rows {
            assert_eq!(escape(text), want, "{text:?}");
        }
    }

    #[test]
    fn classes_group_nodes_by_kind() {
        let mut graph = ArgGraph::new("two\nlines");
        let d = graph.add_node(Node::new(NodeKind::Document, "d"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
        let e = graph.add_node(Node::new(NodeKind::Concept, "e"));
        graph.add_occurrence(d, c, Relation::Mentions, None);
        graph.add_occurrence(c, e, Relation::CoOccurs, None);
        let text = graph_to_mermaid(&graph);
        assert!(text.starts_with("%% two lines\nflowchart LR\n"), "{text}");
        assert!(text.contains("  class n1,n2 concept\n"), "{text}");
        assert!(text.contains("  n1 ---|\"co occurs\"| n2\n"), "{text}");
        assert!(text.contains("  linkStyle 0 stroke:#bdbdbd,stroke-width:1px\n"));
    }
}

//! Export stage, DOT: the look of edges — colour, width and style by
//! relation and confidence, and a tooltip that says who does what to whom
//! with the first sentences behind it — and the dotted lines of codebook
//! affiliations the texts never state.

use std::collections::{HashMap, HashSet};

use graphviz_rust::dot_structures::{Attribute, Edge as DotEdge, EdgeTy, Stmt, Vertex};
use petgraph::graph::NodeIndex;

use super::super::style::{self, number};
use super::{attribute, node_id, plural};
use crate::model::{ArgGraph, Edge, NodeKind, Relation, node_key};

/// Evidence sentences shown in an edge tooltip.
const TOOLTIP_SENTENCES: usize = 3;

pub(super) fn edge_attributes(
    edge: &Edge,
    ends: (&str, &str),
    titles: &HashMap<&str, &str>,
) -> Vec<Attribute> {
    let look = style::edge_look(edge.relation);
    // An uncertain stance is drawn thin and pale: a reader should see at a
    // glance which lines rest on weak evidence.
    let uncertain = edge.relation.is_stance() && edge.confidence() < style::CONFIDENT;
    let width = if look.emphasised {
        let full = 1.2 + edge.weight.max(1.0).ln();
        format!("{:.2}", if uncertain { full * 0.5 } else { full })
    } else {
        "0.6".to_owned()
    };
    let colour = if uncertain {
        format!("{}80", look.colour)
    } else {
        look.colour.to_owned()
    };
    let mut attributes = vec![attribute("color", &colour), attribute("penwidth", &width)];
    if look.style != "solid" {
        attributes.push(attribute("style", look.style));
    }
    if look.arrowhead == "none" {
        attributes.push(attribute("dir", "none"));
    } else if look.arrowhead != "normal" {
        attributes.push(attribute("arrowhead", look.arrowhead));
    }
    if !look.emphasised {
        attributes.push(attribute("arrowsize", "0.5"));
    }
    if edge.relation == Relation::CoOccurs {
        // Co-occurrence has no direction; it must not rank concepts.
        attributes.push(attribute("constraint", "false"));
    }
    attributes.push(attribute("tooltip", &edge_tooltip(edge, ends, titles)));
    attributes
}

/// Dotted lines from people to the organisations their codebook entry
/// names (`affiliation`) where the texts gave no `affiliated_with` edge
/// and both are in the view, so that a person does not float apart from
/// their organisation. Drawn only: the graph holds no edge without a
/// sentence.
pub(super) fn codebook_affiliations(graph: &ArgGraph) -> Vec<Stmt> {
    let drawn: HashSet<(NodeIndex, NodeIndex)> = graph
        .edges()
        .filter(|(_, _, e)| e.relation == Relation::AffiliatedWith)
        .map(|(s, t, _)| (s, t))
        .collect();
    let mut lines = Vec::new();
    for (person, node) in graph.nodes() {
        let Some(name) = node.attributes.get("affiliation").and_then(|a| a.as_str()) else {
            continue;
        };
        let Some(organisation) = graph.node_index(&node_key(NodeKind::Actor, name)) else {
            continue;
        };
        if organisation == person || drawn.contains(&(person, organisation)) {
            continue;
        }
        let look = style::edge_look(Relation::AffiliatedWith);
        let tooltip = format!(
            "{} is affiliated with {} (the codebook says so; no sentence in the texts)",
            node.label,
            graph.node(organisation).label
        );
        lines.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(node_id(&node.key)),
                Vertex::N(node_id(&graph.node(organisation).key)),
            ),
            attributes: vec![
                attribute("color", look.colour),
                attribute("penwidth", "0.8"),
                attribute("style", "dotted"),
                attribute("arrowhead", look.arrowhead),
                attribute("arrowsize", "0.5"),
                attribute("tooltip", &tooltip),
            ],
        }));
    }
    lines
}

/// "A supports B (3 times, confidence 0.81)", then the first sentences,
/// each after its document's title (its id when it has none).
fn edge_tooltip(
    edge: &Edge,
    (source, target): (&str, &str),
    titles: &HashMap<&str, &str>,
) -> String {
    let verb = edge.relation.as_str().replace('_', " ");
    let times = if edge.weight == 1.0 {
        "once".to_owned()
    } else if edge.weight.fract() == 0.0 && edge.weight.abs() < 1e15 {
        format!("{:.0} times", edge.weight)
    } else {
        format!("weight {}", number(edge.weight))
    };
    let mut tooltip = if edge.relation.is_stance() {
        format!(
            "{source} {verb} {target} ({times}, confidence {:.2})",
            edge.confidence()
        )
    } else {
        format!("{source} {verb} {target} ({times})")
    };
    for evidence in edge.evidence.iter().take(TOOLTIP_SENTENCES) {
        let document = titles
            .get(evidence.document.as_str())
            .copied()
            .unwrap_or(&evidence.document);
        tooltip.push_str(&format!("\n{document}: \u{201c}{}\u{201d}", evidence.text));
    }
    let more = edge.evidence.len().saturating_sub(TOOLTIP_SENTENCES);
    if more > 0 {
        tooltip.push_str(&format!("\n(+{more} more sentence{})", plural(more)));
    }
    tooltip
}

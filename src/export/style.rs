//! Export stage: how nodes and edges look, shared by every format that
//! carries looks (DOT, GEXF's viz colours, Mermaid's classes): shape and
//! colour by kind, colours by community, stroke by relation, and sizes from
//! a measure. It decides looks only; writing is each format's job.

use crate::model::{Node, NodeKind, Relation};

/// Stance edges less sure than this are drawn thin and pale.
pub const CONFIDENT: f64 = 0.6;

/// The look of a node kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeLook {
    /// Graphviz shape.
    pub shape: &'static str,
    /// Graphviz style.
    pub style: &'static str,
    /// Fill colour, `#rrggbb`.
    pub fill: &'static str,
    /// The name shown in legends.
    pub name: &'static str,
}

/// The look of `node` by kind; people and organisations differ in fill and
/// corners.
pub(crate) fn node_look(node: &Node) -> NodeLook {
    look_of(node.kind, node.subkind.as_deref())
}

pub(crate) fn look_of(kind: NodeKind, subkind: Option<&str>) -> NodeLook {
    let (shape, style, fill, name) = match (kind, subkind) {
        (NodeKind::Actor, Some("person")) => ("box", "rounded,filled", "#fde0c5", "person"),
        (NodeKind::Actor, Some("organisation")) => ("box", "filled", "#f6b26b", "organisation"),
        (NodeKind::Actor, _) => ("box", "filled", "#f6b26b", "actor"),
        (NodeKind::Concept, _) => ("ellipse", "filled", "#cfe2f3", "concept"),
        (NodeKind::Claim, _) => ("box", "filled,dashed", "#ffffff", "claim"),
        // A work of a citation network: the legend says "work", not "source".
        (NodeKind::Source, Some("work")) => ("note", "filled", "#fff2cc", "work"),
        (NodeKind::Source, _) => ("note", "filled", "#fff2cc", "source"),
        (NodeKind::Document, _) => ("folder", "filled", "#eeeeee", "document"),
    };
    NodeLook {
        shape,
        style,
        fill,
        name,
    }
}

/// Colours for communities 0 (the largest) to 11: ColorBrewer Set3, which
/// stays readable under black text. Smaller communities share [`OTHER_COMMUNITY`].
pub(crate) const COMMUNITY_COLOURS: [&str; 12] = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
];

/// Fill of nodes in communities beyond the twelfth, or without one.
pub(crate) const OTHER_COMMUNITY: &str = "#f5f5f5";

/// The `community` attribute of a node, when it is a whole number ≥ 0.
pub(crate) fn community(node: &Node) -> Option<u64> {
    node.attributes.get("community").and_then(|v| v.as_u64())
}

pub(crate) fn community_fill(community: Option<u64>) -> &'static str {
    community
        .and_then(|c| COMMUNITY_COLOURS.get(usize::try_from(c).ok()?))
        .copied()
        .unwrap_or(OTHER_COMMUNITY)
}

/// The look of an edge relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EdgeLook {
    pub colour: &'static str,
    /// Graphviz style (`solid`, `dashed`, `dotted`).
    pub style: &'static str,
    pub arrowhead: &'static str,
    /// Drawn with width by weight (stance) or thin.
    pub emphasised: bool,
}

/// Stance relations stand out (green solid, red dashed); the rest are grey
/// and thin, told apart by line style and arrowhead.
pub(crate) fn edge_look(relation: Relation) -> EdgeLook {
    let (colour, style, arrowhead, emphasised) = match relation {
        Relation::Supports => ("#2e7d32", "solid", "normal", true),
        Relation::Critiques => ("#c62828", "dashed", "normal", true),
        Relation::Mentions => ("#bdbdbd", "solid", "normal", false),
        Relation::CoOccurs => ("#9e9e9e", "solid", "none", false),
        // Solid and darker than mentions: in a citation network every
        // line is a citation, and dotted hairlines vanished on a slide.
        Relation::Cites => ("#616161", "solid", "vee", false),
        Relation::Quotes => ("#757575", "dotted", "open", false),
        Relation::AffiliatedWith => ("#757575", "solid", "odot", false),
        Relation::Asserts => ("#5c6bc0", "solid", "empty", false),
    };
    EdgeLook {
        colour,
        style,
        arrowhead,
        emphasised,
    }
}

/// Scores mapped to 0..=1 by the square root of their share of the range,
/// so that area grows with the score. All-equal or empty scores map to 0;
/// NaN counts as the smallest.
pub(crate) fn relative_sizes(scores: &[f64]) -> Vec<f64> {
    let finite = scores.iter().copied().filter(|s| s.is_finite());
    let low = finite.clone().fold(f64::INFINITY, f64::min);
    let high = finite.fold(f64::NEG_INFINITY, f64::max);
    scores
        .iter()
        .map(|&score| {
            if high <= low || !high.is_finite() || !score.is_finite() {
                0.0
            } else {
                ((score - low) / (high - low)).sqrt()
            }
        })
        .collect()
}

/// `#rrggbb` as three bytes (0 for anything unparsable).
pub(crate) fn rgb(colour: &str) -> [u8; 3] {
    let hex = colour.trim_start_matches('#');
    let part = |at: usize| {
        hex.get(at..at + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    [part(0), part(2), part(4)]
}

/// A float in a fixed, short form: one decimal for whole numbers, else the
/// shortest form that reads back the same. Deterministic across platforms.
pub(crate) fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.1}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_table() {
        let rows: [(&[f64], &[f64]); 4] = [
            (&[], &[]),
            (&[3.0, 3.0], &[0.0, 0.0]),
            (&[0.0, 1.0, 4.0], &[0.0, 0.5, 1.0]),
            (&[f64::NAN, 2.0, 6.0], &[0.0, 0.0, 1.0]),
        ];
        for (scores, want) in rows {
            assert_eq!(relative_sizes(scores), want, "{scores:?}");
        }
    }

    #[test]
    fn numbers_and_colours() {
        assert_eq!(number(2.0), "2.0");
        assert_eq!(number(0.125), "0.125");
        assert_eq!(number(-3.0), "-3.0");
        assert_eq!(rgb("#2e7d32"), [0x2e, 0x7d, 0x32]);
        assert_eq!(community_fill(Some(0)), "#8dd3c7");
        assert_eq!(community_fill(Some(12)), OTHER_COMMUNITY);
        assert_eq!(community_fill(None), OTHER_COMMUNITY);
    }
}

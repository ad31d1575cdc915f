//! Export stage: the graph as Graphviz DOT, built with graphviz-rust's DOT
//! model (never by string concatenation) and printed by its printer. Node
//! shape and colour follow the node kind (or the community, when analysis
//! stored one); node size follows a measure the caller scored; stance edges
//! are green (supports) and red dashed (critiques), other relations grey and
//! thin. Every node and edge has a tooltip (kind and counts; the evidence
//! sentences), so the SVG can be explored in a browser, and a legend explains
//! what is drawn. It does not filter (see `crate::view`) and computes no
//! measure: callers pass the graph and the scores they want drawn.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

mod edges;

use super::legend::{Legend, legend_html};
use super::render::{LayoutEngine, RankDir};
use super::style::{self, number};
use crate::model::{ArgGraph, Node, NodeKind};
use edges::{codebook_affiliations, edge_attributes};

/// Words of a claim's label (the tooltip has all of them).
const CLAIM_WORDS: usize = 24;
/// Longest line of a claim's label, in characters.
const CLAIM_WIDTH: usize = 34;

/// Longest label line, in characters, before wrapping.
const LABEL_WIDTH: usize = 18;

/// How to draw a graph. `DotStyle::default()` is the overview style without
/// sizes; [`DotStyle::overview`] sizes nodes by mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct DotStyle {
    /// The layout engine: argnet renders with it (`dot -K…`), and the DOT
    /// text names it in a comment on its first line. It is not written as
    /// `layout=…`, which would override a `-K` the user gives Graphviz.
    pub layout: LayoutEngine,
    /// Direction of ranks for the `dot` engine.
    pub rankdir: Option<RankDir>,
    /// Node sizes from a measure.
    pub sizes: Option<NodeSizes>,
    pub colour: ColourBy,
    /// Draw a legend (otherwise just the title).
    pub legend: bool,
    /// Title; `None` uses the graph's name.
    pub title: Option<String>,
    /// Id of a node to draw with a heavy outline (the centre of an ego view).
    pub highlight: Option<String>,
    /// Height ÷ width the drawing is stretched to (Graphviz `ratio`: node
    /// positions spread, text keeps its size); `None` leaves the layout's
    /// own shape. Default 9/16, a slide.
    pub aspect: Option<f64>,
}

/// Height ÷ width of a 16:9 slide.
pub const SLIDE_ASPECT: f64 = 9.0 / 16.0;

impl Default for DotStyle {
    fn default() -> Self {
        DotStyle {
            layout: LayoutEngine::Neato,
            rankdir: None,
            sizes: None,
            colour: ColourBy::Auto,
            legend: true,
            title: None,
            highlight: None,
            aspect: Some(SLIDE_ASPECT),
        }
    }
}

impl DotStyle {
    /// The default style with nodes sized by their mentions.
    pub fn overview(graph: &ArgGraph) -> Self {
        let scores = graph.nodes().map(|(_, n)| n.mentions as f64).collect();
        DotStyle::default().with_sizes(NodeSizes {
            measure: "mentions".into(),
            scores,
        })
    }

    pub fn with_layout(mut self, layout: LayoutEngine) -> Self {
        self.layout = layout;
        self
    }

    pub fn with_rankdir(mut self, rankdir: Option<RankDir>) -> Self {
        self.rankdir = rankdir;
        self
    }

    pub fn with_sizes(mut self, sizes: NodeSizes) -> Self {
        self.sizes = Some(sizes);
        self
    }

    pub fn with_colour(mut self, colour: ColourBy) -> Self {
        self.colour = colour;
        self
    }

    pub fn with_legend(mut self, legend: bool) -> Self {
        self.legend = legend;
        self
    }

    pub fn with_title(mut self, title: Option<String>) -> Self {
        self.title = title;
        self
    }

    pub fn with_aspect(mut self, aspect: Option<f64>) -> Self {
        self.aspect = aspect;
        self
    }

    pub fn with_highlight(mut self, node_id: Option<String>) -> Self {
        self.highlight = node_id;
        self
    }
}

/// One score per node of the drawn graph (by node index) and the name of
/// the measure, for the legend and tooltips.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeSizes {
    pub measure: String,
    pub scores: Vec<f64>,
}

/// What the fill colour of a node shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourBy {
    /// By community when some node has a `community` attribute, else by kind.
    #[default]
    Auto,
    Kind,
    Community,
}

/// The graph as DOT text in the overview style, ending in a newline.
pub fn graph_to_dot(graph: &ArgGraph) -> String {
    graph_to_dot_with(graph, &DotStyle::overview(graph))
}

/// The graph as DOT text in `style`, ending in a newline. The first line
/// is a comment naming the layout engine it was drawn with.
pub fn graph_to_dot_with(graph: &ArgGraph, style: &DotStyle) -> String {
    let mut context = PrinterContext::default();
    let engine = style.layout.as_str();
    let mut text =
        format!("// drawn with the {engine} layout: dot -K{engine} -Tsvg FILE.dot -o FILE.svg\n");
    text.push_str(&dot_graph(graph, style).print(&mut context));
    text.push('\n');
    text
}

/// The graph in graphviz-rust's DOT model.
pub fn dot_graph(graph: &ArgGraph, style: &DotStyle) -> Graph {
    let by_community = match style.colour {
        ColourBy::Kind => false,
        ColourBy::Community => true,
        ColourBy::Auto => graph.nodes().any(|(_, n)| style::community(n).is_some()),
    };
    let title = style.title.as_deref().unwrap_or(&graph.name);
    let mut graph_attributes = Vec::new();
    if let Some(rankdir) = style.rankdir {
        graph_attributes.push(attribute("rankdir", rankdir.as_str()));
    }
    if style.layout != LayoutEngine::Dot {
        // Organic layouts overlap nodes unless told not to.
        graph_attributes.push(attribute("overlap", "prism"));
    }
    if let Some(aspect) = style.aspect.filter(|a| a.is_finite() && *a > 0.0) {
        graph_attributes.push(attribute("ratio", &style::number(aspect)));
    }
    graph_attributes.extend([
        attribute("splines", "true"),
        attribute("outputorder", "edgesfirst"),
        attribute("pad", "0.3"),
        attribute("fontname", "Helvetica"),
        attribute("labelloc", "t"),
        attribute("labeljust", "l"),
    ]);
    if style.legend {
        let legend = Legend {
            title,
            size_measure: style.sizes.as_ref().map(|s| s.measure.as_str()),
            by_community,
        };
        graph_attributes.push(Attribute(
            Id::Plain("label".into()),
            Id::Html(format!("<{}>", legend_html(graph, &legend))),
        ));
    } else {
        graph_attributes.extend([attribute("label", title), attribute("fontsize", "16")]);
    }
    let mut statements = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attributes)),
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
    let relative = style
        .sizes
        .as_ref()
        .map(|s| style::relative_sizes(&s.scores));
    for (index, node) in graph.nodes() {
        let size = style.sizes.as_ref().zip(relative.as_ref()).map(|(s, r)| {
            let at = index.index();
            SizeOf {
                measure: &s.measure,
                score: s.scores.get(at).copied().unwrap_or(f64::NAN),
                relative: r.get(at).copied().unwrap_or(0.0),
            }
        });
        let mut attributes = node_attributes(node, size, by_community);
        if style.highlight.as_deref() == Some(node.key.as_str()) {
            attributes.push(attribute("penwidth", "3"));
        }
        statements.push(Stmt::Node(DotNode::new(node_id(&node.key), attributes)));
    }
    let titles: std::collections::HashMap<&str, &str> = graph
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.meta.title.as_deref()?)))
        .collect();
    for (source, target, edge) in graph.edges() {
        let ends = (
            graph.node(source).label.as_str(),
            graph.node(target).label.as_str(),
        );
        statements.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(node_id(&graph.node(source).key)),
                Vertex::N(node_id(&graph.node(target).key)),
            ),
            attributes: edge_attributes(edge, ends, &titles),
        }));
    }
    statements.extend(codebook_affiliations(graph));
    Graph::DiGraph {
        id: quoted(&graph.name),
        strict: false,
        stmts: statements,
    }
}

struct SizeOf<'a> {
    measure: &'a str,
    score: f64,
    relative: f64,
}

fn node_attributes(node: &Node, size: Option<SizeOf>, by_community: bool) -> Vec<Attribute> {
    let look = style::node_look(node);
    let community = style::community(node);
    let fill = if by_community {
        style::community_fill(community)
    } else {
        look.fill
    };
    let kind = match &node.subkind {
        Some(subkind) => format!("{} ({subkind})", node.kind.as_str()),
        None => node.kind.as_str().to_owned(),
    };
    let mut tooltip = format!(
        "{}\n{kind}; {} mention{} in {} document{}",
        node.label,
        node.mentions,
        plural(node.mentions as usize),
        node.documents.len(),
        plural(node.documents.len()),
    );
    if let Some(size) = &size {
        tooltip.push_str(&format!("\n{}: {}", size.measure, score_text(size.score)));
    }
    if let Some(community) = community {
        tooltip.push_str(&format!("\ncommunity {community}"));
    }
    // A work's year belongs on its label: a citation diagram is read in time.
    let label = match node.attributes.get("year").and_then(|y| y.as_i64()) {
        Some(year) if node.subkind.as_deref() == Some(crate::model::WORK_SUBKIND) => {
            format!("{} ({year})", node.label)
        }
        _ => node.label.clone(),
    };
    // A claim is a sentence: wider lines, and cut to what a slide can
    // show (the tooltip keeps the whole text).
    let label = match node.kind {
        NodeKind::Claim => wrap(&first_words(&label, CLAIM_WORDS), CLAIM_WIDTH),
        _ => wrap(&label, LABEL_WIDTH),
    };
    let mut attributes = vec![
        attribute("label", &label),
        attribute("shape", look.shape),
        attribute("style", look.style),
        attribute("fillcolor", fill),
        attribute("tooltip", &tooltip),
    ];
    if let Some(size) = size {
        // A larger font grows the whole node and keeps the label readable.
        attributes.push(attribute(
            "fontsize",
            &format!("{:.1}", 11.0 + 11.0 * size.relative),
        ));
    }
    attributes
}

fn score_text(score: f64) -> String {
    if score.is_finite() {
        // Four significant decimals are plenty on a tooltip.
        let rounded = (score * 10_000.0).round() / 10_000.0;
        number(rounded)
    } else {
        "none".to_owned()
    }
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Break `text` into lines of at most `width` characters at spaces (a
/// longer word stays whole). Line breaks in the text are kept.
/// The first `count` words of `text`, with "…" when it goes on.
fn first_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= count {
        return words.join(" ");
    }
    format!("{} …", words[..count].join(" "))
}

pub(crate) fn wrap(text: &str, width: usize) -> String {
    text.lines()
        .map(|line| wrap_line(line, width))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn wrap_line(text: &str, width: usize) -> String {
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

/// Graphviz refuses a quoted string of more than 16,384 bytes (and the
/// whole build with it); what DOT carries is cut well below that, with an
/// ellipsis. The graph JSON and the other exports keep the whole text.
const DOT_STRING_BYTES: usize = 8_000;

/// A node's DOT id: its key, or, for a key too long for Graphviz, the
/// key's start and a hash of all of it, so that two long keys never meet.
fn node_id(key: &str) -> NodeId {
    const KEEP: usize = 200;
    if key.len() <= DOT_STRING_BYTES / 8 {
        return NodeId(quoted(key), None);
    }
    let start: String = key.chars().take(KEEP).collect();
    NodeId(quoted(&format!("{start}…#{:016x}", stable_hash(key))), None)
}

/// FNV-1a: the same key gives the same id on every machine and version.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A DOT double-quoted string. Backslashes, quotes and ampersands are
/// escaped (`&` as `&amp;`, which Graphviz shows as `&`); line
/// breaks become DOT's centred `\n`; carriage returns and other control
/// characters, and whatever XML (so SVG) cannot carry, are dropped. Text
/// longer than [`DOT_STRING_BYTES`] is cut with an ellipsis.
pub(crate) fn quoted(value: &str) -> Id {
    let mut escaped = String::with_capacity(value.len() + 2);
    escaped.push('"');
    for c in value.chars().filter(|&c| super::xml::allowed(c)) {
        // The longest escape is `&amp;`; leave room for it and "…\"".
        if escaped.len() + 5 + 4 > DOT_STRING_BYTES {
            escaped.push('…');
            break;
        }
        match c {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            // Graphviz reads entities in every string (`&amp;` shows as
            // `&`, `&#0;` would make the SVG invalid): a literal `&` is one.
            '&' => escaped.push_str("&amp;"),
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
    use crate::model::{NodeKind, Relation};

    #[test]
    fn works_show_their_year_and_the_legend_calls_them_works() {
        let mut graph = ArgGraph::new("g");
        let mut work = Node::new(NodeKind::Source, "Payment by results");
        work.subkind = Some(crate::model::WORK_SUBKIND.into());
        work.attributes.insert("year".into(), 2009.into());
        let cited = graph.add_node(work);
        let mut plain = Node::new(NodeKind::Source, "W2");
        plain.subkind = Some(crate::model::WORK_SUBKIND.into());
        let citing = graph.add_node(plain);
        graph.add_occurrence(citing, cited, Relation::Cites, None);
        let dot = graph_to_dot(&graph);
        assert!(
            dot.contains(r#"label="Payment by results\n(2009)""#),
            "{dot}"
        );
        assert!(dot.contains("label=\"W2\""), "{dot}");
        assert!(dot.contains("\">work<br/>"), "{dot}");
        assert!(!dot.contains("style=\"dotted\""), "{dot}");
    }

    #[test]
    fn codebook_affiliations_are_drawn_where_the_texts_gave_none() {
        let mut graph = ArgGraph::new("g");
        let mut ann = Node::new(NodeKind::Actor, "Ann");
        ann.attributes.insert("affiliation".into(), "Trust".into());
        let mut bob = Node::new(NodeKind::Actor, "Bob");
        bob.attributes.insert("affiliation".into(), "Trust".into());
        let mut cy = Node::new(NodeKind::Actor, "Cy");
        cy.attributes
            .insert("affiliation".into(), "Absent Body".into());
        graph.add_node(ann);
        let bob = graph.add_node(bob);
        graph.add_node(cy);
        let trust = graph.add_node(Node::new(NodeKind::Actor, "Trust"));
        // The texts tie Bob to the Trust: that edge is drawn as usual.
        graph.add_occurrence(bob, trust, Relation::AffiliatedWith, None);
        let dot = graph_to_dot(&graph);
        let dotted: Vec<&str> = dot
            .lines()
            .filter(|l| l.contains("the codebook says so"))
            .collect();
        assert_eq!(dotted.len(), 1, "{dot}");
        assert!(
            dotted[0].contains("\"actor:ann\" -> \"actor:trust\""),
            "{dot}"
        );
        assert!(dotted[0].contains("style=\"dotted\""), "{dot}");
    }

    #[test]
    fn quoting_table() {
        let rows = [
            ("plain", "\"plain\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("back\\slash", "\"back\\\\slash\""),
            ("two\nlines\r", "\"two\\nlines\""),
            ("<b>&amp;</b> ü", "\"<b>&amp;amp;</b> ü\""),
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
    fn long_text_is_cut_below_the_graphviz_limit_and_long_ids_stay_apart() {
        let sentence = "&".repeat(40_000);
        let Id::Escaped(text) = quoted(&sentence) else {
            panic!("quoted gives an escaped id")
        };
        assert!(text.len() <= DOT_STRING_BYTES, "{}", text.len());
        assert!(text.ends_with("…\""));
        let a = format!("concept:{}a", "x".repeat(20_000));
        let b = format!("concept:{}b", "x".repeat(20_000));
        assert_ne!(node_id(&a), node_id(&b));
        assert_eq!(node_id(&a), node_id(&a.clone()));
        assert_eq!(
            node_id("concept:short"),
            NodeId(quoted("concept:short"), None)
        );
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
            ("kept\nbreak", "kept\nbreak"),
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
        for style in [
            DotStyle::overview(&graph),
            DotStyle::default().with_legend(false),
        ] {
            let text = graph_to_dot_with(&graph, &style);
            let parsed = graphviz_rust::parse(&text);
            assert!(parsed.is_ok(), "{parsed:?}\n{text}");
        }
    }

    #[test]
    fn styles_follow_relation_size_and_community() {
        let mut graph = ArgGraph::new("g");
        let mut a = Node::new(NodeKind::Actor, "a");
        a.attributes.insert("community".into(), 1.into());
        let a = graph.add_node(a);
        let c = graph.add_node(Node::new(NodeKind::Concept, "c"));
        graph.add_edge(a, c, Relation::Supports, 3.0, Vec::new());
        graph.add_occurrence(a, c, Relation::Critiques, None);
        let sizes = NodeSizes {
            measure: "pagerank".into(),
            scores: vec![0.9, 0.1],
        };
        let text = graph_to_dot_with(
            &graph,
            &DotStyle::default()
                .with_sizes(sizes)
                .with_layout(LayoutEngine::Dot)
                .with_rankdir(Some(RankDir::LeftRight)),
        );
        assert!(
            text.starts_with("// drawn with the dot layout: dot -Kdot"),
            "{text}"
        );
        assert!(
            text.contains("rankdir=\"LR\"") && !text.contains("layout="),
            "{text}"
        );
        assert!(!text.contains("overlap"), "{text}");
        // Community 1's colour; the node without one is light grey.
        assert!(text.contains("fillcolor=\"#ffffb3\""), "{text}");
        assert!(text.contains("fillcolor=\"#f5f5f5\""), "{text}");
        assert!(text.contains("fontsize=\"22.0\"") && text.contains("fontsize=\"11.0\""));
        assert!(text.contains("pagerank: 0.9"), "{text}");
        assert!(
            text.contains("color=\"#2e7d32\" penwidth=\"2.30\""),
            "{text}"
        );
        assert!(text.contains("color=\"#c62828\" penwidth=\"1.20\" style=\"dashed\""));
        let by_kind = graph_to_dot_with(&graph, &DotStyle::default().with_colour(ColourBy::Kind));
        assert!(!by_kind.contains("#ffffb3") && by_kind.contains("#f6b26b"));
    }
}

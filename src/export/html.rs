//! Export stage: the explorer page, one self-contained HTML file (no
//! network access: it opens from a USB stick). The graph travels as JSON
//! inside the page with positions already computed here
//! ([`crate::view::force_layout`]), so the page draws at once; the page's
//! script (`html/explorer.js`) searches, filters, shows the sentences
//! behind a node or a line, the ego network, the coalitions (communities
//! of the actor congruence network) and the timeline, and downloads the
//! current view as SVG or PNG.
//!
//! Document text never becomes markup: the JSON is escaped so that no
//! `<`, `>` or `&` appears in it, the script writes text with
//! `textContent` only, and the page's Content-Security-Policy runs no
//! script but its own (by hash) and loads nothing from anywhere.

use std::collections::{HashMap, HashSet};

use base64::Engine;
use petgraph::graph::NodeIndex;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::style::{community_fill, edge_look, look_of};
use super::timeline::timeline_to_svg;
use super::xml::escape_text;
use crate::analysis::{LouvainConfig, Normalisation, coalitions, main_path_citations, timeline};
use crate::model::{ArgGraph, NodeKind, Relation};
use crate::view::force_layout;

const SCRIPT: &str = include_str!("html/explorer.js");
const STYLE: &str = include_str!("html/explorer.css");
/// Sentences kept per `mentions` / `co_occurs` line (all are kept for the
/// other relations): a document mentions an actor in dozens of sentences,
/// and the page would grow with every one.
const CONTEXT_SENTENCES: usize = 5;
/// Sentences kept per line of the other relations: the page lists them
/// all up to this, then says how many more the graph JSON holds.
const LINE_SENTENCES: usize = 100;
/// Concepts in the timeline.
const TIMELINE_ROWS: usize = 10;

/// The explorer page of `graph`.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A </script>"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let page = argnet::export::graph_to_html(&graph);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert_eq!(page.matches("</script>").count(), 2); // the page's own two
/// ```
pub fn graph_to_html(graph: &ArgGraph) -> String {
    let data = page_data(graph);
    let json = escape_json_for_script(&data.to_string());
    let title = escape_text(&graph.name);
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()));
    let timeline_svg = timeline_to_svg(
        &timeline(graph, TIMELINE_ROWS),
        &format!("{}: statements over time", graph.name),
    );
    let mut page = String::with_capacity(json.len() + SCRIPT.len() + STYLE.len() + 4096);
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-{hash}'; style-src 'unsafe-inline'; img-src data: blob:\">\n"
    ));
    page.push_str("<link rel=\"icon\" href=\"data:,\">\n");
    page.push_str(&format!("<title>{title} · argnet explorer</title>\n"));
    page.push_str("<style>\n");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n");
    page.push_str(&format!(
        r#"<header>
<h1 id="title">{title}</h1>
<div id="find"><input id="search" type="search" placeholder="Find a name or alias…" autocomplete="off" aria-label="Find a node"><ul id="suggestions" role="listbox"></ul></div>
<nav id="modes" aria-label="Views">
<button type="button" data-mode="network" class="on">Network</button>
<button type="button" data-mode="coalitions">Coalitions</button>
<button type="button" data-mode="timeline">Timeline</button>
</nav>
<div id="ego-tools">Ego of selection: <button type="button" data-radius="1">1 step</button><button type="button" data-radius="2">2 steps</button><button type="button" id="ego-off">Whole graph</button></div>
<div id="downloads"><button type="button" id="save-svg">SVG</button><button type="button" id="save-png">PNG</button></div>
</header>
<main>
<aside id="filters" aria-label="Filters"></aside>
<div id="stage"><canvas id="canvas" aria-label="The network; click a node or a line"></canvas><div id="legend"></div><div id="status"></div>
<div id="timeline" hidden>
"#
    ));
    page.push_str(&timeline_svg);
    page.push_str(
        r#"</div>
</div>
<aside id="details" aria-live="polite"><p class="hint">Click a node or a line to read the sentences behind it. Drag to move, scroll to zoom.</p></aside>
</main>
<script type="application/json" id="argnet-data">"#,
    );
    page.push_str(&json);
    page.push_str("</script>\n<script>");
    page.push_str(SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    page
}

/// JSON that is safe inside `<script>`: no `<`, `>` or `&` (so no
/// `</script>` or `<!--`), and no U+2028 / U+2029, each written as a
/// `\uXXXX` escape, which only occur inside JSON strings.
fn escape_json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Everything the page shows, as JSON.
fn page_data(graph: &ArgGraph) -> Value {
    let has_stance = graph.edges().any(|(_, _, e)| e.relation.is_stance());
    let positions = force_layout(graph.node_count(), &layout_edges(graph));
    // Size by mentions; in a network of works (no mentions) by citations
    // received.
    let cited = {
        let mut cited = vec![0usize; graph.node_count()];
        for (_, t, _) in graph.edges() {
            cited[t.index()] += 1;
        }
        cited
    };
    let all_zero = graph.nodes().all(|(_, n)| n.mentions == 0);
    let score = |i: NodeIndex| -> f64 {
        if all_zero {
            cited[i.index()] as f64
        } else {
            graph.node(i).mentions as f64
        }
    };
    let top = graph
        .nodes()
        .map(|(i, _)| score(i))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let document_index: HashMap<&str, usize> = graph
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let dates: HashMap<&str, &str> = graph
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.meta.date.as_deref()?)))
        .collect();

    let nodes: Vec<Value> = graph
        .nodes()
        .map(|(i, node)| {
            let look = look_of(node.kind, node.subkind.as_deref());
            let node_dates: Vec<&str> = node
                .documents
                .iter()
                .filter_map(|d| dates.get(d.as_str()).copied())
                .collect();
            let mut object = json!({
                "id": node.key,
                "label": node.label,
                "kind": node.kind.as_str(),
                "look": look.name,
                "fill": look.fill,
                "x": round(positions[i.index()][0]),
                "y": round(positions[i.index()][1]),
                "size": round(10.0 * (score(i) / top).sqrt()) / 10.0,
                "mentions": node.mentions,
            });
            if !node.aliases.is_empty() {
                object["aliases"] = json!(node.aliases);
            }
            if let (Some(first), Some(last)) = (node_dates.iter().min(), node_dates.iter().max()) {
                object["first"] = json!(first);
                object["last"] = json!(last);
            }
            if node.kind == NodeKind::Document {
                let id = node.key.strip_prefix("document:").unwrap_or(&node.key);
                if let Some(&d) = document_index.get(id) {
                    object["doc"] = json!(d);
                }
            }
            if let Some(year) = node.attributes.get("year") {
                object["year"] = year.clone();
            }
            object
        })
        .collect();

    let main_path = main_path_edges(graph);
    let edges: Vec<Value> = graph
        .edges()
        .map(|(s, t, edge)| {
            let keep = if matches!(edge.relation, Relation::Mentions | Relation::CoOccurs) {
                CONTEXT_SENTENCES
            } else {
                LINE_SENTENCES
            };
            let evidence: Vec<Value> = edge
                .evidence
                .iter()
                .take(keep)
                .map(|e| {
                    json!([
                        document_index.get(e.document.as_str()).copied(),
                        e.text,
                        round(e.confidence * 10.0) / 10.0,
                    ])
                })
                .collect();
            let mut object = json!({
                "s": s.index(),
                "t": t.index(),
                "rel": edge.relation.as_str(),
                "w": edge.weight,
                "c": round(edge.confidence() * 10.0) / 10.0,
                "ev": evidence,
            });
            if edge.evidence.len() > keep {
                object["more"] = json!(edge.evidence.len() - keep);
            }
            if main_path.contains(&(s, t)) && edge.relation == Relation::Cites {
                object["main"] = json!(true);
            }
            object
        })
        .collect();

    let documents: Vec<Value> = graph
        .documents
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "title": d.meta.title.clone().unwrap_or_else(|| d.id.clone()),
                "date": d.meta.date,
                "author": d.meta.author,
            })
        })
        .collect();

    let kinds: Vec<Value> = NodeKind::ALL
        .iter()
        .filter(|k| graph.nodes().any(|(_, n)| n.kind == **k))
        .map(|k| {
            let look = look_of(*k, None);
            json!({"name": k.as_str(), "fill": look.fill})
        })
        .collect();
    let relations: Vec<Value> = Relation::ALL
        .iter()
        .filter(|r| graph.edges().any(|(_, _, e)| e.relation == **r))
        .map(|r| {
            let look = edge_look(*r);
            json!({"name": r.as_str(), "colour": look.colour, "style": look.style, "directed": !r.is_undirected()})
        })
        .collect();

    json!({
        "format": "argnet-explorer/1",
        "name": graph.name,
        "nodes": nodes,
        "edges": edges,
        "docs": documents,
        "kinds": kinds,
        "relations": relations,
        "statements": has_stance,
        "coalitions": coalition_data(graph),
        "main_path": !main_path.is_empty(),
    })
}

/// The edges that place nodes: everything but `mentions` and
/// `co_occurs` (a document mentions half the graph and would pull it into
/// one knot), which only place nodes that have nothing else.
fn layout_edges(graph: &ArgGraph) -> Vec<(usize, usize, f64)> {
    let structural = |r: Relation| !matches!(r, Relation::Mentions | Relation::CoOccurs);
    let mut placed = vec![false; graph.node_count()];
    let mut edges = Vec::new();
    for (s, t, edge) in graph.edges() {
        if structural(edge.relation) {
            placed[s.index()] = true;
            placed[t.index()] = true;
            edges.push((s.index(), t.index(), edge.weight));
        }
    }
    for (s, t, edge) in graph.edges() {
        if !structural(edge.relation) && (!placed[s.index()] || !placed[t.index()]) {
            edges.push((s.index(), t.index(), edge.weight.min(1.0)));
        }
    }
    edges
}

/// The key-route main paths of the `cites` layer, as (citing, cited)
/// pairs; empty without citations or when the analysis fails.
fn main_path_edges(graph: &ArgGraph) -> HashSet<(NodeIndex, NodeIndex)> {
    // Only a network of works: the sources a debate cites have no paths.
    let works = graph
        .nodes()
        .any(|(_, n)| n.subkind.as_deref() == Some(crate::model::WORK_SUBKIND));
    if !works || !graph.edges().any(|(_, _, e)| e.relation == Relation::Cites) {
        return HashSet::new();
    }
    main_path_citations(graph)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// Actors, their congruence ties (DNA's, normalised by average activity)
/// and their coalitions (Louvain communities), laid out apart from the
/// main network.
fn coalition_data(graph: &ArgGraph) -> Value {
    let found = coalitions(
        graph,
        Normalisation::AverageActivity,
        &LouvainConfig::default(),
    );
    let network = &found.network;
    if network.nodes.len() < 2 {
        return Value::Null;
    }
    let edges: Vec<(usize, usize, f64)> = network
        .edges
        .iter()
        .map(|&(a, b, w)| (a as usize, b as usize, w))
        .collect();
    let positions = force_layout(network.nodes.len(), &edges);
    let partition = &found.communities.partition;
    let nodes: Vec<Value> = network
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let community = partition.of.get(i).copied().unwrap_or(0) as u64;
            json!({
                "n": n.index(),
                "x": round(positions[i][0]),
                "y": round(positions[i][1]),
                "group": community,
                "fill": community_fill(Some(community)),
            })
        })
        .collect();
    let ties: Vec<Value> = network
        .edges
        .iter()
        .map(|&(a, b, w)| json!([a, b, (w * 1000.0).round() / 1000.0]))
        .collect();
    json!({
        "nodes": nodes,
        "edges": ties,
        "groups": partition.count,
        "modularity": (found.communities.modularity * 1000.0).round() / 1000.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Node};

    fn hostile_graph() -> ArgGraph {
        let mut graph = ArgGraph::new("g</title><script>alert(1)</script>");
        let a = graph.add_node(Node::new(NodeKind::Actor, "A\"'</script><!--"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "C & <b>"));
        graph.add_edge(
            a,
            c,
            Relation::Supports,
            1.0,
            vec![Evidence {
                document: "d".into(),
                span: 0..1,
                text: "<script>alert('x')</script>\u{2028}".into(),
                confidence: 0.7,
                basis: None,
            }],
        );
        graph
    }

    #[test]
    fn document_text_never_becomes_markup() {
        let page = graph_to_html(&hostile_graph());
        // The page's own: one JSON block and one script.
        assert_eq!(page.matches("<script").count(), 2, "{page}");
        assert_eq!(page.matches("</script>").count(), 2);
        assert!(!page.contains("<b>") && !page.contains("<!--"));
        assert!(page.contains("g&lt;/title&gt;&lt;script&gt;"));
        // The data reads back as the same strings.
        let start = page.find("id=\"argnet-data\">").unwrap() + "id=\"argnet-data\">".len();
        let end = start + page[start..].find("</script>").unwrap();
        let data: Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(data["nodes"][0]["label"], "A\"'</script><!--");
        assert_eq!(
            data["edges"][0]["ev"][0][1],
            "<script>alert('x')</script>\u{2028}"
        );
    }

    #[test]
    fn the_policy_allows_only_the_pages_own_script() {
        let page = graph_to_html(&hostile_graph());
        let hash =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()));
        assert!(page.contains(&format!("script-src 'sha256-{hash}'")));
        assert!(page.contains("default-src 'none'"));
        // The script is inlined byte for byte, so the hash holds.
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
    }

    #[test]
    fn deterministic_with_positions_and_sizes() {
        let graph = hostile_graph();
        assert_eq!(graph_to_html(&graph), graph_to_html(&graph));
        let data = page_data(&graph);
        assert_eq!(data["nodes"].as_array().unwrap().len(), 2);
        assert!(data["nodes"][0]["x"].is_number());
        assert_eq!(data["relations"][0]["name"], "supports");
        assert_eq!(data["coalitions"], Value::Null, "one actor, no coalitions");
    }

    #[test]
    fn main_path_marked_in_citation_graphs() {
        let mut graph = ArgGraph::new("works");
        let works: Vec<NodeIndex> = (0..4)
            .map(|i| {
                let mut work = Node::new(NodeKind::Source, &format!("W{i}"));
                work.subkind = Some(crate::model::WORK_SUBKIND.to_owned());
                graph.add_node(work)
            })
            .collect();
        for (a, b) in [(1, 0), (2, 1), (3, 1)] {
            graph.add_occurrence(works[a], works[b], Relation::Cites, None);
        }
        let data = page_data(&graph);
        let marked = data["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["main"] == true)
            .count();
        assert!(marked >= 2, "{data}");
        assert_eq!(data["main_path"], true);
    }
}

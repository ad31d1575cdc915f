//! Export stage: golden JSON and DOT on the tiny fixture, round trip, and
//! Graphviz accepting our DOT.

use argnet::export::{self, ImageFormat};

use crate::common::{assert_golden, fixture, require_graphviz, temp_dir, tiny_graph as tiny};

#[test]
fn tiny_json_matches_golden() {
    assert_golden("tiny.json", &export::graph_to_json(&tiny()));
}

#[test]
fn tiny_dot_matches_golden() {
    assert_golden("tiny.dot", &export::graph_to_dot(&tiny()));
}

#[test]
fn json_round_trip_is_byte_identical() {
    let text = export::graph_to_json(&tiny());
    let dir = temp_dir();
    let path = dir.path().join("tiny.json");
    export::write_file(&path, text.as_bytes()).unwrap();
    let again = export::graph_to_json(&export::read_graph(&path).unwrap());
    assert_eq!(text, again);
}

#[test]
fn footer_text_is_not_extracted() {
    let graph = tiny();
    let big_society = graph.find_nodes("Big Society")[0];
    // "The Big Society is in the footer" in b.md must not count.
    assert_eq!(graph.node(big_society).documents.len(), 1);
    assert!(fixture("tiny/sub/b.md").exists());
}

#[test]
fn graphviz_renders_our_dot() {
    if !require_graphviz("graphviz_renders_our_dot") {
        return;
    }
    for graph in [tiny(), argnet::model::ArgGraph::new("empty")] {
        let dot = export::graph_to_dot(&graph);
        let svg = export::render(&dot, ImageFormat::Svg, None).expect("dot -Tsvg accepts our DOT");
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.contains("<svg"), "not an SVG");
    }
    // The escaped label comes through as text, not markup.
    let svg = String::from_utf8(
        export::render(&export::graph_to_dot(&tiny()), ImageFormat::Svg, None).unwrap(),
    )
    .unwrap();
    assert!(
        svg.contains("Smith &amp; Sons &lt;Ltd&gt;"),
        "label not escaped in SVG"
    );
}

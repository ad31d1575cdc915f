//! Fuzz extraction on arbitrary text, then every export: each file written
//! from whatever a text yields must still parse with a real parser (JSON,
//! XML well-formed, CSV rectangular, DOT by graphviz-rust's grammar), and
//! the graph JSON must read back. Inputs up to megabytes:
//! `cargo fuzz run exports -- -max_len=1048576`.
#![no_main]

use std::sync::LazyLock;

use argnet::corpus::{self, Corpus, DocumentMeta};
use argnet::export::{self, CsvHeaders};
use argnet::extract::{self, Codebook, ExtractConfig};
use argnet::model::build_graph;
use libfuzzer_sys::fuzz_target;

static CODEBOOK: LazyLock<Codebook> = LazyLock::new(|| {
    let text = include_str!("../../seeds/codebook.toml");
    Codebook::parse(text, std::path::Path::new("codebook.toml")).unwrap()
});

fn well_formed_xml(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("XML does not parse: {error}"),
        }
    }
}

fn rectangular_csv(text: &str) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let width = reader.headers().expect("CSV header").len();
    for record in reader.records() {
        assert_eq!(record.expect("CSV record").len(), width, "ragged CSV");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = corpus::decode(data) else {
        return;
    };
    let document = corpus::document_from_text("x.txt", &text, DocumentMeta::default());
    let corpus = Corpus {
        documents: vec![document],
        warnings: vec![],
    };
    let extraction = extract::extract(&corpus, &CODEBOOK, &ExtractConfig::default());
    let graph = build_graph("fuzz", &corpus, &extraction);

    let json = export::graph_to_json(&graph);
    let back = export::graph_from_json(&json, std::path::Path::new("fuzz.json"))
        .expect("our graph JSON reads back");
    assert_eq!(export::graph_to_json(&back), json, "JSON round trip");
    for text in [
        export::graph_to_node_link(&graph),
        export::graph_to_cytoscape(&graph),
        export::graph_to_aif(&graph),
    ] {
        serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
    }
    well_formed_xml(&export::graph_to_graphml(&graph));
    well_formed_xml(&export::graph_to_gexf(&graph));
    let (nodes, edges) = export::graph_to_csv(&graph, CsvHeaders::Plain);
    rectangular_csv(&nodes);
    rectangular_csv(&edges);
    let dot = export::graph_to_dot(&graph);
    graphviz_rust::parse(&dot).expect("DOT parses");
});

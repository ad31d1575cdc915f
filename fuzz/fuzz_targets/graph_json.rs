//! Fuzz the graph JSON reader; whatever it accepts must write back, in
//! every export format (none may panic).
#![no_main]

use std::path::Path;

use argnet::export;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(graph) = export::graph_from_json(text, Path::new("g.json"))
    {
        let _ = export::graph_to_json(&graph);
        let _ = export::graph_to_dot(&graph);
        let _ = export::graph_to_graphml(&graph);
        let _ = export::graph_to_gexf(&graph);
        let _ = export::graph_to_node_link(&graph);
        let _ = export::graph_to_cytoscape(&graph);
        let _ = export::graph_to_csv(&graph, export::CsvHeaders::Neo4j);
        let _ = export::graph_to_aif(&graph);
        let _ = export::graph_to_mermaid(&graph);
    }
});

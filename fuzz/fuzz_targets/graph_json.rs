//! Fuzz the graph JSON reader; whatever it accepts must write back.
#![no_main]

use std::path::Path;

use argnet::export;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(graph) = export::graph_from_json(text, Path::new("g.json"))
    {
        let _ = export::graph_to_json(&graph);
    }
});

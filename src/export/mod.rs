//! Export stage: deterministic writers (same graph → same bytes: stable
//! order, fixed float format, no timestamps), one format per file, and
//! Graphviz rendering. This stage and `corpus` are the only ones that touch
//! the file system. Writers take the graph to write; choosing a slide-sized
//! part of it is `crate::view`'s job.

mod aif;
mod argdown;
mod atomic;
mod csv;
mod cytoscape;
mod dot;
mod format;
mod gexf;
mod gml;
mod graphml;
mod html;
mod json;
mod legend;
mod mermaid;
mod node_link;
mod pajek;
mod render;
mod statements;
mod style;
mod table;
mod timeline;
mod vosviewer;
mod xlsx;
mod xml;

use std::path::Path;

pub use aif::graph_to_aif;
pub use argdown::graph_to_argdown;
pub use atomic::{write_file, write_files};
pub use csv::{CsvHeaders, evidence_to_csv, graph_to_csv, not_a_formula};
pub use cytoscape::graph_to_cytoscape;
pub use dot::{
    ColourBy, DotStyle, NodeSizes, SLIDE_ASPECT, dot_graph, graph_to_dot, graph_to_dot_with,
};
pub use format::{ExportConfig, ExportFormat, export_bytes, export_files};
pub use gexf::{graph_to_gexf, graph_to_gexf_dynamic};
pub use gml::graph_to_gml;
pub use graphml::graph_to_graphml;
pub use html::graph_to_html;
pub use json::{FORMAT, graph_from_json, graph_to_json};
pub use mermaid::graph_to_mermaid;
pub use node_link::graph_to_node_link;
pub use pajek::graph_to_pajek;
pub use render::{
    INSTALL_HINT, ImageFormat, LayoutEngine, RankDir, RenderError, graphviz_available, render,
};
pub use statements::{actor_concept_to_csv, statements_to_csv};
pub use timeline::timeline_to_svg;
pub use vosviewer::graph_to_vosviewer;
pub use xlsx::graph_to_xlsx;

use crate::error::{Error, Result};
use crate::model::ArgGraph;

/// Read a graph saved by `argnet build`.
pub fn read_graph(path: &Path) -> Result<ArgGraph> {
    let wrong = |message: String| Error::GraphFormat {
        path: path.to_owned(),
        message,
    };
    if path.is_dir() {
        return Err(wrong(format!(
            "this is a folder; to read the texts in it run `argnet build {}`, then give the graph it writes (graphs/NAME.json)",
            path.display()
        )));
    }
    let bytes = crate::corpus::read_bytes(path)?;
    if bytes.starts_with(crate::corpus::citations::BINARY_MAGIC) {
        return Err(wrong(
            "this is argnet's binary citation form; `argnet analyse` reads it, and `argnet import FILE -o works.json` writes graph JSON that this command reads".into(),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        wrong(format!(
            "not a graph JSON file (not UTF-8 text: {}); graphs are written by `argnet build` or `argnet import -o NAME.json`",
            e.utf8_error()
        ))
    })?;
    graph_from_json(&text, path)
}

//! Export stage: deterministic writers (same graph → same bytes: stable
//! order, fixed float format, no timestamps) and Graphviz rendering. This
//! stage and `corpus` are the only ones that touch the file system.

mod atomic;
mod dot;
mod json;
mod render;

use std::path::Path;

pub use atomic::{write_file, write_files};
pub use dot::{dot_graph, graph_to_dot};
pub use json::{FORMAT, graph_from_json, graph_to_json};
pub use render::{
    INSTALL_HINT, ImageFormat, LayoutEngine, RenderError, graphviz_available, render,
};

use crate::error::Result;
use crate::model::ArgGraph;

/// Read a graph saved by `argnet build`.
pub fn read_graph(path: &Path) -> Result<ArgGraph> {
    let text = crate::corpus::read_text(path)?;
    graph_from_json(&text, path)
}

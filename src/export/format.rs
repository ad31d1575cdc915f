//! Export stage: the list of export formats, their names and file
//! extensions, and the one call that turns a graph into the bytes of the
//! files of a format. Rendering to pictures goes through Graphviz
//! (`render.rs`); everything else is written in memory. It does not filter:
//! callers pass the view they want written.

use std::path::{Path, PathBuf};

use super::csv::{CsvHeaders, evidence_to_csv, graph_to_csv};
use super::dot::{DotStyle, graph_to_dot_with};
use super::render::{INSTALL_HINT, ImageFormat, RenderError, render};
use crate::error::{Error, Result};
use crate::model::ArgGraph;

/// A file format `argnet export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Dot,
    Svg,
    Png,
    Pdf,
    GraphMl,
    Gexf,
    /// argnet's own graph JSON (`argnet-graph/1`).
    Json,
    /// NetworkX node-link JSON.
    NodeLink,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// `nodes.csv`, `edges.csv`, `evidence.csv`, `statements.csv` and
    /// `actor_concept.csv` in a folder.
    Csv,
    /// Argument Interchange Format JSON (AIFdb, OVA).
    Aif,
    Mermaid,
    /// Pajek `.net` (Pajek, VOSviewer, UCINET).
    Pajek,
    /// GML (igraph, NetworkX, Cytoscape desktop, yEd).
    Gml,
    /// An Excel workbook: nodes, edges, evidence, statements, matrix.
    Xlsx,
    /// VOSviewer JSON (VOSviewer, VOSviewer Online).
    VosViewer,
    /// The explorer page: one self-contained HTML file.
    Html,
    /// Statements per period per concept, as an SVG for a slide.
    TimelineSvg,
    /// The claims and what they support or attack, as Argdown.
    Argdown,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 19] = [
        ExportFormat::Dot,
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Pdf,
        ExportFormat::GraphMl,
        ExportFormat::Gexf,
        ExportFormat::Json,
        ExportFormat::NodeLink,
        ExportFormat::Cytoscape,
        ExportFormat::Csv,
        ExportFormat::Aif,
        ExportFormat::Mermaid,
        ExportFormat::Pajek,
        ExportFormat::Gml,
        ExportFormat::Xlsx,
        ExportFormat::VosViewer,
        ExportFormat::Html,
        ExportFormat::TimelineSvg,
        ExportFormat::Argdown,
    ];

    /// The name `--to` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Dot => "dot",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Pdf => "pdf",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Json => "json",
            ExportFormat::NodeLink => "node-link",
            ExportFormat::Cytoscape => "cytoscape",
            ExportFormat::Csv => "csv",
            ExportFormat::Aif => "aif",
            ExportFormat::Mermaid => "mermaid",
            ExportFormat::Pajek => "pajek",
            ExportFormat::Gml => "gml",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::VosViewer => "vosviewer",
            ExportFormat::Html => "html",
            ExportFormat::TimelineSvg => "timeline-svg",
            ExportFormat::Argdown => "argdown",
        }
    }

    /// A format by name (case and `-`/`_` ignored), with a few aliases.
    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase().replace(['-', '_'], "");
        match name.as_str() {
            "gv" => Some(ExportFormat::Dot),
            "argnet" => Some(ExportFormat::Json),
            "nodelink" | "networkx" => Some(ExportFormat::NodeLink),
            "cyjs" | "cytoscapejs" => Some(ExportFormat::Cytoscape),
            "mmd" => Some(ExportFormat::Mermaid),
            "net" => Some(ExportFormat::Pajek),
            "vos" => Some(ExportFormat::VosViewer),
            "excel" | "spreadsheet" => Some(ExportFormat::Xlsx),
            "htm" | "explorer" => Some(ExportFormat::Html),
            "timeline" => Some(ExportFormat::TimelineSvg),
            "ad" => Some(ExportFormat::Argdown),
            _ => ExportFormat::ALL
                .into_iter()
                .find(|f| f.as_str().replace('-', "") == name),
        }
    }

    /// The format a file name implies, if any (`.json` is argnet's JSON).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(ExportFormat::Json),
            "aif" => Some(ExportFormat::Aif),
            other => ExportFormat::parse(other).filter(|f| *f != ExportFormat::Csv),
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::NodeLink | ExportFormat::Aif | ExportFormat::VosViewer => "json",
            ExportFormat::Cytoscape => "cyjs",
            ExportFormat::Mermaid => "mmd",
            ExportFormat::Pajek => "net",
            ExportFormat::TimelineSvg => "svg",
            other => other.as_str(),
        }
    }

    /// A picture rendered by Graphviz.
    pub fn image(self) -> Option<ImageFormat> {
        match self {
            ExportFormat::Svg => Some(ImageFormat::Svg),
            ExportFormat::Png => Some(ImageFormat::Png),
            ExportFormat::Pdf => Some(ImageFormat::Pdf),
            _ => None,
        }
    }

    /// Written as several files into a folder.
    pub fn is_folder(self) -> bool {
        self == ExportFormat::Csv
    }
}

/// What to write and how. Build with [`ExportConfig::new`] and the `with_*`
/// methods.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportConfig {
    pub format: ExportFormat,
    /// Style of DOT and the pictures rendered from it.
    pub dot: DotStyle,
    pub csv_headers: CsvHeaders,
    /// GEXF with dates for Gephi's timeline.
    pub dynamic: bool,
}

impl ExportConfig {
    pub fn new(format: ExportFormat) -> Self {
        ExportConfig {
            format,
            dot: DotStyle::default(),
            csv_headers: CsvHeaders::default(),
            dynamic: false,
        }
    }

    pub fn with_dynamic(mut self, dynamic: bool) -> Self {
        self.dynamic = dynamic;
        self
    }

    pub fn with_dot(mut self, dot: DotStyle) -> Self {
        self.dot = dot;
        self
    }

    pub fn with_csv_headers(mut self, headers: CsvHeaders) -> Self {
        self.csv_headers = headers;
        self
    }
}

/// The files of `graph` in the configured format, to be written with
/// [`super::write_files`]: one file at `output`, or for CSV `nodes.csv`,
/// `edges.csv`, `evidence.csv`, `statements.csv` (one row per statement,
/// as DNA exports them) and `actor_concept.csv` (the actor × concept
/// matrix) in the folder `output`.
pub fn export_files(
    graph: &ArgGraph,
    config: &ExportConfig,
    output: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    if config.format.is_folder() {
        if output.is_file() {
            return Err(Error::InvalidValue {
                name: "--output",
                value: output.display().to_string(),
                message: "CSV export writes nodes.csv, edges.csv, evidence.csv, statements.csv and actor_concept.csv into a folder, and this is a file; give a folder name".into(),
            });
        }
        let (nodes, edges) = graph_to_csv(graph, config.csv_headers);
        return Ok(vec![
            (output.join("nodes.csv"), nodes.into_bytes()),
            (output.join("edges.csv"), edges.into_bytes()),
            (
                output.join("evidence.csv"),
                evidence_to_csv(graph).into_bytes(),
            ),
            (
                output.join("statements.csv"),
                super::statements_to_csv(graph).into_bytes(),
            ),
            (
                output.join("actor_concept.csv"),
                super::actor_concept_to_csv(graph).into_bytes(),
            ),
        ]);
    }
    Ok(vec![(
        output.to_owned(),
        export_bytes(graph, config, output)?,
    )])
}

/// The bytes of a single-file format; `output` is only named in errors.
pub fn export_bytes(graph: &ArgGraph, config: &ExportConfig, output: &Path) -> Result<Vec<u8>> {
    let text = match config.format {
        ExportFormat::Dot => graph_to_dot_with(graph, &config.dot),
        ExportFormat::GraphMl => super::graph_to_graphml(graph),
        ExportFormat::Gexf if config.dynamic => super::graph_to_gexf_dynamic(graph),
        ExportFormat::Gexf => super::graph_to_gexf(graph),
        ExportFormat::Json => super::graph_to_json(graph),
        ExportFormat::NodeLink => super::graph_to_node_link(graph),
        ExportFormat::Cytoscape => super::graph_to_cytoscape(graph),
        ExportFormat::Aif => super::graph_to_aif(graph),
        ExportFormat::Mermaid => super::graph_to_mermaid(graph),
        ExportFormat::Pajek => super::graph_to_pajek(graph),
        ExportFormat::Gml => super::graph_to_gml(graph),
        ExportFormat::Xlsx => return super::graph_to_xlsx(graph),
        ExportFormat::VosViewer => super::graph_to_vosviewer(graph),
        ExportFormat::Html => super::graph_to_html(graph),
        ExportFormat::Argdown => super::graph_to_argdown(graph).ok_or_else(|| Error::InvalidValue {
            name: "--to",
            value: "argdown".into(),
            message: "this graph has no claims (graphs built before claims existed, imported statement tables and citation networks have none); build it again with `argnet build`".into(),
        })?,
        ExportFormat::TimelineSvg => {
            let timeline = crate::analysis::timeline(graph, 10);
            if timeline.rows.is_empty() {
                return Err(Error::InvalidValue {
                    name: "--to",
                    value: "timeline-svg".into(),
                    message: format!(
                        "no statement in this graph comes from a dated document ({} undated); give documents a date (date = \"YYYY-MM-DD\" in corpus.toml, or a date line at the top of the text) and build again",
                        timeline.undated
                    ),
                });
            }
            super::timeline_to_svg(&timeline, &format!("{}: statements over time", graph.name))
        }
        ExportFormat::Csv => {
            return Err(Error::InvalidValue {
                name: "--to",
                value: "csv".into(),
                message:
                    "CSV is five files (nodes.csv, edges.csv, evidence.csv, statements.csv, actor_concept.csv); give -o a folder"
                        .into(),
            });
        }
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf => {
            let image = config.format.image().unwrap_or(ImageFormat::Svg);
            let dot = graph_to_dot_with(graph, &config.dot);
            return render(&dot, image, Some(config.dot.layout)).map_err(|error| match error {
                RenderError::GraphvizMissing => Error::GraphvizMissing {
                    format: config.format.as_str(),
                    hint: INSTALL_HINT,
                },
                RenderError::Failed(message) => Error::Render {
                    path: output.to_owned(),
                    message,
                },
            });
        }
    };
    Ok(text.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_table() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::parse(format.as_str()), Some(format));
        }
        let rows = [
            ("NetworkX", Some(ExportFormat::NodeLink)),
            ("node_link", Some(ExportFormat::NodeLink)),
            ("GraphML", Some(ExportFormat::GraphMl)),
            ("gv", Some(ExportFormat::Dot)),
            ("xlsx", Some(ExportFormat::Xlsx)),
            ("Excel", Some(ExportFormat::Xlsx)),
            ("ods", None),
            ("HTML", Some(ExportFormat::Html)),
            ("timeline-svg", Some(ExportFormat::TimelineSvg)),
        ];
        for (name, want) in rows {
            assert_eq!(ExportFormat::parse(name), want, "{name}");
        }
        let paths = [
            ("a/b.svg", Some(ExportFormat::Svg)),
            ("b.JSON", Some(ExportFormat::Json)),
            ("b.cyjs", Some(ExportFormat::Cytoscape)),
            ("b.mmd", Some(ExportFormat::Mermaid)),
            ("b.csv", None),
            ("b.html", Some(ExportFormat::Html)),
            ("b.argdown", Some(ExportFormat::Argdown)),
            ("b", None),
        ];
        for (path, want) in paths {
            assert_eq!(ExportFormat::from_path(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn csv_to_a_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x");
        std::fs::write(&file, "x").unwrap();
        let config = ExportConfig::new(ExportFormat::Csv);
        let err = export_files(&ArgGraph::new("g"), &config, &file).unwrap_err();
        assert!(err.to_string().contains("give a folder name"), "{err}");
    }
}

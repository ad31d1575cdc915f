//! Glue: the `build` job (corpus → extraction → graph → JSON, DOT, SVG) as a
//! library call. It holds no rules of its own; it runs the stages in order,
//! decides file names and collects what the user should be told.

use std::path::{Path, PathBuf};

use crate::corpus::{self, CorpusConfig, Warning};
use crate::error::{Error, Result};
use crate::export::{self, ImageFormat, RenderError};
use crate::extract::{self, Codebook, ExtractConfig};
use crate::model::{self, ArgGraph, Summary};

/// Everything `build` needs. Use [`BuildConfig::new`] and the `with_*`
/// methods.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub inputs: Vec<PathBuf>,
    /// Codebook file; `None` looks for `codebook.toml` beside the inputs.
    pub codebook: Option<PathBuf>,
    /// Corpus manifest; `None` looks for `corpus.toml` beside the inputs.
    pub manifest: Option<PathBuf>,
    pub out_dir: PathBuf,
    /// Base name of the output files; `None` uses the first input's name.
    pub name: Option<String>,
    /// Render an SVG with Graphviz when it is installed.
    pub render: bool,
    pub extract: ExtractConfig,
    /// The largest document read (`None`: the default of
    /// [`corpus::DEFAULT_MAX_DOCUMENT`]).
    pub max_document: Option<u64>,
}

impl BuildConfig {
    pub fn new(inputs: Vec<PathBuf>) -> Self {
        BuildConfig {
            inputs,
            codebook: None,
            manifest: None,
            out_dir: PathBuf::from("graphs"),
            name: None,
            render: true,
            extract: ExtractConfig::default(),
            max_document: None,
        }
    }

    pub fn with_codebook(mut self, path: Option<PathBuf>) -> Self {
        self.codebook = path;
        self
    }

    pub fn with_manifest(mut self, path: Option<PathBuf>) -> Self {
        self.manifest = path;
        self
    }

    pub fn with_out_dir(mut self, path: PathBuf) -> Self {
        self.out_dir = path;
        self
    }

    pub fn with_name(mut self, name: Option<String>) -> Self {
        self.name = name;
        self
    }

    pub fn with_render(mut self, render: bool) -> Self {
        self.render = render;
        self
    }

    pub fn with_max_document(mut self, bytes: Option<u64>) -> Self {
        self.max_document = bytes;
        self
    }

    pub fn with_extract(mut self, extract: ExtractConfig) -> Self {
        self.extract = extract;
        self
    }
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    pub graph: ArgGraph,
    pub summary: Summary,
    /// The codebook used, if any.
    pub codebook: Option<PathBuf>,
    /// Files written, in order.
    pub written: Vec<PathBuf>,
    /// What happened to the picture.
    pub picture: Picture,
    /// Nodes in the explorer page, when it holds only the most mentioned
    /// part of a graph too large for a browser: (shown, of).
    pub explorer_part: Option<(usize, usize)>,
    pub warnings: Vec<Warning>,
}

impl BuildReport {
    /// Documents left out of the graph.
    pub fn skipped(&self) -> usize {
        self.warnings.iter().filter(|w| w.is_skip()).count()
    }
}

/// The outcome of rendering the SVG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picture {
    Written(PathBuf),
    /// Graphviz is not installed; the DOT file is there to render later.
    GraphvizMissing {
        dot: PathBuf,
        svg: PathBuf,
    },
    NotRequested,
}

/// Run the build job.
pub fn build(config: &BuildConfig) -> Result<BuildReport> {
    let name = output_name(config)?;
    // Cheap checks first, so a typo in a path is not hidden behind a
    // codebook error.
    if let Some(missing) = config.inputs.iter().find(|p| !p.exists()) {
        return Err(Error::PathNotFound {
            path: missing.clone(),
        });
    }
    let codebook_path = config
        .codebook
        .clone()
        .or_else(|| corpus::companion_file(&config.inputs, "codebook.toml"));
    let codebook = match &codebook_path {
        Some(path) => Codebook::parse(&corpus::read_text(path)?, path)?,
        None => Codebook::default(),
    };
    let corpus = corpus::load(&CorpusConfig {
        inputs: config.inputs.clone(),
        manifest: config.manifest.clone(),
        max_document: config.max_document,
    })?;
    let extraction = extract::extract(&corpus, &codebook, &config.extract);
    let graph = model::build_graph(&name, &corpus, &extraction);

    let json_path = config.out_dir.join(format!("{name}.json"));
    let dot_path = config.out_dir.join(format!("{name}.dot"));
    let svg_path = config.out_dir.join(format!("{name}.svg"));
    let html_path = config.out_dir.join(format!("{name}.html"));
    // The picture leaves claims out (a sentence each would bury the
    // diagram); the JSON and the explorer page hold them.
    // (A block, so that copy is freed before the JSON is written.)
    let (dot, style) = {
        let pictured = crate::view::apply(
            &graph,
            &crate::view::ViewConfig::default().with_kinds(
                crate::model::NodeKind::ALL
                    .into_iter()
                    .filter(|k| *k != crate::model::NodeKind::Claim),
            ),
        )?;
        let style = export::DotStyle::overview(&pictured);
        (export::graph_to_dot_with(&pictured, &style), style)
    };
    let mut files = vec![
        (json_path, export::graph_to_json(&graph).into_bytes()),
        (dot_path.clone(), dot.clone().into_bytes()),
    ];
    let (page, explorer_part) = explorer_page(&graph, EXPLORER_NODES)?;
    files.push((html_path, page.into_bytes()));
    let picture = if !config.render {
        Picture::NotRequested
    } else {
        match export::render(&dot, ImageFormat::Svg, Some(style.layout)) {
            Ok(svg) => {
                files.push((svg_path.clone(), svg));
                Picture::Written(svg_path)
            }
            Err(RenderError::GraphvizMissing) => Picture::GraphvizMissing {
                dot: dot_path,
                svg: svg_path,
            },
            Err(RenderError::Failed(message)) => {
                return Err(Error::Render {
                    path: dot_path,
                    message,
                });
            }
        }
    };
    export::write_files(&files)?;

    Ok(BuildReport {
        summary: Summary::of(&graph, 10),
        graph,
        codebook: codebook_path,
        written: files.into_iter().map(|(path, _)| path).collect(),
        picture,
        explorer_part,
        warnings: corpus.warnings,
    })
}

/// The base name of the output files: `--name`, or the first input's name.
/// Nodes the explorer page of a build holds at most: it stays smooth up to
/// a few thousand (README, "The explorer page").
pub const EXPLORER_NODES: usize = 5_000;

/// The explorer page of a build: the whole graph, or its `most` most
/// mentioned nodes when it is larger.
fn explorer_page(graph: &ArgGraph, most: usize) -> Result<(String, Option<(usize, usize)>)> {
    if graph.node_count() <= most {
        return Ok((export::graph_to_html(graph), None));
    }
    let top = crate::view::ViewConfig::default().with_top(most, crate::view::Measure::Mentions);
    let part = crate::view::apply(graph, &top)?;
    let shown = (part.node_count(), graph.node_count());
    Ok((export::graph_to_html(&part), Some(shown)))
}

fn output_name(config: &BuildConfig) -> Result<String> {
    let name = match &config.name {
        Some(name) => name.trim().to_owned(),
        None => config
            .inputs
            .first()
            .map(|input| input_name(input))
            .unwrap_or_default(),
    };
    let valid = !name.trim_matches('.').is_empty() && !name.contains(['/', '\\', ':', '\0']);
    if valid {
        Ok(name)
    } else {
        Err(Error::InvalidValue {
            name: "--name",
            value: name,
            message: "not usable as a file name; give a plain name such as `seeds`".into(),
        })
    }
}

/// A folder's own name; a file's name without extension. `.` and `..` are
/// resolved so that `argnet build .` is named after the folder.
fn input_name(input: &Path) -> String {
    let resolved = if input.file_name().is_none() {
        input.canonicalize().unwrap_or_else(|_| input.to_owned())
    } else {
        input.to_owned()
    };
    let stem = if resolved.is_dir() {
        resolved.file_name()
    } else {
        resolved.file_stem()
    };
    // A hidden folder (".corpus") still gives a visible file name.
    let name = stem.map_or(String::new(), |s| {
        s.to_string_lossy().trim_start_matches('.').to_owned()
    });
    if name.is_empty() {
        "graph".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    #[test]
    fn the_explorer_page_of_a_huge_graph_holds_its_most_mentioned_part() {
        let mut graph = ArgGraph::new("g");
        for i in 0..13 {
            let mut node = Node::new(NodeKind::Concept, &format!("c{i}"));
            node.mentions = i as u64;
            graph.add_node(node);
        }
        let (page, part) = explorer_page(&graph, 10).unwrap();
        assert_eq!(part, Some((10, 13)));
        assert!(
            !page.contains("\"label\":\"c0\""),
            "the least mentioned is left out"
        );
        assert!(page.contains("\"label\":\"c12\""));
        assert_eq!(explorer_page(&graph, 13).unwrap().1, None);
    }
}

//! `argnet export`: read a saved graph, keep the part the filters choose,
//! and write it as a diagram or a file for another tool. Arguments become
//! `view::ViewConfig` and `export::ExportConfig` before anything runs.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use argnet::export::{
    self, ColourBy, CsvHeaders, DotStyle, ExportConfig, ExportFormat, LayoutEngine, NodeSizes,
    RankDir,
};
use argnet::model::{NodeKind, Relation};
use argnet::view::{self, Measure, ViewConfig};
use clap::{Args, ValueEnum};

use super::Outcome;

/// Write a graph, or a slide-sized part of it, as a diagram or a file for
/// another tool.
///
/// Formats (--to; taken from the -o extension when left out):
///
///   dot, svg, png, pdf   diagram (svg/png/pdf need Graphviz `dot`)
///   graphml              Gephi, yEd, Cytoscape, NetworkX, igraph
///   gexf                 Gephi (GEXF 1.3)
///   json                 argnet's own graph JSON, readable by argnet again
///   node-link            NetworkX node_link_data JSON (nx.node_link_graph)
///   cytoscape            Cytoscape.js elements JSON (Cytoscape desktop too)
///   csv                  in the folder -o: nodes.csv, edges.csv, evidence.csv (every
///                        sentence), statements.csv (one row per statement, as DNA
///                        exports them) and actor_concept.csv (the actor × concept matrix)
///   aif                  Argument Interchange Format JSON (OVA, AIFdb)
///   argdown              the claims, what they support or attack, and who asserts them
///                        (Argdown editor, VS Code extension, argdown CLI)
///   mermaid              Mermaid flowchart for Markdown
///   pajek                Pajek .net (Pajek, VOSviewer, UCINET, igraph)
///   vosviewer            VOSviewer JSON (VOSviewer, VOSviewer Online; give --to vosviewer)
///   gml                  GML (igraph, NetworkX, Cytoscape desktop, yEd)
///   html                 the explorer page: search, filters, the sentences behind every
///                        line, ego and coalition views, timeline; one file, opens offline
///   timeline-svg         statements per period per concept (documents need dates)
///   xlsx                 Excel workbook (Excel, LibreOffice, R readxl, pandas): sheets nodes,
///                        edges, evidence, statements, actor_concept; text never a formula
///
/// Filters make a view that fits on a slide; they compose, run in the order
/// listed under "Filters", and every format writes the filtered graph.
///
/// Examples:
///
///   argnet export graphs/seeds.json -o seeds.graphml
///   argnet export graphs/seeds.json --kinds actor,concept \
///       --relations supports,critiques --drop-isolates -o stance.svg
///   argnet export graphs/seeds.json --ego "Big Society" --kinds actor,concept -o ego.svg
///   argnet export graphs/seeds.json --top 15 --by pagerank --layout dot -o top.pdf
///   argnet export graphs/seeds.json --to csv --neo4j -o seeds-csv/
///   argnet export graphs/seeds.json --dynamic -o seeds-timeline.gexf
///   argnet export graphs/seeds.json --view claims -o claims.svg   # who asserts what
///   argnet export graphs/seeds.json -o seeds.html          # the explorer page
///   argnet export hepph.argc --main-path -o main-path.svg  # a citation network's spine
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ExportArgs {
    /// Graph JSON written by `argnet build` or `argnet import` (or `argnet
    /// export --to json`); also a citation network in argnet's binary form
    /// (`.argc`) or a gzip edge list, as `argnet analyse` reads them.
    #[arg(value_name = "GRAPH")]
    graph: PathBuf,

    /// Output format (see above). Default: from the extension of -o.
    #[arg(long, short = 't', value_name = "FORMAT", value_parser = parse_format)]
    to: Option<ExportFormat>,

    /// Output file (a folder for csv); `-` writes to standard output.
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,

    /// Keep nodes of these kinds: actor, concept, claim, source, document.
    #[arg(long, alias = "kind", value_delimiter = ',', value_name = "KINDS", value_parser = parse_kind, help_heading = "Filters")]
    kinds: Vec<NodeKind>,

    /// Keep edges of these relations: supports, critiques, mentions, cites,
    /// quotes, affiliated_with, co_occurs.
    #[arg(long, alias = "relation", value_delimiter = ',', value_name = "RELATIONS", value_parser = parse_relation, help_heading = "Filters")]
    relations: Vec<Relation>,

    /// Keep edges of at least this weight (occurrences).
    #[arg(long, value_name = "W", help_heading = "Filters")]
    min_weight: Option<f64>,

    /// Keep the neighbourhood of this node (id, label or alias).
    #[arg(long, value_name = "NODE", help_heading = "Filters")]
    ego: Option<String>,

    /// Hops from the --ego node.
    #[arg(
        long,
        value_name = "R",
        default_value_t = 1,
        requires = "ego",
        help_heading = "Filters"
    )]
    radius: usize,

    /// Keep the N nodes that score highest --by a measure.
    #[arg(long, value_name = "N", help_heading = "Filters")]
    top: Option<usize>,

    /// Measure for --top: mentions, degree, in_degree, out_degree,
    /// weighted_degree, …, a centrality that `argnet analyse` computes
    /// (pagerank, betweenness, eigenvector, closeness, harmonic, hub,
    /// authority, core_number, constraint, participation; computed on the
    /// whole graph when the file does not hold it yet), or any other numeric
    /// node attribute.
    #[arg(long, value_name = "MEASURE", default_value = "mentions", value_parser = parse_measure, help_heading = "Filters")]
    by: Measure,

    /// Keep only the citations on the key-route main paths of a citation
    /// network (ten routes, as `argnet analyse --measures main_path`) and
    /// the works they join: a network too large to draw, drawn by its spine.
    #[arg(long, help_heading = "Filters")]
    main_path: bool,

    /// Keep edges at least this sure (0 to 1; the highest confidence of an
    /// edge's sentences). Edges without confidence (imported ones) stay.
    #[arg(long, value_name = "P", help_heading = "Filters")]
    min_confidence: Option<f64>,

    /// A ready-made view. `claims`: the claims most actors assert (--top N,
    /// default 12), the concepts they support or critique, the claims they
    /// back or attack, and who asserts them; with --ego, the claims around
    /// one concept, claim or actor.
    #[arg(long, value_enum, value_name = "VIEW", help_heading = "Filters")]
    view: Option<ViewKind>,

    /// Keep only the largest connected component.
    #[arg(long, help_heading = "Filters")]
    largest_component: bool,

    /// Drop nodes left without edges.
    #[arg(long, help_heading = "Filters")]
    drop_isolates: bool,

    /// Graphviz layout engine.
    #[arg(long, value_enum, default_value_t = Layout::Neato, help_heading = "Diagrams")]
    layout: Layout,

    /// Direction of the `dot` layout: TB, LR, BT, RL.
    #[arg(long, value_name = "DIR", value_parser = parse_rankdir, help_heading = "Diagrams")]
    rankdir: Option<RankDir>,

    /// Size nodes by this measure. Default: --by when --top is given,
    /// else mentions.
    #[arg(long, value_name = "MEASURE", value_parser = parse_measure, help_heading = "Diagrams")]
    size_by: Option<Measure>,

    /// Fill nodes by kind or by community (auto: community when the graph
    /// has a `community` attribute from `argnet analyse`; community:
    /// computed with Louvain when the file has none).
    #[arg(long, alias = "color-by", value_enum, default_value_t = Colour::Auto, help_heading = "Diagrams")]
    colour_by: Colour,

    /// Leave the legend out.
    #[arg(long, help_heading = "Diagrams")]
    no_legend: bool,

    /// Title of the diagram. Default: the graph's name.
    #[arg(long, value_name = "TEXT", help_heading = "Diagrams")]
    title: Option<String>,

    /// Shape of the picture, width:height: 16:9 (a slide), 4:3, 1:1, or
    /// free (the layout's own shape). Nodes spread to fill it; text keeps
    /// its size.
    #[arg(long, value_name = "W:H", default_value = "16:9", value_parser = parse_aspect, help_heading = "Diagrams")]
    aspect: Aspect,

    /// CSV headers for Neo4j's bulk importer (id:ID, :LABEL, :START_ID, …).
    #[arg(long)]
    neo4j: bool,

    /// GEXF for Gephi's timeline: nodes live from the first to the last
    /// date of their documents, edges have a spell per evidence date.
    #[arg(long)]
    dynamic: bool,

    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Layout {
    Dot,
    Neato,
    Fdp,
    Sfdp,
    Circo,
    Twopi,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Colour {
    Auto,
    Kind,
    Community,
}

pub fn run(args: ExportArgs) -> anyhow::Result<Outcome> {
    let to_stdout = args.output == Path::new("-");
    let format = match args.to.or_else(|| ExportFormat::from_path(&args.output)) {
        Some(format) => format,
        None => bail!(
            "{}: cannot tell the format from this name; add --to FORMAT (dot, svg, png, pdf, html, timeline-svg, argdown, graphml, gexf, gml, json, node-link, cytoscape, csv, xlsx, aif, mermaid, pajek, vosviewer)",
            args.output.display()
        ),
    };
    if to_stdout && format.is_folder() {
        bail!(
            "--to csv writes five files (nodes.csv, edges.csv, evidence.csv, statements.csv, actor_concept.csv); give -o a folder instead of -"
        );
    }
    let view_config = view_config(&args);
    view_config.validate()?;

    let mut graph = read_graph(&args.graph)?;
    let size_measure = args
        .size_by
        .clone()
        .or_else(|| {
            args.top
                .filter(|_| args.view.is_none())
                .map(|_| args.by.clone())
        })
        .unwrap_or(Measure::Mentions);
    let community = Measure::Attribute("community".into());
    let mut wanted = vec![&size_measure];
    if args.top.is_some() && args.view.is_none() {
        wanted.push(&args.by);
    }
    if matches!(args.colour_by, Colour::Community) {
        wanted.push(&community);
    }
    // Centralities the graph does not hold yet are computed on the whole
    // graph (as `argnet analyse` would), before any filter runs.
    view::ensure_measures(&mut graph, &wanted);
    let view = view::apply(&graph, &view_config)?;
    let dot = DotStyle::default()
        .with_layout(layout(args.layout))
        .with_rankdir(args.rankdir)
        .with_colour(match args.colour_by {
            Colour::Auto => ColourBy::Auto,
            Colour::Kind => ColourBy::Kind,
            Colour::Community => ColourBy::Community,
        })
        .with_legend(!args.no_legend)
        .with_aspect(args.aspect.0)
        .with_title(args.title.clone())
        .with_highlight(args.ego.as_deref().and_then(|ego| {
            view.find_nodes(ego)
                .first()
                .map(|&i| view.node(i).key.clone())
        }));
    let dot = if format == ExportFormat::Dot || format.image().is_some() {
        let scores = view::stored_scores(&view, &size_measure)?;
        dot.with_sizes(NodeSizes {
            measure: size_measure.to_string(),
            scores,
        })
    } else {
        dot
    };
    if args.dynamic && format != ExportFormat::Gexf {
        return Err(argnet::Error::InvalidValue {
            name: "--dynamic",
            value: format.as_str().to_owned(),
            message: "a dynamic (timeline) graph is written as GEXF; add --to gexf or name the output NAME.gexf".into(),
        }
        .into());
    }
    let config = ExportConfig::new(format)
        .with_dynamic(args.dynamic)
        .with_dot(dot)
        .with_csv_headers(if args.neo4j {
            CsvHeaders::Neo4j
        } else {
            CsvHeaders::Plain
        });

    if to_stdout {
        let bytes = export::export_bytes(&view, &config, &args.output)?;
        std::io::stdout().lock().write_all(&bytes)?;
        return Ok(Outcome::Done);
    }
    let files = export::export_files(&view, &config, &args.output)?;
    export::write_files(&files)?;
    if !args.quiet {
        let written: Vec<String> = files
            .iter()
            .map(|(path, _)| path.display().to_string())
            .collect();
        writeln!(
            std::io::stdout().lock(),
            "Wrote {} ({} of {} nodes, {} of {} edges)",
            written.join(", "),
            view.node_count(),
            graph.node_count(),
            view.edge_count(),
            graph.edge_count()
        )
        .context("writing the summary")?;
    }
    Ok(Outcome::Done)
}

/// Graph JSON, or a citation network in argnet's binary form or gzip
/// (as `argnet analyse` reads them): too large for graph JSON, and drawn
/// through `--main-path` or `--top`.
fn read_graph(path: &Path) -> anyhow::Result<argnet::model::ArgGraph> {
    use std::io::Read;
    let mut head = [0u8; 8];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..read];
    if head.starts_with(argnet::corpus::citations::BINARY_MAGIC) || head.starts_with(&[0x1f, 0x8b])
    {
        let citations = argnet::corpus::citations::read_citations(
            path,
            &argnet::corpus::citations::ImportConfig::default(),
            &argnet::progress::Silent,
        )?;
        return Ok(argnet::model::graph_from_citations(&citations));
    }
    Ok(export::read_graph(path)?)
}

fn view_config(args: &ExportArgs) -> ViewConfig {
    let mut config = ViewConfig::default()
        .with_largest_component(args.largest_component)
        .with_drop_isolates(args.drop_isolates)
        .with_main_path(args.main_path);
    if !args.kinds.is_empty() {
        config = config.with_kinds(args.kinds.iter().copied());
    }
    if !args.relations.is_empty() {
        config = config.with_relations(args.relations.iter().copied());
    }
    if let Some(weight) = args.min_weight {
        config = config.with_min_weight(weight);
    }
    if let Some(ego) = &args.ego {
        config = config.with_ego(ego.clone(), args.radius);
    }
    if let Some(confidence) = args.min_confidence {
        config = config.with_min_confidence(confidence);
    }
    match args.view {
        Some(ViewKind::Claims) => {
            config = config.with_claims(args.top.unwrap_or(CLAIMS_ON_A_SLIDE));
        }
        None => {
            if let Some(count) = args.top {
                config = config.with_top(count, args.by.clone());
            }
        }
    }
    config
}

/// Claims the claim view keeps unless --top says otherwise: as many wrapped
/// sentences as a 16:9 slide holds readably.
const CLAIMS_ON_A_SLIDE: usize = 12;

/// Ready-made views (`--view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ViewKind {
    /// Claims, what they bear on, and who asserts them.
    Claims,
}

fn layout(layout: Layout) -> LayoutEngine {
    match layout {
        Layout::Dot => LayoutEngine::Dot,
        Layout::Neato => LayoutEngine::Neato,
        Layout::Fdp => LayoutEngine::Fdp,
        Layout::Sfdp => LayoutEngine::Sfdp,
        Layout::Circo => LayoutEngine::Circo,
        Layout::Twopi => LayoutEngine::Twopi,
    }
}

fn parse_format(name: &str) -> Result<ExportFormat, String> {
    ExportFormat::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.as_str()).collect();
        format!("unknown format; use one of {}", names.join(", "))
    })
}

fn parse_kind(name: &str) -> Result<NodeKind, String> {
    NodeKind::parse(name)
        .ok_or_else(|| "unknown kind; use actor, concept, claim, source or document".to_owned())
}

fn parse_relation(name: &str) -> Result<Relation, String> {
    Relation::parse(name).ok_or_else(|| {
        "unknown relation; use supports, critiques, mentions, cites, quotes, affiliated_with or co_occurs".to_owned()
    })
}

fn parse_measure(name: &str) -> Result<Measure, String> {
    Measure::parse(name).map_err(|e| e.to_string())
}

/// Height ÷ width, or none for the layout's own shape.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Aspect(Option<f64>);

fn parse_aspect(text: &str) -> Result<Aspect, String> {
    let text = text.trim().to_ascii_lowercase();
    if matches!(text.as_str(), "free" | "none" | "auto") {
        return Ok(Aspect(None));
    }
    let wrong = || "give width:height such as 16:9, 4:3 or 1:1, or free".to_owned();
    let (w, h) = text.split_once([':', 'x', '/']).ok_or_else(wrong)?;
    let (w, h): (f64, f64) = (
        w.trim().parse().map_err(|_| wrong())?,
        h.trim().parse().map_err(|_| wrong())?,
    );
    if !(w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0 && h / w < 100.0 && w / h < 100.0) {
        return Err(wrong());
    }
    Ok(Aspect(Some(h / w)))
}

fn parse_rankdir(name: &str) -> Result<RankDir, String> {
    RankDir::parse(name).ok_or_else(|| "use TB, LR, BT or RL".to_owned())
}

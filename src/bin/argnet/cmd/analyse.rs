//! `argnet analyse` (alias `analyze`): ranked tables of central nodes,
//! communities, coalitions and bridges of a saved graph; JSON or CSV for
//! machines; results saved into the graph file for the exporters.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use argnet::analysis::{
    ATTRIBUTE_KEYS, Analysis, AnalysisConfig, CommunityMethod, EdgeLength, Layer, Measure,
    Normalisation, ProjectionConfig, analyse, rounded,
};
use argnet::corpus::citations::is_citation_file;
use argnet::export::{graph_to_json, read_graph, write_file};
use argnet::model::{ArgGraph, NodeKind};
use clap::Args;
use serde_json::{Map, Value, json};

use super::Outcome;

/// Find the central concepts and actors, communities, coalitions and
/// bridges of a graph.
///
/// Reads a graph written by `argnet build` and prints, for each measure, a
/// table of the top nodes, then the communities with their members, the
/// coalitions of actors who take the same sides, and the bridges between
/// communities.
///
/// Measures (names as used by --measures and in the saved attributes):
///
///   degree, in_degree, out_degree, weighted_degree   how many ties (weighted: how often)
///   betweenness      share of shortest paths between others that pass through the node
///   closeness        how near the node is to all others (1 / average distance)
///   harmonic         sum of 1 / distance to the others (copes with disconnected graphs)
///   eigenvector      central when tied to central nodes
///   pagerank         reached often by a random walk along the edges
///   hub, authority   HITS: hubs point to good authorities, authorities are pointed to
///   community        communities (Louvain, or --method; 0 = largest), with modularity
///   participation    0: ties stay in one community; near 1: spread over many (a bridge)
///   constraint       Burt's constraint: low = a broker between unconnected contacts
///   core_number      k-core: the densest shell the node belongs to
///   component        connected component (0 = largest)
///   coalition        community of actors in the congruence network (same stance on
///                    the same concepts; needs supports/critiques edges)
///
/// Examples:
///
///   argnet analyse graphs/seeds.json
///   argnet analyse graphs/seeds.json --kinds concepts --top 5 --measures betweenness,pagerank
///   argnet analyse graphs/seeds.json --layer co-occurrence --json > scores.json
///   argnet analyse graphs/seeds.json --save        # store results as node attributes
///
/// Citation networks: when GRAPH is a citation file — argnet's binary form
/// (.argc, from `argnet import`), a SNAP edge list, a CSV or OpenAlex works
/// (.jsonl), plain or .gz — it is analysed as a directed citation network on
/// a compact graph (no argument graph is built, so millions of citations fit):
/// citations received and references made, PageRank, HITS authority and hub,
/// weak and strong components, k-cores, communities (Louvain on the
/// undirected view; --method, --resolution, --seed) and the main path of
/// the field (SPC weights after Batagelj: the global and local main path
/// and key-route main paths, oldest work first; citations on cycles are
/// left out and counted). On request: `co_citation` (pairs of works cited
/// together) and `coupling` (pairs citing the same works), counted or
/// scored with --normalisation cosine|jaccard; betweenness with
/// `--measures betweenness` (exact, in parallel) or `--sample K` (K seeded
/// pivots). Tables show the work ids with years and titles where known;
/// --json holds the top --top works per measure, --csv every work.
///
///   argnet analyse graphs/hepph.argc --top 20
///   argnet analyse cit-HepPh.txt.gz --measures pagerank,betweenness --sample 1000
///   argnet analyse works.jsonl --measures main_path,co_citation,coupling
///   argnet analyse works.jsonl --csv > works.csv
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct AnalyseArgs {
    /// Graph file (JSON written by `argnet build` or `argnet import`), or a
    /// citation file (.argc, edge list, CSV, OpenAlex .jsonl; plain or .gz).
    #[arg(value_name = "GRAPH")]
    pub(super) graph: PathBuf,

    /// Relations to analyse: all, stance (supports, critiques),
    /// co-occurrence, citation, or a list such as supports,cites.
    #[arg(long, value_name = "LAYER", default_value = "all")]
    pub(super) layer: String,

    /// Follow edge directions (default: ties count both ways).
    #[arg(long)]
    pub(super) directed: bool,

    /// Count every edge once, ignoring how often it was seen.
    #[arg(long)]
    pub(super) unweighted: bool,

    /// Edge lengths for betweenness and closeness: hops, inverse-weight
    /// (often-seen ties are short) or weight.
    #[arg(long, value_name = "LENGTH", default_value = "hops")]
    pub(super) length: String,

    /// Only these node kinds in the tables, JSON and CSV: actors,
    /// concepts, sources, documents, claims (comma-separated).
    #[arg(long, alias = "kind", value_name = "KINDS", value_delimiter = ',')]
    pub(super) kinds: Vec<String>,

    /// Rows per table.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub(super) top: usize,

    /// Measures to compute (comma-separated; default all).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub(super) measures: Vec<String>,

    /// How to find communities: louvain; leiden (connected communities,
    /// often a little higher modularity, slower); or label-propagation
    /// (fast on very large graphs, less stable).
    #[arg(long, value_name = "METHOD", default_value = "louvain")]
    pub(super) method: String,

    /// Louvain resolution: above 1 gives more, smaller communities.
    #[arg(long, value_name = "GAMMA", default_value_t = 1.0)]
    pub(super) resolution: f64,

    /// Seed for Louvain and sampling; the same seed gives the same result.
    #[arg(long, value_name = "SEED", default_value_t = 42)]
    pub(super) seed: u64,

    /// Normalisation of the congruence network behind coalitions: none,
    /// average, jaccard or cosine. On a citation network: how co-citation
    /// and coupling score a pair (none = the count, jaccard or cosine).
    #[arg(
        long,
        alias = "normalization",
        value_name = "NAME",
        default_value = "none"
    )]
    pub(super) normalisation: String,

    /// Estimate betweenness from this many random sources (large graphs;
    /// seeded by --seed). On a citation network this also asks for
    /// betweenness.
    #[arg(long, visible_alias = "sample", value_name = "K")]
    pub(super) pivots: Option<usize>,

    /// Print JSON instead of tables.
    #[arg(long, conflicts_with = "csv")]
    pub(super) json: bool,

    /// Print CSV (one row per node) instead of tables.
    #[arg(long)]
    pub(super) csv: bool,

    /// Save the results into GRAPH as node attributes.
    #[arg(long, conflicts_with = "output")]
    pub(super) save: bool,

    /// Write the graph with the results as node attributes to FILE.
    #[arg(long, short, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,

    /// No progress bar (it is drawn only on a terminal anyway).
    #[arg(long, short)]
    pub(super) quiet: bool,

    /// The most a gzip citation file may unpack to (e.g. 500M, 16G; default
    /// 2G). A file that unpacks to more stops with an error naming this flag.
    #[arg(long, value_name = "SIZE", value_parser = super::size)]
    pub(super) max_unpacked: Option<u64>,
}

/// What the arguments ask for, checked.
struct Request {
    config: AnalysisConfig,
    kinds: Vec<NodeKind>,
}

impl AnalyseArgs {
    fn request(&self) -> anyhow::Result<Request> {
        let invalid =
            |name: &'static str, value: &str, message: &str| argnet::Error::InvalidValue {
                name,
                value: value.to_owned(),
                message: message.to_owned(),
            };
        let mut kinds = Vec::new();
        for kind in &self.kinds {
            kinds.push(NodeKind::parse(kind).ok_or_else(|| {
                invalid(
                    "--kinds",
                    kind,
                    "use actors, concepts, sources, documents or claims",
                )
            })?);
        }
        let mut measures = Vec::new();
        for name in &self.measures {
            let measure = Measure::of_key(name.trim()).ok_or_else(|| {
                invalid(
                    "--measures",
                    name,
                    "not a measure; see `argnet analyse --help` for the names",
                )
            })?;
            if !measures.contains(&measure) {
                measures.push(measure);
            }
        }
        if measures.is_empty() {
            measures = Measure::ALL.to_vec();
        }
        if !(self.resolution.is_finite() && self.resolution > 0.0) {
            return Err(invalid(
                "--resolution",
                &self.resolution.to_string(),
                "must be a number above 0",
            )
            .into());
        }
        if self.pivots == Some(0) {
            return Err(invalid("--pivots", "0", "must be at least 1").into());
        }
        let config = AnalysisConfig {
            projection: ProjectionConfig {
                layer: Layer::parse(&self.layer)?,
                directed: self.directed,
                unweighted: self.unweighted,
                keep_isolates: false,
            },
            measures,
            length: EdgeLength::parse(&self.length)?,
            method: CommunityMethod::parse(&self.method)?,
            resolution: self.resolution,
            seed: self.seed,
            normalisation: Normalisation::parse(&self.normalisation)?,
            pivots: self.pivots,
        };
        Ok(Request { config, kinds })
    }
}

pub fn run(args: AnalyseArgs) -> anyhow::Result<Outcome> {
    if args.graph.is_dir() {
        // A folder of texts: say what to run instead.
        read_graph(&args.graph)?;
    }
    if is_citation_file(&args.graph) {
        let document = args.graph.extension().is_some_and(|e| {
            argnet::corpus::DOCUMENT_EXTENSIONS
                .iter()
                .any(|d| e.eq_ignore_ascii_case(d))
        });
        return super::analyse_citations::run(&args).map_err(|error| {
            if document {
                anyhow::anyhow!(
                    "{error}; if this is a text to read rather than a citation edge list, run `argnet build {}` and analyse the graph it writes",
                    args.graph.display()
                )
            } else {
                error
            }
        });
    }
    let request = args.request()?;
    let mut graph = read_graph(&args.graph)?;
    let result = analyse(&graph, &request.config);
    let mut out = std::io::stdout().lock();
    if args.json {
        let text = serde_json::to_string_pretty(&to_json(&graph, &result, &request))?;
        writeln!(out, "{text}")?;
    } else if args.csv {
        write_csv(&mut out, &graph, &result, &request.kinds)?;
    } else {
        super::analyse_tables::print(
            &mut argnet::terminal::Visible::new(&mut out),
            &graph,
            &result,
            &request.config,
            &request.kinds,
            args.top,
        )?;
    }
    let target = if args.save {
        Some(args.graph.clone())
    } else {
        args.output.clone()
    };
    if let Some(path) = target {
        result.write_attributes(&mut graph);
        write_file(&path, graph_to_json(&graph).as_bytes())?;
        writeln!(
            std::io::stderr(),
            "argnet: saved the results as node attributes in {}",
            path.display()
        )
        .context("writing to stderr")?;
    }
    Ok(Outcome::Done)
}

/// The attribute names whose measure was computed.
fn computed_keys(result: &Analysis) -> Vec<&'static str> {
    ATTRIBUTE_KEYS
        .into_iter()
        .filter(|key| Measure::of_key(key).is_some_and(|m| result.computed(m)))
        .collect()
}

fn wanted(graph: &ArgGraph, kinds: &[NodeKind], node: petgraph::graph::NodeIndex) -> bool {
    kinds.is_empty() || kinds.contains(&graph.node(node).kind)
}

fn to_json(graph: &ArgGraph, result: &Analysis, request: &Request) -> Value {
    let keys = computed_keys(result);
    let integer =
        |key: &str| matches!(key, "community" | "coalition" | "core_number" | "component");
    let nodes: Vec<Value> = result
        .projection
        .nodes
        .iter()
        .filter(|&&n| wanted(graph, &request.kinds, n))
        .map(|&n| {
            let node = graph.node(n);
            let mut row = Map::new();
            row.insert("id".into(), node.key.clone().into());
            row.insert("label".into(), node.label.clone().into());
            row.insert("kind".into(), node.kind.as_str().into());
            for key in &keys {
                let value = match result.value(key, n) {
                    Some(v) if integer(key) => json!(v as u64),
                    Some(v) => json!(rounded(v)),
                    None => Value::Null,
                };
                row.insert((*key).into(), value);
            }
            Value::Object(row)
        })
        .collect();
    let ids = |members: Vec<Vec<u32>>, nodes: &[petgraph::graph::NodeIndex]| -> Vec<Vec<String>> {
        members
            .into_iter()
            .map(|m| {
                m.into_iter()
                    .map(|i| graph.node(nodes[i as usize]).key.clone())
                    .collect()
            })
            .collect()
    };
    let config = &request.config;
    let mut document = json!({
        "graph": graph.name,
        "layer": config.projection.layer.to_string(),
        "directed": config.projection.directed,
        "weighted": !config.projection.unweighted,
        "length": config.length.as_str(),
        "nodes": nodes,
    });
    if let Some(found) = &result.communities {
        document["communities"] = json!({
            "method": match config.method {
                CommunityMethod::Louvain => "louvain",
                CommunityMethod::Leiden => "leiden",
                CommunityMethod::LabelPropagation => "label-propagation",
            },
            "resolution": config.resolution,
            "seed": config.seed,
            "modularity": rounded(found.modularity),
            "members": ids(found.partition.members(), &result.projection.nodes),
        });
    }
    if let Some(found) = &result.coalitions {
        let key = |i: u32| graph.node(found.network.nodes[i as usize]).key.clone();
        let ties: Vec<Value> = found
            .network
            .edges
            .iter()
            .map(|&(a, b, w)| json!([key(a), key(b), rounded(w)]))
            .collect();
        document["coalitions"] = json!({
            "normalisation": config.normalisation.to_string(),
            "modularity": rounded(found.communities.modularity),
            "members": ids(found.communities.partition.members(), &found.network.nodes),
            "congruence": ties,
        });
    }
    if let Some(rank) = &result.pagerank {
        document["pagerank_converged"] = json!(rank.converged);
    }
    if let Some(eigen) = &result.eigenvector {
        document["eigenvector_converged"] = json!(eigen.is_some());
    }
    document
}

fn write_csv(
    out: &mut impl Write,
    graph: &ArgGraph,
    result: &Analysis,
    kinds: &[NodeKind],
) -> std::io::Result<()> {
    let keys = computed_keys(result);
    let mut header = vec!["id", "label", "kind"];
    header.extend(&keys);
    writeln!(out, "{}", header.join(","))?;
    for &n in &result.projection.nodes {
        if !wanted(graph, kinds, n) {
            continue;
        }
        let node = graph.node(n);
        let mut row = vec![
            csv_field(&node.key),
            csv_field(&node.label),
            node.kind.as_str().to_owned(),
        ];
        for key in &keys {
            row.push(
                result
                    .value(key, n)
                    .map_or(String::new(), |v| rounded(v).to_string()),
            );
        }
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted.
/// A CSV cell of text from a graph: no live formula (see
/// `argnet::export::not_a_formula`), quoted when needed.
pub(super) fn csv_field(text: &str) -> String {
    let text = argnet::export::not_a_formula(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

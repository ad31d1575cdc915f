//! `argnet import`: read citation data (SNAP edge list, CSV, OpenAlex
//! works, plain or gzip) and write it as argnet's compact binary form
//! (`.argc`) or, for small networks, as graph JSON that every other
//! command reads; or read hand-coded statements (a statement table, a DNA
//! database) into graph JSON (`import_coded.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use argnet::analysis::{citation_graph, edge_census};
use argnet::corpus::citations::{CitationFormat, ImportConfig, encode_binary, read_citations};
use argnet::export::{graph_to_json, write_file};
use argnet::model::graph_from_citations;
use clap::Args;

use super::Outcome;

/// The file extension argnet gives its binary citation form.
const BINARY_EXTENSION: &str = "argc";

/// Import a citation network, or statements coded by hand.
///
/// HAND-CODED STATEMENTS (written as graph JSON; OUTPUT must end in .json):
///
///   statements  a CSV statement table, one coded statement per row: columns
///               actor (or speaker, person, organization), concept (or topic,
///               issue), stance (or agreement, increment: support/critique,
///               agree/disagree, 1/0, +1/-1, true/false), and optional
///               document, title, date, text (the coded passage), organisation
///               (whom the actor speaks for). Other names: --columns.
///   dna         a Discourse Network Analyzer 3 database (.dna): documents with
///               their texts and dates, statements (organization or person,
///               concept, agreement) with their coded passages, entity
///               attributes.
///
///   argnet import coded.csv -o graphs/coded.json
///   argnet import ties.csv --columns actor=speaker,stance=increment -o ties.json
///   argnet import project.dna -o graphs/project.json
///   argnet import ties.csv --nodes nodes.csv -o graphs/debate.json  # with attributes
///   argnet analyse graphs/project.json        # coalitions, central concepts
///
/// CITATIONS are written in one of two forms, chosen by the name of OUTPUT:
///
///   NAME.json   graph JSON (argnet-graph/1): each work a `source` node labelled
///               with its title (or id), each citation a `cites` edge. Every
///               command reads it (analyse, export, path), but it costs about 170
///               bytes per citation (cit-HepPh: 71 MB, against 3.5 MB in the binary
///               form) and is read into a full argument graph with evidence lists
///               and indexes, so it is refused above --json-limit citations.
///   NAME.argc   argnet's compact binary form (any name not ending in .json):
///               8 bytes per citation plus the ids, titles and years, checksummed,
///               loaded with a copy instead of a parse. `argnet analyse` reads it.
///
/// Citation formats (detected from the name and the first bytes; --format to force):
///
///   edge-list   SNAP style: `# comments`, then `citing cited [weight]` per line
///   csv         a header naming source,target[,weight] (or citing,cited)
///   openalex    OpenAlex works as JSON Lines (id, title, publication_year,
///               referenced_works); ids are kept as W… without the URL prefix
///   binary      an .argc file (to convert it to JSON)
///
/// Any of them may be gzip-compressed (.gz). Ids need not be numbers (W123,
/// DOIs). Repeated citations and self-citations are kept and counted.
///
/// Examples:
///
///   argnet import cit-HepPh.txt.gz -o graphs/hepph.argc
///   argnet analyse graphs/hepph.argc
///   argnet import works.jsonl -o graphs/works.json      # small: graph JSON
///   argnet export graphs/works.json --to svg -o works.svg
///   argnet import refs.tsv --format edge-list --name my-field -o field.argc
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct ImportArgs {
    /// Citation file (edge list, CSV, OpenAlex JSON Lines or .argc, plain
    /// or .gz), a statement table (CSV) or a DNA database (.dna).
    #[arg(value_name = "FILE")]
    pub(super) input: PathBuf,

    /// Where to write: NAME.json for graph JSON, any other name (NAME.argc)
    /// for the binary form. Missing folders are created.
    #[arg(long, short, value_name = "OUTPUT")]
    pub(super) output: PathBuf,

    /// Input format: edge-list, csv, openalex, binary, statements or dna
    /// (default: detected; a CSV whose header names actor, concept and
    /// stance columns is a statement table).
    #[arg(long, value_name = "FORMAT")]
    pub(super) format: Option<String>,

    /// Name of the network (default: the input file's name).
    #[arg(long, value_name = "NAME")]
    pub(super) name: Option<String>,

    /// A statement table's columns where the header does not use the usual
    /// names: FIELD=COLUMN pairs, fields actor, concept, stance,
    /// organisation, document, title, date, text.
    #[arg(long, value_name = "FIELD=COLUMN,...")]
    pub(super) columns: Option<String>,

    /// A DNA database's actor: organization (DNA's default; a statement
    /// with no organisation falls back to its person) or person.
    #[arg(long, value_name = "VARIABLE")]
    pub(super) actor_variable: Option<String>,

    /// With hand-coded statements: a node table (CSV with a name column)
    /// whose other columns become attributes of the actors and concepts of
    /// those names (party, organisation type, …).
    #[arg(long, value_name = "FILE")]
    pub(super) nodes: Option<PathBuf>,

    /// Refuse to write graph JSON for more citations than this (JSON costs
    /// about 170 bytes per citation; use the binary form instead).
    #[arg(long, value_name = "CITATIONS", default_value_t = 200_000)]
    json_limit: usize,

    /// Print nothing but errors (no summary, no progress bar).
    #[arg(long, short)]
    pub(super) quiet: bool,

    /// The most a gzip file may unpack to (e.g. 500M, 16G; default 2G). A
    /// file that unpacks to more stops with an error naming this flag.
    #[arg(long, value_name = "SIZE", value_parser = super::size)]
    max_unpacked: Option<u64>,
}

/// What OUTPUT's name asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Json,
    Binary,
}

fn target(output: &Path) -> Target {
    let json = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if json { Target::Json } else { Target::Binary }
}

impl ImportArgs {
    fn config(&self) -> anyhow::Result<ImportConfig> {
        let format =
            match &self.format {
                None => None,
                Some(name) => Some(CitationFormat::parse(name).ok_or_else(|| {
                    argnet::Error::InvalidValue {
                        name: "--format",
                        value: name.clone(),
                        message: "use edge-list, csv, openalex, binary, statements or dna".into(),
                    }
                })?),
            };
        Ok(ImportConfig {
            format,
            name: self.name.clone(),
            max_unpacked: self.max_unpacked,
        })
    }
}

pub fn run(args: ImportArgs) -> anyhow::Result<Outcome> {
    if let Some(format) = super::import_coded::coded_format(&args)? {
        return super::import_coded::run(&args, format);
    }
    let config = args.config()?;
    let progress = crate::progress::reporter(args.quiet);
    let citations = read_citations(&args.input, &config, progress.as_ref())?;
    let census = edge_census(&citation_graph(&citations, false)?);
    let target = target(&args.output);
    let bytes = match target {
        Target::Json => {
            if citations.edge_count() > args.json_limit {
                return Err(argnet::Error::InvalidValue {
                    name: "--output",
                    value: args.output.display().to_string(),
                    message: format!(
                        "{} citations are too many for graph JSON (limit {}, about 170 bytes each); write the binary form instead, e.g. -o {}",
                        citations.edge_count(),
                        args.json_limit,
                        args.output.with_extension(BINARY_EXTENSION).display()
                    ),
                }
                .into());
            }
            graph_to_json(&graph_from_citations(&citations)).into_bytes()
        }
        Target::Binary => encode_binary(&citations),
    };
    write_file(&args.output, &bytes)?;
    if !args.quiet {
        let mut notes = Vec::new();
        if census.repeated > 0 {
            let merged = if target == Target::Json {
                ", merged into weighted edges"
            } else {
                ""
            };
            notes.push(format!("{} repeated{merged}", census.repeated));
        }
        if census.self_citations > 0 {
            let plural = if census.self_citations == 1 { "" } else { "s" };
            notes.push(format!("{} self-citation{plural}", census.self_citations));
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join(", "))
        };
        let form = match target {
            Target::Json => "graph JSON",
            Target::Binary => "binary form",
        };
        writeln!(
            std::io::stdout().lock(),
            "Imported {}: {} works, {} citations{notes} → {} ({form}, {})",
            citations.name,
            census.works,
            census.citations,
            args.output.display(),
            size(bytes.len())
        )
        .context("writing the summary")?;
    }
    Ok(Outcome::Done)
}

/// A byte count for people.
fn size(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} kB", b as f64 / (1 << 10) as f64),
        b => format!("{b} bytes"),
    }
}

//! `argnet build`: read a corpus and write its graph as JSON, DOT and SVG.

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;
use argnet::export::INSTALL_HINT;
use argnet::extract::ExtractConfig;
use argnet::model::{NodeKind, Relation};
use argnet::pipeline::{self, BuildConfig, BuildReport, Picture};
use clap::Args;

use super::Outcome;
use argnet::terminal::{NAME_WIDTH, clip};

/// Read texts and write their argument network.
///
/// Reads every .txt and .md file under PATHS (folders recursively), finds the
/// actors and concepts of the codebook in them, and writes into the output
/// folder:
///
///   NAME.json  the whole graph with evidence (argnet's saved form)
///   NAME.dot   the diagram in Graphviz DOT
///   NAME.svg   the diagram as a picture, when Graphviz `dot` is installed
///   NAME.html  the explorer page: open it in a browser (no network needed)
///
/// Examples:
///
///   argnet build seeds
///   argnet build reports/ speeches/ --codebook my-codebook.toml --name reform
///   argnet build seeds --min-confidence 0.6 --name seeds-sure
///   argnet build seeds -o results/seeds.json   # folder and name in one
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct BuildArgs {
    /// Files or folders to read (.txt and .md; folders are read recursively).
    #[arg(required = true, value_name = "PATHS")]
    paths: Vec<PathBuf>,

    /// Codebook (TOML) of actors, concepts and aliases. Default:
    /// codebook.toml beside the first path, if there is one.
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,

    /// Corpus manifest (TOML) with each document's title, date, author and
    /// kind. Default: corpus.toml beside the first path, if there is one.
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,

    /// Folder to write into (created if missing); or the graph file itself,
    /// DIR/NAME.json, which sets the folder and the name (as `-o` names the
    /// output file in the other commands).
    #[arg(long, short, value_name = "DIR", default_value = "graphs")]
    out: PathBuf,

    /// Base name of the output files. Default: the first path's name.
    #[arg(long, value_name = "NAME")]
    name: Option<String>,

    /// Leave out supports, critiques, citations and affiliations whose
    /// confidence (0 to 1, stored on every piece of evidence) is below P.
    /// The default is the threshold with the best F1 on the hand-coded
    /// sets; raise it for fewer, surer edges, or give 0 to keep every
    /// candidate (and see the whole precision–recall curve in `argnet
    /// eval`).
    #[arg(long, value_name = "P", default_value_t = argnet::extract::DEFAULT_MIN_CONFIDENCE)]
    min_confidence: f64,

    /// The largest document read (e.g. 200M; default 64M). A larger file
    /// is skipped with a warning naming its size and this flag.
    #[arg(long, value_name = "SIZE", value_parser = super::size)]
    max_document: Option<u64>,

    /// Do not render the SVG, even when Graphviz is installed.
    #[arg(long)]
    no_svg: bool,

    /// Print only warnings and errors.
    #[arg(long, short)]
    quiet: bool,
}

/// The output folder and name from `--out` and `--name`: `--out
/// graphs/reform.json` is the folder `graphs` and the name `reform`.
fn out_dir_and_name(
    out: PathBuf,
    name: Option<String>,
) -> anyhow::Result<(PathBuf, Option<String>)> {
    let is_json = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json || out.is_dir() {
        return Ok((out, name));
    }
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(name) = &name
        && *name != stem
    {
        bail!(
            "--out {} names the graph {stem:?} but --name says {name:?}: give one of them",
            out.display()
        );
    }
    let dir = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok((dir, Some(stem)))
}

pub fn run(args: BuildArgs) -> anyhow::Result<Outcome> {
    let extract = ExtractConfig::default().with_min_confidence(args.min_confidence)?;
    let (out, name) = out_dir_and_name(args.out, args.name)?;
    let config = BuildConfig::new(args.paths)
        .with_extract(extract)
        .with_codebook(args.codebook)
        .with_manifest(args.manifest)
        .with_out_dir(out)
        .with_name(name)
        .with_max_document(args.max_document)
        .with_render(!args.no_svg);
    let report = pipeline::build(&config)?;

    let mut stderr = std::io::stderr().lock();
    for warning in &report.warnings {
        writeln!(
            stderr,
            "argnet: warning: {}",
            argnet::terminal::visible(&warning.to_string())
        )?;
    }
    // Every file is written by now: a summary that cannot be printed (a
    // full disk behind standard output) is a warning, not a failed build.
    if !args.quiet
        && let Err(error) = print_summary(&report)
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        writeln!(
            stderr,
            "argnet: warning: the outputs are written, but the summary could not be printed: {error}"
        )?;
    }
    if let Picture::GraphvizMissing { dot, svg } = &report.picture {
        writeln!(
            stderr,
            "argnet: no SVG: Graphviz `dot` is not installed; {INSTALL_HINT}, then run `dot -Kneato -Tsvg {} -o {}`",
            dot.display(),
            svg.display()
        )?;
    }
    Ok(if report.skipped() > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

fn print_summary(report: &BuildReport) -> std::io::Result<()> {
    let summary = &report.summary;
    let mut out = argnet::terminal::stdout();
    let codebook = match &report.codebook {
        Some(path) => format!("codebook {}", path.display()),
        None => "no codebook: only documents are in the graph; pass --codebook FILE".to_owned(),
    };
    let skipped = match report.skipped() {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    writeln!(
        out,
        "Read {} documents{skipped} ({codebook})",
        summary.documents
    )?;

    let node_total: usize = summary.nodes.values().sum();
    let mut parts = Vec::new();
    for kind in NodeKind::ALL {
        let Some(&count) = summary.nodes.get(&kind) else {
            continue;
        };
        let mut part = format!("{count} {}s", kind.as_str());
        if kind == NodeKind::Actor && !summary.actor_kinds.is_empty() {
            let split: Vec<String> = summary
                .actor_kinds
                .iter()
                .map(|(subkind, n)| format!("{n} {subkind}"))
                .collect();
            part.push_str(&format!(" ({})", split.join(", ")));
        }
        parts.push(part);
    }
    writeln!(out, "Nodes {node_total}: {}", parts.join(", "))?;

    let edge_total: usize = summary.edges.values().map(|(n, _)| n).sum();
    let parts: Vec<String> = Relation::ALL
        .iter()
        .filter_map(|r| {
            let claims = summary.claim_edges.get(r).copied().unwrap_or(0);
            summary
                .edges
                .get(r)
                .map(|(n, _)| n - claims)
                .filter(|n| *n > 0)
                .map(|n| format!("{n} {}", r.as_str()))
        })
        .collect();
    writeln!(out, "Edges {edge_total}: {}", parts.join(", "))?;
    if !summary.claim_edges.is_empty() {
        let parts: Vec<String> = summary
            .claim_edges
            .iter()
            .map(|(r, n)| format!("{n} {}", r.as_str()))
            .collect();
        writeln!(out, "  and from claims to concepts: {}", parts.join(", "))?;
    }

    if !summary.top_concepts.is_empty() {
        writeln!(out, "Most mentioned concepts:")?;
        let width = summary
            .top_concepts
            .iter()
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0)
            .min(NAME_WIDTH);
        for (rank, (name, count)) in summary.top_concepts.iter().enumerate() {
            let name = clip(name, NAME_WIDTH);
            writeln!(out, "  {:>2}. {name:<width$}  {count:>4}", rank + 1)?;
        }
    }
    let written: Vec<String> = report
        .written
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    writeln!(out, "Wrote {}", written.join(", "))?;
    if let Some((shown, of)) = report.explorer_part {
        writeln!(
            out,
            "The explorer page holds the {shown} most mentioned of {of} nodes; `argnet export GRAPH.json --to html` with --top, --ego or --kinds writes other parts"
        )?;
    }
    Ok(())
}

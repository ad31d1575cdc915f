//! Subcommands, one per file. Each turns its clap arguments into library
//! config and prints what the library returns.

mod analyse;
mod analyse_citations;
mod analyse_tables;
mod build;
mod eval;
mod evidence;
mod export;
mod import;
mod import_coded;
mod path;

use clap::{Parser, Subcommand};

/// argnet turns policy-debate texts into an argument and citation network —
/// actors, concepts and the support and critique between them, each edge
/// traceable to the sentence behind it — and draws and exports it.
///
/// Start with `argnet build seeds`, which reads the bundled seed texts and
/// writes graphs/seeds.json, graphs/seeds.dot and graphs/seeds.svg; then
/// `argnet export graphs/seeds.json -o FILE` writes diagrams for slides and
/// files for Gephi, Cytoscape, NetworkX, spreadsheets and OVA;
/// `argnet analyse graphs/seeds.json` finds the central concepts and actors,
/// and `argnet path graphs/seeds.json FROM TO` shows how two ideas connect.
/// Citation data (SNAP, CSV, OpenAlex) is read by `argnet import` and
/// `argnet analyse`.
///
/// Exit codes: 0 done; 1 done, but some documents were skipped (see the
/// warnings); 2 error, nothing written.
#[derive(Debug, Parser)]
#[command(name = "argnet", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Build(build::BuildArgs),
    #[command(visible_alias = "analyze")]
    Analyse(analyse::AnalyseArgs),
    Path(path::PathArgs),
    Export(export::ExportArgs),
    Import(import::ImportArgs),
    Eval(eval::EvalArgs),
    Evidence(evidence::EvidenceArgs),
}

/// How a successful command ended.
pub enum Outcome {
    Done,
    /// Finished, but some inputs were skipped.
    Partial,
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Analyse(args) => analyse::run(args),
        Command::Path(args) => path::run(args),
        Command::Export(args) => export::run(args),
        Command::Import(args) => import::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Evidence(args) => evidence::run(args),
    }
}

/// A size option such as `--max-unpacked 16G`.
fn size(text: &str) -> Result<u64, String> {
    argnet::corpus::citations::parse_size(text).ok_or_else(|| {
        format!("{text:?} is not a size: write bytes or a number with K, M, G or T (e.g. 16G)")
    })
}

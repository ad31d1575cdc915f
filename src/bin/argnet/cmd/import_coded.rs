//! `argnet import` of hand-coded statements: a statement table (CSV) or a
//! DNA 3 database, written as graph JSON.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use argnet::corpus::coded::{CodedConfig, CodedFormat, CodedStance, Columns, read_coded};
use argnet::export::{graph_to_json, write_file};
use argnet::model::graph_from_coded;

use super::Outcome;
use super::import::ImportArgs;

/// The hand-coded format `args` asks for or its input is in; `None` for
/// citation data.
pub(super) fn coded_format(args: &ImportArgs) -> anyhow::Result<Option<CodedFormat>> {
    let format = match &args.format {
        Some(name) => CodedFormat::parse(name),
        None if args.input.exists() => CodedFormat::detect(&args.input),
        None => None,
    };
    let coded_flag = [
        (args.columns.is_some(), "--columns"),
        (args.actor_variable.is_some(), "--actor-variable"),
        (args.nodes.is_some(), "--nodes"),
    ]
    .into_iter()
    .find_map(|(given, flag)| given.then_some(flag));
    if let (None, Some(flag)) = (format, coded_flag) {
        return Err(argnet::Error::InvalidValue {
            name: "FILE",
            value: args.input.display().to_string(),
            message: format!(
                "{flag} is for hand-coded statements, and this is not a statement table or a DNA database; add --format statements if it is one"
            ),
        }
        .into());
    }
    Ok(format)
}

pub(super) fn run(args: &ImportArgs, format: CodedFormat) -> anyhow::Result<Outcome> {
    let is_json = args
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Err(argnet::Error::InvalidValue {
            name: "--output",
            value: args.output.display().to_string(),
            message: format!(
                "hand-coded statements are written as graph JSON; name the output NAME.json, e.g. -o {}",
                args.output.with_extension("json").display()
            ),
        }
        .into());
    }
    if !args.input.exists() {
        return Err(argnet::Error::PathNotFound {
            path: args.input.clone(),
        }
        .into());
    }
    let config = CodedConfig {
        columns: match &args.columns {
            Some(text) => Columns::parse(text)?,
            None => Columns::default(),
        },
        actor_variable: args.actor_variable.clone(),
        nodes: args.nodes.clone(),
    };
    let corpus = read_coded(&args.input, format, &config)?;
    if corpus.statements.is_empty() {
        let why = corpus
            .skipped
            .first()
            .map(|s| format!(" ({} skipped; first: {s})", corpus.skipped.len()))
            .unwrap_or_default();
        return Err(argnet::Error::Coded {
            path: args.input.clone(),
            line: 0,
            message: format!("no coded statements to import{why}"),
        }
        .into());
    }
    let name = args.name.clone().unwrap_or_else(|| stem(&args.input));
    let graph = graph_from_coded(&name, &corpus);
    let bytes = graph_to_json(&graph).into_bytes();
    write_file(&args.output, &bytes)?;

    let mut err = std::io::stderr().lock();
    for skipped in corpus.skipped.iter().take(5) {
        writeln!(err, "warning: {}: skipped {skipped}", args.input.display()).ok();
    }
    if corpus.skipped.len() > 5 {
        writeln!(
            err,
            "warning: {}: skipped {} more",
            args.input.display(),
            corpus.skipped.len() - 5
        )
        .ok();
    }
    if !args.quiet {
        let support = corpus
            .statements
            .iter()
            .filter(|s| s.stance == CodedStance::Support)
            .count();
        let count = |kind: &str| {
            graph
                .nodes()
                .filter(|(_, n)| n.kind.as_str() == kind)
                .count()
        };
        writeln!(
            std::io::stdout().lock(),
            "Imported {name}: {} statements ({support} support, {} critique) by {} actors on {} concepts in {} documents → {}",
            corpus.statements.len(),
            corpus.statements.len() - support,
            count("actor"),
            count("concept"),
            corpus.documents.len(),
            args.output.display(),
        )
        .context("writing the summary")?;
    }
    Ok(if corpus.skipped.is_empty() {
        Outcome::Done
    } else {
        Outcome::Partial
    })
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "coded".to_owned(), |s| s.to_string_lossy().into_owned())
}

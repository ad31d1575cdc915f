//! `argnet eval`: score a graph against a hand-coded gold standard.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use argnet::eval::{self, EvalReport, Gold, Item, Score, Unit};
use clap::Args;

use super::Outcome;

/// Score a graph against hand coding: precision, recall and F1.
///
/// Compares the actors, concepts, citations and statements (document,
/// actor, concept, stance) of GRAPH with a gold standard written by hand
/// (the schema is in shared/eval/README.md). Gold documents are matched to
/// graph documents by file name; actor and concept names through the gold
/// file's aliases and the graph's labels and seen aliases, ignoring case,
/// quotation marks and a leading "the". Prints a table, then every miss and
/// false positive with its sentence so that you can see why.
///
/// Examples:
///
///   argnet build seeds --no-svg
///   argnet eval graphs/seeds.json --gold ../shared/eval/seeds-gold.json
///   argnet eval graphs/dev.json --gold gold.json --json > scores.json
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct EvalArgs {
    /// A graph written by `argnet build` (NAME.json).
    #[arg(value_name = "GRAPH")]
    graph: PathBuf,

    /// The gold standard (JSON).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,

    /// Print one JSON object (scores, misses, false positives) instead of
    /// the table.
    #[arg(long)]
    json: bool,

    /// Print only the table of scores, not the misses and false positives.
    #[arg(long, conflicts_with = "json")]
    brief: bool,
}

pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    let graph = argnet::export::read_graph(&args.graph)?;
    let gold = Gold::parse(&argnet::corpus::read_text(&args.gold)?, &args.gold)?;
    let report = eval::evaluate(&graph, &gold);

    let mut stderr = std::io::stderr().lock();
    for file in &report.unmatched_documents {
        writeln!(
            stderr,
            "argnet: warning: {}: gold document {file:?} matches no document of the graph; all its units count as misses",
            args.gold.display()
        )?;
    }
    let mut out = argnet::terminal::stdout();
    if args.json {
        let text = serde_json::to_string_pretty(&report).context("writing the report")?;
        writeln!(out, "{text}")?;
    } else {
        print_table(&mut out, &report)?;
        if !args.brief {
            print_reliability(&mut out, &report)?;
            print_items(
                &mut out,
                "Misses (in the gold, not in the graph)",
                &report.misses,
            )?;
            print_items(
                &mut out,
                "False positives (in the graph, not in the gold)",
                &report.false_positives,
            )?;
        }
    }
    Ok(Outcome::Done)
}

fn print_table(out: &mut impl Write, report: &EvalReport) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<11} {:>9} {:>7} {:>6} {:>5} {:>5} {:>5}",
        "unit", "precision", "recall", "F1", "tp", "fp", "fn"
    )?;
    let rows: [(&str, &Score); 4] = [
        ("actors", &report.actors),
        ("concepts", &report.concepts),
        ("citations", &report.citations),
        ("statements", &report.statements),
    ];
    for (name, score) in rows {
        writeln!(
            out,
            "{name:<11} {:>9.3} {:>7.3} {:>6.3} {:>5} {:>5} {:>5}",
            score.precision, score.recall, score.f1, score.tp, score.fp, score.false_negatives
        )?;
    }
    Ok(())
}

/// The reliability table and the precision–recall curve of statements.
fn print_reliability(out: &mut impl Write, report: &EvalReport) -> std::io::Result<()> {
    if report.judged.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\nStatement confidence against the hand coding (is 0.7 right 70% of the time?)"
    )?;
    writeln!(
        out,
        "{:<11} {:>6} {:>8} {:>10}",
        "confidence", "count", "correct", "precision"
    )?;
    for bin in report.reliability.iter().filter(|b| b.count > 0) {
        writeln!(
            out,
            "{:<11} {:>6} {:>8} {:>10.2}",
            format!("{:.1}–{:.1}", bin.from, bin.to),
            bin.count,
            bin.correct,
            bin.precision.unwrap_or(0.0)
        )?;
    }
    writeln!(
        out,
        "\nStatements kept at each --min-confidence (build with --min-confidence 0 to see the whole curve)"
    )?;
    writeln!(
        out,
        "{:<10} {:>10} {:>9} {:>7} {:>6}",
        "threshold", "statements", "precision", "recall", "F1"
    )?;
    let mut last = None;
    for point in &report.curve {
        // Thresholds that keep the same statements add nothing.
        if last == Some(point.statements) {
            continue;
        }
        last = Some(point.statements);
        writeln!(
            out,
            "{:<10.2} {:>10} {:>9.3} {:>7.3} {:>6.3}",
            point.threshold, point.statements, point.precision, point.recall, point.f1
        )?;
    }
    Ok(())
}

fn print_items(out: &mut impl Write, title: &str, items: &[Item]) -> std::io::Result<()> {
    writeln!(out, "\n{title}: {}", items.len())?;
    for item in items {
        let what = match item.kind {
            Unit::Actor | Unit::Concept => format!(
                "{:<9} {}",
                if item.kind == Unit::Actor {
                    "actor"
                } else {
                    "concept"
                },
                item.name.as_deref().unwrap_or("")
            ),
            Unit::Statement => format!(
                "statement {} {} {}",
                item.actor.as_deref().unwrap_or(""),
                match item.stance {
                    Some(argnet::extract::Stance::Critique) => "critiques",
                    _ => "supports",
                },
                item.concept.as_deref().unwrap_or("")
            ),
            Unit::Citation => format!(
                "citation  {} cites {}",
                item.citing.as_deref().unwrap_or(""),
                item.cited.as_deref().unwrap_or("")
            ),
        };
        writeln!(out, "  {}  {what}", item.document)?;
        if let Some(evidence) = &item.evidence {
            writeln!(out, "      “{}”", one_line(evidence, 160))?;
        }
    }
    Ok(())
}

/// A sentence on one line, cut to `width` characters.
pub fn one_line(text: &str, width: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        flat
    } else {
        let cut: String = flat.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

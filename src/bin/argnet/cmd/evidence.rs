//! `argnet evidence`: the sentences behind a node's supports and critiques.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use argnet::eval::{assertions, stance_evidence};
use argnet::extract::Stance;
use clap::Args;

use super::Outcome;
use super::eval::one_line;

/// Show every sentence behind a node's support and critique edges.
///
/// NODE is a node id (`concept:big-society`), a label or a seen alias,
/// ignoring case. For a concept, prints who supports and who critiques it;
/// for an actor, what it supports and critiques; for a claim, who asserts
/// it and what it supports or critiques. Each sentence comes with
/// its document, byte span and confidence, grouped by actor and stance.
///
/// Examples:
///
///   argnet evidence graphs/seeds.json "Big Society"
///   argnet evidence graphs/seeds.json actor:stephen-bubb
///   argnet evidence graphs/seeds.json "work programme" --min-confidence 0.6
///   argnet evidence graphs/seeds.json claim:personalising-public-services   # a claim
#[derive(Debug, Args)]
#[command(verbatim_doc_comment)]
pub struct EvidenceArgs {
    /// A graph written by `argnet build` (NAME.json).
    #[arg(value_name = "GRAPH")]
    graph: PathBuf,

    /// The node: id, label or alias.
    #[arg(value_name = "NODE")]
    node: String,

    /// Leave out sentences below this confidence (0 to 1).
    #[arg(long, value_name = "P", default_value_t = 0.0)]
    min_confidence: f64,
}

pub fn run(args: EvidenceArgs) -> anyhow::Result<Outcome> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        bail!(
            "--min-confidence {}: give a number from 0 to 1",
            args.min_confidence
        );
    }
    let graph = argnet::export::read_graph(&args.graph)?;
    let node = graph
        .resolve("NODE", &args.node)
        .with_context(|| args.graph.display().to_string())?;
    let groups = stance_evidence(&graph, node);
    let mut out = argnet::terminal::stdout();
    let target = graph.node(node);
    let sentences: usize = groups.iter().map(|g| g.evidence.len()).sum();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        out,
        "{} ({}): {}, {}",
        target.label,
        target.key,
        plural(groups.len(), "stance edge", "stance edges"),
        plural(sentences, "sentence", "sentences")
    )
    .context("writing the evidence")?;
    let voices = assertions(&graph, node);
    if !voices.is_empty() {
        writeln!(out, "\nasserted by")?;
        for (actor, evidence) in &voices {
            writeln!(out, "  {actor}")?;
            for evidence in evidence {
                writeln!(
                    out,
                    "    {} [{}..{}]  “{}”",
                    evidence.document,
                    evidence.span.start,
                    evidence.span.end,
                    one_line(&evidence.text, 200)
                )?;
            }
        }
    }
    let mut actor = "";
    for group in &groups {
        let kept: Vec<_> = group
            .evidence
            .iter()
            .filter(|e| e.confidence >= args.min_confidence)
            .collect();
        if kept.is_empty() {
            continue;
        }
        if group.actor != actor {
            writeln!(out, "\n{}", group.actor)?;
            actor = &group.actor;
        }
        let verb = match group.stance {
            Stance::Support => "supports",
            Stance::Critique => "critiques",
        };
        writeln!(out, "  {verb} {}", group.concept)?;
        for evidence in kept {
            writeln!(
                out,
                "    {} [{}..{}] {:.2}  “{}”",
                evidence.document,
                evidence.span.start,
                evidence.span.end,
                evidence.confidence,
                one_line(&evidence.text, 200)
            )?;
        }
    }
    Ok(Outcome::Done)
}

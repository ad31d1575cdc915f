//! Fit the confidence table of statements (`src/extract/cues/calibration.txt`)
//! from graphs built with `--min-confidence 0` and their hand coding:
//!
//! ```sh
//! cargo run --release --example calibrate -- GRAPH.json GOLD.json [GRAPH.json GOLD.json ...]
//! ```
//!
//! `scripts/calibrate.sh` builds the visible sets and runs this. The unit is
//! what the hand coding scores: a (document, actor, concept, stance) triple.
//! A triple stated by one sentence is one observation of that sentence's
//! basis (how its holder and its stance were found): the basis's confidence
//! is the share of such triples the hand coding has, shrunk towards the
//! share of its holder rule (and that towards all triples) by a few
//! pseudo-observations, so that rare bases get no extreme values. Triples
//! stated by several sentences fit `repeat`: the share of the best
//! sentence's doubt that each further sentence leaves
//! (`confidence::combined`), chosen for the least squared error.

use std::collections::BTreeMap;
use std::path::Path;

use argnet::eval::{Gold, evaluate};
use argnet::extract::confidence::table_value;

/// Pseudo-observations of the prior in each shrunk estimate.
const PRIOR_WEIGHT: f64 = 6.0;

struct Triple {
    /// The basis of its best sentence.
    best: String,
    sentences: usize,
    correct: bool,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    anyhow::ensure!(
        !args.is_empty() && args.len() % 2 == 0,
        "usage: calibrate GRAPH.json GOLD.json [GRAPH.json GOLD.json ...]"
    );
    let mut triples = Vec::new();
    for pair in args.chunks(2) {
        let graph = argnet::export::read_graph(Path::new(&pair[0]))?;
        let text = std::fs::read_to_string(&pair[1])?;
        let gold = Gold::parse(&text, Path::new(&pair[1]))?;
        for judged in evaluate(&graph, &gold).judged {
            // The best sentence by the current table (ties: first).
            let mut bases: Vec<&str> = judged
                .evidence
                .iter()
                .filter_map(|(basis, _)| basis.as_deref())
                .collect();
            if bases.is_empty() {
                continue;
            }
            bases.sort_by(|a, b| {
                let value = |k: &str| table_value(k).unwrap_or(0.0);
                value(b).total_cmp(&value(a)).then(a.cmp(b))
            });
            triples.push(Triple {
                best: bases[0].to_owned(),
                sentences: judged.evidence.len(),
                correct: judged.correct,
            });
        }
    }
    let single: Vec<&Triple> = triples.iter().filter(|t| t.sentences == 1).collect();
    let share = |items: &[&Triple]| {
        let right = items.iter().filter(|t| t.correct).count() as f64;
        (items.len() as f64, right)
    };
    let (n_all, right_all) = share(&single);
    let overall = right_all / n_all.max(1.0);
    let shrink =
        |n: f64, right: f64, prior: f64| (right + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT);
    let mut by_basis: BTreeMap<&str, Vec<&Triple>> = BTreeMap::new();
    let mut by_holder: BTreeMap<&str, Vec<&Triple>> = BTreeMap::new();
    for triple in &single {
        by_basis.entry(&triple.best).or_default().push(triple);
        let holder = triple.best.split('+').next().unwrap_or("");
        by_holder.entry(holder).or_default().push(triple);
    }
    let mut table: BTreeMap<String, (f64, f64, f64)> = BTreeMap::new();
    for (basis, items) in &by_basis {
        let holder = basis.split('+').next().unwrap_or("");
        let (hn, hright) = share(&by_holder[holder]);
        let holder_prior = shrink(hn, hright, overall);
        let (n, right) = share(items);
        table.insert(
            (*basis).to_owned(),
            (shrink(n, right, holder_prior), right, n),
        );
    }
    // Bases seen only in triples of several sentences: their holder's share.
    for triple in &triples {
        if !table.contains_key(&triple.best) {
            let holder = triple.best.split('+').next().unwrap_or("");
            let prior = by_holder.get(holder).map_or(overall, |items| {
                let (n, right) = share(items);
                shrink(n, right, overall)
            });
            table.insert(triple.best.clone(), (prior, 0.0, 0.0));
        }
    }
    // `repeat` for the least squared error on triples of several sentences.
    let multiple: Vec<&Triple> = triples.iter().filter(|t| t.sentences > 1).collect();
    let error = |repeat: f64| -> f64 {
        multiple
            .iter()
            .map(|t| {
                let best = table[&t.best].0;
                let p = 1.0 - (1.0 - best) * repeat.powi(t.sentences as i32 - 1);
                (p - if t.correct { 1.0 } else { 0.0 }).powi(2)
            })
            .sum()
    };
    let repeat = (0..=20)
        .map(|k| k as f64 / 20.0)
        .min_by(|a, b| error(*a).total_cmp(&error(*b)))
        .unwrap_or(1.0);

    println!("# Calibrated confidence of a statement by its basis: how its holder was");
    println!("# found, how its stance was found (\"-new\": on a discovered concept).");
    println!("# Written by examples/calibrate.rs (scripts/calibrate.sh) from the");
    println!("# visible sets: the share of (document, actor, concept, stance) triples");
    println!("# stated by one sentence of this basis that the hand coding has, shrunk");
    println!("# towards its holder rule's share ({PRIOR_WEIGHT} pseudo-observations). A basis");
    println!("# not listed falls back to holder weight × stance weight (confidence.rs).");
    println!(
        "# {} triples ({} of one sentence, {:.3} of those right).",
        triples.len(),
        single.len(),
        overall
    );
    println!("#");
    println!("# Each further sentence stating the same triple leaves this share of the");
    println!("# doubt ({} triples of several sentences):", multiple.len());
    println!("repeat = {repeat:.2}");
    println!("#");
    println!("# holder stance = confidence   # right / triples of one sentence");
    for (basis, (value, right, n)) in &table {
        let (holder, stance) = basis.split_once('+').unwrap_or((basis, ""));
        println!("{holder} {stance} = {value:.3}   # {right}/{n}");
    }
    Ok(())
}

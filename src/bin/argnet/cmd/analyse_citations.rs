//! `argnet analyse` on a citation file (.argc, edge list, CSV, OpenAlex):
//! turn the arguments into a `CitationReportConfig`, read the citations,
//! run the library's citation report on the compact graph and print it as
//! tables, JSON (the top works per section) or CSV (every work). The
//! printers go section by section and match on the section's content, so a
//! new section of a known shape needs no change here.

use std::io::{self, BufWriter, Write};

use argnet::analysis::{
    CitationMeasure, CitationReport, CitationReportConfig, CommunityMethod, Content, Fact, Pair,
    RankConfig, Section, Similarity, citation_graph, citation_report, part_sizes, rounded,
};
use argnet::corpus::citations::{Citations, ImportConfig, read_citations};
use serde_json::{Map, Value, json};

use super::Outcome;
use super::analyse::{AnalyseArgs, csv_field};
use argnet::terminal::{NAME_WIDTH, clip};

/// Parts of a partition listed in the tables, at most.
const PARTS_SHOWN: usize = 5;
/// Most-cited members named per listed part.
const MEMBERS_SHOWN: usize = 3;
/// Characters of a title shown in a table.
const TITLE_WIDTH: usize = 60;

fn config(args: &AnalyseArgs) -> anyhow::Result<CitationReportConfig> {
    let invalid = |name: &'static str, value: &str, message: &str| argnet::Error::InvalidValue {
        name,
        value: value.to_owned(),
        message: message.to_owned(),
    };
    let not_here = |name: &'static str, value: &str| {
        invalid(
            name,
            value,
            "applies to argument graphs; a citation file is analysed as directed citations",
        )
    };
    if args.save || args.output.is_some() {
        return Err(not_here("--save/--output", &args.graph.display().to_string()).into());
    }
    if !args.kinds.is_empty() {
        return Err(not_here("--kinds", &args.kinds.join(",")).into());
    }
    if args.layer != "all" {
        return Err(not_here("--layer", &args.layer).into());
    }
    if args.length != "hops" {
        return Err(not_here("--length", &args.length).into());
    }
    let similarity = match args.normalisation.trim().to_ascii_lowercase().as_str() {
        "none" | "count" => Similarity::Count,
        "cosine" => Similarity::Cosine,
        "jaccard" => Similarity::Jaccard,
        other => {
            return Err(invalid(
                "--normalisation",
                other,
                "co-citation and coupling are scored by none (the count), cosine or jaccard",
            )
            .into());
        }
    };
    let mut measures = Vec::new();
    for name in &args.measures {
        let measure = CitationMeasure::of_key(name).ok_or_else(|| {
            invalid(
                "--measures",
                name,
                "not a measure of citation networks; use citations, pagerank, hits, components, cores, communities, main_path, co_citation, coupling or betweenness",
            )
        })?;
        if !measures.contains(&measure) {
            measures.push(measure);
        }
    }
    if measures.is_empty() {
        measures = CitationMeasure::DEFAULT.to_vec();
    }
    if args.pivots == Some(0) {
        return Err(invalid("--sample", "0", "must be at least 1").into());
    }
    if args.pivots.is_some() && !measures.contains(&CitationMeasure::Betweenness) {
        measures.push(CitationMeasure::Betweenness);
    }
    if !(args.resolution.is_finite() && args.resolution > 0.0) {
        return Err(invalid(
            "--resolution",
            &args.resolution.to_string(),
            "must be a number above 0",
        )
        .into());
    }
    Ok(CitationReportConfig {
        measures,
        rank: RankConfig::default(),
        method: CommunityMethod::parse(&args.method)?,
        resolution: args.resolution,
        seed: args.seed,
        weighted: !args.unweighted,
        pivots: args.pivots,
        pairs: args.top,
        similarity,
        ..CitationReportConfig::default()
    })
}

pub fn run(args: &AnalyseArgs) -> anyhow::Result<Outcome> {
    let config = config(args)?;
    let progress = crate::progress::reporter(args.quiet);
    let import = ImportConfig {
        max_unpacked: args.max_unpacked,
        ..ImportConfig::default()
    };
    let mut citations = read_citations(&args.graph, &import, progress.as_ref())?;
    let graph = citation_graph(&citations, config.weighted)?;
    // The compact graph holds the edges from here on.
    citations.edges = Vec::new();
    citations.weights = None;
    let report = citation_report(&graph, &config, progress.as_ref())?;
    drop(progress);
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        let document = to_json(&citations, &report, &config, args.top);
        writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
    } else if args.csv {
        write_csv(&mut out, &citations, &report)?;
    } else {
        print_tables(
            &mut argnet::terminal::Visible::new(&mut out),
            &citations,
            &report,
            &config,
            args.top,
        )?;
    }
    out.flush()?;
    Ok(Outcome::Done)
}

fn print_tables(
    out: &mut impl Write,
    citations: &Citations,
    report: &CitationReport,
    config: &CitationReportConfig,
    top: usize,
) -> io::Result<()> {
    let census = &report.census;
    let mut notes = Vec::new();
    if census.repeated > 0 {
        notes.push(format!("{} repeated", census.repeated));
    }
    if census.self_citations > 0 {
        notes.push(format!("{} self-citations", census.self_citations));
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({}, kept as given)", notes.join(", "))
    };
    writeln!(
        out,
        "Citation network {}: {} works, {} citations{notes}",
        citations.name, census.works, census.citations
    )?;
    let cited = report.section("citations");
    for section in &report.sections {
        writeln!(out)?;
        let facts = facts_line(section, config);
        match &section.content {
            Content::Scores(_) => {
                writeln!(out, "{}: {}{facts}", section.title, section.meaning)?;
                let rows = section.top(top);
                let width = rows
                    .iter()
                    .map(|&(v, _)| citations.ids.get(v as usize).chars().count())
                    .max()
                    .unwrap_or(0)
                    .min(NAME_WIDTH);
                for (rank, (node, value)) in rows.into_iter().enumerate() {
                    let line = format!(
                        "  {:>3}. {:<width$}  {:>10}  {}",
                        rank + 1,
                        clip(&citations.ids.get(node as usize), NAME_WIDTH),
                        format_value(value),
                        describe(citations, node as usize),
                    );
                    writeln!(out, "{}", line.trim_end())?;
                }
            }
            Content::Paths {
                global,
                local,
                key_route_edges,
            } => {
                writeln!(out, "{}: {}{facts}", section.title, section.meaning)?;
                writeln!(out, "  global main path ({} works):", global.len())?;
                for (step, &node) in global.iter().enumerate() {
                    let line = format!(
                        "  {:>3}. {}  {}",
                        step + 1,
                        clip(&citations.ids.get(node as usize), NAME_WIDTH),
                        describe(citations, node as usize)
                    );
                    writeln!(out, "{}", line.trim_end())?;
                }
                let shared = local.iter().filter(|v| global.contains(v)).count();
                writeln!(
                    out,
                    "  local main path: {} works, {shared} of them on the global one",
                    local.len()
                )?;
                writeln!(
                    out,
                    "  key-route main paths: {} citations among {} works (--json lists them)",
                    key_route_edges.len(),
                    section.fact("key_route_works").map_or(0, |f| match f {
                        Fact::Count(n) => n,
                        _ => 0,
                    })
                )?;
            }
            Content::Pairs(pairs) => {
                writeln!(out, "{}: {}{facts}", section.title, section.meaning)?;
                for (rank, pair) in pairs.iter().take(top).enumerate() {
                    let line = format!(
                        "  {:>3}. {} + {}  {:>6}  {}",
                        rank + 1,
                        clip(&citations.ids.get(pair.first as usize), NAME_WIDTH),
                        clip(&citations.ids.get(pair.second as usize), NAME_WIDTH),
                        pair.count,
                        pair_score(pair, config.similarity),
                    );
                    writeln!(out, "{}", line.trim_end())?;
                }
            }
            Content::Parts(partition) => {
                writeln!(out, "{} ({}){facts}", section.title, section.meaning)?;
                let members = partition.members();
                for (number, (size, group)) in part_sizes(partition)
                    .into_iter()
                    .zip(members)
                    .take(PARTS_SHOWN.min(top))
                    .enumerate()
                {
                    let mut group = group;
                    if let Some(cited) = cited {
                        group.sort_by(|&a, &b| {
                            cited
                                .value(b as usize)
                                .total_cmp(&cited.value(a as usize))
                                .then(a.cmp(&b))
                        });
                    }
                    let names: Vec<String> = group
                        .iter()
                        .take(MEMBERS_SHOWN)
                        .map(|&v| clip(&citations.ids.get(v as usize), NAME_WIDTH).into_owned())
                        .collect();
                    let lead = if cited.is_some() { "most cited: " } else { "" };
                    let more = if size > names.len() { ", …" } else { "" };
                    writeln!(
                        out,
                        "  {number:>3}. {size} works; {lead}{}{more}",
                        names.join(", ")
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// `; count 3, largest 120, modularity 0.7312`, from the section's facts.
fn facts_line(section: &Section, config: &CitationReportConfig) -> String {
    let mut parts: Vec<String> = section
        .facts
        .iter()
        // Path lengths and sizes are printed under the heading.
        .filter(|(name, _)| {
            !matches!(
                *name,
                "converged"
                    | "iterations"
                    | "global_length"
                    | "key_routes"
                    | "key_route_works"
                    | "key_route_citations"
            )
        })
        .map(|(name, fact)| format!("{} {}", name.replace('_', " "), fact_text(*fact)))
        .collect();
    if section.key == "community" {
        let method = match config.method {
            CommunityMethod::Louvain => "Louvain",
            CommunityMethod::Leiden => "Leiden",
            CommunityMethod::LabelPropagation => "label propagation",
        };
        parts.push(format!("{method}, resolution {}", config.resolution));
    }
    if matches!(section.content, Content::Pairs(_)) {
        parts.push(
            match config.similarity {
                Similarity::Count => "ranked by the count of shared works",
                Similarity::Cosine => "count, then Salton's cosine (the rank)",
                Similarity::Jaccard => "count, then Jaccard (the rank)",
            }
            .to_owned(),
        );
    }
    if section.fact("converged") == Some(Fact::Flag(false)) {
        parts.push("did NOT converge".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {}", parts.join(", "))
    }
}

fn fact_text(fact: Fact) -> String {
    match fact {
        Fact::Count(n) => n.to_string(),
        Fact::Number(x) => format_value(x),
        Fact::Flag(b) => if b { "yes" } else { "no" }.to_owned(),
    }
}

fn fact_json(fact: Fact) -> Value {
    match fact {
        Fact::Count(n) => json!(n),
        Fact::Number(x) => json!(rounded(x)),
        Fact::Flag(b) => json!(b),
    }
}

/// Year and title, where known.
fn describe(citations: &Citations, node: usize) -> String {
    let year = citations
        .year(node)
        .map_or(String::new(), |y| format!("({y}) "));
    let title: String = citations
        .title(node)
        .map(|t| {
            let mut short: String = t.chars().take(TITLE_WIDTH).collect();
            if t.chars().count() > TITLE_WIDTH {
                short.push('…');
            }
            short
        })
        .unwrap_or_default();
    format!("{year}{title}").trim_end().to_owned()
}

fn work_json(citations: &Citations, node: usize) -> Map<String, Value> {
    let mut row = Map::new();
    row.insert("id".into(), citations.ids.get(node).into_owned().into());
    if let Some(title) = citations.title(node) {
        row.insert("title".into(), title.into());
    }
    if let Some(year) = citations.year(node) {
        row.insert("year".into(), year.into());
    }
    row
}

fn to_json(
    citations: &Citations,
    report: &CitationReport,
    config: &CitationReportConfig,
    top: usize,
) -> Value {
    let census = &report.census;
    let sections: Vec<Value> = report
        .sections
        .iter()
        .map(|section| {
            let facts: Map<String, Value> = section
                .facts
                .iter()
                .map(|(name, fact)| ((*name).to_owned(), fact_json(*fact)))
                .collect();
            let mut entry = json!({
                "key": section.key,
                "title": section.title,
                "facts": facts,
            });
            match &section.content {
                Content::Scores(_) => {
                    let rows: Vec<Value> = section
                        .top(top)
                        .into_iter()
                        .map(|(node, value)| {
                            let mut row = work_json(citations, node as usize);
                            row.insert("value".into(), json!(rounded(value)));
                            Value::Object(row)
                        })
                        .collect();
                    entry["top"] = rows.into();
                }
                Content::Parts(partition) => {
                    let sizes: Vec<usize> = part_sizes(partition).into_iter().take(top).collect();
                    entry["sizes"] = sizes.into();
                }
                Content::Paths {
                    global,
                    local,
                    key_route_edges,
                } => {
                    let works = |path: &[u32]| -> Vec<Value> {
                        path.iter()
                            .map(|&v| Value::Object(work_json(citations, v as usize)))
                            .collect()
                    };
                    entry["global"] = works(global).into();
                    entry["local"] = works(local).into();
                    let edges: Vec<Value> = key_route_edges
                        .iter()
                        .map(|&(citing, cited, weight)| {
                            json!({
                                "citing": citations.ids.get(citing as usize),
                                "cited": citations.ids.get(cited as usize),
                                "spc": rounded(weight),
                            })
                        })
                        .collect();
                    entry["key_route_citations"] = edges.into();
                }
                Content::Pairs(pairs) => {
                    let rows: Vec<Value> = pairs
                        .iter()
                        .take(top)
                        .map(|pair| {
                            json!({
                                "first": citations.ids.get(pair.first as usize),
                                "second": citations.ids.get(pair.second as usize),
                                "count": pair.count,
                                "score": rounded(pair.score),
                            })
                        })
                        .collect();
                    entry["pairs"] = rows.into();
                }
            }
            entry
        })
        .collect();
    json!({
        "network": citations.name,
        "works": census.works,
        "citations": census.citations,
        "self_citations": census.self_citations,
        "repeated": census.repeated,
        "weighted": config.weighted,
        "seed": config.seed,
        "sections": sections,
    })
}

fn write_csv(
    out: &mut impl Write,
    citations: &Citations,
    report: &CitationReport,
) -> io::Result<()> {
    let mut header = vec!["id", "title", "year"];
    let columns: Vec<&Section> = report.sections.iter().filter(|s| s.is_per_work()).collect();
    header.extend(columns.iter().map(|s| s.key));
    writeln!(out, "{}", header.join(","))?;
    for node in 0..citations.node_count() {
        let mut row = vec![
            csv_field(&citations.ids.get(node)),
            csv_field(citations.title(node).unwrap_or_default()),
            citations
                .year(node)
                .map_or(String::new(), |y| y.to_string()),
        ];
        for section in &columns {
            row.push(rounded(section.value(node)).to_string());
        }
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// The score of a pair beside its count, when it is not the count.
fn pair_score(pair: &Pair, similarity: Similarity) -> String {
    match similarity {
        Similarity::Count => String::new(),
        _ => format_value(pair.score),
    }
}

/// Integers as integers; other values with 4 significant digits.
fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 1e-3 {
        let digits = (3 - value.abs().log10().floor() as i32).max(0) as usize;
        format!("{value:.digits$}")
    } else {
        format!("{value:.3e}")
    }
}

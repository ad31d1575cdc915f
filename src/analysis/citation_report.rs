//! Analysis stage: the report `argnet analyse` gives on a citation network
//! — citation counts, PageRank, HITS, components, k-cores, communities and
//! (when asked) betweenness — computed on the [`CompactGraph`] of the
//! citations, never on an argument graph, so that it scales to millions of
//! edges. The report is a list of [`Section`]s of a few shapes
//! ([`Content`]); printing them (tables, JSON, CSV) is the binary's job.
//! Pure: no IO beyond the [`Progress`] reports.
//!
//! Extending it: a new analysis is one more [`CitationMeasure`], one more
//! branch in [`citation_report`] that pushes a [`Section`], and — if its
//! result is not one value or one part per work, as the main paths and the
//! pairs of `citation_flows` are not — one more [`Content`] variant that
//! the printers learn to show.

use super::betweenness::{BetweennessConfig, betweenness_with_progress};
use super::citation_flows::{main_path_section, pair_section};
use super::citation_section::{CitationReport, Content, Fact, Section, part_sizes};
use super::compact::CompactGraph;
use super::components::{Partition, core_numbers, strong_components, weak_components};
use super::coupling::Similarity;
use super::leiden::{LeidenConfig, leiden};
use super::louvain::{Communities, LouvainConfig, louvain};
use super::modularity::{LabelPropagationConfig, label_propagation, modularity};
use super::pagerank::{RankConfig, hits, pagerank};
use super::report::CommunityMethod;
use crate::corpus::citations::Citations;
use crate::error::Result;
use crate::progress::Progress;

/// The parts of a citation report, in the order they are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CitationMeasure {
    /// Citations received (in-degree) and references made (out-degree).
    Counts,
    PageRank,
    /// HITS authorities and hubs.
    Hits,
    /// Weakly and strongly connected components.
    Components,
    /// k-core numbers.
    Cores,
    /// Communities (Louvain by default) on the undirected view.
    Communities,
    /// Main path analysis (SPC): global, local and key-route main paths.
    MainPath,
    /// The most co-cited pairs of works: O(Σ in-degree²), on request.
    CoCitation,
    /// The most bibliographically coupled pairs: O(Σ out-degree²), on
    /// request.
    Coupling,
    /// Betweenness: O(nm), so only when asked for.
    Betweenness,
}

impl CitationMeasure {
    /// What `argnet analyse` computes on a citation network unless told.
    pub const DEFAULT: [CitationMeasure; 7] = [
        CitationMeasure::Counts,
        CitationMeasure::PageRank,
        CitationMeasure::Hits,
        CitationMeasure::Components,
        CitationMeasure::Cores,
        CitationMeasure::Communities,
        CitationMeasure::MainPath,
    ];

    /// The measure named `key`: a section key (`citations`, `pagerank`,
    /// `authority`, `weak_component`, `core_number`, `community`,
    /// `betweenness`, …) or a group name (`counts`, `hits`, `components`,
    /// `cores`, `communities`, `main_path`, `co_citation`, `coupling`); the
    /// argument graph's names (`in_degree`, `component`) are accepted too.
    pub fn of_key(key: &str) -> Option<CitationMeasure> {
        let key = key.trim().to_ascii_lowercase().replace('-', "_");
        Some(match key.as_str() {
            "counts" | "citations" | "references" | "in_degree" | "out_degree" | "degree" => {
                CitationMeasure::Counts
            }
            "pagerank" => CitationMeasure::PageRank,
            "hits" | "hub" | "hubs" | "authority" | "authorities" => CitationMeasure::Hits,
            "components" | "component" | "weak_component" | "strong_component" => {
                CitationMeasure::Components
            }
            "cores" | "core" | "core_number" | "k_core" => CitationMeasure::Cores,
            "communities" | "community" => CitationMeasure::Communities,
            "betweenness" => CitationMeasure::Betweenness,
            "main_path" | "main_paths" | "mainpath" | "spc" => CitationMeasure::MainPath,
            "co_citation" | "cocitation" => CitationMeasure::CoCitation,
            "coupling" | "bibliographic_coupling" => CitationMeasure::Coupling,
            _ => return None,
        })
    }
}

/// Everything [`citation_report`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CitationReportConfig {
    /// Which parts to compute; order does not matter.
    pub measures: Vec<CitationMeasure>,
    /// PageRank and HITS settings (damping, tolerance, weights).
    pub rank: RankConfig,
    pub method: CommunityMethod,
    /// Resolution of Louvain and Leiden.
    pub resolution: f64,
    /// Seed of communities and of betweenness pivots.
    pub seed: u64,
    /// Use edge weights where the data has them.
    pub weighted: bool,
    /// Betweenness from this many sampled sources; `None`: exact.
    pub pivots: Option<usize>,
    /// Top edges that seed the key-route main paths.
    pub key_routes: usize,
    /// Pairs listed by co-citation and coupling.
    pub pairs: usize,
    /// How co-citation and coupling score a pair.
    pub similarity: Similarity,
    /// Co-citation and coupling skip works with more partners than this.
    pub max_degree: Option<usize>,
}

impl Default for CitationReportConfig {
    fn default() -> Self {
        CitationReportConfig {
            measures: CitationMeasure::DEFAULT.to_vec(),
            rank: RankConfig::default(),
            method: CommunityMethod::Louvain,
            resolution: 1.0,
            seed: 42,
            weighted: true,
            pivots: None,
            key_routes: 10,
            pairs: 10,
            similarity: Similarity::Count,
            max_degree: None,
        }
    }
}

/// Counts that say what kind of data the network is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EdgeCensus {
    pub works: usize,
    /// Citations as given, repeats included.
    pub citations: usize,
    /// Works citing themselves.
    pub self_citations: usize,
    /// Citations that repeat an earlier one (same citing and cited work).
    pub repeated: usize,
}

/// Count works, citations, self-citations and repeats from the sorted rows
/// of a directed graph. O(n + m).
pub fn edge_census(graph: &CompactGraph) -> EdgeCensus {
    let mut census = EdgeCensus {
        works: graph.node_count(),
        citations: graph.edge_count(),
        ..EdgeCensus::default()
    };
    for v in 0..graph.node_count() as u32 {
        let row = graph.neighbours(v);
        census.self_citations += row.iter().filter(|&&w| w == v).count();
        census.repeated += row.windows(2).filter(|pair| pair[0] == pair[1]).count();
    }
    census
}

/// The directed compact graph of `citations`, with their weights when
/// `weighted` and the data has weights. Repeated citations and
/// self-citations are kept, as given.
pub fn citation_graph(citations: &Citations, weighted: bool) -> Result<CompactGraph> {
    let n = citations.node_count();
    match (&citations.weights, weighted) {
        (Some(weights), true) => {
            let edges: Vec<_> = citations
                .edges
                .iter()
                .zip(weights)
                .map(|(&(s, t), &w)| (s, t, w))
                .collect();
            CompactGraph::from_edges(n, true, &edges)
        }
        _ => CompactGraph::from_pairs(n, true, &citations.edges),
    }
}

/// Compute the measures of `config` on a directed citation graph (see
/// [`citation_graph`]); each measure's own documentation says what it
/// follows. Steps of unknown length are reported to `progress` with total
/// 0, betweenness source by source. Fails only on an undirected graph
/// (main paths and pairs need the direction of citation).
///
/// ```
/// use argnet::analysis::{citation_report, CitationReportConfig, CompactGraph};
/// use argnet::progress::Silent;
/// // 1, 2 and 3 cite 0; 3 also cites 1
/// let graph = CompactGraph::from_pairs(4, true, &[(1, 0), (2, 0), (3, 0), (3, 1)]).unwrap();
/// let report = citation_report(&graph, &CitationReportConfig::default(), &Silent).unwrap();
/// assert_eq!(report.section("citations").unwrap().top(1), vec![(0, 3.0)]);
/// assert_eq!(report.section("pagerank").unwrap().top(1)[0].0, 0);
/// ```
pub fn citation_report(
    graph: &CompactGraph,
    config: &CitationReportConfig,
    progress: &dyn Progress,
) -> Result<CitationReport> {
    let wants = |m: CitationMeasure| config.measures.contains(&m);
    let n = graph.node_count() as u32;
    let mut sections = Vec::new();
    let step = |what: &str| progress.begin(what, 0);
    if wants(CitationMeasure::Counts) {
        let received = (0..n).map(|v| graph.in_degree(v) as f64).collect();
        let made = (0..n).map(|v| graph.out_degree(v) as f64).collect();
        sections.push(scores(
            "citations",
            "Citations received",
            "in-degree: how often the work is cited in this network",
            Vec::new(),
            received,
        ));
        sections.push(scores(
            "references",
            "References made",
            "out-degree: how many works of this network it cites",
            Vec::new(),
            made,
        ));
    }
    let rank = RankConfig {
        weighted: config.weighted,
        ..config.rank
    };
    if wants(CitationMeasure::PageRank) {
        step("PageRank");
        let found = pagerank(graph, &rank);
        let facts = vec![
            ("damping", Fact::Number(rank.damping)),
            ("iterations", Fact::Count(found.iterations)),
            ("converged", Fact::Flag(found.converged)),
        ];
        sections.push(scores(
            "pagerank",
            "PageRank",
            "how often a random walk along the citations arrives at the work",
            facts,
            found.scores,
        ));
    }
    if wants(CitationMeasure::Hits) {
        step("HITS");
        let found = hits(graph, &rank);
        let facts = || {
            vec![
                ("iterations", Fact::Count(found.iterations)),
                ("converged", Fact::Flag(found.converged)),
            ]
        };
        sections.push(scores(
            "authority",
            "Authority (HITS)",
            "cited by good hubs",
            facts(),
            found.authorities.clone(),
        ));
        sections.push(scores(
            "hub",
            "Hub (HITS)",
            "cites good authorities (reviews, surveys)",
            facts(),
            found.hubs,
        ));
    }
    if wants(CitationMeasure::Components) {
        step("components");
        sections.push(parts(
            "weak_component",
            "Weakly connected components",
            "works joined by citations in either direction",
            Vec::new(),
            weak_components(graph),
        ));
        let strong = strong_components(graph);
        let cyclic = part_sizes(&strong).iter().filter(|&&s| s > 1).count();
        sections.push(parts(
            "strong_component",
            "Strongly connected components",
            "works that cite each other round a cycle; without cycles, one per work",
            vec![("cyclic", Fact::Count(cyclic))],
            strong,
        ));
    }
    if wants(CitationMeasure::Cores) {
        step("k-cores");
        let cores = core_numbers(graph);
        let max = cores.iter().copied().max().unwrap_or(0);
        let size = cores.iter().filter(|&&c| c == max).count();
        let facts = vec![
            ("max_core", Fact::Count(max as usize)),
            ("size", Fact::Count(size)),
        ];
        sections.push(scores(
            "core_number",
            "k-core",
            "the densest shell the work belongs to (citations in and out count)",
            facts,
            cores.into_iter().map(f64::from).collect(),
        ));
    }
    if wants(CitationMeasure::Communities) {
        step("communities");
        let found = communities(graph, config);
        let facts = vec![("modularity", Fact::Number(found.modularity))];
        sections.push(parts(
            "community",
            "Communities",
            "groups of works that cite each other more than chance; direction ignored",
            facts,
            found.partition,
        ));
    }
    if wants(CitationMeasure::MainPath) {
        step("main paths");
        sections.push(main_path_section(graph, config)?);
    }
    if wants(CitationMeasure::CoCitation) {
        step("co-citation");
        sections.push(pair_section(graph, config, true)?);
    }
    if wants(CitationMeasure::Coupling) {
        step("bibliographic coupling");
        sections.push(pair_section(graph, config, false)?);
    }
    if wants(CitationMeasure::Betweenness) {
        let settings = BetweennessConfig {
            pivots: config.pivots,
            seed: config.seed,
            ..BetweennessConfig::default()
        };
        let values = betweenness_with_progress(graph, &settings, progress);
        let mut facts = Vec::new();
        if let Some(k) = config.pivots.filter(|&k| k < graph.node_count()) {
            facts.push(("pivots", Fact::Count(k)));
            facts.push(("seed", Fact::Count(config.seed as usize)));
        }
        sections.push(scores(
            "betweenness",
            "Betweenness",
            "share of shortest citation paths between other works that pass through the work",
            facts,
            values,
        ));
    }
    progress.finish();
    Ok(CitationReport {
        census: edge_census(graph),
        sections,
    })
}

fn communities(graph: &CompactGraph, config: &CitationReportConfig) -> Communities {
    match config.method {
        CommunityMethod::Louvain => louvain(
            graph,
            &LouvainConfig {
                resolution: config.resolution,
                seed: config.seed,
                weighted: config.weighted,
                ..LouvainConfig::default()
            },
        ),
        CommunityMethod::Leiden => leiden(
            graph,
            &LeidenConfig {
                resolution: config.resolution,
                seed: config.seed,
                weighted: config.weighted,
                ..LeidenConfig::default()
            },
        ),
        CommunityMethod::LabelPropagation => {
            let settings = LabelPropagationConfig {
                seed: config.seed,
                ..LabelPropagationConfig::default()
            };
            let partition = label_propagation(graph, &settings);
            let undirected = graph.to_undirected();
            Communities {
                modularity: modularity(&undirected, &partition, config.resolution),
                partition,
            }
        }
    }
}

fn scores(
    key: &'static str,
    title: &'static str,
    meaning: &'static str,
    facts: Vec<(&'static str, Fact)>,
    values: Vec<f64>,
) -> Section {
    Section {
        key,
        title,
        meaning,
        facts,
        content: Content::Scores(values),
    }
}

/// A partition section, with its count and largest part as the first facts.
fn parts(
    key: &'static str,
    title: &'static str,
    meaning: &'static str,
    more: Vec<(&'static str, Fact)>,
    partition: Partition,
) -> Section {
    let largest = part_sizes(&partition).first().copied().unwrap_or(0);
    let mut facts = vec![
        ("count", Fact::Count(partition.count)),
        ("largest", Fact::Count(largest)),
    ];
    facts.extend(more);
    Section {
        key,
        title,
        meaning,
        facts,
        content: Content::Parts(partition),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Silent, Tally};

    /// Two citation clusters {0..3} and {4..7}, one link between them, a
    /// cycle 6 → 7 → 6, a repeated citation and a self-citation.
    fn sample() -> CompactGraph {
        let edges = [
            (1, 0),
            (2, 0),
            (3, 0),
            (2, 1),
            (3, 1),
            (3, 2),
            (5, 4),
            (6, 4),
            (7, 4),
            (6, 5),
            (7, 5),
            (7, 6),
            (6, 7),
            (4, 0),
            (3, 0),
            (5, 5),
        ];
        CompactGraph::from_pairs(8, true, &edges).unwrap()
    }

    #[test]
    fn census_counts_repeats_and_self_citations() {
        let census = edge_census(&sample());
        assert_eq!(
            census,
            EdgeCensus {
                works: 8,
                citations: 16,
                self_citations: 1,
                repeated: 1,
            }
        );
    }

    #[test]
    fn default_report_has_every_section_but_betweenness() {
        let report = citation_report(&sample(), &CitationReportConfig::default(), &Silent).unwrap();
        let keys: Vec<&str> = report.sections.iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            [
                "citations",
                "references",
                "pagerank",
                "authority",
                "hub",
                "weak_component",
                "strong_component",
                "core_number",
                "community",
                "main_path",
            ]
        );
        let cited = report.section("citations").unwrap();
        assert_eq!(cited.top(2), vec![(0, 5.0), (4, 3.0)]);
        assert_eq!(cited.value(1), 2.0);
        let weak = report.section("weak_component").unwrap();
        assert_eq!(weak.fact("count"), Some(Fact::Count(1)));
        assert_eq!(weak.fact("largest"), Some(Fact::Count(8)));
        let strong = report.section("strong_component").unwrap();
        assert_eq!(strong.fact("cyclic"), Some(Fact::Count(1)));
        assert_eq!(strong.fact("count"), Some(Fact::Count(7)));
        let community = report.section("community").unwrap();
        let Content::Parts(partition) = &community.content else {
            panic!("parts")
        };
        assert_eq!(partition.count, 2);
        assert_eq!(partition.of[0], partition.of[3]);
        assert_ne!(partition.of[0], partition.of[7]);
        let pagerank = report.section("pagerank").unwrap();
        assert_eq!(pagerank.top(1)[0].0, 0);
        assert_eq!(pagerank.fact("converged"), Some(Fact::Flag(true)));
    }

    #[test]
    fn betweenness_only_when_asked_and_sampled_with_pivots() {
        let config = CitationReportConfig {
            measures: vec![CitationMeasure::Betweenness],
            pivots: Some(3),
            ..CitationReportConfig::default()
        };
        let tally = Tally::default();
        let report = citation_report(&sample(), &config, &tally).unwrap();
        assert_eq!(report.sections.len(), 1);
        let section = &report.sections[0];
        assert_eq!(section.fact("pivots"), Some(Fact::Count(3)));
        assert_eq!(tally.units(), 3);
        let exact = citation_report(
            &sample(),
            &CitationReportConfig {
                pivots: None,
                ..config
            },
            &Silent,
        )
        .unwrap();
        assert_eq!(exact.sections[0].fact("pivots"), None);
        // 5 → 4 → 0 and 6 → 4 → 0 …: node 4 carries the link between the clusters.
        assert_eq!(exact.sections[0].top(1)[0].0, 4);
    }

    #[test]
    fn top_breaks_ties_by_node_and_handles_short_lists() {
        let section = scores("x", "X", "x", Vec::new(), vec![1.0, 3.0, 3.0, 0.5]);
        assert_eq!(section.top(2), vec![(1, 3.0), (2, 3.0)]);
        assert_eq!(section.top(10).len(), 4);
        assert!(section.top(0).is_empty());
        let names = ["citations", "in_degree", "HITS", "k-core", "community"];
        assert!(names.iter().all(|k| CitationMeasure::of_key(k).is_some()));
        assert_eq!(CitationMeasure::of_key("closeness"), None);
    }
}

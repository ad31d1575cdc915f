//! Analysis stage: run a chosen set of measures on one projection of an
//! argument graph and collect the results ([`Analysis`]), look them up by
//! attribute name, rank nodes, and write them into the graph's node
//! attributes for the exporters. Pure: reading and writing files is the
//! caller's job.

use petgraph::graph::NodeIndex;

use super::ATTRIBUTE_KEYS;
use super::betweenness::{BetweennessConfig, betweenness};
use super::bridges::{constraint, participation};
use super::closeness::{Closeness, ClosenessConfig, closeness};
use super::compact::CompactGraph;
use super::components::{Partition, core_numbers, weak_components};
use super::degree::{Degrees, degrees};
use super::discourse::{Coalitions, Normalisation, coalitions};
use super::eigenvector::{EigenvectorConfig, eigenvector};
use super::leiden::{LeidenConfig, leiden};
use super::louvain::{Communities, LouvainConfig, louvain};
use super::modularity::{LabelPropagationConfig, label_propagation, modularity};
use super::pagerank::{Hits, RankConfig, Ranking, hits, pagerank};
use super::projection::{Projection, ProjectionConfig, project};
use super::shortest::EdgeLength;
use crate::model::{ArgGraph, NodeKind};

/// Groups of measures that are computed together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// degree, in_degree, out_degree, weighted_degree
    Degree,
    Betweenness,
    /// closeness and harmonic
    Closeness,
    Eigenvector,
    PageRank,
    /// hub and authority
    Hits,
    /// community (Louvain) and participation
    Communities,
    /// component (weak)
    Components,
    /// core_number
    Cores,
    /// constraint (Burt)
    Constraint,
    /// coalition (communities of the actor congruence network)
    Coalitions,
}

impl Measure {
    pub const ALL: [Measure; 11] = [
        Measure::Degree,
        Measure::Betweenness,
        Measure::Closeness,
        Measure::Eigenvector,
        Measure::PageRank,
        Measure::Hits,
        Measure::Communities,
        Measure::Components,
        Measure::Cores,
        Measure::Constraint,
        Measure::Coalitions,
    ];

    /// The measure that computes attribute `key` (see [`ATTRIBUTE_KEYS`]).
    pub fn of_key(key: &str) -> Option<Measure> {
        Some(match key {
            "degree" | "in_degree" | "out_degree" | "weighted_degree" => Measure::Degree,
            "betweenness" => Measure::Betweenness,
            "closeness" | "harmonic" => Measure::Closeness,
            "eigenvector" => Measure::Eigenvector,
            "pagerank" => Measure::PageRank,
            "hub" | "authority" | "hits" => Measure::Hits,
            "community" | "communities" | "participation" => Measure::Communities,
            "component" | "components" => Measure::Components,
            "core_number" | "core" | "cores" | "k-core" => Measure::Cores,
            "constraint" => Measure::Constraint,
            "coalition" | "coalitions" => Measure::Coalitions,
            _ => return None,
        })
    }
}

/// How communities are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CommunityMethod {
    /// Louvain with refinement rounds: good partitions, fast.
    #[default]
    Louvain,
    /// Leiden: connected communities, usually a little higher modularity,
    /// slower.
    Leiden,
    /// Label propagation: faster on very large graphs, less stable.
    LabelPropagation,
}

impl CommunityMethod {
    /// Parse `louvain`, `leiden` or `label-propagation` (also `lpa`).
    pub fn parse(text: &str) -> crate::Result<CommunityMethod> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "louvain" => Ok(CommunityMethod::Louvain),
            "leiden" => Ok(CommunityMethod::Leiden),
            "label-propagation" | "lpa" => Ok(CommunityMethod::LabelPropagation),
            _ => Err(crate::Error::InvalidValue {
                name: "--method",
                value: text.to_owned(),
                message: "use louvain, leiden or label-propagation".into(),
            }),
        }
    }
}

/// Everything [`analyse`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisConfig {
    pub projection: ProjectionConfig,
    /// Which measures to compute.
    pub measures: Vec<Measure>,
    /// Edge lengths for betweenness and closeness.
    pub length: EdgeLength,
    /// How communities are found (coalitions always use Louvain).
    pub method: CommunityMethod,
    /// Louvain resolution (communities and coalitions).
    pub resolution: f64,
    pub seed: u64,
    /// Normalisation of the congruence network that coalitions come from.
    pub normalisation: Normalisation,
    /// Sampled betweenness with this many pivots; `None`: exact.
    pub pivots: Option<usize>,
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        AnalysisConfig {
            projection: ProjectionConfig::default(),
            measures: Measure::ALL.to_vec(),
            length: EdgeLength::Hops,
            method: CommunityMethod::Louvain,
            resolution: 1.0,
            seed: 42,
            normalisation: Normalisation::None,
            pivots: None,
        }
    }
}

/// The results of [`analyse`], indexed by compact node (see
/// `projection.nodes`); a measure not asked for is `None`.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub projection: Projection,
    pub degrees: Option<Degrees>,
    pub betweenness: Option<Vec<f64>>,
    pub closeness: Option<Closeness>,
    /// `Some(None)`: asked for, but the power iteration did not converge.
    pub eigenvector: Option<Option<Vec<f64>>>,
    pub pagerank: Option<Ranking>,
    pub hits: Option<Hits>,
    pub communities: Option<Communities>,
    pub participation: Option<Vec<f64>>,
    pub components: Option<Partition>,
    pub cores: Option<Vec<u32>>,
    pub constraint: Option<Vec<f64>>,
    /// Indexed by the congruence network's own nodes.
    pub coalitions: Option<Coalitions>,
}

/// Project `graph` and compute the measures of `config` on it.
///
/// ```
/// use argnet::analysis::{analyse, AnalysisConfig};
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Concept, "A"));
/// let b = graph.add_node(Node::new(NodeKind::Concept, "B"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, b, Relation::CoOccurs, None);
/// graph.add_occurrence(b, c, Relation::CoOccurs, None);
/// let result = analyse(&graph, &AnalysisConfig::default());
/// assert_eq!(result.value("betweenness", b), Some(1.0));
/// assert_eq!(result.value("community", a), Some(0.0));
/// ```
pub fn analyse(graph: &ArgGraph, config: &AnalysisConfig) -> Analysis {
    let projection = project(graph, &config.projection);
    let compact = &projection.graph;
    let wants = |m: Measure| config.measures.contains(&m);
    let weighted = !config.projection.unweighted;
    let mut result = Analysis::default();
    if wants(Measure::Degree) {
        result.degrees = Some(degrees(compact));
    }
    if wants(Measure::Betweenness) {
        let settings = BetweennessConfig {
            length: config.length,
            pivots: config.pivots,
            seed: config.seed,
            ..Default::default()
        };
        result.betweenness = Some(betweenness(compact, &settings));
    }
    if wants(Measure::Closeness) {
        let settings = ClosenessConfig {
            length: config.length,
            ..Default::default()
        };
        result.closeness = Some(closeness(compact, &settings));
    }
    if wants(Measure::Eigenvector) {
        let settings = EigenvectorConfig {
            weighted,
            ..Default::default()
        };
        result.eigenvector = Some(eigenvector(compact, &settings));
    }
    let rank = RankConfig {
        weighted,
        ..Default::default()
    };
    if wants(Measure::PageRank) {
        result.pagerank = Some(pagerank(compact, &rank));
    }
    if wants(Measure::Hits) {
        result.hits = Some(hits(compact, &rank));
    }
    let louvain_config = LouvainConfig {
        resolution: config.resolution,
        seed: config.seed,
        weighted,
        ..Default::default()
    };
    if wants(Measure::Communities) {
        let found = match config.method {
            CommunityMethod::Louvain => louvain(compact, &louvain_config),
            CommunityMethod::Leiden => {
                let settings = LeidenConfig {
                    resolution: config.resolution,
                    seed: config.seed,
                    weighted,
                    ..Default::default()
                };
                leiden(compact, &settings)
            }
            CommunityMethod::LabelPropagation => {
                let settings = LabelPropagationConfig {
                    seed: config.seed,
                    ..Default::default()
                };
                let partition = label_propagation(compact, &settings);
                let undirected = compact.to_undirected();
                let measured = if weighted {
                    undirected
                } else {
                    unweighted(&undirected)
                };
                Communities {
                    modularity: modularity(&measured, &partition, config.resolution),
                    partition,
                }
            }
        };
        result.participation = Some(participation(compact, &found.partition, weighted));
        result.communities = Some(found);
    }
    if wants(Measure::Components) {
        result.components = Some(weak_components(compact));
    }
    if wants(Measure::Cores) {
        result.cores = Some(core_numbers(compact));
    }
    if wants(Measure::Constraint) {
        result.constraint = Some(constraint(compact, weighted));
    }
    if wants(Measure::Coalitions) {
        result.coalitions = Some(coalitions(graph, config.normalisation, &louvain_config));
    }
    result.projection = projection;
    result
}

impl Analysis {
    /// The value of attribute `key` (one of [`ATTRIBUTE_KEYS`]) for an
    /// argument-graph node; `None` if the node is not in the layer or the
    /// measure was not computed.
    pub fn value(&self, key: &str, node: NodeIndex) -> Option<f64> {
        if key == "coalition" {
            let coalitions = self.coalitions.as_ref()?;
            let i = coalitions.network.nodes.binary_search(&node).ok()?;
            return Some(f64::from(coalitions.communities.partition.of[i]));
        }
        let i = self.projection.compact_index(node)? as usize;
        let degrees = || self.degrees.as_ref();
        Some(match key {
            "degree" => degrees()?.degree[i],
            "in_degree" => degrees()?.in_degree[i],
            "out_degree" => degrees()?.out_degree[i],
            "weighted_degree" => degrees()?.weighted_degree[i],
            "betweenness" => self.betweenness.as_ref()?[i],
            "closeness" => self.closeness.as_ref()?.closeness[i],
            "harmonic" => self.closeness.as_ref()?.harmonic[i],
            "eigenvector" => self.eigenvector.as_ref()?.as_ref()?[i],
            "pagerank" => self.pagerank.as_ref()?.scores[i],
            "hub" => self.hits.as_ref()?.hubs[i],
            "authority" => self.hits.as_ref()?.authorities[i],
            "community" => f64::from(self.communities.as_ref()?.partition.of[i]),
            "participation" => self.participation.as_ref()?[i],
            "component" => f64::from(self.components.as_ref()?.of[i]),
            "core_number" => f64::from(self.cores.as_ref()?[i]),
            "constraint" => self.constraint.as_ref()?[i],
            _ => return None,
        })
    }

    /// The `top` nodes by attribute `key`, largest first (smallest first
    /// for `constraint`, where low means a broker), ties by graph order;
    /// only nodes whose kind is in `kinds` (all when empty).
    pub fn ranking(
        &self,
        graph: &ArgGraph,
        key: &str,
        kinds: &[NodeKind],
        top: usize,
    ) -> Vec<(NodeIndex, f64)> {
        let mut rows: Vec<(NodeIndex, f64)> = self
            .projection
            .nodes
            .iter()
            .filter(|&&n| kinds.is_empty() || kinds.contains(&graph.node(n).kind))
            .filter_map(|&n| self.value(key, n).map(|v| (n, v)))
            .collect();
        let ascending = key == "constraint";
        rows.sort_by(|a, b| {
            let order = if ascending {
                a.1.total_cmp(&b.1)
            } else {
                b.1.total_cmp(&a.1)
            };
            order.then_with(|| a.0.cmp(&b.0))
        });
        rows.truncate(top);
        rows
    }

    /// Write the computed values into each node's `attributes` under the
    /// names of [`ATTRIBUTE_KEYS`], rounded to 10 significant digits so the
    /// file's bytes are stable; integers stay integers. Values of measures
    /// not computed are left as they were; a computed measure without a
    /// value for a node (outside the layer) removes a stale one.
    pub fn write_attributes(&self, graph: &mut ArgGraph) {
        let nodes: Vec<NodeIndex> = graph.nodes().map(|(n, _)| n).collect();
        for key in ATTRIBUTE_KEYS {
            let Some(measure) = Measure::of_key(key) else {
                continue;
            };
            if !self.computed(measure) {
                continue;
            }
            let integer = matches!(key, "community" | "coalition" | "core_number" | "component");
            for &node in &nodes {
                let value = self.value(key, node);
                let attributes = &mut graph.node_mut(node).attributes;
                match value {
                    Some(v) if integer => {
                        attributes.insert(key.to_owned(), serde_json::Value::from(v as u64));
                    }
                    Some(v) => {
                        attributes.insert(key.to_owned(), serde_json::Value::from(rounded(v)));
                    }
                    None => {
                        attributes.remove(key);
                    }
                }
            }
        }
    }

    /// Whether `measure` was computed (and, for eigenvector, converged).
    pub fn computed(&self, measure: Measure) -> bool {
        match measure {
            Measure::Degree => self.degrees.is_some(),
            Measure::Betweenness => self.betweenness.is_some(),
            Measure::Closeness => self.closeness.is_some(),
            Measure::Eigenvector => matches!(self.eigenvector, Some(Some(_))),
            Measure::PageRank => self.pagerank.is_some(),
            Measure::Hits => self.hits.is_some(),
            Measure::Communities => self.communities.is_some(),
            Measure::Components => self.components.is_some(),
            Measure::Cores => self.cores.is_some(),
            Measure::Constraint => self.constraint.is_some(),
            Measure::Coalitions => self.coalitions.is_some(),
        }
    }
}

/// `graph` (undirected) with every edge of weight 1.
fn unweighted(graph: &CompactGraph) -> CompactGraph {
    let mut pairs = Vec::with_capacity(graph.edge_count());
    for u in 0..graph.node_count() as u32 {
        let mut loops = 0;
        for &v in graph.neighbours(u) {
            if u < v {
                pairs.push((u, v));
            } else if u == v {
                // A self-loop is stored twice; keep it once.
                loops += 1;
                if loops % 2 == 1 {
                    pairs.push((u, v));
                }
            }
        }
    }
    CompactGraph::from_pairs(graph.node_count(), false, &pairs).expect("edges of a valid graph")
}

/// `value` rounded to 10 significant digits, so that results computed in
/// a different order (in parallel) print the same.
pub fn rounded(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return if value.is_finite() { 0.0 } else { value };
    }
    format!("{value:.9e}").parse().unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, Relation};

    #[test]
    fn attributes_are_written_rounded_and_stale_ones_removed() {
        let mut graph = ArgGraph::new("g");
        let a = graph.add_node(Node::new(NodeKind::Concept, "A"));
        let b = graph.add_node(Node::new(NodeKind::Concept, "B"));
        let d = graph.add_node(Node::new(NodeKind::Document, "d"));
        graph
            .node_mut(d)
            .attributes
            .insert("pagerank".into(), 0.5.into());
        graph.add_occurrence(a, b, Relation::CoOccurs, None);
        let mut config = AnalysisConfig::default();
        config.projection.layer = crate::analysis::Layer::co_occurrence();
        let result = analyse(&graph, &config);
        result.write_attributes(&mut graph);
        let attributes = &graph.node(a).attributes;
        assert_eq!(attributes["community"], serde_json::json!(0));
        assert_eq!(attributes["pagerank"], serde_json::json!(0.5));
        assert!(!graph.node(d).attributes.contains_key("pagerank"));
        for key in ATTRIBUTE_KEYS {
            assert!(Measure::of_key(key).is_some(), "{key}");
        }
        assert_eq!(rounded(1.0 / 3.0), 0.3333333333);
        assert!(rounded(f64::NAN).is_nan());
    }

    #[test]
    fn empty_graph_analyses_to_nothing() {
        let result = analyse(&ArgGraph::new("e"), &AnalysisConfig::default());
        assert!(result.projection.nodes.is_empty());
        assert_eq!(
            result.ranking(&ArgGraph::new("e"), "pagerank", &[], 5),
            vec![]
        );
    }
}

//! Analysis stage: pure functions over the graph — centralities,
//! communities, components, k-cores, brokerage, paths and the discourse
//! network projections of Leifeld's DNA. No IO and no printing; every
//! measure returns values indexed by node.
//!
//! Every measure runs on a [`CompactGraph`] (compressed sparse rows, `u32`
//! node ids), which is small and fast enough for citation graphs of
//! millions of edges. An [`ArgGraph`](crate::model::ArgGraph) is turned
//! into one with [`project`], which picks a [`Layer`] of relations and a
//! directed or undirected view and keeps the map back to the argument
//! graph's nodes. The compact graph also implements petgraph's visit
//! traits, so petgraph and rustworkx-core algorithms run on it directly.
//!
//! ```
//! use argnet::analysis::{betweenness, pagerank, BetweennessConfig, CompactGraph, RankConfig};
//! let graph = CompactGraph::from_pairs(3, false, &[(0, 1), (1, 2)]).unwrap();
//! assert_eq!(betweenness(&graph, &BetweennessConfig::default())[1], 1.0);
//! assert!(pagerank(&graph, &RankConfig::default()).scores[1] > 0.4);
//! ```

mod betweenness;
mod bridges;
mod citation_flows;
mod citation_report;
mod citation_section;
mod closeness;
mod compact;
mod components;
mod condensation;
mod coupling;
mod degree;
mod discourse;
mod eigenvector;
mod generate;
mod leiden;
mod level;
mod louvain;
mod main_path;
mod modularity;
mod pagerank;
mod paths;
mod projection;
pub mod random;
mod report;
mod shortest;
mod timeline;
mod visit;

pub use betweenness::{BetweennessConfig, betweenness, betweenness_with_progress};
pub use bridges::{constraint, participation};
pub use citation_report::{
    CitationMeasure, CitationReportConfig, EdgeCensus, citation_graph, citation_report, edge_census,
};
pub use citation_section::{CitationReport, Content, Fact, Section, part_sizes};
pub use closeness::{Closeness, ClosenessConfig, closeness, closeness_of};
pub use compact::{CompactGraph, WeightedEdge};
pub use components::{Partition, core_numbers, strong_components, weak_components};
pub use coupling::{CouplingConfig, Pair, Similarity, bibliographic_coupling, co_citation};
pub use degree::{Degrees, degrees};
pub use discourse::{
    Aggregation, Coalitions, Mode, Normalisation, OneMode, TwoMode, coalitions, one_mode, two_mode,
};
pub use eigenvector::{EigenvectorConfig, eigenvector};
pub use generate::{copying_model, copying_model_edges};
pub use leiden::{LeidenConfig, leiden};
pub use louvain::{Communities, LouvainConfig, louvain};
pub use main_path::{MainPathConfig, MainPaths, main_path_citations, main_paths};
pub use modularity::{LabelPropagationConfig, label_propagation, modularity};
pub use pagerank::{Hits, RankConfig, Ranking, hits, pagerank};
pub use paths::{Hop, Path, find_node, hop_edges, k_shortest_paths, shortest_path};
pub use projection::{Layer, Projection, ProjectionConfig, project};
pub use report::{Analysis, AnalysisConfig, CommunityMethod, Measure, analyse, rounded};
pub use shortest::{EdgeLength, ShortestPaths, Towards};
pub use timeline::{Cell, Timeline, TimelineRow, timeline};
pub use visit::{CompactEdge, CompactEdgeReferences, CompactEdges};

/// The node attributes `argnet analyse --save` writes into a graph file
/// (`argnet-graph/1`, each node's `attributes` map), in this order. The
/// exporters read them to colour by community and size by a measure.
/// Integers: `community` (0 = largest), `coalition`, `core_number`,
/// `component`; all others are floats.
pub const ATTRIBUTE_KEYS: [&str; 17] = [
    "degree",
    "in_degree",
    "out_degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "hub",
    "authority",
    "community",
    "coalition",
    "core_number",
    "component",
    "participation",
    "constraint",
];

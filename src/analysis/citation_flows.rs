//! Analysis stage: the sections of a citation report that are not one
//! value per work — the main paths of the field (SPC weights after
//! Batagelj) and the most co-cited and most coupled pairs of works — built
//! from [`main_paths`] and [`co_citation`] / [`bibliographic_coupling`].
//! Pure; the measures are documented where they are defined.

use super::citation_report::CitationReportConfig;
use super::citation_section::{Content, Fact, Section};
use super::compact::CompactGraph;
use super::coupling::{CouplingConfig, bibliographic_coupling, co_citation};
use super::main_path::{MainPathConfig, main_paths};
use crate::error::Result;

/// The main path section: global, local and key-route main paths, in the
/// order knowledge flows (cited work first).
pub(super) fn main_path_section(
    graph: &CompactGraph,
    config: &CitationReportConfig,
) -> Result<Section> {
    let settings = MainPathConfig {
        key_routes: config.key_routes,
        ..MainPathConfig::default()
    };
    let found = main_paths(graph, &settings)?;
    let mut key_route_works: Vec<u32> = found
        .key_route_edges
        .iter()
        .flat_map(|&(citing, cited, _)| [citing, cited])
        .collect();
    key_route_works.sort_unstable();
    key_route_works.dedup();
    let facts = vec![
        ("source_sink_paths", Fact::Number(found.source_sink_paths)),
        ("citations_on_cycles", Fact::Count(found.dropped_edges)),
        ("global_length", Fact::Count(found.global.len())),
        ("global_weight", Fact::Number(found.global_weight)),
        ("key_routes", Fact::Count(found.key_routes.len())),
        ("key_route_works", Fact::Count(key_route_works.len())),
        (
            "key_route_citations",
            Fact::Count(found.key_route_edges.len()),
        ),
    ];
    Ok(Section {
        key: "main_path",
        title: "Main path",
        meaning: "the chain of citations most search paths run through (SPC, Batagelj); oldest first",
        facts,
        content: Content::Paths {
            global: found.global,
            local: found.local,
            key_route_edges: found.key_route_edges,
        },
    })
}

/// Co-citation (`cited` true: pairs cited together) or bibliographic
/// coupling (pairs citing the same works): the top pairs.
pub(super) fn pair_section(
    graph: &CompactGraph,
    config: &CitationReportConfig,
    cited: bool,
) -> Result<Section> {
    let settings = CouplingConfig {
        top: config.pairs,
        similarity: config.similarity,
        max_degree: config.max_degree,
        ..CouplingConfig::default()
    };
    let mut facts = Vec::new();
    if let Some(cap) = config.max_degree {
        facts.push(("max_degree", Fact::Count(cap)));
    }
    Ok(if cited {
        Section {
            key: "co_citation",
            title: "Co-citation",
            meaning: "pairs of works cited together by the same works (Small 1973)",
            facts,
            content: Content::Pairs(co_citation(graph, &settings)?),
        }
    } else {
        Section {
            key: "coupling",
            title: "Bibliographic coupling",
            meaning: "pairs of works that cite the same works (Kessler 1963)",
            facts,
            content: Content::Pairs(bibliographic_coupling(graph, &settings)?),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 0 is cited by 1 and 2; 3 cites 1 and 2; 4 cites 1 and 2 as well.
    fn diamond() -> CompactGraph {
        CompactGraph::from_pairs(5, true, &[(1, 0), (2, 0), (3, 1), (3, 2), (4, 1), (4, 2)])
            .unwrap()
    }

    #[test]
    fn main_path_runs_from_the_cited_work_and_counts_paths() {
        let section = main_path_section(&diamond(), &CitationReportConfig::default()).unwrap();
        // Paths 0→1→3, 0→1→4, 0→2→3, 0→2→4 (flow order).
        assert_eq!(section.fact("source_sink_paths"), Some(Fact::Number(4.0)));
        assert_eq!(section.fact("citations_on_cycles"), Some(Fact::Count(0)));
        let Content::Paths { global, .. } = &section.content else {
            panic!("paths")
        };
        assert_eq!(global.first(), Some(&0));
        assert_eq!(global.len(), 3);
        assert!(section.is_per_work());
        assert_eq!(section.value(0), 1.0);
    }

    #[test]
    fn pairs_are_counted_both_ways() {
        let config = CitationReportConfig::default();
        let co = pair_section(&diamond(), &config, true).unwrap();
        let Content::Pairs(pairs) = &co.content else {
            panic!("pairs")
        };
        // 1 and 2 are cited together by 3 and by 4.
        assert_eq!((pairs[0].first, pairs[0].second, pairs[0].count), (1, 2, 2));
        let coupled = pair_section(&diamond(), &config, false).unwrap();
        let Content::Pairs(pairs) = &coupled.content else {
            panic!("pairs")
        };
        // 3 and 4 cite the same two works; 1 and 2 both cite 0.
        assert_eq!((pairs[0].first, pairs[0].second, pairs[0].count), (3, 4, 2));
        assert_eq!((pairs[1].first, pairs[1].second, pairs[1].count), (1, 2, 1));
        assert!(!co.is_per_work());
    }
}

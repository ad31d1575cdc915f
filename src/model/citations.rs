//! Model stage: a citation network read by `corpus::citations` turned into
//! an [`ArgGraph`], so that the argument-graph tools (`argnet analyse`,
//! `export`, `path`) work on small citation networks: every work becomes a
//! `source` node, every citation a `cites` edge. No analysis and no IO
//! here; large networks are analysed on the compact graph instead (see
//! `analysis::citation_report`), which this graph is far too heavy for.

use super::graph::ArgGraph;
use super::node::{Node, NodeKind, Relation};
use crate::corpus::citations::Citations;

/// The subkind of the `source` nodes made from citation data.
pub const WORK_SUBKIND: &str = "work";

/// The argument graph of a citation network.
///
/// Node `i` of `citations` becomes the `i`-th node, a `source` of subkind
/// `work` whose key is `source:` followed by the id exactly as the file
/// wrote it (not slugged, since ids such as DOIs may differ only in
/// punctuation), labelled with its title when known and its id otherwise;
/// the id and the year are kept as the attributes `work_id` and `year`.
/// Each citation becomes a `cites` edge from the citing to the cited work;
/// repeated citations merge into one edge whose weight is their number (or
/// the sum of their weights). The edges carry no evidence: no sentence
/// stands behind a line of a citation file. O(n + m).
///
/// ```
/// use argnet::corpus::citations::{parse_citations, CitationFormat};
/// use argnet::model::graph_from_citations;
/// use argnet::progress::Silent;
/// let citations = parse_citations(b"1 2\n1 2\n2 3\n", CitationFormat::EdgeList, &Silent).unwrap();
/// let graph = graph_from_citations(&citations);
/// assert_eq!((graph.node_count(), graph.edge_count()), (3, 2));
/// let one = graph.node_index("source:1").unwrap();
/// assert_eq!(graph.node(one).label, "1");
/// ```
pub fn graph_from_citations(citations: &Citations) -> ArgGraph {
    let mut graph = ArgGraph::new(citations.name.clone());
    let mut nodes = Vec::with_capacity(citations.node_count());
    for index in 0..citations.node_count() {
        let id = citations.ids.get(index);
        let mut node = Node::new(NodeKind::Source, "");
        node.key = format!("source:{id}");
        node.label = citations.title(index).unwrap_or(&id).to_owned();
        node.subkind = Some(WORK_SUBKIND.to_owned());
        node.attributes
            .insert("work_id".into(), id.clone().into_owned().into());
        if let Some(year) = citations.year(index) {
            node.attributes.insert("year".into(), year.into());
        }
        nodes.push(graph.add_node(node));
    }
    for (position, &(citing, cited)) in citations.edges.iter().enumerate() {
        let weight = citations.weights.as_ref().map_or(1.0, |w| w[position]);
        graph.add_edge(
            nodes[citing as usize],
            nodes[cited as usize],
            Relation::Cites,
            weight,
            Vec::new(),
        );
    }
    graph
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::citations::{CitationFormat, parse_citations};
    use crate::progress::Silent;

    #[test]
    fn works_keep_ids_titles_and_years() {
        let jsonl = concat!(
            r#"{"id": "https://openalex.org/W1", "title": "First", "publication_year": 2001, "referenced_works": ["https://openalex.org/W2"]}"#,
            "\n",
            r#"{"id": "https://openalex.org/W2", "title": "Second", "referenced_works": []}"#,
            "\n",
            r#"{"id": "https://openalex.org/W3", "referenced_works": ["https://openalex.org/W2", "https://openalex.org/W1"]}"#,
            "\n",
        );
        let citations =
            parse_citations(jsonl.as_bytes(), CitationFormat::OpenAlex, &Silent).unwrap();
        let graph = graph_from_citations(&citations);
        assert_eq!((graph.node_count(), graph.edge_count()), (3, 3));
        let first = graph.node(graph.node_index("source:W1").unwrap());
        assert_eq!(first.label, "First");
        assert_eq!(first.kind, NodeKind::Source);
        assert_eq!(first.attributes["year"], 2001);
        assert_eq!(first.attributes["work_id"], "W1");
        let third = graph.node(graph.node_index("source:W3").unwrap());
        assert_eq!(third.label, "W3");
        assert!(!third.attributes.contains_key("year"));
        assert!(graph.edges().all(|(_, _, e)| e.relation == Relation::Cites));
    }

    #[test]
    fn ids_that_slug_alike_stay_apart_and_repeats_merge() {
        let csv = b"source,target,weight\n10.1/a.b,10.1/a-b,2\n10.1/a.b,10.1/a-b,0.5\n10.1/a-b,10.1/a-b,1\n";
        let citations = parse_citations(csv, CitationFormat::Csv, &Silent).unwrap();
        let graph = graph_from_citations(&citations);
        assert_eq!(graph.node_count(), 2);
        let weights: Vec<f64> = graph.edges().map(|(_, _, e)| e.weight).collect();
        assert_eq!(weights, vec![2.5, 1.0]);
    }
}

//! Export stage: the graph JSON, argnet's canonical saved form
//! (`"format": "argnet-graph/1"`). Wire types are kept apart from the model
//! so the schema changes only on purpose. Writing is deterministic (insertion
//! order, sorted sets, serde_json's shortest float form); reading validates
//! and rebuilds an [`ArgGraph`] so that read → write gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::corpus::{DocumentKind, DocumentMeta, Encoding};
use crate::error::{Error, Result};
use crate::model::{ArgGraph, DocumentRecord, Evidence, Inferred, Node, NodeKind, Relation};

/// The largest edge weight a graph file may hold: weights are counts of
/// sentences, and larger ones overflow sums in the analyses.
const MAX_WEIGHT: f64 = 1e12;

/// The format tag written into every graph file.
pub const FORMAT: &str = "argnet-graph/1";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphFile {
    format: String,
    generator: String,
    name: String,
    documents: Vec<DocumentWire>,
    nodes: Vec<NodeWire>,
    edges: Vec<EdgeWire>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentWire {
    id: String,
    file: String,
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    kind: Option<DocumentKind>,
    sha256: String,
    bytes: usize,
    encoding: Encoding,
    /// Byte range of the content used for extraction.
    content: [usize; 2],
    sentences: usize,
    /// Where pages 2, 3, … start (byte offsets), for PDF.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pages: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    inferred: Option<Inferred>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeWire {
    id: String,
    kind: NodeKind,
    subkind: Option<String>,
    label: String,
    aliases: BTreeSet<String>,
    mentions: u64,
    documents: BTreeSet<String>,
    #[serde(default)]
    attributes: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EdgeWire {
    source: String,
    target: String,
    relation: Relation,
    weight: f64,
    evidence: Vec<Evidence>,
}

/// The graph as pretty-printed JSON, ending in a newline.
pub fn graph_to_json(graph: &ArgGraph) -> String {
    let file = GraphFile {
        format: FORMAT.to_owned(),
        generator: format!("argnet {}", env!("CARGO_PKG_VERSION")),
        name: graph.name.clone(),
        documents: graph.documents.iter().map(document_wire).collect(),
        nodes: graph
            .nodes()
            .map(|(_, node)| NodeWire {
                id: node.key.clone(),
                kind: node.kind,
                subkind: node.subkind.clone(),
                label: node.label.clone(),
                aliases: node.aliases.clone(),
                mentions: node.mentions,
                documents: node.documents.clone(),
                attributes: node.attributes.clone(),
            })
            .collect(),
        edges: graph
            .edges()
            .map(|(source, target, edge)| EdgeWire {
                source: graph.node(source).key.clone(),
                target: graph.node(target).key.clone(),
                relation: edge.relation,
                weight: edge.weight,
                evidence: edge.evidence.clone(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("graph serialises");
    text.push('\n');
    text
}

/// Parse graph JSON; `path` is named in errors.
pub fn graph_from_json(text: &str, path: &Path) -> Result<ArgGraph> {
    let bad = |message: String| Error::GraphFormat {
        path: path.to_owned(),
        message,
    };
    // The format first, so that a file of another kind gets that answer
    // rather than a field error.
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| {
        bad(format!(
            "invalid JSON at line {} column {}: {e}",
            e.line(),
            e.column()
        ))
    })?;
    match probe.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) if other.starts_with("argnet-graph/") => {
            return Err(bad(format!(
                "format {other:?} is newer than this argnet reads ({FORMAT}); update argnet"
            )));
        }
        _ => {
            return Err(bad(format!(
                "no \"format\": \"{FORMAT}\" field; is this a file written by `argnet build`?"
            )));
        }
    }
    // Parsed from the text (not from a value) so that errors give the
    // line and column.
    let file: GraphFile = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;

    let mut graph = ArgGraph::new(file.name);
    graph.documents = file.documents.into_iter().map(document_record).collect();
    for wire in file.nodes {
        let node = Node {
            key: wire.id,
            kind: wire.kind,
            subkind: wire.subkind,
            label: wire.label,
            aliases: wire.aliases,
            mentions: wire.mentions,
            documents: wire.documents,
            attributes: wire.attributes,
        };
        let key = node.key.clone();
        let before = graph.node_count();
        graph.add_node(node);
        if graph.node_count() == before {
            return Err(bad(format!("node id {key:?} appears twice")));
        }
    }
    for (number, wire) in file.edges.into_iter().enumerate() {
        let endpoint = |key: &str| {
            graph.node_index(key).ok_or_else(|| {
                bad(format!(
                    "edge {number} ({} {} {}) names node {key:?}, which is not in \"nodes\"",
                    wire.source,
                    wire.relation.as_str(),
                    wire.target
                ))
            })
        };
        let (source, target) = (endpoint(&wire.source)?, endpoint(&wire.target)?);
        if !(wire.weight > 0.0 && wire.weight <= MAX_WEIGHT) {
            return Err(bad(format!(
                "edge {number} ({} {} {}) has weight {}; a weight is how often the tie was seen, a number above 0 and at most {MAX_WEIGHT:e}",
                wire.source,
                wire.relation.as_str(),
                wire.target,
                wire.weight
            )));
        }
        graph.add_edge(source, target, wire.relation, wire.weight, wire.evidence);
    }
    Ok(graph)
}

fn document_wire(record: &DocumentRecord) -> DocumentWire {
    DocumentWire {
        id: record.id.clone(),
        file: record.file.clone(),
        title: record.meta.title.clone(),
        date: record.meta.date.clone(),
        author: record.meta.author.clone(),
        kind: record.meta.kind,
        sha256: record.sha256.clone(),
        bytes: record.bytes,
        encoding: record.encoding,
        content: [record.content.start, record.content.end],
        sentences: record.sentences,
        pages: record.pages.clone(),
        inferred: record.inferred.clone(),
    }
}

fn document_record(wire: DocumentWire) -> DocumentRecord {
    DocumentRecord {
        id: wire.id,
        file: wire.file,
        meta: DocumentMeta {
            title: wire.title,
            date: wire.date,
            author: wire.author,
            kind: wire.kind,
        },
        sha256: wire.sha256,
        bytes: wire.bytes,
        encoding: wire.encoding,
        content: wire.content[0]..wire.content[1],
        sentences: wire.sentences,
        pages: wire.pages,
        inferred: wire.inferred,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ArgGraph {
        let mut graph = ArgGraph::new("t");
        let a = graph.add_node(Node::new(NodeKind::Actor, "A \"quoted\" & <b>"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "Ünïcode concept"));
        graph.add_occurrence(
            a,
            c,
            Relation::Supports,
            Some(Evidence {
                document: "d.txt".into(),
                span: 3..9,
                text: "line\nbreak".into(),
                confidence: 0.75,
                basis: None,
            }),
        );
        graph
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let text = graph_to_json(&sample());
        let again = graph_to_json(&graph_from_json(&text, Path::new("g.json")).unwrap());
        assert_eq!(text, again);
    }

    #[test]
    fn errors_table() {
        let good = graph_to_json(&sample());
        let rows = [
            ("not json".to_owned(), "invalid JSON at line 1"),
            ("{}".to_owned(), "no \"format\""),
            (
                good.replace(FORMAT, "argnet-graph/9"),
                "newer than this argnet reads",
            ),
            (
                good.replace("\"target\": \"concept:", "\"target\": \"concept:x"),
                "which is not in \"nodes\"",
            ),
            (
                good.replace("[\n            3,\n            9\n          ]", "[9, 3]"),
                "ends before it starts",
            ),
        ];
        for (text, want) in rows {
            let err = graph_from_json(&text, Path::new("g.json"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("g.json: not an argnet graph: "), "{err}");
            assert!(err.contains(want), "{err} (want {want})");
        }
    }
}

//! Export stage: the stance part of the graph as AIF JSON, the Argument
//! Interchange Format in the JSON form of AIFdb and OVA (`nodes`, `edges`,
//! `locutions`, `participants`). Only `supports` and `critiques` have an AIF
//! counterpart; the other relations (mentions, co-occurrence, citations,
//! quotes, affiliations) are left out, and so are documents and sources.
//!
//! The mapping:
//!
//! - every claim, and every concept or claim a stance edge points at, is an
//!   I-node (text: its label);
//! - a stance edge from an actor is what the actor said: each evidence
//!   sentence is an I-node, linked to the target's I-node through an RA
//!   node ("Default Inference") for `supports` or a CA node ("Default
//!   Conflict") for `critiques`; the actor is the speaker of an L-node
//!   ("Actor: sentence") that asserts the sentence (L → YA "Asserting" → I),
//!   with a locution naming the actor as participant;
//! - a stance edge from a claim links the claim's I-node to the target's
//!   through RA or CA directly;
//! - when the graph has claims (`asserts` edges), an actor's stance is its
//!   claim's: each asserting sentence is an L-node ("Actor: sentence")
//!   asserting (YA) the claim's I-node, and the actor → concept edges,
//!   which repeat the claims', are left out;
//! - an edge without evidence gets one I-node saying "A supports C".
//!
//! One sentence behind several edges is one I-node. Ids are consecutive
//! numbers in graph order and timestamps are the document's date (or
//! empty), so the output is deterministic.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;
use serde_json::{Value, json};

use crate::model::{ArgGraph, Evidence, NodeKind, Relation};

/// The graph as AIF JSON text, ending in a newline.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let claim = graph.add_node(Node::new(NodeKind::Claim, "Markets fail"));
/// let concept = graph.add_node(Node::new(NodeKind::Concept, "Big Society"));
/// graph.add_occurrence(claim, concept, Relation::Critiques, None);
/// let aif: serde_json::Value =
///     serde_json::from_str(&argnet::export::graph_to_aif(&graph)).unwrap();
/// let types: Vec<&str> = aif["nodes"].as_array().unwrap().iter()
///     .map(|n| n["type"].as_str().unwrap()).collect();
/// assert_eq!(types, ["I", "I", "CA"]);
/// assert_eq!(aif["edges"].as_array().unwrap().len(), 2);
/// ```
pub fn graph_to_aif(graph: &ArgGraph) -> String {
    let mut aif = Aif::new(graph);
    for (index, node) in graph.nodes() {
        if node.kind == NodeKind::Claim {
            aif.proposition(index);
        }
    }
    // With claims, an actor's stance is its claim's: the actor asserts the
    // claim, and the claim supports or attacks the concept.
    let claims = graph
        .edges()
        .any(|(_, _, e)| e.relation == Relation::Asserts);
    for (source, target, edge) in graph.edges() {
        if edge.relation == Relation::Asserts {
            let claim = aif.proposition(target);
            for evidence in &edge.evidence {
                aif.locution(source, evidence, &claim);
            }
            continue;
        }
        let (scheme_type, scheme) = match edge.relation {
            Relation::Supports => ("RA", "Default Inference"),
            Relation::Critiques => ("CA", "Default Conflict"),
            _ => continue,
        };
        if claims && graph.node(source).kind == NodeKind::Actor {
            continue;
        }
        let conclusion = aif.proposition(target);
        if graph.node(source).kind == NodeKind::Claim {
            let premise = aif.proposition(source);
            aif.scheme(&premise, &conclusion, scheme_type, scheme, "");
            continue;
        }
        if edge.evidence.is_empty() {
            let text = format!(
                "{} {} {}",
                graph.node(source).label,
                edge.relation.as_str(),
                graph.node(target).label
            );
            let premise = aif.node(&text, "I", "");
            aif.scheme(&premise, &conclusion, scheme_type, scheme, "");
        }
        for evidence in &edge.evidence {
            let timestamp = aif.timestamp(&evidence.document);
            let premise = aif.sentence(source, evidence);
            aif.scheme(&premise, &conclusion, scheme_type, scheme, &timestamp);
        }
    }
    let data = json!({
        "nodes": aif.nodes,
        "edges": aif.edges,
        "locutions": aif.locutions,
        "participants": aif.participants,
    });
    let mut text = serde_json::to_string_pretty(&data).expect("JSON values serialise");
    text.push('\n');
    text
}

/// The AIF graph being built, with the indexes that deduplicate it.
struct Aif<'a> {
    graph: &'a ArgGraph,
    nodes: Vec<Value>,
    edges: Vec<Value>,
    locutions: Vec<Value>,
    participants: Vec<Value>,
    propositions: HashMap<NodeIndex, String>,
    /// (speaker, document, span start, span end) → I-node id.
    sentences: HashMap<(NodeIndex, String, usize, usize), String>,
    speakers: HashMap<NodeIndex, String>,
    dates: HashMap<&'a str, &'a str>,
}

impl<'a> Aif<'a> {
    fn new(graph: &'a ArgGraph) -> Self {
        let dates = graph
            .documents
            .iter()
            .filter_map(|d| Some((d.id.as_str(), d.meta.date.as_deref()?)))
            .collect();
        Aif {
            graph,
            nodes: Vec::new(),
            edges: Vec::new(),
            locutions: Vec::new(),
            participants: Vec::new(),
            propositions: HashMap::new(),
            sentences: HashMap::new(),
            speakers: HashMap::new(),
            dates,
        }
    }

    /// AIFdb's timestamp form, from the document's date when known.
    fn timestamp(&self, document: &str) -> String {
        self.dates
            .get(document)
            .map(|date| format!("{date} 00:00:00"))
            .unwrap_or_default()
    }

    fn node(&mut self, text: &str, node_type: &str, timestamp: &str) -> String {
        let id = (self.nodes.len() + self.edges.len() + 1).to_string();
        self.nodes.push(json!({
            "nodeID": id,
            "text": text,
            "type": node_type,
            "timestamp": timestamp,
        }));
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        let id = (self.nodes.len() + self.edges.len() + 1).to_string();
        self.edges.push(json!({
            "edgeID": id,
            "fromID": from,
            "toID": to,
            "formEdgeID": null,
        }));
    }

    /// The I-node of a concept or claim.
    fn proposition(&mut self, index: NodeIndex) -> String {
        if let Some(id) = self.propositions.get(&index) {
            return id.clone();
        }
        let label = self.graph.node(index).label.clone();
        let id = self.node(&label, "I", "");
        self.propositions.insert(index, id.clone());
        id
    }

    /// The I-node of a sentence said by `speaker`, with its locution.
    fn sentence(&mut self, speaker: NodeIndex, evidence: &Evidence) -> String {
        let key = (
            speaker,
            evidence.document.clone(),
            evidence.span.start,
            evidence.span.end,
        );
        if let Some(id) = self.sentences.get(&key) {
            return id.clone();
        }
        let timestamp = self.timestamp(&evidence.document);
        let proposition = self.node(&evidence.text, "I", &timestamp);
        self.sentences.insert(key, proposition.clone());
        if self.graph.node(speaker).kind == NodeKind::Actor {
            self.locution(speaker, evidence, &proposition);
        }
        proposition
    }

    /// The L-node of `speaker` saying `evidence`, asserting (YA) the
    /// I-node `proposition`, with its locution record.
    fn locution(&mut self, speaker: NodeIndex, evidence: &Evidence, proposition: &str) {
        let timestamp = self.timestamp(&evidence.document);
        let name = self.graph.node(speaker).label.clone();
        let person = self.participant(speaker);
        let locution = self.node(&format!("{name}: {}", evidence.text), "L", &timestamp);
        let asserting = self.node("Asserting", "YA", &timestamp);
        self.edge(&locution, &asserting);
        self.edge(&asserting, proposition);
        self.locutions.push(json!({
            "nodeID": locution,
            "personID": person,
            "timestamp": timestamp,
            "start": null,
            "end": null,
            "source": evidence.document,
        }));
    }

    fn participant(&mut self, actor: NodeIndex) -> String {
        if let Some(id) = self.speakers.get(&actor) {
            return id.clone();
        }
        let id = (self.participants.len() + 1).to_string();
        let node = self.graph.node(actor);
        let (first, last) = match (node.subkind.as_deref(), node.label.rsplit_once(' ')) {
            (Some("person"), Some((first, last))) => (first, last),
            _ => (node.label.as_str(), ""),
        };
        self.participants.push(json!({
            "participantID": id,
            "firstname": first,
            "surname": last,
        }));
        self.speakers.insert(actor, id.clone());
        id
    }

    /// premise → S-node → conclusion.
    fn scheme(
        &mut self,
        premise: &str,
        conclusion: &str,
        scheme_type: &str,
        name: &str,
        timestamp: &str,
    ) {
        let scheme = self.node(name, scheme_type, timestamp);
        self.edge(premise, &scheme);
        self.edge(&scheme, conclusion);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    #[test]
    fn actor_sentences_become_locutions_once() {
        let mut graph = ArgGraph::new("g");
        let mut actor = Node::new(NodeKind::Actor, "Ada Lovelace");
        actor.subkind = Some("person".into());
        let actor = graph.add_node(actor);
        let b = graph.add_node(Node::new(NodeKind::Concept, "B"));
        let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
        let said = Evidence {
            document: "d".into(),
            span: 0..5,
            text: "B, not C.".into(),
            confidence: 0.8,
            basis: None,
        };
        graph.add_occurrence(actor, b, Relation::Supports, Some(said.clone()));
        graph.add_occurrence(actor, c, Relation::Critiques, Some(said));
        let aif: Value = serde_json::from_str(&graph_to_aif(&graph)).unwrap();
        let types: Vec<&str> = aif["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["I", "I", "L", "YA", "RA", "I", "CA"]);
        assert_eq!(aif["locutions"].as_array().unwrap().len(), 1);
        assert_eq!(aif["participants"][0]["surname"], "Lovelace");
        assert_eq!(aif["nodes"][2]["text"], "Ada Lovelace: B, not C.");
        // Ids are unique over nodes and edges.
        let mut ids: Vec<&str> = aif["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["nodeID"].as_str().unwrap())
            .chain(
                aif["edges"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["edgeID"].as_str().unwrap()),
            )
            .collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }

    #[test]
    fn with_claims_the_actor_asserts_the_claim_which_supports_the_concept() {
        let mut graph = ArgGraph::new("g");
        let actor = graph.add_node(Node::new(NodeKind::Actor, "Ann"));
        let concept = graph.add_node(Node::new(NodeKind::Concept, "rent cap"));
        let claim = graph.add_node(Node::new(NodeKind::Claim, "A cap protects tenants"));
        let said = Evidence {
            document: "d".into(),
            span: 0..30,
            text: "Ann said a cap protects tenants.".into(),
            confidence: 0.8,
            basis: None,
        };
        graph.add_occurrence(actor, concept, Relation::Supports, Some(said.clone()));
        graph.add_occurrence(actor, claim, Relation::Asserts, Some(said.clone()));
        graph.add_occurrence(claim, concept, Relation::Supports, Some(said));
        let aif: Value = serde_json::from_str(&graph_to_aif(&graph)).unwrap();
        let nodes = aif["nodes"].as_array().unwrap();
        let types: Vec<&str> = nodes.iter().map(|n| n["type"].as_str().unwrap()).collect();
        assert_eq!(types, ["I", "L", "YA", "I", "RA"]);
        assert_eq!(nodes[0]["text"], "A cap protects tenants");
        assert_eq!(nodes[1]["text"], "Ann: Ann said a cap protects tenants.");
        assert_eq!(nodes[3]["text"], "rent cap");
        // YA points at the claim's I-node; RA runs claim → concept.
        let edges = aif["edges"].as_array().unwrap();
        let to = |from: &Value| {
            edges
                .iter()
                .find(|e| e["fromID"] == *from)
                .map(|e| e["toID"].clone())
                .unwrap()
        };
        assert_eq!(to(&nodes[2]["nodeID"]), nodes[0]["nodeID"]);
        assert_eq!(to(&nodes[0]["nodeID"]), nodes[4]["nodeID"]);
        assert_eq!(to(&nodes[4]["nodeID"]), nodes[3]["nodeID"]);
    }
}

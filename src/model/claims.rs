//! Model stage: claim nodes. Every statement's proposition
//! ([`crate::extract::proposition`]) becomes a claim that its actor
//! `asserts` and that `supports` or `critiques` the concept. Actors who
//! state the same proposition share one claim: the same words (ignoring
//! case and punctuation: the node id is the slug of the text), or, for the
//! same concept and stance, nearly the same words (at least 80% of their
//! distinct words in common, Jaccard). The actor → concept stance edges
//! stay as they are: discourse-network analysis projects those.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use petgraph::graph::NodeIndex;

use super::graph::ArgGraph;
use super::node::{Evidence, Node, NodeKind, Relation, node_key};

/// Shared words two propositions need to be one claim.
pub const SAME_CLAIM: f64 = 0.8;
/// Claims of one concept and stance a new proposition is compared with:
/// the most recent ones, so a corpus of thousands of claims on one concept
/// stays linear.
const COMPARED: usize = 500;

/// A claim node and its distinct words (hashed, sorted).
type Known = (NodeIndex, Vec<u64>);

/// The claims of one concept and stance.
#[derive(Default)]
struct Bucket {
    claims: Vec<Known>,
    members: HashSet<NodeIndex>,
}

/// The claims made so far, by the concept and stance they bear on.
#[derive(Default)]
pub(super) struct Claims {
    by_stance: HashMap<(NodeIndex, Relation), Bucket>,
}

impl Claims {
    /// Record that `actor` asserts `text` in the sentence `evidence`, which
    /// bears on `concept` with `relation`: the claim node (new or shared),
    /// its `asserts` edge and its stance edge.
    pub fn add(
        &mut self,
        graph: &mut ArgGraph,
        actor: NodeIndex,
        concept: NodeIndex,
        relation: Relation,
        text: &str,
        evidence: Evidence,
    ) {
        if text.is_empty() {
            return;
        }
        let words = word_set(text);
        let key = node_key(NodeKind::Claim, text);
        let bucket = self.by_stance.entry((concept, relation)).or_default();
        let claim = match graph.node_index(&key) {
            Some(index) => index,
            None => match bucket
                .claims
                .iter()
                .rev()
                .take(COMPARED)
                .find(|(_, other)| jaccard(&words, other) >= SAME_CLAIM)
            {
                Some(&(index, _)) => index,
                None => {
                    let mut node = Node::new(NodeKind::Claim, text);
                    node.key = key;
                    graph.add_node(node)
                }
            },
        };
        if bucket.members.insert(claim) {
            bucket.claims.push((claim, words));
        }
        let node = graph.node_mut(claim);
        node.documents.insert(evidence.document.clone());
        add_once(graph, actor, claim, Relation::Asserts, &evidence);
        add_once(graph, claim, concept, relation, &evidence);
    }
}

/// One occurrence per sentence: a sentence that names two concepts gives
/// two statements but asserts its claim once.
fn add_once(
    graph: &mut ArgGraph,
    source: NodeIndex,
    target: NodeIndex,
    relation: Relation,
    evidence: &Evidence,
) {
    // Statements come in sentence order, so a repeat is the last sentence.
    let seen = graph
        .graph()
        .edges_connecting(source, target)
        .filter(|e| e.weight().relation == relation)
        .any(|e| {
            e.weight()
                .evidence
                .last()
                .is_some_and(|x| x.document == evidence.document && x.span == evidence.span)
        });
    if !seen {
        graph.add_occurrence(source, target, relation, Some(evidence.clone()));
    }
}

/// The distinct words, lower-cased, as sorted hashes (deterministic: the
/// standard hasher with its fixed keys).
fn word_set(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut hasher = DefaultHasher::new();
            w.to_lowercase().hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Shared ÷ all distinct words; sets too different in size are skipped
/// without counting (Jaccard ≤ smaller ÷ larger).
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if large.is_empty() || (small.len() as f64) < SAME_CLAIM * large.len() as f64 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(document: &str, start: usize) -> Evidence {
        Evidence {
            document: document.into(),
            span: start..start + 10,
            text: "s".into(),
            confidence: 0.8,
            basis: None,
        }
    }

    #[test]
    fn same_words_share_a_claim_and_different_ones_do_not() {
        let mut graph = ArgGraph::new("g");
        let ann = graph.add_node(Node::new(NodeKind::Actor, "Ann"));
        let bob = graph.add_node(Node::new(NodeKind::Actor, "Bob"));
        let cap = graph.add_node(Node::new(NodeKind::Concept, "rent cap"));
        let mut claims = Claims::default();
        let s = Relation::Supports;
        claims.add(
            &mut graph,
            ann,
            cap,
            s,
            "A rent cap would protect tenants",
            evidence("a", 0),
        );
        // Case and punctuation differ: the same claim.
        claims.add(
            &mut graph,
            bob,
            cap,
            s,
            "a rent cap would protect tenants!",
            evidence("b", 0),
        );
        // One word more of eight: Jaccard 7/8, the same claim.
        claims.add(
            &mut graph,
            bob,
            cap,
            s,
            "A rent cap would protect all tenants",
            evidence("b", 40),
        );
        // Another argument on the same concept: a claim of its own.
        claims.add(
            &mut graph,
            ann,
            cap,
            s,
            "Rents have doubled in ten years",
            evidence("a", 40),
        );
        // Near-identical words with the other stance: not merged.
        claims.add(
            &mut graph,
            bob,
            cap,
            Relation::Critiques,
            "A rent cap would not protect tenants",
            evidence("c", 0),
        );
        let claims: Vec<_> = graph
            .nodes()
            .filter(|(_, n)| n.kind == NodeKind::Claim)
            .collect();
        assert_eq!(claims.len(), 3, "{claims:?}");
        let shared = graph
            .node_index("claim:a-rent-cap-would-protect-tenants")
            .unwrap();
        let asserters: std::collections::BTreeSet<_> = graph
            .edges()
            .filter(|(_, t, e)| *t == shared && e.relation == Relation::Asserts)
            .map(|(s, _, _)| graph.node(s).label.clone())
            .collect();
        assert_eq!(asserters, ["Ann".to_owned(), "Bob".to_owned()].into());
    }

    #[test]
    fn one_sentence_asserts_once() {
        let mut graph = ArgGraph::new("g");
        let ann = graph.add_node(Node::new(NodeKind::Actor, "Ann"));
        let cap = graph.add_node(Node::new(NodeKind::Concept, "rent cap"));
        let tax = graph.add_node(Node::new(NodeKind::Concept, "land tax"));
        let mut claims = Claims::default();
        let text = "A rent cap and a land tax would both help";
        claims.add(
            &mut graph,
            ann,
            cap,
            Relation::Supports,
            text,
            evidence("a", 0),
        );
        claims.add(
            &mut graph,
            ann,
            tax,
            Relation::Supports,
            text,
            evidence("a", 0),
        );
        let asserts: Vec<_> = graph
            .edges()
            .filter(|(_, _, e)| e.relation == Relation::Asserts)
            .collect();
        assert_eq!(asserts.len(), 1);
        assert_eq!(asserts[0].2.weight, 1.0);
        let stances = graph
            .edges()
            .filter(|(_, _, e)| e.relation.is_stance())
            .count();
        assert_eq!(stances, 2, "the claim bears on both concepts");
    }
}

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
use crate::extract::{Link, opening};

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

/// The claims made so far, by the concept and stance they bear on; and
/// those of the current document in sentence order, for claim–claim
/// relations.
#[derive(Default)]
pub(super) struct Claims {
    by_stance: HashMap<(NodeIndex, Relation), Bucket>,
    /// (sentence, actor, claim, evidence) of the current document.
    current: Vec<(usize, NodeIndex, NodeIndex, Evidence)>,
    /// Claims of the current document made of one side of a sentence
    /// joined by a connective ("X, but Y").
    parts: Vec<Part>,
}

/// A claim made of one side of a sentence joined by a connective.
struct Part {
    sentence: usize,
    actor: NodeIndex,
    side: Side,
    claim: NodeIndex,
    /// The stance of the statement it came from.
    relation: Relation,
    link: Link,
    connective: String,
    evidence: Evidence,
}

/// Which clause of a sentence joined by a connective a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Before,
    After,
}

impl Claims {
    /// Record that `actor` asserts `text` in the sentence `evidence`, which
    /// bears on `concept` with `relation`: the claim node (new or shared),
    /// its `asserts` edge and its stance edge.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        graph: &mut ArgGraph,
        sentence: usize,
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
        self.current.push((sentence, actor, claim, evidence));
    }

    /// [`Claims::add`], for a claim made of one `side` of a sentence that
    /// `link`'s `connective` joins when `part` says so: related to the
    /// other side's claims in [`Claims::finish_document`].
    #[allow(clippy::too_many_arguments)]
    pub fn add_part(
        &mut self,
        graph: &mut ArgGraph,
        sentence: usize,
        actor: NodeIndex,
        concept: NodeIndex,
        relation: Relation,
        text: &str,
        evidence: Evidence,
        part: Option<(Side, Link, &str)>,
    ) {
        self.add(
            graph,
            sentence,
            actor,
            concept,
            relation,
            text,
            evidence.clone(),
        );
        if let Some((side, link, connective)) = part
            && let Some(&(_, _, claim, _)) = self.current.last()
            && !text.is_empty()
        {
            self.parts.push(Part {
                sentence,
                actor,
                side,
                claim,
                relation,
                link,
                connective: connective.to_owned(),
                evidence,
            });
        }
    }

    /// Relate the claims of the document just read: when one actor's claim
    /// in a sentence follows its claim in the sentence before and the
    /// second sentence opens with a connective, "However, …" attacks the
    /// claim before, "So …" is supported by it, "Because …" supports it.
    /// The edge keeps both sentences, the connective as their basis.
    pub fn finish_document(&mut self, graph: &mut ArgGraph) {
        // Within a sentence: "X because Y" — Y supports X; "X, so Y" — X
        // supports Y; "X, but Y" — Y attacks X, only when the two sides take
        // different stances ("X is welcome, but it is far too small"): a
        // "but" between two stances alike qualifies ("build the line, but
        // with strong oversight") more often than it attacks (on the
        // development sets, 6 of 13 such relations were wrong). One edge per
        // pair of claims, whatever the number of concepts on each side.
        let parts = std::mem::take(&mut self.parts);
        let mut related: HashSet<(NodeIndex, NodeIndex)> = HashSet::new();
        for before in parts.iter().filter(|p| p.side == Side::Before) {
            for after in parts.iter().filter(|p| {
                p.side == Side::After
                    && p.sentence == before.sentence
                    && p.actor == before.actor
                    && p.claim != before.claim
            }) {
                let (source, target, relation) = match before.link {
                    Link::Attack if after.relation == before.relation => continue,
                    Link::Attack => (after.claim, before.claim, Relation::Critiques),
                    Link::Reason => (after.claim, before.claim, Relation::Supports),
                    Link::Consequence => (before.claim, after.claim, Relation::Supports),
                };
                if related.insert((source, target)) {
                    let evidence = Evidence {
                        basis: Some(format!("connective:{}", before.connective)),
                        ..before.evidence.clone()
                    };
                    graph.add_edge(source, target, relation, 1.0, vec![evidence]);
                }
            }
        }
        let mut current = std::mem::take(&mut self.current);
        current.sort_by_key(|(sentence, _, _, _)| *sentence);
        current.dedup_by_key(|(sentence, actor, claim, _)| (*sentence, *actor, *claim));
        for (i, (sentence, actor, claim, evidence)) in current.iter().enumerate() {
            let Some((link, connective)) = opening(&evidence.text) else {
                continue;
            };
            let before = current[..i]
                .iter()
                .rev()
                .find(|(s, a, c, _)| *s + 1 == *sentence && a == actor && c != claim);
            let Some((_, _, earlier, earlier_evidence)) = before else {
                continue;
            };
            let (source, target, relation) = match link {
                Link::Attack => (*claim, *earlier, Relation::Critiques),
                Link::Consequence => (*earlier, *claim, Relation::Supports),
                Link::Reason => (*claim, *earlier, Relation::Supports),
            };
            let basis = Some(format!("connective:{connective}"));
            let both = vec![
                Evidence {
                    basis: basis.clone(),
                    ..earlier_evidence.clone()
                },
                Evidence {
                    basis,
                    ..evidence.clone()
                },
            ];
            graph.add_edge(source, target, relation, 1.0, both);
        }
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
            0,
            ann,
            cap,
            s,
            "A rent cap would protect tenants",
            evidence("a", 0),
        );
        // Case and punctuation differ: the same claim.
        claims.add(
            &mut graph,
            0,
            bob,
            cap,
            s,
            "a rent cap would protect tenants!",
            evidence("b", 0),
        );
        // One word more of eight: Jaccard 7/8, the same claim.
        claims.add(
            &mut graph,
            0,
            bob,
            cap,
            s,
            "A rent cap would protect all tenants",
            evidence("b", 40),
        );
        // Another argument on the same concept: a claim of its own.
        claims.add(
            &mut graph,
            0,
            ann,
            cap,
            s,
            "Rents have doubled in ten years",
            evidence("a", 40),
        );
        // Near-identical words with the other stance: not merged.
        claims.add(
            &mut graph,
            0,
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
            0,
            ann,
            cap,
            Relation::Supports,
            text,
            evidence("a", 0),
        );
        claims.add(
            &mut graph,
            0,
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

    #[test]
    fn connectives_relate_one_speakers_claims_in_adjacent_sentences() {
        let mut graph = ArgGraph::new("g");
        let ann = graph.add_node(Node::new(NodeKind::Actor, "Ann"));
        let bob = graph.add_node(Node::new(NodeKind::Actor, "Bob"));
        let cap = graph.add_node(Node::new(NodeKind::Concept, "rent cap"));
        let mut claims = Claims::default();
        let said = |start: usize, text: &str| Evidence {
            text: text.into(),
            ..evidence("a", start)
        };
        let s = Relation::Supports;
        let rows = [
            (0, ann, "Rents have doubled in ten years."),
            (1, ann, "So a rent cap is overdue."),
            (2, ann, "However, a cap alone will not build homes."),
            (3, bob, "Because landlords will leave, a cap is a mistake."),
            (5, ann, "But nobody has shown that."),
        ];
        for (sentence, actor, text) in rows {
            claims.add(
                &mut graph,
                sentence,
                actor,
                cap,
                s,
                text,
                said(sentence * 100, text),
            );
        }
        claims.finish_document(&mut graph);
        let label = |i: NodeIndex| graph.node(i).label.clone();
        let mut links: Vec<(String, String, String)> = graph
            .edges()
            .filter(|(a, b, _)| {
                graph.node(*a).kind == NodeKind::Claim && graph.node(*b).kind == NodeKind::Claim
            })
            .map(|(a, b, e)| (label(a), e.relation.as_str().to_owned(), label(b)))
            .collect();
        links.sort();
        assert_eq!(
            links,
            [
                (
                    "However, a cap alone will not build homes.".to_owned(),
                    "critiques".to_owned(),
                    "So a rent cap is overdue.".to_owned()
                ),
                (
                    "Rents have doubled in ten years.".to_owned(),
                    "supports".to_owned(),
                    "So a rent cap is overdue.".to_owned()
                ),
            ],
            "Bob's 'Because' follows Ann, and Ann's 'But' follows a gap"
        );
        let edge = graph
            .edges()
            .find(|(_, _, e)| e.relation == Relation::Critiques)
            .unwrap()
            .2;
        assert_eq!(edge.evidence.len(), 2);
        assert_eq!(
            edge.evidence[1].basis.as_deref(),
            Some("connective:however")
        );
    }
}

//! Eval stage: the sentences behind a node's stance edges, grouped by actor,
//! stance and concept, so that a person can check every support and
//! critique against the text. A read-only query over the graph; no IO.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::extract::Stance;
use crate::model::{ArgGraph, Evidence, NodeKind, Relation};

/// All the evidence for one (actor, stance, concept).
#[derive(Debug, Clone, PartialEq)]
pub struct StanceGroup {
    pub actor: String,
    pub stance: Stance,
    pub concept: String,
    /// In corpus order, as stored on the edge.
    pub evidence: Vec<Evidence>,
}

/// Every stance edge that starts or ends at `node`, as groups sorted by
/// actor, then stance (support first), then concept. O(d log d) for a node
/// of degree d.
///
/// ```
/// use argnet::eval::stance_evidence;
/// use argnet::model::{ArgGraph, Evidence, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let acevo = graph.add_node(Node::new(NodeKind::Actor, "ACEVO"));
/// let prevention = graph.add_node(Node::new(NodeKind::Concept, "preventative services"));
/// let evidence = Evidence {
///     document: "a.txt".into(),
///     span: 0..10,
///     text: "It also calls for preventative services.".into(),
///     confidence: 0.8,
///     basis: None,
/// };
/// graph.add_occurrence(acevo, prevention, Relation::Supports, Some(evidence));
/// let groups = stance_evidence(&graph, prevention);
/// assert_eq!(groups.len(), 1);
/// assert_eq!(groups[0].actor, "ACEVO");
/// ```
pub fn stance_evidence(graph: &ArgGraph, node: NodeIndex) -> Vec<StanceGroup> {
    let inner = graph.graph();
    let mut groups: Vec<StanceGroup> = [Direction::Outgoing, Direction::Incoming]
        .into_iter()
        .flat_map(|direction| inner.edges_directed(node, direction))
        // An actor's stance, or a claim's when the node is that claim.
        .filter(|edge| {
            edge.weight().relation.is_stance()
                && (graph.node(edge.source()).kind != NodeKind::Claim || edge.source() == node)
        })
        .map(|edge| StanceGroup {
            actor: graph.node(edge.source()).label.clone(),
            stance: if edge.weight().relation == Relation::Supports {
                Stance::Support
            } else {
                Stance::Critique
            },
            concept: graph.node(edge.target()).label.clone(),
            evidence: edge.weight().evidence.clone(),
        })
        .collect();
    groups.sort_by(|a, b| {
        (a.actor.to_lowercase(), a.stance, a.concept.to_lowercase()).cmp(&(
            b.actor.to_lowercase(),
            b.stance,
            b.concept.to_lowercase(),
        ))
    });
    groups
}

/// Who asserts a claim, with the sentences: (actor, evidence) sorted by
/// actor. Empty for any other node. O(d log d).
pub fn assertions(graph: &ArgGraph, claim: NodeIndex) -> Vec<(String, Vec<Evidence>)> {
    if graph.node(claim).kind != NodeKind::Claim {
        return Vec::new();
    }
    let mut out: Vec<(String, Vec<Evidence>)> = graph
        .graph()
        .edges_directed(claim, Direction::Incoming)
        .filter(|edge| edge.weight().relation == Relation::Asserts)
        .map(|edge| {
            (
                graph.node(edge.source()).label.clone(),
                edge.weight().evidence.clone(),
            )
        })
        .collect();
    out.sort_by_key(|(actor, _)| actor.to_lowercase());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    fn evidence(text: &str) -> Evidence {
        Evidence {
            document: "d.txt".into(),
            span: 0..text.len(),
            text: text.into(),
            confidence: 1.0,
            basis: None,
        }
    }

    #[test]
    fn groups_both_directions_and_skips_other_relations() {
        let mut graph = ArgGraph::new("g");
        let owen = graph.add_node(Node::new(NodeKind::Actor, "Rob Owen"));
        let hutton = graph.add_node(Node::new(NodeKind::Actor, "Will Hutton"));
        let society = graph.add_node(Node::new(NodeKind::Concept, "Big Society"));
        let cheap = graph.add_node(Node::new(NodeKind::Concept, "lowest-cost provision"));
        let document = graph.add_node(Node::new(NodeKind::Document, "d.txt"));
        graph.add_occurrence(hutton, society, Relation::Supports, Some(evidence("a")));
        graph.add_occurrence(owen, society, Relation::Supports, Some(evidence("a")));
        graph.add_occurrence(owen, cheap, Relation::Critiques, Some(evidence("b")));
        graph.add_occurrence(document, society, Relation::Mentions, Some(evidence("c")));

        let for_concept = stance_evidence(&graph, society);
        let actors: Vec<&str> = for_concept.iter().map(|g| g.actor.as_str()).collect();
        assert_eq!(actors, vec!["Rob Owen", "Will Hutton"]);

        let for_actor = stance_evidence(&graph, owen);
        let rows: Vec<(Stance, &str)> = for_actor
            .iter()
            .map(|g| (g.stance, g.concept.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (Stance::Support, "Big Society"),
                (Stance::Critique, "lowest-cost provision")
            ]
        );
        assert!(stance_evidence(&graph, document).is_empty());
        assert!(assertions(&graph, society).is_empty());

        let claim = graph.add_node(Node::new(NodeKind::Claim, "The Big Society works"));
        graph.add_occurrence(owen, claim, Relation::Asserts, Some(evidence("d")));
        graph.add_occurrence(hutton, claim, Relation::Asserts, Some(evidence("d")));
        graph.add_occurrence(claim, society, Relation::Supports, Some(evidence("d")));
        let voices: Vec<String> = assertions(&graph, claim)
            .into_iter()
            .map(|(actor, _)| actor)
            .collect();
        assert_eq!(voices, vec!["Rob Owen", "Will Hutton"]);
    }
}

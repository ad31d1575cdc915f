//! Finding a node by the name a user typed: its id, its label or an alias,
//! ignoring case; and, when nothing matches, the names closest to it
//! (typos and partial names), so that every command that takes a node name
//! (`path`, `evidence`, `export --ego`) answers a misspelling the same way.

use petgraph::graph::NodeIndex;

use super::graph::ArgGraph;
use super::node::NodeKind;
use crate::error::{Error, Result};

/// How many close names an error offers.
const SUGGESTIONS: usize = 3;
/// The least similarity (0 to 1, Damerau–Levenshtein normalised by the
/// longer name) for a name to be offered as a likely typo.
const SIMILAR: f64 = 0.6;

impl ArgGraph {
    /// The one node `query` names: its id (`concept:big-society`), or its
    /// label or an alias seen in the texts, ignoring case. The error is one
    /// line for `option` (the flag or argument that took the name): for no
    /// match it offers the closest names of this graph, for several the
    /// ids to choose from. O(n) over labels and aliases.
    ///
    /// ```
    /// use argnet::model::{ArgGraph, Node, NodeKind};
    /// let mut graph = ArgGraph::new("g");
    /// let c = graph.add_node(Node::new(NodeKind::Concept, "Total Place"));
    /// assert_eq!(graph.resolve("--ego", "total place").unwrap(), c);
    /// let typo = graph.resolve("--ego", "Totla Plce").unwrap_err().to_string();
    /// assert!(typo.contains("did you mean \"Total Place\"?"), "{typo}");
    /// ```
    pub fn resolve(&self, option: &'static str, query: &str) -> Result<NodeIndex> {
        let found = self.find_nodes(query);
        let message = match found.as_slice() {
            [one] => return Ok(*one),
            [] => {
                let close = self.close_names(query);
                let hint = if close.is_empty() {
                    match self.example_id() {
                        Some(id) => format!(
                            "check the spelling, or give a node id from the graph file, such as {id}"
                        ),
                        None => "the graph has no nodes".to_owned(),
                    }
                } else {
                    let quoted: Vec<String> = close.iter().map(|n| format!("{n:?}")).collect();
                    format!("did you mean {}?", quoted.join(", "))
                };
                format!("no node has this id, name or alias; {hint}")
            }
            several => {
                let ids: Vec<&str> = several.iter().map(|&n| self.node(n).key.as_str()).collect();
                format!(
                    "{} nodes have this name; give one of their ids: {}",
                    ids.len(),
                    ids.join(", ")
                )
            }
        };
        Err(Error::InvalidValue {
            name: option,
            value: query.to_owned(),
            message,
        })
    }

    /// Labels (or, where a label is shared, ids) of the nodes whose label
    /// or an alias is closest to `query`: likely typos first, then names
    /// that contain it or that it contains. At most [`SUGGESTIONS`].
    pub fn close_names(&self, query: &str) -> Vec<String> {
        let wanted = query.trim().to_lowercase();
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, NodeIndex)> = self
            .nodes()
            .filter_map(|(index, node)| {
                let best = std::iter::once(&node.label)
                    .chain(&node.aliases)
                    .map(|name| similarity(&wanted, &name.to_lowercase()))
                    .fold(0.0, f64::max);
                (best >= SIMILAR).then_some((best, index))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let shared = |label: &str| {
            self.nodes()
                .filter(|(_, n)| n.label == label)
                .nth(1)
                .is_some()
        };
        scored
            .into_iter()
            .take(SUGGESTIONS)
            .map(|(_, index)| {
                let node = self.node(index);
                if shared(&node.label) {
                    node.key.clone()
                } else {
                    node.label.clone()
                }
            })
            .collect()
    }

    /// An id to show in a hint: a concept's if there is one.
    fn example_id(&self) -> Option<&str> {
        let concept = self.nodes().find(|(_, n)| n.kind == NodeKind::Concept);
        concept
            .or_else(|| self.nodes().next())
            .map(|(_, n)| n.key.as_str())
    }
}

/// 1 for equal names; a name that contains the other (or is contained in
/// it) scores at least [`SIMILAR`]; otherwise the normalised
/// Damerau–Levenshtein similarity of the whole names, of their words in
/// sorted order ("Bubb Stephen" is "Stephen Bubb"), or of a one-word query
/// and a word of the name ("Camron" is close to "David Cameron").
fn similarity(wanted: &str, name: &str) -> f64 {
    if name.is_empty() {
        return 0.0;
    }
    let whole = strsim::normalized_damerau_levenshtein(wanted, name).max(
        strsim::normalized_damerau_levenshtein(&sorted_words(wanted), &sorted_words(name)),
    );
    let one_word = wanted.len() >= 4 && !wanted.contains(char::is_whitespace);
    let word = if one_word {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 4)
            .map(|w| strsim::normalized_damerau_levenshtein(wanted, w))
            .fold(0.0, f64::max)
    } else {
        0.0
    };
    let edit = whole.max(word);
    let part =
        (wanted.len() >= 4 && name.contains(wanted)) || (name.len() >= 4 && wanted.contains(name));
    if part { edit.max(SIMILAR) } else { edit }
}

fn sorted_words(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    words.sort_unstable();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    fn graph() -> ArgGraph {
        let mut graph = ArgGraph::new("g");
        graph.add_node(Node::new(NodeKind::Concept, "Big Society"));
        graph.add_node(Node::new(NodeKind::Concept, "localism"));
        graph.add_node(Node::new(NodeKind::Actor, "David Cameron"));
        graph.add_node(Node::new(NodeKind::Concept, "Total Place"));
        graph
    }

    /// Rows: what a user typed, the names offered first.
    #[test]
    fn typos_and_parts_offer_the_closest_names() {
        let graph = graph();
        let rows: [(&str, &[&str]); 8] = [
            ("Big Socity", &["Big Society"]),
            ("big sociey", &["Big Society"]),
            ("locallism", &["localism"]),
            ("Cameron", &["David Cameron"]),
            ("David Camreon", &["David Cameron"]),
            ("Camron", &["David Cameron"]),
            ("Cameron David", &["David Cameron"]),
            ("zzzz", &[]),
        ];
        for (typed, want) in rows {
            let got = graph.close_names(typed);
            assert_eq!(&got[..want.len().min(got.len())], want, "{typed}: {got:?}");
            if want.is_empty() {
                assert!(got.is_empty(), "{typed}: {got:?}");
            }
        }
    }

    #[test]
    fn errors_name_the_option_and_an_id_of_this_graph() {
        let graph = graph();
        let none = graph.resolve("--from", "zzzz").unwrap_err().to_string();
        assert!(none.starts_with("--from = \"zzzz\""), "{none}");
        assert!(none.contains("concept:big-society"), "{none}");
        let mut twice = graph.clone();
        twice.add_node(Node::new(NodeKind::Actor, "Big Society"));
        let several = twice
            .resolve("NODE", "big society")
            .unwrap_err()
            .to_string();
        assert!(
            several.contains("2 nodes") && several.contains("actor:big-society"),
            "{several}"
        );
        let close = twice.resolve("NODE", "big socity").unwrap_err().to_string();
        assert!(
            close.contains("concept:big-society") && close.contains("actor:big-society"),
            "{close}"
        );
    }
}

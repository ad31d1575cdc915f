//! Export stage: the claims as Argdown (argdown.org), which Argdown's
//! editor, VS Code extension and command line read and draw as argument
//! maps. Each concept a claim bears on is a statement `[concept]`, with
//! its claims below it as incoming support (`+ [C1]`) or attack
//! (`- [C2]`); each claim is a statement `[C1]: text #(actor) …`, its
//! asserting actors as tags, with the claims that support or attack it
//! below it in the same way. Text is escaped with backslashes (Argdown
//! reads `\[` as `[`), so a proposition comes back word for word; titles
//! and tags cannot be escaped (Argdown keeps the backslash), so brackets,
//! parentheses and `#` in them become other characters.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

use petgraph::graph::NodeIndex;

use crate::model::{ArgGraph, NodeKind, Relation};

/// The claims of `graph` as Argdown, or `None` when it has none.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "Ann"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "rent cap"));
/// let k = graph.add_node(Node::new(NodeKind::Claim, "Rents [now] rise"));
/// graph.add_occurrence(a, k, Relation::Asserts, None);
/// graph.add_occurrence(k, c, Relation::Supports, None);
/// let text = argnet::export::graph_to_argdown(&graph).unwrap();
/// assert!(text.contains("[rent cap]: rent cap\n  + [C1]\n"));
/// assert!(text.contains("[C1]: Rents \\[now\\] rise #(Ann)\n"));
/// ```
pub fn graph_to_argdown(graph: &ArgGraph) -> Option<String> {
    let claims: Vec<NodeIndex> = graph
        .nodes()
        .filter(|(_, n)| n.kind == NodeKind::Claim)
        .map(|(i, _)| i)
        .collect();
    if claims.is_empty() {
        return None;
    }
    let title_of: HashMap<NodeIndex, String> = claims
        .iter()
        .enumerate()
        .map(|(k, &i)| (i, format!("C{}", k + 1)))
        .collect();
    let mut asserted_by: HashMap<NodeIndex, BTreeSet<String>> = HashMap::new();
    // Claims on concepts, and claims on claims ("However, …").
    let mut bearing: BTreeMap<NodeIndex, Vec<(Relation, NodeIndex)>> = BTreeMap::new();
    let mut between: BTreeMap<NodeIndex, Vec<(Relation, NodeIndex)>> = BTreeMap::new();
    for (source, target, edge) in graph.edges() {
        match edge.relation {
            Relation::Asserts if title_of.contains_key(&target) => {
                asserted_by
                    .entry(target)
                    .or_default()
                    .insert(tag(&graph.node(source).label));
            }
            Relation::Supports | Relation::Critiques if title_of.contains_key(&source) => {
                let into = if title_of.contains_key(&target) {
                    &mut between
                } else {
                    &mut bearing
                };
                into.entry(target)
                    .or_default()
                    .push((edge.relation, source));
            }
            _ => {}
        }
    }

    let mut out = String::new();
    let _ = writeln!(out, "===\ntitle: {}\n===\n", front_matter(&graph.name));
    let _ = writeln!(
        out,
        "// Written by argnet: each concept with the claims that support (+) or attack (-) it;\n// each claim with the actors who assert it as tags.\n"
    );
    out.push_str("# Concepts\n\n");
    let mut used_titles: BTreeSet<String> = title_of.values().cloned().collect();
    for (concept, claims_on) in &bearing {
        let label = &graph.node(*concept).label;
        let mut title = title(label);
        let base = title.clone();
        let mut n = 2;
        while !used_titles.insert(title.clone()) {
            title = format!("{base} ({n})");
            n += 1;
        }
        let _ = writeln!(out, "[{title}]: {}", text(label));
        for (relation, claim) in claims_on {
            let sign = if *relation == Relation::Supports {
                '+'
            } else {
                '-'
            };
            let _ = writeln!(out, "  {sign} [{}]", title_of[claim]);
        }
        out.push('\n');
    }
    out.push_str("# Claims\n\n");
    for claim in &claims {
        let _ = write!(
            out,
            "[{}]: {}",
            title_of[claim],
            text(&graph.node(*claim).label)
        );
        for actor in asserted_by.get(claim).into_iter().flatten() {
            let _ = write!(out, " #({actor})");
        }
        out.push('\n');
        for (relation, other) in between.get(claim).into_iter().flatten() {
            let sign = if *relation == Relation::Supports {
                '+'
            } else {
                '-'
            };
            let _ = writeln!(out, "  {sign} [{}]", title_of[other]);
        }
        out.push('\n');
    }
    Some(out)
}

/// Statement text: ASCII punctuation escaped, line breaks as spaces.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        if c.is_control() {
            out.push(' ');
        } else if c.is_ascii_punctuation()
            && !matches!(
                c,
                '.' | ',' | '\'' | '"' | '?' | '!' | '%' | '&' | '$' | ';'
            )
        {
            out.push('\\');
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// A statement title: brackets become parentheses, backslashes slashes.
fn title(value: &str) -> String {
    let cleaned: String = value
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            '\\' => '/',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    squeeze(&cleaned)
}

/// A tag `#(…)`: parentheses, `#` and backslashes become spaces.
fn tag(value: &str) -> String {
    let cleaned: String = value
        .chars()
        .map(|c| match c {
            '(' | ')' | '#' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    squeeze(&cleaned)
}

/// The front matter's title on one line, quoted as YAML.
fn front_matter(value: &str) -> String {
    let escaped: String = value
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

fn squeeze(value: &str) -> String {
    let joined = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        "untitled".into()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    #[test]
    fn escapes_and_titles_table() {
        let rows = [
            (
                "a [b] <c> #d *e* _f_ {g} // h \\ i",
                "a \\[b\\] \\<c\\> \\#d \\*e\\* \\_f\\_ \\{g\\} \\/\\/ h \\\\ i",
            ),
            (
                "Plain, with 'quotes' and \"more\".",
                "Plain, with 'quotes' and \"more\".",
            ),
            ("line\nbreak", "line break"),
        ];
        for (input, want) in rows {
            assert_eq!(text(input), want, "{input}");
        }
        assert_eq!(title("Bill [No. 2]\\x"), "Bill (No. 2)/x");
        assert_eq!(tag("Smith (Ltd) #1"), "Smith Ltd 1");
        assert_eq!(front_matter("a \"b\""), "\"a \\\"b\\\"\"");
    }

    #[test]
    fn concepts_take_distinct_titles_and_claims_their_actors() {
        let mut graph = ArgGraph::new("g");
        let ann = graph.add_node(Node::new(NodeKind::Actor, "Ann (MP)"));
        let bob = graph.add_node(Node::new(NodeKind::Actor, "Bob"));
        let one = graph.add_node(Node::new(NodeKind::Concept, "tax [x]"));
        // A concept named like a claim's title gets another title.
        let two = graph.add_node(Node::new(NodeKind::Concept, "C1"));
        let claim = graph.add_node(Node::new(NodeKind::Claim, "Tax is fair"));
        graph.add_occurrence(ann, claim, Relation::Asserts, None);
        graph.add_occurrence(bob, claim, Relation::Asserts, None);
        graph.add_occurrence(claim, one, Relation::Supports, None);
        graph.add_occurrence(claim, two, Relation::Critiques, None);
        let out = graph_to_argdown(&graph).unwrap();
        assert!(out.contains("[tax (x)]: tax \\[x\\]\n  + [C1]\n"), "{out}");
        assert!(out.contains("[C1 (2)]: C1\n  - [C1]\n"), "{out}");
        assert!(
            out.contains("[C1]: Tax is fair #(Ann MP) #(Bob)\n"),
            "{out}"
        );
        assert_eq!(graph_to_argdown(&ArgGraph::new("none")), None);
    }
}

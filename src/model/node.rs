//! Model stage: node and edge types of the argument graph, with the evidence
//! an edge carries. Plain data; building and querying live in `graph.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Actor,
    Concept,
    Claim,
    Source,
    Document,
}

impl NodeKind {
    pub const ALL: [NodeKind; 5] = [
        NodeKind::Actor,
        NodeKind::Concept,
        NodeKind::Claim,
        NodeKind::Source,
        NodeKind::Document,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Actor => "actor",
            NodeKind::Concept => "concept",
            NodeKind::Claim => "claim",
            NodeKind::Source => "source",
            NodeKind::Document => "document",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase();
        let name = name.strip_suffix('s').unwrap_or(&name);
        NodeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A node: deduplicated by `key`, which is `kind:slug-of-name`.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub key: String,
    pub kind: NodeKind,
    /// `person` / `organisation` for actors; the source kind for sources.
    pub subkind: Option<String>,
    /// Canonical name.
    pub label: String,
    /// Surface forms seen in the texts, sorted.
    pub aliases: BTreeSet<String>,
    /// Number of mentions over the corpus.
    pub mentions: u64,
    /// Ids of the documents it appears in, sorted.
    pub documents: BTreeSet<String>,
    /// Extra values: codebook affiliation, analysis results, …
    pub attributes: BTreeMap<String, serde_json::Value>,
}

impl Node {
    pub fn new(kind: NodeKind, label: &str) -> Self {
        Node {
            key: node_key(kind, label),
            kind,
            subkind: None,
            label: label.to_owned(),
            aliases: BTreeSet::new(),
            mentions: 0,
            documents: BTreeSet::new(),
            attributes: BTreeMap::new(),
        }
    }
}

/// The stable key of a node: `kind:` + the name in lower case with every run
/// of other characters than letters and digits turned into one `-`.
pub fn node_key(kind: NodeKind, name: &str) -> String {
    if kind == NodeKind::Document {
        // Document ids are already unique and stable; keep them readable.
        return format!("document:{name}");
    }
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("{}:{}", kind.as_str(), slug)
}

/// How two nodes are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Supports,
    Critiques,
    Mentions,
    Cites,
    Quotes,
    AffiliatedWith,
    CoOccurs,
    /// An actor asserts a claim (the sentence that states it).
    Asserts,
}

impl Relation {
    pub const ALL: [Relation; 8] = [
        Relation::Supports,
        Relation::Critiques,
        Relation::Mentions,
        Relation::Cites,
        Relation::Quotes,
        Relation::AffiliatedWith,
        Relation::CoOccurs,
        Relation::Asserts,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Supports => "supports",
            Relation::Critiques => "critiques",
            Relation::Mentions => "mentions",
            Relation::Cites => "cites",
            Relation::Quotes => "quotes",
            Relation::AffiliatedWith => "affiliated_with",
            Relation::CoOccurs => "co_occurs",
            Relation::Asserts => "asserts",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        Relation::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// `co_occurs` has no direction; it is stored with the smaller key first.
    pub fn is_undirected(self) -> bool {
        self == Relation::CoOccurs
    }

    /// A stance relation (`supports` or `critiques`).
    pub fn is_stance(self) -> bool {
        matches!(self, Relation::Supports | Relation::Critiques)
    }
}

/// An edge: all occurrences of one relation between two nodes, merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub relation: Relation,
    /// Number of merged occurrences (or an imported weight).
    pub weight: f64,
    /// Every sentence behind the edge, in corpus order, without repeats.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// How sure argnet is of the edge: the highest confidence of its
    /// evidence (1 for an edge without evidence, such as an imported one).
    pub fn confidence(&self) -> f64 {
        self.evidence
            .iter()
            .map(|e| e.confidence)
            .reduce(f64::max)
            .unwrap_or(1.0)
    }
}

/// The sentence that justifies an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Document id.
    pub document: String,
    /// Byte span of the sentence in the document text.
    #[serde(with = "span_pair")]
    pub span: Range<usize>,
    /// The sentence, exactly as in the document.
    pub text: String,
    /// How sure the rule that made the edge is, 0 to 1.
    pub confidence: f64,
    /// For a stance edge: how its holder and its stance were found, as
    /// `holder+stance` ("turn+cue-strong", "frame+default"); the keys of
    /// `src/extract/cues/calibration.txt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

/// Spans are written as `[start, end]`.
mod span_pair {
    use std::ops::Range;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(span: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
        [span.start, span.end].serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span [{start}, {end}] ends before it starts"
            )));
        }
        Ok(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_table() {
        let rows = [
            (NodeKind::Concept, "Big Society", "concept:big-society"),
            (
                NodeKind::Concept,
                "  payment-by-results! ",
                "concept:payment-by-results",
            ),
            (NodeKind::Actor, "St Giles Trust", "actor:st-giles-trust"),
            (
                NodeKind::Actor,
                "Ministère de l’Économie",
                "actor:ministère-de-l-économie",
            ),
            (NodeKind::Document, "sub/a b.txt", "document:sub/a b.txt"),
        ];
        for (kind, name, want) in rows {
            assert_eq!(node_key(kind, name), want);
        }
    }

    #[test]
    fn names_round_trip() {
        for kind in NodeKind::ALL {
            assert_eq!(NodeKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(NodeKind::parse("Actors"), Some(NodeKind::Actor));
        for relation in Relation::ALL {
            assert_eq!(Relation::parse(relation.as_str()), Some(relation));
        }
        assert_eq!(Relation::parse("co-occurs"), Some(Relation::CoOccurs));
    }
}

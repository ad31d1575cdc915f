//! Eval stage: score a graph against a gold standard. Precision, recall and
//! F1 for actors, concepts, citations and statements, with the misses and
//! false positives that explain them. Pure: it reads an [`ArgGraph`] and a
//! [`Gold`] and returns an [`EvalReport`]; printing is the caller's job.
//!
//! Units (each counted once, as a set):
//! - actors: (document, actor) for every actor the document mentions;
//! - concepts: (document, concept), the same;
//! - statements: (document, actor, concept, stance), one per distinct
//!   triple however many sentences support it (the unit of the gold
//!   README's "Notes for scoring");
//! - citations: (document, citing actor, cited item); a cited item matches
//!   when its name equals the gold name or one contains the other as whole
//!   words ("Autumn Statement" ~ "Autumn Statement (Treasury documents)").
//!   A citation made by a document itself counts as its author's.
//!
//! Gold documents are matched to graph documents by file name; names by
//! the rule documented on [`super::NameIndex`].

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::gold::Gold;
use super::names::{NameIndex, contains_either};
use super::reliability::{Bin, CurvePoint, Judged, curve, reliability};
use crate::extract::Stance;
use crate::model::{ArgGraph, Node, NodeKind, Relation};

/// Precision, recall and F1 of one unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    #[serde(serialize_with = "four_places")]
    pub precision: f64,
    #[serde(serialize_with = "four_places")]
    pub recall: f64,
    #[serde(serialize_with = "four_places")]
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub false_negatives: usize,
}

impl Score {
    /// From counts; a ratio with a zero denominator is 0.
    pub fn new(tp: usize, fp: usize, false_negatives: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + false_negatives);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score {
            precision,
            recall,
            f1,
            tp,
            fp,
            false_negatives,
        }
    }
}

/// Floats in the JSON report are rounded to four places, so that the output
/// is stable and readable.
fn four_places<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((value * 10_000.0).round() / 10_000.0)
}

/// What kind of unit an [`Item`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Actor,
    Concept,
    Citation,
    Statement,
}

/// One miss or false positive, with what a person needs to see why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Item {
    pub kind: Unit,
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cited: Option<String>,
    /// The gold evidence (for a miss) or the graph's first sentence (for a
    /// false positive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl Item {
    fn new(kind: Unit, document: &str) -> Self {
        Item {
            kind,
            document: document.to_owned(),
            name: None,
            actor: None,
            concept: None,
            stance: None,
            citing: None,
            cited: None,
            evidence: None,
        }
    }
}

/// The result of [`evaluate`]. Serialises to the object `argnet eval
/// --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    pub actors: Score,
    pub concepts: Score,
    pub citations: Score,
    pub statements: Score,
    pub misses: Vec<Item>,
    pub false_positives: Vec<Item>,
    /// Statement confidence against observed precision (`reliability.rs`).
    pub reliability: Vec<Bin>,
    /// Precision, recall and F1 of statements by confidence threshold.
    pub curve: Vec<CurvePoint>,
    /// Every statement of the graph, judged.
    #[serde(skip)]
    pub judged: Vec<Judged>,
    /// Gold documents no graph document matched (all their units are
    /// misses).
    #[serde(skip)]
    pub unmatched_documents: Vec<String>,
}

type Statement = (String, String, String, Stance);

/// Score `graph` against `gold`: precision, recall and F1 of each unit, as
/// sets (the gold README's "Notes for scoring"), with names matched by the
/// rule of [`super::normalise`] and [`super::NameIndex`]. O(E·V + G) for E evidence items, V names per node and
/// G gold units.
///
/// ```
/// use std::path::Path;
/// use argnet::eval::{Gold, evaluate};
/// use argnet::model::{ArgGraph, DocumentRecord, Evidence, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let owen = graph.add_node(Node::new(NodeKind::Actor, "Rob Owen"));
/// let society = graph.add_node(Node::new(NodeKind::Concept, "the Big Society"));
/// let evidence = Evidence {
///     document: "a.txt".into(),
///     span: 0..20,
///     text: "We believe in the Big Society.".into(),
///     confidence: 0.9,
///     basis: None,
/// };
/// graph.add_occurrence(owen, society, Relation::Supports, Some(evidence));
/// graph.documents.push(DocumentRecord {
///     id: "a.txt".into(),
///     file: "seeds/a.txt".into(),
///     meta: Default::default(),
///     sha256: String::new(),
///     bytes: 20,
///     encoding: argnet::corpus::Encoding::Utf8,
///     content: 0..20,
///     sentences: 1,
///     pages: Vec::new(),
///     inferred: None,
/// });
/// let gold = Gold::parse(r#"{"documents": [{"file": "a.txt", "statements": [
///     {"actor": "Rob Owen", "concept": "Big Society", "stance": "support"},
///     {"actor": "Will Hutton", "concept": "Big Society", "stance": "support"}]}]}"#,
///     Path::new("gold.json")).unwrap();
/// let report = evaluate(&graph, &gold);
/// // "the Big Society" matches "Big Society"; Hutton is missed.
/// assert_eq!((report.statements.tp, report.statements.fp, report.statements.false_negatives), (1, 0, 1));
/// assert!((report.statements.f1 - 2.0 / 3.0).abs() < 1e-9);
/// ```
pub fn evaluate(graph: &ArgGraph, gold: &Gold) -> EvalReport {
    // Gold document index by file name, and graph document id → that index.
    let by_file: BTreeMap<&str, usize> = gold
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (base_name(&d.file), i))
        .collect();
    let mut document_of: BTreeMap<&str, usize> = BTreeMap::new();
    for record in &graph.documents {
        let found = by_file
            .get(base_name(&record.id))
            .or_else(|| by_file.get(base_name(&record.file)));
        if let Some(&index) = found {
            document_of.insert(record.id.as_str(), index);
        }
    }
    let matched: BTreeSet<usize> = document_of.values().copied().collect();
    let unmatched_documents = gold
        .documents
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched.contains(i))
        .map(|(_, d)| d.file.clone())
        .collect();

    // Canonical names: the listed actors and concepts with their aliases,
    // then the names statements and citations use (without aliases).
    const NONE: &[String] = &[];
    let actor_names = NameIndex::new(
        &gold
            .documents
            .iter()
            .map(|d| {
                let listed = d
                    .actors
                    .iter()
                    .map(|a| (a.name.as_str(), a.aliases.as_slice()));
                let used = d
                    .statements
                    .iter()
                    .map(|s| (s.actor.as_str(), NONE))
                    .chain(d.citations.iter().map(|c| (c.citing.as_str(), NONE)));
                listed.chain(used).collect()
            })
            .collect::<Vec<_>>(),
    );
    let concept_names = NameIndex::new(
        &gold
            .documents
            .iter()
            .map(|d| {
                let listed = d
                    .concepts
                    .iter()
                    .map(|c| (c.name.as_str(), c.aliases.as_slice()));
                let used = d.statements.iter().map(|s| (s.concept.as_str(), NONE));
                listed.chain(used).collect()
            })
            .collect::<Vec<_>>(),
    );
    let name_of = |node: &Node, document: usize| -> String {
        let index = match node.kind {
            NodeKind::Concept => &concept_names,
            _ => &actor_names,
        };
        let codebook = node
            .attributes
            .get("codebook_aliases")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str());
        let forms = std::iter::once(node.label.as_str())
            .chain(node.aliases.iter().map(String::as_str))
            .chain(codebook);
        index
            .canonical(document, forms)
            .unwrap_or(&node.label)
            .to_owned()
    };
    let file = |index: usize| gold.documents[index].file.clone();

    // Gold units.
    let mut gold_actors = BTreeSet::new();
    let mut gold_concepts = BTreeSet::new();
    let mut gold_statements: BTreeMap<Statement, String> = BTreeMap::new();
    let mut gold_citations: BTreeSet<(String, String, String)> = BTreeSet::new();
    for document in &gold.documents {
        for actor in &document.actors {
            gold_actors.insert((document.file.clone(), actor.name.clone()));
        }
        for concept in &document.concepts {
            gold_concepts.insert((document.file.clone(), concept.name.clone()));
        }
        for s in &document.statements {
            gold_statements
                .entry((
                    document.file.clone(),
                    s.actor.clone(),
                    s.concept.clone(),
                    s.stance,
                ))
                .or_insert_with(|| s.evidence.clone());
        }
        for c in &document.citations {
            gold_citations.insert((document.file.clone(), c.citing.clone(), c.cited.clone()));
        }
    }

    // Graph units.
    let mut actors = BTreeSet::new();
    let mut concepts = BTreeSet::new();
    for (_, node) in graph.nodes() {
        let set = match node.kind {
            NodeKind::Actor => &mut actors,
            NodeKind::Concept => &mut concepts,
            _ => continue,
        };
        for id in &node.documents {
            if let Some(&document) = document_of.get(id.as_str()) {
                set.insert((file(document), name_of(node, document)));
            }
        }
    }
    let mut statements: BTreeMap<Statement, String> = BTreeMap::new();
    let mut evidence_of: BTreeMap<Statement, Vec<(Option<String>, f64)>> = BTreeMap::new();
    let mut citations: BTreeMap<(String, String, String), String> = BTreeMap::new();
    for (source, target, edge) in graph.edges() {
        let (from, to) = (graph.node(source), graph.node(target));
        for evidence in &edge.evidence {
            let Some(&document) = document_of.get(evidence.document.as_str()) else {
                continue;
            };
            // Statements are actors' stances; a claim's stance edge
            // repeats its asserter's.
            if edge.relation.is_stance() && from.kind != NodeKind::Claim {
                let stance = if edge.relation == Relation::Supports {
                    Stance::Support
                } else {
                    Stance::Critique
                };
                let key = (
                    file(document),
                    name_of(from, document),
                    name_of(to, document),
                    stance,
                );
                evidence_of
                    .entry(key.clone())
                    .or_default()
                    .push((evidence.basis.clone(), evidence.confidence));
                statements
                    .entry(key)
                    .or_insert_with(|| evidence.text.clone());
            } else if edge.relation == Relation::Cites {
                let citing = if from.kind == NodeKind::Document {
                    gold.documents[document]
                        .author
                        .clone()
                        .unwrap_or_else(|| from.label.clone())
                } else {
                    name_of(from, document)
                };
                citations
                    .entry((file(document), citing, to.label.clone()))
                    .or_insert_with(|| evidence.text.clone());
            }
        }
    }

    let mut misses = Vec::new();
    let mut false_positives = Vec::new();
    let actors_score = compare_names(
        &gold_actors,
        &actors,
        Unit::Actor,
        &mut misses,
        &mut false_positives,
    );
    let concepts_score = compare_names(
        &gold_concepts,
        &concepts,
        Unit::Concept,
        &mut misses,
        &mut false_positives,
    );

    let mut tp = 0;
    for (key, evidence) in &gold_statements {
        if statements.contains_key(key) {
            tp += 1;
        } else {
            misses.push(statement_item(key, evidence));
        }
    }
    for (key, evidence) in &statements {
        if !gold_statements.contains_key(key) {
            false_positives.push(statement_item(key, evidence));
        }
    }
    let statements_score = Score::new(tp, statements.len() - tp, gold_statements.len() - tp);
    let judged: Vec<Judged> = evidence_of
        .into_iter()
        .map(|(key, evidence)| {
            let correct = gold_statements.contains_key(&key);
            let (document, actor, concept, stance) = key;
            Judged {
                document,
                actor,
                concept,
                stance,
                confidence: evidence.iter().map(|e| e.1).fold(0.0, f64::max),
                evidence,
                correct,
            }
        })
        .collect();

    // Citations: one-to-one, by document and citing actor, fuzzy on the
    // cited name.
    let mut used: BTreeSet<&(String, String, String)> = BTreeSet::new();
    let mut tp = 0;
    for key in &gold_citations {
        let (document, citing, cited) = key;
        let found = citations.keys().find(|candidate| {
            !used.contains(candidate)
                && &candidate.0 == document
                && &candidate.1 == citing
                && contains_either(&candidate.2, cited)
        });
        match found {
            Some(candidate) => {
                used.insert(candidate);
                tp += 1;
            }
            None => misses.push(citation_item(key, None)),
        }
    }
    for (key, evidence) in &citations {
        if !used.contains(key) {
            false_positives.push(citation_item(key, Some(evidence)));
        }
    }
    let citations_score = Score::new(tp, citations.len() - tp, gold_citations.len() - tp);

    misses.sort();
    false_positives.sort();
    EvalReport {
        actors: actors_score,
        concepts: concepts_score,
        citations: citations_score,
        statements: statements_score,
        misses,
        false_positives,
        reliability: reliability(&judged),
        curve: curve(&judged, gold_statements.len()),
        judged,
        unmatched_documents,
    }
}

fn compare_names(
    gold: &BTreeSet<(String, String)>,
    found: &BTreeSet<(String, String)>,
    unit: Unit,
    misses: &mut Vec<Item>,
    false_positives: &mut Vec<Item>,
) -> Score {
    let item = |(document, name): &(String, String)| Item {
        name: Some(name.clone()),
        ..Item::new(unit, document)
    };
    misses.extend(gold.difference(found).map(item));
    false_positives.extend(found.difference(gold).map(item));
    let tp = gold.intersection(found).count();
    Score::new(tp, found.len() - tp, gold.len() - tp)
}

fn statement_item(key: &Statement, evidence: &str) -> Item {
    let (document, actor, concept, stance) = key;
    Item {
        actor: Some(actor.clone()),
        concept: Some(concept.clone()),
        stance: Some(*stance),
        evidence: (!evidence.is_empty()).then(|| evidence.to_owned()),
        ..Item::new(Unit::Statement, document)
    }
}

fn citation_item(key: &(String, String, String), evidence: Option<&String>) -> Item {
    let (document, citing, cited) = key;
    Item {
        citing: Some(citing.clone()),
        cited: Some(cited.clone()),
        evidence: evidence.cloned(),
        ..Item::new(Unit::Citation, document)
    }
}

fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

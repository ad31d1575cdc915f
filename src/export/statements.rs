//! Export stage: the long tables beside nodes and edges, as typed tables
//! (`table.rs`) that the CSV and spreadsheet writers share.
//!
//! - `evidence`: every evidence sentence of the graph, one row each.
//! - `statements`: one row per statement — every piece of evidence of an
//!   actor's `supports` or `critiques` edge to a concept — in the columns
//!   of DNA's statement export (actor, organisation, concept, agreement,
//!   document, date, text) plus argnet's (stance, ids, span, confidence,
//!   basis); `argnet import` reads it back.
//! - `actor_concept`: the actor × concept matrix, support minus critique
//!   statements (DNA's two-mode network with the `subtract` qualifier
//!   aggregation), actors in rows and concepts in columns, in graph order.

use std::collections::{BTreeMap, HashMap};

use petgraph::graph::NodeIndex;

use super::csv::table_to_csv;
use super::table::{Column, Dates, Table, Value, ValueType};
use crate::model::{ArgGraph, NodeKind, Relation};

fn columns(names: &[(&str, ValueType)]) -> Vec<Column> {
    names
        .iter()
        .map(|&(name, value_type)| Column {
            name: name.to_owned(),
            value_type,
        })
        .collect()
}

fn text(value: impl Into<String>) -> Option<Value> {
    Some(Value::Text(value.into()))
}

fn some_text(value: Option<&str>) -> Option<Value> {
    value.and_then(text)
}

fn long(value: usize) -> Option<Value> {
    Some(Value::Long(i64::try_from(value).unwrap_or(i64::MAX)))
}

/// Every evidence sentence: the edge (`e0`, `e1`, … in edge order, as
/// GraphML and GEXF number them), its ends and relation, the document with
/// its title and date, the byte span, the page (PDF), confidence, basis
/// and sentence.
pub(crate) fn evidence_table(graph: &ArgGraph) -> Table {
    let dates = Dates::new(graph);
    let titles = titles(graph);
    let mut rows = Vec::new();
    for (number, (source, target, edge)) in graph.edges().enumerate() {
        for evidence in &edge.evidence {
            rows.push(vec![
                text(format!("e{number}")),
                text(graph.node(source).key.clone()),
                text(graph.node(target).key.clone()),
                text(edge.relation.as_str()),
                text(evidence.document.clone()),
                some_text(titles.get(evidence.document.as_str()).copied()),
                some_text(dates.date(&evidence.document)),
                long(evidence.span.start),
                long(evidence.span.end),
                dates
                    .page(&evidence.document, evidence.span.start)
                    .and_then(long),
                Some(Value::Double(evidence.confidence)),
                some_text(evidence.basis.as_deref()),
                text(evidence.text.clone()),
            ]);
        }
    }
    Table {
        columns: columns(&[
            ("edge", ValueType::Text),
            ("source", ValueType::Text),
            ("target", ValueType::Text),
            ("relation", ValueType::Text),
            ("document", ValueType::Text),
            ("document_title", ValueType::Text),
            ("document_date", ValueType::Text),
            ("start", ValueType::Long),
            ("end", ValueType::Long),
            ("page", ValueType::Long),
            ("confidence", ValueType::Double),
            ("basis", ValueType::Text),
            ("sentence", ValueType::Text),
        ]),
        rows,
    }
}

fn titles(graph: &ArgGraph) -> HashMap<&str, &str> {
    graph
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.meta.title.as_deref()?)))
        .collect()
}

/// The organisations an actor is affiliated with: its `affiliated_with`
/// edges, else its codebook `affiliation` attribute; joined with "; ".
fn organisations(graph: &ArgGraph) -> HashMap<NodeIndex, String> {
    let mut found: BTreeMap<NodeIndex, Vec<String>> = BTreeMap::new();
    for (source, target, edge) in graph.edges() {
        if edge.relation == Relation::AffiliatedWith {
            found
                .entry(source)
                .or_default()
                .push(graph.node(target).label.clone());
        }
    }
    for (index, node) in graph.nodes() {
        if let (None, Some(affiliation)) = (
            found.get(&index),
            node.attributes.get("affiliation").and_then(|a| a.as_str()),
        ) {
            found.insert(index, vec![affiliation.to_owned()]);
        }
    }
    found
        .into_iter()
        .map(|(index, names)| (index, names.join("; ")))
        .collect()
}

/// One row per statement (see the module documentation).
pub(crate) fn statement_table(graph: &ArgGraph) -> Table {
    let dates = Dates::new(graph);
    let titles = titles(graph);
    let organisations = organisations(graph);
    let mut rows = Vec::new();
    for (source, target, edge) in graph.edges() {
        let is_statement = edge.relation.is_stance()
            && graph.node(source).kind == NodeKind::Actor
            && graph.node(target).kind == NodeKind::Concept;
        if !is_statement {
            continue;
        }
        let (agreement, stance) = if edge.relation == Relation::Supports {
            (1, "support")
        } else {
            (0, "critique")
        };
        for evidence in &edge.evidence {
            rows.push(vec![
                text(format!("s{}", rows.len() + 1)),
                text(graph.node(source).label.clone()),
                some_text(organisations.get(&source).map(String::as_str)),
                text(graph.node(target).label.clone()),
                Some(Value::Long(agreement)),
                text(stance),
                text(evidence.document.clone()),
                some_text(titles.get(evidence.document.as_str()).copied()),
                some_text(dates.date(&evidence.document)),
                text(evidence.text.clone()),
                text(graph.node(source).key.clone()),
                text(graph.node(target).key.clone()),
                long(evidence.span.start),
                long(evidence.span.end),
                dates
                    .page(&evidence.document, evidence.span.start)
                    .and_then(long),
                Some(Value::Double(evidence.confidence)),
                some_text(evidence.basis.as_deref()),
            ]);
        }
    }
    Table {
        columns: columns(&[
            ("statement", ValueType::Text),
            ("actor", ValueType::Text),
            ("organisation", ValueType::Text),
            ("concept", ValueType::Text),
            ("agreement", ValueType::Long),
            ("stance", ValueType::Text),
            ("document", ValueType::Text),
            ("title", ValueType::Text),
            ("date", ValueType::Text),
            ("text", ValueType::Text),
            ("actor_id", ValueType::Text),
            ("concept_id", ValueType::Text),
            ("start", ValueType::Long),
            ("end", ValueType::Long),
            ("page", ValueType::Long),
            ("confidence", ValueType::Double),
            ("basis", ValueType::Text),
        ]),
        rows,
    }
}

/// The actor × concept matrix (see the module documentation).
pub(crate) fn actor_concept_table(graph: &ArgGraph) -> Table {
    let two = crate::analysis::two_mode(graph);
    let mut columns = vec![Column {
        name: "actor".into(),
        value_type: ValueType::Text,
    }];
    columns.extend(two.concepts.iter().map(|&c| Column {
        name: graph.node(c).label.clone(),
        value_type: ValueType::Double,
    }));
    let mut cells = vec![vec![0.0; two.concepts.len()]; two.actors.len()];
    for &(actor, concept, support, critique) in &two.statements {
        cells[actor as usize][concept as usize] = support - critique;
    }
    let rows = two
        .actors
        .iter()
        .zip(cells)
        .map(|(&actor, values)| {
            let mut row = vec![text(graph.node(actor).label.clone())];
            row.extend(values.into_iter().map(|v| {
                Some(if v.fract() == 0.0 && v.abs() < 1e15 {
                    Value::Long(v as i64)
                } else {
                    Value::Double(v)
                })
            }));
            row
        })
        .collect();
    Table { columns, rows }
}

/// One row per statement, as CSV text (see the module documentation).
///
/// ```
/// use argnet::export::statements_to_csv;
/// use argnet::model::{ArgGraph, Evidence, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// let said = Evidence {
///     document: "d.txt".into(), span: 0..9, text: "A hates C".into(),
///     confidence: 0.7, basis: None,
/// };
/// graph.add_occurrence(a, c, Relation::Critiques, Some(said));
/// let csv = statements_to_csv(&graph);
/// assert!(csv.starts_with(r#""statement","actor","organisation","concept","agreement","stance","#));
/// assert!(csv.contains("\ns1,A,,C,0,critique,d.txt,,,A hates C,actor:a,concept:c,0,9,,0.7,\n"));
/// ```
pub fn statements_to_csv(graph: &ArgGraph) -> String {
    table_to_csv(&statement_table(graph))
}

/// The actor × concept matrix as CSV text: a header of concept labels,
/// then one row per actor with a stance.
///
/// ```
/// use argnet::export::actor_concept_to_csv;
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let b = graph.add_node(Node::new(NodeKind::Actor, "B"));
/// let x = graph.add_node(Node::new(NodeKind::Concept, "X"));
/// let y = graph.add_node(Node::new(NodeKind::Concept, "Y"));
/// graph.add_occurrence(a, x, Relation::Supports, None);
/// graph.add_occurrence(a, x, Relation::Supports, None);
/// graph.add_occurrence(a, y, Relation::Critiques, None);
/// graph.add_occurrence(b, y, Relation::Supports, None);
/// assert_eq!(actor_concept_to_csv(&graph), "\"actor\",\"X\",\"Y\"\nA,2,-1\nB,0,1\n");
/// ```
pub fn actor_concept_to_csv(graph: &ArgGraph) -> String {
    table_to_csv(&actor_concept_table(graph))
}

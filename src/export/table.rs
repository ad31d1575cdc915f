//! Export stage: the graph as two typed tables (nodes, edges), the common
//! ground of the tabular and attribute-keyed formats (GraphML, GEXF, CSV).
//! Every format declares the same columns with the same types, so a value
//! reads back the same in every tool. It writes nothing itself.
//!
//! Node columns: `label`, `kind`, `subkind`, `mentions`, `documents` and
//! `aliases` (joined with "; "), `first_date` and `last_date` (the earliest
//! and latest date of its documents), `author` (of a document node), then
//! every node attribute in name order (an attribute whose name is taken is
//! written as `attribute_<name>`). Edge columns: `relation`, `weight`,
//! `evidence_count`, the first piece of evidence (`evidence`, the sentence,
//! and `evidence_document`), the edge's `confidence` (the highest of its
//! evidence), `first_date` and `last_date` of its evidence, and `evidence_all`:
//! every sentence as `document: sentence`, separated by a blank line (a
//! sentence never holds one: blank lines end blocks). The CSV export leaves
//! `evidence_all` out and writes `evidence.csv` instead, one row a sentence.

use std::collections::BTreeMap;

use super::style::number;
use crate::model::ArgGraph;

/// Separator of list values in one cell.
pub(crate) const LIST_SEPARATOR: &str = "; ";

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueType {
    Boolean,
    Long,
    Double,
    Text,
}

impl ValueType {
    /// The name in GraphML `attr.type`, GEXF `type` and Neo4j headers.
    pub fn xml_name(self) -> &'static str {
        match self {
            ValueType::Boolean => "boolean",
            ValueType::Long => "long",
            ValueType::Double => "double",
            ValueType::Text => "string",
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Boolean(bool),
    Long(i64),
    Double(f64),
    Text(String),
}

impl Value {
    /// The cell as text: `true`/`false`, decimal integers, floats in the
    /// fixed form of [`number`], text as is.
    pub fn to_text(&self) -> String {
        match self {
            Value::Boolean(b) => b.to_string(),
            Value::Long(n) => n.to_string(),
            Value::Double(x) => number(*x),
            Value::Text(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub name: String,
    pub value_type: ValueType,
}

/// Columns and one row per node or edge, in graph order. `None` is a
/// missing value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Option<Value>>>,
}

const NODE_COLUMNS: [(&str, ValueType); 9] = [
    ("label", ValueType::Text),
    ("kind", ValueType::Text),
    ("subkind", ValueType::Text),
    ("mentions", ValueType::Long),
    ("documents", ValueType::Text),
    ("aliases", ValueType::Text),
    (FIRST_DATE, ValueType::Text),
    (LAST_DATE, ValueType::Text),
    ("author", ValueType::Text),
];

/// The earliest and latest date (`YYYY-MM-DD`) of the documents a node
/// appears in or an edge's evidence comes from; empty without dates.
pub(crate) const FIRST_DATE: &str = "first_date";
pub(crate) const LAST_DATE: &str = "last_date";

/// The edge column that holds every sentence.
pub(crate) const EVIDENCE_ALL: &str = "evidence_all";

const EDGE_COLUMNS: [(&str, ValueType); 9] = [
    ("relation", ValueType::Text),
    ("weight", ValueType::Double),
    ("evidence_count", ValueType::Long),
    ("evidence", ValueType::Text),
    ("evidence_document", ValueType::Text),
    ("confidence", ValueType::Double),
    (FIRST_DATE, ValueType::Text),
    (LAST_DATE, ValueType::Text),
    (EVIDENCE_ALL, ValueType::Text),
];

/// Document dates and authors by document id.
pub(crate) struct Dates<'a> {
    documents: std::collections::HashMap<&'a str, &'a crate::model::DocumentRecord>,
}

impl<'a> Dates<'a> {
    pub fn new(graph: &'a ArgGraph) -> Self {
        Dates {
            documents: graph.documents.iter().map(|d| (d.id.as_str(), d)).collect(),
        }
    }

    pub fn date(&self, document: &str) -> Option<&'a str> {
        self.documents.get(document)?.meta.date.as_deref()
    }

    /// The page (from 1) of byte `offset` of a document with pages (PDF).
    pub fn page(&self, document: &str, offset: usize) -> Option<usize> {
        let pages = &self.documents.get(document)?.pages;
        (!pages.is_empty()).then(|| 1 + pages.partition_point(|&start| start <= offset))
    }

    pub fn author(&self, document: &str) -> Option<&'a str> {
        self.documents.get(document)?.meta.author.as_deref()
    }

    /// The earliest and latest date of `documents`, if any has one.
    pub fn range<'b>(
        &self,
        documents: impl IntoIterator<Item = &'b str>,
    ) -> Option<(&'a str, &'a str)> {
        let mut dates = documents.into_iter().filter_map(|d| self.date(d));
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }
}

/// The node table of `graph`.
pub(crate) fn node_table(graph: &ArgGraph) -> Table {
    // Every attribute name with the values it takes, for its type.
    let mut attributes: BTreeMap<&str, Vec<&serde_json::Value>> = BTreeMap::new();
    for (_, node) in graph.nodes() {
        for (name, value) in &node.attributes {
            attributes.entry(name).or_default().push(value);
        }
    }
    let attribute_types: Vec<(&str, ValueType)> = attributes
        .iter()
        .map(|(name, values)| (*name, infer_type(values)))
        .collect();
    let mut columns = fixed(&NODE_COLUMNS);
    for (name, value_type) in &attribute_types {
        let taken = NODE_COLUMNS.iter().any(|(fixed, _)| fixed == name) || *name == "id";
        columns.push(Column {
            name: if taken {
                format!("attribute_{name}")
            } else {
                (*name).to_owned()
            },
            value_type: *value_type,
        });
    }
    let dates = Dates::new(graph);
    let rows = graph
        .nodes()
        .map(|(_, node)| {
            let range = dates.range(node.documents.iter().map(String::as_str));
            let author = (node.kind == crate::model::NodeKind::Document)
                .then(|| node.documents.first().and_then(|d| dates.author(d)))
                .flatten();
            let mut row = vec![
                Some(Value::Text(node.label.clone())),
                Some(Value::Text(node.kind.as_str().to_owned())),
                node.subkind.clone().map(Value::Text),
                Some(Value::Long(
                    i64::try_from(node.mentions).unwrap_or(i64::MAX),
                )),
                Some(Value::Text(join(&node.documents))),
                Some(Value::Text(join(&node.aliases))),
                range.map(|r| Value::Text(r.0.to_owned())),
                range.map(|r| Value::Text(r.1.to_owned())),
                author.map(|a| Value::Text(a.to_owned())),
            ];
            for (name, value_type) in &attribute_types {
                row.push(
                    node.attributes
                        .get(*name)
                        .and_then(|v| convert(v, *value_type)),
                );
            }
            row
        })
        .collect();
    Table { columns, rows }
}

/// The edge table of `graph`.
pub(crate) fn edge_table(graph: &ArgGraph) -> Table {
    let dates = Dates::new(graph);
    let rows = graph
        .edges()
        .map(|(_, _, edge)| {
            let first = edge.evidence.first();
            let range = dates.range(edge.evidence.iter().map(|e| e.document.as_str()));
            vec![
                Some(Value::Text(edge.relation.as_str().to_owned())),
                Some(Value::Double(edge.weight)),
                Some(Value::Long(edge.evidence.len() as i64)),
                first.map(|e| Value::Text(e.text.clone())),
                first.map(|e| Value::Text(e.document.clone())),
                first.map(|_| Value::Double(edge.confidence())),
                range.map(|r| Value::Text(r.0.to_owned())),
                range.map(|r| Value::Text(r.1.to_owned())),
                first.map(|_| {
                    let all: Vec<String> = edge
                        .evidence
                        .iter()
                        .map(|e| format!("{}: {}", e.document, e.text))
                        .collect();
                    Value::Text(all.join("\n\n"))
                }),
            ]
        })
        .collect();
    Table {
        columns: fixed(&EDGE_COLUMNS),
        rows,
    }
}

fn fixed(columns: &[(&str, ValueType)]) -> Vec<Column> {
    columns
        .iter()
        .map(|(name, value_type)| Column {
            name: (*name).to_owned(),
            value_type: *value_type,
        })
        .collect()
}

fn join<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(LIST_SEPARATOR)
}

/// The narrowest type that holds every non-null value.
fn infer_type(values: &[&serde_json::Value]) -> ValueType {
    let present: Vec<_> = values.iter().filter(|v| !v.is_null()).collect();
    if present.is_empty() {
        ValueType::Text
    } else if present.iter().all(|v| v.is_boolean()) {
        ValueType::Boolean
    } else if present.iter().all(|v| v.is_i64()) {
        ValueType::Long
    } else if present.iter().all(|v| v.is_number()) {
        ValueType::Double
    } else {
        ValueType::Text
    }
}

fn convert(value: &serde_json::Value, value_type: ValueType) -> Option<Value> {
    use serde_json::Value as Json;
    Some(match (value_type, value) {
        (_, Json::Null) => return None,
        (ValueType::Boolean, Json::Bool(b)) => Value::Boolean(*b),
        (ValueType::Long, v) => Value::Long(v.as_i64()?),
        (ValueType::Double, v) => Value::Double(v.as_f64()?),
        (_, Json::String(s)) => Value::Text(s.clone()),
        (_, Json::Array(items)) if items.iter().all(|i| i.is_string()) => Value::Text(
            items
                .iter()
                .filter_map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR),
        ),
        (_, other) => Value::Text(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    #[test]
    fn attribute_types_table() {
        let rows: [(Vec<serde_json::Value>, ValueType); 6] = [
            (vec![true.into(), false.into()], ValueType::Boolean),
            (vec![1.into(), 2.into()], ValueType::Long),
            (vec![1.into(), 0.5.into()], ValueType::Double),
            (vec![1.into(), "a".into()], ValueType::Text),
            (vec![serde_json::Value::Null], ValueType::Text),
            (vec![serde_json::json!(["a", "b"])], ValueType::Text),
        ];
        for (values, want) in rows {
            let refs: Vec<_> = values.iter().collect();
            assert_eq!(infer_type(&refs), want, "{values:?}");
        }
    }

    #[test]
    fn node_table_types_and_renames() {
        let mut graph = ArgGraph::new("g");
        let mut a = Node::new(NodeKind::Concept, "a");
        a.attributes.insert("pagerank".into(), 1.into());
        a.attributes.insert("label".into(), "clash".into());
        a.attributes
            .insert("tags".into(), serde_json::json!(["x", "y"]));
        graph.add_node(a);
        let mut b = Node::new(NodeKind::Concept, "b");
        b.attributes.insert("pagerank".into(), 0.25.into());
        graph.add_node(b);
        let table = node_table(&graph);
        let names: Vec<_> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "label",
                "kind",
                "subkind",
                "mentions",
                "documents",
                "aliases",
                "first_date",
                "last_date",
                "author",
                "attribute_label",
                "pagerank",
                "tags"
            ]
        );
        assert_eq!(table.columns[10].value_type, ValueType::Double);
        assert_eq!(table.rows[0][10], Some(Value::Double(1.0)));
        assert_eq!(table.rows[0][11], Some(Value::Text("x; y".into())));
        assert_eq!(table.rows[1][9], None);
    }
}

//! Export stage: the graph as CSV files, `nodes.csv` and `edges.csv`
//! (RFC 4180 quoting by the csv crate, UTF-8 without a byte-order mark, `\n`
//! line ends), for spreadsheets, pandas and R. With [`CsvHeaders::Neo4j`]
//! the headers follow `neo4j-admin database import` (`id:ID`, `:LABEL`,
//! `:START_ID`, `:END_ID`, `:TYPE`, typed `name:long` columns, `string[]`
//! lists split on `;`). The columns are those of `table.rs`. It writes no
//! file itself: the caller names them.
//!
//! Every row of the plain files is one line: a line break inside a cell
//! and the white space around it become one space (Kùzu's loader, among
//! others, stops at a line break inside quotes; the Neo4j files keep them).
//! Text from documents never becomes a live spreadsheet formula: in the
//! plain files a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'` (OWASP's advice on CSV injection), so
//! Excel and LibreOffice show it as text. Numbers are written as they are,
//! and the Neo4j files, read by a database importer, keep every cell exact.

use super::table::{self, Table, Value, ValueType};
use crate::model::ArgGraph;

/// Header conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvHeaders {
    /// Plain names: `id,label,kind,…` and `source,target,relation,…`.
    #[default]
    Plain,
    /// Neo4j's bulk importer.
    Neo4j,
}

/// Neo4j's default array delimiter.
const NEO4J_ARRAY_DELIMITER: &str = ";";

/// The graph as `(nodes.csv, edges.csv)` text.
///
/// ```
/// use argnet::export::{CsvHeaders, graph_to_csv};
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "Smith, \"Jr\""));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let (nodes, edges) = graph_to_csv(&graph, CsvHeaders::Plain);
/// assert!(nodes.starts_with(r#""id","label","kind","subkind","mentions","documents","#));
/// assert!(nodes.contains("actor:smith-jr,\"Smith, \"\"Jr\"\"\",actor,"));
/// assert!(edges.contains("actor:smith-jr,concept:c,supports,1.0,0,,,,,\n"));
/// let (nodes, edges) = graph_to_csv(&graph, CsvHeaders::Neo4j);
/// assert!(nodes.starts_with("id:ID,:LABEL,label,kind,subkind,mentions:long,"));
/// assert!(edges.contains(":START_ID,:END_ID,:TYPE,relation,weight:double"));
/// ```
pub fn graph_to_csv(graph: &ArgGraph, headers: CsvHeaders) -> (String, String) {
    let mut nodes = table::node_table(graph);
    let mut edges = table::edge_table(graph);
    // Every sentence goes to evidence.csv, one row each, not into a cell.
    if let Some(at) = edges
        .columns
        .iter()
        .position(|c| c.name == table::EVIDENCE_ALL)
    {
        edges.columns.remove(at);
        for row in &mut edges.rows {
            row.remove(at);
        }
    }
    let neo4j = headers == CsvHeaders::Neo4j;
    if neo4j {
        // Lists split on Neo4j's delimiter, which has no space after it.
        for ((_, node), row) in graph.nodes().zip(nodes.rows.iter_mut()) {
            row[4] = Some(Value::Text(neo4j_list(&node.documents)));
            row[5] = Some(Value::Text(neo4j_list(&node.aliases)));
        }
    }

    let mut header = vec![if neo4j { "id:ID" } else { "id" }.to_owned()];
    if neo4j {
        header.push(":LABEL".to_owned());
    }
    header.extend(column_headers(&nodes, neo4j));
    let node_rows = graph.nodes().zip(&nodes.rows).map(|((_, node), row)| {
        let mut record = vec![node.key.clone()];
        if neo4j {
            let mut labels = vec![capitalised(node.kind.as_str())];
            labels.extend(node.subkind.as_deref().map(capitalised));
            record.push(labels.join(NEO4J_ARRAY_DELIMITER));
        }
        record.extend(cells(row, !neo4j));
        record
    });
    let nodes_csv = write(header, node_rows, !neo4j);

    let mut header: Vec<String> = if neo4j {
        vec![":START_ID".into(), ":END_ID".into(), ":TYPE".into()]
    } else {
        vec!["source".into(), "target".into()]
    };
    header.extend(column_headers(&edges, neo4j));
    let edge_rows = graph
        .edges()
        .zip(&edges.rows)
        .map(|((source, target, edge), row)| {
            let mut record = vec![
                graph.node(source).key.clone(),
                graph.node(target).key.clone(),
            ];
            if neo4j {
                record.push(edge.relation.as_str().to_uppercase());
            }
            record.extend(cells(row, !neo4j));
            record
        });
    let edges_csv = write(header, edge_rows, !neo4j);
    (nodes_csv, edges_csv)
}

fn column_headers(table: &Table, neo4j: bool) -> Vec<String> {
    table
        .columns
        .iter()
        .map(|column| {
            if !neo4j {
                return column.name.clone();
            }
            match (column.name.as_str(), column.value_type) {
                ("documents" | "aliases", _) => format!("{}:string[]", column.name),
                (_, ValueType::Text) => column.name.clone(),
                (_, value_type) => format!("{}:{}", column.name, value_type.xml_name()),
            }
        })
        .collect()
}

/// Every evidence sentence of the graph, one row each, as `evidence.csv`
/// text: the edge (`e0`, `e1`, … in edge order, as GraphML and GEXF number
/// them; `source,target,relation` joins it to `edges.csv`), the document
/// with its title and date, the sentence's byte span, its confidence and
/// basis, and the sentence. `edges.csv` carries only each edge's first
/// sentence; this is the whole record. Text cells are formula-safe.
///
/// ```
/// use argnet::export::evidence_to_csv;
/// use argnet::model::{ArgGraph, Evidence, Node, NodeKind, Relation};
///
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// let said = |text: &str, at: usize| Evidence {
///     document: "d.txt".into(),
///     span: at..at + text.len(),
///     text: text.into(),
///     confidence: 0.8,
///     basis: Some("turn+cue-strong".into()),
/// };
/// graph.add_occurrence(a, c, Relation::Supports, Some(said("A backs C.", 0)));
/// graph.add_occurrence(a, c, Relation::Supports, Some(said("=C is vital.", 11)));
/// let csv = evidence_to_csv(&graph);
/// assert_eq!(csv.lines().count(), 3);
/// assert!(csv.contains("e0,actor:a,concept:c,supports,d.txt,,,11,23,,0.8,turn+cue-strong,'=C is vital."));
/// ```
pub fn evidence_to_csv(graph: &ArgGraph) -> String {
    table_to_csv(&super::statements::evidence_table(graph))
}

/// A table as plain CSV: its column names, then its rows, text cells on
/// one line and formula-safe.
pub(crate) fn table_to_csv(table: &Table) -> String {
    // Column names can be labels (the actor × concept matrix).
    let header = table.columns.iter().map(|c| plain(&c.name)).collect();
    write(
        header,
        table.rows.iter().map(|row| cells(row, true).collect()),
        true,
    )
}

/// The cells of a row; `safe` neutralises formula-like text.
fn cells(row: &[Option<Value>], safe: bool) -> impl Iterator<Item = String> + '_ {
    row.iter().map(move |value| match value {
        Some(Value::Text(text)) if safe => plain(text),
        Some(value) => value.to_text(),
        None => String::new(),
    })
}

/// A text cell of the plain CSV files: on one line (a line break and the
/// white space around it become one space, since several CSV loaders,
/// Kùzu's among them, stop at a line break inside quotes) and
/// formula-safe.
fn plain(text: &str) -> String {
    not_a_formula(&one_line(text))
}

/// `text` with every run of white space that holds a line break made one
/// space, and then trimmed (a text without line breaks is kept as it is).
pub(crate) fn one_line(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut words = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|w| !w.is_empty());
    if let Some(first) = words.next() {
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
    out
}

/// `text`, with a `'` before it when a spreadsheet would read it as a
/// formula.
pub fn not_a_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A header row and records as CSV text. The plain files quote every
/// header name (`quote_header`): Kùzu's loader guesses from the start of a
/// file whether fields are quoted, and a file whose first quoted cell comes
/// hundreds of rows down failed to load with its defaults.
fn write(
    header: Vec<String>,
    rows: impl Iterator<Item = Vec<String>>,
    quote_header: bool,
) -> String {
    let mut text = String::new();
    if quote_header {
        let names: Vec<String> = header
            .iter()
            .map(|name| format!("\"{}\"", name.replace('"', "\"\"")))
            .collect();
        text.push_str(&names.join(","));
        text.push('\n');
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing into a Vec cannot fail; every record has the header's length.
    if !quote_header {
        writer.write_record(&header).expect("CSV into memory");
    }
    for row in rows {
        writer.write_record(&row).expect("CSV into memory");
    }
    let bytes = writer.into_inner().expect("CSV into memory");
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

fn neo4j_list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    items
        .into_iter()
        .map(|item| item.replace(NEO4J_ARRAY_DELIMITER, ","))
        .collect::<Vec<_>>()
        .join(NEO4J_ARRAY_DELIMITER)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, NodeKind};

    /// Rows: a label, how the plain CSV writes it.
    #[test]
    fn formula_like_text_is_not_a_formula() {
        let rows = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK"),
            ("+1 more", "'+1 more"),
            ("-2 votes", "'-2 votes"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("plain = fine", "plain = fine"),
        ];
        for (label, want) in rows {
            let mut graph = ArgGraph::new("g");
            graph.add_node(Node::new(NodeKind::Actor, label));
            let (plain, _) = graph_to_csv(&graph, CsvHeaders::Plain);
            let row = plain.lines().nth(1).unwrap();
            let cell = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(row.as_bytes())
                .records()
                .next()
                .unwrap()
                .unwrap()[1]
                .to_owned();
            assert!(cell.starts_with(want), "{label}: {cell}");
            let (neo4j, _) = graph_to_csv(&graph, CsvHeaders::Neo4j);
            assert!(!neo4j.contains(&format!("'{label}")), "{neo4j}");
        }
    }

    #[test]
    fn lists_and_line_breaks() {
        let mut graph = ArgGraph::new("g");
        let mut node = Node::new(NodeKind::Actor, "two\nlines");
        node.subkind = Some("person".into());
        node.aliases.insert("A;B".into());
        node.aliases.insert("C".into());
        graph.add_node(node);
        let (plain, _) = graph_to_csv(&graph, CsvHeaders::Plain);
        // One line per row in the plain files, exact cells for Neo4j.
        assert!(
            plain.contains(",two lines,actor,person,0,,A;B; C,,,\n"),
            "{plain}"
        );
        assert_eq!(one_line("  a \r\n  b\n\nc "), "a b c");
        let (neo4j, _) = graph_to_csv(&graph, CsvHeaders::Neo4j);
        assert!(neo4j.contains("Actor;Person,\"two\nlines\""), "{neo4j}");
        assert!(neo4j.contains(",\"A,B;C\",,,\n"), "{neo4j}");
    }
}

//! Export stage: the graph as an Excel workbook (`.xlsx`), the spreadsheet
//! route that needs no import dialog: UTF-8 is never misread as a local
//! code page, text is written as text (never a formula, whatever it starts
//! with), numbers as numbers. Sheets: `nodes` and `edges` (the columns of
//! `table.rs`, without `evidence_all`), `evidence` (every sentence),
//! `statements` (one row per statement, as DNA exports them) and
//! `actor_concept` (the actor × concept matrix); header rows frozen and
//! filterable. Written in memory with `rust_xlsxwriter`. Excel's limits
//! hold: a cell keeps at most 32,767 characters (longer text is cut, with
//! "…"), a sheet 1,048,576 rows and 16,384 columns (more is an error that
//! points to CSV).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::statements::{actor_concept_table, evidence_table, statement_table};
use super::table::{self, EVIDENCE_ALL, Table, Value};
use crate::error::{Error, Result};
use crate::model::ArgGraph;

/// Excel's most characters in a cell.
const CELL_CHARACTERS: usize = 32_767;
const MAX_ROWS: usize = 1_048_576;
const MAX_COLUMNS: usize = 16_384;

/// The graph as the bytes of an `.xlsx` workbook.
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// let mut graph = ArgGraph::new("g");
/// let a = graph.add_node(Node::new(NodeKind::Actor, "=HYPERLINK(\"x\")"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let bytes = argnet::export::graph_to_xlsx(&graph).unwrap();
/// assert!(bytes.starts_with(b"PK")); // a zip file
/// ```
pub fn graph_to_xlsx(graph: &ArgGraph) -> Result<Vec<u8>> {
    let mut nodes = table::node_table(graph);
    nodes.columns.insert(
        0,
        table::Column {
            name: "id".into(),
            value_type: table::ValueType::Text,
        },
    );
    for ((_, node), row) in graph.nodes().zip(nodes.rows.iter_mut()) {
        row.insert(0, Some(Value::Text(node.key.clone())));
    }
    let mut edges = table::edge_table(graph);
    if let Some(at) = edges.columns.iter().position(|c| c.name == EVIDENCE_ALL) {
        edges.columns.remove(at);
        for row in &mut edges.rows {
            row.remove(at);
        }
    }
    for (name, at) in [("source", 0), ("target", 1)] {
        edges.columns.insert(
            at,
            table::Column {
                name: name.into(),
                value_type: table::ValueType::Text,
            },
        );
    }
    for ((source, target, _), row) in graph.edges().zip(edges.rows.iter_mut()) {
        row.insert(0, Some(Value::Text(graph.node(source).key.clone())));
        row.insert(1, Some(Value::Text(graph.node(target).key.clone())));
    }

    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, table) in [
        ("nodes", nodes),
        ("edges", edges),
        ("evidence", evidence_table(graph)),
        ("statements", statement_table(graph)),
        ("actor_concept", actor_concept_table(graph)),
    ] {
        if table.rows.len() + 1 > MAX_ROWS || table.columns.len() > MAX_COLUMNS {
            return Err(Error::InvalidValue {
                name: "--to",
                value: "xlsx".into(),
                message: format!(
                    "the {name} sheet would have {} rows and {} columns, more than a spreadsheet holds (1,048,576 × 16,384); export --to csv instead, or filter the graph first (--top, --kinds)",
                    table.rows.len() + 1,
                    table.columns.len()
                ),
            });
        }
        let sheet = workbook.add_worksheet();
        write_sheet(sheet, name, &table, &bold).map_err(xlsx_error)?;
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

fn xlsx_error(error: XlsxError) -> Error {
    Error::InvalidValue {
        name: "--to",
        value: "xlsx".into(),
        message: format!("cannot write the workbook: {error}"),
    }
}

fn write_sheet(
    sheet: &mut Worksheet,
    name: &str,
    table: &Table,
    bold: &Format,
) -> std::result::Result<(), XlsxError> {
    sheet.set_name(name)?;
    for (column, header) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, cell_text(&header.name), bold)?;
    }
    for (number, row) in table.rows.iter().enumerate() {
        let r = (number + 1) as u32;
        for (column, value) in row.iter().enumerate() {
            let c = column as u16;
            match value {
                None => {}
                Some(Value::Text(text)) => {
                    sheet.write_string(r, c, cell_text(text))?;
                }
                Some(Value::Boolean(b)) => {
                    sheet.write_boolean(r, c, *b)?;
                }
                Some(Value::Long(n)) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Some(Value::Double(x)) if x.is_finite() => {
                    sheet.write_number(r, c, *x)?;
                }
                Some(Value::Double(x)) => {
                    sheet.write_string(r, c, x.to_string())?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !table.columns.is_empty() {
        sheet.autofilter(
            0,
            0,
            table.rows.len() as u32,
            (table.columns.len() - 1) as u16,
        )?;
    }
    Ok(())
}

/// `text`, cut to the characters a cell holds.
fn cell_text(text: &str) -> String {
    if text.chars().count() <= CELL_CHARACTERS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(CELL_CHARACTERS - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_a_cell() {
        let long = "x".repeat(40_000);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), CELL_CHARACTERS);
        assert!(cut.ends_with('…'));
        assert_eq!(cell_text("short"), "short");
    }
}

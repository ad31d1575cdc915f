//! Analysis stage: statements over time. Each sentence behind a
//! `supports` or `critiques` edge is one statement, dated by its document;
//! statements are counted per period (years when the dates span three years
//! or more, else months) for the concepts with the most dated statements,
//! with who made them. Pure.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::graph::NodeIndex;

use crate::model::{ArgGraph, NodeKind, Relation};

/// Statements per period per concept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// Period labels in time order (`2014` or `2014-02`), every period
    /// between the first and the last, empty ones too.
    pub periods: Vec<String>,
    /// The concepts with the most dated statements, most first.
    pub rows: Vec<TimelineRow>,
    /// Dated statements in all, and those of concepts left out of `rows`.
    pub dated: usize,
    pub left_out: usize,
    /// Statements whose document has no date.
    pub undated: usize,
}

/// One concept's statements, one cell per period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineRow {
    pub concept: NodeIndex,
    pub label: String,
    pub cells: Vec<Cell>,
}

/// The statements of one concept in one period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub support: usize,
    pub critique: usize,
    /// Actors who supported / critiqued it then, by label.
    pub supporters: BTreeSet<String>,
    pub critics: BTreeSet<String>,
}

/// The timeline of `graph` with at most `rows` concepts. O(s log s) for s
/// statements.
pub fn timeline(graph: &ArgGraph, rows: usize) -> Timeline {
    let dates: HashMap<&str, &str> = graph
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.meta.date.as_deref()?)))
        .collect();
    // (concept, date, support?, actor)
    let mut statements: Vec<(NodeIndex, &str, bool, &str)> = Vec::new();
    let mut undated = 0;
    for (source, target, edge) in graph.edges() {
        if !edge.relation.is_stance()
            || graph.node(source).kind == NodeKind::Claim
            || graph.node(target).kind == NodeKind::Document
        {
            continue;
        }
        let actor = graph.node(source).label.as_str();
        for evidence in &edge.evidence {
            match dates.get(evidence.document.as_str()) {
                Some(date) if date.len() >= 7 && date.is_ascii() => {
                    statements.push((target, date, edge.relation == Relation::Supports, actor))
                }
                _ => undated += 1,
            }
        }
    }
    let Some(first) = statements.iter().map(|s| s.1).min() else {
        return Timeline {
            undated,
            ..Timeline::default()
        };
    };
    let last = statements.iter().map(|s| s.1).max().unwrap_or(first);
    let by_year = year(last) - year(first) >= 3;
    let period = |date: &str| -> String {
        if by_year {
            date[..4].to_owned()
        } else {
            date[..7].to_owned()
        }
    };
    let periods = periods_between(&period(first), &period(last), by_year);
    let column: HashMap<&str, usize> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();

    let mut per_concept: BTreeMap<NodeIndex, Vec<Cell>> = BTreeMap::new();
    for &(concept, date, support, actor) in &statements {
        let cells = per_concept
            .entry(concept)
            .or_insert_with(|| vec![Cell::default(); periods.len()]);
        let Some(&at) = column.get(period(date).as_str()) else {
            continue;
        };
        let cell = &mut cells[at];
        if support {
            cell.support += 1;
            cell.supporters.insert(actor.to_owned());
        } else {
            cell.critique += 1;
            cell.critics.insert(actor.to_owned());
        }
    }
    let total = |cells: &[Cell]| cells.iter().map(|c| c.support + c.critique).sum::<usize>();
    let mut ranked: Vec<(NodeIndex, Vec<Cell>)> = per_concept.into_iter().collect();
    ranked.sort_by_key(|(concept, cells)| (std::cmp::Reverse(total(cells)), *concept));
    let dated = statements.len();
    let shown: usize = ranked.iter().take(rows).map(|(_, c)| total(c)).sum();
    Timeline {
        periods,
        rows: ranked
            .into_iter()
            .take(rows)
            .map(|(concept, cells)| TimelineRow {
                concept,
                label: graph.node(concept).label.clone(),
                cells,
            })
            .collect(),
        dated,
        left_out: dated - shown,
        undated,
    }
}

fn year(date: &str) -> i32 {
    date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}

/// Every period from `first` to `last`, both in.
fn periods_between(first: &str, last: &str, by_year: bool) -> Vec<String> {
    let parse = |p: &str| -> Option<(i32, u32)> {
        let year = p.get(..4)?.parse().ok()?;
        let month = if by_year {
            1
        } else {
            p.get(5..7)?.parse().ok()?
        };
        Some((year, month))
    };
    let (Some(mut at), Some(end)) = (parse(first), parse(last)) else {
        return vec![first.to_owned()];
    };
    let mut periods = Vec::new();
    while at <= end && periods.len() < 10_000 {
        if by_year {
            periods.push(format!("{:04}", at.0));
            at.0 += 1;
        } else {
            periods.push(format!("{:04}-{:02}", at.0, at.1));
            at = if at.1 >= 12 {
                (at.0 + 1, 1)
            } else {
                (at.0, at.1 + 1)
            };
        }
    }
    periods
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DocumentMeta;
    use crate::model::{DocumentRecord, Evidence, Node};

    fn document(id: &str, date: Option<&str>) -> DocumentRecord {
        DocumentRecord {
            id: id.into(),
            file: id.into(),
            meta: DocumentMeta {
                date: date.map(str::to_owned),
                ..DocumentMeta::default()
            },
            sha256: String::new(),
            bytes: 0,
            encoding: crate::corpus::Encoding::Utf8,
            content: 0..0,
            sentences: 0,
            pages: Vec::new(),
            inferred: None,
        }
    }

    fn evidence(document: &str) -> Evidence {
        Evidence {
            document: document.into(),
            span: 0..1,
            text: "x".into(),
            confidence: 1.0,
            basis: None,
        }
    }

    #[test]
    fn counts_by_period_with_every_period_between() {
        let mut graph = ArgGraph::new("g");
        graph.documents = vec![
            document("a", Some("2010-03-01")),
            document("b", Some("2013-07-01")),
            document("c", None),
        ];
        let ann = graph.add_node(Node::new(NodeKind::Actor, "Ann"));
        let bob = graph.add_node(Node::new(NodeKind::Actor, "Bob"));
        let tax = graph.add_node(Node::new(NodeKind::Concept, "tax"));
        let aid = graph.add_node(Node::new(NodeKind::Concept, "aid"));
        graph.add_edge(
            ann,
            tax,
            Relation::Supports,
            2.0,
            vec![evidence("a"), evidence("b")],
        );
        graph.add_edge(bob, tax, Relation::Critiques, 1.0, vec![evidence("b")]);
        graph.add_edge(
            bob,
            aid,
            Relation::Supports,
            2.0,
            vec![evidence("a"), evidence("c")],
        );
        let t = timeline(&graph, 1);
        assert_eq!(t.periods, ["2010", "2011", "2012", "2013"]);
        assert_eq!((t.dated, t.undated, t.left_out), (4, 1, 1));
        assert_eq!(t.rows.len(), 1);
        let row = &t.rows[0];
        assert_eq!(row.label, "tax");
        assert_eq!((row.cells[0].support, row.cells[0].critique), (1, 0));
        assert_eq!((row.cells[3].support, row.cells[3].critique), (1, 1));
        assert!(row.cells[3].critics.contains("Bob"));
        assert_eq!(row.cells[1], Cell::default());
    }

    #[test]
    fn months_when_the_span_is_short_and_nothing_when_undated() {
        assert_eq!(
            periods_between("2019-11", "2020-02", false),
            ["2019-11", "2019-12", "2020-01", "2020-02"]
        );
        let mut graph = ArgGraph::new("g");
        graph.documents = vec![document("a", None)];
        let ann = graph.add_node(Node::new(NodeKind::Actor, "Ann"));
        let tax = graph.add_node(Node::new(NodeKind::Concept, "tax"));
        graph.add_edge(ann, tax, Relation::Supports, 1.0, vec![evidence("a")]);
        let t = timeline(&graph, 5);
        assert!(t.periods.is_empty() && t.rows.is_empty());
        assert_eq!(t.undated, 1);
    }
}

//! Export stage: the timeline as an SVG for a slide (16:9, 1280 × 720):
//! one row per concept, one column per period, support drawn up from the
//! row's line in green and critique down in red, bar height by the number
//! of statements; hovering a bar names who made them. Written by hand
//! (no Graphviz: nothing here is a graph layout). Every text is escaped.

use std::fmt::Write;

use super::style::edge_look;
use super::xml::{escape_attribute, escape_text};
use crate::analysis::{Cell, Timeline};
use crate::model::Relation;
use crate::terminal::clip;

const WIDTH: f64 = 1280.0;
const HEIGHT: f64 = 720.0;
const LEFT: f64 = 250.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 70.0;
const BOTTOM: f64 = 60.0;
/// Characters of a concept label before it is cut.
const LABEL_CHARS: usize = 32;

/// The SVG of `timeline`, titled `title`.
pub fn timeline_to_svg(timeline: &Timeline, title: &str) -> String {
    let mut svg = String::new();
    let font = "font-family=\"Helvetica, Arial, sans-serif\"";
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" {font}>"
    );
    let _ = writeln!(
        svg,
        "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        svg,
        "<text x=\"20\" y=\"34\" font-size=\"22\" font-weight=\"bold\">{}</text>",
        escape_text(&clip(title, 70))
    );
    let support = edge_look(Relation::Supports).colour;
    let critique = edge_look(Relation::Critiques).colour;
    let _ = writeln!(
        svg,
        "<g font-size=\"14\"><rect x=\"{}\" y=\"22\" width=\"14\" height=\"14\" fill=\"{support}\"/><text x=\"{}\" y=\"34\">supports (up)</text><rect x=\"{}\" y=\"22\" width=\"14\" height=\"14\" fill=\"{critique}\"/><text x=\"{}\" y=\"34\">critiques (down)</text></g>",
        WIDTH - 330.0,
        WIDTH - 310.0,
        WIDTH - 180.0,
        WIDTH - 160.0
    );
    if timeline.rows.is_empty() {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"18\" text-anchor=\"middle\">No dated statements: give documents a date (date = \"YYYY-MM-DD\" in corpus.toml).</text>",
            WIDTH / 2.0,
            HEIGHT / 2.0
        );
        svg.push_str("</svg>\n");
        return svg;
    }
    let rows = timeline.rows.len() as f64;
    let row_height = (HEIGHT - TOP - BOTTOM) / rows;
    let columns = timeline.periods.len().max(1) as f64;
    let column_width = (WIDTH - LEFT - RIGHT) / columns;
    let bar_width = (column_width * 0.7).clamp(1.0, 40.0);
    let most = timeline
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| c.support.max(c.critique))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let half = row_height / 2.0 - 3.0;
    let label_size = (row_height * 0.35).clamp(9.0, 16.0);
    for (i, row) in timeline.rows.iter().enumerate() {
        let line = TOP + row_height * (i as f64 + 0.5);
        if i % 2 == 0 {
            let _ = writeln!(
                svg,
                "<rect x=\"0\" y=\"{}\" width=\"{WIDTH}\" height=\"{}\" fill=\"#f7f7f7\"/>",
                number(line - row_height / 2.0),
                number(row_height)
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\">{}</text>",
            number(LEFT - 12.0),
            number(line + label_size / 3.0),
            number(label_size),
            escape_text(&clip(&row.label, LABEL_CHARS))
        );
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#9e9e9e\" stroke-width=\"1\"/>",
            WIDTH - RIGHT,
            number(line),
            number(line)
        );
        for (j, cell) in row.cells.iter().enumerate() {
            if cell.support + cell.critique == 0 {
                continue;
            }
            let x = LEFT + column_width * (j as f64 + 0.5) - bar_width / 2.0;
            let up = half * cell.support as f64 / most;
            let down = half * cell.critique as f64 / most;
            let tip = escape_attribute(&tooltip(&timeline.periods[j], &row.label, cell));
            let _ = write!(svg, "<g><title>{tip}</title>");
            if cell.support > 0 {
                let _ = write!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{support}\"/>",
                    number(x),
                    number(line - up),
                    number(bar_width),
                    number(up)
                );
            }
            if cell.critique > 0 {
                let _ = write!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{critique}\"/>",
                    number(x),
                    number(line),
                    number(bar_width),
                    number(down)
                );
            }
            if bar_width >= 14.0 {
                let middle = number(x + bar_width / 2.0);
                if cell.support > 0 {
                    let _ = write!(
                        svg,
                        "<text x=\"{middle}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
                        number(line - up - 2.0),
                        cell.support
                    );
                }
                if cell.critique > 0 {
                    let _ = write!(
                        svg,
                        "<text x=\"{middle}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
                        number(line + down + 10.0),
                        cell.critique
                    );
                }
            }
            svg.push_str("</g>\n");
        }
    }
    // Period labels, thinned to at most 16.
    let step = timeline.periods.len().div_ceil(16).max(1);
    for (j, period) in timeline.periods.iter().enumerate().step_by(step) {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\">{}</text>",
            number(LEFT + column_width * (j as f64 + 0.5)),
            number(HEIGHT - BOTTOM + 20.0),
            escape_text(period)
        );
    }
    let mut note = format!(
        "{} dated statements; the tallest bar is {} statement{}",
        timeline.dated,
        most,
        if most == 1.0 { "" } else { "s" }
    );
    if timeline.left_out > 0 {
        let _ = write!(note, "; {} on concepts not shown", timeline.left_out);
    }
    if timeline.undated > 0 {
        let _ = write!(note, "; {} undated, not shown", timeline.undated);
    }
    let _ = writeln!(
        svg,
        "<text x=\"20\" y=\"{}\" font-size=\"13\" fill=\"#555555\">{}</text>",
        number(HEIGHT - 14.0),
        escape_text(&note)
    );
    svg.push_str("</svg>\n");
    svg
}

fn tooltip(period: &str, concept: &str, cell: &Cell) -> String {
    let names = |set: &std::collections::BTreeSet<String>| {
        set.iter().cloned().collect::<Vec<_>>().join(", ")
    };
    let mut text = format!("{period}, {concept}:");
    if cell.support > 0 {
        let _ = write!(text, " {} for ({})", cell.support, names(&cell.supporters));
    }
    if cell.critique > 0 {
        let _ = write!(
            text,
            " {} against ({})",
            cell.critique,
            names(&cell.critics)
        );
    }
    text
}

fn number(value: f64) -> String {
    format!("{:.1}", value)
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::TimelineRow;
    use petgraph::graph::NodeIndex;

    #[test]
    fn bars_tooltips_and_escaped_text() {
        let cell = Cell {
            support: 2,
            critique: 1,
            supporters: ["A <b>".to_owned()].into(),
            critics: ["C".to_owned()].into(),
        };
        let timeline = Timeline {
            periods: vec!["2014".into(), "2015".into()],
            rows: vec![TimelineRow {
                concept: NodeIndex::new(0),
                label: "tax & <script>".into(),
                cells: vec![cell, Cell::default()],
            }],
            dated: 3,
            left_out: 0,
            undated: 2,
        };
        let svg = timeline_to_svg(&timeline, "T\"</svg>");
        assert!(svg.contains("tax &amp; &lt;script&gt;"), "{svg}");
        assert!(svg.contains("2014, tax &amp; &lt;script&gt;: 2 for (A &lt;b&gt;) 1 against (C)"));
        assert!(!svg.contains("<script"));
        assert!(svg.contains("2 undated, not shown"));
        assert_eq!(
            svg.matches("<rect x=").count(),
            5,
            "two legend keys, a stripe, two bars: {svg}"
        );
        assert!(svg.contains("T\"&lt;/svg&gt;"));
    }

    #[test]
    fn no_dates_says_what_to_do() {
        let svg = timeline_to_svg(&Timeline::default(), "t");
        assert!(svg.contains("give documents a date"));
    }
}

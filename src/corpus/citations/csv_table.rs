//! Corpus stage (citation import): citations as CSV — a header row that
//! names a `source` (citing) and a `target` (cited) column, optionally a
//! `weight` column, in any order and any case; other columns are ignored.
//! RFC 4180 quoting through the `csv` crate. Pure: bytes in,
//! [`Citations`] out.

use super::ids::Interner;
use super::{Citations, LineError};
use crate::progress::Progress;

/// Other names accepted for the two id columns (bibliometric exports say
/// citing/cited, graph tools from/to).
const SOURCE_NAMES: [&str; 3] = ["source", "citing", "from"];
const TARGET_NAMES: [&str; 3] = ["target", "cited", "to"];

pub(super) fn parse(bytes: &[u8], progress: &dyn Progress) -> Result<Citations, LineError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let header = reader.byte_headers().map_err(|e| csv_error(&e))?.clone();
    if header.is_empty() {
        return Ok(Citations::default());
    }
    let column = |names: &[&str]| {
        header.iter().position(|name| {
            let name = String::from_utf8_lossy(name).trim().to_ascii_lowercase();
            names.contains(&name.as_str())
        })
    };
    let (Some(source), Some(target)) = (column(&SOURCE_NAMES), column(&TARGET_NAMES)) else {
        return Err(LineError::new(
            1,
            format!(
                "expected a header row naming the columns source,target[,weight], found {:?}",
                super::excerpt(header.as_slice())
            ),
        ));
    };
    let weight_column = column(&["weight"]);
    progress.begin("reading edges", bytes.len() as u64);
    let mut interner = Interner::new();
    let mut edges = Vec::new();
    let mut weights = weight_column.map(|_| Vec::new());
    let mut record = csv::ByteRecord::new();
    let mut reported = 0u64;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(&e)),
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|field| field.trim_ascii().is_empty()) {
            continue;
        }
        let field = |index: usize, what: &str| -> Result<&str, LineError> {
            let raw = record.get(index).unwrap_or_default().trim_ascii();
            let text = std::str::from_utf8(raw)
                .map_err(|_| LineError::new(line, format!("the {what} is not UTF-8 text")))?;
            if text.is_empty() {
                return Err(LineError::new(
                    line,
                    format!("the {what} is missing; every row needs a source and a target id"),
                ));
            }
            Ok(text)
        };
        let citing = interner.intern(field(source, "source id")?);
        let cited = interner.intern(field(target, "target id")?);
        if let (Some(index), Some(weights)) = (weight_column, weights.as_mut()) {
            let raw = record.get(index).unwrap_or_default().trim_ascii();
            let value = if raw.is_empty() {
                1.0
            } else {
                std::str::from_utf8(raw)
                    .ok()
                    .and_then(|t| t.parse::<f64>().ok())
                    .filter(|w| w.is_finite() && *w >= 0.0)
                    .ok_or_else(|| {
                        LineError::new(
                            line,
                            format!(
                                "the weight must be a number of at least 0, found {:?}",
                                super::excerpt(raw)
                            ),
                        )
                    })?
            };
            weights.push(value);
        }
        edges.push((citing, cited));
        let done = record.position().map_or(0, |p| p.byte());
        if done - reported > 1 << 20 {
            progress.advance(done - reported);
            reported = done;
        }
    }
    progress.finish();
    Ok(Citations {
        ids: interner.finish(),
        edges,
        weights,
        ..Citations::default()
    })
}

fn csv_error(error: &csv::Error) -> LineError {
    let line = error.position().map_or(0, |p| p.line() as usize);
    LineError::new(line, format!("not valid CSV: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::citations::NodeIds;
    use crate::progress::Silent;

    fn read(text: &str) -> Result<Citations, LineError> {
        parse(text.as_bytes(), &Silent)
    }

    #[test]
    fn header_columns_in_any_order_with_weights() {
        let c = read("weight,Target,source,note\n2,W2,W1,x\n,W3,W1,\n").unwrap();
        assert_eq!(c.edges, vec![(0, 1), (0, 2)]);
        assert_eq!(c.ids.get(0), "W1");
        assert_eq!(c.weights, Some(vec![2.0, 1.0]));
        let c = read("\u{feff}citing,cited\r\n\"1\",2\r\n\r\n2,3\r\n").unwrap();
        assert_eq!(c.ids, NodeIds::Integers(vec![1, 2, 3]));
        assert!(c.weights.is_none());
    }

    /// (text, line named, words in the message)
    #[test]
    fn malformed_rows_name_their_line() {
        let rows = [
            ("a,b\n1,2\n", 1, "header"),
            ("source,target\n1,2\n3\n", 3, "target id is missing"),
            ("source,target,weight\n1,2,x\n", 2, "weight"),
            ("source,target\n1,2\n\"3,4\n", 3, "target id is missing"),
            ("source,target\n,2\n", 2, "source id is missing"),
        ];
        for (text, line, words) in rows {
            let error = read(text).unwrap_err();
            assert_eq!(error.line, line, "{text:?}: {error:?}");
            assert!(error.message.contains(words), "{text:?}: {error:?}");
        }
    }

    #[test]
    fn a_header_without_rows_has_no_edges() {
        assert!(read("source,target\n").unwrap().edges.is_empty());
        assert!(read("").unwrap().edges.is_empty());
    }
}

//! Corpus stage (citation import): SNAP-style edge lists — `#` or `%`
//! comment lines, then `citing cited [weight]` per line, fields separated
//! by spaces or tabs, further columns (KONECT timestamps) ignored. Pure:
//! bytes in, [`Citations`] out.
//!
//! Large files are cut into chunks at line ends and the chunks are
//! scanned in parallel into integer pairs; ids are then numbered in file
//! order by one pass, so the numbering does not depend on the number of
//! threads. Compressed files are scanned block by block while the next
//! block is being decompressed ([`EdgeStream`]). A file with an id that is
//! not a plain integer is read again line by line with text ids.

use rayon::prelude::*;

use super::ids::{Interner, canonical_integer};
use super::{Citations, LineError};
use crate::progress::Progress;

/// Inputs are cut into chunks of about this many bytes, scanned in
/// parallel when there are several.
const CHUNK: usize = 1 << 20;

/// Receives the edges of a scan, in file order.
trait Sink {
    fn edge(&mut self, citing: u64, cited: u64, weight: Option<f64>);
}

/// Why a scan stopped early.
#[derive(Debug)]
enum Stop {
    /// A malformed line: its number within the scanned bytes, and why.
    Malformed(usize, String),
    /// An id that is not a canonical integer: read again with text ids.
    TextIds,
}

/// Integer pairs of one chunk, numbered later.
#[derive(Debug, Default)]
struct Pairs {
    pairs: Vec<(u64, u64)>,
    /// Created at the first weight seen; earlier lines weigh 1.
    weights: Option<Vec<f64>>,
}

impl Sink for Pairs {
    #[inline]
    fn edge(&mut self, citing: u64, cited: u64, weight: Option<f64>) {
        push_weight(&mut self.weights, self.pairs.len(), weight);
        self.pairs.push((citing, cited));
    }
}

/// `weight` (1 when absent) into a weight column that exists once any
/// edge has a weight.
#[inline]
fn push_weight(weights: &mut Option<Vec<f64>>, before: usize, weight: Option<f64>) {
    match (weights.as_mut(), weight) {
        (Some(weights), w) => weights.push(w.unwrap_or(1.0)),
        (None, Some(w)) => {
            let mut column = vec![1.0; before];
            column.push(w);
            *weights = Some(column);
        }
        (None, None) => {}
    }
}

/// Numbers ids in file order as the edges arrive.
#[derive(Debug)]
struct Numbering {
    interner: Interner,
    edges: Vec<(u32, u32)>,
    weights: Option<Vec<f64>>,
    /// Edge lists come grouped by citing work: its id is looked up once.
    last: Option<(u64, u32)>,
}

impl Numbering {
    fn new(expected_edges: usize) -> Self {
        Numbering {
            interner: Interner::with_capacity(expected_edges / 32),
            edges: Vec::with_capacity(expected_edges),
            weights: None,
            last: None,
        }
    }

    fn finish(self) -> Citations {
        Citations {
            ids: self.interner.finish(),
            edges: self.edges,
            weights: self.weights,
            ..Citations::default()
        }
    }
}

impl Sink for Numbering {
    #[inline]
    fn edge(&mut self, citing: u64, cited: u64, weight: Option<f64>) {
        let citing = match self.last {
            Some((id, node)) if id == citing => node,
            _ => {
                let node = self.interner.intern_integer(citing);
                self.last = Some((citing, node));
                node
            }
        };
        let cited = self.interner.intern_integer(cited);
        push_weight(&mut self.weights, self.edges.len(), weight);
        self.edges.push((citing, cited));
    }
}

pub(super) fn parse(bytes: &[u8], progress: &dyn Progress) -> Result<Citations, LineError> {
    parse_in_chunks(bytes, CHUNK, progress)
}

fn parse_in_chunks(
    bytes: &[u8],
    chunk_size: usize,
    progress: &dyn Progress,
) -> Result<Citations, LineError> {
    progress.begin("reading edges", bytes.len() as u64);
    let chunks: Vec<&[u8]> = split_at_lines(bytes, chunk_size);
    if chunks.len() < 2 {
        // One chunk: number while scanning, no pairs in between.
        let mut stream = EdgeStream::new(bytes.len());
        stream.feed(bytes);
        progress.finish();
        return stream.finish(|| Ok(bytes.to_vec()));
    }
    let scanned: Vec<(Pairs, usize, Option<Stop>)> = chunks
        .par_iter()
        .map(|chunk| {
            let mut pairs = Pairs {
                pairs: Vec::with_capacity(chunk.len() / 14),
                weights: None,
            };
            let (lines, stop) = scan(chunk, &mut pairs);
            progress.advance(chunk.len() as u64);
            (pairs, lines, stop)
        })
        .collect();
    progress.finish();
    // The first problem in file order wins.
    let mut lines_before = 0;
    for (_, lines, stop) in &scanned {
        match stop {
            Some(Stop::Malformed(line, message)) => {
                return Err(LineError::new(lines_before + line, message.clone()));
            }
            Some(Stop::TextIds) => return parse_text(bytes),
            None => lines_before += lines,
        }
    }
    let total = scanned.iter().map(|(p, _, _)| p.pairs.len()).sum();
    let mut numbering = Numbering::new(total);
    for (chunk, _, _) in scanned {
        for (i, &(citing, cited)) in chunk.pairs.iter().enumerate() {
            let weight = chunk.weights.as_ref().map(|w| w[i]);
            numbering.edge(citing, cited, weight);
        }
    }
    Ok(numbering.finish())
}

/// An edge list read block by block as the blocks arrive (from a
/// decompressor running on another thread). Blocks must end at line ends.
#[derive(Debug)]
pub(super) struct EdgeStream {
    numbering: Numbering,
    lines: usize,
    /// The first problem, with its line number in the whole input.
    stop: Option<Stop>,
}

impl EdgeStream {
    pub(super) fn new(expected_bytes: usize) -> Self {
        EdgeStream {
            numbering: Numbering::new(expected_bytes / 14),
            lines: 0,
            stop: None,
        }
    }

    pub(super) fn feed(&mut self, block: &[u8]) {
        if self.stop.is_some() {
            return;
        }
        let (lines, stop) = scan(block, &mut self.numbering);
        self.stop = match stop {
            Some(Stop::Malformed(line, message)) => {
                Some(Stop::Malformed(self.lines + line, message))
            }
            other => other,
        };
        self.lines += lines;
    }

    /// The network; `whole` gives the whole input when it has to be read
    /// again with text ids (an id was not an integer).
    pub(super) fn finish(
        self,
        whole: impl FnOnce() -> Result<Vec<u8>, LineError>,
    ) -> Result<Citations, LineError> {
        match self.stop {
            None => Ok(self.numbering.finish()),
            Some(Stop::Malformed(line, message)) => Err(LineError::new(line, message)),
            Some(Stop::TextIds) => parse_text(&whole()?),
        }
    }
}

/// Cut `bytes` into pieces of about `size` bytes that end at a line end.
fn split_at_lines(bytes: &[u8], size: usize) -> Vec<&[u8]> {
    let mut pieces = Vec::new();
    let mut rest = bytes;
    while rest.len() > size {
        let end = match rest[size..].iter().position(|&b| b == b'\n') {
            Some(i) => size + i + 1,
            None => rest.len(),
        };
        let (piece, tail) = rest.split_at(end);
        pieces.push(piece);
        rest = tail;
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
}

/// The fields of one line: up to three tokens, or why there are too few.
enum Fields<'a> {
    Blank,
    Edge(&'a [u8], &'a [u8], Option<&'a [u8]>),
    Malformed(String),
}

#[inline]
fn fields(line: &[u8]) -> Fields<'_> {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c');
    let mut tokens = line.split(is_space).filter(|t| !t.is_empty());
    let Some(first) = tokens.next() else {
        return Fields::Blank;
    };
    if first[0] == b'#' || first[0] == b'%' {
        return Fields::Blank;
    }
    let Some(second) = tokens.next() else {
        return Fields::Malformed(format!(
            "expected two ids (citing, then cited) separated by spaces or tabs, found only {:?}",
            super::excerpt(first)
        ));
    };
    Fields::Edge(first, second, tokens.next())
}

/// A weight column: a finite number that is not negative.
fn weight(token: &[u8]) -> Result<f64, String> {
    std::str::from_utf8(token)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .filter(|w| w.is_finite() && *w >= 0.0)
        .ok_or_else(|| {
            format!(
                "the third column is a weight and must be a number of at least 0, found {:?}",
                super::excerpt(token)
            )
        })
}

/// An unsigned decimal at `bytes[at..]`: its value and where it ends, or
/// `None` when it is not a canonical integer (leading zero, too long).
#[inline]
fn integer_at(bytes: &[u8], mut at: usize) -> Option<(u64, usize)> {
    let start = at;
    let mut value = 0u64;
    while let Some(&byte) = bytes.get(at) {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
        at += 1;
    }
    let length = at - start;
    if length == 0 || length > 19 || (bytes[start] == b'0' && length > 1) {
        return None;
    }
    Some((value, at))
}

/// The common line `digits<spaces or tabs>digits\n`: its two ids and the
/// start of the next line. Anything else (comments, weights, carriage
/// returns, text ids, errors) is left to [`fields`].
#[inline]
fn simple_line(bytes: &[u8], at: usize) -> Option<(u64, u64, usize)> {
    let (citing, mut at) = integer_at(bytes, at)?;
    let gap = at;
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    if at == gap {
        return None;
    }
    let (cited, at) = integer_at(bytes, at)?;
    match bytes.get(at) {
        Some(b'\n') => Some((citing, cited, at + 1)),
        None => Some((citing, cited, at)),
        _ => None,
    }
}

/// Scan whole lines into `sink`: the number of lines scanned, and why it
/// stopped early if it did.
fn scan(bytes: &[u8], sink: &mut impl Sink) -> (usize, Option<Stop>) {
    let mut lines = 0;
    let mut at = 0;
    while at < bytes.len() {
        lines += 1;
        if let Some((citing, cited, next)) = simple_line(bytes, at) {
            sink.edge(citing, cited, None);
            at = next;
            continue;
        }
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i);
        let line = &bytes[at..end];
        at = end + 1;
        let (citing, cited, third) = match fields(line) {
            Fields::Blank => continue,
            Fields::Edge(a, b, c) => (a, b, c),
            Fields::Malformed(message) => return (lines, Some(Stop::Malformed(lines, message))),
        };
        let (Some(citing), Some(cited)) = (canonical_integer(citing), canonical_integer(cited))
        else {
            return (lines, Some(Stop::TextIds));
        };
        let weight = match third.map(weight).transpose() {
            Ok(w) => w,
            Err(message) => return (lines, Some(Stop::Malformed(lines, message))),
        };
        sink.edge(citing, cited, weight);
    }
    (lines, None)
}

/// One pass, line by line, with text ids (which must be UTF-8).
fn parse_text(bytes: &[u8]) -> Result<Citations, LineError> {
    let mut interner = Interner::new();
    let mut edges = Vec::new();
    let mut weights: Option<Vec<f64>> = None;
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = index + 1;
        let (citing, cited, third) = match fields(line) {
            Fields::Blank => continue,
            Fields::Edge(a, b, c) => (a, b, c),
            Fields::Malformed(message) => return Err(LineError::new(number, message)),
        };
        let citing = interner.intern(utf8(citing, number)?);
        let cited = interner.intern(utf8(cited, number)?);
        let w = third
            .map(weight)
            .transpose()
            .map_err(|m| LineError::new(number, m))?;
        push_weight(&mut weights, edges.len(), w);
        edges.push((citing, cited));
    }
    Ok(Citations {
        ids: interner.finish(),
        edges,
        weights,
        ..Citations::default()
    })
}

fn utf8(token: &[u8], line: usize) -> Result<&str, LineError> {
    std::str::from_utf8(token).map_err(|_| {
        LineError::new(
            line,
            format!("the id {:?} is not UTF-8 text", super::excerpt(token)),
        )
    })
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
    fn snap_layout_with_comments_tabs_and_crlf() {
        let c = read("# Directed graph\n# FromNodeId\tToNodeId\r\n9907233\t9301253\r\n9907233 1001\n\n1001\t9301253\n").unwrap();
        assert_eq!(c.edges, vec![(0, 1), (0, 2), (2, 1)]);
        assert_eq!(c.ids, NodeIds::Integers(vec![9907233, 9301253, 1001]));
        assert!(c.weights.is_none());
    }

    #[test]
    fn weights_and_extra_columns() {
        let c = read("1 2 0.5 1999\n2 3\n").unwrap();
        assert_eq!(c.weights, Some(vec![0.5, 1.0]));
        let c = read("1 2\n2 3 2\n").unwrap();
        assert_eq!(c.weights, Some(vec![1.0, 2.0]));
    }

    /// Table of malformed inputs: (text, line named, words in the message).
    #[test]
    fn malformed_lines_name_their_line() {
        let rows: [(&[u8], usize, &str); 6] = [
            (b"1 2\n3\n", 2, "two ids"),
            (b"# c\n\n1 2\n1 2 heavy\n", 4, "weight"),
            (b"1 2\n1 2 -1\n", 2, "at least 0"),
            (b"a b\nc\n", 2, "two ids"),
            (b"a b\nc d nan\n", 2, "weight"),
            (b"a\xff b\n", 1, "UTF-8"),
        ];
        for (text, line, words) in rows {
            let error = parse(text, &Silent).unwrap_err();
            assert_eq!(error.line, line, "{text:?}: {error:?}");
            assert!(error.message.contains(words), "{text:?}: {error:?}");
        }
    }

    #[test]
    fn text_ids_are_kept_exactly() {
        let c = read("hep-ph/9907233 007\n007 W42\n").unwrap();
        assert_eq!(c.edges, vec![(0, 1), (1, 2)]);
        assert_eq!(c.ids.get(1), "007");
        assert!(matches!(c.ids, NodeIds::Text(_)));
    }

    /// Chunks split anywhere give the same numbering and line numbers.
    #[test]
    fn chunked_scan_equals_one_pass() {
        let mut text = String::new();
        for i in 0..5000u64 {
            text.push_str(&format!("{} {}\n", (i * 31) % 977, (i * 17) % 613));
            if i % 100 == 0 {
                text.push_str("# comment\n");
            }
        }
        let whole = read(&text).unwrap();
        let chunked = parse_in_chunks(text.as_bytes(), 4096, &Silent).unwrap();
        assert_eq!(chunked, whole);
        let pieces = split_at_lines(text.as_bytes(), 4096);
        assert!(pieces.len() > 5);
        assert_eq!(pieces.concat(), text.as_bytes());
        let mut stream = EdgeStream::new(0);
        for piece in &pieces {
            stream.feed(piece);
        }
        assert_eq!(stream.lines, 5050);
        assert_eq!(
            stream.finish(|| Ok(text.clone().into_bytes())).unwrap(),
            whole
        );
        let mut bad = text.clone();
        bad.push_str("12\n");
        assert_eq!(read(&bad).unwrap_err().line, 5051);
        let error = parse_in_chunks(bad.as_bytes(), 4096, &Silent).unwrap_err();
        assert_eq!(error.line, 5051);
        bad.push_str("x y\n");
        assert_eq!(
            parse_in_chunks(bad.as_bytes(), 4096, &Silent)
                .unwrap_err()
                .line,
            5051
        );
        let mut stream = EdgeStream::new(0);
        for piece in split_at_lines(bad.as_bytes(), 4096) {
            stream.feed(piece);
        }
        assert_eq!(
            stream
                .finish(|| Ok(bad.clone().into_bytes()))
                .unwrap_err()
                .line,
            5051
        );
    }
}

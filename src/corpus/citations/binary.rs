//! Corpus stage (citation import): argnet's compact binary form of a
//! citation network, for graphs too large for the graph JSON. Encoding and
//! decoding are pure (bytes ↔ [`Citations`]); `argnet import` writes the
//! bytes through `export::write_file`, [`super::read_citations`] reads them.
//!
//! Why a binary form: the graph JSON spends about 170 bytes on every edge
//! (an object with source, target, relation, weight and evidence) and is
//! read into an argument graph with per-edge evidence lists and hash
//! indexes, well over a kilobyte per edge in memory; cit-HepPh becomes a
//! 71 MB file that takes 700 MB to analyse, and a 16-million-edge network
//! does not fit in memory. This form spends 8
//! bytes per edge (two `u32` node numbers), stores the ids once, and loads
//! with a copy instead of a parse.
//!
//! Layout (all numbers little-endian):
//!
//! ```text
//! magic "ARGNCIT\0" · version u32 = 1 · flags u32 (1 weights, 2 titles,
//! 4 years, 8 text ids) · nodes u64 · edges u64 · name (text)
//! ids: nodes × u64, or a text column (nodes × u64 item ends, u64 length, UTF-8)
//! edges: edges × (u32 citing, u32 cited)
//! [weights: edges × f64] [titles: text column] [years: nodes × i32]
//! CRC-32 (u32) of everything before it
//! ```
//!
//! Decoding checks every length against the bytes present before
//! allocating, the checksum, node numbers, weights, UTF-8 and id
//! uniqueness, so a truncated or damaged file is a one-line error.

use std::collections::HashSet;

use super::Citations;
use super::ids::{NodeIds, TextColumn};

/// The first bytes of every file in the binary form.
pub const MAGIC: &[u8; 8] = b"ARGNCIT\0";
const VERSION: u32 = 1;
const WEIGHTS: u32 = 1;
const TITLES: u32 = 2;
const YEARS: u32 = 4;
const TEXT_IDS: u32 = 8;

/// The network in the binary form.
pub fn encode_binary(citations: &Citations) -> Vec<u8> {
    let n = citations.node_count();
    let m = citations.edge_count();
    let mut out = Vec::with_capacity(64 + n * 8 + m * 8);
    let mut flags = 0;
    if citations.weights.is_some() {
        flags |= WEIGHTS;
    }
    if citations.titles.is_some() {
        flags |= TITLES;
    }
    if citations.years.is_some() {
        flags |= YEARS;
    }
    if matches!(citations.ids, NodeIds::Text(_)) {
        flags |= TEXT_IDS;
    }
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&(n as u64).to_le_bytes());
    out.extend_from_slice(&(m as u64).to_le_bytes());
    put_text(&mut out, &citations.name);
    match &citations.ids {
        NodeIds::Integers(ids) => ids
            .iter()
            .for_each(|id| out.extend_from_slice(&id.to_le_bytes())),
        NodeIds::Text(column) => put_column(&mut out, column),
    }
    for &(citing, cited) in &citations.edges {
        out.extend_from_slice(&citing.to_le_bytes());
        out.extend_from_slice(&cited.to_le_bytes());
    }
    if let Some(weights) = &citations.weights {
        weights
            .iter()
            .for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
    }
    if let Some(titles) = &citations.titles {
        put_column(&mut out, titles);
    }
    if let Some(years) = &citations.years {
        years
            .iter()
            .for_each(|y| out.extend_from_slice(&y.to_le_bytes()));
    }
    let mut crc = flate2::Crc::new();
    crc.update(&out);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(&(text.len() as u64).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

fn put_column(out: &mut Vec<u8>, column: &TextColumn) {
    column
        .ends()
        .iter()
        .for_each(|end| out.extend_from_slice(&end.to_le_bytes()));
    put_text(out, column.text());
}

/// Read the binary form; the error says what is wrong, in words.
pub fn decode_binary(bytes: &[u8]) -> Result<Citations, String> {
    let body = check_frame(bytes)?;
    let mut reader = Reader { bytes: body, at: 0 };
    reader.take(MAGIC.len())?;
    let version = reader.u32()?;
    if version != VERSION {
        return Err(format!(
            "binary citation form version {version}; this argnet reads version {VERSION}"
        ));
    }
    let flags = reader.u32()?;
    if flags & !(WEIGHTS | TITLES | YEARS | TEXT_IDS) != 0 {
        return Err(format!("unknown flags {flags:#x} in the header"));
    }
    let n = reader.count(8)?;
    let m = reader.count(8)?;
    if n > u32::MAX as usize {
        return Err(format!("{n} nodes; argnet holds at most {}", u32::MAX));
    }
    let name = reader.text()?;
    let ids = if flags & TEXT_IDS != 0 {
        let column = reader.column(n)?;
        let mut seen = HashSet::with_capacity(n);
        if let Some(repeated) = column.iter().find(|id| !seen.insert(*id)) {
            return Err(format!("the id {repeated:?} names two nodes"));
        }
        NodeIds::Text(column)
    } else {
        let raw = reader.take(n.checked_mul(8).ok_or("node count overflows")?)?;
        let ids: Vec<u64> = raw
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let mut seen = HashSet::with_capacity(n);
        if let Some(repeated) = ids.iter().find(|id| !seen.insert(**id)) {
            return Err(format!("the id {repeated} names two nodes"));
        }
        NodeIds::Integers(ids)
    };
    let raw = reader.take(m.checked_mul(8).ok_or("edge count overflows")?)?;
    let mut edges = Vec::with_capacity(m);
    for pair in raw.chunks_exact(8) {
        let citing = u32::from_le_bytes(pair[..4].try_into().expect("4 bytes"));
        let cited = u32::from_le_bytes(pair[4..].try_into().expect("4 bytes"));
        if citing as usize >= n || cited as usize >= n {
            return Err(format!("an edge names node {} of {n}", citing.max(cited)));
        }
        edges.push((citing, cited));
    }
    let weights = if flags & WEIGHTS != 0 {
        let raw = reader.take(m * 8)?;
        let weights: Vec<f64> = raw
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        if let Some(bad) = weights.iter().find(|w| !(w.is_finite() && **w >= 0.0)) {
            return Err(format!(
                "an edge weight is {bad}; weights are numbers of at least 0"
            ));
        }
        Some(weights)
    } else {
        None
    };
    let titles = if flags & TITLES != 0 {
        Some(reader.column(n)?)
    } else {
        None
    };
    let years = if flags & YEARS != 0 {
        let raw = reader.take(n.checked_mul(4).ok_or("node count overflows")?)?;
        Some(
            raw.chunks_exact(4)
                .map(|c| i32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect(),
        )
    } else {
        None
    };
    if reader.at != body.len() {
        return Err(format!(
            "{} bytes after the last section",
            body.len() - reader.at
        ));
    }
    Ok(Citations {
        name,
        ids,
        titles,
        years,
        edges,
        weights,
    })
}

/// The bytes without the checksum, once the magic and the checksum match.
fn check_frame(bytes: &[u8]) -> Result<&[u8], String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not argnet's binary citation form (the first bytes differ)".into());
    }
    let Some(split) = bytes.len().checked_sub(4) else {
        return Err("the file ends inside its header; it is truncated".into());
    };
    let (body, sum) = bytes.split_at(split);
    let mut crc = flate2::Crc::new();
    crc.update(body);
    if crc.sum().to_le_bytes() != sum {
        return Err(
            "the checksum does not match: the file is truncated or damaged; import it again".into(),
        );
    }
    Ok(body)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, length: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(length)
            .filter(|&end| end <= self.bytes.len())
            .ok_or("a section runs past the end of the file; it is truncated or damaged")?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }

    /// A count of items of `size` bytes that must fit in what is left.
    fn count(&mut self, size: usize) -> Result<usize, String> {
        let count = self.u64()?;
        let left = (self.bytes.len() - self.at) as u64;
        if count > left / size as u64 {
            return Err(format!(
                "the header promises {count} items, more than the file holds"
            ));
        }
        Ok(count as usize)
    }

    fn text(&mut self) -> Result<String, String> {
        let length = self.count(1)?;
        let raw = self.take(length)?;
        String::from_utf8(raw.to_vec()).map_err(|_| "a text section is not UTF-8".to_owned())
    }

    fn column(&mut self, items: usize) -> Result<TextColumn, String> {
        let raw = self.take(items.checked_mul(8).ok_or("item count overflows")?)?;
        let ends: Vec<u64> = raw
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        let text = self.text()?;
        TextColumn::from_parts(text, ends).ok_or_else(|| "a text column is damaged".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Citations {
        let mut ids = TextColumn::new();
        let mut titles = TextColumn::new();
        for (id, title) in [("W1", "Über alles"), ("W2", ""), ("hep/3", "Third")] {
            ids.push(id);
            titles.push(title);
        }
        Citations {
            name: "sample".into(),
            ids: NodeIds::Text(ids),
            titles: Some(titles),
            years: Some(vec![2001, Citations::NO_YEAR, 1999]),
            edges: vec![(0, 1), (0, 2), (2, 2)],
            weights: Some(vec![1.0, 0.5, 0.0]),
        }
    }

    #[test]
    fn round_trips_with_and_without_optional_sections() {
        let full = sample();
        assert_eq!(decode_binary(&encode_binary(&full)).unwrap(), full);
        let plain = Citations {
            name: String::new(),
            ids: NodeIds::Integers(vec![9907233, 1001]),
            edges: vec![(0, 1)],
            ..Citations::default()
        };
        assert_eq!(decode_binary(&encode_binary(&plain)).unwrap(), plain);
    }

    #[test]
    fn every_truncation_and_flipped_byte_is_an_error() {
        let bytes = encode_binary(&sample());
        for cut in 0..bytes.len() {
            assert!(decode_binary(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            assert!(decode_binary(&damaged).is_err(), "byte {at}");
        }
    }

    /// Files with a correct checksum but impossible content.
    #[test]
    fn impossible_content_is_named() {
        let with_crc = |mut body: Vec<u8>| {
            body.truncate(body.len() - 4);
            let mut crc = flate2::Crc::new();
            crc.update(&body);
            body.extend_from_slice(&crc.sum().to_le_bytes());
            body
        };
        let mut repeated = sample();
        repeated.ids = NodeIds::Integers(vec![5, 6, 5]);
        let error = decode_binary(&encode_binary(&repeated)).unwrap_err();
        assert!(error.contains("names two nodes"), "{error}");
        let mut out_of_range = sample();
        out_of_range.edges[1] = (0, 9);
        let error = decode_binary(&encode_binary(&out_of_range)).unwrap_err();
        assert!(error.contains("node 9 of 3"), "{error}");
        let mut huge = encode_binary(&sample());
        huge[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
        let error = decode_binary(&with_crc(huge)).unwrap_err();
        assert!(error.contains("more than the file holds"), "{error}");
    }
}

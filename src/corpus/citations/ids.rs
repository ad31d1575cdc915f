//! Corpus stage (citation import): the ids of the works in a citation file,
//! kept exactly as the file wrote them, and the interner that numbers them
//! `0..n` in order of first appearance. Integer ids (SNAP, patents) are
//! stored as `u64` and looked up in an open-addressing table; any other id
//! switches the whole table to text. No file access and no parsing of
//! lines here.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Strings stored back to back in one buffer: compact for millions of
/// short ids or titles (8 bytes of bookkeeping per item, no per-item
/// allocation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextColumn {
    text: String,
    /// `ends[i]` is where item `i` ends in `text`; it starts where `i - 1` ends.
    ends: Vec<u64>,
}

impl TextColumn {
    pub fn new() -> Self {
        TextColumn::default()
    }

    pub fn push(&mut self, item: &str) {
        self.text.push_str(item);
        self.ends.push(self.text.len() as u64);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Item `index`; panics when out of range, like slice indexing.
    pub fn get(&self, index: usize) -> &str {
        let start = if index == 0 {
            0
        } else {
            self.ends[index - 1] as usize
        };
        &self.text[start..self.ends[index] as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Total bytes of text, for the binary form.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn ends(&self) -> &[u64] {
        &self.ends
    }

    /// Rebuild from a buffer and item ends; `None` when the ends are not
    /// increasing, run past the text, or cut a character in two.
    pub(crate) fn from_parts(text: String, ends: Vec<u64>) -> Option<Self> {
        let mut start = 0u64;
        for &end in &ends {
            if end < start || end > text.len() as u64 || !text.is_char_boundary(end as usize) {
                return None;
            }
            start = end;
        }
        if start != text.len() as u64 {
            return None;
        }
        Some(TextColumn { text, ends })
    }
}

/// The ids of the nodes, in node order, as the source data wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeIds {
    /// Every id was a plain decimal integer without leading zeros, so it
    /// prints back exactly as it was read.
    Integers(Vec<u64>),
    Text(TextColumn),
}

impl Default for NodeIds {
    fn default() -> Self {
        NodeIds::Integers(Vec::new())
    }
}

impl NodeIds {
    pub fn len(&self) -> usize {
        match self {
            NodeIds::Integers(ids) => ids.len(),
            NodeIds::Text(ids) => ids.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of node `index`.
    pub fn get(&self, index: usize) -> Cow<'_, str> {
        match self {
            NodeIds::Integers(ids) => Cow::Owned(ids[index].to_string()),
            NodeIds::Text(ids) => Cow::Borrowed(ids.get(index)),
        }
    }

    /// The node whose id is `id`, by a linear scan (for looking up a few
    /// names given on the command line).
    pub fn find(&self, id: &str) -> Option<u32> {
        let id = id.trim();
        match self {
            NodeIds::Integers(ids) => {
                let wanted = canonical_integer(id.as_bytes())?;
                ids.iter().position(|&x| x == wanted).map(|i| i as u32)
            }
            NodeIds::Text(ids) => ids.iter().position(|x| x == id).map(|i| i as u32),
        }
    }
}

/// `token` as a `u64` when it is a decimal integer that prints back the
/// same (no sign, no leading zero unless it is `0`, at most 19 digits).
#[inline]
pub(crate) fn canonical_integer(token: &[u8]) -> Option<u64> {
    if token.is_empty() || token.len() > 19 || (token[0] == b'0' && token.len() > 1) {
        return None;
    }
    let mut value = 0u64;
    for &byte in token {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value * 10 + u64::from(digit);
    }
    Some(value)
}

/// Numbers ids `0..n` in order of first appearance.
///
/// Starts with integer keys; the first id that is not a canonical integer
/// turns every id seen so far into text, and from then on ids are text.
/// Node numbers never change when that happens.
#[derive(Debug)]
pub(crate) struct Interner {
    integers: IntegerTable,
    text: Option<TextTable>,
}

impl Interner {
    pub(crate) fn new() -> Self {
        Interner::with_capacity(0)
    }

    pub(crate) fn with_capacity(expected: usize) -> Self {
        Interner {
            integers: IntegerTable::with_capacity(expected),
            text: None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        match &self.text {
            Some(text) => text.column.len(),
            None => self.integers.ids.len(),
        }
    }

    /// The node number of `id`, adding it if it is new.
    #[inline]
    pub(crate) fn intern(&mut self, id: &str) -> u32 {
        if self.text.is_none() {
            if let Some(value) = canonical_integer(id.as_bytes()) {
                return self.integers.intern(value);
            }
            self.switch_to_text();
        }
        self.text.as_mut().expect("switched to text").intern(id)
    }

    /// The node number of an id already known to be a canonical integer.
    #[inline]
    pub(crate) fn intern_integer(&mut self, value: u64) -> u32 {
        match &mut self.text {
            None => self.integers.intern(value),
            Some(text) => text.intern(&value.to_string()),
        }
    }

    fn switch_to_text(&mut self) {
        let mut text = TextTable::default();
        for &value in &self.integers.ids {
            text.intern(&value.to_string());
        }
        self.integers = IntegerTable::with_capacity(0);
        self.text = Some(text);
    }

    pub(crate) fn finish(self) -> NodeIds {
        match self.text {
            Some(text) => NodeIds::Text(text.column),
            None => NodeIds::Integers(self.integers.ids),
        }
    }
}

/// Open addressing with linear probing over `(key, node)` slots (one
/// cache line holds four), a multiplicative hash to spread clustered
/// integer ids. About three times faster than
/// `HashMap<u64, u32>` with SipHash on cit-HepPh.
#[derive(Debug)]
struct IntegerTable {
    /// `node == u32::MAX` marks an empty slot.
    slots: Vec<(u64, u32)>,
    shift: u32,
    ids: Vec<u64>,
}

impl IntegerTable {
    fn with_capacity(expected: usize) -> Self {
        let slots = (expected.max(8) * 2).next_power_of_two();
        IntegerTable {
            slots: vec![(0, u32::MAX); slots],
            shift: 64 - slots.trailing_zeros(),
            ids: Vec::with_capacity(expected),
        }
    }

    #[inline]
    fn intern(&mut self, key: u64) -> u32 {
        let mask = self.slots.len() - 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            let (stored, node) = self.slots[slot];
            if node == u32::MAX {
                break;
            }
            if stored == key {
                return node;
            }
            slot = (slot + 1) & mask;
        }
        let node = self.ids.len() as u32;
        self.slots[slot] = (key, node);
        self.ids.push(key);
        if self.ids.len() * 2 > self.slots.len() {
            self.grow();
        }
        node
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![(0u64, u32::MAX); size];
        let mask = size - 1;
        for (node, &key) in self.ids.iter().enumerate() {
            let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize;
            while slots[slot].1 != u32::MAX {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (key, node as u32);
        }
        self.slots = slots;
        self.shift = shift;
    }
}

/// FNV-1a over 8-byte words: ids are short, and SipHash's resistance to
/// chosen keys buys nothing for a file the user gave us.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = self.0 ^ 0xcbf2_9ce4_8422_2325;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            hash = (hash ^ word)
                .wrapping_mul(0x0000_0100_0000_01b3)
                .rotate_left(29);
        }
        for &byte in chunks.remainder() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

#[derive(Debug, Default)]
struct TextTable {
    index: HashMap<Box<str>, u32, BuildHasherDefault<WordHasher>>,
    column: TextColumn,
}

impl TextTable {
    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&node) = self.index.get(id) {
            return node;
        }
        let node = self.column.len() as u32;
        self.column.push(id);
        self.index.insert(id.into(), node);
        node
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_integers_print_back_the_same() {
        let rows = [
            ("0", Some(0)),
            ("9907233", Some(9907233)),
            ("007", None),
            ("-1", None),
            ("+1", None),
            ("1e3", None),
            ("", None),
            ("18446744073709551615", None), // 20 digits
            ("1844674407370955161", Some(1844674407370955161)),
        ];
        for (token, want) in rows {
            assert_eq!(canonical_integer(token.as_bytes()), want, "{token:?}");
        }
    }

    #[test]
    fn integers_number_by_first_sight_and_grow() {
        let mut interner = Interner::new();
        let ids: Vec<u32> = (0..1000u64)
            .map(|i| interner.intern(&((i * 7919) % 500).to_string()))
            .collect();
        assert_eq!(interner.len(), 500);
        assert_eq!(ids[0], 0);
        assert_eq!(ids[500], ids[0]);
        let NodeIds::Integers(values) = interner.finish() else {
            panic!("integer ids")
        };
        assert_eq!(values[1], 7919 % 500);
    }

    #[test]
    fn a_text_id_switches_the_table_and_keeps_numbers() {
        let mut interner = Interner::new();
        assert_eq!(interner.intern("12"), 0);
        assert_eq!(interner.intern("W7"), 1);
        assert_eq!(interner.intern("12"), 0);
        assert_eq!(interner.intern_integer(99), 2);
        assert_eq!(interner.intern("007"), 3);
        let ids = interner.finish();
        assert_eq!(ids.len(), 4);
        assert_eq!(ids.get(0), "12");
        assert_eq!(ids.get(2), "99");
        assert_eq!(ids.get(3), "007");
        assert_eq!(ids.find("W7"), Some(1));
        assert_eq!(ids.find("nothing"), None);
    }

    #[test]
    fn text_columns_reject_bad_ends() {
        let mut column = TextColumn::new();
        column.push("é");
        column.push("");
        column.push("ab");
        assert_eq!(column.iter().collect::<Vec<_>>(), ["é", "", "ab"]);
        let (text, ends) = (column.text().to_owned(), column.ends().to_vec());
        assert_eq!(TextColumn::from_parts(text.clone(), ends), Some(column));
        assert!(TextColumn::from_parts(text.clone(), vec![1, 4]).is_none()); // inside é
        assert!(TextColumn::from_parts(text.clone(), vec![2, 1]).is_none());
        assert!(TextColumn::from_parts(text, vec![2]).is_none()); // text left over
    }
}

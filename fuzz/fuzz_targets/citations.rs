//! Fuzz the citation importers (edge list, CSV, OpenAlex JSON Lines) and
//! the binary form's decoder: no input may panic; whatever parses must
//! encode to the binary form and decode back to the same network, and
//! must build a compact graph and an argument graph.
#![no_main]

use argnet::analysis::{citation_graph, edge_census};
use argnet::corpus::citations::{
    BINARY_MAGIC, CitationFormat, decode_binary, encode_binary, parse_citations,
};
use argnet::model::graph_from_citations;
use argnet::progress::Silent;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [
        CitationFormat::EdgeList,
        CitationFormat::Csv,
        CitationFormat::OpenAlex,
        CitationFormat::Binary,
    ] {
        if let Ok(citations) = parse_citations(data, format, &Silent) {
            let bytes = encode_binary(&citations);
            let back = decode_binary(&bytes).expect("encoded networks decode");
            assert_eq!(back, citations);
            let graph = citation_graph(&citations, true).expect("parsed edges build a graph");
            assert_eq!(edge_census(&graph).citations, citations.edge_count());
            let _ = graph_from_citations(&citations);
        }
    }
    // The decoder past the magic bytes and the checksum, which turn away
    // almost every random input before the interesting checks.
    let mut framed = BINARY_MAGIC.to_vec();
    framed.extend_from_slice(data);
    let sum = crc32(&framed);
    framed.extend_from_slice(&sum.to_le_bytes());
    if let Ok(citations) = decode_binary(&framed) {
        assert_eq!(decode_binary(&encode_binary(&citations)), Ok(citations));
    }
});

/// CRC-32 (IEEE), bit by bit: the checksum of the binary form.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

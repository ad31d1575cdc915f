//! Fuzz the gzip path and format detection of `read_citations`: the input
//! is written under several names (each detection rule), both compressed
//! (any content, valid gzip) and raw behind the gzip magic bytes (a broken
//! stream). No input may panic; whatever reads from the compressed file
//! must equal what the plain file gives.
#![no_main]

use std::io::Write;

use argnet::corpus::citations::{ImportConfig, read_citations};
use argnet::progress::Silent;
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["cites.txt", "refs.csv", "works.jsonl", "works.json", "graph.argc", "noext"];

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    let name = NAMES[data.first().copied().unwrap_or(0) as usize % NAMES.len()];
    let plain = dir.path().join(name);
    let packed = dir.path().join(format!("{name}.gz"));
    let broken = dir.path().join(format!("broken-{name}.gz"));
    std::fs::write(&plain, data).unwrap();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(data).unwrap();
    std::fs::write(&packed, encoder.finish().unwrap()).unwrap();
    std::fs::write(&broken, [&[0x1f, 0x8b][..], data].concat()).unwrap();
    let config = ImportConfig {
        // Small, so that the limit is reached by some inputs too.
        max_unpacked: Some(1 << 16),
        ..ImportConfig::default()
    };
    let from_plain = read_citations(&plain, &config, &Silent);
    let from_packed = read_citations(&packed, &config, &Silent);
    let _ = read_citations(&broken, &config, &Silent);
    if data.len() < 1 << 16
        && let (Ok(a), Ok(b)) = (&from_plain, &from_packed)
    {
        assert_eq!(a.edges, b.edges, "gzip changed the network");
    }
});

//! Fuzz the TOML readers: codebook and corpus manifest.
#![no_main]

use std::path::Path;

use argnet::corpus::Manifest;
use argnet::extract::Codebook;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Codebook::parse(text, Path::new("codebook.toml"));
        let _ = Manifest::parse(text, Path::new("corpus.toml"));
    }
});

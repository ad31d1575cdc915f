//! No panics on any input: seeded random and hostile inputs through every
//! parser. (Coverage-guided fuzzing of the same entry points is in fuzz/.)

use std::path::Path;

use argnet::corpus::{self, DocumentMeta};
use argnet::extract::Codebook;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Bytes biased towards the characters our rules look at.
    fn text(&mut self, len: usize) -> Vec<u8> {
        const PIECES: &[&str] = &[
            ".",
            "!",
            "?",
            "…",
            "\"",
            "\u{201c}",
            "\u{201d}",
            "'",
            "\u{2019}",
            "\n",
            "\r\n",
            "\n\n",
            " ",
            "Mr.",
            "e.g.",
            "St.",
            "A",
            "b",
            "£18.5bn",
            "• ",
            "- ",
            ":",
            "Leave a Reply",
            "www.x.org",
            "(",
            ")",
            "\u{a0}",
            "é",
            "İ",
            "ß",
            "\t",
            "#",
        ];
        let mut out = Vec::with_capacity(len);
        while out.len() < len {
            match self.next() % 4 {
                0 => out.push((self.next() % 256) as u8),
                _ => out.extend_from_slice(
                    PIECES[(self.next() % PIECES.len() as u64) as usize].as_bytes(),
                ),
            }
        }
        out
    }
}

#[test]
fn random_bytes_never_panic_the_corpus_stage() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let len = (rng.next() % 300) as usize;
        let bytes = rng.text(len);
        if let Ok((text, _)) = corpus::decode(&bytes) {
            let document = corpus::document_from_text("x.txt", &text, DocumentMeta::default());
            for sentence in &document.sentences {
                // Every span is a valid, trimmed slice.
                let piece = &document.text[sentence.span.clone()];
                assert_eq!(piece, piece.trim());
                assert!(!piece.is_empty());
            }
        }
    }
}

#[test]
fn random_toml_never_panics_the_codebook_or_manifest_parsers() {
    let mut rng = Rng(42);
    let seeds_codebook = std::fs::read_to_string("seeds/codebook.toml").unwrap();
    for round in 0..2000 {
        // Mutate the real codebook: cut it, splice random bytes in.
        let mut bytes = seeds_codebook.as_bytes().to_vec();
        let cut = (rng.next() as usize) % bytes.len();
        let noise_len = (rng.next() % 40) as usize;
        let noise = rng.text(noise_len);
        let removed = (cut + (rng.next() as usize % 20)).min(bytes.len());
        bytes.splice(cut..removed, noise);
        let text = String::from_utf8_lossy(&bytes);
        let path = Path::new("codebook.toml");
        if let Err(e) = Codebook::parse(&text, path) {
            let message = e.to_string();
            assert!(
                message.starts_with("codebook.toml:"),
                "round {round}: {message}"
            );
        }
        let _ = corpus::Manifest::parse(&text, path);
    }
}

#[test]
fn random_json_never_panics_the_graph_reader() {
    let mut rng = Rng(7);
    let graph = argnet::pipeline::build(
        &argnet::pipeline::BuildConfig::new(vec!["tests/fixtures/tiny".into()])
            .with_out_dir(tempfile::tempdir().unwrap().path().to_owned())
            .with_render(false),
    )
    .unwrap()
    .graph;
    let json = argnet::export::graph_to_json(&graph);
    for _ in 0..500 {
        let mut bytes = json.as_bytes().to_vec();
        let at = (rng.next() as usize) % bytes.len();
        let noise_len = (rng.next() % 8) as usize;
        let noise = rng.text(noise_len);
        bytes.splice(at..(at + 3).min(bytes.len()), noise);
        let text = String::from_utf8_lossy(&bytes);
        let _ = argnet::export::graph_from_json(&text, Path::new("g.json"));
    }
}

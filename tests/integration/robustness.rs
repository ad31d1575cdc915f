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

#[test]
fn random_text_never_panics_extraction() {
    // Text mixed from the seeds codebook's names, cue words and the
    // punctuation the attribution and stance rules look at.
    const WORDS: &[&str] = &[
        " said ",
        " says: ",
        "“",
        "”",
        "\"",
        " Bubb",
        " Sir Stephen Bubb,",
        " ACEVO",
        " It ",
        " he ",
        " they ",
        " calls for ",
        " the Big Society",
        " Work Programme",
        " silos",
        " not ",
        " rather than ",
        ", not ",
        " less ",
        " is vital",
        " misguided ",
        " — ",
        " – ",
        " (",
        ")",
        " [",
        "]",
        "\n\nLord Smith (Lab):\n",
        "\nJanet F said...\n",
        " the report ",
        " Remaking the State: A Call to Action ",
        " the Social Value Act ",
        " www.x.org/a ",
        " chief executive of ",
        " Director ",
        "’s ",
        " and I ",
        " I entirely agree. ",
        " early intervention",
        ": ",
        "; ",
        " although ",
        ", ",
        ".",
        "\n",
    ];
    let codebook_path = Path::new("seeds/codebook.toml");
    let codebook = Codebook::parse(
        &std::fs::read_to_string(codebook_path).unwrap(),
        codebook_path,
    )
    .unwrap();
    let mut rng = Rng(7);
    let mut documents = Vec::new();
    for i in 0..400 {
        let mut text = String::new();
        for _ in 0..(rng.next() % 60) {
            if rng.next() % 3 == 0 {
                text.push_str(&String::from_utf8_lossy(&rng.text(8)));
            } else {
                text.push_str(WORDS[(rng.next() % WORDS.len() as u64) as usize]);
            }
        }
        let meta = DocumentMeta {
            author: (i % 2 == 0).then(|| "Stephen Bubb".to_owned()),
            ..DocumentMeta::default()
        };
        documents.push(corpus::document_from_text(&format!("{i}.txt"), &text, meta));
    }
    let corpus = corpus::Corpus {
        documents,
        warnings: vec![],
    };
    let extraction = argnet::extract::extract(
        &corpus,
        &codebook,
        &argnet::extract::ExtractConfig::default(),
    );
    for (document, found) in corpus.documents.iter().zip(&extraction.documents) {
        for statement in &found.statements {
            assert!(statement.sentence < document.sentences.len());
            assert!((0.0..=1.0).contains(&statement.confidence), "{statement:?}");
        }
    }
}

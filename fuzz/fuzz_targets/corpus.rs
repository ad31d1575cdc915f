//! Fuzz the corpus stage: decoding, boilerplate trimming, sentence splitting,
//! and mention matching with the seeds codebook; then extraction and the
//! model stage (claims cut at connectives, references to a named Bill).
#![no_main]

use std::sync::LazyLock;

use argnet::corpus::{self, Corpus, DocumentMeta};
use argnet::extract::{self, Codebook, ExtractConfig};
use libfuzzer_sys::fuzz_target;

static CODEBOOK: LazyLock<Codebook> = LazyLock::new(|| {
    let text = include_str!("../../seeds/codebook.toml");
    Codebook::parse(text, std::path::Path::new("codebook.toml")).unwrap()
});

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _)) = corpus::decode(data) {
        let document = corpus::document_from_text("x.txt", &text, DocumentMeta::default());
        for sentence in &document.sentences {
            assert!(document.text.get(sentence.span.clone()).is_some());
        }
        let corpus = Corpus {
            documents: vec![document],
            warnings: vec![],
        };
        let extraction = extract::extract(&corpus, &CODEBOOK, &ExtractConfig::default());
        let _ = argnet::model::build_graph("fuzz", &corpus, &extraction);
    }
});

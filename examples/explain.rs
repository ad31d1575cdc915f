//! Print, for every unit of every document, its holder and statements:
//! `cargo run --example explain -- CORPUS [CODEBOOK]`. A development aid
//! for reading what extraction did and why.

use std::path::PathBuf;

use argnet::corpus::{self, CorpusConfig};
use argnet::extract::{self, Codebook, ExtractConfig};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let input = PathBuf::from(args.next().expect("usage: explain CORPUS [CODEBOOK]"));
    let codebook = match args.next() {
        Some(path) => Codebook::parse(&std::fs::read_to_string(&path)?, path.as_ref())?,
        None => Codebook::default(),
    };
    let corpus = corpus::load(&CorpusConfig {
        inputs: vec![input],
        manifest: None,
        max_document: None,
    })?;
    let extraction = extract::extract(&corpus, &codebook, &ExtractConfig::default());
    let name = |id: extract::EntityId| extraction.entities[id.0].name.clone();
    for (document, found) in corpus.documents.iter().zip(&extraction.documents) {
        println!(
            "=== {} {:?}",
            document.id,
            found.voice.as_ref().map(|v| (v.genre, name(v.actor)))
        );
        for (index, unit) in found.sentences.iter().enumerate() {
            let holder = found.holders[index]
                .as_ref()
                .map(|h| {
                    format!(
                        "{:?} {:?}",
                        h.how,
                        h.actors.iter().map(|&a| name(a)).collect::<Vec<_>>()
                    )
                })
                .unwrap_or_else(|| "-".into());
            let text: String = document.text[unit.span.clone()].chars().take(110).collect();
            println!("[{index}] <{holder}> {text}");
            for s in found.statements.iter().filter(|s| s.sentence == index) {
                println!(
                    "      {} {:?} {} ({:.2}, {}/{})",
                    name(s.actor),
                    s.stance,
                    name(s.concept),
                    s.confidence,
                    s.basis.holder.key(),
                    s.basis.stance.key()
                );
            }
        }
    }
    Ok(())
}

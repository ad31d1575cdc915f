//! Benchmark of the extract stage: MB/s of `argnet::extract::extract` on a
//! corpus of at least 50 MB made by repeating the seed texts (each copy a
//! document of its own), on one thread and on all cores.
//!
//! ```sh
//! cargo bench --bench extract_speed            # 50 MB, 3 runs each
//! cargo bench --bench extract_speed -- 200 5   # 200 MB, 5 runs each
//! ```
//!
//! Prints one Markdown row per setting (median of the runs) for
//! `benches/RESULTS.md`. Building the in-memory corpus (decoding, sentence
//! splitting) is timed apart from extraction and not counted in its MB/s.

use std::path::Path;
use std::time::Instant;

use argnet::corpus::{Corpus, DocumentMeta, document_from_text, read_text};
use argnet::extract::{self, Codebook, ExtractConfig};

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with('-'));
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(50);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3).max(1);

    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let codebook_path = seeds.join("codebook.toml");
    let codebook = Codebook::parse(
        &read_text(&codebook_path).expect("codebook"),
        &codebook_path,
    )
    .expect("codebook parses");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&seeds)
        .expect("seeds folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, read_text(&path).expect("seed text"))
        })
        .collect();
    texts.sort();

    let target = megabytes * 1_000_000;
    let started = Instant::now();
    let mut corpus = Corpus::default();
    let mut bytes = 0;
    'fill: for copy in 0.. {
        for (name, text) in &texts {
            if bytes >= target {
                break 'fill;
            }
            let id = format!("{copy:05}/{name}");
            corpus
                .documents
                .push(document_from_text(&id, text, DocumentMeta::default()));
            bytes += text.len();
        }
    }
    let corpus_seconds = started.elapsed().as_secs_f64();
    let sentences: usize = corpus.documents.iter().map(|d| d.sentences.len()).sum();
    eprintln!(
        "corpus: {} documents, {:.1} MB, {} sentences, built in {:.2} s",
        corpus.documents.len(),
        bytes as f64 / 1e6,
        sentences,
        corpus_seconds
    );

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("| threads | documents | MB | runs | median s | MB/s | statements |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for threads in [1, cores] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        let mut seconds = Vec::with_capacity(runs);
        let mut statements = 0;
        for _ in 0..runs {
            let started = Instant::now();
            let extraction =
                pool.install(|| extract::extract(&corpus, &codebook, &ExtractConfig::default()));
            seconds.push(started.elapsed().as_secs_f64());
            statements = extraction
                .documents
                .iter()
                .map(|d| d.statements.len())
                .sum();
        }
        seconds.sort_by(f64::total_cmp);
        let median = seconds[seconds.len() / 2];
        println!(
            "| {threads} | {} | {:.1} | {runs} | {median:.2} | {:.2} | {statements} |",
            corpus.documents.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / median
        );
    }
}

//! Corpus stage on the seeds and the tiny fixture.

use argnet::corpus::{self, CorpusConfig, Encoding};

use crate::common::{fixture, seeds};

fn load_seeds() -> argnet::corpus::Corpus {
    corpus::load(&CorpusConfig {
        inputs: vec![seeds()],
        manifest: None,
        max_document: None,
    })
    .expect("seeds load")
}

#[test]
fn seeds_load_in_file_order_with_metadata_from_the_manifest() {
    let corpus = load_seeds();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_795833f8700f73c2.txt",
            "001_f0aaf8fef8af50cd.txt",
            "002_c4c8582e5896fd0c.txt",
            "003_3ae5f5cdc4ca4c68.txt",
            "004_8f0f48afbd2de079.txt"
        ]
    );
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    let blog = &corpus.documents[2];
    assert_eq!(blog.meta.author.as_deref(), Some("Stephen Bubb"));
    assert_eq!(blog.meta.date.as_deref(), Some("2009-06-23"));
    assert_eq!(blog.encoding, Encoding::Utf8);
    // sha256 of the bytes as shipped.
    assert_eq!(
        corpus.documents[0].sha256,
        "c72ba3e98932ddcae286b3e9db9eeba64ac8c316b3e3630f6d7fc52a4f8a4647"
    );
}

#[test]
fn seed_footers_are_not_content() {
    let corpus = load_seeds();
    for (index, marker) in [(3, "www.2020publicservicestrust.org"), (4, "Leave a Reply")] {
        let document = &corpus.documents[index];
        let at = document.text.find(marker).expect("marker in text");
        assert!(
            document.content.end <= at,
            "{}: content ends at {} but the footer starts at {at}",
            document.id,
            document.content.end
        );
        assert!(
            document
                .sentences
                .iter()
                .all(|s| s.span.end <= document.content.end)
        );
    }
    // The end of the article is still content.
    let tizard = &corpus.documents[4];
    assert!(tizard.text[tizard.content.clone()].ends_with("picking up the thought baton."));
    // A comment thread is content.
    let blog = &corpus.documents[2];
    assert_eq!(blog.content.end, blog.text.len());
}

#[test]
fn seed_sentences_handle_quotes_numbers_and_headlines() {
    let corpus = load_seeds();
    let texts = |i: usize| -> Vec<String> {
        let d = &corpus.documents[i];
        d.sentences
            .iter()
            .map(|s| d.sentence_text(s).to_owned())
            .collect()
    };
    let ippr = texts(1);
    assert_eq!(ippr[0], "Headlines: February 12th, 2014");
    assert!(
        ippr.iter()
            .any(|s| s.starts_with("IPPR analysis following") && s.ends_with("2017/18."))
    );
    assert!(ippr.iter().any(|s| s == "There would need to be a decentralization of budgets to local authorities and city regions to unlock innovation, improve responsiveness and break down silos."));
    let acevo = texts(0);
    assert!(acevo.iter().any(
        |s| s.starts_with("Sir Stephen Bubb, chief executive of Acevo, said:")
            && s.ends_with("best interests of the people.")
    ));
    let fsquared = texts(3);
    assert!(fsquared.contains(&"Power: from the centre to citizens.".to_owned()));
}

#[test]
fn fixture_reads_nested_markdown_and_crlf() {
    let corpus = corpus::load(&CorpusConfig {
        inputs: vec![fixture("tiny")],
        manifest: None,
        max_document: None,
    })
    .unwrap();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "sub/b.md"]);
    let a = &corpus.documents[0];
    let sentences: Vec<&str> = a.sentences.iter().map(|s| a.sentence_text(s)).collect();
    assert_eq!(sentences[2], "Smith & Sons disagreed about PbR.");
    // Inferred title for the document the manifest does not list.
    assert_eq!(corpus.documents[1].meta.title.as_deref(), Some("Notes"));
}

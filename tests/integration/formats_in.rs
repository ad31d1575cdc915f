//! Documents as users have them: a folder of saved web pages, Word
//! documents and PDF reports is read like a folder of text files, and
//! every file argnet cannot read is named in a warning.

use std::fs;
use std::io::Write;

use assert_cmd::Command;
use serde_json::Value;

use crate::common::{fixture, temp_dir};

fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let document = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn html_docx_and_pdf_are_read_and_other_files_named() {
    let dir = temp_dir();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("debate.html"),
        "<html><head><title>Rent debate</title><script>alert('x')</script></head><body>\
         <p>The Tenants Union said that it supports rent controls.</p></body></html>",
    )
    .unwrap();
    fs::write(
        corpus.join("brief.docx"),
        docx(&["The Landlords Association opposes rent controls."]),
    )
    .unwrap();
    fs::copy(fixture("formats/two-pages.pdf"), corpus.join("report.pdf")).unwrap();
    fs::write(corpus.join("old.doc"), b"\xd0\xcf\x11\xe0 binary").unwrap();
    fs::write(corpus.join("chart.png"), b"\x89PNG").unwrap();
    fs::write(corpus.join("broken.pdf"), b"%PDF-1.4 truncated").unwrap();
    fs::write(
        corpus.join("codebook.toml"),
        "[[concept]]\nname = \"rent controls\"\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = Command::cargo_bin("argnet")
        .unwrap()
        .arg("build")
        .arg(&corpus)
        .args(["--no-svg", "--out"])
        .arg(&out)
        .args(["--name", "formats"])
        .assert()
        .code(1) // done, but some files were skipped
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (name, why) in [
        ("old.doc", "save it as .docx"),
        ("chart.png", "not a format argnet reads"),
        ("broken.pdf", "not a readable PDF"),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(name) && l.contains(why)),
            "{name}: {stderr}"
        );
    }
    assert!(!stderr.contains("codebook.toml"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let graph: Value =
        serde_json::from_str(&fs::read_to_string(out.join("formats.json")).unwrap()).unwrap();
    let documents: Vec<(&str, &str)> = graph["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["encoding"].as_str().unwrap()))
        .collect();
    assert_eq!(
        documents,
        [
            ("brief.docx", "docx"),
            ("debate.html", "html"),
            ("report.pdf", "pdf")
        ]
    );
    let html = &graph["documents"][1];
    assert_eq!(html["title"], "Rent debate");
    // The PDF keeps where its second page starts, and the evidence table
    // names the page of every sentence from it.
    assert_eq!(graph["documents"][2]["pages"].as_array().unwrap().len(), 1);
    Command::cargo_bin("argnet")
        .unwrap()
        .arg("export")
        .arg(out.join("formats.json"))
        .args(["--to", "csv", "-q", "-o"])
        .arg(out.join("csv"))
        .assert()
        .success();
    let evidence = fs::read_to_string(out.join("csv/evidence.csv")).unwrap();
    let pages: Vec<&str> = evidence
        .lines()
        .filter(|l| l.contains(",report.pdf,"))
        .map(|l| l.split(',').nth(9).unwrap())
        .collect();
    assert!(pages.contains(&"1") && pages.contains(&"2"), "{evidence}");
    assert!(
        evidence
            .lines()
            .filter(|l| l.contains(",debate.html,"))
            .all(|l| l.split(',').nth(9) == Some(""))
    );
    // Every document's text reached extraction: each names the concept.
    let concept = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "concept:rent-controls")
        .expect("rent controls found");
    assert_eq!(
        concept["documents"].as_array().unwrap().len(),
        3,
        "{concept}"
    );
    // The script's text is not a sentence anywhere.
    assert!(
        !fs::read_to_string(out.join("formats.json"))
            .unwrap()
            .contains("alert")
    );
}

//! Fuzz the readers of documents that are not plain text: the same bytes
//! as an HTML page, a Word document (raw, and as `word/document.xml`
//! inside a valid zip) and a PDF, and a statement table. No input may
//! panic (a PDF reader panic is caught and becomes an error); extracted
//! text is never empty.
#![no_main]

use std::io::Write;

use argnet::corpus::{Format, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Html, Format::Docx, Format::Pdf, Format::Text] {
        if let Ok(extracted) = extract(format, data, 1 << 20) {
            assert!(!extracted.text.trim().is_empty());
        }
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(data).unwrap();
    let packed = zip.finish().unwrap().into_inner();
    let _ = extract(Format::Docx, &packed, 1 << 16);
    let _ = argnet::corpus::coded::read_table(
        std::path::Path::new("fuzz.csv"),
        data,
        &argnet::corpus::coded::Columns::default(),
    );
});

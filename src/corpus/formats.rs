//! Corpus stage: the text of documents that are not plain text — saved web
//! pages (`.html`, `.htm`), Word documents (`.docx`) and PDF reports
//! (`.pdf`) — with the title, date and author the file itself gives. Each
//! becomes plain text with one paragraph per block (a blank line between
//! them), so that the rest of argnet reads it like a `.txt` file; spans
//! index this text, not the file.
//!
//! - HTML through `scraper` (html5ever, the browsers' parsing algorithm):
//!   scripts, styles, forms and embedded objects are dropped, block
//!   elements (`p`, `div`, headings, list items, table rows, …) end a
//!   paragraph, white space is collapsed as a browser would. `<title>`,
//!   `<meta name="author">` and a publication date (`article:published_time`,
//!   `<meta name="date">`, `<time datetime>`) fill the metadata.
//! - DOCX through `zip` and `quick-xml`: the paragraphs of
//!   `word/document.xml` (`w:t` text, `w:tab`, `w:br`), and `dc:title`,
//!   `dc:creator`, `dcterms:created` of `docProps/core.xml`.
//! - PDF through `pdf-extract`: the text of every page, pages separated by
//!   a blank line. It panics on some malformed files; that is caught and
//!   reported as an unreadable file, never a crash.

mod html;

use std::io::Read;
use std::sync::Once;

use quick_xml::events::Event;

use super::decode;
use super::document::{DocumentMeta, Encoding};
use super::metadata;

/// The date of a metadata value: an ISO timestamp (`2023-05-23T10:00Z`)
/// or any date `metadata::find_date` reads.
fn find_date(value: &str) -> Option<String> {
    let value = value.trim();
    let day = value.get(..10).filter(|d| {
        d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    metadata::find_date(day.unwrap_or(value))
}

/// What a file holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: text, decoded as it is.
    Text,
    Html,
    Docx,
    Pdf,
}

impl Format {
    /// The format of a file extension (any case).
    pub fn of_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "txt" | "md" | "markdown" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// The text of a document and what the file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub text: String,
    pub encoding: Encoding,
    pub meta: DocumentMeta,
    /// Where pages 2, 3, … start in `text` (PDF); empty otherwise.
    pub pages: Vec<usize>,
}

/// The text of `bytes` in `format`. `max` bounds the unpacked size of a
/// Word document. The error says why the file cannot be read.
pub fn extract(format: Format, bytes: &[u8], max: u64) -> Result<Extracted, String> {
    let extracted = match format {
        Format::Text => {
            let (text, encoding) = decode(bytes).map_err(|r| r.to_string())?;
            Extracted {
                text,
                encoding,
                meta: DocumentMeta::default(),
                pages: Vec::new(),
            }
        }
        Format::Html => html::html(bytes)?,
        Format::Docx => docx(bytes, max)?,
        Format::Pdf => pdf(bytes)?,
    };
    if extracted.text.trim().is_empty() {
        return Err("no text in it".into());
    }
    Ok(extracted)
}

/// Paragraphs collected from a walk over the text.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    /// Add text, collapsing white space as a browser does.
    fn text(&mut self, text: &str) {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
    }

    fn line_break(&mut self) {
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
        if !self.current.is_empty() {
            self.current.push('\n');
        }
    }

    fn end(&mut self) {
        let paragraph = self.current.trim().to_owned();
        if !paragraph.is_empty() {
            self.done.push(paragraph);
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.end();
        let mut text = self.done.join("\n\n");
        text.push('\n');
        text
    }
}

/// A file of the zip archive as text, refusing one that unpacks to more
/// than `max` bytes.
fn zip_text(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    max: u64,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("not a readable Word document ({e})")),
    };
    let mut text = String::new();
    file.take(max + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("not a readable Word document ({name}: {e})"))?;
    if text.len() as u64 > max {
        return Err(format!(
            "its text unpacks to more than {} MiB; raise the limit with --max-document",
            max >> 20
        ));
    }
    Ok(Some(text))
}

fn docx(bytes: &[u8], max: u64) -> Result<Extracted, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (.docx is a zip archive: {e})"))?;
    let document = zip_text(&mut archive, "word/document.xml", max)?
        .ok_or("not a Word document: it has no word/document.xml (an old .doc saved as .docx? save it as .docx from Word)")?;
    let mut paragraphs = Paragraphs::default();
    let mut reader = quick_xml::Reader::from_str(&document);
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"p" => paragraphs.end(),
                b"tab" => paragraphs.current.push('\t'),
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"br" | b"cr" => paragraphs.line_break(),
                b"tab" => paragraphs.current.push('\t'),
                b"p" => paragraphs.end(),
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => paragraphs.end(),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let text = t
                    .xml10_content()
                    .map_err(|e| format!("not a readable Word document ({e})"))?;
                paragraphs.current.push_str(&text);
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let name = String::from_utf8_lossy(&r);
                let resolved = quick_xml::escape::unescape(&format!("&{name};"))
                    .map(|c| c.into_owned())
                    .unwrap_or_default();
                paragraphs.current.push_str(&resolved);
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("not a readable Word document ({e})")),
            _ => {}
        }
    }
    let mut meta = DocumentMeta::default();
    if let Some(core) = zip_text(&mut archive, "docProps/core.xml", max)? {
        let field = |name: &str| {
            let start = core.find(&format!("<{name}"))?;
            let open_end = start + core[start..].find('>')? + 1;
            let close = open_end + core[open_end..].find(&format!("</{name}>"))?;
            let value = quick_xml::escape::unescape(core[open_end..close].trim())
                .ok()?
                .into_owned();
            (!value.is_empty()).then_some(value)
        };
        meta.title = field("dc:title");
        meta.author = field("dc:creator");
        meta.date = field("dcterms:created").and_then(|d| find_date(&d));
    }
    Ok(Extracted {
        text: paragraphs.finish(),
        encoding: Encoding::Docx,
        meta,
        pages: Vec::new(),
    })
}

thread_local! {
    /// Set while this thread runs the PDF reader, whose panics are caught
    /// and reported as an unreadable file (so the panic hook stays quiet).
    static IN_PDF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Install, once, a panic hook that is silent for panics inside the PDF
/// reader and otherwise does what the previous hook did.
fn quiet_pdf_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_PDF.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
}

fn pdf(bytes: &[u8]) -> Result<Extracted, String> {
    quiet_pdf_panics();
    IN_PDF.with(|flag| flag.set(true));
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    IN_PDF.with(|flag| flag.set(false));
    let pages = match pages {
        Ok(Ok(pages)) => pages,
        Ok(Err(e)) => return Err(format!("not a readable PDF ({e})")),
        Err(_) => {
            return Err(
                "not a readable PDF (the PDF reader failed on it; save it as text, or print it to a new PDF)"
                    .into(),
            );
        }
    };
    let mut text = String::new();
    let mut starts = Vec::new();
    for (number, page) in pages.iter().enumerate() {
        if number > 0 {
            // An empty page still counts, so page numbers stay the PDF's.
            starts.push(text.len());
        }
        let page = page.trim();
        if !page.is_empty() {
            text.push_str(page);
            text.push_str("\n\n");
        }
    }
    if text.trim().is_empty() {
        return Err(
            "no text in it (a scanned PDF holds pictures of pages; run OCR on it first)".into(),
        );
    }
    Ok(Extracted {
        text,
        encoding: Encoding::Pdf,
        meta: DocumentMeta::default(),
        pages: starts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal .docx: a zip with word/document.xml and docProps/core.xml.
    pub(crate) fn docx_bytes(paragraphs: &[&str], title: &str) -> Vec<u8> {
        use std::io::Write;
        let mut body = String::new();
        for p in paragraphs {
            body.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"
            ));
        }
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        let core = format!(
            "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>{title}</dc:title><dc:creator>Jane Roe</dc:creator><dcterms:created>2024-02-01T09:00:00Z</dcterms:created></cp:coreProperties>"
        );
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.start_file("docProps/core.xml", options).unwrap();
        zip.write_all(core.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn docx_becomes_paragraphs_and_metadata() {
        let bytes = docx_bytes(
            &["Housing &amp; rents", "We oppose   rent caps.", ""],
            "A &lt;report&gt;",
        );
        let doc = extract(Format::Docx, &bytes, 1 << 20).unwrap();
        assert_eq!(doc.text, "Housing & rents\n\nWe oppose   rent caps.\n");
        assert_eq!(doc.meta.title.as_deref(), Some("A <report>"));
        assert_eq!(doc.meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(doc.meta.date.as_deref(), Some("2024-02-01"));
        // Too large when unpacked, not a zip, a zip without a document.
        let error = extract(Format::Docx, &bytes, 10).unwrap_err();
        assert!(error.contains("--max-document"), "{error}");
        let error = extract(Format::Docx, b"PK\x03\x04 nonsense", 1 << 20).unwrap_err();
        assert!(error.starts_with("not a Word document"), "{error}");
    }

    #[test]
    fn pdf_pages_become_paragraphs() {
        let bytes = include_bytes!("../../tests/fixtures/formats/two-pages.pdf");
        let doc = extract(Format::Pdf, bytes, 1 << 20).unwrap();
        assert_eq!(doc.encoding, Encoding::Pdf);
        assert!(
            doc.text
                .contains("The Housing Forum said that it supports rent controls."),
            "{:?}",
            doc.text
        );
        let second = doc.text.find("The Landlords Association").unwrap();
        let first = doc.text.find("Housing Forum").unwrap();
        assert!(first < second);
        assert!(doc.text[first..second].contains("\n\n"), "{:?}", doc.text);
        // Page 2 starts after the first page's text.
        assert_eq!(doc.pages.len(), 1);
        assert!(
            doc.pages[0] > first && doc.pages[0] <= second,
            "{:?}",
            doc.pages
        );
    }

    #[test]
    fn broken_pdfs_are_errors_not_panics() {
        for bytes in [
            &b""[..],
            b"%PDF-1.4\n",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
            b"not a pdf at all",
        ] {
            let error = extract(Format::Pdf, bytes, 1 << 20).unwrap_err();
            assert!(
                error.starts_with("not a readable PDF") || error.starts_with("no text"),
                "{error}"
            );
        }
    }

    #[test]
    fn extensions_table() {
        let rows = [
            ("txt", Some(Format::Text)),
            ("MD", Some(Format::Text)),
            ("htm", Some(Format::Html)),
            ("HTML", Some(Format::Html)),
            ("docx", Some(Format::Docx)),
            ("pdf", Some(Format::Pdf)),
            ("doc", None),
            ("xlsx", None),
        ];
        for (extension, want) in rows {
            assert_eq!(Format::of_extension(extension), want, "{extension}");
        }
    }
}

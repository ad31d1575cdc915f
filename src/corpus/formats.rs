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

use std::io::Read;
use std::sync::{LazyLock, Once};

use quick_xml::events::Event;
use regex::Regex;
use scraper::{ElementRef, Html, Node};

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
        Format::Html => html(bytes)?,
        Format::Docx => docx(bytes, max)?,
        Format::Pdf => pdf(bytes)?,
    };
    if extracted.text.trim().is_empty() {
        return Err("no text in it".into());
    }
    Ok(extracted)
}

/// Elements whose content is not text a reader sees.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "button", "select", "textarea", "form", "head",
];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "thead",
    "tbody",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
    "body",
    "center",
    "hgroup",
    "details",
    "summary",
    "caption",
];

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

/// The text of `root` as paragraphs. Iterative (a page of 200,000 nested
/// `<div>`s must not overflow the stack).
fn walk(root: ElementRef, out: &mut Paragraphs) {
    use ego_tree::iter::Edge;
    let mut hidden = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) if hidden == 0 => out.text(&text.text),
                Node::Element(e) => {
                    let name = e.name();
                    if hidden > 0 || HIDDEN.contains(&name) {
                        hidden += 1;
                    } else if name == "br" {
                        out.line_break();
                    } else if BLOCKS.contains(&name) {
                        out.end();
                    } else if matches!(name, "td" | "th") {
                        out.text(" ");
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if hidden > 0 {
                        hidden -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.end();
                    }
                }
            }
        }
    }
}

/// Tags deeper than this make the HTML parser slow (every new element
/// looks through the stack of open ones); such a page is read by
/// [`strip_tags`] instead.
const MAX_HTML_DEPTH: usize = 512;

/// How deeply the elements of `source` nest, roughly: opening tags minus
/// closing ones, void and self-closed elements not counted. O(n).
fn nesting_depth(source: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "!doctype", "!--",
    ];
    let bytes = source.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut at = 0;
    while let Some(offset) = source[at..].find('<') {
        let start = at + offset + 1;
        let end = source[start..]
            .find('>')
            .map_or(source.len(), |e| start + e);
        let tag = &source[start..end];
        at = end.min(source.len());
        if let Some(closing) = tag.strip_prefix('/') {
            if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if !bytes.get(start).is_some_and(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The text of a page too deeply nested to parse: scripts and styles
/// dropped, every tag a paragraph break, the common character references
/// decoded.
fn strip_tags(source: &str) -> String {
    static HIDDEN_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?is)<(script|style|noscript|template)\b.*?</(script|style|noscript|template)\s*>",
        )
        .expect("hidden block pattern")
    });
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("tag pattern"));
    let visible = HIDDEN_BLOCK.replace_all(source, " ");
    let mut paragraphs = Paragraphs::default();
    for piece in TAG.split(&visible) {
        let text = piece
            .replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        if text.trim().is_empty() {
            paragraphs.end();
        } else {
            paragraphs.text(&text);
        }
    }
    paragraphs.finish()
}

fn html(bytes: &[u8]) -> Result<Extracted, String> {
    let (source, encoding) = decode(bytes).map_err(|r| r.to_string())?;
    let encoding = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => Encoding::Html,
        other => other,
    };
    if nesting_depth(&source) > MAX_HTML_DEPTH {
        return Ok(Extracted {
            text: strip_tags(&source),
            encoding,
            meta: DocumentMeta::default(),
            pages: Vec::new(),
        });
    }
    let page = Html::parse_document(&source);
    let mut paragraphs = Paragraphs::default();
    walk(page.root_element(), &mut paragraphs);
    let select = |css: &str| scraper::Selector::parse(css).expect("a valid selector");
    let meta_content = |names: &[&str]| {
        names.iter().find_map(|name| {
            let css = format!("meta[name=\"{name}\"], meta[property=\"{name}\"]");
            page.select(&select(&css))
                .find_map(|m| m.value().attr("content"))
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
        })
    };
    let title = page
        .select(&select("title"))
        .next()
        .map(|t| t.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .or_else(|| meta_content(&["og:title", "dc.title", "DC.title"]));
    let date = meta_content(&[
        "article:published_time",
        "date",
        "dc.date",
        "DC.date",
        "dcterms.created",
        "citation_publication_date",
    ])
    .or_else(|| {
        page.select(&select("time[datetime]"))
            .find_map(|t| t.value().attr("datetime").map(str::to_owned))
    })
    .and_then(|d| find_date(&d));
    let author = meta_content(&["author", "dc.creator", "DC.creator", "article:author"]);
    Ok(Extracted {
        text: paragraphs.finish(),
        encoding,
        meta: DocumentMeta {
            title,
            date,
            author,
            kind: None,
        },
        pages: Vec::new(),
    })
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

    #[test]
    fn html_becomes_paragraphs_and_metadata() {
        let page = br#"<!doctype html><html><head><title>  Rent  controls
            debate </title><meta name="author" content="Jane Roe">
            <meta property="article:published_time" content="2023-05-23T10:00:00Z">
            <script>var x = "<p>not text</p>";</script><style>p{}</style></head>
            <body><nav>Home | News</nav><h1>Rent controls</h1>
            <p><strong>Ms Smith (Lab):</strong> We   support
            rent controls.<br>They work.</p><ul><li>One</li><li>Two &amp; three</li></ul>
            <table><tr><td>a</td><td>b</td></tr></table></body></html>"#;
        let page = extract(Format::Html, page, 1 << 20).unwrap();
        assert_eq!(
            page.text,
            "Home | News\n\nRent controls\n\nMs Smith (Lab): We support rent controls.\nThey work.\n\nOne\n\nTwo & three\n\na b\n"
        );
        assert_eq!(page.meta.title.as_deref(), Some("Rent controls debate"));
        assert_eq!(page.meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(page.meta.date.as_deref(), Some("2023-05-23"));
        assert_eq!(page.encoding, Encoding::Html);
    }

    #[test]
    fn deeply_nested_pages_are_read_without_the_parser() {
        let rows = [
            ("<p>a</p><p>b<br>c<img src=x></p>", 1),
            ("<div><div><span>x</span></div></div>", 3),
            ("<!doctype html><html><body><p>x", 3),
            ("a < b and c > d", 0),
        ];
        for (html, depth) in rows {
            assert_eq!(nesting_depth(html), depth, "{html}");
        }
        // 200,000 nested divs: the parser would take minutes and a
        // recursive walk would overflow the stack.
        let page = format!(
            "<html><body>{}<script>x()</script>Rent &amp; controls work.{}</body></html>",
            "<div>".repeat(200_000),
            "</div>".repeat(200_000)
        );
        // (Its time is bounded in tests/hostile, not here.)
        let doc = extract(Format::Html, page.as_bytes(), 1 << 30).unwrap();
        assert_eq!(doc.text, "Rent & controls work.\n");
    }

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

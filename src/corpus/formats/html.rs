//! Corpus stage, documents that are not plain text: saved web pages.
//! Parsed by `scraper` (html5ever); scripts, styles and forms dropped,
//! block elements end paragraphs, `<title>`, author and date from the
//! page's metadata. A page nested deeper than [`MAX_HTML_DEPTH`] is read
//! by stripping its tags instead.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node};

use super::super::decode;
use super::super::document::{DocumentMeta, Encoding};
use super::{Extracted, Paragraphs, find_date};

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

pub(super) fn html(bytes: &[u8]) -> Result<Extracted, String> {
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

#[cfg(test)]
mod tests {
    use super::super::{Format, extract};
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
}

//! Export stage: a small layer over quick-xml's writer for the XML formats
//! (GraphML, GEXF). quick-xml writes the structure (tags, nesting,
//! indentation); this layer escapes values so that they survive any XML
//! parser unchanged: markup characters as entities, and in attribute values
//! also line breaks and tabs as character references (a parser would
//! otherwise normalise them to spaces). Characters XML 1.0 cannot carry at
//! all (most C0 controls) are dropped. It knows no format.

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML document being written into memory.
pub(crate) struct XmlWriter {
    writer: Writer<Vec<u8>>,
}

impl XmlWriter {
    /// A document with the XML declaration written, indented by two spaces.
    pub fn new() -> Self {
        let mut xml = XmlWriter {
            writer: Writer::new_with_indent(Vec::new(), b' ', 2),
        };
        xml.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        xml
    }

    /// `<name attributes…>`
    pub fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let element = element(name, attributes);
        self.event(Event::Start(element));
    }

    /// `<name attributes…/>`
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let element = element(name, attributes);
        self.event(Event::Empty(element));
    }

    /// `</name>`
    pub fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// `<name attributes…>text</name>` on one line.
    pub fn text_element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.start(name, attributes);
        self.event(Event::Text(BytesText::from_escaped(escape_text(text))));
        self.end(name);
    }

    /// The document, ending in a newline.
    pub fn finish(self) -> String {
        let bytes = self.writer.into_inner();
        // Everything written came from `&str`s, so the bytes are UTF-8.
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        text.push('\n');
        text
    }

    fn event(&mut self, event: Event) {
        // Writing into a Vec cannot fail.
        self.writer
            .write_event(event)
            .expect("writing XML into memory");
    }
}

fn element<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
    let mut element = BytesStart::new(name);
    for (key, value) in attributes {
        let escaped = escape_attribute(value);
        element.push_attribute(Attribute::from((key.as_bytes(), escaped.as_bytes())));
    }
    element
}

/// Can XML 1.0 carry this character at all? (SVG is XML, so DOT text
/// follows the same rule.)
pub(crate) fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Element text: `&`, `<`, `>` as entities; `\r` as a character reference
/// (a parser turns a literal one into `\n`).
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// A double-quoted attribute value: as [`escape_text`], plus `"` and the
/// whitespace a parser would normalise.
pub(crate) fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_table() {
        let rows = [
            ("plain", "plain", "plain"),
            ("A & <B>", "A &amp; &lt;B&gt;", "A &amp; &lt;B&gt;"),
            ("say \"hi\"", "say \"hi\"", "say &quot;hi&quot;"),
            ("a\nb\tc\r", "a\nb\tc&#13;", "a&#10;b&#9;c&#13;"),
            ("bell\u{7}ü", "bellü", "bellü"),
        ];
        for (text, in_text, in_attribute) in rows {
            assert_eq!(escape_text(text), in_text, "{text:?}");
            assert_eq!(escape_attribute(text), in_attribute, "{text:?}");
        }
    }

    #[test]
    fn writes_nested_elements() {
        let mut xml = XmlWriter::new();
        xml.start("a", &[("x", "1 & 2")]);
        xml.text_element("b", &[], "<t>");
        xml.empty("c", &[("y", "q\"")]);
        xml.end("a");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1 &amp; 2\">\n  <b>&lt;t&gt;</b>\n  <c y=\"q&quot;\"/>\n</a>\n"
        );
    }
}

//! Corpus stage: the types a loaded corpus is made of. No reading, no NLP.

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// A loaded corpus: the documents that could be read, in a stable order, and
/// what went wrong with the rest.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// One decoded document with its metadata and sentences.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable id: the path relative to the corpus root, with `/` separators.
    pub id: String,
    /// Where it was read from.
    pub path: PathBuf,
    pub meta: DocumentMeta,
    /// SHA-256 of the bytes read, lower-case hex.
    pub sha256: String,
    /// Number of bytes read from the file.
    pub bytes: usize,
    pub encoding: Encoding,
    /// The decoded text (a UTF-8 byte-order mark removed). Every span in
    /// argnet is a byte range into this string; for a UTF-8 file without a
    /// byte-order mark these are also the file's byte offsets.
    pub text: String,
    /// The part of `text` that is content; web furniture after it (comment
    /// forms, newsletter sign-ups, lists of other posts) is left out.
    pub content: Range<usize>,
    /// Sentences of the content, in order.
    pub sentences: Vec<Sentence>,
    /// Where pages 2, 3, … start in `text` (byte offsets), for a format
    /// with pages (PDF); empty otherwise.
    pub pages: Vec<usize>,
}

impl Document {
    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.span.clone()]
    }
}

/// Title, date, author and kind of a document: from the manifest where it
/// has them, inferred from the text otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub title: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub author: Option<String>,
    pub kind: Option<DocumentKind>,
}

/// What sort of text a document is; attribution rules differ by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    News,
    Blog,
    Report,
    Transcript,
    Other,
}

impl DocumentKind {
    pub const NAMES: &'static str = "news, blog, report, transcript, other";

    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "news" => Some(Self::News),
            "blog" => Some(Self::Blog),
            "report" => Some(Self::Report),
            "transcript" | "hansard" | "debate" => Some(Self::Transcript),
            "other" => Some(Self::Other),
            _ => None,
        }
    }
}

/// How the bytes were turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 with a byte-order mark, which was removed: spans are three bytes
    /// short of the file's offsets.
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// Not valid UTF-8, decoded as Windows-1252: spans index the decoded
    /// text, not the file.
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// UTF-8 with a few bytes that are not: each such byte was read as
    /// Windows-1252 (a stray 0x93 is a curly quote), the rest as UTF-8.
    /// Spans index the decoded text.
    #[serde(rename = "utf-8-repaired")]
    Utf8Repaired,
    /// UTF-16 with a byte-order mark (little or big endian): spans index
    /// the decoded UTF-8 text, not the file.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// The text of an HTML page (one paragraph per block): spans index
    /// this text, not the file.
    #[serde(rename = "html")]
    Html,
    /// The text of a Word document's paragraphs: spans index this text.
    #[serde(rename = "docx")]
    Docx,
    /// The text of a PDF's pages: spans index this text.
    #[serde(rename = "pdf")]
    Pdf,
}

/// A sentence: a byte span of the document text, trimmed of white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Index of the block (paragraph, headline, bullet or speaker line) the
    /// sentence belongs to; sentences of one block share it.
    pub block: usize,
}

/// A problem with one input that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The file was left out of the corpus.
    Skipped(String),
    /// The file was read, with a caveat.
    Note(String),
}

impl Warning {
    pub fn is_skip(&self) -> bool {
        matches!(self.kind, WarningKind::Skipped(_))
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            WarningKind::Skipped(why) => write!(f, "{}: skipped: {why}", self.path.display()),
            WarningKind::Note(what) => write!(f, "{}: {what}", self.path.display()),
        }
    }
}

//! Corpus stage: citation data — SNAP-style edge lists, CSV tables and
//! OpenAlex works (JSON Lines), plain or gzip-compressed, and argnet's own
//! compact binary form — read into [`Citations`]: the works' ids as the
//! file wrote them, optional titles and years, and the citing → cited
//! edges as `u32` node numbers. The parsers are pure functions over bytes
//! ([`parse_citations`]); [`read_citations`] adds the file and the
//! decompression. No analysis here; `analysis` builds its compact graph
//! from the edges.

mod binary;
mod csv_table;
mod edge_list;
mod gzip;
mod ids;
mod openalex;

use std::path::Path;

pub use binary::{MAGIC as BINARY_MAGIC, decode_binary, encode_binary};
pub use gzip::{DEFAULT_MAX_UNPACKED, parse_size};
pub use ids::{NodeIds, TextColumn};

use crate::error::{Error, Result};
use crate::progress::Progress;

/// A citation network as read: node `i` is the work whose id is
/// `ids.get(i)`; each edge `(citing, cited)` says that the first work cites
/// the second.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Citations {
    /// Name of the network (by default the file name without extensions).
    pub name: String,
    pub ids: NodeIds,
    /// Titles, one per node (empty where unknown); `None` when the source
    /// has none (edge lists, CSV).
    pub titles: Option<TextColumn>,
    /// Publication years, one per node ([`Citations::NO_YEAR`] where
    /// unknown); `None` when the source has none.
    pub years: Option<Vec<i32>>,
    /// `(citing, cited)`, in the order of the file; repeated and
    /// self-citations are kept as given.
    pub edges: Vec<(u32, u32)>,
    /// Edge weights aligned with `edges`; `None` when the file has none.
    pub weights: Option<Vec<f64>>,
}

impl Citations {
    /// Marks an unknown year in `years`.
    pub const NO_YEAR: i32 = i32::MIN;

    pub fn node_count(&self) -> usize {
        self.ids.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// The title of node `index`, if known and not empty.
    pub fn title(&self, index: usize) -> Option<&str> {
        self.titles
            .as_ref()
            .map(|t| t.get(index))
            .filter(|t| !t.is_empty())
    }

    /// The publication year of node `index`, if known.
    pub fn year(&self, index: usize) -> Option<i32> {
        self.years
            .as_ref()
            .map(|y| y[index])
            .filter(|&y| y != Self::NO_YEAR)
    }

    /// What to show for node `index`: its id, and its title when known.
    pub fn label(&self, index: usize) -> String {
        match self.title(index) {
            Some(title) => format!("{} {title}", self.ids.get(index)),
            None => self.ids.get(index).into_owned(),
        }
    }
}

/// The layouts argnet reads citations from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationFormat {
    /// SNAP-style edge list: `#` (or `%`) comment lines, then one
    /// `citing cited [weight]` per line, separated by spaces or tabs.
    EdgeList,
    /// CSV with a header naming `source` and `target` columns (and
    /// optionally `weight`).
    Csv,
    /// OpenAlex works, one JSON object per line, with `id`, `title`,
    /// `publication_year` and `referenced_works`.
    OpenAlex,
    /// argnet's compact binary form, written by `argnet import`.
    Binary,
}

impl CitationFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            CitationFormat::EdgeList => "edge-list",
            CitationFormat::Csv => "csv",
            CitationFormat::OpenAlex => "openalex",
            CitationFormat::Binary => "binary",
        }
    }

    /// Parse `edge-list` (also `snap`, `edges`), `csv`, `openalex` (also
    /// `jsonl`) or `binary`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "edge-list" | "edgelist" | "snap" | "edges" | "txt" => Some(CitationFormat::EdgeList),
            "csv" => Some(CitationFormat::Csv),
            "openalex" | "jsonl" | "ndjson" => Some(CitationFormat::OpenAlex),
            "binary" | "argnet" => Some(CitationFormat::Binary),
            _ => None,
        }
    }

    /// Guess from the file name (a `.gz` ending is looked through) and the
    /// first bytes of the (decompressed) content.
    pub fn detect(path: &Path, content: &[u8]) -> Self {
        if content.starts_with(BINARY_MAGIC) {
            return CitationFormat::Binary;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
        match extension {
            "csv" => CitationFormat::Csv,
            "jsonl" | "ndjson" | "json" => CitationFormat::OpenAlex,
            _ if content.trim_ascii_start().starts_with(b"{") => CitationFormat::OpenAlex,
            _ => CitationFormat::EdgeList,
        }
    }
}

/// Where a citation file went wrong: a 1-based line (0 when the problem
/// is not on one line) and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl LineError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        LineError {
            line,
            message: message.into(),
        }
    }
}

/// Parse citation data of `format` from (decompressed) bytes. An input
/// without a single citation is an error, not an empty network.
pub fn parse_citations(
    bytes: &[u8],
    format: CitationFormat,
    progress: &dyn Progress,
) -> std::result::Result<Citations, LineError> {
    let citations = match format {
        CitationFormat::EdgeList => edge_list::parse(bytes, progress)?,
        CitationFormat::Csv => csv_table::parse(bytes, progress)?,
        CitationFormat::OpenAlex => openalex::parse(bytes, progress)?,
        CitationFormat::Binary => decode_binary(bytes).map_err(|m| LineError::new(0, m))?,
    };
    not_empty(citations)
}

/// An input without a single citation is an error, not an empty network.
fn not_empty(citations: Citations) -> std::result::Result<Citations, LineError> {
    if citations.edges.is_empty() {
        let what = if citations.ids.is_empty() {
            "no citations found: the file is empty or holds only comments"
        } else {
            "no citations found: the works in it cite nothing"
        };
        return Err(LineError::new(0, what));
    }
    Ok(citations)
}

/// Whether `path` holds citation data rather than graph JSON: the binary
/// form and gzip files are citations; a `.json` file is graph JSON unless
/// its first line is an OpenAlex work (has `referenced_works`); any other
/// name is citations unless the file starts like graph JSON. A file that
/// cannot be read counts by its name, so that the reader it goes to names
/// the problem.
pub fn is_citation_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(HEAD);
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(HEAD as u64).read_to_end(&mut head);
    }
    if head.starts_with(BINARY_MAGIC) || gzip::is_gzip(&head) {
        return true;
    }
    let json_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    if json_name {
        contains(first_line, b"\"referenced_works\"")
    } else {
        !(head.trim_ascii_start().starts_with(b"{") && contains(&head, b"\"argnet-graph/"))
    }
}

/// A value quoted in an error message: at most 80 characters, so that a
/// 100 MB line is not printed whole.
pub(crate) fn excerpt(bytes: &[u8]) -> String {
    const MAX: usize = 80;
    let head = &bytes[..bytes.len().min(4 * MAX)];
    let text = String::from_utf8_lossy(head);
    let mut cut: String = text.chars().take(MAX).collect();
    if cut.len() < bytes.len() {
        cut.push('…');
    }
    cut
}

/// Bytes [`is_citation_file`] looks at.
const HEAD: usize = 4096;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Options for [`read_citations`].
#[derive(Debug, Clone, Default)]
pub struct ImportConfig {
    /// The layout; `None` guesses it from the name and the content.
    pub format: Option<CitationFormat>,
    /// Name of the network; `None` takes the file name.
    pub name: Option<String>,
    /// The most bytes a gzip file may unpack to; `None` is
    /// [`DEFAULT_MAX_UNPACKED`]. A small file that unpacks to many
    /// gigabytes stops with an error that names the limit.
    pub max_unpacked: Option<u64>,
}

/// Read a citation file: gzip-compressed files (by their magic bytes,
/// whatever the name) are decompressed first. Errors name the file and,
/// where there is one, the line.
pub fn read_citations(
    path: &Path,
    config: &ImportConfig,
    progress: &dyn Progress,
) -> Result<Citations> {
    let raw = super::read_bytes(path)?;
    let at = |line: usize, message: String| Error::Citations {
        path: path.to_owned(),
        line,
        message,
    };
    let parsed = if gzip::is_gzip(&raw) {
        let limits = gzip::Limits::new(config.max_unpacked.unwrap_or(DEFAULT_MAX_UNPACKED));
        gzip::read_gzip(&raw, path, config.format, limits, progress)
    } else {
        let format = config
            .format
            .unwrap_or_else(|| CitationFormat::detect(path, &raw));
        parse_citations(&raw, format, progress)
    };
    let mut citations = parsed.map_err(|e| at(e.line, e.message))?;
    if let Some(name) = &config.name {
        citations.name = name.clone();
    } else if citations.name.is_empty() {
        citations.name = stem(path);
    }
    Ok(citations)
}

/// The file name without `.gz` and without its extension.
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    #[test]
    fn formats_are_detected_from_names_and_content() {
        let rows = [
            (
                "cit-HepPh.txt.gz",
                &b"# c\n1 2\n"[..],
                CitationFormat::EdgeList,
            ),
            ("refs.CSV", b"source,target\n", CitationFormat::Csv),
            ("works.jsonl.gz", b"{}", CitationFormat::OpenAlex),
            ("works", b"  {\"id\": 1}", CitationFormat::OpenAlex),
            ("graph.bin", BINARY_MAGIC, CitationFormat::Binary),
            ("edges", b"a b\n", CitationFormat::EdgeList),
        ];
        for (name, content, want) in rows {
            assert_eq!(
                CitationFormat::detect(Path::new(name), content),
                want,
                "{name}"
            );
        }
        assert_eq!(
            CitationFormat::parse("SNAP"),
            Some(CitationFormat::EdgeList)
        );
        assert_eq!(CitationFormat::parse("xml"), None);
        assert_eq!(stem(Path::new("/d/cit-HepPh.txt.gz")), "cit-HepPh");
        assert_eq!(stem(Path::new("works")), "works");
    }

    #[test]
    fn citation_files_are_told_from_graph_json() {
        let dir = tempfile::tempdir().unwrap();
        let graph_json = "{\n  \"format\": \"argnet-graph/1\",\n  \"nodes\": []\n}\n";
        let work = r#"{"id": "W1", "referenced_works": ["W2"]}"#;
        let rows: [(&str, &[u8], bool); 8] = [
            ("g.json", graph_json.as_bytes(), false),
            ("g.txt", graph_json.as_bytes(), false),
            ("w.json", work.as_bytes(), true),
            ("w.jsonl", work.as_bytes(), true),
            ("e.txt", b"# c\n1 2\n", true),
            ("x.argc", BINARY_MAGIC, true),
            ("x.json", b"\x1f\x8b\x08", true),
            ("bad.json", b"{}", false),
        ];
        for (name, content, want) in rows {
            let path = dir.path().join(name);
            std::fs::write(&path, content).unwrap();
            assert_eq!(is_citation_file(&path), want, "{name}");
        }
        assert!(!is_citation_file(&dir.path().join("missing.json")));
        assert!(is_citation_file(&dir.path().join("missing.txt.gz")));
    }

    #[test]
    fn empty_input_is_an_error_in_every_format() {
        for format in [
            CitationFormat::EdgeList,
            CitationFormat::Csv,
            CitationFormat::OpenAlex,
        ] {
            let error = parse_citations(b"", format, &Silent).unwrap_err();
            assert!(
                error.message.contains("no citations"),
                "{format:?}: {error:?}"
            );
        }
        let comments = parse_citations(b"# only\n# comments\n", CitationFormat::EdgeList, &Silent);
        assert!(comments.unwrap_err().message.contains("empty"));
    }
}

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
mod ids;
mod openalex;

use std::io::Read;
use std::path::Path;

pub use binary::{MAGIC as BINARY_MAGIC, decode_binary, encode_binary};
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
    if head.starts_with(BINARY_MAGIC) || is_gzip(&head) {
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

/// The unpacked size a gzip citation file may reach unless the user raises
/// it (`--max-unpacked`): 2 GiB, about 130 million citations of a SNAP
/// edge list. Reading up to it takes at most about twice as much memory.
pub const DEFAULT_MAX_UNPACKED: u64 = 2 << 30;

/// Parse a size such as `4G`, `500M`, `64k` or `1000000` (bytes; the
/// suffixes are powers of 1024, `B` and `iB` are allowed after them).
pub fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_lowercase();
    let t = t
        .strip_suffix("ib")
        .or_else(|| t.strip_suffix('b'))
        .unwrap_or(&t);
    let (digits, shift) = match t.chars().last()? {
        'k' => (&t[..t.len() - 1], 10),
        'm' => (&t[..t.len() - 1], 20),
        'g' => (&t[..t.len() - 1], 30),
        't' => (&t[..t.len() - 1], 40),
        _ => (t, 0),
    };
    let number: u64 = digits.trim().parse().ok()?;
    number.checked_mul(1 << shift).filter(|&n| n > 0)
}

/// A size for a message: `4 GiB`, `300 MiB`, `512 bytes`.
fn show_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 => format!("{} MiB", b >> 20),
        b => format!("{b} bytes"),
    }
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
    let parsed = if is_gzip(&raw) {
        let limits = Limits {
            max_line: MAX_LINE,
            max_unpacked: config.max_unpacked.unwrap_or(DEFAULT_MAX_UNPACKED),
        };
        read_gzip(&raw, path, config.format, limits, progress)
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

fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompressed blocks handed from the decompressing thread to the parser.
const BLOCK: usize = 256 << 10;
/// The longest line a compressed citation file may have.
const MAX_LINE: usize = 256 << 20;

/// What a gzip file may unpack to: the longest line and the whole text.
#[derive(Debug, Clone, Copy)]
struct Limits {
    max_line: usize,
    max_unpacked: u64,
}

impl Limits {
    /// The error for a file that unpacks to more than `max_unpacked`.
    fn too_large(&self) -> std::io::Error {
        std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "it unpacks to more than {} (the limit); if the file is meant to be that large, \
                 raise the limit with --max-unpacked, e.g. --max-unpacked {}G",
                show_size(self.max_unpacked),
                (self.max_unpacked >> 30).max(1) * 4
            ),
        )
    }
}

/// A gzip-compressed file: decompressed on a second thread in blocks that
/// end at line ends, while this thread reads an edge list block by block,
/// so that parsing costs (almost) no time beyond the decompression. The
/// block buffers go back to the decompressor for reuse: on a virtual
/// machine, touching fresh memory costs more than parsing it. Other
/// formats, and edge lists with text ids, are parsed from the whole text.
fn read_gzip(
    raw: &[u8],
    path: &Path,
    format: Option<CitationFormat>,
    limits: Limits,
    progress: &dyn Progress,
) -> std::result::Result<Citations, LineError> {
    let gzip_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::FileTooLarge => LineError::new(0, e.to_string()),
        _ => LineError::new(0, format!("not a valid gzip file: {e}")),
    };
    let expected = uncompressed_size(raw);
    let (sender, receiver) = std::sync::mpsc::sync_channel(2);
    let (recycle, spare) = std::sync::mpsc::channel();
    let streamed = std::thread::scope(|scope| {
        scope.spawn(move || decompress_blocks(raw, BLOCK, limits, &sender, &spare));
        progress.begin("reading edges", expected as u64);
        let mut format = format;
        let mut stream: Option<edge_list::EdgeStream> = None;
        for block in receiver {
            let block = block.map_err(gzip_error)?;
            let format = *format.get_or_insert_with(|| CitationFormat::detect(path, &block));
            if format != CitationFormat::EdgeList {
                return Ok(None);
            }
            stream
                .get_or_insert_with(|| edge_list::EdgeStream::new(expected))
                .feed(&block);
            progress.advance(block.len() as u64);
            // The decompressor may have finished already; then the buffer
            // is simply freed.
            let _ = recycle.send(block);
        }
        progress.finish();
        Ok(stream)
    })?;
    let whole = || -> std::result::Result<Vec<u8>, LineError> {
        let mut text = Vec::with_capacity((expected as u64).min(limits.max_unpacked) as usize + 1);
        flate2::read::MultiGzDecoder::new(raw)
            .take(limits.max_unpacked.saturating_add(1))
            .read_to_end(&mut text)
            .map_err(gzip_error)?;
        if text.len() as u64 > limits.max_unpacked {
            return Err(gzip_error(limits.too_large()));
        }
        Ok(text)
    };
    match streamed {
        Some(stream) => not_empty(stream.finish(whole)?),
        None => {
            let text = whole()?;
            let format = format.unwrap_or_else(|| CitationFormat::detect(path, &text));
            parse_citations(&text, format, progress)
        }
    }
}

/// The uncompressed size the gzip trailer gives (modulo 4 GiB, so only a
/// hint).
fn uncompressed_size(raw: &[u8]) -> usize {
    raw.len()
        .checked_sub(4)
        .map(|i| u32::from_le_bytes(raw[i..].try_into().expect("4 bytes")) as usize)
        .unwrap_or(0)
}

/// Decompress every gzip member (as `gzip -dc` does) and send the text in
/// blocks of at least `size` bytes that end at a line end (the last block
/// ends where the text ends). Stops when the receiver hangs up, and with an
/// error when a line or the whole text passes its limit.
fn decompress_blocks(
    raw: &[u8],
    size: usize,
    limits: Limits,
    sender: &std::sync::mpsc::SyncSender<std::io::Result<Vec<u8>>>,
    spare: &std::sync::mpsc::Receiver<Vec<u8>>,
) {
    let max_line = limits.max_line;
    let mut decoder = flate2::read::MultiGzDecoder::new(raw).take(limits.max_unpacked);
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let mut block = match spare.try_recv() {
            Ok(mut used) => {
                used.clear();
                used
            }
            Err(_) => Vec::with_capacity(size + (64 << 10)),
        };
        block.append(&mut carry);
        // Read `size` new bytes at a time until a line ends in them (a line
        // longer than a block grows this block; only the new bytes are
        // searched, so a long line costs linear time).
        let mut ended = false;
        let mut line_end = None;
        let mut searched = 0;
        while line_end.is_none() {
            let target = block.len() + size;
            while block.len() < target {
                let wanted = (target - block.len()) as u64;
                match (&mut decoder).take(wanted).read_to_end(&mut block) {
                    Ok(0) => {
                        // The limit was reached if one more byte is there.
                        if decoder.limit() == 0 && decoder.get_mut().read(&mut [0]).unwrap_or(0) > 0
                        {
                            let _ = sender.send(Err(limits.too_large()));
                            return;
                        }
                        ended = true;
                        break;
                    }
                    Ok(_) => {}
                    Err(error) => {
                        let _ = sender.send(Err(error));
                        return;
                    }
                }
            }
            if ended {
                break;
            }
            line_end = block[searched..]
                .iter()
                .rposition(|&b| b == b'\n')
                .map(|at| searched + at);
            searched = block.len();
            if line_end.is_none() && block.len() > max_line {
                let _ = sender.send(Err(std::io::Error::new(
                    std::io::ErrorKind::FileTooLarge,
                    format!(
                        "a line is longer than {} MiB; a citation file has one citation per line",
                        max_line >> 20
                    ),
                )));
                return;
            }
        }
        if let Some(end) = line_end {
            carry = block.split_off(end + 1);
        }
        if !block.is_empty() && sender.send(Ok(block)).is_err() {
            return;
        }
        if ended {
            return;
        }
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

    #[test]
    fn gzip_members_are_concatenated() {
        use std::io::Write;
        let mut data = Vec::new();
        for part in ["1 2\n", "2 3\n"] {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(part.as_bytes()).unwrap();
            data.extend(encoder.finish().unwrap());
        }
        assert!(is_gzip(&data));
        let path = Path::new("x.txt.gz");
        let read = read_gzip(&data, path, None, LIMITS, &Silent).unwrap();
        assert_eq!(read.edges, vec![(0, 1), (1, 2)]);
        let error = read_gzip(&data[..data.len() - 10], path, None, LIMITS, &Silent).unwrap_err();
        assert!(error.message.contains("gzip"), "{error:?}");
    }

    /// Blocks end at line ends whatever the block size, and together they
    /// are the whole text.
    #[test]
    fn decompressed_blocks_end_at_line_ends() {
        use std::io::Write;
        let text: String = (0..3000).map(|i| format!("{i} {}\n", i * 7)).collect();
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        let data = encoder.finish().unwrap();
        let data = &data;
        for size in [1, 7, 100, 4096, 1 << 20] {
            let (sender, receiver) = std::sync::mpsc::sync_channel(2);
            let (_recycle, spare) = std::sync::mpsc::channel();
            std::thread::scope(|scope| {
                scope.spawn(move || decompress_blocks(data, size, LIMITS, &sender, &spare));
                let blocks: Vec<Vec<u8>> = receiver.iter().map(Result::unwrap).collect();
                assert!(blocks.iter().all(|b| b.ends_with(b"\n")), "size {size}");
                assert_eq!(blocks.concat(), text.as_bytes());
            });
        }
    }

    #[test]
    fn gzip_blocks_end_at_line_ends_and_long_lines_are_refused() {
        use std::io::Write;
        let gzip = |text: &[u8]| {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(text).unwrap();
            encoder.finish().unwrap()
        };
        let blocks = |raw: &[u8], max_line: usize| {
            let (sender, receiver) = std::sync::mpsc::sync_channel(64);
            let (_recycle, spare) = std::sync::mpsc::channel();
            let limits = Limits { max_line, ..LIMITS };
            decompress_blocks(raw, 4, limits, &sender, &spare);
            drop(sender);
            receiver.into_iter().collect::<Vec<_>>()
        };
        let got = blocks(&gzip(b"a b\nccccccccccc d\ne f"), 1 << 20);
        let texts: Vec<Vec<u8>> = got.into_iter().map(Result::unwrap).collect();
        assert_eq!(texts.concat(), b"a b\nccccccccccc d\ne f");
        for text in &texts[..texts.len() - 1] {
            assert_eq!(text.last(), Some(&b'\n'), "{text:?}");
        }
        let got = blocks(&gzip(&[b'x'; 100]), 32);
        let error = got.into_iter().find_map(Result::err).expect("refused");
        assert_eq!(error.kind(), std::io::ErrorKind::FileTooLarge);
    }

    /// A file that unpacks to more than the limit stops with an error that
    /// names the limit and the flag, on the streamed path and on the whole
    /// text path; exactly the limit is read.
    #[test]
    fn the_unpacked_size_is_capped_with_a_message_naming_the_flag() {
        use std::io::Write;
        let text: String = (0..2000).map(|i| format!("{i} {}\n", i + 1)).collect();
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        let data = encoder.finish().unwrap();
        let exact = Limits {
            max_unpacked: text.len() as u64,
            ..LIMITS
        };
        let edge_list = Path::new("x.txt.gz");
        assert_eq!(
            read_gzip(&data, edge_list, None, exact, &Silent)
                .unwrap()
                .edge_count(),
            2000
        );
        let small = Limits {
            max_unpacked: text.len() as u64 - 1,
            ..LIMITS
        };
        for format in [None, Some(CitationFormat::Csv)] {
            let error = read_gzip(&data, edge_list, format, small, &Silent).unwrap_err();
            assert!(
                error.message.contains("--max-unpacked"),
                "{format:?}: {error:?}"
            );
        }
    }

    #[test]
    fn sizes_read_with_binary_suffixes() {
        assert_eq!(parse_size("4G"), Some(4 << 30));
        assert_eq!(parse_size("500MiB"), Some(500 << 20));
        assert_eq!(parse_size(" 64kb "), Some(64 << 10));
        assert_eq!(parse_size("1000"), Some(1000));
        for bad in ["", "0", "G", "-1G", "1.5G", "99999999999T"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
    }

    const LIMITS: Limits = Limits {
        max_line: MAX_LINE,
        max_unpacked: DEFAULT_MAX_UNPACKED,
    };
}

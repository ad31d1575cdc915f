//! Corpus stage, citation files compressed with gzip: decompressed on a
//! second thread in blocks that end at line ends, in linear time however
//! long a line is, with a cap on a line's length and on the unpacked size
//! (`--max-unpacked`), each stopping the run with an error that names it.

use std::io::Read;
use std::path::Path;

use super::{CitationFormat, Citations, LineError, edge_list, not_empty, parse_citations};
use crate::progress::Progress;

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

pub(super) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompressed blocks handed from the decompressing thread to the parser.
const BLOCK: usize = 256 << 10;
/// The longest line a compressed citation file may have.
const MAX_LINE: usize = 256 << 20;

/// What a gzip file may unpack to: the longest line and the whole text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    max_line: usize,
    max_unpacked: u64,
}

impl Limits {
    /// The default line cap and `max_unpacked` bytes.
    pub(super) fn new(max_unpacked: u64) -> Self {
        Limits {
            max_line: MAX_LINE,
            max_unpacked,
        }
    }

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
pub(super) fn read_gzip(
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

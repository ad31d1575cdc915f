//! Corpus stage: bytes to text. Strips a UTF-8 byte-order mark, reads
//! UTF-16 that has one, reads each byte that is not UTF-8 as Windows-1252
//! (the rest of the file stays UTF-8, so three stray bytes do not turn the
//! curly quotes of a whole file into mojibake), and refuses empty and binary
//! files. Line endings are kept as they are (CRLF is handled where lines are
//! split), so spans stay file offsets for UTF-8 input.

use super::document::Encoding;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a file is not a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    Binary,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty => f.write_str("empty file (no text after white space)"),
            Refusal::Binary => {
                f.write_str("binary file (it contains NUL bytes); argnet reads plain text")
            }
        }
    }
}

/// Decode `bytes` into text, or say why they are not a document.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), Refusal> {
    let utf16 = if bytes.starts_with(b"\xFF\xFE") {
        Some((encoding_rs::UTF_16LE, Encoding::Utf16Le))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some((encoding_rs::UTF_16BE, Encoding::Utf16Be))
    } else {
        None
    };
    if let Some((codec, encoding)) = utf16 {
        let (text, _, malformed) = codec.decode(bytes);
        if malformed || text.contains('\0') {
            return Err(Refusal::Binary);
        }
        return nonempty(text.into_owned(), encoding);
    }
    if bytes.contains(&0) {
        return Err(Refusal::Binary);
    }
    let (body, bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let (text, encoding) = match std::str::from_utf8(body) {
        Ok(text) if bom => (text.to_owned(), Encoding::Utf8Bom),
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => repair(body),
    };
    nonempty(text, encoding)
}

/// Text that is not all UTF-8: the valid UTF-8 stays, each other byte is
/// read as Windows-1252. A file without a single multi-byte UTF-8
/// character is plain Windows-1252 (the same text, labelled so).
fn repair(body: &[u8]) -> (String, Encoding) {
    let mut text = String::with_capacity(body.len() + body.len() / 8);
    let mut multibyte = false;
    for chunk in body.utf8_chunks() {
        multibyte |= chunk.valid().bytes().any(|b| b >= 0x80);
        text.push_str(chunk.valid());
        let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(chunk.invalid());
        text.push_str(&decoded);
    }
    let encoding = if multibyte {
        Encoding::Utf8Repaired
    } else {
        Encoding::Windows1252
    };
    (text, encoding)
}

fn nonempty(text: String, encoding: Encoding) -> Result<(String, Encoding), Refusal> {
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok((text, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Expected = Result<(&'static str, Encoding), Refusal>;

    #[test]
    fn decodes_table() {
        let rows: &[(&[u8], Expected)] = &[
            (b"plain", Ok(("plain", Encoding::Utf8))),
            (b"\xEF\xBB\xBFwith bom", Ok(("with bom", Encoding::Utf8Bom))),
            (b"line\r\nend", Ok(("line\r\nend", Encoding::Utf8))),
            ("caf\u{e9}".as_bytes(), Ok(("caf\u{e9}", Encoding::Utf8))),
            // 0x93/0x94 are curly quotes and 0xA3 is a pound sign in Windows-1252.
            (
                b"\x93\xA35bn\x94",
                Ok(("\u{201c}\u{a3}5bn\u{201d}", Encoding::Windows1252)),
            ),
            // Three stray bytes in a UTF-8 file: only they are read as
            // Windows-1252; the UTF-8 curly quotes stay curly quotes.
            (
                b"\xE2\x80\x9CCaf\xC3\xA9\xE2\x80\x9D \x93ok\x94",
                Ok((
                    "\u{201c}Caf\u{e9}\u{201d} \u{201c}ok\u{201d}",
                    Encoding::Utf8Repaired,
                )),
            ),
            (b"\xFF\xFEh\x00\xe9\x00", Ok(("h\u{e9}", Encoding::Utf16Le))),
            (b"\xFE\xFF\x00h\x00\xe9", Ok(("h\u{e9}", Encoding::Utf16Be))),
            (b"\xFF\xFE\x00\x00\x01\x00", Err(Refusal::Binary)),
            (b"", Err(Refusal::Empty)),
            (b" \n\t\r\n", Err(Refusal::Empty)),
            (b"\xEF\xBB\xBF", Err(Refusal::Empty)),
            (b"PK\x03\x04\x00\x00", Err(Refusal::Binary)),
        ];
        for (bytes, want) in rows {
            let got = decode(bytes);
            let want = want.clone().map(|(t, e)| (t.to_owned(), e));
            assert_eq!(got, want, "input {bytes:?}");
        }
    }
}

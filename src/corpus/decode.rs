//! Corpus stage: bytes to text. Strips a UTF-8 byte-order mark, falls back to
//! Windows-1252 for text that is not UTF-8, and refuses empty and binary
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
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(body);
            (text.into_owned(), Encoding::Windows1252)
        }
    };
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

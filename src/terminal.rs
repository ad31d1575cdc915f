//! Text for people: what the tables, paths, evidence and messages print
//! holds names and sentences from documents, and a document may hold
//! terminal escape sequences (retitle the window, clear the screen, write
//! the clipboard). [`Visible`] writes every control character except line
//! feed and tab as a visible escape (`\u{1b}` → `\e`, others `\xNN` or
//! `\u{…}`), so that text from documents can never act on the terminal.
//! JSON output escapes control characters itself and CSV is data, so
//! neither goes through here.

use std::io::{self, Write};

/// A writer that shows control characters instead of sending them.
pub struct Visible<W: Write> {
    inner: W,
    /// A UTF-8 lead byte of a C1 control (0xC2) ended the last write.
    pending_c2: bool,
}

impl<W: Write> Visible<W> {
    pub fn new(inner: W) -> Self {
        Visible {
            inner,
            pending_c2: false,
        }
    }

    /// What has been written through so far (call `flush` first for a
    /// control character split at the end of the last write).
    pub fn get_ref(&self) -> &W {
        &self.inner
    }
}

/// Standard output for people, with control characters made visible.
pub fn stdout() -> Visible<io::StdoutLock<'static>> {
    Visible::new(io::stdout().lock())
}

/// `text` with its control characters made visible, for messages.
pub fn visible(text: &str) -> String {
    let mut out = Visible::new(Vec::with_capacity(text.len()));
    // Writing to a Vec cannot fail.
    let _ = out.write_all(text.as_bytes());
    String::from_utf8_lossy(&out.inner).into_owned()
}

/// The longest name a table prints; longer ones end in "…".
pub const NAME_WIDTH: usize = 60;

/// `text` cut to at most `max` characters, ending in "…" when cut.
pub fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => text.into(),
        Some(_) => {
            let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
            cut.push('…');
            cut.into()
        }
    }
}

fn escape(byte: u8) -> Option<&'static str> {
    const HEX: [&str; 32] = [
        "\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\a", "\\b", "\t", "\n",
        "\\v", "\\f", "\\r", "\\x0e", "\\x0f", "\\x10", "\\x11", "\\x12", "\\x13", "\\x14",
        "\\x15", "\\x16", "\\x17", "\\x18", "\\x19", "\\x1a", "\\e", "\\x1c", "\\x1d", "\\x1e",
        "\\x1f",
    ];
    match byte {
        b'\n' | b'\t' => None,
        0..=0x1f => Some(HEX[byte as usize]),
        0x7f => Some("\\x7f"),
        _ => None,
    }
}

const C1: [&str; 32] = [
    "\\u{80}", "\\u{81}", "\\u{82}", "\\u{83}", "\\u{84}", "\\u{85}", "\\u{86}", "\\u{87}",
    "\\u{88}", "\\u{89}", "\\u{8a}", "\\u{8b}", "\\u{8c}", "\\u{8d}", "\\u{8e}", "\\u{8f}",
    "\\u{90}", "\\u{91}", "\\u{92}", "\\u{93}", "\\u{94}", "\\u{95}", "\\u{96}", "\\u{97}",
    "\\u{98}", "\\u{99}", "\\u{9a}", "\\u{9b}", "\\u{9c}", "\\u{9d}", "\\u{9e}", "\\u{9f}",
];

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        let mut i = 0;
        if self.pending_c2 {
            self.pending_c2 = false;
            match buf.first() {
                Some(&b) if (0x80..=0x9f).contains(&b) => {
                    self.inner.write_all(C1[(b - 0x80) as usize].as_bytes())?;
                    start = 1;
                    i = 1;
                }
                _ => self.inner.write_all(&[0xc2])?,
            }
        }
        while i < buf.len() {
            let byte = buf[i];
            if let Some(shown) = escape(byte) {
                self.inner.write_all(&buf[start..i])?;
                self.inner.write_all(shown.as_bytes())?;
                start = i + 1;
            } else if byte == 0xc2 {
                match buf.get(i + 1) {
                    Some(&next) if (0x80..=0x9f).contains(&next) => {
                        self.inner.write_all(&buf[start..i])?;
                        self.inner
                            .write_all(C1[(next - 0x80) as usize].as_bytes())?;
                        i += 1;
                        start = i + 1;
                    }
                    Some(_) => {}
                    None => {
                        self.inner.write_all(&buf[start..i])?;
                        self.pending_c2 = true;
                        start = i + 1;
                    }
                }
            }
            i += 1;
        }
        self.inner.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending_c2 {
            self.pending_c2 = false;
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Visible<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        let rows: &[(&str, &str)] = &[
            ("plain text, “quotes”, é\n", "plain text, “quotes”, é\n"),
            ("\u{1b}]0;owned\u{7}title", "\\e]0;owned\\atitle"),
            ("\u{1b}[2J cleared", "\\e[2J cleared"),
            ("tab\tand\r\nCRLF", "tab\tand\\r\nCRLF"),
            ("C1 CSI \u{9b}31m red", "C1 CSI \\u{9b}31m red"),
            ("OSC 52 \u{1b}]52;c;aGk=\u{7}", "OSC 52 \\e]52;c;aGk=\\a"),
            ("Â¢ stays ¢", "Â¢ stays ¢"),
            ("del\u{7f}", "del\\x7f"),
        ];
        for (input, shown) in rows {
            assert_eq!(visible(input), *shown, "{input:?}");
        }
    }

    #[test]
    fn clip_cuts_long_names_only() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("exactly10!", 10), "exactly10!");
        assert_eq!(clip("eleven char", 10), "eleven ch…");
        assert_eq!(
            clip(&"é".repeat(70_000), NAME_WIDTH).chars().count(),
            NAME_WIDTH
        );
    }

    #[test]
    fn a_c1_control_split_across_writes_is_still_shown() {
        let mut out = Visible::new(Vec::new());
        out.write_all("a\u{9b}".as_bytes().split_last().unwrap().1)
            .unwrap();
        out.write_all(&[0x9b, b'b']).unwrap();
        out.flush().unwrap();
        assert_eq!(String::from_utf8(out.inner.clone()).unwrap(), "a\\u{9b}b");
    }
}

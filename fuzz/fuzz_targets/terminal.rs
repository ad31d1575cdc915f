//! Fuzz what the CLI printers send to a terminal (`argnet::terminal`):
//! any bytes, written in up to three pieces split anywhere, must come out
//! the same as written whole, with no control character left (C0 but line
//! feed and tab, DEL, the C1 controls in UTF-8), and `clip` must cut any
//! text to its width at a character boundary.
#![no_main]

use std::io::Write;

use argnet::terminal::{Visible, clip, visible};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (cuts, bytes) = data.split_at(data.len().min(2));
    let mut points: Vec<usize> = cuts.iter().map(|&c| c as usize % (bytes.len() + 1)).collect();
    points.sort_unstable();
    let mut out = Visible::new(Vec::new());
    let mut from = 0;
    for &to in points.iter().chain(std::iter::once(&bytes.len())) {
        out.write_all(&bytes[from..to]).unwrap();
        from = to;
    }
    out.flush().unwrap();
    let pieces = out.get_ref().clone();
    let mut whole = Visible::new(Vec::new());
    whole.write_all(bytes).unwrap();
    whole.flush().unwrap();
    assert_eq!(&pieces, whole.get_ref(), "splitting the writes changed the output");
    for (i, &b) in pieces.iter().enumerate() {
        assert!(b >= 0x20 || b == b'\n' || b == b'\t', "control byte {b:#x} sent");
        assert!(b != 0x7f, "DEL sent");
        let c1 = b == 0xc2 && pieces.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n));
        assert!(!c1, "a C1 control sent");
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let shown = visible(text);
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{shown:?}");
        for width in [1, 10, 60] {
            assert!(clip(text, width).chars().count() <= width);
        }
    }
});

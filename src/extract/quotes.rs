//! Extract stage: quotation marks — whether a quotation is still open after
//! a sentence (quotations run across sentences and paragraphs) and where the
//! quoted words of a sentence lie. Part of attribution; it does not decide
//! who speaks.

/// Does the sentence hold a closed quotation of four words or more?
pub fn has_quotation(sentence: &str) -> bool {
    quotation_spans(sentence)
        .iter()
        .any(|span| sentence[span.clone()].split_whitespace().count() >= 4)
}

/// Byte ranges (within `sentence`) of the text inside “…” or "…" pairs.
pub fn quotation_spans(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in sentence.char_indices() {
        match (c, open) {
            ('“', _) => open = Some(at + c.len_utf8()),
            ('"', None) => open = Some(at + 1),
            ('”' | '"', Some(start)) => {
                spans.push(start..at);
                open = None;
            }
            _ => {}
        }
    }
    spans
}

/// Is a quotation still open at the end of `sentence`? `open` is the state
/// before it; `continued` skips an opening mark that only repeats an open
/// quotation at the start of a new paragraph.
pub fn quote_open_after(sentence: &str, open: bool, continued: bool) -> bool {
    let mut open = open;
    let mut chars = sentence.chars();
    if continued {
        chars.next();
    }
    for c in chars {
        match c {
            '“' => open = true,
            '”' => open = false,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::quote_open_after;

    #[test]
    fn quotation_state_table() {
        let rows = [
            ("Bubb said: “We fail.", false, false, true),
            ("Too often we wait.", true, false, true),
            ("Instead, change.”", true, false, false),
            ("“We believe in it.", true, true, true),
            ("He said \"stop\" and left.", false, false, false),
            ("No quotes here.", false, false, false),
        ];
        for (sentence, open, continued, want) in rows {
            assert_eq!(
                quote_open_after(sentence, open, continued),
                want,
                "{sentence}"
            );
        }
    }
}

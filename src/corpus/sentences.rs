//! Corpus stage: split a document's content into blocks and sentences with
//! byte spans. Rules only (no model): abbreviations, initials, decimals,
//! curly and straight quotes, headlines and bullets without a full stop, and
//! hard-wrapped lines. It does not decide what a sentence means.

use std::ops::Range;

use super::document::Sentence;

/// Words that end in a full stop without ending a sentence when a capital
/// follows ("Mr. Smith", "St. Giles", "e.g. The").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sir", "st", "rt", "hon", "rev", "fr", "gen", "lt",
    "col", "capt", "maj", "sgt", "cllr", "gov", "sen", "rep", "pres", "supt", "insp", "det", "jr",
    "sr", "messrs", "mme", "mlle", "e.g", "i.e", "viz", "cf", "vs", "v", "al", "approx", "ca",
    "inc", "dept",
];

/// Abbreviations that end a sentence unless a number follows ("No. 10",
/// "Jan. 5").
const ABBREVIATIONS_BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "vol", "pp", "para", "art", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

/// The longest sentence, in bytes. Real sentences are far shorter (the
/// longest in the bundled and hand-coded texts is under 1,500 bytes); a
/// longer run without a full stop (a table dump, a text with no
/// punctuation) is cut into pieces of at most this length, so that each
/// piece of evidence, and the memory and output it costs, stays bounded.
pub const MAX_SENTENCE: usize = 5_000;

/// Split `text[content]` into sentences.
pub fn split_sentences(text: &str, content: Range<usize>) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (block_index, mut block) in blocks(text, content).into_iter().enumerate() {
        // A bullet marker is layout, not part of the sentence.
        let marker = bullet_marker_len(&text[block.clone()]);
        block.start += marker;
        for span in split_block(&text[block.clone()]) {
            let span = (block.start + span.start)..(block.start + span.end);
            sentences.push(Sentence {
                span,
                block: block_index,
            });
        }
    }
    sentences
}

/// Lines of `text[range]` as byte ranges, without `\n` or a trailing `\r`.
fn lines(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    text[range].split('\n').scan(base, |offset, line| {
        let start = *offset;
        *offset += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        Some(start..start + line.len())
    })
}

/// Blocks: runs of lines that belong together. A blank line, a bullet, or a
/// line that ends in terminal punctuation or a colon ends a block; a line
/// that starts in lower case continues the one before (hard-wrapped text).
/// Headlines and speaker lines ("Mr Allen (Lab):") are blocks of their own.
pub(crate) fn blocks(text: &str, content: Range<usize>) -> Vec<Range<usize>> {
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut last_line = 0..0;
    for line in lines(text, content) {
        let trimmed = text[line.clone()].trim();
        if trimmed.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        if let Some(block) = current.as_mut() {
            if continues(text[last_line.clone()].trim(), trimmed) {
                block.end = line.end;
                last_line = line;
                continue;
            }
            blocks.extend(current.take());
        }
        current = Some(line.clone());
        last_line = line;
    }
    blocks.extend(current);
    blocks
}

fn continues(previous: &str, next: &str) -> bool {
    let ends_clause = previous
        .trim_end_matches(is_closer)
        .ends_with(|c: char| is_terminal(c) || c == ':');
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    !ends_clause && starts_lower && !starts_with_bullet(next)
}

fn starts_with_bullet(line: &str) -> bool {
    bullet_marker_len(line) > 0
}

/// Bytes taken by a bullet marker and the spaces after it at the start of
/// `line` (after its own leading white space), or 0.
fn bullet_marker_len(line: &str) -> usize {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ ('•' | '·' | '‣' | '▪' | '–' | '-' | '*')), Some(' ')) => {
            let rest = &trimmed[c.len_utf8()..];
            indent + c.len_utf8() + (rest.len() - rest.trim_start().len())
        }
        _ => 0,
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '•')
}

/// Sentence spans within one block, relative to the block, trimmed. Walks
/// the block by byte offsets, holding nothing per character, so a 100 MB
/// line costs its spans, not 16 bytes a character.
fn split_block(block: &str) -> Vec<Range<usize>> {
    let char_at = |at: usize| block[at..].chars().next();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let mut j = i;
        let mut terminals = 0;
        while let Some(d) = char_at(j).filter(|&d| is_terminal(d)) {
            j += d.len_utf8();
            terminals += 1;
        }
        let single_full_stop = terminals == 1 && c == '.';
        while let Some(d) = char_at(j).filter(|&d| is_closer(d)) {
            j += d.len_utf8();
        }
        let Some(next) = char_at(j) else {
            break;
        };
        let end = j;
        let boundary = if next.is_whitespace() {
            let following = block[j..].chars().find(|c| !c.is_whitespace());
            match following {
                None => true,
                Some(f) => {
                    let starts_new = f.is_uppercase() || f.is_numeric() || is_opener(f);
                    starts_new && !(single_full_stop && is_abbreviation(&block[..i], f))
                }
            }
        } else {
            // Glued sentences: "this.There", "bit!!And". A capital then a
            // lower-case letter after a lower-case word is not an initialism.
            let before = block[..i].chars().next_back();
            let after = block[j + next.len_utf8()..].chars().next();
            next.is_uppercase()
                && before.is_some_and(char::is_lowercase)
                && after.is_some_and(char::is_lowercase)
                && !(single_full_stop && is_abbreviation(&block[..i], next))
        };
        if boundary {
            pieces.push(start..end);
            start = end;
        }
        i = j;
    }
    pieces.push(start..block.len());
    pieces
        .into_iter()
        .flat_map(|piece| cut_long(block, piece, MAX_SENTENCE))
        .filter_map(|piece| trim_span(block, piece))
        .collect()
}

/// `text[span]` in pieces of at most `max` bytes: each cut at the last
/// semicolon, colon or comma in the second half of the piece, else at the
/// last space, else at a character boundary. O(length).
fn cut_long(text: &str, span: Range<usize>, max: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let half = window.len() / 2;
        let cut = window
            .rfind([';', ':', ','])
            .filter(|&at| at >= half)
            .map(|at| at + 1)
            .or_else(|| window.rfind(' ').filter(|&at| at > 0))
            .unwrap_or(window.len());
        pieces.push(start..start + cut);
        start += cut;
    }
    pieces.push(start..span.end);
    pieces
}

/// Is the word just before a full stop (the end of `before`) an
/// abbreviation, given the first character after it?
fn is_abbreviation(before: &str, following: char) -> bool {
    // Abbreviations are short: looking further back than this would make
    // a long run of letters and dots quadratic.
    const LONGEST: usize = 24;
    let run: Vec<usize> = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .take(LONGEST + 1)
        .map(|(at, _)| at)
        .collect();
    if run.len() > LONGEST {
        return false;
    }
    let word = &before[run.last().copied().unwrap_or(before.len())..];
    let word = word.trim_start_matches('.');
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    let initial = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    let dotted = word.contains('.');
    let lower = word.to_lowercase();
    initial
        || dotted
        || ABBREVIATIONS.contains(&lower.as_str())
        || (following.is_numeric() && ABBREVIATIONS_BEFORE_NUMBER.contains(&lower.as_str()))
}

/// Trim white space from both ends of `text[span]`; `None` when nothing
/// with a letter or digit is left.
fn trim_span(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[span.clone()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end = span.start + piece.trim_end().len();
    if start >= end {
        return None;
    }
    text[start..end]
        .chars()
        .any(char::is_alphanumeric)
        .then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0..text.len())
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn splits_table() {
        let rows: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            // Initials are no sentence end; a long dotted run is no
            // abbreviation (and is not read back to its start).
            ("Ask J. Smith. Then go.", &["Ask J. Smith.", "Then go."]),
            (
                "See a.b.c.d.e.f.g.h.i.j.k.l.m.n.o. Next one.",
                &["See a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.", "Next one."],
            ),
            ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
            (
                "Bubb said: \u{201c}They are failing. Too often, we wait.\u{201d} Then he left.",
                &[
                    "Bubb said: \u{201c}They are failing.",
                    "Too often, we wait.\u{201d}",
                    "Then he left.",
                ],
            ),
            (
                "\u{a3}18.5bn will need to be cut. This could mean cuts of \u{a3}5bn.",
                &[
                    "\u{a3}18.5bn will need to be cut.",
                    "This could mean cuts of \u{a3}5bn.",
                ],
            ),
            (
                "to achieve this.There would be",
                &["to achieve this.", "There would be"],
            ),
            (
                "the muttering bit!!And the spoof",
                &["the muttering bit!!", "And the spoof"],
            ),
            (
                "Mr. Smith met Dr. Jones. They talked.",
                &["Mr. Smith met Dr. Jones.", "They talked."],
            ),
            (
                "St. Giles Trust works here.",
                &["St. Giles Trust works here."],
            ),
            ("Sir Stephen Bubb spoke.", &["Sir Stephen Bubb spoke."]),
            (
                "J. K. Rowling wrote it. Then stopped.",
                &["J. K. Rowling wrote it.", "Then stopped."],
            ),
            (
                "No. 10 said no. Then left.",
                &["No. 10 said no.", "Then left."],
            ),
            (
                "e.g. The Cabinet Office, i.e. Total Place.",
                &["e.g. The Cabinet Office, i.e. Total Place."],
            ),
            (
                "retrenched but not reformed... and become poor.",
                &["retrenched but not reformed... and become poor."],
            ),
            (
                "He said \"stop.\" Then left.",
                &["He said \"stop.\"", "Then left."],
            ),
            (
                "He said. \u{201c}We believe.\u{201d}",
                &["He said.", "\u{201c}We believe.\u{201d}"],
            ),
            (
                "Visit www.example.org/page.asp?p=3 today.",
                &["Visit www.example.org/page.asp?p=3 today."],
            ),
            ("", &[]),
            (" ... ", &[]),
        ];
        for (text, want) in rows {
            assert_eq!(split(text), *want, "input {text:?}");
        }
    }

    #[test]
    fn lines_and_blocks_table() {
        let rows: &[(&str, &[&str])] = &[
            // A headline without a full stop is a sentence of its own.
            (
                "Personalising Public Services\n\nWhere next? Gordon Brown spoke.",
                &[
                    "Personalising Public Services",
                    "Where next?",
                    "Gordon Brown spoke.",
                ],
            ),
            // Bullets are blocks even without a blank line between them.
            (
                "Shifts in:\n\n\u{2022} Culture: from security.\n\u{2022} Power: from the centre",
                &[
                    "Shifts in:",
                    "Culture: from security.",
                    "Power: from the centre",
                ],
            ),
            // CRLF line endings stay out of the spans.
            ("One.\r\nTwo.\r\n", &["One.", "Two."]),
            // A speaker line starts a block of its own.
            (
                "Mr Graham Allen (Nottingham North) (Lab):\nEarly intervention works.",
                &[
                    "Mr Graham Allen (Nottingham North) (Lab):",
                    "Early intervention works.",
                ],
            ),
            // Hard-wrapped text: a line that starts in lower case continues.
            (
                "This is a long line that\nwraps onto the next. Second.",
                &["This is a long line that\nwraps onto the next.", "Second."],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(split(text), *want, "input {text:?}");
        }
    }

    #[test]
    fn blocks_are_numbered_per_paragraph() {
        let text = "Head\n\nOne. Two.\nThree.";
        let blocks: Vec<usize> = split_sentences(text, 0..text.len())
            .into_iter()
            .map(|s| s.block)
            .collect();
        assert_eq!(blocks, vec![0, 1, 1, 2]);
    }

    /// A run longer than [`MAX_SENTENCE`] is cut at a clause mark or a
    /// space into pieces no longer than it, losing no text.
    #[test]
    fn long_runs_are_cut_at_clause_marks_or_spaces() {
        let text = "aa bb, cc dd; ee ff gg hh ii";
        let cut = cut_long(text, 0..text.len(), 10);
        let pieces: Vec<&str> = cut.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pieces, ["aa bb,", " cc dd;", " ee ff gg", " hh ii"]);
        let word = "é".repeat(20);
        let cut = cut_long(&word, 0..word.len(), 9);
        assert!(
            cut.iter()
                .all(|r| r.len() <= 9 && word.is_char_boundary(r.start))
        );
        assert_eq!(cut.last().unwrap().end, word.len());
        let long = "word ".repeat(3000);
        let sentences = split_sentences(&long, 0..long.len());
        assert!(sentences.len() >= 3);
        assert!(sentences.iter().all(|s| s.span.len() <= MAX_SENTENCE));
        let words: usize = sentences
            .iter()
            .map(|s| long[s.span.clone()].split_whitespace().count())
            .sum();
        assert_eq!(words, 3000);
    }

    #[test]
    fn spans_respect_content_range() {
        let text = "skip me. Keep this. And this.";
        let got: Vec<&str> = split_sentences(text, 9..text.len())
            .into_iter()
            .map(|s| &text[s.span])
            .collect();
        assert_eq!(got, vec!["Keep this.", "And this."]);
    }
}

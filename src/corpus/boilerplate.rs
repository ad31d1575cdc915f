//! Corpus stage: find where a web page's article ends. Comment forms,
//! newsletter sign-ups, lists of other posts and a press release's notes
//! to editors after the article are not content; extraction must not see them. Only the end is trimmed: a comment
//! thread that quotes people ("Janet F said...") is content.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A line that starts the page furniture after an article, with why it is
/// there. Each is matched against a whole trimmed line, case-insensitively.
struct FooterMarker {
    /// What the pattern recognises (kept for the tests and for readers).
    #[allow(dead_code)]
    what: &'static str,
    pattern: Regex,
}

static FOOTER_MARKERS: LazyLock<Vec<FooterMarker>> = LazyLock::new(|| {
    [
        // WordPress and most blog engines put their comment form here.
        (
            "comment form",
            r"^(leave a (reply|comment)|post a comment|add a comment|comments are closed)\b",
        ),
        (
            "comment form notice",
            r"^your email address will not be published",
        ),
        (
            "captcha",
            r"^(time limit is exhausted|please (reload|enter) (the )?captcha)",
        ),
        // "Keep informed - sign up for our newsletter", "Subscribe to our newsletter".
        (
            "newsletter sign-up",
            r"^(keep informed|sign up|subscribe)\b.*\b(newsletter|updates|mailing list|e-?mail)",
        ),
        (
            "newsletter heading",
            r"^(subscribe|newsletter)( to our newsletter)?:?$",
        ),
        ("share buttons", r"^(share (this|on)\b|like this:?$)"),
        (
            "related posts",
            r"^(related|recent|popular|more|other) (posts|articles|stories|news)\b",
        ),
        (
            "related posts",
            r"^you (may|might) also (like|be interested)",
        ),
        (
            "post metadata",
            r"^(tags|filed under|posted in|categories):",
        ),
        // Press releases: background for journalists, not the release.
        (
            "notes to editors",
            r"^(notes? (to|for) editors|editors'? notes?|ends)\s*:?$",
        ),
    ]
    .into_iter()
    .map(|(what, source)| FooterMarker {
        what,
        pattern: Regex::new(&format!("(?i){source}")).expect("footer pattern compiles"),
    })
    .collect()
});

/// A bare web address on a line of its own, as pages print the link to the
/// source just before their footer.
static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(https?://|www\.)\S+$").expect("URL pattern compiles"));

/// Markers in the first part of a text are more likely a heading that shares
/// a word with a marker than page furniture; they are ignored.
const EARLIEST_FOOTER: f64 = 0.3;

/// The content range of `text`: from the start to the first footer marker
/// (if any, and not too early), with bare URL and blank lines just before
/// the marker also left out.
pub fn content_range(text: &str) -> Range<usize> {
    let mut offset = 0;
    let mut last_content_end = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim();
        let start = offset;
        offset += raw.len();
        if line.is_empty() {
            continue;
        }
        let late = start as f64 >= EARLIEST_FOOTER * text.len() as f64;
        if late && FOOTER_MARKERS.iter().any(|m| m.pattern.is_match(line)) {
            return 0..last_content_end;
        }
        if !BARE_URL.is_match(line) {
            last_content_end = start + raw.trim_end().len();
        }
    }
    0..text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Headline\n\nA first paragraph of the article that is long enough to matter here.\n\nA second paragraph that also carries content of its own.\n";

    #[test]
    fn footers_table() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Leave a Reply\n\nYour email address will not be published.\n",
                Some(ARTICLE.trim_end()),
            ),
            (
                "\nwww.example.org/page.asp?p=3131\n\nKeep informed - sign up for our newsletter\nPacked with gossip\n",
                Some(ARTICLE.trim_end()),
            ),
            ("Related posts\nAnother story\n", Some(ARTICLE.trim_end())),
            ("Tags: reform, policy\n", Some(ARTICLE.trim_end())),
            (
                "Notes to editors\n\n1. The scheme opened in 2012.\n",
                Some(ARTICLE.trim_end()),
            ),
            // A comment thread is content.
            ("Janet F said...\n\nFair point.\n", None),
            // A URL alone, with no marker after it, is kept.
            ("www.example.org\n", None),
        ];
        for (footer, want) in rows {
            let text = format!("{ARTICLE}{footer}");
            let range = content_range(&text);
            let want = want.unwrap_or(text.as_str());
            assert_eq!(&text[range], want, "footer {footer:?}");
        }
    }

    #[test]
    fn early_marker_is_a_heading_not_a_footer() {
        let text = format!("Related posts on reform\n\n{ARTICLE}");
        assert_eq!(content_range(&text), 0..text.len());
    }

    #[test]
    fn every_marker_matches_its_example() {
        let examples = [
            "Leave a Reply",
            "Your email address will not be published.",
            "Time limit is exhausted. Please reload CAPTCHA.",
            "Keep informed - sign up for our newsletter",
            "Subscribe",
            "Share this:",
            "Related posts",
            "You may also like",
            "Filed under: policy",
            "Notes to editors:",
        ];
        assert_eq!(examples.len(), FOOTER_MARKERS.len());
        for (marker, example) in FOOTER_MARKERS.iter().zip(examples) {
            assert!(
                marker.pattern.is_match(example),
                "{} misses {example:?}",
                marker.what
            );
        }
    }
}

//! Extract stage, part of `voice.rs`: the signs of a news story, which
//! reports others and has no narrative voice of its own: a quotation
//! attributed inline ("…," said Ms Roe; "…," she said) or a byline ("By a
//! staff reporter") among the first lines.

use std::sync::LazyLock;

use regex::Regex;

use super::clauses::SentenceView;

/// Does the text read as news?
pub(super) fn signs(views: &[SentenceView], text: &str) -> bool {
    NEWS_QUOTE.is_match(text) || has_byline(views, text)
}

/// A quotation closed and attributed inline: "…,’ said Ms Roe", "…,"
/// she said", "…," said the union's leader".
static NEWS_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"[’”"],?\s+(?:(?:said|says|added|warned)\s+(?:\p{Lu}|the\s|a\s|an\s)|(?:he|she|they)\s+(?:said|says|added|warned)\b)"#,
    )
    .expect("news quote pattern")
});

/// A byline among the first lines: "By a staff reporter", "By Jane Roe,
/// Political Editor".
fn has_byline(views: &[SentenceView], text: &str) -> bool {
    views.iter().take(4).any(|v| {
        let line = text[v.span.clone()].trim();
        line.strip_prefix("By ").is_some_and(|rest| {
            let words = rest.split_whitespace().count();
            (1..=8).contains(&words) && !rest.ends_with(['.', '?', '!']) || BYLINE.is_match(rest)
        })
    })
}

/// What follows "By" in a byline that ends in a full stop anyway.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:a|our)\s+(?:staff|special|political|health|education|home affairs|\w+)?\s*(?:reporter|correspondent|editor|writer)s?\b")
        .expect("byline pattern")
});

//! Extract stage: the proposition of a statement, the words of its sentence
//! that carry the position, with the reporting frame and the attribution
//! taken off: `Acevo has said in a report that X` → `X`; `"X," said Y` →
//! `X`; `According to Y, X` → `X`; `X, Y said.` → `X`. A quotation of five
//! words or more is the proposition; else a speech verb among the first
//! fifteen words ends the frame before it; else a short `, said Y` tail
//! goes. What is left is trimmed, capitalised and cut at 280 characters at
//! a word. Pure; the verbs are `cues/speech.txt`.

use std::sync::LazyLock;

const SPEECH: &str = include_str!("cues/speech.txt");
/// Words of a frame before the proposition, at most.
const FRAME_WORDS: usize = 15;
/// Words of a trailing attribution (", said the chief executive, Y"), at most.
const TAIL_WORDS: usize = 10;
/// Words a quotation or the rest of a sentence needs to be a proposition.
const MIN_WORDS: usize = 4;
/// Words that open an adverbial between a speech verb and its `that`.
const ADVERBIAL_STARTS: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "before",
    "after",
    "earlier",
    "yesterday",
    "today",
    "last",
    "this",
    "recently",
    "repeatedly",
    "publicly",
    "previously",
    "also",
    "again",
    "privately",
];
/// Words of such an adverbial, at most.
const ADVERBIAL_WORDS: usize = 7;
/// Characters of a proposition, at most.
const MAX_CHARS: usize = 280;

static VERBS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    SPEECH
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
        .collect()
});

/// The proposition of `sentence`.
///
/// ```
/// use argnet::extract::proposition;
/// assert_eq!(
///     proposition("The council has said in a report that bus fares must be capped."),
///     "Bus fares must be capped"
/// );
/// assert_eq!(
///     proposition("“We back the levy because it works,” said the union's leader, Ann Lee."),
///     "We back the levy because it works"
/// );
/// ```
pub fn proposition(sentence: &str) -> String {
    let text = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let core = quotation(&text)
        .or_else(|| after_frame(&text))
        .or_else(|| before_tail(&text))
        .unwrap_or(&text);
    tidy(core)
}

/// The longest quotation in double quotes (straight or curly) of at least
/// five words.
fn quotation(text: &str) -> Option<&str> {
    let mut best: Option<&str> = None;
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('“', _) | ('"', None) => open = Some(at + c.len_utf8()),
            ('”', Some(start)) | ('"', Some(start)) => {
                let inner = &text[start..at];
                if words(inner) > MIN_WORDS && best.is_none_or(|b| inner.len() > b.len()) {
                    best = Some(inner);
                }
                open = None;
            }
            _ => {}
        }
    }
    best
}

/// What follows a speech verb (and a `that`, a colon or a comma after it)
/// among the first words; or what follows `According to Y,`.
fn after_frame(text: &str) -> Option<&str> {
    let tokens = tokens(text);
    for (i, &(start, _)) in tokens.iter().enumerate().take(FRAME_WORDS) {
        let Some(length) = verb_at(text, &tokens, i) else {
            continue;
        };
        let lower = text[start..].to_lowercase();
        if lower.starts_with("according to") {
            let comma = text[start..].find(',')? + start;
            let rest = &text[comma + 1..];
            return (words(rest) >= MIN_WORDS).then_some(rest);
        }
        // "told the committee: X", "said: X".
        let verb_end = tokens[i + length - 1].1;
        if let Some(colon) = text[verb_end..].find(':')
            && words(&text[verb_end..verb_end + colon]) <= ADVERBIAL_WORDS
        {
            let rest = &text[verb_end + colon + 1..];
            return (words(rest) >= MIN_WORDS).then_some(rest);
        }
        let mut next = i + length;
        let is = |k: usize, word: &str| {
            tokens
                .get(k)
                .is_some_and(|&(s, e)| text[s..e].eq_ignore_ascii_case(word))
        };
        // "said in a report that X", "argued last week that X": an
        // adverbial between the verb and its "that".
        let adverbial = tokens.get(next).is_some_and(|&(s, e)| {
            ADVERBIAL_STARTS
                .iter()
                .any(|w| text[s..e].eq_ignore_ascii_case(w))
        });
        if adverbial && let Some(that) = (next..next + ADVERBIAL_WORDS).find(|&k| is(k, "that")) {
            next = that;
        }
        if is(next, "that") {
            next += 1;
        }
        let &(rest_start, _) = tokens.get(next)?;
        let rest = &text[rest_start..];
        return (words(rest) >= MIN_WORDS).then_some(rest);
    }
    None
}

/// The sentence without a trailing `, said Y` / `, Y said` / `, according
/// to Y`.
fn before_tail(text: &str) -> Option<&str> {
    let comma = text.rfind(',')?;
    let tail = &text[comma + 1..];
    if words(tail) > TAIL_WORDS {
        return None;
    }
    let tokens = tokens(tail);
    let spoken = (0..tokens.len()).any(|i| verb_at(tail, &tokens, i).is_some());
    let head = &text[..comma];
    (spoken && words(head) >= MIN_WORDS).then_some(head)
}

/// The number of words of the speech verb starting at token `i`, if one.
fn verb_at(text: &str, tokens: &[(usize, usize)], i: usize) -> Option<usize> {
    VERBS.iter().find_map(|verb| {
        let fits = verb.iter().enumerate().all(|(k, word)| {
            tokens
                .get(i + k)
                .is_some_and(|&(s, e)| text[s..e].eq_ignore_ascii_case(word))
        });
        fits.then_some(verb.len())
    })
}

/// Byte spans of the words (letters, digits, apostrophes, hyphens).
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                spans.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Trim quotes, dashes and end punctuation; capitalise; cut at a word.
/// The text without the connective or coordinator it opens with
/// ("However, …", "So …", "That is why …", "And …"): how a claim stands
/// to the one before is its relation, not part of what it claims. A
/// look-alike ("So much for …") stays.
fn without_connective(text: &str) -> &str {
    let words: usize = match super::connectives::opening(text) {
        Some((_, connective)) => connective.split_whitespace().count(),
        None => {
            let first = text.split_whitespace().next().unwrap_or("");
            usize::from(matches!(first, "And" | "Or" | "Also"))
        }
    };
    if words == 0 {
        return text;
    }
    // Skip that many words (with what trails them) and the comma after.
    let mut rest = text;
    for _ in 0..words {
        rest = rest.trim_start();
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        rest = &rest[end..];
    }
    let rest = rest.trim_start_matches([',', ' ']);
    // Keep the text when too little follows.
    if rest.split_whitespace().count() < 3 {
        text
    } else {
        rest
    }
}

fn tidy(text: &str) -> String {
    let edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '“' | '”' | '‘' | '’' | ',' | ';' | ':' | '.' | '—' | '–' | '-' | '\''
            )
    };
    let trimmed = without_connective(text.trim_matches(edge)).trim_matches(edge);
    let mut out = String::with_capacity(trimmed.len());
    let mut chars = trimmed.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
    if out.chars().count() > MAX_CHARS {
        let cut: String = out.chars().take(MAX_CHARS).collect();
        let at = cut.rfind(' ').unwrap_or(cut.len());
        out = format!("{}…", cut[..at].trim_end_matches(edge));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences written for this table, not taken from any corpus.
    #[test]
    fn propositions_table() {
        let rows = [
            (
                "The union has argued in its submission that hospital parking should be free for staff.",
                "Hospital parking should be free for staff",
            ),
            (
                "\"Rural routes need a guaranteed minimum service,\" said Tom Hale, who chairs the passengers' forum.",
                "Rural routes need a guaranteed minimum service",
            ),
            (
                "According to the think tank, the new levy will raise far less than promised.",
                "The new levy will raise far less than promised",
            ),
            (
                "A national register of landlords would protect tenants, the charity said.",
                "A national register of landlords would protect tenants",
            ),
            (
                "Ministers believe that the scheme has already cut waiting times.",
                "The scheme has already cut waiting times",
            ),
            (
                "She told the committee: our schools cannot absorb another real-terms cut.",
                "Our schools cannot absorb another real-terms cut",
            ),
            // No frame: the sentence itself.
            (
                "We will not stand by while villages lose their last bus.",
                "We will not stand by while villages lose their last bus",
            ),
            // A short quotation is not the proposition; the frame still goes.
            (
                "The mayor said the plan was \"a gamble\" with public money.",
                "The plan was \"a gamble\" with public money",
            ),
            // Too little after the verb: keep the sentence.
            ("That is what he said.", "That is what he said"),
            // An opening connective or coordinator is the relation, not
            // the claim; a look-alike stays.
            (
                "However, the levy will raise far less than promised.",
                "The levy will raise far less than promised",
            ),
            (
                "That is why we have frozen fares until May.",
                "We have frozen fares until May",
            ),
            (
                "And when it comes to buses, councils need powers.",
                "When it comes to buses, councils need powers",
            ),
            (
                "So much for the promised bus revolution.",
                "So much for the promised bus revolution",
            ),
            ("But it failed.", "But it failed"),
        ];
        for (sentence, want) in rows {
            assert_eq!(proposition(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn long_text_is_cut_at_a_word_and_odd_text_is_safe() {
        let long = format!("Ministers said that {}", "the reform works ".repeat(40));
        let p = proposition(&long);
        assert!(
            p.chars().count() <= MAX_CHARS + 1 && p.ends_with('…'),
            "{p}"
        );
        for odd in ["", "\"", "“”", ",", "said", "“ said ”, said", "é\"ü\"ö"] {
            let _ = proposition(odd);
        }
    }
}

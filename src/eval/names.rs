//! Eval stage: how a name in the graph is matched to a canonical name of the
//! gold standard. Pure string work; no scoring here.
//!
//! The rule (documented in the README, "Scoring against hand coding"):
//!
//! 1. Every name is *normalised*: lower case; quotation marks and
//!    apostrophes dropped; a possessive `'s` at the end dropped; hyphens and
//!    runs of white space become one space; a leading "the " and punctuation
//!    at either end are dropped. "‘Total Place’" = "total place",
//!    "ResPublica’s" = "respublica", "the Conservatives" = "conservatives".
//! 2. A graph node's forms are its label, then its seen aliases (sorted).
//! 3. The gold forms of a canonical name are its name and its aliases (names
//!    used only in statements and citations count too, without aliases).
//!    They are looked up first in the gold entries of the same document,
//!    then in every gold document (canonical names are the same across
//!    documents).
//! 4. The first of the node's forms that equals a gold form gives the
//!    canonical name; a node that matches nothing keeps its own label (and
//!    is a false positive wherever it is scored).

use std::collections::HashMap;

/// Lower-case, quote-free, single-spaced form of a name (see the module
/// documentation).
pub fn normalise(name: &str) -> String {
    let mut text = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            '\'' | '’' | '‘' | '"' | '“' | '”' | '`' | '´' => {
                // "X’s" keeps its s for now; handled below.
                text.push('\u{1}');
            }
            '-' | '‐' | '–' | '—' | '_' => text.push(' '),
            c if c.is_whitespace() => text.push(' '),
            c => text.push(c),
        }
    }
    // A possessive at the end of the name: "ResPublica’s".
    let text = text
        .strip_suffix("\u{1}s")
        .map(str::to_owned)
        .unwrap_or(text);
    let text: String = text.chars().filter(|&c| c != '\u{1}').collect();
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    let joined = words.join(" ");
    joined
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// The words of a name (letters and digits only), for containment tests.
pub fn words(name: &str) -> Vec<String> {
    normalise(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Does one name contain the other as a run of whole words? "Autumn
/// Statement" is in "Autumn Statement (Treasury documents)".
pub fn contains_either(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    long.windows(short.len())
        .any(|window| window == short.as_slice())
}

/// Gold canonical names by normalised form: per document, and over all
/// documents (first document in file order wins on a clash). The matching
/// rule: a graph node's forms (label, then seen aliases) are normalised
/// with [`normalise`]; the first that equals a normalised gold name or
/// alias of the same document, else of any document, gives the canonical
/// name; a node that matches none keeps its label.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    per_document: Vec<HashMap<String, String>>,
    global: HashMap<String, String>,
}

impl NameIndex {
    /// `documents[i]` lists, for gold document `i`, each canonical name with
    /// its aliases.
    pub fn new(documents: &[Vec<(&str, &[String])>]) -> Self {
        let mut index = NameIndex::default();
        for entries in documents {
            let mut local = HashMap::new();
            for &(name, aliases) in entries {
                for form in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
                    let key = normalise(form);
                    if key.is_empty() {
                        continue;
                    }
                    local.entry(key.clone()).or_insert_with(|| name.to_owned());
                    index.global.entry(key).or_insert_with(|| name.to_owned());
                }
            }
            index.per_document.push(local);
        }
        index
    }

    /// The canonical name for a node's forms in gold document `document`.
    pub fn canonical<'a>(
        &self,
        document: usize,
        forms: impl Iterator<Item = &'a str> + Clone,
    ) -> Option<&str> {
        let keys: Vec<String> = forms.map(normalise).collect();
        let local = self.per_document.get(document);
        keys.iter()
            .find_map(|key| local.and_then(|l| l.get(key)))
            .or_else(|| keys.iter().find_map(|key| self.global.get(key)))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_table() {
        let rows = [
            ("‘Total Place’", "total place"),
            ("ResPublica’s", "respublica"),
            ("the Conservatives", "conservatives"),
            ("The", "the"),
            ("  Work   programme ", "work programme"),
            ("cross-sector partnership", "cross sector partnership"),
            ("“Community First” test", "community first test"),
            (
                "Autumn Statement (Treasury documents)",
                "autumn statement (treasury documents",
            ),
        ];
        for (name, want) in rows {
            assert_eq!(normalise(name), want, "{name}");
        }
    }

    #[test]
    fn containment_is_by_whole_words() {
        assert!(contains_either(
            "Autumn Statement",
            "Autumn Statement (Treasury documents)"
        ));
        assert!(contains_either("the Social Value Act", "Social Value Act"));
        assert!(!contains_either("Value Ac", "Social Value Act"));
        assert!(!contains_either("", "Social Value Act"));
    }

    #[test]
    fn document_entries_win_over_other_documents() {
        let commission_a = vec!["the Commission".to_owned()];
        let commission_b = vec!["Commission".to_owned()];
        let index = NameIndex::new(&[
            vec![("Better Public Services Commission", commission_a.as_slice())],
            vec![(
                "ACEVO Commission on Personalisation",
                commission_b.as_slice(),
            )],
        ]);
        let forms = ["Commission"];
        assert_eq!(
            index.canonical(1, forms.iter().copied()),
            Some("ACEVO Commission on Personalisation")
        );
        assert_eq!(
            index.canonical(0, forms.iter().copied()),
            Some("Better Public Services Commission")
        );
        // Another document falls back to the first gold entry.
        assert_eq!(
            index.canonical(7, forms.iter().copied()),
            Some("Better Public Services Commission")
        );
        assert_eq!(index.canonical(0, ["Nobody"].iter().copied()), None);
    }
}

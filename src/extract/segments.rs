//! Extract stage, first pass: the corpus's sentences as units of speech.
//! Finds every speaker label a transcript page prints (`labels.rs`,
//! `speakers.rs`, comment headers) and cuts a sentence where a label runs
//! into it, so that each unit has one speaker: the label is a unit of its
//! own and what follows it starts the turn. A bare name on its own line
//! counts only where the page is a transcript (it has other labels, or the
//! manifest says so) or the codebook lists the person. A page that opens
//! mid-speech gets the speaker the first turn answers ("I congratulate the
//! hon. Member for X (Mr Y) on his speech"). It resolves no names to
//! entities and attributes nothing.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::labels::{Strength, find_inline_label, is_given_name, parse_label_line};
use super::speakers::{PersonName, SpeakerLine, parse_comment_header, person_name};
use crate::corpus::{Document, DocumentKind, Sentence};

/// The units of one document and the labels among them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmentation {
    /// The corpus sentences, cut at inline labels; spans into the text.
    pub sentences: Vec<Sentence>,
    /// Labels in unit order.
    pub labels: Vec<Label>,
    /// Who speaks before the first label when the page opens mid-speech.
    pub opening: Option<PersonName>,
}

/// A unit that is a speaker label.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Index of the label's unit in [`Segmentation::sentences`].
    pub sentence: usize,
    pub line: SpeakerLine,
    /// A header in prose ("Janet F said...", "Jane Roe said:") rather
    /// than a transcript's speaker label.
    pub header: bool,
}

/// A reply that names the member who spoke before: "(Mr Yeo)" after "the
/// hon. Member for South Suffolk", with words that answer a speech.
static PREVIOUS_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?\)",
    )
    .expect("previous speaker pattern")
});
const ANSWERING: &[&str] = &[
    "contribution",
    "speech",
    "congratulate",
    "remarks",
    "follow",
    "said",
    "agree",
    "points",
];

/// Split `document` into units. `people` are the lower-cased names and
/// aliases of the codebook's persons. O(n) in the text.
pub fn segment(document: &Document, people: &HashSet<String>) -> Segmentation {
    let sentences = &document.sentences;
    let alone = |index: usize| {
        let block = sentences[index].block;
        (index == 0 || sentences[index - 1].block != block)
            && sentences
                .get(index + 1)
                .is_none_or(|next| next.block != block)
    };
    let last_block = sentences.last().map_or(0, |s| s.block);

    // Labels per corpus sentence: a whole sentence, or a span inside one.
    let mut whole: Vec<(usize, SpeakerLine, Strength)> = Vec::new();
    let mut inline: Vec<(usize, Range<usize>, SpeakerLine)> = Vec::new();
    let mut headers: HashSet<usize> = HashSet::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let text = document.sentence_text(sentence);
        if alone(index) {
            if sentence.block == last_block {
                continue;
            }
            if let Some((line, strength)) = parse_label_line(text) {
                whole.push((index, line, strength));
                continue;
            }
            // "Jane Roe said..." heads a comment; "Jane Roe said:" opens a
            // quotation, which attribution follows.
            let quotation =
                text.trim_end().ends_with("said:") || text.trim_end().ends_with("says:");
            if let Some(name) = parse_comment_header(text).filter(|_| !quotation) {
                let person = person_name(&name).unwrap_or(PersonName {
                    name,
                    aliases: Vec::new(),
                    titled: false,
                });
                let line = SpeakerLine {
                    person,
                    party: None,
                    offices: Vec::new(),
                    featured: true,
                };
                whole.push((index, line, Strength::Strong));
                headers.insert(index);
                continue;
            }
        }
        if let Some((range, line)) = find_inline_label(text).or_else(|| section_label(text)) {
            let start = sentence.span.start;
            inline.push((index, start + range.start..start + range.end, line));
        }
    }

    // A bare name counts in a transcript, or when the codebook knows it.
    let transcript = document.meta.kind == Some(DocumentKind::Transcript)
        || whole
            .iter()
            .any(|(i, _, s)| *s == Strength::Strong && !headers.contains(i))
        || !inline.is_empty();
    let known_person = |person: &PersonName| {
        std::iter::once(&person.name)
            .chain(&person.aliases)
            .any(|form| people.contains(&form.to_lowercase()))
    };
    // In a transcript, "Name:" is a label, and so is a bare name that
    // starts with a given name ("Vince Cable" but not "Energy Policy").
    whole.retain(|(index, line, strength)| {
        let colon = document
            .sentence_text(&sentences[*index])
            .trim_end()
            .ends_with(':');
        let given = line
            .person
            .name
            .split_whitespace()
            .next()
            .is_some_and(is_given_name);
        *strength == Strength::Strong
            || known_person(&line.person)
            || (transcript && (colon || given))
    });

    // Later turns may name a speaker by a short form: "Mr Hurd I was …",
    // "Duncan Hames I thank …" at the start of a sentence.
    if transcript {
        let mut forms: Vec<(String, PersonName)> = Vec::new();
        for line in whole
            .iter()
            .map(|(_, l, _)| l)
            .chain(inline.iter().map(|(_, _, l)| l))
        {
            for form in std::iter::once(&line.person.name).chain(&line.person.aliases) {
                if form.contains(' ') {
                    forms.push((form.clone(), line.person.clone()));
                }
            }
        }
        forms.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
        let labelled: HashSet<usize> = whole
            .iter()
            .map(|(i, _, _)| *i)
            .chain(inline.iter().map(|(i, _, _)| *i))
            .collect();
        for (index, sentence) in sentences.iter().enumerate() {
            if labelled.contains(&index) {
                continue;
            }
            let text = document.sentence_text(sentence);
            // "Jane Roe: Will the Minister give way?"
            if let Some((colon, line)) = colon_label(text, &known_person) {
                let start = sentence.span.start;
                inline.push((index, start..start + colon + 1, line));
                continue;
            }
            if let Some((form, person)) = forms.iter().find(|(form, _)| opens_turn(text, form)) {
                let start = sentence.span.start;
                inline.push((
                    index,
                    start..start + form.len(),
                    SpeakerLine {
                        person: person.clone(),
                        party: None,
                        offices: Vec::new(),
                        featured: true,
                    },
                ));
            }
        }
    }

    // Cut the sentences.
    let mut out = Segmentation::default();
    let mut inline_at: Vec<Option<(Range<usize>, SpeakerLine)>> = vec![None; sentences.len()];
    for (index, range, line) in inline {
        inline_at[index] = Some((range, line));
    }
    let mut whole_at: Vec<Option<SpeakerLine>> = vec![None; sentences.len()];
    for (index, line, _) in whole {
        whole_at[index] = Some(line);
    }
    for (index, sentence) in sentences.iter().enumerate() {
        if let Some(line) = whole_at[index].take() {
            out.labels.push(Label {
                sentence: out.sentences.len(),
                line,
                header: headers.contains(&index),
            });
            out.sentences.push(sentence.clone());
            continue;
        }
        let Some((label, line)) = inline_at[index].take() else {
            out.sentences.push(sentence.clone());
            continue;
        };
        let block = sentence.block;
        let push = |sentences: &mut Vec<Sentence>, span: Range<usize>| {
            let span = trim(&document.text, span);
            let kept = !span.is_empty();
            if kept {
                sentences.push(Sentence { span, block });
            }
            kept
        };
        push(&mut out.sentences, sentence.span.start..label.start);
        if push(&mut out.sentences, label.clone()) {
            out.labels.push(Label {
                sentence: out.sentences.len() - 1,
                line,
                header: false,
            });
        }
        push(&mut out.sentences, label.end..sentence.span.end);
    }
    out.opening = opening_speaker(document, &out);
    out
}

/// Does `text` open with `form` followed by a capitalised word, as a
/// speaker's name run into the first word of the speech?
fn opens_turn(text: &str, form: &str) -> bool {
    let Some(rest) = text.strip_prefix(form) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    // "Jane Roe MP", "Jane Roe OBE": letters after a name, not a speech.
    let abbreviation = word.chars().count() > 1 && word.chars().all(char::is_uppercase);
    word.chars().next().is_some_and(char::is_uppercase) && !abbreviation
}

/// `Name: text` at the start of a sentence of a transcript, the name
/// bare ("Jane Roe: Will she give way?"): a title, a given name or a
/// person the codebook lists. Returns the colon's offset and the line.
fn colon_label(text: &str, known: &dyn Fn(&PersonName) -> bool) -> Option<(usize, SpeakerLine)> {
    let colon = text.find(": ")?;
    let name = &text[..colon];
    if colon > 60 || name.contains(['.', ',', '(', '“', '"']) && !name.contains("Mr.") {
        return None;
    }
    let after = text[colon + 1..].trim_start();
    if !after.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"') {
        return None;
    }
    let person = person_name(name)?;
    let given = person
        .name
        .split_whitespace()
        .next()
        .is_some_and(is_given_name);
    (person.titled || given || known(&person)).then(|| {
        (
            colon,
            SpeakerLine {
                person,
                party: None,
                offices: Vec::new(),
                featured: true,
            },
        )
    })
}

/// Historic Hansard's speech paragraphs: "§ Lord Smith of LeighMy Lords,
/// I …", "§ MR. JONES (Wessex)I agree …" — a section mark, the speaker,
/// and the speech run into the name without a space.
fn section_label(text: &str) -> Option<(Range<usize>, SpeakerLine)> {
    let rest = text.strip_prefix('§')?;
    let offset = text.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    // Where the name runs into the speech: a lower-case letter or a
    // bracket followed by a capital. Names have such joins too
    // ("McIntosh"), so the longest prefix that parses as a speaker wins.
    let mut previous = ' ';
    let mut joins = Vec::new();
    for (at, c) in rest.char_indices().take(160) {
        if matches!(c, '.' | ',' | ';' | '?' | '!') && previous.is_lowercase() {
            break;
        }
        if c.is_uppercase() && (previous.is_lowercase() || previous == ')') && at > 0 {
            joins.push(at);
        }
        previous = c;
    }
    joins.extend(rest.find(": ").map(|c| c + 1));
    // "§ Baroness Smithrose to ask …": the member rises to speak.
    if let Some(at) = rest.find("rose to ").filter(|&at| at > 0 && at < 120) {
        joins.push(at);
    }
    joins.sort_unstable();
    joins.into_iter().rev().find_map(|end| {
        let label = rest[..end].trim_end_matches(':').trim();
        // "MR. JONES": historic pages print surnames in capitals.
        let written = title_case_capitals(label);
        let (line, _) = parse_label_line(&written).or_else(|| {
            let person = person_name(&written).filter(|p| p.titled)?;
            Some((
                SpeakerLine {
                    person,
                    party: None,
                    offices: Vec::new(),
                    featured: true,
                },
                Strength::Strong,
            ))
        })?;
        (line.person.titled || line.party.is_some()).then_some((0..offset + end, line))
    })
}

/// "MR. JONES" → "Mr. Jones": words in capitals, in title case.
fn title_case_capitals(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if letters > 1 && !word.chars().any(char::is_lowercase) {
                let mut chars = word.chars();
                let first = chars.next().map(String::from).unwrap_or_default();
                first + &chars.as_str().to_lowercase()
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page that opens mid-speech (text before the first label, that is
/// more than a heading) belongs to the member whom the first turn answers.
fn opening_speaker(document: &Document, found: &Segmentation) -> Option<PersonName> {
    let first = found.labels.first()?;
    let before = &found.sentences[..first.sentence];
    let speech = before.iter().any(|s| {
        document
            .sentence_text(s)
            .trim_end()
            .ends_with(['.', '?', '!', '”', '"'])
    });
    if !speech {
        return None;
    }
    let reply = found.sentences[first.sentence + 1..]
        .iter()
        .take(2)
        .map(|s| document.sentence_text(s));
    for sentence in reply {
        let lower = sentence.to_lowercase();
        if !ANSWERING.iter().any(|w| lower.contains(w)) {
            continue;
        }
        if let Some(found) = PREVIOUS_SPEAKER.find(sentence) {
            let inner = &found.as_str()[1..found.as_str().len() - 1];
            return person_name(inner);
        }
    }
    None
}

fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let piece = &text[span.clone()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end = span.end - (piece.len() - piece.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{DocumentMeta, document_from_text};

    /// (unit text, speaker if it is a label) for every unit.
    fn units(text: &str, people: &[&str]) -> Vec<(String, Option<String>)> {
        let document = document_from_text("t.txt", text, DocumentMeta::default());
        let people = people.iter().map(|p| p.to_lowercase()).collect();
        let found = segment(&document, &people);
        found
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let label = found.labels.iter().find(|l| l.sentence == i);
                (
                    document.sentence_text(s).to_owned(),
                    label.map(|l| l.line.person.name.clone()),
                )
            })
            .collect()
    }

    fn speakers(text: &str, people: &[&str]) -> Vec<String> {
        units(text, people)
            .into_iter()
            .filter_map(|(_, speaker)| speaker)
            .collect()
    }

    #[test]
    fn layouts_table() {
        let rows: &[(&str, &[&str], &[&str])] = &[
            // A bare line with brackets and no colon, then a bare name.
            (
                "Schools Bill\n\nJane Roe (South Shire) (Lab)\n\nThe plan is wrong.\n\nMary Green\n\nIt is right.\n",
                &[],
                &["Jane Roe", "Mary Green"],
            ),
            // TheyWorkForYou labels.
            (
                "Tom Brown Labour, North Wessex\n\nWhat will he do?\n\nAnne Grey The Minister of State for Transport\n\nWe will act.\n",
                &[],
                &["Tom Brown", "Anne Grey"],
            ),
            // Colon lines still work.
            (
                "Lord Smith of Leigh:\nMy Lords, I agree.\n",
                &[],
                &["Lord Smith of Leigh"],
            ),
            // A name-shaped heading is no speaker without a transcript.
            (
                "National Parks Review\n\nThe parks are popular.\n",
                &[],
                &[],
            ),
            // … unless the codebook lists the person.
            (
                "Mary Green\n\nIt is right.\n",
                &["Mary Green"],
                &["Mary Green"],
            ),
        ];
        for &(text, people, want) in rows {
            assert_eq!(speakers(text, people), want, "{text:?}");
        }
    }

    /// (label text, speaker) of every unit that is a speaker label.
    fn labels_of(units: &[(String, Option<String>)]) -> Vec<(&str, &str)> {
        units
            .iter()
            .filter_map(|(t, s)| s.as_deref().map(|s| (t.as_str(), s)))
            .collect()
    }

    #[test]
    fn inline_labels_are_cut_out() {
        let text = "Transport The Minister was asked— Buses Jane Roe (South Shire) (LD) 1. What plans he has. The Minister of State, Department for Transport (Mr John Doe) We are investing. Jane Roe I thank the Minister. Mr Doe I agree with her.";
        let got = units(text, &[]);
        let labels = labels_of(&got);
        assert_eq!(
            labels,
            vec![
                ("Jane Roe (South Shire) (LD)", "Jane Roe"),
                (
                    "The Minister of State, Department for Transport (Mr John Doe)",
                    "John Doe"
                ),
                ("Jane Roe", "Jane Roe"),
                ("Mr Doe", "John Doe"),
            ]
        );
        assert!(
            got.iter()
                .any(|(t, s)| t == "We are investing." && s.is_none())
        );
        assert!(got.iter().any(|(t, _)| t == "I agree with her."));
    }

    #[test]
    fn colon_and_section_labels() {
        // Bare "Name:" inside a transcript's paragraphs.
        let text = "Jane Roe (South Shire) (Lab): I will give way.\n\nTom Brown: Will she give way? Jane Roe: I will not.\n";
        assert_eq!(
            speakers(text, &[]),
            vec!["Jane Roe", "Tom Brown", "Jane Roe"]
        );
        // Historic Hansard: "§" and the speech run into the name.
        let text = "§ Lord McAdam of LeighMy Lords, I beg to move.\n\n§ MR. JONES (Wessex)I agree with that.\n\n§ Question put and agreed to.\n";
        let got = units(text, &[]);
        let labels = labels_of(&got);
        assert_eq!(
            labels,
            vec![
                ("§ Lord McAdam of Leigh", "Lord McAdam of Leigh"),
                ("§ MR. JONES (Wessex)", "Jones"),
            ]
        );
        assert!(got.iter().any(|(t, _)| t == "My Lords, I beg to move."));
        let text = "§ Baroness Smithrose to ask Her Majesty's Government what they plan.\n\n§ My Lords, I thank the Minister.\n";
        assert_eq!(speakers(text, &[]), vec!["Baroness Smith"]);
    }

    #[test]
    fn prose_names_are_not_labels() {
        let text = "Jane Roe (South Shire) (LD): We will act.\n\nJane Roe MP said so. Jane Roe, the chair, agreed.\n";
        assert_eq!(speakers(text, &[]), vec!["Jane Roe"]);
    }

    #[test]
    fn a_page_that_opens_mid_speech() {
        let text = "That is why the scheme must go further.\n\nPaul Black (Upton-on-Sea) (Con): I congratulate the hon. Member for Wessex (Mr Hardy) on his speech. We agree.\n";
        let document = document_from_text("t.txt", text, DocumentMeta::default());
        let found = segment(&document, &HashSet::new());
        assert_eq!(found.opening.map(|p| p.name).as_deref(), Some("Hardy"));
        // A heading before the first label is no speech.
        let text = "Energy Bill\n\nPaul Black (Upton-on-Sea) (Con): I congratulate the hon. Member for Wessex (Mr Hardy) on his speech.\n";
        let document = document_from_text("t.txt", text, DocumentMeta::default());
        assert!(segment(&document, &HashSet::new()).opening.is_none());
    }
}

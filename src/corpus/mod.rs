//! Corpus stage: read files and folders into [`Corpus`]: decoded text,
//! metadata, content range and sentences with byte spans. No NLP here: this
//! stage does not know what an actor or a concept is.
//!
//! One unreadable document is a [`Warning`], not an error; the run goes on.

mod boilerplate;
pub mod citations;
pub mod coded;
mod decode;
mod document;
mod formats;
mod metadata;
mod sentences;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use boilerplate::content_range;
pub use decode::{Refusal, decode};
pub use document::{
    Corpus, Document, DocumentKind, DocumentMeta, Encoding, Sentence, Warning, WarningKind,
};
pub use formats::{Extracted, Format, extract};
pub use metadata::{Manifest, infer as infer_metadata};
pub use sentences::split_sentences;

use crate::error::{Error, Result};

/// File extensions read as documents (compared case-insensitively): plain
/// text and Markdown, saved web pages, Word documents and PDF.
pub const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "xhtml", "docx", "pdf"];

/// Files beside the documents that are not documents and need no word:
/// argnet's own manifest and codebook, notes and licences.
const COMPANION_EXTENSIONS: &[&str] = &["toml", "json", "yaml", "yml"];

/// What to read.
#[derive(Debug, Clone, Default)]
pub struct CorpusConfig {
    /// Files and folders; folders are read recursively.
    pub inputs: Vec<PathBuf>,
    /// The manifest; when `None`, `corpus.toml` beside the first input is
    /// used if it exists.
    pub manifest: Option<PathBuf>,
    /// The largest document read, in bytes; `None` is
    /// [`DEFAULT_MAX_DOCUMENT`]. A larger file is skipped with a warning
    /// that names its size and the limit.
    pub max_document: Option<u64>,
}

/// The largest document read unless the user raises it
/// (`--max-document`): 64 MiB, some fifty books. Extraction holds about 40
/// bytes per byte of text (README, "Limits"), so this keeps one document
/// under 3 GB.
pub const DEFAULT_MAX_DOCUMENT: u64 = 64 << 20;

/// A file found under an input, with its stable id.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    path: PathBuf,
}

/// Read every document under `config.inputs`.
pub fn load(config: &CorpusConfig) -> Result<Corpus> {
    let (entries, found_warnings) = discover(&config.inputs)?;
    let manifest = match config
        .manifest
        .clone()
        .or_else(|| companion_file(&config.inputs, "corpus.toml"))
    {
        Some(path) => Manifest::parse(&read_text(&path)?, &path)?,
        None => Manifest::default(),
    };

    let results: Vec<Result<Document, Warning>> = entries
        .par_iter()
        .map(|entry| {
            read_document(
                entry,
                &manifest,
                config.max_document.unwrap_or(DEFAULT_MAX_DOCUMENT),
            )
        })
        .collect();

    let mut corpus = Corpus {
        warnings: found_warnings,
        ..Corpus::default()
    };
    for result in results {
        match result {
            Ok(document) => {
                let note = match document.encoding {
                    Encoding::Windows1252 => Some(
                        "not valid UTF-8; decoded as Windows-1252 (spans index the decoded text)",
                    ),
                    Encoding::Utf8Repaired => Some(
                        "some bytes are not valid UTF-8; those were read as Windows-1252, the rest as UTF-8 (spans index the decoded text)",
                    ),
                    _ => None,
                };
                if let Some(note) = note {
                    corpus.warnings.push(Warning {
                        path: document.path.clone(),
                        kind: WarningKind::Note(note.into()),
                    });
                }
                corpus.documents.push(document);
            }
            Err(warning) => corpus.warnings.push(warning),
        }
    }
    if let Some(path) = &manifest.path {
        let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        for name in manifest.unmatched(&ids) {
            corpus.warnings.push(Warning {
                path: path.clone(),
                kind: WarningKind::Note(format!(
                    "entry for {name:?} matches no document read; check the file name"
                )),
            });
        }
    }
    if corpus.documents.is_empty() {
        // Documents that could not be read first: they say more than the
        // files of other formats beside them.
        let mut skipped: Vec<&Warning> = corpus.warnings.iter().filter(|w| w.is_skip()).collect();
        skipped.sort_by_key(|w| !is_document_file(&w.path));
        return Err(Error::NoReadableDocuments {
            skipped: skipped.len(),
            first: skipped.first().map(ToString::to_string).unwrap_or_default(),
            more: match skipped.len() {
                0 | 1 => String::new(),
                n => format!(", and {} more", n - 1),
            },
        });
    }
    Ok(corpus)
}

/// Build a document from text already in memory (tests, library users).
pub fn document_from_text(id: &str, text: &str, meta: DocumentMeta) -> Document {
    build_document(
        id.to_owned(),
        PathBuf::from(id),
        text.as_bytes(),
        text.to_owned(),
        Encoding::Utf8,
        meta,
    )
}

/// Read a whole file; a missing one is [`Error::PathNotFound`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => Error::PathNotFound {
            path: path.to_owned(),
        },
        _ => Error::Read {
            path: path.to_owned(),
            source,
        },
    })
}

/// Read a whole file as UTF-8 text (codebooks, manifests, saved graphs).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| Error::Read {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

/// `name` beside the first input: inside it when it is a folder, next to it
/// when it is a file. `None` when there is no such file.
pub fn companion_file(inputs: &[PathBuf], name: &str) -> Option<PathBuf> {
    let first = inputs.first()?;
    let folder = if first.is_dir() {
        first.as_path()
    } else {
        first.parent()?
    };
    let candidate = folder.join(name);
    candidate.is_file().then_some(candidate)
}

fn read_document(entry: &Entry, manifest: &Manifest, max: u64) -> Result<Document, Warning> {
    let skip = |why: String| Warning {
        path: entry.path.clone(),
        kind: WarningKind::Skipped(why),
    };
    let size = fs::metadata(&entry.path).map(|m| m.len()).unwrap_or(0);
    if size > max {
        return Err(skip(format!(
            "{} MiB is more than the {} MiB a document may have; split it, or raise the limit with --max-document {}M",
            size.div_ceil(1 << 20),
            max >> 20,
            size.div_ceil(1 << 20)
        )));
    }
    let bytes = fs::read(&entry.path).map_err(|e| skip(format!("cannot read: {e}")))?;
    let format = entry
        .path
        .extension()
        .and_then(|e| Format::of_extension(&e.to_string_lossy()))
        .unwrap_or(Format::Text);
    let Extracted {
        text,
        encoding,
        meta: own,
        pages,
    } = extract(format, &bytes, max).map_err(skip)?;
    // The manifest wins; then what the file says of itself; then what
    // `infer_metadata` finds in the text.
    let mut meta = manifest.get(&entry.id).cloned().unwrap_or_default();
    meta.title = meta.title.or(own.title);
    meta.date = meta.date.or(own.date);
    meta.author = meta.author.or(own.author);
    let mut document = build_document(
        entry.id.clone(),
        entry.path.clone(),
        &bytes,
        text,
        encoding,
        meta,
    );
    document.pages = pages;
    Ok(document)
}

fn build_document(
    id: String,
    path: PathBuf,
    bytes: &[u8],
    text: String,
    encoding: Encoding,
    mut meta: DocumentMeta,
) -> Document {
    let content = content_range(&text);
    infer_metadata(&mut meta, &text[content.clone()]);
    let sentences = split_sentences(&text, content.clone());
    Document {
        id,
        path,
        meta,
        sha256: hex(&Sha256::digest(bytes)),
        bytes: bytes.len(),
        encoding,
        text,
        content,
        sentences,
        pages: Vec::new(),
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every document file under the inputs, in a stable order, with ids, and
/// warnings about what was left out. A single input gives ids relative to
/// it; several inputs prefix each id with the input's own name so that ids
/// stay unique.
fn discover(inputs: &[PathBuf]) -> Result<(Vec<Entry>, Vec<Warning>)> {
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    for input in inputs {
        if !input.exists() {
            return Err(Error::PathNotFound {
                path: input.clone(),
            });
        }
        let prefix = if inputs.len() > 1 {
            input
                .file_name()
                .map(|n| format!("{}/", file_name_text(n)))
                .unwrap_or_default()
        } else {
            String::new()
        };
        if !input.is_dir() {
            // A file named on the command line is read even through a
            // link; a pipe or a device is not (it could block or never end).
            if !input.is_file() {
                warnings.push(not_regular(input));
                continue;
            }
            let name = input
                .file_name()
                .map(file_name_text)
                .unwrap_or_else(|| input.to_string_lossy().into_owned());
            entries.push(Entry {
                id: name,
                path: input.clone(),
            });
            continue;
        }
        let mut walk = Walk::new(input)?;
        walk.folder(input)?;
        walk.follow_links()?;
        warnings.append(&mut walk.warnings);
        for path in walk.other.drain(..) {
            warnings.push(unread_format(path));
        }
        if walk.found.is_empty() {
            return Err(Error::EmptyCorpus {
                path: input.clone(),
            });
        }
        entries.extend(walk.found.into_iter().map(|(relative, path)| Entry {
            id: format!("{prefix}{relative}"),
            path,
        }));
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in entries.windows(2) {
        if pair[0].id == pair[1].id {
            warnings.push(Warning {
                path: pair[1].path.clone(),
                kind: WarningKind::Skipped(format!(
                    "has the same document id {:?} as {}; rename one of them",
                    pair[1].id,
                    pair[0].path.display()
                )),
            });
        }
    }
    entries.dedup_by(|a, b| a.id == b.id);
    Ok((entries, warnings))
}

/// A file name as text; bytes that are not UTF-8 are written `\xNN`, so
/// that two names differing only there stay two ids.
fn file_name_text(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut text = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            text.push_str(chunk.valid());
            for byte in chunk.invalid() {
                text.push_str(&format!("\\x{byte:02X}"));
            }
        }
        text
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

fn not_regular(path: &Path) -> Warning {
    Warning {
        path: path.to_owned(),
        kind: WarningKind::Skipped(
            "not a regular file (a pipe, socket or device); only files are read".into(),
        ),
    }
}

/// A walk through one input folder. Links are followed only to files and
/// folders inside the folder, each once: a link out of the corpus (to a
/// system file, say) or back into a folder already read is left out with a
/// warning. Links are followed after the folder itself is read, so a file
/// keeps the id of its real path.
struct Walk {
    root: PathBuf,
    /// The root with links resolved, to tell inside from outside.
    real_root: PathBuf,
    /// Real paths of the folders and files read so far.
    seen: std::collections::HashSet<PathBuf>,
    links: Vec<PathBuf>,
    found: Vec<(String, PathBuf)>,
    warnings: Vec<Warning>,
    /// Files of formats argnet does not read.
    other: Vec<PathBuf>,
}

impl Walk {
    fn new(root: &Path) -> Result<Self> {
        let real_root = fs::canonicalize(root).map_err(|source| Error::Read {
            path: root.to_owned(),
            source,
        })?;
        Ok(Walk {
            root: root.to_owned(),
            seen: std::collections::HashSet::from([real_root.clone()]),
            real_root,
            links: Vec::new(),
            found: Vec::new(),
            warnings: Vec::new(),
            other: Vec::new(),
        })
    }

    fn folder(&mut self, folder: &Path) -> Result<()> {
        let read_error = |source| Error::Read {
            path: folder.to_owned(),
            source,
        };
        let mut children: Vec<PathBuf> = fs::read_dir(folder)
            .map_err(read_error)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()
            .map_err(read_error)?;
        children.sort();
        for child in children {
            let hidden = child
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
            if hidden {
                continue;
            }
            let Ok(meta) = fs::symlink_metadata(&child) else {
                continue;
            };
            let kind = meta.file_type();
            if kind.is_symlink() {
                self.links.push(child);
            } else if kind.is_dir() {
                if let Ok(real) = fs::canonicalize(&child) {
                    self.seen.insert(real);
                }
                self.folder(&child)?;
            } else if !is_document_file(&child) {
                if kind.is_file() && !is_companion_file(&child) {
                    self.other.push(child);
                }
            } else if is_document_file(&child) {
                if !kind.is_file() {
                    self.warnings.push(not_regular(&child));
                    continue;
                }
                if let Ok(real) = fs::canonicalize(&child) {
                    self.seen.insert(real);
                }
                self.add(child);
            }
        }
        Ok(())
    }

    fn follow_links(&mut self) -> Result<()> {
        let mut next = 0;
        while next < self.links.len() {
            let link = self.links[next].clone();
            next += 1;
            let skip = |why: String| Warning {
                path: link.clone(),
                kind: WarningKind::Skipped(why),
            };
            let Ok(real) = fs::canonicalize(&link) else {
                if is_document_file(&link) {
                    self.warnings
                        .push(skip("a link to nothing (its target is gone)".into()));
                }
                continue;
            };
            if !real.starts_with(&self.real_root) {
                if is_document_file(&link) || real.is_dir() {
                    self.warnings.push(skip(format!(
                        "a link to {}, outside the corpus; not followed (copy the file in to read it)",
                        real.display()
                    )));
                }
                continue;
            }
            if self.seen.contains(&real) {
                if is_document_file(&link) || real.is_dir() {
                    self.warnings.push(skip(format!(
                        "a link to {}, which is read already; read once",
                        real.display()
                    )));
                }
                continue;
            }
            if real.is_dir() {
                self.seen.insert(real);
                self.folder(&link)?;
            } else if is_document_file(&link) {
                if !real.is_file() {
                    self.warnings.push(not_regular(&link));
                    continue;
                }
                self.seen.insert(real);
                self.add(link);
            }
        }
        Ok(())
    }

    fn add(&mut self, path: PathBuf) {
        let relative = path
            .strip_prefix(&self.root)
            .unwrap_or(&path)
            .components()
            .map(|c| file_name_text(c.as_os_str()))
            .collect::<Vec<_>>()
            .join("/");
        self.found.push((relative, path));
    }
}

/// The warning for a file of a format argnet does not read, saying what
/// to do with it.
fn unread_format(path: PathBuf) -> Warning {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let advice = match extension.as_str() {
        "doc" | "rtf" | "odt" | "pages" | "wpd" => "save it as .docx or .txt",
        "xls" | "xlsx" | "ods" | "csv" | "tsv" => {
            "a table is not a document; hand-coded statements are read by `argnet import`"
        }
        "mht" | "mhtml" | "webarchive" => "save the page as .html",
        "" => "give it the extension of its format (.txt, .html, .docx, .pdf)",
        _ => "argnet reads .txt, .md, .html, .htm, .xhtml, .docx and .pdf",
    };
    Warning {
        path,
        kind: WarningKind::Skipped(format!("not a format argnet reads; {advice}")),
    }
}

fn is_companion_file(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| COMPANION_EXTENSIONS.contains(&e.as_str()))
        || path.file_name().is_some_and(|n| {
            n.to_string_lossy()
                .to_ascii_uppercase()
                .starts_with("README")
        })
}

fn is_document_file(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.as_str()))
}

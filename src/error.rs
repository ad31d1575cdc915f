//! The library's error type: every variant names the file, line or value the
//! user got wrong and, where there is one, what to do about it.
//!
//! Problems with a single document are not errors; they are
//! [`crate::corpus::Warning`]s and the run goes on.

use std::io;
use std::path::PathBuf;

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that stops a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path does not exist.
    #[error("{}: no such file or folder; check the path", .path.display())]
    PathNotFound { path: PathBuf },

    /// A file or folder could not be read.
    #[error("{}: cannot read: {source}", .path.display())]
    Read { path: PathBuf, source: io::Error },

    /// A folder holds no document argnet can read.
    #[error(
        "{}: no documents found; argnet reads plain text (.txt), Markdown (.md), web pages (.html, .htm), Word (.docx) and PDF (.pdf) files",
        .path.display()
    )]
    EmptyCorpus { path: PathBuf },

    /// Every document was skipped (empty, binary, unreadable).
    #[error("no readable documents: all {skipped} files were skipped ({first}{more})")]
    NoReadableDocuments {
        skipped: usize,
        /// The first skipped file and why.
        first: String,
        /// ", and N more" when there are more.
        more: String,
    },

    /// A TOML input (codebook or corpus manifest) that does not parse or
    /// names something that does not exist.
    #[error("{}:{line}:{column}: {message}", .path.display())]
    Toml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// An output file or folder could not be written.
    #[error(
        "{}: cannot write: {source}; check that the folder exists and is writable, or choose another with --out",
        .path.display()
    )]
    Write { path: PathBuf, source: io::Error },

    /// A file that should hold an argnet graph does not.
    #[error("{}: not an argnet graph: {message}", .path.display())]
    GraphFormat { path: PathBuf, message: String },

    /// A value on the command line or in a config is out of range.
    #[error("{name} = {value:?}: {message}")]
    InvalidValue {
        name: &'static str,
        value: String,
        message: String,
    },

    /// The filters of a view leave no node.
    #[error(
        "the filters leave none of the {nodes} nodes; relax them (fewer --kinds or --relations, a lower --min-weight, a larger --radius)"
    )]
    EmptyView { nodes: usize },

    /// A picture was asked for and Graphviz `dot` is not installed.
    #[error(
        "cannot write {format}: Graphviz `dot` is not installed; {hint}, or write DOT with --to dot"
    )]
    GraphvizMissing {
        format: &'static str,
        hint: &'static str,
    },

    /// A gold-standard file (for `argnet eval`) that does not parse or
    /// breaks the schema. `line` 0 means the problem has no one position.
    #[error("{}{}: {message}", .path.display(), position(*.line, *.column))]
    GoldFormat {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// A citation file (edge list, CSV, OpenAlex works or the binary form)
    /// that argnet cannot read. `line` 0 means the problem has no one line.
    #[error("{}{}: {message}", .path.display(), line_suffix(*.line))]
    Citations {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// A hand-coded statement file (a statement table or a DNA database)
    /// that argnet cannot read. `line` 0 means the problem has no one line.
    #[error("{}{}: {message}", .path.display(), line_suffix(*.line))]
    Coded {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// Graphviz was found but refused our input or failed.
    #[error("Graphviz `dot` failed on {}: {message}", .path.display())]
    Render { path: PathBuf, message: String },
}

impl Error {
    /// Build a [`Error::Toml`] from a byte offset into `text`.
    pub(crate) fn toml_at(
        path: impl Into<PathBuf>,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = line_column(text, offset);
        Error::Toml {
            path: path.into(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// `:line:column`, or nothing when the line is unknown (0).
fn position(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}:{column}")
    }
}

/// `:line`, or nothing when the line is unknown (0).
fn line_suffix(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}

/// One-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut start = offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn line_column_counts_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(line_column(text, 9), (2, 3));
        assert_eq!(line_column(text, 999), (3, 1));
    }
}

//! argnet turns policy-debate texts into an argument and citation network,
//! analyses it and exports it.
//!
//! The stages run one way, each with a named type at its boundary:
//!
//! ```text
//! files ─► corpus::Corpus ─► extract::Extraction ─► model::ArgGraph ─► export
//! ```
//!
//! [`eval`] scores a graph against a hand-coded gold standard.
//!
//! [`pipeline`] is the glue the command-line tool calls; a library user can
//! call the stages one by one instead.

pub mod analysis;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod terminal;
pub mod view;

pub use error::{Error, Result};

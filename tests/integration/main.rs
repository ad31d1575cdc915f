//! Integration tests, one module per stage, plus the command line.
//!
//! Golden files are rewritten with `ARGNET_BLESS=1 cargo test`.

mod analysis;
mod analysis_cli;
mod build;
mod citation_measures;
mod citations_cli;
mod cli;
mod coded_cli;
mod common;
mod conformance;
mod corpus;
mod eval;
mod explorer;
mod export;
mod export_cli;
mod extract;
mod formats;
mod formats_in;
mod hostile;
mod main_path;
mod robustness;

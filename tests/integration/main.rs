//! Integration tests, one module per stage, plus the command line.
//!
//! Golden files are rewritten with `ARGNET_BLESS=1 cargo test`.

mod build;
mod cli;
mod common;
mod corpus;
mod eval;
mod export;
mod extract;
mod robustness;

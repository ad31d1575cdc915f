//! The `argnet` command: parse arguments, turn them into library config,
//! call the library, map errors to exit codes. No logic a library user would
//! also need lives here.

mod cmd;
mod progress;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Exit code when the job finished but some inputs were skipped.
const EXIT_PARTIAL: u8 = 1;
/// Exit code for an error: nothing was written.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::run(cli) {
        Ok(cmd::Outcome::Done) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::Partial) => ExitCode::from(EXIT_PARTIAL),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // A cause whose text its parent already printed is not repeated
            // ("cannot read: Is a directory: Is a directory").
            let mut message = String::new();
            for cause in error.chain().map(ToString::to_string) {
                if message.contains(&cause) {
                    continue;
                }
                if !message.is_empty() {
                    message.push_str(": ");
                }
                message.push_str(&cause);
            }
            let _ = writeln!(
                std::io::stderr(),
                "argnet: error: {}",
                argnet::terminal::visible(&message)
            );
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// `argnet … | head` closes the pipe early; that is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

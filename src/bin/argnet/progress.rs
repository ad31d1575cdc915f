//! The command-line tool's [`Progress`]: an indicatif bar on stderr while a
//! long step runs (reading a large citation file, betweenness), a spinner
//! for steps of unknown length (communities), and nothing at all when
//! stderr is not a terminal (piped, redirected, in CI) or with --quiet, so
//! that logs and captured output stay clean. Bars are cleared when a step
//! ends; the results are printed by the commands, not here.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use argnet::progress::{Progress, Silent};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress reporter for this run: a bar on a terminal, else silence.
pub fn reporter(quiet: bool) -> Box<dyn Progress> {
    if quiet || !std::io::stderr().is_terminal() {
        Box::new(Silent)
    } else {
        Box::new(TerminalBar::default())
    }
}

/// Draws one bar at a time; a new step replaces the previous one.
#[derive(Default)]
struct TerminalBar {
    current: Mutex<Option<ProgressBar>>,
}

impl TerminalBar {
    fn bar(&self) -> Option<ProgressBar> {
        self.current.lock().ok().and_then(|bar| bar.clone())
    }
}

impl Progress for TerminalBar {
    fn begin(&self, what: &str, total: u64) {
        let bar = if total == 0 {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            // Steps of unknown length report nothing while they run.
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        } else {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg:>14} [{wide_bar}] {percent:>3}% {elapsed} (about {eta} left)",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        };
        bar.set_message(what.to_owned());
        if let Ok(mut current) = self.current.lock()
            && let Some(previous) = current.replace(bar)
        {
            previous.finish_and_clear();
        }
    }

    fn advance(&self, units: u64) {
        if let Some(bar) = self.bar() {
            bar.inc(units);
        }
    }

    fn finish(&self) {
        if let Ok(mut current) = self.current.lock()
            && let Some(bar) = current.take()
        {
            bar.finish_and_clear();
        }
    }
}

impl Drop for TerminalBar {
    fn drop(&mut self) {
        self.finish();
    }
}

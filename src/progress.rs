//! Progress of long steps (reading a large citation file, exact
//! betweenness, co-citation counts), reported through a trait so that the
//! library stays free of terminal IO: the command-line tool draws a bar
//! (indicatif) on a terminal, a library user passes [`Silent`] or their
//! own reporter. Belongs to no stage; every stage may report through it.

/// Receives progress reports. Calls may come from several threads at once
/// (parallel measures advance from their workers).
pub trait Progress: Sync {
    /// A new step named `what` of `total` units (0 when unknown). The
    /// previous step, if any, is over.
    fn begin(&self, what: &str, total: u64);
    /// `units` more of the current step are done.
    fn advance(&self, units: u64);
    /// The current step is over.
    fn finish(&self);
}

/// Reports nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn begin(&self, _what: &str, _total: u64) {}
    fn advance(&self, _units: u64) {}
    fn finish(&self) {}
}

/// Counts what it is told, for tests of the reporting itself.
#[derive(Debug, Default)]
pub struct Tally {
    steps: std::sync::Mutex<Vec<(String, u64)>>,
    units: std::sync::atomic::AtomicU64,
}

impl Tally {
    /// The steps begun, with their totals.
    pub fn steps(&self) -> Vec<(String, u64)> {
        self.steps.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// All units advanced over all steps.
    pub fn units(&self) -> u64 {
        self.units.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Progress for Tally {
    fn begin(&self, what: &str, total: u64) {
        if let Ok(mut steps) = self.steps.lock() {
            steps.push((what.to_owned(), total));
        }
    }

    fn advance(&self, units: u64) {
        self.units
            .fetch_add(units, std::sync::atomic::Ordering::Relaxed);
    }

    fn finish(&self) {}
}

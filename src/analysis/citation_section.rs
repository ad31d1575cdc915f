//! Analysis stage: the shape of a citation report — [`Section`]s holding
//! summary [`Fact`]s and a [`Content`] (one score or one part per work),
//! ranked on request — so that the printers in the binary show any section
//! without knowing which measure made it. A new kind of result (a main
//! path, co-citation pairs) is a new [`Content`] variant here. Pure; the
//! measures themselves are run by `citation_report`.

use super::citation_report::EdgeCensus;
use super::components::Partition;
use super::coupling::Pair;

/// One value of a section's summary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact {
    Count(usize),
    Number(f64),
    Flag(bool),
}

/// What a section holds beside its facts.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// One value per work; shown as a ranking, largest first.
    Scores(Vec<f64>),
    /// One part per work, numbered by size (0 = largest).
    Parts(Partition),
    /// Main paths, each in the order knowledge flows (cited work first):
    /// the global and the local main path, and the key-route sub-network
    /// as `(citing, cited, SPC weight)`.
    Paths {
        global: Vec<u32>,
        local: Vec<u32>,
        key_route_edges: Vec<(u32, u32, f64)>,
    },
    /// Pairs of works, best first (co-citation, bibliographic coupling).
    Pairs(Vec<Pair>),
}

/// One part of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Stable name, used as the JSON key and CSV column.
    pub key: &'static str,
    /// Heading for people.
    pub title: &'static str,
    /// What the values mean, in one line.
    pub meaning: &'static str,
    /// Summary figures, in order (`"count"`, `"modularity"`, …).
    pub facts: Vec<(&'static str, Fact)>,
    pub content: Content,
}

impl Section {
    /// The value of work `node`: its score, its part number for
    /// [`Content::Parts`], 1 or 0 for whether it lies on the global main
    /// path for [`Content::Paths`]; 0 for pairs, which have no value per
    /// work (see [`is_per_work`](Self::is_per_work)).
    pub fn value(&self, node: usize) -> f64 {
        match &self.content {
            Content::Scores(values) => values[node],
            Content::Parts(partition) => f64::from(partition.of[node]),
            Content::Paths { global, .. } => f64::from(u8::from(global.contains(&(node as u32)))),
            Content::Pairs(_) => 0.0,
        }
    }

    /// Whether [`value`](Self::value) says something about every work (a
    /// column of a per-work table).
    pub fn is_per_work(&self) -> bool {
        !matches!(self.content, Content::Pairs(_))
    }

    /// The `n` works with the highest scores, largest first, ties by node
    /// number; empty for contents that are not scores. O(N + n log n).
    pub fn top(&self, n: usize) -> Vec<(u32, f64)> {
        let Content::Scores(values) = &self.content else {
            return Vec::new();
        };
        let order = |a: &u32, b: &u32| {
            values[*b as usize]
                .total_cmp(&values[*a as usize])
                .then(a.cmp(b))
        };
        let mut nodes: Vec<u32> = (0..values.len() as u32).collect();
        if n < nodes.len() && n > 0 {
            nodes.select_nth_unstable_by(n - 1, order);
        }
        nodes.truncate(n);
        nodes.sort_unstable_by(order);
        nodes.into_iter().map(|v| (v, values[v as usize])).collect()
    }

    /// The fact called `name`, if the section has it.
    pub fn fact(&self, name: &str) -> Option<Fact> {
        self.facts.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }
}

/// Everything [`citation_report`](super::citation_report()) found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CitationReport {
    pub census: EdgeCensus,
    pub sections: Vec<Section>,
}

impl CitationReport {
    /// The section called `key`.
    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }
}

/// Sizes of the parts, largest first (parts are numbered by size).
pub fn part_sizes(partition: &Partition) -> Vec<usize> {
    let mut sizes = vec![0usize; partition.count];
    for &p in &partition.of {
        sizes[p as usize] += 1;
    }
    sizes
}

//! Eval stage: measure a graph against hand coding. Reads a gold standard
//! (the schema of `../shared/eval/README.md`), matches names through the
//! gold aliases and scores actors, concepts, citations and statements with
//! precision, recall and F1. Pure: no IO (the caller reads the files with
//! [`crate::corpus::read_text`]) and no printing. It does not change the
//! graph.

mod evidence;
mod gold;
mod names;
mod reliability;
mod score;

pub use evidence::{StanceGroup, assertions, stance_evidence};
pub use gold::{Gold, GoldActor, GoldCitation, GoldConcept, GoldDocument, GoldStatement};
pub use names::{NameIndex, contains_either, normalise};
pub use reliability::{Bin, CurvePoint, Judged, curve, reliability};
pub use score::{EvalReport, Item, Score, Unit, evaluate};

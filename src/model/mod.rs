//! Model stage: the argument graph. Nodes (actors, concepts, claims,
//! sources, documents) are deduplicated by a stable key; parallel edges of
//! one relation are merged (weight = count) and keep every piece of
//! evidence. No analysis and no IO here.

mod build;
mod citations;
mod claims;
mod coded;
mod graph;
mod lookup;
mod node;
mod summary;

pub use build::build_graph;
pub use citations::{WORK_SUBKIND, graph_from_citations};
pub use claims::SAME_CLAIM;
pub use coded::{CODED_BASIS, graph_from_coded};
pub use graph::{ArgGraph, DocumentRecord, Inferred};
pub use node::{Edge, Evidence, Node, NodeKind, Relation, node_key};
pub use summary::Summary;

//! View stage (after analysis, before export): choose the part of a graph
//! that fits on a slide. Filters compose and run in a fixed order; the
//! result is an ordinary [`ArgGraph`], so every export format writes the
//! filtered graph. Pure: no IO, no printing. Filters compute no centrality
//! (scores come from a [`Scorer`]); [`ensure_measures`] runs the analysis
//! stage beforehand for centralities the graph does not hold yet.

mod compute;
mod layout;
mod measure;

use std::collections::{BTreeSet, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::unionfind::UnionFind;

use crate::error::{Error, Result};
use crate::model::{ArgGraph, NodeKind, Relation};

pub use compute::ensure_measures;
pub use layout::{EDGE_LENGTH, force_layout};
pub use measure::{
    Direction, Measure, NATIVE_MEASURES, Scorer, attribute_scores, degree, numeric_attributes,
    stored_scores,
};

/// Which part of a graph to keep. Filters run in this order, each on what
/// the one before kept:
///
/// 1. `kinds` keeps nodes of the listed kinds;
/// 2. `relations` keeps edges of the listed relations;
/// 3. `min_weight` keeps edges of at least that weight, `min_confidence`
///    edges at least that sure ([`crate::model::Edge::confidence`]); `main_path` keeps
///    only the citations on the key-route main paths of the `cites` layer
///    (computed on the whole graph) and the works they join;
/// 4. `ego` keeps the nodes within `radius` hops of one node (edges
///    followed both ways), walking through actors, concepts, claims and
///    sources but not documents (every document mentions half the graph,
///    so two hops through one reach almost everything) unless `kinds`
///    names `document` or the centre is one;
/// 5. `top` keeps the `count` nodes with the highest score (the ego node
///    always stays), documents only when `kinds` names them (else a
///    ranking by PageRank or mentions fills a slide with document titles);
///    degrees are counted on what steps 1–4 kept;
///    With `claims` (the claim view) step 5 keeps instead the `claims`
///    claims that most actors assert (ties: the surest, then the first by
///    id), with what they bear on (concepts, other kept claims) and the
///    actors who assert them, and only edges that touch a claim;
/// 6. `largest_component` keeps the largest weakly connected component;
/// 7. `drop_isolates` removes nodes left without edges.
///
/// The default keeps everything. Build one with the `with_*` methods.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewConfig {
    pub kinds: Option<BTreeSet<NodeKind>>,
    pub relations: Option<BTreeSet<Relation>>,
    pub min_weight: Option<f64>,
    pub ego: Option<Ego>,
    pub top: Option<Top>,
    pub largest_component: bool,
    pub drop_isolates: bool,
    pub main_path: bool,
    pub min_confidence: Option<f64>,
    /// The claim view: how many claims to keep.
    pub claims: Option<usize>,
}

/// The neighbourhood of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ego {
    /// A node id, label or alias (see [`ArgGraph::find_nodes`]).
    pub node: String,
    /// Hops from the node, at least 1.
    pub radius: usize,
}

/// The highest-scoring nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Top {
    pub count: usize,
    pub measure: Measure,
}

impl ViewConfig {
    pub fn with_kinds(mut self, kinds: impl IntoIterator<Item = NodeKind>) -> Self {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    pub fn with_relations(mut self, relations: impl IntoIterator<Item = Relation>) -> Self {
        self.relations = Some(relations.into_iter().collect());
        self
    }

    pub fn with_min_weight(mut self, weight: f64) -> Self {
        self.min_weight = Some(weight);
        self
    }

    pub fn with_ego(mut self, node: impl Into<String>, radius: usize) -> Self {
        self.ego = Some(Ego {
            node: node.into(),
            radius,
        });
        self
    }

    pub fn with_top(mut self, count: usize, measure: Measure) -> Self {
        self.top = Some(Top { count, measure });
        self
    }

    pub fn with_largest_component(mut self, on: bool) -> Self {
        self.largest_component = on;
        self
    }

    pub fn with_main_path(mut self, on: bool) -> Self {
        self.main_path = on;
        self
    }

    pub fn with_min_confidence(mut self, confidence: f64) -> Self {
        self.min_confidence = Some(confidence);
        self
    }

    /// The claim view of `count` claims: claims, the concepts they bear on
    /// and the actors who assert them (kinds and relations to match, unless
    /// given before).
    pub fn with_claims(mut self, count: usize) -> Self {
        self.claims = Some(count);
        self.kinds
            .get_or_insert_with(|| [NodeKind::Actor, NodeKind::Concept, NodeKind::Claim].into());
        self.relations.get_or_insert_with(|| {
            [Relation::Asserts, Relation::Supports, Relation::Critiques].into()
        });
        self
    }

    pub fn with_drop_isolates(mut self, on: bool) -> Self {
        self.drop_isolates = on;
        self
    }

    /// Does this view keep the whole graph?
    pub fn keeps_everything(&self) -> bool {
        *self == ViewConfig::default()
    }

    /// Check values that make no sense whatever the graph.
    pub fn validate(&self) -> Result<()> {
        let invalid = |name, value: String, message: &str| {
            Err(Error::InvalidValue {
                name,
                value,
                message: message.to_owned(),
            })
        };
        if self.min_weight.is_some_and(|w| !w.is_finite()) {
            let weight = self.min_weight.unwrap_or_default();
            return invalid(
                "--min-weight",
                weight.to_string(),
                "must be a finite number",
            );
        }
        if let Some(confidence) = self.min_confidence
            && !(0.0..=1.0).contains(&confidence)
        {
            return invalid(
                "--min-confidence",
                confidence.to_string(),
                "must lie between 0 and 1",
            );
        }
        if self.claims == Some(0) {
            return invalid("--top", "0".into(), "must be at least 1");
        }
        if self.top.as_ref().is_some_and(|top| top.count == 0) {
            return invalid("--top", "0".into(), "must be at least 1");
        }
        if self.ego.as_ref().is_some_and(|ego| ego.radius == 0) {
            return invalid("--radius", "0".into(), "must be at least 1");
        }
        Ok(())
    }
}

/// The view of `graph` that `config` selects, ranking `top` by
/// [`stored_scores`].
///
/// ```
/// use argnet::model::{ArgGraph, Node, NodeKind, Relation};
/// use argnet::view::{self, ViewConfig};
///
/// let mut graph = ArgGraph::new("g");
/// let d = graph.add_node(Node::new(NodeKind::Document, "d"));
/// let a = graph.add_node(Node::new(NodeKind::Actor, "A"));
/// let c = graph.add_node(Node::new(NodeKind::Concept, "C"));
/// graph.add_occurrence(d, c, Relation::Mentions, None);
/// graph.add_occurrence(a, c, Relation::Supports, None);
/// let config = ViewConfig::default()
///     .with_kinds([NodeKind::Actor, NodeKind::Concept])
///     .with_drop_isolates(true);
/// let view = view::apply(&graph, &config).unwrap();
/// assert_eq!((view.node_count(), view.edge_count()), (2, 1));
/// ```
pub fn apply(graph: &ArgGraph, config: &ViewConfig) -> Result<ArgGraph> {
    apply_with(graph, config, &stored_scores)
}

/// [`apply`] with the scores for `top` given by `scorer`, which is called on
/// the graph that steps 1–4 kept. O(V log V + E) plus the scorer.
pub fn apply_with(graph: &ArgGraph, config: &ViewConfig, scorer: &Scorer) -> Result<ArgGraph> {
    config.validate()?;
    let mut keep_node: Vec<bool> = graph
        .nodes()
        .map(|(_, node)| config.kinds.as_ref().is_none_or(|k| k.contains(&node.kind)))
        .collect();
    // What --kinds alone keeps: the claim view adds the actors who assert
    // a kept claim even beyond an --ego radius.
    let by_kind = keep_node.clone();
    let mut keep_edge: Vec<bool> = graph
        .edges()
        .map(|(_, _, edge)| {
            config
                .relations
                .as_ref()
                .is_none_or(|r| r.contains(&edge.relation))
                && config.min_weight.is_none_or(|w| edge.weight >= w)
                && config.min_confidence.is_none_or(|c| edge.confidence() >= c)
        })
        .collect();
    if config.main_path {
        keep_main_path(graph, &mut keep_node, &mut keep_edge)?;
    }
    let mut centre = None;
    if let Some(ego) = &config.ego {
        let index = resolve_ego(graph, &ego.node)?;
        if !keep_node[index.index()] {
            return Err(Error::InvalidValue {
                name: "--ego",
                value: ego.node.clone(),
                message: format!(
                    "this node is a {}, which --kinds leaves out; add it to --kinds",
                    graph.node(index).kind.as_str()
                ),
            });
        }
        let through_documents =
            documents_asked(config) || graph.node(index).kind == NodeKind::Document;
        let mut walk_nodes = keep_node.clone();
        if !through_documents {
            for (i, node) in graph.nodes() {
                if node.kind == NodeKind::Document && i != index {
                    walk_nodes[i.index()] = false;
                }
            }
        }
        let within = neighbourhood(graph, &walk_nodes, &keep_edge, index, ego.radius);
        and_assign(&mut keep_node, &within);
        centre = Some(index);
    }
    if let Some(count) = config.claims {
        keep_claims(
            graph,
            &mut keep_node,
            &mut keep_edge,
            &by_kind,
            count,
            centre,
        )?;
    } else if let Some(top) = &config.top {
        if !documents_asked(config) {
            for (i, node) in graph.nodes() {
                if node.kind == NodeKind::Document && Some(i) != centre {
                    keep_node[i.index()] = false;
                }
            }
        }
        let chosen = top_nodes(graph, &keep_node, &keep_edge, top, centre, scorer)?;
        and_assign(&mut keep_node, &chosen);
    }
    if config.largest_component {
        let largest = largest_component(graph, &keep_node, &keep_edge);
        and_assign(&mut keep_node, &largest);
    }
    if config.drop_isolates {
        let mut touched = vec![false; keep_node.len()];
        for ((source, target, _), keep) in graph.edges().zip(&keep_edge) {
            if *keep && keep_node[source.index()] && keep_node[target.index()] {
                touched[source.index()] = true;
                touched[target.index()] = true;
            }
        }
        and_assign(&mut keep_node, &touched);
    }
    // Edges whose end was dropped go too.
    for ((source, target, _), keep) in graph.edges().zip(keep_edge.iter_mut()) {
        *keep = *keep && keep_node[source.index()] && keep_node[target.index()];
    }
    let view = subgraph(graph, &keep_node, &keep_edge);
    if view.node_count() == 0 && graph.node_count() > 0 {
        return Err(Error::EmptyView {
            nodes: graph.node_count(),
        });
    }
    Ok(view)
}

/// The graph with only the kept nodes and edges, in the original order.
/// Document records are kept whole: evidence still refers to them.
pub fn subgraph(graph: &ArgGraph, keep_node: &[bool], keep_edge: &[bool]) -> ArgGraph {
    let mut view = ArgGraph::new(graph.name.clone());
    view.documents = graph.documents.clone();
    let mut new_index = vec![None; graph.node_count()];
    for (index, node) in graph.nodes() {
        if keep_node[index.index()] {
            new_index[index.index()] = Some(view.add_node(node.clone()));
        }
    }
    for ((source, target, edge), keep) in graph.edges().zip(keep_edge) {
        if let (true, Some(s), Some(t)) =
            (keep, new_index[source.index()], new_index[target.index()])
        {
            view.add_edge(s, t, edge.relation, edge.weight, edge.evidence.clone());
        }
    }
    view
}

/// Keep the citations on the main paths and the works they join.
fn keep_main_path(graph: &ArgGraph, keep_node: &mut [bool], keep_edge: &mut [bool]) -> Result<()> {
    let pairs: std::collections::HashSet<(NodeIndex, NodeIndex)> =
        crate::analysis::main_path_citations(graph)?
            .into_iter()
            .collect();
    if pairs.is_empty() {
        return Err(Error::InvalidValue {
            name: "--main-path",
            value: "on".into(),
            message: "this graph has no citations (cites edges between works); the main path belongs to a citation network such as `argnet import` writes".into(),
        });
    }
    let mut on_path = vec![false; keep_node.len()];
    for ((source, target, edge), keep) in graph.edges().zip(keep_edge.iter_mut()) {
        *keep = *keep && edge.relation == Relation::Cites && pairs.contains(&(source, target));
        if *keep {
            on_path[source.index()] = true;
            on_path[target.index()] = true;
        }
    }
    and_assign(keep_node, &on_path);
    Ok(())
}

/// The claim view: the `count` claims most actors assert (ties: the surest
/// stance edge, then the id), the ego centre if it is a claim, what they
/// bear on and who asserts them; only edges that touch a kept claim. O(V log
/// V + E).
fn keep_claims(
    graph: &ArgGraph,
    keep_node: &mut [bool],
    keep_edge: &mut [bool],
    by_kind: &[bool],
    count: usize,
    centre: Option<NodeIndex>,
) -> Result<()> {
    let mut voices = vec![0usize; graph.node_count()];
    let mut sure = vec![0.0f64; graph.node_count()];
    let live = |keep_edge: &[bool], i: usize, s: NodeIndex, t: NodeIndex| {
        keep_edge[i] && keep_node[s.index()] && keep_node[t.index()]
    };
    for (i, (source, target, edge)) in graph.edges().enumerate() {
        if !live(keep_edge, i, source, target) {
            continue;
        }
        if edge.relation == Relation::Asserts {
            voices[target.index()] += 1;
        } else if graph.node(source).kind == NodeKind::Claim {
            sure[source.index()] = sure[source.index()].max(edge.confidence());
        }
    }
    let mut claims: Vec<NodeIndex> = graph
        .nodes()
        .filter(|(i, node)| node.kind == NodeKind::Claim && keep_node[i.index()])
        .map(|(i, _)| i)
        .collect();
    if claims.is_empty() {
        return Err(Error::InvalidValue {
            name: "--view",
            value: "claims".into(),
            message: "this graph (or what the other filters keep of it) has no claims; graphs built before argnet had claims, and imported statements, have none: rebuild it with `argnet build`".into(),
        });
    }
    claims.sort_by(|a, b| {
        voices[b.index()]
            .cmp(&voices[a.index()])
            .then(sure[b.index()].total_cmp(&sure[a.index()]))
            .then_with(|| graph.node(*a).key.cmp(&graph.node(*b).key))
    });
    let mut chosen = vec![false; graph.node_count()];
    if let Some(centre) = centre.filter(|c| graph.node(*c).kind == NodeKind::Claim) {
        chosen[centre.index()] = true;
    }
    let mut room = count.saturating_sub(chosen.iter().filter(|c| **c).count());
    for claim in claims {
        if room == 0 {
            break;
        }
        if !chosen[claim.index()] {
            chosen[claim.index()] = true;
            room -= 1;
        }
    }
    let mut kept = chosen.clone();
    if let Some(centre) = centre {
        kept[centre.index()] = true;
    }
    for (i, (source, target, edge)) in graph.edges().enumerate() {
        // Who asserts a kept claim stays, whatever the ego radius.
        let voice = edge.relation == Relation::Asserts
            && chosen[target.index()]
            && keep_edge[i]
            && by_kind[source.index()];
        let touches = chosen[source.index()] || chosen[target.index()];
        let claim_end = |n: NodeIndex| graph.node(n).kind == NodeKind::Claim;
        // An edge between a kept claim and a claim left out goes.
        let both_claims_kept = !(claim_end(source) && claim_end(target))
            || (chosen[source.index()] && chosen[target.index()]);
        keep_edge[i] = (voice || live(keep_edge, i, source, target)) && touches && both_claims_kept;
        if keep_edge[i] {
            kept[source.index()] = true;
            kept[target.index()] = true;
        }
    }
    // Ends of kept edges only; an asserting actor beyond the ego radius
    // comes back (its kind is kept, and only such edges reach it).
    for (node, kept) in keep_node.iter_mut().zip(&kept) {
        *node = *kept;
    }
    Ok(())
}

/// Does the view ask for documents by name (`--kinds …,document`)?
fn documents_asked(config: &ViewConfig) -> bool {
    config
        .kinds
        .as_ref()
        .is_some_and(|kinds| kinds.contains(&NodeKind::Document))
}

fn and_assign(keep: &mut [bool], mask: &[bool]) {
    for (k, m) in keep.iter_mut().zip(mask) {
        *k = *k && *m;
    }
}

/// Find the ego node; one-line errors for none and for several.
fn resolve_ego(graph: &ArgGraph, query: &str) -> Result<NodeIndex> {
    graph.resolve("--ego", query)
}

/// Nodes within `radius` hops of `centre` over live edges, either way.
fn neighbourhood(
    graph: &ArgGraph,
    keep_node: &[bool],
    keep_edge: &[bool],
    centre: NodeIndex,
    radius: usize,
) -> Vec<bool> {
    let mut neighbours = vec![Vec::new(); graph.node_count()];
    for ((source, target, _), keep) in graph.edges().zip(keep_edge) {
        if *keep && keep_node[source.index()] && keep_node[target.index()] {
            neighbours[source.index()].push(target.index());
            neighbours[target.index()].push(source.index());
        }
    }
    let mut hops = vec![usize::MAX; graph.node_count()];
    hops[centre.index()] = 0;
    let mut queue = VecDeque::from([centre.index()]);
    while let Some(node) = queue.pop_front() {
        if hops[node] == radius {
            continue;
        }
        for &next in &neighbours[node] {
            if hops[next] == usize::MAX {
                hops[next] = hops[node] + 1;
                queue.push_back(next);
            }
        }
    }
    hops.into_iter().map(|h| h != usize::MAX).collect()
}

/// The `top.count` live nodes with the highest scores (ties: node id), the
/// ego centre always among them.
fn top_nodes(
    graph: &ArgGraph,
    keep_node: &[bool],
    keep_edge: &[bool],
    top: &Top,
    centre: Option<NodeIndex>,
    scorer: &Scorer,
) -> Result<Vec<bool>> {
    let live: Vec<usize> = (0..graph.node_count()).filter(|&i| keep_node[i]).collect();
    let mut live_edges = keep_edge.to_vec();
    for ((source, target, _), keep) in graph.edges().zip(live_edges.iter_mut()) {
        *keep = *keep && keep_node[source.index()] && keep_node[target.index()];
    }
    // Score the view so far, so that degrees count what the view keeps.
    let current = subgraph(graph, keep_node, &live_edges);
    let scores = scorer(&current, &top.measure)?;
    let mut ranked: Vec<(usize, f64)> = live
        .iter()
        .zip(&scores)
        .map(|(&original, &score)| (original, if score.is_nan() { f64::MIN } else { score }))
        .collect();
    ranked.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| {
            graph
                .node(NodeIndex::new(a.0))
                .key
                .cmp(&graph.node(NodeIndex::new(b.0)).key)
        })
    });
    let mut chosen = vec![false; graph.node_count()];
    let mut room = top.count;
    if let Some(centre) = centre {
        chosen[centre.index()] = true;
        room -= 1;
    }
    for (original, _) in ranked {
        if room == 0 {
            break;
        }
        if !chosen[original] {
            chosen[original] = true;
            room -= 1;
        }
    }
    Ok(chosen)
}

/// The largest weakly connected component of the live graph (ties: the one
/// holding the earliest node).
fn largest_component(graph: &ArgGraph, keep_node: &[bool], keep_edge: &[bool]) -> Vec<bool> {
    let mut components = UnionFind::<usize>::new(graph.node_count());
    for ((source, target, _), keep) in graph.edges().zip(keep_edge) {
        if *keep && keep_node[source.index()] && keep_node[target.index()] {
            components.union(source.index(), target.index());
        }
    }
    let mut sizes = vec![0usize; graph.node_count()];
    for node in (0..graph.node_count()).filter(|&i| keep_node[i]) {
        sizes[components.find(node)] += 1;
    }
    let mut best: Option<(usize, usize)> = None;
    for node in (0..graph.node_count()).filter(|&i| keep_node[i]) {
        let root = components.find(node);
        if best.is_none_or(|(_, size)| sizes[root] > size) {
            best = Some((root, sizes[root]));
        }
    }
    (0..graph.node_count())
        .map(|node| best.is_some_and(|(root, _)| keep_node[node] && components.find(node) == root))
        .collect()
}

#[cfg(test)]
mod tests;

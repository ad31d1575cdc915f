//! Analysis stage: the condensation of a directed graph — its strongly
//! connected components in topological order — which the citation measures
//! build on: PageRank solves one component after another, main path
//! analysis keeps the edges between components (the acyclic part), and
//! [`strong_components`](super::strong_components) numbers them by size.
//! Pure; no measure here.

use super::compact::CompactGraph;

/// Strongly connected components in topological order: every edge
/// `u → v` between two components has `component[u] < component[v]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Condensation {
    /// Component of each node, `0..count`, in topological order.
    pub component: Vec<u32>,
    /// The nodes grouped by component, components in topological order.
    pub members: Vec<u32>,
    /// `members[starts[c]..starts[c + 1]]` are the nodes of component `c`.
    pub starts: Vec<u32>,
}

impl Condensation {
    pub fn count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The nodes of component `c`.
    pub fn nodes(&self, c: usize) -> &[u32] {
        &self.members[self.starts[c] as usize..self.starts[c + 1] as usize]
    }

    /// Size of the largest component.
    pub fn largest(&self) -> usize {
        self.starts
            .windows(2)
            .map(|w| (w[1] - w[0]) as usize)
            .max()
            .unwrap_or(0)
    }

    /// Whether `u → v` joins two nodes of one component (it lies on a
    /// cycle; self-loops included).
    #[inline]
    pub fn inside(&self, u: u32, v: u32) -> bool {
        self.component[u as usize] == self.component[v as usize]
    }
}

/// The condensation of `graph` along its out-edges (for an undirected
/// graph: its connected components, in no particular order).
///
/// Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph
/// algorithms", SIAM J. Comput. 1(2), 1972) with an explicit stack, so
/// that deep citation chains do not overflow the call stack; it finds
/// components in reverse topological order, which are then numbered the
/// other way round. O(n + m).
pub(crate) fn condensation(graph: &CompactGraph) -> Condensation {
    let n = graph.node_count();
    const UNSEEN: u32 = u32::MAX;
    // Once a node's component is found its index becomes DONE, which is
    // above every index, so it never lowers a `low` (this replaces the
    // "on stack" test of the textbook and saves a lookup per edge).
    const DONE: u32 = u32::MAX - 1;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut stack: Vec<u32> = Vec::new();
    // Nodes in the order their components were found.
    let mut found: Vec<u32> = Vec::with_capacity(n);
    let mut ends: Vec<u32> = Vec::new();
    let mut next_index = 0u32;
    // (node, position of the next neighbour to look at)
    let mut calls: Vec<(u32, u32)> = Vec::new();
    for root in 0..n as u32 {
        if index[root as usize] != UNSEEN {
            continue;
        }
        index[root as usize] = next_index;
        low[root as usize] = next_index;
        next_index += 1;
        stack.push(root);
        calls.push((root, 0));
        while let Some(&(v, position)) = calls.last() {
            let neighbours = graph.neighbours(v);
            let mut low_v = low[v as usize];
            let mut at = position as usize;
            let mut child = None;
            while let Some(&w) = neighbours.get(at) {
                at += 1;
                let w_index = index[w as usize];
                if w_index == UNSEEN {
                    child = Some(w);
                    break;
                }
                low_v = low_v.min(w_index);
            }
            low[v as usize] = low_v;
            if let Some(w) = child {
                if let Some(top) = calls.last_mut() {
                    top.1 = at as u32;
                }
                index[w as usize] = next_index;
                low[w as usize] = next_index;
                next_index += 1;
                stack.push(w);
                calls.push((w, 0));
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                let parent = parent as usize;
                low[parent] = low[parent].min(low_v);
            }
            if low_v == index[v as usize] {
                while let Some(w) = stack.pop() {
                    index[w as usize] = DONE;
                    found.push(w);
                    if w == v {
                        break;
                    }
                }
                ends.push(found.len() as u32);
            }
        }
    }
    // Reverse the order of the components (not of the nodes inside one).
    let count = ends.len();
    let mut component = vec![0u32; n];
    let mut members = Vec::with_capacity(n);
    let mut starts = Vec::with_capacity(count + 1);
    starts.push(0);
    for c in (0..count).rev() {
        let start = if c == 0 { 0 } else { ends[c - 1] as usize };
        let number = (count - 1 - c) as u32;
        for &v in &found[start..ends[c] as usize] {
            component[v as usize] = number;
            members.push(v);
        }
        starts.push(members.len() as u32);
    }
    Condensation {
        component,
        members,
        starts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::random::SplitMix64;

    #[test]
    fn components_come_in_topological_order() {
        // 0 → 1 ⇄ 2 → 3, 4 → 0, 5 alone
        let g =
            CompactGraph::from_pairs(6, true, &[(0, 1), (1, 2), (2, 1), (2, 3), (4, 0)]).unwrap();
        let c = condensation(&g);
        assert_eq!(c.count(), 5);
        assert!(c.inside(1, 2) && !c.inside(0, 1));
        assert_eq!(c.largest(), 2);
        for (u, v) in [(0, 1), (2, 3), (4, 0)] {
            assert!(c.component[u] < c.component[v], "{u} → {v}");
        }
        let sizes: Vec<usize> = (0..c.count()).map(|i| c.nodes(i).len()).collect();
        assert_eq!(sizes.iter().sum::<usize>(), 6);
    }

    /// On random graphs every edge goes forward or stays inside, and two
    /// nodes share a component exactly when each reaches the other.
    #[test]
    fn random_graphs_agree_with_reachability() {
        let mut rng = SplitMix64::new(4);
        for _ in 0..20 {
            let n = 30;
            let edges: Vec<(u32, u32)> = (0..45)
                .map(|_| (rng.below(n) as u32, rng.below(n) as u32))
                .collect();
            let g = CompactGraph::from_pairs(n, true, &edges).unwrap();
            let c = condensation(&g);
            for &(u, v) in &edges {
                assert!(c.component[u as usize] <= c.component[v as usize]);
            }
            let reach = |from: usize| {
                let mut seen = vec![false; n];
                let mut todo = vec![from as u32];
                seen[from] = true;
                while let Some(x) = todo.pop() {
                    for &y in g.neighbours(x) {
                        if !seen[y as usize] {
                            seen[y as usize] = true;
                            todo.push(y);
                        }
                    }
                }
                seen
            };
            let all: Vec<Vec<bool>> = (0..n).map(reach).collect();
            for (a, from_a) in all.iter().enumerate() {
                for (b, from_b) in all.iter().enumerate() {
                    let mutual = from_a[b] && from_b[a];
                    assert_eq!(c.inside(a as u32, b as u32), mutual, "{a} {b}");
                }
            }
        }
    }
}

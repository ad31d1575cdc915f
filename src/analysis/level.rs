//! Analysis stage: one level of the Louvain / Leiden hierarchy — an
//! undirected weighted graph in CSR form whose nodes are communities of the
//! level below — with the two moves both methods share: local moving of
//! nodes between communities, and aggregation of communities into nodes.
//! No IO; the methods themselves are in `louvain.rs` and `leiden.rs`.

use std::collections::VecDeque;

use super::compact::CompactGraph;
use super::random::SplitMix64;

/// One level of the Louvain hierarchy: an undirected weighted graph in
/// CSR form without self-entries; self-loop weight is kept per node.
pub(super) struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    /// Σ of the adjacency entries v → v (a self-loop of weight w counts 2w).
    self_weight: Vec<f64>,
    /// Strength of each node, self-loops included.
    strength: Vec<f64>,
    /// 2m: the sum of all strengths.
    total: f64,
}

impl Level {
    pub(super) fn len(&self) -> usize {
        self.strength.len()
    }

    pub(super) fn from_graph(graph: &CompactGraph, weighted: bool) -> Level {
        let n = graph.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::with_capacity(graph.adjacency_len());
        let mut weights = Vec::with_capacity(graph.adjacency_len());
        let mut self_weight = vec![0.0; n];
        offsets.push(0);
        for u in 0..n as u32 {
            let row_weights = graph.neighbour_weights(u).filter(|_| weighted);
            for (i, &v) in graph.neighbours(u).iter().enumerate() {
                let w = row_weights.map_or(1.0, |ws| ws[i]);
                if v == u {
                    self_weight[u as usize] += w;
                } else {
                    targets.push(v);
                    weights.push(w);
                }
            }
            offsets.push(targets.len());
        }
        Level::finish(offsets, targets, weights, self_weight)
    }

    fn finish(
        offsets: Vec<usize>,
        targets: Vec<u32>,
        weights: Vec<f64>,
        self_weight: Vec<f64>,
    ) -> Level {
        let strength: Vec<f64> = (0..self_weight.len())
            .map(|v| weights[offsets[v]..offsets[v + 1]].iter().sum::<f64>() + self_weight[v])
            .collect();
        let total = strength.iter().sum();
        Level {
            offsets,
            targets,
            weights,
            self_weight,
            strength,
            total,
        }
    }

    pub(super) fn modularity(&self, community: &[u32], resolution: f64) -> f64 {
        if self.total <= 0.0 {
            return 0.0;
        }
        let n = self.len();
        let mut inside = vec![0.0; n];
        let mut tot = vec![0.0; n];
        for v in 0..n {
            let c = community[v] as usize;
            inside[c] += self.self_weight[v];
            tot[c] += self.strength[v];
            for e in self.offsets[v]..self.offsets[v + 1] {
                if community[self.targets[e] as usize] as usize == c {
                    inside[c] += self.weights[e];
                }
            }
        }
        (0..n)
            .map(|c| inside[c] / self.total - resolution * (tot[c] / self.total).powi(2))
            .sum()
    }

    /// Phase one: local moves from the partition `start` (community ids
    /// are node ids of this level) until none helps. Returns each node's
    /// community and whether anything moved.
    ///
    /// Nodes wait in a queue (first in a seeded random order); when a node
    /// moves, its neighbours outside its new community are queued again.
    /// This "fast local moving" (V. A. Traag, L. Waltman and N. J. van Eck,
    /// "From Louvain to Leiden", Sci. Rep. 9, 2019) reaches the same kind
    /// of local optimum as repeated full sweeps with far fewer visits.
    pub(super) fn move_nodes(
        &self,
        start: &[u32],
        resolution: f64,
        threshold: f64,
        rng: &mut SplitMix64,
    ) -> (Vec<u32>, bool) {
        let n = self.len();
        let mut community = start.to_vec();
        if self.total <= 0.0 {
            return (community, false);
        }
        let mut tot = vec![0.0; n];
        for (v, &c) in community.iter().enumerate() {
            tot[c as usize] += self.strength[v];
        }
        let mut link = vec![0.0; n];
        let mut linked = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut queue: VecDeque<u32> = (0..n as u32).collect();
        rng.shuffle(queue.make_contiguous());
        let mut queued = vec![true; n];
        let mut moved_any = false;
        let scale = resolution / self.total;
        // Like a sweep-based Louvain that stops when a sweep gains less
        // than `threshold`: every n visits, stop if they gained too little.
        let mut visits = 0;
        let mut gained = 0.0;
        while let Some(v) = queue.pop_front() {
            visits += 1;
            if visits % n == 0 {
                if gained < threshold {
                    break;
                }
                gained = 0.0;
            }
            let v = v as usize;
            queued[v] = false;
            let own = community[v];
            let k = self.strength[v];
            touched.push(own);
            linked[own as usize] = true;
            for e in self.offsets[v]..self.offsets[v + 1] {
                let c = community[self.targets[e] as usize];
                if !linked[c as usize] {
                    linked[c as usize] = true;
                    touched.push(c);
                }
                link[c as usize] += self.weights[e];
            }
            tot[own as usize] -= k;
            let gain = |c: u32| link[c as usize] - scale * tot[c as usize] * k;
            let mut best = own;
            let own_gain = gain(own);
            let mut best_gain = own_gain;
            for &c in &touched {
                let g = gain(c);
                if g > best_gain + 1e-12 * (1.0 + best_gain.abs()) {
                    best = c;
                    best_gain = g;
                }
            }
            tot[best as usize] += k;
            for &c in &touched {
                link[c as usize] = 0.0;
                linked[c as usize] = false;
            }
            touched.clear();
            if best != own {
                community[v] = best;
                moved_any = true;
                gained += 2.0 * (best_gain - own_gain) / self.total;
                for &u in &self.targets[self.offsets[v]..self.offsets[v + 1]] {
                    if !queued[u as usize] && community[u as usize] != best {
                        queued[u as usize] = true;
                        queue.push_back(u);
                    }
                }
            }
        }
        (community, moved_any)
    }

    /// Phase two: one node per community. Returns the new level and the
    /// dense number of each community id.
    pub(super) fn aggregate(&self, community: &[u32]) -> (Level, Vec<u32>) {
        let n = self.len();
        let mut dense = vec![u32::MAX; n];
        let mut count = 0u32;
        for &c in community {
            if dense[c as usize] == u32::MAX {
                dense[c as usize] = count;
                count += 1;
            }
        }
        let count = count as usize;
        // Members of each new node, by counting sort.
        let mut start = vec![0usize; count + 1];
        for &c in community {
            start[dense[c as usize] as usize + 1] += 1;
        }
        for i in 0..count {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut members = vec![0u32; n];
        for (v, &c) in community.iter().enumerate() {
            let d = dense[c as usize] as usize;
            members[fill[d]] = v as u32;
            fill[d] += 1;
        }
        let mut offsets = Vec::with_capacity(count + 1);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        let mut self_weight = vec![0.0; count];
        let mut acc = vec![0.0; count];
        let mut seen = vec![false; count];
        let mut touched: Vec<u32> = Vec::new();
        offsets.push(0);
        for d in 0..count {
            for &v in &members[start[d]..start[d + 1]] {
                let v = v as usize;
                self_weight[d] += self.self_weight[v];
                for e in self.offsets[v]..self.offsets[v + 1] {
                    let t = dense[community[self.targets[e] as usize] as usize];
                    if t as usize == d {
                        self_weight[d] += self.weights[e];
                    } else {
                        if !seen[t as usize] {
                            seen[t as usize] = true;
                            touched.push(t);
                        }
                        acc[t as usize] += self.weights[e];
                    }
                }
            }
            touched.sort_unstable();
            for &t in &touched {
                targets.push(t);
                weights.push(acc[t as usize]);
                acc[t as usize] = 0.0;
                seen[t as usize] = false;
            }
            touched.clear();
            offsets.push(targets.len());
        }
        (Level::finish(offsets, targets, weights, self_weight), dense)
    }

    /// Leiden's refinement: split each community of `partition` into
    /// well-connected parts by merging singletons inside it. A node is
    /// merged only if it is well connected to its community, and only into
    /// a part that is well connected too, chosen at random among the moves
    /// that do not lower modularity with probability ∝ exp(gain / θ)
    /// (`randomness` = θ, in edge-weight units). Returns each node's part
    /// (a node id of this level).
    pub(super) fn refine(
        &self,
        partition: &[u32],
        resolution: f64,
        randomness: f64,
        rng: &mut SplitMix64,
    ) -> Vec<u32> {
        let n = self.len();
        let mut refined: Vec<u32> = (0..n as u32).collect();
        if self.total <= 0.0 || n == 0 {
            return refined;
        }
        let scale = resolution / self.total;
        // Members of each community, by counting sort.
        let mut start = vec![0usize; n + 1];
        for &c in partition {
            start[c as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut members = vec![0u32; n];
        for (v, &c) in partition.iter().enumerate() {
            members[fill[c as usize]] = v as u32;
            fill[c as usize] += 1;
        }
        let mut community_total = vec![0.0; n];
        for (v, &c) in partition.iter().enumerate() {
            community_total[c as usize] += self.strength[v];
        }
        // inside[v]: weight from v to the rest of its community.
        let inside: Vec<f64> = (0..n)
            .map(|v| {
                (self.offsets[v]..self.offsets[v + 1])
                    .filter(|&e| partition[self.targets[e] as usize] == partition[v])
                    .map(|e| self.weights[e])
                    .sum()
            })
            .collect();
        let mut total = self.strength.clone();
        let mut external = inside.clone();
        let mut size = vec![1u32; n];
        let mut link = vec![0.0; n];
        let mut linked = vec![false; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut candidates: Vec<(u32, f64)> = Vec::new();
        let mut order: Vec<u32> = Vec::new();
        for community in 0..n {
            let group = &members[start[community]..start[community + 1]];
            if group.len() < 2 {
                continue;
            }
            let group_total = community_total[community];
            order.clear();
            order.extend_from_slice(group);
            rng.shuffle(&mut order);
            for &v in &order {
                let v = v as usize;
                let k = self.strength[v];
                let alone = refined[v] as usize == v && size[v] == 1;
                if !alone || inside[v] < scale * k * (group_total - k) {
                    continue;
                }
                for e in self.offsets[v]..self.offsets[v + 1] {
                    let u = self.targets[e] as usize;
                    if partition[u] as usize != community {
                        continue;
                    }
                    let c = refined[u];
                    if !linked[c as usize] {
                        linked[c as usize] = true;
                        touched.push(c);
                    }
                    link[c as usize] += self.weights[e];
                }
                candidates.clear();
                for &c in &touched {
                    let t = total[c as usize];
                    if c as usize == v || external[c as usize] < scale * t * (group_total - t) {
                        continue;
                    }
                    let gain = link[c as usize] - scale * t * k;
                    if gain >= 0.0 {
                        candidates.push((c, gain));
                    }
                }
                if !candidates.is_empty() {
                    let top = candidates.iter().map(|c| c.1).fold(f64::MIN, f64::max);
                    let chances: f64 = candidates
                        .iter()
                        .map(|c| ((c.1 - top) / randomness).exp())
                        .sum();
                    let mut pick = rng.unit() * chances;
                    let mut chosen = candidates[candidates.len() - 1].0;
                    for &(c, gain) in &candidates {
                        pick -= ((gain - top) / randomness).exp();
                        if pick <= 0.0 {
                            chosen = c;
                            break;
                        }
                    }
                    let c = chosen as usize;
                    refined[v] = chosen;
                    total[c] += k;
                    size[c] += 1;
                    total[v] = 0.0;
                    size[v] = 0;
                    external[c] += inside[v] - 2.0 * link[c];
                }
                for &c in &touched {
                    link[c as usize] = 0.0;
                    linked[c as usize] = false;
                }
                touched.clear();
            }
        }
        refined
    }
}

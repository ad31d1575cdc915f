//! View stage: positions for drawing a graph in a page, computed here so
//! the page opens without laying anything out. A force-directed layout
//! after T. Fruchterman and E. Reingold, "Graph drawing by force-directed
//! placement" (Software: Practice and Experience 21(11), 1991), with their
//! grid variant: nodes repel only within a few ideal edge lengths, found
//! through a grid of cells, so an iteration is O(n + m) rather than O(n²);
//! a weak pull to the centre keeps components and isolates together.
//! Deterministic: same graph, same positions. Pure.

use std::collections::{HashMap, VecDeque};

/// Ideal edge length, in page units.
pub const EDGE_LENGTH: f64 = 40.0;
/// Repulsion reaches this many ideal lengths.
const REACH: f64 = 3.0;
/// Pull to the centre, per unit of distance.
const GRAVITY: f64 = 0.02;
/// Work budget: iterations × (nodes + edges).
const BUDGET: usize = 6_000_000;

/// Positions of `n` nodes joined by `edges` (`(a, b, weight)`, either way),
/// centred on the origin, in page units (about [`EDGE_LENGTH`] between
/// neighbours). O((n + m) · iterations), iterations between 60 and 400
/// depending on size.
pub fn force_layout(n: usize, edges: &[(usize, usize, f64)]) -> Vec<[f64; 2]> {
    if n == 0 {
        return Vec::new();
    }
    let k = EDGE_LENGTH;
    let edges: Vec<(usize, usize, f64)> = edges
        .iter()
        .filter(|(a, b, _)| a != b && *a < n && *b < n)
        .map(|&(a, b, w)| {
            let w = if w.is_nan() { 1.0 } else { w.clamp(1.0, 1e9) };
            (a, b, 1.0 + w.ln())
        })
        .collect();
    let mut positions = initial_positions(n, &edges);
    let iterations = (BUDGET / (n + edges.len())).clamp(60, 400);
    let start_temperature = k * (n as f64).sqrt() / 2.0;
    let cell = k * REACH;
    let mut shift = vec![[0.0f64; 2]; n];
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for step in 0..iterations {
        shift.iter_mut().for_each(|s| *s = [0.0, 0.0]);
        grid.clear();
        for (i, p) in positions.iter().enumerate() {
            grid.entry(cell_of(p, cell)).or_default().push(i);
        }
        for (i, p) in positions.iter().enumerate() {
            let (cx, cy) = cell_of(p, cell);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(others) = grid.get(&(cx + dx, cy + dy)) else {
                        continue;
                    };
                    for &j in others {
                        if j == i {
                            continue;
                        }
                        let (mut x, mut y) = (p[0] - positions[j][0], p[1] - positions[j][1]);
                        let mut d = (x * x + y * y).sqrt();
                        if d < 0.01 {
                            // Two nodes on one spot: part them the same
                            // way every run.
                            let angle = (i * 7 + j * 13) as f64;
                            (x, y, d) = (angle.cos() * 0.01, angle.sin() * 0.01, 0.01);
                        }
                        if d < cell {
                            let force = k * k / d;
                            shift[i][0] += x / d * force;
                            shift[i][1] += y / d * force;
                        }
                    }
                }
            }
        }
        for &(a, b, w) in &edges {
            let (x, y) = (
                positions[a][0] - positions[b][0],
                positions[a][1] - positions[b][1],
            );
            let d = (x * x + y * y).sqrt().max(0.01);
            let force = d * d / k * w;
            shift[a][0] -= x / d * force;
            shift[a][1] -= y / d * force;
            shift[b][0] += x / d * force;
            shift[b][1] += y / d * force;
        }
        let cooling = 1.0 - step as f64 / iterations as f64;
        let temperature = start_temperature * cooling * cooling + k / 20.0;
        for (p, s) in positions.iter_mut().zip(&shift) {
            let sx = s[0] - p[0] * GRAVITY * k / 10.0;
            let sy = s[1] - p[1] * GRAVITY * k / 10.0;
            let length = (sx * sx + sy * sy).sqrt();
            if length > 0.0 {
                let moved = length.min(temperature);
                p[0] += sx / length * moved;
                p[1] += sy / length * moved;
            }
        }
    }
    centre(&mut positions);
    widen(&mut positions);
    centre(&mut positions);
    positions
}

/// Turn the drawing so its long axis (the principal axis of the
/// positions) lies across: screens and slides are wide.
fn widen(positions: &mut [[f64; 2]]) {
    let (mut xx, mut yy, mut xy) = (0.0, 0.0, 0.0);
    for p in positions.iter() {
        xx += p[0] * p[0];
        yy += p[1] * p[1];
        xy += p[0] * p[1];
    }
    let angle = 0.5 * (2.0 * xy).atan2(xx - yy);
    let (sin, cos) = (-angle).sin_cos();
    for p in positions.iter_mut() {
        *p = [p[0] * cos - p[1] * sin, p[0] * sin + p[1] * cos];
    }
}

fn cell_of(p: &[f64; 2], cell: f64) -> (i64, i64) {
    ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64)
}

/// A spiral in breadth-first order from the best-connected node of each
/// component, so neighbours start near each other.
fn initial_positions(n: usize, edges: &[(usize, usize, f64)]) -> Vec<[f64; 2]> {
    let mut neighbours = vec![Vec::new(); n];
    for &(a, b, _) in edges {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mut by_degree: Vec<usize> = (0..n).collect();
    by_degree.sort_by_key(|&i| (std::cmp::Reverse(neighbours[i].len()), i));
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for &root in &by_degree {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut queue = VecDeque::from([root]);
        while let Some(u) = queue.pop_front() {
            order.push(u);
            for &v in &neighbours[u] {
                if !seen[v] {
                    seen[v] = true;
                    queue.push_back(v);
                }
            }
        }
    }
    let mut positions = vec![[0.0; 2]; n];
    for (rank, &i) in order.iter().enumerate() {
        let radius = EDGE_LENGTH * (rank as f64 + 0.5).sqrt();
        let angle = rank as f64 * 2.399_963_229_728_653; // the golden angle
        positions[i] = [radius * angle.cos(), radius * angle.sin()];
    }
    positions
}

/// Move the centre of the bounding box to the origin.
fn centre(positions: &mut [[f64; 2]]) {
    let (mut low, mut high) = ([f64::MAX; 2], [f64::MIN; 2]);
    for p in positions.iter() {
        for axis in 0..2 {
            low[axis] = low[axis].min(p[axis]);
            high[axis] = high[axis].max(p[axis]);
        }
    }
    for p in positions.iter_mut() {
        for axis in 0..2 {
            p[axis] -= (low[axis] + high[axis]) / 2.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(p: [f64; 2], q: [f64; 2]) -> f64 {
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
    }

    #[test]
    fn neighbours_end_closer_than_strangers() {
        // Two triangles joined by one edge: within a triangle nodes sit
        // closer than across the two.
        let edges = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 0, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (5, 3, 1.0),
            (2, 3, 1.0),
        ];
        let p = force_layout(6, &edges);
        let within = distance(p[0], p[1]).max(distance(p[4], p[5]));
        let across = distance(p[0], p[5]);
        assert!(within < across, "within {within}, across {across}");
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }

    #[test]
    fn deterministic_and_no_two_nodes_on_one_spot() {
        let edges: Vec<(usize, usize, f64)> = (1..50).map(|i| (0, i, 1.0)).collect();
        let a = force_layout(60, &edges);
        assert_eq!(a, force_layout(60, &edges));
        for i in 0..a.len() {
            for j in i + 1..a.len() {
                assert!(distance(a[i], a[j]) > 1.0, "{i} and {j} overlap");
            }
        }
    }

    #[test]
    fn a_long_chain_lies_across() {
        let edges: Vec<(usize, usize, f64)> = (0..29).map(|i| (i, i + 1, 1.0)).collect();
        let p = force_layout(30, &edges);
        let width = p.iter().map(|q| q[0]).fold(f64::MIN, f64::max)
            - p.iter().map(|q| q[0]).fold(f64::MAX, f64::min);
        let height = p.iter().map(|q| q[1]).fold(f64::MIN, f64::max)
            - p.iter().map(|q| q[1]).fold(f64::MAX, f64::min);
        assert!(width > height, "{width} × {height}");
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(force_layout(0, &[]).is_empty());
        // Self-loops and out-of-range ends are ignored.
        let p = force_layout(
            2,
            &[
                (0, 0, 5.0),
                (0, 9, 1.0),
                (0, 1, f64::NAN),
                (1, 0, f64::INFINITY),
            ],
        );
        assert_eq!(p.len(), 2);
        assert!(p.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
    }
}

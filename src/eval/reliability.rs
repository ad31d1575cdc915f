//! Eval stage: does a statement's confidence mean what it says? From the
//! judged statements of [`super::evaluate`] (each distinct (document,
//! actor, concept, stance) triple of the graph, with the highest
//! confidence of its evidence and whether the hand coding has it), a
//! reliability table (confidence bins, count, observed precision: among
//! statements of confidence about 0.7 about 70% should be right) and the
//! precision–recall curve over the confidence threshold, which is how the
//! default `--min-confidence` of `argnet build` is chosen. Pure.

use serde::Serialize;

use crate::extract::Stance;

/// One statement of the graph, judged against the gold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judged {
    pub document: String,
    pub actor: String,
    pub concept: String,
    pub stance: Stance,
    /// The highest confidence among its evidence.
    pub confidence: f64,
    /// Each piece of evidence: its basis (how holder and stance were
    /// found) and confidence.
    pub evidence: Vec<(Option<String>, f64)>,
    /// Does the gold have this statement?
    pub correct: bool,
}

/// One bin of the reliability table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    /// Confidences in `[from, to)` (the last bin includes 1).
    pub from: f64,
    pub to: f64,
    pub count: usize,
    pub correct: usize,
    /// `correct / count`, or `None` for an empty bin.
    pub precision: Option<f64>,
    /// The mean confidence of the statements in the bin.
    pub mean_confidence: Option<f64>,
}

/// Precision, recall and F1 of the statements at or above a threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurvePoint {
    pub threshold: f64,
    pub statements: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Ten bins of width 0.1. O(n).
pub fn reliability(judged: &[Judged]) -> Vec<Bin> {
    (0..10)
        .map(|k| {
            let (from, to) = (k as f64 / 10.0, (k + 1) as f64 / 10.0);
            let inside: Vec<&Judged> = judged
                .iter()
                .filter(|j| {
                    j.confidence >= from && (j.confidence < to || (k == 9 && j.confidence <= 1.0))
                })
                .collect();
            let count = inside.len();
            let correct = inside.iter().filter(|j| j.correct).count();
            let mean = inside.iter().map(|j| j.confidence).sum::<f64>() / count.max(1) as f64;
            Bin {
                from,
                to,
                count,
                correct,
                precision: (count > 0).then(|| round(correct as f64 / count as f64)),
                mean_confidence: (count > 0).then(|| round(mean)),
            }
        })
        .collect()
}

/// Precision, recall and F1 at thresholds 0, 0.05, …, 0.95, against
/// `gold_total` gold statements. O(n) per threshold.
pub fn curve(judged: &[Judged], gold_total: usize) -> Vec<CurvePoint> {
    (0..20)
        .map(|k| {
            let threshold = k as f64 / 20.0;
            let kept: Vec<&Judged> = judged
                .iter()
                .filter(|j| j.confidence + 1e-9 >= threshold)
                .collect();
            let tp = kept.iter().filter(|j| j.correct).count();
            let precision = ratio(tp, kept.len());
            let recall = ratio(tp, gold_total);
            let f1 = if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            };
            CurvePoint {
                threshold,
                statements: kept.len(),
                precision: round(precision),
                recall: round(recall),
                f1: round(f1),
            }
        })
        .collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn round(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(confidence: f64, correct: bool) -> Judged {
        Judged {
            document: "d".into(),
            actor: "a".into(),
            concept: "c".into(),
            stance: Stance::Support,
            confidence,
            evidence: vec![(None, confidence)],
            correct,
        }
    }

    #[test]
    fn bins_and_curve() {
        let all = [
            judged(0.72, true),
            judged(0.75, true),
            judged(0.71, false),
            judged(0.3, false),
            judged(1.0, true),
        ];
        let bins = reliability(&all);
        assert_eq!(bins.len(), 10);
        assert_eq!((bins[7].count, bins[7].correct), (3, 2));
        assert_eq!(bins[7].precision, Some(0.6667));
        assert_eq!((bins[9].count, bins[9].correct), (1, 1));
        assert_eq!(bins[0].precision, None);
        // 4 gold statements: at 0.5, 3 of 4 kept statements are right.
        let points = curve(&all, 4);
        let half = points.iter().find(|p| p.threshold == 0.5).unwrap();
        assert_eq!(half.statements, 4);
        assert_eq!((half.precision, half.recall), (0.75, 0.75));
        assert_eq!(points[0].statements, 5);
    }
}

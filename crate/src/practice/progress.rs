//! A trainee's progress, kept by the practice page in the browser's local storage.
//!
//! Owns: the attempts (thread, comment, score, time, score per rule), capped to the last
//! [`MAX_ATTEMPTS`], and what the page shows from them: the best score per comment, how far a
//! thread is done, and the rules to practise next. Pure Rust and serde only: the `ui` wasm module
//! builds this without the classifier, the guide or the coach.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The attempts kept; older ones are dropped first.
pub const MAX_ATTEMPTS: usize = 500;
/// The version of the stored progress.
pub const PROGRESS_VERSION: u32 = 1;

/// One scored attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    pub thread: String,
    pub comment: String,
    /// 0–100.
    pub score: u8,
    /// When it was made, milliseconds since the Unix epoch (what JavaScript's `Date.now()` gives).
    pub at_ms: u64,
    /// Score per rule id (0–2).
    #[serde(default)]
    pub rules: BTreeMap<String, u8>,
}

/// Every attempt kept, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    #[serde(default = "version")]
    pub version: u32,
    #[serde(default)]
    pub attempts: Vec<Attempt>,
}

fn version() -> u32 {
    PROGRESS_VERSION
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: PROGRESS_VERSION,
            attempts: Vec::new(),
        }
    }
}

/// Why stored progress could not be read; the page then starts afresh and says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    /// Not JSON, or not the shape of a progress record.
    Corrupt(String),
    /// Written by a newer version of Candor.
    UnknownVersion(u32),
}

impl ProgressError {
    /// A plain sentence for the trainee.
    pub fn message(&self, fr: bool) -> String {
        match (self, fr) {
            (ProgressError::Corrupt(e), false) => format!("Your saved practice progress could not be read ({e}); it starts afresh."),
            (ProgressError::Corrupt(e), true) => format!("La progression enregistrée est illisible ({e}) ; elle repart de zéro."),
            (ProgressError::UnknownVersion(v), false) => format!("Your saved practice progress comes from a newer version of Candor (version {v}); it starts afresh."),
            (ProgressError::UnknownVersion(v), true) => format!("La progression enregistrée vient d'une version plus récente de Candor (version {v}) ; elle repart de zéro."),
        }
    }
}

impl fmt::Display for ProgressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(false))
    }
}

impl std::error::Error for ProgressError {}

impl Progress {
    pub fn from_json(json: &str) -> Result<Progress, ProgressError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| ProgressError::Corrupt(e.to_string()))?;
        if !value.is_object() {
            return Err(ProgressError::Corrupt("not an object".into()));
        }
        let mut progress: Progress =
            serde_json::from_value(value).map_err(|e| ProgressError::Corrupt(e.to_string()))?;
        if progress.version != PROGRESS_VERSION {
            return Err(ProgressError::UnknownVersion(progress.version));
        }
        if let Some(bad) = progress.attempts.iter().find(|a| a.score > 100) {
            return Err(ProgressError::Corrupt(format!(
                "a score of {} is above 100",
                bad.score
            )));
        }
        progress.cap();
        Ok(progress)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }

    /// Keeps an attempt; the oldest goes when more than [`MAX_ATTEMPTS`] are kept.
    pub fn record(&mut self, attempt: Attempt) {
        self.attempts.push(attempt);
        self.cap();
    }

    fn cap(&mut self) {
        let extra = self.attempts.len().saturating_sub(MAX_ATTEMPTS);
        self.attempts.drain(..extra);
    }

    /// The best score on one comment.
    pub fn best(&self, thread: &str, comment: &str) -> Option<u8> {
        self.attempts
            .iter()
            .filter(|a| a.thread == thread && a.comment == comment)
            .map(|a| a.score)
            .max()
    }

    /// How many of the thread's comments were attempted, and the mean of their best scores
    /// (0 when none was).
    pub fn thread_progress(&self, thread: &str, total_comments: usize) -> (usize, u8) {
        let mut best: BTreeMap<&str, u8> = BTreeMap::new();
        for a in self.attempts.iter().filter(|a| a.thread == thread) {
            let b = best.entry(a.comment.as_str()).or_insert(0);
            *b = (*b).max(a.score);
        }
        let attempted = best.len().min(total_comments);
        let average = if best.is_empty() {
            0
        } else {
            let sum: usize = best.values().map(|&s| usize::from(s)).sum();
            ((sum + best.len() / 2) / best.len()) as u8
        };
        (attempted, average)
    }

    /// Up to `n` rules with the lowest mean score over every attempt, weakest first (ties by rule
    /// id), with that mean (0.0–2.0): what to practise next.
    pub fn weakest_rules(&self, n: usize) -> Vec<(String, f32)> {
        let mut sums: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
        for a in &self.attempts {
            for (rule, &score) in &a.rules {
                let e = sums.entry(rule.as_str()).or_insert((0, 0));
                e.0 += u32::from(score);
                e.1 += 1;
            }
        }
        let mut means: Vec<(String, f32)> = sums
            .into_iter()
            .map(|(rule, (sum, count))| (rule.to_string(), sum as f32 / count as f32))
            .collect();
        means.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| rule_order(&a.0, &b.0)));
        means.truncate(n);
        means
    }
}

/// P2 before P10: by number when both are `P<n>`.
fn rule_order(a: &str, b: &str) -> std::cmp::Ordering {
    let n = |r: &str| r.strip_prefix('P').and_then(|d| d.parse::<u32>().ok());
    match (n(a), n(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(thread: &str, comment: &str, score: u8, rules: &[(&str, u8)]) -> Attempt {
        Attempt {
            thread: thread.into(),
            comment: comment.into(),
            score,
            at_ms: 1_700_000_000_000,
            rules: rules.iter().map(|(r, s)| (r.to_string(), *s)).collect(),
        }
    }

    #[test]
    fn round_trips_and_keeps_the_best_score() {
        let mut p = Progress::default();
        p.record(attempt("en-x", "c1", 40, &[("P4", 0)]));
        p.record(attempt("en-x", "c1", 90, &[("P4", 2)]));
        p.record(attempt("en-x", "c1", 70, &[("P4", 1)]));
        p.record(attempt("fr-fb", "c1", 10, &[]));
        let back = Progress::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
        let cases = [
            ("en-x", "c1", Some(90)),
            ("fr-fb", "c1", Some(10)),
            ("en-x", "c2", None),
            ("other", "c1", None),
        ];
        for (thread, comment, want) in cases {
            assert_eq!(back.best(thread, comment), want, "{thread}/{comment}");
        }
    }

    #[test]
    fn corrupt_or_newer_progress_is_refused_with_a_message() {
        let cases = [
            ("", "Corrupt"),
            ("not json", "Corrupt"),
            ("[]", "Corrupt"),
            (
                r#"{"version": 1, "attempts": [{"thread": "t"}]}"#,
                "Corrupt",
            ),
            (
                r#"{"version": 1, "attempts": [{"thread": "t", "comment": "c", "score": 300, "at_ms": 1}]}"#,
                "Corrupt",
            ),
            (
                r#"{"version": 1, "attempts": [{"thread": "t", "comment": "c", "score": 101, "at_ms": 1}]}"#,
                "Corrupt",
            ),
            (r#"{"version": 9, "attempts": []}"#, "UnknownVersion"),
        ];
        for (json, kind) in cases {
            let e = Progress::from_json(json).expect_err(json);
            assert!(format!("{e:?}").starts_with(kind), "{json}: {e:?}");
            assert!(!e.message(true).is_empty() && !e.message(false).is_empty());
        }
        assert_eq!(Progress::from_json("{}").unwrap(), Progress::default());
    }

    #[test]
    fn keeps_only_the_last_attempts() {
        let mut p = Progress::default();
        for i in 0..(MAX_ATTEMPTS + 20) {
            p.record(attempt("t", &format!("c{i}"), 50, &[]));
        }
        assert_eq!(p.attempts.len(), MAX_ATTEMPTS);
        assert_eq!(p.attempts[0].comment, "c20");
        assert_eq!(p.best("t", "c0"), None);
        assert_eq!(p.best("t", &format!("c{}", MAX_ATTEMPTS + 19)), Some(50));
    }

    #[test]
    fn thread_progress_counts_comments_and_averages_best_scores() {
        let mut p = Progress::default();
        let cases: [(&str, usize, (usize, u8)); 3] =
            [("t", 10, (0, 0)), ("t", 10, (1, 60)), ("t", 10, (2, 75))];
        for (i, (thread, total, want)) in cases.into_iter().enumerate() {
            match i {
                1 => {
                    p.record(attempt("t", "c1", 20, &[]));
                    p.record(attempt("t", "c1", 60, &[]));
                }
                2 => {
                    p.record(attempt("t", "c2", 90, &[]));
                    p.record(attempt("u", "c9", 5, &[]));
                }
                _ => {}
            }
            assert_eq!(p.thread_progress(thread, total), want, "step {i}");
        }
    }

    #[test]
    fn weakest_rules_come_first() {
        let mut p = Progress::default();
        p.record(attempt("t", "c1", 50, &[("P4", 0), ("P10", 2), ("P3", 1)]));
        p.record(attempt("t", "c2", 50, &[("P4", 1), ("P10", 2), ("P2", 1)]));
        let weakest = p.weakest_rules(3);
        let ids: Vec<&str> = weakest.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(ids, ["P4", "P2", "P3"]);
        assert!((weakest[0].1 - 0.5).abs() < 1e-6);
        assert_eq!(p.weakest_rules(0), Vec::new());
        assert_eq!(Progress::default().weakest_rules(5), Vec::new());
    }
}

//! Stand-in for `crate::practice::progress` (branch practice-core) until it is merged: the same
//! API as its contract, so the page's code does not change when the real one arrives.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

const CAP: usize = 500;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub attempts: Vec<Attempt>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub thread: String,
    pub comment: String,
    pub score: u8,
    pub at_ms: i64,
    pub rules: BTreeMap<String, u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressError(pub String);

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Progress {
    pub fn from_json(text: &str) -> Result<Progress, ProgressError> {
        serde_json::from_str(text).map_err(|e| ProgressError(e.to_string()))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn record(&mut self, attempt: Attempt) {
        self.attempts.push(attempt);
        let over = self.attempts.len().saturating_sub(CAP);
        self.attempts.drain(..over);
    }

    pub fn best(&self, thread: &str, comment: &str) -> Option<u8> {
        self.attempts
            .iter()
            .filter(|a| a.thread == thread && a.comment == comment)
            .map(|a| a.score)
            .max()
    }

    pub fn thread_progress(&self, thread: &str, _total_comments: usize) -> (usize, Option<u8>) {
        let mut best: BTreeMap<&str, u8> = BTreeMap::new();
        for a in self.attempts.iter().filter(|a| a.thread == thread) {
            let b = best.entry(&a.comment).or_insert(0);
            *b = (*b).max(a.score);
        }
        let n = best.len();
        let avg = (n > 0).then(|| (best.values().map(|&s| s as u32).sum::<u32>() / n as u32) as u8);
        (n, avg)
    }

    pub fn weakest_rules(&self, n: usize) -> Vec<(String, f32)> {
        let mut sums: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
        for a in &self.attempts {
            for (rule, &score) in &a.rules {
                let e = sums.entry(rule).or_default();
                e.0 += u32::from(score);
                e.1 += 1;
            }
        }
        let mut means: Vec<(String, f32)> = sums
            .into_iter()
            .map(|(r, (s, c))| (r.to_string(), s as f32 / c as f32))
            .collect();
        means.sort_by(|a, b| a.1.total_cmp(&b.1));
        means.truncate(n);
        means
    }
}

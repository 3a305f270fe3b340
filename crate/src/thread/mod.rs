//! Threads: what a page reader reports, and the store of the comments read on one page.
//!
//! Owns: [`Comment`] (one comment as the content script read it), [`Platform`], and [`Thread`],
//! which keeps every comment read on a page — keyed by the platform's stable id, never by DOM node —
//! with its verdict, including comments the page has since removed from its DOM. Its submodules
//! summarise a thread ([`summary`]), keep the person's corrections ([`corrections`]) and write the
//! reports for the brand ([`export`]).

pub mod corrections;
pub mod export;
pub mod summary;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::classify::{classify, Verdict};

/// The sites Candor reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Facebook,
    X,
    Linkedin,
}

/// One comment as a page reader reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// The platform's stable id: X status id, Facebook comment id, LinkedIn comment URN.
    pub id: String,
    /// The display name as shown.
    pub author: String,
    #[serde(default)]
    pub author_url: Option<String>,
    /// The visible text, emoji images as their alt text.
    pub text: String,
    /// The page showed only the start of the text ("See more").
    #[serde(default)]
    pub truncated: bool,
    /// The time the page gives (ISO 8601 when it has one, else as shown).
    #[serde(default)]
    pub time: Option<String>,
    #[serde(default)]
    pub parent_id: Option<String>,
    /// 0 for a comment on the post, 1 for a reply.
    #[serde(default)]
    pub depth: u8,
    /// Written by the account that published the post (the brand).
    #[serde(default)]
    pub by_brand: bool,
}

/// A comment and the engine's verdict on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JudgedComment {
    #[serde(flatten)]
    pub comment: Comment,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Every comment read on one page, in the order they were first read.
#[derive(Debug, Clone, Default)]
pub struct Thread {
    comments: Vec<JudgedComment>,
    index: HashMap<String, usize>,
}

impl Thread {
    /// Adds or updates comments; returns the verdicts of `batch`, in its order.
    ///
    /// A comment seen again with the same text keeps its verdict (no second classification);
    /// with a changed text (a "See more" expanded) it is judged again.
    pub fn upsert(&mut self, batch: Vec<Comment>) -> Vec<(String, Verdict)> {
        let mut out = Vec::with_capacity(batch.len());
        for comment in batch {
            let id = comment.id.clone();
            let verdict = match self.index.get(&id) {
                Some(&at) => {
                    let known = &mut self.comments[at];
                    if known.comment.text != comment.text {
                        known.verdict = classify(&comment.text, None);
                    }
                    known.comment = comment;
                    known.verdict.clone()
                }
                None => {
                    let verdict = classify(&comment.text, None);
                    self.index.insert(id.clone(), self.comments.len());
                    self.comments.push(JudgedComment {
                        comment,
                        verdict: verdict.clone(),
                    });
                    verdict
                }
            };
            out.push((id, verdict));
        }
        out
    }

    pub fn comments(&self) -> &[JudgedComment] {
        &self.comments
    }

    pub fn get(&self, id: &str) -> Option<&JudgedComment> {
        self.index.get(id).map(|&at| &self.comments[at])
    }

    pub fn len(&self) -> usize {
        self.comments.len()
    }

    pub fn is_empty(&self) -> bool {
        self.comments.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: &str, text: &str) -> Comment {
        Comment {
            id: id.into(),
            author: "A".into(),
            author_url: None,
            text: text.into(),
            truncated: false,
            time: None,
            parent_id: None,
            depth: 0,
            by_brand: false,
        }
    }

    #[test]
    fn upsert_keys_by_id_and_keeps_first_read_order() {
        let mut thread = Thread::default();
        thread.upsert(vec![comment("1", "a"), comment("2", "b")]);
        thread.upsert(vec![comment("2", "b, expanded"), comment("3", "c")]);
        let ids: Vec<_> = thread
            .comments()
            .iter()
            .map(|c| c.comment.id.as_str())
            .collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(thread.get("2").unwrap().comment.text, "b, expanded");
        assert_eq!(thread.len(), 3);
    }
}

//! What the side panel knows of a thread, read from the engine's `ThreadReport` JSON.
//!
//! Owns: the panel's light copy of a thread — only the fields it draws — and the reader that takes
//! it from JSON by hand. Deriving `Deserialize` for these types costs about 35 KB of wasm (generic
//! code for every type); this reader costs a few, and the panel's wasm tests feed it the engine's
//! real JSON, so a renamed field fails a test rather than the panel.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::classify::Category;
use crate::protocol::PageStatus;
use crate::thread::Platform;

/// One tab's thread as the panel draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelThread {
    pub tab_id: i64,
    pub url: String,
    pub platform: Option<Platform>,
    pub status: PageStatus,
    pub reason: Option<String>,
    pub comments: Vec<PanelComment>,
    pub summary: PanelSummary,
}

/// One comment as the panel draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelComment {
    pub id: String,
    pub author: String,
    pub text: String,
    pub by_brand: bool,
    /// The person's category when corrected, else the classifier's.
    pub category: Category,
    pub corrected_from: Option<Category>,
}

/// The parts of the engine's `ThreadSummary` the panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelSummary {
    pub counts: BTreeMap<Category, usize>,
    pub total: usize,
    pub brand_comments: usize,
    /// Unanswered items, longest wait first: id and minutes waited when known.
    pub waiting: Vec<(String, Option<i64>)>,
    pub answered: Vec<String>,
    /// People who complained more than once, with their number of complaints.
    pub repeat_complaints: Vec<(String, usize)>,
    pub praise_complaint_ratio: Option<f32>,
    pub crisis: bool,
    pub surge: PanelSurge,
}

/// The figures behind a crisis alert.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelSurge {
    pub complaints: usize,
    pub share: f32,
    /// The window in minutes; `None` when the whole thread stood in for it (no comment had a time).
    pub window_minutes: Option<u32>,
}

impl PanelThread {
    /// Reads one thread of a `Threads` answer; `None` when something the panel needs is missing.
    pub fn read(v: &Value) -> Option<Self> {
        Some(Self {
            tab_id: v["tab_id"].as_i64()?,
            url: string(&v["url"])?,
            platform: platform(&v["platform"]),
            status: if v["status"] == "unreadable" {
                PageStatus::Unreadable
            } else {
                PageStatus::Reading
            },
            reason: string(&v["reason"]),
            comments: v["comments"]
                .as_array()?
                .iter()
                .map(PanelComment::read)
                .collect::<Option<_>>()?,
            summary: PanelSummary::read(&v["summary"])?,
        })
    }
}

impl PanelComment {
    fn read(v: &Value) -> Option<Self> {
        Some(Self {
            id: string(&v["id"])?,
            author: string(&v["author"])?,
            text: string(&v["text"])?,
            by_brand: v["by_brand"].as_bool().unwrap_or(false),
            category: category(&v["category"])?,
            corrected_from: category(&v["corrected_from"]),
        })
    }
}

impl PanelSummary {
    fn read(v: &Value) -> Option<Self> {
        let surge = &v["surge"];
        Some(Self {
            counts: Category::ALL
                .iter()
                .map(|&c| (c, count(&v["counts"][c.as_str()])))
                .collect(),
            total: count(&v["total"]),
            brand_comments: count(&v["brand_comments"]),
            waiting: v["waiting"]
                .as_array()?
                .iter()
                .map(|w| Some((string(&w["id"])?, w["waited_minutes"].as_i64())))
                .collect::<Option<_>>()?,
            answered: v["answered"]
                .as_array()?
                .iter()
                .filter_map(string)
                .collect(),
            repeat_complaints: v["repeat_complaints"]
                .as_array()?
                .iter()
                .map(|r| Some((string(&r["author"])?, r["ids"].as_array()?.len())))
                .collect::<Option<_>>()?,
            praise_complaint_ratio: v["praise_complaint_ratio"].as_f64().map(|r| r as f32),
            crisis: v["crisis"].as_bool()?,
            surge: PanelSurge {
                complaints: count(&surge["complaints"]),
                share: surge["share"].as_f64().unwrap_or(0.0) as f32,
                window_minutes: (surge["basis"] == "window")
                    .then(|| surge["window_minutes"].as_u64())
                    .flatten()
                    .map(|m| m.min(u64::from(u32::MAX)) as u32),
            },
        })
    }
}

/// The category a lowercase name stands for.
pub fn category(v: &Value) -> Option<Category> {
    let name = v.as_str()?;
    Category::ALL.into_iter().find(|c| c.as_str() == name)
}

/// The platform a lowercase name (`x`, `facebook`, `linkedin`) stands for.
pub fn platform(v: &Value) -> Option<Platform> {
    match v.as_str()? {
        "x" => Some(Platform::X),
        "facebook" => Some(Platform::Facebook),
        "linkedin" => Some(Platform::Linkedin),
        _ => None,
    }
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn count(v: &Value) -> usize {
    v.as_u64().map_or(0, |n| n as usize)
}

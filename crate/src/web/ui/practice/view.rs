//! What the practice page knows of the practice threads and of the coach's review, read from JSON.
//!
//! Owns: light copies of `extension/practice/index.json`, of one thread file and of one
//! `practice_review` answer — only the fields the page draws — and the readers that take them from
//! JSON by hand (as `super::super::view` does for the panel: deriving `Deserialize` would grow the
//! `ui` module far more than these few functions). The checked file format, with the answer key
//! (`expected`, `note`), is [`crate::practice::thread`]'s, which the review reads; these copies hold
//! only what the page draws. The thread's own text is kept as it was fetched,
//! since the engine's review wants the whole thread back. A missing or mistyped field is refused
//! with its name, never guessed.

use serde_json::Value;

use crate::classify::Category;
use crate::text::Lang;
use crate::thread::Platform;
use crate::web::ui::view::{category, platform};

/// One line of `index.json`.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    pub id: String,
    pub lang: Lang,
    pub platform: Platform,
    pub title: String,
}

/// One practice thread, as the page draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeThread {
    pub id: String,
    pub lang: Lang,
    pub platform: Platform,
    pub title: String,
    pub brief: String,
    pub brand_name: String,
    pub brand_handle: String,
    pub post: Post,
    pub comments: Vec<PracticeComment>,
    /// The thread file as fetched, sent back with each review.
    pub json: String,
}

/// The brand's post the comments answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub author: String,
    pub time: String,
    pub text: String,
}

/// One comment of a practice thread.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeComment {
    pub id: String,
    pub author: String,
    pub handle: String,
    pub time: String,
    pub text: String,
    pub parent_id: Option<String>,
    pub by_brand: bool,
}

impl PracticeThread {
    /// The comments a trainee may answer: the audience's, not the brand's.
    pub fn answerable(&self) -> usize {
        self.comments.iter().filter(|c| !c.by_brand).count()
    }

    pub fn comment(&self, id: &str) -> Option<&PracticeComment> {
        self.comments.iter().find(|c| c.id == id)
    }
}

/// The coach's review of one draft (`practice_review`'s answer).
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub comment_id: String,
    /// The engine's category for the comment.
    pub category: Option<Category>,
    pub expected: Option<Category>,
    pub agrees: bool,
    pub action: String,
    pub priority: String,
    pub opening: Option<String>,
    pub points: Vec<GuidancePoint>,
    pub warnings: Vec<DraftWarning>,
    pub rules: Vec<RuleScore>,
    /// `None` for an empty draft: guidance only.
    pub score: Option<u8>,
    pub verdict_text: String,
    pub note: String,
}

/// One point of the guidance: what to do, under which rule, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct GuidancePoint {
    pub rule: String,
    pub text: String,
    pub why: String,
}

/// One thing the coach flags in the draft; `start..end` are character offsets in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftWarning {
    pub rule: String,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// One row of the score table.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleScore {
    pub rule: String,
    pub title: String,
    pub score: u8,
    pub max: u8,
    pub why: String,
}

/// Reads `index.json`: `{"schema_version": 1, "threads": [{id, lang, platform, title}]}`.
pub fn read_index(text: &str) -> Result<Vec<IndexEntry>, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
    version(&v)?;
    let threads = v["threads"]
        .as_array()
        .ok_or("the field \"threads\" is missing")?;
    threads
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let at = |field: &str| format!("threads[{n}].{field}");
            Ok(IndexEntry {
                id: thread_id(t, &at("id"))?,
                lang: lang(&t["lang"]).ok_or_else(|| bad(&at("lang")))?,
                platform: platform(&t["platform"]).ok_or_else(|| bad(&at("platform")))?,
                title: string(&t["title"], &at("title"))?,
            })
        })
        .collect()
}

/// Reads one thread file.
pub fn read_thread(text: &str) -> Result<PracticeThread, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
    version(&v)?;
    let post = &v["post"];
    let comments = v["comments"]
        .as_array()
        .ok_or("the field \"comments\" is missing")?
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let at = |field: &str| format!("comments[{n}].{field}");
            Ok(PracticeComment {
                id: string(&c["id"], &at("id"))?,
                author: string(&c["author"], &at("author"))?,
                handle: c["handle"].as_str().unwrap_or_default().to_string(),
                time: c["time"].as_str().unwrap_or_default().to_string(),
                text: string(&c["text"], &at("text"))?,
                parent_id: c["parent_id"].as_str().map(str::to_string),
                by_brand: c["by_brand"].as_bool().unwrap_or(false),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(PracticeThread {
        id: thread_id(&v, "id")?,
        lang: lang(&v["lang"]).ok_or_else(|| bad("lang"))?,
        platform: platform(&v["platform"]).ok_or_else(|| bad("platform"))?,
        title: string(&v["title"], "title")?,
        brief: string(&v["brief"], "brief")?,
        brand_name: string(&v["brand"]["name"], "brand.name")?,
        brand_handle: v["brand"]["handle"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        post: Post {
            author: string(&post["author"], "post.author")?,
            time: post["time"].as_str().unwrap_or_default().to_string(),
            text: string(&post["text"], "post.text")?,
        },
        comments,
        json: text.to_string(),
    })
}

/// Reads `practice_review`'s answer; `Err` carries the engine's `error`, or what is missing.
pub fn read_review(text: &str) -> Result<Review, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
    if let Some(error) = v["error"].as_str() {
        return Err(error.to_string());
    }
    let guidance = &v["guidance"];
    Ok(Review {
        comment_id: string(&v["comment_id"], "comment_id")?,
        category: category(&v["verdict"]["category"]),
        expected: category(&v["expected"]),
        agrees: v["agrees"].as_bool().unwrap_or(false),
        action: guidance["action"].as_str().unwrap_or_default().to_string(),
        priority: guidance["priority"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        opening: guidance["opening"].as_str().map(str::to_string),
        points: list(&guidance["points"], "guidance.points", |p, at| {
            Ok(GuidancePoint {
                rule: string(&p["rule"], &format!("{at}.rule"))?,
                text: string(&p["text"], &format!("{at}.text"))?,
                why: p["why"].as_str().unwrap_or_default().to_string(),
            })
        })?,
        warnings: list(&v["warnings"], "warnings", |w, at| {
            Ok(DraftWarning {
                rule: string(&w["rule"], &format!("{at}.rule"))?,
                message: string(&w["message"], &format!("{at}.message"))?,
                start: w["start"].as_u64().unwrap_or(0) as usize,
                end: w["end"].as_u64().unwrap_or(0) as usize,
            })
        })?,
        rules: list(&v["rules"], "rules", |r, at| {
            Ok(RuleScore {
                rule: string(&r["rule"], &format!("{at}.rule"))?,
                title: r["title"].as_str().unwrap_or_default().to_string(),
                score: small(&r["score"]).ok_or_else(|| bad(&format!("{at}.score")))?,
                max: small(&r["max"]).ok_or_else(|| bad(&format!("{at}.max")))?,
                why: r["why"].as_str().unwrap_or_default().to_string(),
            })
        })?,
        score: small(&v["score"]),
        verdict_text: v["verdict_text"].as_str().unwrap_or_default().to_string(),
        note: v["note"].as_str().unwrap_or_default().to_string(),
    })
}

/// The words of `draft` a warning is about (its character span), when the span is inside it.
pub fn quoted(draft: &str, warning: &DraftWarning) -> Option<String> {
    if warning.end <= warning.start {
        return None;
    }
    let words: String = draft
        .chars()
        .skip(warning.start)
        .take(warning.end - warning.start)
        .collect();
    (!words.trim().is_empty()).then_some(words)
}

/// Thread ids name files: lowercase letters, digits and dashes only.
pub fn valid_thread_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn version(v: &Value) -> Result<(), String> {
    match v["schema_version"].as_u64() {
        Some(1) => Ok(()),
        Some(other) => Err(format!("schema_version {other} is not supported (1 is)")),
        None => Err("the field \"schema_version\" is missing".into()),
    }
}

fn thread_id(v: &Value, at: &str) -> Result<String, String> {
    let id = string(&v["id"], at)?;
    if valid_thread_id(&id) {
        Ok(id)
    } else {
        Err(format!(
            "the field \"{at}\" must be lowercase letters, digits and dashes"
        ))
    }
}

fn list<T>(
    v: &Value,
    at: &str,
    read: impl Fn(&Value, &str) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(n, item)| read(item, &format!("{at}[{n}]")))
            .collect(),
        _ => Err(bad(at)),
    }
}

fn string(v: &Value, at: &str) -> Result<String, String> {
    v.as_str().map(str::to_string).ok_or_else(|| bad(at))
}

fn bad(at: &str) -> String {
    format!("the field \"{at}\" is missing or not of the right kind")
}

fn small(v: &Value) -> Option<u8> {
    v.as_u64().map(|n| n.min(u64::from(u8::MAX)) as u8)
}

fn lang(v: &Value) -> Option<Lang> {
    match v.as_str()? {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

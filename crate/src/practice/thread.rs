//! The practice threads as the page fetches them (`extension/practice/<id>.json`) and their index
//! (`extension/practice/index.json`): the types, parsing, and the checks a thread file must pass,
//! each failure naming the field. No classifier here. The practice page (`ui` module) reads the same
//! files through its own light copy (`web/ui/practice/view.rs`): only the fields it draws, leniently,
//! without the answer key (`expected`, `note`) the review reports after an attempt.
//!
//! Beyond these checks, the shipped threads follow content rules the tests hold them to
//! (`practice::tests`): three French and three English threads, one per platform in each language;
//! 8–14 comments each, with at least two complaints (one rude but legitimate, P7), a question,
//! praise, a troll, spam and a neutral remark, personal data offered in public, one or two brand
//! replies (`by_brand`, with `parent_id`), and an urgent case in each language. Every comment
//! carries the author's label (`expected`) and a `note` the trainee reads after the attempt.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::classify::Category;
use crate::profile::Profile;
use crate::text::Lang;
use crate::thread::{Comment, Platform};

/// The version of the thread and index files this engine reads.
pub const THREAD_SCHEMA_VERSION: u32 = 1;
/// Bounds that keep a broken or hostile file from costing much; shipped threads hold 8–14 comments.
const MAX_COMMENTS: usize = 100;
const MAX_TEXT_CHARS: usize = 5_000;

/// The brand the thread is about, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    pub name: String,
    pub handle: String,
}

/// The brand's post the comments answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    pub author: String,
    /// ISO 8601.
    pub time: String,
    pub text: String,
}

/// One comment of a practice thread, with the thread author's label and a note for the trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeComment {
    pub id: String,
    pub author: String,
    pub handle: String,
    /// ISO 8601.
    pub time: String,
    pub text: String,
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub by_brand: bool,
    /// What the thread's author says this comment is.
    pub expected: Category,
    /// Shown after the attempt: what to notice in this comment and why.
    pub note: String,
}

impl PracticeComment {
    /// The comment as a page reader would have reported it, for the engine's assistants.
    pub fn to_comment(&self, platform: Platform) -> Comment {
        let base = match platform {
            Platform::X => "https://x.com/",
            Platform::Facebook => "https://www.facebook.com/",
            Platform::Linkedin => "https://www.linkedin.com/in/",
        };
        Comment {
            id: self.id.clone(),
            author: self.author.clone(),
            author_url: Some(format!("{base}{}", self.handle.trim_start_matches('@'))),
            text: self.text.clone(),
            truncated: false,
            time: Some(self.time.clone()),
            parent_id: self.parent_id.clone(),
            depth: u8::from(self.parent_id.is_some()),
            by_brand: self.by_brand,
        }
    }
}

/// One practice thread file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeThread {
    pub schema_version: u32,
    pub id: String,
    pub lang: Lang,
    pub platform: Platform,
    pub title: String,
    /// The situation in two sentences, for the trainee.
    pub brief: String,
    pub brand: Brand,
    /// A brand profile as `docs/profile.md` defines it; checked by [`PracticeThread::profile`].
    pub profile: Value,
    pub post: Post,
    pub comments: Vec<PracticeComment>,
}

/// One line of `index.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub id: String,
    pub lang: Lang,
    pub platform: Platform,
    pub title: String,
}

/// `extension/practice/index.json`: the threads in the order the page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeIndex {
    pub schema_version: u32,
    pub threads: Vec<IndexEntry>,
}

/// Why a thread or index file was refused: the field (a JSON path) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadError {
    /// `comments[3].parent_id`, `profile.address`; empty when the file is not JSON at all.
    pub field: String,
    pub problem: String,
}

impl ThreadError {
    fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        ThreadError {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for ThreadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "the practice thread is not valid: {}", self.problem)
        } else {
            write!(f, "the practice thread's `{}` {}", self.field, self.problem)
        }
    }
}

impl std::error::Error for ThreadError {}

/// A plain text: trimmed not empty, not too long.
fn check_text(field: &str, text: &str) -> Result<(), ThreadError> {
    if text.trim().is_empty() {
        return Err(ThreadError::new(field, "is empty"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(ThreadError::new(
            field,
            format!("is longer than {MAX_TEXT_CHARS} characters"),
        ));
    }
    Ok(())
}

/// `2026-10-02T09:00:00Z` or with an offset (`+02:00`); fractions of a second allowed. The page
/// only shows and orders these, so the shape is what matters.
pub fn is_iso8601(time: &str) -> bool {
    let b = time.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return false;
    }
    let mut rest = &time[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    let zone = rest.as_bytes();
    rest == "Z"
        || (zone.len() == 6
            && matches!(zone[0], b'+' | b'-')
            && zone[1..3].iter().all(u8::is_ascii_digit)
            && zone[3] == b':'
            && zone[4..6].iter().all(u8::is_ascii_digit))
}

fn check_time(field: &str, time: &str) -> Result<(), ThreadError> {
    if is_iso8601(time) {
        Ok(())
    } else {
        Err(ThreadError::new(
            field,
            format!("is not an ISO 8601 time such as 2026-10-02T09:00:00Z: {time:?}"),
        ))
    }
}

/// The fields of one JSON object, read with the path of each reported in errors.
struct Fields<'a> {
    map: &'a serde_json::Map<String, Value>,
    path: String,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Value, path: &str) -> Result<Fields<'a>, ThreadError> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                path: path.to_string(),
            }),
            _ => Err(ThreadError::new(
                if path.is_empty() { "thread" } else { path },
                "must be an object",
            )),
        }
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Unknown fields are refused: a typo must not pass silently.
    fn only(&self, known: &[&str]) -> Result<(), ThreadError> {
        match self.map.keys().find(|k| !known.contains(&k.as_str())) {
            Some(k) => Err(ThreadError::new(self.at(k), "is not a known field")),
            None => Ok(()),
        }
    }

    /// A required field (`null` counts as missing).
    fn get(&self, key: &str) -> Result<&'a Value, ThreadError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Err(ThreadError::new(self.at(key), "is missing")),
            Some(v) => Ok(v),
        }
    }

    fn text(&self, key: &str) -> Result<String, ThreadError> {
        self.get(key)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| ThreadError::new(self.at(key), "must be a text"))
    }

    /// Several required texts at once (one error path for all: a smaller module).
    fn texts<const N: usize>(&self, keys: [&str; N]) -> Result<[String; N], ThreadError> {
        let mut out: [String; N] = std::array::from_fn(|_| String::new());
        for (slot, key) in out.iter_mut().zip(keys) {
            *slot = self.text(key)?;
        }
        Ok(out)
    }
}

fn read_comment(value: &Value, path: &str) -> Result<PracticeComment, ThreadError> {
    let o = Fields::of(value, path)?;
    o.only(&[
        "id",
        "author",
        "handle",
        "time",
        "text",
        "parent_id",
        "by_brand",
        "expected",
        "note",
    ])?;
    let [id, author, handle, time, text, expected, note] =
        o.texts(["id", "author", "handle", "time", "text", "expected", "note"])?;
    Ok(PracticeComment {
        id,
        author,
        handle,
        time,
        text,
        parent_id: match o.map.get("parent_id") {
            None | Some(Value::Null) => None,
            Some(Value::String(p)) => Some(p.clone()),
            Some(_) => {
                return Err(ThreadError::new(
                    o.at("parent_id"),
                    "must be a text or null",
                ))
            }
        },
        by_brand: match o.map.get("by_brand") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(ThreadError::new(o.at("by_brand"), "must be true or false")),
        },
        expected: Category::ALL
            .into_iter()
            .find(|c| c.as_str() == expected)
            .ok_or_else(|| {
                ThreadError::new(
                    o.at("expected"),
                    "must be one of complaint, question, praise, troll, spam, neutral",
                )
            })?,
        note,
    })
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

impl PracticeThread {
    /// Parses and checks a thread file.
    pub fn from_json(json: &str) -> Result<PracticeThread, ThreadError> {
        let value: Value = serde_json::from_str(json)
            .map_err(|e| ThreadError::new("", format!("is not JSON: {e}")))?;
        PracticeThread::read(&value)
    }

    /// Parses and checks a thread already read as JSON.
    pub fn from_value(value: Value) -> Result<PracticeThread, ThreadError> {
        PracticeThread::read(&value)
    }

    /// Parses and checks a thread already read as JSON, by reference. Read by hand rather than
    /// with serde's derive: the same checks (unknown fields refused), a fraction of the engine
    /// module's size.
    pub fn read(value: &Value) -> Result<PracticeThread, ThreadError> {
        if value.is_null() {
            return Err(ThreadError::new("thread", "is missing"));
        }
        let o = Fields::of(value, "")?;
        o.only(&[
            "schema_version",
            "id",
            "lang",
            "platform",
            "title",
            "brief",
            "brand",
            "profile",
            "post",
            "comments",
        ])?;
        let brand = Fields::of(o.get("brand")?, "brand")?;
        brand.only(&["name", "handle"])?;
        let post = Fields::of(o.get("post")?, "post")?;
        post.only(&["author", "time", "text"])?;
        let comments = match o.get("comments")? {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| read_comment(item, &format!("comments[{i}]")))
                .collect::<Result<Vec<_>, _>>()?,
            _ => return Err(ThreadError::new("comments", "must be a list")),
        };
        let [id, lang, platform, title, brief] =
            o.texts(["id", "lang", "platform", "title", "brief"])?;
        let [brand_name, brand_handle] = brand.texts(["name", "handle"])?;
        let [post_author, post_time, post_text] = post.texts(["author", "time", "text"])?;
        let thread = PracticeThread {
            schema_version: o
                .get("schema_version")?
                .as_u64()
                .map_or(0, |v| v.min(u64::from(u32::MAX)) as u32),
            id,
            lang: match lang.as_str() {
                "fr" => Lang::Fr,
                "en" => Lang::En,
                _ => Lang::Other,
            },
            platform: match platform.as_str() {
                "x" => Platform::X,
                "facebook" => Platform::Facebook,
                "linkedin" => Platform::Linkedin,
                _ => {
                    return Err(ThreadError::new(
                        "platform",
                        "must be \"x\", \"facebook\" or \"linkedin\"",
                    ))
                }
            },
            title,
            brief,
            brand: Brand {
                name: brand_name,
                handle: brand_handle,
            },
            profile: o.get("profile")?.clone(),
            post: Post {
                author: post_author,
                time: post_time,
                text: post_text,
            },
            comments,
        };
        thread.validate()?;
        Ok(thread)
    }

    /// The brand profile, checked as any profile file is.
    pub fn profile(&self) -> Result<Profile, ThreadError> {
        crate::profile::from_value(&self.profile).map_err(|e| {
            let paths = e.paths();
            let field = match paths.first() {
                Some(p) if !p.is_empty() => format!("profile.{p}"),
                _ => "profile".to_string(),
            };
            ThreadError::new(field, format!("is refused: {}", e.message(Lang::En)))
        })
    }

    /// Everything but the profile (see [`PracticeThread::profile`]): versions, ids, texts, times,
    /// replies pointing at earlier comments of the thread.
    pub fn validate(&self) -> Result<(), ThreadError> {
        if self.schema_version != THREAD_SCHEMA_VERSION {
            return Err(ThreadError::new(
                "schema_version",
                format!(
                    "is {}, this engine reads version {THREAD_SCHEMA_VERSION}",
                    self.schema_version
                ),
            ));
        }
        if !is_id(&self.id) {
            return Err(ThreadError::new(
                "id",
                "must be lowercase letters, digits, `-` or `_`",
            ));
        }
        if self.lang == Lang::Other {
            return Err(ThreadError::new("lang", "must be \"fr\" or \"en\""));
        }
        check_text("title", &self.title)?;
        check_text("brief", &self.brief)?;
        check_text("brand.name", &self.brand.name)?;
        check_text("brand.handle", &self.brand.handle)?;
        check_text("post.author", &self.post.author)?;
        check_text("post.text", &self.post.text)?;
        check_time("post.time", &self.post.time)?;
        if self.comments.is_empty() || self.comments.len() > MAX_COMMENTS {
            return Err(ThreadError::new(
                "comments",
                format!("must hold 1 to {MAX_COMMENTS} comments"),
            ));
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, c) in self.comments.iter().enumerate() {
            let at = |field: &str| format!("comments[{i}].{field}");
            if !is_id(&c.id) {
                return Err(ThreadError::new(
                    at("id"),
                    "must be lowercase letters, digits, `-` or `_`",
                ));
            }
            if !seen.insert(&c.id) {
                return Err(ThreadError::new(
                    at("id"),
                    format!("{:?} is used twice", c.id),
                ));
            }
            check_text(&at("author"), &c.author)?;
            check_text(&at("handle"), &c.handle)?;
            check_text(&at("text"), &c.text)?;
            check_text(&at("note"), &c.note)?;
            check_time(&at("time"), &c.time)?;
            if let Some(parent) = &c.parent_id {
                // Replies follow what they answer, as a page shows them.
                if !seen.contains(parent.as_str()) || parent == &c.id {
                    return Err(ThreadError::new(
                        at("parent_id"),
                        format!("{parent:?} is not an earlier comment of this thread"),
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn comment(&self, id: &str) -> Option<&PracticeComment> {
        self.comments.iter().find(|c| c.id == id)
    }

    /// The comments the trainee may answer (not the brand's own).
    pub fn answerable(&self) -> impl Iterator<Item = &PracticeComment> {
        self.comments.iter().filter(|c| !c.by_brand)
    }

    /// The brand's replies to comment `id` already posted in the thread.
    pub fn brand_replies_to<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = &'a PracticeComment> {
        self.comments
            .iter()
            .filter(move |c| c.by_brand && c.parent_id.as_deref() == Some(id))
    }

    /// This thread's line in the index.
    pub fn index_entry(&self) -> IndexEntry {
        IndexEntry {
            id: self.id.clone(),
            lang: self.lang,
            platform: self.platform,
            title: self.title.clone(),
        }
    }
}

impl PracticeIndex {
    pub fn from_json(json: &str) -> Result<PracticeIndex, ThreadError> {
        let index: PracticeIndex =
            serde_json::from_str(json).map_err(|e| ThreadError::new("", e.to_string()))?;
        if index.schema_version != THREAD_SCHEMA_VERSION {
            return Err(ThreadError::new(
                "schema_version",
                format!(
                    "is {}, expected {THREAD_SCHEMA_VERSION}",
                    index.schema_version
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (i, t) in index.threads.iter().enumerate() {
            if !is_id(&t.id) || !seen.insert(t.id.as_str()) {
                return Err(ThreadError::new(
                    format!("threads[{i}].id"),
                    "is not a valid, unique thread id",
                ));
            }
            check_text(&format!("threads[{i}].title"), &t.title)?;
        }
        Ok(index)
    }
}

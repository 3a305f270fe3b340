//! The person's corrections of the classifier.
//!
//! Owns: the store of corrected categories, keyed by platform and the platform's comment id (so a
//! correction follows the comment wherever it is shown again), its application to verdicts, and its
//! export and import as JSON — the background keeps that JSON in `storage.local` so corrections
//! survive a service-worker restart, and reviewers read it to improve the classifier.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::classify::Category;
use crate::thread::{JudgedComment, Platform};

/// The most corrections kept; the oldest go first. A busy community manager corrects a few a day.
pub const MAX_CORRECTIONS: usize = 5_000;
/// Characters of the comment kept with a correction, enough for a reviewer to judge it.
pub const EXCERPT_CHARS: usize = 280;
/// The longest id, author or URL a correction may carry, in bytes.
const MAX_FIELD_BYTES: usize = 2_048;

/// One comment whose category the person changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub platform: Platform,
    /// The platform's stable comment id.
    pub id: String,
    /// The category the person chose.
    pub category: Category,
    /// What the classifier had said.
    pub original: Category,
    /// Where the comment was read, its author and the start of its text: context for a reviewer.
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub excerpt: String,
}

impl Correction {
    /// The correction of `judged` (read on `url`) to `category`.
    pub fn of(platform: Platform, url: &str, judged: &JudgedComment, category: Category) -> Self {
        Self {
            platform,
            id: judged.comment.id.clone(),
            category,
            original: judged.verdict.category,
            url: url.to_string(),
            author: judged.comment.author.clone(),
            excerpt: judged.comment.text.chars().take(EXCERPT_CHARS).collect(),
        }
    }
}

/// Why a set of corrections was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectionError {
    EmptyId,
    FieldTooLong(&'static str),
    TooMany(usize),
}

impl fmt::Display for CorrectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyId => write!(f, "a correction has an empty comment id"),
            Self::FieldTooLong(field) => {
                write!(f, "a correction's {field} is over {MAX_FIELD_BYTES} bytes")
            }
            Self::TooMany(n) => write!(f, "{n} corrections is over the limit of {MAX_CORRECTIONS}"),
        }
    }
}

impl std::error::Error for CorrectionError {}

type Key = (Platform, String);

/// Every correction the person made, newest last.
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    /// Each correction with the order it was made in, for export and eviction.
    by_comment: HashMap<Key, (u64, Correction)>,
    next: u64,
}

impl Corrections {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.by_comment.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_comment.is_empty()
    }

    pub fn get(&self, platform: Platform, id: &str) -> Option<&Correction> {
        self.by_comment
            .get(&(platform, id.to_string()))
            .map(|(_, c)| c)
    }

    /// Records a correction. Choosing the classifier's own category again removes the correction.
    pub fn set(&mut self, correction: Correction) -> Result<(), CorrectionError> {
        validate(&correction)?;
        let key = (correction.platform, correction.id.clone());
        if correction.category == correction.original {
            self.by_comment.remove(&key);
            return Ok(());
        }
        self.by_comment.insert(key, (self.next, correction));
        self.next += 1;
        if self.by_comment.len() > MAX_CORRECTIONS {
            let oldest = self
                .by_comment
                .iter()
                .min_by_key(|(_, (order, _))| *order)
                .map(|(key, _)| key.clone());
            if let Some(key) = oldest {
                self.by_comment.remove(&key);
            }
        }
        Ok(())
    }

    /// The judged comment as the person sees it: with the corrected category, and the classifier's
    /// category as `corrected_from` when the two differ.
    pub fn apply(
        &self,
        platform: Option<Platform>,
        judged: &JudgedComment,
    ) -> (JudgedComment, Option<Category>) {
        let mut seen = judged.clone();
        let correction = platform.and_then(|p| self.get(p, &judged.comment.id));
        match correction {
            Some(c) if c.category != judged.verdict.category => {
                seen.verdict.category = c.category;
                (seen, Some(judged.verdict.category))
            }
            _ => (seen, None),
        }
    }

    /// Every correction, oldest first, for storage and review.
    pub fn export(&self) -> Vec<Correction> {
        let mut list: Vec<&(u64, Correction)> = self.by_comment.values().collect();
        list.sort_by_key(|(order, _)| *order);
        list.into_iter().map(|(_, c)| c.clone()).collect()
    }

    /// Adds corrections exported earlier (a newer one for the same comment wins). All or nothing:
    /// one invalid correction refuses the set, and the store stays as it was.
    pub fn import(&mut self, list: Vec<Correction>) -> Result<usize, CorrectionError> {
        if list.len() > MAX_CORRECTIONS {
            return Err(CorrectionError::TooMany(list.len()));
        }
        list.iter().try_for_each(validate)?;
        let count = list.len();
        for correction in list {
            self.set(correction)?;
        }
        Ok(count)
    }
}

fn validate(c: &Correction) -> Result<(), CorrectionError> {
    if c.id.is_empty() {
        return Err(CorrectionError::EmptyId);
    }
    for (field, value) in [("id", &c.id), ("url", &c.url), ("author", &c.author)] {
        if value.len() > MAX_FIELD_BYTES {
            return Err(CorrectionError::FieldTooLong(field));
        }
    }
    if c.excerpt.chars().count() > EXCERPT_CHARS {
        return Err(CorrectionError::FieldTooLong("excerpt"));
    }
    Ok(())
}

/// The platform a URL belongs to, for pages whose reader did not say.
pub fn platform_of_url(url: &str) -> Option<Platform> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let is = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if is("facebook.com") {
        Some(Platform::Facebook)
    } else if is("x.com") || is("twitter.com") {
        Some(Platform::X)
    } else if is("linkedin.com") {
        Some(Platform::Linkedin)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Verdict;
    use crate::text::Lang;
    use crate::thread::Comment;

    fn judged(id: &str, category: Category) -> JudgedComment {
        JudgedComment {
            comment: Comment {
                id: id.into(),
                author: "Ann".into(),
                author_url: None,
                text: "é".repeat(EXCERPT_CHARS + 20),
                truncated: false,
                time: None,
                parent_id: None,
                depth: 0,
                by_brand: false,
            },
            verdict: Verdict {
                category,
                flags: vec![],
                confidence: 0.5,
                lang: Lang::Fr,
                cues: vec![],
            },
        }
    }

    const URL: &str = "https://x.com/acme/status/1";

    #[test]
    fn corrections_apply_by_platform_and_id() {
        let mut store = Corrections::new();
        let neutral = judged("10", Category::Neutral);
        store
            .set(Correction::of(
                Platform::X,
                URL,
                &neutral,
                Category::Complaint,
            ))
            .unwrap();
        let cases = [
            (
                Some(Platform::X),
                "10",
                Category::Complaint,
                Some(Category::Neutral),
            ),
            (Some(Platform::Facebook), "10", Category::Neutral, None),
            (None, "10", Category::Neutral, None),
            (Some(Platform::X), "11", Category::Neutral, None),
        ];
        for (platform, id, category, from) in cases {
            let (seen, corrected_from) = store.apply(platform, &judged(id, Category::Neutral));
            assert_eq!(
                (seen.verdict.category, corrected_from),
                (category, from),
                "{platform:?} {id}"
            );
        }
        // The classifier changing its mind to the person's category makes the correction moot.
        let (seen, from) = store.apply(Some(Platform::X), &judged("10", Category::Complaint));
        assert_eq!((seen.verdict.category, from), (Category::Complaint, None));
    }

    #[test]
    fn choosing_the_original_category_again_removes_the_correction() {
        let mut store = Corrections::new();
        let c = judged("10", Category::Praise);
        store
            .set(Correction::of(Platform::X, URL, &c, Category::Troll))
            .unwrap();
        assert_eq!(store.len(), 1);
        store
            .set(Correction::of(Platform::X, URL, &c, Category::Praise))
            .unwrap();
        assert!(store.is_empty());
    }

    #[test]
    fn export_then_import_restores_the_store() {
        let mut store = Corrections::new();
        for (i, category) in [Category::Spam, Category::Question, Category::Complaint]
            .into_iter()
            .enumerate()
        {
            let c = judged(&i.to_string(), Category::Neutral);
            store
                .set(Correction::of(Platform::Linkedin, URL, &c, category))
                .unwrap();
        }
        let json = serde_json::to_string(&store.export()).unwrap();
        let mut restored = Corrections::new();
        let list: Vec<Correction> = serde_json::from_str(&json).unwrap();
        assert_eq!(restored.import(list).unwrap(), 3);
        assert_eq!(restored.export(), store.export());
        assert_eq!(
            restored
                .export()
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            ["0", "1", "2"]
        );
        assert_eq!(restored.export()[0].excerpt.chars().count(), EXCERPT_CHARS);
    }

    #[test]
    fn bad_imports_are_refused_whole() {
        let good = Correction::of(
            Platform::X,
            URL,
            &judged("1", Category::Neutral),
            Category::Spam,
        );
        let with = |f: fn(&mut Correction)| {
            let mut c = good.clone();
            f(&mut c);
            vec![good.clone(), c]
        };
        let cases = [
            (with(|c| c.id.clear()), CorrectionError::EmptyId),
            (
                with(|c| c.url = "u".repeat(MAX_FIELD_BYTES + 1)),
                CorrectionError::FieldTooLong("url"),
            ),
            (
                with(|c| c.excerpt = "x".repeat(EXCERPT_CHARS + 1)),
                CorrectionError::FieldTooLong("excerpt"),
            ),
            (
                vec![good.clone(); MAX_CORRECTIONS + 1],
                CorrectionError::TooMany(MAX_CORRECTIONS + 1),
            ),
        ];
        for (list, expected) in cases {
            let mut store = Corrections::new();
            assert_eq!(store.import(list), Err(expected.clone()), "{expected}");
            assert!(store.is_empty(), "{expected}");
        }
    }

    #[test]
    fn the_oldest_correction_goes_when_the_store_is_full() {
        let mut store = Corrections::new();
        for i in 0..=MAX_CORRECTIONS {
            let c = judged(&i.to_string(), Category::Neutral);
            store
                .set(Correction::of(Platform::X, URL, &c, Category::Spam))
                .unwrap();
        }
        assert_eq!(store.len(), MAX_CORRECTIONS);
        assert!(store.get(Platform::X, "0").is_none());
        assert!(store.get(Platform::X, "1").is_some());
    }

    #[test]
    fn platforms_from_urls() {
        let cases = [
            ("https://x.com/acme/status/1", Some(Platform::X)),
            ("https://twitter.com/acme", Some(Platform::X)),
            ("https://mobile.twitter.com/acme", Some(Platform::X)),
            (
                "https://www.facebook.com/acme/posts/1",
                Some(Platform::Facebook),
            ),
            ("https://m.facebook.com/story.php", Some(Platform::Facebook)),
            (
                "https://www.linkedin.com/feed/update/urn:li:activity:1/",
                Some(Platform::Linkedin),
            ),
            ("https://WWW.LinkedIn.com:443/x", Some(Platform::Linkedin)),
            ("https://notx.com/a", None),
            ("https://x.com.evil.example/a", None),
            ("https://evil.example/?u=https://x.com/", None),
            ("https://user@x.com/a", Some(Platform::X)),
            ("ftp://x.com/a", None),
            ("", None),
        ];
        for (url, expected) in cases {
            assert_eq!(platform_of_url(url), expected, "{url}");
        }
    }
}

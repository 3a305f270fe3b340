//! The classifier: one comment in, one [`Verdict`] out.
//!
//! Owns: the category (complaint, question, praise, troll, spam, neutral), the flags (abusive,
//! profanity, personal data, urgent), the confidence, and the cues — the spans of the comment that
//! decided the verdict, so a trainee can see why.

use serde::{Deserialize, Serialize};

use crate::text::{detect_lang, Lang};

/// What a comment is, for the person who answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Complaint,
    Question,
    Praise,
    Troll,
    Spam,
    Neutral,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Complaint,
        Category::Question,
        Category::Praise,
        Category::Troll,
        Category::Spam,
        Category::Neutral,
    ];

    /// The lowercase name used in messages, files and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Complaint => "complaint",
            Category::Question => "question",
            Category::Praise => "praise",
            Category::Troll => "troll",
            Category::Spam => "spam",
            Category::Neutral => "neutral",
        }
    }
}

/// Something about a comment that matters whatever its category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Insult, hate or threat.
    Abusive,
    /// Swear words, whatever the intent.
    Profanity,
    /// A phone number, e-mail, address, order or customer number.
    PersonalData,
    /// Safety, health, legal threat, a vulnerable person, an essential service down.
    Urgent,
}

/// A span of the comment (character offsets, end exclusive) and why it counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// The classifier's judgement of one comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub category: Category,
    pub flags: Vec<Flag>,
    pub confidence: f32,
    pub lang: Lang,
    pub cues: Vec<Cue>,
}

/// Classifies one comment. `lang_hint` overrides language identification when given.
///
/// Placeholder until the classifier issue lands: everything is neutral.
pub fn classify(text: &str, lang_hint: Option<Lang>) -> Verdict {
    Verdict {
        category: Category::Neutral,
        flags: Vec::new(),
        confidence: 0.0,
        lang: lang_hint.unwrap_or_else(|| detect_lang(text)),
        cues: Vec::new(),
    }
}

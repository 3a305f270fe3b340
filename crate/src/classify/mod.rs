//! The classifier: one comment in, one [`Verdict`] out.
//!
//! Owns: the category (complaint, question, praise, troll, spam, neutral), the flags (abusive,
//! profanity, personal data, urgent), the confidence, and the cues — the spans of the comment that
//! decided the verdict, so a trainee can see why.
//!
//! How it decides: [`features::Analysis`] reads the comment once (tokens, lexicon hits, negation
//! and quotation scope); the shipped linear [`model`] scores complaint, offensiveness and
//! sentiment from hashed features; [`rules`] weigh the lexicon evidence (targeted insults, hate,
//! threats, sarcasm, counter-speech, questions, spam) and combine both into the verdict. Rude
//! words never turn a complaint into trolling (P7); quoted or condemned insults are not abuse.

pub mod features;
pub mod lexicon;
pub mod model;
pub mod pii;
mod reason;
mod rules;

pub use reason::CueReason;

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
///
/// `reason` is the code of a [`CueReason`] (e.g. `"insult"`, `"sarcasm"`); use
/// [`Cue::reason_code`] and [`CueReason::describe`] for the words shown to people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

impl Cue {
    pub fn new(start: usize, end: usize, reason: CueReason) -> Cue {
        Cue {
            start,
            end,
            reason: reason.code().to_string(),
        }
    }

    /// The reason as a typed code, when it is one of Candor's.
    pub fn reason_code(&self) -> Option<CueReason> {
        CueReason::from_code(&self.reason)
    }
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

/// The scores behind a verdict, for modules that need more than the category (the thread summary's
/// temperature, the guide's tone). All in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// How much the comment reads as a complaint.
    pub complaint: f32,
    /// How offensive (insulting, hostile, swearing) it reads.
    pub offensive: f32,
    /// Sentiment: positive, negative and neutral sum to 1. Sarcasm moves weight to negative.
    pub positive: f32,
    pub negative: f32,
    pub neutral: f32,
}

impl Scores {
    /// One number for "how negative is this": negative sentiment, raised by offensiveness.
    pub fn negativity(&self) -> f32 {
        (self.negative + 0.5 * self.offensive * (1.0 - self.negative)).clamp(0.0, 1.0)
    }
}

/// A verdict with its scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysed {
    pub verdict: Verdict,
    pub scores: Scores,
}

/// Classifies one comment. `lang_hint` overrides language identification when given.
pub fn classify(text: &str, lang_hint: Option<Lang>) -> Verdict {
    analyse(text, lang_hint).verdict
}

/// Classifies one comment and returns the scores behind the verdict too.
pub fn analyse(text: &str, lang_hint: Option<Lang>) -> Analysed {
    rules::decide(text, lang_hint)
}

/// The language of a comment, as the classifier sees it (kept here for callers that only have
/// the classify module in scope).
pub fn language(text: &str) -> Lang {
    detect_lang(text)
}

#[cfg(test)]
mod tests;

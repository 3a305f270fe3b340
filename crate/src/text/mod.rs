//! Text normalisation and language identification.
//!
//! Owns: turning raw comment text into what the classifier reads (case, accents, elongations,
//! spacing and l33t variants, emoji and emoticons, URLs, mentions, hashtags), with a map back to the
//! character offsets of the original text, and telling French from English from anything else.

pub mod hash;
mod lang;
mod normalize;

pub use lang::detect_lang_tokens;
pub use normalize::{
    emoji_meaning, normalize, EmojiMeaning, Normalized, Token, TokenKind, MAX_CHARS,
};

use serde::{Deserialize, Serialize};

/// The language of a comment, as far as Candor cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    #[default]
    Other,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }
}

/// Identifies the language of `text` from function words, frequent words and letters (accents,
/// English "th"/"-ing"): French, English, or other when neither has the evidence.
pub fn detect_lang(text: &str) -> Lang {
    let normalized = normalize(text);
    detect_lang_tokens(text, &normalized)
}

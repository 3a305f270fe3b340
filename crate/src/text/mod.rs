//! Text normalisation and language identification.
//!
//! Owns: turning raw comment text into what the classifier reads (case, accents, elongations,
//! spacing and l33t variants, emoji and emoticons, URLs, mentions, hashtags), with a map back to the
//! character offsets of the original text, and telling French from English from anything else.

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

/// Identifies the language of `text`. Placeholder until the classifier issue lands.
pub fn detect_lang(text: &str) -> Lang {
    let lower = text.to_lowercase();
    let fr = [" le ", " la ", " les ", " est ", " pas ", " vous ", " je "]
        .iter()
        .filter(|w| lower.contains(*w))
        .count();
    let en = [" the ", " is ", " not ", " you ", " i ", " and "]
        .iter()
        .filter(|w| lower.contains(*w))
        .count();
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => Lang::Other,
    }
}

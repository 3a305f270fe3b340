//! Language identification: French, English or other.
//!
//! Owns: the word and letter evidence. Function words are the most reliable sign on short texts
//! (a tweet has few content words but always some "le", "the", "pas", "not"); accented letters and
//! English letter patterns settle the rest. Scripts other than Latin count against both.

use std::sync::OnceLock;

use super::hash::FnvMap;
use super::normalize::{Normalized, TokenKind};
use super::Lang;

/// Words that are (nearly) only French, with their weight.
const FRENCH: &[(&str, u8)] = &[
    ("le", 2),
    ("la", 1),
    ("les", 2),
    ("des", 2),
    ("du", 2),
    ("un", 1),
    ("une", 2),
    ("est", 2),
    ("et", 2),
    ("pas", 2),
    ("ne", 2),
    ("je", 2),
    ("tu", 2),
    ("il", 1),
    ("elle", 2),
    ("nous", 2),
    ("vous", 2),
    ("ils", 2),
    ("on", 0),
    ("ce", 2),
    ("cette", 2),
    ("ces", 2),
    ("mon", 2),
    ("ma", 1),
    ("mes", 2),
    ("ton", 1),
    ("ta", 1),
    ("tes", 1),
    ("son", 1),
    ("sa", 1),
    ("ses", 2),
    ("votre", 2),
    ("vos", 2),
    ("notre", 2),
    ("nos", 2),
    ("leur", 2),
    ("qui", 2),
    ("que", 2),
    ("quoi", 2),
    ("dans", 2),
    ("pour", 2),
    ("avec", 2),
    ("sur", 2),
    ("sans", 2),
    ("mais", 2),
    ("ou", 1),
    ("donc", 2),
    ("car", 1),
    ("tres", 2),
    ("plus", 1),
    ("tout", 2),
    ("tous", 2),
    ("rien", 2),
    ("jamais", 2),
    ("toujours", 2),
    ("encore", 2),
    ("deja", 2),
    ("bien", 1),
    ("merci", 3),
    ("bonjour", 3),
    ("salut", 2),
    ("avez", 2),
    ("ai", 1),
    ("suis", 2),
    ("sont", 2),
    ("etait", 2),
    ("fait", 2),
    ("faire", 2),
    ("peux", 2),
    ("pouvez", 3),
    ("comment", 1),
    ("pourquoi", 3),
    ("quand", 2),
    ("au", 1),
    ("aux", 2),
    ("c", 1),
    ("j", 1),
    ("l", 1),
    ("d", 1),
    ("qu", 2),
    ("y", 0),
    ("moi", 2),
    ("toi", 2),
    ("lui", 2),
    ("aussi", 2),
    ("vraiment", 3),
    ("nul", 2),
    ("super", 0),
    ("commande", 2),
    ("colis", 3),
    ("service", 0),
    ("client", 1),
    ("mdr", 3),
    ("ptdr", 3),
    ("bravo", 0),
    ("chez", 2),
    ("sont", 2),
    ("oui", 2),
    ("non", 1),
    ("franchement", 3),
];

/// Words that are (nearly) only English, with their weight.
const ENGLISH: &[(&str, u8)] = &[
    ("the", 3),
    ("a", 1),
    ("an", 1),
    ("is", 2),
    ("are", 2),
    ("was", 2),
    ("were", 2),
    ("be", 1),
    ("been", 2),
    ("and", 2),
    ("or", 1),
    ("not", 2),
    ("no", 1),
    ("i", 2),
    ("im", 2),
    ("you", 2),
    ("your", 2),
    ("he", 1),
    ("she", 2),
    ("we", 2),
    ("they", 2),
    ("it", 2),
    ("its", 2),
    ("this", 2),
    ("that", 2),
    ("these", 2),
    ("those", 2),
    ("my", 2),
    ("our", 2),
    ("their", 2),
    ("what", 2),
    ("who", 2),
    ("why", 2),
    ("how", 2),
    ("when", 2),
    ("where", 2),
    ("of", 2),
    ("to", 2),
    ("in", 1),
    ("on", 1),
    ("for", 2),
    ("with", 2),
    ("at", 1),
    ("from", 2),
    ("by", 1),
    ("but", 2),
    ("so", 1),
    ("very", 2),
    ("just", 2),
    ("all", 1),
    ("have", 2),
    ("has", 2),
    ("had", 2),
    ("do", 2),
    ("does", 2),
    ("did", 2),
    ("dont", 3),
    ("cant", 2),
    ("wont", 2),
    ("will", 2),
    ("would", 2),
    ("can", 2),
    ("could", 2),
    ("should", 2),
    ("thanks", 3),
    ("thank", 3),
    ("please", 3),
    ("hi", 1),
    ("hello", 2),
    ("love", 2),
    ("great", 2),
    ("good", 2),
    ("bad", 2),
    ("worst", 2),
    ("best", 2),
    ("still", 2),
    ("again", 2),
    ("never", 2),
    ("get", 2),
    ("got", 2),
    ("any", 2),
    ("me", 1),
    ("there", 2),
    ("here", 2),
    ("lol", 2),
    ("about", 2),
    ("if", 2),
];

/// Per word: (French weight, English weight), built once.
fn table() -> &'static FnvMap<&'static str, (u8, u8)> {
    static TABLE: OnceLock<FnvMap<&'static str, (u8, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FnvMap<&'static str, (u8, u8)> = FnvMap::default();
        for &(w, weight) in FRENCH {
            map.entry(w).or_default().0 = weight;
        }
        for &(w, weight) in ENGLISH {
            map.entry(w).or_default().1 = weight;
        }
        map
    })
}

/// Identifies the language from the tokens of `text` (already normalised) and its letters.
pub fn detect_lang_tokens(text: &str, normalized: &Normalized) -> Lang {
    let mut fr = 0u32;
    let mut en = 0u32;
    for token in &normalized.tokens {
        if token.kind != TokenKind::Word {
            continue;
        }
        let w = token.norm.as_str();
        if let Some(&(f, e)) = table().get(w) {
            fr += u32::from(f);
            en += u32::from(e);
        }
        if w.ends_with("ing") && w.len() > 4 {
            en += 1;
        }
        if w.starts_with("th") && w.len() > 3 {
            en += 1;
        }
        if (w.ends_with("eux") || w.ends_with("ment") || w.ends_with("tion") && w.len() > 6)
            && w.len() > 4
        {
            fr += 1;
        }
    }
    // Letters: accents lean French; other scripts lean to neither.
    let mut accents = 0u32;
    let mut latin = 0u32;
    let mut foreign = 0u32;
    // ASCII text has neither accents nor other scripts: skip the letter count.
    let ascii = text.len() <= 600 && text.is_ascii();
    for c in text.chars().take(if ascii { 0 } else { 600 }) {
        match c {
            'é' | 'è' | 'ê' | 'à' | 'ç' | 'ù' | 'â' | 'î' | 'ô' | 'û' | 'ë' | 'ï' | 'œ' | 'É'
            | 'È' | 'À' | 'Ç' => accents += 1,
            'a'..='z' | 'A'..='Z' => latin += 1,
            c if c.is_alphabetic() => foreign += 1,
            _ => {}
        }
    }
    fr += accents.min(4);
    if !ascii && foreign > latin + accents {
        return Lang::Other;
    }
    if fr == 0 && en == 0 {
        return Lang::Other;
    }
    if fr > en {
        Lang::Fr
    } else if en > fr {
        Lang::En
    } else {
        Lang::Other
    }
}

#[cfg(test)]
mod tests {
    use super::super::detect_lang;
    use super::*;

    #[test]
    fn languages_are_told_apart_even_on_short_texts() {
        let cases: [(&str, Lang); 16] = [
            ("Merci !", Lang::Fr),
            ("thanks!", Lang::En),
            ("Votre service client est nul", Lang::Fr),
            ("your customer service is the worst", Lang::En),
            ("pas du tout satisfait", Lang::Fr),
            ("Pouvez-vous m'aider ?", Lang::Fr),
            ("Can you help me?", Lang::En),
            ("Colis toujours pas arrivé", Lang::Fr),
            ("still waiting for my refund", Lang::En),
            ("super, third outage this week 👏", Lang::En),
            ("Très déçu", Lang::Fr),
            ("c'est une honte", Lang::Fr),
            ("Das ist sehr schlecht", Lang::Other),
            ("مرحبا بالعالم", Lang::Other),
            ("🙂🙂", Lang::Other),
            ("", Lang::Other),
        ];
        for (text, want) in cases {
            assert_eq!(detect_lang(text), want, "{text}");
        }
    }
}

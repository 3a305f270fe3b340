//! The draft as every check reads it, computed once per call.
//!
//! Owns: folding (lowercase, accents and combining marks removed, typographic apostrophes, dashes
//! and spaces made plain) with a map from each folded byte back to the original character, so a
//! regex run on the folded text still reports character offsets of the draft; the words with their
//! stems and synonym classes; links, mentions, hashtags and e-mail addresses; sentences; emoji.

use std::ops::Range;

use super::lexicon;

/// What kind of non-word token a whitespace-separated chunk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityKind {
    Link,
    Mention,
    Hashtag,
    Email,
}

/// A link, @mention, #hashtag or e-mail address: never split into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entity {
    pub kind: EntityKind,
    /// Character span in the draft.
    pub start: usize,
    pub end: usize,
    /// The folded text of the entity.
    pub text: String,
}

/// One word of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Folded form (lowercase, no accents).
    pub text: String,
    /// Length in bytes of the light FR/EN stem, always a prefix of `text`.
    stem_len: usize,
    /// Synonym class when the word belongs to one (shared by FR and EN words of the same meaning).
    pub class: Option<&'static str>,
    /// A function word (article, pronoun, auxiliary…).
    pub stop: bool,
    /// Character span in the draft.
    pub start: usize,
    pub end: usize,
    /// Byte span in the folded text.
    pub folded: Range<usize>,
}

impl Word {
    /// The form used to compare meanings: the synonym class, else the stem.
    pub fn canon(&self) -> &str {
        self.class.unwrap_or(self.stem())
    }

    /// The light FR/EN stem (see [`lexicon::stem_len`]).
    pub fn stem(&self) -> &str {
        &self.text[..self.stem_len]
    }
}

/// A draft (or any text) prepared for the checks.
#[derive(Debug, Clone)]
pub(crate) struct Analysis<'a> {
    pub original: &'a str,
    pub folded: String,
    /// For each byte of `folded`, the index of the original character it came from.
    origin: Vec<u32>,
    /// Byte offset in `original` of each character, plus the length at the end.
    char_bytes: Vec<usize>,
    pub words: Vec<Word>,
    pub entities: Vec<Entity>,
}

impl<'a> Analysis<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut folded = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut char_bytes = Vec::with_capacity(original.len() + 1);
        for (index, (byte, c)) in original.char_indices().enumerate() {
            char_bytes.push(byte);
            fold_char(c, &mut folded);
            origin.resize(folded.len(), index as u32);
        }
        char_bytes.push(original.len());
        let mut analysis = Analysis {
            original,
            folded,
            origin,
            char_bytes,
            words: Vec::new(),
            entities: Vec::new(),
        };
        analysis.tokenize();
        analysis
    }

    /// Number of characters of the draft.
    pub fn char_count(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// Character span of the draft that a byte range of the folded text came from.
    pub fn span(&self, folded: Range<usize>) -> (usize, usize) {
        let start = self
            .origin
            .get(folded.start)
            .map_or(self.char_count(), |&c| c as usize);
        let end = if folded.end > folded.start {
            self.origin
                .get(folded.end - 1)
                .map_or(self.char_count(), |&c| c as usize + 1)
        } else {
            start
        };
        (start, end)
    }

    /// The draft's text between two character offsets.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let last = self.char_count();
        let (start, end) = (start.min(last), end.min(last));
        &self.original[self.char_bytes[start]..self.char_bytes[end.max(start)]]
    }

    /// The draft's text between two character offsets, cut to a readable length for a message.
    pub fn quote(&self, start: usize, end: usize) -> String {
        const LONGEST: usize = 60;
        let text = self.slice(start, end).trim();
        if text.chars().count() <= LONGEST {
            text.to_string()
        } else {
            let cut: String = text.chars().take(LONGEST - 1).collect();
            format!("{}…", cut.trim_end())
        }
    }

    /// Byte ranges of the folded text, one per sentence (split at . ! ? … and line breaks followed
    /// by a space or the end; a dot inside a link or a number does not split).
    pub fn sentences(&self) -> Vec<Range<usize>> {
        let bytes = self.folded.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let is_end =
                matches!(b, b'.' | b'!' | b'?' | b'\n') || self.folded[i..].starts_with('…');
            if is_end {
                let mut j = i + if b < 0x80 { 1 } else { '…'.len_utf8() };
                while j < bytes.len()
                    && (matches!(bytes[j], b'.' | b'!' | b'?' | b'\n' | b' ')
                        || self.folded[j..].starts_with('…'))
                {
                    j += if bytes[j] < 0x80 { 1 } else { '…'.len_utf8() };
                }
                if b == b'\n' || j >= bytes.len() || bytes[j - 1] == b' ' || bytes[j - 1] == b'\n' {
                    out.push(start..j);
                    start = j;
                }
                i = j;
            } else {
                i += utf8_len(b);
            }
        }
        if start < bytes.len() {
            out.push(start..bytes.len());
        }
        out
    }

    /// The sentence (folded byte range) holding a folded byte offset; `sentences` as returned by
    /// [`Analysis::sentences`] (sorted, contiguous), searched by halves so many matches stay cheap.
    pub fn sentence_at(&self, sentences: &[Range<usize>], byte: usize) -> Range<usize> {
        let at = sentences.partition_point(|s| s.end <= byte);
        sentences
            .get(at)
            .filter(|s| s.contains(&byte))
            .cloned()
            .unwrap_or(0..self.folded.len())
    }

    /// Character spans of emoji (a sequence joined by ZWJ, variation selectors, skin tones or a
    /// flag pair counts as one).
    pub fn emoji(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut joined = false;
        // A regional indicator waiting for the second half of its flag.
        let mut flag_open = false;
        for (index, c) in self.original.chars().enumerate() {
            if is_emoji(c) {
                let touching = out.last().is_some_and(|l| l.1 == index);
                match out.last_mut() {
                    Some(last) if joined || (touching && is_modifier(c)) => last.1 = index + 1,
                    Some(last) if touching && flag_open && is_regional(c) => {
                        last.1 = index + 1;
                        flag_open = false;
                    }
                    _ => {
                        out.push((index, index + 1));
                        flag_open = is_regional(c);
                    }
                }
                joined = false;
            } else if c == '\u{200D}' || c == '\u{FE0F}' {
                joined = c == '\u{200D}' && out.last().is_some_and(|l| l.1 == index);
                if let Some(last) = out.last_mut() {
                    if last.1 == index {
                        last.1 = index + 1;
                    }
                }
            } else {
                joined = false;
                flag_open = false;
            }
        }
        out
    }

    fn tokenize(&mut self) {
        let folded = std::mem::take(&mut self.folded);
        let mut chunk_start = None;
        for (i, c) in folded.char_indices().chain([(folded.len(), ' ')]) {
            if c.is_whitespace() {
                if let Some(s) = chunk_start.take() {
                    self.chunk(&folded, s, i);
                }
            } else if chunk_start.is_none() {
                chunk_start = Some(i);
            }
        }
        self.folded = folded;
    }

    /// One whitespace-separated chunk: an entity, or words.
    fn chunk(&mut self, folded: &str, start: usize, end: usize) {
        let raw = &folded[start..end];
        let trimmed_start = raw
            .find(|c: char| !matches!(c, '(' | '[' | '"' | '\'' | '«' | '<'))
            .unwrap_or(raw.len());
        let core = raw[trimmed_start..].trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '»' | '>' | '…'
            )
        });
        let core_start = start + trimmed_start;
        let core_end = core_start + core.len();
        if let Some(kind) = entity_kind(core) {
            let (s, e) = self.span(core_start..core_end);
            self.entities.push(Entity {
                kind,
                start: s,
                end: e,
                text: core.to_string(),
            });
            return;
        }
        let mut word_start = None;
        for (i, c) in raw.char_indices().chain([(raw.len(), ' ')]) {
            if c.is_alphanumeric() {
                if word_start.is_none() {
                    word_start = Some(i);
                }
            } else if let Some(ws) = word_start.take() {
                let range = start + ws..start + i;
                let text = folded[range.clone()].to_string();
                let (s, e) = self.span(range.clone());
                let (stop, class) = lexicon::lookup(&text);
                let stem_len = lexicon::stem_len(&text);
                self.words.push(Word {
                    text,
                    stem_len,
                    class,
                    stop,
                    start: s,
                    end: e,
                    folded: range,
                });
            }
        }
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

fn entity_kind(core: &str) -> Option<EntityKind> {
    if core.len() < 2 {
        return None;
    }
    if core.starts_with('@') {
        return Some(EntityKind::Mention);
    }
    if core.starts_with('#') {
        return Some(EntityKind::Hashtag);
    }
    if core.contains("://") || core.starts_with("www.") {
        return Some(EntityKind::Link);
    }
    if let Some(at) = core.find('@') {
        let (user, domain) = (&core[..at], &core[at + 1..]);
        if !user.is_empty() && domain.contains('.') && !domain.ends_with('.') {
            return Some(EntityKind::Email);
        }
    }
    if looks_like_domain(core) {
        return Some(EntityKind::Link);
    }
    None
}

/// `brand.com`, `aide.marque.fr/contact`: a host with a known top-level domain.
fn looks_like_domain(core: &str) -> bool {
    const TLDS: [&str; 18] = [
        "com", "fr", "net", "org", "io", "co", "be", "ch", "ca", "eu", "uk", "ly", "gl", "me",
        "info", "shop", "store", "app",
    ];
    let host = core.split(['/', '?', '#']).next().unwrap_or("");
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        // "ways...be" is an ellipsis, not a host: every label has a letter or digit.
        && host.split('.').all(|label| !label.is_empty())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && TLDS.contains(&tld)
}

/// Appends the folded form of one character.
fn fold_char(c: char, out: &mut String) {
    match c {
        // Combining marks (accents typed separately, zalgo): dropped.
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' => {}
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{00B4}' | '`' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{3000}' => {
            out.push(' ')
        }
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
        '\r' | '\u{2028}' | '\u{2029}' => out.push('\n'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for lower in c.to_lowercase() {
                match strip_accent(lower) {
                    Some(plain) => out.push_str(plain),
                    None => out.push(lower),
                }
            }
        }
    }
}

fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ś' | 'š' | 'ş' => "s",
        'ź' | 'ż' | 'ž' => "z",
        'ł' => "l",
        'ř' => "r",
        'ť' => "t",
        'ď' => "d",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// A character that shows as an emoji on its own.
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55 | 0x2B1B | 0x2B1C
        | 0x203C | 0x2049 | 0x3030 | 0x303D)
        // Only the arrows that render as emoji; the rest are plain punctuation.
        || matches!(c, '\u{2194}'..='\u{2199}' | '\u{21A9}' | '\u{21AA}')
}

fn is_modifier(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF)
}

fn is_regional(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word as (folded text, start, end) in characters.
    type Spanned<'a> = (&'a str, usize, usize);

    #[test]
    fn folding_keeps_character_offsets() {
        // (text, folded, the words as (folded, start, end) in characters)
        let cases: &[(&str, &str, &[Spanned])] = &[
            ("Désolé", "desole", &[("desole", 0, 6)]),
            (
                "Nous sommes DÉSOLÉS",
                "nous sommes desoles",
                &[("nous", 0, 4), ("sommes", 5, 11), ("desoles", 12, 19)],
            ),
            ("l’équipe", "l'equipe", &[("l", 0, 1), ("equipe", 2, 8)]),
            ("cœur", "coeur", &[("coeur", 0, 4)]),
            // Zalgo: the combining marks vanish from the folded text, not from the offsets.
            ("z\u{0301}\u{0302}ut", "zut", &[("zut", 0, 5)]),
            ("merci\u{00A0}!", "merci !", &[("merci", 0, 5)]),
            (
                "Hello 👋 Sam",
                "hello 👋 sam",
                &[("hello", 0, 5), ("sam", 8, 11)],
            ),
            (
                "שלום world",
                "שלום world",
                &[("שלום", 0, 4), ("world", 5, 10)],
            ),
            ("", "", &[]),
        ];
        for (text, folded, words) in cases {
            let a = Analysis::new(text);
            assert_eq!(&a.folded, folded, "{text}");
            let got: Vec<Spanned> = a
                .words
                .iter()
                .map(|w| (w.text.as_str(), w.start, w.end))
                .collect();
            assert_eq!(&got, words, "{text}");
        }
    }

    /// (text, its entities as (kind, folded text), its words)
    type EntityCase<'a> = (&'a str, &'a [(EntityKind, &'a str)], &'a [&'a str]);

    #[test]
    fn entities_are_not_split_into_words() {
        let cases: &[EntityCase] = &[
            (
                "Voir https://marque.fr/aide, merci",
                &[(EntityKind::Link, "https://marque.fr/aide")],
                &["voir", "merci"],
            ),
            (
                "écrivez à sav@marque.fr.",
                &[(EntityKind::Email, "sav@marque.fr")],
                &["ecrivez", "a"],
            ),
            (
                "@Julie_B merci #SAV",
                &[
                    (EntityKind::Mention, "@julie_b"),
                    (EntityKind::Hashtag, "#sav"),
                ],
                &["merci"],
            ),
            (
                "go to brand.com/help now",
                &[(EntityKind::Link, "brand.com/help")],
                &["go", "to", "now"],
            ),
            (
                "version 2.5 is out",
                &[],
                &["version", "2", "5", "is", "out"],
            ),
        ];
        for (text, entities, words) in cases {
            let a = Analysis::new(text);
            let got: Vec<(EntityKind, &str)> = a
                .entities
                .iter()
                .map(|e| (e.kind, e.text.as_str()))
                .collect();
            assert_eq!(&got, entities, "{text}");
            let got: Vec<&str> = a.words.iter().map(|w| w.text.as_str()).collect();
            assert_eq!(&got, words, "{text}");
        }
    }

    #[test]
    fn sentences_split_at_ends_not_inside_links() {
        let cases: &[(&str, usize)] = &[
            ("One. Two! Three?", 3),
            ("Voir marque.fr pour 2.5 euros.", 1),
            ("Merci !!! Vraiment.\nÀ bientôt", 3),
            ("no end at all", 1),
            ("", 0),
        ];
        for (text, count) in cases {
            assert_eq!(Analysis::new(text).sentences().len(), *count, "{text}");
        }
    }

    #[test]
    fn emoji_clusters_count_once() {
        let cases: &[(&str, usize)] = &[
            ("merci 😊", 1),
            ("bravo 👏🏽👏🏽", 2),
            ("famille 👨‍👩‍👧 !", 1),
            ("drapeau 🇫🇷🇧🇪", 2),
            ("sourire puis drapeau 😊🇫🇷", 2),
            ("cœur ❤️ et étoile ⭐", 2),
            ("aucun emoji → ici", 0),
        ];
        for (text, count) in cases {
            assert_eq!(Analysis::new(text).emoji().len(), *count, "{text}");
        }
    }

    #[test]
    fn slices_and_quotes_by_characters() {
        let a = Analysis::new("Ça coûte très cher");
        assert_eq!(a.slice(3, 8), "coûte");
        assert_eq!(a.slice(14, 99), "cher");
        let long = "é".repeat(100);
        let b = Analysis::new(&long);
        assert_eq!(b.quote(0, 100).chars().count(), 60);
    }
}

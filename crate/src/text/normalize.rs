//! Tokenisation and normalisation of one comment.
//!
//! Owns: cutting raw text into [`Token`]s that each remember the character span of the original
//! text they came from, and giving each word a normal form (lowercase, no accents, elongations
//! shortened) and a lexicon key (l33t decoded, every doubled letter collapsed) so that "NUUUUL",
//! "nul", "1d10t" and "idiot" meet the same entry. URLs, e-mails, @mentions, #hashtags, emoji and
//! emoticons become tokens of their own kind; emoji carry a meaning.

/// The most characters of one comment that are read. Platforms cap comments well below this
/// (X long posts at 25,000); the rest of a longer text is ignored and the verdict says so.
pub const MAX_CHARS: usize = 25_000;

/// What an emoji or emoticon means for the classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmojiMeaning {
    /// Smiles, hearts, thumbs up, party.
    Positive,
    /// Anger, tears, thumbs down, vomit.
    Negative,
    /// Laughing until crying: mockery as often as joy.
    Laugh,
    /// Clapping, upside-down face, smirk: sincere or sarcastic, context decides.
    Ambiguous,
    /// Eye-roll, clown, facepalm, yawn: exasperation, never praise.
    Mocking,
    /// Middle finger, poo, skull aimed at someone.
    Rude,
    /// Any other pictograph.
    Other,
}

impl EmojiMeaning {
    pub fn as_str(self) -> &'static str {
        match self {
            EmojiMeaning::Positive => "emo_pos",
            EmojiMeaning::Negative => "emo_neg",
            EmojiMeaning::Laugh => "emo_laugh",
            EmojiMeaning::Ambiguous => "emo_amb",
            EmojiMeaning::Mocking => "emo_mock",
            EmojiMeaning::Rude => "emo_rude",
            EmojiMeaning::Other => "emo_other",
        }
    }
}

/// The kind of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Url,
    Email,
    Mention,
    Hashtag,
    Emoji(EmojiMeaning),
    /// `?`, `!`, a quotation mark (all styles become `"`), or other punctuation.
    Punct(char),
}

/// One token with its span in the original text (characters, end exclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    /// Lowercase, accents removed, runs of three or more equal letters shortened to two.
    pub norm: String,
    /// The lexicon key: `norm` with l33t digits/symbols read as letters and runs of three or more
    /// equal letters collapsed to one ("1d10t" → "idiot", "connaaard" → "connard", "nuuul" → "nul").
    pub key: String,
    pub start: usize,
    pub end: usize,
    /// A letter was repeated three times or more ("nuuuul"): emphasis.
    pub elongated: bool,
    /// Written in capitals (three letters or more): shouting.
    pub shouted: bool,
    /// Holds a `*` or similar mask ("f*ck"): matched against the lexicon with wildcards.
    pub masked: bool,
}

/// A comment cut into tokens.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub tokens: Vec<Token>,
    /// Characters of the original text (before truncation).
    pub char_len: usize,
    /// Characters actually read (`min(char_len, MAX_CHARS)`).
    pub read_len: usize,
}

impl Normalized {
    /// True when the text was longer than [`MAX_CHARS`] and only its beginning was read.
    pub fn truncated(&self) -> bool {
        self.read_len < self.char_len
    }
}

/// Removes the accent of a lowercase Latin letter; ligatures become two letters.
fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => {
            out.push_str("oe");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        // Combining marks (zalgo, decomposed accents) carry nothing we read.
        '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}' => return,
        // Fullwidth forms, as used to dodge filters.
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        other => other,
    };
    out.push(folded);
}

/// How a character inside a word reads when someone writes l33t.
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' | '|' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        _ => return None,
    })
}

fn is_mask(c: char) -> bool {
    matches!(c, '*' | '#' | '%' | '•' | '_' | '-' | '.')
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’' | '„' | '‹' | '›' | '`' | '´'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`' | '´')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe00}'..='\u{fe0f}' | '\u{200d}')
}

/// The meaning of a pictograph, or `None` when `c` is not one.
pub fn emoji_meaning(c: char) -> Option<EmojiMeaning> {
    use EmojiMeaning::*;
    let meaning = match c {
        '😀' | '😃' | '😄' | '😁' | '😊' | '🙂' | '😍' | '🥰' | '😘' | '😻' | '🤩' | '😎'
        | '🥳' | '❤' | '♥' | '💕' | '💖' | '💗' | '💙' | '💚' | '💛' | '💜' | '🧡' | '🖤'
        | '🤍' | '💯' | '👍' | '🙏' | '🎉' | '🎊' | '✨' | '🌟' | '⭐' | '🔥' | '💪' | '🤗'
        | '😇' | '☺' | '😌' | '👌' | '🥂' | '🍾' | '🏆' | '✅' | '😋' | '💝' | '🌹' | '💐'
        | '😉' | '😆' | '😅' => Positive,
        '😡' | '😠' | '🤬' | '😤' | '😞' | '😢' | '😭' | '👎' | '😩' | '😫' | '😖' | '😣'
        | '😰' | '😱' | '😓' | '😔' | '😟' | '🙁' | '☹' | '😕' | '🤮' | '🤢' | '💔' | '😿'
        | '😾' | '😑' | '😐' | '😬' | '🤯' | '⚠' | '❌' | '🚫' | '😪' | '🥺' | '😥' => {
            Negative
        }
        '😂' | '🤣' | '😹' => Laugh,
        '👏' | '🙃' | '😏' | '🤔' | '🤷' => Ambiguous,
        '🙄' | '🤡' | '🥱' | '😒' | '🤦' => Mocking,
        '🖕' | '💩' | '💀' | '🐷' | '🐖' | '🐒' | '🐵' | '🔪' | '🔫' | '💣' | '🐍' | '🐀' => {
            Rude
        }
        '\u{1f300}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{2b00}'..='\u{2bff}' => Other,
        _ => return None,
    };
    Some(meaning)
}

/// Emoticons written with ASCII, longest first so ":-)" wins over ":-".
const EMOTICONS: [(&str, EmojiMeaning); 22] = [
    (">:-(", EmojiMeaning::Negative),
    (":'-(", EmojiMeaning::Negative),
    (">:(", EmojiMeaning::Negative),
    (":'(", EmojiMeaning::Negative),
    (":-)", EmojiMeaning::Positive),
    (":-(", EmojiMeaning::Negative),
    (":-D", EmojiMeaning::Positive),
    (";-)", EmojiMeaning::Positive),
    (":-/", EmojiMeaning::Negative),
    (":-p", EmojiMeaning::Laugh),
    (":-P", EmojiMeaning::Laugh),
    (":)", EmojiMeaning::Positive),
    (":(", EmojiMeaning::Negative),
    (":D", EmojiMeaning::Positive),
    (";)", EmojiMeaning::Positive),
    ("<3", EmojiMeaning::Positive),
    (":/", EmojiMeaning::Negative),
    (":p", EmojiMeaning::Laugh),
    (":P", EmojiMeaning::Laugh),
    ("xD", EmojiMeaning::Laugh),
    ("XD", EmojiMeaning::Laugh),
    ("^^", EmojiMeaning::Positive),
];

/// French elided articles and pronouns: "l'avion" is two words, "don't" is one.
fn is_elision(prefix: &str) -> bool {
    matches!(
        prefix,
        "l" | "d" | "j" | "c" | "s" | "n" | "m" | "t" | "qu" | "jusqu" | "lorsqu" | "puisqu"
    )
}

/// Normalises the letters of a word: lowercase, fold accents, shorten elongations. Returns the
/// normal form, whether it was elongated, and the lexicon key.
fn normalize_word(raw: &[char]) -> (String, bool, String, bool) {
    let has_letter = raw.iter().any(|c| c.is_alphabetic());
    // Most words are ASCII: lowercase on the fly without an intermediate string.
    if raw.iter().all(char::is_ascii) {
        return shape_word(
            raw.iter().map(|c| c.to_ascii_lowercase()),
            raw.len(),
            has_letter,
        );
    }
    let mut lower = String::with_capacity(raw.len() + 4);
    for &c in raw {
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                fold_char(l, &mut lower);
            }
        }
    }
    shape_word(lower.chars(), lower.len(), has_letter)
}

/// Builds the normal form and the key from lowercase, accent-free characters.
fn shape_word(
    lower: impl Iterator<Item = char>,
    len: usize,
    has_letter: bool,
) -> (String, bool, String, bool) {
    let mut norm = String::with_capacity(len);
    let mut key = String::with_capacity(len);
    let mut elongated = false;
    let mut masked = false;
    let mut prev = '\0';
    let mut run = 0;
    let mut prev_key = '\0';
    let mut key_run = 0;
    for c in lower {
        if c == prev {
            run += 1;
        } else {
            run = 1;
            prev = c;
        }
        if run <= 2 {
            norm.push(c);
        } else if c.is_alphabetic() {
            elongated = true;
        } else {
            norm.push(c);
        }
        let k = if has_letter { leet(c).unwrap_or(c) } else { c };
        if is_mask(k) && has_letter {
            masked = true;
            key.push('*');
            prev_key = '*';
            key_run = 0;
            continue;
        }
        if k == prev_key {
            key_run += 1;
        } else {
            key_run = 1;
        }
        key.push(k);
        prev_key = k;
        // Elongation: three or more of a letter read as one ("nuuuul" → "nul").
        if key_run == 3 && k.is_alphabetic() {
            key.pop();
            key.pop();
        } else if key_run > 3 && k.is_alphabetic() {
            key.pop();
        }
    }
    (norm, elongated, key, masked)
}

/// Cuts `text` into tokens. Never fails; reads at most [`MAX_CHARS`] characters.
pub fn normalize(text: &str) -> Normalized {
    let mut chars: Vec<char> = Vec::with_capacity(text.len().min(MAX_CHARS * 4));
    let mut char_len = 0;
    for c in text.chars() {
        if char_len < MAX_CHARS {
            chars.push(c);
        }
        char_len += 1;
    }
    let read_len = chars.len();
    let mut tokens = Vec::with_capacity(read_len / 4 + 1);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || is_combining(c) {
            i += 1;
            continue;
        }
        // URLs: scheme or www., up to the next space.
        if starts_with_ci(&chars[i..], "http://")
            || starts_with_ci(&chars[i..], "https://")
            || starts_with_ci(&chars[i..], "www.")
        {
            let end = scan_until_space(&chars, i);
            tokens.push(simple(TokenKind::Url, "url", i, end));
            i = end;
            continue;
        }
        if let Some((len, meaning)) = emoticon_at(&chars, i) {
            tokens.push(simple(
                TokenKind::Emoji(meaning),
                meaning.as_str(),
                i,
                i + len,
            ));
            i += len;
            continue;
        }
        if let Some(meaning) = emoji_meaning(c) {
            tokens.push(simple(
                TokenKind::Emoji(meaning),
                meaning.as_str(),
                i,
                i + 1,
            ));
            i += 1;
            continue;
        }
        if (c == '@' || c == '#') && i + 1 < chars.len() && is_word_char(chars[i + 1]) {
            let mut end = i + 1;
            while end < chars.len() && (is_word_char(chars[end]) || chars[end] == '_') {
                end += 1;
            }
            let body: String = chars[i + 1..end].iter().collect();
            let (norm, _, key, _) = normalize_word(&chars[i + 1..end]);
            if c == '@' {
                tokens.push(Token {
                    kind: TokenKind::Mention,
                    norm: "@mention".into(),
                    key: body.to_lowercase(),
                    start: i,
                    end,
                    elongated: false,
                    shouted: false,
                    masked: false,
                });
            } else {
                tokens.push(Token {
                    kind: TokenKind::Hashtag,
                    norm,
                    key,
                    start: i,
                    end,
                    elongated: false,
                    shouted: false,
                    masked: false,
                });
            }
            i = end;
            continue;
        }
        if is_word_char(c)
            || (leet(c).is_some() && !matches!(c, '!' | '|') && next_is_letter(&chars, i))
        {
            // Always move forward, whatever the word reader decided.
            i = word_at(&chars, i, &mut tokens).max(i + 1);
            continue;
        }
        if is_quote(c) {
            tokens.push(simple(TokenKind::Punct('"'), "\"", i, i + 1));
            i += 1;
            continue;
        }
        // Runs of the same punctuation ("!!!", "???") are one token.
        let mut end = i + 1;
        while end < chars.len() && chars[end] == c {
            end += 1;
        }
        let mut s = String::new();
        s.push(c);
        tokens.push(simple(TokenKind::Punct(c), &s, i, end));
        i = end;
    }
    Normalized {
        tokens,
        char_len,
        read_len,
    }
}

fn simple(kind: TokenKind, norm: &str, start: usize, end: usize) -> Token {
    Token {
        kind,
        norm: norm.to_string(),
        key: norm.to_string(),
        start,
        end,
        elongated: false,
        shouted: false,
        masked: false,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn next_is_letter(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
        && (i == 0 || !chars[i - 1].is_alphanumeric())
}

fn starts_with_ci(chars: &[char], prefix: &str) -> bool {
    let mut it = chars.iter();
    prefix
        .chars()
        .all(|p| it.next().is_some_and(|c| c.to_ascii_lowercase() == p))
}

fn scan_until_space(chars: &[char], from: usize) -> usize {
    let mut end = from;
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    end
}

fn emoticon_at(chars: &[char], i: usize) -> Option<(usize, EmojiMeaning)> {
    let c = chars[i];
    if !matches!(c, ':' | ';' | '>' | '<' | 'x' | 'X' | '^') {
        return None;
    }
    // An emoticon stands alone: not inside a word or a URL.
    if i > 0 && chars[i - 1].is_alphanumeric() {
        return None;
    }
    for (face, meaning) in EMOTICONS {
        let n = face.chars().count();
        if i + n <= chars.len() && chars[i..i + n].iter().copied().eq(face.chars()) {
            let after = chars.get(i + n);
            if after.is_none_or(|a| !a.is_alphanumeric()) {
                return Some((n, meaning));
            }
        }
    }
    None
}

/// The end of an e-mail address starting at `start`, if one does.
fn email_at(chars: &[char], start: usize) -> Option<usize> {
    let mut end = start;
    let mut at = None;
    while end < chars.len() && !chars[end].is_whitespace() && end - start < 254 {
        let c = chars[end];
        if c == '@' {
            if at.is_some() {
                return None;
            }
            at = Some(end);
        } else if !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+')) {
            break;
        }
        end += 1;
    }
    // Trailing sentence punctuation is not part of the address.
    while end > start && matches!(chars[end - 1], '.' | '-' | '_') {
        end -= 1;
    }
    let at = at?;
    let domain = &chars[at + 1..end];
    let dot = domain.iter().rposition(|&c| c == '.')?;
    (at > start && dot > 0 && dot + 2 < domain.len() + 1 && dot + 1 < domain.len()).then_some(end)
}

/// Top-level domains that make "word.tld" a link rather than two words.
fn is_tld(s: &str) -> bool {
    matches!(
        s,
        "com"
            | "net"
            | "org"
            | "fr"
            | "io"
            | "co"
            | "ly"
            | "be"
            | "ch"
            | "info"
            | "biz"
            | "me"
            | "tv"
            | "xyz"
            | "uk"
            | "de"
            | "ru"
            | "gl"
            | "gg"
            | "app"
            | "shop"
            | "site"
            | "live"
    )
}

fn alnum_run(chars: &[char], from: usize) -> usize {
    let mut end = from;
    while end < chars.len() && chars[end].is_alphanumeric() {
        end += 1;
    }
    end
}

/// Reads a word starting at `start` (letters, digits, inner l33t symbols and masks, dotted or
/// dashed spelling, apostrophes); pushes one or two tokens (French elision splits) and returns
/// where it ended. E-mails and bare domains become one token of their own kind.
fn word_at(chars: &[char], start: usize, tokens: &mut Vec<Token>) -> usize {
    if let Some(email_end) = email_at(chars, start) {
        tokens.push(simple(TokenKind::Email, "email", start, email_end));
        return email_end;
    }
    // The caller checked that the first character opens a word: take it whatever it is ("$hit").
    let mut end = start + 1;
    let mut segment_start = start;
    while end < chars.len() {
        let c = chars[end];
        if is_word_char(c) || is_combining(c) {
            end += 1;
            continue;
        }
        let next_alnum = chars.get(end + 1).is_some_and(|n| n.is_alphanumeric());
        if c == '@' && end > start && next_alnum {
            // user@domain.tld
            let mut tail = end + 1;
            loop {
                tail = alnum_run(chars, tail);
                if tail + 1 < chars.len()
                    && matches!(chars[tail], '.' | '-' | '_')
                    && chars[tail + 1].is_alphanumeric()
                {
                    tail += 1;
                } else {
                    break;
                }
            }
            if chars[end + 1..tail].contains(&'.') {
                tokens.push(simple(TokenKind::Email, "email", start, tail));
                return tail;
            }
        }
        if matches!(c, '.' | '-' | '_') && next_alnum {
            let run_end = alnum_run(chars, end + 1);
            let run: String = chars[end + 1..run_end].iter().collect();
            if c == '.' && is_tld(&run.to_lowercase()) {
                // A bare domain, with its path if any.
                let url_end = if chars.get(run_end) == Some(&'/') {
                    scan_until_space(chars, run_end)
                } else {
                    run_end
                };
                tokens.push(simple(TokenKind::Url, "url", start, url_end));
                return url_end;
            }
            // Dotted or dashed spelling of single letters: "f.u.c.k", "c-o-n".
            if end - segment_start == 1 && run_end - (end + 1) == 1 {
                end += 1;
                segment_start = end;
                continue;
            }
            break;
        }
        let inner = end > start
            && chars
                .get(end + 1)
                .is_some_and(|n| n.is_alphanumeric() || matches!(n, '*' | '#' | '%' | '•'));
        if (leet(c).is_some() || matches!(c, '*' | '#' | '%' | '•')) && inner && c != '|' {
            end += 1;
            continue;
        }
        if c == '*' && end > start {
            // A trailing mask: "sh*" is still a masked word.
            end += 1;
            continue;
        }
        break;
    }
    let raw = &chars[start..end];
    // Apostrophes: French elision splits, English contractions join.
    if end + 1 < chars.len() && is_apostrophe(chars[end]) && chars[end + 1].is_alphabetic() {
        let (norm, _, _, _) = normalize_word(raw);
        if is_elision(&norm) {
            tokens.push(make_word(raw, start, end));
            return end + 1;
        }
        let tail = alnum_run(chars, end + 1);
        let mut joined: Vec<char> = raw.to_vec();
        joined.extend_from_slice(&chars[end + 1..tail]);
        tokens.push(make_word(&joined, start, tail));
        return tail;
    }
    tokens.push(make_word(raw, start, end));
    end
}

fn make_word(raw: &[char], start: usize, end: usize) -> Token {
    let (norm, elongated, key, masked) = normalize_word(raw);
    let letters = raw.iter().filter(|c| c.is_alphabetic()).count();
    let shouted = letters >= 3 && raw.iter().all(|c| !c.is_lowercase());
    let kind = if letters == 0 {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    Token {
        kind,
        norm,
        key,
        start,
        end,
        elongated,
        shouted,
        masked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, String, usize, usize)> {
        normalize(text)
            .tokens
            .into_iter()
            .map(|t| (t.norm, t.key, t.start, t.end))
            .collect()
    }

    #[test]
    fn words_get_normal_forms_and_keys() {
        let cases: [(&str, &str, &str); 11] = [
            ("NUUUUL", "nuul", "nul"),
            ("Été", "ete", "ete"),
            ("1d10t", "1d10t", "idiot"),
            ("c0nnard", "c0nnard", "connard"),
            ("f*ck", "f*ck", "f*ck"),
            ("Sooooo", "soo", "so"),
            ("ass", "ass", "ass"),
            ("cœur", "coeur", "coeur"),
            ("ＩＤＩＯＴ", "idiot", "idiot"),
            ("z̷a̷l̷g̷o̷", "zalgo", "zalgo"),
            ("don't", "dont", "dont"),
        ];
        for (text, norm, key) in cases {
            let toks = normalize(text).tokens;
            assert_eq!(toks.len(), 1, "{text}: {toks:?}");
            assert_eq!(toks[0].norm, norm, "{text}");
            assert_eq!(toks[0].key, key, "{text}");
        }
    }

    #[test]
    fn spans_are_character_offsets_of_the_original() {
        let text = "Été 😡 l'avion www.x.com @Brand #fail :) café";
        let toks = words(text);
        let chars: Vec<char> = text.chars().collect();
        let spans: Vec<String> = toks
            .iter()
            .map(|(_, _, s, e)| chars[*s..*e].iter().collect())
            .collect();
        assert_eq!(
            spans,
            [
                "Été",
                "😡",
                "l",
                "avion",
                "www.x.com",
                "@Brand",
                "#fail",
                ":)",
                "café"
            ]
        );
    }

    #[test]
    fn kinds_are_recognised() {
        let cases: [(&str, TokenKind); 8] = [
            ("https://a.b/c?d", TokenKind::Url),
            ("moneygq.com", TokenKind::Url),
            ("jean.dupont@mail.fr", TokenKind::Email),
            ("@user", TokenKind::Mention),
            ("#fail", TokenKind::Hashtag),
            ("👏", TokenKind::Emoji(EmojiMeaning::Ambiguous)),
            (":(", TokenKind::Emoji(EmojiMeaning::Negative)),
            ("«", TokenKind::Punct('"')),
        ];
        for (text, kind) in cases {
            let toks = normalize(text).tokens;
            assert_eq!(toks.first().map(|t| t.kind), Some(kind), "{text}");
        }
    }

    #[test]
    fn long_text_is_truncated_and_says_so() {
        let text = "a ".repeat(MAX_CHARS);
        let n = normalize(&text);
        assert!(n.truncated());
        assert_eq!(n.read_len, MAX_CHARS);
        assert_eq!(n.char_len, MAX_CHARS * 2);
        let short = normalize("court");
        assert!(!short.truncated());
    }

    #[test]
    fn bad_input_does_not_panic() {
        for text in [
            "",
            "   ",
            "'",
            "@",
            "#",
            "*",
            "a'",
            "l'",
            "🙂🙂🙂",
            "مرحبا بالعالم",
            "\u{202e}abc",
            "<b>x</b>",
            "$hit",
            "$",
            "@@",
            "4$",
        ] {
            let n = normalize(text);
            for t in &n.tokens {
                assert!(t.start < t.end && t.end <= n.read_len, "{text:?} {t:?}");
            }
        }
    }
}

//! What the classifier reads from one comment: tokens, lexicon hits, negation and quotation scope,
//! and the hashed features the linear model scores.
//!
//! Owns: [`Analysis`] (computed once per comment, shared by the model and the rules) and
//! [`Analysis::features`], which the trainer (`cargo xtask train`) calls too, so training and
//! classification see exactly the same features.

use crate::text::hash::hash_parts;
use crate::text::{detect_lang_tokens, normalize, Lang, Normalized, Token, TokenKind};

use super::lexicon::{self, Classes};

/// One lexicon match: tokens `first..=last` and the classes of the entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub classes: Classes,
}

/// A comment as the classifier sees it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub normalized: Normalized,
    pub lang: Lang,
    pub hits: Vec<Hit>,
    /// Per token: the classes of every hit covering it.
    pub classes: Vec<Classes>,
    /// Per token: a negator stands shortly before it in the same clause.
    pub negated: Vec<bool>,
    /// Per token: it sits between quotation marks.
    pub quoted: Vec<bool>,
}

/// How many tokens after a negator are in its scope (French "ne … pas" brackets the verb, so the
/// scope also reaches back to the word before "pas").
const NEGATION_SCOPE: usize = 3;

impl Analysis {
    pub fn new(text: &str, lang_hint: Option<Lang>) -> Analysis {
        let normalized = normalize(text);
        let lang = lang_hint.unwrap_or_else(|| detect_lang_tokens(text, &normalized));
        let tokens = &normalized.tokens;
        let n = tokens.len();
        let mut hits = Vec::new();
        let mut classes = vec![0; n];
        let starts = lexicon::phrase_starts();
        let prefixes = lexicon::phrase_prefixes();
        let mut phrase = String::new();
        for i in 0..n {
            let t = &tokens[i];
            if !matches!(t.kind, TokenKind::Word | TokenKind::Hashtag) {
                continue;
            }
            let mut single = if t.masked {
                lexicon::lookup_masked(&t.key)
            } else {
                lexicon::lookup(&t.key)
            };
            if single == 0 && lang == Lang::Fr && !t.masked {
                single = lexicon::lookup_french_inflection(&t.key);
            }
            if single & lexicon::FRENCH_ONLY != 0 && lang != Lang::Fr {
                single = 0;
            }
            if single & lexicon::ENGLISH_INSULT_ONLY != 0 {
                single &= if lang == Lang::Fr {
                    !(lexicon::INSULT | lexicon::ENGLISH_INSULT_ONLY)
                } else {
                    lexicon::INSULT
                };
            }
            if single != 0 {
                hits.push(Hit {
                    first: i,
                    last: i,
                    classes: single,
                });
                classes[i] |= single;
            }
            if let Some(&longest) = starts.get(&t.key) {
                phrase.clear();
                phrase.push_str(&t.key);
                let mut j = i;
                let mut words = 1;
                while j + 1 < n && words < longest {
                    j += 1;
                    match tokens[j].kind {
                        // "est-ce", "abonnez-vous": the hyphen joins, it does not separate.
                        TokenKind::Punct('-') => continue,
                        TokenKind::Word => words += 1,
                        _ => break,
                    }
                    phrase.push(' ');
                    phrase.push_str(&tokens[j].key);
                    let found = lexicon::lookup(&phrase);
                    if found != 0 {
                        hits.push(Hit {
                            first: i,
                            last: j,
                            classes: found,
                        });
                        for c in &mut classes[i..=j] {
                            *c |= found;
                        }
                    }
                    if words < longest && !prefixes.contains_key(&phrase) {
                        break;
                    }
                }
            }
        }
        spelled_out_words(tokens, &mut hits, &mut classes);
        shadow_idioms(&mut hits, &mut classes);
        let negated = negation_scope(tokens, &classes);
        let quoted = quotation_scope(tokens);
        Analysis {
            normalized,
            lang,
            hits,
            classes,
            negated,
            quoted,
        }
    }

    pub fn tokens(&self) -> &[Token] {
        &self.normalized.tokens
    }

    /// Any token carries one of `classes`.
    pub fn has(&self, classes: Classes) -> bool {
        self.classes.iter().any(|c| c & classes != 0)
    }

    /// The hashed features of this comment, as bucket indices below `buckets` (a power of two),
    /// each once, in order of first appearance.
    pub fn features(&self, buckets: usize) -> Vec<u32> {
        self.hashed(buckets, None)
    }

    /// The features [`Analysis::features`] draws from the words of `classes` alone: their unigram,
    /// start, letter grams, the bigrams they are part of, and the class features themselves.
    /// Training uses it to keep group names ("muslims", "femmes") from weighing on offensiveness
    /// by themselves (see `xtask/src/train.rs`).
    pub fn features_of_words_in(&self, classes: Classes, buckets: usize) -> Vec<u32> {
        self.hashed(buckets, Some(classes))
    }

    /// Every feature, or with `only`, those drawn from words of those classes.
    fn hashed(&self, buckets: usize, only: Option<Classes>) -> Vec<u32> {
        let mask = (buckets - 1) as u64;
        let tokens = self.tokens();
        let mut out: Vec<u32> = Vec::with_capacity(tokens.len() * 4 + 8);
        macro_rules! push {
            ($($part:expr),*) => {
                out.push((hash_parts(&[$($part),*]) & mask) as u32)
            };
        }
        let all = only.is_none();
        let wanted = |i: usize| only.is_none_or(|c| self.classes[i] & c != 0);
        if all {
            push!("bias");
            push!("lang", self.lang.as_str());
        }
        let mut prev: &str = "<s>";
        let mut prev_wanted = false;
        for (i, t) in tokens.iter().enumerate() {
            let unit: &str = match t.kind {
                TokenKind::Word | TokenKind::Hashtag | TokenKind::Emoji(_) => &t.norm,
                TokenKind::Number => "<num>",
                TokenKind::Url => "<url>",
                TokenKind::Email => "<email>",
                TokenKind::Mention => "<user>",
                TokenKind::Punct(c) => match c {
                    '?' => "?",
                    '!' => "!",
                    '"' => "\"",
                    _ => continue,
                },
            };
            let this_wanted = wanted(i);
            if this_wanted || prev_wanted {
                push!("b", prev, unit);
            }
            prev = unit;
            prev_wanted = this_wanted;
            if !this_wanted {
                continue;
            }
            push!("w", unit);
            if self.negated[i] {
                push!("n", unit);
            }
            if t.kind == TokenKind::Word && t.norm.len() > 5 {
                // Word stems: "rembourse", "remboursement" share a start.
                let cut = t
                    .norm
                    .char_indices()
                    .nth(5)
                    .map_or(t.norm.len(), |(b, _)| b);
                push!("p", &t.norm[..cut]);
            }
            if t.kind == TokenKind::Word && t.norm.len() >= 4 {
                // Letter 4-grams of the lexicon key with word boundaries: spelling variants and
                // inflections ("arnaqueurs", "scammers") share most of them.
                // Bytes of the key, packed four at a time into one integer and mixed: far
                // cheaper than hashing a string per gram, and just as stable.
                let mut window: u32 = u32::from(b'<') * 0x0101_0101;
                for (k, &b) in t
                    .key
                    .as_bytes()
                    .iter()
                    .chain(std::iter::once(&b'>'))
                    .enumerate()
                {
                    window = (window << 8) | u32::from(b);
                    if k >= 2 {
                        out.push((mix_gram(window) & mask) as u32);
                    }
                }
            }
            if t.shouted && all {
                push!("shout");
            }
            if t.elongated && all {
                push!("elong");
            }
        }
        if prev_wanted {
            push!("b", prev, "</s>");
        }
        for (i, &c) in self.classes.iter().enumerate() {
            let c = c & only.unwrap_or(Classes::MAX);
            if c == 0 {
                continue;
            }
            let scope = if self.quoted[i] {
                "q"
            } else if self.negated[i] {
                "n"
            } else {
                "+"
            };
            for (bit, name) in CLASS_NAMES.iter().enumerate() {
                if c & (1 << bit) != 0 {
                    push!("L", name, scope);
                }
            }
        }
        let len_bucket = match tokens.len() {
            0..=3 => "xs",
            4..=10 => "s",
            11..=25 => "m",
            26..=60 => "l",
            _ => "xl",
        };
        if all {
            push!("len", len_bucket);
        }
        // Binary features: drop repeats. A bit set is cheaper than sorting for the shipped size.
        if buckets <= SEEN_BITS {
            let mut seen = [0u64; SEEN_BITS / 64];
            out.retain(|&f| {
                let (word, bit) = (f as usize / 64, 1u64 << (f % 64));
                let fresh = seen[word] & bit == 0;
                seen[word] |= bit;
                fresh
            });
        } else {
            out.sort_unstable();
            out.dedup();
        }
        out
    }
}

/// The bucket hash of one packed letter 4-gram (a different salt from word features).
fn mix_gram(window: u32) -> u64 {
    let mut h = u64::from(window) ^ 0x9e37_79b9_7f4a_7c15;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 31;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 29)
}

/// Up to this many buckets, repeats are dropped with a bit set on the stack.
const SEEN_BITS: usize = 1 << 14;

/// Names of the lexicon classes in bit order (for features and debugging).
pub const CLASS_NAMES: [&str; 28] = [
    "insult",
    "insult_weak",
    "profanity",
    "slur",
    "identity",
    "dehumanising",
    "threat",
    "complaint",
    "negative",
    "positive",
    "negator",
    "question",
    "question_aux",
    "second_person",
    "spam",
    "urgent",
    "legal",
    "counter",
    "letdown",
    "intensifier",
    "request",
    "reporting",
    "first_person",
    "third_person",
    "french_only",
    "sarcasm_mark",
    "resolved",
    "thanks",
];

/// Inside an idiom ("hands down"), the words' own hits go and the idiom's classes stand alone.
fn shadow_idioms(hits: &mut Vec<Hit>, classes: &mut [Classes]) {
    if !hits.iter().any(|h| h.classes & lexicon::IDIOM != 0) {
        return;
    }
    // Per token, the span of the idiom covering it (linear, whatever the comment's length).
    let mut idiom_of: Vec<Option<(usize, usize)>> = vec![None; classes.len()];
    for h in hits.iter().filter(|h| h.classes & lexicon::IDIOM != 0) {
        for (k, slot) in idiom_of[h.first..=h.last].iter_mut().enumerate() {
            *slot = Some((h.first, h.last));
            classes[h.first + k] = h.classes;
        }
    }
    hits.retain(|h| match idiom_of[h.first] {
        Some((first, last)) => {
            h.classes & lexicon::IDIOM != 0 || !(first <= h.first && h.last <= last)
        }
        None => true,
    });
}

/// Words spelled out letter by letter ("c o n n a r d", "f u c k"): runs of single letters are
/// joined and looked up as one word.
fn spelled_out_words(tokens: &[Token], hits: &mut Vec<Hit>, classes: &mut [Classes]) {
    let mut i = 0;
    while i < tokens.len() {
        let single = |t: &Token| t.kind == TokenKind::Word && t.end - t.start == 1;
        if !single(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut joined = String::new();
        while j < tokens.len() && single(&tokens[j]) {
            joined.push_str(&tokens[j].key);
            j += 1;
        }
        if j - i >= 3 {
            // Re-key the joined letters like any word (collapse doubles).
            let key = normalize(&joined)
                .tokens
                .first()
                .map(|t| t.key.clone())
                .unwrap_or_default();
            let found = lexicon::lookup(&key);
            if found != 0 {
                hits.push(Hit {
                    first: i,
                    last: j - 1,
                    classes: found,
                });
                for c in &mut classes[i..j] {
                    *c |= found;
                }
            }
        }
        i = j;
    }
}

/// Marks the tokens a negator governs: the next few words, stopping at punctuation or "but".
fn negation_scope(tokens: &[Token], classes: &[Classes]) -> Vec<bool> {
    let mut negated = vec![false; tokens.len()];
    for i in 0..tokens.len() {
        if classes[i] & lexicon::NEGATOR == 0 || tokens[i].kind != TokenKind::Word {
            continue;
        }
        // "pas mal" / "not bad" style: the scope is the words that follow.
        let mut j = i + 1;
        let mut words = 0;
        while j < tokens.len() && words < NEGATION_SCOPE {
            match tokens[j].kind {
                TokenKind::Punct(c) if c != '\'' && c != '"' => break,
                TokenKind::Word if matches!(tokens[j].norm.as_str(), "but" | "mais") => break,
                _ => {}
            }
            negated[j] = true;
            words += 1;
            j += 1;
        }
        // "I'm not saying you are idiots", "je ne dis pas que vous êtes des idiots": a denied
        // saying or thinking governs its whole clause, however long.
        let denied_saying = (i.saturating_sub(1)..(i + 3).min(tokens.len()))
            .any(|k| k != i && is_saying_verb(&tokens[k].norm));
        if denied_saying {
            while j < tokens.len() {
                match tokens[j].kind {
                    TokenKind::Punct(c) if c != '\'' && c != '"' => break,
                    TokenKind::Word if matches!(tokens[j].norm.as_str(), "but" | "mais") => break,
                    _ => {}
                }
                negated[j] = true;
                j += 1;
            }
        }
        // French "ne … pas": the verb sits before "pas" ("je ne suis pas satisfait").
        if tokens[i].norm == "pas" || tokens[i].norm == "jamais" {
            if let Some(k) = i.checked_sub(1) {
                if tokens[k].kind == TokenKind::Word && classes[k] & lexicon::NEGATOR == 0 {
                    negated[k] = true;
                }
            }
        }
    }
    negated
}

/// Verbs of saying or thinking: denied ("not saying", "je ne dis pas"), they take back what follows.
fn is_saying_verb(norm: &str) -> bool {
    matches!(
        norm,
        "saying"
            | "say"
            | "said"
            | "claiming"
            | "claim"
            | "think"
            | "thinking"
            | "calling"
            | "implying"
            | "suggesting"
            | "dis"
            | "dit"
            | "disons"
            | "dites"
            | "pense"
            | "pensons"
            | "pensez"
            | "crois"
            | "croit"
            | "pretends"
            | "pretend"
            | "insinue"
            | "traite"
    )
}

/// Marks tokens between an opening and a closing quotation mark (at most 8 words apart, so a
/// stray apostrophe does not quote a whole paragraph).
fn quotation_scope(tokens: &[Token]) -> Vec<bool> {
    let mut quoted = vec![false; tokens.len()];
    let marks: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Punct('"'))
        .map(|(i, _)| i)
        .collect();
    for pair in marks.chunks(2) {
        if let [open, close] = pair {
            if close - open <= 9 {
                for q in &mut quoted[open + 1..*close] {
                    *q = true;
                }
            }
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::lexicon::IDENTITY;

    #[test]
    fn features_of_group_names_are_theirs_alone() {
        // (text, has a group name): the subset is empty without one, and always a subset.
        let cases = [
            ("Les musulmans fêtent l'Aïd", true),
            ("women make up half of our customers", true),
            ("my parcel never arrived", false),
            ("", false),
        ];
        for (text, named) in cases {
            let a = Analysis::new(text, None);
            let all = a.features(1 << 14);
            let group = a.features_of_words_in(IDENTITY, 1 << 14);
            assert_eq!(!group.is_empty(), named, "{text:?}");
            assert!(group.iter().all(|f| all.contains(f)), "{text:?}");
            assert!(group.len() < all.len() || all.is_empty(), "{text:?}");
        }
    }

    fn hit_words(text: &str, class: Classes) -> Vec<String> {
        let a = Analysis::new(text, None);
        let chars: Vec<char> = text.chars().collect();
        a.hits
            .iter()
            .filter(|h| h.classes & class != 0)
            .map(|h| {
                let t = a.tokens();
                chars[t[h.first].start..t[h.last].end].iter().collect()
            })
            .collect()
    }

    #[test]
    fn lexicon_hits_cover_variants_and_phrases() {
        let cases: [(&str, Classes, &[&str]); 7] = [
            ("t'es un c o n n a r d", lexicon::INSULT, &["c o n n a r d"]),
            ("what a 1d10t", lexicon::INSULT, &["1d10t"]),
            ("f*ck this", lexicon::PROFANITY, &["f*ck"]),
            (
                "colis toujours pas arrivé",
                lexicon::COMPLAINT,
                &["toujours pas", "pas arrivé"],
            ),
            ("NUUUUL", lexicon::NEGATIVE, &["NUUUUL"]),
            ("f.u.c.k", lexicon::PROFANITY, &["f.u.c.k"]),
            ("merci beaucoup", lexicon::INSULT, &[]),
        ];
        for (text, class, want) in cases {
            assert_eq!(hit_words(text, class), want, "{text}");
        }
    }

    #[test]
    fn false_friends_count_in_their_own_language_only() {
        let cases: [(&str, Classes, &[&str]); 8] = [
            ("Trois mois de retard pour ma table", lexicon::INSULT, &[]),
            (
                "Trois mois de retard pour ma table",
                lexicon::COMPLAINT,
                &["retard"],
            ),
            (
                "shut up you retard, nobody asked",
                lexicon::INSULT,
                &["retard"],
            ),
            ("shut up you retard, nobody asked", lexicon::COMPLAINT, &[]),
            (
                "a mosquito bite on my arm, lovely evening",
                lexicon::PROFANITY,
                &[],
            ),
            (
                "franchement, quelle bite ce mec",
                lexicon::PROFANITY,
                &["bite"],
            ),
            (
                "half the team got laid off this week",
                lexicon::INSULT_WEAK,
                &[],
            ),
            (
                "t'es vraiment laid et bête",
                lexicon::INSULT_WEAK,
                &["laid"],
            ),
        ];
        for (text, class, want) in cases {
            assert_eq!(hit_words(text, class), want, "{text} ({class:#x})");
        }
    }

    #[test]
    fn negation_and_quotation_scopes() {
        let a = Analysis::new("je ne suis pas du tout satisfait", None);
        let satisfied = a
            .tokens()
            .iter()
            .position(|t| t.norm == "satisfait")
            .unwrap();
        assert!(a.negated[satisfied]);
        let b = Analysis::new("calling people 'idiots' is not OK", None);
        let idiots = b.tokens().iter().position(|t| t.norm == "idiots").unwrap();
        assert!(b.quoted[idiots]);
        let c = Analysis::new("great service, thanks", None);
        assert!(c.negated.iter().all(|n| !n));
        // A denied saying takes back its whole clause, and stops at the clause's end.
        let denied: [(&str, &str, bool); 5] = [
            ("je ne dis pas que vous êtes des idiots", "idiots", true),
            (
                "I'm not saying that your whole team are morons",
                "morons",
                true,
            ),
            (
                "je ne pense pas que toute votre équipe soit nulle",
                "nulle",
                true,
            ),
            (
                "I don't think the staff in this shop are stupid",
                "stupid",
                true,
            ),
            ("not saying much, but you are all idiots", "idiots", false),
        ];
        for (text, word, want) in denied {
            let a = Analysis::new(text, None);
            let at = a.tokens().iter().position(|t| t.norm == word).unwrap();
            assert_eq!(a.negated[at], want, "{text}");
        }
    }

    #[test]
    fn features_are_deterministic_and_bounded() {
        let a = Analysis::new("Super, 3e panne cette semaine 👏", None);
        let f1 = a.features(1 << 12);
        let f2 = a.features(1 << 12);
        assert_eq!(f1, f2);
        assert!(f1.iter().all(|&b| b < 1 << 12));
        assert!(f1.len() > 5);
        let mut unique = f1.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), f1.len(), "no repeats");
        let mut big = a.features(1 << 16);
        let n = big.len();
        big.dedup();
        assert_eq!(big.len(), n, "sorted and unique above the bit set size too");
    }
}

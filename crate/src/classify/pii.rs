//! Personal data in a comment: phone numbers, e-mail addresses, postal addresses, order and
//! customer numbers (P7: personal data may be hidden, for the author's own sake).
//!
//! Owns: the scanners, written over the comment's characters and tokens rather than with regular
//! expressions, which would cost the wasm about 150 KB gzipped for four patterns.

use crate::text::{normalize, Token, TokenKind};

/// What kind of personal data a span holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PiiKind {
    Phone,
    Email,
    Address,
    Reference,
}

/// Personal data in `text`, as character spans (end exclusive) with their kind.
pub fn find(text: &str) -> Vec<(usize, usize, PiiKind)> {
    let normalized = normalize(text);
    find_limited(text, normalized.read_len, &normalized.tokens)
}

/// Personal data in the first `max_chars` characters of `text`, whose tokens are `tokens`.
pub fn find_limited(
    text: &str,
    max_chars: usize,
    tokens: &[Token],
) -> Vec<(usize, usize, PiiKind)> {
    let mut found: Vec<(usize, usize, PiiKind)> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Email)
        .map(|t| (t.start, t.end, PiiKind::Email))
        .collect();
    let digits = tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Number | TokenKind::Word | TokenKind::Hashtag
            )
        })
        .map(|t| t.norm.bytes().filter(u8::is_ascii_digit).count())
        .sum::<usize>();
    if digits >= 9 {
        let chars: Vec<char> = text.chars().take(max_chars).collect();
        for (s, e) in phones(&chars) {
            if !overlaps(&found, s, e) {
                found.push((s, e, PiiKind::Phone));
            }
        }
    }
    if digits > 0 {
        for (s, e, k) in addresses(text, tokens)
            .into_iter()
            .chain(references(tokens))
        {
            if !overlaps(&found, s, e) {
                found.push((s, e, k));
            }
        }
    }
    found.sort_by_key(|f| f.0);
    found
}

fn overlaps(found: &[(usize, usize, PiiKind)], start: usize, end: usize) -> bool {
    found.iter().any(|&(s, e, _)| start < e && s < end)
}

/// Phone numbers: 9 to 15 digits with single separators (space, dot, dash, parentheses), and a
/// leading `+`, `0` or `(` or some separator, so a long plain number (a price, an id) is not one.
fn phones(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let opens = c.is_ascii_digit()
            || (matches!(c, '+' | '(') && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !(opens && boundary) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = 0;
        let mut last_digit = i;
        let mut separated = false;
        let mut prev_sep = false;
        while j < chars.len() {
            let d = chars[j];
            if d.is_ascii_digit() {
                digits += 1;
                last_digit = j;
                prev_sep = false;
            } else if matches!(d, ' ' | '.' | '-' | '(' | ')') || (d == '+' && j == i) {
                if prev_sep && d != '(' && chars[j - 1] != ')' {
                    break;
                }
                separated |= d != '+';
                prev_sep = true;
            } else {
                break;
            }
            j += 1;
        }
        let end = last_digit + 1;
        let ends_clean = chars.get(end).is_none_or(|n| !n.is_alphanumeric());
        let lead_ok = matches!(c, '+' | '0' | '(') || separated;
        if (9..=15).contains(&digits) && lead_ok && ends_clean {
            out.push((i, end));
            i = end;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

fn is_street_fr(w: &str) -> bool {
    matches!(
        w,
        "rue"
            | "avenue"
            | "av"
            | "boulevard"
            | "bd"
            | "allee"
            | "impasse"
            | "chemin"
            | "place"
            | "route"
            | "quai"
            | "cours"
    )
}

fn is_street_en(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "lane"
            | "ln"
            | "drive"
            | "dr"
            | "boulevard"
            | "blvd"
            | "court"
            | "ct"
            | "way"
    )
}

fn is_reference_word(w: &str) -> bool {
    matches!(
        w,
        "order"
            | "commande"
            | "customer"
            | "client"
            | "account"
            | "compte"
            | "ticket"
            | "dossier"
            | "booking"
            | "reservation"
            | "tracking"
            | "suivi"
            | "confirmation"
            | "ref"
            | "reference"
            | "invoice"
            | "facture"
            | "contrat"
            | "contract"
    )
}

/// "12 rue de la Paix", "221 Baker Street", "75011 Paris".
fn addresses(text: &str, t: &[Token]) -> Vec<(usize, usize, PiiKind)> {
    let mut out = Vec::new();
    for i in 0..t.len() {
        if t[i].kind != TokenKind::Number || t[i].norm.len() > 5 {
            continue;
        }
        let mut k = i + 1;
        if t.get(k)
            .is_some_and(|w| matches!(w.norm.as_str(), "bis" | "ter"))
        {
            k += 1;
        }
        let word = |j: usize| t.get(j).filter(|w| w.kind == TokenKind::Word);
        if t[i].norm.len() <= 4 {
            // French: number, street word, then the name up to punctuation (four words at most).
            if word(k).is_some_and(|w| is_street_fr(&w.norm)) {
                let mut end = k;
                while end + 1 < t.len() && end < k + 4 && word(end + 1).is_some() {
                    end += 1;
                }
                out.push((t[i].start, t[end].end, PiiKind::Address));
                continue;
            }
            // English: number, one or two name words, street word.
            for len in 1..=2 {
                let names_ok =
                    (k..k + len).all(|j| word(j).is_some_and(|w| !is_street_en(&w.norm)));
                if names_ok && word(k + len).is_some_and(|w| is_street_en(&w.norm)) {
                    out.push((t[i].start, t[k + len].end, PiiKind::Address));
                    break;
                }
            }
        } else if t[i].norm.len() == 5 {
            // French postcode and a capitalised town name.
            if let Some(town) = word(i + 1) {
                let first = text.chars().nth(town.start).unwrap_or('a');
                if first.is_uppercase() {
                    out.push((t[i].start, town.end, PiiKind::Address));
                }
            }
        }
    }
    out
}

/// "order #A1234567", "commande n° 45678912", "customer number 99887766".
fn references(t: &[Token]) -> Vec<(usize, usize, PiiKind)> {
    let mut out = Vec::new();
    for i in 0..t.len() {
        if t[i].kind != TokenKind::Word || !is_reference_word(&t[i].norm) {
            continue;
        }
        for tok in t.iter().skip(i + 1).take(5) {
            let candidate = matches!(
                tok.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Hashtag
            ) && tok.norm.len() >= 5
                && tok.norm.bytes().any(|b| b.is_ascii_digit());
            if candidate {
                // A hashtag span starts at '#': point at the number itself.
                let start = if tok.kind == TokenKind::Hashtag {
                    tok.start + 1
                } else {
                    tok.start
                };
                out.push((start, tok.end, PiiKind::Reference));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_is_found_with_character_spans() {
        let cases: [(&str, Option<(PiiKind, &str)>); 13] = [
            (
                "appelez-moi au 06 12 34 56 78 svp",
                Some((PiiKind::Phone, "06 12 34 56 78")),
            ),
            (
                "call me on +1 (555) 123-4567",
                Some((PiiKind::Phone, "+1 (555) 123-4567")),
            ),
            ("tel: 0612345678.", Some((PiiKind::Phone, "0612345678"))),
            (
                "écrivez à jean.dupont@exemple.fr",
                Some((PiiKind::Email, "jean.dupont@exemple.fr")),
            ),
            (
                "j'habite 12 rue de la Paix, Lyon",
                Some((PiiKind::Address, "12 rue de la Paix")),
            ),
            (
                "ship to 221 Baker Street please",
                Some((PiiKind::Address, "221 Baker Street")),
            ),
            (
                "livré au 75011 Paris",
                Some((PiiKind::Address, "75011 Paris")),
            ),
            (
                "my order #A1234567 is late",
                Some((PiiKind::Reference, "A1234567")),
            ),
            (
                "commande n° 45678912 jamais reçue",
                Some((PiiKind::Reference, "45678912")),
            ),
            ("it cost 1999 dollars in 2023", None),
            ("trois fois en 2 semaines", None),
            ("id 123456789012345678901", None),
            ("", None),
        ];
        for (text, want) in cases {
            let found = find(text);
            let chars: Vec<char> = text.chars().collect();
            let got = found
                .first()
                .map(|&(s, e, k)| (k, chars[s..e].iter().collect::<String>()));
            assert_eq!(got.as_ref().map(|(k, s)| (*k, s.as_str())), want, "{text}");
        }
    }
}

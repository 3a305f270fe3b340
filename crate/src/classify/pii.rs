//! Personal data in a comment: phone numbers, e-mail addresses, postal addresses, order and
//! customer numbers (P7: personal data may be hidden, for the author's own sake).
//!
//! Owns: the patterns and the conversion of their byte spans to character spans.

use std::sync::OnceLock;

use regex::Regex;

/// What kind of personal data a span holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PiiKind {
    Phone,
    Email,
    Address,
    Reference,
}

struct Patterns {
    phone: Regex,
    email: Regex,
    address: Regex,
    reference: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        // International or national numbers: 9 to 15 digits with the usual separators.
        phone: Regex::new(r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){2,5}")
            .expect("phone pattern"),
        email: Regex::new(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}").expect("email pattern"),
        address: Regex::new(
            r"(?i)\b\d{1,4}(?:\s?(?:bis|ter|[a-c]))?,?\s+(?:(?:rue|avenue|av\.?|boulevard|bd|allée|allee|impasse|chemin|place|route|quai|cours)\s+\w+|\w+(?:\s\w+)?\s+(?:street|st\.?|avenue|ave\.?|road|rd\.?|lane|ln\.?|drive|dr\.?|boulevard|blvd\.?|court|ct\.?|way))\b|\b\d{5}\s+[A-Z][a-zé]+(?:[\s\-][A-Z][a-zé]+)*",
        )
        .expect("address pattern"),
        // "order #123456", "commande n° AB12345", "customer number 99887766", "ticket 4567891".
        reference: Regex::new(
            r"(?i)\b(?:order|commande|customer|client|account|compte|ticket|dossier|booking|réservation|reservation|tracking|suivi|confirmation|ref|référence|reference|invoice|facture|contrat|contract)\b[^\n\d]{0,20}?(?:#|n°|no\.?|num(?:éro|ero|ber)?\.?|:)?\s*([A-Z0-9][A-Z0-9\-]{4,})",
        )
        .expect("reference pattern"),
    })
}

/// Personal data in the first `max_chars` characters of `text`.
pub fn find_limited(text: &str, max_chars: usize) -> Vec<(usize, usize, PiiKind)> {
    let cut = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(b, _)| b);
    find(&text[..cut])
}

/// Personal data in `text`, as character spans (end exclusive) with their kind.
pub fn find(text: &str) -> Vec<(usize, usize, PiiKind)> {
    // Every kind needs digits or an '@'; most comments have neither, so skip the patterns.
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let has_at = text.contains('@');
    if digits == 0 && !has_at {
        return Vec::new();
    }
    let p = patterns();
    let mut found: Vec<(usize, usize, PiiKind)> = Vec::new();
    for m in p.email.find_iter(text) {
        found.push((m.start(), m.end(), PiiKind::Email));
    }
    for m in p.phone.find_iter(if digits >= 9 { text } else { "" }) {
        let digits = m.as_str().chars().filter(char::is_ascii_digit).count();
        // Nine digits or more and some separator or a leading + / 0: not a price or a year.
        let s = m.as_str();
        let phone_like = (9..=15).contains(&digits)
            && (s.starts_with('+')
                || s.starts_with('0')
                || s.starts_with('(')
                || s.contains(' ')
                || s.contains('.')
                || s.contains('-'));
        if phone_like && !overlaps(&found, m.start(), m.end()) {
            found.push((m.start(), m.end(), PiiKind::Phone));
        }
    }
    for m in p.address.find_iter(text) {
        if !overlaps(&found, m.start(), m.end()) {
            found.push((m.start(), m.end(), PiiKind::Address));
        }
    }
    for c in p.reference.captures_iter(text) {
        if let Some(m) = c.get(1) {
            let has_digit = m.as_str().chars().any(|c| c.is_ascii_digit());
            if has_digit && !overlaps(&found, m.start(), m.end()) {
                found.push((m.start(), m.end(), PiiKind::Reference));
            }
        }
    }
    found.sort_by_key(|f| f.0);
    to_char_spans(text, found)
}

fn overlaps(found: &[(usize, usize, PiiKind)], start: usize, end: usize) -> bool {
    found.iter().any(|&(s, e, _)| start < e && s < end)
}

/// Converts sorted byte spans to character spans in one pass.
fn to_char_spans(text: &str, spans: Vec<(usize, usize, PiiKind)>) -> Vec<(usize, usize, PiiKind)> {
    let mut boundaries: Vec<usize> = spans.iter().flat_map(|s| [s.0, s.1]).collect();
    boundaries.sort_unstable();
    boundaries.dedup();
    let mut map = Vec::with_capacity(boundaries.len());
    let mut next = boundaries.iter().peekable();
    for (ci, (bi, _)) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .enumerate()
    {
        while next.peek().is_some_and(|&&b| b == bi) {
            map.push((bi, ci));
            next.next();
        }
        if next.peek().is_none() {
            break;
        }
    }
    let char_of = |b: usize| {
        map.binary_search_by_key(&b, |&(bi, _)| bi)
            .map(|i| map[i].1)
            .unwrap_or(0)
    };
    spans
        .into_iter()
        .map(|(s, e, k)| (char_of(s), char_of(e), k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_is_found_with_character_spans() {
        let cases: [(&str, Option<(PiiKind, &str)>); 10] = [
            (
                "appelez-moi au 06 12 34 56 78 svp",
                Some((PiiKind::Phone, "06 12 34 56 78")),
            ),
            (
                "call me on +1 (555) 123-4567",
                Some((PiiKind::Phone, "+1 (555) 123-4567")),
            ),
            (
                "écrivez à jean.dupont@exemple.fr",
                Some((PiiKind::Email, "jean.dupont@exemple.fr")),
            ),
            (
                "j'habite 12 rue de la Paix",
                Some((PiiKind::Address, "12 rue de")),
            ),
            (
                "ship to 221 Baker Street please",
                Some((PiiKind::Address, "221 Baker Street")),
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

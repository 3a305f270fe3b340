//! P7, personal data said again in public: the draft copies a phone number, an e-mail address,
//! or an order, customer or account number from the comment.
//!
//! Rule id: P7 rather than P3. P7 is the rule that names personal data as something to take out of
//! public view ("personal data may be hidden"); a brand that repeats it republishes it under its
//! own name, which is the harm P7 is about. P3 gives the remedy (move the personal case to private
//! messages) and the message says so.

use std::ops::Range;
use std::sync::OnceLock;

use crate::re::Regex;

use super::analysis::{Analysis, EntityKind};
use super::{pattern, Check, Input, Warning};

/// Phone numbers: 9 to 15 digits with at most one separator between two of them.
fn phone_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| pattern(r"\+?\(?\d(?:[ .\-]?\)?\(?\d){8,14}"))
}

/// The start of a date written year first or day first (2017-08-12, 12.08.2017).
fn date_prefix() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| pattern(r"^(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{4})"))
}

/// Order, customer, ticket numbers: letters and digits glued or joined by dashes.
fn code_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| pattern(r"\b(?:[a-z]{1,5}[-#]?)?\d[a-z\d]*(?:[-/][a-z\d]+)*\b"))
}

/// Phone numbers of a text: folded byte range and the digits. A run of digits counts when it has
/// separators, a "+" or a leading 0 (an unbroken number that starts otherwise is an order number).
pub(super) fn phone_numbers(text: &Analysis) -> Vec<(Range<usize>, String)> {
    phone_pattern()
        .find_iter(&text.folded)
        .filter_map(|m| {
            let raw = m.as_str();
            // A date and time (2017-08-12 23:50) has the shape of a number, not of a phone.
            if date_prefix().is_match(raw) {
                return None;
            }
            let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
            let shaped = raw.starts_with('+')
                || raw.starts_with('0')
                || raw.starts_with('(')
                || raw.chars().any(|c| matches!(c, ' ' | '.' | '-'));
            ((9..=15).contains(&digits.len()) && shaped).then(|| (m.range(), digits))
        })
        .collect()
}

/// The same phone number written two ways (+33 6… and 06…): the last nine digits agree.
pub(super) fn same_phone(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 9 && b.len() >= 9 && a[a.len() - 9..] == b[b.len() - 9..])
}

/// Order-like codes of a text with their digits (at least five): "CMD-552190" and "commande
/// 552190" name the same order.
fn codes(text: &Analysis) -> Vec<(Range<usize>, String)> {
    code_pattern()
        .find_iter(&text.folded)
        .filter_map(|m| {
            let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
            (digits.len() >= 5).then(|| (m.range(), digits))
        })
        .collect()
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let comment_phones = phone_numbers(&input.comment);
    let comment_codes = codes(&input.comment);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (range, digits) in phone_numbers(&input.draft) {
        let copied = comment_phones.iter().any(|(_, c)| same_phone(c, &digits))
            || comment_codes.iter().any(|(_, c)| *c == digits);
        if copied {
            found.push(input.draft.span(range));
        }
    }
    for (range, code) in codes(&input.draft) {
        let copied = comment_codes.iter().any(|(_, c)| *c == code)
            || comment_phones.iter().any(|(_, c)| same_phone(c, &code));
        if copied {
            found.push(input.draft.span(range));
        }
    }
    for entity in &input.draft.entities {
        let copied = entity.kind == EntityKind::Email
            && input
                .comment
                .entities
                .iter()
                .any(|e| e.kind == EntityKind::Email && e.text == entity.text);
        if copied {
            found.push((entity.start, entity.end));
        }
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in found {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
        .into_iter()
        .map(|span| {
            let quote = input.draft.quote(span.0, span.1);
            Warning::new(
                Check::PersonalData,
                span,
                input.say(
                    format!("« {quote} » recopie en public une donnée personnelle du commentaire : retirez-la et demandez les détails en message privé."),
                    format!("\"{quote}\" repeats personal data from the comment in public: leave it out and ask for the details in a private message."),
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;
    use crate::classify::Category;

    #[test]
    fn flags_data_copied_from_the_comment() {
        let comment_en =
            "Order 48213377 never came. Call me on +44 7700 900123 or mail sam.k@example.com";
        let comment_fr =
            "Commande CMD-552190 jamais reçue, appelez-moi au 06 12 34 56 78, julie@exemple.fr";
        let cases: &[(&str, &str, &[&str])] = &[
            // English
            (
                comment_en,
                "Sam, order 48213377 is stuck at the depot.",
                &["48213377"],
            ),
            (
                comment_en,
                "We'll call you on 07700 900123 today.",
                &["07700 900123"],
            ),
            (
                comment_en,
                "We've written to sam.k@example.com.",
                &["sam.k@example.com"],
            ),
            (
                comment_en,
                "Sam, your order is stuck at the depot; we've sent you a DM.",
                &[],
            ),
            (
                comment_en,
                "Your order ending in ...377 is on its way.",
                &[],
            ),
            (
                comment_en,
                "Please allow 10 000 steps of patience: 2 to 3 days.",
                &[],
            ),
            // French
            (
                comment_fr,
                "Julie, la commande CMD-552190 est bloquée au dépôt.",
                &["CMD-552190"],
            ),
            (
                comment_fr,
                "Nous vous appelons au 06.12.34.56.78 dans l'heure.",
                &["06.12.34.56.78"],
            ),
            (
                comment_fr,
                "Nous vous appelons au +33 6 12 34 56 78.",
                &["+33 6 12 34 56 78"],
            ),
            (
                comment_fr,
                "Réponse envoyée à julie@exemple.fr.",
                &["julie@exemple.fr"],
            ),
            (
                comment_fr,
                "Julie, votre commande est bloquée au dépôt : je vous écris en privé.",
                &[],
            ),
            (
                comment_fr,
                "Notre service est joignable au 01 23 45 67 89.",
                &[],
            ),
        ];
        for (comment, draft, expected) in cases {
            let context = ctx(comment, Category::Complaint);
            assert_eq!(&spans(check, draft, &context), expected, "{draft}");
        }
    }

    #[test]
    fn phone_numbers_and_codes_are_told_apart() {
        let cases: &[(&str, &[&str])] = &[
            ("06 12 34 56 78", &["0612345678"]),
            ("+33 (0)6 12 34 56 78", &["330612345678"]),
            ("order 123456789", &[]),
            ("le 24.11.2026", &[]),
            ("0800 123 4567", &["08001234567"]),
            ("2017-08-12 23:50:56", &[]),
            ("le 12.08.2017 à 10 h", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<String> = phone_numbers(&Analysis::new(text))
                .into_iter()
                .map(|(_, d)| d)
                .collect();
            assert_eq!(&got, expected, "{text}");
        }
        assert!(same_phone("33612345678", "0612345678"));
        assert!(!same_phone("0612345678", "0612345679"));
    }

    #[test]
    fn message_in_both_languages() {
        let context = ctx("Ma commande 552190 ?", Category::Question);
        assert!(
            messages(check, "La commande 552190 part demain.", &context)[0]
                .contains("donnée personnelle")
        );
        assert!(
            messages(check, "Your order 552190 ships tomorrow.", &context)[0]
                .contains("personal data")
        );
    }
}

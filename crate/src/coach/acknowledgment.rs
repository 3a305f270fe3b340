//! P4, the problem not named: a reply to a complaint that mentions none of the specifics the
//! person raised (the comment's key terms: the parcel, the cracked screen, the refund).
//!
//! A term counts as acknowledged when the draft holds one of its meaningful words, in any
//! inflection (shared stem: "remboursement" / "remboursé") or as a synonym, in French or English
//! ("colis" / "parcel" / "package"). Numbers do not count: repeating an order number is not
//! acknowledging the problem, and it is personal data (P7).

use std::collections::HashSet;

use super::analysis::Analysis;
use super::{Check, Input, Warning};
use crate::classify::Category;

/// Words too vague to acknowledge anything on their own.
const VAGUE: &[&str] = &[
    "service",
    "problem",
    "problems",
    "probleme",
    "problemes",
    "issue",
    "issues",
    "souci",
    "soucis",
    "thing",
    "things",
    "chose",
    "choses",
    "experience",
    "situation",
    "question",
    "message",
    "demande",
    "request",
    "case",
    "cas",
    "help",
    "aide",
];

/// The canonical words of a key term that can show it was heard.
fn telling_words(term: &str) -> Vec<String> {
    Analysis::new(term)
        .words
        .iter()
        .filter(|w| {
            !w.stop
                && w.text.chars().count() >= 3
                && !w.text.chars().all(|c| c.is_ascii_digit())
                && !VAGUE.contains(&w.text.as_str())
        })
        .map(|w| w.canon().to_string())
        .collect()
}

/// Two canonical words that say the same thing: equal, or one a long prefix of the other.
fn same(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && b.len() >= 5 && (a.starts_with(b) || b.starts_with(a)))
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    if input.ctx.category() != Category::Complaint {
        return Vec::new();
    }
    let terms: Vec<(&str, Vec<String>)> = input
        .ctx
        .key_terms
        .iter()
        .map(|t| (t.as_str(), telling_words(t)))
        .filter(|(_, words)| !words.is_empty())
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let draft: HashSet<&str> = input.draft.words.iter().map(|w| w.canon()).collect();
    let heard = terms
        .iter()
        .any(|(_, words)| words.iter().any(|t| draft.iter().any(|d| same(d, t))));
    if heard {
        return Vec::new();
    }
    let named: Vec<String> = terms
        .iter()
        .take(3)
        .map(|(t, _)| t.trim().to_string())
        .collect();
    let list = named.join(", ");
    vec![Warning::new(
        Check::NoAcknowledgment,
        input.whole(),
        input.say(
            format!("La réponse ne nomme pas le problème soulevé ({list}) : montrez que vous avez compris ce cas précis."),
            format!("The reply does not name the problem raised ({list}): show that you understood this particular case."),
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;

    #[test]
    fn wants_one_specific_named_back() {
        let cases: &[(&str, &[&str], &str, bool)] = &[
            // English: named, inflected, synonym, missing, only the number.
            (
                "My parcel is two weeks late",
                &["parcel", "late"],
                "Sam, sorry the parcel is so late; I've asked the courier.",
                false,
            ),
            (
                "I was never refunded",
                &["refund"],
                "Sam, your money should have been refunded last week.",
                false,
            ),
            (
                "My package never came",
                &["package"],
                "Sam, that parcel should have reached you by now.",
                false,
            ),
            (
                "My package never came",
                &["package"],
                "Thanks for reaching out, Sam. We're on it!",
                true,
            ),
            (
                "Order 48213377 is missing",
                &["48213377", "order"],
                "Order 48213377: we're on it!",
                false,
            ),
            (
                "Order 48213377 never came",
                &["48213377"],
                "We're on it!",
                false,
            ),
            (
                "The screen came cracked",
                &["cracked screen"],
                "Oh no, a broken screen is the last thing you need.",
                false,
            ),
            (
                "The screen came cracked",
                &["cracked screen"],
                "We're sorry about your experience.",
                true,
            ),
            // French: named, inflected, synonym, missing.
            (
                "Mon colis a une semaine de retard",
                &["colis", "retard"],
                "Julie, votre colis est bloqué à Lyon.",
                false,
            ),
            (
                "Toujours pas de remboursement",
                &["remboursement"],
                "Julie, vous serez remboursée d'ici vendredi.",
                false,
            ),
            (
                "Livraison ratée encore",
                &["livraison"],
                "Julie, le livreur n'est pas passé : je relance le transporteur.",
                false,
            ),
            (
                "Mon colis a une semaine de retard",
                &["colis", "retard"],
                "Merci pour votre message, nous regardons ça !",
                true,
            ),
            (
                "Service client nul",
                &["service client"],
                "Bonjour, merci pour votre message.",
                true,
            ),
        ];
        for (comment, terms, draft, warns) in cases {
            let mut context = ctx(comment, Category::Complaint);
            context.key_terms = terms.iter().map(|t| t.to_string()).collect();
            let got = spans(check, draft, &context);
            assert_eq!(!got.is_empty(), *warns, "{draft}");
            if *warns {
                assert_eq!(got, [draft.to_string()]);
            }
        }
    }

    #[test]
    fn only_complaints_with_key_terms() {
        let cases: &[(Category, &[&str])] = &[
            (Category::Question, &["colis"]),
            (Category::Praise, &["colis"]),
            (Category::Complaint, &[]),
            (Category::Complaint, &["123456"]),
        ];
        for (category, terms) in cases {
            let mut context = ctx("Mon colis ?", *category);
            context.key_terms = terms.iter().map(|t| t.to_string()).collect();
            assert!(
                spans(check, "Merci !", &context).is_empty(),
                "{category:?} {terms:?}"
            );
        }
    }

    #[test]
    fn names_the_terms_in_the_draft_language() {
        let mut context = ctx("Mon colis est en retard", Category::Complaint);
        context.key_terms = vec!["colis".into(), "retard".into()];
        let fr = messages(check, "Merci pour votre message !", &context);
        assert!(fr[0].contains("(colis, retard)"), "{fr:?}");
        let en = messages(check, "Thanks for your message!", &context);
        assert!(en[0].starts_with("The reply does not name"), "{en:?}");
    }
}

//! P13, promotion in answer to a complaint: a sales pitch, a discount code, "discover our new
//! collection", an invitation to follow or subscribe, and links.
//!
//! A commercial gesture is not promotion (P15 lets the person replying make one): a code or a
//! discount in a sentence that presents it as an apology or compensation is left alone. A promo
//! word the person used first (they complain about a promotion) is theirs to raise.

use std::sync::OnceLock;

use crate::re::Regex;

use super::analysis::EntityKind;
use super::{alternatives, pattern, Check, Input, Warning};
use crate::classify::Category;

/// Sales wording; group "code" marks the ones a gesture can excuse.
fn pitch() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            // English
            r"\b(?:check\s+out|discover|don'?t\s+miss|have\s+a\s+look\s+at)\s+(?:our|the)\s+(?:new|latest)\b",
            r"\b(?:new|latest)\s+(?:collection|range|arrivals|offers?)\b",
            r"\b(?:on\s+sale|sale\s+(?:ends|starts)|special\s+offer|limited[- ]time|black\s+friday|flash\s+sale|shop\s+now|buy\s+now|order\s+now)\b",
            r"\b(?:follow\s+us|subscribe(?:\s+to\s+our\s+newsletter)?|sign\s+up\s+(?:for|to)\s+our\s+newsletter|newsletter)\b",
            r"\b(?:upgrade|switch)\s+to\s+(?:our\s+)?(?:premium|pro|plus|unlimited)\b",
            // French
            r"\b(?:decouvrez|ne\s+manquez\s+pas|profitez\s+de|jetez\s+un\s+(?:oeil|coup\s+d'oeil)\s+a)\s+(?:notre|nos|la\s+nouvelle|les\s+nouveaux|l'offre)\b",
            r"\b(?:nouvelle\s+collection|nouveautes|offre\s+speciale|offre\s+exclusive|vente\s+flash|soldes|black\s+friday|promotions?\s+en\s+cours)\b",
            r"\b(?:suivez[- ]nous|(?:abonnez|inscrivez)[- ]vous(?:\s+a\s+(?:notre\s+)?newsletter)?|newsletter)\b",
            r"\bpassez\s+(?:a|au)\s+(?:l'offre|la\s+formule|premium|forfait\s+superieur)\b",
        ])
    })
}

/// Discount codes and percentages: promotion unless offered as a gesture.
fn discount() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            r"\b(?:promo(?:tional)?|discount|coupon)\s+code\b",
            r"\buse\s+(?:the\s+)?code\b",
            r"\b\d{1,2}\s?%\s+off\b",
            r"\bcode\s+(?:promo|de\s+reduction|reduc|avantage)\b",
            r"\b(?:utilisez|avec)\s+le\s+code\b",
            r"-\s?\d{1,2}\s?%|\b\d{1,2}\s?%\s+de\s+(?:reduction|remise)\b",
        ])
    })
}

/// Words that make a discount a gesture for the trouble, not a pitch.
fn gesture() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        pattern(r"\b(?:geste|gesture|apolog\w*|excuse\w*|sorry|desole\w*|dedommag\w*|compensat\w*|make\s+up\s+for|for\s+the\s+trouble|pour\s+la\s+peine|refund\w*|rembours\w*|bon\s+d'achat|avoir)\b")
    })
}

fn promo_message(input: &Input, quote: &str) -> String {
    input.say(
        format!("« {quote} » fait de la promotion en réponse à une plainte, ce qui donne l'impression de ne pas écouter : réglez d'abord le problème, sans offre commerciale dans cette réponse."),
        format!("\"{quote}\" promotes in answer to a complaint, which reads as not listening: solve the problem first and keep offers out of this reply."),
    )
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    if input.ctx.category() != Category::Complaint {
        return Vec::new();
    }
    let folded = &input.draft.folded;
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    let in_link = |range: &std::ops::Range<usize>| {
        let (start, end) = input.draft.span(range.clone());
        input
            .draft
            .entities
            .iter()
            .any(|e| e.start < end && start < e.end)
    };
    for m in pitch().find_iter(folded) {
        // They raised it first: a complaint about a sale may name the sale back.
        if !input.comment.folded.contains(m.as_str().trim()) && !in_link(&m.range()) {
            found.push(m.range());
        }
    }
    for m in discount().find_iter(folded) {
        let sentence = input.draft.sentence_at(&input.sentences, m.start());
        if !gesture().is_match(&folded[sentence]) && !in_link(&m.range()) {
            found.push(m.range());
        }
    }
    found.sort_by_key(|r| r.start);
    found
        .into_iter()
        .map(|range| {
            let span = input.draft.span(range);
            let quote = input.draft.quote(span.0, span.1);
            Warning::new(Check::Promotion, span, promo_message(input, &quote))
        })
        .collect()
}

/// Links in answer to a complaint.
pub(super) fn links(input: &Input) -> Vec<Warning> {
    if input.ctx.category() != Category::Complaint {
        return Vec::new();
    }
    input
        .draft
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Link)
        .map(|e| {
            Warning::new(
                Check::Promotion,
                (e.start, e.end),
                input.say(
                    "Un lien en réponse à une plainte passe pour une façon d'expédier la personne ou pour une publicité : expliquez ici, et donnez le lien en privé s'il le faut.".to_string(),
                    "A link in answer to a complaint reads as a brush-off or an ad: explain here, and share the link in private if it is needed.".to_string(),
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;

    fn both(draft: &str, comment: &str, category: Category) -> Vec<String> {
        let context = ctx(comment, category);
        let mut out = spans(check, draft, &context);
        out.extend(spans(links, draft, &context));
        out
    }

    #[test]
    fn finds_pitches_codes_and_links_under_complaints() {
        let late = "My order is late again / ma commande est encore en retard";
        let cases: &[(&str, &[&str])] = &[
            // English
            ("Sorry Sam! Meanwhile, check out our new spring range.", &["check out our new"]),
            ("Use code SPRING20 for 20% off.", &["Use code", "20% off"]),
            ("Follow us for updates!", &["Follow us"]),
            ("Details here: https://brand.com/spring", &["https://brand.com/spring"]),
            ("Our Black Friday deals start tomorrow.", &["Black Friday"]),
            // gestures and plain replies: fine
            ("So sorry, Sam: use code SORRY15 on your next order, it's on us for the trouble.", &[]),
            ("Your order left the depot this morning; it will be there Thursday.", &[]),
            // French
            ("Désolés ! En attendant, découvrez notre nouvelle collection.", &["découvrez notre", "nouvelle collection"]),
            ("Abonnez-vous à notre newsletter pour ne rien rater.", &["Abonnez-vous à notre newsletter"]),
            ("Plus d'infos sur www.marque.fr/soldes", &["www.marque.fr/soldes"]),
            // gestures and plain replies: fine
            ("Pour nous excuser, voici un code de réduction de 15 % sur votre prochaine commande.", &[]),
            ("Votre commande est partie ce matin, elle arrive jeudi.", &[]),
        ];
        for (draft, expected) in cases {
            assert_eq!(&both(draft, late, Category::Complaint), expected, "{draft}");
        }
    }

    #[test]
    fn codes_outside_a_gesture_are_pitches() {
        let got = both(
            "Profitez de -20 % avec le code HIVER.",
            "Colis en retard",
            Category::Complaint,
        );
        assert_eq!(got, ["-20 %", "avec le code"]);
    }

    #[test]
    fn not_for_other_categories_nor_words_they_raised() {
        let cases: &[(&str, &str, Category)] = &[
            (
                "Check out our new range!",
                "Love your brand!",
                Category::Praise,
            ),
            (
                "Sizes here: https://brand.com/sizes",
                "What sizes do you have?",
                Category::Question,
            ),
            (
                "Les soldes se terminent dimanche, désolés pour l'erreur d'affichage.",
                "Les soldes affichés sont faux !",
                Category::Complaint,
            ),
        ];
        for (draft, comment, category) in cases {
            assert!(both(draft, comment, *category).is_empty(), "{draft}");
        }
    }

    #[test]
    fn message_in_both_languages() {
        let context = ctx("Colis en retard", Category::Complaint);
        assert!(
            messages(check, "Suivez-nous pour les nouveautés !", &context)[0].contains("promotion")
        );
        assert!(
            messages(links, "Voici le lien : https://marque.fr", &context)[0]
                .starts_with("Un lien")
        );
        assert!(
            messages(links, "Here is the link: https://brand.com", &context)[0]
                .starts_with("A link")
        );
    }
}

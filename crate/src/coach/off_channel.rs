//! P3, off the channel: sending a person who complained in public to e-mail, phone, a form,
//! a website, a shop or another app, instead of a private message on the platform they used.
//!
//! Only for complaints and questions (a praise reply that mentions a phone number is not a
//! brush-off). A website or a shop counts only for complaints: pointing a question to a help page
//! can be a fair public answer. A sentence that also offers the platform's private messages
//! ("send us your e-mail in DM") is left alone.

use std::sync::OnceLock;

use crate::re::Regex;

use super::analysis::EntityKind;
use super::personal_data::phone_numbers;
use super::{alternatives, pattern, Check, Input, Warning};
use crate::classify::Category;
use crate::thread::Platform;

/// E-mail, phone, form: always a move off the channel.
fn direct() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            // English
            r"\be-?mail\s+(?:us|our\s+\w+|the\s+team|support|customer\s+\w+)\b",
            r"\b(?:send|drop|shoot|write)\s+(?:us|our\s+\w+(?:\s+\w+)?)\s+(?:an?\s+)?(?:e-?mail|letter|note\s+at)\b",
            r"\bwrite\s+to\s+us\s+at\b",
            // "call us" as an invitation to phone, not "they call us names".
            r"\b(?:call|phone|ring)\s+us(?:\s+(?:at|on|anytime|today|now|directly|free|back|and|if|so|when|during|between|from)\b|\s*[.,!;:)]|\s*$|\s+\+?\d)",
            r"\b(?:call|phone|ring)\s+(?:our|the\s+(?:team|store|shop|support|hotline|helpline|customer))\b",
            r"\bgive\s+us\s+a\s+(?:call|ring)\b",
            r"\b(?:contact|reach)\s+(?:us|our\s+\w+(?:\s+\w+)?|customer\s+(?:service|care|support))\s+(?:at|on|via|by|through)\s+(?:e-?mail|phone|telephone|our\s+(?:web)?site|the\s+(?:web)?site)\b",
            r"\b(?:by|via|through|over)\s+(?:e-?mail|phone|telephone)\b",
            r"\b(?:fill\s+(?:in|out)|complete|submit|use)\s+(?:the|our|this)\s+(?:\w+\s+)?form\b",
            r"\b(?:customer\s+(?:service|care|support)|hotline|helpline|support\s+line|call\s+cent(?:er|re))\s+(?:at|on)\b",
            // French
            r"\b(?:envoy|envoi|ecri|adress)\w*[- ]nous\s+(?:un\s+|votre\s+|vos\s+)?(?:e-?mail|mail|courriel|courrier|lettre)s?\b",
            r"\becri(?:vez|s)[- ]nous\s+(?:a|au|sur)\b",
            r"\b(?:appel|telephon)\w*[- ]nous\b",
            r"\b(?:appelez|contactez|joignez|contacter|appeler|joindre)\s+(?:le|notre|nos)\s+(?:service\s+(?:client|clients|consommateurs?|apres-vente)|sav|standard|hotline|conseillers?\s+au)\b",
            r"\bpassez[- ]nous\s+un\s+(?:coup\s+de\s+(?:fil|telephone)|appel)\b",
            r"\bpar\s+(?:e-?mail|mail|courriel|telephone|tel|courrier|la\s+poste)\b",
            r"\b(?:remplir|remplissez|completez|completer|utilisez|utiliser)\s+(?:le|notre|ce)\s+formulaire\b",
            r"\bformulaire\s+de\s+(?:contact|reclamations?)\b",
            r"\b(?:service\s+(?:client|consommateurs?)|sav|hotline|numero\s+vert|standard)\s+au\b",
        ])
    })
}

/// A website or a shop: a move off the channel when answering a complaint.
fn place() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            r"\b(?:visit|go\s+to|head\s+(?:over\s+)?to|check)\s+(?:our|the)\s+(?:web\s*site|site|help\s+cent(?:er|re)|faq|support\s+page|contact\s+page)\b",
            r"\b(?:visit|go\s+to|pop\s+into|stop\s+by)\s+(?:one\s+of\s+)?(?:our|a|your\s+(?:local|nearest))\s+(?:stores?|shops?|branch(?:es)?|agenc(?:y|ies))\b",
            r"\b(?:rendez[- ]vous|allez|connectez[- ]vous|consultez|rdv)\s+(?:sur|a)\s+(?:notre|le|la|votre)\s+(?:site|espace\s+client|faq|centre\s+d'aide|page\s+(?:contact|d'aide))\b",
            r"\b(?:consultez|voyez)\s+(?:notre|la)\s+(?:faq|page\s+d'aide|centre\s+d'aide)\b",
            r"\b(?:passez|rendez[- ]vous|allez|adressez[- ]vous)\s+(?:en|dans|a|au)\s+(?:boutique|magasin|agence|point\s+de\s+vente|votre\s+magasin|l'accueil|guichet)\b",
        ])
    })
}

/// Another app named after an invitation to write there; group 1 is the app.
fn other_app() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        pattern(r"\b(?:write|message|contact|reach|dm|text|talk|chat|ecri\w*|contact\w*|envoy\w*|joign\w*|parl\w*|retrouv\w*)\b[^.!?\n]{0,40}?\b(?:on|via|sur|par|over)\s+(whatsapp|messenger|instagram|insta|facebook|twitter|linkedin|telegram|signal)\b")
    })
}

/// Words that keep the conversation in the platform's private messages.
fn same_channel() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            r"\b(?:dm|dms|pm|mp|inbox|direct\s+messages?|private\s+messages?|privately|in\s+private)\b",
            r"\b(?:messages?\s+prives?|en\s+prive|messagerie\s+privee|par\s+message)\b",
        ])
    })
}

/// The private-message feature of each platform, as the message names it.
fn private_channel(platform: Option<Platform>, fr: bool) -> &'static str {
    match (platform, fr) {
        (Some(Platform::Facebook), true) => "Messenger",
        (Some(Platform::Facebook), false) => "Messenger",
        (Some(Platform::X), true) => "un message privé sur X",
        (Some(Platform::X), false) => "a direct message on X",
        (Some(Platform::Linkedin), true) => "un message LinkedIn",
        (Some(Platform::Linkedin), false) => "a LinkedIn message",
        (None, true) => "un message privé sur la même plateforme",
        (None, false) => "a private message on the same platform",
    }
}

/// Whether an app is the platform's own (Messenger on Facebook…).
fn is_native(app: &str, platform: Option<Platform>) -> bool {
    match platform {
        Some(Platform::Facebook) => matches!(app, "messenger" | "facebook"),
        Some(Platform::X) => app == "twitter",
        Some(Platform::Linkedin) => app == "linkedin",
        // Unknown platform: only apps that are never a comment's own platform count.
        None => matches!(app, "messenger" | "facebook" | "twitter" | "linkedin"),
    }
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let category = input.ctx.category();
    if !matches!(category, Category::Complaint | Category::Question) {
        return Vec::new();
    }
    let folded = &input.draft.folded;
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    let mut regexes = vec![direct()];
    if category == Category::Complaint {
        regexes.push(place());
    }
    for re in regexes {
        found.extend(re.find_iter(folded).map(|m| m.range()));
    }
    for caps in other_app().captures_iter(folded) {
        let app = caps.get(1).expect("group 1 always matches");
        if !is_native(app.as_str(), input.ctx.platform) {
            found.push(caps.get(0).expect("whole match").range());
        }
    }
    // A phone number or an e-mail address the comment did not contain: the brand's own contact.
    let comment_phones: Vec<String> = phone_numbers(&input.comment)
        .into_iter()
        .map(|(_, digits)| digits)
        .collect();
    for (range, digits) in phone_numbers(&input.draft) {
        if !comment_phones
            .iter()
            .any(|c| super::personal_data::same_phone(c, &digits))
        {
            found.push(range);
        }
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for range in found {
        let sentence = input.draft.sentence_at(&input.sentences, range.start);
        let text = &folded[sentence];
        let messenger =
            input.ctx.platform == Some(Platform::Facebook) && text.contains("messenger");
        if messenger || same_channel().is_match(text) {
            continue;
        }
        spans.push(input.draft.span(range));
    }
    for entity in &input.draft.entities {
        let in_comment = input
            .comment
            .entities
            .iter()
            .any(|e| e.kind == EntityKind::Email && e.text == entity.text);
        if entity.kind == EntityKind::Email && !in_comment {
            spans.push((entity.start, entity.end));
        }
    }
    spans.sort_unstable();
    // Two patterns on the same words ("écrivez-nous sur" and "… sur Instagram"): one warning.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let fr = input.lang == crate::text::Lang::Fr;
    let channel = private_channel(input.ctx.platform, fr);
    merged
        .into_iter()
        .map(|span| {
            let quote = input.draft.quote(span.0, span.1);
            Warning::new(
                Check::OffChannel,
                span,
                input.say(
                    format!("« {quote} » renvoie vers un autre canal une personne qui s'est plainte en public, ce qui l'agace davantage : proposez plutôt {channel}."),
                    format!("\"{quote}\" sends someone who complained in public to another channel, which annoys them further: offer {channel} instead."),
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;

    fn run(draft: &str, category: Category, platform: Option<Platform>) -> Vec<String> {
        let mut context = ctx("Mon colis est en retard / my parcel is late", category);
        context.platform = platform;
        spans(check, draft, &context)
    }

    #[test]
    fn flags_other_channels_for_a_complaint() {
        let fb = Some(Platform::Facebook);
        let x = Some(Platform::X);
        let cases: &[(&str, Option<Platform>, &[&str])] = &[
            // English
            (
                "Sorry Sam! Please email us and we'll look into it.",
                fb,
                &["email us"],
            ),
            (
                "Please send us an e-mail with the details.",
                fb,
                &["send us an e-mail"],
            ),
            ("Give us a call and we'll sort it.", fb, &["Give us a call"]),
            (
                "Call us at 0800 123 4567.",
                fb,
                &["Call us at", "0800 123 4567"],
            ),
            ("Sorry Sam, please call us.", fb, &["call us."]),
            (
                "Some people call us old-fashioned, Sam, and we take it as praise.",
                fb,
                &[],
            ),
            (
                "Call our customer service team on weekdays.",
                fb,
                &["Call our"],
            ),
            (
                "You can reach customer care by phone.",
                fb,
                &["reach customer care by phone"],
            ),
            (
                "Please fill out our contact form.",
                fb,
                &["fill out our contact form"],
            ),
            (
                "Write to support@brand.com please.",
                fb,
                &["support@brand.com"],
            ),
            ("Ring 0800 123 4567 anytime.", fb, &["0800 123 4567"]),
            (
                "Please visit our website for help.",
                fb,
                &["visit our website"],
            ),
            (
                "Message us on WhatsApp and we'll fix it.",
                x,
                &["Message us on WhatsApp"],
            ),
            (
                "Please write to us on Messenger.",
                x,
                &["write to us on Messenger"],
            ),
            // Same channel: fine.
            ("Sorry Sam, could you DM us your order number?", x, &[]),
            (
                "Please send us your e-mail address by private message.",
                fb,
                &[],
            ),
            (
                "Write to us on Messenger and we'll check the order.",
                fb,
                &[],
            ),
            ("We'll call you back today, Sam.", fb, &[]),
            // French
            (
                "Bonjour, envoyez-nous un mail et nous regarderons.",
                fb,
                &["envoyez-nous un mail"],
            ),
            (
                "Écrivez-nous à contact@marque.fr.",
                fb,
                &["Écrivez-nous à", "contact@marque.fr"],
            ),
            (
                "Appelez-nous au 01 23 45 67 89.",
                fb,
                &["Appelez-nous", "01 23 45 67 89"],
            ),
            (
                "Contactez le service client par téléphone.",
                fb,
                &["Contactez le service client", "par téléphone"],
            ),
            (
                "Merci de remplir notre formulaire de contact.",
                fb,
                &["remplir notre formulaire"],
            ),
            (
                "Rendez-vous sur notre site, rubrique aide.",
                fb,
                &["Rendez-vous sur notre site"],
            ),
            (
                "Passez en magasin, on vous fera un échange.",
                fb,
                &["Passez en magasin"],
            ),
            (
                "Écrivez-nous sur Instagram.",
                fb,
                &["Écrivez-nous sur Instagram"],
            ),
            // Same channel: fine.
            ("Envoyez-nous votre mail en MP et on regarde.", fb, &[]),
            (
                "Pouvez-vous nous écrire en message privé avec votre numéro de commande ?",
                fb,
                &[],
            ),
            ("Je vous rappelle dans l'après-midi.", fb, &[]),
        ];
        for (draft, platform, expected) in cases {
            assert_eq!(
                &run(draft, Category::Complaint, *platform),
                expected,
                "{draft}"
            );
        }
    }

    #[test]
    fn depends_on_the_category() {
        let cases: &[(&str, Category, usize)] = &[
            ("Email us at help@brand.com", Category::Question, 2),
            (
                "Check our FAQ page: visit our help center.",
                Category::Question,
                0,
            ),
            ("Visit our help center.", Category::Complaint, 1),
            ("Call us anytime!", Category::Praise, 0),
            ("Appelez-nous !", Category::Troll, 0),
            ("Consultez notre FAQ.", Category::Question, 0),
            ("Consultez notre FAQ.", Category::Complaint, 1),
        ];
        for (draft, category, count) in cases {
            assert_eq!(
                run(draft, *category, None).len(),
                *count,
                "{draft} ({category:?})"
            );
        }
    }

    #[test]
    fn names_the_platform_private_channel() {
        let mut context = ctx("my parcel is late", Category::Complaint);
        context.platform = Some(Platform::X);
        assert!(messages(check, "Please email us.", &context)[0].contains("direct message on X"));
        context.platform = Some(Platform::Facebook);
        assert!(messages(check, "Envoyez-nous un mail.", &context)[0].contains("Messenger"));
    }
}

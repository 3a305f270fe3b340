//! P11, the brand's voice as its profile sets it: words the brand avoids, the signature it
//! requires, and how freely it uses emoji.
//!
//! Avoided words match in any inflection and without accents or case ("problème" catches
//! "PROBLEMES"), but not through synonyms: a brand that avoids "problème" may say "souci".
//! Emoji: "never" flags every emoji and emoticon; "sparingly" allows [`SPARING`] per reply.

use std::sync::OnceLock;

use crate::re::Regex;

use super::analysis::Analysis;
use super::{pattern, Check, EmojiUse, Input, Warning};

/// How many emoji "sparingly" allows in one reply: a smile and a heart still are sparing; a string
/// of three reads as decoration.
const SPARING: usize = 2;

pub(super) fn avoided_words(input: &Input) -> Vec<Warning> {
    let words = &input.draft.words;
    let mut out = Vec::new();
    for term in &input.ctx.voice.avoid {
        let term_analysis = Analysis::new(term);
        let stems: Vec<&str> = term_analysis.words.iter().map(|w| w.stem()).collect();
        if stems.is_empty() {
            continue;
        }
        for at in 0..words.len().saturating_sub(stems.len() - 1) {
            let matches = stems
                .iter()
                .enumerate()
                .all(|(i, s)| words[at + i].stem() == *s);
            if matches {
                let span = (words[at].start, words[at + stems.len() - 1].end);
                let quote = input.draft.slice(span.0, span.1);
                let term = term.trim();
                out.push(Warning::new(
                    Check::AvoidedWord,
                    span,
                    input.say(
                        format!("« {quote} » : la marque évite « {term} » (profil) ; dites-le autrement."),
                        format!("\"{quote}\": the brand avoids \"{term}\" (profile); put it another way."),
                    ),
                ));
            }
        }
    }
    out.sort_by_key(|w| w.start);
    out
}

pub(super) fn signature(input: &Input) -> Vec<Warning> {
    let voice = &input.ctx.voice;
    let Some(signature) = voice.signature.as_deref().map(str::trim) else {
        return Vec::new();
    };
    if !voice.signature_required || signature.is_empty() {
        return Vec::new();
    }
    let wanted = Analysis::new(signature);
    let present = if wanted.words.is_empty() {
        // A signature of symbols only: look for it as written.
        input.draft.folded.contains(wanted.folded.trim())
    } else {
        let sig: Vec<&str> = wanted.words.iter().map(|w| w.text.as_str()).collect();
        input
            .draft
            .words
            .windows(sig.len())
            .any(|window| window.iter().zip(&sig).all(|(w, s)| w.text == *s))
    };
    if present {
        return Vec::new();
    }
    vec![Warning::new(
        Check::MissingSignature,
        input.whole(),
        input.say(
            format!(
                "La marque signe ses réponses « {signature} » (profil) : ajoutez la signature."
            ),
            format!("The brand signs its replies \"{signature}\" (profile): add the signature."),
        ),
    )]
}

/// Text emoticons: :) ;-) :D :( <3 ^^ (in folded text, so :D is :d).
fn emoticon() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| pattern(r"(?:^|\s)([:;]-?[)(dp]|<3|\^\^)(?:$|[\s.,!?])"))
}

pub(super) fn emoji(input: &Input) -> Vec<Warning> {
    let allowed = match input.ctx.voice.emoji {
        EmojiUse::Freely => return Vec::new(),
        EmojiUse::Sparingly => SPARING,
        EmojiUse::Never => 0,
    };
    let mut found = input.draft.emoji();
    for caps in emoticon().captures_iter(&input.draft.folded) {
        found.push(input.draft.span(caps.get(1).expect("group 1").range()));
    }
    found.sort_unstable();
    if found.len() <= allowed {
        return Vec::new();
    }
    let count = found.len();
    let extra = &found[allowed..];
    let span = (extra[0].0, extra[extra.len() - 1].1);
    let message = if allowed == 0 {
        input.say(
            "La marque n'utilise pas d'emoji (profil) : retirez-les.".to_string(),
            "The brand does not use emoji (profile): take them out.".to_string(),
        )
    } else {
        input.say(
            format!("{count} emoji dans une réponse, alors que la marque en use avec parcimonie (profil) : gardez-en {allowed} au plus."),
            format!("{count} emoji in one reply, but the brand uses them sparingly (profile): keep {allowed} at most."),
        )
    };
    vec![Warning::new(Check::Emoji, span, message)]
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;
    use crate::classify::Category;

    fn context_with(f: impl FnOnce(&mut super::super::Voice)) -> super::super::DraftContext {
        let mut context = ctx("Mon colis est en retard", Category::Complaint);
        f(&mut context.voice);
        context
    }

    #[test]
    fn avoided_words_in_any_inflection() {
        let context = context_with(|v| {
            v.avoid = vec![
                "problème".into(),
                "cheap".into(),
                "service client".into(),
                "!!".into(),
            ];
        });
        let cases: &[(&str, &[&str])] = &[
            ("Désolée pour ce problème de livraison.", &["problème"]),
            ("Plusieurs PROBLEMES ont touché les colis.", &["PROBLEMES"]),
            ("Notre service client vous répond.", &["service client"]),
            ("This is not a cheap fix, but it works.", &["cheap"]),
            ("Our cheaper option ships tomorrow.", &["cheaper"]),
            ("Our low-cost option ships tomorrow.", &[]),
            ("Désolée pour ce souci de livraison.", &[]),
            ("Le client a un service rapide.", &[]),
        ];
        for (draft, expected) in cases {
            assert_eq!(&spans(avoided_words, draft, &context), expected, "{draft}");
        }
        let fr = messages(avoided_words, "Désolée pour ce problème.", &context);
        assert!(fr[0].contains("la marque évite « problème »"), "{fr:?}");
        let en = messages(avoided_words, "Sorry, we are not a cheap brand.", &context);
        assert!(en[0].contains("the brand avoids \"cheap\""), "{en:?}");
    }

    #[test]
    fn required_signature() {
        let cases: &[(&str, bool, &str, bool)] = &[
            (
                "— Léa, équipe Candor",
                true,
                "Bonjour Julie, votre colis part demain. — Léa, équipe Candor",
                false,
            ),
            (
                "— Léa, équipe Candor",
                true,
                "Bonjour Julie, votre colis part demain.\nLéa (équipe candor)",
                false,
            ),
            (
                "— Léa, équipe Candor",
                true,
                "Bonjour Julie, votre colis part demain.",
                true,
            ),
            ("^LM", true, "Hi Sam, your parcel ships tomorrow ^LM", false),
            ("^LM", true, "Hi Sam, your parcel ships tomorrow.", true),
            ("^LM", false, "Hi Sam, your parcel ships tomorrow.", false),
            ("~", true, "Merci ~", false),
            ("~", true, "Merci", true),
        ];
        for (sig, required, draft, warns) in cases {
            let context = context_with(|v| {
                v.signature = Some(sig.to_string());
                v.signature_required = *required;
            });
            let got = spans(signature, draft, &context);
            assert_eq!(!got.is_empty(), *warns, "{draft}");
            if *warns {
                assert_eq!(got, [draft.to_string()]);
            }
        }
    }

    #[test]
    fn emoji_as_the_profile_allows() {
        let cases: &[(EmojiUse, &str, &[&str])] = &[
            (EmojiUse::Never, "Merci Julie 😊", &["😊"]),
            (EmojiUse::Never, "Thanks Sam :)", &[":)"]),
            (EmojiUse::Never, "Merci Julie, à 10:30 demain.", &[]),
            (EmojiUse::Sparingly, "Merci Julie 😊🙏", &[]),
            (EmojiUse::Sparingly, "Thanks Sam 😊🙏🎉🎉", &["🎉🎉"]),
            (EmojiUse::Freely, "Thanks Sam 😊🙏🎉🎉", &[]),
        ];
        for (usage, draft, expected) in cases {
            let context = context_with(|v| v.emoji = *usage);
            assert_eq!(&spans(emoji, draft, &context), expected, "{draft}");
        }
        let context = context_with(|v| v.emoji = EmojiUse::Sparingly);
        assert!(messages(emoji, "Merci 😊😊😊", &context)[0].contains("3 emoji"));
        assert!(messages(emoji, "Thanks 😊😊😊", &context)[0].contains("sparingly"));
    }
}

//! P11, shouting: words in capitals and rows of exclamation marks do not belong to a brand's
//! calm voice.
//!
//! A word in capitals shouts when it has [`LONG_CAPS`] letters or more, or when it stands next to
//! another one ("PAS DU TOUT"). Acronyms are not shouting (SAV, SNCF, FAQ…), and neither is a word
//! the comment itself wrote in capitals (a brand or product name) nor the brand's signature.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::re::Regex;

use super::analysis::Analysis;
use super::{pattern, Check, Input, Warning};

/// A single word in capitals shouts from this many letters on.
const LONG_CAPS: usize = 4;

/// Acronyms common in customer service, French and English (folded).
const ACRONYMS: &[&str] = &[
    "sav", "sncf", "faq", "dm", "mp", "pdf", "ok", "id", "tva", "rib", "cb", "edf", "sms", "gps",
    "api", "url", "usa", "uk", "eu", "ue", "ps", "nb", "rgpd", "gdpr", "ceo", "tv", "usb", "ram",
    "ssd", "hd", "iban", "bic", "cgv", "cgu", "ttc", "ht", "pc", "ios", "vip", "asap", "fyi", "pm",
    "am", "qr", "atm", "dab", "rer", "tgv", "ratp", "ter", "caf", "cpam", "urssaf", "ups", "dhl",
    "dpd", "tnt", "gls", "fnac", "ikea", "lego", "bnp", "hsbc", "ovh", "sfr", "nasa", "unesco",
    "covid", "wifi", "4g", "5g", "led", "lcd", "dvd", "cv", "rdv", "hs", "svp", "stp",
];

fn exclamations() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| pattern(r"!(?:\s*!){2,}|[!?](?:\s*[!?]){3,}"))
}

/// Whether a word, as written in the draft, is in capitals (two letters or more, no lowercase).
fn in_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !text.chars().any(char::is_lowercase)
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let draft = &input.draft;
    // Words the comment or the signature write in capitals are names, not shouting.
    let mut names: HashSet<String> = input
        .comment
        .words
        .iter()
        .filter(|w| in_capitals(input.comment.slice(w.start, w.end)))
        .map(|w| w.text.clone())
        .collect();
    if let Some(signature) = &input.ctx.voice.signature {
        names.extend(Analysis::new(signature).words.into_iter().map(|w| w.text));
    }
    // (in capitals, an acronym) for each word; names are left out entirely.
    let caps: Vec<(bool, bool)> = draft
        .words
        .iter()
        .map(|w| {
            let capitals = in_capitals(draft.slice(w.start, w.end)) && !names.contains(&w.text);
            (capitals, capitals && ACRONYMS.contains(&w.text.as_str()))
        })
        .collect();
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < caps.len() {
        if !caps[at].0 {
            at += 1;
            continue;
        }
        let mut last = at;
        while last + 1 < caps.len() && caps[last + 1].0 {
            last += 1;
        }
        let words = &draft.words[at..=last];
        let plain: Vec<&super::analysis::Word> = words
            .iter()
            .zip(&caps[at..=last])
            .filter(|(_, (_, acronym))| !acronym)
            .map(|(w, _)| w)
            .collect();
        // Next to another word in capitals, or long on its own; acronyms alone never shout.
        let shouts = (words.len() >= 2 && !plain.is_empty())
            || plain.iter().any(|w| w.text.chars().count() >= LONG_CAPS);
        if shouts {
            found.push((words[0].start, words[words.len() - 1].end));
        }
        at = last + 1;
    }
    for m in exclamations().find_iter(&draft.folded) {
        found.push(draft.span(m.range()));
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|span| {
            let quote = draft.quote(span.0, span.1);
            Warning::new(
                Check::Shouting,
                span,
                input.say(
                    format!("« {quote} » crie (majuscules ou points d'exclamation en série) : gardez le ton posé de la marque."),
                    format!("\"{quote}\" reads as shouting (capitals or a row of exclamation marks): keep the brand's calm tone."),
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
    fn capitals_and_exclamation_rows() {
        let cases: &[(&str, &str, &[&str])] = &[
            // English
            (
                "My parcel is late",
                "We are REALLY sorry, Sam.",
                &["REALLY"],
            ),
            (
                "My parcel is late",
                "That is NOT OK, we agree.",
                &["NOT OK"],
            ),
            ("My parcel is late", "Thanks Sam!!!", &["!!!"]),
            ("My parcel is late", "What?!?! No way.", &["?!?!"]),
            (
                "My parcel is late",
                "Sorry Sam, please DM us; the FAQ has the UPS tracking steps.",
                &[],
            ),
            (
                "My NINTENDO order is late",
                "Your NINTENDO order ships today!",
                &[],
            ),
            ("My parcel is late", "I checked it myself. Thanks!", &[]),
            // French
            (
                "Mon colis est en retard",
                "Nous sommes VRAIMENT désolés.",
                &["VRAIMENT"],
            ),
            (
                "Mon colis est en retard",
                "Ce n'est PAS DU TOUT normal.",
                &["PAS DU TOUT"],
            ),
            ("Mon colis est en retard", "Merci Julie ! ! !", &["! ! !"]),
            (
                "Mon colis est en retard",
                "Merci Julie ! Votre colis part avec la SNCF, voir la FAQ du SAV.",
                &[],
            ),
            ("Mon colis est en retard", "Bonne journée !", &[]),
        ];
        for (comment, draft, expected) in cases {
            let context = ctx(comment, Category::Complaint);
            assert_eq!(&spans(check, draft, &context), expected, "{draft}");
        }
    }

    #[test]
    fn signature_in_capitals_is_not_shouting() {
        let mut context = ctx("My parcel is late", Category::Complaint);
        context.voice.signature = Some("— TEAM CANDOR".into());
        assert!(spans(check, "On its way! — TEAM CANDOR", &context).is_empty());
        assert!(messages(check, "Merci !!!", &context)[0].contains("crie"));
        assert!(messages(check, "Thanks!!!", &context)[0].contains("shouting"));
    }
}

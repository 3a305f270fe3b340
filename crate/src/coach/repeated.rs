//! P10, the same reply twice: a draft that repeats, or nearly repeats, a reply the brand already
//! posted in this thread.
//!
//! Two replies are compared as sets of canonical words (Jaccard similarity): changing the first
//! name or a word or two does not make a reply new. Short replies are only caught when identical,
//! since "Merci Paul !" and "Merci Ana !" share little but are both fine.

use std::collections::HashSet;

use super::analysis::Analysis;
use super::{Check, Input, Warning};

/// The share of words two replies must have in common to count as the same reply.
const ALIKE: f64 = 0.75;
/// Fewer distinct words than this: only an identical reply counts.
const SHORT: usize = 5;

fn word_set<'b>(analysis: &'b Analysis) -> HashSet<&'b str> {
    analysis.words.iter().map(|w| w.canon()).collect()
}

/// Similarity of two replies in [0, 1], or `None` when one of them has no word.
fn similarity(a: &HashSet<&str>, b: &HashSet<&str>) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let common = a.intersection(b).count();
    Some(common as f64 / (a.len() + b.len() - common) as f64)
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let draft = word_set(&input.draft);
    let mut best: Option<f64> = None;
    for reply in &input.ctx.brand_replies {
        let earlier = Analysis::new(reply);
        let earlier_set = word_set(&earlier);
        let Some(alike) = similarity(&draft, &earlier_set) else {
            continue;
        };
        let counts =
            alike >= 1.0 || (alike >= ALIKE && draft.len().min(earlier_set.len()) >= SHORT);
        if counts && best.is_none_or(|b| alike > b) {
            best = Some(alike);
        }
    }
    let Some(alike) = best else {
        return Vec::new();
    };
    let percent = (alike * 100.0).round() as u32;
    vec![Warning::new(
        Check::RepeatedReply,
        input.whole(),
        input.say(
            format!("Cette réponse reprend à {percent} % une réponse que la marque a déjà publiée dans ce fil : écrivez-en une pour cette personne et ce qu'elle a dit."),
            format!("This reply is {percent}% the same as one the brand already posted in this thread: write one for this person and what they said."),
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;
    use crate::classify::Category;

    #[test]
    fn catches_the_same_reply_with_a_new_name() {
        let posted_fr = "Bonjour Paul, nous sommes navrés pour ce retard. Un conseiller vous écrit en message privé pour trouver une solution.";
        let posted_en = "Hi Paul, we're so sorry about the delay. Someone from our team will DM you to sort this out.";
        let cases: &[(&str, &str, bool)] = &[
            // French: the name changed; a word changed; a different reply; a short identical one.
            (posted_fr, "Bonjour Julie, nous sommes navrés pour ce retard. Un conseiller vous écrit en message privé pour trouver une solution.", true),
            (posted_fr, "Bonjour Julie, nous sommes désolés pour ce retard. Un conseiller vous écrit en message privé pour trouver une solution.", true),
            (posted_fr, "Julie, votre colis est bloqué au dépôt de Lyon depuis jeudi ; je demande au transporteur de le relancer aujourd'hui.", false),
            ("Merci beaucoup !", "Merci beaucoup !", true),
            ("Merci Paul !", "Merci Julie !", false),
            // English, the same way.
            (posted_en, "Hi Sam, we're so sorry about the delay. Someone from our team will DM you to sort this out.", true),
            (posted_en, "Sam, your parcel has been stuck in the Leeds depot since Thursday; I've asked the courier to move it today.", false),
            ("Thanks so much!", "thanks so much", true),
            ("Thanks Paul!", "Thanks Ana!", false),
        ];
        for (posted, draft, warns) in cases {
            let mut context = ctx("Where is my parcel?", Category::Complaint);
            context.brand_replies =
                vec!["Une autre réponse sans rapport.".into(), posted.to_string()];
            let got = spans(check, draft, &context);
            assert_eq!(!got.is_empty(), *warns, "{draft}");
            if *warns {
                assert_eq!(got, [draft.to_string()], "the whole draft");
            }
        }
    }

    #[test]
    fn no_earlier_reply_no_warning() {
        let context = ctx("Où est mon colis ?", Category::Complaint);
        assert!(spans(check, "Merci beaucoup !", &context).is_empty());
    }

    #[test]
    fn says_how_alike_in_the_draft_language() {
        let mut context = ctx("Où est mon colis ?", Category::Complaint);
        context.brand_replies = vec!["Merci beaucoup !".into()];
        assert!(messages(check, "Merci beaucoup !", &context)[0].contains("100 %"));
        context.brand_replies = vec!["Thanks so much!".into()];
        assert!(messages(check, "Thanks so much!", &context)[0].contains("100% the same"));
    }
}

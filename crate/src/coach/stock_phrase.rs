//! P10, stock phrases: the customer-service formulas that make a brand sound like a bot, and their
//! near copies.
//!
//! A phrase is compared as a set of canonical words (synonym class, else stem): "We apologise for
//! the inconvenience caused" is a near copy of "we apologize for any inconvenience" because it
//! holds most of its words, all of its meaningful ones, within a window barely longer than the
//! phrase. Function words may change; the words that carry the formula may not be missing.

use std::sync::OnceLock;

use super::lexicon::{canon_words, FastMap};
use super::{Check, Input, Warning};

/// The formulas, in the words they are usually written with.
const PHRASES: &[&str] = &[
    // English
    "we apologize for any inconvenience",
    "sorry for the inconvenience",
    "we apologize for the inconvenience this may have caused",
    "thank you for your patience",
    "thank you for your patience and understanding",
    "thank you for your understanding",
    "your satisfaction is our priority",
    "customer satisfaction is our top priority",
    "your feedback is important to us",
    "we value your feedback",
    "we take your concerns very seriously",
    "we take this very seriously",
    "we understand your frustration",
    "please do not hesitate to contact us",
    "thank you for bringing this to our attention",
    "your call is important to us",
    "we are committed to providing the best customer experience",
    "we are sorry to hear about your experience",
    "we regret any inconvenience caused",
    "please accept our apologies for the inconvenience",
    "we appreciate your patience",
    "we appreciate your understanding",
    "rest assured that we are doing everything we can",
    "we have escalated this to the relevant team",
    "we will look into this matter",
    // French
    "nous sommes désolés pour la gêne occasionnée",
    "désolé pour la gêne occasionnée",
    "veuillez nous excuser pour la gêne occasionnée",
    "nous vous prions de nous excuser pour le désagrément",
    "toutes nos excuses pour le désagrément",
    "merci de votre patience",
    "merci pour votre patience et votre compréhension",
    "merci de votre compréhension",
    "votre satisfaction est notre priorité",
    "la satisfaction de nos clients est notre priorité",
    "votre avis est important pour nous",
    "votre avis compte beaucoup pour nous",
    "nous prenons votre remarque très au sérieux",
    "nous comprenons votre frustration",
    "n'hésitez pas à nous contacter",
    "n'hésitez pas à revenir vers nous",
    "nous restons à votre disposition pour toute information complémentaire",
    "nous avons bien pris note de votre remarque",
    "nous mettons tout en œuvre pour vous satisfaire",
    "nous sommes navrés d'apprendre votre mauvaise expérience",
    "merci de nous avoir fait part de votre retour",
    "nous faisons remonter votre remarque aux équipes concernées",
    "nous vous remercions de votre patience",
    "nous restons à votre écoute",
    "nous avons transmis votre demande au service concerné",
    "soyez assuré que nous faisons le nécessaire",
    "nous vous prions d'agréer nos salutations distinguées",
];

/// One formula, prepared.
struct Phrase {
    /// Distinct canonical words, and whether each is a meaningful (non-function) word.
    words: Vec<(String, bool)>,
    /// Number of words as written (the window may be at most a little longer).
    length: usize,
    /// How many distinct words, and how many meaningful ones, a near copy must hold.
    need: usize,
    need_meaningful: usize,
}

struct Index {
    phrases: Vec<Phrase>,
    /// Canonical word → (phrase, word of that phrase).
    by_word: FastMap<String, Vec<(usize, usize)>>,
}

/// How many more words than the phrase a near copy may spread over.
const SLACK: usize = 2;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut phrases = Vec::new();
        let mut by_word: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for (p, text) in PHRASES.iter().enumerate() {
            let all = canon_words(text);
            let length = all.len();
            let mut words: Vec<(String, bool)> = Vec::new();
            for (canon, stop) in all {
                if !words.iter().any(|(c, _)| *c == canon) {
                    words.push((canon, !stop));
                }
            }
            let meaningful = words.iter().filter(|(_, m)| *m).count();
            let need = ((words.len() * 3).div_ceil(4)).max(words.len().min(3));
            let need_meaningful = if meaningful >= 4 {
                meaningful - 1
            } else {
                meaningful
            };
            for (w, (canon, _)) in words.iter().enumerate() {
                by_word.entry(canon.clone()).or_default().push((p, w));
            }
            phrases.push(Phrase {
                words,
                length,
                need,
                need_meaningful,
            });
        }
        Index { phrases, by_word }
    })
}

/// Word ranges (first, last) of the draft that copy or nearly copy a formula, merged.
fn find(input: &Input) -> Vec<(usize, usize)> {
    let index = index();
    let words = &input.draft.words;
    let mut hits: Vec<Vec<(usize, usize)>> = vec![Vec::new(); index.phrases.len()];
    for (at, word) in words.iter().enumerate() {
        if let Some(list) = index.by_word.get(word.canon()) {
            for &(p, w) in list {
                hits[p].push((at, w));
            }
        }
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (p, hits) in hits.iter().enumerate() {
        let phrase = &index.phrases[p];
        if hits.len() < phrase.need {
            continue;
        }
        let mut counts = vec![0usize; phrase.words.len()];
        let (mut covered, mut meaningful) = (0usize, 0usize);
        let mut left = 0;
        let mut right = 0;
        while right < hits.len() {
            let (at, w) = hits[right];
            if counts[w] == 0 {
                covered += 1;
                meaningful += usize::from(phrase.words[w].1);
            }
            counts[w] += 1;
            while at - hits[left].0 + 1 > phrase.length + SLACK {
                let (_, lw) = hits[left];
                counts[lw] -= 1;
                if counts[lw] == 0 {
                    covered -= 1;
                    meaningful -= usize::from(phrase.words[lw].1);
                }
                left += 1;
            }
            if covered >= phrase.need && meaningful >= phrase.need_meaningful {
                // Leave out leading words the window holds twice.
                while counts[hits[left].1] > 1 {
                    counts[hits[left].1] -= 1;
                    left += 1;
                }
                // Take in the formula's words that follow right after.
                let mut last = at;
                while right + 1 < hits.len()
                    && hits[right + 1].0 <= last + 1
                    && counts[hits[right + 1].1] == 0
                {
                    right += 1;
                    last = hits[right].0;
                    counts[hits[right].1] += 1;
                }
                found.push((hits[left].0, last));
                counts.iter_mut().for_each(|c| *c = 0);
                covered = 0;
                meaningful = 0;
                left = right + 1;
            }
            right += 1;
        }
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in found {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let words = &input.draft.words;
    find(input)
        .into_iter()
        .map(|(first, last)| {
            let span = (words[first].start, words[last].end);
            let quote = input.draft.quote(span.0, span.1);
            Warning::new(
                Check::StockPhrase,
                span,
                input.say(
                    format!("« {quote} » est une formule toute faite qui fait parler la marque comme un robot : dites-le avec vos mots, à propos de ce que cette personne a vécu."),
                    format!("\"{quote}\" is a stock formula that makes the brand sound like a bot: say it in your own words, about what this person went through."),
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
    fn finds_formulas_and_near_copies() {
        let cases: &[(&str, &[&str])] = &[
            // English: exact, then near copies (spelling, articles, an extra word), then fine replies.
            (
                "We apologize for any inconvenience.",
                &["We apologize for any inconvenience"],
            ),
            (
                "Hi Sam, we apologise for the inconvenience caused. Your parcel left today.",
                &["we apologise for the inconvenience caused"],
            ),
            ("Sorry for the inconvenience!", &["Sorry for the inconvenience"]),
            (
                "Thanks a lot for your patience, Sam.",
                &["Thanks a lot for your patience"],
            ),
            (
                "Customer satisfaction is always our top priority.",
                &["Customer satisfaction is always our top priority"],
            ),
            (
                "Please don't hesitate to contact us again.",
                &["Please don't hesitate to contact us"],
            ),
            ("Thank you for your message, Sam.", &[]),
            ("We really appreciate your patience.", &["We really appreciate your patience"]),
            ("We'll look into this matter.", &["We'll look into this matter"]),
            ("We'll look into the tracking now, Sam.", &[]),
            ("Thanks for your patience with the courier yesterday? No: thanks for telling us the box was crushed.", &["Thanks for your patience"]),
            ("Sorry the parcel came late, Sam. It left our depot today.", &[]),
            ("We're sorry your screen arrived cracked; a new one ships tomorrow.", &[]),
            // French: exact, accents dropped, capitals, a word changed, then fine replies.
            (
                "Nous sommes désolés pour la gêne occasionnée.",
                &["Nous sommes désolés pour la gêne occasionnée"],
            ),
            (
                "nous sommes desoles pour la gene occasionnee",
                &["nous sommes desoles pour la gene occasionnee"],
            ),
            (
                "Bonjour Julie, NOUS SOMMES VRAIMENT DÉSOLÉS POUR CETTE GÊNE OCCASIONNÉE.",
                &["NOUS SOMMES VRAIMENT DÉSOLÉS POUR CETTE GÊNE OCCASIONNÉE"],
            ),
            (
                "Votre satisfaction reste notre priorité absolue.",
                &["Votre satisfaction reste notre priorité"],
            ),
            (
                "Merci pour votre patience, Julie.",
                &["Merci pour votre patience"],
            ),
            (
                "N’hésitez surtout pas à nous contacter.",
                &["N’hésitez surtout pas à nous contacter"],
            ),
            ("Nous restons bien sûr à votre écoute.", &["Nous restons bien sûr à votre écoute"]),
            ("Soyez assurée que nous faisons le nécessaire.", &["Soyez assurée que nous faisons le nécessaire"]),
            ("Nous sommes à votre écoute si la taille ne va pas.", &[]),
            ("Merci Julie, votre message nous aide à corriger la fiche produit.", &[]),
            ("Désolée pour ce colis arrivé ouvert, Julie : je lance un renvoi aujourd'hui.", &[]),
            ("Je comprends votre colère, Julie : trois jours sans ligne, c'est long.", &[]),
            ("Nous comprenons votre frustration.", &["Nous comprenons votre frustration"]),
            ("La gêne est réelle, nous le savons : le train de 8 h a été supprimé trois fois.", &[]),
            ("", &[]),
            // Two formulas back to back stay two warnings.
            (
                "Sorry for the inconvenience. Thank you for your patience.",
                &["Sorry for the inconvenience", "Thank you for your patience"],
            ),
        ];
        for (draft, expected) in cases {
            let context = ctx("Where is my parcel?", Category::Complaint);
            assert_eq!(&spans(check, draft, &context), expected, "{draft}");
        }
    }

    #[test]
    fn two_formulas_in_a_row_are_one_warning_each_place() {
        let context = ctx("Où est mon colis ?", Category::Complaint);
        let draft = "Merci de votre patience. Blabla sur le colis. Nous sommes désolés pour la gêne occasionnée.";
        assert_eq!(
            spans(check, draft, &context),
            [
                "Merci de votre patience",
                "Nous sommes désolés pour la gêne occasionnée"
            ]
        );
    }

    #[test]
    fn speaks_the_draft_language() {
        let context = ctx("Where is my parcel?", Category::Complaint);
        let fr = messages(check, "Merci de votre compréhension.", &context);
        assert!(fr[0].contains("formule toute faite"), "{fr:?}");
        let en = messages(check, "Thank you for your understanding.", &context);
        assert!(en[0].contains("stock formula"), "{en:?}");
    }
}

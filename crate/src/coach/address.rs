//! P11, tu or vous: a French reply that addresses the person otherwise than the brand's profile
//! says, or mixes both in one reply.
//!
//! Only words count ("tu" inside "statut" or in a link is not "tu"), and only French drafts.
//! "Vous" addressing several people ("vous tous", "beaucoup d'entre vous", "vous êtes nombreux")
//! is a plural, which a brand that says "tu" uses too; those sentences are left out. "Ton" after
//! an article is the noun (le ton, un ton), not the possessive.

use super::analysis::Word;
use super::{Address, Check, Input, Warning};
use crate::text::Lang;

const TU: &[&str] = &[
    "tu", "te", "toi", "ton", "ta", "tes", "tien", "tienne", "tiens", "tiennes",
];
const VOUS: &[&str] = &["vous", "votre", "vos"];

/// Plural markers: a sentence holding one speaks to several people.
const PLURAL: &[&str] = &[
    "vous tous",
    "vous toutes",
    "vous deux",
    "vous trois",
    "d'entre vous",
    "vous etes nombreux",
    "vous etes nombreuses",
    "a tous",
    "a toutes",
    "tout le monde",
];

/// Words before "ton" that make it the noun.
const NOUN_BEFORE_TON: &[&str] = &["le", "un", "ce", "du", "au", "meme", "quel", "son", "mon"];

/// The address form a word marks, if any.
fn form(words: &[Word], at: usize, folded: &str) -> Option<Address> {
    let word = &words[at];
    let text = word.text.as_str();
    let previous = at.checked_sub(1).map(|p| words[p].text.as_str());
    if VOUS.contains(&text) {
        return Some(Address::Vous);
    }
    // "t'" before a vowel: t'écris, t'envoie.
    if text == "t" {
        return folded[word.folded.end..]
            .starts_with('\'')
            .then_some(Address::Tu);
    }
    if !TU.contains(&text) {
        return None;
    }
    match (text, previous) {
        ("ton", Some(p)) if NOUN_BEFORE_TON.contains(&p) => None,
        // "il s'est tu": the past participle of se taire.
        ("tu", Some("est")) => None,
        // "tiens" alone is mostly the interjection ("tiens, voilà").
        ("tiens", _) => None,
        _ => Some(Address::Tu),
    }
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    if input.lang != Lang::Fr {
        return Vec::new();
    }
    let folded = &input.draft.folded;
    let plural_sentences: Vec<bool> = input
        .sentences
        .iter()
        .map(|s| PLURAL.iter().any(|p| folded[s.clone()].contains(p)))
        .collect();
    let words = &input.draft.words;
    let mut tu = Vec::new();
    let mut vous = Vec::new();
    for at in 0..words.len() {
        match form(words, at, folded) {
            Some(Address::Tu) => tu.push(at),
            Some(Address::Vous) => {
                let byte = words[at].folded.start;
                let sentence = input.sentences.partition_point(|s| s.end <= byte);
                let plural = plural_sentences.get(sentence).copied().unwrap_or(false);
                if !plural {
                    vous.push(at);
                }
            }
            None => {}
        }
    }
    let wrong: Vec<usize>;
    let check;
    match input.ctx.voice.address {
        Some(Address::Vous) => {
            wrong = tu;
            check = Check::AddressMismatch;
        }
        Some(Address::Tu) => {
            wrong = vous;
            check = Check::AddressMismatch;
        }
        None if !tu.is_empty() && !vous.is_empty() => {
            // Point at the less used form.
            wrong = if tu.len() <= vous.len() { tu } else { vous };
            check = Check::AddressMixed;
        }
        None => return Vec::new(),
    }
    wrong
        .into_iter()
        .map(|at| {
            let w = &words[at];
            let quote = input.draft.slice(w.start, w.end);
            let message = match (check, input.ctx.voice.address) {
                (Check::AddressMismatch, Some(Address::Vous)) => input.say(
                    format!("« {quote} » tutoie, alors que la marque vouvoie (profil) : restez au « vous » dans toute la réponse."),
                    format!("\"{quote}\" uses \"tu\", but the brand says \"vous\" (profile): keep \"vous\" throughout the reply."),
                ),
                (Check::AddressMismatch, _) => input.say(
                    format!("« {quote} » vouvoie, alors que la marque tutoie (profil) : restez au « tu » dans toute la réponse."),
                    format!("\"{quote}\" uses \"vous\", but the brand says \"tu\" (profile): keep \"tu\" throughout the reply."),
                ),
                _ => input.say(
                    format!("« {quote} » : tutoiement et vouvoiement mêlés dans la même réponse ; choisissez l'un des deux."),
                    format!("\"{quote}\": \"tu\" and \"vous\" mixed in one reply; pick one."),
                ),
            };
            Warning::new(check, (w.start, w.end), message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;
    use crate::classify::Category;

    fn run(draft: &str, address: Option<Address>) -> Vec<String> {
        let mut context = ctx("Mon colis est en retard", Category::Complaint);
        context.voice.address = address;
        spans(check, draft, &context)
    }

    #[test]
    fn tu_and_vous_against_the_profile() {
        let vous = Some(Address::Vous);
        let tu = Some(Address::Tu);
        let cases: &[(&str, Option<Address>, &[&str])] = &[
            (
                "Bonjour Julie, ton colis part demain, je te tiens au courant.",
                vous,
                &["ton", "te"],
            ),
            (
                "Julie, je t'écris en privé pour votre commande.",
                vous,
                &["t"],
            ),
            (
                "Bonjour Julie, votre colis part demain, je vous tiens au courant.",
                tu,
                &["votre", "vous"],
            ),
            // Fine
            (
                "Bonjour Julie, votre colis part demain, je vous tiens au courant.",
                vous,
                &[],
            ),
            (
                "Salut Julie, ton colis part demain, je te tiens au courant !",
                tu,
                &[],
            ),
            (
                "Merci à vous tous pour vos messages, Julie, ton colis part demain.",
                tu,
                &[],
            ),
            (
                "Le ton de votre message est compréhensible, votre colis part demain.",
                vous,
                &[],
            ),
            (
                "Votre statut de commande est à jour, voir https://marque.fr/tu-suis",
                vous,
                &[],
            ),
            (
                "Beaucoup d'entre vous ont attendu : Julie, ton colis part demain.",
                tu,
                &[],
            ),
            // English drafts are not checked, "a ton of" included
            ("US stores can use a ton of help, as you say.", vous, &[]),
            // English drafts are not checked
            (
                "Hi Julie, thanks, tu es top is what our French team would say.",
                vous,
                &[],
            ),
        ];
        for (draft, address, expected) in cases {
            assert_eq!(&run(draft, *address), expected, "{draft}");
        }
    }

    #[test]
    fn mixed_forms_without_a_profile() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Bonjour Julie, votre colis part demain, je te tiens au courant.",
                &["te"],
            ),
            (
                "Salut Julie, ton colis part demain, je te tiens au courant, merci à vous.",
                &["vous"],
            ),
            (
                "Bonjour Julie, votre colis part demain, je vous tiens au courant.",
                &[],
            ),
            ("Salut Julie, ton colis part demain !", &[]),
        ];
        for (draft, expected) in cases {
            assert_eq!(&run(draft, None), expected, "{draft}");
        }
        let context = ctx("Mon colis", Category::Complaint);
        let message = messages(
            check,
            "Bonjour, votre colis part, je te tiens au courant.",
            &context,
        );
        assert!(message[0].contains("mêlés"), "{message:?}");
    }
}

//! Why a span counted: the codes carried by [`super::Cue::reason`] and their wording in French and
//! English, for the trainee who asks "why?" (P18).

use crate::text::Lang;

/// The reason of a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueReason {
    Insult,
    Profanity,
    Slur,
    Hate,
    Threat,
    Complaint,
    Negative,
    Negation,
    Sarcasm,
    Praise,
    Question,
    Request,
    Quotation,
    CounterSpeech,
    Spam,
    Link,
    PersonalData,
    Urgent,
    LegalThreat,
    Hostile,
    Apology,
    Truncated,
}

const ALL: [CueReason; 22] = [
    CueReason::Insult,
    CueReason::Profanity,
    CueReason::Slur,
    CueReason::Hate,
    CueReason::Threat,
    CueReason::Complaint,
    CueReason::Negative,
    CueReason::Negation,
    CueReason::Sarcasm,
    CueReason::Praise,
    CueReason::Question,
    CueReason::Request,
    CueReason::Quotation,
    CueReason::CounterSpeech,
    CueReason::Spam,
    CueReason::Link,
    CueReason::PersonalData,
    CueReason::Urgent,
    CueReason::LegalThreat,
    CueReason::Hostile,
    CueReason::Apology,
    CueReason::Truncated,
];

impl CueReason {
    /// The stable code written in verdicts.
    pub fn code(self) -> &'static str {
        match self {
            CueReason::Insult => "insult",
            CueReason::Profanity => "profanity",
            CueReason::Slur => "slur",
            CueReason::Hate => "hate",
            CueReason::Threat => "threat",
            CueReason::Complaint => "complaint",
            CueReason::Negative => "negative",
            CueReason::Negation => "negation",
            CueReason::Sarcasm => "sarcasm",
            CueReason::Praise => "praise",
            CueReason::Question => "question",
            CueReason::Request => "request",
            CueReason::Quotation => "quotation",
            CueReason::CounterSpeech => "counter_speech",
            CueReason::Spam => "spam",
            CueReason::Link => "link",
            CueReason::PersonalData => "personal_data",
            CueReason::Urgent => "urgent",
            CueReason::LegalThreat => "legal_threat",
            CueReason::Hostile => "hostile",
            CueReason::Apology => "apology",
            CueReason::Truncated => "truncated",
        }
    }

    pub fn from_code(code: &str) -> Option<CueReason> {
        ALL.into_iter().find(|r| r.code() == code)
    }

    /// One short sentence for people, in `lang` (English unless French).
    pub fn describe(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::Fr;
        match self {
            CueReason::Insult if fr => "Insulte visant une personne.",
            CueReason::Insult => "An insult aimed at someone.",
            CueReason::Profanity if fr => "Grossièreté (n'enlève rien à une critique fondée).",
            CueReason::Profanity => {
                "A swear word (it does not make a fair criticism illegitimate)."
            }
            CueReason::Slur if fr => "Terme injurieux envers un groupe de personnes.",
            CueReason::Slur => "A slur against a group of people.",
            CueReason::Hate if fr => "Propos qui rabaissent un groupe de personnes.",
            CueReason::Hate => "Words that demean a group of people.",
            CueReason::Threat if fr => "Menace de violence.",
            CueReason::Threat => "A threat of violence.",
            CueReason::Complaint if fr => "Signale un problème avec le produit ou le service.",
            CueReason::Complaint => "Reports a problem with the product or service.",
            CueReason::Negative if fr => "Mot de mécontentement.",
            CueReason::Negative => "A word of discontent.",
            CueReason::Negation if fr => "Négation : le mot positif est démenti.",
            CueReason::Negation => "Negated: the positive word is taken back.",
            CueReason::Sarcasm if fr => "Ironie : un compliment entouré de reproches.",
            CueReason::Sarcasm => "Sarcasm: praise wrapped around a grievance.",
            CueReason::Praise if fr => "Compliment ou remerciement.",
            CueReason::Praise => "Praise or thanks.",
            CueReason::Question if fr => "Une vraie question qui attend une réponse.",
            CueReason::Question => "A real question waiting for an answer.",
            CueReason::Request if fr => "Demande d'aide ou d'information.",
            CueReason::Request => "A request for help or information.",
            CueReason::Quotation if fr => {
                "Mot cité, pas adressé : ce n'est pas une insulte de l'auteur."
            }
            CueReason::Quotation => {
                "A quoted word, not addressed to anyone: not the author's insult."
            }
            CueReason::CounterSpeech if fr => {
                "L'auteur dénonce l'insulte ou la haine, il ne la reprend pas."
            }
            CueReason::CounterSpeech => {
                "The author condemns the insult or hate rather than using it."
            }
            CueReason::Spam if fr => {
                "Promotion ou sollicitation sans rapport avec la conversation."
            }
            CueReason::Spam => "Promotion or solicitation unrelated to the conversation.",
            CueReason::Link if fr => "Lien accompagné d'un appel à cliquer ou à suivre.",
            CueReason::Link => "A link with a call to click or follow.",
            CueReason::PersonalData if fr => "Donnée personnelle visible publiquement.",
            CueReason::PersonalData => "Personal data visible to everyone.",
            CueReason::Urgent if fr => {
                "Sécurité, santé, personne vulnérable ou service essentiel en jeu."
            }
            CueReason::Urgent => {
                "Safety, health, a vulnerable person or an essential service at stake."
            }
            CueReason::LegalThreat if fr => "Menace d'action en justice.",
            CueReason::LegalThreat => "A threat of legal action.",
            CueReason::Hostile if fr => "Ton hostile ou provocateur, sans grief précis.",
            CueReason::Hostile => "A hostile or provocative tone with no specific grievance.",
            CueReason::Apology if fr => {
                "Des excuses au nom d'une équipe : ce message répond à un reproche, il n'en fait pas."
            }
            CueReason::Apology => {
                "An apology on behalf of a team: this answers a grievance rather than voicing one."
            }
            CueReason::Truncated if fr => "Texte trop long : seule la première partie a été lue.",
            CueReason::Truncated => "Text too long: only its beginning was read.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_every_reason_is_worded_in_both_languages() {
        for reason in ALL {
            assert_eq!(CueReason::from_code(reason.code()), Some(reason));
            let fr = reason.describe(Lang::Fr);
            let en = reason.describe(Lang::En);
            assert_ne!(fr, en, "{reason:?}");
            assert!(fr.ends_with('.') && en.ends_with('.'), "{reason:?}");
        }
        assert_eq!(CueReason::from_code("nope"), None);
    }
}

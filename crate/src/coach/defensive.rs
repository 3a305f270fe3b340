//! P9, defensive wording: blaming the person, arguing about who is right, "as we already said",
//! and sarcasm back.
//!
//! "You should have…" blames only when it is about what the person did: "you should have
//! received an e-mail" is the brand admitting a miss, so the verb that follows decides.

use std::sync::OnceLock;

use crate::re::Regex;

use super::{alternatives, pattern, Check, Input, Warning};

fn blame() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            // English
            r"\bas\s+(?:we|i)\s+(?:have\s+|'ve\s+)?(?:already\s+)?(?:said|stated|explained|mentioned|told\s+you)\b",
            r"\bas\s+(?:already|previously)\s+(?:said|stated|explained|mentioned)\b",
            r"\bnot\s+our\s+(?:fault|problem|responsibility)\b",
            r"\bwe(?:'re|\s+are)\s+not\s+(?:responsible|to\s+blame|at\s+fault)\b",
            r"\b(?:it'?s|it\s+is|it\s+was|that'?s|this\s+is)\s+your\s+(?:own\s+)?(?:fault|mistake|responsibility)\b",
            r"\bcontrary\s+to\s+what\s+you\b",
            r"\byou(?:'re|\s+are)\s+(?:wrong|mistaken|confused)\b",
            r"\bthat(?:'s|\s+is)\s+(?:simply\s+)?not\s+(?:true|correct|what\s+happened)\b",
            r"\bwe\s+never\s+(?:said|promised|claimed)\b",
            r"\bif\s+you\s+had\s+(?:read|followed|checked|looked)\b",
            r"\byou\s+(?:obviously|clearly)\s+(?:didn'?t|did\s+not|don'?t|haven'?t|failed|misunderstood|missed)\b",
            r"\byou\s+(?:failed|neglected)\s+to\b",
            r"\byou\s+(?:(?:probably|must\s+have|may\s+have|likely|simply|just)\s+)?(?:misread|misunderstood|mistyped|misclicked)\b",
            r"\bnext\s+time,?\s+(?:please\s+)?(?:read|check|make\s+sure)\b",
            r"\bwith\s+all\s+due\s+respect\b",
            r"\bcalm\s+down\b",
            r"\bno\s+need\s+to\s+be\s+(?:rude|aggressive|so\s+\w+)\b",
            // French
            r"\bcomme\s+(?:nous\s+(?:vous\s+)?l'avons|on\s+(?:vous\s+)?l'a|je\s+(?:vous\s+)?l'ai)\s+(?:deja\s+)?(?:dit|indique|explique|precise|mentionne|ecrit|repete)\b",
            r"\bcomme\s+(?:deja\s+)?(?:dit|indique|explique|precise|mentionne)\s+(?:plus\s+haut|precedemment|auparavant|deja)\b",
            r"\bcomme\s+deja\s+(?:dit|indique|explique|precise|mentionne)\b",
            r"\bce\s+n'est\s+pas\s+(?:de\s+)?(?:notre|ma)\s+(?:faute|responsabilite|probleme|ressort)\b",
            r"\bnous\s+ne\s+sommes\s+pas\s+(?:responsables|en\s+cause|fautifs)\b",
            r"\bnous\s+n'y\s+sommes\s+pour\s+rien\b",
            r"\bcontrairement\s+a\s+ce\s+que\s+(?:vous|tu)\b",
            r"\b(?:vous\s+avez|tu\s+as)\s+tort\b",
            r"\bc'est\s+(?:faux|archi\s*faux|n'importe\s+quoi)\b",
            r"\b(?:vous\s+n'avez|tu\s+n'as)\s+(?:visiblement|manifestement|clairement|sans\s+doute|surement)\s+pas\s+(?:lu|compris|suivi|verifie)\b",
            r"\b(?:vous\s+avez|tu\s+as)\s+(?:(?:surement|sans\s+doute|probablement|certainement|du|peut-etre|simplement)\s+)?mal\s+(?:lu|compris|saisi|regarde|note|tape|rempli|verifie)\b",
            r"\bsi\s+(?:vous\s+aviez|tu\s+avais)\s+(?:bien\s+)?(?:lu|suivi|verifie|regarde|consulte)\b",
            r"\bil\s+(?:suffisait|fallait)\s+(?:de\s+)?(?:lire|verifier|regarder|suivre|consulter|bien\s+lire)\b",
            r"\bc'est\s+(?:votre|ta)\s+(?:faute|responsabilite|erreur)\b",
            r"\bnous\s+n'avons\s+jamais\s+(?:dit|promis|pretendu)\b",
            r"\b(?:la\s+prochaine\s+fois|a\s+l'avenir),?\s+(?:pensez|veillez|lisez|verifiez|merci\s+de\s+(?:lire|verifier))\b",
            r"\bcalmez[- ]vous\b|\bcalme[- ]toi\b",
            r"\binutile\s+d'etre\s+(?:agressif|agressive|impoli|impolie|desagreable|insultant|insultante)\b",
            r"\bavec\s+tout\s+le\s+respect\b",
        ])
    })
}

/// "You should have …" / "vous auriez dû …": groups 1 and 2 are the words that decide.
fn should_have() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        pattern(r"\b(?:you\s+(?:should|must)\s+have|you\s+should'?ve|vous\s+auriez\s+du|tu\s+aurais\s+du)\s+(\w+)(?:\s+(\w+))?")
    })
}

/// Verbs after "should have" that make it the brand's miss, not the person's.
const NOT_BLAME: &[&str] = &[
    "received",
    "receive",
    "been",
    "got",
    "gotten",
    "had",
    "heard",
    "seen",
    "recevoir",
    "etre",
    "avoir",
    "obtenir",
    "beneficier",
    "disposer",
];

fn sarcasm() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            r"\b(?:nice\s+try|good\s+luck\s+with\s+that|if\s+you\s+say\s+so|oh\s+really|yeah\s+right|sure\s+you\s+did|lol|lmao)\b",
            r"\b(?:bien\s+essaye|si\s+vous\s+le\s+dites|si\s+tu\s+le\s+dis|sans\s+blague|c'est\s+ca\s+oui|mdr|ptdr|et\s+la\s+marmotte)\b",
            "\u{1F644}|\u{1F60F}",
        ])
    })
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let folded = &input.draft.folded;
    let mut found: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    found.extend(blame().find_iter(folded).map(|m| (m.range(), false)));
    for caps in should_have().captures_iter(folded) {
        // The verb may follow an adverb ("you should have already received").
        let excused = [caps.get(1), caps.get(2)]
            .into_iter()
            .flatten()
            .any(|w| NOT_BLAME.contains(&w.as_str()));
        if !excused {
            let first = caps.get(1).expect("group 1 always matches");
            found.push((
                caps.get(0).expect("whole match").start()..first.end(),
                false,
            ));
        }
    }
    found.extend(sarcasm().find_iter(folded).map(|m| (m.range(), true)));
    found.sort_by_key(|(r, _)| (r.start, r.end));
    found
        .into_iter()
        .map(|(range, sarcastic)| {
            let span = input.draft.span(range);
            let quote = input.draft.quote(span.0, span.1);
            let message = if sarcastic {
                input.say(
                    format!("« {quote} » se lit comme de l'ironie : répondez simplement sur le fond."),
                    format!("\"{quote}\" reads as sarcasm: answer the point plainly."),
                )
            } else {
                input.say(
                    format!("« {quote} » est défensif ou rejette la faute sur la personne : ne discutez pas de qui a raison, reconnaissez son point et dites ce que vous faites."),
                    format!("\"{quote}\" sounds defensive or blames the person: don't argue about who is right, take their point and say what you will do."),
                )
            };
            Warning::new(Check::Defensive, span, message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;
    use crate::classify::Category;

    #[test]
    fn finds_blame_argument_and_sarcasm() {
        let cases: &[(&str, &[&str])] = &[
            // English
            ("You should have read the size guide before ordering.", &["You should have read"]),
            ("As we already said, delivery takes 5 days.", &["As we already said"]),
            ("It's not our fault if the courier is late.", &["not our fault"]),
            ("That's not true, we never promised next-day delivery.", &["That's not true", "we never promised"]),
            ("With all due respect, you're wrong.", &["With all due respect", "you're wrong"]),
            ("Nice try 🙄", &["Nice try", "🙄"]),
            ("You probably misread the invoice.", &["You probably misread"]),
            // English that must not warn
            ("You should have received a confirmation e-mail; it seems it never came, sorry.", &[]),
            ("You should have already received the refund, Sam.", &[]),
            ("It's not your fault at all, Sam: the label was wrong.", &[]),
            ("You're right, the parcel should have arrived on Monday.", &[]),
            ("We got it wrong, and we're fixing it today.", &[]),
            // French
            ("Vous auriez dû lire les conditions de vente.", &["Vous auriez dû lire"]),
            ("Comme nous l'avons déjà dit, la livraison prend 5 jours.", &["Comme nous l'avons déjà dit"]),
            ("Ce n'est pas notre faute si le transporteur est en retard.", &["Ce n'est pas notre faute"]),
            ("Contrairement à ce que vous dites, le produit est garanti.", &["Contrairement à ce que vous"]),
            ("Vous avez tort, c'est faux.", &["Vous avez tort", "c'est faux"]),
            ("Calmez-vous, s'il vous plaît.", &["Calmez-vous"]),
            ("Si vous le dites… mdr", &["Si vous le dites", "mdr"]),
            ("Vous avez sûrement mal lu votre facture.", &["Vous avez sûrement mal lu"]),
            ("Tu as mal compris l'offre.", &["Tu as mal compris"]),
            // French that must not warn
            ("Vous auriez dû recevoir un e-mail de confirmation, désolée qu'il ne soit pas arrivé.", &[]),
            ("Vous avez raison, le colis aurait dû arriver lundi.", &[]),
            ("Ce n'est pas de votre faute : l'étiquette était fausse.", &[]),
            ("Nous avons mal lu votre message, pardon : c'est corrigé.", &[]),
        ];
        for (draft, expected) in cases {
            let context = ctx(
                "Still no parcel / toujours pas de colis",
                Category::Complaint,
            );
            assert_eq!(&spans(check, draft, &context), expected, "{draft}");
        }
    }

    #[test]
    fn tells_sarcasm_from_blame() {
        let context = ctx("Still no parcel", Category::Complaint);
        let en = messages(check, "Nice try. You are wrong.", &context);
        assert!(
            en[0].contains("sarcasm") && en[1].contains("defensive"),
            "{en:?}"
        );
        let fr = messages(check, "Bien essayé. Vous avez tort.", &context);
        assert!(
            fr[0].contains("ironie") && fr[1].contains("défensif"),
            "{fr:?}"
        );
    }
}

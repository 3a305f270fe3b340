//! P12, a personal opinion off the brand's subject: politics or religion together with an
//! opinion in the same sentence ("personally I think the government…", "votez pour…").
//!
//! A topic word alone is not an opinion (a strike that delays deliveries can be named), and set
//! phrases are not religion ("thank God", "mon Dieu"). Saying that the brand stays out of it is
//! not an opinion either.

use std::sync::OnceLock;

use crate::re::Regex;

use super::{alternatives, pattern, Check, Input, Warning};

fn topic() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            // Politics, English and French
            r"\b(?:politics|political|politicians?|government|president|prime\s+minister|elections?|voters?|left[- ]wing|right[- ]wing|leftists?|democrats?|republicans?|parliament|congress|senate|immigration|immigrants|refugees|abortion|trump|biden|putin|israel|palestine|gaza|ukraine|russia|war)\b",
            r"\b(?:politique|politiques|politiciens?|gouvernement|president|ministre|elections?|electeurs|extreme[- ](?:droite|gauche)|gauchistes?|parlement|assemblee\s+nationale|senat|immigres|migrants|refugies|avortement|ivg|macron|le\s+pen|melenchon|bardella|poutine|israel|palestine|russie|guerre)\b",
            // Religion, English and French
            r"\b(?:religion|religious|god|church|islam|muslims?|christians?|christianity|jewish|jews|catholics?|pope|mosque|bible|quran|koran|jesus|allah|atheists?)\b",
            r"\b(?:religieux|religieuse|dieu|eglise|musulmans?|musulmanes?|chretiens?|chretiennes?|juifs?|juives?|catholiques?|pape|mosquee|coran|athees?|laicite)\b",
        ])
    })
}

fn opinion() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        alternatives(&[
            r"\b(?:i|we)\s+(?:really\s+)?(?:think|believe|feel|reckon|support|stand\s+with|hate|love)\b",
            r"\b(?:in\s+my\s+(?:personal\s+)?opinion|imo|imho|personally|if\s+you\s+ask\s+me|to\s+be\s+honest|frankly)\b",
            r"\b(?:vote\s+(?:for|against)|don'?t\s+vote|is\s+a\s+(?:disgrace|shame|joke)|corrupt|idiots?|stupid)\b",
            r"\b(?:je|nous|on)\s+(?:pense|pensons|crois|croyons|trouve|trouvons|soutiens|soutenons|deteste|adore)\b",
            r"\b(?:a\s+mon\s+avis|selon\s+moi|personnellement|perso|pour\s+moi|franchement|entre\s+nous)\b",
            r"\b(?:votez|ne\s+votez\s+pas|une\s+honte|honteux|honteuse|scandaleux|corrompus?|idiots?|debiles?|vive)\b",
        ])
    })
}

/// Set phrases that name God or war without speaking of religion or politics.
fn idiom() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        pattern(r"\b(?:thank\s+god|oh\s+my\s+god|my\s+god|god\s+knows|mon\s+dieu|dieu\s+merci|bon\s+dieu|dieu\s+sait|price\s+wars?|guerre\s+des\s+prix|star\s+wars)\b")
    })
}

/// The brand saying it stays out of the debate.
fn neutral() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        pattern(r"\b(?:(?:we|i)\s+(?:don'?t|do\s+not|never)\s+take\s+(?:sides|a\s+stand|a\s+position)|stay(?:s|ing)?\s+neutral|ne\s+(?:prenons|prend|prends)\s+(?:pas|jamais)\s+(?:position|parti)|rest(?:ons|e)\s+neutres?)\b")
    })
}

pub(super) fn check(input: &Input) -> Vec<Warning> {
    let folded = &input.draft.folded;
    let mut out = Vec::new();
    for sentence in &input.sentences {
        let text = &folded[sentence.clone()];
        let idioms: Vec<std::ops::Range<usize>> =
            idiom().find_iter(text).map(|m| m.range()).collect();
        let Some(subject) = topic().find_iter(text).find(|m| {
            !idioms
                .iter()
                .any(|i| i.start <= m.start() && m.end() <= i.end)
        }) else {
            continue;
        };
        if !opinion().is_match(text) || neutral().is_match(text) {
            continue;
        }
        let trimmed_start = sentence.start + (text.len() - text.trim_start().len());
        let trimmed_end = sentence.start + text.trim_end().len();
        let span = input.draft.span(trimmed_start..trimmed_end);
        let (s, e) = input
            .draft
            .span(sentence.start + subject.start()..sentence.start + subject.end());
        let about = input.draft.slice(s, e);
        out.push(Warning::new(
            Check::OffTopicOpinion,
            span,
            input.say(
                format!("Un avis personnel sur un sujet étranger à la marque (« {about} ») : la marque s'en tient à ce qui la concerne."),
                format!("A personal opinion on a subject outside the brand's (\"{about}\"): the brand keeps to what concerns it."),
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;
    use crate::classify::Category;

    #[test]
    fn opinions_on_politics_or_religion() {
        let cases: &[(&str, &[&str])] = &[
            // English
            (
                "Personally, I think the government is a disgrace. Your parcel ships today.",
                &["Personally, I think the government is a disgrace."],
            ),
            ("Vote for change! Sorry about the delay.", &[]),
            (
                "Sorry about the delay. We support the president on this one.",
                &["We support the president on this one."],
            ),
            (
                "The rail strike and the elections closed two depots; your parcel ships today.",
                &[],
            ),
            ("Thank God it arrived! I think you'll love it.", &[]),
            ("We don't take sides on politics, I think that's fair.", &[]),
            (
                "Honestly, I think the price war hurt everyone; our prices stay put.",
                &[],
            ),
            // French
            (
                "Franchement, le gouvernement est une honte. Votre colis part aujourd'hui.",
                &["Franchement, le gouvernement est une honte."],
            ),
            (
                "Votre colis part demain. Je pense que l'Église a raison sur ce point.",
                &["Je pense que l'Église a raison sur ce point."],
            ),
            (
                "La grève et les élections ont fermé deux dépôts ; votre colis part demain.",
                &[],
            ),
            (
                "Mon Dieu, quelle histoire ! Je pense que le colis arrivera demain.",
                &[],
            ),
            (
                "Nous ne prenons pas position en politique, je pense que vous comprendrez.",
                &[],
            ),
        ];
        for (draft, expected) in cases {
            let context = ctx(
                "Where is my parcel? / Où est mon colis ?",
                Category::Complaint,
            );
            assert_eq!(&spans(check, draft, &context), expected, "{draft}");
        }
    }

    #[test]
    fn names_the_subject_in_the_draft_language() {
        let context = ctx("Où est mon colis ?", Category::Complaint);
        let fr = messages(
            check,
            "À mon avis, le président devrait démissionner.",
            &context,
        );
        assert!(fr[0].contains("(« président »)"), "{fr:?}");
        let en = messages(check, "In my opinion, the pope is right.", &context);
        assert!(en[0].contains("(\"pope\")"), "{en:?}");
    }
}

//! P8, feeding a troll: a long answer to a comment the classifier judged trolling.
//!
//! "Long" is more than two sentences, or more than [`MAX_CHARS`] characters: the fair part of a
//! provocation can be answered in a sentence or two, or not at all.

use super::{Check, Input, Warning};
use crate::classify::Category;

/// Two short sentences fit; more is a conversation the brand cannot finish.
const MAX_SENTENCES: usize = 2;
const MAX_CHARS: usize = 220;

pub(super) fn check(input: &Input) -> Vec<Warning> {
    if input.ctx.category() != Category::Troll {
        return Vec::new();
    }
    let folded = &input.draft.folded;
    let sentences = input
        .sentences
        .iter()
        .filter(|s| folded[(*s).clone()].chars().any(char::is_alphanumeric))
        .count();
    let chars = input.draft.char_count();
    if sentences <= MAX_SENTENCES && chars <= MAX_CHARS {
        return Vec::new();
    }
    vec![Warning::new(
        Check::FeedingTroll,
        input.whole(),
        input.say(
            format!("Ce commentaire ressemble à de la provocation : une longue réponse ({sentences} phrases) l'alimente. Laissez passer, ou répondez à la part fondée en une ou deux phrases."),
            format!("This comment looks like trolling: a long answer ({sentences} sentences) feeds it. Let it go, or answer the fair part in one or two sentences."),
        ),
    )]
}

#[cfg(test)]
mod tests {
    use super::super::testing::{ctx, messages, spans};
    use super::*;

    #[test]
    fn long_answers_to_trolls_warn() {
        let long_en = "We hear you. But honestly our prices are fair. We source locally. We pay our staff well. Look at our reports before you judge.";
        let long_fr = "Nous vous entendons. Mais nos prix sont justes. Nous achetons local. Nous payons bien nos équipes. Lisez nos rapports avant de juger.";
        let one_line = "x".repeat(230);
        let cases: &[(&str, Category, bool)] = &[
            (long_en, Category::Troll, true),
            (
                "Fair point on delivery times, Sam: we're working on it.",
                Category::Troll,
                false,
            ),
            ("Noted. Have a good day!", Category::Troll, false),
            (&one_line, Category::Troll, true),
            (long_en, Category::Complaint, false),
            (long_fr, Category::Troll, true),
            (
                "Vous avez raison sur les délais, nous y travaillons.",
                Category::Troll,
                false,
            ),
            ("Bonne journée !", Category::Troll, false),
            (long_fr, Category::Question, false),
        ];
        for (draft, category, warns) in cases {
            let context = ctx("Your brand is a scam lol", *category);
            assert_eq!(!spans(check, draft, &context).is_empty(), *warns, "{draft}");
        }
    }

    #[test]
    fn counts_sentences_in_the_message() {
        let context = ctx("lol nul", Category::Troll);
        let fr = messages(
            check,
            "Non. Pas du tout. Vous vous trompez. Vraiment.",
            &context,
        );
        assert!(fr[0].contains("(4 phrases)"), "{fr:?}");
        let en = messages(check, "No. Not at all. You are wrong. Really.", &context);
        assert!(en[0].contains("(4 sentences)"), "{en:?}");
    }
}

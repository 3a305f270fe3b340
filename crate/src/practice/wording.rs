//! The practice card's own words, in French and English: rule titles and category names. The
//! guidance and the coach bring their own wording.

use crate::classify::Category;

/// Picks the French or the English text; `Say(true)` speaks French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Say(pub bool);

impl Say {
    pub fn t(self, fr: &str, en: &str) -> String {
        if self.0 { fr } else { en }.to_string()
    }

    /// The French or English template with each `{}` replaced by the next of `args`: one
    /// formatting routine for every sentence, rather than one per `format!` (module size).
    pub fn fill(self, fr: &str, en: &str, args: &[String]) -> String {
        let template = if self.0 { fr } else { en };
        let mut out = String::with_capacity(template.len() + 40);
        let mut args = args.iter();
        let mut pieces = template.split("{}");
        if let Some(first) = pieces.next() {
            out.push_str(first);
        }
        for piece in pieces {
            out.push_str(args.next().map_or("", String::as_str));
            out.push_str(piece);
        }
        out
    }
}

/// The short name of a practice rule (shared/PRACTICE.md), French first.
const RULE_TITLES: [(&str, &str, &str); 18] = [
    ("P1", "Écouter avant de parler", "Listen before you speak"),
    (
        "P2",
        "Répondre à chaque plainte et question",
        "Answer every complaint and question",
    ),
    (
        "P3",
        "Public ou privé, sur la même plateforme",
        "Public or private, on the same platform",
    ),
    (
        "P4",
        "Nommer le problème précis",
        "Name the specific problem",
    ),
    ("P5", "Assurer le suivi", "Follow up and close the loop"),
    (
        "P6",
        "Ne pas masquer la critique légitime",
        "Don't hide legitimate criticism",
    ),
    (
        "P7",
        "Masquer ce qui nuit à la communauté",
        "Hide what harms the community",
    ),
    ("P8", "Ne pas nourrir les trolls", "Don't feed trolls"),
    ("P9", "Jamais sur la défensive", "Never defensive"),
    ("P10", "Pas de réponse toute faite", "No canned replies"),
    ("P11", "La voix de la marque", "The brand's voice"),
    ("P12", "Honnête et transparent", "Honest and transparent"),
    ("P13", "Pas de promotion", "Not promotional"),
    ("P14", "Remercier", "Thank people"),
    (
        "P15",
        "Un geste dans les limites fixées",
        "A gesture within the brand's limits",
    ),
    (
        "P16",
        "Crise : un message pour tous",
        "Crisis: one message to everyone",
    ),
    ("P17", "Mesurer", "Measure"),
    (
        "P18",
        "Apprendre sans piloter seul",
        "Learn, don't pilot alone",
    ),
];

pub fn rule_title(rule: &str, fr: bool) -> &'static str {
    RULE_TITLES
        .iter()
        .find(|(id, _, _)| *id == rule)
        .map_or("", |(_, f, e)| if fr { f } else { e })
}

pub fn category_name(category: Category, fr: bool) -> &'static str {
    match (category, fr) {
        (Category::Complaint, false) => "a complaint",
        (Category::Complaint, true) => "une plainte",
        (Category::Question, false) => "a question",
        (Category::Question, true) => "une question",
        (Category::Praise, false) => "praise",
        (Category::Praise, true) => "un compliment",
        (Category::Troll, false) => "trolling",
        (Category::Troll, true) => "de la provocation",
        (Category::Spam, false) => "spam",
        (Category::Spam, true) => "du spam",
        (Category::Neutral, false) => "a neutral remark",
        (Category::Neutral, true) => "une remarque neutre",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_the_arguments_in_the_chosen_language() {
        let args = ["a".to_string(), "b".to_string()];
        let cases = [
            (true, "un {} deux {}", "one {} two {}", "un a deux b"),
            (false, "un {} deux {}", "one {} two {}", "one a two b"),
            (false, "", "{}{}{}", "ab"),
            (true, "sans trou", "", "sans trou"),
        ];
        for (fr, fr_template, en_template, want) in cases {
            assert_eq!(Say(fr).fill(fr_template, en_template, &args), want);
        }
    }

    #[test]
    fn every_rule_has_both_titles() {
        for n in 1..=18 {
            let id = format!("P{n}");
            assert!(!rule_title(&id, true).is_empty(), "{id} fr");
            assert!(!rule_title(&id, false).is_empty(), "{id} en");
        }
        assert_eq!(rule_title("P99", false), "");
    }
}

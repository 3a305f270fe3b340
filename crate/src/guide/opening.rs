//! The suggested opening line: built from this comment's specifics and the brand's voice, so it can
//! never be a canned reply (P10). Several sentence shapes per situation; the comment's id picks where
//! to start, and any shape already suggested in the thread is skipped, so two comments of a thread
//! never get the same line. When every shape is taken, no opening is better than a repeated one.

use super::specifics::{fold, IssueKind};
use super::words::{address_forms, fr_de, thing};
use super::{Action, Facts};
use crate::classify::Category;
use crate::profile::{Address, EmojiPolicy, Formality};

/// Formulas community managers are taught to avoid (P10), folded (lowercase, no accents). No
/// opening or point Candor writes may contain one.
pub const STOCK_PHRASES: &[&str] = &[
    "we apologize for any inconvenience",
    "we apologise for any inconvenience",
    "sorry for the inconvenience",
    "sorry for any inconvenience",
    "your call is important to us",
    "thank you for your patience",
    "thank you for reaching out",
    "thanks for reaching out",
    "we value your feedback",
    "your feedback is important to us",
    "thanks for your feedback",
    "we understand your frustration",
    "we take this very seriously",
    "please send us an email",
    "please contact customer service",
    "sorry to hear that",
    "we are looking into it",
    "nous sommes desoles pour la gene occasionnee",
    "nous nous excusons pour la gene occasionnee",
    "veuillez nous excuser pour la gene occasionnee",
    "desole pour la gene occasionnee",
    "votre demande a bien ete prise en compte",
    "nous prenons note de votre remarque",
    "merci de votre patience",
    "merci pour votre patience",
    "n'hesitez pas a nous contacter",
    "votre satisfaction est notre priorite",
    "merci pour votre retour",
    "nous comprenons votre frustration",
    "envoyez-nous un e-mail",
    "contactez notre service client",
    "nous mettons tout en oeuvre",
];

/// Whether `text` contains one of [`STOCK_PHRASES`].
pub fn is_stock(text: &str) -> bool {
    let folded = fold(text);
    STOCK_PHRASES.iter().any(|p| folded.contains(p))
}

const COMPLAINT_EN: &[&str] = &[
    "{greet}{problem}{since}: that is not what you should have to deal with, and I'm looking into it.",
    "{greet}thanks for flagging {problem}{since}. Let me check what happened.",
    "{greet}you're right to raise {problem}{since}; I'm taking it from here.",
    "{greet}I've read your message about {problem}{since} and I'm checking it right now.",
    "{greet}{problem}{since} shouldn't have happened. I'm on it.",
    "{greet}sorry about {problem}{since}. Let's get this fixed together.",
    "{greet}{problem}{since} needs sorting out, and I'll follow it through with you.",
];
const COMPLAINT_FR: &[&str] = &[
    "{greet}{problem}{since} : ce n'est pas ce que [vous deviez|tu devais] vivre, je regarde ça.",
    "{greet}merci de signaler {problem}{since}, je vérifie ce qui s'est passé.",
    "{greet}[vous avez|tu as] raison de parler {de_problem}{since} ; je m'en occupe.",
    "{greet}j'ai lu [votre|ton] message sur {problem}{since} et je vérifie tout de suite.",
    "{greet}{problem}{since}, ça n'aurait pas dû arriver. Je m'en charge.",
    "{greet}toutes nos excuses pour {problem}{since}. On règle ça ensemble ?",
    "{greet}{problem}{since} doit être réglé, et je [vous|te] suis jusqu'au bout.",
];

const URGENT_EN: &[&str] = &[
    "{greet}I'm treating {problem} as a priority and passing it on right now.",
    "{greet}{problem} is being handled first; the right person is being alerted now.",
    "{greet}thank you for telling us about {problem}: it has gone straight to the team in charge.",
];
const URGENT_FR: &[&str] = &[
    "{greet}je traite {problem} en priorité et je transmets tout de suite.",
    "{greet}{problem} passe avant tout le reste : la bonne personne est prévenue.",
    "{greet}merci de nous avoir alertés sur {problem} : c'est transmis à l'équipe concernée.",
];

const QUESTION_EN: &[&str] = &[
    "{greet}good question about {topic}, here's the answer.",
    "{greet}about {topic}: here's what I can tell you.",
    "{greet}happy to clear up {topic} for you.",
    "{greet}on {topic}, here's where things stand.",
];
const QUESTION_FR: &[&str] = &[
    "{greet}bonne question sur {topic}, voici la réponse.",
    "{greet}concernant {topic}, voici ce que je peux [vous|te] dire.",
    "{greet}je [vous |t']éclaire volontiers sur {topic}.",
    "{greet}pour {topic}, voici où on en est.",
];
const QUESTION_PLAIN_EN: &[&str] = &[
    "{greet}good question, here's the answer.",
    "{greet}here's what I can tell you.",
];
const QUESTION_PLAIN_FR: &[&str] = &[
    "{greet}bonne question, voici la réponse.",
    "{greet}voici ce que je peux [vous|te] dire.",
];

const PRAISE_EN: &[&str] = &[
    "{greet}thanks for the kind words about {topic}!{emoji}",
    "{greet}lovely to read this about {topic}, thank you!{emoji}",
    "{greet}your note on {topic} made the team's day!{emoji}",
];
const PRAISE_FR: &[&str] = &[
    "{greet}merci pour ce gentil message sur {topic} !{emoji}",
    "{greet}ravis que {topic} [vous|te] plaise !{emoji}",
    "{greet}[votre|ton] message sur {topic} a fait plaisir à toute l'équipe !{emoji}",
];
const PRAISE_PLAIN_EN: &[&str] = &[
    "{greet}thanks for the kind words!{emoji}",
    "{greet}lovely to read, thank you!{emoji}",
    "{greet}this made the team's day!{emoji}",
];
const PRAISE_PLAIN_FR: &[&str] = &[
    "{greet}merci pour ce gentil message !{emoji}",
    "{greet}ça fait plaisir à lire, merci !{emoji}",
    "{greet}[votre|ton] message a fait plaisir à toute l'équipe !{emoji}",
];

const SURGE_EN: &str = "To everyone affected by {problem}: here is what happened, and what we are changing so it does not happen again.";
const SURGE_FR: &str = "À toutes les personnes touchées par {problem} : voici ce qui s'est passé, et ce que nous changeons pour que cela ne se reproduise pas.";

/// The problem as the opening names it: « l'attente de ta commande 48213 », "the fault with your
/// charger". `None` when the comment names no problem and no object.
fn problem_phrase(f: &Facts, possessive: bool) -> Option<String> {
    let fr = f.fr();
    let thing = thing(f, possessive);
    let kind = f.specifics.issues.first().copied();
    let tu = f.profile.address == Address::Tu;
    let with = |en_alone: &str, en_of: &str, fr_alone: &str, fr_of: &str| -> String {
        match (&thing, fr) {
            (Some(t), false) => format!("{en_of} {t}"),
            (Some(t), true) => match fr_of.strip_suffix("de ") {
                Some(head) => format!("{head}{}", fr_de(t)),
                None => format!("{fr_of}{t}"),
            },
            (None, false) => en_alone.to_string(),
            (None, true) => fr_alone.to_string(),
        }
    };
    let phrase = match kind {
        Some(IssueKind::LateDelivery) => {
            let own = if fr {
                if tu {
                    "ta commande"
                } else {
                    "votre commande"
                }
            } else {
                "your order"
            };
            let own_fr = format!("l'attente {}", fr_de(own));
            with(
                &format!("the wait for {own}"),
                "the wait for",
                &own_fr,
                "l'attente de ",
            )
        }
        Some(IssueKind::Delay) => with("the delay", "the delay to", "le retard", "le retard de "),
        Some(IssueKind::Cancellation) => with(
            "the cancellation",
            "the cancellation of",
            "l'annulation",
            "l'annulation de ",
        ),
        Some(IssueKind::BrokenProduct) => {
            with("the fault", "the fault with", "le défaut", "le défaut de ")
        }
        Some(IssueKind::WrongItem) => {
            with("the mix-up", "the mix-up with", "l'erreur", "l'erreur sur ")
        }
        Some(IssueKind::LostItem) => with("the loss", "the loss of", "la perte", "la perte de "),
        Some(IssueKind::Billing) => with(
            "the billing problem",
            "the billing problem on",
            "le souci de facturation",
            "le souci de facturation sur ",
        ),
        Some(IssueKind::NoAnswer) => with(
            "the missing reply",
            "the missing reply on",
            "l'absence de réponse",
            "l'absence de réponse sur ",
        ),
        Some(IssueKind::Outage) => with("the outage", "the outage on", "la panne", "la panne de "),
        Some(IssueKind::PoorQuality) => with(
            "the quality problem",
            "the quality of",
            "le problème de qualité",
            "la qualité de ",
        ),
        Some(IssueKind::RudeStaff) => {
            if fr {
                address_forms("l'accueil que [vous avez|tu as] reçu", tu)
            } else {
                "the way you were treated".to_string()
            }
        }
        None => match (thing, cue_words(f)) {
            (Some(t), _) if fr => format!("le souci avec {t}"),
            (Some(t), _) => format!("the trouble with {t}"),
            (None, Some(c)) if fr => {
                address_forms(&format!("ce que [vous dites|tu dis] de « {c} »"), tu)
            }
            (None, Some(c)) => format!("what you say about “{c}”"),
            (None, None) => return None,
        },
    };
    Some(phrase)
}

/// The words of the classifier's first cue (the span that made it a complaint), when short enough
/// to quote: a comment that names no known problem is still acknowledged in its own words.
fn cue_words(f: &Facts) -> Option<String> {
    let cue = f.verdict.cues.first()?;
    let len = cue.end.checked_sub(cue.start)?;
    if !(2..=40).contains(&len) {
        return None;
    }
    let words: String = f.text.chars().skip(cue.start).take(len).collect();
    let words = words.trim();
    (words.chars().count() >= 2).then(|| words.to_string())
}

/// " since Monday" / " depuis 3 jours" when the comment gave a duration that reads on after a noun.
fn since(f: &Facts) -> String {
    f.specifics
        .durations
        .iter()
        .find(|d| {
            let d = fold(d);
            d.starts_with("since ") || d.starts_with("for ") || d.starts_with("depuis ")
        })
        .map(|d| format!(" {d}"))
        .unwrap_or_default()
}

/// The first name to greet, when the author's name looks like one.
fn first_name(author: &str) -> Option<String> {
    // An @handle is not a name to greet someone by.
    let first = author.split_whitespace().next()?;
    let ok = (2..=20).contains(&first.chars().count())
        && first.chars().next().is_some_and(char::is_uppercase)
        && first
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && first.chars().next().is_some_and(char::is_alphabetic);
    ok.then(|| first.to_string())
}

fn greeting(f: &Facts) -> String {
    let Some(name) = f.author.and_then(first_name) else {
        return String::new();
    };
    let casual = f.profile.formality == Formality::Casual;
    let word = match (f.fr(), casual, f.profile.address) {
        (true, true, Address::Tu) => "Salut",
        (true, _, _) => "Bonjour",
        (false, true, _) => "Hi",
        (false, _, _) => "Hello",
    };
    format!("{word} {name}, ")
}

fn emoji(f: &Facts) -> &'static str {
    match f.profile.emoji {
        EmojiPolicy::Never => "",
        EmojiPolicy::Sparingly => " 🙂",
        EmojiPolicy::Freely => " 🙌",
    }
}

/// The topic of a question or praise: "the charger", « votre commande 48213 », "Kiwi 3".
fn topic(f: &Facts) -> Option<String> {
    thing(
        f,
        f.verdict.category == Category::Question && !f.specifics.references.is_empty(),
    )
    .or_else(|| thing(f, false))
}

fn render(template: &str, f: &Facts, problem: &str, topic: &str) -> String {
    let tu = f.profile.address == Address::Tu;
    let text = address_forms(template, tu)
        .replace("{greet}", &greeting(f))
        .replace("{de_problem}", &fr_de(problem))
        .replace("{problem}", problem)
        .replace("{since}", &since(f))
        .replace("{topic}", topic)
        .replace("{emoji}", emoji(f));
    capitalize(&text)
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Normalises an opening for comparison: folded, letters and digits only.
fn key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The opening for this comment, or `None` when nothing fits (trolls, spam, neutral comments,
/// or every shape already used in the thread).
pub fn compose(f: &Facts) -> Option<String> {
    let fr = f.fr();
    let mut candidates: Vec<String> = Vec::new();
    let pick = |en: &'static [&'static str], fr_list: &'static [&'static str]| {
        if fr {
            fr_list
        } else {
            en
        }
    };
    let rotated = |list: &[&'static str], seed: u64| -> Vec<&'static str> {
        let start = (seed % list.len().max(1) as u64) as usize;
        list[start..]
            .iter()
            .chain(&list[..start])
            .copied()
            .collect()
    };
    match (f.action, f.verdict.category) {
        (Action::Escalate, _) => {
            let problem = problem_phrase(f, true).unwrap_or_else(|| {
                let fallback =
                    pick_word(fr, "what you describe", "ce que [vous décrivez|tu décris]");
                address_forms(&fallback, f.profile.address == Address::Tu)
            });
            for t in rotated(pick(URGENT_EN, URGENT_FR), f.seed) {
                candidates.push(render(t, f, &problem, ""));
            }
        }
        (Action::DoNotEngage | Action::Hide | Action::NoReplyNeeded, _) => return None,
        (_, Category::Complaint) => {
            let problem = problem_phrase(f, true)?;
            if f.surge {
                let shared = problem_phrase(f, false).unwrap_or_else(|| problem.clone());
                let general = if fr { SURGE_FR } else { SURGE_EN };
                candidates.push(capitalize(&general.replace("{problem}", &shared)));
            }
            for t in rotated(pick(COMPLAINT_EN, COMPLAINT_FR), f.seed) {
                candidates.push(render(t, f, &problem, ""));
            }
        }
        (_, Category::Praise) => match topic(f) {
            Some(t) => {
                for tpl in rotated(pick(PRAISE_EN, PRAISE_FR), f.seed) {
                    candidates.push(render(tpl, f, "", &t));
                }
            }
            None => {
                for tpl in rotated(pick(PRAISE_PLAIN_EN, PRAISE_PLAIN_FR), f.seed) {
                    candidates.push(render(tpl, f, "", ""));
                }
            }
        },
        (_, Category::Question | Category::Neutral) => match topic(f) {
            Some(t) => {
                for tpl in rotated(pick(QUESTION_EN, QUESTION_FR), f.seed) {
                    candidates.push(render(tpl, f, "", &t));
                }
            }
            None => {
                for tpl in rotated(pick(QUESTION_PLAIN_EN, QUESTION_PLAIN_FR), f.seed) {
                    candidates.push(render(tpl, f, "", ""));
                }
            }
        },
        (_, Category::Troll | Category::Spam) => return None,
    }
    let used: Vec<String> = f.thread.openings.iter().map(|o| key(o)).collect();
    candidates
        .into_iter()
        .find(|c| !is_stock(c) && !used.contains(&key(c)))
}

fn pick_word(fr: bool, en: &str, fr_text: &str) -> String {
    super::words::pick(fr, en, fr_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greets_by_a_first_name_only() {
        let cases = [
            ("Marie Dupont", Some("Marie")),
            ("Zoé", Some("Zoé")),
            ("Jean-Luc Picard", Some("Jean-Luc")),
            ("@liz", None),
            ("marie_d", None),
            ("liz", None),
            ("X Æ A-12", None),
            ("Dupont2000", None),
            ("", None),
            ("🌸 Marie", None),
        ];
        for (author, expected) in cases {
            assert_eq!(first_name(author).as_deref(), expected, "{author}");
        }
    }

    #[test]
    fn the_stock_list_is_recognised_in_any_case_or_accent() {
        let cases = [
            ("Nous sommes désolés pour la gêne occasionnée.", true),
            ("WE APOLOGIZE FOR ANY INCONVENIENCE", true),
            ("Merci pour votre retour !", true),
            ("Merci de signaler la panne de ton vélo.", false),
            ("Thanks for flagging the outage on your app.", false),
        ];
        for (text, stock) in cases {
            assert_eq!(is_stock(text), stock, "{text}");
        }
    }
}

//! The practice page's words, in French and English, chosen by the page's language.
//!
//! Owns: every sentence the practice page shows or announces, the short names of the practice rules
//! (P1…P18) it lists under "what to practise next", and the way it writes a comment's time. What the
//! coach says about a draft (warnings, guidance, each rule's score and why) comes from the engine in
//! the same language; category names come from [`crate::thread::export`], which the panel shares.

use crate::classify::Category;
use crate::text::Lang;
use crate::thread::export::category_name;
use crate::thread::Platform;
use crate::web::ui::strings::{fr_en_table, platform_name};

fr_en_table! {
    /// The practice page's strings in one language.
    pub struct Words;

    /// `fr` or `en`, as the engine's `ui_lang` wants it.
    code = ["en", "fr"];
    page_title = ["Practice replying", "S'entraîner à répondre"];
    intro = [
        "Threads written for training. Pick a comment, write the reply you would post, and the coach shows what it sees as you type; submit it to get a score for each practice rule, with the reason. Nothing you write leaves this browser.",
        "Des fils écrits pour l'entraînement. Choisissez un commentaire, rédigez la réponse que vous publieriez : le coach signale ce qu'il voit pendant que vous tapez ; envoyez-la pour obtenir une note par règle de pratique, avec sa raison. Rien de ce que vous écrivez ne quitte ce navigateur.",
    ];
    filter_label = ["Threads in", "Fils en"];
    threads_heading = ["Practice threads", "Fils d'entraînement"];
    no_thread_in_filter = [
        "No practice thread in this language.",
        "Aucun fil d'entraînement dans cette langue.",
    ];
    loading = ["Loading…", "Chargement…"];
    load_failed(what: &str, why: &str) = [
        "Could not load {what}: {why}",
        "Impossible de charger {what} : {why}",
    ];
    the_list = ["the list of practice threads", "la liste des fils"];
    the_thread(id: &str) = ["the thread \"{id}\"", "le fil « {id} »"];
    next_heading = ["What to practise next", "À travailler ensuite"];
    next_empty = [
        "Submit a few replies: the rules you score lowest on will be listed here.",
        "Envoyez quelques réponses : les règles où vous obtenez le moins de points s'afficheront ici.",
    ];
    reset = ["Reset my progress", "Effacer ma progression"];
    reset_question = [
        "Erase every attempt recorded in this browser? This cannot be undone.",
        "Effacer toutes les tentatives enregistrées dans ce navigateur ? C'est définitif.",
    ];
    reset_yes = ["Yes, erase it", "Oui, tout effacer"];
    reset_no = ["No, keep it", "Non, garder"];
    reset_done = ["Your progress was erased.", "Votre progression a été effacée."];
    corrupt(why: &str) = [
        "Your saved progress could not be read ({why}), so Candor replaced it with a fresh record.",
        "Votre progression enregistrée était illisible ({why}) : Candor l'a remplacée par un relevé vierge.",
    ];
    back = ["← All practice threads", "← Tous les fils"];
    brief_heading = ["The situation", "La situation"];
    thread_heading = ["The thread", "Le fil"];
    pick_hint = [
        "Choose a comment's Reply button (or press Enter on it) to answer it.",
        "Choisissez le bouton Répondre d'un commentaire (ou appuyez sur Entrée) pour y répondre.",
    ];
    reply = ["Reply", "Répondre"];
    reply_to(author: &str) = ["Reply to {author}", "Répondre à {author}"];
    brand_badge = ["Brand", "Marque"];
    in_reply_to(author: &str) = ["replying to {author}", "en réponse à {author}"];
    best_for_comment(score: u8) = ["Your best: {score}/100", "Votre meilleur score : {score}/100"];
    draft_label(author: &str) = ["Your reply to {author}", "Votre réponse à {author}"];
    guidance_heading = [
        "What the coach advises, and why",
        "Ce que conseille le coach, et pourquoi",
    ];
    opening(opening: &str) = [
        "A possible opening: \"{opening}\"",
        "Une entrée en matière possible : « {opening} »",
    ];
    warnings_heading = ["The coach, as you type", "Le coach, pendant que vous tapez"];
    start_typing = [
        "Start typing: what to reconsider in your draft shows here.",
        "Commencez à écrire : ce qui mérite d'être revu dans votre brouillon s'affiche ici.",
    ];
    no_warning = [
        "Nothing to flag in your draft so far.",
        "Rien à signaler dans votre brouillon pour l'instant.",
    ];
    warning_count(n: usize) = ["{n} thing(s) to reconsider.", "{n} point(s) à revoir."];
    submit = ["Submit my reply", "Envoyer ma réponse"];
    try_again = ["Try again", "Réessayer"];
    write_first = [
        "Write your reply before submitting it.",
        "Rédigez votre réponse avant de l'envoyer.",
    ];
    result_heading = ["Your score, rule by rule", "Votre note, règle par règle"];
    col_rule = ["Rule", "Règle"];
    col_title = ["What it asks", "Ce qu'elle demande"];
    col_score = ["Score", "Note"];
    col_why = ["Why", "Pourquoi"];
    total(score: u8) = ["Total: {score}/100", "Total : {score}/100"];
    scored(score: u8) = [
        "Reply scored {score}/100 and recorded.",
        "Réponse notée {score}/100 et enregistrée.",
    ];
    note_heading = ["The trainer's note", "La note du formateur"];
    review_failed(why: &str) = [
        "The coach could not review this draft: {why}",
        "Le coach n'a pas pu relire ce brouillon : {why}",
    ];
    save_failed(why: &str) = [
        "Your attempt could not be recorded: {why}",
        "Votre tentative n'a pas pu être enregistrée : {why}",
    ];
    open_demo = [
        "Open the demo thread on X (Candor's badges and card at work)",
        "Ouvrir le fil de démonstration sur X (les badges et la fiche de Candor en action)",
    ];
    privacy = [
        "Your attempts are kept in this browser only (extension storage); the reset button erases them.",
        "Vos tentatives restent dans ce navigateur (stockage de l'extension) ; le bouton d'effacement les supprime.",
    ];
}

impl Words {
    /// The language filter's choices: `None` is every language.
    pub fn filter_choice(self, lang: Option<Lang>) -> &'static str {
        match lang {
            Some(Lang::Fr) => self.pick("French", "français"),
            Some(_) => self.pick("English", "anglais"),
            None => self.pick("All", "toutes langues"),
        }
    }

    pub fn lang_name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.pick("French", "Français"),
            _ => self.pick("English", "Anglais"),
        }
    }

    /// A thread's progress line in the list.
    pub fn thread_progress(self, attempted: usize, total: usize, best: Option<u8>) -> String {
        match (self.fr(), attempted, best) {
            (true, 0, _) => format!("Pas encore commencé · {total} commentaire(s) à traiter"),
            (false, 0, _) => format!("Not started · {total} comment(s) to answer"),
            (true, _, Some(b)) => format!(
                "{attempted} commentaire(s) sur {total} essayé(s) · meilleure moyenne {b}/100"
            ),
            (false, _, Some(b)) => {
                format!("{attempted} of {total} comment(s) tried · best average {b}/100")
            }
            (true, _, None) => format!("{attempted} commentaire(s) sur {total} essayé(s)"),
            (false, _, None) => format!("{attempted} of {total} comment(s) tried"),
        }
    }

    pub fn next_item(self, rule: &str, mean: f32) -> String {
        let title = self.rule_title(rule).unwrap_or("");
        if self.fr() {
            format!("{rule} · {title} — moyenne {mean:.1} sur 2")
        } else {
            format!("{rule} · {title} — average {mean:.1} of 2")
        }
    }

    pub fn you_answer_as(self, brand: &str, platform: Platform) -> String {
        let place = platform_name(platform);
        if self.fr() {
            format!("Vous répondez au nom de {brand}, sur {place}.")
        } else {
            format!("You answer for {brand}, on {place}.")
        }
    }

    /// The guidance's action, as `crate::guide::Action` serialises it.
    pub fn action(self, action: &str) -> &'static str {
        match action {
            "answer_publicly" => self.pick("Answer in public", "Répondre en public"),
            "move_to_private" => self.pick(
                "Acknowledge in public, then continue in a private message on the same platform",
                "Reconnaître en public, puis poursuivre en message privé sur la même plateforme",
            ),
            "answer_question" => self.pick(
                "Answer the question in public",
                "Répondre à la question en public",
            ),
            "thank" => self.pick("Thank the person", "Remercier la personne"),
            "do_not_engage" => self.pick("Don't feed the troll", "Ne pas nourrir le troll"),
            "hide" => self.pick(
                "No reply: hiding it is fine",
                "Pas de réponse : le masquer est acceptable",
            ),
            "escalate" => self.pick(
                "Alert the escalation contact now, and acknowledge",
                "Alerter le contact d'escalade tout de suite, et accuser réception",
            ),
            "no_reply_needed" => self.pick("No reply needed", "Pas besoin de répondre"),
            _ => self.pick("Reply with care", "Répondre avec soin"),
        }
    }

    pub fn priority(self, priority: &str) -> &'static str {
        match priority {
            "now" => self.pick("now", "tout de suite"),
            "today" => self.pick("today", "aujourd'hui"),
            "when_possible" => self.pick("when possible", "dès que possible"),
            _ => self.pick("no hurry", "sans urgence"),
        }
    }

    pub fn action_line(self, action: &str, priority: &str) -> String {
        let (action, when) = (self.action(action), self.priority(priority));
        if self.fr() {
            format!("À faire : {action} ({when}).")
        } else {
            format!("To do: {action} ({when}).")
        }
    }

    /// Whether the engine read the comment as the thread's author labelled it.
    pub fn agreement(
        self,
        engine: Option<Category>,
        expected: Option<Category>,
        agrees: bool,
    ) -> String {
        let name = |c: Option<Category>| {
            c.map_or("?", |c| category_name(c, self.lang))
                .to_lowercase()
        };
        let (engine, expected) = (name(engine), name(expected));
        match (self.fr(), agrees) {
            (true, true) => format!("Candor a lu ce commentaire comme « {engine} », comme l'auteur du fil."),
            (false, true) => format!("Candor read this comment as \"{engine}\", as the thread's author did."),
            (true, false) => format!("Candor a lu ce commentaire comme « {engine} » ; l'auteur du fil l'a classé « {expected} ». Demandez-vous quelle lecture est la bonne : le coach n'est pas infaillible (P18)."),
            (false, false) => format!("Candor read this comment as \"{engine}\"; the thread's author labelled it \"{expected}\". Ask yourself which reading is right: the coach is not infallible (P18)."),
        }
    }

    /// A rule's short name, for the rules the engine does not name itself (the "next" list).
    pub fn rule_title(self, rule: &str) -> Option<&'static str> {
        let (en, fr) = match rule {
            "P1" => ("Listen before you speak", "Écouter avant de parler"),
            "P2" => (
                "Answer every real complaint and question",
                "Répondre à chaque vraie réclamation ou question",
            ),
            "P3" => (
                "Public for shared concerns, private for personal ones",
                "Public pour ce qui concerne tous, privé pour le cas personnel",
            ),
            "P4" => ("Name the specific problem", "Nommer le problème précis"),
            "P5" => (
                "Follow up and close the loop",
                "Assurer le suivi jusqu'au bout",
            ),
            "P6" => (
                "Never hide legitimate criticism",
                "Ne jamais masquer une critique légitime",
            ),
            "P7" => (
                "Hide what harms the community, not the brand",
                "Masquer ce qui nuit à la communauté, pas à la marque",
            ),
            "P8" => ("Don't feed trolls", "Ne pas nourrir les trolls"),
            "P9" => ("Never be defensive", "Ne jamais se mettre sur la défensive"),
            "P10" => ("No canned replies", "Pas de réponse toute faite"),
            "P11" => (
                "One brand voice, fitted to the channel",
                "Une seule voix de marque, ajustée au réseau",
            ),
            "P12" => ("Honest and open", "Honnête et transparent"),
            "P13" => ("Not promotional", "Pas de promotion"),
            "P14" => ("Thank people", "Remercier"),
            "P15" => (
                "You may make a gesture, within limits",
                "Vous pouvez faire un geste, dans les limites fixées",
            ),
            "P16" => (
                "In a crisis, one clear message to all",
                "En crise, un message clair pour tous",
            ),
            "P17" => ("Measure", "Mesurer"),
            "P18" => (
                "A trainee learns the reasons",
                "Le stagiaire apprend les raisons",
            ),
            _ => return None,
        };
        Some(self.pick(en, fr))
    }

    /// A comment's time as the page shows it: `2 Oct 2026, 09:14` / `2 oct. 2026, 09:14` (UTC), or
    /// the text as given when it is not an ISO 8601 date.
    pub fn time(self, iso: &str) -> String {
        let Some((year, month, day, clock)) = split_iso(iso) else {
            return iso.to_string();
        };
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        const FR: [&str; 12] = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ];
        let month = if self.fr() { FR } else { EN }[month - 1];
        match clock {
            Some(clock) => format!("{day} {month} {year}, {clock}"),
            None => format!("{day} {month} {year}"),
        }
    }
}

/// `2026-10-02T09:14:00Z` → (2026, 10, 2, Some("09:14")); `None` when it is not such a date.
fn split_iso(iso: &str) -> Option<(u32, usize, u32, Option<&str>)> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let year: u32 = parts.next()?.parse().ok()?;
    let month: usize = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || date.as_bytes()[4] != b'-' {
        return None;
    }
    let clock = iso
        .get(10..16)
        .filter(|t| t.starts_with('T') || t.starts_with(' '))
        .map(|t| &t[1..]);
    Some((year, month, day, clock))
}

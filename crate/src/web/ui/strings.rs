//! The side panel's words, in French and English, chosen by the browser's UI language.
//!
//! Owns: every sentence the panel shows or announces. Kept in Rust (not `_locales`) so the panel's
//! rendering is testable without an extension around it; category names and waits come from
//! [`crate::thread::export`], which the text report shares.

use crate::classify::Category;
use crate::text::Lang;
use crate::thread::export::{category_name, format_wait};

/// The panel's strings in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub lang: Lang,
}

impl Words {
    pub fn new(lang: Lang) -> Self {
        // Anything but French is shown in English.
        let lang = if lang == Lang::Fr { Lang::Fr } else { Lang::En };
        Self { lang }
    }

    fn fr(self) -> bool {
        self.lang == Lang::Fr
    }

    fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        if self.fr() {
            fr
        } else {
            en
        }
    }

    pub fn category(self, category: Category) -> &'static str {
        category_name(category, self.lang)
    }

    pub fn wait(self, minutes: i64) -> String {
        if self.fr() {
            format!("attend depuis {}", format_wait(minutes, self.lang))
        } else {
            format!("waiting {}", format_wait(minutes, self.lang))
        }
    }

    pub fn engine_silent(self, why: &str) -> String {
        if self.fr() {
            format!("Le moteur de Candor n'a pas répondu : {why}")
        } else {
            format!("Candor's engine did not answer: {why}")
        }
    }

    pub fn no_thread(self) -> &'static str {
        self.pick(
            "Open a post on Facebook, X or LinkedIn in this window: Candor reads its comments here, in your browser.",
            "Ouvrez une publication Facebook, X ou LinkedIn dans cette fenêtre : Candor en lit les commentaires ici, dans votre navigateur.",
        )
    }

    pub fn unreadable(self, reason: &str) -> String {
        if self.fr() {
            format!("Candor ne peut pas lire cette page : {reason}. Il la laisse telle quelle ; rien ne s'affichera ici tant qu'elle restera illisible.")
        } else {
            format!("Candor can't read this page: {reason}. It leaves the page alone; nothing will show here until the page can be read.")
        }
    }

    pub fn no_comment_yet(self) -> &'static str {
        self.pick(
            "Candor is reading this thread; no comment found yet.",
            "Candor lit ce fil ; aucun commentaire trouvé pour l'instant.",
        )
    }

    pub fn totals(self, audience: usize, brand: usize) -> String {
        if self.fr() {
            format!("{audience} commentaire(s) du public, {brand} réponse(s) de la marque.")
        } else {
            format!("{audience} comment(s) from the audience, {brand} reply(ies) from the brand.")
        }
    }

    pub fn counts_heading(self) -> &'static str {
        self.pick("Comments by category", "Commentaires par catégorie")
    }

    pub fn filter_hint(self) -> &'static str {
        self.pick(
            "Choose a category to list its comments below.",
            "Choisissez une catégorie pour en lister les commentaires plus bas.",
        )
    }

    pub fn ratio(self, ratio: Option<f32>) -> String {
        match ratio {
            Some(r) if self.fr() => format!("Compliments par réclamation : {r:.1} (P17)"),
            Some(r) => format!("Praise per complaint: {r:.1} (P17)"),
            None => self
                .pick(
                    "No complaint in this thread so far (P17).",
                    "Aucune réclamation dans ce fil pour l'instant (P17).",
                )
                .into(),
        }
    }

    pub fn crisis_heading(self) -> &'static str {
        self.pick("Complaints are surging", "Les réclamations affluent")
    }

    pub fn crisis_body(self, complaints: usize, minutes: Option<u32>, share: f32) -> String {
        let share = (share * 100.0).round();
        match (self.fr(), minutes) {
            (true, Some(m)) => format!("{complaints} réclamations dans les {m} dernières minutes ({share} % des commentaires)."),
            (true, None) => format!("{complaints} réclamations dans ce fil ({share} % des commentaires)."),
            (false, Some(m)) => format!("{complaints} complaints in the last {m} minutes ({share}% of comments)."),
            (false, None) => format!("{complaints} complaints in this thread ({share}% of comments)."),
        }
    }

    pub fn crisis_advice(self) -> &'static str {
        self.pick(
            "Rather than answering one by one, write one message addressed to everyone: where the brand stands, and what it is doing so this does not happen again. (P16)",
            "Plutôt que de répondre un par un, écrivez un seul message adressé à tous : la position de la marque, et ce qu'elle fait pour que cela ne se reproduise pas. (P16)",
        )
    }

    pub fn crisis_announce(self) -> &'static str {
        self.pick(
            "Alert: complaints are surging in this thread.",
            "Alerte : les réclamations affluent dans ce fil.",
        )
    }

    pub fn waiting_heading(self, n: usize) -> String {
        if self.fr() {
            format!("En attente d'une réponse de la marque ({n})")
        } else {
            format!("Waiting for the brand's answer ({n})")
        }
    }

    pub fn nothing_waiting(self) -> &'static str {
        self.pick(
            "Every complaint and question has a reply from the brand (P2).",
            "Chaque réclamation et chaque question a reçu une réponse de la marque (P2).",
        )
    }

    pub fn waiting_hint(self) -> &'static str {
        self.pick(
            "Answer every legitimate complaint and question, even to say it was heard (P2).",
            "Répondez à chaque réclamation et question légitime, ne serait-ce que pour dire qu'elle a été entendue (P2).",
        )
    }

    pub fn repeat_heading(self) -> &'static str {
        self.pick("Complained more than once", "Ont réclamé plusieurs fois")
    }

    pub fn repeat_item(self, name: &str, n: usize) -> String {
        if self.fr() {
            format!("{name} : {n} réclamations")
        } else {
            format!("{name}: {n} complaints")
        }
    }

    pub fn repeat_hint(self) -> &'static str {
        self.pick(
            "Follow their case up with the brand and tell them what became of it (P5).",
            "Suivez leur dossier avec la marque et dites-leur ce qu'il est devenu (P5).",
        )
    }

    pub fn comments_heading(self) -> &'static str {
        self.pick("Comments", "Commentaires")
    }

    pub fn all(self) -> &'static str {
        self.pick("All", "Tous")
    }

    pub fn showing(self, filter: Option<Category>, n: usize) -> String {
        match (self.fr(), filter) {
            (true, Some(c)) => format!("Catégorie affichée : {} ({n})", self.category(c)),
            (true, None) => format!("Tous les commentaires ({n})"),
            (false, Some(c)) => format!("Showing: {} ({n})", self.category(c)),
            (false, None) => format!("Showing all comments ({n})"),
        }
    }

    pub fn none_in_category(self) -> &'static str {
        self.pick(
            "No comment in this category.",
            "Aucun commentaire dans cette catégorie.",
        )
    }

    pub fn brand(self) -> &'static str {
        self.pick("Brand", "Marque")
    }

    pub fn answered(self) -> &'static str {
        self.pick("answered", "répondu")
    }

    pub fn corrected_from(self, original: Category) -> String {
        if self.fr() {
            format!("corrigé, était : {}", self.category(original))
        } else {
            format!("corrected, was: {}", self.category(original))
        }
    }

    /// Read after an item's author, badges and text, which make the rest of its button's name.
    pub fn show_on_page(self) -> &'static str {
        self.pick("Show it on the page.", "Le montrer sur la page.")
    }

    pub fn change_category(self) -> &'static str {
        self.pick("Change category", "Changer la catégorie")
    }

    pub fn new_category_for(self, author: &str) -> String {
        if self.fr() {
            format!("Nouvelle catégorie du commentaire de {author}")
        } else {
            format!("New category for the comment by {author}")
        }
    }

    pub fn corrected(self, author: &str, category: Category) -> String {
        if self.fr() {
            format!("Commentaire de {author} : {}.", self.category(category))
        } else {
            format!("{author}'s comment is now: {}.", self.category(category))
        }
    }

    pub fn new_comments(self, n: usize) -> String {
        if self.fr() {
            format!("{n} nouveau(x) commentaire(s).")
        } else {
            format!("{n} new comment(s).")
        }
    }

    pub fn reports_heading(self) -> &'static str {
        self.pick("Reports for the brand", "Rapports pour la marque")
    }

    pub fn reports_hint(self) -> &'static str {
        self.pick(
            "Relay the figures and the unanswered cases so the brand can act on them (P5, P17).",
            "Transmettez les chiffres et les cas sans réponse pour que la marque agisse (P5, P17).",
        )
    }

    pub fn download_csv(self) -> &'static str {
        self.pick("Download CSV", "Télécharger en CSV")
    }

    pub fn download_json(self) -> &'static str {
        self.pick("Download JSON", "Télécharger en JSON")
    }

    pub fn copy_summary(self) -> &'static str {
        self.pick("Copy the summary", "Copier la synthèse")
    }

    pub fn export_corrections(self) -> &'static str {
        self.pick(
            "Export my corrections (JSON)",
            "Exporter mes corrections (JSON)",
        )
    }

    pub fn copied(self) -> &'static str {
        self.pick(
            "Summary copied to the clipboard.",
            "Synthèse copiée dans le presse-papiers.",
        )
    }

    pub fn copy_fallback(self) -> &'static str {
        self.pick(
            "The clipboard refused: the summary is in the box below, select it and copy it.",
            "Le presse-papiers a refusé : la synthèse est dans le cadre ci-dessous, sélectionnez-la et copiez-la.",
        )
    }

    pub fn summary_box(self) -> &'static str {
        self.pick("Thread summary", "Synthèse du fil")
    }

    pub fn downloaded(self, name: &str) -> String {
        if self.fr() {
            format!("Fichier {name} prêt.")
        } else {
            format!("File {name} ready.")
        }
    }

    pub fn failed(self, what: &str) -> String {
        if self.fr() {
            format!("Échec : {what}")
        } else {
            format!("Failed: {what}")
        }
    }

    pub fn scroll_failed(self, why: &str) -> String {
        if self.fr() {
            format!("Impossible de montrer ce commentaire sur la page : {why}")
        } else {
            format!("Could not show this comment on the page: {why}")
        }
    }

    pub fn privacy(self) -> &'static str {
        self.pick(
            "Nothing you read or write leaves your browser.",
            "Rien de ce que vous lisez ou écrivez ne quitte votre navigateur.",
        )
    }
}

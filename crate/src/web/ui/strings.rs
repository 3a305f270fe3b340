//! The side panel's words, in French and English, chosen by the browser's UI language.
//!
//! Owns: every sentence the panel shows or announces. Kept in Rust (not `_locales`) so the panel's
//! rendering is testable without an extension around it; category names and waits come from
//! [`crate::thread::export`], which the text report shares.

use crate::classify::Category;
use crate::thread::export::{category_name, format_wait};
use crate::thread::Platform;

/// Declares a table of words in French and English: the type (`pub struct Words;`, holding its
/// language; anything but French is shown in English) and one method per entry, which answers the
/// entry's English or French wording. An entry is `name = ["English", "French"];` (a
/// `&'static str`) or `name(arg: Type, …) = ["… {arg} …", "… {arg} …"];` (a `String` formatted
/// with the arguments). The panel's, the options page's and the practice page's tables are written
/// this way; words that need more than a choice (plurals, computed parts) are methods written out
/// beside them.
macro_rules! fr_en_table {
    ($(#[$meta:meta])* $vis:vis struct $name:ident; $($entries:tt)*) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis struct $name {
            pub lang: $crate::text::Lang,
        }

        impl $name {
            pub fn new(lang: $crate::text::Lang) -> Self {
                let lang = if lang == $crate::text::Lang::Fr {
                    $crate::text::Lang::Fr
                } else {
                    $crate::text::Lang::En
                };
                Self { lang }
            }

            pub fn fr(self) -> bool {
                self.lang == $crate::text::Lang::Fr
            }

            pub fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
                if self.fr() {
                    fr
                } else {
                    en
                }
            }

            $crate::web::ui::strings::fr_en_entries! { $($entries)* }
        }
    };
}

/// The methods of [`fr_en_table`]'s entries, one entry at a time.
macro_rules! fr_en_entries {
    () => {};
    ($(#[$meta:meta])* $name:ident = [$en:literal, $fr:literal $(,)?]; $($rest:tt)*) => {
        $(#[$meta])*
        pub fn $name(self) -> &'static str {
            self.pick($en, $fr)
        }
        $crate::web::ui::strings::fr_en_entries! { $($rest)* }
    };
    ($(#[$meta:meta])* $name:ident($($arg:ident: $ty:ty),+ $(,)?) = [$en:literal, $fr:literal $(,)?]; $($rest:tt)*) => {
        $(#[$meta])*
        pub fn $name(self, $($arg: $ty),+) -> String {
            if self.fr() {
                format!($fr)
            } else {
                format!($en)
            }
        }
        $crate::web::ui::strings::fr_en_entries! { $($rest)* }
    };
}

pub(crate) use {fr_en_entries, fr_en_table};

/// A platform's name as people write it, the same in both languages (every page shows it).
pub fn platform_name(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook => "Facebook",
        Platform::X => "X",
        Platform::Linkedin => "LinkedIn",
    }
}

fr_en_table! {
    /// The panel's strings in one language.
    pub struct Words;

    engine_silent(why: &str) = [
        "Candor's engine did not answer: {why}",
        "Le moteur de Candor n'a pas répondu : {why}",
    ];
    no_thread = [
        "Open a post on Facebook, X or LinkedIn in this window: Candor reads its comments here, in your browser.",
        "Ouvrez une publication Facebook, X ou LinkedIn dans cette fenêtre : Candor en lit les commentaires ici, dans votre navigateur.",
    ];
    unreadable(reason: &str) = [
        "Candor can't read this page: {reason}. It leaves the page alone; nothing will show here until the page can be read.",
        "Candor ne peut pas lire cette page : {reason}. Il la laisse telle quelle ; rien ne s'affichera ici tant qu'elle restera illisible.",
    ];
    no_comment_yet = [
        "Candor is reading this thread; no comment found yet.",
        "Candor lit ce fil ; aucun commentaire trouvé pour l'instant.",
    ];
    totals(audience: usize, brand: usize) = [
        "{audience} comment(s) from the audience, {brand} reply(ies) from the brand.",
        "{audience} commentaire(s) du public, {brand} réponse(s) de la marque.",
    ];
    counts_heading = ["Comments by category", "Commentaires par catégorie"];
    filter_hint = [
        "Choose a category to list its comments below.",
        "Choisissez une catégorie pour en lister les commentaires plus bas.",
    ];
    crisis_heading = ["Complaints are surging", "Les réclamations affluent"];
    crisis_advice = [
        "Rather than answering one by one, write one message addressed to everyone: where the brand stands, and what it is doing so this does not happen again. (P16)",
        "Plutôt que de répondre un par un, écrivez un seul message adressé à tous : la position de la marque, et ce qu'elle fait pour que cela ne se reproduise pas. (P16)",
    ];
    crisis_announce = [
        "Alert: complaints are surging in this thread.",
        "Alerte : les réclamations affluent dans ce fil.",
    ];
    waiting_heading(n: usize) = [
        "Waiting for the brand's answer ({n})",
        "En attente d'une réponse de la marque ({n})",
    ];
    nothing_waiting = [
        "Every complaint and question has a reply from the brand (P2).",
        "Chaque réclamation et chaque question a reçu une réponse de la marque (P2).",
    ];
    waiting_hint = [
        "Answer every legitimate complaint and question, even to say it was heard (P2).",
        "Répondez à chaque réclamation et question légitime, ne serait-ce que pour dire qu'elle a été entendue (P2).",
    ];
    repeat_heading = ["Complained more than once", "Ont réclamé plusieurs fois"];
    repeat_item(name: &str, n: usize) = ["{name}: {n} complaints", "{name} : {n} réclamations"];
    repeat_hint = [
        "Follow their case up with the brand and tell them what became of it (P5).",
        "Suivez leur dossier avec la marque et dites-leur ce qu'il est devenu (P5).",
    ];
    comments_heading = ["Comments", "Commentaires"];
    all = ["All", "Tous"];
    none_in_category = ["No comment in this category.", "Aucun commentaire dans cette catégorie."];
    brand = ["Brand", "Marque"];
    answered = ["answered", "répondu"];
    /// Read after an item's author, badges and text, which make the rest of its button's name.
    show_on_page = ["Show it on the page.", "Le montrer sur la page."];
    change_category = ["Change category", "Changer la catégorie"];
    new_category_for(author: &str) = [
        "New category for the comment by {author}",
        "Nouvelle catégorie du commentaire de {author}",
    ];
    new_comments(n: usize) = ["{n} new comment(s).", "{n} nouveau(x) commentaire(s)."];
    reports_heading = ["Reports for the brand", "Rapports pour la marque"];
    reports_hint = [
        "Relay the figures and the unanswered cases so the brand can act on them (P5, P17).",
        "Transmettez les chiffres et les cas sans réponse pour que la marque agisse (P5, P17).",
    ];
    download_csv = ["Download CSV", "Télécharger en CSV"];
    download_json = ["Download JSON", "Télécharger en JSON"];
    copy_summary = ["Copy the summary", "Copier la synthèse"];
    export_corrections = ["Export my corrections (JSON)", "Exporter mes corrections (JSON)"];
    copied = ["Summary copied to the clipboard.", "Synthèse copiée dans le presse-papiers."];
    copy_fallback = [
        "The clipboard refused: the summary is in the box below, select it and copy it.",
        "Le presse-papiers a refusé : la synthèse est dans le cadre ci-dessous, sélectionnez-la et copiez-la.",
    ];
    summary_box = ["Thread summary", "Synthèse du fil"];
    downloaded(name: &str) = ["File {name} ready.", "Fichier {name} prêt."];
    failed(what: &str) = ["Failed: {what}", "Échec : {what}"];
    scroll_failed(why: &str) = [
        "Could not show this comment on the page: {why}",
        "Impossible de montrer ce commentaire sur la page : {why}",
    ];
    privacy = [
        "Nothing you read or write leaves your browser.",
        "Rien de ce que vous lisez ou écrivez ne quitte votre navigateur.",
    ];
}

impl Words {
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

    pub fn crisis_body(self, complaints: usize, minutes: Option<u32>, share: f32) -> String {
        let share = (share * 100.0).round();
        match (self.fr(), minutes) {
            (true, Some(m)) => format!("{complaints} réclamations dans les {m} dernières minutes ({share} % des commentaires)."),
            (true, None) => format!("{complaints} réclamations dans ce fil ({share} % des commentaires)."),
            (false, Some(m)) => format!("{complaints} complaints in the last {m} minutes ({share}% of comments)."),
            (false, None) => format!("{complaints} complaints in this thread ({share}% of comments)."),
        }
    }

    pub fn showing(self, filter: Option<Category>, n: usize) -> String {
        match (self.fr(), filter) {
            (true, Some(c)) => format!("Catégorie affichée : {} ({n})", self.category(c)),
            (true, None) => format!("Tous les commentaires ({n})"),
            (false, Some(c)) => format!("Showing: {} ({n})", self.category(c)),
            (false, None) => format!("Showing all comments ({n})"),
        }
    }

    pub fn corrected_from(self, original: Category) -> String {
        if self.fr() {
            format!("corrigé, était : {}", self.category(original))
        } else {
            format!("corrected, was: {}", self.category(original))
        }
    }

    pub fn corrected(self, author: &str, category: Category) -> String {
        if self.fr() {
            format!("Commentaire de {author} : {}.", self.category(category))
        } else {
            format!("{author}'s comment is now: {}.", self.category(category))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::text::Lang;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    fr_en_table! {
        struct Sample;

        greeting = ["Hello", "Bonjour"];
        /// Two arguments, one used twice in French.
        holds(who: &str, n: usize) = [
            "{who} holds {n}",
            "{who} en tient {n} ({n})",
        ];
    }

    #[wasm_bindgen_test]
    fn a_table_answers_each_entry_in_its_language_and_english_for_the_rest() {
        let cases = [
            (Lang::En, "Hello", "Ann holds 3"),
            (Lang::Fr, "Bonjour", "Ann en tient 3 (3)"),
            // Any other language is shown in English.
            (Lang::Other, "Hello", "Ann holds 3"),
        ];
        for (lang, greeting, holds) in cases {
            let words = Sample::new(lang);
            assert_eq!(words.greeting(), greeting, "{lang:?}");
            assert_eq!(words.holds("Ann", 3), holds, "{lang:?}");
            assert_eq!(words.fr(), greeting == "Bonjour");
        }
    }
}

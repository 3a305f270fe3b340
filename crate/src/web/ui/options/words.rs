//! The options page's words, in French and English.
//!
//! Owns: every label, hint and announcement of the options page. Validation messages come from
//! [`crate::profile`] (they name the field), address problems from [`crate::engine::profiles`].

use crate::engine::profiles::Overflow;
use crate::guide::Action;
use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub lang: Lang,
}

impl Words {
    pub fn new(lang: Lang) -> Self {
        let lang = if lang == Lang::Fr { Lang::Fr } else { Lang::En };
        Words { lang }
    }

    pub fn fr(self) -> bool {
        self.lang == Lang::Fr
    }

    pub fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        if self.fr() {
            fr
        } else {
            en
        }
    }

    pub fn title(self) -> &'static str {
        self.pick("Brand profiles", "Profils de marque")
    }

    pub fn intro(self) -> &'static str {
        self.pick(
            "A profile gives Candor a brand's voice. Each one applies to the pages it lists; a page no profile lists gets the first profile without pages, or the default one.",
            "Un profil donne à Candor la voix d'une marque. Chacun s'applique aux pages qu'il cite ; une page qu'aucun profil ne cite reçoit le premier profil sans pages, ou celui par défaut.",
        )
    }

    pub fn none_yet(self) -> &'static str {
        self.pick(
            "No profile yet: guidance uses the default voice (vous, neutral register, emoji sparingly, no humour).",
            "Aucun profil pour l'instant : les conseils suivent la voix par défaut (vous, registre neutre, emoji avec parcimonie, pas d'humour).",
        )
    }

    pub fn new_profile(self) -> &'static str {
        self.pick("New profile", "Nouveau profil")
    }
    pub fn import(self) -> &'static str {
        self.pick(
            "Import a .candor.json file",
            "Importer un fichier .candor.json",
        )
    }
    pub fn edit(self) -> &'static str {
        self.pick("Edit", "Modifier")
    }
    pub fn view(self) -> &'static str {
        self.pick("View", "Voir")
    }
    pub fn duplicate(self) -> &'static str {
        self.pick("Duplicate", "Dupliquer")
    }
    pub fn delete(self) -> &'static str {
        self.pick("Delete", "Supprimer")
    }
    pub fn export(self) -> &'static str {
        self.pick("Export", "Exporter")
    }
    pub fn save(self) -> &'static str {
        self.pick("Save", "Enregistrer")
    }
    pub fn close(self) -> &'static str {
        self.pick("Close", "Fermer")
    }
    pub fn undo(self) -> &'static str {
        self.pick("Undo", "Annuler")
    }
    pub fn apply_import(self) -> &'static str {
        self.pick("Apply the import", "Appliquer l'import")
    }
    pub fn cancel(self) -> &'static str {
        self.pick("Cancel", "Abandonner")
    }

    /// The label of a row's button, naming the profile for screen readers.
    pub fn on(self, verb: &str, name: &str) -> String {
        format!("{verb} : {name}").replacen(" :", if self.fr() { " :" } else { ":" }, 1)
    }

    pub fn stored_where(self, overflow: Option<Overflow>, local: bool) -> Option<String> {
        match (overflow, local) {
            (Some(Overflow::ItemTooLarge { bytes }), _) => Some(if self.fr() {
                format!("Gardé sur ce navigateur seulement : ce profil fait {bytes} octets, la synchronisation en accepte 8 192 par profil.")
            } else {
                format!("Kept in this browser only: this profile is {bytes} bytes, sync takes 8,192 per profile.")
            }),
            (None, true) => Some(
                self.pick(
                    "Kept in this browser only: the browser refused to sync it (sync off or full).",
                    "Gardé sur ce navigateur seulement : le navigateur a refusé de le synchroniser (synchronisation coupée ou pleine).",
                )
                .to_string(),
            ),
            (Some(Overflow::SyncFull), _) => Some(
                self.pick(
                    "Kept in this browser only: the browser's sync space (100 KB) is full.",
                    "Gardé sur ce navigateur seulement : l'espace de synchronisation du navigateur (100 Ko) est plein.",
                )
                .to_string(),
            ),
            (None, false) => None,
        }
    }

    pub fn synced(self) -> &'static str {
        self.pick(
            "Synced across your browsers",
            "Synchronisé entre vos navigateurs",
        )
    }

    pub fn subscribed_from(self, url: &str) -> String {
        if self.fr() {
            format!("Abonné à {url} (lecture seule : dupliquez pour modifier)")
        } else {
            format!("Subscribed to {url} (read-only: duplicate to edit)")
        }
    }

    pub fn last_good(self, date: &str) -> String {
        if self.fr() {
            format!("Dernière copie valide : {date}")
        } else {
            format!("Last good copy: {date}")
        }
    }

    pub fn never_fetched(self) -> &'static str {
        self.pick(
            "Not fetched yet: Candor tries the address within a minute, then once a day.",
            "Pas encore récupéré : Candor essaie l'adresse d'ici une minute, puis une fois par jour.",
        )
    }

    pub fn last_error(self, error: &str) -> String {
        if self.fr() {
            format!("Dernier essai en échec : {error}")
        } else {
            format!("Last try failed: {error}")
        }
    }

    pub fn subscriptions(self) -> &'static str {
        self.pick("Subscriptions", "Abonnements")
    }

    pub fn subscribe_label(self) -> &'static str {
        self.pick(
            "Address of a published profile (https)",
            "Adresse d'un profil publié (https)",
        )
    }

    pub fn subscribe_hint(self) -> &'static str {
        self.pick(
            "Candor asks your permission for that site, then fetches the profile once a day. It is the only request Candor ever makes.",
            "Candor vous demande l'autorisation pour ce site, puis récupère le profil une fois par jour. C'est la seule requête que Candor fait jamais.",
        )
    }

    pub fn subscribe(self) -> &'static str {
        self.pick("Subscribe", "S'abonner")
    }
    pub fn unsubscribe(self) -> &'static str {
        self.pick("Unsubscribe", "Se désabonner")
    }

    pub fn editing(self, name: &str) -> String {
        if self.fr() {
            format!("Profil « {name} »")
        } else {
            format!("Profile “{name}”")
        }
    }

    pub fn read_only(self) -> &'static str {
        self.pick(
            "This profile comes from a subscription and cannot be changed here: duplicate it to make your own.",
            "Ce profil vient d'un abonnement et ne se modifie pas ici : dupliquez-le pour en faire le vôtre.",
        )
    }

    pub fn json_label(self) -> &'static str {
        self.pick(
            "Advanced: the whole profile as JSON (gestures, hours, escalation…)",
            "Avancé : tout le profil en JSON (gestes, horaires, escalade…)",
        )
    }

    pub fn lines_hint(self) -> &'static str {
        self.pick("One per line.", "Un par ligne.")
    }

    pub fn preview(self) -> &'static str {
        self.pick(
            "Preview: guidance on sample comments",
            "Aperçu : conseils sur des commentaires d'exemple",
        )
    }

    pub fn preview_needs_valid(self) -> &'static str {
        self.pick(
            "The preview returns once the profile is valid.",
            "L'aperçu revient dès que le profil est valide.",
        )
    }

    /// [`Words::action`] for the action's name as the engine writes it (`move_to_private`…).
    pub fn action_named(self, name: &str) -> &'static str {
        let action = match name {
            "answer_publicly" => Action::AnswerPublicly,
            "move_to_private" => Action::MoveToPrivate,
            "answer_question" => Action::AnswerQuestion,
            "thank" => Action::Thank,
            "do_not_engage" => Action::DoNotEngage,
            "hide" => Action::Hide,
            "escalate" => Action::Escalate,
            _ => Action::NoReplyNeeded,
        };
        self.action(action)
    }

    pub fn action(self, action: Action) -> &'static str {
        match action {
            Action::AnswerPublicly => self.pick("Answer in public", "Répondre en public"),
            Action::MoveToPrivate => self.pick(
                "Acknowledge, then continue in private",
                "Reconnaître, puis continuer en privé",
            ),
            Action::AnswerQuestion => self.pick("Answer the question", "Répondre à la question"),
            Action::Thank => self.pick("Thank", "Remercier"),
            Action::DoNotEngage => self.pick("Do not engage", "Ne pas engager"),
            Action::Hide => self.pick("Hiding is acceptable", "Masquer est acceptable"),
            Action::Escalate => self.pick("Alert now", "Alerter tout de suite"),
            Action::NoReplyNeeded => self.pick("No reply needed", "Pas de réponse utile"),
        }
    }

    pub fn not_saved(self, problems: usize) -> String {
        if self.fr() {
            format!("Pas enregistré : {problems} problème(s), indiqué(s) à côté des champs.")
        } else {
            format!("Not saved: {problems} problem(s), shown next to the fields.")
        }
    }

    pub fn saved(self, name: &str) -> String {
        if self.fr() {
            format!("« {name} » enregistré.")
        } else {
            format!("“{name}” saved.")
        }
    }

    pub fn deleted(self, name: &str) -> String {
        if self.fr() {
            format!("« {name} » supprimé. Annuler reste possible.")
        } else {
            format!("“{name}” deleted. You can still undo.")
        }
    }

    pub fn id_taken(self, id: &str) -> String {
        if self.fr() {
            format!("`id` : un autre profil s'appelle déjà « {id} »")
        } else {
            format!("`id`: another profile is already called “{id}”")
        }
    }

    pub fn import_refused(self, file: &str) -> String {
        if self.fr() {
            format!("Import refusé, rien n'a changé. Le fichier {file} a ces problèmes :")
        } else {
            format!("Import refused, nothing changed. The file {file} has these problems:")
        }
    }

    pub fn import_title(self, name: &str, replaces: bool) -> String {
        match (self.fr(), replaces) {
            (true, true) => format!("L'import remplacerait le profil « {name} » :"),
            (true, false) => format!("L'import ajouterait le profil « {name} » :"),
            (false, true) => format!("The import would replace the profile “{name}”:"),
            (false, false) => format!("The import would add the profile “{name}”:"),
        }
    }

    pub fn import_same(self) -> &'static str {
        self.pick(
            "The file holds the same profile as yours: nothing would change.",
            "Le fichier contient le même profil que le vôtre : rien ne changerait.",
        )
    }

    pub fn diff_heads(self) -> [&'static str; 3] {
        if self.fr() {
            ["Champ", "Avant", "Après"]
        } else {
            ["Field", "Before", "After"]
        }
    }

    pub fn imported(self, name: &str) -> String {
        if self.fr() {
            format!("« {name} » importé. Annuler reste possible.")
        } else {
            format!("“{name}” imported. You can still undo.")
        }
    }

    pub fn undone(self) -> &'static str {
        self.pick(
            "Undone: the profiles are as they were.",
            "Annulé : les profils sont comme avant.",
        )
    }

    pub fn subscribing(self, url: &str) -> String {
        if self.fr() {
            format!("Abonnement à {url} enregistré ; la première copie arrive bientôt.")
        } else {
            format!("Subscribed to {url}; the first copy arrives shortly.")
        }
    }

    pub fn permission_refused(self) -> &'static str {
        self.pick(
            "Not subscribed: the permission for that site was not given.",
            "Pas d'abonnement : l'autorisation pour ce site n'a pas été donnée.",
        )
    }

    pub fn failed(self, why: &str) -> String {
        if self.fr() {
            format!("Échec : {why}")
        } else {
            format!("Failed: {why}")
        }
    }

    pub fn exported(self, name: &str) -> String {
        if self.fr() {
            format!("Fichier {name} proposé au téléchargement.")
        } else {
            format!("File {name} offered for download.")
        }
    }

    pub fn copy_suffix(self) -> &'static str {
        self.pick(" (copy)", " (copie)")
    }
}

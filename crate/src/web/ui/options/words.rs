//! The options page's words, in French and English.
//!
//! Owns: every label, hint and announcement of the options page. Validation messages come from
//! [`crate::profile`] (they name the field), address problems from [`crate::engine::profiles`].

use crate::engine::profiles::Overflow;
use crate::guide::Action;
use crate::web::ui::strings::fr_en_table;

fr_en_table! {
    /// The options page's strings in one language.
    pub struct Words;

    title = ["Brand profiles", "Profils de marque"];
    intro = [
        "A profile gives Candor a brand's voice. Each one applies to the pages it lists; a page no profile lists gets the first profile without pages, or the default one.",
        "Un profil donne à Candor la voix d'une marque. Chacun s'applique aux pages qu'il cite ; une page qu'aucun profil ne cite reçoit le premier profil sans pages, ou celui par défaut.",
    ];
    none_yet = [
        "No profile yet: guidance uses the default voice (vous, neutral register, emoji sparingly, no humour).",
        "Aucun profil pour l'instant : les conseils suivent la voix par défaut (vous, registre neutre, emoji avec parcimonie, pas d'humour).",
    ];
    new_profile = ["New profile", "Nouveau profil"];
    import = ["Import a .candor.json file", "Importer un fichier .candor.json"];
    edit = ["Edit", "Modifier"];
    view = ["View", "Voir"];
    duplicate = ["Duplicate", "Dupliquer"];
    delete = ["Delete", "Supprimer"];
    export = ["Export", "Exporter"];
    save = ["Save", "Enregistrer"];
    close = ["Close", "Fermer"];
    undo = ["Undo", "Annuler"];
    apply_import = ["Apply the import", "Appliquer l'import"];
    cancel = ["Cancel", "Abandonner"];
    synced = ["Synced across your browsers", "Synchronisé entre vos navigateurs"];
    subscribed_from(url: &str) = [
        "Subscribed to {url} (read-only: duplicate to edit)",
        "Abonné à {url} (lecture seule : dupliquez pour modifier)",
    ];
    last_good(date: &str) = ["Last good copy: {date}", "Dernière copie valide : {date}"];
    never_fetched = [
        "Not fetched yet: Candor tries the address within a minute, then once a day.",
        "Pas encore récupéré : Candor essaie l'adresse d'ici une minute, puis une fois par jour.",
    ];
    last_error(error: &str) = ["Last try failed: {error}", "Dernier essai en échec : {error}"];
    subscriptions = ["Subscriptions", "Abonnements"];
    subscribe_label = [
        "Address of a published profile (https)",
        "Adresse d'un profil publié (https)",
    ];
    subscribe_hint = [
        "Candor asks your permission for that site, then fetches the profile once a day. It is the only request Candor ever makes.",
        "Candor vous demande l'autorisation pour ce site, puis récupère le profil une fois par jour. C'est la seule requête que Candor fait jamais.",
    ];
    subscribe = ["Subscribe", "S'abonner"];
    unsubscribe = ["Unsubscribe", "Se désabonner"];
    editing(name: &str) = ["Profile “{name}”", "Profil « {name} »"];
    read_only = [
        "This profile comes from a subscription and cannot be changed here: duplicate it to make your own.",
        "Ce profil vient d'un abonnement et ne se modifie pas ici : dupliquez-le pour en faire le vôtre.",
    ];
    json_label = [
        "Advanced: the whole profile as JSON (gestures, hours, escalation…)",
        "Avancé : tout le profil en JSON (gestes, horaires, escalade…)",
    ];
    lines_hint = ["One per line.", "Un par ligne."];
    preview = [
        "Preview: guidance on sample comments",
        "Aperçu : conseils sur des commentaires d'exemple",
    ];
    preview_needs_valid = [
        "The preview returns once the profile is valid.",
        "L'aperçu revient dès que le profil est valide.",
    ];
    not_saved(problems: usize) = [
        "Not saved: {problems} problem(s), shown next to the fields.",
        "Pas enregistré : {problems} problème(s), indiqué(s) à côté des champs.",
    ];
    saved(name: &str) = ["“{name}” saved.", "« {name} » enregistré."];
    deleted(name: &str) = [
        "“{name}” deleted. You can still undo.",
        "« {name} » supprimé. Annuler reste possible.",
    ];
    id_taken(id: &str) = [
        "`id`: another profile is already called “{id}”",
        "`id` : un autre profil s'appelle déjà « {id} »",
    ];
    import_refused(file: &str) = [
        "Import refused, nothing changed. The file {file} has these problems:",
        "Import refusé, rien n'a changé. Le fichier {file} a ces problèmes :",
    ];
    import_same = [
        "The file holds the same profile as yours: nothing would change.",
        "Le fichier contient le même profil que le vôtre : rien ne changerait.",
    ];
    imported(name: &str) = [
        "“{name}” imported. You can still undo.",
        "« {name} » importé. Annuler reste possible.",
    ];
    undone = ["Undone: the profiles are as they were.", "Annulé : les profils sont comme avant."];
    subscribing(url: &str) = [
        "Subscribed to {url}; the first copy arrives shortly.",
        "Abonnement à {url} enregistré ; la première copie arrive bientôt.",
    ];
    permission_refused = [
        "Not subscribed: the permission for that site was not given.",
        "Pas d'abonnement : l'autorisation pour ce site n'a pas été donnée.",
    ];
    failed(why: &str) = ["Failed: {why}", "Échec : {why}"];
    exported(name: &str) = [
        "File {name} offered for download.",
        "Fichier {name} proposé au téléchargement.",
    ];
    copy_suffix = [" (copy)", " (copie)"];
}

impl Words {
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

    pub fn import_title(self, name: &str, replaces: bool) -> String {
        match (self.fr(), replaces) {
            (true, true) => format!("L'import remplacerait le profil « {name} » :"),
            (true, false) => format!("L'import ajouterait le profil « {name} » :"),
            (false, true) => format!("The import would replace the profile “{name}”:"),
            (false, false) => format!("The import would add the profile “{name}”:"),
        }
    }

    pub fn diff_heads(self) -> [&'static str; 3] {
        if self.fr() {
            ["Champ", "Avant", "Après"]
        } else {
            ["Field", "Before", "After"]
        }
    }
}

//! The editor's form: which common profile fields it shows, how each reads from and writes to the
//! profile's JSON, and which validation issues belong to which field.
//!
//! Owns: the mapping between form controls and JSON paths. Everything else of a profile (gestures,
//! hours, escalation…) is edited in the JSON editor, which always holds the whole profile.

use serde_json::{Map, Value};

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A list of texts, one per line.
    Lines,
    /// One of fixed values (value, English label, French label).
    Choice(&'static [(&'static str, &'static str, &'static str)]),
    Check,
    Number,
}

/// One form field: its JSON path, labels and kind.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub path: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
    pub kind: Kind,
}

const LANGUAGES: &[(&str, &str, &str)] = &[
    ("fr,en", "French, then English", "français, puis anglais"),
    ("en,fr", "English, then French", "anglais, puis français"),
    ("fr", "French only", "français seulement"),
    ("en", "English only", "anglais seulement"),
];
const ADDRESS: &[(&str, &str, &str)] = &[
    ("vous", "vous (formal you)", "vous (vouvoiement)"),
    ("tu", "tu (familiar you)", "tu (tutoiement)"),
];
const FORMALITY: &[(&str, &str, &str)] = &[
    ("casual", "casual", "détendu"),
    ("neutral", "neutral", "neutre"),
    ("formal", "formal", "soutenu"),
];
const EMOJI: &[(&str, &str, &str)] = &[
    ("never", "never", "jamais"),
    ("sparingly", "sparingly", "avec parcimonie"),
    ("freely", "freely", "librement"),
];
const HUMOUR: &[(&str, &str, &str)] = &[
    ("never", "never", "jamais"),
    ("light", "light", "léger"),
    ("welcome", "welcome", "bienvenu"),
];
const FACEBOOK_CHANNEL: &[(&str, &str, &str)] = &[
    ("messenger", "Messenger", "Messenger"),
    (
        "none",
        "none: answer in public",
        "aucun : répondre en public",
    ),
];
const X_CHANNEL: &[(&str, &str, &str)] = &[
    ("direct_message", "direct message", "message privé"),
    (
        "none",
        "none: answer in public",
        "aucun : répondre en public",
    ),
];
const LINKEDIN_CHANNEL: &[(&str, &str, &str)] = &[
    ("linkedin_message", "LinkedIn message", "message LinkedIn"),
    (
        "none",
        "none: answer in public",
        "aucun : répondre en public",
    ),
];

/// The form's fields, in the order shown.
pub const FIELDS: &[Field] = &[
    field(
        "id",
        "Identifier (lowercase letters, digits, - and _)",
        "Identifiant (minuscules, chiffres, - et _)",
        Kind::Text,
    ),
    field("name", "Brand name", "Nom de la marque", Kind::Text),
    field("languages", "Languages", "Langues", Kind::Choice(LANGUAGES)),
    field(
        "address",
        "Addressing people (French)",
        "Façon de s'adresser aux gens",
        Kind::Choice(ADDRESS),
    ),
    field("formality", "Register", "Registre", Kind::Choice(FORMALITY)),
    field("emoji", "Emoji", "Emoji", Kind::Choice(EMOJI)),
    field("humour", "Humour", "Humour", Kind::Choice(HUMOUR)),
    field(
        "persona",
        "Who speaks for the brand",
        "Qui parle pour la marque",
        Kind::Text,
    ),
    field("signature.text", "Signature", "Signature", Kind::Text),
    field(
        "signature.required",
        "Every reply ends with the signature",
        "Chaque réponse finit par la signature",
        Kind::Check,
    ),
    field("avoid", "Words to avoid", "Mots à éviter", Kind::Lines),
    field("products", "Product names", "Noms de produits", Kind::Lines),
    field(
        "pages",
        "Pages it applies to (address prefixes or @handles)",
        "Pages où il s'applique (débuts d'adresse ou @comptes)",
        Kind::Lines,
    ),
    field(
        "handles.facebook",
        "Brand accounts on Facebook",
        "Comptes de la marque sur Facebook",
        Kind::Lines,
    ),
    field(
        "handles.x",
        "Brand accounts on X",
        "Comptes de la marque sur X",
        Kind::Lines,
    ),
    field(
        "handles.linkedin",
        "Brand accounts on LinkedIn",
        "Comptes de la marque sur LinkedIn",
        Kind::Lines,
    ),
    field(
        "private_channel.facebook",
        "Private channel on Facebook",
        "Canal privé sur Facebook",
        Kind::Choice(FACEBOOK_CHANNEL),
    ),
    field(
        "private_channel.x",
        "Private channel on X",
        "Canal privé sur X",
        Kind::Choice(X_CHANNEL),
    ),
    field(
        "private_channel.linkedin",
        "Private channel on LinkedIn",
        "Canal privé sur LinkedIn",
        Kind::Choice(LINKEDIN_CHANNEL),
    ),
    field(
        "support.response_target_minutes",
        "Target delay for a first answer (minutes)",
        "Délai visé pour une première réponse (minutes)",
        Kind::Number,
    ),
];

const fn field(path: &'static str, en: &'static str, fr: &'static str, kind: Kind) -> Field {
    Field { path, en, fr, kind }
}

/// The value a control shows for `field` in `profile`.
pub fn read(profile: &Value, field: &Field) -> String {
    let value = field
        .path
        .split('.')
        .try_fold(profile, |v, key| v.get(key))
        .unwrap_or(&Value::Null);
    match (field.kind, value) {
        (_, Value::String(s)) => s.clone(),
        (Kind::Lines, Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("\n"),
        (Kind::Choice(_), Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        (Kind::Check, Value::Bool(b)) => b.to_string(),
        (_, Value::Null) => String::new(),
        (_, other) => other.to_string(),
    }
}

/// Writes what a control holds into `profile`. An empty control removes the field (the default
/// applies), so the JSON stays as short as the person's choices.
pub fn write(profile: &mut Value, field: &Field, text: &str) {
    let value = match field.kind {
        Kind::Text => Some(text.trim())
            .filter(|t| !t.is_empty())
            .map(|t| Value::String(t.into())),
        Kind::Lines => {
            let items: Vec<Value> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Value::String(l.into()))
                .collect();
            (!items.is_empty()).then_some(Value::Array(items))
        }
        Kind::Choice(_) if field.path == "languages" => Some(Value::Array(
            text.split(',')
                .filter(|l| !l.is_empty())
                .map(|l| Value::String(l.into()))
                .collect(),
        )),
        Kind::Choice(_) => Some(Value::String(text.into())),
        Kind::Check => Some(Value::Bool(text == "true")),
        // A number that does not parse is kept as text so validation names the field.
        Kind::Number => match text.trim() {
            "" => None,
            t => Some(
                t.parse::<u64>()
                    .map_or_else(|_| Value::String(t.into()), Value::from),
            ),
        },
    };
    set_path(profile, field.path, value);
    // A signature without text is no signature.
    if field.path.starts_with("signature.") && profile["signature"].get("text").is_none() {
        if let Some(top) = profile.as_object_mut() {
            top.remove("signature");
        }
    }
}

fn set_path(profile: &mut Value, path: &str, value: Option<Value>) {
    if !profile.is_object() {
        *profile = Value::Object(Map::new());
    }
    let mut keys = path.split('.').peekable();
    let mut here = profile;
    while let Some(key) = keys.next() {
        let Some(object) = here.as_object_mut() else {
            return;
        };
        if keys.peek().is_none() {
            match value {
                Some(v) => {
                    object.insert(key.into(), v);
                }
                None => {
                    object.remove(key);
                }
            }
            return;
        }
        let next = object
            .entry(key)
            .or_insert_with(|| Value::Object(Map::new()));
        if !next.is_object() {
            *next = Value::Object(Map::new());
        }
        here = next;
    }
}

/// The form field an issue belongs to, if the form shows it; else it goes by the JSON editor.
pub fn owner(path: &str) -> Option<&'static Field> {
    FIELDS
        .iter()
        .filter(|f| {
            path == f.path
                || path
                    .strip_prefix(f.path)
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
        .max_by_key(|f| f.path.len())
}

/// The DOM id of a field's control.
pub fn control_id(field: &Field) -> String {
    format!("f-{}", field.path.replace('.', "-"))
}

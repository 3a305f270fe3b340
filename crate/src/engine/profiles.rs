//! The brand profiles the extension keeps: which ones the engine holds, where each is stored, what an
//! import would change, and the state of a subscription to a published profile.
//!
//! Owns: the decisions behind the options page and the background's profile storage, as plain Rust so
//! they are tested natively — the engine's profile book (valid profiles kept, refused ones explained,
//! the default when none), the field-by-field diff shown before an import, the `storage.sync` quota
//! plan (one item per profile; a profile that does not fit goes to `storage.local`), and the
//! subscription's transitions (a fetch that fails or serves an invalid profile keeps the last good copy)
//! with its daily due check. Validation itself is [`crate::profile`]'s.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::profile::{self, Profile};
use crate::text::Lang;

/// `storage.sync`'s limits as Chrome documents them (Firefox applies the same ones).
pub const SYNC_QUOTA_BYTES_PER_ITEM: usize = 8_192;
pub const SYNC_QUOTA_BYTES: usize = 102_400;
pub const SYNC_MAX_ITEMS: usize = 512;
/// The storage key of a profile of id `id`: one item per profile.
pub const PROFILE_KEY_PREFIX: &str = "profile:";
/// The storage key (in `storage.local`) of a subscription, by its address.
pub const SUBSCRIPTION_KEY_PREFIX: &str = "subscription:";
/// A subscription is fetched again once a day.
pub const REFRESH_EVERY_MS: i64 = 24 * 60 * 60 * 1000;

/// The storage key of profile `id`.
pub fn profile_key(id: &str) -> String {
    format!("{PROFILE_KEY_PREFIX}{id}")
}

/// Where a profile is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    Sync,
    Local,
}

/// Why a profile could not go to `storage.sync`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// The profile alone is over the 8 KB an item may hold.
    ItemTooLarge { bytes: usize },
    /// The profiles before it already fill the 100 KB (or the item count) of `storage.sync`.
    SyncFull,
}

/// Where one profile goes, and why when it is not `storage.sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub id: String,
    pub area: Area,
    pub overflow: Option<Overflow>,
}

/// The bytes `storage.sync` counts for an item: its key plus its value as JSON.
pub fn sync_item_bytes(key: &str, value: &str) -> usize {
    key.len() + serde_json::to_string(value).map_or(value.len() + 2, |s| s.len())
}

/// Decides, in order, which profiles (id, JSON text) go to `storage.sync` and which fall back to
/// `storage.local`. Earlier profiles keep their place in sync; a large one does not push out the
/// small ones after it.
pub fn plan_storage(profiles: &[(String, String)]) -> Vec<Placement> {
    let mut used = 0;
    let mut items = 0;
    profiles
        .iter()
        .map(|(id, text)| {
            let bytes = sync_item_bytes(&profile_key(id), text);
            let overflow = if bytes > SYNC_QUOTA_BYTES_PER_ITEM {
                Some(Overflow::ItemTooLarge { bytes })
            } else if used + bytes > SYNC_QUOTA_BYTES || items + 1 > SYNC_MAX_ITEMS {
                Some(Overflow::SyncFull)
            } else {
                used += bytes;
                items += 1;
                None
            };
            Placement {
                id: id.clone(),
                area: if overflow.is_some() {
                    Area::Local
                } else {
                    Area::Sync
                },
                overflow,
            }
        })
        .collect()
}

/// One field that differs between two profiles; `None` when absent on that side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// A JSON path such as `signature.text` or `support.hours`.
    pub path: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What replacing `before` (none: a new profile) with `after` changes, field by field, fields in
/// alphabetical order (serde_json's maps are sorted), those only `before` has last. Lists are compared whole and shown as one line: that reads better than item paths.
pub fn diff(before: Option<&Profile>, after: &Profile) -> Vec<Change> {
    let before = before.map(|p| serde_json::to_value(p).unwrap_or(Value::Null));
    let after = serde_json::to_value(after).unwrap_or(Value::Null);
    let mut changes = Vec::new();
    walk("", before.as_ref(), Some(&after), &mut changes);
    changes
}

fn walk(path: &str, before: Option<&Value>, after: Option<&Value>, out: &mut Vec<Change>) {
    let before = before.filter(|v| !v.is_null());
    let after = after.filter(|v| !v.is_null());
    match (before, after) {
        (Some(Value::Object(b)), Some(Value::Object(a))) => {
            // Keys of `after` first, then those only `before` has.
            for (key, value) in a {
                walk(&join(path, key), b.get(key), Some(value), out);
            }
            for (key, value) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                walk(&join(path, key), Some(value), None, out);
            }
        }
        (None, Some(Value::Object(a))) => {
            for (key, value) in a {
                walk(&join(path, key), None, Some(value), out);
            }
        }
        (Some(Value::Object(b)), None) => {
            for (key, value) in b {
                walk(&join(path, key), Some(value), None, out);
            }
        }
        (b, a) if b != a => out.push(Change {
            path: path.to_string(),
            before: b.map(show),
            after: a.map(show),
        }),
        _ => {}
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A value as one readable line: texts bare, lists comma-separated, objects as compact JSON.
fn show(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "—".into(),
        Value::Array(items) => items.iter().map(show).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// A profile published at an HTTPS address and the last good copy of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Subscription {
    pub url: String,
    /// The last copy that was a valid profile, as served.
    #[serde(default)]
    pub profile: Option<String>,
    /// When that copy was fetched (ms since 1970).
    #[serde(default)]
    pub fetched_ms: Option<i64>,
    /// When the address was last tried, successfully or not.
    #[serde(default)]
    pub tried_ms: Option<i64>,
    /// What went wrong on the last try; `None` when it succeeded.
    #[serde(default)]
    pub error: Option<String>,
}

/// Why an address cannot be subscribed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressError {
    NotHttps,
    NoHost,
    Malformed,
}

impl AddressError {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang == Lang::Fr) {
            (AddressError::NotHttps, false) => "The address must start with https://.",
            (AddressError::NotHttps, true) => "L'adresse doit commencer par https://.",
            (AddressError::NoHost, false) => "The address names no server after https://.",
            (AddressError::NoHost, true) => "L'adresse ne nomme aucun serveur après https://.",
            (AddressError::Malformed, false) => "The address holds spaces or quotes.",
            (AddressError::Malformed, true) => "L'adresse contient des espaces ou des guillemets.",
        }
    }
}

/// Checks an address to subscribe to; returns it trimmed and the host-permission pattern of its
/// origin (`https://host/*`), the only one Candor asks for.
pub fn subscription_address(text: &str) -> Result<(String, String), AddressError> {
    let url = text.trim();
    if url
        .chars()
        .any(|c| c.is_whitespace() || c == '"' || c == '<')
    {
        return Err(AddressError::Malformed);
    }
    let rest = url
        .get(..8)
        .filter(|s| s.eq_ignore_ascii_case("https://"))
        .map(|_| &url[8..])
        .ok_or(AddressError::NotHttps)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // A user:password@ part is dropped from the pattern; permissions name hosts only.
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = host_port.split(':').next().unwrap_or_default();
    if host.is_empty() {
        return Err(AddressError::NoHost);
    }
    Ok((
        url.to_string(),
        format!("https://{}/*", host.to_ascii_lowercase()),
    ))
}

impl Subscription {
    pub fn new(url: impl Into<String>) -> Self {
        Subscription {
            url: url.into(),
            ..Default::default()
        }
    }

    /// The state after a try at `now_ms`: `Ok(body)` is what the address served, `Err` why it served
    /// nothing. Only a valid profile replaces the last good copy.
    pub fn after_fetch(&self, outcome: Result<&str, &str>, now_ms: i64) -> Subscription {
        let mut next = self.clone();
        next.tried_ms = Some(now_ms);
        match outcome {
            Ok(body) => match profile::load(body) {
                Ok(_) => {
                    next.profile = Some(body.to_string());
                    next.fetched_ms = Some(now_ms);
                    next.error = None;
                }
                Err(e) => next.error = Some(e.to_string()),
            },
            Err(why) => next.error = Some(why.to_string()),
        }
        next
    }

    /// Whether the address should be tried at `now_ms`: never tried, tried a day ago or more, or the
    /// clock went back (then the record cannot be trusted to say when).
    pub fn is_due(&self, now_ms: i64) -> bool {
        match self.tried_ms {
            None => true,
            Some(tried) => now_ms < tried || now_ms - tried >= REFRESH_EVERY_MS,
        }
    }

    /// The last good copy as a profile, if any.
    pub fn current(&self) -> Option<Profile> {
        self.profile.as_deref().and_then(|p| profile::load(p).ok())
    }
}

/// A profile the engine holds, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeldProfile {
    pub id: String,
    pub name: String,
    /// The address it is subscribed from; such a profile is read-only in the editor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscribed: Option<String>,
    pub profile: Value,
}

/// A stored profile the engine refused, and why (English, then French).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefusedProfile {
    pub source: String,
    pub problems: Vec<String>,
}

/// The profiles the background last sent, validated.
#[derive(Debug, Clone, Default)]
pub struct ProfileBook {
    profiles: Vec<Profile>,
    subscribed: Vec<Option<String>>,
    refused: Vec<RefusedProfile>,
    subscriptions: Vec<Subscription>,
}

impl ProfileBook {
    /// Validates each stored profile (JSON text) and each subscription's last good copy; keeps the
    /// valid ones, own profiles first, and records why the others were refused.
    pub fn set(profiles: &[String], subscriptions: Vec<Subscription>) -> Self {
        let mut book = ProfileBook::default();
        for (n, text) in profiles.iter().enumerate() {
            match profile::load(text) {
                Ok(p) => {
                    book.profiles.push(p);
                    book.subscribed.push(None);
                }
                Err(e) => book.refused.push(RefusedProfile {
                    source: format!("#{}", n + 1),
                    problems: e.issues.iter().map(|i| i.message(Lang::En)).collect(),
                }),
            }
        }
        for s in &subscriptions {
            if let Some(p) = s.current() {
                book.profiles.push(p);
                book.subscribed.push(Some(s.url.clone()));
            }
        }
        book.subscriptions = subscriptions;
        book
    }

    /// The profile whose pages match `url`, else the first one without pages, else the default.
    pub fn profile_for(&self, url: &str) -> Profile {
        profile::choose(&self.profiles, url)
            .or_else(|| self.profiles.iter().find(|p| p.pages.is_empty()))
            .cloned()
            .unwrap_or_default()
    }

    pub fn held(&self) -> Vec<HeldProfile> {
        self.profiles
            .iter()
            .zip(&self.subscribed)
            .map(|(p, s)| HeldProfile {
                id: p.id.clone(),
                name: p.name.clone(),
                subscribed: s.clone(),
                profile: serde_json::to_value(p).unwrap_or(Value::Null),
            })
            .collect()
    }

    pub fn refused(&self) -> &[RefusedProfile] {
        &self.refused
    }

    /// The addresses to fetch at `now_ms`.
    pub fn due(&self, now_ms: Option<i64>) -> Vec<String> {
        let Some(now) = now_ms else {
            return Vec::new();
        };
        self.subscriptions
            .iter()
            .filter(|s| s.is_due(now))
            .map(|s| s.url.clone())
            .collect()
    }

    /// No profile is held: guidance uses the default one.
    pub fn uses_default(&self) -> bool {
        self.profiles.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(id: &str, name: &str) -> String {
        format!(r#"{{"schema_version": 1, "id": "{id}", "name": "{name}"}}"#)
    }

    #[test]
    fn quota_plan_puts_each_profile_where_it_fits() {
        let small = sample("a", "A");
        let big_name = "x".repeat(400);
        // A profile with many long words is over the 8 KB of one item.
        let huge = format!(
            r#"{{"schema_version": 1, "id": "huge", "name": "H", "avoid": [{}]}}"#,
            (0..30)
                .map(|n| format!("\"{n}{big_name}\""))
                .collect::<Vec<_>>()
                .join(",")
        );
        let medium = |id: &str| (id.to_string(), "y".repeat(7_000));
        struct Case {
            name: &'static str,
            profiles: Vec<(String, String)>,
            expected: Vec<(Area, Option<Overflow>)>,
        }
        let huge_bytes = sync_item_bytes("profile:huge", &huge);
        let cases = vec![
            Case {
                name: "nothing",
                profiles: vec![],
                expected: vec![],
            },
            Case {
                name: "two small",
                profiles: vec![("a".into(), small.clone()), ("b".into(), small.clone())],
                expected: vec![(Area::Sync, None), (Area::Sync, None)],
            },
            Case {
                name: "one too large for an item, the next still syncs",
                profiles: vec![("huge".into(), huge.clone()), ("a".into(), small.clone())],
                expected: vec![
                    (
                        Area::Local,
                        Some(Overflow::ItemTooLarge { bytes: huge_bytes }),
                    ),
                    (Area::Sync, None),
                ],
            },
            Case {
                name: "fifteen of 7 KB: fourteen fill the 100 KB, the fifteenth stays local",
                profiles: (0..15).map(|n| medium(&format!("m{n:02}"))).collect(),
                expected: (0..15)
                    .map(|n| {
                        if n < 14 {
                            (Area::Sync, None)
                        } else {
                            (Area::Local, Some(Overflow::SyncFull))
                        }
                    })
                    .collect(),
            },
        ];
        for case in cases {
            let plan = plan_storage(&case.profiles);
            let got: Vec<_> = plan.iter().map(|p| (p.area, p.overflow)).collect();
            assert_eq!(got, case.expected, "{}", case.name);
            for (p, (id, _)) in plan.iter().zip(&case.profiles) {
                assert_eq!(&p.id, id, "{}", case.name);
            }
        }
        assert!(huge_bytes > SYNC_QUOTA_BYTES_PER_ITEM);
    }

    #[test]
    fn item_size_counts_key_and_quoted_value() {
        assert_eq!(sync_item_bytes("k", "ab"), 1 + 4);
        assert_eq!(sync_item_bytes("k", "a\"b"), 1 + 6);
    }

    #[test]
    fn diff_names_each_changed_field() {
        let before = profile::load(
            r#"{"schema_version": 1, "id": "velo", "name": "Vélo", "address": "tu",
                "signature": {"text": "Léa", "required": false}, "avoid": ["SAV"]}"#,
        )
        .unwrap();
        type Expected<'a> = Vec<(&'a str, Option<&'a str>, Option<&'a str>)>;
        let cases: Vec<(&str, &str, Expected)> = vec![
            (
                "same profile",
                r#"{"schema_version": 1, "id": "velo", "name": "Vélo", "address": "tu",
                    "signature": {"text": "Léa", "required": false}, "avoid": ["SAV"]}"#,
                vec![],
            ),
            (
                "name, address, a list and a nested field",
                r#"{"schema_version": 1, "id": "velo", "name": "Vélocité", "address": "vous",
                    "signature": {"text": "Léa", "required": true}, "avoid": ["SAV", "client"]}"#,
                vec![
                    ("address", Some("tu"), Some("vous")),
                    ("avoid", Some("SAV"), Some("SAV, client")),
                    ("name", Some("Vélo"), Some("Vélocité")),
                    ("signature.required", Some("false"), Some("true")),
                ],
            ),
            (
                "signature removed, persona added",
                r#"{"schema_version": 1, "id": "velo", "name": "Vélo", "address": "tu",
                    "persona": "Léa", "avoid": ["SAV"]}"#,
                vec![
                    ("persona", None, Some("Léa")),
                    ("signature.required", Some("false"), None),
                    ("signature.text", Some("Léa"), None),
                ],
            ),
        ];
        for (name, after, expected) in cases {
            let after = profile::load(after).unwrap();
            let got = diff(Some(&before), &after);
            let expected: Vec<Change> = expected
                .into_iter()
                .map(|(path, b, a)| Change {
                    path: path.into(),
                    before: b.map(Into::into),
                    after: a.map(Into::into),
                })
                .collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn diff_against_nothing_lists_every_field_as_new() {
        let p = profile::load(&sample("new", "New")).unwrap();
        let changes = diff(None, &p);
        assert!(changes.iter().all(|c| c.before.is_none()));
        assert!(changes
            .iter()
            .any(|c| c.path == "name" && c.after.as_deref() == Some("New")));
        assert!(changes
            .iter()
            .any(|c| c.path == "support.response_target_minutes"));
    }

    #[test]
    fn subscription_keeps_the_last_good_copy() {
        let good = sample("pub", "Published");
        let better = sample("pub", "Published v2");
        let invalid = r#"{"schema_version": 1, "id": "pub", "name": "P", "adress": "tu"}"#;
        let start = Subscription::new("https://brand.example/p.candor.json");
        // (what happened, at, expected copy name, fetched_ms, error contains)
        type Step<'a> = (
            Result<&'a str, &'a str>,
            i64,
            Option<&'a str>,
            Option<i64>,
            Option<&'a str>,
        );
        let steps: Vec<Step> = vec![
            (Err("HTTP 404"), 1, None, None, Some("HTTP 404")),
            (Ok(&good), 2, Some("Published"), Some(2), None),
            (
                Err("network down"),
                3,
                Some("Published"),
                Some(2),
                Some("network down"),
            ),
            (Ok(invalid), 4, Some("Published"), Some(2), Some("`adress`")),
            (Ok("not json"), 5, Some("Published"), Some(2), Some("JSON")),
            (Ok(&better), 6, Some("Published v2"), Some(6), None),
        ];
        let mut state = start;
        for (n, (outcome, at, name, fetched, error)) in steps.into_iter().enumerate() {
            state = state.after_fetch(outcome, at);
            assert_eq!(state.tried_ms, Some(at), "step {n}");
            assert_eq!(state.current().map(|p| p.name).as_deref(), name, "step {n}");
            assert_eq!(state.fetched_ms, fetched, "step {n}");
            match error {
                None => assert_eq!(state.error, None, "step {n}"),
                Some(part) => assert!(
                    state.error.as_deref().unwrap_or_default().contains(part),
                    "step {n}: {:?}",
                    state.error
                ),
            }
        }
    }

    #[test]
    fn subscription_is_due_daily() {
        let day = REFRESH_EVERY_MS;
        let cases = [
            (None, 0, true),
            (Some(1_000), 1_000, false),
            (Some(1_000), 1_000 + day - 1, false),
            (Some(1_000), 1_000 + day, true),
            (Some(1_000), 1_000 + 3 * day, true),
            (Some(1_000), 500, true),
        ];
        for (tried, now, due) in cases {
            let s = Subscription {
                tried_ms: tried,
                ..Subscription::new("https://a.example/p.json")
            };
            assert_eq!(s.is_due(now), due, "tried {tried:?}, now {now}");
        }
    }

    #[test]
    fn subscription_addresses_are_https_and_name_their_origin() {
        let cases = [
            (
                "https://cdn.brand.example/voice.candor.json",
                Ok("https://cdn.brand.example/*"),
            ),
            (
                "  HTTPS://Brand.Example:8443/a?b#c ",
                Ok("https://brand.example/*"),
            ),
            (
                "https://user:pw@host.example/p",
                Ok("https://host.example/*"),
            ),
            ("http://brand.example/p.json", Err(AddressError::NotHttps)),
            ("ftp://x", Err(AddressError::NotHttps)),
            ("", Err(AddressError::NotHttps)),
            ("https:///p.json", Err(AddressError::NoHost)),
            ("https://a b.example/", Err(AddressError::Malformed)),
            ("https://é.example/p", Ok("https://é.example/*")),
        ];
        for (text, expected) in cases {
            let got = subscription_address(text).map(|(_, pattern)| pattern);
            assert_eq!(got.as_deref().map_err(|e| *e), expected, "{text:?}");
        }
        assert!(!AddressError::NotHttps.message(Lang::Fr).is_empty());
    }

    #[test]
    fn book_keeps_valid_profiles_and_says_why_others_were_refused() {
        let own = vec![
            sample("velo", "Vélo"),
            r#"{"schema_version": 1, "id": "bad", "name": "B", "emoji": "always"}"#.to_string(),
            "{".to_string(),
            r#"{"schema_version": 1, "id": "x-brand", "name": "XB", "pages": ["x.com/xbrand"]}"#
                .to_string(),
        ];
        let mut sub = Subscription::new("https://pub.example/p.json");
        sub = sub.after_fetch(Ok(&sample("pub", "Pub")), 10);
        let never = Subscription::new("https://pub.example/none.json");
        let book = ProfileBook::set(&own, vec![sub, never]);
        let held = book.held();
        let ids: Vec<_> = held.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["velo", "x-brand", "pub"]);
        assert_eq!(
            held[2].subscribed.as_deref(),
            Some("https://pub.example/p.json")
        );
        assert_eq!(book.refused().len(), 2);
        assert!(book.refused()[0].problems[0].contains("emoji"));
        assert_eq!(
            book.profile_for("https://x.com/xbrand/status/1").id,
            "x-brand"
        );
        assert_eq!(book.profile_for("https://facebook.com/other").id, "velo");
        assert_eq!(
            book.due(Some(20)),
            vec!["https://pub.example/none.json".to_string()]
        );
        assert!(book.due(None).is_empty());
        assert!(!book.uses_default());
        let empty = ProfileBook::set(&[], vec![]);
        assert!(empty.uses_default());
        assert_eq!(empty.profile_for("https://x.com/a").id, "default");
    }
}

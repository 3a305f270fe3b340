//! The brand profile: the voice, handles, channels and limits an agency shares.
//!
//! Owns: the versioned JSON schema (`schema_version`), validation with messages that name the field,
//! migration of older versions, and the defaults for a brand with no profile yet. The schema is
//! documented for users in `docs/profile.md`; samples live in `examples/profiles/`.
//!
//! [`load`] reads a profile file: it never panics, refuses unknown fields (a typo must show), and
//! reports every problem with its JSON path, in French and in English. [`choose`] picks, among an
//! agency's profiles, the one that applies to a page.

mod error;
mod hours;
mod migrate;
mod reader;

use serde::Serialize;
use serde_json::Value;

pub use error::{Expected, Issue, Problem, ProfileError};
pub use hours::{Opening, Support, TimeOfDay, Weekday};

use crate::guide::specifics::IssueKind;
use crate::text::Lang;
use crate::thread::Platform;
use reader::{list, text_value, word_value, Issues, Obj};

/// The schema version this engine writes and reads; older ones are migrated by [`load`].
pub const SCHEMA_VERSION: u32 = 1;
/// The largest profile file accepted, in bytes; real ones are a few kilobytes.
pub const MAX_PROFILE_BYTES: usize = 256 * 1024;

/// Tutoiement or vouvoiement: how the brand addresses people (in English both read "you").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Address {
    Tu,
    #[default]
    Vous,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Formality {
    Casual,
    #[default]
    Neutral,
    Formal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EmojiPolicy {
    Never,
    #[default]
    Sparingly,
    Freely,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum HumourPolicy {
    #[default]
    Never,
    Light,
    Welcome,
}

/// How replies are signed; `required` means every reply must end with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    pub text: String,
    pub required: bool,
}

/// A word the brand avoids and the one it says instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreferredTerm {
    pub avoid: String,
    #[serde(rename = "use")]
    pub instead: String,
}

/// A private conversation that stays on the platform the comment came from (P3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrivateChannel {
    Messenger,
    DirectMessage,
    LinkedinMessage,
    /// The brand takes no private messages there: everything is answered publicly.
    None,
}

impl PrivateChannel {
    /// The only private channel that keeps the person on `platform`.
    pub fn of(platform: Platform) -> PrivateChannel {
        match platform {
            Platform::Facebook => PrivateChannel::Messenger,
            Platform::X => PrivateChannel::DirectMessage,
            Platform::Linkedin => PrivateChannel::LinkedinMessage,
        }
    }

    fn name(self) -> &'static str {
        match self {
            PrivateChannel::Messenger => "messenger",
            PrivateChannel::DirectMessage => "direct_message",
            PrivateChannel::LinkedinMessage => "linkedin_message",
            PrivateChannel::None => "none",
        }
    }

    const NAMES: &'static [&'static str] =
        &["messenger", "direct_message", "linkedin_message", "none"];
}

/// One value per platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerPlatform<T> {
    pub facebook: T,
    pub x: T,
    pub linkedin: T,
}

impl<T> PerPlatform<T> {
    pub fn get(&self, platform: Platform) -> &T {
        match platform {
            Platform::Facebook => &self.facebook,
            Platform::X => &self.x,
            Platform::Linkedin => &self.linkedin,
        }
    }
}

/// A commercial gesture the person replying may offer without asking (P15).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gesture {
    /// What it is, in the brand's words: "a 10 € voucher", "free express shipping".
    pub name: String,
    /// Its ceiling or condition, if any: "up to 20 €", "once per customer".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
    /// The problems it answers; empty: any complaint.
    pub issues: Vec<IssueKind>,
}

/// When a thread turns into a crisis (P16): both thresholds must be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Crisis {
    /// Complaints in one thread.
    pub complaints: u32,
    /// Share of complaints among the thread's comments, in percent.
    pub share_percent: u32,
}

impl Default for Crisis {
    fn default() -> Self {
        Crisis {
            complaints: 10,
            share_percent: 30,
        }
    }
}

/// Who to alert for an urgent case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub name: String,
    /// How to reach them, as the team does internally (phone, chat channel…).
    pub reach: String,
    /// What they handle ("safety", "legal", "outage"…); empty: everything urgent.
    pub topics: Vec<String>,
}

/// A brand's profile, as version 1 of the schema describes it (docs/profile.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub schema_version: u32,
    pub id: String,
    pub name: String,
    /// The languages the brand answers in; the first is used when a comment's language is unknown.
    pub languages: Vec<Lang>,
    /// The brand's own accounts, to recognise its replies.
    pub handles: PerPlatform<Vec<String>>,
    pub address: Address,
    pub formality: Formality,
    pub emoji: EmojiPolicy,
    pub humour: HumourPolicy,
    /// Who speaks for the brand ("Léa, from the support team").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persona: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    pub avoid: Vec<String>,
    pub preferred_terms: Vec<PreferredTerm>,
    pub private_channel: PerPlatform<PrivateChannel>,
    pub support: Support,
    pub gestures: Vec<Gesture>,
    /// Product names to recognise in comments.
    pub products: Vec<String>,
    pub crisis: Crisis,
    pub escalation: Vec<Contact>,
    /// Where the profile applies: URL prefixes (`https://x.com/velolyon`) or `@handles`.
    pub pages: Vec<String>,
}

impl Default for Profile {
    /// The profile of a brand that has none yet: polite, sober, private channels on each platform.
    fn default() -> Self {
        Profile {
            schema_version: SCHEMA_VERSION,
            id: "default".into(),
            name: "Default profile".into(),
            languages: vec![Lang::Fr, Lang::En],
            handles: PerPlatform {
                facebook: Vec::new(),
                x: Vec::new(),
                linkedin: Vec::new(),
            },
            address: Address::Vous,
            formality: Formality::Neutral,
            emoji: EmojiPolicy::Sparingly,
            humour: HumourPolicy::Never,
            persona: None,
            signature: None,
            avoid: Vec::new(),
            preferred_terms: Vec::new(),
            private_channel: PerPlatform {
                facebook: PrivateChannel::Messenger,
                x: PrivateChannel::DirectMessage,
                linkedin: PrivateChannel::LinkedinMessage,
            },
            support: Support::default(),
            gestures: Vec::new(),
            products: Vec::new(),
            crisis: Crisis::default(),
            escalation: Vec::new(),
            pages: Vec::new(),
        }
    }
}

impl Profile {
    /// The profile as version-1 JSON (what [`load`] reads back).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether `author` (a display name or @handle) is one of the brand's accounts on `platform`.
    pub fn is_brand(&self, platform: Platform, author: &str) -> bool {
        let author = bare_handle(author);
        self.handles
            .get(platform)
            .iter()
            .any(|h| bare_handle(h) == author)
    }

    /// The language guidance uses when a comment's own is unknown.
    pub fn main_language(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::En)
    }
}

fn bare_handle(s: &str) -> String {
    s.trim().trim_start_matches('@').to_lowercase()
}

const TOP_FIELDS: &[&str] = &[
    "schema_version",
    "id",
    "name",
    "languages",
    "handles",
    "address",
    "formality",
    "emoji",
    "humour",
    "persona",
    "signature",
    "avoid",
    "preferred_terms",
    "private_channel",
    "support",
    "gestures",
    "products",
    "crisis",
    "escalation",
    "pages",
];
const PLATFORMS: &[&str] = &["facebook", "x", "linkedin"];

/// Reads a profile file (any supported `schema_version`), validates it and returns it as version 1.
///
/// Never panics: malformed JSON, wrong types, unknown fields or versions and oversized input all
/// come back as a [`ProfileError`] naming the field.
pub fn load(json: &str) -> Result<Profile, ProfileError> {
    if json.len() > MAX_PROFILE_BYTES {
        return Err(ProfileError::single(
            "",
            Problem::TooLarge {
                bytes: json.len(),
                limit: MAX_PROFILE_BYTES,
            },
        ));
    }
    let value: Value = serde_json::from_str(json).map_err(|e| {
        ProfileError::single(
            "",
            Problem::NotJson {
                line: e.line(),
                column: e.column(),
            },
        )
    })?;
    let value = migrate::to_current(value)?;
    from_value(&value)
}

/// Validates a version-1 profile already parsed as JSON.
pub fn from_value(value: &Value) -> Result<Profile, ProfileError> {
    let mut issues = Issues::default();
    let Some(top) = Obj::open(value, "", TOP_FIELDS, &mut issues) else {
        return Err(ProfileError { issues: issues.0 });
    };
    let mut p = Profile {
        id: top.text("id", &mut issues),
        name: top.text("name", &mut issues),
        ..Profile::default()
    };
    if !p.id.is_empty()
        && !p
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        issues.push("id", Problem::BadId);
    }

    if let Some(v) = top.get("languages") {
        let mut langs = Vec::new();
        if let Some(items) = list(v, "languages", &mut issues) {
            for (n, item) in items.iter().enumerate() {
                let path = format!("languages[{n}]");
                match word_value(item, &path, &["fr", "en"], &mut issues) {
                    Some("fr") if !langs.contains(&Lang::Fr) => langs.push(Lang::Fr),
                    Some("en") if !langs.contains(&Lang::En) => langs.push(Lang::En),
                    Some(other) => issues.push(
                        &path,
                        Problem::Duplicate {
                            value: other.into(),
                        },
                    ),
                    None => {}
                }
            }
            if items.is_empty() {
                issues.push("languages", Problem::Empty);
            }
        }
        if !langs.is_empty() {
            p.languages = langs;
        }
    }

    if let Some(v) = top.get("handles") {
        if let Some(o) = Obj::open(v, "handles", PLATFORMS, &mut issues) {
            p.handles = PerPlatform {
                facebook: o.texts("facebook", &mut issues),
                x: o.texts("x", &mut issues),
                linkedin: o.texts("linkedin", &mut issues),
            };
        }
    }

    p.address = match top.word("address", &["tu", "vous"], "vous", &mut issues) {
        "tu" => Address::Tu,
        _ => Address::Vous,
    };
    p.formality = match top.word(
        "formality",
        &["casual", "neutral", "formal"],
        "neutral",
        &mut issues,
    ) {
        "casual" => Formality::Casual,
        "formal" => Formality::Formal,
        _ => Formality::Neutral,
    };
    p.emoji = match top.word(
        "emoji",
        &["never", "sparingly", "freely"],
        "sparingly",
        &mut issues,
    ) {
        "never" => EmojiPolicy::Never,
        "freely" => EmojiPolicy::Freely,
        _ => EmojiPolicy::Sparingly,
    };
    p.humour = match top.word(
        "humour",
        &["never", "light", "welcome"],
        "never",
        &mut issues,
    ) {
        "light" => HumourPolicy::Light,
        "welcome" => HumourPolicy::Welcome,
        _ => HumourPolicy::Never,
    };
    p.persona = top.opt_text("persona", &mut issues);

    if let Some(v) = top.get("signature") {
        if let Some(o) = Obj::open(v, "signature", &["text", "required"], &mut issues) {
            let text = o.text("text", &mut issues);
            let required = o.boolean("required", false, &mut issues);
            if !text.is_empty() {
                p.signature = Some(Signature { text, required });
            }
        }
    }

    p.avoid = top.texts("avoid", &mut issues);

    if let Some(v) = top.get("preferred_terms") {
        if let Some(items) = list(v, "preferred_terms", &mut issues) {
            for (n, item) in items.iter().enumerate() {
                let path = format!("preferred_terms[{n}]");
                if let Some(o) = Obj::open(item, &path, &["avoid", "use"], &mut issues) {
                    let avoid = o.text("avoid", &mut issues);
                    let instead = o.text("use", &mut issues);
                    if !avoid.is_empty() && !instead.is_empty() {
                        p.preferred_terms.push(PreferredTerm { avoid, instead });
                    }
                }
            }
        }
    }

    if let Some(v) = top.get("private_channel") {
        if let Some(o) = Obj::open(v, "private_channel", PLATFORMS, &mut issues) {
            for platform in [Platform::Facebook, Platform::X, Platform::Linkedin] {
                let key = platform_key(platform);
                let own = PrivateChannel::of(platform);
                let chosen = match o.word(key, PrivateChannel::NAMES, own.name(), &mut issues) {
                    "none" => PrivateChannel::None,
                    name if name == own.name() => own,
                    _ => {
                        issues.push(
                            &o.path_of(key),
                            Problem::ChannelOfAnotherPlatform {
                                platform: key,
                                expected: own.name(),
                            },
                        );
                        own
                    }
                };
                match platform {
                    Platform::Facebook => p.private_channel.facebook = chosen,
                    Platform::X => p.private_channel.x = chosen,
                    Platform::Linkedin => p.private_channel.linkedin = chosen,
                }
            }
        }
    }

    if let Some(v) = top.get("support") {
        p.support = read_support(v, &mut issues);
    }

    if let Some(v) = top.get("gestures") {
        if let Some(items) = list(v, "gestures", &mut issues) {
            for (n, item) in items.iter().enumerate() {
                let path = format!("gestures[{n}]");
                let Some(o) = Obj::open(item, &path, &["name", "limit", "issues"], &mut issues)
                else {
                    continue;
                };
                let name = o.text("name", &mut issues);
                let limit = o.opt_text("limit", &mut issues);
                let mut kinds = Vec::new();
                if let Some(v) = o.get("issues") {
                    let ipath = o.path_of("issues");
                    if let Some(items) = list(v, &ipath, &mut issues) {
                        for (m, item) in items.iter().enumerate() {
                            let kpath = format!("{ipath}[{m}]");
                            if let Some(kind) =
                                word_value(item, &kpath, IssueKind::NAMES, &mut issues)
                                    .and_then(IssueKind::from_name)
                            {
                                kinds.push(kind);
                            }
                        }
                    }
                }
                if !name.is_empty() {
                    p.gestures.push(Gesture {
                        name,
                        limit,
                        issues: kinds,
                    });
                }
            }
        }
    }

    p.products = top.texts("products", &mut issues);

    if let Some(v) = top.get("crisis") {
        if let Some(o) = Obj::open(v, "crisis", &["complaints", "share_percent"], &mut issues) {
            let d = Crisis::default();
            p.crisis = Crisis {
                complaints: o.number("complaints", 1, 100_000, d.complaints.into(), &mut issues)
                    as u32,
                share_percent: o.number(
                    "share_percent",
                    0,
                    100,
                    d.share_percent.into(),
                    &mut issues,
                ) as u32,
            };
        }
    }

    if let Some(v) = top.get("escalation") {
        if let Some(items) = list(v, "escalation", &mut issues) {
            for (n, item) in items.iter().enumerate() {
                let path = format!("escalation[{n}]");
                if let Some(o) = Obj::open(item, &path, &["name", "reach", "topics"], &mut issues) {
                    let contact = Contact {
                        name: o.text("name", &mut issues),
                        reach: o.text("reach", &mut issues),
                        topics: o.texts("topics", &mut issues),
                    };
                    if !contact.name.is_empty() && !contact.reach.is_empty() {
                        p.escalation.push(contact);
                    }
                }
            }
        }
    }

    p.pages = top.texts("pages", &mut issues);
    for (n, page) in p.pages.iter().enumerate() {
        if normalize_page(page).is_none() {
            issues.push(&format!("pages[{n}]"), Problem::BadPage);
        }
    }

    if issues.0.is_empty() {
        Ok(p)
    } else {
        Err(ProfileError { issues: issues.0 })
    }
}

fn platform_key(platform: Platform) -> &'static str {
    match platform {
        Platform::Facebook => "facebook",
        Platform::X => "x",
        Platform::Linkedin => "linkedin",
    }
}

fn read_support(v: &Value, issues: &mut Issues) -> Support {
    let mut support = Support::default();
    let Some(o) = Obj::open(
        v,
        "support",
        &["timezone", "hours", "response_target_minutes"],
        issues,
    ) else {
        return support;
    };
    if let Some(tz) = o.get("timezone") {
        let path = o.path_of("timezone");
        if let Some(text) = text_value(tz, &path, issues) {
            match hours::parse_offset(&text) {
                Some(minutes) => support.timezone = minutes,
                None => issues.push(
                    &path,
                    Problem::NotOneOf {
                        found: text.chars().take(40).collect(),
                        allowed: &["+HH:MM", "-HH:MM", "Z", "UTC"],
                    },
                ),
            }
        }
    }
    support.response_target_minutes = o.number(
        "response_target_minutes",
        1,
        7 * 24 * 60,
        support.response_target_minutes.into(),
        issues,
    ) as u32;
    if let Some(v) = o.get("hours") {
        let hpath = o.path_of("hours");
        if let Some(items) = list(v, &hpath, issues) {
            for (n, item) in items.iter().enumerate() {
                let path = format!("{hpath}[{n}]");
                let Some(span) = Obj::open(item, &path, &["days", "open", "close"], issues) else {
                    continue;
                };
                let mut days = Vec::new();
                match span.get("days") {
                    None => issues.push(&span.path_of("days"), Problem::Missing),
                    Some(v) => {
                        let dpath = span.path_of("days");
                        if let Some(items) = list(v, &dpath, issues) {
                            for (m, d) in items.iter().enumerate() {
                                if let Some(day) =
                                    word_value(d, &format!("{dpath}[{m}]"), Weekday::NAMES, issues)
                                        .and_then(Weekday::from_name)
                                {
                                    days.push(day);
                                }
                            }
                        }
                    }
                }
                let mut time = |key: &str| {
                    let text = span.text(key, issues);
                    if text.is_empty() {
                        return None;
                    }
                    let t = TimeOfDay::parse(&text);
                    if t.is_none() {
                        issues.push(&span.path_of(key), Problem::BadTime);
                    }
                    t
                };
                let (open, close) = (time("open"), time("close"));
                if let (Some(open), Some(close)) = (open, close) {
                    if close <= open {
                        issues.push(&span.path_of("close"), Problem::ClosesBeforeOpening);
                    } else {
                        support.hours.push(Opening { days, open, close });
                    }
                }
            }
        }
    }
    support
}

/// A page pattern in comparable form: `host/path` without scheme, `www.`, `mobile.` or trailing
/// slash, lowercase; `@handle` stays as is. `None` when it is neither.
fn normalize_page(pattern: &str) -> Option<String> {
    let p = pattern.trim();
    if let Some(handle) = p.strip_prefix('@') {
        let ok = !handle.is_empty()
            && handle
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.');
        return ok.then(|| format!("@{}", handle.to_lowercase()));
    }
    let url = normalize_url(p);
    let host = url.split('/').next().unwrap_or("");
    (host.contains('.') && !host.contains(' ')).then_some(url)
}

/// `https://www.X.com/Path/?q` → `x.com/path/?q`; twitter.com reads as x.com.
fn normalize_url(url: &str) -> String {
    let mut u = url.trim().to_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = u.strip_prefix(scheme) {
            u = rest.to_string();
        }
    }
    for sub in ["www.", "mobile.", "m.", "web."] {
        if let Some(rest) = u.strip_prefix(sub) {
            u = rest.to_string();
            break;
        }
    }
    if let Some(rest) = u.strip_prefix("twitter.com") {
        u = format!("x.com{rest}");
    }
    while u.ends_with('/') {
        u.pop();
    }
    u
}

/// How specifically `pattern` matches `url` (longer is more specific); `None` when it does not.
fn page_match(pattern: &str, url: &str) -> Option<usize> {
    let pattern = normalize_page(pattern)?;
    let url = normalize_url(url);
    if let Some(handle) = pattern.strip_prefix('@') {
        // An @handle matches the account's pages on any of the three sites.
        let path = url.split_once('/').map(|(_, p)| p).unwrap_or("");
        let first = path.split(['/', '?', '#']).next().unwrap_or("");
        let second = path.split(['/', '?', '#']).nth(1).unwrap_or("");
        let on_site = ["x.com", "facebook.com", "linkedin.com"]
            .iter()
            .any(|s| url.starts_with(&format!("{s}/")));
        let named =
            first == handle || (matches!(first, "company" | "in" | "showcase") && second == handle);
        return (on_site && named).then_some(pattern.len());
    }
    let rest = url.strip_prefix(pattern.as_str())?;
    // "x.com/velo" must not match "x.com/velolyon": the prefix ends at a path boundary.
    (rest.is_empty() || rest.starts_with(['/', '?', '#'])).then_some(pattern.len())
}

/// The profile that applies to the page at `url`: the one whose `pages` entry matches it most
/// specifically (the longest pattern); `None` when no profile names the page.
pub fn choose<'a>(profiles: &'a [Profile], url: &str) -> Option<&'a Profile> {
    profiles
        .iter()
        .filter_map(|p| {
            p.pages
                .iter()
                .filter_map(|pattern| page_match(pattern, url))
                .max()
                .map(|score| (score, p))
        })
        // On a tie the first profile listed wins (a later one must score strictly higher).
        .fold(
            None,
            |best: Option<(usize, &Profile)>, (score, p)| match best {
                Some((b, _)) if b >= score => best,
                _ => Some((score, p)),
            },
        )
        .map(|(_, p)| p)
}

#[cfg(test)]
mod tests;

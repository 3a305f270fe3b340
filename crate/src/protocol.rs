//! The messages between content scripts, the background and the extension pages.
//!
//! Owns: one typed set of messages, versioned, validated at the boundary. Every message is a JSON
//! object `{"v": PROTOCOL_VERSION, "type": "<Variant>", ...fields}`; the JavaScript side uses the same
//! variant names (`extension/shared/protocol.js`, checked against this file by a test). Anything else
//! — another version, an unknown type, a missing field, an oversized batch — is answered with
//! [`Response::Error`], never a panic.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::classify::{Category, Verdict};
use crate::coach::Warning;
use crate::engine::profiles::{HeldProfile, RefusedProfile, Subscription};
use crate::guard::{AuditEntry, GuardAction, GuardNote, GuardOutcome, MAX_AUDIT_ENTRIES};
use crate::guide::Guidance;
use crate::text::Lang;
use crate::thread::corrections::{Correction, MAX_CORRECTIONS};
use crate::thread::summary::ThreadSummary;
use crate::thread::{Comment, JudgedComment, Platform};

/// Bumped whenever a message changes shape; both sides must agree.
pub const PROTOCOL_VERSION: u32 = 1;

/// The most comments one batch may carry; readers send smaller batches.
pub const MAX_BATCH: usize = 500;
/// The longest id, author or URL a message may carry, in bytes.
pub const MAX_FIELD_BYTES: usize = 2_048;
/// The longest comment text a message may carry, in bytes (1 MiB); longer is refused, not cut.
pub const MAX_TEXT_BYTES: usize = 1 << 20;
/// The most brand profiles one `SetProfiles` may carry.
pub const MAX_PROFILES: usize = 1_000;

/// What a content script, page or tool asks of the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum Request {
    /// Is the engine there, and which protocol does it speak?
    Ping {},
    /// A content script started reading a page (or the page moved to another URL).
    PageOpened { url: String, platform: Platform },
    /// Comments read on the page, new or changed; answered with their verdicts.
    CommentsRead { url: String, comments: Vec<Comment> },
    /// The page could not be read (unknown layout, redesign); Candor leaves it alone and says why.
    PageUnreadable {
        url: String,
        platform: Option<Platform>,
        reason: String,
    },
    /// An error inside the extension itself, reported so it can be shown and tested.
    ReportError { context: String, message: String },
    /// Extension pages: every thread read so far, with verdicts and summary, and the errors seen.
    /// `now_ms` (ms since 1970) lets the summary say how long unanswered comments have waited.
    /// `tab_id` asks for that tab's thread only (the side panel shows one), so the engine does not
    /// report every other tab's thread for nothing.
    GetThreads {
        #[serde(default)]
        now_ms: Option<i64>,
        #[serde(default)]
        tab_id: Option<i64>,
    },
    /// Classify one text (extension pages, practice).
    Classify {
        text: String,
        #[serde(default)]
        lang: Option<Lang>,
    },
    /// Extension pages: the person changes the category of comment `id` of the thread read at `url`.
    /// Choosing the classifier's own category removes the correction.
    Correct {
        url: String,
        id: String,
        category: Category,
    },
    /// Every correction, for storage (the background) and review; answered with `Corrections`.
    ExportCorrections {},
    /// Corrections exported earlier (the background, at start-up).
    ImportCorrections { corrections: Vec<Correction> },
    /// Reply guidance for comment `id` of the thread read at `url` (a content script's own tab, or
    /// any tab from an extension page); answered with `Guidance`.
    Guide {
        url: String,
        id: String,
        #[serde(default)]
        now_ms: Option<i64>,
    },
    /// The coach's warnings on `draft`, a reply being written to comment `id` of the thread read at
    /// `url`; answered with `Warnings`.
    Coach {
        url: String,
        id: String,
        draft: String,
    },
    /// Extension pages: tab `tab_id`'s thread as a report for the brand (P5, P17); answered with
    /// `Export`. `lang` chooses the language of the text report.
    ExportThread {
        tab_id: i64,
        format: ExportFormat,
        #[serde(default)]
        lang: Option<Lang>,
        #[serde(default)]
        now_ms: Option<i64>,
    },
    /// The delete guard: the person picked `action` in the menu of comment `id` of the thread read
    /// at `url`; answered with `GuardDecision` (hold the click, or let it through).
    GuardCheck {
        url: String,
        id: String,
        action: GuardAction,
    },
    /// How a guarded action ended, for the audit log; the engine adds the platform, the author and
    /// the category it knows. Answered with `Ack`.
    LogDecision {
        url: String,
        id: String,
        action: GuardAction,
        held: bool,
        outcome: GuardOutcome,
        #[serde(default)]
        reason: Option<String>,
        time_ms: i64,
    },
    /// The audit log as a file (JSON or CSV; text reads as lines); answered with `Export`.
    GetAuditLog { format: ExportFormat },
    /// Audit entries stored earlier (the background, at start-up).
    ImportAuditLog { entries: Vec<AuditEntry> },
    /// The background: the brand profiles in storage (JSON texts) and the subscriptions with their last
    /// good copies. The engine keeps the valid ones and answers `Profiles`, with the subscriptions due
    /// at `now_ms`.
    SetProfiles {
        profiles: Vec<String>,
        #[serde(default)]
        subscriptions: Vec<Subscription>,
        #[serde(default)]
        now_ms: Option<i64>,
    },
    /// Extension pages: the profiles the engine holds; answered with `Profiles`.
    GetProfiles {
        #[serde(default)]
        now_ms: Option<i64>,
    },
    /// The background tried a subscription's address: `body` is what it served, `error` why it served
    /// nothing. Answered with the subscription's next state (`Subscription`).
    SubscriptionFetched {
        subscription: Subscription,
        #[serde(default)]
        body: Option<String>,
        #[serde(default)]
        error: Option<String>,
        now_ms: i64,
    },
}

/// The formats of a thread report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Json,
    Text,
}

impl Request {
    /// Every variant's `type` name, for the JavaScript side and its test.
    pub const TYPES: [&'static str; 20] = [
        "Ping",
        "PageOpened",
        "CommentsRead",
        "PageUnreadable",
        "ReportError",
        "GetThreads",
        "Classify",
        "Correct",
        "ExportCorrections",
        "ImportCorrections",
        "ExportThread",
        "Guide",
        "Coach",
        "GuardCheck",
        "LogDecision",
        "GetAuditLog",
        "ImportAuditLog",
        "SetProfiles",
        "GetProfiles",
        "SubscriptionFetched",
    ];
}

/// What extension pages ask of a tab's content script (`tabs.sendMessage`); the engine never
/// receives these. The content script answers `{"ok": true}` or `{"ok": false, "reason": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum PageCommand {
    /// Scroll comment `id` (the platform's id) into view and highlight it briefly.
    ScrollToComment { id: String },
}

impl PageCommand {
    pub const TYPES: [&'static str; 1] = ["ScrollToComment"];
}

/// What the engine answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Response {
    Pong {
        protocol: u32,
        engine: &'static str,
    },
    Ack,
    Verdicts {
        verdicts: Vec<CommentVerdict>,
        /// How many comments the engine now holds for this page. A content script that has sent more
        /// knows the engine restarted (Chrome stops idle service workers) and sends them again.
        thread_size: usize,
    },
    Verdict {
        verdict: Verdict,
    },
    Threads {
        threads: Vec<ThreadReport>,
        errors: Vec<ErrorRecord>,
    },
    Corrections {
        corrections: Vec<Correction>,
    },
    /// A report to save or copy: its file name, media type and text.
    Export {
        name: String,
        mime: &'static str,
        content: String,
    },
    Guidance {
        id: String,
        guidance: Guidance,
    },
    Warnings {
        id: String,
        warnings: Vec<Warning>,
    },
    /// The delete guard's answer to `GuardCheck`.
    GuardDecision {
        id: String,
        hold: bool,
        rule: Option<&'static str>,
        note: GuardNote,
        /// The category Candor showed for the comment, when it read it.
        category: Option<Category>,
    },
    /// The profiles the engine holds (valid ones), those it refused, the subscriptions due.
    Profiles {
        profiles: Vec<HeldProfile>,
        refused: Vec<RefusedProfile>,
        due: Vec<String>,
        /// No profile is held: guidance speaks with the default profile.
        uses_default: bool,
    },
    Subscription {
        subscription: Subscription,
    },
    Error {
        code: ErrorCode,
        message: String,
    },
}

impl Response {
    pub const TYPES: [&'static str; 13] = [
        "Pong",
        "Ack",
        "Verdicts",
        "Verdict",
        "Threads",
        "Corrections",
        "Export",
        "Guidance",
        "Warnings",
        "GuardDecision",
        "Profiles",
        "Subscription",
        "Error",
    ];

    pub fn error(code: ErrorCode, message: impl Into<String>) -> Self {
        Response::Error {
            code,
            message: message.into(),
        }
    }
}

/// The verdict on one comment of a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentVerdict {
    pub id: String,
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The classifier's category when the person corrected it (the verdict carries theirs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected_from: Option<Category>,
}

/// The state of reading one tab's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageStatus {
    Reading,
    Unreadable,
}

/// One tab's thread as the extension pages (and the test harness) see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadReport {
    pub tab_id: i64,
    pub url: String,
    pub platform: Option<Platform>,
    pub status: PageStatus,
    /// Why the page could not be read, when it could not.
    pub reason: Option<String>,
    /// In thread order, with the person's corrections applied.
    pub comments: Vec<ReportedComment>,
    pub summary: ThreadSummary,
}

/// A comment of a [`ThreadReport`]: as read, as judged (corrections applied), and what the
/// classifier had said when the person corrected it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedComment {
    #[serde(flatten)]
    pub comment: Comment,
    #[serde(flatten)]
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrected_from: Option<Category>,
}

impl ReportedComment {
    /// The comment as judged, the person's category in its verdict.
    pub fn judged(&self) -> JudgedComment {
        JudgedComment {
            comment: self.comment.clone(),
            verdict: self.verdict.clone(),
        }
    }
}

/// An error the extension reported about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    pub tab_id: Option<i64>,
    pub context: String,
    pub message: String,
}

/// Why a message was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Not an object, unknown type, missing or mistyped field.
    BadMessage,
    /// `v` missing or not [`PROTOCOL_VERSION`].
    UnsupportedVersion,
    /// A batch or a field over the limits above.
    TooLarge,
    /// The message needs a tab and came from elsewhere.
    NoTab,
    /// The thread or comment a message names is not (or no longer) known.
    NotFound,
}

/// Reads one message: checks the version, the shape and the limits.
pub fn decode(message: Value) -> Result<Request, Response> {
    let Value::Object(mut object) = message else {
        return Err(Response::error(
            ErrorCode::BadMessage,
            "a message must be a JSON object",
        ));
    };
    match object.remove("v") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(PROTOCOL_VERSION)) => {}
        Some(other) => {
            return Err(Response::error(
                ErrorCode::UnsupportedVersion,
                format!(
                "protocol version {other} is not supported; this engine speaks {PROTOCOL_VERSION}"
            ),
            ))
        }
        None => {
            return Err(Response::error(
                ErrorCode::UnsupportedVersion,
                format!(
                "the message has no protocol version \"v\"; this engine speaks {PROTOCOL_VERSION}"
            ),
            ))
        }
    }
    let request: Request = serde_json::from_value(Value::Object(object))
        .map_err(|e| Response::error(ErrorCode::BadMessage, e.to_string()))?;
    check_limits(&request)?;
    Ok(request)
}

/// Reads one message from JSON text (the command line and tests).
pub fn decode_str(text: &str) -> Result<Request, Response> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Response::error(ErrorCode::BadMessage, format!("not JSON: {e}")))?;
    decode(value)
}

fn check_limits(request: &Request) -> Result<(), Response> {
    let too_large = |what: &str, limit: usize| {
        Err(Response::error(
            ErrorCode::TooLarge,
            format!("{what} is over the limit of {limit}"),
        ))
    };
    let field = |what: &str, value: &str| {
        if value.len() > MAX_FIELD_BYTES {
            too_large(what, MAX_FIELD_BYTES)
        } else {
            Ok(())
        }
    };
    match request {
        Request::PageOpened { url, .. } => field("url", url),
        Request::PageUnreadable { url, reason, .. } => {
            field("url", url)?;
            field("reason", reason)
        }
        Request::ReportError { context, message } => {
            field("context", context)?;
            // An error message may quote a stack; keep it, within reason.
            if message.len() > 4 * MAX_FIELD_BYTES {
                return too_large("message", 4 * MAX_FIELD_BYTES);
            }
            Ok(())
        }
        Request::CommentsRead { url, comments } => {
            field("url", url)?;
            if comments.len() > MAX_BATCH {
                return too_large("the number of comments in one batch", MAX_BATCH);
            }
            for c in comments {
                if c.id.is_empty() {
                    return Err(Response::error(
                        ErrorCode::BadMessage,
                        "a comment has an empty id",
                    ));
                }
                field("comment id", &c.id)?;
                field("author", &c.author)?;
                if let Some(u) = &c.author_url {
                    field("author_url", u)?;
                }
                if let Some(p) = &c.parent_id {
                    field("parent_id", p)?;
                }
                if c.text.len() > MAX_TEXT_BYTES {
                    return too_large("comment text (bytes)", MAX_TEXT_BYTES);
                }
            }
            Ok(())
        }
        Request::Classify { text, .. } => {
            if text.len() > MAX_TEXT_BYTES {
                return too_large("text (bytes)", MAX_TEXT_BYTES);
            }
            Ok(())
        }
        Request::Guide { url, id, .. } => {
            field("url", url)?;
            field("comment id", id)
        }
        Request::Coach { url, id, draft } => {
            field("url", url)?;
            field("comment id", id)?;
            if draft.len() > MAX_TEXT_BYTES {
                return too_large("draft (bytes)", MAX_TEXT_BYTES);
            }
            Ok(())
        }
        Request::Correct { url, id, .. } => {
            field("url", url)?;
            if id.is_empty() {
                return Err(Response::error(
                    ErrorCode::BadMessage,
                    "the comment id is empty",
                ));
            }
            field("comment id", id)
        }
        Request::ImportCorrections { corrections } => {
            // Each correction is checked by the store itself; only the count is a protocol limit.
            if corrections.len() > MAX_CORRECTIONS {
                return too_large("the number of corrections", MAX_CORRECTIONS);
            }
            Ok(())
        }
        Request::GuardCheck { url, id, .. } => {
            field("url", url)?;
            field("comment id", id)
        }
        Request::LogDecision {
            url, id, reason, ..
        } => {
            field("url", url)?;
            field("comment id", id)?;
            field("reason", reason.as_deref().unwrap_or(""))
        }
        Request::ImportAuditLog { entries } => {
            if entries.len() > MAX_AUDIT_ENTRIES {
                return too_large("the number of audit entries", MAX_AUDIT_ENTRIES);
            }
            for e in entries {
                field("url", &e.url)?;
                field("comment id", &e.comment_id)?;
                field("author", &e.author)?;
                field("reason", e.reason.as_deref().unwrap_or(""))?;
            }
            Ok(())
        }
        Request::SetProfiles { profiles, .. } => {
            // storage.local holds at most a few MB; each profile is checked by the profile reader.
            if profiles.len() > MAX_PROFILES {
                return too_large("the number of profiles", MAX_PROFILES);
            }
            Ok(())
        }
        Request::SubscriptionFetched { subscription, .. } => field("url", &subscription.url),
        Request::Ping {}
        | Request::GetProfiles { .. }
        | Request::GetAuditLog { .. }
        | Request::GetThreads { .. }
        | Request::ExportCorrections {}
        | Request::ExportThread { .. } => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn code(r: Result<Request, Response>) -> Option<ErrorCode> {
        match r {
            Err(Response::Error { code, .. }) => Some(code),
            _ => None,
        }
    }

    #[test]
    fn decodes_and_refuses() {
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let many: Vec<Value> = (0..=MAX_BATCH)
            .map(|i| json!({"id": i.to_string(), "author": "a", "text": "t"}))
            .collect();
        let cases: Vec<(Value, Option<ErrorCode>)> = vec![
            (json!({"v": 1, "type": "Ping"}), None),
            (json!({"v": 1, "type": "GetThreads"}), None),
            (
                json!({"v": 1, "type": "PageOpened", "url": "https://x.com/a/status/1", "platform": "x"}),
                None,
            ),
            (
                json!({"v": 1, "type": "CommentsRead", "url": "u", "comments": [{"id": "1", "author": "a", "text": "t"}]}),
                None,
            ),
            (json!("Ping"), Some(ErrorCode::BadMessage)),
            (json!([1, 2]), Some(ErrorCode::BadMessage)),
            (json!({"type": "Ping"}), Some(ErrorCode::UnsupportedVersion)),
            (
                json!({"v": 2, "type": "Ping"}),
                Some(ErrorCode::UnsupportedVersion),
            ),
            (
                json!({"v": "1", "type": "Ping"}),
                Some(ErrorCode::UnsupportedVersion),
            ),
            (
                json!({"v": 1, "type": "Explode"}),
                Some(ErrorCode::BadMessage),
            ),
            (json!({"v": 1}), Some(ErrorCode::BadMessage)),
            (
                json!({"v": 1, "type": "PageOpened", "url": "u"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "PageOpened", "url": "u", "platform": "myspace"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "Ping", "extra": true}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "CommentsRead", "url": "u", "comments": [{"id": "", "author": "a", "text": "t"}]}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "CommentsRead", "url": "u", "comments": [{"id": "1", "author": "a", "text": 5}]}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "PageOpened", "url": long, "platform": "x"}),
                Some(ErrorCode::TooLarge),
            ),
            (
                json!({"v": 1, "type": "CommentsRead", "url": "u", "comments": many}),
                Some(ErrorCode::TooLarge),
            ),
            (
                json!({"v": 1, "type": "GetThreads", "now_ms": 1_773_144_000_000_i64}),
                None,
            ),
            (
                json!({"v": 1, "type": "GetThreads", "now_ms": "soon"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "Correct", "url": "u", "id": "1", "category": "praise"}),
                None,
            ),
            (
                json!({"v": 1, "type": "Correct", "url": "u", "id": "", "category": "praise"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "Correct", "url": "u", "id": "1", "category": "rant"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "ImportCorrections", "corrections": [{"platform": "x", "id": "1", "category": "spam", "original": "neutral"}]}),
                None,
            ),
            (
                json!({"v": 1, "type": "ImportCorrections", "corrections": {"id": "1"}}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "ScrollToComment", "id": "1"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "ExportThread", "tab_id": 3, "format": "text", "lang": "fr"}),
                None,
            ),
            (
                json!({"v": 1, "type": "ExportThread", "tab_id": 3, "format": "xlsx"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "GuardCheck", "url": "u", "id": "1", "action": "hide"}),
                None,
            ),
            (
                json!({"v": 1, "type": "GuardCheck", "url": "u", "id": "1", "action": "report"}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "LogDecision", "url": "u", "id": "1", "action": "delete",
                       "held": true, "outcome": "carried_out", "reason": long.clone(), "time_ms": 1}),
                Some(ErrorCode::TooLarge),
            ),
            (
                json!({"v": 1, "type": "LogDecision", "url": "u", "id": "1", "action": "delete",
                       "held": false, "outcome": "shrugged", "time_ms": 1}),
                Some(ErrorCode::BadMessage),
            ),
            (
                json!({"v": 1, "type": "GetAuditLog", "format": "json"}),
                None,
            ),
            (
                json!({"v": 1, "type": "ImportAuditLog", "entries": [{"time_ms": 1, "platform": "x",
                       "url": "u", "comment_id": "1", "author": "a", "category": "spam",
                       "action": "delete", "held": false, "outcome": "carried_out"}]}),
                None,
            ),
        ];
        for (message, expected) in cases {
            let shown = message.to_string();
            assert_eq!(
                code(decode(message)),
                expected,
                "{}",
                &shown[..shown.len().min(120)]
            );
        }
    }

    #[test]
    fn every_request_type_is_listed_for_javascript() {
        let samples = [
            json!({"type": "Ping"}),
            json!({"type": "PageOpened", "url": "u", "platform": "x"}),
            json!({"type": "CommentsRead", "url": "u", "comments": []}),
            json!({"type": "PageUnreadable", "url": "u", "platform": null, "reason": "r"}),
            json!({"type": "ReportError", "context": "c", "message": "m"}),
            json!({"type": "GetThreads"}),
            json!({"type": "Classify", "text": "t"}),
            json!({"type": "Correct", "url": "u", "id": "1", "category": "spam"}),
            json!({"type": "ExportCorrections"}),
            json!({"type": "ImportCorrections", "corrections": []}),
            json!({"type": "ExportThread", "tab_id": 1, "format": "csv"}),
            json!({"type": "Guide", "url": "u", "id": "1"}),
            json!({"type": "Coach", "url": "u", "id": "1", "draft": "d"}),
            json!({"type": "GuardCheck", "url": "u", "id": "1", "action": "delete"}),
            json!({"type": "LogDecision", "url": "u", "id": "1", "action": "hide", "held": true,
                   "outcome": "carried_out", "reason": "r", "time_ms": 1}),
            json!({"type": "GetAuditLog", "format": "csv"}),
            json!({"type": "ImportAuditLog", "entries": []}),
            json!({"type": "SetProfiles", "profiles": []}),
            json!({"type": "GetProfiles"}),
            json!({"type": "SubscriptionFetched", "subscription": {"url": "https://a.example/p"}, "now_ms": 1}),
        ];
        let mut seen: Vec<String> = samples
            .iter()
            .map(|s| {
                let r: Request = serde_json::from_value(s.clone()).unwrap();
                serde_json::to_value(&r).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        seen.sort();
        let mut listed: Vec<String> = Request::TYPES.iter().map(|s| s.to_string()).collect();
        listed.sort();
        assert_eq!(seen, listed);
    }

    #[test]
    fn every_page_command_is_listed_for_javascript() {
        let command: PageCommand =
            serde_json::from_value(json!({"type": "ScrollToComment", "id": "1"})).unwrap();
        let shown = serde_json::to_value(&command).unwrap();
        assert_eq!(shown["type"], json!(PageCommand::TYPES[0]));
    }

    /// A report read back by an extension page is the report the engine wrote.
    #[test]
    fn thread_reports_read_back() {
        use crate::thread::summary::{summarize, CrisisThresholds};
        let comment: Comment = serde_json::from_value(
            json!({"id": "1", "author": "A", "text": "t", "time": "2026-01-01T00:00:00Z"}),
        )
        .unwrap();
        let verdict = crate::classify::classify("t", None);
        let judged = JudgedComment {
            comment: comment.clone(),
            verdict: verdict.clone(),
        };
        let report = ThreadReport {
            tab_id: 3,
            url: "https://x.com/a/status/1".into(),
            platform: Some(Platform::X),
            status: PageStatus::Reading,
            reason: None,
            comments: vec![ReportedComment {
                comment,
                verdict,
                corrected_from: Some(Category::Praise),
            }],
            summary: summarize(&[judged], None, &CrisisThresholds::default()),
        };
        let text = serde_json::to_string(&report).unwrap();
        assert!(text.contains(r#""corrected_from":"praise""#), "{text}");
        let back: ThreadReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back, report);
    }

    /// The JavaScript side names the same message types as this file, no more, no fewer.
    #[test]
    fn javascript_protocol_names_match() {
        let js = include_str!("../../extension/shared/protocol.js");
        let quoted: std::collections::BTreeSet<&str> = js
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| s.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
            .collect();
        let ours: std::collections::BTreeSet<&str> = Request::TYPES
            .iter()
            .chain(Response::TYPES.iter())
            .chain(PageCommand::TYPES.iter())
            .copied()
            .collect();
        assert_eq!(
            quoted, ours,
            "extension/shared/protocol.js and protocol.rs disagree"
        );
        assert!(js.contains(&format!("PROTOCOL_VERSION = {PROTOCOL_VERSION};")));
    }
}

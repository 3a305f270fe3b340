//! The delete guard's judgement and its audit log.
//!
//! Owns: whether Candor holds the person's click on Delete, Hide or Remove for one judged comment
//! (P6: legitimate criticism is answered, not removed; P7: what harms the community may go), and
//! the local, capped log of every decision taken through the guard, with its JSON and CSV export.
//! The content script only draws the dialog and replays the click; nothing here leaves the browser.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::classify::{Category, Flag, Verdict};
use crate::protocol::ExportFormat;
use crate::thread::export::csv_cell;
use crate::thread::Platform;

/// The most decisions the log keeps; the oldest go first.
pub const MAX_AUDIT_ENTRIES: usize = 2_000;

/// What the person asked the platform to do with a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuardAction {
    Delete,
    Hide,
    Remove,
}

impl GuardAction {
    pub fn as_str(self) -> &'static str {
        match self {
            GuardAction::Delete => "delete",
            GuardAction::Hide => "hide",
            GuardAction::Remove => "remove",
        }
    }
}

/// Why the guard held or let the action through; the extension words it in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuardNote {
    /// A complaint or a question: removing it reads as hiding the problem (P6).
    LegitimateCriticism,
    /// Spam or abuse: moderating it protects the community (P7).
    HarmsCommunity,
    /// Neither criticism nor harmful (praise, neutral, a troll without abuse): nothing to say.
    NotCriticism,
    /// Candor has not read this comment; it does not stand in the way of what it cannot judge.
    NotJudged,
}

/// The guard's decision on one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GuardDecision {
    /// Hold the click until the person confirms with a reason, or replies instead.
    pub hold: bool,
    /// The practice rule the decision applies, when one does.
    pub rule: Option<&'static str>,
    pub note: GuardNote,
}

/// Decides on removing a comment judged `verdict` (`None`: not read). Abuse outranks the category:
/// an insult inside a complaint may be hidden, though rude wording alone (profanity) may not (P7).
pub fn decide(verdict: Option<&Verdict>) -> GuardDecision {
    let Some(verdict) = verdict else {
        return GuardDecision {
            hold: false,
            rule: None,
            note: GuardNote::NotJudged,
        };
    };
    let abusive = verdict.flags.contains(&Flag::Abusive);
    if verdict.category == Category::Spam || abusive {
        return GuardDecision {
            hold: false,
            rule: Some("P7"),
            note: GuardNote::HarmsCommunity,
        };
    }
    match verdict.category {
        Category::Complaint | Category::Question => GuardDecision {
            hold: true,
            rule: Some("P6"),
            note: GuardNote::LegitimateCriticism,
        },
        _ => GuardDecision {
            hold: false,
            rule: None,
            note: GuardNote::NotCriticism,
        },
    }
}

/// How a guarded action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuardOutcome {
    /// The platform's action was carried out (at once, or after the person gave a reason).
    CarriedOut,
    /// The person chose to reply instead; nothing was removed.
    RepliedInstead,
    /// The person closed the dialog; nothing was removed.
    Cancelled,
}

impl GuardOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            GuardOutcome::CarriedOut => "carried_out",
            GuardOutcome::RepliedInstead => "replied_instead",
            GuardOutcome::Cancelled => "cancelled",
        }
    }
}

/// One decision of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// When it was taken, ms since 1970 (the browser's clock).
    pub time_ms: i64,
    pub platform: Option<Platform>,
    pub url: String,
    pub comment_id: String,
    pub author: String,
    /// The category Candor showed (the person's correction, when there is one).
    pub category: Option<Category>,
    pub action: GuardAction,
    /// Whether the guard held the click and showed its dialog.
    pub held: bool,
    pub outcome: GuardOutcome,
    /// The reason the person picked or typed; none when the action was not held.
    #[serde(default)]
    pub reason: Option<String>,
}

/// The capped log of guard decisions, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditLog {
    entries: VecDeque<AuditEntry>,
}

impl AuditLog {
    pub fn push(&mut self, entry: AuditEntry) {
        if self.entries.len() == MAX_AUDIT_ENTRIES {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// Replaces the log with entries stored earlier (the background, at start-up), keeping the
    /// newest [`MAX_AUDIT_ENTRIES`] and any decision taken since the engine started.
    pub fn import(&mut self, stored: Vec<AuditEntry>) {
        let since_start = std::mem::take(&mut self.entries);
        for entry in stored.into_iter().chain(since_start) {
            self.push(entry);
        }
    }

    pub fn entries(&self) -> impl Iterator<Item = &AuditEntry> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The log as a file: (name, media type, content). Text is the CSV's readable twin.
    pub fn export(&self, format: ExportFormat) -> (String, &'static str, String) {
        match format {
            ExportFormat::Json => {
                let list: Vec<&AuditEntry> = self.entries.iter().collect();
                let content = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
                ("candor-audit-log.json".into(), "application/json", content)
            }
            ExportFormat::Csv => ("candor-audit-log.csv".into(), "text/csv", self.csv()),
            ExportFormat::Text => ("candor-audit-log.txt".into(), "text/plain", self.text()),
        }
    }

    fn csv(&self) -> String {
        let mut out = String::from(
            "time_ms,platform,url,comment_id,author,category,action,held,outcome,reason\r\n",
        );
        for e in &self.entries {
            let cells = [
                e.time_ms.to_string(),
                platform_name(e.platform).to_string(),
                csv_cell(&e.url).into_owned(),
                csv_cell(&e.comment_id).into_owned(),
                csv_cell(&e.author).into_owned(),
                e.category.map_or("", Category::as_str).to_string(),
                e.action.as_str().to_string(),
                e.held.to_string(),
                e.outcome.as_str().to_string(),
                csv_cell(e.reason.as_deref().unwrap_or("")).into_owned(),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for e in &self.entries {
            out.push_str(&format!(
                "{} {} {} {} ({}) {} -> {}{}\n",
                e.time_ms,
                platform_name(e.platform),
                e.comment_id,
                e.author,
                e.category.map_or("not judged", Category::as_str),
                e.action.as_str(),
                e.outcome.as_str(),
                e.reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default()
            ));
        }
        out
    }
}

fn platform_name(platform: Option<Platform>) -> &'static str {
    match platform {
        Some(Platform::X) => "x",
        Some(Platform::Facebook) => "facebook",
        Some(Platform::Linkedin) => "linkedin",
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::text::Lang;

    fn verdict(category: Category, flags: Vec<Flag>) -> Verdict {
        Verdict {
            category,
            flags,
            confidence: 0.9,
            lang: Lang::En,
            cues: Vec::new(),
        }
    }

    #[test]
    fn holds_criticism_and_lets_harm_go() {
        let cases = [
            (
                Some(verdict(Category::Complaint, vec![])),
                true,
                Some("P6"),
                GuardNote::LegitimateCriticism,
            ),
            (
                Some(verdict(Category::Question, vec![Flag::PersonalData])),
                true,
                Some("P6"),
                GuardNote::LegitimateCriticism,
            ),
            // Swearing inside a complaint keeps it a complaint (P7).
            (
                Some(verdict(Category::Complaint, vec![Flag::Profanity])),
                true,
                Some("P6"),
                GuardNote::LegitimateCriticism,
            ),
            (
                Some(verdict(Category::Complaint, vec![Flag::Abusive])),
                false,
                Some("P7"),
                GuardNote::HarmsCommunity,
            ),
            (
                Some(verdict(Category::Spam, vec![])),
                false,
                Some("P7"),
                GuardNote::HarmsCommunity,
            ),
            (
                Some(verdict(Category::Troll, vec![Flag::Abusive])),
                false,
                Some("P7"),
                GuardNote::HarmsCommunity,
            ),
            (
                Some(verdict(Category::Troll, vec![])),
                false,
                None,
                GuardNote::NotCriticism,
            ),
            (
                Some(verdict(Category::Praise, vec![])),
                false,
                None,
                GuardNote::NotCriticism,
            ),
            (
                Some(verdict(Category::Neutral, vec![])),
                false,
                None,
                GuardNote::NotCriticism,
            ),
            (None, false, None, GuardNote::NotJudged),
        ];
        for (v, hold, rule, note) in cases {
            let d = decide(v.as_ref());
            assert_eq!((d.hold, d.rule, d.note), (hold, rule, note), "{v:?}");
        }
    }

    #[test]
    fn real_comments_are_judged_as_the_classifier_says() {
        let complaint = classify(
            "My order 48213 still hasn't arrived after two weeks and nobody answers my emails.",
            None,
        );
        let spam = classify(
            "Earn $500 a day from home!!! DM me for the link www.easy-cash.biz",
            None,
        );
        assert_eq!(
            decide(Some(&complaint)).hold,
            complaint.category == Category::Complaint
        );
        assert!(!decide(Some(&spam)).hold || spam.category != Category::Spam);
    }

    fn entry(n: i64, reason: Option<&str>) -> AuditEntry {
        AuditEntry {
            time_ms: n,
            platform: Some(Platform::X),
            url: "https://x.com/acme/status/1".into(),
            comment_id: n.to_string(),
            author: "Ann, \"A\"".into(),
            category: Some(Category::Complaint),
            action: GuardAction::Delete,
            held: true,
            outcome: GuardOutcome::CarriedOut,
            reason: reason.map(str::to_string),
        }
    }

    #[test]
    fn the_log_is_capped_and_keeps_the_newest() {
        let mut log = AuditLog::default();
        for n in 0..(MAX_AUDIT_ENTRIES as i64 + 5) {
            log.push(entry(n, None));
        }
        assert_eq!(log.len(), MAX_AUDIT_ENTRIES);
        assert_eq!(log.entries().next().unwrap().time_ms, 5);

        // Stored entries come before those taken since start-up; the cap still holds.
        let mut fresh = AuditLog::default();
        fresh.push(entry(-1, None));
        fresh.import(
            (0..MAX_AUDIT_ENTRIES as i64)
                .map(|n| entry(n, None))
                .collect(),
        );
        assert_eq!(fresh.len(), MAX_AUDIT_ENTRIES);
        assert_eq!(fresh.entries().last().unwrap().time_ms, -1);
        assert_eq!(fresh.entries().next().unwrap().time_ms, 1);
    }

    #[test]
    fn exports_read_back() {
        let mut log = AuditLog::default();
        log.push(entry(1, Some("=cmd|' /C calc'!A0, off topic")));
        log.push(entry(2, None));
        let (name, mime, json) = log.export(ExportFormat::Json);
        assert_eq!(
            (name.as_str(), mime),
            ("candor-audit-log.json", "application/json")
        );
        let back: Vec<AuditEntry> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, log.entries().cloned().collect::<Vec<_>>());

        let (_, _, csv) = log.export(ExportFormat::Csv);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3, "{csv}");
        // Formula-looking cells are defused and commas quoted.
        assert!(lines[1].contains("\"'=cmd"), "{csv}");
        assert!(lines[1].contains("\"Ann, \"\"A\"\"\""), "{csv}");
        assert!(
            lines[2].ends_with(",complaint,delete,true,carried_out,"),
            "{csv}"
        );
    }
}

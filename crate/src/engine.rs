//! The message handler the extension's background runs.
//!
//! Owns: the state the background keeps between messages — one [`Thread`] per tab, the page's status,
//! the person's corrections, the errors the extension reported — and the dispatch of each [`Request`]
//! to the module that decides. Corrections apply to everything the engine sends out: verdicts,
//! thread reports and their summaries.
//! The wasm surface ([`crate::web`]) and the tests call [`Engine::handle`] alike.

pub mod profiles;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::assist;
use crate::classify::{classify, Category};
use crate::guard::{self, AuditEntry, AuditLog};
use crate::profile::Profile;
use crate::protocol::{
    self, CommentVerdict, ErrorCode, ErrorRecord, PageStatus, ReportedComment, Request, Response,
    ThreadReport, PROTOCOL_VERSION,
};
use crate::text::Lang;
use crate::thread::corrections::{platform_of_url, Correction, Corrections};
use crate::thread::export::export;
use crate::thread::summary::{summarize, CrisisThresholds};
use crate::thread::{JudgedComment, Platform, Thread};
use profiles::ProfileBook;

/// The most errors kept; older ones are dropped first.
const MAX_ERRORS: usize = 200;

/// Where a message came from, as the browser (not the message) says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sender {
    /// The tab of the content script that sent it; `None` for extension pages.
    pub tab_id: Option<i64>,
}

#[derive(Debug, Default)]
struct Page {
    url: String,
    platform: Option<Platform>,
    status: Option<PageStatus>,
    reason: Option<String>,
    thread: Thread,
    /// Openings suggested so far, by comment id: no two comments of a thread get the same one.
    openings: BTreeMap<String, String>,
}

impl Page {
    /// The platform the reader named, or the one its URL shows.
    fn platform(&self) -> Option<Platform> {
        self.platform.or_else(|| platform_of_url(&self.url))
    }
}

/// The engine with its per-tab state.
#[derive(Debug, Default)]
pub struct Engine {
    pages: BTreeMap<i64, Page>,
    errors: Vec<ErrorRecord>,
    corrections: Corrections,
    crisis: CrisisThresholds,
    /// The brand profiles the background sent; the default profile when there are none.
    profiles: ProfileBook,
    /// Every decision taken through the delete guard.
    audit: AuditLog,
}

impl Engine {
    pub fn new() -> Self {
        Self::default()
    }

    /// Handles one raw message: validates it, then acts. Never panics on bad input.
    pub fn handle_value(&mut self, message: Value, sender: Sender) -> Response {
        match protocol::decode(message) {
            Ok(request) => self.handle(request, sender),
            Err(refusal) => refusal,
        }
    }

    /// Handles one valid request.
    pub fn handle(&mut self, request: Request, sender: Sender) -> Response {
        match request {
            Request::Ping {} => Response::Pong {
                protocol: PROTOCOL_VERSION,
                engine: env!("CARGO_PKG_VERSION"),
            },
            Request::Classify { text, lang } => Response::Verdict {
                verdict: classify(&text, lang),
            },
            Request::PageOpened { url, platform } => {
                let Some(tab) = sender.tab_id else {
                    return no_tab();
                };
                let page = self.pages.entry(tab).or_default();
                if page.url != url {
                    *page = Page::default();
                    page.url = url;
                }
                page.platform = Some(platform);
                page.status = Some(PageStatus::Reading);
                page.reason = None;
                Response::Ack
            }
            Request::PageUnreadable {
                url,
                platform,
                reason,
            } => {
                let Some(tab) = sender.tab_id else {
                    return no_tab();
                };
                let page = self.pages.entry(tab).or_default();
                if page.url != url {
                    *page = Page::default();
                    page.url = url;
                }
                page.platform = platform;
                page.status = Some(PageStatus::Unreadable);
                page.reason = Some(reason);
                Response::Ack
            }
            Request::CommentsRead { url, comments } => {
                let Some(tab) = sender.tab_id else {
                    return no_tab();
                };
                let page = self.pages.entry(tab).or_default();
                if page.url != url {
                    // The tab moved on without a PageOpened (a single-page app): start afresh.
                    *page = Page::default();
                    page.url = url;
                    page.status = Some(PageStatus::Reading);
                }
                let platform = page.platform();
                let verdicts = page
                    .thread
                    .upsert(comments)
                    .into_iter()
                    .map(|(id, mut verdict)| {
                        let corrected = platform.and_then(|p| self.corrections.get(p, &id));
                        let corrected_from = corrected
                            .filter(|c| c.category != verdict.category)
                            .map(|c| std::mem::replace(&mut verdict.category, c.category));
                        CommentVerdict {
                            id,
                            verdict,
                            corrected_from,
                        }
                    })
                    .collect();
                Response::Verdicts {
                    verdicts,
                    thread_size: page.thread.len(),
                }
            }
            Request::ReportError { context, message } => {
                if self.errors.len() == MAX_ERRORS {
                    self.errors.remove(0);
                }
                self.errors.push(ErrorRecord {
                    tab_id: sender.tab_id,
                    context,
                    message,
                });
                Response::Ack
            }
            Request::GetThreads { now_ms, tab_id } => Response::Threads {
                threads: self
                    .pages
                    .iter()
                    .filter(|(&id, _)| tab_id.is_none_or(|wanted| wanted == id))
                    .map(|(&tab_id, page)| self.report(tab_id, page, now_ms))
                    .collect(),
                errors: self.errors.clone(),
            },
            Request::Correct { url, id, category } => self.correct(&url, &id, category),
            Request::ExportCorrections {} => Response::Corrections {
                corrections: self.corrections.export(),
            },
            Request::ExportThread {
                tab_id,
                format,
                lang,
                now_ms,
            } => match self.pages.get(&tab_id) {
                Some(page) => {
                    let mut report = self.report(tab_id, page, now_ms);
                    // The file names the platform even when the reader did not.
                    report.platform = page.platform();
                    let (name, mime, content) =
                        export(&report, format, lang.unwrap_or(Lang::En), now_ms);
                    Response::Export {
                        name,
                        mime,
                        content,
                    }
                }
                None => Response::error(
                    ErrorCode::NotFound,
                    format!("no thread is known in tab {tab_id}"),
                ),
            },
            Request::Guide { url, id, now_ms } => {
                let Some(tab) = self.tab_of(&url, sender) else {
                    return not_read(&url);
                };
                let (comments, platform) = self.corrected(tab);
                let profile = self.profiles.profile_for(&url);
                let page = self.pages.get_mut(&tab).expect("tab_of found it");
                match assist::guidance_for(
                    &comments,
                    &id,
                    platform,
                    &profile,
                    &mut page.openings,
                    now_ms.map(|ms| ms.div_euclid(1000)),
                ) {
                    Some(guidance) => Response::Guidance { id, guidance },
                    None => comment_not_read(&id, &url),
                }
            }
            Request::Coach { url, id, draft } => {
                let Some(tab) = self.tab_of(&url, sender) else {
                    return not_read(&url);
                };
                let (comments, platform) = self.corrected(tab);
                let profile = self.profiles.profile_for(&url);
                match assist::coach_for(&comments, &id, &draft, platform, &profile) {
                    Some(warnings) => Response::Warnings { id, warnings },
                    None => comment_not_read(&id, &url),
                }
            }
            Request::GuardCheck { url, id, action: _ } => {
                let judged = self.judged(&url, &id, sender);
                let decision = guard::decide(judged.as_ref().map(|c| &c.verdict));
                Response::GuardDecision {
                    id,
                    hold: decision.hold,
                    rule: decision.rule,
                    note: decision.note,
                    category: judged.map(|c| c.verdict.category),
                }
            }
            Request::LogDecision {
                url,
                id,
                action,
                held,
                outcome,
                reason,
                time_ms,
            } => {
                let judged = self.judged(&url, &id, sender);
                let platform = self
                    .tab_of(&url, sender)
                    .and_then(|tab| self.pages.get(&tab))
                    .and_then(Page::platform)
                    .or_else(|| platform_of_url(&url));
                self.audit.push(AuditEntry {
                    time_ms,
                    platform,
                    url,
                    comment_id: id,
                    author: judged
                        .as_ref()
                        .map(|c| c.comment.author.clone())
                        .unwrap_or_default(),
                    category: judged.map(|c| c.verdict.category),
                    action,
                    held,
                    outcome,
                    reason: reason.filter(|r| !r.trim().is_empty()),
                });
                Response::Ack
            }
            Request::GetAuditLog { format } => {
                let (name, mime, content) = self.audit.export(format);
                Response::Export {
                    name,
                    mime,
                    content,
                }
            }
            Request::ImportAuditLog { entries } => {
                self.audit.import(entries);
                Response::Ack
            }
            Request::SetProfiles {
                profiles,
                subscriptions,
                now_ms,
            } => {
                self.profiles = ProfileBook::set(&profiles, subscriptions);
                self.profiles_answer(now_ms)
            }
            Request::GetProfiles { now_ms } => self.profiles_answer(now_ms),
            Request::SubscriptionFetched {
                subscription,
                body,
                error,
                now_ms,
            } => {
                let outcome = match (&body, &error) {
                    (Some(body), None) => Ok(body.as_str()),
                    (_, Some(error)) => Err(error.as_str()),
                    (None, None) => Err("the address served nothing"),
                };
                Response::Subscription {
                    subscription: subscription.after_fetch(outcome, now_ms),
                }
            }
            Request::ImportCorrections { corrections } => {
                match self.corrections.import(corrections) {
                    Ok(_) => Response::Ack,
                    Err(e) => Response::error(ErrorCode::BadMessage, e.to_string()),
                }
            }
        }
    }

    /// One tab's thread as the person sees it: corrections applied, then summarised.
    fn report(&self, tab_id: i64, page: &Page, now_ms: Option<i64>) -> ThreadReport {
        let platform = page.platform();
        let (seen, corrected_from): (Vec<JudgedComment>, Vec<_>) = page
            .thread
            .comments()
            .iter()
            .map(|c| self.corrections.apply(platform, c))
            .unzip();
        let summary = summarize(&seen, now_ms, &self.crisis);
        ThreadReport {
            tab_id,
            url: page.url.clone(),
            platform: page.platform,
            status: page.status.unwrap_or(PageStatus::Reading),
            reason: page.reason.clone(),
            comments: seen
                .into_iter()
                .zip(corrected_from)
                .map(|(c, corrected_from)| ReportedComment {
                    comment: c.comment,
                    verdict: c.verdict,
                    corrected_from,
                })
                .collect(),
            summary,
        }
    }

    /// The tab whose thread is at `url`: the sender's own tab when it is a content script there,
    /// else any tab showing that URL (extension pages).
    fn tab_of(&self, url: &str, sender: Sender) -> Option<i64> {
        match sender.tab_id {
            Some(tab) if self.pages.get(&tab).is_some_and(|p| p.url == url) => Some(tab),
            _ => self
                .pages
                .iter()
                .find(|(_, p)| p.url == url)
                .map(|(&tab, _)| tab),
        }
    }

    /// A tab's comments as the person sees them (corrections applied), and its platform.
    fn corrected(&self, tab: i64) -> (Vec<JudgedComment>, Option<Platform>) {
        let Some(page) = self.pages.get(&tab) else {
            return (Vec::new(), None);
        };
        let platform = page.platform();
        let comments = page
            .thread
            .comments()
            .iter()
            .map(|c| self.corrections.apply(platform, c).0)
            .collect();
        (comments, platform)
    }

    /// Comment `id` of the thread read at `url` as the person sees it (corrections applied).
    fn judged(&self, url: &str, id: &str, sender: Sender) -> Option<JudgedComment> {
        let tab = self.tab_of(url, sender)?;
        let (comments, _) = self.corrected(tab);
        comments.into_iter().find(|c| c.comment.id == id)
    }

    /// Records the person's category for comment `id` of the thread read at `url` (any tab).
    fn correct(&mut self, url: &str, id: &str, category: Category) -> Response {
        let Some(page) = self.pages.values().find(|p| p.url == url) else {
            return Response::error(
                ErrorCode::NotFound,
                format!("no thread is open at {url}; reload the page and try again"),
            );
        };
        let Some(platform) = page.platform() else {
            return Response::error(
                ErrorCode::NotFound,
                format!("{url} is not a Facebook, X or LinkedIn page"),
            );
        };
        let Some(judged) = page.thread.get(id) else {
            return Response::error(
                ErrorCode::NotFound,
                format!("comment {id} has not been read on {url}"),
            );
        };
        let correction = Correction::of(platform, url, judged, category);
        match self.corrections.set(correction) {
            Ok(()) => Response::Ack,
            Err(e) => Response::error(ErrorCode::BadMessage, e.to_string()),
        }
    }

    fn profiles_answer(&self, now_ms: Option<i64>) -> Response {
        Response::Profiles {
            profiles: self.profiles.held(),
            refused: self.profiles.refused().to_vec(),
            due: self.profiles.due(now_ms),
            uses_default: self.profiles.uses_default(),
        }
    }

    /// The brand's voice on the page at `url`: the matching profile, else the default.
    pub fn profile_for(&self, url: &str) -> Profile {
        self.profiles.profile_for(url)
    }

    /// Forgets a closed tab.
    pub fn close_tab(&mut self, tab_id: i64) {
        self.pages.remove(&tab_id);
    }
}

fn not_read(url: &str) -> Response {
    Response::error(
        ErrorCode::NotFound,
        format!("no thread has been read at {url}"),
    )
}

fn comment_not_read(id: &str, url: &str) -> Response {
    Response::error(
        ErrorCode::NotFound,
        format!("comment {id} has not been read on {url}"),
    )
}

fn no_tab() -> Response {
    Response::error(
        ErrorCode::NoTab,
        "this message must come from a content script in a tab",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What `GetThreads` answers: every tab's thread, or `tab`'s only.
    fn threads_of(engine: &mut Engine, tab: Option<i64>) -> Vec<ThreadReport> {
        let request = Request::GetThreads {
            now_ms: None,
            tab_id: tab,
        };
        match engine.handle(request, Sender::default()) {
            Response::Threads { threads, .. } => threads,
            other => panic!("expected threads, got {other:?}"),
        }
    }

    const TAB: Sender = Sender { tab_id: Some(7) };

    fn kind(r: &Response) -> &'static str {
        match r {
            Response::Pong { .. } => "Pong",
            Response::Ack => "Ack",
            Response::Verdicts { .. } => "Verdicts",
            Response::Verdict { .. } => "Verdict",
            Response::Threads { .. } => "Threads",
            Response::Corrections { .. } => "Corrections",
            Response::Export { .. } => "Export",
            Response::Guidance { .. } => "Guidance",
            Response::Warnings { .. } => "Warnings",
            Response::GuardDecision { .. } => "GuardDecision",
            Response::Profiles { .. } => "Profiles",
            Response::Subscription { .. } => "Subscription",
            Response::Error { .. } => "Error",
        }
    }

    #[test]
    fn guides_and_coaches_comments_it_has_read() {
        let mut engine = Engine::new();
        let url = "https://x.com/acme/status/1";
        engine.handle_value(
            json!({"v": 1, "type": "CommentsRead", "url": url, "comments": [
                {"id": "2", "author": "Sam", "author_url": "https://x.com/sam_k",
                 "text": "Mon colis 48213 n'est toujours pas arrivé, ça fait deux semaines !"}]}),
            TAB,
        );
        let cases = [
            (
                json!({"v": 1, "type": "Guide", "url": url, "id": "2"}),
                TAB,
                "Guidance",
            ),
            // Extension pages have no tab: the thread is found by its URL.
            (
                json!({"v": 1, "type": "Guide", "url": url, "id": "2"}),
                Sender::default(),
                "Guidance",
            ),
            (
                json!({"v": 1, "type": "Guide", "url": url, "id": "404"}),
                TAB,
                "Error",
            ),
            (
                json!({"v": 1, "type": "Guide", "url": "https://x.com/b/status/9", "id": "2"}),
                TAB,
                "Error",
            ),
            (
                json!({"v": 1, "type": "Coach", "url": url, "id": "2",
                    "draft": "Nous sommes désolés pour la gêne occasionnée."}),
                TAB,
                "Warnings",
            ),
            (
                json!({"v": 1, "type": "Coach", "url": url, "id": "404", "draft": "ok"}),
                TAB,
                "Error",
            ),
        ];
        for (message, sender, expected) in cases {
            let shown = message.to_string();
            assert_eq!(
                kind(&engine.handle_value(message, sender)),
                expected,
                "{shown}"
            );
        }
        let Response::Guidance { guidance, .. } =
            engine.handle_value(json!({"v": 1, "type": "Guide", "url": url, "id": "2"}), TAB)
        else {
            panic!("expected guidance")
        };
        assert_eq!(guidance.lang, Lang::Fr);
        assert!(!guidance.points.is_empty());
        let Response::Warnings { warnings, .. } = engine.handle_value(
            json!({"v": 1, "type": "Coach", "url": url, "id": "2",
                   "draft": "Nous sommes désolés pour la gêne occasionnée."}),
            TAB,
        ) else {
            panic!("expected warnings")
        };
        assert!(warnings.iter().any(|w| w.rule == "P10"), "{warnings:?}");
    }

    #[test]
    fn guards_removals_and_logs_each_decision() {
        let mut engine = Engine::new();
        let url = "https://x.com/acme/status/1";
        engine.handle_value(
            json!({"v": 1, "type": "CommentsRead", "url": url, "comments": [
                {"id": "1", "author": "Ann", "text": "My order 48213 still hasn't arrived after two weeks and nobody answers my emails."},
                {"id": "2", "author": "Bot", "text": "x"}]}),
            TAB,
        );
        // The person says comment 2 is spam: the guard follows the category they see.
        engine.handle_value(
            json!({"v": 1, "type": "Correct", "url": url, "id": "2", "category": "spam"}),
            Sender::default(),
        );
        engine.handle_value(
            json!({"v": 1, "type": "Correct", "url": url, "id": "1", "category": "complaint"}),
            Sender::default(),
        );
        let check = |engine: &mut Engine, id: &str| {
            let reply = engine.handle_value(
                json!({"v": 1, "type": "GuardCheck", "url": url, "id": id, "action": "delete"}),
                TAB,
            );
            serde_json::to_value(&reply).unwrap()
        };
        let cases = [
            (
                "1",
                true,
                json!("P6"),
                "legitimate_criticism",
                json!("complaint"),
            ),
            ("2", false, json!("P7"), "harms_community", json!("spam")),
            ("9", false, Value::Null, "not_judged", Value::Null),
        ];
        for (id, hold, rule, note, category) in cases {
            let d = check(&mut engine, id);
            assert_eq!(d["type"], "GuardDecision", "{d}");
            assert_eq!(
                (&d["hold"], &d["rule"], &d["note"], &d["category"]),
                (&json!(hold), &rule, &json!(note), &category),
                "{id}"
            );
        }
        let log = |engine: &mut Engine, id: &str, outcome: &str, reason: Option<&str>| {
            engine.handle_value(
                json!({"v": 1, "type": "LogDecision", "url": url, "id": id, "action": "delete",
                       "held": true, "outcome": outcome, "reason": reason, "time_ms": 1_700_000_000_000_i64}),
                TAB,
            )
        };
        assert_eq!(
            kind(&log(
                &mut engine,
                "1",
                "carried_out",
                Some("Duplicate of a comment already answered")
            )),
            "Ack"
        );
        assert_eq!(
            kind(&log(&mut engine, "2", "carried_out", Some("  "))),
            "Ack"
        );
        let Response::Export { content, name, .. } = engine.handle_value(
            json!({"v": 1, "type": "GetAuditLog", "format": "json"}),
            Sender::default(),
        ) else {
            panic!("expected the log")
        };
        assert_eq!(name, "candor-audit-log.json");
        let entries: Vec<AuditEntry> = serde_json::from_str(&content).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].author, "Ann");
        assert_eq!(entries[0].platform, Some(Platform::X));
        assert_eq!(entries[0].category, Some(Category::Complaint));
        assert_eq!(
            entries[0].reason.as_deref(),
            Some("Duplicate of a comment already answered")
        );
        assert_eq!(entries[1].reason, None);

        // A restarted background gets its log back.
        let mut restarted = Engine::new();
        let stored = serde_json::from_str::<Value>(&content).unwrap();
        let ack = restarted.handle_value(
            json!({"v": 1, "type": "ImportAuditLog", "entries": stored}),
            Sender::default(),
        );
        assert_eq!(kind(&ack), "Ack");
        let Response::Export { content: again, .. } = restarted.handle_value(
            json!({"v": 1, "type": "GetAuditLog", "format": "json"}),
            Sender::default(),
        ) else {
            panic!("expected the log")
        };
        assert_eq!(again, content);
    }

    #[test]
    fn answers_each_message_with_the_right_kind() {
        let cases = [
            (json!({"v": 1, "type": "Ping"}), Sender::default(), "Pong"),
            (
                json!({"v": 1, "type": "Classify", "text": "hello"}),
                Sender::default(),
                "Verdict",
            ),
            (
                json!({"v": 1, "type": "PageOpened", "url": "u", "platform": "x"}),
                TAB,
                "Ack",
            ),
            (
                json!({"v": 1, "type": "PageOpened", "url": "u", "platform": "x"}),
                Sender::default(),
                "Error",
            ),
            (
                json!({"v": 1, "type": "CommentsRead", "url": "u", "comments": []}),
                TAB,
                "Verdicts",
            ),
            (
                json!({"v": 1, "type": "ReportError", "context": "c", "message": "m"}),
                TAB,
                "Ack",
            ),
            (
                json!({"v": 1, "type": "GetThreads"}),
                Sender::default(),
                "Threads",
            ),
            (json!({"v": 9, "type": "Ping"}), Sender::default(), "Error"),
            (json!(null), Sender::default(), "Error"),
        ];
        let mut engine = Engine::new();
        for (message, sender, expected) in cases {
            let shown = message.to_string();
            assert_eq!(
                kind(&engine.handle_value(message, sender)),
                expected,
                "{shown}"
            );
        }
    }

    #[test]
    fn threads_keep_comments_per_tab_and_reset_on_a_new_url() {
        let mut engine = Engine::new();
        let read = |url: &str, id: &str| json!({"v": 1, "type": "CommentsRead", "url": url, "comments": [{"id": id, "author": "a", "text": "t"}]});
        engine.handle_value(read("https://x.com/a/status/1", "10"), TAB);
        engine.handle_value(read("https://x.com/a/status/1", "11"), TAB);
        engine.handle_value(read("https://x.com/a/status/1", "10"), TAB);
        engine.handle_value(
            read("https://x.com/b/status/2", "20"),
            Sender { tab_id: Some(8) },
        );
        let threads = threads_of(&mut engine, None);
        let ids: Vec<Vec<&str>> = threads
            .iter()
            .map(|t| t.comments.iter().map(|c| c.comment.id.as_str()).collect())
            .collect();
        assert_eq!(ids, vec![vec!["10", "11"], vec!["20"]]);
        // One tab's thread when the asker names the tab (the side panel); none for a tab not read.
        for (tab, want) in [(8, vec!["https://x.com/b/status/2"]), (99, vec![])] {
            let threads = threads_of(&mut engine, Some(tab));
            let urls: Vec<&str> = threads.iter().map(|t| t.url.as_str()).collect();
            assert_eq!(urls, want, "tab {tab}");
        }

        engine.handle_value(read("https://x.com/a/status/3", "30"), TAB);
        let threads = threads_of(&mut engine, None);
        assert_eq!(threads[0].url, "https://x.com/a/status/3");
        assert_eq!(threads[0].comments.len(), 1);
    }

    /// A category that needs an answer and differs from what the classifier said, so the tests
    /// hold whatever the classifier decides.
    fn needing_answer_other_than(said: Category) -> Category {
        if said == Category::Complaint {
            Category::Question
        } else {
            Category::Complaint
        }
    }

    fn said(engine: &mut Engine, read: &Value) -> Vec<Category> {
        let Response::Verdicts { verdicts, .. } = engine.handle_value(read.clone(), TAB) else {
            panic!("expected verdicts")
        };
        verdicts.iter().map(|v| v.verdict.category).collect()
    }

    #[test]
    fn corrections_are_used_everywhere_and_survive_export_import() {
        let url = "https://x.com/acme/status/1";
        let read = json!({"v": 1, "type": "CommentsRead", "url": url, "comments": [
            {"id": "10", "author": "Ann", "text": "late again"},
            {"id": "11", "author": "Bo", "text": "ok"}
        ]});
        let correct = |url: &str, id: &str, category: &str| json!({"v": 1, "type": "Correct", "url": url, "id": id, "category": category});
        let mut engine = Engine::new();
        let original = said(&mut engine, &read);
        let chosen = needing_answer_other_than(original[0]);
        let cases = [
            (correct(url, "10", chosen.as_str()), "Ack"),
            (
                correct("https://x.com/other/status/2", "10", "complaint"),
                "Error",
            ),
            (correct(url, "99", "complaint"), "Error"),
            (correct(url, "10", "rant"), "Error"),
        ];
        for (message, expected) in cases {
            let shown = message.to_string();
            assert_eq!(
                kind(&engine.handle_value(message, Sender::default())),
                expected,
                "{shown}"
            );
        }

        let categories = |engine: &mut Engine| {
            let threads = threads_of(engine, None);
            let t = &threads[0];
            let seen: Vec<(Category, Option<Category>)> = t
                .comments
                .iter()
                .map(|c| (c.verdict.category, c.corrected_from))
                .collect();
            (
                seen,
                t.summary.counts[&chosen],
                t.summary.unanswered.contains(&"10".to_string()),
            )
        };
        let corrected = (
            vec![(chosen, Some(original[0])), (original[1], None)],
            1 + usize::from(original[1] == chosen),
            true,
        );
        assert_eq!(categories(&mut engine), corrected);

        // Verdicts sent back to the content script carry the correction too.
        let Response::Verdicts { verdicts, .. } = engine.handle_value(read.clone(), TAB) else {
            panic!("expected verdicts")
        };
        assert_eq!(verdicts[0].verdict.category, chosen);
        assert_eq!(verdicts[0].corrected_from, Some(original[0]));
        assert_eq!(verdicts[1].corrected_from, None);

        // A restarted background imports what it stored, before or after the page is read again.
        let Response::Corrections { corrections } = engine.handle_value(
            json!({"v": 1, "type": "ExportCorrections"}),
            Sender::default(),
        ) else {
            panic!("expected corrections")
        };
        let stored = serde_json::to_value(&corrections).unwrap();
        let mut restarted = Engine::new();
        let imported = restarted.handle_value(
            json!({"v": 1, "type": "ImportCorrections", "corrections": stored}),
            Sender::default(),
        );
        assert_eq!(kind(&imported), "Ack");
        restarted.handle_value(read.clone(), TAB);
        assert_eq!(categories(&mut restarted), corrected);

        // Choosing the classifier's category again undoes the correction.
        engine.handle_value(correct(url, "10", original[0].as_str()), Sender::default());
        assert_eq!(categories(&mut engine).0[0], (original[0], None));

        let refused = restarted.handle_value(
            json!({"v": 1, "type": "ImportCorrections", "corrections": [{"platform": "x", "id": "", "category": "spam", "original": "neutral"}]}),
            Sender::default(),
        );
        assert_eq!(kind(&refused), "Error");
    }

    #[test]
    fn thread_reports_carry_the_summary() {
        let mut engine = Engine::new();
        let url = "https://www.facebook.com/acme/posts/1";
        let read = json!({"v": 1, "type": "CommentsRead", "url": url, "comments": [
            {"id": "1", "author": "Ann", "text": "a", "time": "2026-03-10T11:00:00Z"},
            {"id": "2", "author": "Acme", "text": "b", "parent_id": "1", "depth": 1, "by_brand": true}
        ]});
        let original = said(&mut engine, &read)[0];
        let chosen = needing_answer_other_than(original);
        engine.handle_value(
            json!({"v": 1, "type": "Correct", "url": url, "id": "1", "category": chosen}),
            Sender::default(),
        );
        let threads = engine.handle_value(
            json!({"v": 1, "type": "GetThreads", "now_ms": 1_773_144_000_000_i64}),
            Sender::default(),
        );
        let value = serde_json::to_value(&threads).unwrap();
        let summary = &value["threads"][0]["summary"];
        assert_eq!(summary["counts"][chosen.as_str()], json!(1));
        assert_eq!(summary["total"], json!(1));
        assert_eq!(summary["brand_comments"], json!(1));
        assert_eq!(summary["answered"], json!(["1"]));
        assert_eq!(summary["unanswered"], json!([]));
        assert_eq!(
            value["threads"][0]["comments"][0]["corrected_from"],
            json!(original)
        );
        assert!(value["threads"][0]["comments"][1]
            .get("corrected_from")
            .is_none());
    }

    #[test]
    fn exports_a_tabs_thread_in_each_format() {
        let mut engine = Engine::new();
        engine.handle_value(
            json!({"v": 1, "type": "CommentsRead", "url": "https://x.com/acme/status/42", "comments": [
                {"id": "1", "author": "Ann, \"A\"", "text": "=2+2"}
            ]}),
            TAB,
        );
        let cases = [
            (json!({"format": "csv"}), "candor-x-42.csv", "'=2+2"),
            (
                json!({"format": "json"}),
                "candor-x-42.json",
                "\"format\":\"candor-thread-report\"",
            ),
            (
                json!({"format": "text", "lang": "fr"}),
                "candor-x-42.txt",
                "Commentaires du public : 1",
            ),
            (
                json!({"format": "text"}),
                "candor-x-42.txt",
                "Comments from the audience: 1",
            ),
        ];
        for (fields, expected_name, expected_content) in cases {
            let mut message = json!({"v": 1, "type": "ExportThread", "tab_id": 7});
            message
                .as_object_mut()
                .unwrap()
                .extend(fields.as_object().unwrap().clone());
            match engine.handle_value(message, Sender::default()) {
                Response::Export { name, content, .. } => {
                    assert_eq!(name, expected_name);
                    assert!(content.contains(expected_content), "{content}");
                }
                other => panic!("{other:?}"),
            }
        }
        let unknown = json!({"v": 1, "type": "ExportThread", "tab_id": 99, "format": "csv"});
        assert_eq!(
            kind(&engine.handle_value(unknown, Sender::default())),
            "Error"
        );
    }

    #[test]
    fn profiles_are_held_and_subscriptions_advance_through_messages() {
        let mut engine = Engine::new();
        let get = json!({"v": 1, "type": "GetProfiles"});
        match engine.handle_value(get.clone(), Sender::default()) {
            Response::Profiles {
                profiles,
                uses_default,
                ..
            } => {
                assert!(profiles.is_empty());
                assert!(uses_default);
            }
            other => panic!("{other:?}"),
        }
        let set = json!({"v": 1, "type": "SetProfiles", "now_ms": 5,
            "profiles": [
                r#"{"schema_version": 1, "id": "velo", "name": "Vélo", "pages": ["x.com/velo"]}"#,
                r#"{"schema_version": 1, "id": "bad"}"#
            ],
            "subscriptions": [{"url": "https://pub.example/p.json"}]});
        match engine.handle_value(set, Sender::default()) {
            Response::Profiles {
                profiles,
                refused,
                due,
                uses_default,
            } => {
                assert_eq!(profiles.len(), 1);
                assert_eq!(profiles[0].profile["name"], "Vélo");
                assert!(refused[0].problems.iter().any(|p| p.contains("name")));
                assert_eq!(due, ["https://pub.example/p.json"]);
                assert!(!uses_default);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(engine.profile_for("https://x.com/velo/status/1").id, "velo");
        let fetched = json!({"v": 1, "type": "SubscriptionFetched", "now_ms": 9,
            "subscription": {"url": "https://pub.example/p.json"},
            "body": r#"{"schema_version": 1, "id": "pub", "name": "Pub"}"#});
        match engine.handle_value(fetched, Sender::default()) {
            Response::Subscription { subscription } => {
                assert_eq!(subscription.fetched_ms, Some(9));
                assert!(subscription.profile.is_some());
            }
            other => panic!("{other:?}"),
        }
        let failed = json!({"v": 1, "type": "SubscriptionFetched", "now_ms": 9,
            "subscription": {"url": "https://pub.example/p.json"}, "error": "HTTP 500"});
        match engine.handle_value(failed, Sender::default()) {
            Response::Subscription { subscription } => {
                assert_eq!(subscription.error.as_deref(), Some("HTTP 500"));
                assert_eq!(subscription.profile, None);
            }
            other => panic!("{other:?}"),
        }
    }
}

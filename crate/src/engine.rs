//! The message handler the extension's background runs.
//!
//! Owns: the state the background keeps between messages — one [`Thread`] per tab, the page's status,
//! the errors the extension reported — and the dispatch of each [`Request`] to the module that decides.
//! The wasm surface ([`crate::web`]) and the tests call [`Engine::handle`] alike.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::classify::classify;
use crate::protocol::{
    self, CommentVerdict, ErrorCode, ErrorRecord, PageStatus, Request, Response, ThreadReport,
    PROTOCOL_VERSION,
};
use crate::thread::{Platform, Thread};

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
}

/// The engine with its per-tab state.
#[derive(Debug, Default)]
pub struct Engine {
    pages: BTreeMap<i64, Page>,
    errors: Vec<ErrorRecord>,
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
                let verdicts = page
                    .thread
                    .upsert(comments)
                    .into_iter()
                    .map(|(id, verdict)| CommentVerdict { id, verdict })
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
            Request::GetThreads {} => Response::Threads {
                threads: self
                    .pages
                    .iter()
                    .map(|(&tab_id, page)| ThreadReport {
                        tab_id,
                        url: page.url.clone(),
                        platform: page.platform,
                        status: page.status.unwrap_or(PageStatus::Reading),
                        reason: page.reason.clone(),
                        comments: page.thread.comments().to_vec(),
                    })
                    .collect(),
                errors: self.errors.clone(),
            },
        }
    }

    /// Forgets a closed tab.
    pub fn close_tab(&mut self, tab_id: i64) {
        self.pages.remove(&tab_id);
    }
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

    const TAB: Sender = Sender { tab_id: Some(7) };

    fn kind(r: &Response) -> &'static str {
        match r {
            Response::Pong { .. } => "Pong",
            Response::Ack => "Ack",
            Response::Verdicts { .. } => "Verdicts",
            Response::Verdict { .. } => "Verdict",
            Response::Threads { .. } => "Threads",
            Response::Error { .. } => "Error",
        }
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
        let Response::Threads { threads, .. } =
            engine.handle(Request::GetThreads {}, Sender::default())
        else {
            panic!("expected threads")
        };
        let ids: Vec<Vec<&str>> = threads
            .iter()
            .map(|t| t.comments.iter().map(|c| c.comment.id.as_str()).collect())
            .collect();
        assert_eq!(ids, vec![vec!["10", "11"], vec!["20"]]);

        engine.handle_value(read("https://x.com/a/status/3", "30"), TAB);
        let Response::Threads { threads, .. } =
            engine.handle(Request::GetThreads {}, Sender::default())
        else {
            panic!("expected threads")
        };
        assert_eq!(threads[0].url, "https://x.com/a/status/3");
        assert_eq!(threads[0].comments.len(), 1);
    }
}

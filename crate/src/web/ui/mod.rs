//! The Rust UI of the extension's pages (wasm32 only): the side panel here, the options and
//! practice pages in their own modules.
//!
//! Owns: mounting the side panel in `extension/pages/sidepanel.html`, keeping it current (it asks
//! the background for the threads as soon as a content script reports a page or a tab is switched,
//! and every few seconds while the panel is visible), and carrying out what the person asks: corrections to the engine, "show on the
//! page" to the tab's content script, reports to the clipboard or a file. The drawing itself is
//! [`panel`], from what [`view`] reads of the engine's answer; the browser APIs are [`browser`]; the
//! words are [`strings`].

pub mod browser;
pub mod dom;
pub mod options;
pub mod panel;
pub mod practice;
pub mod strings;
pub mod view;

use std::cell::{Cell, RefCell};

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

use crate::protocol::{ExportFormat, PROTOCOL_VERSION};
use panel::{Action, Panel, Shown};
use view::PanelThread;

/// How often the panel asks for the threads while visible, in ms. New comments, corrections and
/// tab switches are announced by events and refresh at once; the poll only keeps the waits and the
/// surge window current, so it can be slow (each ask has the background report the whole thread).
const POLL_MS: u32 = 5_000;

struct SidePanel {
    panel: Panel,
    _poll: Interval,
    _on_message: Option<browser::Listener>,
    _on_tab: Vec<browser::Listener>,
    _on_return: [EventListener; 2],
}

thread_local! {
    /// The page's one panel, alive as long as the page.
    static SIDE_PANEL: RefCell<Option<SidePanel>> = const { RefCell::new(None) };
    /// A refresh is under way / another one was asked for meanwhile.
    static REFRESHING: Cell<bool> = const { Cell::new(false) };
    static REFRESH_AGAIN: Cell<bool> = const { Cell::new(false) };
}

fn with_panel(f: impl FnOnce(&Panel)) {
    SIDE_PANEL.with(|slot| {
        if let Some(side_panel) = slot.borrow().as_ref() {
            f(&side_panel.panel);
        }
    });
}

/// Mounts the side panel in `#candor-panel` (or the body) and starts keeping it current.
#[wasm_bindgen]
pub fn mount_side_panel() -> Result<(), JsValue> {
    let (document, root) = dom::mount_point("candor-panel", "side panel page")?;
    let lang = browser::ui_lang();
    dom::set_page_lang(&document, lang);
    let panel = Panel::mount(&root, lang, carry_out);
    // The poll catches what no event announces: waits growing, a correction made in another
    // window. A hidden panel costs nothing.
    let window =
        web_sys::window().ok_or_else(|| JsValue::from_str("the side panel has no window"))?;
    let visible = document.clone();
    let poll = Interval::new(POLL_MS, move || {
        if !visible.hidden() {
            request_refresh();
        }
    });
    // Content scripts' messages reach every extension page, this one included: when a page was read,
    // refresh at once rather than at the next tick (the background answers messages in order, so it
    // has handled the page's message before this page's question).
    let on_message = browser::on_runtime_message(|message| {
        let kind = js_sys::Reflect::get(&message, &"type".into())
            .ok()
            .and_then(|t| t.as_string());
        if matches!(
            kind.as_deref(),
            Some("CommentsRead" | "PageOpened" | "PageUnreadable")
        ) {
            timings::heard(js_sys::Date::now());
            request_refresh();
        }
    })
    .ok();
    // The panel shows the active tab's thread: another tab activated, or this one navigated.
    let on_tab = [["tabs", "onActivated"], ["tabs", "onUpdated"]]
        .into_iter()
        .filter_map(|event| browser::on_event(event, |_| request_refresh()).ok())
        .collect();
    // A person coming back to the panel sees it current without waiting for the poll.
    let on_return = [
        EventListener::new(&document, "visibilitychange", |_| request_refresh()),
        EventListener::new(&window, "focus", |_| request_refresh()),
    ];
    SIDE_PANEL.with(|slot| {
        *slot.borrow_mut() = Some(SidePanel {
            panel,
            _poll: poll,
            _on_message: on_message,
            _on_tab: on_tab,
            _on_return: on_return,
        })
    });
    request_refresh();
    Ok(())
}

/// The longest pause between two refreshes that follow each other, in ms.
const MAX_PAUSE_MS: f64 = 200.0;

/// Refreshes now, or after the refresh under way: never two at once, none lost. Refreshes that
/// follow each other (a content script reading a long thread sends a message per slice) are
/// spaced by as long as the last one took to ask: the background builds every thread's report for
/// each ask, so asking without pause would keep it from the content script's next batch, and the
/// whole thread would be read more slowly (see BENCHMARKS.md, "panel-latency").
fn request_refresh() {
    if REFRESHING.with(|r| r.replace(true)) {
        REFRESH_AGAIN.with(|a| a.set(true));
        return;
    }
    spawn_local(async {
        loop {
            let asked_ms = refresh().await;
            if !REFRESH_AGAIN.with(|a| a.replace(false)) {
                break;
            }
            pause(asked_ms.clamp(0.0, MAX_PAUSE_MS) as u32).await;
            // What was asked for during the pause is what the next refresh shows.
            REFRESH_AGAIN.with(|a| a.set(false));
        }
        REFRESHING.with(|r| r.set(false));
    });
}

/// Resolves after `ms` milliseconds.
async fn pause(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo_timers::callback::Timeout::new(ms, move || {
            resolve.call0(&JsValue::NULL).ok();
        })
        .forget();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Asks for the threads and shows the active tab's; answers how long the asking took, in ms.
async fn refresh() -> f64 {
    let started = js_sys::Date::now();
    let now = started as i64;
    let shown = match fetch(now).await {
        Ok(shown) => shown,
        Err(why) => Shown::EngineSilent(why),
    };
    let fetched = js_sys::Date::now();
    let mut redrawn = false;
    with_panel(|panel| redrawn = panel.show(shown, Some(now)));
    timings::refreshed(started, fetched, js_sys::Date::now(), redrawn);
    fetched - started
}

/// The panel's own timings, kept where the benchmark reads them (`globalThis.candorPanelTimes`:
/// `heard`, when content scripts' messages arrived; `refreshes`, each refresh's start, time asking
/// for and reading the threads, time drawing, and whether it redrew), as the background keeps
/// `candorEngineStartMs`. A few numbers per event, the last few hundred; nothing leaves the page.
mod timings {
    use js_sys::{Array, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// Entries kept per list (the oldest go first).
    const KEPT: u32 = 400;

    /// The list `name` of `globalThis.candorPanelTimes`, made when missing.
    fn list(name: &str) -> Option<Array> {
        let global = js_sys::global();
        let key = JsValue::from_str("candorPanelTimes");
        let times = match Reflect::get(&global, &key).ok().filter(JsValue::is_object) {
            Some(times) => times,
            None => {
                let times: JsValue = js_sys::Object::new().into();
                Reflect::set(&global, &key, &times).ok()?;
                times
            }
        };
        match Reflect::get(&times, &name.into()).ok()?.dyn_into::<Array>() {
            Ok(list) => Some(list),
            Err(_) => {
                let list = Array::new();
                Reflect::set(&times, &name.into(), &list).ok()?;
                Some(list)
            }
        }
    }

    fn push(name: &str, entry: &JsValue) {
        if let Some(list) = list(name) {
            list.push(entry);
            if list.length() > KEPT {
                list.shift();
            }
        }
    }

    pub fn heard(at: f64) {
        push("heard", &at.into());
    }

    pub fn refreshed(started: f64, fetched: f64, shown: f64, redrawn: bool) {
        let entry = Array::of4(
            &started.into(),
            &(fetched - started).into(),
            &(shown - fetched).into(),
            &redrawn.into(),
        );
        push("refreshes", &entry);
    }
}

async fn fetch(now_ms: i64) -> Result<Shown, String> {
    let tab = browser::active_tab_id().await?;
    // The answer holds every comment of every thread read: it crosses as one JSON text.
    let reply = browser::send_to_background_as_text(
        &json!({"v": PROTOCOL_VERSION, "type": "GetThreads", "now_ms": now_ms, "tab_id": tab}),
    )
    .await?;
    thread_of_tab(reply, tab)
}

/// The thread of tab `tab` in a `Threads` answer, or why there is none.
pub fn thread_of_tab(reply: Value, tab: Option<i64>) -> Result<Shown, String> {
    match reply.get("type").and_then(Value::as_str) {
        Some("Threads") => {}
        Some("Error") => return Err(error_text(&reply)),
        _ => return Err("unexpected answer".into()),
    }
    let threads = reply["threads"]
        .as_array()
        .ok_or("the answer has no threads")?;
    let Some(thread) = threads.iter().find(|t| t["tab_id"].as_i64() == tab) else {
        return Ok(Shown::NoThread);
    };
    PanelThread::read(thread)
        .map(|t| Shown::Thread(Box::new(t)))
        .ok_or_else(|| "the engine's report lacks a field the panel needs".into())
}

fn error_text(reply: &Value) -> String {
    reply["message"]
        .as_str()
        .unwrap_or("the engine refused the message")
        .to_string()
}

/// Carries out what the person asked for in the panel.
fn carry_out(action: Action) {
    let words = {
        let mut words = None;
        with_panel(|panel| words = Some(panel.words()));
        words.unwrap_or_else(|| strings::Words::new(browser::ui_lang()))
    };
    match action {
        Action::Correct { url, id, category } => spawn_local(async move {
            let message = json!({"v": PROTOCOL_VERSION, "type": "Correct", "url": url, "id": id, "category": category});
            match browser::send_to_background(&message).await {
                Ok(reply) if reply["type"] == "Error" => {
                    with_panel(|p| p.announce(&words.failed(&error_text(&reply))))
                }
                Ok(_) => request_refresh(),
                Err(why) => with_panel(|p| p.announce(&words.failed(&why))),
            }
        }),
        Action::ScrollTo { tab_id, id } => spawn_local(async move {
            let message = json!({"v": PROTOCOL_VERSION, "type": "ScrollToComment", "id": id});
            let outcome = match browser::send_to_tab(tab_id, &message).await {
                Ok(reply) if reply["ok"] == true => Ok(()),
                Ok(reply) => Err(reply["reason"]
                    .as_str()
                    .unwrap_or("the page did not answer")
                    .to_string()),
                Err(why) => Err(why),
            };
            if let Err(why) = outcome {
                with_panel(|p| p.announce(&words.scroll_failed(&why)));
            }
        }),
        Action::Export {
            tab_id,
            format,
            lang,
            now_ms,
        } => spawn_local(async move {
            let message = json!({"v": PROTOCOL_VERSION, "type": "ExportThread", "tab_id": tab_id,
                "format": format, "lang": lang, "now_ms": now_ms});
            let reply = match browser::send_to_background(&message).await {
                Ok(reply) if reply["type"] == "Export" => reply,
                Ok(reply) => return with_panel(|p| p.announce(&words.failed(&error_text(&reply)))),
                Err(why) => return with_panel(|p| p.announce(&words.failed(&why))),
            };
            let content = reply["content"].as_str().unwrap_or_default();
            if format == ExportFormat::Text {
                match browser::copy_text(content).await {
                    Ok(()) => with_panel(|p| p.announce(words.copied())),
                    Err(_) => with_panel(|p| {
                        p.show_copy_box(content.to_string());
                        p.announce(words.copy_fallback());
                    }),
                }
                return;
            }
            let name = reply["name"].as_str().unwrap_or("candor-report");
            let mime = reply["mime"].as_str().unwrap_or("text/plain");
            let said = match browser::download(name, mime, content) {
                Ok(()) => words.downloaded(name),
                Err(why) => words.failed(&why),
            };
            with_panel(|p| p.announce(&said));
        }),
        Action::ExportCorrections => spawn_local(async move {
            let message = json!({"v": PROTOCOL_VERSION, "type": "ExportCorrections"});
            let said = match browser::send_to_background(&message).await {
                Ok(reply) if reply["type"] == "Corrections" => {
                    let content = serde_json::to_string(&reply["corrections"])
                        .unwrap_or_else(|_| "[]".into());
                    let name = "candor-corrections.json";
                    match browser::download(name, "application/json", &content) {
                        Ok(()) => words.downloaded(name),
                        Err(why) => words.failed(&why),
                    }
                }
                Ok(reply) => words.failed(&error_text(&reply)),
                Err(why) => words.failed(&why),
            };
            with_panel(|p| p.announce(&said));
        }),
    }
}

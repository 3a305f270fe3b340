//! The practice page (`extension/pages/practice.html`, issue 7, rule P18): practice threads written
//! for training, where a trainee answers comments and the coach reviews the reply rule by rule.
//!
//! Owns: mounting the page and carrying out what it asks of the browser — fetching the practice
//! threads the extension ships (`extension/practice/index.json` and one file per thread, by relative
//! URL), keeping the trainee's progress in `storage.local` under [`STORAGE_KEY`] (the JSON text of a
//! [`progress::Progress`]), and keeping the open thread in the address (`#<thread id>`) so a reload
//! or a link lands on it. The page itself is [`page`], what it reads of the JSON is [`view`], its
//! words are [`words`]; the review (classification, guidance, coach, scores) is the `practice` module's
//! `practice_review`, handed over by `practice.js`.
//!
//! The address may also carry `?lang=fr|en` (the page's language instead of the browser's, for a
//! trainer showing the French page in an English browser, and for the end-to-end test) and
//! `?demo=<url>` (a link to the demo thread, which `cargo xtask run` serves).

pub mod page;
pub mod view;
pub mod words;

pub use crate::practice::progress;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::{browser, dom};
use crate::text::Lang;
use page::{Effect, PracticePage, Reviewer};
use progress::{Progress, ProgressError};

/// The `storage.local` key of the trainee's progress record.
pub const STORAGE_KEY: &str = "practice.progress";
/// Where the practice threads are, relative to the page.
const THREADS_DIR: &str = "../practice/";

thread_local! {
    static PAGE: RefCell<Option<PracticePage>> = const { RefCell::new(None) };
}

fn with_page(f: impl FnOnce(&PracticePage)) {
    PAGE.with(|slot| {
        if let Some(page) = slot.borrow().as_ref() {
            f(page);
        }
    });
}

/// Mounts the practice page in `#candor-practice` (or the body). `review` is the `practice` module's
/// `practice_review` (JSON text in, JSON text out).
#[wasm_bindgen]
pub fn mount_practice(review: Function) -> Result<(), JsValue> {
    let reviewer: Reviewer = Rc::new(browser::json_function(review));
    let (document, root) = dom::mount_point("candor-practice", "practice page")?;
    let lang = match query_param("lang").as_deref() {
        Some("fr") => Lang::Fr,
        Some("en") => Lang::En,
        _ => browser::ui_lang(),
    };
    dom::set_page_lang(&document, lang);
    let page = PracticePage::mount(&root, lang, reviewer, carry_out);
    PAGE.with(|slot| *slot.borrow_mut() = Some(page));
    let demo = query_param("demo").filter(|u| u.starts_with("https://"));
    with_page(|p| p.set_demo_url(demo));
    let opened = location_part("hash")
        .map(|h| h.trim_start_matches('#').to_string())
        .filter(|id| view::valid_thread_id(id));
    if let Some(id) = opened {
        with_page(|p| p.open_thread(&id));
    }
    spawn_local(async {
        let stored = read_progress().await;
        with_page(|p| p.progress_loaded(stored));
        let index = fetch_text(&format!("{THREADS_DIR}index.json"))
            .await
            .and_then(|text| view::read_index(&text));
        with_page(|p| p.set_index(index));
    });
    Ok(())
}

/// Carries out what the page asked for.
fn carry_out(effect: Effect) {
    match effect {
        Effect::LoadThread(id) => spawn_local(async move {
            let thread = if view::valid_thread_id(&id) {
                fetch_text(&format!("{THREADS_DIR}{id}.json"))
                    .await
                    .and_then(|text| view::read_thread(&text))
            } else {
                Err("not a thread id".to_string())
            };
            with_page(|p| p.thread_loaded(&id, thread));
        }),
        Effect::SaveProgress(json) => spawn_local(async move {
            if let Err(why) = write_progress(&json).await {
                with_page(|p| p.announce(&p.words().save_failed(&why)));
            }
        }),
        Effect::Opened(id) => {
            // replaceState: the address follows the page without piling up history entries.
            let address = match id {
                Some(id) => format!("#{id}"),
                None => {
                    location_part("pathname").unwrap_or_default()
                        + &location_part("search").unwrap_or_default()
                }
            };
            let history = Reflect::get(&js_sys::global(), &"history".into());
            if let Ok(history) = history {
                browser::call(
                    &history,
                    &["replaceState"],
                    &[JsValue::NULL, "".into(), address.into()],
                )
                .ok();
            }
        }
    }
}

/// The stored progress: `Ok(None)` when there is none, `Err` with the reason when it is unreadable.
async fn read_progress() -> Result<Option<Progress>, String> {
    let api = browser::extension_api().map_err(|e| format!("storage: {e}"))?;
    let items = browser::storage(&api, "local", "get", STORAGE_KEY.into()).await?;
    let value = Reflect::get(&items, &STORAGE_KEY.into()).map_err(browser::describe)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    // The page stores JSON text; anything else found there is read as JSON too, then judged.
    let text = match value.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    };
    Progress::from_json(&text).map(Some).map_err(|e| match e {
        ProgressError::Corrupt(why) => why,
        ProgressError::UnknownVersion(v) => format!("version {v}, from a newer Candor"),
    })
}

async fn write_progress(json: &str) -> Result<(), String> {
    let api = browser::extension_api()?;
    let item = browser::item(STORAGE_KEY, &json.into())?;
    browser::storage(&api, "local", "set", item).await?;
    Ok(())
}

/// GETs `url` (relative to the page) and answers its text; an HTTP error is an error.
async fn fetch_text(url: &str) -> Result<String, String> {
    let global = js_sys::global();
    let response = browser::settle(browser::call(&global, &["fetch"], &[url.into()])?).await?;
    let ok = Reflect::get(&response, &"ok".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !ok {
        let status = Reflect::get(&response, &"status".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        return Err(format!("HTTP {status}"));
    }
    let text = browser::settle(browser::call(&response, &["text"], &[])?).await?;
    text.as_string()
        .ok_or_else(|| "the file is not text".into())
}

/// `location.<part>` (`hash`, `search`, `pathname`), when not empty.
fn location_part(part: &str) -> Option<String> {
    let location = Reflect::get(&js_sys::global(), &"location".into()).ok()?;
    Reflect::get(&location, &part.into())
        .ok()?
        .as_string()
        .filter(|s| !s.is_empty())
}

/// The decoded value of `name` in the address's query.
fn query_param(name: &str) -> Option<String> {
    let search = location_part("search")?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| js_sys::decode_uri_component(&value.replace('+', " ")).ok())
        .and_then(|v| v.as_string())
}

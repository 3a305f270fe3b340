//! The browser seen from an extension page: messages to the background and to a tab's content
//! script, the active tab, storage, the clipboard, downloads, the UI language.
//!
//! Owns: the few extension APIs the pages use, reached through `js_sys::Reflect` on
//! `globalThis.browser ?? globalThis.chrome` (Firefox and Chrome) rather than through more web-sys
//! features, which would grow the module. Every call returns a `Result` with a readable message;
//! none throws into the page.

use js_sys::{Array, Function, Object, Promise, Reflect};
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::text::Lang;

/// `browser` (Firefox) or `chrome` (Chrome), when the page runs inside the extension.
pub fn extension_api() -> Result<JsValue, String> {
    let global = js_sys::global();
    for name in ["browser", "chrome"] {
        let api = Reflect::get(&global, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if api.is_object() && Reflect::has(&api, &"runtime".into()).unwrap_or(false) {
            return Ok(api);
        }
    }
    Err("this page is not running inside the extension".into())
}

/// Calls `object.path[0].path[1]…(args)`, the last name being the method.
pub fn call(object: &JsValue, path: &[&str], args: &[JsValue]) -> Result<JsValue, String> {
    let (method, owners) = path.split_last().ok_or("nothing to call")?;
    let mut this = object.clone();
    for name in owners {
        this = Reflect::get(&this, &(*name).into()).map_err(describe)?;
    }
    let function: Function = Reflect::get(&this, &(*method).into())
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| format!("{} is not available here", path.join(".")))?;
    let args: Array = args.iter().collect();
    function.apply(&this, &args).map_err(describe)
}

/// Awaits what `call` returned when it is a promise.
pub async fn settle(value: JsValue) -> Result<JsValue, String> {
    match value.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await.map_err(describe),
        Err(value) => Ok(value),
    }
}

/// Calls `storage.<area>.<method>(argument)` (`area` `sync` or `local`; `get`, `set`, `remove`)
/// and awaits its answer.
pub async fn storage(
    api: &JsValue,
    area: &str,
    method: &str,
    argument: JsValue,
) -> Result<JsValue, String> {
    settle(call(api, &["storage", area, method], &[argument])?).await
}

/// `{key: value}`, the one-item object `storage.<area>.set` takes.
pub fn item(key: &str, value: &JsValue) -> Result<JsValue, String> {
    let item = Object::new();
    Reflect::set(&item, &key.into(), value).map_err(describe)?;
    Ok(item.into())
}

/// A wasm export of another module (JSON text in, JSON text out) as a Rust function; when it
/// throws or answers something else, the answer is an `{"error"}` the pages already show.
pub fn json_function(function: Function) -> impl Fn(&str) -> String {
    move |request: &str| {
        function
            .call1(&JsValue::NULL, &JsValue::from_str(request))
            .ok()
            .and_then(|answer| answer.as_string())
            .unwrap_or_else(|| r#"{"error": "the engine did not answer"}"#.to_string())
    }
}

/// A JavaScript error as text.
pub fn describe(error: JsValue) -> String {
    if let Some(text) = error.as_string() {
        return text;
    }
    Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// A Rust value as a plain JavaScript object (maps as objects, numbers as numbers).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}

/// Sends a message to the background (`runtime.sendMessage`) and returns its answer as JSON.
/// The answer crosses into Rust as one JSON text: a thread of 1,000 comments is half a megabyte,
/// which `serde_wasm_bindgen` would cross value by value, several times slower.
pub async fn send_to_background(message: &serde_json::Value) -> Result<serde_json::Value, String> {
    let api = extension_api()?;
    let reply = settle(call(&api, &["runtime", "sendMessage"], &[to_js(message)?])?).await?;
    if reply.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    let text: String = js_sys::JSON::stringify(&reply).map_err(describe)?.into();
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// [`send_to_background`] for a long answer: the background answers it as JSON text (see
/// `extension/background.js`, `as_text`), which crosses between processes as one string.
pub async fn send_to_background_as_text(
    message: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    let api = extension_api()?;
    let envelope = serde_json::json!({"as_text": true, "request": message});
    let reply = settle(call(
        &api,
        &["runtime", "sendMessage"],
        &[to_js(&envelope)?],
    )?)
    .await?;
    match reply.as_string() {
        Some(text) => serde_json::from_str(&text).map_err(|e| e.to_string()),
        None => Err("the background did not answer as text".into()),
    }
}

/// Sends a message to the content script of tab `tab_id` (`tabs.sendMessage`).
pub async fn send_to_tab(
    tab_id: i64,
    message: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    let api = extension_api()?;
    let args = [JsValue::from_f64(tab_id as f64), to_js(message)?];
    let reply = settle(call(&api, &["tabs", "sendMessage"], &args)?).await?;
    Ok(serde_wasm_bindgen::from_value(reply).unwrap_or(serde_json::Value::Null))
}

/// The id of the active tab of the window this page belongs to.
pub async fn active_tab_id() -> Result<Option<i64>, String> {
    let api = extension_api()?;
    let query = Object::new();
    Reflect::set(&query, &"active".into(), &JsValue::TRUE).map_err(describe)?;
    Reflect::set(&query, &"currentWindow".into(), &JsValue::TRUE).map_err(describe)?;
    let tabs = settle(call(&api, &["tabs", "query"], &[query.into()])?).await?;
    let first = Array::from(&tabs).get(0);
    Ok(Reflect::get(&first, &"id".into())
        .ok()
        .and_then(|id| id.as_f64())
        .map(|id| id as i64))
}

/// The browser's UI language, French or English (anything else reads as English).
pub fn ui_lang() -> Lang {
    let from_extension = extension_api()
        .ok()
        .and_then(|api| call(&api, &["i18n", "getUILanguage"], &[]).ok());
    let from_navigator = || {
        let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
        Reflect::get(&navigator, &"language".into()).ok()
    };
    let tag = from_extension
        .or_else(from_navigator)
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if tag.to_ascii_lowercase().starts_with("fr") {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// Puts `text` on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).map_err(describe)?;
    settle(call(
        &navigator,
        &["clipboard", "writeText"],
        &[text.into()],
    )?)
    .await?;
    Ok(())
}

/// Offers `content` as a file named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts: Array = std::iter::once(JsValue::from_str(content)).collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no link element")?;
    link.set_attribute("href", &url).map_err(describe)?;
    link.set_attribute("download", name).map_err(describe)?;
    link.click();
    // The browser has read the blob once the download started; free it a little later.
    gloo_timers::callback::Timeout::new(10_000, move || {
        web_sys::Url::revoke_object_url(&url).ok();
    })
    .forget();
    Ok(())
}

/// A listener on an extension event (`runtime.onMessage`, `tabs.onActivated`…); dropping it
/// removes it.
pub struct Listener {
    api: JsValue,
    event: [&'static str; 2],
    callback: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let f: &JsValue = self.callback.as_ref();
        let [namespace, event] = self.event;
        call(
            &self.api,
            &[namespace, event, "removeListener"],
            std::slice::from_ref(f),
        )
        .ok();
    }
}

/// Calls `on_message` with every runtime message this page receives. It never answers them: the
/// background does.
pub fn on_runtime_message(on_message: impl FnMut(JsValue) + 'static) -> Result<Listener, String> {
    on_event(["runtime", "onMessage"], on_message)
}

/// Calls `handler` with the first argument of every `namespace.event` the browser fires.
pub fn on_event(
    event: [&'static str; 2],
    handler: impl FnMut(JsValue) + 'static,
) -> Result<Listener, String> {
    let api = extension_api()?;
    let callback = Closure::<dyn FnMut(JsValue)>::new(handler);
    let f: &JsValue = callback.as_ref();
    let [namespace, name] = event;
    call(
        &api,
        &[namespace, name, "addListener"],
        std::slice::from_ref(f),
    )?;
    Ok(Listener {
        api,
        event,
        callback,
    })
}

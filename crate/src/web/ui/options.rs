//! The options page (`extension/pages/options.html`): brand profiles, their sharing and sync.
//!
//! Owns: mounting the page and carrying out what it asks with the extension's storage and
//! permissions. Own profiles are stored one item per profile (`profile:<id>`, the JSON text) in
//! `storage.sync`, or in `storage.local` when the quota plan says it does not fit; subscriptions
//! (`subscription:<address>`) live in `storage.local`, and the background fetches them. The page
//! itself is [`page`], the form's fields [`form`], the words [`words`]; the decisions (plan, diff,
//! subscription states) are [`crate::engine::profiles`].

pub mod form;
pub mod page;
pub mod words;

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

use super::{browser, dom};
use crate::engine::profiles::{
    plan_storage, profile_key, subscription_address, Area, Subscription, PROFILE_KEY_PREFIX,
    SUBSCRIPTION_KEY_PREFIX,
};
use page::{Effect, OptionsPage, StoredProfile};

/// The `storage.onChanged` listener, kept alive with the page.
type OnChanged = Closure<dyn FnMut(JsValue, JsValue)>;

thread_local! {
    static PAGE: RefCell<Option<(OptionsPage, OnChanged)>> = const { RefCell::new(None) };
}

fn with_page(f: impl FnOnce(&OptionsPage)) {
    PAGE.with(|slot| {
        if let Some((page, _)) = slot.borrow().as_ref() {
            f(page);
        }
    });
}

/// Mounts the options page in `#candor-options` (or the body) and keeps it in step with storage.
/// `preview` is the engine module's `preview_guidance` (JSON text in, JSON text out), which the
/// live preview calls.
#[wasm_bindgen]
pub fn mount_options(preview: js_sys::Function) -> Result<(), JsValue> {
    page::set_previewer(browser::json_function(preview));
    let (document, root) = dom::mount_point("candor-options", "options page")?;
    let lang = browser::ui_lang();
    dom::set_page_lang(&document, lang);
    let page = OptionsPage::mount(&root, lang, carry_out);
    // Another browser's sync, the background's subscription fetch, another options tab: redraw.
    let on_changed = Closure::<dyn FnMut(JsValue, JsValue)>::new(|_: JsValue, _: JsValue| reload());
    let api = browser::extension_api().map_err(|e| JsValue::from_str(&e))?;
    browser::call(
        &api,
        &["storage", "onChanged", "addListener"],
        &[on_changed.as_ref().clone()],
    )
    .map_err(|e| JsValue::from_str(&e))?;
    PAGE.with(|slot| *slot.borrow_mut() = Some((page, on_changed)));
    reload();
    Ok(())
}

/// Reads storage and shows it.
fn reload() {
    spawn_local(async {
        match read_storage().await {
            Ok((own, subscriptions)) => with_page(|p| p.show_stored(own, subscriptions)),
            Err(why) => with_page(|p| p.announce(&p.words().failed(&why))),
        }
    });
}

async fn read_storage() -> Result<(Vec<StoredProfile>, Vec<Subscription>), String> {
    let api = browser::extension_api()?;
    let mut own: Vec<StoredProfile> = Vec::new();
    let mut subscriptions = Vec::new();
    for (area, name) in [(Area::Sync, "sync"), (Area::Local, "local")] {
        let items = browser::storage(&api, name, "get", JsValue::NULL).await?;
        let entries = Object::entries(items.unchecked_ref::<Object>());
        for entry in entries.iter() {
            let pair = Array::from(&entry);
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1);
            if let Some(id) = key.strip_prefix(PROFILE_KEY_PREFIX) {
                // A profile in both areas (mid-move) is shown once, from sync.
                if let (Some(text), false) = (value.as_string(), own.iter().any(|p| p.id == id)) {
                    own.push(StoredProfile {
                        id: id.to_string(),
                        text,
                        area,
                    });
                }
            } else if key.starts_with(SUBSCRIPTION_KEY_PREFIX) && area == Area::Local {
                if let Ok(s) = serde_wasm_bindgen::from_value::<Subscription>(value) {
                    subscriptions.push(s);
                }
            }
        }
    }
    Ok((own, subscriptions))
}

/// Carries out what the page asked for.
fn carry_out(effect: Effect) {
    match effect {
        Effect::Store(list) => spawn_local(async move {
            if let Err(why) = store(&list).await {
                with_page(|p| p.announce(&p.words().failed(&why)));
            }
            reload();
        }),
        Effect::Download { name, text } => {
            if let Err(why) = browser::download(&name, "application/json", &text) {
                with_page(|p| p.announce(&p.words().failed(&why)));
            }
        }
        Effect::Subscribe { url, pattern } => {
            // Asked for synchronously, inside the click: browsers grant permissions only from a
            // user gesture.
            let asked = browser::extension_api().and_then(|api| {
                browser::call(
                    &api,
                    &["permissions", "request"],
                    &[origins(std::slice::from_ref(&pattern))],
                )
            });
            spawn_local(async move {
                let granted = match asked {
                    Ok(p) => browser::settle(p)
                        .await
                        .map(|g| g.as_bool().unwrap_or(false)),
                    Err(e) => Err(e),
                };
                let outcome = match granted {
                    Ok(true) => add_subscription(&url).await,
                    Ok(false) => {
                        with_page(|p| p.announce(p.words().permission_refused()));
                        return;
                    }
                    Err(e) => Err(e),
                };
                if let Err(why) = outcome {
                    with_page(|p| p.announce(&p.words().failed(&why)));
                }
            });
        }
        Effect::Unsubscribe { url } => spawn_local(async move {
            if let Err(why) = remove_subscription(&url).await {
                with_page(|p| p.announce(&p.words().failed(&why)));
            }
        }),
    }
}

/// Writes each profile where the plan puts it and removes every other copy. A sync write the
/// browser refuses (quota, sync off) falls back to this browser's storage, and the page says so.
async fn store(list: &[(String, String)]) -> Result<(), String> {
    let api = browser::extension_api()?;
    let plan = plan_storage(list);
    let mut failures = Vec::new();
    for (placement, (_, text)) in plan.iter().zip(list) {
        let key = profile_key(&placement.id);
        let item = browser::item(&key, &text.as_str().into())?;
        let mut area = placement.area;
        if area == Area::Sync {
            let wrote = browser::storage(&api, "sync", "set", item.clone()).await;
            if let Err(why) = wrote {
                failures.push(format!("{}: {why}", placement.id));
                area = Area::Local;
            }
        }
        let (write_to, remove_from) = match area {
            Area::Sync => (None, "local"),
            Area::Local => (Some("local"), "sync"),
        };
        if let Some(write_to) = write_to {
            browser::storage(&api, write_to, "set", item).await?;
        }
        browser::storage(&api, remove_from, "remove", key.into()).await?;
    }
    // Profiles deleted or renamed: their keys go from both areas.
    for name in ["sync", "local"] {
        let items = browser::storage(&api, name, "get", JsValue::NULL).await?;
        let stale: Array = Object::keys(items.unchecked_ref::<Object>())
            .iter()
            .filter(|k| {
                k.as_string().is_some_and(|k| {
                    k.strip_prefix(PROFILE_KEY_PREFIX)
                        .is_some_and(|id| !list.iter().any(|(i, _)| i == id))
                })
            })
            .collect();
        if stale.length() > 0 {
            browser::storage(&api, name, "remove", stale.into()).await?;
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

async fn add_subscription(url: &str) -> Result<(), String> {
    let api = browser::extension_api()?;
    let key = format!("{SUBSCRIPTION_KEY_PREFIX}{url}");
    let existing = browser::storage(&api, "local", "get", key.as_str().into()).await?;
    if Reflect::has(&existing, &key.as_str().into()).unwrap_or(false) {
        return Ok(());
    }
    let item = browser::item(&key, &browser::to_js(&Subscription::new(url))?)?;
    browser::storage(&api, "local", "set", item).await?;
    Ok(())
}

async fn remove_subscription(url: &str) -> Result<(), String> {
    let api = browser::extension_api()?;
    let key = format!("{SUBSCRIPTION_KEY_PREFIX}{url}");
    browser::storage(&api, "local", "remove", key.into()).await?;
    // The origin's permission goes too, unless another subscription still needs it.
    let Ok((_, pattern)) = subscription_address(url) else {
        return Ok(());
    };
    let (_, others) = read_storage().await?;
    let shared = others
        .iter()
        .any(|s| subscription_address(&s.url).is_ok_and(|(_, p)| p == pattern));
    if !shared {
        browser::settle(browser::call(
            &api,
            &["permissions", "remove"],
            &[origins(&[pattern])],
        )?)
        .await?;
    }
    Ok(())
}

/// `{origins: [...]}` for `permissions.request` / `remove`.
fn origins(patterns: &[String]) -> JsValue {
    let list: Array = patterns.iter().map(|p| JsValue::from_str(p)).collect();
    let object = Object::new();
    Reflect::set(&object, &"origins".into(), &list).ok();
    object.into()
}

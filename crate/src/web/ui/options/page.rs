//! The options page's DOM: the profile list, the editor (form + JSON) with live preview, import with
//! its diff and undo, and the subscriptions.
//!
//! Owns: drawing the page from the stored profiles and subscriptions, and turning the person's
//! clicks and typing into [`Effect`]s for the browser to carry out (storage writes, downloads,
//! permission requests). It calls no extension API, so a test mounts it on any element; the
//! decisions it relies on (diff, storage plan, address check, validation) are plain Rust elsewhere.
//!
//! Accessibility: real buttons and labelled controls; each field's problems sit in an element the
//! control names with `aria-describedby`, with `aria-invalid` set; results are announced in one
//! persistent polite live region; focus is put back where it was after a redraw.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use super::form::{self, Kind, FIELDS};
use super::words::Words;
use crate::engine::profiles::{
    diff, plan_storage, subscription_address, Area, Change, Subscription,
};
use crate::profile::{self, Profile};
use crate::text::Lang;
use crate::thread::Platform;
use crate::web::ui::dom::{
    append, el, focus_key, focused_key, on_escape, text, LiveRegion, PageFrame,
};

/// Sample comments the preview guides, in both languages.
const SAMPLES: &[(&str, Platform)] = &[
    (
        "Ma commande 48213 devait arriver lundi, toujours rien et personne ne répond au téléphone.",
        Platform::Facebook,
    ),
    (
        "Vous livrez aussi en Belgique ? Il faut compter combien de jours ?",
        Platform::X,
    ),
    (
        "Second time the brakes fail after your repair. Really disappointed, I expected better.",
        Platform::X,
    ),
    (
        "Picked up my new bike this morning, the whole team was brilliant. Thank you!",
        Platform::Linkedin,
    ),
];
/// Guidance points shown per sample: enough to see the voice change.
const PREVIEW_POINTS: usize = 3;

/// A profile as read from storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProfile {
    pub id: String,
    pub text: String,
    pub area: Area,
}

/// What the browser must do for the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Store exactly these own profiles (id, JSON text), in this order; remove any other.
    Store(Vec<(String, String)>),
    /// Offer a file.
    Download {
        name: String,
        text: String,
    },
    /// Ask for the origin's permission (from the click), then record the subscription.
    Subscribe {
        url: String,
        pattern: String,
    },
    Unsubscribe {
        url: String,
    },
}

struct Editor {
    /// The id of the stored profile being edited; `None` for a new one (or a duplicate).
    original: Option<String>,
    value: Value,
    read_only: bool,
    /// The JSON editor's text while it does not parse: kept across redraws, never lost.
    draft: Option<String>,
}

struct PendingImport {
    profile: Profile,
    text: String,
    changes: Vec<Change>,
    replaces: bool,
}

struct State {
    words: Words,
    doc: Document,
    live: Element,
    content: Element,
    own: Vec<StoredProfile>,
    subscriptions: Vec<Subscription>,
    editor: Option<Editor>,
    pending: Option<PendingImport>,
    /// The refused file's name and its problems.
    refused: Option<(String, Vec<String>)>,
    /// The own profiles before the last import or deletion.
    undo: Option<Vec<(String, String)>>,
    subscribe_error: Option<String>,
    focus_next: Option<String>,
}

/// The mounted options page. Dropping it removes its listeners.
pub struct OptionsPage {
    state: Rc<RefCell<State>>,
    on_effect: Rc<dyn Fn(Effect)>,
    _listeners: Vec<EventListener>,
}

impl OptionsPage {
    /// Draws the page into `root` (replacing its children). `on_effect` receives what the browser
    /// must do; it may call back into the page.
    pub fn mount(root: &Element, lang: Lang, on_effect: impl Fn(Effect) + 'static) -> OptionsPage {
        let PageFrame { doc, live, content } =
            PageFrame::new(root, "candor-options", LiveRegion::Above);
        let state = Rc::new(RefCell::new(State {
            words: Words::new(lang),
            doc,
            live,
            content,
            own: Vec::new(),
            subscriptions: Vec::new(),
            editor: None,
            pending: None,
            refused: None,
            undo: None,
            subscribe_error: None,
            focus_next: None,
        }));
        let on_effect: Rc<dyn Fn(Effect)> = Rc::new(on_effect);
        let click = {
            let state = state.clone();
            let on_effect = on_effect.clone();
            EventListener::new(root, "click", move |event| {
                let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                    return;
                };
                let Ok(Some(control)) = target.closest("button[data-action]") else {
                    return;
                };
                let action = control.get_attribute("data-action").unwrap_or_default();
                // The state is released before the effects run: they may call the page.
                let effects = state.borrow_mut().on_click(&action);
                effects.into_iter().for_each(|e| on_effect(e));
            })
        };
        let typing = |kind: &'static str| {
            let state = state.clone();
            EventListener::new(root, kind, move |event| {
                let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                    return;
                };
                state.borrow_mut().on_input(&target);
            })
        };
        let file = {
            let state = state.clone();
            EventListener::new(root, "change", move |event| {
                let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                    return;
                };
                if target.id() != "import-file" {
                    return;
                }
                read_chosen_file(state.clone(), &target);
            })
        };
        // Escape closes the editor, as its Close button does, and focus goes back to "New profile".
        let keys = {
            let state = state.clone();
            on_escape(root, move || {
                if state.borrow().editor.is_some() {
                    state.borrow_mut().on_click("close");
                }
            })
        };
        let listeners = vec![click, typing("input"), typing("change"), file, keys];
        let page = OptionsPage {
            state,
            on_effect,
            _listeners: listeners,
        };
        page.state.borrow_mut().render();
        page
    }

    /// Shows what storage holds now.
    pub fn show_stored(&self, mut own: Vec<StoredProfile>, mut subscriptions: Vec<Subscription>) {
        own.sort_by(|a, b| a.id.cmp(&b.id));
        subscriptions.sort_by(|a, b| a.url.cmp(&b.url));
        let mut state = self.state.borrow_mut();
        if state.own == own && state.subscriptions == subscriptions {
            return;
        }
        state.own = own;
        state.subscriptions = subscriptions;
        state.render();
    }

    /// Reads an import file's text: a bad file changes nothing and says why; a good one shows the
    /// diff and waits for "Apply".
    pub fn import_text(&self, file_name: &str, text: &str) {
        self.state.borrow_mut().import(file_name, text);
    }

    /// Says `text` in the live region.
    pub fn announce(&self, text: &str) {
        self.state.borrow().live.set_text_content(Some(text));
    }

    pub fn words(&self) -> Words {
        self.state.borrow().words
    }

    /// Runs an effect as if the page had asked for it (tests, and retrying).
    pub fn effect(&self, effect: Effect) {
        (self.on_effect)(effect);
    }
}

/// Reads the file chosen in `input` and imports it.
fn read_chosen_file(state: Rc<RefCell<State>>, input: &Element) {
    let file = js_sys::Reflect::get(input, &"files".into())
        .and_then(|files| js_sys::Reflect::get(&files, &JsValue::from_f64(0.0)))
        .unwrap_or(JsValue::UNDEFINED);
    if file.is_undefined() || file.is_null() {
        return;
    }
    let name = js_sys::Reflect::get(&file, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    // Cleared so that choosing the same file again fires `change` again.
    js_sys::Reflect::set(input, &"value".into(), &"".into()).ok();
    let text = js_sys::Reflect::get(&file, &"text".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&file).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(text) = text else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = wasm_bindgen_futures::JsFuture::from(text).await;
        let mut state = state.borrow_mut();
        match outcome.ok().and_then(|t| t.as_string()) {
            Some(text) => state.import(&name, &text),
            None => {
                let said = state.words.failed(&name);
                state.live.set_text_content(Some(&said));
            }
        }
    });
}

impl State {
    fn own_list(&self) -> Vec<(String, String)> {
        self.own
            .iter()
            .map(|p| (p.id.clone(), p.text.clone()))
            .collect()
    }

    /// Replaces the own profiles (keeping their known areas) and asks for them to be stored.
    fn store(&mut self, list: Vec<(String, String)>) -> Effect {
        let areas: Vec<_> = self.own.iter().map(|p| (p.id.clone(), p.area)).collect();
        let mut own: Vec<StoredProfile> = list
            .iter()
            .map(|(id, text)| StoredProfile {
                id: id.clone(),
                text: text.clone(),
                area: areas
                    .iter()
                    .find(|(i, _)| i == id)
                    .map_or(Area::Sync, |(_, a)| *a),
            })
            .collect();
        own.sort_by(|a, b| a.id.cmp(&b.id));
        self.own = own;
        Effect::Store(self.own_list())
    }

    fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }

    fn on_click(&mut self, action: &str) -> Vec<Effect> {
        let (verb, arg) = action.split_once(':').unwrap_or((action, ""));
        let w = self.words;
        let mut effects = Vec::new();
        match verb {
            "new" => {
                let mut value = serde_json::to_value(Profile::default()).unwrap_or(Value::Null);
                value["id"] = Value::String(self.free_id("new-brand"));
                value["name"] = Value::String(String::new());
                self.open(None, value, false);
            }
            "edit" | "view" | "dup" => {
                let Some(value) = self.profile_value(arg) else {
                    return effects;
                };
                match verb {
                    "edit" => self.open(Some(arg.to_string()), value, false),
                    "view" => self.open(None, value, true),
                    _ => {
                        let mut value = value;
                        let id = value["id"].as_str().unwrap_or("profile").to_string();
                        let name = value["name"].as_str().unwrap_or_default().to_string();
                        value["id"] = Value::String(self.free_id(&format!("{id}-copy")));
                        value["name"] = Value::String(format!("{name}{}", w.copy_suffix()));
                        self.open(None, value, false);
                    }
                }
            }
            "delete" => {
                let before = self.own_list();
                let name = self.name_of(arg);
                let after = before.iter().filter(|(id, _)| id != arg).cloned().collect();
                self.undo = Some(before);
                effects.push(self.store(after));
                if self.editor.as_ref().and_then(|e| e.original.as_deref()) == Some(arg) {
                    self.editor = None;
                }
                self.focus_next = Some("undo".into());
                self.render();
                self.announce(&w.deleted(&name));
            }
            "export" => {
                if let Some(value) = self.profile_value(arg) {
                    let name = format!("{}.candor.json", value["id"].as_str().unwrap_or("profile"));
                    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
                    self.announce(&w.exported(&name));
                    effects.push(Effect::Download { name, text });
                }
            }
            "save" => effects.extend(self.save()),
            "close" => {
                self.editor = None;
                self.focus_next = Some("new".into());
                self.render();
            }
            "apply-import" => {
                if let Some(pending) = self.pending.take() {
                    let before = self.own_list();
                    let id = pending.profile.id.clone();
                    let mut after: Vec<_> =
                        before.iter().filter(|(i, _)| *i != id).cloned().collect();
                    after.push((id, pending.text));
                    self.undo = Some(before);
                    effects.push(self.store(after));
                    self.focus_next = Some("undo".into());
                    self.render();
                    self.announce(&w.imported(&pending.profile.name));
                }
            }
            "cancel-import" => {
                self.pending = None;
                self.refused = None;
                self.focus_next = Some("import".into());
                self.render();
            }
            "undo" => {
                if let Some(before) = self.undo.take() {
                    effects.push(self.store(before));
                    self.focus_next = Some("new".into());
                    self.render();
                    self.announce(w.undone());
                }
            }
            "subscribe" => {
                let typed = self
                    .content
                    .query_selector("#sub-url")
                    .ok()
                    .flatten()
                    .and_then(|i| js_sys::Reflect::get(&i, &"value".into()).ok())
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                match subscription_address(&typed) {
                    Ok((url, pattern)) => {
                        self.subscribe_error = None;
                        self.render();
                        self.announce(&w.subscribing(&url));
                        effects.push(Effect::Subscribe { url, pattern });
                    }
                    Err(e) => {
                        self.subscribe_error = Some(e.message(w.lang).to_string());
                        self.focus_next = Some("sub-url".into());
                        self.render();
                        if let Ok(Some(input)) = self.content.query_selector("#sub-url") {
                            js_sys::Reflect::set(&input, &"value".into(), &typed.into()).ok();
                        }
                    }
                }
            }
            "unsubscribe" => effects.push(Effect::Unsubscribe {
                url: arg.to_string(),
            }),
            "import" => {
                if let Ok(Some(input)) = self.content.query_selector("#import-file") {
                    if let Some(input) = input.dyn_ref::<web_sys::HtmlElement>() {
                        input.click();
                    }
                }
            }
            _ => {}
        }
        effects
    }

    /// The JSON of own profile `id`, or of the subscription at address `id`.
    fn profile_value(&self, id: &str) -> Option<Value> {
        let text = self
            .own
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.text.clone())
            .or_else(|| {
                self.subscriptions
                    .iter()
                    .find(|s| s.url == id)
                    .and_then(|s| s.profile.clone())
            })?;
        current_json(&text)
    }

    fn name_of(&self, id: &str) -> String {
        self.profile_value(id)
            .and_then(|v| v["name"].as_str().map(str::to_string))
            .unwrap_or_else(|| id.to_string())
    }

    /// `wanted`, or `wanted-2`, `wanted-3`… : an id no own profile has.
    fn free_id(&self, wanted: &str) -> String {
        let taken = |id: &str| self.own.iter().any(|p| p.id == id);
        if !taken(wanted) {
            return wanted.to_string();
        }
        (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }

    fn open(&mut self, original: Option<String>, value: Value, read_only: bool) {
        self.editor = Some(Editor {
            original,
            value,
            read_only,
            draft: None,
        });
        self.focus_next = Some("editor".into());
        self.render();
    }

    /// The editor's profile checked: the schema's problems, plus an id another profile has, each
    /// as (JSON path, message in the page's language).
    fn check(&self) -> Result<Profile, Vec<(String, String)>> {
        let Some(editor) = &self.editor else {
            return Err(Vec::new());
        };
        let lang = self.words.lang;
        let profile = profile::from_value(&editor.value).map_err(|e| {
            e.issues
                .iter()
                .map(|i| (i.path.clone(), i.message(lang)))
                .collect::<Vec<_>>()
        })?;
        let clash = self
            .own
            .iter()
            .any(|p| p.id == profile.id && editor.original.as_deref() != Some(p.id.as_str()));
        if clash && !editor.read_only {
            return Err(vec![("id".into(), self.words.id_taken(&profile.id))]);
        }
        Ok(profile)
    }

    fn save(&mut self) -> Vec<Effect> {
        let w = self.words;
        let Some(editor) = &self.editor else {
            return Vec::new();
        };
        if editor.read_only {
            return Vec::new();
        }
        // JSON that does not parse is a problem too: the last valid state is not what is shown.
        let checked = match editor.draft {
            Some(_) => Err(vec![("json".to_string(), String::new())]),
            None => self.check(),
        };
        match checked {
            Err(issues) => {
                self.update_editor();
                let first = issues
                    .first()
                    .and_then(|(path, _)| form::owner(path))
                    .map_or("json".to_string(), form::control_id);
                if let Ok(Some(control)) = self.content.query_selector(&format!("#{first}")) {
                    if let Some(control) = control.dyn_ref::<web_sys::HtmlElement>() {
                        control.focus().ok();
                    }
                }
                self.announce(&w.not_saved(issues.len().max(1)));
                Vec::new()
            }
            Ok(profile) => {
                let text = serde_json::to_string_pretty(&editor.value).unwrap_or_default();
                let original = editor.original.clone();
                let mut list: Vec<_> = self
                    .own_list()
                    .into_iter()
                    .filter(|(id, _)| Some(id) != original.as_ref() && *id != profile.id)
                    .collect();
                list.push((profile.id.clone(), text));
                let effect = self.store(list);
                if let Some(editor) = &mut self.editor {
                    editor.original = Some(profile.id.clone());
                }
                self.focus_next = Some("save".into());
                self.render();
                self.announce(&w.saved(&profile.name));
                vec![effect]
            }
        }
    }

    fn import(&mut self, file_name: &str, text: &str) {
        let w = self.words;
        self.pending = None;
        self.refused = None;
        match profile::load(text) {
            Err(e) => {
                let problems = e.issues.iter().map(|i| i.message(w.lang)).collect();
                self.refused = Some((file_name.to_string(), problems));
                self.focus_next = Some("import-result".into());
                self.render();
                self.announce(&w.import_refused(file_name));
            }
            Ok(profile) => {
                let current = self
                    .own
                    .iter()
                    .find(|p| p.id == profile.id)
                    .and_then(|p| profile::load(&p.text).ok());
                let changes = diff(current.as_ref(), &profile);
                let title = w.import_title(&profile.name, current.is_some());
                // An older version is stored migrated, so the editor opens it as it is now.
                let text = match current_json(text) {
                    Some(v) if v["schema_version"] != profile::SCHEMA_VERSION => text.to_string(),
                    Some(v) if serde_json::from_str::<Value>(text).ok().as_ref() != Some(&v) => {
                        serde_json::to_string_pretty(&v).unwrap_or_else(|_| text.to_string())
                    }
                    _ => text.to_string(),
                };
                self.pending = Some(PendingImport {
                    replaces: current.is_some(),
                    profile,
                    text,
                    changes,
                });
                self.focus_next = Some("import-result".into());
                self.render();
                self.announce(&title);
            }
        }
    }

    /// Typing in a form control or the JSON editor.
    fn on_input(&mut self, target: &Element) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        if editor.read_only {
            return;
        }
        let value = js_sys::Reflect::get(target, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if target.id() == "json" {
            match serde_json::from_str::<Value>(&value) {
                Ok(parsed) => {
                    editor.value = parsed;
                    editor.draft = None;
                    self.fill_controls();
                    self.update_editor();
                }
                Err(_) => {
                    editor.draft = Some(value);
                    self.update_editor();
                }
            }
            return;
        }
        editor.draft = None;
        let Some(path) = target.get_attribute("data-field") else {
            return;
        };
        let Some(field) = FIELDS.iter().find(|f| f.path == path) else {
            return;
        };
        let text = if field.kind == Kind::Check {
            let on = js_sys::Reflect::get(target, &"checked".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            on.to_string()
        } else {
            value
        };
        form::write(&mut editor.value, field, &text);
        let json = serde_json::to_string_pretty(&editor.value).unwrap_or_default();
        if let Ok(Some(area)) = self.content.query_selector("#json") {
            js_sys::Reflect::set(&area, &"value".into(), &json.into()).ok();
        }
        self.update_editor();
    }

    /// Puts the editor's value into the form controls (after the JSON changed).
    fn fill_controls(&self) {
        let Some(editor) = &self.editor else {
            return;
        };
        for field in FIELDS {
            let Ok(Some(control)) = self
                .content
                .query_selector(&format!("#{}", form::control_id(field)))
            else {
                continue;
            };
            let shown = form::read(&editor.value, field);
            if field.kind == Kind::Check {
                js_sys::Reflect::set(&control, &"checked".into(), &(shown == "true").into()).ok();
            } else {
                js_sys::Reflect::set(&control, &"value".into(), &shown.into()).ok();
            }
        }
    }

    /// Shows each problem by its field and refreshes the preview.
    fn update_editor(&mut self) {
        let w = self.words;
        let checked = self.check();
        let issues = match &checked {
            Ok(_) => Vec::new(),
            Err(issues) => issues.clone(),
        };
        for field in FIELDS {
            let mine: Vec<String> = issues
                .iter()
                .filter(|(path, _)| form::owner(path).is_some_and(|f| f.path == field.path))
                .map(|(_, message)| message.clone())
                .collect();
            self.set_errors(&form::control_id(field), &mine);
        }
        let rest: Vec<String> = issues
            .iter()
            .filter(|(path, _)| form::owner(path).is_none())
            .map(|(_, message)| message.clone())
            .collect();
        // JSON that does not parse: the reader words the error with its line and column.
        let draft_error = self
            .editor
            .as_ref()
            .and_then(|e| e.draft.as_deref())
            .and_then(|d| profile::load(d).err())
            .map(|e| e.message(w.lang));
        match draft_error {
            Some(message) => self.set_errors("json", &[message]),
            None => self.set_errors("json", &rest),
        }
        if let Ok(Some(preview)) = self.content.query_selector("#preview") {
            preview.set_text_content(None);
            match checked.ok() {
                Some(profile) => draw_preview(&self.doc, &preview, &profile, w),
                None => append(
                    &preview,
                    &text(
                        &self.doc,
                        "p",
                        &[("class", "hint")],
                        w.preview_needs_valid(),
                    ),
                ),
            }
        }
    }

    /// Fills the problem list of control `id` and marks the control.
    fn set_errors(&self, id: &str, messages: &[String]) {
        if let Ok(Some(list)) = self.content.query_selector(&format!("#err-{id}")) {
            list.set_text_content(None);
            for m in messages.iter().filter(|m| !m.is_empty()) {
                append(&list, &text(&self.doc, "span", &[], m));
            }
        }
        if let Ok(Some(control)) = self.content.query_selector(&format!("#{id}")) {
            if messages.iter().any(|m| !m.is_empty()) {
                control.set_attribute("aria-invalid", "true").ok();
            } else {
                control.remove_attribute("aria-invalid").ok();
            }
        }
    }

    fn render(&mut self) {
        let w = self.words;
        let focused = self
            .focus_next
            .take()
            .or_else(|| focused_key(&self.content));
        let doc = self.doc.clone();
        let body = el(&doc, "div", &[]);
        let e = |tag: &str, attrs: &[(&str, &str)]| el(&doc, tag, attrs);
        let t = |tag: &str, attrs: &[(&str, &str)], s: &str| text(&doc, tag, attrs, s);

        append(&body, &t("p", &[("class", "hint")], w.intro()));
        let bar = e("p", &[("class", "bar")]);
        append(&bar, &button(&doc, "new", "new", w.new_profile(), None));
        append(&bar, &button(&doc, "import", "import", w.import(), None));
        append(
            &bar,
            &e(
                "input",
                &[
                    ("type", "file"),
                    ("id", "import-file"),
                    ("accept", ".json,application/json"),
                    ("hidden", ""),
                    ("tabindex", "-1"),
                    ("aria-hidden", "true"),
                ],
            ),
        );
        if self.undo.is_some() {
            append(&bar, &button(&doc, "undo", "undo", w.undo(), None));
        }
        append(&body, &bar);

        // Import result: the diff to apply, or why the file was refused.
        if let Some(pending) = &self.pending {
            let section = e(
                "section",
                &[
                    ("id", "import-result"),
                    ("class", "import"),
                    ("tabindex", "-1"),
                    ("data-focus", "import-result"),
                    ("aria-labelledby", "import-title"),
                ],
            );
            append(
                &section,
                &t(
                    "h2",
                    &[("id", "import-title")],
                    &w.import_title(&pending.profile.name, pending.replaces),
                ),
            );
            if pending.changes.is_empty() {
                append(&section, &t("p", &[], w.import_same()));
            } else {
                let table = e("table", &[("class", "diff")]);
                let head = e("tr", &[]);
                for h in w.diff_heads() {
                    append(&head, &t("th", &[("scope", "col")], h));
                }
                append(&table, &head);
                for c in &pending.changes {
                    let row = e("tr", &[]);
                    append(&row, &t("th", &[("scope", "row")], &c.path));
                    append(
                        &row,
                        &t(
                            "td",
                            &[("class", "before")],
                            c.before.as_deref().unwrap_or("—"),
                        ),
                    );
                    append(
                        &row,
                        &t(
                            "td",
                            &[("class", "after")],
                            c.after.as_deref().unwrap_or("—"),
                        ),
                    );
                    append(&table, &row);
                }
                append(&section, &table);
            }
            let actions = e("p", &[("class", "bar")]);
            append(
                &actions,
                &button(&doc, "apply-import", "apply-import", w.apply_import(), None),
            );
            append(
                &actions,
                &button(&doc, "cancel-import", "cancel-import", w.cancel(), None),
            );
            append(&section, &actions);
            append(&body, &section);
        } else if let Some((file, problems)) = &self.refused {
            let section = e(
                "section",
                &[
                    ("id", "import-result"),
                    ("class", "import refused"),
                    ("tabindex", "-1"),
                    ("data-focus", "import-result"),
                ],
            );
            append(&section, &t("p", &[], &w.import_refused(file)));
            let list = e("ul", &[("class", "problems")]);
            for p in problems {
                append(&list, &t("li", &[], p));
            }
            append(&section, &list);
            append(
                &section,
                &button(&doc, "cancel-import", "cancel-import", w.close(), None),
            );
            append(&body, &section);
        }

        // The list.
        append(&body, &t("h2", &[], w.title()));
        if self.own.is_empty() && self.subscriptions.iter().all(|s| s.profile.is_none()) {
            append(&body, &t("p", &[("class", "notice")], w.none_yet()));
        }
        let list = e("ul", &[("class", "profiles")]);
        let plan = plan_storage(&self.own_list());
        for (p, placement) in self.own.iter().zip(&plan) {
            let item = e("li", &[("data-id", &p.id)]);
            let name = serde_json::from_str::<Value>(&p.text)
                .ok()
                .and_then(|v| v["name"].as_str().map(str::to_string))
                .unwrap_or_else(|| p.id.clone());
            append(&item, &t("strong", &[], &name));
            append(&item, &t("code", &[], &p.id));
            // Where it is: what storage says, else what the plan will do.
            let local = p.area == Area::Local;
            let note = w.stored_where(placement.overflow, local);
            let class = if note.is_some() {
                "where warn"
            } else {
                "where"
            };
            append(
                &item,
                &t(
                    "p",
                    &[("class", class)],
                    note.as_deref().unwrap_or(w.synced()),
                ),
            );
            let actions = e("p", &[("class", "bar")]);
            for (verb, label) in [
                ("edit", w.edit()),
                ("dup", w.duplicate()),
                ("export", w.export()),
                ("delete", w.delete()),
            ] {
                let key = format!("{verb}:{}", p.id);
                append(
                    &actions,
                    &button(&doc, &key, &key, label, Some(&w.on(label, &name))),
                );
            }
            append(&item, &actions);
            append(&list, &item);
        }
        append(&body, &list);

        // Subscriptions.
        append(&body, &t("h2", &[], w.subscriptions()));
        let subs = e("ul", &[("class", "profiles subscriptions")]);
        for s in &self.subscriptions {
            let item = e("li", &[("data-url", &s.url)]);
            let name = s.current().map(|p| p.name).unwrap_or_else(|| s.url.clone());
            append(&item, &t("strong", &[], &name));
            append(
                &item,
                &t("p", &[("class", "where")], &w.subscribed_from(&s.url)),
            );
            let when = match s.fetched_ms {
                Some(ms) => w.last_good(&date(ms, w.lang)),
                None => w.never_fetched().to_string(),
            };
            append(&item, &t("p", &[("class", "where")], &when));
            if let Some(error) = &s.error {
                append(
                    &item,
                    &t("p", &[("class", "where warn")], &w.last_error(error)),
                );
            }
            let actions = e("p", &[("class", "bar")]);
            if s.profile.is_some() {
                for (verb, label) in [
                    ("view", w.view()),
                    ("dup", w.duplicate()),
                    ("export", w.export()),
                ] {
                    let key = format!("{verb}:{}", s.url);
                    append(
                        &actions,
                        &button(&doc, &key, &key, label, Some(&w.on(label, &name))),
                    );
                }
            }
            let key = format!("unsubscribe:{}", s.url);
            append(
                &actions,
                &button(
                    &doc,
                    &key,
                    &key,
                    w.unsubscribe(),
                    Some(&w.on(w.unsubscribe(), &name)),
                ),
            );
            append(&item, &actions);
            append(&subs, &item);
        }
        append(&body, &subs);
        let form_row = e("p", &[("class", "field")]);
        append(
            &form_row,
            &t("label", &[("for", "sub-url")], w.subscribe_label()),
        );
        let mut sub_attrs = vec![
            ("id", "sub-url"),
            ("type", "url"),
            ("data-focus", "sub-url"),
            ("placeholder", "https://"),
            ("aria-describedby", "sub-hint err-sub-url"),
        ];
        if self.subscribe_error.is_some() {
            sub_attrs.push(("aria-invalid", "true"));
        }
        append(&form_row, &e("input", &sub_attrs));
        append(
            &form_row,
            &button(&doc, "subscribe", "subscribe", w.subscribe(), None),
        );
        append(
            &form_row,
            &t(
                "span",
                &[("id", "sub-hint"), ("class", "hint")],
                w.subscribe_hint(),
            ),
        );
        append(
            &form_row,
            &t(
                "span",
                &[("id", "err-sub-url"), ("class", "errors")],
                self.subscribe_error.as_deref().unwrap_or_default(),
            ),
        );
        append(&body, &form_row);

        if let Some(editor) = &self.editor {
            append(&body, &self.draw_editor(editor));
        }

        self.content.set_text_content(None);
        append(&self.content, &body);
        if self.editor.is_some() {
            self.update_editor();
        }
        if let Some(key) = focused {
            focus_key(&self.content, &key);
        }
    }

    fn draw_editor(&self, editor: &Editor) -> Element {
        let w = self.words;
        let doc = &self.doc;
        let name = editor.value["name"].as_str().unwrap_or_default();
        let section = el(
            doc,
            "section",
            &[("class", "editor"), ("aria-labelledby", "editor-title")],
        );
        append(
            &section,
            &text(
                doc,
                "h2",
                &[
                    ("id", "editor-title"),
                    ("tabindex", "-1"),
                    ("data-focus", "editor"),
                ],
                &w.editing(name),
            ),
        );
        if editor.read_only {
            append(
                &section,
                &text(doc, "p", &[("class", "notice")], w.read_only()),
            );
        }
        let fields = el(doc, "div", &[("class", "fields")]);
        for field in FIELDS {
            let id = form::control_id(field);
            let errors = format!("err-{id}");
            let row = el(doc, "p", &[("class", "field")]);
            let label = if w.fr() { field.fr } else { field.en };
            let value = form::read(&editor.value, field);
            let mut attrs: Vec<(&str, &str)> = vec![
                ("id", &id),
                ("data-field", field.path),
                ("data-focus", &id),
                ("aria-describedby", &errors),
            ];
            if editor.read_only {
                attrs.push(("disabled", ""));
            }
            let control = match field.kind {
                Kind::Text => {
                    attrs.push(("type", "text"));
                    el(doc, "input", &attrs)
                }
                Kind::Number => {
                    attrs.push(("type", "number"));
                    attrs.push(("min", "1"));
                    el(doc, "input", &attrs)
                }
                Kind::Check => {
                    attrs.push(("type", "checkbox"));
                    el(doc, "input", &attrs)
                }
                Kind::Lines => {
                    attrs.push(("rows", "3"));
                    el(doc, "textarea", &attrs)
                }
                Kind::Choice(options) => {
                    let select = el(doc, "select", &attrs);
                    let known = options.iter().any(|(v, _, _)| *v == value);
                    if !known {
                        // A value the form does not offer (set in JSON) stays visible.
                        append(&select, &text(doc, "option", &[("value", &value)], &value));
                    }
                    for (v, en, fr) in options.iter() {
                        append(
                            &select,
                            &text(doc, "option", &[("value", v)], if w.fr() { fr } else { en }),
                        );
                    }
                    select
                }
            };
            if field.kind == Kind::Check {
                append(&row, &control);
                append(&row, &text(doc, "label", &[("for", &id)], label));
                js_sys::Reflect::set(&control, &"checked".into(), &(value == "true").into()).ok();
            } else {
                append(&row, &text(doc, "label", &[("for", &id)], label));
                if field.kind == Kind::Lines {
                    append(
                        &row,
                        &text(doc, "span", &[("class", "hint")], w.lines_hint()),
                    );
                }
                append(&row, &control);
                js_sys::Reflect::set(&control, &"value".into(), &value.into()).ok();
            }
            append(
                &row,
                &el(doc, "span", &[("id", &errors), ("class", "errors")]),
            );
            append(&fields, &row);
        }
        append(&section, &fields);
        let json_row = el(doc, "p", &[("class", "field json")]);
        append(
            &json_row,
            &text(doc, "label", &[("for", "json")], w.json_label()),
        );
        let mut attrs = vec![
            ("id", "json"),
            ("data-focus", "json"),
            ("rows", "14"),
            ("spellcheck", "false"),
            ("aria-describedby", "err-json"),
        ];
        if editor.read_only {
            attrs.push(("readonly", ""));
        }
        let area = el(doc, "textarea", &attrs);
        let json = editor
            .draft
            .clone()
            .unwrap_or_else(|| serde_json::to_string_pretty(&editor.value).unwrap_or_default());
        js_sys::Reflect::set(&area, &"value".into(), &json.into()).ok();
        append(&json_row, &area);
        append(
            &json_row,
            &el(doc, "span", &[("id", "err-json"), ("class", "errors")]),
        );
        append(&section, &json_row);
        let actions = el(doc, "p", &[("class", "bar")]);
        if editor.read_only {
            if let Some(url) = self
                .subscriptions
                .iter()
                .find(|s| {
                    s.current()
                        .is_some_and(|p| editor.value["id"] == p.id.as_str())
                })
                .map(|s| s.url.clone())
            {
                let key = format!("dup:{url}");
                append(&actions, &button(doc, &key, &key, w.duplicate(), None));
            }
        } else {
            append(&actions, &button(doc, "save", "save", w.save(), None));
        }
        append(&actions, &button(doc, "close", "close", w.close(), None));
        append(&section, &actions);
        append(&section, &text(doc, "h3", &[], w.preview()));
        append(
            &section,
            &el(doc, "div", &[("id", "preview"), ("class", "preview")]),
        );
        section
    }
}

/// A profile's JSON as the editor holds it: as written when it is already the current version, else
/// migrated by the reader (an older file opens as version 1). Unreadable text gives `None`.
fn current_json(text: &str) -> Option<Value> {
    let value: Value = serde_json::from_str(text).ok()?;
    if value["schema_version"] == profile::SCHEMA_VERSION {
        return Some(value);
    }
    profile::load(text)
        .ok()
        .and_then(|p| serde_json::to_value(p).ok())
        .or(Some(value))
}

/// Request JSON in, answer JSON out.
type Previewer = Box<dyn Fn(&str) -> String>;

thread_local! {
    /// Asks the engine module for guidance on a sample: request JSON in, answer JSON out (see
    /// `candor::assist::preview_json`). The page's loader sets it; this module holds no engine.
    static PREVIEWER: std::cell::RefCell<Option<Previewer>> =
        const { std::cell::RefCell::new(None) };
}

/// Sets how the preview reaches the engine.
pub fn set_previewer(previewer: impl Fn(&str) -> String + 'static) {
    PREVIEWER.with(|slot| *slot.borrow_mut() = Some(Box::new(previewer)));
}

/// The engine's guidance on one sample, or why there is none.
fn preview_one(request: &Value) -> Result<Value, String> {
    let answer = PREVIEWER.with(|slot| {
        slot.borrow()
            .as_ref()
            .map(|previewer| previewer(&request.to_string()))
    });
    let answer: Value = serde_json::from_str(&answer.ok_or("the engine is not loaded")?)
        .map_err(|e| e.to_string())?;
    match answer["error"].as_str() {
        Some(error) => Err(error.to_string()),
        None => Ok(answer["guidance"].clone()),
    }
}

/// Guidance on each sample comment, with `profile`.
fn draw_preview(doc: &Document, into: &Element, profile: &Profile, w: Words) {
    let list = el(doc, "ul", &[]);
    let profile_json = serde_json::to_value(profile).unwrap_or(Value::Null);
    for (n, (sample, platform)) in SAMPLES.iter().enumerate() {
        let request = serde_json::json!({
            "text": sample,
            "platform": platform,
            "author": "Camille",
            "id": format!("sample-{n}"),
            "profile": profile_json,
        });
        let item = el(doc, "li", &[]);
        append(&item, &text(doc, "q", &[], sample));
        let guidance = match preview_one(&request) {
            Ok(guidance) => guidance,
            Err(error) => {
                append(&item, &text(doc, "p", &[("class", "error")], &error));
                append(&list, &item);
                continue;
            }
        };
        let action = guidance["action"].as_str().unwrap_or_default();
        append(
            &item,
            &text(doc, "p", &[("class", "action")], w.action_named(action)),
        );
        let points = el(doc, "ul", &[("class", "points")]);
        for point in guidance["points"]
            .as_array()
            .into_iter()
            .flatten()
            .take(PREVIEW_POINTS)
        {
            let rule = point["rule"].as_str().unwrap_or_default();
            let said = point["text"].as_str().unwrap_or_default();
            append(&points, &text(doc, "li", &[], &format!("{rule} · {said}")));
        }
        if let Some(opening) = guidance["opening"].as_str() {
            append(&points, &text(doc, "li", &[("class", "opening")], opening));
        }
        append(&item, &points);
        append(&list, &item);
    }
    append(into, &list);
}

/// A date as the person reads it, in their language (the browser formats it).
fn date(ms: i64, lang: Lang) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let locale = if lang == Lang::Fr { "fr" } else { "en" };
    d.to_locale_string(locale, &JsValue::UNDEFINED).into()
}

fn button(doc: &Document, action: &str, focus: &str, label: &str, aria: Option<&str>) -> Element {
    let b = text(
        doc,
        "button",
        &[
            ("type", "button"),
            ("data-action", action),
            ("data-focus", focus),
        ],
        label,
    );
    if let Some(aria) = aria {
        b.set_attribute("aria-label", aria).ok();
    }
    b
}

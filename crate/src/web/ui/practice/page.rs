//! The practice page's DOM: the list of practice threads with the trainee's progress, one thread
//! drawn in its platform's look, the reply box with the coach's live warnings and the guidance, the
//! score table after a submission, and "what to practise next".
//!
//! Owns: the page's state (which thread and comment are open, the drafts, the last review, the
//! progress record) and its drawing; clicks, keys and typing become state changes, calls to the
//! engine's review (a plain function given at mount: JSON text in, JSON text out) and [`Effect`]s
//! for the browser (fetch a thread, store the progress), which `super` carries out. It touches no
//! browser API beyond the DOM and a timer, so a test can mount it on a detached node.
//!
//! Comment text is always set as text, never parsed as markup. Accessibility: every control is a
//! real `<button>` (Reply says its state with `aria-expanded`, the language filter with
//! `aria-pressed`), the draft has a label, the coach's warnings sit in a polite live region updated
//! in place as the trainee types, results and errors are announced in the page's one persistent
//! live region, and focus goes where the person's attention should (the draft when a comment is
//! picked, the score when a reply is submitted, back to the thread's button when the list returns).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use super::progress::{Attempt, Progress};
use super::view::{quoted, IndexEntry, PracticeComment, PracticeThread, Review};
use super::words::Words;
use crate::text::Lang;
use crate::thread::Platform;
use crate::web::ui::dom::{
    self as dom, append, document_of, el, on_escape, space_out, Draw, LiveRegion, PageFrame,
};
use crate::web::ui::strings::platform_name;

/// How long typing must pause before the coach reviews the draft, in ms.
pub const DEBOUNCE_MS: u32 = 150;
/// How many rules "what to practise next" lists.
const NEXT_RULES: usize = 3;

/// The engine's `practice_review`: request JSON text in, answer JSON text out.
pub type Reviewer = Rc<dyn Fn(&str) -> String>;

/// Something the page needs the browser to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Fetch `extension/practice/<id>.json` and hand it to [`PracticePage::thread_loaded`].
    LoadThread(String),
    /// Store the progress record (its JSON text) under the page's storage key.
    SaveProgress(String),
    /// The thread now open (`None`: the list), for the address bar.
    Opened(Option<String>),
}

/// Something being fetched, or what came of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(String),
}

struct State {
    words: Words,
    root: Element,
    live: Element,
    content: Element,
    reviewer: Reviewer,
    filter: Option<Lang>,
    index: Loaded<Vec<IndexEntry>>,
    threads: Keyed<Loaded<Rc<PracticeThread>>>,
    open: Option<String>,
    picked: Option<String>,
    /// Drafts per `thread/comment`, kept while the page lives.
    drafts: Keyed<String>,
    /// The coach's latest review of the picked comment's draft.
    review: Option<Result<Review, String>>,
    /// The review of the last submission, shown as the score table until "Try again".
    result: Option<Review>,
    progress: Progress,
    /// A lasting message at the top of the page (a corrupt record that was replaced).
    notice: Option<String>,
    confirm_reset: bool,
    demo_url: Option<String>,
    focus_next: Option<String>,
    pending: Option<Timeout>,
    effects: Vec<Effect>,
}

/// The mounted practice page. Dropping it removes its listeners.
pub struct PracticePage {
    state: Rc<RefCell<State>>,
    on_effect: Rc<dyn Fn(Effect)>,
    _listeners: [EventListener; 3],
}

impl PracticePage {
    /// Draws an empty page into `root` (replacing its children) and listens to it. `review` is the
    /// engine's review; `on_effect` receives what the browser must do (it may call back into the
    /// page, but only later: effects are handed over once the page's state is released).
    pub fn mount(
        root: &Element,
        lang: Lang,
        review: Reviewer,
        on_effect: impl Fn(Effect) + 'static,
    ) -> PracticePage {
        let PageFrame { live, content, .. } =
            PageFrame::new(root, "candor-practice", LiveRegion::Below);
        let state = Rc::new(RefCell::new(State {
            words: Words::new(lang),
            root: root.clone(),
            live,
            content,
            reviewer: review,
            filter: None,
            index: Loaded::Loading,
            threads: Keyed::default(),
            open: None,
            picked: None,
            drafts: Keyed::default(),
            review: None,
            result: None,
            progress: Progress::default(),
            notice: None,
            confirm_reset: false,
            demo_url: None,
            focus_next: None,
            pending: None,
            effects: Vec::new(),
        }));
        let on_effect: Rc<dyn Fn(Effect)> = Rc::new(on_effect);
        let click = {
            let state = state.clone();
            let on_effect = on_effect.clone();
            dom::on_action(root, move |control| {
                state.borrow_mut().on_click(control);
                flush(&state, &on_effect);
            })
        };
        let typing = {
            let weak = Rc::downgrade(&state);
            EventListener::new(root, "input", move |event| {
                let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                    return;
                };
                if target.get_attribute("data-role").as_deref() != Some("draft") {
                    return;
                }
                let text = js_sys::Reflect::get(&target, &"value".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let Some(state) = weak.upgrade() else {
                    return;
                };
                let mut s = state.borrow_mut();
                if let Some(key) = s.draft_key() {
                    s.drafts.insert(key, text);
                }
                // The coach reads the draft once typing pauses; a new key press restarts the wait.
                let later = weak.clone();
                s.pending = Some(Timeout::new(DEBOUNCE_MS, move || {
                    // The spent timer stays in `pending` until the next key press replaces it: a
                    // closure must not be dropped while it runs.
                    if let Some(state) = later.upgrade() {
                        state.borrow_mut().review_draft();
                    }
                }));
            })
        };
        let keys = {
            let state = state.clone();
            on_escape(root, move || {
                let mut s = state.borrow_mut();
                // Escape closes the reply box (the draft is kept) and gives focus back to its button.
                if let Some(id) = s.picked.take() {
                    s.pending = None;
                    s.review = None;
                    s.result = None;
                    s.focus_next = Some(format!("pick:{id}"));
                    s.render();
                }
            })
        };
        let page = PracticePage {
            state,
            on_effect,
            _listeners: [click, typing, keys],
        };
        page.state.borrow_mut().render();
        page
    }

    /// The list of practice threads (from `index.json`), or why it could not be read. Each
    /// thread is then fetched, so the list can show the trainee's progress out of its comments.
    pub fn set_index(&self, index: Result<Vec<IndexEntry>, String>) {
        {
            let mut s = self.state.borrow_mut();
            if let Ok(entries) = &index {
                for entry in entries {
                    if !s.threads.contains_key(&entry.id) {
                        s.threads.insert(entry.id.clone(), Loaded::Loading);
                        s.effects.push(Effect::LoadThread(entry.id.clone()));
                    }
                }
            }
            s.index = match index {
                Ok(entries) => Loaded::Ready(entries),
                Err(why) => Loaded::Failed(why),
            };
            s.render();
        }
        flush(&self.state, &self.on_effect);
    }

    /// A thread file arrived (or failed to).
    pub fn thread_loaded(&self, id: &str, thread: Result<PracticeThread, String>) {
        let mut s = self.state.borrow_mut();
        let loaded = match thread {
            Ok(t) if t.id == id => Loaded::Ready(Rc::new(t)),
            Ok(t) => Loaded::Failed(format!("the file says its id is \"{}\"", t.id)),
            Err(why) => Loaded::Failed(why),
        };
        s.threads.insert(id.to_string(), loaded);
        s.render();
    }

    /// The stored progress record: `Ok(None)` when there is none yet; `Err` when it could not be
    /// read — it is then replaced by a fresh one, and the page says so.
    pub fn progress_loaded(&self, stored: Result<Option<Progress>, String>) {
        {
            let mut s = self.state.borrow_mut();
            match stored {
                Ok(progress) => s.progress = progress.unwrap_or_default(),
                Err(why) => {
                    let said = s.words.corrupt(&why);
                    s.progress = Progress::default();
                    let fresh = s.progress.to_json();
                    s.effects.push(Effect::SaveProgress(fresh));
                    s.live.set_text_content(Some(&said));
                    s.notice = Some(said);
                }
            }
            s.render();
        }
        flush(&self.state, &self.on_effect);
    }

    /// Opens a thread by id (from the page's address); the list when it is unknown.
    pub fn open_thread(&self, id: &str) {
        {
            let mut s = self.state.borrow_mut();
            if !s.threads.contains_key(id) {
                s.threads.insert(id.to_string(), Loaded::Loading);
                s.effects.push(Effect::LoadThread(id.to_string()));
            }
            s.open_thread(id);
        }
        flush(&self.state, &self.on_effect);
    }

    /// Offers a link to the demo thread (the run command serves it at a real address).
    pub fn set_demo_url(&self, url: Option<String>) {
        let mut s = self.state.borrow_mut();
        s.demo_url = url;
        s.render();
    }

    /// Reviews the draft now rather than after the typing pause (tests; the pause does the same).
    pub fn review_now(&self) {
        let mut s = self.state.borrow_mut();
        s.pending = None;
        s.review_draft();
    }

    /// Says `text` in the live region (an error of the browser's, a result).
    pub fn announce(&self, text: &str) {
        self.state.borrow().live.set_text_content(Some(text));
    }

    pub fn words(&self) -> Words {
        self.state.borrow().words
    }

    /// The progress record as it stands.
    pub fn progress(&self) -> Progress {
        self.state.borrow().progress.clone()
    }
}

/// A few values by key, in insertion order. A plain list: the page holds a handful, and a map type
/// would add its generic code to the module for nothing.
struct Keyed<T>(Vec<(String, T)>);

impl<T> Default for Keyed<T> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<T> Keyed<T> {
    fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    fn insert(&mut self, key: String, value: T) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.0.push((key, value)),
        }
    }
}

/// Hands the effects gathered while the state was borrowed to the browser.
fn flush(state: &Rc<RefCell<State>>, on_effect: &Rc<dyn Fn(Effect)>) {
    let effects = std::mem::take(&mut state.borrow_mut().effects);
    for effect in effects {
        on_effect(effect);
    }
}

impl State {
    fn thread(&self) -> Option<Rc<PracticeThread>> {
        match self.threads.get(self.open.as_deref()?) {
            Some(Loaded::Ready(t)) => Some(t.clone()),
            _ => None,
        }
    }

    fn draft_key(&self) -> Option<String> {
        Some(format!(
            "{}/{}",
            self.open.as_deref()?,
            self.picked.as_deref()?
        ))
    }

    fn draft(&self) -> String {
        self.draft_key()
            .and_then(|k| self.drafts.get(&k).cloned())
            .unwrap_or_default()
    }

    fn open_thread(&mut self, id: &str) {
        self.open = Some(id.to_string());
        self.picked = None;
        self.review = None;
        self.result = None;
        self.confirm_reset = false;
        self.focus_next = Some("thread-title".into());
        self.effects.push(Effect::Opened(Some(id.to_string())));
        self.render();
    }

    /// Asks the engine about the picked comment's draft (empty: guidance only).
    fn ask(&self, draft: &str) -> Option<Result<Review, String>> {
        let thread = self.thread()?;
        let comment = self.picked.as_deref()?;
        let request = format!(
            r#"{{"thread":{},"comment_id":{},"draft":{},"ui_lang":"{}"}}"#,
            thread.json,
            serde_json::Value::from(comment),
            serde_json::Value::from(draft),
            self.words.code()
        );
        let answer = (self.reviewer)(&request);
        Some(super::view::read_review(&answer))
    }

    /// The debounced review while typing: only the coach's warnings are redrawn, in place, so the
    /// draft keeps its focus and caret.
    fn review_draft(&mut self) {
        let draft = self.draft();
        let Some(review) = self.ask(&draft) else {
            return;
        };
        self.review = Some(review);
        let Some(region) = self
            .content
            .query_selector(".warnings-region")
            .ok()
            .flatten()
        else {
            return;
        };
        let doc = document_of(&self.content);
        region.set_text_content(None);
        fill_warnings(&doc, &region, self.words, &draft, self.review.as_ref());
    }

    fn on_click(&mut self, control: &Element) {
        let data = |name: &str| control.get_attribute(name).unwrap_or_default();
        match data("data-action").as_str() {
            "filter" => {
                self.filter = match data("data-lang").as_str() {
                    "fr" => Some(Lang::Fr),
                    "en" => Some(Lang::En),
                    _ => None,
                };
            }
            "open" => {
                let id = data("data-thread");
                self.open_thread(&id);
                return;
            }
            "back" => {
                let was = self.open.take();
                self.picked = None;
                self.review = None;
                self.result = None;
                self.focus_next = was.map(|id| format!("open:{id}"));
                self.effects.push(Effect::Opened(None));
            }
            "pick" => {
                let id = data("data-comment");
                let picking = self.picked.as_deref() != Some(id.as_str());
                // Clicking the comment itself opens its reply box; only its button closes it.
                if !picking && control.tag_name().eq_ignore_ascii_case("article") {
                    return;
                }
                self.result = None;
                self.pending = None;
                if picking {
                    self.picked = Some(id);
                    let draft = self.draft();
                    self.review = self.ask(&draft);
                    self.focus_next = Some("draft".into());
                } else {
                    self.picked = None;
                    self.review = None;
                    self.focus_next = Some(format!("pick:{id}"));
                }
            }
            "submit" => self.submit(),
            "again" => {
                self.result = None;
                self.focus_next = Some("draft".into());
            }
            "reset" => {
                self.confirm_reset = true;
                self.focus_next = Some("reset-no".into());
            }
            "reset-no" => {
                self.confirm_reset = false;
                self.focus_next = Some("reset".into());
            }
            "reset-yes" => {
                self.confirm_reset = false;
                self.progress = Progress::default();
                self.notice = None;
                self.effects
                    .push(Effect::SaveProgress(self.progress.to_json()));
                self.live.set_text_content(Some(self.words.reset_done()));
                self.focus_next = Some("reset".into());
            }
            _ => return,
        }
        self.render();
    }

    /// Scores the draft, records the attempt and shows the table.
    fn submit(&mut self) {
        self.pending = None;
        let draft = self.draft();
        if draft.trim().is_empty() {
            self.live.set_text_content(Some(self.words.write_first()));
            self.focus_next = Some("draft".into());
            return;
        }
        let (Some(answer), Some(thread), Some(comment)) =
            (self.ask(&draft), self.open.clone(), self.picked.clone())
        else {
            return;
        };
        let review = match answer {
            Ok(review) => review,
            Err(why) => {
                self.live
                    .set_text_content(Some(&self.words.review_failed(&why)));
                self.review = Some(Err(why));
                return;
            }
        };
        if let Some(score) = review.score {
            self.progress.record(Attempt {
                thread,
                comment,
                score,
                at_ms: js_sys::Date::now().max(0.0) as u64,
                rules: {
                    // Inserted one by one: collecting into a map would bring a sort into the module.
                    let mut rules = std::collections::BTreeMap::new();
                    for r in &review.rules {
                        rules.insert(r.rule.clone(), r.score);
                    }
                    rules
                },
            });
            self.effects
                .push(Effect::SaveProgress(self.progress.to_json()));
            self.live.set_text_content(Some(&self.words.scored(score)));
        }
        self.review = Some(Ok(review.clone()));
        self.result = Some(review);
        self.focus_next = Some("result".into());
    }

    fn render(&mut self) {
        let doc = document_of(&self.content);
        let focus_key = self
            .focus_next
            .take()
            .or_else(|| dom::focused_key(&self.content));
        let mut view = View {
            doc: &doc,
            w: self.words,
            focus_key,
            to_focus: None,
        };
        let body = view.el("div", &[("class", "body")]);
        if let Some(notice) = &self.notice {
            append(&body, &view.text("p", &[("class", "notice warn")], notice));
        }
        let thread = self.thread();
        match (&self.open, thread) {
            (Some(_), Some(thread)) => {
                doc.set_title(&format!("{} · Candor", thread.title));
                self.root.set_attribute("data-view", "thread").ok();
                view.thread(&body, self, &thread);
            }
            (Some(id), None) => {
                let said = match self.threads.get(id) {
                    Some(Loaded::Failed(why)) => {
                        self.words.load_failed(&self.words.the_thread(id), why)
                    }
                    _ => self.words.loading().to_string(),
                };
                append(&body, &view.back());
                append(&body, &view.text("p", &[("class", "notice")], &said));
            }
            (None, _) => {
                doc.set_title(&format!("{} · Candor", self.words.page_title()));
                self.root.set_attribute("data-view", "list").ok();
                view.list(&body, self);
            }
        }
        append(
            &body,
            &view.text("p", &[("class", "privacy")], self.words.privacy()),
        );
        self.content.set_text_content(None);
        append(&self.content, &body);
        if let Some(element) = view.to_focus.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            element.focus().ok();
        }
    }
}

/// One redraw: the document, the words, and the element that should get focus back.
struct View<'a> {
    doc: &'a Document,
    w: Words,
    focus_key: Option<String>,
    to_focus: Option<Element>,
}

impl Draw for View<'_> {
    fn doc(&self) -> &Document {
        self.doc
    }
}

impl View<'_> {
    /// Marks `element` as the one to focus when it carries the awaited key.
    fn focusable(&mut self, element: &Element, key: &str) {
        element.set_attribute("data-focus", key).ok();
        if self.focus_key.as_deref() == Some(key) {
            self.to_focus = Some(element.clone());
        }
    }

    /// A button that keeps focus across redraws under `key`.
    fn button(&mut self, key: &str, attributes: &[(&str, &str)], text: &str) -> Element {
        let attributes = [&[("type", "button")], attributes].concat();
        let button = self.text("button", &attributes, text);
        self.focusable(&button, key);
        button
    }

    /// A titled section; its heading names it for assistive technology.
    fn section(&self, parent: &Element, name: &str, level: &str, title: &str) -> Element {
        let heading_id = format!("practice-h-{name}");
        let section = self.el(
            "section",
            &[("class", name), ("aria-labelledby", &heading_id)],
        );
        append(&section, &self.text(level, &[("id", &heading_id)], title));
        append(parent, &section);
        section
    }

    fn back(&mut self) -> Element {
        self.button(
            "back",
            &[("class", "back link"), ("data-action", "back")],
            self.w.back(),
        )
    }

    fn list(&mut self, body: &Element, s: &State) {
        let w = self.w;
        append(body, &self.text("h1", &[], w.page_title()));
        append(body, &self.text("p", &[("class", "intro")], w.intro()));
        if let Some(url) = &s.demo_url {
            let link = self.text(
                "a",
                &[("class", "demo"), ("href", url), ("target", "_blank")],
                w.open_demo(),
            );
            let p = self.el("p", &[]);
            append(&p, &link);
            append(body, &p);
        }

        let section = self.section(body, "threads", "h2", w.threads_heading());
        let filter = self.el(
            "div",
            &[
                ("class", "filter"),
                ("role", "group"),
                ("aria-label", w.filter_label()),
            ],
        );
        append(
            &filter,
            &self.text("span", &[("aria-hidden", "true")], w.filter_label()),
        );
        for (lang, code) in [
            (None, "all"),
            (Some(Lang::Fr), "fr"),
            (Some(Lang::En), "en"),
        ] {
            let pressed = if s.filter == lang { "true" } else { "false" };
            let button = self.button(
                &format!("filter:{code}"),
                &[
                    ("data-action", "filter"),
                    ("data-lang", code),
                    ("aria-pressed", pressed),
                ],
                w.filter_choice(lang),
            );
            append(&filter, &button);
        }
        append(&section, &filter);
        match &s.index {
            Loaded::Loading => append(
                &section,
                &self.text("p", &[("class", "notice")], w.loading()),
            ),
            Loaded::Failed(why) => append(
                &section,
                &self.text(
                    "p",
                    &[("class", "notice warn")],
                    &w.load_failed(w.the_list(), why),
                ),
            ),
            Loaded::Ready(entries) => {
                let shown: Vec<&IndexEntry> = entries
                    .iter()
                    .filter(|e| s.filter.is_none_or(|l| e.lang == l))
                    .collect();
                if shown.is_empty() {
                    append(
                        &section,
                        &self.text("p", &[("class", "empty")], w.no_thread_in_filter()),
                    );
                }
                let list = self.el("ul", &[("class", "thread-list")]);
                for entry in shown {
                    append(&list, &self.thread_item(s, entry));
                }
                append(&section, &list);
            }
        }

        let section = self.section(body, "next", "h2", w.next_heading());
        let weakest = s.progress.weakest_rules(NEXT_RULES);
        if weakest.is_empty() {
            append(
                &section,
                &self.text("p", &[("class", "empty")], w.next_empty()),
            );
        } else {
            let list = self.el("ol", &[("class", "rules")]);
            for (rule, mean) in weakest {
                append(
                    &list,
                    &self.text("li", &[("data-rule", &rule)], &w.next_item(&rule, mean)),
                );
            }
            append(&section, &list);
        }

        let section = self.el("section", &[("class", "reset")]);
        if s.confirm_reset {
            let group = self.el("div", &[("role", "group"), ("class", "confirm")]);
            append(&group, &self.text("p", &[], w.reset_question()));
            let yes = self.button(
                "reset-yes",
                &[("data-action", "reset-yes"), ("class", "danger")],
                w.reset_yes(),
            );
            let no = self.button("reset-no", &[("data-action", "reset-no")], w.reset_no());
            append(&group, &yes);
            append(&group, &no);
            append(&section, &group);
        } else {
            let button = self.button("reset", &[("data-action", "reset")], w.reset());
            append(&section, &button);
        }
        append(body, &section);
    }

    fn thread_item(&mut self, s: &State, entry: &IndexEntry) -> Element {
        let w = self.w;
        let platform = platform_code(entry.platform);
        let item = self.el(
            "li",
            &[
                ("class", &format!("thread-item platform-{platform}")),
                ("data-thread", &entry.id),
                ("data-lang", entry.lang.as_str()),
                ("data-platform", platform),
            ],
        );
        let open = self.button(
            &format!("open:{}", entry.id),
            &[
                ("class", "open-thread"),
                ("data-action", "open"),
                ("data-thread", &entry.id),
            ],
            &entry.title,
        );
        append(&item, &open);
        let meta = format!(
            "{} · {}",
            platform_name(entry.platform),
            w.lang_name(entry.lang)
        );
        append(&item, &self.text("span", &[("class", "meta")], &meta));
        let total = match s.threads.get(&entry.id) {
            Some(Loaded::Ready(t)) => Some(t.answerable()),
            _ => None,
        };
        let (attempted, average) = s
            .progress
            .thread_progress(&entry.id, total.unwrap_or(usize::MAX));
        let best = (attempted > 0).then_some(average);
        let line = match (total, &s.threads.get(&entry.id)) {
            (Some(total), _) => w.thread_progress(attempted, total, best),
            (None, Some(Loaded::Failed(why))) => w.load_failed(&w.the_thread(&entry.id), why),
            (None, _) => w.loading().to_string(),
        };
        let best_text = best.map(|b| b.to_string()).unwrap_or_default();
        append(
            &item,
            &self.text(
                "p",
                &[
                    ("class", "progress"),
                    ("data-attempted", &attempted.to_string()),
                    (
                        "data-total",
                        &total.map(|t| t.to_string()).unwrap_or_default(),
                    ),
                    ("data-best", &best_text),
                ],
                &line,
            ),
        );
        item
    }

    fn thread(&mut self, body: &Element, s: &State, thread: &PracticeThread) {
        let w = self.w;
        let back = self.back();
        append(body, &back);
        let title = self.text("h1", &[("tabindex", "-1")], &thread.title);
        self.focusable(&title, "thread-title");
        append(body, &title);

        let section = self.section(body, "brief", "h2", w.brief_heading());
        append(&section, &self.text("p", &[], &thread.brief));
        append(
            &section,
            &self.text(
                "p",
                &[("class", "as")],
                &w.you_answer_as(&thread.brand_name, thread.platform),
            ),
        );

        let platform = platform_code(thread.platform);
        let section = self.section(body, "thread", "h2", w.thread_heading());
        section
            .set_attribute("class", &format!("thread look-{platform}"))
            .ok();
        section.set_attribute("data-platform", platform).ok();
        section.set_attribute("data-thread", &thread.id).ok();
        section.set_attribute("lang", thread.lang.as_str()).ok();
        append(
            &section,
            &self.text("p", &[("class", "hint")], w.pick_hint()),
        );
        let post = self.el("article", &[("class", "post")]);
        let handle = (!thread.brand_handle.is_empty()).then_some(thread.brand_handle.as_str());
        self.byline(
            &post,
            &thread.post.author,
            handle,
            &thread.post.time,
            thread.platform,
            true,
        );
        append(
            &post,
            &self.text("p", &[("class", "text")], &thread.post.text),
        );
        append(&section, &post);

        let list = self.el("ol", &[("class", "comments")]);
        for (comment, depth) in in_reading_order(&thread.comments) {
            let item = self.comment(s, thread, comment, depth);
            append(&list, &item);
        }
        append(&section, &list);
    }

    /// Avatar, name, handle and time, as the platform sets them.
    fn byline(
        &self,
        into: &Element,
        name: &str,
        handle: Option<&str>,
        time: &str,
        platform: Platform,
        brand: bool,
    ) {
        let avatar = self.text(
            "span",
            &[
                ("class", "avatar"),
                ("aria-hidden", "true"),
                ("style", &format!("--hue: {}", hue(name))),
            ],
            &initials(name),
        );
        append(into, &avatar);
        let head = self.el("p", &[("class", "byline")]);
        append(&head, &self.text("strong", &[("class", "name")], name));
        if brand {
            append(
                &head,
                &self.text("span", &[("class", "brand-badge")], self.w.brand_badge()),
            );
        }
        if let Some(handle) = handle.filter(|_| platform != Platform::Facebook) {
            let shown = match platform {
                Platform::X => format!("@{}", handle.trim_start_matches('@')),
                _ => handle.to_string(),
            };
            append(&head, &self.text("span", &[("class", "handle")], &shown));
        }
        if !time.is_empty() {
            append(
                &head,
                &self.text(
                    "time",
                    &[("class", "time"), ("datetime", time)],
                    &self.w.time(time),
                ),
            );
        }
        space_out(&head);
        append(into, &head);
    }

    fn comment(
        &mut self,
        s: &State,
        thread: &PracticeThread,
        c: &PracticeComment,
        depth: usize,
    ) -> Element {
        let w = self.w;
        let picked = s.picked.as_deref() == Some(c.id.as_str());
        let mut class = format!("comment-item depth-{}", depth.min(1));
        if c.by_brand {
            class.push_str(" by-brand");
        }
        if picked {
            class.push_str(" picked");
        }
        let item = self.el("li", &[("class", &class), ("data-comment", &c.id)]);
        let article = self.el("article", &[("class", "comment")]);
        if !c.by_brand {
            article.set_attribute("data-action", "pick").ok();
            article.set_attribute("data-comment", &c.id).ok();
        }
        let handle = (!c.handle.is_empty()).then_some(c.handle.as_str());
        self.byline(
            &article,
            &c.author,
            handle,
            &c.time,
            thread.platform,
            c.by_brand,
        );
        if let Some(parent) = c.parent_id.as_deref().and_then(|p| thread.comment(p)) {
            if thread.platform == Platform::X && !parent.handle.is_empty() {
                let to = format!("@{}", parent.handle.trim_start_matches('@'));
                append(
                    &article,
                    &self.text("p", &[("class", "replying-to")], &w.in_reply_to(&to)),
                );
            }
        }
        append(&article, &self.text("p", &[("class", "text")], &c.text));
        let actions = self.el("div", &[("class", "actions")]);
        if !c.by_brand {
            let reply_box_id = format!("reply-{}", c.id);
            let mut attributes = vec![
                ("class", "reply-action"),
                ("data-action", "pick"),
                ("data-comment", c.id.as_str()),
                ("aria-expanded", if picked { "true" } else { "false" }),
            ];
            if picked {
                attributes.push(("aria-controls", reply_box_id.as_str()));
            }
            let label = w.reply_to(&c.author);
            attributes.push(("aria-label", &label));
            // The same word open or closed (`aria-expanded` tells which), so the visible label stays
            // part of the accessible name.
            let button = self.button(&format!("pick:{}", c.id), &attributes, w.reply());
            append(&actions, &button);
            if let Some(best) = s.progress.best(&thread.id, &c.id) {
                append(
                    &actions,
                    &self.text(
                        "span",
                        &[("class", "best"), ("data-best", &best.to_string())],
                        &w.best_for_comment(best),
                    ),
                );
            }
        }
        append(&article, &actions);
        append(&item, &article);
        if picked {
            append(&item, &self.reply_box(s, c));
        }
        item
    }

    fn reply_box(&mut self, s: &State, c: &PracticeComment) -> Element {
        let w = self.w;
        let draft = s.draft();
        let reply_box = self.el(
            "div",
            &[("class", "reply-box"), ("id", &format!("reply-{}", c.id))],
        );
        let field_id = format!("draft-{}", c.id);
        append(
            &reply_box,
            &self.text("label", &[("for", &field_id)], &w.draft_label(&c.author)),
        );
        let area = self.el(
            "textarea",
            &[
                ("id", &field_id),
                ("data-role", "draft"),
                ("rows", "4"),
                ("spellcheck", "true"),
                ("lang", s.thread().map_or("", |t| t.lang.as_str())),
            ],
        );
        js_sys::Reflect::set(&area, &"value".into(), &draft.as_str().into()).ok();
        self.focusable(&area, "draft");
        append(&reply_box, &area);

        let coach = self.section(&reply_box, "coach", "h3", w.warnings_heading());
        let region = self.el(
            "div",
            &[("class", "warnings-region"), ("aria-live", "polite")],
        );
        fill_warnings(self.doc, &region, w, &draft, s.review.as_ref());
        append(&coach, &region);

        let buttons = self.el("div", &[("class", "buttons")]);
        let submit = self.button(
            "submit",
            &[("data-action", "submit"), ("class", "primary")],
            w.submit(),
        );
        append(&buttons, &submit);
        append(&reply_box, &buttons);

        if let Some(result) = &s.result {
            self.result(&reply_box, result);
        }

        let guidance = self.section(&reply_box, "guidance", "h3", w.guidance_heading());
        match &s.review {
            Some(Ok(review)) => {
                if !review.action.is_empty() {
                    append(
                        &guidance,
                        &self.text(
                            "p",
                            &[("class", "action"), ("data-action-kind", &review.action)],
                            &w.action_line(&review.action, &review.priority),
                        ),
                    );
                }
                let list = self.el("ol", &[("class", "points")]);
                for point in &review.points {
                    let item = self.el("li", &[("data-rule", &point.rule)]);
                    append(&item, &self.text("span", &[("class", "rule")], &point.rule));
                    append(
                        &item,
                        &self.text("span", &[("class", "point")], &point.text),
                    );
                    if !point.why.is_empty() {
                        append(&item, &self.text("p", &[("class", "why")], &point.why));
                    }
                    space_out(&item);
                    append(&list, &item);
                }
                append(&guidance, &list);
                if let Some(opening) = &review.opening {
                    append(
                        &guidance,
                        &self.text("p", &[("class", "opening")], &w.opening(opening)),
                    );
                }
            }
            Some(Err(why)) => append(
                &guidance,
                &self.text("p", &[("class", "notice warn")], &w.review_failed(why)),
            ),
            None => {}
        }
        reply_box
    }

    fn result(&mut self, into: &Element, review: &Review) {
        let w = self.w;
        let section = self.el(
            "section",
            &[
                ("class", "result"),
                ("aria-labelledby", "practice-h-result"),
            ],
        );
        let heading = self.text(
            "h3",
            &[("id", "practice-h-result"), ("tabindex", "-1")],
            w.result_heading(),
        );
        self.focusable(&heading, "result");
        append(&section, &heading);
        if !review.verdict_text.is_empty() {
            append(
                &section,
                &self.text("p", &[("class", "verdict-text")], &review.verdict_text),
            );
        }
        let table = self.el("table", &[("class", "scores")]);
        append(
            &table,
            &self.text("caption", &[("class", "sr-only")], w.result_heading()),
        );
        let head = self.el("tr", &[]);
        for name in [w.col_rule(), w.col_title(), w.col_score(), w.col_why()] {
            append(&head, &self.text("th", &[("scope", "col")], name));
        }
        let thead = self.el("thead", &[]);
        append(&thead, &head);
        append(&table, &thead);
        let tbody = self.el("tbody", &[]);
        for row in &review.rules {
            let tr = self.el(
                "tr",
                &[
                    ("data-rule", &row.rule),
                    ("data-score", &row.score.to_string()),
                    ("data-max", &row.max.to_string()),
                    ("class", &format!("score-{}", row.score.min(2))),
                ],
            );
            append(
                &tr,
                &self.text("th", &[("scope", "row"), ("class", "rule-id")], &row.rule),
            );
            let title = if row.title.is_empty() {
                w.rule_title(&row.rule).unwrap_or_default()
            } else {
                &row.title
            };
            append(&tr, &self.text("td", &[("class", "title")], title));
            append(
                &tr,
                &self.text(
                    "td",
                    &[("class", "score")],
                    &format!("{}/{}", row.score, row.max),
                ),
            );
            append(&tr, &self.text("td", &[("class", "why")], &row.why));
            append(&tbody, &tr);
        }
        append(&table, &tbody);
        append(&section, &table);
        if let Some(score) = review.score {
            append(
                &section,
                &self.text(
                    "p",
                    &[("class", "total"), ("data-score", &score.to_string())],
                    &w.total(score),
                ),
            );
        }
        append(
            &section,
            &self.text(
                "p",
                &[
                    ("class", "agreement"),
                    ("data-agrees", if review.agrees { "true" } else { "false" }),
                ],
                &w.agreement(review.category, review.expected, review.agrees),
            ),
        );
        if !review.note.is_empty() {
            let note = self.el("div", &[("class", "note")]);
            append(&note, &self.text("h4", &[], w.note_heading()));
            append(&note, &self.text("p", &[], &review.note));
            append(&section, &note);
        }
        let again = self.button("again", &[("data-action", "again")], w.try_again());
        append(&section, &again);
        append(into, &section);
    }
}

/// The coach's warnings on `draft`, into the (persistent) live region.
fn fill_warnings(
    doc: &Document,
    region: &Element,
    w: Words,
    draft: &str,
    review: Option<&Result<Review, String>>,
) {
    let review = match review {
        Some(Ok(review)) => review,
        Some(Err(why)) => {
            let p = el(doc, "p", &[("class", "notice warn")]);
            p.set_text_content(Some(&w.review_failed(why)));
            append(region, &p);
            return;
        }
        None => return,
    };
    let summary = if draft.trim().is_empty() {
        w.start_typing().to_string()
    } else if review.warnings.is_empty() {
        w.no_warning().to_string()
    } else {
        w.warning_count(review.warnings.len())
    };
    let p = el(
        doc,
        "p",
        &[
            ("class", "warning-count"),
            ("data-count", &review.warnings.len().to_string()),
        ],
    );
    p.set_text_content(Some(&summary));
    append(region, &p);
    if review.warnings.is_empty() {
        return;
    }
    let list = el(doc, "ul", &[("class", "warnings")]);
    for warning in &review.warnings {
        let item = el(doc, "li", &[("data-rule", &warning.rule)]);
        let rule = el(doc, "span", &[("class", "rule")]);
        rule.set_text_content(Some(&warning.rule));
        append(&item, &rule);
        let message = el(doc, "span", &[("class", "message")]);
        message.set_text_content(Some(&warning.message));
        append(&item, &message);
        if let Some(words) = quoted(draft, warning) {
            let q = el(doc, "q", &[("class", "quote")]);
            q.set_text_content(Some(&words));
            append(&item, &q);
        }
        space_out(&item);
        append(&list, &item);
    }
    append(region, &list);
}

/// The comments in reading order: each top-level comment followed by its replies (and theirs),
/// with its depth; a reply whose parent is missing stays where it is, at the top level.
pub fn in_reading_order(comments: &[PracticeComment]) -> Vec<(&PracticeComment, usize)> {
    let known = |id: &str| comments.iter().any(|c| c.id == id);
    let mut out: Vec<(&PracticeComment, usize)> = Vec::with_capacity(comments.len());
    fn walk<'a>(
        all: &'a [PracticeComment],
        parent: &str,
        depth: usize,
        out: &mut Vec<(&'a PracticeComment, usize)>,
    ) {
        // The depth bound stops a cycle of parent ids from looping.
        if depth > 8 {
            return;
        }
        for c in all
            .iter()
            .filter(|c| c.parent_id.as_deref() == Some(parent))
        {
            if out.iter().any(|(seen, _)| seen.id == c.id) {
                continue;
            }
            out.push((c, depth));
            walk(all, &c.id, depth + 1, out);
        }
    }
    for c in comments {
        let top = c
            .parent_id
            .as_deref()
            .is_none_or(|p| !known(p) || p == c.id);
        if top && !out.iter().any(|(seen, _)| seen.id == c.id) {
            out.push((c, 0));
            walk(comments, &c.id, 1, &mut out);
        }
    }
    // Whatever a cycle left out still shows.
    for c in comments {
        if !out.iter().any(|(seen, _)| seen.id == c.id) {
            out.push((c, 0));
        }
    }
    out
}

pub fn platform_code(platform: Platform) -> &'static str {
    match platform {
        Platform::X => "x",
        Platform::Facebook => "facebook",
        Platform::Linkedin => "linkedin",
    }
}

/// Up to two initials for an avatar.
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A stable hue for a name's avatar.
fn hue(name: &str) -> u32 {
    name.bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 360
}

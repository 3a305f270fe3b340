//! The side panel's view of one thread, drawn with plain DOM.
//!
//! Owns: turning a thread ([`PanelThread`], see `super::view`) or the reason there is none into the
//! panel's DOM — crisis
//! alert, counts chart that doubles as the category filter, unanswered items with their wait,
//! repeat complainers, the comment list with a category correction menu per item, the report
//! buttons — and turning clicks into [`Action`]s. It touches no browser API beyond the DOM, so a
//! test can mount it on a detached node; `super::browser` carries the actions out.
//!
//! Accessibility: every control is a real `<button>`; the filter and category choices say their
//! state with `aria-pressed`, the correction menus with `aria-expanded`; changes are announced in
//! one persistent polite live region (a region created anew is not announced reliably); focus
//! survives redraws, which happen only when the thread or the panel's own state changed.
//!
//! Speed (a thread of 1,000 comments lists about 1,750 items): a redraw builds the panel's few
//! dozen other elements afresh, then changes the page's only where they differ ([`morph`]), so an
//! unchanged node is never touched (no style or layout work, focus stays); the two long lists are
//! kept from one redraw to the next, and each item whose content did not change (keyed by list and
//! comment id) is kept in its place ([`place_items`]), so new comments cost only their own items.
//! Items off screen skip layout and paint (`content-visibility: auto`). `cargo xtask e2e
//! --panel-bench` measures it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use super::dom::{self as dom, append, document_of, el, space_out, Draw, LiveRegion, PageFrame};
use super::strings::{platform_name, Words};
use super::view::{category, PanelComment, PanelThread};
use crate::classify::Category;
use crate::protocol::{ExportFormat, PageStatus};
use crate::text::Lang;

/// Characters of a comment shown in a list item.
const EXCERPT_CHARS: usize = 140;

/// Lets the browser skip the layout and paint of list items off screen (a long thread lists
/// thousands); the size stands in for an item not laid out yet, then the last one measured.
const ITEM_STYLE: &str = "content-visibility: auto; contain-intrinsic-size: auto 4.5rem";

/// What the panel is asked to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// The background did not answer (or answered an error).
    EngineSilent(String),
    /// The active tab has no thread Candor reads.
    NoThread,
    Thread(Box<PanelThread>),
}

/// Something the person asked for that the browser must carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Send `Correct` to the engine.
    Correct {
        url: String,
        id: String,
        category: Category,
    },
    /// Ask the tab's content script to scroll to the comment (`ScrollToComment`).
    ScrollTo { tab_id: i64, id: String },
    /// Ask the engine for the tab's report: CSV and JSON are offered as files, text is copied.
    Export {
        tab_id: i64,
        format: ExportFormat,
        lang: Lang,
        now_ms: Option<i64>,
    },
    /// Ask the engine for every correction and offer them as a file.
    ExportCorrections,
}

struct State {
    words: Words,
    live: Element,
    content: Element,
    shown: Option<Shown>,
    now_ms: Option<i64>,
    filter: Option<Category>,
    /// The correction menu that is open: `<list>:<comment id>`.
    open_menu: Option<String>,
    /// Where focus goes after the next redraw, when not where it was.
    focus_next: Option<String>,
    /// The summary shown as text when the clipboard refused it.
    copy_box: Option<String>,
    /// The list items drawn for this thread, by `<list>:<comment id>`, with what they show.
    items: HashMap<String, (ItemShape, Element)>,
    /// The long lists, kept across redraws: `w` (waiting) and `c` (comments).
    lists: HashMap<&'static str, Element>,
    /// The thread the kept items belong to.
    items_url: Option<String>,
}

/// Everything a list item shows: an item drawn with the same shape can be kept as it is.
#[derive(Debug, Clone, PartialEq)]
struct ItemShape {
    comment: PanelComment,
    waited: Option<i64>,
    answered: bool,
    open: bool,
}

/// The mounted panel. Dropping it removes its listeners.
pub struct Panel {
    state: Rc<RefCell<State>>,
    _listeners: [EventListener; 2],
}

impl Panel {
    /// Draws an empty panel into `root` (replacing its children) and listens to its clicks and
    /// keys. `on_action` receives what the person asked for; it may call back into the panel.
    pub fn mount(root: &Element, lang: Lang, on_action: impl Fn(Action) + 'static) -> Panel {
        let PageFrame { live, content, .. } =
            PageFrame::new(root, "candor-panel", LiveRegion::Above);
        let state = Rc::new(RefCell::new(State {
            words: Words::new(lang),
            live,
            content,
            shown: None,
            now_ms: None,
            filter: None,
            open_menu: None,
            focus_next: None,
            copy_box: None,
            items: HashMap::new(),
            lists: HashMap::new(),
            items_url: None,
        }));
        let on_action: Rc<dyn Fn(Action)> = Rc::new(on_action);
        let click = {
            let state = state.clone();
            let on_action = on_action.clone();
            dom::on_action(root, move |control| {
                // The state is released before the action runs: the action may call the panel.
                let action = state.borrow_mut().on_click(control);
                if let Some(action) = action {
                    on_action(action);
                }
            })
        };
        let keys = {
            let state = state.clone();
            dom::on_escape(root, move || {
                let mut state = state.borrow_mut();
                if let Some(open) = state.open_menu.take() {
                    state.focus_next = Some(format!("menu:{open}"));
                    state.render();
                }
            })
        };
        let panel = Panel {
            state,
            _listeners: [click, keys],
        };
        panel.state.borrow_mut().render();
        panel
    }

    /// Shows `shown`; redraws only when something visible changed (waits count in minutes).
    /// Answers whether it redrew.
    pub fn show(&self, shown: Shown, now_ms: Option<i64>) -> bool {
        let mut state = self.state.borrow_mut();
        let minute = |ms: Option<i64>| ms.map(|t| t.div_euclid(60_000));
        if state.shown.as_ref() == Some(&shown) && minute(state.now_ms) == minute(now_ms) {
            return false;
        }
        let announce = state.changes_worth_announcing(&shown);
        state.shown = Some(shown);
        state.now_ms = now_ms;
        state.render();
        if let Some(text) = announce {
            state.live.set_text_content(Some(&text));
        }
        true
    }

    /// Says `text` in the live region (a result, an error).
    pub fn announce(&self, text: &str) {
        self.state.borrow().live.set_text_content(Some(text));
    }

    /// Shows the thread summary as selectable text, for when the clipboard refuses it.
    pub fn show_copy_box(&self, text: String) {
        let mut state = self.state.borrow_mut();
        state.copy_box = Some(text);
        state.focus_next = Some("copy-box".into());
        state.render();
    }

    /// The panel's language.
    pub fn words(&self) -> Words {
        self.state.borrow().words
    }
}

impl State {
    fn report(&self) -> Option<&PanelThread> {
        match &self.shown {
            Some(Shown::Thread(report)) => Some(report),
            _ => None,
        }
    }

    /// A crisis (when it starts, or when the panel opens on one) and new comments on the same
    /// thread deserve a word.
    fn changes_worth_announcing(&self, next: &Shown) -> Option<String> {
        let Shown::Thread(after) = next else {
            return None;
        };
        let before = self.report().filter(|b| b.url == after.url);
        if after.summary.crisis && !before.is_some_and(|b| b.summary.crisis) {
            return Some(self.words.crisis_announce().into());
        }
        let added = after.comments.len().saturating_sub(before?.comments.len());
        (added > 0).then(|| self.words.new_comments(added))
    }

    fn on_click(&mut self, control: &Element) -> Option<Action> {
        let data = |name: &str| control.get_attribute(name).unwrap_or_default();
        // A copy, so the panel's state can change while the action is prepared; clicks are rare.
        let report = self.report()?.clone();
        let report = &report;
        let action = match data("data-action").as_str() {
            "filter" => {
                let chosen = category_named(&data("data-category"));
                self.filter = if self.filter == chosen { None } else { chosen };
                None
            }
            "menu" => {
                let key = data("data-key");
                self.open_menu = if self.open_menu.as_deref() == Some(key.as_str()) {
                    None
                } else {
                    Some(key)
                };
                None
            }
            "correct" => {
                let category = category_named(&data("data-category"))?;
                let id = data("data-id");
                let author = report
                    .comments
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.author.clone())
                    .unwrap_or_default();
                self.live
                    .set_text_content(Some(&self.words.corrected(&author, category)));
                if let Some(open) = self.open_menu.take() {
                    self.focus_next = Some(format!("menu:{open}"));
                }
                Some(Action::Correct {
                    url: report.url.clone(),
                    id,
                    category,
                })
            }
            "scroll" => Some(Action::ScrollTo {
                tab_id: report.tab_id,
                id: data("data-id"),
            }),
            action @ ("csv" | "json" | "copy") => Some(Action::Export {
                tab_id: report.tab_id,
                format: match action {
                    "csv" => ExportFormat::Csv,
                    "json" => ExportFormat::Json,
                    _ => ExportFormat::Text,
                },
                lang: self.words.lang,
                now_ms: self.now_ms,
            }),
            "export-corrections" => Some(Action::ExportCorrections),
            _ => None,
        };
        if action.is_none() || matches!(action, Some(Action::Correct { .. })) {
            self.render();
        }
        action
    }

    fn render(&mut self) {
        let doc = document_of(&self.content);
        let focus_key = self
            .focus_next
            .take()
            .or_else(|| dom::focused_key(&self.content));
        // Items are kept only within one thread.
        let url = self.report().map(|r| r.url.clone());
        if url != self.items_url {
            self.items.clear();
            self.items_url = url;
        }
        let mut view = View {
            doc: &doc,
            words: self.words,
            menus: 0,
            kept: std::mem::take(&mut self.items),
            drawn: HashMap::new(),
            lists: Vec::new(),
        };
        let fresh = view.el("div", &[("class", "content")]);
        let body = view.el("div", &[("class", "body")]);
        append(&fresh, &body);
        match &self.shown {
            None => {}
            Some(Shown::EngineSilent(why)) => {
                append(
                    &body,
                    &view.text("p", &[("class", "notice")], &self.words.engine_silent(why)),
                );
            }
            Some(Shown::NoThread) => {
                append(
                    &body,
                    &view.text("p", &[("class", "notice")], self.words.no_thread()),
                );
            }
            Some(Shown::Thread(report)) => view.thread(
                &body,
                report,
                self.filter,
                self.open_menu.as_deref(),
                self.copy_box.as_deref(),
            ),
        }
        append(
            &body,
            &view.text("p", &[("class", "privacy")], self.words.privacy()),
        );
        // The kept lists get their items, then the page takes the new drawing where it differs;
        // a list whose section was drawn anew takes the place of its stand-in.
        for (key, tag, items) in &view.lists {
            let list = self
                .lists
                .entry(key)
                .or_insert_with(|| el(&doc, tag, &list_attributes(key)));
            place_items(list, items);
        }
        morph(&self.content, &fresh);
        for (key, _, _) in &view.lists {
            let list = &self.lists[key];
            if !list.is_connected() {
                if let Ok(Some(stand_in)) = self
                    .content
                    .query_selector(&format!("[data-keep=\"{key}\"]"))
                {
                    stand_in.replace_with_with_node_1(list).ok();
                }
            }
        }
        // Items not drawn this time (a filter hides them) are kept for when they come back.
        let mut items = view.drawn;
        for (key, item) in view.kept {
            items.entry(key).or_insert(item);
        }
        self.items = items;
        if let Some(key) = focus_key {
            dom::focus_key(&self.content, &key);
        }
    }
}

/// One redraw: the document, the words, and the element that should get focus back.
struct View<'a> {
    doc: &'a Document,
    words: Words,
    menus: usize,
    /// The previous redraw's list items, taken when their shape is unchanged…
    kept: HashMap<String, (ItemShape, Element)>,
    /// …and this redraw's.
    drawn: HashMap<String, (ItemShape, Element)>,
    /// The long lists' items, by list: key, tag and items in order.
    lists: Vec<(&'static str, &'static str, Vec<Element>)>,
}

impl Draw for View<'_> {
    fn doc(&self) -> &Document {
        self.doc
    }
}

impl View<'_> {
    /// A button that keeps focus across redraws under `key`.
    fn button(&mut self, key: &str, attributes: &[(&str, &str)], text: &str) -> Element {
        let attributes = [&[("type", "button"), ("data-focus", key)], attributes].concat();
        self.text("button", &attributes, text)
    }

    /// The stand-in for the kept list `key` (`<tag>`), whose items are `items`.
    fn kept_list(&mut self, key: &'static str, tag: &'static str, items: Vec<Element>) -> Element {
        self.lists.push((key, tag, items));
        self.el(tag, &list_attributes(key))
    }

    fn thread(
        &mut self,
        body: &Element,
        report: &PanelThread,
        filter: Option<Category>,
        open_menu: Option<&str>,
        copy_box: Option<&str>,
    ) {
        let w = self.words;
        let place = format!(
            "{} · {}",
            report.platform.map_or("?", platform_name),
            report.url
        );
        append(body, &self.text("p", &[("class", "where")], &place));
        if report.status == PageStatus::Unreadable {
            let reason = report.reason.as_deref().unwrap_or("?");
            append(
                body,
                &self.text("p", &[("class", "notice warn")], &w.unreadable(reason)),
            );
            return;
        }
        let s = &report.summary;
        if report.comments.is_empty() {
            append(
                body,
                &self.text("p", &[("class", "notice")], w.no_comment_yet()),
            );
            return;
        }
        append(
            body,
            &self.text(
                "p",
                &[("class", "totals")],
                &w.totals(s.total, s.brand_comments),
            ),
        );

        if s.crisis {
            let section = self.section(body, "crisis", w.crisis_heading());
            let minutes = s.surge.window_minutes;
            append(
                &section,
                &self.text(
                    "p",
                    &[],
                    &w.crisis_body(s.surge.complaints, minutes, s.surge.share),
                ),
            );
            append(
                &section,
                &self.text("p", &[("class", "advice")], w.crisis_advice()),
            );
        }

        // The chart is the filter: one pressed button per category, its bar the category's share.
        let section = self.section(body, "counts", w.counts_heading());
        append(
            &section,
            &self.text("p", &[("class", "hint")], w.filter_hint()),
        );
        let chart = self.el("ul", &[("class", "chart")]);
        for category in Category::ALL {
            let n = s.counts.get(&category).copied().unwrap_or(0);
            let share = if s.total == 0 {
                0.0
            } else {
                n as f32 * 100.0 / s.total as f32
            };
            let pressed = if filter == Some(category) {
                "true"
            } else {
                "false"
            };
            let button = self.button(
                &format!("filter:{}", category.as_str()),
                &[
                    ("class", &format!("bar-row cat-{}", category.as_str())),
                    ("data-action", "filter"),
                    ("data-category", category.as_str()),
                    ("aria-pressed", pressed),
                ],
                "",
            );
            append(
                &button,
                &self.text("span", &[("class", "label")], w.category(category)),
            );
            let bar = self.el("span", &[("class", "bar"), ("aria-hidden", "true")]);
            let fill = self.el(
                "span",
                &[
                    ("class", "fill"),
                    ("style", &format!("inline-size: {share:.1}%")),
                ],
            );
            append(&bar, &fill);
            append(&button, &bar);
            append(
                &button,
                &self.text("span", &[("class", "count")], &n.to_string()),
            );
            let item = self.el("li", &[]);
            append(&item, &button);
            append(&chart, &item);
        }
        append(&section, &chart);
        append(
            &section,
            &self.text(
                "p",
                &[("class", "ratio")],
                &w.ratio(s.praise_complaint_ratio),
            ),
        );

        let section = self.section(body, "waiting", &w.waiting_heading(s.waiting.len()));
        if s.waiting.is_empty() {
            append(
                &section,
                &self.text("p", &[("class", "empty")], w.nothing_waiting()),
            );
        } else {
            append(
                &section,
                &self.text("p", &[("class", "hint")], w.waiting_hint()),
            );
            let by_id: HashMap<&str, &PanelComment> =
                report.comments.iter().map(|c| (c.id.as_str(), c)).collect();
            let mut items = Vec::new();
            for (id, waited_minutes) in &s.waiting {
                if let Some(c) = by_id.get(id.as_str()) {
                    items.push(self.item("w", c, *waited_minutes, false, open_menu));
                }
            }
            let list = self.kept_list("w", "ol", items);
            append(&section, &list);
        }

        if !s.repeat_complaints.is_empty() {
            let section = self.section(body, "repeat", w.repeat_heading());
            let list = self.el("ul", &[("class", "people")]);
            for (author, complaints) in &s.repeat_complaints {
                append(
                    &list,
                    &self.text("li", &[], &w.repeat_item(author, *complaints)),
                );
            }
            append(&section, &list);
            append(
                &section,
                &self.text("p", &[("class", "hint")], w.repeat_hint()),
            );
        }

        let section = self.section(body, "comments", w.comments_heading());
        let shown: Vec<&PanelComment> = report
            .comments
            .iter()
            .filter(|c| filter.is_none_or(|f| !c.by_brand && c.category == f))
            .collect();
        let bar = self.el("p", &[("class", "showing")]);
        append(
            &bar,
            &self.text("span", &[], &w.showing(filter, shown.len())),
        );
        if filter.is_some() {
            let all = self.button(
                "filter:",
                &[
                    ("data-action", "filter"),
                    ("data-category", ""),
                    ("class", "link"),
                ],
                w.all(),
            );
            append(&bar, &all);
        }
        append(&section, &bar);
        if shown.is_empty() {
            append(
                &section,
                &self.text("p", &[("class", "empty")], w.none_in_category()),
            );
        } else {
            let answered: std::collections::HashSet<&str> =
                s.answered.iter().map(String::as_str).collect();
            let items = shown
                .into_iter()
                .map(|c| self.item("c", c, None, answered.contains(c.id.as_str()), open_menu))
                .collect();
            let list = self.kept_list("c", "ul", items);
            append(&section, &list);
        }

        let section = self.section(body, "reports", w.reports_heading());
        append(
            &section,
            &self.text("p", &[("class", "hint")], w.reports_hint()),
        );
        let buttons = self.el("div", &[("class", "buttons")]);
        for (action, label) in [
            ("csv", w.download_csv()),
            ("json", w.download_json()),
            ("copy", w.copy_summary()),
            ("export-corrections", w.export_corrections()),
        ] {
            let button = self.button(action, &[("data-action", action)], label);
            append(&buttons, &button);
        }
        append(&section, &buttons);
        if let Some(text) = copy_box {
            let area = self.el(
                "textarea",
                &[
                    ("readonly", ""),
                    ("rows", "12"),
                    ("aria-label", w.summary_box()),
                    ("data-focus", "copy-box"),
                ],
            );
            area.set_text_content(Some(text));
            append(&section, &area);
        }
    }

    /// A titled section; its heading names it for assistive technology.
    fn section(&mut self, body: &Element, name: &str, title: &str) -> Element {
        let heading_id = format!("candor-h-{name}");
        let section = self.el(
            "section",
            &[
                ("class", name),
                ("data-section", name),
                ("aria-labelledby", &heading_id),
            ],
        );
        append(&section, &self.text("h2", &[("id", &heading_id)], title));
        append(body, &section);
        section
    }

    /// One comment: a button that shows it on the page, its badges, and (for the audience's
    /// comments) a menu to correct its category. `list` keeps keys apart when a comment is listed twice.
    fn item(
        &mut self,
        list: &str,
        c: &PanelComment,
        waited: Option<i64>,
        answered: bool,
        open_menu: Option<&str>,
    ) -> Element {
        let key = format!("{list}:{}", c.id);
        let shape = ItemShape {
            comment: c.clone(),
            waited,
            answered,
            open: open_menu == Some(key.as_str()),
        };
        let element = match self.kept.remove(&key) {
            Some((before, element)) if before == shape => {
                if !c.by_brand {
                    // Keeps the menus' ids as they are when every item is drawn.
                    self.menus += 1;
                }
                element
            }
            _ => self.build_item(list, &shape),
        };
        // A comment listed twice under one key keeps its first element.
        self.drawn
            .entry(key)
            .or_insert_with(|| (shape, element.clone()));
        element
    }

    /// Draws the item `shape` describes, in list `list`.
    fn build_item(&mut self, list: &str, shape: &ItemShape) -> Element {
        let w = self.words;
        let c = &shape.comment;
        let id = c.id.as_str();
        let key = format!("{list}:{id}");
        let category = c.category;
        let item = self.el(
            "li",
            &[("class", "item"), ("data-id", id), ("style", ITEM_STYLE)],
        );
        let excerpt = excerpt(&c.text);
        let main = self.button(
            &format!("scroll:{key}"),
            &[
                ("class", "item-main"),
                ("data-action", "scroll"),
                ("data-id", id),
            ],
            "",
        );
        let meta = self.el("span", &[("class", "meta")]);
        append(
            &meta,
            &self.text("strong", &[("class", "author")], &c.author),
        );
        if c.by_brand {
            append(
                &meta,
                &self.text("span", &[("class", "badge brand")], w.brand()),
            );
        } else {
            let badge_class = format!("badge cat-{}", category.as_str());
            append(
                &meta,
                &self.text("span", &[("class", &badge_class)], w.category(category)),
            );
        }
        if let Some(original) = c.corrected_from {
            append(
                &meta,
                &self.text(
                    "span",
                    &[("class", "corrected")],
                    &w.corrected_from(original),
                ),
            );
        }
        if shape.answered {
            append(
                &meta,
                &self.text("span", &[("class", "answered")], w.answered()),
            );
        }
        if let Some(minutes) = shape.waited {
            append(
                &meta,
                &self.text("span", &[("class", "wait")], &w.wait(minutes)),
            );
        }
        append(&main, &meta);
        append(&main, &self.text("span", &[("class", "excerpt")], &excerpt));
        // The button's name is what it shows (author, badges, wait, text) plus what it does; spaces
        // keep its words apart when a screen reader joins the spans.
        append(
            &main,
            &self.text("span", &[("class", "sr-only")], w.show_on_page()),
        );
        space_out(&meta);
        space_out(&main);
        append(&item, &main);
        if c.by_brand {
            return item;
        }
        let open = shape.open;
        let menu_id = format!("candor-menu-{}", self.menus);
        self.menus += 1;
        let mut opener_attributes = vec![
            ("class", "correct-open"),
            ("data-action", "menu"),
            ("data-key", key.as_str()),
            ("aria-expanded", if open { "true" } else { "false" }),
        ];
        if open {
            opener_attributes.push(("aria-controls", menu_id.as_str()));
        }
        let opener = self.button(
            &format!("menu:{key}"),
            &opener_attributes,
            w.change_category(),
        );
        append(&item, &opener);
        if open {
            let menu = self.el(
                "div",
                &[
                    ("class", "menu"),
                    ("id", &menu_id),
                    ("role", "group"),
                    ("aria-label", &w.new_category_for(&c.author)),
                ],
            );
            for choice in Category::ALL {
                let pressed = if choice == category { "true" } else { "false" };
                let button = self.button(
                    &format!("correct:{key}:{}", choice.as_str()),
                    &[
                        ("data-action", "correct"),
                        ("data-id", id),
                        ("data-category", choice.as_str()),
                        ("aria-pressed", pressed),
                        ("class", &format!("choice cat-{}", choice.as_str())),
                    ],
                    w.category(choice),
                );
                append(&menu, &button);
            }
            append(&item, &menu);
        }
        item
    }
}

/// The attributes of the kept list `key` and of its stand-in.
fn list_attributes(key: &str) -> [(&'static str, &str); 2] {
    [("class", "items"), ("data-keep", key)]
}

/// Attributes that say two elements are the same control, section or item: when one differs, the
/// old element is replaced rather than changed.
const IDENTITY: [&str; 4] = ["data-section", "data-id", "data-focus", "data-keep"];

/// Makes `old` (in the page) show what `new` (just built, detached) shows: nodes that match keep
/// their place and only their differences are written; the others are replaced by `new`'s. The
/// kept lists (`data-keep`) are left alone: [`place_items`] orders their items.
fn morph(old: &Element, new: &Element) {
    let names = new.get_attribute_names();
    for name in names.iter().filter_map(|n| n.as_string()) {
        let value = new.get_attribute(&name);
        if old.get_attribute(&name) != value {
            old.set_attribute(&name, value.as_deref().unwrap_or_default())
                .ok();
        }
    }
    for name in old
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
    {
        if !new.has_attribute(&name) {
            old.remove_attribute(&name).ok();
        }
    }
    let mut old_child = old.first_child();
    let mut new_child = new.first_child();
    while let Some(fresh) = new_child {
        // Read before `fresh` may move into `old`.
        new_child = fresh.next_sibling();
        match old_child {
            Some(current) => {
                old_child = current.next_sibling();
                if !patch(&current, &fresh) {
                    old.replace_child(&fresh, &current).ok();
                }
            }
            None => {
                old.append_child(&fresh).ok();
            }
        }
    }
    while let Some(extra) = old_child {
        old_child = extra.next_sibling();
        old.remove_child(&extra).ok();
    }
}

/// Brings `old` to what `new` shows when they are the same kind of node; false when they are not.
fn patch(old: &Node, new: &Node) -> bool {
    match (old.node_type(), new.node_type()) {
        (Node::TEXT_NODE, Node::TEXT_NODE) => {
            let text = new.node_value();
            if old.node_value() != text {
                old.set_node_value(text.as_deref());
            }
            true
        }
        (Node::ELEMENT_NODE, Node::ELEMENT_NODE) => {
            let (old, new) = (
                old.unchecked_ref::<Element>(),
                new.unchecked_ref::<Element>(),
            );
            if old.tag_name() != new.tag_name()
                || IDENTITY
                    .iter()
                    .any(|name| old.get_attribute(name) != new.get_attribute(name))
            {
                return false;
            }
            if !new.has_attribute("data-keep") {
                morph(old, new);
            }
            true
        }
        _ => false,
    }
}

/// Gives the kept list `list` exactly `items`, in order, moving as little as possible: an item
/// already in place is not touched, so appended comments cost only their own items.
fn place_items(list: &Element, items: &[Element]) {
    let wanted: HashMap<String, &Element> = items
        .iter()
        .filter_map(|item| Some((item.get_attribute("data-id")?, item)))
        .collect();
    let mut child = list.first_element_child();
    while let Some(current) = child {
        child = current.next_element_sibling();
        let stays = current
            .get_attribute("data-id")
            .and_then(|id| wanted.get(&id))
            .is_some_and(|item| **item == current);
        if !stays {
            current.remove();
        }
    }
    let mut cursor = list.first_element_child();
    for item in items {
        match &cursor {
            Some(current) if current == item => cursor = current.next_element_sibling(),
            _ => {
                list.insert_before(item, cursor.as_ref().map(|c| c.as_ref()))
                    .ok();
            }
        }
    }
}

fn category_named(name: &str) -> Option<Category> {
    category(&serde_json::Value::from(name))
}

/// The start of a comment on one line.
fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn doc() -> Document {
        web_sys::window().unwrap().document().unwrap()
    }

    /// A detached `<ul>` of `<li data-id>` items.
    fn list_of(ids: &[&str]) -> (Element, Vec<Element>) {
        let doc = doc();
        let list = el(&doc, "ul", &[]);
        let items: Vec<Element> = ids
            .iter()
            .map(|id| el(&doc, "li", &[("data-id", id)]))
            .collect();
        for item in &items {
            append(&list, item);
        }
        (list, items)
    }

    fn ids_of(list: &Element) -> Vec<String> {
        let mut out = Vec::new();
        let mut child = list.first_element_child();
        while let Some(c) = child {
            out.push(c.get_attribute("data-id").unwrap_or_default());
            child = c.next_element_sibling();
        }
        out
    }

    #[wasm_bindgen_test]
    fn items_are_placed_in_order_and_the_ones_kept_are_the_same_nodes() {
        // (items in the list, wanted: an existing item by index or a new id)
        type Wanted<'a> = &'a [Result<usize, &'a str>];
        let cases: [(&[&str], Wanted); 4] = [
            (&["a", "b"], &[Ok(0), Ok(1), Err("c")]),
            (&["a", "b", "c"], &[Ok(0), Ok(2)]),
            (&["a", "b", "c"], &[Ok(2), Ok(0), Err("d")]),
            (&["a"], &[]),
        ];
        for (before, wanted) in cases {
            let (list, items) = list_of(before);
            let wanted: Vec<Element> = wanted
                .iter()
                .map(|w| match w {
                    Ok(i) => items[*i].clone(),
                    Err(id) => el(&doc(), "li", &[("data-id", id)]),
                })
                .collect();
            place_items(&list, &wanted);
            let want_ids: Vec<String> = wanted
                .iter()
                .map(|e| e.get_attribute("data-id").unwrap())
                .collect();
            assert_eq!(ids_of(&list), want_ids, "{before:?}");
            let mut child = list.first_element_child();
            for w in &wanted {
                assert_eq!(child.as_ref(), Some(w), "{before:?}: the very node");
                child = child.and_then(|c| c.next_element_sibling());
            }
        }
    }

    #[wasm_bindgen_test]
    fn morph_keeps_matching_nodes_and_replaces_the_rest() {
        let doc = doc();
        let old = el(&doc, "div", &[("class", "a")]);
        let kept = el(&doc, "p", &[("data-focus", "x"), ("title", "old")]);
        kept.set_text_content(Some("before"));
        let swapped = el(&doc, "span", &[]);
        let gone = el(&doc, "em", &[]);
        for child in [&kept, &swapped, &gone] {
            append(&old, child);
        }

        let new = el(&doc, "div", &[("class", "b")]);
        let p = el(&doc, "p", &[("data-focus", "x")]);
        p.set_text_content(Some("after"));
        append(&new, &p);
        append(&new, &el(&doc, "b", &[]));
        morph(&old, &new);

        assert_eq!(old.get_attribute("class").as_deref(), Some("b"));
        assert_eq!(old.first_element_child().as_ref(), Some(&kept));
        assert_eq!(kept.text_content().as_deref(), Some("after"));
        assert!(!kept.has_attribute("title"));
        assert!(!swapped.is_connected() && swapped.parent_node().is_none());
        assert!(gone.parent_node().is_none());
        assert_eq!(old.child_element_count(), 2);
        assert_eq!(old.last_element_child().unwrap().tag_name(), "B");

        // Another identity is another element: the old one is replaced, not changed.
        let other = el(&doc, "div", &[]);
        append(&other, &el(&doc, "p", &[("data-focus", "y")]));
        morph(&old, &other);
        assert!(kept.parent_node().is_none());
        assert_eq!(
            old.first_element_child()
                .and_then(|e| e.get_attribute("data-focus"))
                .as_deref(),
            Some("y")
        );
    }
}

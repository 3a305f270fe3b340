//! The side panel's rendering, run in headless Chromium by wasm-bindgen-test: the panel is mounted on
//! a node of a document fragment (or of the page, where focus matters), given a thread report, and
//! its DOM is checked — counts, unanswered list, repeat complainers, filter, correction menu, the
//! actions its buttons ask for, and what it says when there is no thread.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use candor::classify::Category;
use candor::protocol::{ExportFormat, PageStatus, ReportedComment, ThreadReport};
use candor::text::Lang;
use candor::thread::summary::{summarize, CrisisThresholds};
use candor::thread::Platform;
use candor::web::ui::panel::{Action, Panel, Shown};
use candor::web::ui::thread_of_tab;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use common::{all, attr, click, focused, mount_root, one, press, text};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// 2026-03-10T12:00:00Z
const NOW: i64 = 1_773_144_000_000;
const URL: &str = "https://x.com/acme/status/1790000000000000001";

/// A report of `comments` (comment fields plus `category`, maybe `corrected_from`), summarised.
fn report(comments: Value) -> ThreadReport {
    let comments: Vec<ReportedComment> = comments
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let mut c = c.clone();
            let fields = c.as_object_mut().unwrap();
            fields.entry("flags").or_insert(json!([]));
            fields.entry("confidence").or_insert(json!(0.8));
            fields.entry("lang").or_insert(json!("en"));
            fields.entry("cues").or_insert(json!([]));
            serde_json::from_value(c).unwrap()
        })
        .collect();
    let judged: Vec<_> = comments.iter().map(ReportedComment::judged).collect();
    ThreadReport {
        tab_id: 4,
        url: URL.into(),
        platform: Some(Platform::X),
        status: PageStatus::Reading,
        reason: None,
        summary: summarize(&judged, Some(NOW), &CrisisThresholds::default()),
        comments,
    }
}

/// What the panel shows for `report`, read from the engine's JSON the way the panel reads it.
fn shown(report: ThreadReport) -> Shown {
    let reply = json!({"type": "Threads", "threads": [report], "errors": []});
    thread_of_tab(reply, Some(4)).unwrap()
}

#[wasm_bindgen_test]
fn the_active_tabs_thread_is_picked_from_the_answer() {
    let reply = json!({"type": "Threads", "threads": [report(thread())], "errors": []});
    assert!(
        matches!(thread_of_tab(reply.clone(), Some(4)), Ok(Shown::Thread(t)) if t.comments.len() == 7)
    );
    assert_eq!(thread_of_tab(reply.clone(), Some(5)), Ok(Shown::NoThread));
    assert_eq!(thread_of_tab(reply, None), Ok(Shown::NoThread));
    let refused = json!({"type": "Error", "code": "bad_message", "message": "nope"});
    assert_eq!(thread_of_tab(refused, Some(4)), Err("nope".to_string()));
    assert!(thread_of_tab(
        json!({"type": "Threads", "threads": [{"tab_id": 4}]}),
        Some(4)
    )
    .is_err());
    assert!(thread_of_tab(json!(null), Some(4)).is_err());
}

fn thread() -> Value {
    json!([
        {"id": "1", "author": "Ann", "text": "Third outage this week.", "time": "2026-03-10T11:00:00Z", "category": "complaint"},
        {"id": "2", "author": "Bo", "text": "Is the shop open on Sunday?", "time": "2026-03-10T11:30:00Z", "category": "question"},
        {"id": "3", "author": "Acme", "text": "Yes Bo, from 10am.", "parent_id": "2", "depth": 1, "by_brand": true, "category": "neutral"},
        {"id": "4", "author": "Ann", "text": "Still down.", "time": "2026-03-10T11:50:00Z", "category": "complaint"},
        {"id": "5", "author": "Cy", "text": "Love the new app", "category": "praise"},
        {"id": "6", "author": "Di", "text": "<img src=x onerror=alert(1)> cheap pills", "category": "spam"},
        {"id": "7", "author": "Eve", "text": "My invoice is wrong", "time": "2026-03-10T11:40:00Z", "category": "complaint", "corrected_from": "neutral"}
    ])
}

struct Mounted {
    root: Element,
    panel: Panel,
    actions: Rc<RefCell<Vec<Action>>>,
}

/// Mounts a panel on a `<div>` inside a document fragment, or inside the page's body.
fn mount(lang: Lang, in_page: bool) -> Mounted {
    let root = mount_root(in_page);
    let actions = Rc::new(RefCell::new(Vec::new()));
    let sink = actions.clone();
    let panel = Panel::mount(&root, lang, move |a| sink.borrow_mut().push(a));
    Mounted {
        root,
        panel,
        actions,
    }
}

fn ids(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .filter_map(|e| e.get_attribute("data-id"))
        .collect()
}

#[wasm_bindgen_test]
fn counts_waiting_items_and_repeat_complainers() {
    let m = mount(Lang::En, false);
    m.panel.show(shown(report(thread())), Some(NOW));
    let counts = [
        ("complaint", "3"),
        ("question", "1"),
        ("praise", "1"),
        ("troll", "0"),
        ("spam", "1"),
        ("neutral", "0"),
    ];
    for (category, n) in counts {
        let selector = format!(".chart [data-category=\"{category}\"] .count");
        assert_eq!(text(&m.root, &selector), n, "{category}");
    }
    // Bars show each category's share of the audience's six comments.
    assert_eq!(
        attr(&m.root, "[data-category=\"complaint\"] .fill", "style").as_deref(),
        Some("inline-size: 50.0%")
    );
    assert!(text(&m.root, ".totals").starts_with("6 comment(s) from the audience, 1 "));
    assert_eq!(text(&m.root, ".ratio"), "Praise per complaint: 0.3 (P17)");

    // Longest wait first; the answered question and the brand's reply are not there.
    assert_eq!(
        ids(&m.root, "[data-section=\"waiting\"] li.item"),
        ["1", "7", "4"]
    );
    assert_eq!(
        text(&m.root, "#candor-h-waiting"),
        "Waiting for the brand's answer (3)"
    );
    assert_eq!(
        text(&m.root, "[data-section=\"waiting\"] li.item .wait"),
        "waiting 1 h 00"
    );
    // A screen reader hears the whole item, then what its button does.
    assert_eq!(
        text(&m.root, "[data-section=\"waiting\"] li.item .item-main"),
        "Ann Complaint waiting 1 h 00 Third outage this week. Show it on the page."
    );
    assert_eq!(
        text(
            &m.root,
            "[data-section=\"waiting\"] li[data-id=\"7\"] .corrected"
        ),
        "corrected, was: Neutral"
    );
    assert_eq!(
        text(&m.root, "[data-section=\"repeat\"] li"),
        "Ann: 2 complaints"
    );
    assert!(all(&m.root, "[data-section=\"crisis\"]").is_empty());
    // Comment text is text: markup in a comment never becomes an element.
    assert!(all(&m.root, "img").is_empty());
    assert!(text(
        &m.root,
        "[data-section=\"comments\"] li[data-id=\"6\"] .excerpt"
    )
    .starts_with("<img src=x"));
}

#[wasm_bindgen_test]
fn the_chart_filters_the_comment_list() {
    let m = mount(Lang::En, false);
    m.panel.show(shown(report(thread())), Some(NOW));
    let listed = |root: &Element| ids(root, "[data-section=\"comments\"] li.item");
    assert_eq!(listed(&m.root), ["1", "2", "3", "4", "5", "6", "7"]);

    click(&m.root, ".chart [data-category=\"complaint\"]");
    assert_eq!(listed(&m.root), ["1", "4", "7"]);
    assert_eq!(
        attr(
            &m.root,
            ".chart [data-category=\"complaint\"]",
            "aria-pressed"
        )
        .as_deref(),
        Some("true")
    );
    assert_eq!(text(&m.root, ".showing span"), "Showing: Complaint (3)");

    click(&m.root, ".chart [data-category=\"troll\"]");
    assert!(listed(&m.root).is_empty());
    assert_eq!(
        text(&m.root, "[data-section=\"comments\"] .empty"),
        "No comment in this category."
    );

    // "All" and a second press of the same category both clear the filter.
    click(&m.root, ".showing button");
    assert_eq!(listed(&m.root).len(), 7);
    click(&m.root, ".chart [data-category=\"question\"]");
    assert_eq!(listed(&m.root), ["2"]);
    click(&m.root, ".chart [data-category=\"question\"]");
    assert_eq!(listed(&m.root).len(), 7);
    // Filtering is the panel's own business: nothing asked of the browser.
    assert!(m.actions.borrow().is_empty());
}

#[wasm_bindgen_test]
fn each_item_can_be_corrected_and_shown_on_the_page() {
    let m = mount(Lang::En, false);
    m.panel.show(shown(report(thread())), Some(NOW));
    let item = "[data-section=\"comments\"] li[data-id=\"5\"]";
    let opener = format!("{item} .correct-open");
    assert_eq!(
        attr(&m.root, &opener, "aria-expanded").as_deref(),
        Some("false")
    );
    // The brand's own comment has nothing to correct.
    assert!(all(
        &m.root,
        "[data-section=\"comments\"] li[data-id=\"3\"] .correct-open"
    )
    .is_empty());

    click(&m.root, &opener);
    assert_eq!(
        attr(&m.root, &opener, "aria-expanded").as_deref(),
        Some("true")
    );
    let choices = all(&m.root, &format!("{item} .menu button"));
    assert_eq!(choices.len(), 6);
    let pressed: Vec<String> = choices
        .iter()
        .filter(|b| b.get_attribute("aria-pressed").as_deref() == Some("true"))
        .filter_map(|b| b.get_attribute("data-category"))
        .collect();
    assert_eq!(pressed, ["praise"]);
    // Only the menu that was opened is open (the same comment is not listed twice here, but Ann's is).
    assert_eq!(all(&m.root, ".menu").len(), 1);

    click(&m.root, &format!("{item} .menu [data-category=\"troll\"]"));
    assert!(all(&m.root, ".menu").is_empty());
    assert_eq!(text(&m.root, ".live"), "Cy's comment is now: Troll.");

    click(
        &m.root,
        "[data-section=\"waiting\"] li[data-id=\"1\"] .item-main",
    );
    assert_eq!(
        *m.actions.borrow(),
        [
            Action::Correct {
                url: URL.into(),
                id: "5".into(),
                category: Category::Troll
            },
            Action::ScrollTo {
                tab_id: 4,
                id: "1".into()
            },
        ]
    );
}

#[wasm_bindgen_test]
fn escape_closes_the_open_menu() {
    let m = mount(Lang::En, false);
    m.panel.show(shown(report(thread())), Some(NOW));
    click(
        &m.root,
        "[data-section=\"waiting\"] li[data-id=\"1\"] .correct-open",
    );
    assert_eq!(all(&m.root, ".menu").len(), 1);
    // Another key leaves the menu open, through the next redraw too.
    press(&one(&m.root, ".menu button"), "Tab");
    m.panel.show(shown(report(thread())), Some(NOW + 60_000));
    assert_eq!(all(&m.root, ".menu").len(), 1);
    press(&one(&m.root, ".menu button"), "Escape");
    assert!(all(&m.root, ".menu").is_empty());
}

#[wasm_bindgen_test]
fn report_buttons_ask_for_files_and_the_clipboard() {
    let m = mount(Lang::Fr, false);
    m.panel.show(shown(report(thread())), Some(NOW));
    click(&m.root, "[data-action=\"csv\"]");
    click(&m.root, "[data-action=\"copy\"]");
    click(&m.root, "[data-action=\"export-corrections\"]");
    // The panel asks; the engine writes the reports (native tests in thread/export.rs).
    let export = |format| Action::Export {
        tab_id: 4,
        format,
        lang: Lang::Fr,
        now_ms: Some(NOW),
    };
    assert_eq!(
        *m.actions.borrow(),
        [
            export(ExportFormat::Csv),
            export(ExportFormat::Text),
            Action::ExportCorrections
        ]
    );
    assert_eq!(
        text(&m.root, "#candor-h-reports"),
        "Rapports pour la marque"
    );
}

#[wasm_bindgen_test]
fn says_why_there_is_nothing_to_show() {
    let m = mount(Lang::Fr, false);
    m.panel.show(Shown::NoThread, Some(NOW));
    assert!(text(&m.root, ".notice").starts_with("Ouvrez une publication Facebook, X ou LinkedIn"));

    m.panel
        .show(Shown::EngineSilent("timeout".into()), Some(NOW));
    assert_eq!(
        text(&m.root, ".notice"),
        "Le moteur de Candor n'a pas répondu : timeout"
    );

    let mut unreadable = report(json!([]));
    unreadable.status = PageStatus::Unreadable;
    unreadable.reason = Some("the comment list was not found".into());
    m.panel.show(shown(unreadable), Some(NOW));
    assert!(text(&m.root, ".notice.warn").contains("the comment list was not found"));
    assert!(all(&m.root, ".chart").is_empty());

    m.panel.show(shown(report(json!([]))), Some(NOW));
    assert_eq!(
        text(&m.root, ".notice"),
        "Candor lit ce fil ; aucun commentaire trouvé pour l'instant."
    );
}

#[wasm_bindgen_test]
fn a_surge_of_complaints_raises_the_crisis_alert_and_is_announced() {
    let m = mount(Lang::En, false);
    let calm = report(thread());
    m.panel.show(shown(calm), Some(NOW));
    assert!(all(&m.root, "[data-section=\"crisis\"]").is_empty());

    let mut surge = thread();
    for i in 0..4 {
        surge.as_array_mut().unwrap().push(json!({
            "id": format!("s{i}"), "author": format!("P{i}"), "text": "Down again",
            "time": format!("2026-03-10T11:5{i}:00Z"), "category": "complaint"
        }));
    }
    let surge_again = surge.clone();
    m.panel.show(shown(report(surge)), Some(NOW));
    let crisis = text(&m.root, "[data-section=\"crisis\"]");
    assert!(crisis.contains("Complaints are surging"), "{crisis}");
    assert!(
        crisis.contains("complaints in the last 60 minutes"),
        "{crisis}"
    );
    assert!(crisis.contains("(P16)"), "{crisis}");
    assert_eq!(
        text(&m.root, ".live"),
        "Alert: complaints are surging in this thread."
    );

    // A panel opened on a thread already in crisis says so too.
    let late = mount(Lang::En, false);
    late.panel.show(Shown::NoThread, Some(NOW));
    assert_eq!(text(&late.root, ".live"), "");
    late.panel.show(shown(report(surge_again)), Some(NOW));
    assert_eq!(
        text(&late.root, ".live"),
        "Alert: complaints are surging in this thread."
    );
}

#[wasm_bindgen_test]
fn new_comments_are_announced_and_focus_survives_the_redraw() {
    let m = mount(Lang::En, true);
    m.panel.show(shown(report(thread())), Some(NOW));
    let filter = one(&m.root, ".chart [data-category=\"praise\"]");
    filter.unchecked_ref::<HtmlElement>().focus().unwrap();

    let mut more = thread();
    more.as_array_mut()
        .unwrap()
        .push(json!({"id": "8", "author": "Fay", "text": "Thanks!", "category": "praise"}));
    m.panel.show(shown(report(more.clone())), Some(NOW));
    assert_eq!(text(&m.root, ".live"), "1 new comment(s).");
    assert_eq!(
        text(&m.root, ".chart [data-category=\"praise\"] .count"),
        "2"
    );
    let focused = focused().unwrap();
    assert_eq!(
        focused.get_attribute("data-focus").as_deref(),
        Some("filter:praise")
    );
    // The redraw changed only what differs: the button itself stayed, with the focus on it.
    assert!(filter.is_connected());
    assert_eq!(focused, filter);

    // The same thread again draws nothing new (the node stays the same).
    let before = one(&m.root, ".chart [data-category=\"praise\"]");
    m.panel.show(shown(report(more)), Some(NOW + 1_000));
    assert!(before.is_connected());
    m.root.remove();
}

#[wasm_bindgen_test]
fn a_new_comment_adds_its_items_and_leaves_the_others_in_place() {
    let m = mount(Lang::En, true);
    m.panel.show(shown(report(thread())), Some(NOW));
    let first_listed = one(
        &m.root,
        "[data-section=\"comments\"] li.item[data-id=\"1\"]",
    );
    let first_waiting = one(&m.root, "[data-section=\"waiting\"] li.item[data-id=\"1\"]");
    let heading = one(&m.root, "[data-section=\"waiting\"] h2");

    let mut more = thread();
    more.as_array_mut().unwrap().push(
        json!({"id": "8", "author": "Fay", "text": "Where is my parcel?", "time": "2026-03-10T11:55:00Z", "category": "question"}),
    );
    m.panel.show(shown(report(more)), Some(NOW));
    // The untouched items are the same nodes; the new comment is listed last in both lists.
    assert!(first_listed.is_connected() && first_waiting.is_connected());
    assert_eq!(
        one(
            &m.root,
            "[data-section=\"comments\"] li.item[data-id=\"1\"]"
        ),
        first_listed
    );
    assert_eq!(
        ids(&m.root, "[data-section=\"comments\"] li.item")
            .last()
            .map(String::as_str),
        Some("8")
    );
    assert!(ids(&m.root, "[data-section=\"waiting\"] li.item").contains(&"8".to_string()));
    // The waiting heading kept its node and took the new count.
    assert!(heading.is_connected());
    assert!(heading.text_content().unwrap_or_default().contains("(4)"));

    // A filter and back: the list shows every comment again, in order.
    click(&m.root, ".chart [data-category=\"spam\"]");
    assert_eq!(ids(&m.root, "[data-section=\"comments\"] li.item"), ["6"]);
    click(&m.root, ".chart [data-category=\"spam\"]");
    assert_eq!(
        ids(&m.root, "[data-section=\"comments\"] li.item"),
        ["1", "2", "3", "4", "5", "6", "7", "8"]
    );
    m.root.remove();
}

//! What the wasm tests of the extension pages share: a node to mount a page on, reading the DOM a
//! page drew, and acting on it as a person does (click, type, press a key).
//! (A folder, not `tests/common.rs`, so cargo does not run it as a test of its own.)

#![cfg(target_arch = "wasm32")]
// Each test file uses the helpers it needs.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The test page's document.
pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<div>` to mount a page on: inside the test page's body where focus matters (the test removes
/// it when done), else inside a detached document fragment.
pub fn mount_root(in_page: bool) -> Element {
    let doc = document();
    let root = doc.create_element("div").unwrap();
    if in_page {
        doc.body().unwrap().append_child(&root).unwrap();
    } else {
        doc.create_document_fragment().append_child(&root).unwrap();
    }
    root
}

/// Every element under `root` that matches `selector`, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The first element under `root` that matches `selector`; the test fails when there is none.
pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn text(root: &Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

/// The text of every element under `root` that matches `selector`, in document order.
pub fn all_text(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// Attribute `name` of the first element that matches `selector`.
pub fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    one(root, selector).get_attribute(name)
}

/// The current value of a form control (`input`, `textarea`).
pub fn value_of(control: &Element) -> String {
    js_sys::Reflect::get(control, &"value".into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// The element that has focus in the test page.
pub fn focused() -> Option<Element> {
    document().active_element()
}

pub fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Types `value` into `control` the way a person does: the value changes, then `input` bubbles.
pub fn type_into(control: &Element, value: &str) {
    js_sys::Reflect::set(control, &"value".into(), &value.into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let input = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    control.dispatch_event(&input).unwrap();
}

/// Presses `key` on `target`: a `keydown` that bubbles.
pub fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let keydown =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&keydown).unwrap();
}

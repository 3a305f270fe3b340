//! What the wasm tests of the extension pages share: reading the DOM a page drew.
//! (A folder, not `tests/common.rs`, so cargo does not run it as a test of its own.)

#![cfg(target_arch = "wasm32")]
// Each test file uses the helpers it needs.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

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

pub fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

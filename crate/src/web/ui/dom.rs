//! The small DOM helpers every extension page's drawing uses: create an element with attributes,
//! append, space children apart for screen readers, find an element's document.
//!
//! Values are always set as data (attributes, text), never parsed as markup: a comment's text can
//! hold `<b>` and it shows as written.

use web_sys::{Document, Element};

/// The document `node` belongs to (the window's when a fragment has none).
pub fn document_of(node: &Element) -> Document {
    node.owner_document()
        .or_else(|| web_sys::window().and_then(|w| w.document()))
        .expect("an element always belongs to a document")
}

/// Creates `<tag>` with attributes. Tag and attribute names are constants of the callers, so the
/// DOM cannot refuse them; values are set as data, never parsed as markup.
pub fn el(doc: &Document, tag: &str, attributes: &[(&str, &str)]) -> Element {
    let element = doc
        .create_element(tag)
        .expect("tag names here are valid constants");
    for (name, value) in attributes {
        element.set_attribute(name, value).ok();
    }
    element
}

/// Puts a space after each child element but the last, so a screen reader keeps words apart.
pub fn space_out(parent: &Element) {
    let mut child = parent.first_element_child();
    while let Some(current) = child {
        child = current.next_element_sibling();
        if child.is_some() {
            current.after_with_str_1(" ").ok();
        }
    }
}

pub fn append(parent: &Element, child: &Element) {
    parent.append_child(child).ok();
}

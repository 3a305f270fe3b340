//! The small DOM helpers every extension page's drawing uses: find where a page mounts, set its
//! language, create an element with attributes, append, space children apart for screen readers,
//! find an element's document.
//!
//! Values are always set as data (attributes, text), never parsed as markup: a comment's text can
//! hold `<b>` and it shows as written.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event};

use crate::text::Lang;

/// The page's document and the element `#id` (or the body) a page mounts in; `page` names the page
/// in the message when there is neither.
pub fn mount_point(id: &str, page: &str) -> Result<(Document, Element), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str(&format!("the {page} needs a document")))?;
    let root = document
        .get_element_by_id(id)
        .or_else(|| document.body().map(Into::into))
        .ok_or_else(|| JsValue::from_str(&format!("the {page} has no body")))?;
    Ok((document, root))
}

/// Where a page's live region sits: above its content, or below it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LiveRegion {
    Above,
    Below,
}

/// The frame every page draws in: `root` emptied and classed `class`, a polite live region (what a
/// screen reader announces) and the content element, in the order `live` says.
pub struct PageFrame {
    pub doc: Document,
    pub live: Element,
    pub content: Element,
}

impl PageFrame {
    pub fn new(root: &Element, class: &str, live: LiveRegion) -> PageFrame {
        let doc = document_of(root);
        root.set_text_content(None);
        root.set_attribute("class", class).ok();
        let region = el(
            &doc,
            "p",
            &[
                ("class", "live"),
                ("role", "status"),
                ("aria-live", "polite"),
            ],
        );
        let content = el(&doc, "div", &[("class", "content")]);
        let (first, second) = match live {
            LiveRegion::Above => (&region, &content),
            LiveRegion::Below => (&content, &region),
        };
        append(root, first);
        append(root, second);
        PageFrame {
            doc,
            live: region,
            content,
        }
    }
}

/// Says the page's language on `<html lang>`, for screen readers and hyphenation.
pub fn set_page_lang(document: &Document, lang: Lang) {
    if let Some(html) = document.document_element() {
        html.set_attribute("lang", if lang == Lang::Fr { "fr" } else { "en" })
            .ok();
    }
}

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

/// The control (`[data-action]`) an event happened in, if any: pages listen once on their root and
/// read what to do from the control's attributes.
pub fn action_control(event: &Event) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest("[data-action]").ok().flatten()
}

//! The small DOM helpers every extension page's drawing uses: find where a page mounts, set its
//! language, create an element with attributes (and text), append, space children apart for screen
//! readers, find an element's document, give focus back by key after a redraw, listen for clicks on
//! controls and for Escape.
//!
//! Values are always set as data (attributes, text), never parsed as markup: a comment's text can
//! hold `<b>` and it shows as written.

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent};

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

/// Creates `<tag>` with attributes and `content` as its text (never parsed as markup).
pub fn text(doc: &Document, tag: &str, attributes: &[(&str, &str)], content: &str) -> Element {
    let element = el(doc, tag, attributes);
    element.set_text_content(Some(content));
    element
}

/// What a page's redraw draws with: it holds the document, and builds elements from it as
/// [`el`] and [`text`] do.
pub trait Draw {
    fn doc(&self) -> &Document;

    fn el(&self, tag: &str, attributes: &[(&str, &str)]) -> Element {
        el(self.doc(), tag, attributes)
    }

    fn text(&self, tag: &str, attributes: &[(&str, &str)], content: &str) -> Element {
        text(self.doc(), tag, attributes, content)
    }
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

/// Calls `on_action` with the control (`[data-action]`) a click inside `root` happened in: pages
/// listen once on their root and read what to do from the control's attributes.
pub fn on_action(root: &Element, on_action: impl Fn(&Element) + 'static) -> EventListener {
    EventListener::new(root, "click", move |event| {
        if let Some(control) = action_control(event) {
            on_action(&control);
        }
    })
}

/// The control (`[data-action]`) an event happened in, if any.
fn action_control(event: &Event) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest("[data-action]").ok().flatten()
}

/// Calls `on_escape` when Escape is pressed inside `root` (other keys are left to the page).
pub fn on_escape(root: &Element, mut on_escape: impl FnMut() + 'static) -> EventListener {
    EventListener::new(root, "keydown", move |event| {
        let escape = event
            .dyn_ref::<KeyboardEvent>()
            .is_some_and(|k| k.key() == "Escape");
        if escape {
            on_escape();
        }
    })
}

/// `text` inside a double-quoted CSS string (a selector's attribute value).
pub fn css_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The key (`data-focus`) of the element that has focus, when it is inside `content`: what a
/// redraw of `content` gives focus back to.
pub fn focused_key(content: &Element) -> Option<String> {
    let active = document_of(content).active_element()?;
    content
        .contains(Some(&active))
        .then(|| active.get_attribute("data-focus"))
        .flatten()
}

/// Gives focus back, after a redraw, to the element under `root` that carries `data-focus="key"`;
/// one that has it already is left alone.
pub fn focus_key(root: &Element, key: &str) {
    let selector = format!("[data-focus=\"{}\"]", css_string(key));
    let Ok(Some(element)) = root.query_selector(&selector) else {
        return;
    };
    if document_of(root).active_element().as_ref() != Some(&element) {
        if let Ok(element) = element.dyn_into::<HtmlElement>() {
            element.focus().ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn css_strings_escape_quotes_and_backslashes() {
        for (raw, escaped) in [("w:1", "w:1"), ("a\"b", "a\\\"b"), ("a\\b", "a\\\\b")] {
            assert_eq!(css_string(raw), escaped);
        }
    }

    #[wasm_bindgen_test]
    fn text_is_set_as_text_with_the_attributes() {
        let doc = web_sys::window().unwrap().document().unwrap();
        let p = text(&doc, "p", &[("class", "note"), ("id", "n1")], "<b>bold</b>");
        assert_eq!(p.tag_name(), "P");
        assert_eq!(p.get_attribute("class").as_deref(), Some("note"));
        assert_eq!(p.get_attribute("id").as_deref(), Some("n1"));
        assert_eq!(p.text_content().as_deref(), Some("<b>bold</b>"));
        assert!(p.first_element_child().is_none());
    }

    #[wasm_bindgen_test]
    fn focus_goes_to_the_element_with_the_key() {
        let doc = web_sys::window().unwrap().document().unwrap();
        let root = el(&doc, "div", &[]);
        doc.body().unwrap().append_child(&root).unwrap();
        for key in ["a", "say \"hi\""] {
            append(&root, &text(&doc, "button", &[("data-focus", key)], key));
        }
        assert_eq!(focused_key(&root), None);
        focus_key(&root, "say \"hi\"");
        assert_eq!(focused_key(&root).as_deref(), Some("say \"hi\""));
        let active = doc
            .active_element()
            .and_then(|e| e.get_attribute("data-focus"));
        assert_eq!(active.as_deref(), Some("say \"hi\""));
        // An unknown key moves nothing.
        focus_key(&root, "missing");
        let active = doc
            .active_element()
            .and_then(|e| e.get_attribute("data-focus"));
        assert_eq!(active.as_deref(), Some("say \"hi\""));
        root.remove();
    }
}

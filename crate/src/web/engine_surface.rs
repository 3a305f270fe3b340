//! The background's surface: the [`Engine`] JavaScript holds, and what extension pages ask of it (the
//! guidance preview, the practice review).
//! Built with the `engine` feature (the `engine` wasm module).

use wasm_bindgen::prelude::*;

use crate::assist;

use crate::engine::{Engine, Sender};
use crate::protocol::{ErrorCode, Response};

/// The engine as the background holds it: one instance, many messages.
#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    engine: Engine,
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmEngine {
        WasmEngine {
            engine: Engine::new(),
        }
    }

    /// Handles one message. `tab_id` is the sender's tab as the browser reports it (negative: none).
    /// Always returns a response object; a bad message gets `{"type": "Error", ...}`.
    pub fn handle(&mut self, message: JsValue, tab_id: f64) -> JsValue {
        let sender = Sender {
            tab_id: (tab_id >= 0.0 && tab_id.is_finite()).then_some(tab_id as i64),
        };
        let response = match serde_wasm_bindgen::from_value::<serde_json::Value>(message) {
            Ok(value) => self.engine.handle_value(value, sender),
            Err(e) => Response::error(ErrorCode::BadMessage, e.to_string()),
        };
        to_js(&response)
    }

    /// Forgets a closed tab.
    #[wasm_bindgen(js_name = closeTab)]
    pub fn close_tab(&mut self, tab_id: f64) {
        self.engine.close_tab(tab_id as i64);
    }
}

impl Default for WasmEngine {
    fn default() -> Self {
        Self::new()
    }
}

fn to_js(response: &Response) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(response, &serializer)
        .unwrap_or_else(|e| JsValue::from_str(&format!("candor: could not encode a response: {e}")))
}

/// Guidance for a sample comment with a profile being edited (the options page's live preview):
/// `{"text", "profile", "platform"?, "id"?, "author"?}` in, `{"guidance": …}` or `{"error": "…"}` out,
/// both as JSON text.
#[wasm_bindgen]
pub fn preview_guidance(request: &str) -> String {
    assist::preview_json(request)
}

/// Reviews a trainee's draft on a practice thread (the practice page):
/// `{"thread", "comment_id", "draft", "ui_lang"}` in, the review or `{"error": "…"}` out, both as
/// JSON text. See [`crate::practice`] for the scoring.
#[wasm_bindgen]
pub fn practice_review(request: &str) -> String {
    crate::practice::review_json(request)
}

//! The practice page's wasm surface (the `practice` module): the review of a trainee's draft.
//!
//! Its own module rather than a part of `engine`: the practice page is the only caller, and the
//! thread reading, scoring and wording it needs would otherwise weigh on the module the background
//! loads for every page the person reads.

use wasm_bindgen::prelude::*;

/// Reviews a trainee's draft on a practice thread (the practice page):
/// `{"thread", "comment_id", "draft", "ui_lang"}` in, the review or `{"error": "…"}` out, both as
/// JSON text. See [`crate::practice`] for the scoring.
#[wasm_bindgen]
pub fn practice_review(request: &str) -> String {
    crate::practice::review_json(request)
}

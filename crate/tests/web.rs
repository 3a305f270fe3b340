//! The wasm surface, run in headless Chromium by wasm-bindgen-test: the background's engine answers
//! JavaScript messages, refuses bad ones with an error object, and never throws.
#![cfg(target_arch = "wasm32")]

use candor::web::WasmEngine;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON is valid")
}

fn field(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn kind(value: &JsValue) -> String {
    field(value, "type").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn answers_every_kind_of_message() {
    let mut engine = WasmEngine::new();
    let cases: &[(&str, f64, &str)] = &[
        (r#"{"v":1,"type":"Ping"}"#, -1.0, "Pong"),
        (
            r#"{"v":1,"type":"Classify","text":"Where is my order 48213?"}"#,
            -1.0,
            "Verdict",
        ),
        (
            r#"{"v":1,"type":"PageOpened","url":"https://x.com/a/status/1","platform":"x"}"#,
            3.0,
            "Ack",
        ),
        (
            r#"{"v":1,"type":"CommentsRead","url":"https://x.com/a/status/1","comments":[{"id":"2","author":"B","text":"hi"}]}"#,
            3.0,
            "Verdicts",
        ),
        (r#"{"v":1,"type":"GetThreads"}"#, -1.0, "Threads"),
        (r#"{"v":2,"type":"Ping"}"#, -1.0, "Error"),
        (r#"{"v":1,"type":"Nope"}"#, -1.0, "Error"),
        (
            r#"{"v":1,"type":"CommentsRead","url":"u","comments":[]}"#,
            -1.0,
            "Error",
        ),
        ("42", -1.0, "Error"),
        ("null", -1.0, "Error"),
    ];
    for (message, tab, expected) in cases {
        let reply = engine.handle(js(message), *tab);
        assert_eq!(kind(&reply), *expected, "{message}");
    }
}

#[wasm_bindgen_test]
fn values_javascript_cannot_express_as_json_are_refused() {
    let mut engine = WasmEngine::new();
    let odd: [JsValue; 3] = [
        JsValue::UNDEFINED,
        JsValue::from_f64(f64::NAN),
        js_sys::Symbol::for_("x").into(),
    ];
    for value in odd {
        assert_eq!(kind(&engine.handle(value, -1.0)), "Error");
    }
}

#[wasm_bindgen_test]
fn threads_report_what_was_read_with_verdicts() {
    let mut engine = WasmEngine::new();
    engine.handle(
        js(r#"{"v":1,"type":"PageOpened","url":"https://x.com/a/status/1","platform":"x"}"#),
        5.0,
    );
    let verdicts = engine.handle(
        js(
            r#"{"v":1,"type":"CommentsRead","url":"https://x.com/a/status/1","comments":[{"id":"10","author":"Ann","text":"one"},{"id":"11","author":"Bo","text":"two","depth":1,"parent_id":"10"}]}"#,
        ),
        5.0,
    );
    let list = js_sys::Array::from(&field(&verdicts, "verdicts"));
    assert_eq!(list.length(), 2);
    assert_eq!(field(&list.get(0), "id").as_string().as_deref(), Some("10"));
    assert!(field(&list.get(0), "category").is_string());

    let threads = engine.handle(js(r#"{"v":1,"type":"GetThreads"}"#), -1.0);
    let threads = js_sys::Array::from(&field(&threads, "threads"));
    assert_eq!(threads.length(), 1);
    let thread = threads.get(0);
    assert_eq!(field(&thread, "tab_id").as_f64(), Some(5.0));
    let comments = js_sys::Array::from(&field(&thread, "comments"));
    assert_eq!(comments.length(), 2);
    assert_eq!(
        field(&comments.get(1), "parent_id").as_string().as_deref(),
        Some("10")
    );
    assert_eq!(field(&comments.get(1), "depth").as_f64(), Some(1.0));

    engine.close_tab(5.0);
    let threads = engine.handle(js(r#"{"v":1,"type":"GetThreads"}"#), -1.0);
    assert_eq!(js_sys::Array::from(&field(&threads, "threads")).length(), 0);
}

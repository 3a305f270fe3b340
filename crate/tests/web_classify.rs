//! The classifier inside the wasm build, in headless Chromium: the same verdicts as natively, and
//! its throughput (printed for `cargo xtask bench classify`, never asserted).
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! cargo test -p candor --release --target wasm32-unknown-unknown --test web_classify -- --nocapture`

#![cfg(target_arch = "wasm32")]

use candor::classify::{classify, Category, Flag};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `performance.now()` through the global object (no web-sys needed).
fn now_ms() -> f64 {
    let global = js_sys::global();
    let performance = js_sys::Reflect::get(&global, &"performance".into()).expect("performance");
    let now = js_sys::Reflect::get(&performance, &"now".into())
        .expect("performance.now")
        .dyn_into::<js_sys::Function>()
        .expect("a function");
    now.call0(&performance)
        .expect("callable")
        .as_f64()
        .unwrap_or(0.0)
}

/// Comment-like texts, French and English, built from pieces by a fixed-seed generator.
fn sample(count: usize) -> Vec<String> {
    const OPENERS: [&str; 12] = [
        "@brand",
        "Bonjour,",
        "Hi",
        "Franchement",
        "Honestly",
        "",
        "Merci",
        "Wow",
        "Encore",
        "Why",
        "Pouvez-vous",
        "Thanks",
    ];
    const MIDDLES: [&str; 14] = [
        "my order #A1234567 never arrived",
        "ma commande est arrivée cassée",
        "great service, the team was so helpful",
        "le service client ne répond jamais",
        "you are all idiots",
        "check out my channel for free giveaways https://bit.ly/x",
        "is the store open on Sunday",
        "super, third outage this week 👏",
        "pas du tout satisfait du remboursement",
        "calling people 'idiots' is not OK",
        "the app keeps crashing when I pay",
        "j'adore la nouvelle collection 😍",
        "me dire quand la livraison arrive",
        "nothing to add, just passing by",
    ];
    const CLOSERS: [&str; 8] = [
        "",
        "!!",
        "?",
        " 😡",
        " merci",
        " please fix it",
        " lol",
        "...",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as usize
    };
    (0..count)
        .map(|_| {
            format!(
                "{} {}{}",
                OPENERS[next() % OPENERS.len()],
                MIDDLES[next() % MIDDLES.len()],
                CLOSERS[next() % CLOSERS.len()]
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn verdicts_match_the_native_build() {
    let cases = [
        ("you idiot", Category::Troll),
        (
            "Colis toujours pas arrivé, service client injoignable",
            Category::Complaint,
        ),
        (
            "Pouvez-vous me dire quand la boutique ouvre",
            Category::Question,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(classify(text, None).category, want, "{text}");
    }
    assert!(classify("call me on 06 12 34 56 78", None)
        .flags
        .contains(&Flag::PersonalData));
}

#[wasm_bindgen_test]
fn throughput_in_the_browser() {
    let texts = sample(5_000);
    // Warm-up: lexicon, model and patterns are built on first use.
    for t in texts.iter().take(200) {
        classify(t, None);
    }
    let mut done = 0usize;
    let start = now_ms();
    let mut elapsed = 0.0;
    while elapsed < 2_000.0 {
        for t in &texts {
            std::hint::black_box(classify(t, None));
        }
        done += texts.len();
        elapsed = now_ms() - start;
    }
    let per_second = done as f64 / (elapsed / 1_000.0);
    wasm_bindgen_test::console_log!(
        "CANDOR_WASM_COMMENTS_PER_SECOND {per_second:.0} ({done} comments in {elapsed:.0} ms)"
    );
    assert!(done > 0);
}

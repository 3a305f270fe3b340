//! Fuzz target: any bytes, read as a page would (lossy UTF-8), must get a verdict whose cues lie
//! inside the text, with and without a language hint, and the CLI line reader must answer.

#![no_main]

use candor::classify::classify;
use candor::text::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars = text.chars().count();
    for hint in [None, Some(Lang::Fr), Some(Lang::En)] {
        let verdict = classify(&text, hint);
        assert!((0.0..=1.0).contains(&verdict.confidence));
        for cue in &verdict.cues {
            assert!(cue.start < cue.end && cue.end <= chars, "{cue:?} in {chars} chars");
        }
    }
    let line = candor::cli::classify::line_output(&text, false);
    assert!(line.starts_with('{'));
});

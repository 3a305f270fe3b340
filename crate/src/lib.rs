//! # Candor's engine
//!
//! Candor helps the people who answer a brand's comments on Facebook, X and LinkedIn. This crate is
//! the whole of its judgement: it reads comments, classifies them, composes reply guidance, checks
//! draft replies and summarises threads. The browser extension only reads pages and draws what this
//! crate decided.
//!
//! The core is plain Rust with no DOM and no wasm: it builds and tests natively in seconds. The
//! browser-facing surface lives in [`web`] (only on `wasm32`), and the same engine runs on the
//! command line as `candor` (see `src/bin/candor.rs`).
//!
//! | module | owns |
//! |---|---|
//! | [`text`] | normalisation of comment text and language identification (fr, en, other) |
//! | [`classify`] | categories, flags, confidence and cues of one comment |
//! | [`thread`] | what a page reader reports (comments of a thread) and the thread store |
//! | [`protocol`] | the typed, versioned messages between content scripts, background and pages |
//! | [`engine`] | the message handler the background runs: protocol in, decisions out |
//! | [`profile`] | the brand profile: schema, validation, migration |
//! | [`guide`] | reply guidance for one comment, in the brand's voice |
//! | [`coach`] | checks of a draft reply |
//! | [`guard`] | whether a removal is held (P6/P7), and the audit log of guard decisions |
//! | [`assist`] | guidance and coaching for one comment of a thread the engine has read |
//! | [`practice`] | practice mode: the practice threads, the review of an attempt, a trainee's progress |
//! | [`re`] | one regex API: `regex` natively, `regex-lite` in wasm |
//! | [`cli`] | the `candor` command-line tool's subcommands |

pub mod assist;
pub mod classify;
pub mod cli;
pub mod coach;
pub mod engine;
pub mod guard;
pub mod guide;
pub mod practice;
pub mod profile;
pub mod protocol;
pub mod re;
pub mod text;
pub mod thread;

#[cfg(target_arch = "wasm32")]
pub mod web;

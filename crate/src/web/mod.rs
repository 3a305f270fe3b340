//! The wasm surface: what the extension's background and pages call.
//!
//! Owns: conversion between JavaScript values and the engine's typed messages. Nothing here decides
//! anything; it hands each message to [`crate::engine::Engine`] and returns its answer. The extension
//! pages' UI is [`ui`].
//!
//! Three wasm modules are built from this crate: `engine` (feature `engine`: the engine the
//! background runs, and the options page's preview), `ui` (feature `ui`: the extension pages' UI) and
//! `practice` (feature `practice`: the practice page's review of a trainee's draft). The pages' UI
//! needs none of the classifier's model or the guidance's word lists, the background needs no DOM
//! code and no practice scoring, so each module carries only what its callers use.

#[cfg(feature = "engine")]
mod engine_surface;
#[cfg(feature = "engine")]
pub use engine_surface::{preview_guidance, WasmEngine};

#[cfg(feature = "practice")]
mod practice_surface;
#[cfg(feature = "practice")]
pub use practice_surface::practice_review;

#[cfg(feature = "ui")]
pub mod ui;

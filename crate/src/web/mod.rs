//! The wasm surface: what the extension's background and pages call.
//!
//! Owns: conversion between JavaScript values and the engine's typed messages. Nothing here decides
//! anything; it hands each message to [`crate::engine::Engine`] and returns its answer. The extension
//! pages' UI is [`ui`].
//!
//! Two wasm modules are built from this crate: `engine` (feature `engine`: the engine the background
//! runs, and the preview) and `ui` (feature `ui`: the extension pages' UI). The pages' UI needs none of
//! the classifier's model or the guidance's word lists, and the background needs no DOM code, so each
//! module carries only its half.

#[cfg(feature = "engine")]
mod engine_surface;
#[cfg(feature = "engine")]
pub use engine_surface::{preview_guidance, WasmEngine};

#[cfg(feature = "ui")]
pub mod ui;

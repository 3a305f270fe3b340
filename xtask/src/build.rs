//! `cargo xtask build`: the engine to wasm (three modules: `engine` for the background, `ui` for the
//! extension pages, `practice` for the practice page), bound with the pinned wasm-bindgen, and the extension
//! assembled in `dist/chrome` and `dist/firefox` (the same files: one manifest serves both).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::root;
use crate::tools::{self, run};

/// What a build produced.
pub struct Built {
    /// `dist/chrome` and `dist/firefox`.
    pub chrome: PathBuf,
    pub firefox: PathBuf,
    /// The engine's wasm module as shipped (the pages' UI is `ui_bg.wasm` beside it).
    pub wasm: PathBuf,
}

/// The wasm modules built from the engine crate, by cargo feature: `engine` (the background and the
/// options page's preview), `ui` (the extension pages) and `practice` (the practice page's review).
pub const MODULES: [&str; 3] = ["engine", "ui", "practice"];

/// The folders and files of the repository that make up the extension.
const EXTENSION_PARTS: [&str; 3] = ["manifest.json", "_locales", "extension"];

pub fn build() -> Result<Built> {
    let root = root();
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen()?;

    let dist = root.join("dist");
    let chrome = dist.join("chrome");
    let firefox = dist.join("firefox");
    for dir in [&chrome, &firefox] {
        if dir.exists() {
            fs::remove_dir_all(dir).with_context(|| format!("removing {}", dir.display()))?;
        }
        for part in EXTENSION_PARTS {
            copy_tree(&root.join(part), &dir.join(part))?;
        }
    }
    let pkg = chrome.join("extension/pkg");
    // Two modules from one crate: the engine the background runs, and the extension pages' UI.
    for module in MODULES {
        run(tools::cargo().current_dir(&root).args([
            "build",
            "--package",
            "candor",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
            "--no-default-features",
            "--features",
            module,
        ]))?;
        let raw = root.join("target/wasm32-unknown-unknown/wasm-release/candor.wasm");
        run(Command::new(&wasm_bindgen)
            .arg(&raw)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--remove-name-section",
                "--remove-producers-section",
                "--out-name",
                module,
            ])
            .arg("--out-dir")
            .arg(&pkg))?;
        let bytes = fs::read(pkg.join(format!("{module}_bg.wasm")))?;
        eprintln!(
            "wasm module {module}: {} bytes, {} gzipped",
            bytes.len(),
            gzipped_size(&bytes)?
        );
    }
    copy_tree(&pkg, &firefox.join("extension/pkg"))?;
    eprintln!("built {} and {}", chrome.display(), firefox.display());
    Ok(Built {
        wasm: pkg.join("engine_bg.wasm"),
        chrome,
        firefox,
    })
}

/// The size of `bytes` gzipped at the default level, as a store or a server would send them.
pub fn gzipped_size(bytes: &[u8]) -> Result<usize> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes)?;
    Ok(gz.finish()?.len())
}

/// Copies a file or a folder, recursively.
pub fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    let meta = fs::metadata(from).with_context(|| format!("reading {}", from.display()))?;
    if meta.is_dir() {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
    } else {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, to)
            .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    }
    Ok(())
}

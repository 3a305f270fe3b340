//! `cargo xtask package`: the zips the stores expect, in `dist/`: one for the Chrome Web Store, one for
//! addons.mozilla.org (the same files, with the manifest at the zip's root), and the source archive
//! AMO asks for when an add-on ships compiled code (the wasm).

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};
use zip::write::SimpleFileOptions;

use crate::build::build;
use crate::root;
use crate::tools::run;

pub fn package() -> Result<()> {
    let built = build()?;
    let version = env!("CARGO_PKG_VERSION");
    let dist = root().join("dist");
    let chrome_zip = dist.join(format!("candor-chrome-{version}.zip"));
    let firefox_zip = dist.join(format!("candor-firefox-{version}.zip"));
    zip_dir(&built.chrome, &chrome_zip)?;
    zip_dir(&built.firefox, &firefox_zip)?;
    let source = dist.join(format!("candor-source-{version}.zip"));
    run(Command::new("git")
        .current_dir(root())
        .args(["archive", "--format=zip", "-o"])
        .arg(&source)
        .arg("HEAD"))?;
    println!(
        "wasm engine: {} bytes gzipped",
        crate::build::gzipped_size(&std::fs::read(&built.wasm)?)?
    );
    for f in [&chrome_zip, &firefox_zip, &source] {
        println!("{} ({} bytes)", f.display(), f.metadata()?.len());
    }
    Ok(())
}

/// Zips the contents of `dir` (not `dir` itself), in a stable order.
pub fn zip_dir(dir: &Path, out: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.sort();
    let mut zip = zip::ZipWriter::new(
        File::create(out).with_context(|| format!("creating {}", out.display()))?,
    );
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for relative in files {
        zip.start_file(relative.replace('\\', "/"), options)?;
        zip.write_all(&std::fs::read(dir.join(&relative))?)?;
    }
    zip.finish()?;
    Ok(())
}

fn collect(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(base, &path, out)?;
        } else {
            out.push(path.strip_prefix(base)?.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

//! BENCHMARKS.md: each task owns one section, rewritten in place with the machine and the command
//! that produced it, so figures from different runs sit side by side and none is hand-written.

use std::fs;
use std::process::Command;

use anyhow::Result;

use crate::root;
use crate::tools::output;

const HEADER: &str = "# Benchmarks\n\nEvery figure here was written by the command named in its section, on the machine it names.\nRe-run the command to refresh it; nothing in this file is typed by hand.\n";

/// Replaces (or appends) the section `name` of BENCHMARKS.md.
pub fn write_section(name: &str, command: &str, markdown: &str) -> Result<()> {
    let path = root().join("BENCHMARKS.md");
    let existing = fs::read_to_string(&path).unwrap_or_else(|_| HEADER.to_string());
    let begin = format!("<!-- begin {name} -->");
    let end = format!("<!-- end {name} -->");
    let body = format!(
        "{begin}\n## {name}\n\nCommand: `{command}` · {} · {}\n\n{}\n{end}",
        machine(),
        today(),
        markdown.trim_end()
    );
    let updated = match (existing.find(&begin), existing.find(&end)) {
        (Some(a), Some(b)) if a < b => {
            format!("{}{}{}", &existing[..a], body, &existing[b + end.len()..])
        }
        _ => format!("{}\n{}\n", existing.trim_end(), body),
    };
    fs::write(&path, updated)?;
    Ok(())
}

/// "N cores, MODEL, M GiB" of this machine.
pub fn machine() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).trim().to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let mem_gib = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0 / 1024.0)
        .unwrap_or(0.0);
    format!("machine: {cores} cores, {model}, {mem_gib:.0} GiB")
}

fn today() -> String {
    output(Command::new("date").args(["-u", "+%Y-%m-%d"]))
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

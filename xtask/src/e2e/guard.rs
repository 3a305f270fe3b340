//! `cargo xtask e2e --guard tests/guard [--browser B]`, and a step of `cargo xtask test`: the reply
//! coach and the delete guard, end to end, on the pages of `tests/guard` (see its generator).
//!
//! Owns: driving each page as a person would through WebDriver — type a stock phrase into the
//! platform's own reply editor (element send keys), open a comment's menu and pick Delete or Hide,
//! answer Candor's dialog — and judging what happened: the coach's warning appears (and how long
//! after the last keystroke), the editor holds exactly what was typed with the caret at its end,
//! nothing is deleted until the person confirms, spam passes at once, and the engine's audit log
//! holds every decision.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

use super::browser::{Browser, Launched};
use super::serve_and_launch;
use super::server::{find_pages, sidecar_of, ServedPage};
use super::values::strings;
use super::webdriver::{element_id, element_ref, Session};

/// How long a warning, a dialog or a deletion may take before it counts as missing.
const WAIT: Duration = Duration::from_secs(3);

/// What the coach and the guard did on one page.
#[derive(Debug, Clone, Default)]
pub struct GuardPageReport {
    pub file: String,
    /// From the last keystroke to the panel showing the expected warning (page clock).
    pub latency_ms: Option<f64>,
    pub problems: Vec<String>,
}

/// Runs every page of `pages` in `browser` with the extension from `extension_dir`.
pub fn run_guard_pages(
    pages: &Path,
    browser: Browser,
    extension_dir: &Path,
) -> Result<Vec<GuardPageReport>> {
    let files = find_pages(pages)?;
    if files.is_empty() {
        bail!("no .html page under {}", pages.display());
    }
    let served = files
        .iter()
        .map(|f| ServedPage::load(pages, f))
        .collect::<Result<Vec<_>>>()?;
    let specs = files
        .iter()
        .map(|f| {
            let path = sidecar_of(f);
            let sidecar: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)
                .with_context(|| format!("{} is not JSON", path.display()))?;
            Ok(sidecar["guard"].clone())
        })
        .collect::<Result<Vec<_>>>()?;
    let (server, launched, mut probe) = serve_and_launch(served.clone(), browser, extension_dir)?;
    let mut reports = Vec::new();
    for (index, (page, spec)) in served.iter().zip(&specs).enumerate() {
        server.set_active(Some(index));
        let (read, window) = probe.read_page(&launched, &server, page, true)?;
        let mut report = GuardPageReport {
            file: page.file.clone(),
            ..GuardPageReport::default()
        };
        report.problems.extend(read.failures());
        if read.comments.is_empty() {
            report
                .problems
                .push("the reader read no comment on the page".into());
        }
        let window = window.ok_or_else(|| anyhow!("the page's window was not kept"))?;
        let session = &launched.session;
        session.switch_to(&window)?;
        if let Err(e) = drive(session, spec, &mut report) {
            report
                .problems
                .push(format!("driving the page failed: {e:#}"));
        }
        session.close_window()?;
        session.switch_to(&probe.handle)?;
        if let Err(e) = check_audit_log(&launched, &page.url, spec, &mut report) {
            report
                .problems
                .push(format!("reading the audit log failed: {e:#}"));
        }
        eprintln!(
            "guard: {} in {}: {}; {}",
            report.file,
            browser.name(),
            report
                .latency_ms
                .map_or("no warning".to_string(), |ms| format!(
                    "warning {ms:.0} ms after the last keystroke"
                )),
            if report.problems.is_empty() {
                "ok".to_string()
            } else {
                report.problems.join("; ")
            }
        );
        reports.push(report);
    }
    Ok(reports)
}

/// The keystroke-to-warning figures as a Markdown table, page by page, with their median and worst.
pub fn latency_table(reports: &[GuardPageReport], browser: Browser) -> String {
    let mut out = format!(
        "From the last keystroke (WebDriver element send keys into the platform's editor) to the \
         coach panel showing the expected warning, on the page's clock, in headless {}; the \
         coach waits 100 ms after the last input before it asks the engine.\n\n| page | ms |\n|---|---:|\n",
        browser.name()
    );
    let mut all: Vec<f64> = Vec::new();
    for r in reports {
        match r.latency_ms {
            Some(ms) => {
                all.push(ms);
                out.push_str(&format!("| {} | {ms:.0} |\n", r.file));
            }
            None => out.push_str(&format!("| {} | no warning |\n", r.file)),
        }
    }
    all.sort_by(f64::total_cmp);
    if let (Some(median), Some(worst)) = (all.get(all.len() / 2), all.last()) {
        out.push_str(&format!(
            "\nMedian {median:.0} ms, worst {worst:.0} ms over {} page(s); goal: 150 ms.\n",
            all.len()
        ));
    }
    out
}

/// Watches the page from its own world: keystrokes, the coach panel's updates, Candor's dialogs.
const INSTALL_WATCH: &str = r#"
const watch = (window.__candorWatch = { lastKey: 0, updates: [], dialogs: 0 });
document.addEventListener("keydown", () => { watch.lastKey = performance.now(); }, true);
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === "attributes" && r.target.hasAttribute("data-candor-coach")) {
      watch.updates.push([performance.now(), r.target.getAttribute("data-rules") || ""]);
    }
    for (const n of r.addedNodes || []) if (n.nodeType === 1 && n.hasAttribute("data-candor-guard-dialog")) watch.dialogs += 1;
  }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-rules"] });
return true;
"#;

const READ_WATCH: &str = "return window.__candorWatch;";

/// The editor's text, the caret's offset in it (UTF-16 units), and whether focus stayed there.
const EDITOR_STATE: &str = r#"
const ed = document.querySelector(arguments[0]);
if (!ed) return null;
const sel = getSelection();
let caret = -1;
if (sel.rangeCount && ed.contains(sel.focusNode)) {
  const r = document.createRange();
  r.selectNodeContents(ed);
  r.setEnd(sel.focusNode, sel.focusOffset);
  caret = r.toString().length;
}
return {
  text: ed.textContent,
  caret,
  collapsed: sel.isCollapsed,
  focused: ed === document.activeElement || ed.contains(document.activeElement),
  candorInside: Boolean(ed.querySelector("[data-candor-coach], [data-candor-badge], [data-candor-guard-dialog]")),
};
"#;

const MENU_ITEM: &str = r#"
const items = document.querySelectorAll('[role="menuitem"], .artdeco-dropdown__item');
return [...items].find((e) => e.textContent.trim() === arguments[0]) ?? null;
"#;

const DIALOG_CONTROL: &str = r#"
const host = document.querySelector("[data-candor-guard-dialog]");
return host?.shadowRoot?.querySelector(arguments[0]) ?? null;
"#;

const DELETED: &str =
    r#"return (document.body.getAttribute("data-deleted") || "").split(" ").filter(Boolean);"#;

/// A real click; when the driver refuses (an element inside a shadow root some drivers hit-test
/// as its host), the element's own click().
fn click(session: &Session, id: &str) -> Result<()> {
    if session.click_element(id).is_ok() {
        return Ok(());
    }
    session.execute(
        "arguments[0].click(); return true;",
        json!([element_ref(id)]),
    )?;
    Ok(())
}

/// Polls `script` until `done` accepts its value or [`WAIT`] passes; answers the last value.
fn wait_for(
    session: &Session,
    script: &str,
    args: Value,
    done: impl Fn(&Value) -> bool,
) -> Result<Value> {
    let deadline = Instant::now() + WAIT;
    loop {
        let value = session.execute(script, args.clone())?;
        if done(&value) || Instant::now() >= deadline {
            return Ok(value);
        }
        thread::sleep(Duration::from_millis(25));
    }
}

fn deleted(session: &Session) -> Result<Vec<String>> {
    Ok(strings(&session.execute(DELETED, json!([]))?))
}

fn drive(session: &Session, spec: &Value, report: &mut GuardPageReport) -> Result<()> {
    session.execute(INSTALL_WATCH, json!([]))?;
    coach(session, spec, report)?;
    remove_complaint(session, spec, report)?;
    remove_spam(session, spec, report)?;
    if !spec["question"].is_null() {
        reply_instead(session, spec, report)?;
    }
    if !spec["cancel"].is_null() {
        cancel_with_escape(session, spec, report)?;
    }
    Ok(())
}

/// Types the stock phrase into the reply editor; the warning must show, the editor stay as typed.
fn coach(session: &Session, spec: &Value, report: &mut GuardPageReport) -> Result<()> {
    let editor_css = spec["editor"].as_str().context("guard.editor")?;
    let draft = spec["draft"].as_str().context("guard.draft")?;
    let rule = spec["rule"].as_str().context("guard.rule")?;
    let editor = session.find_element(editor_css)?;
    click(session, &editor)?;
    session.type_into(&editor, draft)?;
    let watch = wait_for(session, READ_WATCH, json!([]), |w| {
        first_update_with(w, rule).is_some()
    })?;
    match first_update_with(&watch, rule) {
        Some(ms) => report.latency_ms = Some(ms),
        None => report.problems.push(format!(
            "no {rule} warning within {} s of typing {draft:?} (panel updates: {})",
            WAIT.as_secs(),
            watch["updates"]
        )),
    }
    let state = session.execute(EDITOR_STATE, json!([editor_css]))?;
    let typed_units = draft.encode_utf16().count() as i64;
    let text = state["text"].as_str().unwrap_or_default();
    if text != draft {
        report.problems.push(format!(
            "the editor holds {text:?}, not what was typed ({draft:?})"
        ));
    }
    if state["caret"].as_i64() != Some(typed_units) || state["collapsed"] != json!(true) {
        report.problems.push(format!(
            "the caret is at {} (collapsed {}), not at the end of what was typed ({typed_units})",
            state["caret"], state["collapsed"]
        ));
    }
    if state["focused"] != json!(true) {
        report.problems.push("the editor lost focus".into());
    }
    if state["candorInside"] != json!(false) {
        report
            .problems
            .push("Candor put an element inside the editor".into());
    }
    Ok(())
}

/// The time from the last keystroke to the first panel update after it that shows `rule`.
fn first_update_with(watch: &Value, rule: &str) -> Option<f64> {
    let last_key = watch["lastKey"].as_f64()?;
    watch["updates"].as_array()?.iter().find_map(|u| {
        let at = u[0].as_f64()?;
        let rules = u[1].as_str()?;
        (at >= last_key && rules.split(' ').any(|r| r == rule)).then_some(at - last_key)
    })
}

/// Opens `target`'s menu and clicks its item (as the person would).
fn pick(session: &Session, target: &Value) -> Result<()> {
    let menu = session.find_element(target["menu"].as_str().context("menu")?)?;
    click(session, &menu)?;
    let item_text = target["item"].as_str().context("item")?;
    let item = wait_for(session, MENU_ITEM, json!([item_text]), |v| !v.is_null())?;
    let item = element_id(&item).ok_or_else(|| anyhow!("no menu item {item_text:?}"))?;
    click(session, &item)
}

fn dialog_control(session: &Session, css: &str) -> Result<Option<String>> {
    let value = wait_for(session, DIALOG_CONTROL, json!([css]), |v| !v.is_null())?;
    Ok(element_id(&value))
}

/// Clicks the platform's own confirmation, when it asks for one.
fn confirm(session: &Session, target: &Value) -> Result<()> {
    if let Some(css) = target["confirm"].as_str() {
        let deadline = Instant::now() + WAIT;
        loop {
            match session.find_element(css) {
                Ok(button) => return click(session, &button),
                Err(e) if Instant::now() >= deadline => return Err(e),
                Err(_) => thread::sleep(Duration::from_millis(25)),
            }
        }
    }
    Ok(())
}

fn wait_deleted(session: &Session, id: &str) -> Result<bool> {
    let found = wait_for(session, DELETED, json!([]), |v| {
        v.as_array()
            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(id)))
    })?;
    Ok(found
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(id))))
}

/// Delete on a complaint: held with a dialog; nothing deleted until the person goes ahead with a
/// reason; then the platform's own flow runs and the comment goes.
fn remove_complaint(session: &Session, spec: &Value, report: &mut GuardPageReport) -> Result<()> {
    let target = &spec["complaint"];
    let id = target["id"].as_str().context("complaint.id")?;
    pick(session, target)?;
    let Some(reason_box) = dialog_control(session, "input[type=text]")? else {
        report
            .problems
            .push("Delete on the complaint showed no Candor dialog".into());
        return Ok(());
    };
    let rule = session.execute(
        r#"return document.querySelector("[data-candor-guard-dialog]").getAttribute("data-rule");"#,
        json!([]),
    )?;
    if rule != json!("P6") {
        report
            .problems
            .push(format!("the dialog cites {rule}, not P6"));
    }
    // Held: the platform's own confirmation has not appeared and nothing is gone.
    thread::sleep(Duration::from_millis(300));
    if deleted(session)?.iter().any(|d| d == id) {
        report
            .problems
            .push("the complaint was deleted before the person confirmed".into());
    }
    if let Some(css) = target["confirm"].as_str() {
        if session.find_element(css).is_ok() {
            report.problems.push(
                "the platform's confirmation appeared before the person confirmed in Candor".into(),
            );
        }
    }
    let reason = spec["reason"].as_str().context("guard.reason")?;
    session.type_into(&reason_box, reason)?;
    let go_ahead = dialog_control(session, r#"button[data-choice="go-ahead"]"#)?
        .ok_or_else(|| anyhow!("the dialog has no go-ahead button"))?;
    click(session, &go_ahead)?;
    confirm(session, target)?;
    if !wait_deleted(session, id)? {
        report
            .problems
            .push("the complaint was not deleted after the person went ahead".into());
    }
    Ok(())
}

/// Delete on spam: no dialog, the platform's flow runs at once.
fn remove_spam(session: &Session, spec: &Value, report: &mut GuardPageReport) -> Result<()> {
    let target = &spec["spam"];
    let id = target["id"].as_str().context("spam.id")?;
    let dialogs_before = session.execute(READ_WATCH, json!([]))?["dialogs"].as_i64();
    pick(session, target)?;
    let noted = wait_for(
        session,
        r#"return Boolean(document.querySelector("[data-candor-guard-note]"));"#,
        json!([]),
        |v| v == &json!(true),
    )?;
    if noted != json!(true) {
        report
            .problems
            .push("removing spam showed no P7 note".into());
    }
    confirm(session, target)?;
    if !wait_deleted(session, id)? {
        report
            .problems
            .push("the spam comment was not deleted at once".into());
    }
    let dialogs_after = session.execute(READ_WATCH, json!([]))?["dialogs"].as_i64();
    if dialogs_after != dialogs_before {
        report
            .problems
            .push("removing spam showed Candor's dialog".into());
    }
    Ok(())
}

/// Hide on a question, then "reply instead": nothing is hidden, the dialog goes.
fn reply_instead(session: &Session, spec: &Value, report: &mut GuardPageReport) -> Result<()> {
    let target = &spec["question"];
    let id = target["id"].as_str().context("question.id")?;
    pick(session, target)?;
    let Some(reply) = dialog_control(session, r#"button[data-choice="reply"]"#)? else {
        report
            .problems
            .push("Hide on the question showed no Candor dialog".into());
        return Ok(());
    };
    click(session, &reply)?;
    thread::sleep(Duration::from_millis(300));
    if deleted(session)?.iter().any(|d| d == id) {
        report
            .problems
            .push("the question was hidden though the person chose to reply".into());
    }
    let open = session.execute(
        r#"return Boolean(document.querySelector("[data-candor-guard-dialog]"));"#,
        json!([]),
    )?;
    if open != json!(false) {
        report
            .problems
            .push("the dialog stayed open after \"reply instead\"".into());
    }
    Ok(())
}

/// Delete on a question, then Escape: the dialog closes and nothing else happens.
fn cancel_with_escape(session: &Session, spec: &Value, report: &mut GuardPageReport) -> Result<()> {
    let target = &spec["cancel"];
    let id = target["id"].as_str().context("cancel.id")?;
    pick(session, target)?;
    let Some(reason_box) = dialog_control(session, "input[type=text]")? else {
        report
            .problems
            .push("Delete on the question showed no Candor dialog".into());
        return Ok(());
    };
    // WebDriver's Escape key (U+E00C), typed where the focus is in the dialog.
    session.type_into(&reason_box, "\u{E00C}")?;
    let open = wait_for(
        session,
        r#"return Boolean(document.querySelector("[data-candor-guard-dialog]"));"#,
        json!([]),
        |v| v == &json!(false),
    )?;
    if open != json!(false) {
        report
            .problems
            .push("Escape did not close Candor's dialog".into());
    }
    thread::sleep(Duration::from_millis(300));
    if deleted(session)?.iter().any(|d| d == id) {
        report
            .problems
            .push("the question was deleted though the person cancelled".into());
    }
    if let Some(css) = target["confirm"].as_str() {
        if session.find_element(css).is_ok() {
            report
                .problems
                .push("the platform's confirmation appeared though the person cancelled".into());
        }
    }
    Ok(())
}

const GET_AUDIT_LOG: &str = r#"
const done = arguments[arguments.length - 1];
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.sendMessage({ v: 1, type: "GetAuditLog", format: "json" }).then(
  (reply) => done(JSON.stringify(reply)),
  (error) => done(JSON.stringify({ harness_error: String((error && error.message) || error) })),
);
"#;

/// The audit log (asked from the extension page) holds each decision taken on this page.
fn check_audit_log(
    launched: &Launched,
    url: &str,
    spec: &Value,
    report: &mut GuardPageReport,
) -> Result<()> {
    // The log is written as the dialog closes; give the message a moment.
    thread::sleep(Duration::from_millis(200));
    let raw = launched.session.execute_async(GET_AUDIT_LOG, json!([]))?;
    let reply: Value = serde_json::from_str(raw.as_str().unwrap_or("null"))?;
    if reply["type"] != "Export" {
        bail!("GetAuditLog answered {reply}");
    }
    let entries: Vec<Value> = serde_json::from_str(reply["content"].as_str().unwrap_or("[]"))?;
    let entry = |key: &str| {
        let id = spec[key]["id"].as_str().unwrap_or_default();
        entries
            .iter()
            .rev()
            .find(|e| e["url"] == url && e["comment_id"] == id)
            .cloned()
    };
    let mut expect = vec![
        (
            "complaint",
            json!(true),
            "carried_out",
            spec["reason"].clone(),
        ),
        ("spam", json!(false), "carried_out", Value::Null),
    ];
    if !spec["question"].is_null() {
        expect.push(("question", json!(true), "replied_instead", Value::Null));
    }
    if !spec["cancel"].is_null() {
        expect.push(("cancel", json!(true), "cancelled", Value::Null));
    }
    for (key, held, outcome, reason) in expect {
        match entry(key) {
            None => report
                .problems
                .push(format!("the audit log has no entry for the {key}")),
            Some(e) => {
                let seen = (&e["held"], e["outcome"].as_str(), &e["reason"]);
                if seen != (&held, Some(outcome), &reason) || e["author"] == "" {
                    report
                        .problems
                        .push(format!("the audit entry for the {key} is {e}"));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latency_counts_from_the_last_keystroke_to_the_first_update_showing_the_rule() {
        let cases = [
            (
                json!({"lastKey": 100.0, "updates": [[90.0, "P10"], [150.0, "P4"], [230.5, "P4 P10"]]}),
                Some(130.5),
            ),
            (json!({"lastKey": 100.0, "updates": [[90.0, "P10"]]}), None),
            (
                json!({"lastKey": 100.0, "updates": [[120.0, "P100"]]}),
                None,
            ),
            (json!({"updates": []}), None),
        ];
        for (watch, want) in cases {
            assert_eq!(first_update_with(&watch, "P10"), want, "{watch}");
        }
    }
}

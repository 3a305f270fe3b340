//! The guidance card, end to end: in a real browser with the built extension, on an English and a
//! French X fixture, a person opens a complaint's card (a mouse click on its badge; Enter on the
//! focused badge; Alt+Shift+G on the focused comment), reads it, moves through it with Tab, turns
//! trainee mode on, and closes it with Esc. Each step is one named check.
//!
//! Owns: the WebDriver choreography ([`card_checks`]) and the judging of what the card showed
//! ([`judge_open_card`]), which reads a snapshot of the card's open shadow root (`data-candor-card`)
//! so it can be unit-tested without a browser. It also saves screenshots of the card (light and
//! dark) in `dist/` for a person to look at.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

use super::browser::{Browser, Launched};
use super::server::{ServedPage, Server};
use super::{serve_and_launch, Check, ExtensionProbe};

/// A fixture page and the complaint on it whose card is opened.
struct CardPage {
    file: &'static str,
    /// The order number that tells the comment apart on its page.
    order: &'static str,
    /// A specific of the comment the card must repeat. Not the order number: the engine keeps
    /// personal details out of public guidance (P3); it quotes what happened and since when.
    specific: &'static str,
    lang: &'static str,
    opened_by: OpenedBy,
}

#[derive(Clone, Copy, PartialEq)]
enum OpenedBy {
    /// A mouse click on the badge, then (after Esc, in a dark theme) Enter on the focused badge.
    BadgeClickThenEnter,
    /// Alt+Shift+G on the focused comment.
    Shortcut,
}

const PAGES: [CardPage; 2] = [
    CardPage {
        file: "x/demo-thread-en.html",
        order: "BC-558120",
        specific: "since Thursday",
        lang: "en",
        opened_by: OpenedBy::BadgeClickThenEnter,
    },
    CardPage {
        file: "x/thread-fr.html",
        order: "VR-20931",
        specific: "depuis une semaine",
        lang: "fr",
        opened_by: OpenedBy::Shortcut,
    },
];

/// How long the card may take to show its guidance.
const CARD_WAIT: Duration = Duration::from_secs(8);

const KEY_TAB: &str = "\u{E004}";
const KEY_ENTER: &str = "\u{E007}";
const KEY_ESCAPE: &str = "\u{E00C}";
const KEY_SHIFT: &str = "\u{E008}";
const KEY_ALT: &str = "\u{E00A}";

/// Scrolls comment `arguments[0]` to the middle and answers a viewport point where a click lands
/// on its badge (the chip is in a closed shadow root: `elementFromPoint` answers its host), or null.
const BADGE_POINT: &str = r#"
const host = [...document.querySelectorAll("[data-candor-badge]")].find((h) => h.dataset.candorId === arguments[0]);
if (!host) return null;
(host.closest("article") ?? host.parentElement).scrollIntoView({ block: "center", behavior: "instant" });
const r = host.getBoundingClientRect();
for (let dy = 2; dy <= 16; dy += 2) {
  for (let dx = -80; dx <= 80; dx += 3) {
    const x = Math.round(r.left + dx), y = Math.round(r.top + dy);
    if (x < 1 || y < 1 || x >= innerWidth || y >= innerHeight) continue;
    if (document.elementFromPoint(x, y) === host) return [x, y];
  }
}
return null;
"#;

/// Where comment `arguments[0]` sits (its article's rect), to tell whether opening the card moved it.
const COMMENT_RECT: &str = r#"
const host = [...document.querySelectorAll("[data-candor-badge]")].find((h) => h.dataset.candorId === arguments[0]);
const root = host && (host.closest("article") ?? host.parentElement);
if (!root) return null;
const r = root.getBoundingClientRect();
return [r.left, r.top, r.width, r.height].map(Math.round);
"#;

/// Focuses comment `arguments[0]`'s article (X gives each a tabindex), as a person tabbing there.
const FOCUS_COMMENT: &str = r#"
const host = [...document.querySelectorAll("[data-candor-badge]")].find((h) => h.dataset.candorId === arguments[0]);
const root = host && host.closest("article");
if (!root) return false;
root.scrollIntoView({ block: "center", behavior: "instant" });
root.focus();
return document.activeElement === root;
"#;

/// What the card shows, read from its open shadow root.
const CARD_SNAPSHOT: &str = r#"
const host = document.querySelector("[data-candor-card]");
const active = document.activeElement;
const badge = active && active.hasAttribute("data-candor-badge") ? active.dataset.candorId : null;
const article = active && active.closest && active.closest("article");
const focusedComment = article && active === article
  ? ([...article.querySelectorAll("[data-candor-badge]")][0]?.dataset.candorId ?? null) : null;
if (!host || !host.shadowRoot) return { present: false, badge, focusedComment };
const d = host.shadowRoot.querySelector('[role="dialog"]');
const labelId = d.getAttribute("aria-labelledby");
const title = labelId ? host.shadowRoot.getElementById(labelId) : null;
const r = d.getBoundingClientRect();
const inner = host.shadowRoot.activeElement;
return {
  present: true,
  visible: d.style.display !== "none" && r.width > 0 && r.height > 0,
  state: d.dataset.state ?? null,
  for_id: host.dataset.candorFor ?? null,
  role: d.getAttribute("role"),
  title: title ? title.textContent : null,
  text: d.innerText,
  rules: [...d.querySelectorAll("li[data-rule]")].map((li) => li.dataset.rule),
  whys: d.querySelectorAll("[data-candor-card-why]").length,
  lang: d.querySelector("[data-candor-card-points]")?.lang ?? null,
  trainee: d.querySelector("[data-candor-card-trainee]")?.getAttribute("aria-checked") ?? null,
  focus_inside: active === host && !!inner && d.contains(inner),
  rect: [r.left, r.top, r.width, r.height].map(Math.round),
  viewport: [innerWidth, innerHeight],
  badge,
  focusedComment,
};
"#;

/// Gives the page a dark theme, as X's "Lights out" does (black background, light text).
const DARK_THEME: &str = r#"
for (const el of [document.documentElement, document.body]) {
  el.style.setProperty("background-color", "rgb(0, 0, 0)", "important");
  el.style.setProperty("color", "rgb(231, 233, 234)", "important");
}
for (const el of document.querySelectorAll("article, article *")) {
  if (el.closest("[data-candor-badge]")) continue;
  el.style.setProperty("color", "rgb(231, 233, 234)", "important");
  el.style.setProperty("background-color", "transparent", "important");
}
return true;
"#;

/// Runs every card check in `browser` with the extension in `extension_dir`.
pub fn card_checks(browser: Browser, extension_dir: &Path) -> Result<Vec<Check>> {
    let root = crate::root();
    let fixtures = root.join("tests/fixtures");
    let served = PAGES
        .iter()
        .map(|p| ServedPage::load(&fixtures, &fixtures.join(p.file)))
        .collect::<Result<Vec<_>>>()?;
    let (server, launched, mut probe) = serve_and_launch(served.clone(), browser, extension_dir)?;
    let mut checks = Vec::new();
    for (index, (page, served_page)) in PAGES.iter().zip(&served).enumerate() {
        server.set_active(Some(index));
        let prefix = format!("{} {}", browser.name(), page.file);
        match check_page(&launched, &mut probe, &server, page, served_page, &prefix) {
            Ok(mut found) => checks.append(&mut found),
            Err(e) => checks.push(Check::new(
                &prefix,
                "the card could be exercised",
                Some(format!("{e:#}")),
            )),
        }
    }
    Ok(checks)
}

fn check_page(
    launched: &Launched,
    probe: &mut ExtensionProbe,
    server: &Server,
    page: &CardPage,
    served: &ServedPage,
    prefix: &str,
) -> Result<Vec<Check>> {
    let session = &launched.session;
    let errors_before = extension_errors(launched)?;
    let (report, window) = probe.read_page(launched, server, served, true)?;
    let window = window.ok_or_else(|| anyhow!("the page's window was not kept"))?;
    let mut checks = Vec::new();
    let mut check = |name: &str, failure| checks.push(Check::new(prefix, name, failure));

    let target = report
        .comments
        .iter()
        .find(|c| c.text.contains(page.order))
        .ok_or_else(|| anyhow!("no comment read with {:?}", page.order))?;
    let id = target.id.clone();
    check(
        "the comment is read as a complaint",
        (target.category.as_deref() != Some("complaint"))
            .then(|| format!("read as {:?}", target.category)),
    );

    session.switch_to(&window)?;
    session.set_window_rect(1280, 1000)?;
    let shots = crate::root().join("dist");
    std::fs::create_dir_all(&shots)?;
    let stem = page.file.replace(['/', '.'], "-");

    // Open it as a person would.
    let before_rect;
    match page.opened_by {
        OpenedBy::BadgeClickThenEnter => {
            let point = session.execute(BADGE_POINT, json!([id]))?;
            let (x, y) = match (point[0].as_i64(), point[1].as_i64()) {
                (Some(x), Some(y)) => (x, y),
                _ => bail!("no point on the screen lands on the badge of {id}"),
            };
            before_rect = session.execute(COMMENT_RECT, json!([id]))?;
            click_at(launched, x, y)?;
        }
        OpenedBy::Shortcut => {
            let focused = session.execute(FOCUS_COMMENT, json!([id]))?;
            if focused != json!(true) {
                bail!("the comment {id} could not take the focus");
            }
            before_rect = session.execute(COMMENT_RECT, json!([id]))?;
            keys(
                launched,
                &[
                    ("keyDown", KEY_ALT),
                    ("keyDown", KEY_SHIFT),
                    ("keyDown", "G"),
                    ("keyUp", "G"),
                    ("keyUp", KEY_SHIFT),
                    ("keyUp", KEY_ALT),
                ],
            )?;
        }
    }
    let how = match page.opened_by {
        OpenedBy::BadgeClickThenEnter => "a click on the badge",
        OpenedBy::Shortcut => "Alt+Shift+G on the focused comment",
    };
    let shown = wait_for_card(launched, &id)?;
    let after_rect = session.execute(COMMENT_RECT, json!([id]))?;
    let expect = Expected {
        id: &id,
        specific: page.specific,
        lang: page.lang,
        comment_before: &before_rect,
        comment_after: &after_rect,
    };
    for (name, failure) in judge_open_card(&shown, &expect) {
        check(&format!("{how}: {name}"), failure);
    }

    // Tab stays inside the card.
    let mut escaped = None;
    for round in 1..=4 {
        keys(launched, &[("keyDown", KEY_TAB), ("keyUp", KEY_TAB)])?;
        let now = snapshot(launched)?;
        if now["focus_inside"] != json!(true) {
            escaped = Some(format!("after {round} Tab(s) the focus left the card"));
            break;
        }
    }
    check("Tab keeps the focus inside the card", escaped);

    // Trainee mode: a real click on the switch in the card's shadow root (EN page); on the next
    // page it must still be on (storage.local).
    if page.opened_by == OpenedBy::BadgeClickThenEnter {
        let was = shown["trainee"].clone();
        click_trainee_switch(launched)?;
        let after = wait_until(launched, |s| s["trainee"] != was)?;
        let points = after["rules"].as_array().map_or(0, Vec::len);
        check(
            "the trainee switch shows the reason of every point",
            (after["trainee"] != json!("true") || after["whys"].as_u64() != Some(points as u64))
                .then(|| {
                    format!(
                        "switch {} → {}, {} reason(s) for {points} point(s)",
                        was, after["trainee"], after["whys"]
                    )
                }),
        );
        save_png(
            launched,
            &shots.join(format!("card-{}-{stem}-light.png", launched.browser.name())),
        )?;
    } else {
        check(
            "trainee mode is remembered from the previous page",
            (shown["trainee"] != json!("true") || shown["whys"].as_u64().unwrap_or(0) == 0)
                .then(|| format!("switch {}, {} reason(s)", shown["trainee"], shown["whys"])),
        );
        save_png(
            launched,
            &shots.join(format!("card-{}-{stem}.png", launched.browser.name())),
        )?;
    }

    // Esc closes it and gives the focus back.
    keys(launched, &[("keyDown", KEY_ESCAPE), ("keyUp", KEY_ESCAPE)])?;
    let closed = snapshot(launched)?;
    check(
        "Esc closes the card",
        (closed["visible"] == json!(true)).then(|| "still shown".into()),
    );
    let back = match page.opened_by {
        OpenedBy::BadgeClickThenEnter => (closed["badge"].as_str() != Some(id.as_str()))
            .then(|| format!("the focus is on badge {} instead", closed["badge"])),
        OpenedBy::Shortcut => (closed["focusedComment"].as_str() != Some(id.as_str())).then(|| {
            format!(
                "the focus is on comment {} instead",
                closed["focusedComment"]
            )
        }),
    };
    check(
        "after Esc the focus is back where the card was opened from",
        back,
    );

    if page.opened_by == OpenedBy::BadgeClickThenEnter {
        // Dark theme, then Enter on the badge that has the focus again.
        session.execute(DARK_THEME, json!([]))?;
        keys(launched, &[("keyDown", KEY_ENTER), ("keyUp", KEY_ENTER)])?;
        let dark = wait_for_card(launched, &id);
        check(
            "Enter on the focused badge opens the card again (dark theme)",
            match &dark {
                Ok(s) if s["state"] == json!("ready") && s["focus_inside"] == json!(true) => None,
                Ok(s) => Some(format!(
                    "state {}, focus inside {}",
                    s["state"], s["focus_inside"]
                )),
                Err(e) => Some(format!("{e:#}")),
            },
        );
        save_png(
            launched,
            &shots.join(format!("card-{}-{stem}-dark.png", launched.browser.name())),
        )?;
        keys(launched, &[("keyDown", KEY_ESCAPE), ("keyUp", KEY_ESCAPE)])?;
    }

    session.close_window()?;
    session.switch_to(&probe.handle)?;
    let errors_after = extension_errors(launched)?;
    let new_errors: Vec<&Value> = errors_after.iter().skip(errors_before.len()).collect();
    check(
        "no extension error while the card was used",
        (!new_errors.is_empty()).then(|| format!("{new_errors:?}")),
    );
    Ok(checks)
}

/// What the card must show for the comment it was opened on.
pub struct Expected<'a> {
    pub id: &'a str,
    pub specific: &'a str,
    pub lang: &'a str,
    /// The comment's rect (`[left, top, width, height]`) before and after the card opened.
    pub comment_before: &'a Value,
    pub comment_after: &'a Value,
}

/// Judges a snapshot of the open card (see `CARD_SNAPSHOT`): each named check and, when it
/// failed, why.
pub fn judge_open_card(card: &Value, want: &Expected) -> Vec<(&'static str, Option<String>)> {
    let mut out = Vec::new();
    let shown = card["present"] == json!(true) && card["visible"] == json!(true);
    out.push((
        "the card opens for that comment",
        (!shown || card["for_id"].as_str() != Some(want.id)).then(|| {
            format!(
                "present {}, visible {}, for {}",
                card["present"], card["visible"], card["for_id"]
            )
        }),
    ));
    let title = card["title"].as_str().unwrap_or_default().trim();
    out.push((
        "it is a dialog named by its title, with the focus in it",
        (card["role"] != json!("dialog")
            || title.is_empty()
            || card["focus_inside"] != json!(true))
        .then(|| {
            format!(
                "role {}, title {:?}, focus inside {}",
                card["role"], title, card["focus_inside"]
            )
        }),
    ));
    let text = card["text"].as_str().unwrap_or_default();
    out.push((
        "its guidance names the comment's specifics",
        (card["state"] != json!("ready") || !text.contains(want.specific)).then(|| {
            format!(
                "state {}, {:?} not in {:?}",
                card["state"],
                want.specific,
                super::clip(text, 300)
            )
        }),
    ));
    let rules: Vec<&str> = card["rules"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let rule_ids_ok = rules.iter().all(|r| {
        r.strip_prefix('P')
            .and_then(|n| n.parse::<u8>().ok())
            .is_some_and(|n| (1..=18).contains(&n))
    });
    out.push((
        "3 to 6 points, each with its practice rule id",
        (!(3..=6).contains(&rules.len()) || !rule_ids_ok).then(|| format!("rules {rules:?}")),
    ));
    out.push((
        "the guidance is in the comment's language",
        (card["lang"].as_str() != Some(want.lang)).then(|| format!("lang {}", card["lang"])),
    ));
    out.push((
        "the page's layout did not move",
        (want.comment_before.is_null() || want.comment_before != want.comment_after).then(|| {
            format!(
                "comment at {} before, {} after",
                want.comment_before, want.comment_after
            )
        }),
    ));
    out.push((
        "the card is inside the window, beside the comment",
        placement_problem(card, want),
    ));
    out
}

/// Why the card is not inside the viewport and vertically next to its comment, if it is not.
fn placement_problem(card: &Value, want: &Expected) -> Option<String> {
    let num = |v: &Value, i: usize| v[i].as_f64();
    let (Some(left), Some(top), Some(width), Some(height)) = (
        num(&card["rect"], 0),
        num(&card["rect"], 1),
        num(&card["rect"], 2),
        num(&card["rect"], 3),
    ) else {
        return Some(format!("no rect: {}", card["rect"]));
    };
    let (Some(vw), Some(vh)) = (num(&card["viewport"], 0), num(&card["viewport"], 1)) else {
        return Some(format!("no viewport: {}", card["viewport"]));
    };
    if left < 0.0 || top < 0.0 || left + width > vw || top + height > vh {
        return Some(format!("card {:?} outside {vw}x{vh}", card["rect"]));
    }
    let (Some(c_top), Some(c_height)) = (num(want.comment_after, 1), num(want.comment_after, 3))
    else {
        return Some(format!("no comment rect: {}", want.comment_after));
    };
    // Beside = its vertical span meets the comment's, give or take the gap to the badge.
    let near = top <= c_top + c_height + 24.0 && top + height >= c_top - 24.0;
    (!near).then(|| {
        format!(
            "card {:?} far from the comment {}",
            card["rect"], want.comment_after
        )
    })
}

fn snapshot(launched: &Launched) -> Result<Value> {
    launched.session.execute(CARD_SNAPSHOT, json!([]))
}

/// Waits until the card shows guidance (or an error) for comment `id`.
fn wait_for_card(launched: &Launched, id: &str) -> Result<Value> {
    wait_until(launched, |s| {
        s["for_id"].as_str() == Some(id)
            && s["visible"] == json!(true)
            && matches!(s["state"].as_str(), Some("ready" | "error"))
    })
}

fn wait_until(launched: &Launched, done: impl Fn(&Value) -> bool) -> Result<Value> {
    let started = Instant::now();
    loop {
        let now = snapshot(launched)?;
        if done(&now) {
            return Ok(now);
        }
        if started.elapsed() > CARD_WAIT {
            return Ok(now); // Judged as it stands: the checks say what is missing.
        }
        thread::sleep(Duration::from_millis(100));
    }
}

/// A mouse click at a viewport point (WebDriver actions).
fn click_at(launched: &Launched, x: i64, y: i64) -> Result<()> {
    let session = &launched.session;
    session.command(
        "POST",
        "/actions",
        Some(json!({ "actions": [{
            "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
            "actions": [
                { "type": "pointerMove", "duration": 0, "origin": "viewport", "x": x, "y": y },
                { "type": "pointerDown", "button": 0 },
                { "type": "pointerUp", "button": 0 }
            ]
        }]})),
    )?;
    session.command("DELETE", "/actions", None).map(|_| ())
}

/// Key presses (WebDriver actions) on whatever has the focus.
fn keys(launched: &Launched, steps: &[(&str, &str)]) -> Result<()> {
    let session = &launched.session;
    let actions: Vec<Value> = steps
        .iter()
        .map(|(kind, value)| json!({ "type": kind, "value": value }))
        .collect();
    session.command(
        "POST",
        "/actions",
        Some(json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })),
    )?;
    session.command("DELETE", "/actions", None).map(|_| ())
}

/// Clicks the trainee switch through WebDriver's shadow-root commands (an element click, with the
/// driver's own interactability checks), as a person would.
fn click_trainee_switch(launched: &Launched) -> Result<()> {
    let session = &launched.session;
    let host = session
        .find_element("[data-candor-card]")
        .context("finding the card")?;
    let shadow = session.shadow_root(&host)?;
    let switch = session
        .find_in_shadow(&shadow, "[data-candor-card-trainee]")
        .context("finding the trainee switch")?;
    session
        .click_element(&switch)
        .context("clicking the trainee switch")
}

fn save_png(launched: &Launched, path: &Path) -> Result<()> {
    let png = launched.session.screenshot()?;
    std::fs::write(path, png).with_context(|| format!("writing {}", path.display()))?;
    eprintln!("card: screenshot saved to {}", path.display());
    Ok(())
}

/// The errors the extension has reported so far (asked from the extension page's window; the
/// current window is restored).
fn extension_errors(launched: &Launched) -> Result<Vec<Value>> {
    let session = &launched.session;
    let here = session.current_window()?;
    let reply = ExtensionProbe::ask(launched);
    session.switch_to(&here)?;
    Ok(reply?["errors"].as_array().cloned().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good_card() -> Value {
        json!({
            "present": true, "visible": true, "state": "ready", "for_id": "42", "role": "dialog",
            "title": "Reply guidance · Complaint", "text": "Name order BC-1 in your reply",
            "rules": ["P1", "P3", "P16"], "lang": "en", "focus_inside": true,
            "rect": [500, 220, 380, 300], "viewport": [1280, 1000]
        })
    }

    fn failed_names(card: &Value, before: &Value, after: &Value) -> Vec<&'static str> {
        let want = Expected {
            id: "42",
            specific: "BC-1",
            lang: "en",
            comment_before: before,
            comment_after: after,
        };
        judge_open_card(card, &want)
            .into_iter()
            .filter(|(_, f)| f.is_some())
            .map(|(n, _)| n)
            .collect()
    }

    #[test]
    fn each_fault_of_the_card_fails_its_own_check() {
        let rect = json!([0, 200, 600, 150]);
        let moved = json!([0, 260, 600, 150]);
        let cases: Vec<(&str, Value, &Value, Vec<&str>)> = vec![
            ("all good", json!({}), &rect, vec![]),
            (
                "another comment's card",
                json!({"for_id": "7"}),
                &rect,
                vec!["the card opens for that comment"],
            ),
            (
                "focus left on the page",
                json!({"focus_inside": false}),
                &rect,
                vec!["it is a dialog named by its title, with the focus in it"],
            ),
            (
                "no title",
                json!({"title": "  "}),
                &rect,
                vec!["it is a dialog named by its title, with the focus in it"],
            ),
            (
                "generic text",
                json!({"text": "Be kind"}),
                &rect,
                vec!["its guidance names the comment's specifics"],
            ),
            (
                "still loading",
                json!({"state": "loading"}),
                &rect,
                vec!["its guidance names the comment's specifics"],
            ),
            (
                "two points and an unknown rule",
                json!({"rules": ["P1", "P99"]}),
                &rect,
                vec!["3 to 6 points, each with its practice rule id"],
            ),
            (
                "wrong language",
                json!({"lang": "fr"}),
                &rect,
                vec!["the guidance is in the comment's language"],
            ),
            (
                "the comment moved",
                json!({}),
                &moved,
                vec!["the page's layout did not move"],
            ),
            (
                "off the window",
                json!({"rect": [1100, 220, 380, 300]}),
                &rect,
                vec!["the card is inside the window, beside the comment"],
            ),
            (
                "far from the comment",
                json!({"rect": [500, 600, 380, 300]}),
                &rect,
                vec!["the card is inside the window, beside the comment"],
            ),
        ];
        for (name, patch, after, want) in cases {
            let mut card = good_card();
            for (k, v) in patch.as_object().unwrap() {
                card[k] = v.clone();
            }
            let failed = failed_names(&card, &rect, after);
            assert_eq!(failed, want, "{name}");
        }
    }

    #[test]
    fn a_missing_card_fails_every_check() {
        let rect = json!([0, 200, 600, 150]);
        let failed = failed_names(&json!({"present": false}), &rect, &rect);
        // Layout is judged from the comment alone; all the rest needs a card.
        assert_eq!(failed.len(), 6, "{failed:?}");
        assert!(!failed.contains(&"the page's layout did not move"));
    }
}

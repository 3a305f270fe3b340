//! The practice page's rendering, run in headless Chromium by wasm-bindgen-test: the page is mounted
//! on a node of a document fragment (or of the page, where focus matters) with a sample thread and a
//! stand-in for the engine's review, and its DOM and the effects it asks for are checked — the
//! thread list with progress, the platform's look, comments set as text, the guidance before typing,
//! the coach's warnings, the score table, "try again", the progress record, a corrupt record, reset.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use candor::text::Lang;
use candor::web::ui::practice::page::{in_reading_order, Effect, PracticePage, Reviewer};
use candor::web::ui::practice::progress::Progress;
use candor::web::ui::practice::view::{
    quoted, read_index, read_review, read_thread, valid_thread_id, DraftWarning,
};
use candor::web::ui::practice::words::Words;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

use common::{all, attr, click, focused, mount_root, one, press, text, type_into, value_of};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const INDEX: &str = r#"{"schema_version": 1, "threads": [
  {"id": "en-fb-telecom", "lang": "en", "platform": "facebook", "title": "Outage at Brightwave"},
  {"id": "fr-x-banque", "lang": "fr", "platform": "x", "title": "Carte bloquée"}
]}"#;

fn thread_json() -> Value {
    json!({
        "schema_version": 1, "id": "en-fb-telecom", "lang": "en", "platform": "facebook",
        "title": "Outage at Brightwave", "brief": "The fibre network went down overnight. Answer as Brightwave's community team.",
        "brand": {"name": "Brightwave", "handle": "brightwave"},
        "profile": {"schema_version": 1, "id": "brightwave", "name": "Brightwave", "address": "you"},
        "post": {"author": "Brightwave", "time": "2026-10-02T09:00:00Z", "text": "Our new plans are live!"},
        "comments": [
            {"id": "c1", "author": "Dana Reeve", "handle": "dreeve", "time": "2026-10-02T09:14:00Z",
             "text": "No internet since 6am. <b>Third time</b> this month!", "parent_id": null, "by_brand": false,
             "expected": "complaint", "note": "A real complaint: name the outage."},
            {"id": "c2", "author": "Brightwave", "handle": "brightwave", "time": "2026-10-02T09:30:00Z",
             "text": "Sorry Dana, we're on it.", "parent_id": "c1", "by_brand": true,
             "expected": "neutral", "note": ""},
            {"id": "c3", "author": "Sam Ortiz", "handle": "sortiz", "time": "2026-10-02T09:40:00Z",
             "text": "Does the new plan include TV?", "parent_id": null, "by_brand": false,
             "expected": "question", "note": "Answer the question."}
        ]
    })
}

/// What the stand-in engine answers: guidance for an empty draft, a low score for a draft saying
/// "calm down", a high one otherwise.
fn review_answer(request: &Value) -> Value {
    let draft = request["draft"].as_str().unwrap_or_default();
    let defensive = draft.contains("calm down");
    let (rules, score) = if draft.is_empty() {
        (
            json!([
                {"rule": "P4", "title": "Name the problem", "score": 0, "max": 2, "why": "not written yet"},
                {"rule": "P9", "title": "Not defensive", "score": 0, "max": 2, "why": "not written yet"}
            ]),
            Value::Null,
        )
    } else if defensive {
        (
            json!([
                {"rule": "P4", "title": "Name the problem", "score": 0, "max": 2, "why": "the outage is not named"},
                {"rule": "P9", "title": "Not defensive", "score": 0, "max": 2, "why": "\"calm down\" argues"}
            ]),
            json!(0),
        )
    } else {
        (
            json!([
                {"rule": "P4", "title": "Name the problem", "score": 2, "max": 2, "why": "names the outage"},
                {"rule": "P9", "title": "Not defensive", "score": 1, "max": 2, "why": "no blame"}
            ]),
            json!(75),
        )
    };
    let warnings = if defensive {
        let start = draft.find("calm down").unwrap();
        json!([{"rule": "P9", "check": "defensive", "start": start, "end": start + 9,
                "message": "This reads as defensive."}])
    } else {
        json!([])
    };
    json!({
        "comment_id": request["comment_id"],
        "verdict": {"category": "complaint", "flags": [], "confidence": 0.9, "lang": "en", "cues": []},
        "expected": "complaint", "agrees": true,
        "guidance": {"category": "complaint", "lang": "en", "action": "move_to_private", "priority": "today",
            "points": [
                {"rule": "P4", "text": "Name the outage.", "why": "Specific beats generic."},
                {"rule": "P3", "text": "Continue in Messenger.", "why": "Personal cases go private."}
            ],
            "opening": null},
        "warnings": warnings,
        "rules": rules,
        "score": score,
        "verdict_text": "A complaint to acknowledge.",
        "note": "A real complaint: name the outage."
    })
}

struct Mounted {
    root: Element,
    page: PracticePage,
    effects: Rc<RefCell<Vec<Effect>>>,
    requests: Rc<RefCell<Vec<Value>>>,
}

fn mount(lang: Lang, in_page: bool) -> Mounted {
    let root = mount_root(in_page);
    let effects = Rc::new(RefCell::new(Vec::new()));
    let requests = Rc::new(RefCell::new(Vec::new()));
    let seen = requests.clone();
    let reviewer: Reviewer = Rc::new(move |request: &str| {
        let request: Value = serde_json::from_str(request).expect("the page sends JSON");
        let answer = review_answer(&request);
        seen.borrow_mut().push(request);
        answer.to_string()
    });
    let sink = effects.clone();
    let page = PracticePage::mount(&root, lang, reviewer, move |e| sink.borrow_mut().push(e));
    Mounted {
        root,
        page,
        effects,
        requests,
    }
}

/// A mounted page with the index and the sample thread loaded.
fn loaded(lang: Lang, in_page: bool) -> Mounted {
    let m = mount(lang, in_page);
    m.page.progress_loaded(Ok(None));
    m.page.set_index(read_index(INDEX));
    m.page
        .thread_loaded("en-fb-telecom", read_thread(&thread_json().to_string()));
    m
}

fn type_draft(m: &Mounted, draft: &str) {
    type_into(&one(&m.root, "textarea[data-role=draft]"), draft);
    m.page.review_now();
}

#[wasm_bindgen_test]
fn the_list_shows_each_thread_with_its_platform_and_progress() {
    let m = loaded(Lang::En, false);
    // Both threads were asked for, so the list can count their comments.
    assert_eq!(
        m.effects.borrow().as_slice(),
        [
            Effect::LoadThread("en-fb-telecom".into()),
            Effect::LoadThread("fr-x-banque".into())
        ]
    );
    let items = all(&m.root, ".thread-item");
    assert_eq!(items.len(), 2);
    assert_eq!(
        attr(&m.root, "[data-thread=en-fb-telecom]", "class").as_deref(),
        Some("thread-item platform-facebook")
    );
    assert_eq!(
        text(&m.root, "[data-thread=en-fb-telecom] .meta"),
        "Facebook · English"
    );
    // Two comments the trainee may answer (the brand's reply is not one).
    assert_eq!(
        text(&m.root, "[data-thread=en-fb-telecom] .progress"),
        "Not started · 2 comment(s) to answer"
    );
    assert_eq!(
        text(&m.root, "[data-thread=fr-x-banque] .progress"),
        "Loading…"
    );
    // The language filter.
    click(&m.root, "button[data-lang=fr]");
    assert_eq!(all(&m.root, ".thread-item").len(), 1);
    assert_eq!(
        attr(&m.root, "button[data-lang=fr]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert!(all(&m.root, "[data-thread=en-fb-telecom]").is_empty());
    click(&m.root, "button[data-lang=all]");
    assert_eq!(all(&m.root, ".thread-item").len(), 2);
    assert!(text(&m.root, ".next").contains("Submit a few replies"));
}

#[wasm_bindgen_test]
fn a_thread_is_drawn_in_its_platforms_look_with_comments_as_text() {
    let m = loaded(Lang::En, false);
    click(&m.root, "button.open-thread[data-thread=en-fb-telecom]");
    assert_eq!(
        m.effects.borrow().last(),
        Some(&Effect::Opened(Some("en-fb-telecom".into())))
    );
    let thread = one(&m.root, "section.thread");
    assert_eq!(
        thread.get_attribute("class").as_deref(),
        Some("thread look-facebook")
    );
    assert_eq!(
        thread.get_attribute("data-platform").as_deref(),
        Some("facebook")
    );
    assert_eq!(text(&m.root, "h1"), "Outage at Brightwave");
    assert!(text(&m.root, ".brief").contains("The fibre network went down"));
    assert!(text(&m.root, ".post .text").contains("Our new plans are live!"));
    let comments: Vec<String> = all(&m.root, "li.comment-item")
        .iter()
        .filter_map(|c| c.get_attribute("data-comment"))
        .collect();
    // The brand's reply right under the comment it answers.
    assert_eq!(comments, ["c1", "c2", "c3"]);
    assert!(
        attr(&m.root, "[data-comment=c2]", "class")
            .unwrap()
            .contains("by-brand depth-1")
            || attr(&m.root, "[data-comment=c2]", "class")
                .unwrap()
                .contains("depth-1 by-brand")
    );
    // Markup in a comment shows literally.
    let c1 = one(&m.root, "li[data-comment=c1] .text");
    assert_eq!(
        c1.text_content().unwrap(),
        "No internet since 6am. <b>Third time</b> this month!"
    );
    assert!(c1.query_selector("b").unwrap().is_none());
    // Only the audience's comments have a Reply button.
    assert_eq!(all(&m.root, "button.reply-action").len(), 2);
    assert!(all(&m.root, "li[data-comment=c2] button").is_empty());
    assert_eq!(
        text(&m.root, "li[data-comment=c1] .time"),
        "2 Oct 2026, 09:14"
    );
    assert_eq!(text(&m.root, "li[data-comment=c1] .avatar"), "DR");
    // Facebook shows no handles.
    assert!(all(&m.root, "li[data-comment=c1] .handle").is_empty());
    // Back to the list.
    click(&m.root, "button.back");
    assert_eq!(all(&m.root, ".thread-item").len(), 2);
    assert_eq!(m.effects.borrow().last(), Some(&Effect::Opened(None)));
}

#[wasm_bindgen_test]
fn picking_a_comment_shows_guidance_before_typing_then_warnings_and_a_score() {
    let m = loaded(Lang::En, true);
    click(&m.root, "button.open-thread[data-thread=en-fb-telecom]");
    click(&m.root, "li[data-comment=c1] button.reply-action");
    assert_eq!(
        attr(
            &m.root,
            "li[data-comment=c1] button.reply-action",
            "aria-expanded"
        )
        .as_deref(),
        Some("true")
    );
    // The guidance came from an empty-draft review, in the page's language.
    let first = m.requests.borrow()[0].clone();
    assert_eq!(first["comment_id"], "c1");
    assert_eq!(first["draft"], "");
    assert_eq!(first["ui_lang"], "en");
    assert_eq!(first["thread"], thread_json());
    let rules: Vec<String> = all(&m.root, ".guidance .points li")
        .iter()
        .filter_map(|li| li.get_attribute("data-rule"))
        .collect();
    assert_eq!(rules, ["P4", "P3"]);
    assert!(text(&m.root, ".guidance .points li[data-rule=P4]").contains("Specific beats generic."));
    assert!(text(&m.root, ".guidance .action").contains("private message"));
    assert!(text(&m.root, ".warnings-region").starts_with("Start typing"));
    // The draft has focus and a label.
    let area = one(&m.root, "textarea[data-role=draft]");
    assert_eq!(focused().as_ref(), Some(&area));
    let label_for = attr(&m.root, ".reply-box label", "for").unwrap();
    assert_eq!(area.get_attribute("id"), Some(label_for));

    // Other keys leave the reply box open.
    press(&area, "a");
    assert_eq!(all(&m.root, ".reply-box").len(), 1);

    // A defensive draft: the warning with its rule and the words it is about.
    type_draft(&m, "Please calm down, it's fine.");
    assert_eq!(text(&m.root, ".warnings li[data-rule=P9] .rule"), "P9");
    assert_eq!(
        text(&m.root, ".warnings li[data-rule=P9] .quote"),
        "calm down"
    );
    // Typing redraws only the warnings: the draft keeps its focus.
    assert_eq!(focused().as_ref(), Some(&area));

    click(&m.root, "button[data-action=submit]");
    let rows = all(&m.root, "table.scores tbody tr");
    assert_eq!(rows.len(), 2);
    assert_eq!(attr(&m.root, ".total", "data-score").as_deref(), Some("0"));
    assert_eq!(text(&m.root, "tr[data-rule=P9] .score"), "0/2");
    assert_eq!(
        text(&m.root, "tr[data-rule=P9] .why"),
        "\"calm down\" argues"
    );
    assert_eq!(
        attr(&m.root, ".agreement", "data-agrees").as_deref(),
        Some("true")
    );
    assert!(text(&m.root, ".note").contains("name the outage"));
    let saved = m.effects.borrow().iter().rev().find_map(|e| match e {
        Effect::SaveProgress(json) => Some(json.clone()),
        _ => None,
    });
    let saved = Progress::from_json(&saved.expect("the attempt is stored")).unwrap();
    assert_eq!(saved.best("en-fb-telecom", "c1"), Some(0));

    // Try again keeps the draft; a better reply scores higher and becomes the best.
    click(&m.root, "button[data-action=again]");
    assert!(all(&m.root, "table.scores").is_empty());
    let area = one(&m.root, "textarea[data-role=draft]");
    assert_eq!(value_of(&area), "Please calm down, it's fine.");
    type_draft(
        &m,
        "Dana, a fibre outage three times this month is too much; we're on it.",
    );
    assert_eq!(
        text(&m.root, ".warnings-region"),
        "Nothing to flag in your draft so far."
    );
    click(&m.root, "button[data-action=submit]");
    assert_eq!(attr(&m.root, ".total", "data-score").as_deref(), Some("75"));
    assert_eq!(m.page.progress().best("en-fb-telecom", "c1"), Some(75));
    assert_eq!(
        text(&m.root, "li[data-comment=c1] .best"),
        "Your best: 75/100"
    );

    // Escape closes the reply box, focus back on its button; reopening finds the draft.
    press(&one(&m.root, "textarea[data-role=draft]"), "Escape");
    assert!(all(&m.root, ".reply-box").is_empty());
    let button = one(&m.root, "li[data-comment=c1] button.reply-action");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(focused().as_ref(), Some(&button));
    click(&m.root, "li[data-comment=c1] button.reply-action");
    let area = one(&m.root, "textarea[data-role=draft]");
    assert!(value_of(&area).starts_with("Dana, a fibre outage"));

    // The list now shows the thread attempted, and the weakest rule.
    click(&m.root, "button.back");
    let progress = one(&m.root, "[data-thread=en-fb-telecom] .progress");
    assert_eq!(
        progress.get_attribute("data-attempted").as_deref(),
        Some("1")
    );
    assert_eq!(progress.get_attribute("data-best").as_deref(), Some("75"));
    assert!(text(&m.root, ".next li").starts_with("P9"));
    m.root.remove();
}

#[wasm_bindgen_test]
fn an_empty_draft_is_not_submitted() {
    let m = loaded(Lang::Fr, false);
    click(&m.root, "button.open-thread[data-thread=en-fb-telecom]");
    click(&m.root, "li[data-comment=c3] article.comment");
    assert_eq!(m.requests.borrow()[0]["ui_lang"], "fr");
    assert_eq!(
        text(&m.root, ".reply-box label"),
        "Votre réponse à Sam Ortiz"
    );
    click(&m.root, "button[data-action=submit]");
    assert!(all(&m.root, "table.scores").is_empty());
    assert!(text(&m.root, ".live").contains("Rédigez votre réponse"));
    assert!(!m
        .effects
        .borrow()
        .iter()
        .any(|e| matches!(e, Effect::SaveProgress(_))));
}

#[wasm_bindgen_test]
fn a_corrupt_record_is_replaced_after_saying_so() {
    let m = mount(Lang::En, false);
    m.page
        .progress_loaded(Err("expected value at line 1".into()));
    assert!(text(&m.root, ".notice.warn").contains("could not be read (expected value at line 1)"));
    assert!(text(&m.root, ".live").contains("fresh record"));
    match m.effects.borrow().as_slice() {
        [Effect::SaveProgress(json)] => {
            assert_eq!(Progress::from_json(json).unwrap(), Progress::default())
        }
        other => panic!("expected one SaveProgress, got {other:?}"),
    };
}

#[wasm_bindgen_test]
fn reset_asks_first_then_erases() {
    let m = loaded(Lang::En, false);
    let mut stored = Progress::default();
    stored.record(candor::web::ui::practice::progress::Attempt {
        thread: "en-fb-telecom".into(),
        comment: "c3".into(),
        score: 40,
        at_ms: 1,
        rules: [("P2".to_string(), 1)].into_iter().collect(),
    });
    m.page.progress_loaded(Ok(Some(stored)));
    let attempted = || {
        attr(
            &m.root,
            "[data-thread=en-fb-telecom] .progress",
            "data-attempted",
        )
    };
    assert_eq!(attempted().as_deref(), Some("1"));
    click(&m.root, "button[data-action=reset]");
    assert!(text(&m.root, ".confirm").contains("cannot be undone"));
    click(&m.root, "button[data-action=reset-no]");
    assert_eq!(m.page.progress().best("en-fb-telecom", "c3"), Some(40));
    click(&m.root, "button[data-action=reset]");
    click(&m.root, "button[data-action=reset-yes]");
    assert_eq!(m.page.progress(), Progress::default());
    assert_eq!(attempted().as_deref(), Some("0"));
    assert_eq!(text(&m.root, ".live"), "Your progress was erased.");
}

#[wasm_bindgen_test]
fn a_thread_that_fails_to_load_says_why() {
    let m = mount(Lang::En, false);
    m.page.open_thread("en-missing");
    assert_eq!(
        m.effects.borrow().first(),
        Some(&Effect::LoadThread("en-missing".into()))
    );
    m.page.thread_loaded("en-missing", Err("HTTP 404".into()));
    assert_eq!(
        text(&m.root, ".notice"),
        "Could not load the thread \"en-missing\": HTTP 404"
    );
    m.page.set_index(Err("not JSON".into()));
    click(&m.root, "button.back");
    assert!(
        text(&m.root, ".threads").contains("Could not load the list of practice threads: not JSON")
    );
}

#[wasm_bindgen_test]
fn readers_refuse_what_is_missing_naming_the_field() {
    let cases = [
        (r#"{"threads": []}"#, "schema_version"),
        (
            r#"{"schema_version": 2, "threads": []}"#,
            "schema_version 2",
        ),
        (r#"{"schema_version": 1}"#, "threads"),
        (
            r#"{"schema_version": 1, "threads": [{"id": "a", "lang": "de", "platform": "x", "title": "t"}]}"#,
            "threads[0].lang",
        ),
        (
            r#"{"schema_version": 1, "threads": [{"id": "../etc", "lang": "en", "platform": "x", "title": "t"}]}"#,
            "threads[0].id",
        ),
        ("nope", "not JSON"),
    ];
    for (text, says) in cases {
        let error = read_index(text).unwrap_err();
        assert!(error.contains(says), "{text}: {error}");
    }
    let mut thread = thread_json();
    thread["comments"][1]["text"] = json!(12);
    let error = read_thread(&thread.to_string()).unwrap_err();
    assert!(error.contains("comments[1].text"), "{error}");
    let mut thread = thread_json();
    thread["platform"] = json!("myspace");
    assert!(read_thread(&thread.to_string())
        .unwrap_err()
        .contains("platform"));
    assert_eq!(
        read_thread(&thread_json().to_string())
            .unwrap()
            .answerable(),
        2
    );

    assert_eq!(
        read_review(r#"{"error": "unknown comment id c9"}"#).unwrap_err(),
        "unknown comment id c9"
    );
    let mut answer = review_answer(&json!({"comment_id": "c1", "draft": "x"}));
    answer["rules"][0]["score"] = json!("two");
    assert!(read_review(&answer.to_string())
        .unwrap_err()
        .contains("rules[0].score"));
    let answer = review_answer(&json!({"comment_id": "c1", "draft": ""}));
    assert_eq!(read_review(&answer.to_string()).unwrap().score, None);

    for (id, ok) in [
        ("en-x-airline", true),
        ("", false),
        ("A", false),
        ("a/b", false),
        ("a.json", false),
    ] {
        assert_eq!(valid_thread_id(id), ok, "{id}");
    }
}

#[wasm_bindgen_test]
fn replies_follow_their_parent_and_cycles_do_not_hang() {
    let thread = read_thread(&thread_json().to_string()).unwrap();
    let mut comments = thread.comments.clone();
    comments.swap(0, 2); // c3, c2 (reply to c1), c1
    let order: Vec<(String, usize)> = in_reading_order(&comments)
        .into_iter()
        .map(|(c, d)| (c.id.clone(), d))
        .collect();
    assert_eq!(
        order,
        [("c3".into(), 0), ("c1".into(), 0), ("c2".into(), 1)]
    );
    // c1 and c2 answer each other: both still show, once.
    comments[2].parent_id = Some("c2".into());
    let order: Vec<String> = in_reading_order(&comments)
        .into_iter()
        .map(|(c, _)| c.id.clone())
        .collect();
    assert_eq!(order.len(), 3);
    assert!(order.contains(&"c1".to_string()) && order.contains(&"c2".to_string()));
}

#[wasm_bindgen_test]
fn a_warning_quotes_the_characters_it_is_about() {
    let warning = |start, end| DraftWarning {
        rule: "P10".into(),
        message: "m".into(),
        start,
        end,
    };
    let draft = "Désolé 🙏 pour la gêne occasionnée";
    assert_eq!(
        quoted(draft, &warning(9, 34)).as_deref(),
        Some("pour la gêne occasionnée")
    );
    assert_eq!(quoted(draft, &warning(7, 8)).as_deref(), Some("🙏"));
    assert_eq!(quoted(draft, &warning(5, 5)), None);
    assert_eq!(quoted(draft, &warning(200, 210)), None);
}

#[wasm_bindgen_test]
fn times_are_written_in_the_pages_language() {
    let cases = [
        (Lang::En, "2026-10-02T09:14:00Z", "2 Oct 2026, 09:14"),
        (Lang::Fr, "2026-10-02T09:14:00Z", "2 oct. 2026, 09:14"),
        (Lang::Fr, "2026-08-31", "31 août 2026"),
        (Lang::En, "yesterday", "yesterday"),
        (Lang::En, "2026-13-02T09:14:00Z", "2026-13-02T09:14:00Z"),
        (Lang::En, "", ""),
        (Lang::En, "2026-1é-02", "2026-1é-02"),
    ];
    for (lang, iso, want) in cases {
        assert_eq!(Words::new(lang).time(iso), want, "{iso}");
    }
}

#[wasm_bindgen_test]
fn every_rule_has_a_short_name_in_both_languages() {
    for n in 1..=18 {
        let rule = format!("P{n}");
        for lang in [Lang::En, Lang::Fr] {
            let title = Words::new(lang).rule_title(&rule);
            assert!(title.is_some_and(|t| !t.is_empty()), "{rule} {lang:?}");
        }
        assert_ne!(
            Words::new(Lang::En).rule_title(&rule),
            Words::new(Lang::Fr).rule_title(&rule)
        );
    }
    assert_eq!(Words::new(Lang::En).rule_title("P19"), None);
    assert_eq!(Words::new(Lang::Other).lang, Lang::En);
    assert_eq!(
        Words::new(Lang::En).thread_progress(2, 9, Some(71)),
        "2 of 9 comment(s) tried · best average 71/100"
    );
}

/// The shipped French thread on X, reviewed by the real engine.
#[wasm_bindgen_test]
fn a_shipped_thread_runs_a_full_attempt_with_the_real_engine() {
    const INDEX: &str = include_str!("../../extension/practice/index.json");
    const THREAD: &str = include_str!("../../extension/practice/fr-x-banque.json");
    let root = mount_root(false);
    let reviewer: Reviewer = Rc::new(|request: &str| candor::practice::review_json(request));
    let page = PracticePage::mount(&root, Lang::Fr, reviewer, |_| {});
    page.progress_loaded(Ok(None));
    page.set_index(read_index(INDEX));
    page.thread_loaded("fr-x-banque", read_thread(THREAD));
    click(&root, "button.open-thread[data-thread=fr-x-banque]");
    assert_eq!(
        attr(&root, "section.thread", "class").as_deref(),
        Some("thread look-x")
    );
    let file: Value = serde_json::from_str(THREAD).unwrap();
    let comments = file["comments"].as_array().unwrap();
    assert_eq!(all(&root, "li.comment-item").len(), comments.len());
    for c in comments {
        let selector = format!(
            "li[data-comment={}] .comment > .text",
            c["id"].as_str().unwrap()
        );
        assert_eq!(text(&root, &selector), c["text"].as_str().unwrap());
    }
    click(&root, "li[data-comment=c1] button.reply-action");
    let points = all(&root, ".guidance .points li");
    assert!(!points.is_empty());
    for point in &points {
        let rule = point.get_attribute("data-rule").unwrap();
        assert!(
            rule.starts_with('P') && rule[1..].parse::<u8>().is_ok(),
            "{rule}"
        );
    }
    // The profile says tu: a defensive reply in vous.
    type_into(
        &one(&root, "textarea[data-role=draft]"),
        "Veuillez vous calmer, ce n'est pas de notre faute.",
    );
    page.review_now();
    assert!(!all(&root, ".warnings li[data-rule]").is_empty());
    click(&root, "button[data-action=submit]");
    let rows = all(&root, "table.scores tbody tr");
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(!row
            .query_selector(".why")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
            .is_empty());
    }
    let total: u8 = attr(&root, ".total", "data-score")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(page.progress().best("fr-x-banque", "c1"), Some(total));
}

/// Each platform's look sets handles its own way: `@handle` and "replying to" on X, the handle as a
/// headline on LinkedIn, none on Facebook (see the Facebook test above).
#[wasm_bindgen_test]
fn handles_follow_the_platforms_habits() {
    for (platform, handle, replying) in [
        ("x", Some("@dreeve"), Some("replying to @dreeve")),
        ("linkedin", Some("dreeve"), None),
    ] {
        let mut thread = thread_json();
        thread["platform"] = json!(platform);
        let m = mount(Lang::En, false);
        m.page.progress_loaded(Ok(None));
        m.page.set_index(read_index(INDEX));
        m.page
            .thread_loaded("en-fb-telecom", read_thread(&thread.to_string()));
        click(&m.root, "button.open-thread[data-thread=en-fb-telecom]");
        assert_eq!(
            attr(&m.root, "section.thread", "class"),
            Some(format!("thread look-{platform}"))
        );
        assert_eq!(
            all(&m.root, "li[data-comment=c1] .handle")
                .first()
                .and_then(|h| h.text_content()),
            handle.map(str::to_string),
            "{platform}"
        );
        assert_eq!(
            all(&m.root, "li[data-comment=c2] .replying-to")
                .first()
                .and_then(|h| h.text_content()),
            replying.map(str::to_string),
            "{platform}"
        );
    }
}

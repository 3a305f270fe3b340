//! The shipped practice threads, and reviews of good and poor drafts on them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

use serde_json::{json, Value};

use super::review::{review_json, Decision};
use super::thread::{is_iso8601, PracticeIndex, PracticeThread};
use crate::classify::{classify, Category, Flag};
use crate::thread::Platform;

fn practice_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../extension/practice")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(practice_dir().join(name))
        .unwrap_or_else(|e| panic!("reading extension/practice/{name}: {e}"))
}

/// Every shipped thread, in the index's order.
fn shipped() -> Vec<PracticeThread> {
    let index = PracticeIndex::from_json(&read("index.json")).expect("index.json is valid");
    index
        .threads
        .iter()
        .map(|entry| {
            let thread = PracticeThread::from_json(&read(&format!("{}.json", entry.id)))
                .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
            thread
                .profile()
                .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
            assert_eq!(
                thread.index_entry(),
                *entry,
                "index.json differs from {}.json",
                entry.id
            );
            thread
        })
        .collect()
}

#[test]
fn the_index_lists_exactly_the_thread_files() {
    let mut files: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(practice_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if let Some(id) = name.strip_suffix(".json") {
            if id != "index" {
                files.insert(id.to_string());
            }
        }
    }
    let index = PracticeIndex::from_json(&read("index.json")).unwrap();
    let listed: BTreeSet<String> = index.threads.iter().map(|t| t.id.clone()).collect();
    assert_eq!(listed, files);
    assert_eq!(listed.len(), index.threads.len(), "an id is listed twice");
    assert_eq!(shipped().len(), files.len());
}

#[test]
fn each_thread_follows_the_content_rules() {
    let threads = shipped();
    let mut platforms: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut urgent: BTreeMap<&str, usize> = BTreeMap::new();
    let mut markup = 0;
    for t in &threads {
        let lang = t.lang.as_str();
        let platform = match t.platform {
            Platform::X => "x",
            Platform::Facebook => "facebook",
            Platform::Linkedin => "linkedin",
        };
        assert!(
            platforms.entry(lang).or_default().insert(platform),
            "{}: two {lang} threads on {platform}",
            t.id
        );
        assert!(
            (8..=14).contains(&t.comments.len()),
            "{}: {} comments",
            t.id,
            t.comments.len()
        );
        assert!(
            t.id.starts_with(lang),
            "{}: the id starts with its language",
            t.id
        );
        assert!(is_iso8601(&t.post.time), "{}", t.id);
        let mut counts: BTreeMap<Category, usize> = BTreeMap::new();
        for c in t.answerable() {
            *counts.entry(c.expected).or_default() += 1;
        }
        for (category, least) in [
            (Category::Complaint, 2),
            (Category::Question, 1),
            (Category::Praise, 1),
            (Category::Troll, 1),
            (Category::Spam, 1),
            (Category::Neutral, 1),
        ] {
            assert!(
                counts.get(&category).copied().unwrap_or(0) >= least,
                "{}: fewer than {least} {category:?}: {counts:?}",
                t.id
            );
        }
        let brand: Vec<_> = t.comments.iter().filter(|c| c.by_brand).collect();
        assert!(
            (1..=2).contains(&brand.len()),
            "{}: {} brand replies",
            t.id,
            brand.len()
        );
        for b in &brand {
            let parent = b
                .parent_id
                .as_deref()
                .expect("a brand reply answers someone");
            assert!(
                !t.comment(parent).unwrap().by_brand,
                "{}: {} answers the brand",
                t.id,
                b.id
            );
        }
        // Personal data offered in public: a number (order, booking, customer, phone) somewhere.
        assert!(
            t.answerable()
                .any(|c| crate::classify::pii::find(&c.text).iter().any(|_| true)),
            "{}: no comment offers personal data",
            t.id
        );
        // The rude-but-legitimate complaint (P7): a complaint the engine finds rude.
        assert!(
            t.answerable().any(|c| {
                let v = classify(&c.text, None);
                c.expected == Category::Complaint
                    && (v.flags.contains(&Flag::Profanity) || v.flags.contains(&Flag::Abusive))
            }),
            "{}: no rude but legitimate complaint",
            t.id
        );
        *urgent.entry(lang).or_default() += t
            .answerable()
            .filter(|c| classify(&c.text, None).flags.contains(&Flag::Urgent))
            .count();
        markup += t.comments.iter().filter(|c| c.text.contains("<b>")).count();
        for c in &t.comments {
            assert!(!c.note.trim().is_empty(), "{}/{}", t.id, c.id);
        }
    }
    let all: BTreeSet<&str> = ["facebook", "linkedin", "x"].into();
    for lang in ["en", "fr"] {
        assert_eq!(
            platforms.get(lang),
            Some(&all),
            "{lang}: one thread per platform"
        );
        assert!(
            urgent.get(lang).copied().unwrap_or(0) >= 1,
            "{lang}: no urgent case"
        );
    }
    assert!(markup >= 1, "no comment shows markup-looking text");
}

#[test]
fn report_how_often_the_engine_agrees_with_the_labels() {
    let mut agree = 0;
    let mut total = 0;
    let mut misses = Vec::new();
    for t in shipped() {
        for c in t.answerable() {
            let got = classify(&c.text, None).category;
            total += 1;
            if got == c.expected {
                agree += 1;
            } else {
                misses.push(format!("{}/{}: {:?} for {:?}", t.id, c.id, got, c.expected));
            }
        }
    }
    let share = agree as f64 * 100.0 / total as f64;
    println!("engine agrees with the threads' labels on {agree}/{total} comments ({share:.0}%)");
    for m in &misses {
        println!("  differs: {m}");
    }
    assert!(share >= 60.0, "{share:.0}% agreement: {misses:#?}");
}

/// One review through the JSON surface, as the page asks for it.
fn ask(thread: &PracticeThread, comment: &str, draft: &str, lang: &str) -> Value {
    let request = json!({"thread": thread, "comment_id": comment, "draft": draft, "ui_lang": lang});
    serde_json::from_str(&review_json(&request.to_string())).expect("the answer is JSON")
}

fn thread(id: &str) -> PracticeThread {
    PracticeThread::from_json(&read(&format!("{id}.json"))).unwrap()
}

fn check_rows(answer: &Value, context: &str) {
    let rules = answer["rules"]
        .as_array()
        .unwrap_or_else(|| panic!("{context}: {answer}"));
    assert!(!rules.is_empty(), "{context}: no rule scored");
    for r in rules {
        assert!(
            !r["why"].as_str().unwrap_or("").trim().is_empty(),
            "{context}: {r}"
        );
        assert!(
            !r["title"].as_str().unwrap_or("").is_empty(),
            "{context}: {r}"
        );
        assert!(r["score"].as_u64().unwrap() <= r["max"].as_u64().unwrap());
    }
}

/// (thread, comment, good draft, poor draft): one pair per category and language.
const PAIRS: &[(&str, &str, &str, &str)] = &[
    // English complaint with a booking reference: private channel, named problem, next step.
    (
        "en-x-airline",
        "c10",
        "@ravi_shah Ravi, you paid £45 for a SkyPlus seat and ended up in row 31: that's not right. I'll refund the seat fee today; I've sent you a DM to confirm. ^Dana",
        "@ravi_shah We apologise for any inconvenience. Please call our customer service. ^Dana",
    ),
    // English rude but legitimate complaint.
    (
        "en-x-airline",
        "c4",
        "@gazw A soaked bag three times this month is not acceptable. I'm passing this to our Manchester baggage team today and will DM you to look at each claim. ^Dana",
        "@gazw There's no need for that language. Bags get wet when it rains, it's not our fault. ^Dana",
    ),
    // English question.
    (
        "en-x-airline",
        "c12",
        "@aishab The Lisbon flights use our A321neo, with 79 cm of legroom in every row. ^Dana",
        "@aishab Great question! Book now with our Flex fare and get 20% off your next trip, don't miss out!",
    ),
    // English praise.
    (
        "en-x-airline",
        "c5",
        "@helenok Thank you Helen! We'll pass this on to the SK219 crew, they'll be glad your son had a calm flight. ^Dana",
        "@helenok Thank you for your feedback. ^Dana",
    ),
    // English troll and spam: letting go beats a long reply.
    (
        "en-x-airline",
        "c6",
        "no reply",
        "@flyboy_99 Actually our punctuality is 87% this year, better than most airlines. Our sandwiches are made fresh every morning. You clearly haven't flown with us recently. Maybe check the facts before posting. ^Dana",
    ),
    (
        "en-x-airline",
        "c7",
        "hide",
        "@fastcash_wins Thanks for reaching out! ^Dana",
    ),
    // English neutral remark: nothing to answer, and never a sales pitch.
    (
        "en-x-airline",
        "c8",
        "no reply",
        "@mags_lowe Book your Lisbon flight now from just £49, limited offer, use code LISBON10! ^Dana",
    ),
    // English urgent case: alert now, go private, don't send them to the phone.
    (
        "en-x-airline",
        "c9",
        "@dmoore_mcr Daniel, your mum's insulin is our priority: I've alerted the Manchester duty manager right now and sent you a DM. ^Dana",
        "@dmoore_mcr Please call our customer service line, they will help you. ^Dana",
    ),
    // English complaint on LinkedIn.
    (
        "en-linkedin-software",
        "c1",
        "Sarah, a Bank Feed that hasn't synced since 3 October and ticket 58821 unanswered for six days is not acceptable at month-end. I have passed it to our engineers today and will send you a LinkedIn message within the hour. Owen, Ledgerlight",
        "Thank you for your feedback. We are aware of some issues and are working hard to resolve them.",
    ),
    // French neutral remark.
    (
        "fr-facebook-telecom",
        "c8",
        "pas de réponse",
        "Abonnez-vous vite à la Fibre Ondéa : -50 % ce mois-ci avec le code FIBRE50 !",
    ),
    // French urgent case.
    (
        "fr-x-banque",
        "c9",
        "@emma_lfv Emma, trois paiements frauduleux après le vol de ton téléphone : j'alerte tout de suite notre cellule fraude et je t'écris en message privé. — Inès",
        "@emma_lfv Il faut appeler le service opposition au numéro indiqué sur le site. — Inès",
    ),
    // French complaint on LinkedIn.
    (
        "fr-linkedin-mobilier",
        "c10",
        "Bonjour Élodie, des traces noires sur votre parquet en chêne après nos Chaises Lina : c'est un défaut de notre part. Je vous écris par message LinkedIn pour organiser la réparation dès cette semaine. Antoine, Maison Ardoise",
        "Bonjour, nos produits sont contrôlés avant expédition. Le problème vient sûrement de l'entretien de votre parquet.",
    ),
    // French complaint with personal data.
    (
        "fr-facebook-telecom",
        "c11",
        "Bonjour Franck, une facture d'octobre après une résiliation demandée le 2 septembre, ce n'est pas normal. Je vous écris sur Messenger pour vérifier votre dossier et je reviens vers vous aujourd'hui. Camille",
        "Bonjour, nous vous prions de nous excuser pour ce désagrément. Merci d'envoyer un e-mail au service client.",
    ),
    // French rude but legitimate complaint.
    (
        "fr-facebook-telecom",
        "c4",
        "Bonjour Kevin, deux prélèvements de 39,99 € en octobre, c'est une erreur de notre part. Je vous écris sur Messenger pour lancer le remboursement du double prélèvement dès aujourd'hui. Camille",
        "Merci de rester poli. Vous avez sûrement mal lu votre facture, vérifiez avant d'accuser.",
    ),
    // French question.
    (
        "fr-facebook-telecom",
        "c9",
        "Bonjour Julien, le raccordement est compris dans l'abonnement : vous ne payez rien à l'installation. Camille",
        "Bonjour, tout est expliqué sur notre site. Bonne journée !",
    ),
    // French praise.
    (
        "fr-facebook-telecom",
        "c5",
        "Merci Nadine ! Nous transmettons vos mots au technicien venu à Condom : il sera touché de savoir que votre mère a tout compris. Camille",
        "Merci.",
    ),
    // French troll and spam.
    (
        "fr-facebook-telecom",
        "c6",
        "pas de réponse",
        "Vous vous trompez complètement. Nos contrats sont clairs et nos abonnés savent très bien lire. Nos prix sont les meilleurs du marché. Renseignez-vous avant d'écrire n'importe quoi.",
    ),
    (
        "fr-facebook-telecom",
        "c7",
        "masquer",
        "Merci pour votre message, bonne journée !",
    ),
];

#[test]
fn good_drafts_score_above_poor_ones() {
    for (thread_id, comment, good, poor) in PAIRS {
        let t = thread(thread_id);
        let lang = t.lang.as_str();
        let good_answer = ask(&t, comment, good, lang);
        let poor_answer = ask(&t, comment, poor, lang);
        let context = format!("{thread_id}/{comment}");
        check_rows(&good_answer, &format!("{context} good"));
        check_rows(&poor_answer, &format!("{context} poor"));
        let (g, p) = (
            good_answer["score"].as_u64().unwrap(),
            poor_answer["score"].as_u64().unwrap(),
        );
        println!("{context}: good {g}, poor {p}");
        assert!(
            g > p,
            "{context}: good {g} ≤ poor {p}\ngood: {}\npoor: {}",
            good_answer["rules"],
            poor_answer["rules"]
        );
        assert!(
            g >= 70,
            "{context}: a good draft scores {g}: {}",
            good_answer["rules"]
        );
        assert!(
            !good_answer["verdict_text"].as_str().unwrap().is_empty(),
            "{context}"
        );
        assert_eq!(good_answer["note"], json!(t.comment(comment).unwrap().note));
    }
}

#[test]
fn an_empty_draft_gets_guidance_and_no_score() {
    let t = thread("en-x-airline");
    for (draft, lang) in [("", "en"), ("   \n", "fr")] {
        let answer = ask(&t, "c1", draft, lang);
        assert_eq!(answer["score"], Value::Null, "{answer}");
        assert!(!answer["guidance"]["points"].as_array().unwrap().is_empty());
        assert_eq!(answer["warnings"], json!([]));
        let want = if lang == "fr" {
            "pas encore rédigé"
        } else {
            "not written yet"
        };
        for r in answer["rules"].as_array().unwrap() {
            assert_eq!(r["score"], 0, "{r}");
            assert_eq!(r["why"], want, "{r}");
        }
    }
}

#[test]
fn the_answer_carries_the_contract_fields() {
    let t = thread("fr-facebook-telecom");
    let answer = ask(
        &t,
        "c4",
        "Bonjour Kevin, je regarde le double prélèvement.",
        "fr",
    );
    for key in [
        "comment_id",
        "verdict",
        "expected",
        "agrees",
        "guidance",
        "warnings",
        "rules",
        "score",
        "verdict_text",
        "note",
    ] {
        assert!(answer.get(key).is_some(), "no {key}: {answer}");
    }
    assert_eq!(answer["comment_id"], "c4");
    assert_eq!(answer["expected"], "complaint");
    for key in ["category", "flags", "confidence", "lang", "cues"] {
        assert!(answer["verdict"].get(key).is_some(), "verdict has no {key}");
    }
    for key in ["rule", "text", "why"] {
        assert!(answer["guidance"]["points"][0].get(key).is_some());
    }
    // The guidance follows the thread author's label.
    assert_eq!(answer["guidance"]["category"], "complaint");
}

#[test]
fn an_answered_comment_says_so() {
    let t = thread("en-x-airline");
    let answered = ask(&t, "c1", "@priya_n Priya, we're on it.", "en");
    let open = ask(&t, "c4", "@gazw We're on it.", "en");
    assert_eq!(answered["answered"], true);
    assert_eq!(open["answered"], false);
    assert!(answered["verdict_text"]
        .as_str()
        .unwrap()
        .contains("already answered"));
    // Pasting the brand's own reply again is caught (P10, don't repeat yourself).
    let brand_reply = &t.comment("c2").unwrap().text;
    let repeated = ask(&t, "c1", brand_reply, "en");
    let p10 = repeated["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "P10")
        .expect("P10 is scored");
    assert_eq!(p10["score"], 0, "{p10}");
}

#[test]
fn decisions_are_read_from_the_draft_or_the_request() {
    let cases = [
        ("", Decision::Empty),
        ("  ", Decision::Empty),
        ("No reply.", Decision::NoReply),
        ("[pas de réponse]", Decision::NoReply),
        ("Hide", Decision::Hide),
        ("Masquer le commentaire", Decision::Hide),
        ("Hide and seek is fun", Decision::Reply),
        ("Thanks!", Decision::Reply),
    ];
    for (draft, want) in cases {
        assert_eq!(Decision::of(draft), want, "{draft:?}");
    }
    let t = thread("en-x-airline");
    let request = json!({"thread": t, "comment_id": "c7", "decision": "hide", "ui_lang": "en"});
    let answer: Value = serde_json::from_str(&review_json(&request.to_string())).unwrap();
    assert_eq!(answer["score"], 100, "{answer}");
    // Not replying to a complaint is the worst answer.
    let silent = ask(&t, "c4", "no reply", "en");
    assert_eq!(silent["score"], 0, "{silent}");
    assert!(silent["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["rule"] == "P2"));
}

#[test]
fn bad_requests_get_a_plain_error_naming_what_is_wrong() {
    let t = thread("en-x-airline");
    let good = serde_json::to_value(&t).unwrap();
    let mut no_brief = good.clone();
    no_brief.as_object_mut().unwrap().remove("brief");
    let mut bad_parent = good.clone();
    bad_parent["comments"][2]["parent_id"] = json!("c99");
    let mut bad_profile = good.clone();
    bad_profile["profile"]["address"] = json!("toi");
    let mut bad_time = good.clone();
    bad_time["comments"][0]["time"] = json!("yesterday");
    let mut twice = good.clone();
    twice["comments"][1]["id"] = json!("c1");
    let cases: Vec<(String, &str)> = vec![
        ("not json".into(), "not valid JSON"),
        ("".into(), "not valid JSON"),
        (
            json!({"thread": good, "draft": "x"}).to_string(),
            "comment_id",
        ),
        (json!({"comment_id": "c1"}).to_string(), "thread"),
        (
            json!({"thread": good, "comment_id": "c99"}).to_string(),
            "c99",
        ),
        (
            json!({"thread": good, "comment_id": "c2"}).to_string(),
            "brand",
        ),
        (
            json!({"thread": no_brief, "comment_id": "c1"}).to_string(),
            "brief",
        ),
        (
            json!({"thread": bad_parent, "comment_id": "c1"}).to_string(),
            "comments[2].parent_id",
        ),
        (
            json!({"thread": bad_profile, "comment_id": "c1"}).to_string(),
            "profile.address",
        ),
        (
            json!({"thread": bad_time, "comment_id": "c1"}).to_string(),
            "comments[0].time",
        ),
        (
            json!({"thread": twice, "comment_id": "c1"}).to_string(),
            "comments[1].id",
        ),
        (
            json!({"thread": "a string", "comment_id": "c1"}).to_string(),
            "must be an object",
        ),
    ];
    for (request, needle) in cases {
        let answer: Value = serde_json::from_str(&review_json(&request)).unwrap();
        let error = answer["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{needle}: {answer}"));
        assert!(error.contains(needle), "{needle}: {error}");
    }
    let fr: Value = serde_json::from_str(&review_json(
        &json!({"thread": good, "comment_id": "c2", "ui_lang": "fr"}).to_string(),
    ))
    .unwrap();
    assert!(fr["error"].as_str().unwrap().contains("marque"), "{fr}");
}

#[test]
fn odd_drafts_get_a_review_not_a_panic() {
    let t = thread("fr-facebook-telecom");
    let huge = "très long ".repeat(100_000);
    let zalgo = "B\u{0301}\u{0302}\u{0303}o\u{0334}\u{0335}njour".repeat(50);
    let drafts = [
        huge.as_str(),
        "<b>Bonjour</b> <script>alert(1)</script>",
        "مرحبا، سنراسلك على ماسنجر",
        zalgo.as_str(),
        "🙂🙂🙂",
        "\u{202e}inverse\u{202c}",
    ];
    for draft in drafts {
        let answer = ask(&t, "c1", draft, "fr");
        assert!(answer.get("error").is_none(), "{answer}");
        assert!(answer["score"].as_u64().is_some());
        check_rows(&answer, &draft.chars().take(20).collect::<String>());
    }
}

/// A small benchmark: `cargo test -p candor --release practice::tests::bench -- --ignored --nocapture`.
#[test]
#[ignore = "a benchmark: prints figures"]
fn bench_practice_review() {
    let t = thread("en-x-airline");
    let request = json!({"thread": t, "comment_id": "c10", "ui_lang": "en",
        "draft": "@ravi_shah Ravi, you paid £45 for a SkyPlus seat and ended up in row 31. I'll refund the seat fee today; I've sent you a DM. ^Dana"})
    .to_string();
    let empty = json!({"thread": t, "comment_id": "c10", "ui_lang": "en", "draft": ""}).to_string();
    let fr = json!({"thread": thread("fr-facebook-telecom"), "comment_id": "c4", "ui_lang": "fr",
        "draft": "Bonjour Kevin, deux prélèvements de 39,99 € en octobre : je vous écris sur Messenger pour lancer le remboursement aujourd'hui. Camille"})
    .to_string();
    let huge = json!({"thread": t, "comment_id": "c10", "ui_lang": "en", "draft": "a late seat refund ".repeat(55_000)})
        .to_string();
    for (name, request) in [
        ("draft", &request),
        ("empty draft", &empty),
        ("French draft", &fr),
        ("1 MB draft", &huge),
    ] {
        let _ = review_json(request);
        let runs = if request.len() > 100_000 { 5 } else { 200 };
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(review_json(std::hint::black_box(request)));
        }
        let per = start.elapsed() / runs;
        println!(
            "practice_review ({name}, {} request bytes): {per:?} per call over {runs} calls",
            request.len()
        );
    }
}

#[test]
fn every_comment_of_every_thread_gets_a_review_in_both_languages() {
    for t in shipped() {
        for c in t.answerable() {
            for lang in ["en", "fr"] {
                let context = format!("{}/{} ({lang})", t.id, c.id);
                let empty = ask(&t, &c.id, "", lang);
                assert_eq!(empty["score"], Value::Null, "{context}: {empty}");
                check_rows(&empty, &context);
                let generic = ask(
                    &t,
                    &c.id,
                    "Thanks for your message, we'll look into it.",
                    lang,
                );
                check_rows(&generic, &context);
                let score = generic["score"]
                    .as_u64()
                    .expect("a written draft is scored");
                assert!(score <= 100, "{context}");
                if lang == "en" {
                    let rules: Vec<String> = generic["rules"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| format!("{}={}", r["rule"].as_str().unwrap(), r["score"]))
                        .collect();
                    println!(
                        "{context}: {} {} generic {score} [{}] {}",
                        c.expected.as_str(),
                        generic["guidance"]["action"],
                        rules.join(" "),
                        generic["verdict_text"]
                    );
                }
            }
        }
    }
}

#[test]
fn the_hand_reader_agrees_with_serde_and_names_the_field() {
    for t in shipped() {
        let text = read(&format!("{}.json", t.id));
        let by_serde: PracticeThread = serde_json::from_str(&text).unwrap();
        assert_eq!(
            PracticeThread::from_json(&text).unwrap(),
            by_serde,
            "{}",
            t.id
        );
    }
    let good = serde_json::to_value(thread("en-x-airline")).unwrap();
    let edits: [(&str, Value, &str); 10] = [
        ("/bogus", json!(1), "`bogus` is not a known field"),
        (
            "/brand/colour",
            json!("red"),
            "`brand.colour` is not a known field",
        ),
        (
            "/comments/3/likes",
            json!(4),
            "`comments[3].likes` is not a known field",
        ),
        (
            "/comments/3/expected",
            json!("rant"),
            "`comments[3].expected` must be one of",
        ),
        (
            "/comments/3/by_brand",
            json!("yes"),
            "`comments[3].by_brand` must be true or false",
        ),
        (
            "/comments/3/text",
            json!(12),
            "`comments[3].text` must be a text",
        ),
        (
            "/comments/3/text",
            json!("  "),
            "`comments[3].text` is empty",
        ),
        ("/platform", json!("myspace"), "`platform` must be"),
        ("/lang", json!("de"), "`lang` must be"),
        ("/schema_version", json!(2), "`schema_version` is 2"),
    ];
    for (pointer, value, want) in edits {
        let mut bad = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        bad.pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.to_string(), value);
        let error = PracticeThread::from_value(bad).unwrap_err().to_string();
        assert!(error.contains(want), "{pointer}: {error}");
    }
    let mut no_comments = good.clone();
    no_comments["comments"] = json!([]);
    let error = PracticeThread::from_value(no_comments).unwrap_err();
    assert_eq!(error.field, "comments");
    assert!(PracticeThread::from_json("{")
        .unwrap_err()
        .to_string()
        .contains("not JSON"));
}

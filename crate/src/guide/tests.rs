use super::opening::is_stock;
use super::*;
use crate::profile::{self, Address, Signature};
use crate::text::detect_lang;

const VELOCITE: &str = include_str!("../../../examples/profiles/velocite.candor.json");
const NORTHWIND: &str = include_str!("../../../examples/profiles/northwind-energy.candor.json");

/// (profile, comment, lang, words the points must quote, words the opening must quote)
type SpecificsCase<'a> = (&'a Profile, &'a str, Lang, &'a [&'a str], &'a [&'a str]);
/// (comment, category, flags, platform, profile, action, priority, a word the card must hold)
type ActionCase<'a> = (
    &'a str,
    Category,
    &'a [Flag],
    Option<Platform>,
    &'a Profile,
    Action,
    Priority,
    &'a str,
);

fn verdict(category: Category, flags: &[Flag], lang: Lang) -> Verdict {
    Verdict {
        category,
        flags: flags.to_vec(),
        confidence: 0.9,
        lang,
        cues: Vec::new(),
    }
}

fn input(text: &str, platform: Option<Platform>, author: Option<&str>) -> GuideInput {
    GuideInput {
        text: text.into(),
        platform,
        author: author.map(String::from),
        id: None,
    }
}

fn all_text(g: &Guidance) -> String {
    let mut s: Vec<String> = g
        .points
        .iter()
        .flat_map(|p| [p.text.clone(), p.why.clone()])
        .collect();
    s.extend(g.opening.clone());
    s.join("\n")
}

/// Every card: 3 to 6 points, each traced to a rule and explained; nothing canned.
fn check_card(g: &Guidance, context: &str) {
    assert!((3..=6).contains(&g.points.len()), "{context}: {g:#?}");
    for p in &g.points {
        let n: u32 = p.rule[1..].parse().unwrap_or(0);
        assert!(
            p.rule.starts_with('P') && (1..=18).contains(&n),
            "{context}: {p:?}"
        );
        assert!(p.text.len() > 20 && p.why.len() > 40, "{context}: {p:?}");
        assert!(!is_stock(&p.text) && !is_stock(&p.why), "{context}: {p:?}");
    }
    if let Some(o) = &g.opening {
        assert!(!is_stock(o), "{context}: {o}");
        assert!(!o.contains('{') && !o.contains('['), "{context}: {o}");
    }
}

#[test]
fn the_card_names_the_specifics_of_the_comment() {
    let velocite = profile::load(VELOCITE).unwrap();
    let northwind = profile::load(NORTHWIND).unwrap();
    // (profile, comment, lang, words the points must quote, words the opening must quote)
    let cases: [SpecificsCase; 5] = [
        (
            &velocite,
            "Ma commande 48213 n'est toujours pas arrivée depuis lundi, c'est inadmissible",
            Lang::Fr,
            &[
                "(commande 48213, « depuis lundi »)",
                "livraison en retard",
                "agacée",
            ],
            &["ta commande 48213", "depuis lundi"],
        ),
        (
            &velocite,
            "Le chargeur de mon Urbain 3 est cassé, il ne charge plus",
            Lang::Fr,
            &[
                "Urbain 3",
                "chargeur",
                "produit défectueux",
                "la révision offerte",
            ],
            &["ton Urbain 3"],
        ),
        (
            &northwind,
            "My ticket 5521 has had no reply since Monday and you charged me £40 twice",
            Lang::En,
            &[
                "ticket 5521",
                "“since Monday”",
                "£40",
                "a £10 account credit",
            ],
            &["ticket 5521", "since Monday"],
        ),
        (
            &northwind,
            "My SmartMeter Go stopped working",
            Lang::En,
            &["SmartMeter Go", "faulty product"],
            &["SmartMeter Go"],
        ),
        (
            &Profile::default(),
            "The app is down again, can't log in",
            Lang::En,
            &["service outage", "app"],
            &["outage", "app"],
        ),
    ];
    for (profile, text, lang, in_points, in_opening) in cases {
        let g = guide(
            &input(text, Some(Platform::Facebook), Some("Marie Dupont")),
            &verdict(Category::Complaint, &[], lang),
            profile,
            &ThreadContext::default(),
        );
        check_card(&g, text);
        assert_eq!(g.lang, lang);
        let points: String = g.points.iter().map(|p| p.text.as_str()).collect();
        for word in in_points {
            assert!(points.contains(word), "{text}: {word:?} not in {points}");
        }
        let opening = g.opening.clone().unwrap_or_default();
        for word in in_opening {
            assert!(opening.contains(word), "{text}: {word:?} not in {opening}");
        }
        assert!(opening.contains("Marie"), "{opening}");
    }
}

#[test]
fn the_brand_voice_is_honoured() {
    let tu = profile::load(VELOCITE).unwrap();
    let vous = Profile {
        address: Address::Vous,
        signature: Some(Signature {
            text: "L'équipe Vélocité".into(),
            required: false,
        }),
        ..tu.clone()
    };
    let text = "Ma commande 48213 n'est toujours pas arrivée";
    // (profile, the voice point must say, the opening must say, must not say)
    let cases = [
        (
            &tu,
            &[
                "Tutoyez",
                "parlez en tant que « Léa, de l'atelier Vélocité »",
                "signez « Léa 🚲 »",
                "évitez « malheureusement »",
                "« l'atelier » plutôt que « SAV »",
            ][..],
            "ta commande",
            "votre",
        ),
        (
            &vous,
            &["Vouvoyez", "vous pouvez signer « L'équipe Vélocité »"][..],
            "votre commande",
            "ta commande",
        ),
    ];
    for (profile, voice, opening_has, opening_lacks) in cases {
        // Each opening shape is tried, so a tu/vous slip in any of them would show.
        for id in 0..12 {
            let mut i = input(text, Some(Platform::X), Some("marie_d"));
            i.id = Some(id.to_string());
            let g = guide(
                &i,
                &verdict(Category::Complaint, &[], Lang::Fr),
                profile,
                &ThreadContext::default(),
            );
            check_card(&g, text);
            let p11 = g
                .points
                .iter()
                .find(|p| p.rule == "P11")
                .expect("a voice point");
            for v in voice {
                assert!(p11.text.contains(v), "{v:?} not in {}", p11.text);
            }
            let o = g.opening.unwrap();
            assert!(o.contains(opening_has) && !o.contains(opening_lacks), "{o}");
            assert!(!o.contains("🙂"), "no emoji on a complaint opening: {o}");
        }
    }
    // Praise may carry the brand's emoji; a brand that never uses one gets none.
    let praise = "J'adore mon Urbain 3 !";
    let with_emoji = guide(
        &input(praise, None, None),
        &verdict(Category::Praise, &[], Lang::Fr),
        &tu,
        &ThreadContext::default(),
    );
    let never = Profile {
        emoji: profile::EmojiPolicy::Never,
        ..tu.clone()
    };
    let without = guide(
        &input(praise, None, None),
        &verdict(Category::Praise, &[], Lang::Fr),
        &never,
        &ThreadContext::default(),
    );
    assert!(with_emoji.opening.unwrap().contains("🙂"));
    assert!(!without.opening.unwrap().contains("🙂"));
}

#[test]
fn a_complaint_naming_nothing_known_is_acknowledged_in_its_own_words() {
    use crate::classify::Cue;
    let text = "Honestly this is the last straw with you people";
    let cue = |start: usize, end: usize| Cue {
        start,
        end,
        reason: "complaint".into(),
    };
    // (cues the classifier gave, the opening quotes)
    let cases = [
        (vec![cue(17, 31)], Some("“the last straw”")),
        (vec![], None),
        (vec![cue(0, 400)], None),
        (vec![cue(40, 10)], None),
    ];
    for (cues, quoted) in cases {
        let mut v = verdict(Category::Complaint, &[], Lang::En);
        v.cues = cues;
        let g = guide(
            &input(text, None, None),
            &v,
            &Profile::default(),
            &ThreadContext::default(),
        );
        check_card(&g, text);
        match quoted {
            Some(q) => assert!(
                g.opening.as_deref().unwrap_or("").contains(q),
                "{:?}",
                g.opening
            ),
            None => assert_eq!(g.opening, None),
        }
    }
}

/// Every problem kind, in both languages, with both forms of address, on every platform: the
/// opening names the problem, uses the brand's address only, and leaves no template mark behind.
#[test]
fn every_problem_reads_right_in_every_voice() {
    let tu_words = [" tu ", " ton ", " ta ", " tes ", " te ", " t'"];
    let vous_words = [" vous ", " votre ", " vos "];
    for kind in IssueKind::ALL {
        let phrase = kind.phrases()[0];
        for (lang, extra) in [(Lang::Fr, "commande 48213"), (Lang::En, "order 48213")] {
            for address in [Address::Tu, Address::Vous] {
                for platform in [
                    None,
                    Some(Platform::Facebook),
                    Some(Platform::X),
                    Some(Platform::Linkedin),
                ] {
                    let profile = Profile {
                        address,
                        ..Profile::default()
                    };
                    let text = format!("{phrase}, {extra}");
                    for id in 0..7 {
                        let mut i = input(&text, platform, Some("Marie"));
                        i.id = Some(id.to_string());
                        let g = guide(
                            &i,
                            &verdict(Category::Complaint, &[], lang),
                            &profile,
                            &ThreadContext::default(),
                        );
                        let context = format!("{kind:?} {lang:?} {address:?} {platform:?} {id}");
                        check_card(&g, &context);
                        assert_eq!(
                            extract(&text, &profile).issues.first(),
                            Some(&kind),
                            "{context}"
                        );
                        let o = format!(
                            " {} ",
                            g.opening
                                .clone()
                                .unwrap_or_default()
                                .to_lowercase()
                                .replace([',', '.', ';', ':', '?'], " ")
                        );
                        // How someone was treated is about them, not their order.
                        if kind != IssueKind::RudeStaff {
                            assert!(o.contains("48213"), "{context}: {o}");
                        }
                        if lang == Lang::Fr {
                            let wrong = if address == Address::Tu {
                                &vous_words[..]
                            } else {
                                &tu_words[..]
                            };
                            assert!(!wrong.iter().any(|w| o.contains(w)), "{context}: {o}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn outside_support_hours_the_card_says_to_tell_when_the_team_returns() {
    let p = profile::load(VELOCITE).unwrap(); // Mon–Fri 09:00–18:30, Sat 10:00–17:00, +01:00
    let monday = 1_795_392_000; // 2026-11-23 00:00 UTC, a Monday
    let cases = [
        (None, false),
        (Some(monday + 9 * 3600), true),   // Monday 10:00 in Lyon
        (Some(monday + 20 * 3600), false), // Monday 21:00 in Lyon
        (Some(monday + 6 * 86_400 + 11 * 3600), false), // Sunday 12:00 in Lyon
    ];
    for (now, open) in cases {
        let context = ThreadContext {
            now,
            ..Default::default()
        };
        let g = guide(
            &input("Mon Urbain 3 est cassé", Some(Platform::Facebook), None),
            &verdict(Category::Complaint, &[], Lang::Fr),
            &p,
            &context,
        );
        check_card(&g, "hours");
        let told = g
            .points
            .iter()
            .any(|p| p.rule == "P2" && p.text.contains("Hors des heures"));
        assert_eq!(told, now.is_some() && !open, "{now:?}");
    }
}

#[test]
fn different_complaints_get_different_guidance() {
    let p = profile::load(VELOCITE).unwrap();
    let texts = [
        "Ma commande 48213 n'est toujours pas arrivée",
        "Mon Urbain 3 est cassé",
        "J'ai été prélevé deux fois de 49 euros",
        "Le vendeur a été très désagréable",
        "Ticket 5521 toujours sans réponse depuis lundi",
    ];
    let cards: Vec<Guidance> = texts
        .iter()
        .map(|t| {
            guide(
                &input(t, Some(Platform::Facebook), None),
                &verdict(Category::Complaint, &[], Lang::Fr),
                &p,
                &ThreadContext::default(),
            )
        })
        .collect();
    for (a, ca) in cards.iter().enumerate() {
        for (b, cb) in cards.iter().enumerate().skip(a + 1) {
            assert_ne!(
                ca.points[0].text, cb.points[0].text,
                "{} / {}",
                texts[a], texts[b]
            );
            assert_ne!(ca.opening, cb.opening, "{} / {}", texts[a], texts[b]);
        }
    }
}

#[test]
fn the_action_follows_category_flags_and_platform() {
    let northwind = profile::load(NORTHWIND).unwrap();
    let d = Profile::default();
    use Action::*;
    use Category::*;
    // (comment, category, flags, platform, profile, action, priority, a word of the P3/P7/P8 point)
    let cases: Vec<ActionCase> = vec![
        (
            "Order 48213 never arrived",
            Complaint,
            &[],
            Some(Platform::X),
            &d,
            MoveToPrivate,
            Priority::Today,
            "an X direct message",
        ),
        (
            "Commande 48213 jamais reçue",
            Complaint,
            &[],
            Some(Platform::Facebook),
            &d,
            MoveToPrivate,
            Priority::Today,
            "Messenger",
        ),
        (
            "Order 48213 never arrived",
            Complaint,
            &[],
            Some(Platform::Linkedin),
            &d,
            MoveToPrivate,
            Priority::Today,
            "a LinkedIn message",
        ),
        (
            "Order 48213 never arrived",
            Complaint,
            &[],
            Some(Platform::Facebook),
            &northwind,
            AnswerPublicly,
            Priority::Today,
            "no private messages on Facebook",
        ),
        (
            "WHERE IS MY ORDER, THIS IS A JOKE",
            Complaint,
            &[],
            Some(Platform::X),
            &d,
            MoveToPrivate,
            Priority::Now,
            "angry",
        ),
        (
            "The website is down for everyone",
            Complaint,
            &[],
            Some(Platform::X),
            &d,
            AnswerPublicly,
            Priority::Today,
            "Answer in public",
        ),
        (
            "Your delivery sucks, my fucking parcel is lost",
            Complaint,
            &[Flag::Profanity],
            None,
            &d,
            MoveToPrivate,
            Priority::Today,
            "complaint is real",
        ),
        (
            "Do you deliver to Belgium?",
            Question,
            &[],
            Some(Platform::Facebook),
            &d,
            AnswerQuestion,
            Priority::Today,
            "Answer in public",
        ),
        (
            "Mon numéro client est 99812, pouvez-vous vérifier ?",
            Question,
            &[Flag::PersonalData],
            Some(Platform::Facebook),
            &d,
            MoveToPrivate,
            Priority::Today,
            "données personnelles",
        ),
        (
            "Love my new bike!",
            Praise,
            &[],
            None,
            &d,
            Thank,
            Priority::WhenPossible,
            "Thank them",
        ),
        (
            "LOL this brand is a joke, nobody buys it",
            Troll,
            &[],
            None,
            &d,
            DoNotEngage,
            Priority::None,
            "provocation",
        ),
        (
            "You are all idiots and thieves",
            Troll,
            &[Flag::Abusive],
            None,
            &d,
            Hide,
            Priority::WhenPossible,
            "You may hide",
        ),
        (
            "Check out my channel, free iPhones",
            Spam,
            &[],
            None,
            &d,
            Hide,
            Priority::WhenPossible,
            "spam",
        ),
        (
            "My charger caught fire in the kitchen",
            Complaint,
            &[Flag::Urgent],
            Some(Platform::X),
            &northwind,
            Escalate,
            Priority::Now,
            "Customer safety desk",
        ),
        (
            "Nice weather today",
            Neutral,
            &[],
            None,
            &d,
            NoReplyNeeded,
            Priority::None,
            "Read the rest",
        ),
    ];
    for (text, category, flags, platform, profile, action, priority, word) in cases {
        let lang = if detect_lang(text) == Lang::Fr || text.contains("numéro") {
            Lang::Fr
        } else {
            Lang::En
        };
        let g = guide(
            &input(text, platform, None),
            &verdict(category, flags, lang),
            profile,
            &ThreadContext::default(),
        );
        check_card(&g, text);
        assert_eq!((g.action, g.priority), (action, priority), "{text}");
        assert!(
            all_text(&g).contains(word),
            "{text}: {word:?} not in {:#?}",
            g.points
        );
        // Never send a public complaint to e-mail or the phone (P3).
        let joined = all_text(&g).to_lowercase();
        assert!(
            !joined.contains("e-mail us") && !joined.contains("call us"),
            "{text}"
        );
    }
}

#[test]
fn on_x_the_card_counts_the_mention() {
    let p = profile::load(VELOCITE).unwrap();
    let g = guide(
        &input(
            "Commande 48213 toujours pas reçue",
            Some(Platform::X),
            Some("@marie_d"),
        ),
        &verdict(Category::Complaint, &[], Lang::Fr),
        &p,
        &ThreadContext::default(),
    );
    let limit = g
        .points
        .iter()
        .find(|p| p.text.contains("280"))
        .expect("the X limit");
    // 280 − "@marie_d " (9) − the required signature "Léa 🚲" and its space (6) = 265.
    assert!(
        limit.text.contains("il reste 265 caractères"),
        "{}",
        limit.text
    );
}

#[test]
fn a_surge_asks_for_one_message_to_everyone() {
    let p = profile::load(VELOCITE).unwrap(); // crisis: 8 complaints and 40 %
    let text = "Encore une panne de l'appli, impossible de me connecter";
    let cases = [
        (
            ThreadContext {
                complaints: 9,
                comments: 12,
                ..Default::default()
            },
            true,
        ),
        (
            ThreadContext {
                complaints: 9,
                comments: 40,
                ..Default::default()
            },
            false,
        ),
        (
            ThreadContext {
                complaints: 3,
                comments: 4,
                ..Default::default()
            },
            false,
        ),
        (
            ThreadContext {
                surging: true,
                ..Default::default()
            },
            true,
        ),
    ];
    for (context, surge) in cases {
        let g = guide(
            &input(text, Some(Platform::Facebook), None),
            &verdict(Category::Complaint, &[], Lang::Fr),
            &p,
            &context,
        );
        check_card(&g, text);
        assert_eq!(g.points[0].rule == "P16", surge, "{context:?}");
        if surge {
            assert_eq!(g.action, Action::AnswerPublicly);
            assert_eq!(g.priority, Priority::Now);
            assert!(g
                .opening
                .unwrap()
                .starts_with("À toutes les personnes touchées par la panne"));
        }
    }
    // The shared message is suggested once; the next comment gets its own opening.
    let mut context = ThreadContext {
        surging: true,
        ..Default::default()
    };
    let first = guide(
        &input(text, None, None),
        &verdict(Category::Complaint, &[], Lang::Fr),
        &p,
        &context,
    );
    context.record(&verdict(Category::Complaint, &[], Lang::Fr), &first);
    let second = guide(
        &input(text, None, None),
        &verdict(Category::Complaint, &[], Lang::Fr),
        &p,
        &context,
    );
    assert_ne!(first.opening, second.opening);
    assert!(second.opening.is_some());
}

#[test]
fn no_opening_is_repeated_in_a_thread() {
    let p = Profile::default();
    let cases = [
        (
            "Commande 48213 toujours pas reçue",
            Category::Complaint,
            Lang::Fr,
        ),
        ("My order never arrived", Category::Complaint, Lang::En),
        ("Do you ship to Canada?", Category::Question, Lang::En),
        ("Merci, super service !", Category::Praise, Lang::Fr),
    ];
    for (text, category, lang) in cases {
        let mut context = ThreadContext::default();
        let mut openings = 0;
        for n in 0..30 {
            let mut i = input(text, None, None);
            i.id = Some(format!("c{n}"));
            let v = verdict(category, &[], lang);
            let g = guide(&i, &v, &p, &context);
            if let Some(o) = &g.opening {
                assert!(!context.openings.contains(o), "{text}: {o} repeated");
                openings += 1;
            }
            context.record(&v, &g);
        }
        // The same text thirty times: every shape is used once, then no opening rather than a copy.
        assert!(openings >= 2, "{text}: only {openings}");
    }
}

#[test]
fn guidance_serialises_with_the_agreed_keys() {
    let g = guide(
        &input("Where is my order 48213?", Some(Platform::X), None),
        &verdict(Category::Complaint, &[], Lang::En),
        &Profile::default(),
        &ThreadContext::default(),
    );
    let v = serde_json::to_value(&g).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["action", "category", "lang", "opening", "points", "priority"]
    );
    assert_eq!(v["action"], "move_to_private");
    assert_eq!(v["priority"], "today");
    assert_eq!(v["category"], "complaint");
    let mut point_keys: Vec<&str> = v["points"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    point_keys.sort();
    assert_eq!(point_keys, ["rule", "text", "why"]);
}

#[test]
fn odd_comments_still_get_a_card() {
    let p = profile::load(VELOCITE).unwrap();
    let cases = [
        String::new(),
        "x".repeat(1 << 20),
        "<img src=x onerror=alert(1)> commande 123456".into(),
        "\u{202e}مرحبا بكم".into(),
        "Z̷̢̛a̴l̶g̸o̵".into(),
        "{\"text\": \"json in text\"}".into(),
    ];
    for text in cases {
        for category in Category::ALL {
            let g = guide(
                &input(&text, Some(Platform::X), Some("")),
                &verdict(category, &[], detect_lang(&text)),
                &p,
                &ThreadContext::default(),
            );
            check_card(&g, &text.chars().take(30).collect::<String>());
        }
    }
}

/// The labels of `../shared/data` mapped onto categories, so the property test walks every path.
fn category_of(label: &str, text: &str) -> Category {
    match label {
        "complaint" | "negative" => Category::Complaint,
        "praise" | "positive" => Category::Praise,
        "troll" => Category::Troll,
        "spam" => Category::Spam,
        _ if text.contains('?') => Category::Question,
        _ => Category::Neutral,
    }
}

#[test]
fn every_comment_of_the_shared_data_gets_a_sound_card() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data");
    let Ok(folders) = std::fs::read_dir(&data) else {
        eprintln!(
            "SKIPPED: {} is absent; the property test over the shared data did not run",
            data.display()
        );
        return;
    };
    let profile = profile::load(VELOCITE).unwrap();
    let mut files: Vec<_> = folders
        .flatten()
        .flat_map(|f| ["train.tsv", "dev.tsv"].map(|n| f.path().join(n)))
        .filter(|p| p.exists())
        .collect();
    files.sort();
    let (mut comments, mut with_opening) = (0usize, 0usize);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let rows: Vec<(&str, &str)> = text.lines().filter_map(|l| l.rsplit_once('\t')).collect();
        // Consecutive groups of 20 comments form one synthetic thread.
        for (t, group) in rows.chunks(20).enumerate() {
            let mut context = ThreadContext::default();
            for (n, (comment, label)) in group.iter().enumerate() {
                let lang = detect_lang(comment);
                let v = verdict(category_of(label, comment), &[], lang);
                let mut i = input(
                    comment,
                    Some([Platform::Facebook, Platform::X, Platform::Linkedin][n % 3]),
                    None,
                );
                i.id = Some(format!("{t}-{n}"));
                let g = guide(&i, &v, &profile, &context);
                let where_ = format!("{}:{t}:{n}", file.display());
                check_card(&g, &where_);
                if matches!(lang, Lang::Fr | Lang::En) {
                    assert_eq!(g.lang, lang, "{where_}");
                    let said: String = g
                        .points
                        .iter()
                        .map(|p| format!(" {} {} ", p.text, p.why))
                        .collect();
                    assert_eq!(detect_lang(&said), lang, "{where_}: {said}");
                }
                if let Some(o) = &g.opening {
                    assert!(
                        !context.openings.contains(o),
                        "{where_}: {o} repeated in its thread"
                    );
                    with_opening += 1;
                }
                context.record(&v, &g);
                comments += 1;
            }
        }
    }
    eprintln!("shared data: {comments} comments guided, {with_opening} with an opening");
    assert!(comments > 1000);
}

use super::*;
use serde_json::json;

const VELOCITE: &str = include_str!("../../../examples/profiles/velocite.candor.json");
const NORTHWIND: &str = include_str!("../../../examples/profiles/northwind-energy.candor.json");

/// The smallest valid profile, to which each case adds one mistake.
fn minimal() -> Value {
    json!({"schema_version": 1, "id": "brand", "name": "Brand"})
}

fn with(field: &str, value: Value) -> String {
    let mut v = minimal();
    v[field] = value;
    v.to_string()
}

#[test]
fn the_sample_profiles_load_with_their_voice() {
    let fr = load(VELOCITE).expect("velocite loads");
    assert_eq!(fr.address, Address::Tu);
    assert_eq!(
        fr.signature,
        Some(Signature {
            text: "Léa 🚲".into(),
            required: true
        })
    );
    assert_eq!(fr.emoji, EmojiPolicy::Sparingly);
    assert_eq!(fr.gestures[0].issues, vec![IssueKind::BrokenProduct]);
    assert_eq!(fr.support.hours.len(), 2);
    assert_eq!(fr.support.timezone, 60);
    assert_eq!(fr.preferred_terms[0].instead, "l'atelier");

    let en = load(NORTHWIND).expect("northwind loads");
    assert_eq!(en.address, Address::Vous);
    assert_eq!(en.emoji, EmojiPolicy::Never);
    assert_eq!(en.private_channel.facebook, PrivateChannel::None);
    assert_eq!(en.languages, vec![Lang::En]);
    assert!(en.is_brand(Platform::X, "northwindhelp"));
    assert!(!en.is_brand(Platform::Linkedin, "@NorthwindHelp"));
}

#[test]
fn a_profile_survives_being_written_and_read_back() {
    for profile in [
        Profile::default(),
        load(VELOCITE).unwrap(),
        load(NORTHWIND).unwrap(),
    ] {
        let written = profile.to_json();
        assert_eq!(load(&written), Ok(profile.clone()), "{written}");
    }
}

#[test]
fn bad_profiles_are_refused_naming_the_field() {
    let cases: Vec<(String, &str, &str)> = vec![
        // (file, path named, a word of the English message)
        ("{".into(), "", "not valid JSON"),
        ("".into(), "", "not valid JSON"),
        ("[1, 2]".into(), "", "must be an object"),
        ("null".into(), "", "must be an object"),
        (
            json!({"id": "a", "name": "A"}).to_string(),
            "",
            "no `schema_version`",
        ),
        (
            with("schema_version", json!(7)),
            "schema_version",
            "unknown version",
        ),
        (
            with("schema_version", json!("1")),
            "schema_version",
            "whole number",
        ),
        (
            with("schema_version", json!(-1)),
            "schema_version",
            "unknown version",
        ),
        (
            json!({"schema_version": 1, "name": "A"}).to_string(),
            "id",
            "required",
        ),
        (with("id", json!("Mon Id")), "id", "lowercase"),
        (with("name", json!("")), "name", "must not be empty"),
        (with("name", json!(42)), "name", "quoted text"),
        (
            with("adress", json!("tu")),
            "adress",
            "did you mean `address`",
        ),
        (with("address", json!("toi")), "address", "\"toi\""),
        (with("emoji", json!(true)), "emoji", "quoted text"),
        (with("humour", json!("dark")), "humour", "allowed values"),
        (with("signature", json!("Léa")), "signature", "an object"),
        (
            with("signature", json!({"txt": "Léa"})),
            "signature.txt",
            "did you mean `text`",
        ),
        (
            with("signature", json!({"text": 3})),
            "signature.text",
            "quoted text",
        ),
        (
            with("signature", json!({"text": "Léa", "required": "yes"})),
            "signature.required",
            "true or false",
        ),
        (with("avoid", json!("désolé")), "avoid", "a list"),
        (with("avoid", json!(["a", 2])), "avoid[1]", "quoted text"),
        (
            with("avoid", json!(["Désolé", "désolé"])),
            "avoid[1]",
            "twice",
        ),
        (
            with("avoid", json!(["x".repeat(600)])),
            "avoid[0]",
            "at most 500",
        ),
        (with("avoid", json!(vec!["w"; 201])), "avoid", "at most 200"),
        (
            with("preferred_terms", json!([{"avoid": "SAV"}])),
            "preferred_terms[0].use",
            "required",
        ),
        (
            with("languages", json!(["fr", "de"])),
            "languages[1]",
            "\"de\"",
        ),
        (
            with("languages", json!([])),
            "languages",
            "must not be empty",
        ),
        (
            with("handles", json!({"tiktok": ["@a"]})),
            "handles.tiktok",
            "not a known field",
        ),
        (
            with("private_channel", json!({"x": "email"})),
            "private_channel.x",
            "\"email\"",
        ),
        (
            with("private_channel", json!({"facebook": "direct_message"})),
            "private_channel.facebook",
            "same platform",
        ),
        (
            with(
                "support",
                json!({"hours": [{"days": ["mon"], "open": "9h", "close": "18:00"}]}),
            ),
            "support.hours[0].open",
            "HH:MM",
        ),
        (
            with(
                "support",
                json!({"hours": [{"days": ["mon"], "open": "18:00", "close": "09:00"}]}),
            ),
            "support.hours[0].close",
            "closes before",
        ),
        (
            with(
                "support",
                json!({"hours": [{"days": ["lundi"], "open": "09:00", "close": "18:00"}]}),
            ),
            "support.hours[0].days[0]",
            "\"lundi\"",
        ),
        (
            with("support", json!({"timezone": "Europe/Paris"})),
            "support.timezone",
            "+HH:MM",
        ),
        (
            with("support", json!({"response_target_minutes": 0})),
            "support.response_target_minutes",
            "between 1 and",
        ),
        (
            with("gestures", json!([{"name": "bon", "issues": ["late"]}])),
            "gestures[0].issues[0]",
            "\"late\"",
        ),
        (
            with("gestures", json!([{"limit": "10 €"}])),
            "gestures[0].name",
            "required",
        ),
        (
            with("crisis", json!({"complaints": 0})),
            "crisis.complaints",
            "between 1 and",
        ),
        (
            with("crisis", json!({"share_percent": 150})),
            "crisis.share_percent",
            "between 0 and 100",
        ),
        (
            with("crisis", json!({"complaints": 2.5})),
            "crisis.complaints",
            "whole number",
        ),
        (
            with("escalation", json!([{"name": "Karim"}])),
            "escalation[0].reach",
            "required",
        ),
        (
            with("pages", json!(["pas une adresse"])),
            "pages[0]",
            "start of an address",
        ),
    ];
    for (file, path, english) in cases {
        let shown: String = file.chars().take(100).collect();
        let err = load(&file).expect_err(&shown);
        assert!(err.paths().contains(&path), "{shown}: {:?}", err.paths());
        let en = err.message(Lang::En);
        assert!(en.contains(english), "{shown}: {en}");
        if !path.is_empty() {
            assert!(en.contains(&format!("`{path}`")), "{en}");
            assert!(err.message(Lang::Fr).contains(&format!("`{path}`")));
        }
        // French wording differs from the English one.
        assert_ne!(err.message(Lang::Fr), en, "{shown}");
    }
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let file = json!({
        "schema_version": 1, "id": "a", "name": "A",
        "adress": "tu", "emoji": "always", "signature": {"text": ""}
    })
    .to_string();
    let err = load(&file).unwrap_err();
    assert_eq!(err.paths(), ["adress", "emoji", "signature.text"]);
    let shown = err.to_string();
    assert!(
        shown.contains("did you mean `address`") && shown.contains("vouliez-vous dire `address`")
    );
}

#[test]
fn junk_is_refused_without_panicking() {
    let deep = "[".repeat(100_000);
    let megabyte = "é\u{202e}z̷̛̤".repeat(1 << 18);
    let cases: Vec<String> = vec![
        "x".repeat(1 << 20),
        deep,
        megabyte,
        "\u{0}".into(),
        "{\"schema_version\": 1e400}".into(),
        json!({"schema_version": 1, "id": "a", "name": "<script>alert(1)</script>\u{202e}ابت"})
            .to_string(),
        json!({"schema_version": 1, "id": "a", "name": "A", "pages": [{"url": 1}]}).to_string(),
        json!({"schema_version": 0, "brand": 5, "tutoiement": "oui", "signature": 3, "id": "a"})
            .to_string(),
    ];
    for file in cases {
        let shown: String = file.chars().take(60).collect();
        // Each either loads (markup and RTL are fine in a name) or names a problem; none panics.
        if let Err(e) = load(&file) {
            assert!(!e.issues.is_empty(), "{shown}");
            assert!(!e.message(Lang::Fr).is_empty());
        }
    }
    assert!(matches!(
        load(&"x".repeat(1 << 20)).unwrap_err().issues[0].problem,
        Problem::TooLarge { .. }
    ));
}

#[test]
fn a_version_0_profile_is_migrated() {
    let old = json!({
        "schema_version": 0,
        "id": "velocite",
        "brand": "Vélocité",
        "tutoiement": true,
        "emojis": false,
        "forbidden_words": ["malheureusement"],
        "signature": "Léa",
        "sites": ["https://x.com/velocite_lyon"]
    });
    let current = json!({
        "schema_version": 1,
        "id": "velocite",
        "name": "Vélocité",
        "address": "tu",
        "emoji": "never",
        "avoid": ["malheureusement"],
        "signature": {"text": "Léa", "required": false},
        "pages": ["https://x.com/velocite_lyon"]
    });
    let migrated = load(&old.to_string()).expect("version 0 loads");
    assert_eq!(migrated, load(&current.to_string()).unwrap());
    assert_eq!(migrated.schema_version, SCHEMA_VERSION);
    assert_eq!(migrated.address, Address::Tu);

    let cases = [
        (
            json!({"schema_version": 0, "id": "a", "brand": "A", "tutoiement": "oui"}),
            "tutoiement",
        ),
        (
            json!({"schema_version": 0, "id": "a", "brand": "A", "name": "B"}),
            "brand",
        ),
        (
            json!({"schema_version": 0, "id": "a", "brand": "A", "signature": ["x"]}),
            "signature",
        ),
        // A version-1 field name in a version-0 file is still checked after migration.
        (
            json!({"schema_version": 0, "id": "a", "brand": "A", "adress": "tu"}),
            "adress",
        ),
    ];
    for (file, path) in cases {
        let err = load(&file.to_string()).expect_err(path);
        assert_eq!(err.paths(), [path], "{file}");
    }
}

#[test]
fn chooses_the_profile_of_the_page() {
    let mut velocite = load(VELOCITE).unwrap();
    velocite.pages = vec![
        "https://www.facebook.com/VelociteLyon".into(),
        "x.com/velocite_lyon".into(),
        "@velocite".into(),
    ];
    let mut velocite_pro = velocite.clone();
    velocite_pro.id = "velocite-pro".into();
    velocite_pro.pages = vec!["https://www.facebook.com/VelociteLyon/posts/pro".into()];
    let northwind = load(NORTHWIND).unwrap();
    let profiles = [velocite, velocite_pro, northwind];
    let cases = [
        (
            "https://www.facebook.com/VelociteLyon/posts/123",
            Some("velocite"),
        ),
        ("https://m.facebook.com/velocitelyon", Some("velocite")),
        (
            "https://www.facebook.com/VelociteLyon/posts/pro/9",
            Some("velocite-pro"),
        ),
        ("https://www.facebook.com/VelociteLyonnaise", None),
        (
            "https://twitter.com/velocite_lyon/status/1",
            Some("velocite"),
        ),
        (
            "https://x.com/NorthwindHelp/status/42",
            Some("northwind-energy"),
        ),
        (
            "https://x.com/northwindenergy/status/42",
            Some("northwind-energy"),
        ),
        (
            "https://www.linkedin.com/company/velocite/posts",
            Some("velocite"),
        ),
        (
            "https://www.linkedin.com/company/northwind-energy/",
            Some("northwind-energy"),
        ),
        ("https://example.com/velocite", None),
        ("", None),
        ("not a url at all", None),
    ];
    for (url, expected) in cases {
        assert_eq!(
            choose(&profiles, url).map(|p| p.id.as_str()),
            expected,
            "{url}"
        );
    }
    assert_eq!(choose(&[], "https://x.com/a"), None);
    // Two profiles naming the same page: the first listed wins.
    let twin = |id: &str| Profile {
        id: id.into(),
        pages: vec!["x.com/shared".into()],
        ..Profile::default()
    };
    let twins = [twin("first"), twin("second")];
    assert_eq!(
        choose(&twins, "https://x.com/shared/status/1").map(|p| p.id.as_str()),
        Some("first")
    );
}

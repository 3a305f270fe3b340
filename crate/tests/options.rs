//! The options page's rendering, run in headless Chromium by wasm-bindgen-test: the page is mounted
//! on a node of the test document, given stored profiles, and its DOM and the effects it asks for are
//! checked — the list and where each profile is kept, a validation error beside its field, a
//! malformed import that changes nothing, the diff shown before an import, undo, and the address
//! check of a subscription.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use candor::engine::profiles::{Area, Subscription};
use candor::text::Lang;
use candor::web::ui::options::page::{Effect, OptionsPage, StoredProfile};
use wasm_bindgen_test::*;
use web_sys::Element;

use common::{all, all_text, mount_root, one, press, text, type_into, value_of};

wasm_bindgen_test_configure!(run_in_browser);

const VELO: &str = r#"{"schema_version": 1, "id": "velo", "name": "Vélocité", "address": "tu"}"#;
const NORTH: &str = r#"{"schema_version": 1, "id": "north", "name": "Northwind"}"#;

struct Mounted {
    root: Element,
    page: OptionsPage,
    effects: Rc<RefCell<Vec<Effect>>>,
}

fn mount(lang: Lang) -> Mounted {
    let root = mount_root(true);
    let effects = Rc::new(RefCell::new(Vec::new()));
    let seen = effects.clone();
    // The page's preview asks the engine module; here the engine is linked in, as the loader does.
    candor::web::ui::options::page::set_previewer(candor::web::preview_guidance);
    let page = OptionsPage::mount(&root, lang, move |e| seen.borrow_mut().push(e));
    page.show_stored(
        vec![
            StoredProfile {
                id: "velo".into(),
                text: VELO.into(),
                area: Area::Sync,
            },
            StoredProfile {
                id: "north".into(),
                text: NORTH.into(),
                area: Area::Sync,
            },
        ],
        vec![],
    );
    Mounted {
        root,
        page,
        effects,
    }
}

/// Clicks the button whose `data-action` is `action`.
fn click(root: &Element, action: &str) {
    common::click(root, &format!("button[data-action=\"{action}\"]"));
}

fn stored(effect: &Effect) -> Vec<(String, String)> {
    match effect {
        Effect::Store(list) => list.clone(),
        other => panic!("expected a Store, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn the_list_shows_each_profile_where_it_is_kept_and_the_subscriptions() {
    let m = mount(Lang::En);
    // Sorted by id: the order `choose` breaks ties with.
    assert_eq!(
        all_text(&m.root, ".profiles > li > strong"),
        ["Northwind", "Vélocité"]
    );
    assert!(all_text(&m.root, ".profiles .where")
        .iter()
        .all(|t| t.contains("Synced")));
    let big = format!(
        r#"{{"schema_version": 1, "id": "big", "name": "Big", "products": [{}]}}"#,
        (0..300)
            .map(|n| format!("\"product number {n} with a long name\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut sub = Subscription::new("https://pub.example/brand.candor.json");
    sub = sub.after_fetch(
        Ok(NORTH.replace("north", "pub").as_str()),
        1_700_000_000_000,
    );
    sub = sub.after_fetch(Err("HTTP 503"), 1_700_100_000_000);
    m.page.show_stored(
        vec![StoredProfile {
            id: "big".into(),
            text: big,
            area: Area::Local,
        }],
        vec![sub],
    );
    let notes = all_text(&m.root, ".profiles:not(.subscriptions) .where");
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("this browser only"), "{notes:?}");
    assert!(notes[0].contains("8,192"), "{notes:?}");
    let sub_text = text(&m.root, ".subscriptions li");
    assert!(sub_text.contains("https://pub.example/brand.candor.json"));
    assert!(sub_text.contains("Last good copy"), "{sub_text}");
    assert!(sub_text.contains("HTTP 503"), "{sub_text}");
    // Subscribed profiles can be viewed and duplicated, not edited.
    let actions: Vec<String> = all(&m.root, ".subscriptions button")
        .iter()
        .map(|b| b.get_attribute("data-action").unwrap())
        .collect();
    assert!(actions.iter().any(|a| a.starts_with("view:")));
    assert!(actions.iter().any(|a| a.starts_with("dup:")));
    assert!(!actions.iter().any(|a| a.starts_with("edit:")));
    m.root.remove();
}

#[wasm_bindgen_test]
fn a_validation_error_is_shown_by_its_field_and_nothing_is_saved() {
    let m = mount(Lang::Fr);
    click(&m.root, "edit:velo");
    let name = one(&m.root, "#f-name");
    type_into(&name, "  ");
    let errors = text(&m.root, "#err-f-name");
    assert!(errors.contains("`name`"), "{errors}");
    assert!(
        errors.contains("obligatoire"),
        "French UI, French message: {errors}"
    );
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(name
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("err-f-name"));
    // The JSON editor follows the form.
    let json = value_of(&one(&m.root, "#json"));
    assert!(!json.contains("Vélocité"), "{json}");
    click(&m.root, "save");
    assert!(
        m.effects.borrow().is_empty(),
        "nothing is saved while invalid"
    );
    let live = text(&m.root, ".live");
    assert!(live.contains("Pas enregistré"), "{live}");
    // An unknown field typed in the JSON editor is shown by the JSON editor, named.
    type_into(
        &one(&m.root, "#json"),
        r#"{"schema_version": 1, "id": "velo", "name": "V", "emojis": "never"}"#,
    );
    let json_errors = text(&m.root, "#err-json");
    assert!(json_errors.contains("`emojis`"), "{json_errors}");
    assert_eq!(value_of(&name), "V", "the form follows the JSON");
    // Fixed, then saved.
    type_into(&one(&m.root, "#json"), VELO);
    type_into(&one(&m.root, "#f-persona"), "Léa, de l'atelier");
    assert_eq!(text(&m.root, "#err-json"), "");
    click(&m.root, "save");
    let effects = m.effects.borrow();
    let list = stored(&effects[0]);
    let velo = &list.iter().find(|(id, _)| id == "velo").unwrap().1;
    assert!(velo.contains("Léa, de l'atelier"), "{velo}");
    assert_eq!(list.len(), 2);
    drop(effects);
    m.root.remove();
}

#[wasm_bindgen_test]
fn a_new_profile_with_a_taken_id_is_refused_by_the_id_field() {
    let m = mount(Lang::En);
    click(&m.root, "new");
    type_into(&one(&m.root, "#f-id"), "velo");
    type_into(&one(&m.root, "#f-name"), "Another");
    let errors = text(&m.root, "#err-f-id");
    assert!(errors.contains("already"), "{errors}");
    click(&m.root, "save");
    assert!(m.effects.borrow().is_empty());
    m.root.remove();
}

#[wasm_bindgen_test]
fn a_malformed_import_changes_nothing_and_names_the_field() {
    let m = mount(Lang::En);
    let cases = [
        (
            r#"{"schema_version": 1, "id": "velo", "name": "V", "adress": "tu"}"#,
            "`adress`",
        ),
        (r#"{"schema_version": 1, "id": "velo""#, "JSON"),
        ("", "JSON"),
        (
            r#"{"schema_version": 9, "id": "velo", "name": "V"}"#,
            "schema_version",
        ),
    ];
    for (file, named) in cases {
        m.page.import_text("bad.candor.json", file);
        let result = text(&m.root, "#import-result");
        assert!(result.contains("nothing changed"), "{result}");
        assert!(result.contains(named), "{file}: {result}");
        assert!(all(&m.root, ".diff").is_empty());
        assert!(m.effects.borrow().is_empty());
        assert_eq!(
            all_text(&m.root, ".profiles > li > strong"),
            ["Northwind", "Vélocité"]
        );
    }
    m.root.remove();
}

#[wasm_bindgen_test]
fn an_import_shows_its_diff_then_applies_and_can_be_undone() {
    let m = mount(Lang::En);
    let incoming = r#"{"schema_version": 1, "id": "velo", "name": "Vélocité Lyon", "address": "vous", "avoid": ["SAV"]}"#;
    m.page.import_text("velo.candor.json", incoming);
    let rows: Vec<String> = all_text(&m.root, ".diff tr").into_iter().skip(1).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0].starts_with("address") && rows[0].contains("tu") && rows[0].contains("vous"));
    assert!(rows[1].starts_with("avoid") && rows[1].contains("SAV"));
    assert!(rows[2].starts_with("name") && rows[2].contains("Vélocité Lyon"));
    assert!(text(&m.root, "#import-title").contains("replace"));
    assert!(
        m.effects.borrow().is_empty(),
        "nothing changes before Apply"
    );
    click(&m.root, "apply-import");
    let applied = stored(&m.effects.borrow()[0]);
    assert_eq!(
        applied.iter().find(|(id, _)| id == "velo").unwrap().1,
        incoming
    );
    assert!(text(&m.root, ".live").contains("imported"));
    click(&m.root, "undo");
    let undone = stored(&m.effects.borrow()[1]);
    assert_eq!(undone.iter().find(|(id, _)| id == "velo").unwrap().1, VELO);
    assert_eq!(undone.len(), 2);
    assert!(all(&m.root, "button[data-action=\"undo\"]").is_empty());
    m.root.remove();
}

#[wasm_bindgen_test]
fn a_deletion_can_be_undone_and_a_new_import_is_all_additions() {
    let m = mount(Lang::En);
    click(&m.root, "delete:north");
    assert_eq!(stored(&m.effects.borrow()[0]).len(), 1);
    click(&m.root, "undo");
    assert_eq!(stored(&m.effects.borrow()[1]).len(), 2);
    m.page.import_text(
        "new.candor.json",
        r#"{"schema_version": 1, "id": "fresh", "name": "Fresh"}"#,
    );
    assert!(text(&m.root, "#import-title").contains("add"));
    assert!(all_text(&m.root, ".diff td.before")
        .iter()
        .all(|t| t == "—"));
    click(&m.root, "cancel-import");
    assert_eq!(m.effects.borrow().len(), 2, "cancel stores nothing");
    m.root.remove();
}

#[wasm_bindgen_test]
fn a_subscription_address_must_be_https() {
    let m = mount(Lang::En);
    type_into(&one(&m.root, "#sub-url"), "http://brand.example/p.json");
    click(&m.root, "subscribe");
    let error = text(&m.root, "#err-sub-url");
    assert!(error.contains("https://"), "{error}");
    assert!(m.effects.borrow().is_empty());
    type_into(&one(&m.root, "#sub-url"), "https://Brand.example/p.json");
    click(&m.root, "subscribe");
    assert_eq!(
        m.effects.borrow()[0],
        Effect::Subscribe {
            url: "https://Brand.example/p.json".into(),
            pattern: "https://brand.example/*".into()
        }
    );
    m.root.remove();
}

#[wasm_bindgen_test]
fn the_preview_guides_samples_with_the_profile() {
    let m = mount(Lang::En);
    click(&m.root, "edit:velo");
    let items = all_text(&m.root, "#preview > ul > li");
    assert_eq!(items.len(), 4, "{items:?}");
    assert!(all_text(&m.root, "#preview .points li")
        .iter()
        .any(|p| p.starts_with('P')));
    type_into(&one(&m.root, "#f-name"), "");
    let hint = text(&m.root, "#preview");
    assert!(hint.contains("valid"), "{hint}");
    m.root.remove();
}

#[wasm_bindgen_test]
fn an_older_file_is_imported_as_the_current_version() {
    let m = mount(Lang::En);
    m.page.import_text(
        "pilot.candor.json",
        r#"{"schema_version": 0, "id": "pilot", "brand": "Pilot", "tutoiement": true}"#,
    );
    click(&m.root, "apply-import");
    let list = stored(&m.effects.borrow()[0]);
    let pilot = &list.iter().find(|(id, _)| id == "pilot").unwrap().1;
    assert!(pilot.contains("\"schema_version\": 1"), "{pilot}");
    assert!(pilot.contains("\"address\": \"tu\""), "{pilot}");
    assert!(pilot.contains("\"name\": \"Pilot\""), "{pilot}");
    m.root.remove();
}

#[wasm_bindgen_test]
fn escape_closes_the_editor_without_saving() {
    let m = mount(Lang::En);
    click(&m.root, "edit:north");
    let name = one(&m.root, "#f-name");
    type_into(&name, "Changed");
    press(&name, "Escape");
    assert!(all(&m.root, ".editor").is_empty());
    assert!(m.effects.borrow().is_empty());
    m.root.remove();
}

#[wasm_bindgen_test]
fn json_that_does_not_parse_is_kept_across_a_redraw_and_blocks_saving() {
    let m = mount(Lang::En);
    click(&m.root, "edit:velo");
    let broken = r#"{"schema_version": 1, "id": "velo", "name": "Vélo"#;
    type_into(&one(&m.root, "#json"), broken);
    let error = text(&m.root, "#err-json");
    assert!(error.contains("not valid JSON"), "{error}");
    // Storage changes elsewhere (another browser's sync): the page redraws.
    m.page.show_stored(
        vec![StoredProfile {
            id: "velo".into(),
            text: VELO.into(),
            area: Area::Local,
        }],
        vec![],
    );
    let kept = value_of(&one(&m.root, "#json"));
    assert_eq!(kept, broken);
    assert!(text(&m.root, "#err-json").contains("not valid JSON"));
    click(&m.root, "save");
    assert!(m.effects.borrow().is_empty());
    m.root.remove();
}

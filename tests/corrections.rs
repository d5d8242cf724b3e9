//! Corrections that stick: the corrections store on disk (atomic, versioned,
//! damaged files left alone), corrections applied in every brief, `folio
//! entities` and `folio corrections`, and correcting from the reader (keys →
//! actions → the effect that saves, run as the edge runs it).

mod common;

use common::temp_dir;
use crossterm::event::KeyCode;
use folio::document::Document;
use folio::entities::store::{Change, Store, StoreError};
use folio::entities::{extract, extract_with, Entities, Entity, Kind};
use folio::ui::effects::{self, Edge};
use folio::ui::keymap::Key;
use folio::ui::{Action, App, Effect, Focus, Mode};
use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

fn not_entity(name: &str) -> Change {
    Change::NotEntity { name: name.into() }
}

#[test]
fn the_store_is_versioned_atomic_and_keeps_every_field() {
    let dir = temp_dir("corr-store");
    let store = Store::new(dir.join("corrections.json"));
    let a = store
        .add(Change::Retype {
            name: "Akhmetov".into(),
            kind: Kind::Misc,
        })
        .unwrap();
    let b = store.add(not_entity("Such")).unwrap();
    assert!(b > a);
    let v: serde_json::Value = serde_json::from_slice(&fs::read(store.path()).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    let first = &v["corrections"][0];
    assert_eq!(first["id"], a);
    assert_eq!(first["action"], "retype");
    assert_eq!(first["name"], "Akhmetov");
    assert_eq!(first["kind"], "misc");
    assert!(first["made"].as_str().unwrap().ends_with('Z'), "{first}");
    // Nothing but the file and its lock: no temporaries left behind.
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["corrections.json", "corrections.json.lock"]);
    let loaded = store.load().unwrap();
    assert_eq!(loaded.corrections.len(), 2);
    assert_eq!(loaded.corrections().not_entity, ["Such"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_or_newer_store_is_left_untouched_and_reported() {
    let dir = temp_dir("corr-damaged");
    let path = dir.join("corrections.json");
    let store = Store::new(&path);
    for bytes in [&b"{\"version\": 1, \"correc"[..], b"{\"version\": 9}"] {
        fs::write(&path, bytes).unwrap();
        assert!(matches!(store.load(), Err(StoreError::Refused(_))));
        let err = store.add(not_entity("Yet")).unwrap_err();
        assert!(matches!(err, StoreError::Refused(_)), "{err}");
        assert!(matches!(store.delete(1), Err(StoreError::Refused(_))));
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes,
            "the file is never rewritten"
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn concurrent_writers_keep_each_others_corrections() {
    let dir = temp_dir("corr-concurrent");
    let path = dir.join("corrections.json");
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let store = Store::new(&path);
            std::thread::spawn(move || {
                for i in 0..10 {
                    store.add(not_entity(&format!("name {t} {i}"))).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let file = Store::new(&path).load().unwrap();
    assert_eq!(file.corrections.len(), 40);
    let mut ids: Vec<u64> = file.corrections.iter().map(|e| e.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 40, "ids are unique");
    let _ = fs::remove_dir_all(&dir);
}

const BRIEF_A: &str =
    "Title: One\n\nDefense Minister Daniyal Akhmetov met officials in Astana on Monday.";
const BRIEF_B: &str =
    "Title: Two\n\nThe talks in Astana ended early. Officials said Astana would host the next round.";

fn has(e: &Entities, doc: &Document, text: &str) -> bool {
    e.mentions().iter().any(|m| doc.slice(m.span()) == text)
}

#[test]
fn a_correction_applies_in_every_brief_and_deleting_it_restores_the_raw_view() {
    let dir = temp_dir("corr-briefs");
    let store = Store::new(dir.join("corrections.json"));
    let (a, b) = (Document::from_text(BRIEF_A), Document::from_text(BRIEF_B));
    assert!(has(&extract(&a), &a, "Astana") && has(&extract(&b), &b, "Astana"));
    let id = store.add(not_entity("astana")).unwrap();
    let c = store.load().unwrap().corrections();
    assert!(!has(&extract_with(&a, &c), &a, "Astana"));
    assert!(!has(&extract_with(&b, &c), &b, "Astana"));
    assert_eq!(store.delete(id).unwrap(), not_entity("astana"));
    let c = store.load().unwrap().corrections();
    assert_eq!(extract_with(&a, &c), extract(&a));
    assert_eq!(extract_with(&b, &c), extract(&b));
    assert!(matches!(store.delete(id), Err(StoreError::NoSuchId(_))));
    let _ = fs::remove_dir_all(&dir);
}

fn folio(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_DATA_DIR", data)
        .output()
        .expect("runs folio")
}

fn entity_json(out: &std::process::Output) -> Vec<(String, String)> {
    assert!(out.status.success(), "{:?}", out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["entity"].as_str().unwrap().to_string(),
                m["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn folio_entities_and_folio_corrections_use_the_store() {
    let data = temp_dir("corr-cli");
    let brief = data.join("brief.txt");
    fs::write(&brief, BRIEF_A).unwrap();
    let file = brief.to_str().unwrap();
    let raw = entity_json(&folio(&data, &["entities", file, "--json"]));
    assert!(raw.contains(&("Astana".into(), "place".into())), "{raw:?}");

    let store = Store::new(data.join("corrections.json"));
    store
        .add(Change::Retype {
            name: "Astana".into(),
            kind: Kind::Organization,
        })
        .unwrap();
    let fixed = entity_json(&folio(&data, &["entities", file, "--json"]));
    assert!(fixed.contains(&("Astana".into(), "organization".into())));
    let plain = entity_json(&folio(
        &data,
        &["entities", file, "--json", "--no-corrections"],
    ));
    assert_eq!(plain, raw);

    let out = folio(&data, &["corrections", "--json"]);
    assert!(out.status.success());
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["action"], "retype");
    assert_eq!(list[0]["name"], "Astana");
    let id = list[0]["id"].as_u64().unwrap().to_string();
    let table = String::from_utf8(folio(&data, &["corrections"]).stdout).unwrap();
    assert!(
        table.contains("retype") && table.contains("Astana → organization"),
        "{table}"
    );

    let bad = folio(&data, &["corrections", "--delete", "999"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no correction with id 999"));
    assert!(folio(&data, &["corrections", "--delete", &id])
        .status
        .success());
    assert_eq!(
        entity_json(&folio(&data, &["entities", file, "--json"])),
        raw
    );

    // A damaged store: listing fails with status 1, entities still print (raw) with a warning.
    fs::write(store.path(), b"not json").unwrap();
    let out = folio(&data, &["corrections"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));
    let out = folio(&data, &["entities", file, "--json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("without corrections"));
    assert_eq!(entity_json(&out), raw);
    assert_eq!(fs::read(store.path()).unwrap(), b"not json");
    let _ = fs::remove_dir_all(&data);
}

// --- The reader -----------------------------------------------------------

const TEXT: &str = "Kashagan output rose as Tengiz stalled. The CSTO met in Astana. \
Later the CSTO and the SCO met again in Astana, where Tengiz was discussed.";

/// Entities made by hand, so these tests depend on the app alone, not the recognizer.
fn raw(doc: &Document) -> Entities {
    common::entities_named(
        doc,
        &[
            ("CSTO", Kind::Organization),
            ("SCO", Kind::Organization),
            ("Astana", Kind::Place),
            ("Tengiz", Kind::Person),
        ],
    )
}

fn reader() -> App {
    let doc = Document::from_text(TEXT);
    let ents = raw(&doc);
    let mut app = App::new(Arc::new(doc), "test brief".into());
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    app.update(Action::Resize(120, 40));
    app
}

/// Presses `c` as the terminal would deliver it.
fn press(app: &mut App, c: char) -> Option<Effect> {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\x1b' => KeyCode::Esc,
        '\t' => KeyCode::Tab,
        c => KeyCode::Char(c),
    };
    let action = app.action_for_key(Key::plain(code))?;
    app.update(action)
}

/// The sidebar's lines: what follows the text pane's right border on each row.
fn sidebar(app: &App) -> Vec<String> {
    common::screen_text(app)
        .lines()
        .filter_map(|l| {
            l.split_once("││")
                .map(|(_, r)| r.trim_end_matches('│').to_string())
        })
        .filter(|l| !l.trim().is_empty())
        .collect()
}

fn select(app: &mut App, name: &str) {
    let id = app
        .entities
        .entities
        .iter()
        .position(|e| e.name == name)
        .unwrap();
    app.select_entity(id);
}

fn entity<'a>(app: &'a App, name: &str) -> Option<&'a Entity> {
    app.entities.entities.iter().find(|e| e.name == name)
}

#[test]
fn t_retypes_the_selected_entity_and_the_sidebar_marks_it() {
    let mut app = reader();
    select(&mut app, "Tengiz");
    assert_eq!(press(&mut app, 't'), None);
    assert_eq!(app.mode, Mode::Correct);
    assert!(common::screen_text(&app).contains("p person · o organization · l place · m misc"));
    // Results from the background still land while the picker waits.
    let again = raw(&app.doc);
    app.update(Action::Extracted(Box::new((again, Vec::new()).into())));
    assert_eq!(app.mode, Mode::Correct);
    assert!(!app.extracting);
    let effect = press(&mut app, 'l');
    assert_eq!(
        effect,
        Some(Effect::SaveCorrection(Change::Retype {
            name: "Tengiz".into(),
            kind: Kind::Place
        }))
    );
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(entity(&app, "Tengiz").unwrap().kind, Kind::Place);
    let side = sidebar(&app).join("\n");
    let places = side.find("PLACES (2)").expect(&side);
    let tengiz = side.find("✎Tengiz").expect(&side);
    assert!(tengiz > places, "{side}");
    assert!(!side.contains("PEOPLE"), "{side}");
    // The selection follows the entity to its new kind.
    assert_eq!(
        app.selected
            .map(|id| app.entities.entities[id].name.as_str()),
        Some("Tengiz")
    );
    // Esc cancels a picker without a change.
    press(&mut app, 't');
    assert_eq!(press(&mut app, '\x1b'), None);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(entity(&app, "Tengiz").unwrap().kind, Kind::Place);
}

#[test]
fn x_removes_the_entity_under_the_sidebar_cursor() {
    let mut app = reader();
    press(&mut app, '\t');
    assert_eq!(app.focus, Focus::Sidebar);
    let first = app.entities.entities[app.sidebar.rows[0]].name.clone();
    let effect = press(&mut app, 'x');
    assert_eq!(effect, Some(Effect::SaveCorrection(not_entity(&first))));
    assert!(entity(&app, &first).is_none());
    assert!(!sidebar(&app).iter().any(|l| l.contains(&first)));
    assert!(app
        .entities
        .mentions()
        .iter()
        .all(|m| app.doc.slice(m.span()) != first));
    // U takes it back; the edge is asked to remove it from the store.
    assert_eq!(
        press(&mut app, 'U'),
        Some(Effect::UndoCorrection(not_entity(&first)))
    );
    assert!(entity(&app, &first).is_some());
}

#[test]
fn m_merges_into_the_entity_picked_in_the_sidebar() {
    let mut app = reader();
    select(&mut app, "SCO");
    press(&mut app, 'm');
    assert_eq!(app.mode, Mode::Correct);
    assert_eq!(app.focus, Focus::Sidebar);
    // Move the cursor to CSTO, then Enter.
    while app.entities.entities[app.sidebar.rows[app.sidebar.cursor]].name != "CSTO" {
        let before = app.sidebar.cursor;
        press(&mut app, if before == 0 { 'j' } else { 'k' });
        assert_ne!(app.sidebar.cursor, before, "CSTO is in the sidebar");
    }
    let effect = press(&mut app, '\n');
    assert_eq!(
        effect,
        Some(Effect::SaveCorrection(Change::Merge {
            name: "SCO".into(),
            into: "CSTO".into()
        }))
    );
    assert!(entity(&app, "SCO").is_none());
    assert_eq!(entity(&app, "CSTO").unwrap().count(), 3);
    let side = sidebar(&app);
    assert!(side.iter().any(|l| l.contains("✎CSTO")), "{side:?}");
}

#[test]
fn plus_makes_the_selection_an_entity() {
    let mut app = reader();
    // `v` selects the word at the reading cursor, the first sentence's first: "Kashagan".
    press(&mut app, 'v');
    assert_eq!(
        app.selection_span().map(|s| app.doc.slice(s)),
        Some("Kashagan")
    );
    press(&mut app, '+');
    assert!(common::screen_text(&app).contains("add “Kashagan” as:"));
    let effect = press(&mut app, 'o');
    assert_eq!(
        effect,
        Some(Effect::SaveCorrection(Change::Add {
            name: "Kashagan".into(),
            kind: Kind::Organization
        }))
    );
    let e = entity(&app, "Kashagan").expect("added");
    assert_eq!(e.kind, Kind::Organization);
    assert!(sidebar(&app).iter().any(|l| l.contains("✎Kashagan")));
    // Without a selection, + explains what to do.
    assert_eq!(press(&mut app, '+'), None);
    assert!(app.notice.as_deref().unwrap_or("").contains("select"));
}

#[test]
fn the_edge_saves_corrections_and_reports_a_failed_save() {
    let dir = temp_dir("corr-edge");
    let edge = Edge {
        corrections: Some(Store::new(dir.join("corrections.json"))),
        ..Edge::default()
    };
    let mut app = reader();
    select(&mut app, "Astana");
    let effect = press(&mut app, 'x').unwrap();
    assert!(!effects::run(&mut app, effect, &edge));
    let stored = edge.corrections.as_ref().unwrap().load().unwrap();
    assert_eq!(stored.corrections.len(), 1);
    // A new reader on another brief starts with the stored correction.
    let mut other = reader();
    other.set_corrections(
        stored
            .corrections
            .iter()
            .map(|e| e.change.clone())
            .collect(),
    );
    assert!(entity(&other, "Astana").is_none());
    // Undo removes it from the store too.
    let effect = press(&mut app, 'U').unwrap();
    effects::run(&mut app, effect, &edge);
    assert!(edge
        .corrections
        .as_ref()
        .unwrap()
        .load()
        .unwrap()
        .corrections
        .is_empty());

    // An unwritable store: the change stays in memory and the user is told.
    let blocker = dir.join("file");
    fs::write(&blocker, b"x").unwrap();
    let broken = Edge {
        corrections: Some(Store::new(blocker.join("corrections.json"))),
        ..Edge::default()
    };
    select(&mut app, "CSTO");
    let effect = press(&mut app, 'x').unwrap();
    effects::run(&mut app, effect, &broken);
    assert!(entity(&app, "CSTO").is_none());
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("not saved"), "{notice}");
    assert!(common::screen_text(&app).contains("not saved"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_library_applies_corrections_and_its_cache_is_keyed_on_them() {
    use folio::library::{self, Extractor, Miss, Options};
    let dir = temp_dir("corr-library");
    let briefs = dir.join("briefs");
    fs::create_dir_all(&briefs).unwrap();
    fs::write(briefs.join("a.txt"), BRIEF_A).unwrap();
    fs::write(briefs.join("b.txt"), BRIEF_B).unwrap();
    let opts = |c: folio::entities::Corrections| Options {
        cache_dir: Some(dir.join("cache")),
        threads: 1,
        extractor: Extractor::DEFAULT,
        corrections: Arc::new(c),
        published: None,
    };
    let open = |o: &Options| {
        let mut lib = library::open_blocking(std::slice::from_ref(&briefs), o);
        lib.save().unwrap();
        lib
    };
    let raw = open(&opts(Default::default()));
    let astana = raw
        .find_entity("Astana")
        .expect("the recognizer finds Astana");
    assert_eq!(raw.entity(astana).unwrap().briefs, 2);
    let fixed_opts = opts(folio::entities::store::to_corrections(&[not_entity(
        "Astana",
    )]));
    let fixed = open(&fixed_opts);
    assert_eq!(
        fixed.report.miss,
        Some(Miss::Outdated),
        "other corrections, other cache"
    );
    assert!(fixed.find_entity("Astana").is_none());
    assert_eq!(
        open(&fixed_opts).report.miss,
        None,
        "same corrections reuse the cache"
    );
    let again = open(&opts(Default::default()));
    assert_eq!(again.report.miss, Some(Miss::Outdated));
    assert!(again.find_entity("Astana").is_some());
    let _ = fs::remove_dir_all(&dir);
}

/// What the reader shows when `corrections` were stored before it opened and
/// extraction came from the background thread.
fn opened_with(corrections: Vec<Change>, made_meanwhile: Option<Change>) -> App {
    let doc = Arc::new(Document::from_text(TEXT));
    let mut app = App::new(doc.clone(), "test brief".into());
    app.corrections = corrections.clone();
    // A document read whole is extracted whole: where its screen ends does not matter.
    let rx = folio::ui::loader::start(None, doc, corrections, usize::MAX);
    if let Some(change) = made_meanwhile {
        app.corrections.push(change);
    }
    for action in rx.iter() {
        app.update(action);
    }
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn stored_corrections_are_applied_by_the_background_thread_as_the_reader_applies_them() {
    let stored = vec![
        not_entity("Astana"),
        Change::Retype {
            name: "CSTO".into(),
            kind: Kind::Place,
        },
    ];
    let app = opened_with(stored.clone(), None);
    assert!(!app.extracting);
    // The same as deriving on the main thread from the raw output.
    let mut again = App::new(app.doc.clone(), "test brief".into());
    again.update(Action::Extracted(Box::new(
        ((*app.raw_entities).clone(), app.events.clone()).into(),
    )));
    again.set_corrections(stored);
    assert_eq!(app.entities, again.entities);
    assert_eq!(app.corrected, again.corrected);
    assert_eq!(app.events, again.events);
    assert!(!app.entities.entities.iter().any(|e| e.name == "Astana"));
    assert!(app.raw_entities.entities.iter().any(|e| e.name == "Astana"));
    let csto = app.entities.entities.iter().position(|e| e.name == "CSTO");
    assert_eq!(
        csto.map(|i| app.entities.entities[i].kind),
        Some(Kind::Place)
    );
    assert!(app.corrected[csto.unwrap()]);
    // Corrected before it reaches the reader, whose thread answers the keys.
    let rx = folio::ui::loader::start(None, app.doc.clone(), again.corrections.clone(), usize::MAX);
    let sent = rx.iter().find_map(|a| match a {
        Action::Extracted(data) => Some(data),
        _ => None,
    });
    assert_eq!(sent.map(|d| d.entities), Some(app.entities.clone()));
}

#[test]
fn a_correction_made_while_extraction_runs_is_not_lost_when_it_arrives() {
    // Extraction was built without the correction made meanwhile: the reader
    // applies its own list, not the background thread's.
    let app = opened_with(Vec::new(), Some(not_entity("CSTO")));
    assert!(!app.entities.entities.iter().any(|e| e.name == "CSTO"));
    assert!(app.raw_entities.entities.iter().any(|e| e.name == "CSTO"));
}

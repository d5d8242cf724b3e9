//! Notes across a library: `A` in the library lists every brief's notes newest
//! first, `#` narrows them to a tag as it is typed, `Enter` opens the brief at
//! the note and `Esc` comes back; `folio notes DIR` prints them all, each with
//! its file, as Markdown, JSON or one W3C AnnotationCollection.

mod common;
mod library_fixture;

use crossterm::event::KeyCode;
use folio::annotations::Store;
use folio::document::Span;
use folio::library::{self, Options};
use folio::ui::effects::Edge;
use folio::ui::library_view::widget::LibraryScreen;
use folio::ui::library_view::{LibEdge, LibraryView, Screen, Session};
use folio::ui::Settings;
use library_fixture::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::Path;
use std::process::Command;

/// Notes on two briefs of the fixture: a.txt (two) and c.txt (one), made in that order.
fn annotate(root: &Path) -> Store {
    let store = Store::new(root.join("data/annotations"));
    for (file, word, note) in [
        ("briefs/a.txt", "Tazhin", "Tazhin's first visit #csto"),
        ("briefs/2008/c.txt", "Almaty", "Almaty signs #CSTO #treaty"),
        ("briefs/a.txt", "cold", "Weather noted #misc"),
    ] {
        let path = root.join(file);
        let doc = folio::formats::read(&path).unwrap();
        let (mut set, _) = store.open(&doc, Some(&path));
        let at = doc.text().find(word).unwrap();
        set.add(&doc, Span::new(at, at + word.len()), note).unwrap();
        store.save(&doc, &mut set).unwrap();
        // Creation times are in milliseconds: keep the three apart.
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    store
}

fn session(root: &Path, store: Store) -> Session {
    let opts = Options {
        cache_dir: Some(root.join("cache")),
        threads: 2,
        corrections: Default::default(),
        extractor: STAND_IN,
        published: None,
    };
    let (mut lib, ix) = library::open(&[root.join("briefs")], &opts);
    lib.wait(ix);
    let stores = Edge {
        corrections: None,
        notes: Some(store),
        brief: None,
    };
    let mut s = Session::new(
        LibraryView::new(lib, Settings::default()),
        LibEdge::new(stores, Default::default()),
    );
    s.resize(120, 30);
    s
}

fn screen(v: &LibraryView) -> String {
    let mut t = Terminal::new(TestBackend::new(120, 30)).unwrap();
    t.draw(|f| f.render_widget(LibraryScreen(v), f.area()))
        .unwrap();
    common::buffer_text(t.backend().buffer())
}

use common::{lib_code as code, lib_press as press};

#[test]
fn every_note_newest_first_narrowed_by_tag_and_opened_at_its_passage() {
    let dir = tempdir("lib-notes");
    populate(&dir.0);
    let store = annotate(&dir.0);
    let mut v = session(&dir.0, store);
    press(&mut v, "A");
    assert_eq!(v.view.screen, Screen::Notes);
    let s = screen(&v.view);
    assert!(s.contains("3 notes in 2 briefs, newest first"), "{s}");
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(" · “")).collect();
    assert_eq!(rows.len(), 3, "{s}");
    assert!(
        rows[0].contains("Weather noted") && rows[0].contains("“cold”"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("Almaty signs") && rows[1].contains("#CSTO #treaty"),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains("Tazhin's first visit"), "{}", rows[2]);

    // `#` and a tag's first letters narrow the list, ignoring case.
    press(&mut v, "#cs");
    let s = screen(&v.view);
    assert!(s.contains("2 notes tagged #cs in 2 briefs"), "{s}");
    assert!(s.contains("tag: #cs▏ #CSTO 1 #csto 1"), "{s}");
    code(&mut v, KeyCode::Enter);
    press(&mut v, "j");
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Reading);
    let r = v.view.reading.as_ref().unwrap();
    let id = r.app.notes.current.clone().expect("at the note");
    let set = r.app.notes.set.as_ref().unwrap();
    let span = set.get(&id).unwrap().span().unwrap();
    assert_eq!(r.app.doc.slice(span), "Tazhin");
    assert!(r.app.top_byte() <= span.start, "the note is on screen");
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::Notes);
    code(&mut v, KeyCode::Esc);
    assert!(
        screen(&v.view).contains("3 notes in 2 briefs"),
        "Esc clears the tag"
    );
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::List);
}

#[test]
fn a_library_without_notes_says_how_to_make_one() {
    let dir = tempdir("lib-no-notes");
    populate(&dir.0);
    let mut v = session(&dir.0, Store::new(dir.0.join("data/annotations")));
    press(&mut v, "A");
    let s = screen(&v.view);
    assert!(
        s.contains("no notes yet: open a brief and annotate with a"),
        "{s}"
    );
}

fn folio(data: &Path, args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let (code, out, err) = common::outcome(
        Command::new(env!("CARGO_BIN_EXE_folio"))
            .env("FOLIO_DATA_DIR", data)
            .args(args),
    );
    (code == 0, out, err)
}

#[test]
fn folio_notes_dir_prints_every_briefs_notes_with_its_file() {
    let dir = tempdir("cli-lib-notes");
    populate(&dir.0);
    annotate(&dir.0);
    let data = dir.0.join("data");
    let briefs = dir.0.join("briefs");
    let run = |format: &str| {
        folio(
            &data,
            &[
                "notes".as_ref(),
                briefs.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
            ],
        )
    };
    let (ok, json, err) = run("json");
    assert!(ok, "{err}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.len(), 3, "{json}");
    for r in &rows {
        let file = r["file"].as_str().unwrap();
        assert!(file.ends_with("a.txt") || file.ends_with("c.txt"), "{r}");
        assert!(
            r["note"].is_string() && r["target"]["quote"]["exact"].is_string(),
            "{r}"
        );
    }
    let (ok, md, _) = run("md");
    assert!(ok);
    assert_eq!(md.matches("# Notes on ").count(), 2, "{md}");
    assert!(
        md.contains("File: `") && md.contains("Almaty signs"),
        "{md}"
    );
    let (ok, w3c, _) = run("w3c");
    assert!(ok);
    let c: serde_json::Value = serde_json::from_str(&w3c).unwrap();
    assert_eq!(c["type"], "AnnotationCollection");
    assert_eq!(c["total"], 3);
    let items = c["first"]["items"].as_array().unwrap();
    assert!(items.iter().all(|i| i["target"]["source"]
        .as_str()
        .unwrap()
        .starts_with("file:///")));
    // A folder whose briefs have no notes says so, in every format.
    let empty = dir.0.join("empty-data");
    let (ok, md, _) = folio(&empty, &["notes".as_ref(), briefs.as_os_str()]);
    assert!(ok && md.starts_with("No annotations in any brief"), "{md}");
}

//! Notices are a queue: what folio has to say at start-up (invalid UTF-8, every
//! config problem, the brief's notes) all show, one after another, each until
//! a key reads it; nothing said later overwrites one not read yet.

mod common;

use common::TempDir;
use crossterm::event::KeyCode;
use folio::annotations::Store;
use folio::cli::open::config_notices;
use folio::config;
use folio::document::{decode, Document};
use folio::ui::effects::{self, Edge};
use folio::ui::keymap::Key;
use folio::ui::{encoding_notice, Action, App, Effect};
use std::path::Path;
use std::sync::Arc;

const BROKEN_CONFIG: &str = "[reader]\ntheme = \"solarized\"\nwrap_width = 5\nmouse = false\n";

/// A brief with invalid UTF-8, opened as `run_reader` opens it: the encoding
/// notice, the config's warnings, then the notes opened at the edge.
fn opened(dir: &TempDir) -> (App, Edge) {
    let bytes = b"Title: Caspian week\n\nThe delegates met in Tehran.\xff\xfe Astana agreed.\n";
    let doc = Document::parse(decode(bytes).expect("decodes with repairs"));
    let mut app = App::new(Arc::new(doc), "broken.txt".into());
    app.update(Action::Extracted(Box::default()));
    app.update(Action::Resize(80, 24));
    let file = dir.path().join("config.toml");
    let (cfg, warnings) = config::parse(BROKEN_CONFIG, &file);
    assert!(!cfg.mouse, "the rest of a broken config still applies");
    if let Some(n) = encoding_notice(&app.doc) {
        app.say(n);
    }
    for n in config_notices(&warnings) {
        app.say(n);
    }
    let edge = Edge {
        notes: Some(Store::new(dir.path().join("annotations"))),
        ..Edge::default()
    };
    // A brief without notes: opening them says nothing, and must not wipe the rest.
    effects::run(&mut app, Effect::OpenNotes, &edge);
    (app, edge)
}

fn press(app: &mut App, edge: &Edge, c: char) {
    if let Some(a) = app.action_for_key(Key::plain(KeyCode::Char(c))) {
        if let Some(effect) = app.update(a) {
            effects::run(app, effect, edge);
        }
    }
}

/// The bottom three rows of the screen as words.
fn status_words(app: &App) -> String {
    let text = common::screen_text(app);
    let rows: Vec<&str> = text.lines().collect();
    rows[rows.len() - 3..]
        .iter()
        .flat_map(|r| r.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_start_up_notice_shows_in_turn_until_read() {
    let dir = TempDir::new("notices-start-up");
    let (mut app, edge) = opened(&dir);
    let file = dir.path().join("config.toml").display().to_string();
    assert!(app.notes.set.is_some(), "the notes were opened");
    let expected = [
        "invalid UTF-8".to_string(),
        format!("{file}:2: reader.theme"),
        format!("{file}:3: reader.wrap_width"),
    ];
    assert_eq!(
        app.notices.iter().count(),
        expected.len(),
        "{:?}",
        app.notices
    );
    for (i, want) in expected.iter().enumerate() {
        let shown = status_words(&app);
        assert!(shown.contains(want.as_str()), "notice {i}: {shown}");
        let more = expected.len() - i - 1;
        assert_eq!(
            shown.contains(&format!("(+{more} more)")),
            more > 0,
            "{shown}"
        );
        press(&mut app, &edge, 'j');
    }
    assert_eq!(app.notice, None);
    assert!(app.notices.is_empty());
}

#[test]
fn a_key_answer_shows_first_and_the_older_notices_still_wait() {
    let dir = TempDir::new("notices-answer");
    let (mut app, edge) = opened(&dir);
    // `]` with no notes answers at once; reading it brings back the config ones.
    press(&mut app, &edge, ']');
    let answer = app.notice.clone().unwrap();
    assert!(answer.contains("no notes"), "{answer}");
    assert_eq!(app.notices.waiting(), 2, "{:?}", app.notices);
    press(&mut app, &edge, 'j');
    assert!(app.notice.as_deref().unwrap().contains("reader.theme"));
}

#[test]
fn notes_opened_later_wait_behind_a_notice_not_read() {
    let dir = TempDir::new("notices-notes");
    let (mut app, edge) = opened(&dir);
    // Give the brief a note, then open it again: "1 note" queues behind the rest.
    press(&mut app, &edge, 'a');
    for c in "kept".chars() {
        press(&mut app, &edge, c);
    }
    app.update(Action::EditorSave);
    let effect = Effect::SaveNotes;
    effects::run(&mut app, effect, &edge);
    let (mut again, _) = opened(&dir);
    let all: Vec<&str> = again.notices.iter().collect();
    assert_eq!(all.len(), 4, "{all:?}");
    assert!(all[0].contains("invalid UTF-8"), "{all:?}");
    assert!(all[3].starts_with("1 note "), "{all:?}");
    for _ in 0..3 {
        press(&mut again, &edge, 'j');
    }
    assert!(
        status_words(&again).contains("1 note"),
        "{}",
        status_words(&again)
    );
}

#[test]
fn many_config_problems_are_summed_up_after_the_first_three() {
    let text = "[reader]\ntheme = 1\nwrap_width = 1\nmouse = 1\ncolour = 1\n[export]\nformat = 1\n";
    let (_, warnings) = config::parse(text, Path::new("/etc/folio.toml"));
    let notices = config_notices(&warnings);
    assert_eq!(notices.len(), 4, "{notices:#?}");
    assert!(notices[..3]
        .iter()
        .all(|n| n.starts_with("config: /etc/folio.toml:")));
    assert_eq!(
        notices[3],
        "config: 2 more problems; `folio config` lists them all"
    );
}

#[test]
fn counts_in_notices_are_singular_for_one() {
    let dir = TempDir::new("notices-one-note");
    let store = Store::new(dir.path().join("annotations"));
    let path = dir.path().join("brief.txt");
    let doc = Document::from_text("Delegates met in Tehran.\n\nThey agreed on nothing.");
    std::fs::write(&path, doc.text()).unwrap();
    let (mut set, _) = store.open(&doc, Some(&path));
    set.add(&doc, common::span_of(&doc, "Tehran"), "venue")
        .unwrap();
    store.save(&doc, &mut set).unwrap();
    // The brief is edited: its one note is found through the path.
    let edited = Document::from_text("A new opening.\n\nDelegates met in Tehran.");
    std::fs::write(&path, edited.text()).unwrap();
    let (_, notice) = store.open(&edited, Some(&path));
    let message = notice.expect("the change is said").message;
    assert!(message.contains(": 1 note, "), "{message}");
}

//! Every key hint comes from the live keymap: with the panel, editor, picker
//! and reader keys rebound in a config file, notices, prompts, titles, the
//! status line and the help name the new keys, and the new keys work.

mod common;

use common::TempDir;
use crossterm::event::KeyCode;
use folio::annotations::Store;
use folio::config;
use folio::document::Document;
use folio::entities::Kind;
use folio::ui::effects::{self, Edge};
use folio::ui::keymap::{Key, Keymap};
use folio::ui::{Action, App, Mode};
use std::path::Path;
use std::sync::Arc;

const CONFIG: &str = r#"
[keys.global]
"." = "next_note"
"," = "prev_note"
"]" = "none"
"[" = "none"
"F1" = "help"
"?" = "none"
[keys.notes]
z = "undo_delete"
u = "none"
[keys.editor]
"ctrl-w" = "save_note"
"ctrl-s" = "none"
"alt-y" = "discard_note"
y = "none"
Y = "none"
[keys.correct]
"1" = "as_person"
"2" = "as_organization"
"3" = "as_place"
"4" = "as_misc"
p = "none"
o = "none"
l = "none"
m = "none"
"#;

fn text() -> String {
    (0..20)
        .map(|i| format!("Paragraph {i}: the delegates from Astana met Nazarbayev again."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A reader with the rebinding config, its notes in `dir`.
fn reader(dir: &TempDir) -> (App, Edge) {
    let (cfg, warnings) = config::parse(CONFIG, Path::new("config.toml"));
    assert!(warnings.is_empty(), "{warnings:#?}");
    let doc = Document::from_text(&text());
    let ents = common::entities_named(&doc, &[("Nazarbayev", Kind::Place)]);
    let mut app = App::new(Arc::new(doc), "keys".into());
    app.keymap = Keymap::default().with_overrides(&cfg.keys);
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    app.update(Action::Resize(120, 40));
    let edge = Edge {
        notes: Some(Store::new(dir.path().join("annotations"))),
        ..Edge::default()
    };
    effects::run(&mut app, folio::ui::Effect::OpenNotes, &edge);
    (app, edge)
}

fn press(app: &mut App, edge: &Edge, key: Key) {
    if let Some(a) = app.action_for_key(key) {
        if let Some(effect) = app.update(a) {
            effects::run(app, effect, edge);
        }
    }
}

fn ch(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}

fn typ(app: &mut App, edge: &Edge, s: &str) {
    for c in s.chars() {
        press(app, edge, ch(c));
    }
}

#[test]
fn the_editor_and_the_notes_name_their_rebound_keys() {
    let dir = TempDir::new("hints-notes");
    let (mut app, edge) = reader(&dir);
    press(&mut app, &edge, ch('a'));
    assert_eq!(app.mode, Mode::Editor);
    let screen = common::screen_text(&app);
    assert!(
        screen.contains("Note — Ctrl-w save · Esc cancel · Tab completes"),
        "{screen}"
    );
    // The old save key is typed text now... Ctrl-s does nothing; y is typed.
    press(&mut app, &edge, Key::ctrl('s'));
    typ(&mut app, &edge, "yes");
    assert_eq!(app.notes.editor.as_ref().unwrap().editor.text, "yes");
    // The discard question names alt-y, and y is not an answer.
    press(&mut app, &edge, Key::plain(KeyCode::Esc));
    let screen = common::screen_text(&app);
    assert!(
        screen.contains("Discard this note? Alt-y: discard · n: keep writing"),
        "{screen}"
    );
    press(&mut app, &edge, ch('y'));
    assert!(app.notes.editor.as_ref().unwrap().confirm_discard);
    press(&mut app, &edge, ch('n'));
    press(&mut app, &edge, Key::ctrl('w'));
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 1);

    // A new reader on the same brief: the notice names . and , for the notes.
    let (mut app, edge) = reader(&dir);
    assert_eq!(
        app.notice.as_deref(),
        Some("1 note (. and , go through them, A lists them)")
    );
    // Deleting in the panel names z, which brings it back; u no longer does.
    press(&mut app, &edge, ch('A'));
    let screen = common::screen_text(&app);
    assert!(screen.contains("e edit · d delete · z undo"), "{screen}");
    press(&mut app, &edge, ch('d'));
    assert_eq!(
        app.notice.as_deref(),
        Some("note deleted (z brings it back)")
    );
    press(&mut app, &edge, ch('u'));
    assert!(app.notes.set.as_ref().unwrap().is_empty());
    press(&mut app, &edge, ch('z'));
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 1);
    // The help lists the panel's keys under its heading, rebound.
    press(&mut app, &edge, Key::plain(KeyCode::Esc));
    press(&mut app, &edge, Key::plain(KeyCode::F(1)));
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&common::screen_text(&app));
        press(&mut app, &edge, ch(' '));
    }
    assert!(
        seen.contains("z                    bring back the last deleted note"),
        "{seen}"
    );
    assert!(
        seen.contains("Ctrl-w               save the note"),
        "{seen}"
    );
}

#[test]
fn the_correction_prompt_and_the_status_hints_name_rebound_keys() {
    let dir = TempDir::new("hints-correct");
    let (mut app, edge) = reader(&dir);
    let status = common::screen_text(&app)
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert!(status.contains("q quit  F1 help"), "{status}");
    press(&mut app, &edge, Key::plain(KeyCode::Tab));
    press(&mut app, &edge, Key::plain(KeyCode::Enter));
    press(&mut app, &edge, ch('t'));
    assert_eq!(app.mode, Mode::Correct);
    let screen = common::screen_text(&app);
    assert!(
        screen.contains(
            "retype Nazarbayev as: 1 person · 2 organization · 3 place · 4 misc · Esc cancel"
        ),
        "{screen}"
    );
    press(&mut app, &edge, ch('p'));
    assert_eq!(app.mode, Mode::Correct, "p no longer picks a person");
    press(&mut app, &edge, ch('1'));
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.entities.entities[0].kind, Kind::Person);
    // ? is unbound: F1 opens the help, and the help says F1 closes it.
    press(&mut app, &edge, ch('?'));
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, &edge, Key::plain(KeyCode::F(1)));
    assert_eq!(app.mode, Mode::Help);
    assert!(common::screen_text(&app).contains("F1, q, Esc close"));
}

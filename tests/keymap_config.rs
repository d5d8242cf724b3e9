//! Key bindings from a config file change what keys do, and the help overlay
//! drawn into a TestBackend shows the keys actually bound.

mod common;

use crossterm::event::KeyCode;
use folio::config;
use folio::document::Document;
use folio::ui::keymap::{Key, Keymap};
use folio::ui::{Action, App};
use std::path::Path;
use std::sync::Arc;

fn app_with(config_text: &str) -> App {
    let (cfg, warnings) = config::parse(config_text, Path::new("config.toml"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let text = (0..200)
        .map(|i| format!("Paragraph {i} about Astana and the Caspian Sea."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut app = App::new(Arc::new(Document::from_text(&text)), "keys".into());
    app.keymap = Keymap::default().with_overrides(&cfg.keys);
    app.wrap_width = cfg.wrap_width;
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn overrides_rebind_and_unbind_keys() {
    let mut app =
        app_with("[keys.global]\n\"ctrl-f\" = \"page_down\"\nj = \"none\"\nz = \"bottom\"\n");
    assert_eq!(app.action_for_key(Key::ctrl('f')), Some(Action::PageDown));
    assert_eq!(app.action_for_key(Key::plain(KeyCode::Char('j'))), None);
    assert_eq!(
        app.action_for_key(Key::plain(KeyCode::Down)),
        Some(Action::MoveDown)
    );
    let top = app.view.top;
    let action = app.action_for_key(Key::plain(KeyCode::Char('z'))).unwrap();
    app.update(action);
    assert!(app.view.top > top, "z now goes to the bottom");

    app.update(Action::ToggleHelp);
    let help = common::screen_text(&app);
    assert!(help.contains("Ctrl-f"), "{help}");
}

#[test]
fn two_key_sequences_wait_for_their_second_key() {
    let mut app = app_with("[keys.global]\n\"g g\" = \"top\"\n\"g e\" = \"bottom\"\n");
    let g = Key::plain(KeyCode::Char('g'));
    assert_eq!(app.action_for_key(g), None, "g waits");
    assert_eq!(
        app.action_for_key(Key::plain(KeyCode::Char('e'))),
        Some(Action::GoBottom)
    );
    assert_eq!(app.action_for_key(g), None);
    assert_eq!(app.action_for_key(g), Some(Action::GoTop));
    // A second key that completes nothing acts alone.
    assert_eq!(app.action_for_key(g), None);
    assert_eq!(
        app.action_for_key(Key::plain(KeyCode::Char('j'))),
        Some(Action::MoveDown)
    );
    assert!(app
        .keymap
        .keys_for(&Action::GoTop)
        .contains(&"g g".to_string()));
}

#[test]
fn without_overrides_the_defaults_hold() {
    let mut app = app_with("");
    assert_eq!(
        app.action_for_key(Key::plain(KeyCode::Char('j'))),
        Some(Action::MoveDown)
    );
    assert_eq!(app.action_for_key(Key::ctrl('f')), None);
}

#[test]
fn wrap_width_narrows_the_text_column() {
    let app = app_with("[reader]\nwrap_width = 40\n");
    assert_eq!(app.view.width, 40);
    let text = common::screen_text(&app);
    let longest = text
        .lines()
        .filter(|l| l.contains("Paragraph"))
        .map(|l| l.split('│').nth(1).unwrap_or("").trim_end().chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest <= 42, "{longest}\n{text}");
    assert!(app_with("").view.width > 40);
}

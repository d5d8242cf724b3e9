//! The `?` help at 80x24 and 120x40: every binding with its whole description
//! (wrapped), under a heading per context, scrolled with the movement keys and
//! closed only by `?`, `q` or `Esc`.

mod common;

use crossterm::event::KeyCode;
use folio::document::{decode, Document};
use folio::ui::keymap::Key;
use folio::ui::{Action, App, Effect, Mode, SAMPLE};
use std::sync::Arc;

fn sample(w: u16, h: u16) -> App {
    let doc = Document::parse(decode(SAMPLE.as_bytes()).expect("sample decodes"));
    let mut app = App::new(Arc::new(doc), "sample".into());
    app.update(Action::Extracted(Box::default()));
    app.update(Action::Resize(w, h));
    app
}

fn press(app: &mut App, key: Key) -> Option<Effect> {
    let action = app.action_for_key(key)?;
    app.update(action)
}

fn ch(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}

/// The help popup's inner rows, read off the screen between its borders.
fn help_rows(app: &App) -> Vec<String> {
    let text = common::screen_text(app);
    let rows: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let (top, x0) = rows
        .iter()
        .enumerate()
        .find_map(|(y, r)| {
            let s: String = r.iter().collect();
            s.find("┌ Keys").map(|i| (y, s[..i].chars().count()))
        })
        .expect("the help is shown");
    let x1 = (x0 + 1..rows[top].len())
        .find(|&x| rows[top][x] == '┐')
        .unwrap();
    rows[top + 1..]
        .iter()
        .take_while(|r| r[x0] == '│')
        .map(|r| r[x0 + 1..x1].iter().collect())
        .collect()
}

/// Every help line of `app`, scrolling from the top to the end with `j`.
fn whole_help(app: &mut App) -> Vec<String> {
    press(app, ch('g'));
    let mut lines = help_rows(app);
    let page = lines.len();
    loop {
        let before = app.help.top;
        press(app, ch('j'));
        if app.help.top == before {
            break;
        }
        lines.push(help_rows(app)[page - 1].clone());
    }
    lines
}

/// The help's text as words, so wrapped descriptions read as one.
fn words(lines: &[String]) -> String {
    lines
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_description_is_whole_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = sample(w, h);
        press(&mut app, ch('?'));
        assert_eq!(app.mode, Mode::Help);
        let first = help_rows(&app);
        let all = whole_help(&mut app);
        assert!(all.len() > first.len(), "{w}x{h}: the help scrolls");
        let text = words(&all);
        for b in app.keymap.bindings() {
            let what = b.action.describe();
            if b.context.is_reader() {
                assert!(text.contains(what), "{w}x{h}: {what:?} missing in {text}");
            }
        }
        for heading in [
            "Everywhere",
            "In the text",
            "In the timeline",
            "In the annotations panel (A opens it)",
            "In the note editor (a opens it on the selection)",
            "Correcting an entity (after t, + or m)",
        ] {
            assert!(text.contains(heading), "{w}x{h}: {heading:?} in {text}");
        }
        assert!(
            text.contains("u bring back the last deleted note"),
            "{text}"
        );
        assert!(text.contains("Ctrl-s save the note"), "{text}");
        assert!(text.contains("l retype or add as a place"), "{text}");
    }
}

#[test]
fn the_scroll_indicator_says_where_the_help_is() {
    let mut app = sample(80, 24);
    press(&mut app, ch('?'));
    let screen = common::screen_text(&app);
    let page = help_rows(&app).len();
    assert!(screen.contains(&format!(" 1–{page} of ")), "{screen}");
    assert!(screen.contains("?, q, Esc close"), "{screen}");
    press(&mut app, ch(' '));
    let top = app.help.top;
    assert_eq!(top, page - 1, "a page keeps one line of context");
    let screen = common::screen_text(&app);
    assert!(screen.contains(&format!(" {}–", top + 1)), "{screen}");
}

#[test]
fn movement_keys_scroll_and_only_help_quit_and_esc_close() {
    let mut app = sample(80, 24);
    press(&mut app, ch('?'));
    press(&mut app, ch('j'));
    press(&mut app, Key::plain(KeyCode::Down));
    assert_eq!(app.help.top, 2);
    press(&mut app, ch('k'));
    press(&mut app, Key::plain(KeyCode::Up));
    assert_eq!(app.help.top, 0);
    press(&mut app, ch('G'));
    let bottom = app.help.top;
    assert!(bottom > 0);
    press(&mut app, ch('j'));
    assert_eq!(app.help.top, bottom, "the end stays the end");
    press(&mut app, Key::plain(KeyCode::PageUp));
    assert!(app.help.top < bottom);
    press(&mut app, Key::plain(KeyCode::PageDown));
    assert_eq!(app.help.top, bottom);
    press(&mut app, ch('g'));
    assert_eq!(app.help.top, 0);
    // Other keys do nothing, not even what they do in the reader.
    for c in ['x', 'n', 'a', 't', '/', 'A', 'v'] {
        assert_eq!(press(&mut app, ch(c)), None);
        assert_eq!(app.mode, Mode::Help, "{c} keeps the help open");
    }
    assert!(app.corrections.is_empty() && app.notes.panel.is_none());
    press(&mut app, Key::plain(KeyCode::Enter));
    press(&mut app, Key::plain(KeyCode::Tab));
    assert_eq!(app.mode, Mode::Help);
    // q closes the help and does not quit.
    assert_eq!(press(&mut app, ch('q')), None);
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, ch('?'));
    press(&mut app, ch('j'));
    press(&mut app, Key::plain(KeyCode::Esc));
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, ch('?'));
    assert_eq!(app.help.top, 0, "it opens at the top again");
    press(&mut app, ch('?'));
    assert_eq!(app.mode, Mode::Normal);
}

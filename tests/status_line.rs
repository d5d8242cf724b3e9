//! The status area at 80x24 and 120x40 on the bundled sample: counters are
//! never cut, a fresh notice gets lines of its own and is shown whole when it
//! fits in two, and key hints stay away while keys type text.

mod common;

use crossterm::event::KeyCode;
use folio::document::{decode, Document};
use folio::ui::keymap::Key;
use folio::ui::{Action, App, Mode, SAMPLE};
use std::sync::Arc;

fn sample(w: u16, h: u16) -> App {
    let doc = Document::parse(decode(SAMPLE.as_bytes()).expect("sample decodes"));
    let mut app = App::with_extraction(Arc::new(doc), "sample: caspian-summit-2007.txt".into());
    app.update(Action::Resize(w, h));
    app
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for &k in keys {
        if let Some(a) = app.action_for_key(Key::plain(k)) {
            app.update(a);
        }
    }
}

/// The bottom `n` rows of the screen.
fn bottom(app: &App, n: usize) -> Vec<String> {
    let text = common::screen_text(app);
    let rows: Vec<String> = text.lines().map(str::to_owned).collect();
    rows[rows.len() - n..].to_vec()
}

/// Words of `rows`, joined by single spaces (what a reader sees across line breaks).
fn words(rows: &[String]) -> String {
    rows.iter()
        .flat_map(|r| r.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A long entity's mention selected with `n`, as a reader would reach it.
fn on_a_mention(w: u16, h: u16) -> App {
    let mut app = sample(w, h);
    press(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    press(&mut app, &[KeyCode::Char('n'), KeyCode::Char('n')]);
    assert!(app.counter().is_some());
    app
}

#[test]
fn counters_are_whole_at_80_and_120_columns() {
    for (w, h) in [(80, 24), (120, 40)] {
        let app = on_a_mention(w, h);
        let (what, i, n) = app.counter().unwrap();
        let status = bottom(&app, 1).remove(0);
        let long = format!("{} {i}/{n}", what.name());
        let short = format!("{} {i}/{n}", what.short());
        assert!(
            status.contains(&format!("{long} ")) || status.contains(&format!("{short} ")),
            "{w}x{h}: {status:?}"
        );
        assert!(status.contains("sample"), "{w}x{h}: {status:?}");
    }
    // With the timeline's current event too.
    let mut app = sample(80, 24);
    press(&mut app, &[KeyCode::Char('>'), KeyCode::Char('>')]);
    let status = bottom(&app, 1).remove(0);
    assert!(
        status.contains("event 2/") || status.contains("ev 2/"),
        "{status:?}"
    );
}

#[test]
fn a_long_file_name_gives_way_to_the_counter() {
    let doc = Document::parse(decode(SAMPLE.as_bytes()).unwrap());
    let name = "a-very-long-file-name-for-a-brief-about-the-caspian-summit-of-2007.txt";
    let mut app = App::with_extraction(Arc::new(doc), name.into());
    app.update(Action::Resize(80, 24));
    press(
        &mut app,
        &[KeyCode::Tab, KeyCode::Enter, KeyCode::Char('n')],
    );
    let (what, i, n) = app.counter().unwrap();
    let status = bottom(&app, 1).remove(0);
    assert!(
        status.contains(&format!("{} {i}/{n}", what.short())),
        "{status:?}"
    );
    assert!(status.contains("a-very-long"), "{status:?}");
}

#[test]
fn a_fresh_notice_is_whole_on_lines_of_its_own() {
    let warning = "config: /home/someone/.config/folio/config.toml:2: reader.theme: \
                   expected one of \"dark\", \"light\", \"mono\"; using the default";
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = on_a_mention(w, h);
        app.say(warning);
        let rows = bottom(&app, 3);
        assert!(words(&rows).contains(warning), "{w}x{h}: {rows:#?}");
        // The status line is still there below it, counter and all.
        let (what, i, n) = app.counter().unwrap();
        let last = rows.last().unwrap();
        assert!(
            last.contains(&format!("{} {i}/{n}", what.name()))
                || last.contains(&format!("{} {i}/{n}", what.short())),
            "{w}x{h}: {rows:#?}"
        );
        // The text pane keeps its size: only the timeline gave up rows.
        let one_line = folio::ui::layout::areas(app.screen).unwrap();
        assert_eq!(app.areas().unwrap().text, one_line.text);
        // Read: the next key takes it away and the status area shrinks back.
        press(&mut app, &[KeyCode::Char('j')]);
        let text = common::screen_text(&app);
        assert!(!text.contains("reader.theme"), "{w}x{h}: {text}");
        assert_eq!(app.areas().unwrap().status.height, 1);
    }
}

#[test]
fn the_count_of_waiting_notices_is_shown() {
    let mut app = sample(80, 24);
    app.say("first of two");
    app.say("second of two");
    let rows = bottom(&app, 3);
    assert!(words(&rows).contains("first of two (+1 more)"), "{rows:#?}");
    press(&mut app, &[KeyCode::Char('j')]);
    let rows = bottom(&app, 3);
    assert!(words(&rows).contains("second of two"), "{rows:#?}");
    assert!(!words(&rows).contains("more)"), "{rows:#?}");
}

#[test]
fn no_key_hints_while_typing_a_search() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = sample(w, h);
        press(&mut app, &[KeyCode::Char('/'), KeyCode::Char('q')]);
        assert_eq!(app.mode, Mode::Search);
        let status = bottom(&app, 1).remove(0);
        assert!(status.contains("/q"), "{status:?}");
        assert!(!status.contains("quit"), "{w}x{h}: {status:?}");
    }
}

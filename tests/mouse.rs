//! The mouse, driven through `App::update` and checked against what a
//! TestBackend screen shows: the cell clicked is found on the rendered screen,
//! so hit-testing is tested against the layout the user sees.

mod common;
mod library_fixture;

use common::entities_named as entities;

use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use folio::document::Document;
use folio::entities::Kind;
use folio::ui::layout;
use folio::ui::{Action, App, Focus};
use std::sync::Arc;

fn app_on(text: &str) -> App {
    let doc = Document::from_text(text);
    let ents = entities(
        &doc,
        &[("CSTO", Kind::Organization), ("Astana", Kind::Place)],
    );
    let mut app = App::new(Arc::new(doc), "test brief".into());
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    app.update(Action::Resize(120, 40));
    app
}

/// Forty paragraphs; the CSTO in every ninth, Astana in paragraph 20.
fn app() -> App {
    let paras: Vec<String> = (0..40)
        .map(|i| match i {
            20 => "Paragraph 20 mentions Astana once. It has a second sentence too.".to_string(),
            i if i % 9 == 0 => format!("Paragraph {i}: the CSTO met again. Nothing else happened."),
            i => format!("Paragraph {i} is filler text. It says little of note."),
        })
        .collect();
    app_on(&paras.join("\n\n"))
}

/// The first cell inside `area` where the screen shows `word` (cell by cell, one
/// character per cell; wide characters' trailing cells are skipped).
fn find(
    buf: &ratatui::buffer::Buffer,
    area: ratatui::layout::Rect,
    word: &str,
) -> Option<(u16, u16)> {
    for y in area.y..area.bottom() {
        let mut cols = Vec::new();
        let mut line = String::new();
        for x in area.x..area.right() {
            let s = buf[(x, y)].symbol();
            if s.is_empty() {
                continue;
            }
            cols.push((line.len(), x));
            line.push_str(s);
        }
        if let Some(i) = line.find(word) {
            let x = cols.iter().find(|(b, _)| *b == i).map(|&(_, x)| x)?;
            return Some((x, y));
        }
    }
    None
}

fn areas(app: &App) -> layout::Areas {
    layout::areas(app.screen).expect("120x40 is laid out")
}

#[test]
fn the_wheel_over_the_text_scrolls_it() {
    let mut app = app();
    let a = areas(&app);
    let before = app.top_byte();
    app.update(Action::Wheel {
        col: a.text.x + 5,
        row: a.text.y + 3,
        delta: 2,
    });
    let after = app.top_byte();
    assert!(after > before, "scrolled down: {before} -> {after}");
    assert_eq!(app.focus, Focus::Pane);
    app.update(Action::Wheel {
        col: a.text.x + 5,
        row: a.text.y + 3,
        delta: -2,
    });
    assert_eq!(app.top_byte(), before, "and back up");
}

#[test]
fn the_wheel_over_the_sidebar_moves_its_cursor() {
    let mut app = app();
    let a = areas(&app);
    assert_eq!(app.sidebar.cursor, 0);
    let top = app.top_byte();
    app.update(Action::Wheel {
        col: a.sidebar.x + 3,
        row: a.sidebar.y + 2,
        delta: 1,
    });
    assert_eq!(app.sidebar.cursor, 1);
    assert_eq!(app.focus, Focus::Sidebar);
    assert_eq!(app.top_byte(), top, "the text did not scroll");
    app.update(Action::Wheel {
        col: a.sidebar.x + 3,
        row: a.sidebar.y + 2,
        delta: -5,
    });
    assert_eq!(app.sidebar.cursor, 0, "clamped at the top");
}

#[test]
fn a_click_on_a_sidebar_row_selects_that_entity() {
    let mut app = app();
    let a = areas(&app);
    let (x, y) = find(&common::render(&app), a.sidebar, "Astana").expect("Astana in the sidebar");
    app.update(Action::Click { col: x, row: y });
    assert_eq!(app.focus, Focus::Sidebar);
    let astana = app
        .entities
        .entities
        .iter()
        .position(|e| e.name == "Astana");
    assert_eq!(app.selected, astana);
    assert_eq!(app.position().as_deref(), Some("mention 1/1"));
    // The pane now shows Astana's mention.
    let buf = common::render(&app);
    assert!(find(&buf, a.text, "mentions Astana").is_some());
    // A click on a kind heading focuses the sidebar and selects nothing new.
    let (hx, hy) = find(&buf, a.sidebar, "ORGANIZATIONS").unwrap();
    app.update(Action::Click { col: hx, row: hy });
    assert_eq!(app.selected, astana);
}

#[test]
fn a_click_on_a_mention_selects_it_and_on_a_word_moves_the_reading_cursor() {
    let mut app = app();
    app.update(Action::FocusNext);
    let a = areas(&app);
    let buf = common::render(&app);
    let (x, y) = find(&buf, a.text, "CSTO").expect("CSTO on the first screen");
    app.update(Action::Click { col: x + 2, row: y });
    assert_eq!(app.focus, Focus::Pane);
    let m = app.mention.expect("a current mention");
    assert_eq!(app.doc.slice(app.entities.mentions()[m].span()), "CSTO");
    assert_eq!(app.selected, Some(app.entities.mentions()[m].entity()));
    let s = app.cursor.expect("the cursor is on the clicked sentence");
    assert!(app.doc.sentences()[s]
        .span()
        .contains(app.entities.mentions()[m].span().start));

    // A plain word: the cursor goes to that sentence.
    let (x, y) = find(&buf, a.text, "says little").expect("a second sentence");
    app.update(Action::Click { col: x, row: y });
    let s = app.cursor.unwrap();
    let sentence = app.doc.slice(app.doc.sentences()[s].span());
    assert!(sentence.starts_with("It says little"), "{sentence:?}");
    // Right of a line's end: its last character's sentence.
    app.update(Action::Click {
        col: a.text.right() - 1,
        row: y,
    });
    assert!(app.cursor.is_some());
}

#[test]
fn clicks_after_wide_characters_land_on_the_right_word() {
    let text = "中文中文中文 报道 Astana 的 CSTO 会议。Then English text follows here.\n\nSecond paragraph.";
    let mut app = app_on(text);
    let a = areas(&app);
    let buf = common::render(&app);
    let (x, y) = find(&buf, a.text, "Astana").expect("Astana drawn");
    // Eight wide characters and two spaces before: "Astana" starts at display column 18.
    assert_eq!(x - a.text.x, 18);
    app.update(Action::Click { col: x, row: y });
    let m = app.mention.expect("the click hit the mention");
    assert_eq!(app.doc.slice(app.entities.mentions()[m].span()), "Astana");
    // The second column of a wide character is that character.
    let pos = app.byte_at(a.text, a.text.x + 1, a.text.y).unwrap();
    assert_eq!(pos, 0);
    let pos = app.byte_at(a.text, a.text.x + 2, a.text.y).unwrap();
    assert_eq!(&app.doc.text()[pos..pos + 3], "文");
}

#[test]
fn a_click_on_a_timeline_chip_selects_that_event() {
    let text = "Title: Test\nDate: 2007-05-01\n\nThe CSTO met on April 23, 2007 in Astana.\n\nIt meets again on June 30, 2007 in Moscow.\n\nOfficials spoke on May 9, 2007 about it.";
    let mut doc = Document::from_text(text);
    doc.set_published(folio::date::Date::new(2007, 5, 1).unwrap());
    let mut app = App::with_extraction(Arc::new(doc), "t".into());
    app.update(Action::Resize(120, 40));
    assert!(app.events.len() >= 3, "{:?}", app.events.len());
    let a = areas(&app);
    let band =
        ratatui::layout::Rect::new(a.timeline.x + 1, a.timeline.y + 1, a.timeline.width - 2, 1);
    let buf = common::render(&app);
    let chips: Vec<u16> = (band.x..band.right())
        .filter(|&x| buf[(x, band.y)].symbol() == "●")
        .collect();
    assert!(chips.len() >= 3, "{chips:?}");
    app.update(Action::Click {
        col: chips[1],
        row: band.y,
    });
    assert_eq!(app.focus, Focus::Timeline);
    assert_eq!(
        app.event,
        Some(1),
        "the second chip is the second event in date order"
    );
    let first = app.events[0].value().to_string();
    let second = app.events[1].value().to_string();
    assert!(first <= second, "{first} {second}");
    // The text follows to the event's passage.
    let pos = app.events[1].span().start;
    let shown = common::render(&app);
    let phrase = app.doc.slice(app.events[1].span()).to_string();
    assert!(
        find(&shown, a.text, &phrase).is_some(),
        "{phrase} at {pos} on screen"
    );
    // The wheel over the timeline steps between events.
    app.update(Action::Wheel {
        col: band.x + 2,
        row: band.y + 1,
        delta: 1,
    });
    assert_eq!(app.event, Some(2));
}

#[test]
fn terminal_mouse_events_become_actions_unless_the_mouse_is_off() {
    let ev = |kind| MouseEvent {
        kind,
        column: 10,
        row: 5,
        modifiers: KeyModifiers::NONE,
    };
    let mut app = app();
    assert_eq!(
        app.action_for_mouse(ev(MouseEventKind::Down(MouseButton::Left))),
        Some(Action::Click { col: 10, row: 5 })
    );
    assert_eq!(
        app.action_for_mouse(ev(MouseEventKind::ScrollUp)),
        Some(Action::Wheel {
            col: 10,
            row: 5,
            delta: -1
        })
    );
    assert_eq!(app.action_for_mouse(ev(MouseEventKind::Moved)), None);

    app.mouse = false;
    assert_eq!(app.action_for_mouse(ev(MouseEventKind::ScrollDown)), None);
    // Even an action that arrives anyway changes nothing.
    let a = areas(&app);
    let top = app.top_byte();
    app.update(Action::Wheel {
        col: a.text.x + 1,
        row: a.text.y + 1,
        delta: 3,
    });
    let (x, y) = find(&common::render(&app), a.sidebar, "Astana").unwrap();
    app.update(Action::Click { col: x, row: y });
    assert_eq!(app.top_byte(), top);
    assert_eq!(app.selected, None);
    assert_eq!(app.focus, Focus::Pane);
}

#[test]
fn mouse_false_in_the_config_file_turns_it_off() {
    let (c, w) = folio::config::parse(
        "[reader]\nmouse = false\n",
        std::path::Path::new("config.toml"),
    );
    assert!(w.is_empty(), "{w:?}");
    assert!(!c.mouse);
    assert!(folio::config::Config::default().mouse, "on by default");
}

#[test]
fn clicks_and_the_wheel_never_panic_anywhere_on_any_screen() {
    for (w, h) in [(120, 40), (80, 24), (79, 23), (0, 0), (200, 60)] {
        let mut app = app();
        app.update(Action::Resize(w, h));
        for row in (0..h.saturating_add(2)).step_by(3) {
            for col in (0..w.saturating_add(2)).step_by(7) {
                app.update(Action::Click { col, row });
                app.update(Action::Wheel { col, row, delta: 1 });
                app.update(Action::Wheel {
                    col,
                    row,
                    delta: -1,
                });
            }
        }
        let _ = common::render(&app);
    }
}

#[test]
fn the_wheel_moves_through_the_library_and_the_open_brief_takes_clicks() {
    use folio::library::{self, Options};
    use folio::ui::library_view::{LibEdge, LibraryView, Screen, Session};
    let dir = library_fixture::tempdir("mouse");
    library_fixture::populate(&dir.0);
    let opts = Options {
        cache_dir: Some(dir.0.join("cache")),
        threads: 1,
        extractor: library_fixture::STAND_IN,
        corrections: Default::default(),
        published: None,
    };
    let (mut lib, ix) = library::open(&[dir.0.join("briefs")], &opts);
    lib.wait(ix);
    let view = LibraryView::new(lib, folio::ui::Settings::default());
    let edge = LibEdge::new(folio::ui::effects::Edge::default(), Default::default());
    let mut v = Session::new(view, edge);
    v.resize(120, 40);
    let wheel = |kind| MouseEvent {
        kind,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(v.view.brief_cursor.at, 0);
    v.mouse(wheel(MouseEventKind::ScrollDown));
    assert_eq!(v.view.brief_cursor.at, 1);
    v.mouse(wheel(MouseEventKind::ScrollUp));
    assert_eq!(v.view.brief_cursor.at, 0);
    v.view.settings.mouse = false;
    v.mouse(wheel(MouseEventKind::ScrollDown));
    assert_eq!(v.view.brief_cursor.at, 0, "mouse off: ignored");
    v.view.settings.mouse = true;
    // In an open brief, the reader's own handling: a click focuses the sidebar.
    assert!(!v.key(folio::ui::keymap::Key::plain(
        crossterm::event::KeyCode::Enter
    )));
    assert_eq!(v.view.screen, Screen::Reading);
    let a = layout::areas(ratatui::layout::Rect::new(0, 0, 120, 40)).unwrap();
    v.mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: a.sidebar.x + 2,
        row: a.sidebar.y + 2,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(
        v.view.reading.as_ref().map(|r| r.app.focus),
        Some(Focus::Sidebar)
    );
}

#[test]
fn the_help_overlay_mentions_the_mouse_only_when_it_is_on() {
    let shows_mouse = |mouse: bool| {
        let mut app = app();
        app.mouse = mouse;
        app.update(Action::ToggleHelp);
        // The mouse comes last in the help: scroll to its end.
        app.update(Action::GoBottom);
        let buf = common::render(&app);
        find(&buf, buf.area, "wheel: scroll the pane").is_some()
    };
    assert!(shows_mouse(true));
    assert!(!shows_mouse(false));
    // A click closes the overlay, like any key.
    let mut app = app();
    app.update(Action::ToggleHelp);
    app.update(Action::Click { col: 5, row: 5 });
    assert_eq!(app.mode, folio::ui::Mode::Normal);
}

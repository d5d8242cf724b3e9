//! The bundled sample brief in the reader at 120x40, with the real recognizers,
//! driven by keys as a newcomer would: Tab to the sidebar, pick CSTO, walk its
//! mentions with `n`, open a timeline event.

mod common;

use folio::document::{decode, Document};
use folio::entities::Kind;
use folio::ui::keymap::Key;
use folio::ui::{App, Focus, SAMPLE};
use ratatui::buffer::Buffer;
use std::sync::Arc;

fn sample_app() -> App {
    let doc = Document::parse(decode(SAMPLE.as_bytes()).expect("sample decodes"));
    let mut app = App::with_extraction(Arc::new(doc), "sample".into());
    app.update(folio::ui::Action::Resize(120, 40));
    app
}

/// Presses `keys` (single characters, or "Tab"/"Enter") through the keymap.
fn press(app: &mut App, keys: &[&str]) {
    use crossterm::event::KeyCode;
    for k in keys {
        let key = match *k {
            "Tab" => Key::plain(KeyCode::Tab),
            "Enter" => Key::plain(KeyCode::Enter),
            c => Key::plain(KeyCode::Char(c.chars().next().unwrap())),
        };
        if let Some(a) = app.action_for_key(key) {
            app.update(a);
        }
    }
}

/// The text of the cells, in reading order, whose background is `bg`.
fn cells_with_bg(buf: &Buffer, bg: ratatui::style::Color) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].bg == bg {
                out.push_str(buf[(x, y)].symbol());
            }
        }
    }
    out
}

#[test]
fn walking_every_csto_mention_of_the_sample_with_n() {
    let mut app = sample_app();
    let csto = app
        .entities
        .entities
        .iter()
        .position(|e| e.name == "Collective Security Treaty Organization")
        .expect("CSTO found with its expansion as the name");
    let total = app.entities.entities[csto].count();
    assert!(total >= 5, "CSTO has {total} mentions");

    press(&mut app, &["Tab"]);
    assert_eq!(app.focus, Focus::Sidebar);
    let row_of = app.sidebar.rows.iter().position(|&id| id == csto).unwrap();
    for _ in 0..row_of {
        press(&mut app, &["j"]);
    }
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected, Some(csto));
    press(&mut app, &["n", "n", "n"]);

    let status = format!("mention 4/{total}");
    assert_eq!(app.position().as_deref(), Some(status.as_str()));
    let buf = common::render(&app);
    assert!(
        common::row_text(&buf, 39).contains(&status),
        "{}",
        common::row_text(&buf, 39)
    );
    // The fourth mention is on screen, and it is the one drawn as current.
    let current_bg = app
        .theme
        .current
        .bg
        .expect("current mention has a background");
    assert_eq!(cells_with_bg(&buf, current_bg), "CSTO");
    let m = app.mention.unwrap();
    assert_eq!(app.doc.slice(app.entities.mentions()[m].span()), "CSTO");

    // Past the last mention, n wraps to the first (the expansion) and says so.
    for _ in 4..total {
        press(&mut app, &["n"]);
    }
    press(&mut app, &["n"]);
    assert_eq!(
        app.position().as_deref(),
        Some(&*format!("mention 1/{total}"))
    );
    assert_eq!(app.notice.as_deref(), Some("wrapped to the first mention"));
}

#[test]
fn the_sample_screen_shows_highlights_counts_and_the_timeline() {
    let app = sample_app();
    let buf = common::render(&app);
    let text: String = (0..40).map(|y| common::row_text(&buf, y) + "\n").collect();
    // The sidebar lists people with counts, most mentioned first.
    assert!(text.contains("PEOPLE"), "{text}");
    let putin = (0..40)
        .map(|y| common::row_text(&buf, y))
        .find(|r| r.contains("Vladimir Putin"));
    let putin = putin.expect("Putin in the sidebar");
    let count: usize = putin
        .rsplit('│')
        .nth(1)
        .and_then(|c| c.split_whitespace().last())
        .and_then(|c| c.parse().ok())
        .expect("a count after the name");
    let id = app
        .entities
        .entities
        .iter()
        .position(|e| e.name == "Vladimir Putin")
        .unwrap();
    assert_eq!(count, app.entities.entities[id].count());
    // "Tehran" in the first paragraph (below the title border) carries the place style.
    let place = app.theme.kind(Kind::Place);
    let y = (1..33)
        .find(|&y| common::row_text(&buf, y).contains("Tehran"))
        .unwrap();
    let x = common::row_text(&buf, y)[..common::row_text(&buf, y).find("Tehran").unwrap()]
        .chars()
        .count() as u16;
    assert_eq!(buf[(x, y)].fg, place.fg.unwrap());
    assert!(buf[(x, y)].modifier.contains(place.add_modifier));
    // Sentence-initial function words are never highlighted.
    for word in ["Such", "Yet", "However", "Both", "Today"] {
        assert!(
            !app.entities.entities.iter().any(|e| e.name == word),
            "{word} is not an entity"
        );
    }
    assert!(text.contains("Timeline ("), "{text}");
    // The strip groups events under one heading per date, plain dates as dots.
    let band = common::row_text(&buf, 35);
    let inner = band.trim_matches('│');
    let headings: Vec<&str> = inner
        .split(" │ ")
        .map(|g| g.trim_end_matches(['●', ' ']).trim())
        .collect();
    assert!(inner.contains('●'), "{band}");
    let mut unique = headings.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), headings.len(), "{band}");
}

#[test]
fn a_timeline_event_opens_its_passage() {
    let mut app = sample_app();
    assert!(!app.events.is_empty());
    // From the paragraph pane, `>` reaches the events; Enter on the strip opens one.
    press(&mut app, &[">", ">", ">"]);
    let e = app.event.expect("an event is current");
    press(&mut app, &["Tab", "Tab", "Enter"]);
    assert_eq!(app.focus, Focus::Pane);
    assert_eq!(app.cursor, Some(app.events[e].sentence()));
    let buf = common::render(&app);
    let expr = app.doc.slice(app.events[e].span()).to_string();
    let first_words: String = expr.split_whitespace().next().unwrap().to_string();
    let text: String = (0..33).map(|y| common::row_text(&buf, y)).collect();
    assert!(text.contains(&first_words), "{expr} on screen");
}

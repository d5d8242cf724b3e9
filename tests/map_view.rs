//! The map of the brief's places (`M`), driven through keys and rendered on
//! ratatui's `TestBackend`: markers and names, moving, the sidebar following,
//! going to mentions, closing, a small screen, a brief without places.

mod common;

use common::{buffer_text, find_text, press_keys, render};
use folio::document::Document;
use folio::entities::Kind;
use folio::ui::{Action, App, Mode};
use std::sync::Arc;

const TEXT: &str = "Title: Steppe railways\n\n\
Officials in Tashkent and Astana signed a rail agreement. The line will run \
through Kazakhstan to the port of Aktau on the Caspian Sea.\n\n\
Astana expects the first trains within three years, and Astana will pay for most \
of the track. Officials in Tashkent said little.\n";

fn app(w: u16, h: u16, places: &[&str]) -> App {
    let doc = Document::from_text(TEXT);
    let named: Vec<(&str, Kind)> = places.iter().map(|p| (*p, Kind::Place)).collect();
    let ents = common::entities_named(&doc, &named);
    let mut app = App::new(Arc::new(doc), "steppe.txt".into());
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    app.update(Action::Resize(w, h));
    app
}

const PLACES: &[&str] = &["Astana", "Tashkent", "Kazakhstan", "Aktau", "Caspian Sea"];

#[test]
fn m_opens_a_map_with_every_place_named_and_counted() {
    let mut app = app(120, 40, PLACES);
    press_keys(&mut app, "M");
    assert_eq!(app.mode, Mode::Map);
    let screen = buffer_text(&render(&app));
    assert!(screen.contains("Map: 5 places"), "{screen}");
    // The most mentioned place is selected: pointed at, with its count.
    assert!(screen.contains("●▶Astana 3"), "{screen}");
    for label in ["Tashkent 2", "Aktau 1", "Caspian Sea 1", "Kazakhstan 1"] {
        assert!(screen.contains(label), "{label} missing:\n{screen}");
    }
    // Country borders and coastlines are drawn in braille.
    assert!(screen
        .chars()
        .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)));
    // The status line says where the selected place is, and the sidebar too.
    assert!(
        screen.contains("Astana: city in Kazakhstan, 51.18°N 71.45°E · 3 mentions"),
        "{screen}"
    );
    assert!(screen.contains("↳ city in Kazakhstan"), "{screen}");
}

#[test]
fn moving_selects_the_next_place_and_the_sidebar_follows() {
    let mut app = app(120, 40, PLACES);
    press_keys(&mut app, "Mj");
    let screen = buffer_text(&render(&app));
    assert!(screen.contains("▶Tashkent 2"), "{screen}");
    assert!(screen.contains("↳ city in Uzbekistan"), "{screen}");
    let tashkent = app
        .entities
        .entities
        .iter()
        .position(|e| e.name == "Tashkent");
    assert_eq!(
        app.sidebar.rows.get(app.sidebar.cursor).copied(),
        tashkent,
        "the sidebar's cursor is on the place"
    );
    press_keys(&mut app, "G");
    let screen = buffer_text(&render(&app));
    assert!(
        screen.contains("sea"),
        "the last place is the sea:\n{screen}"
    );
    press_keys(&mut app, "kkkkkkk");
    assert_eq!(app.map.as_ref().unwrap().cursor, 0, "stops at the first");
}

#[test]
fn enter_goes_to_the_first_mention_and_n_to_the_next() {
    let mut app = app(120, 40, PLACES);
    press_keys(&mut app, "Mj<Enter>");
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.map.is_none());
    let id = app.selected.expect("the place is selected");
    assert_eq!(app.entities.entities[id].name, "Tashkent");
    let first = app.entities.mentions_of(id)[0] as usize;
    assert_eq!(app.mention, Some(first));
    // Back on the map, n goes on to the selected place's next mention.
    press_keys(&mut app, "Mn");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.mention, Some(app.entities.mentions_of(id)[1] as usize));
    assert!(app.notice.is_none() || !app.notice.as_deref().unwrap().contains("select"));
}

#[test]
fn esc_m_and_q_close_the_map_and_help_comes_back_to_it() {
    for close in ["<Esc>", "M", "q"] {
        let mut app = app(120, 40, PLACES);
        press_keys(&mut app, "M");
        press_keys(&mut app, close);
        assert_eq!(app.mode, Mode::Normal, "{close}");
        assert!(app.map.is_none());
        let screen = buffer_text(&render(&app));
        assert!(!screen.contains("Map:"), "{close}");
    }
    let mut app = app(120, 40, PLACES);
    press_keys(&mut app, "M?");
    assert_eq!(app.mode, Mode::Help);
    let help: Vec<String> = folio::ui::help::lines(&app.help_content(), 80)
        .into_iter()
        .map(|l| l.keys)
        .collect();
    assert!(
        help.iter()
            .any(|h| h == "On the map of the places (M opens it)"),
        "{help:?}"
    );
    press_keys(&mut app, "?");
    assert_eq!(app.mode, Mode::Map);
}

#[test]
fn the_map_fits_80_by_24() {
    let mut app = app(80, 24, PLACES);
    press_keys(&mut app, "M");
    let buf = render(&app);
    let screen = buffer_text(&buf);
    assert!(screen.contains("Map: 5 places"), "{screen}");
    assert!(screen.contains("Astana 3"), "{screen}");
    assert!(!screen.contains("too small"));
}

#[test]
fn a_brief_without_places_says_so() {
    let mut app = app(100, 30, &[]);
    press_keys(&mut app, "M");
    let screen = buffer_text(&render(&app));
    assert!(
        screen.contains("no place in this brief has coordinates"),
        "{screen}"
    );
    // Still closes as usual.
    press_keys(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn markers_read_without_colour() {
    let mut app = app(120, 40, PLACES);
    app.theme = folio::ui::theme::Theme::monochrome();
    press_keys(&mut app, "M");
    let buf = render(&app);
    // A city is a dot, an area a diamond; filled at three mentions or more.
    let screen = buffer_text(&buf);
    assert!(screen.contains("●▶Astana"), "{screen}");
    assert!(screen.contains("•Tashkent"), "{screen}");
    assert!(screen.contains("◇Kazakhstan"), "{screen}");
    // The selected place is reversed, not only coloured.
    let (x, y) = find_text(&buf, "▶Astana").unwrap();
    assert!(buf[(x, y)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED));
}

#[test]
fn the_map_opened_while_entities_are_found_fills_in_when_they_arrive() {
    let doc = Arc::new(Document::from_text(TEXT));
    let mut app = App::new(doc.clone(), "steppe.txt".into());
    app.update(Action::Resize(120, 40));
    press_keys(&mut app, "M");
    let screen = buffer_text(&render(&app));
    assert!(
        screen.contains("finding the places of this brief"),
        "{screen}"
    );
    let named: Vec<(&str, Kind)> = PLACES.iter().map(|p| (*p, Kind::Place)).collect();
    let ents = common::entities_named(&doc, &named);
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    assert_eq!(app.mode, Mode::Map);
    let screen = buffer_text(&render(&app));
    assert!(screen.contains("●▶Astana 3"), "{screen}");
    // Enter goes to the entity as it is now.
    press_keys(&mut app, "<Enter>");
    assert_eq!(app.entities.entities[app.selected.unwrap()].name, "Astana");
}

//! The library's map (`M` on its lists): the places of every brief with their
//! mentions across the library; `Enter` opens a place's concordance, `Esc` from
//! there comes back to the map, and `Esc` on the map goes back to the lists.

mod common;
mod library_fixture;

use folio::library;
use folio::ui::effects::Edge;
use folio::ui::library_view::widget::LibraryScreen;
use folio::ui::library_view::{LibEdge, LibraryView, Screen, Session};
use folio::ui::Settings;
use library_fixture::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::Path;

fn session(root: &Path, (w, h): (u16, u16)) -> Session {
    let (mut lib, ix) = library::open(&[root.join("briefs")], &opts(root, STAND_IN));
    lib.wait(ix);
    let mut s = Session::new(
        LibraryView::new(lib, Settings::default()),
        LibEdge::new(Edge::default(), Default::default()),
    );
    s.resize(w, h);
    s
}

fn text(s: &Session) -> String {
    let mut t = Terminal::new(TestBackend::new(s.view.width, s.view.height)).unwrap();
    t.draw(|f| f.render_widget(LibraryScreen(&s.view), f.area()))
        .unwrap();
    common::buffer_text(t.backend().buffer())
}

fn keys(s: &mut Session, keys: &str) {
    for k in common::parse_keys(keys) {
        assert!(!s.key(k), "{keys}: quit");
    }
}

/// Two briefs on Central Asian railways (the stand-in extractor takes
/// capitalized words as places).
fn populate_places(root: &Path) {
    let b = root.join("briefs");
    write(
        &b.join("one.txt"),
        &brief(
            "2024-03-01",
            "Tashkent and Almaty agreed on freight rates. Moscow objected.",
        ),
        3600,
    );
    write(
        &b.join("two.txt"),
        &brief(
            "2024-03-08",
            "Trains from Tashkent reached Almaty. Tashkent wants more of them.",
        ),
        3600,
    );
}

#[test]
fn the_library_map_counts_mentions_across_briefs_and_leads_to_concordances() {
    let dir = tempdir("lib-map");
    populate_places(&dir.0);
    let mut s = session(&dir.0, (120, 40));
    keys(&mut s, "M");
    assert_eq!(s.view.screen, Screen::Map);
    let screen = text(&s);
    assert!(screen.contains("Places across 2 briefs"), "{screen}");
    // Tashkent: three mentions in two briefs, the most mentioned, selected.
    assert!(screen.contains("●▶Tashkent 3"), "{screen}");
    assert!(screen.contains("↳ city in Uzbekistan"), "{screen}");
    assert!(screen.contains("Almaty 2"), "{screen}");
    assert!(screen.contains("Moscow 1"), "{screen}");
    keys(&mut s, "j");
    assert!(text(&s).contains("↳ city in Kazakhstan"));
    keys(&mut s, "<Enter>");
    assert_eq!(s.view.screen, Screen::Concordance);
    let c = s.view.concordance.as_ref().unwrap();
    assert_eq!(&*s.view.lib.entities()[c.entity as usize].name, "Almaty");
    assert_eq!(c.hits.len(), 2);
    keys(&mut s, "<Esc>");
    assert_eq!(s.view.screen, Screen::Map, "back to the map");
    keys(&mut s, "<Esc>");
    assert_eq!(s.view.screen, Screen::List);
    assert!(s.view.map.is_none());
}

#[test]
fn a_library_without_places_says_so_at_80_by_24() {
    let dir = tempdir("lib-map-none");
    let b = dir.0.join("briefs");
    write(
        &b.join("none.txt"),
        &brief("2024-03-01", "nothing here is capitalized at all."),
        3600,
    );
    let mut s = session(&dir.0, (80, 24));
    keys(&mut s, "M");
    let screen = text(&s);
    assert!(
        screen.contains("no place in the library has coordinates"),
        "{screen}"
    );
}

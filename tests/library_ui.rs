//! The library screens driven by keys on ratatui's TestBackend: filter, open,
//! back (with the reading position kept), a concordance and a search of every
//! brief walked across briefs with `n`/`N`, and the progress bar while the
//! index fills in.

mod common;
mod library_fixture;

use crossterm::event::KeyCode;
use folio::library::{self, Options};
use folio::ui::effects::Edge;
use folio::ui::keymap::Key;
use folio::ui::library_view::widget::LibraryScreen;
use folio::ui::library_view::{LibEdge, LibraryView, Screen, Session};
use folio::ui::Settings;
use library_fixture::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use std::path::Path;

fn opts(root: &Path) -> Options {
    Options {
        cache_dir: Some(root.join("cache")),
        threads: 2,
        corrections: Default::default(),
        extractor: STAND_IN,
        published: None,
    }
}

/// A library session whose index is complete, at 120x40, with the default settings.
fn view(root: &Path) -> Session {
    let (mut lib, ix) = library::open(&[root.join("briefs")], &opts(root));
    lib.wait(ix);
    let mut v = session(LibraryView::new(lib, Settings::default()));
    v.resize(120, 40);
    v
}

/// `view` with an edge of no stores, as tests drive it.
fn session(view: LibraryView) -> Session {
    Session::new(view, LibEdge::new(Edge::default(), Default::default()))
}

fn screen(v: &LibraryView) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| f.render_widget(LibraryScreen(v), f.area()))
        .unwrap();
    t.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

use common::{lib_code as code, lib_press as press};

/// A long brief, so there is a reading position to remember.
fn long_brief(root: &Path) {
    let paras: Vec<String> = (0..80)
        .map(|i| {
            format!("Paragraph {i} tells of nothing much, at some length, to fill the screen.")
        })
        .collect();
    write(
        &root.join("briefs/long.txt"),
        &brief("2005-06-07", &paras.join("\n\n")),
        3600,
    );
}

#[test]
fn list_filter_open_back_keeps_the_position() {
    let dir = tempdir("ui-list");
    populate(&dir.0);
    long_brief(&dir.0);
    let mut v = view(&dir.0);
    let s = text(&screen(&v.view));
    let (a, b, c) = (
        s.find("2008-05-01").unwrap(),
        s.find("2007-04-23").unwrap(),
        s.find("2006-01-02").unwrap(),
    );
    assert!(a < b && b < c, "newest first:\n{s}");
    assert!(s.contains("4 briefs"), "{s}");
    // The sidebar counts Bordyuza's briefs and mentions across the library.
    let row = s
        .lines()
        .find(|l| l.contains("│Bordyuza"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(row.trim_end().ends_with("3       4"), "{row}");

    // `/` on the briefs searches their text; `Esc` is back on the list.
    press(&mut v, "/tazhin");
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Search);
    let s = text(&screen(&v.view));
    assert!(s.contains("“tazhin” · 2 hits in 2 briefs"), "{s}");
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::List);
    assert_eq!(v.view.briefs.len(), 4);

    // Open the long brief (2005, last row), scroll, go back, open again.
    press(&mut v, "G");
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Reading);
    assert!(text(&screen(&v.view)).contains("Paragraph 0 tells"));
    code(&mut v, KeyCode::PageDown);
    code(&mut v, KeyCode::PageDown);
    let top = v.view.reading.as_ref().unwrap().app.top_byte();
    assert!(top > 0);
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::List);
    assert_eq!(v.view.brief_cursor.at, 3, "the cursor stays on the brief");
    press(&mut v, "gG");
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.reading.as_ref().unwrap().app.top_byte(), top);
    let s = text(&screen(&v.view));
    assert!(!s.contains("Paragraph 0 tells"), "{s}");
}

#[test]
fn concordance_opens_briefs_at_mentions_and_n_walks_across_them() {
    let dir = tempdir("ui-conc");
    populate(&dir.0);
    let mut v = view(&dir.0);
    code(&mut v, KeyCode::Tab);
    press(&mut v, "/bord");
    code(&mut v, KeyCode::Enter);
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Concordance);
    let s = text(&screen(&v.view));
    assert!(
        s.contains("Bordyuza (person) · 4 mentions in 3 briefs"),
        "{s}"
    );
    assert!(
        s.contains("b.txt") && s.contains("Bordyuza was absent in 2006."),
        "{s}"
    );
    let hits = v.view.concordance.as_ref().unwrap().hits.clone();
    let order: Vec<u32> = hits.iter().map(|h| h.brief).collect();
    assert_eq!(order[1], order[2], "two mentions in the 2007 brief");

    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Reading);
    let walk: Vec<(u32, usize)> = (0..5)
        .map(|i| {
            if i > 0 {
                press(&mut v, "n");
            }
            let r = v.view.reading.as_ref().unwrap();
            let m = r.app.mention.unwrap();
            assert_eq!(r.app.entities.mentions()[m].span(), hits[i % 4].span);
            assert_eq!(
                r.app.doc.slice(r.app.entities.mentions()[m].span()),
                "Bordyuza"
            );
            (r.brief, i % 4)
        })
        .collect();
    assert_eq!(
        walk.iter().map(|w| w.0).collect::<Vec<_>>(),
        [order[0], order[1], order[2], order[3], order[0]]
    );
    let s = text(&screen(&v.view));
    assert!(
        s.contains(
            "mention 1/4 across the library (wrapped) · n/N next/previous in any brief · Esc back"
        ),
        "{s}"
    );
    press(&mut v, "N");
    assert_eq!(v.view.reading.as_ref().unwrap().brief, order[3]);
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::Concordance);
    assert_eq!(v.view.concordance.as_ref().unwrap().cursor.at, 3);
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::List);
    assert!(v.key(Key::plain(KeyCode::Char('q'))));
}

#[test]
fn a_search_of_every_brief_lists_hits_newest_first_and_n_walks_them() {
    let dir = tempdir("ui-search");
    populate(&dir.0);
    let mut v = view(&dir.0);
    press(&mut v, "/BORDYUZA");
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Search);
    let s = text(&screen(&v.view));
    assert!(
        s.contains("“BORDYUZA” · 4 hits in 3 briefs, newest first"),
        "{s}"
    );
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("Bordyuza")).collect();
    assert_eq!(rows.len(), 4, "{s}");
    for (row, date) in rows
        .iter()
        .zip(["2008-05-01", "2007-04-23", "2007-04-23", "2006-01-02"])
    {
        assert!(row.trim_start().starts_with(date), "{row}");
    }
    assert!(
        rows[3].contains("Tazhin spoke in Almaty. Bordyuza was absent"),
        "{}",
        rows[3]
    );
    // The hit is drawn in the theme's hit style.
    let buf = screen(&v.view);
    let y = s.lines().position(|l| l == rows[1]).unwrap() as u16;
    let at = rows[1].rfind("Bordyuza").unwrap();
    let x = rows[1][..at].chars().count() as u16;
    assert_eq!(buf[(x, y)].bg, Settings::default().theme.hit.bg.unwrap());

    let hits = v.view.search.as_ref().unwrap().hits.clone();
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Reading);
    for i in 0..5 {
        if i > 0 {
            press(&mut v, "n");
        }
        let r = v.view.reading.as_ref().unwrap();
        assert_eq!(r.brief, hits[i % 4].brief, "step {i}");
        assert_eq!(r.app.search.query, "BORDYUZA", "the search is active");
        let current = r.app.search.hits[r.app.search.current.unwrap()];
        assert_eq!(current, hits[i % 4].span, "step {i}");
    }
    let s = text(&screen(&v.view));
    assert!(
        s.contains(
            "hit 1/4 across the library (wrapped) · n/N next/previous in any brief · Esc back"
        ),
        "{s}"
    );
    press(&mut v, "N");
    assert_eq!(v.view.reading.as_ref().unwrap().brief, hits[3].brief);
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::Search);
    assert_eq!(v.view.search.as_ref().unwrap().cursor.at, 3);

    // Several words are that phrase, whatever whitespace the brief has between them.
    press(&mut v, "/");
    for _ in 0.."BORDYUZA".len() {
        code(&mut v, KeyCode::Backspace);
    }
    press(&mut v, "astana  WAS");
    code(&mut v, KeyCode::Enter);
    let s = text(&screen(&v.view));
    assert!(s.contains("“astana WAS” · 1 hit in 1 brief"), "{s}");
    press(&mut v, "/zzqx");
    code(&mut v, KeyCode::Enter);
    let s = text(&screen(&v.view));
    assert!(
        s.contains("0 hits in 0 briefs") && s.contains("no hits"),
        "{s}"
    );
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::List);
}

#[test]
fn an_entitys_profile_shows_its_months_company_and_first_and_last_sighting() {
    let dir = tempdir("ui-profile");
    populate(&dir.0);
    let mut v = view(&dir.0);
    press(&mut v, "p");
    assert_eq!(v.view.screen, Screen::List, "no profile of a brief");
    assert!(text(&screen(&v.view)).contains("a profile is of an entity: Tab to the entity list"));
    code(&mut v, KeyCode::Tab);
    press(&mut v, "/bord");
    code(&mut v, KeyCode::Enter);
    press(&mut v, "p");
    assert_eq!(v.view.screen, Screen::Profile);
    let s = text(&screen(&v.view));
    assert!(
        s.contains("Bordyuza (person) · 4 mentions in 3 briefs · first seen 2006-01-02 b.txt · last seen 2008-05-01 c.txt"),
        "{s}"
    );
    assert!(
        s.contains("busiest: 2007-04 (2), 2006-01 (1), 2008-05 (1)"),
        "{s}"
    );
    assert!(s.contains("▲2007-04"), "{s}");
    let p = &v.view.profile.as_ref().unwrap().profile;
    assert_eq!(
        p.series().len(),
        29,
        "2006-01 to 2008-05, empty months included"
    );
    // The chart: a bar a month (four columns wide: 29 months on 118 columns),
    // the tallest in April 2007, none in empty months.
    let buf = screen(&v.view);
    let bar_rows = 2..8u16;
    let height = |x: u16| {
        bar_rows
            .clone()
            .filter(|&y| !buf[(x, y)].symbol().trim().is_empty())
            .count()
    };
    assert_eq!(height(1 + 15 * 4), 6, "2007-04 fills the chart:\n{s}");
    assert_eq!(height(1 + 15 * 4 + 3), 6, "four columns wide:\n{s}");
    assert_eq!(height(1 + 5 * 4), 0, "2006-06 has none:\n{s}");
    assert!(height(1) > 0 && height(1) < 6, "2006-01 has half:\n{s}");
    // In the company of: named in the same sentences, most first (the
    // stand-in recognizer takes every capitalized word for a name).
    let company: Vec<(String, u32)> = p
        .related
        .iter()
        .map(|&(e, n)| (v.view.lib.entity(e).unwrap().name.to_string(), n))
        .collect();
    assert_eq!(
        company,
        [
            ("Astana".to_string(), 2),
            ("Almaty".to_string(), 1),
            ("Later".to_string(), 1),
            ("Tazhin".to_string(), 1),
            ("Қазақстан".to_string(), 1)
        ]
    );
    assert!(s.contains("Astana") && s.contains("2 sentences"), "{s}");
    // Enter: Astana's own profile; Esc back to Bordyuza's.
    code(&mut v, KeyCode::Enter);
    let s = text(&screen(&v.view));
    assert!(
        s.contains("Astana (person) · 3 mentions in 2 briefs"),
        "{s}"
    );
    code(&mut v, KeyCode::Esc);
    assert!(text(&screen(&v.view)).contains("Bordyuza (person)"));
    // s: the sentences they share, as a concordance; Esc back to the profile.
    press(&mut v, "s");
    assert_eq!(v.view.screen, Screen::Concordance);
    let s = text(&screen(&v.view));
    assert!(
        s.contains("Bordyuza (person) with Astana · 2 shared sentences"),
        "{s}"
    );
    assert!(
        s.contains("Bordyuza met Tazhin in Astana") && !s.contains("was absent"),
        "{s}"
    );
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::Profile);
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::List);
}

#[test]
fn progress_bar_while_indexing_and_keys_answer() {
    let dir = tempdir("ui-progress");
    for i in 0..60 {
        write(
            &dir.0.join(format!("briefs/n{i:02}.txt")),
            &brief(
                &format!("2001-02-{:02}", i % 28 + 1),
                "Astana met Bordyuza in 2001.",
            ),
            3600,
        );
    }
    let (lib, ix) = library::open(&[dir.0.join("briefs")], &opts(&dir.0));
    let mut v = session(LibraryView::new(lib, Settings::default()));
    v.view.progress = ix.progress();
    v.edge.indexer = Some(ix);
    v.resize(120, 40);
    let s = text(&screen(&v.view));
    assert!(s.contains("indexing "), "{s}");
    press(&mut v, "jk");
    code(&mut v, KeyCode::Tab);
    let start = std::time::Instant::now();
    while v.view.indexing() && start.elapsed().as_secs() < 20 {
        v.tick();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!v.view.indexing());
    assert_eq!(v.view.briefs.len(), 60);
    let s = text(&screen(&v.view));
    assert!(!s.contains("indexing "), "{s}");
    assert!(s.contains("60 briefs"), "{s}");
}

#[test]
fn nothing_from_a_brief_reaches_the_screen_raw() {
    let dir = tempdir("ui-hostile");
    write(
        &dir.0.join("briefs/evil\u{1b}[2Jname.txt"),
        &brief(
            "2003-03-03",
            "The \u{1b}]52;c;ZXZpbA==\u{7} Astana\u{202e}Gate\tfile was opened.\n\u{9b}31m Astana again.",
        ),
        3600,
    );
    let mut v = view(&dir.0);
    for keys in ["", "\t/ast\n\n"] {
        for c in keys.chars() {
            let code = match c {
                '\t' => KeyCode::Tab,
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            v.key(Key::plain(code));
        }
        let buf = screen(&v.view);
        for cell in buf.content() {
            assert!(
                !cell.symbol().chars().any(folio::display::needs_marker),
                "raw control on screen: {:?}",
                cell.symbol()
            );
        }
    }
    assert_eq!(v.view.screen, Screen::Concordance);
}

#[test]
fn tiny_terminals_never_panic() {
    let dir = tempdir("ui-tiny");
    populate(&dir.0);
    let mut v = view(&dir.0);
    for (w, h) in [(0, 0), (1, 1), (79, 23), (80, 24), (300, 100)] {
        v.resize(w, h);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| f.render_widget(LibraryScreen(&v.view), f.area()))
            .unwrap();
    }
}

#[test]
fn one_timeline_across_briefs_filtered_by_entity_opens_at_the_event() {
    let dir = tempdir("ui-timeline");
    populate(&dir.0);
    let mut v = view(&dir.0);
    press(&mut v, "t");
    assert_eq!(v.view.screen, Screen::Timeline);
    let s = text(&screen(&v.view));
    assert!(s.contains("timeline across the library · 4 events"), "{s}");
    let rows: Vec<usize> = ["2006 ", "2007 ", "2008 "]
        .iter()
        .map(|y| s.find(&format!(" {y}")).unwrap())
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "date order:\n{s}");
    code(&mut v, KeyCode::Esc);
    code(&mut v, KeyCode::Tab);
    press(&mut v, "/tazhin");
    code(&mut v, KeyCode::Enter);
    press(&mut v, "t");
    let s = text(&screen(&v.view));
    assert!(s.contains("timeline of Tazhin · 1 events"), "{s}");
    code(&mut v, KeyCode::Enter);
    assert_eq!(v.view.screen, Screen::Reading);
    let app = &v.view.reading.as_ref().unwrap().app;
    let ev = &app.events[app.event.unwrap()];
    assert_eq!(app.doc.slice(ev.span()), "2007");
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::Timeline);
    press(&mut v, "f");
    assert_eq!(v.view.timeline.as_ref().unwrap().rows.len(), 4);
    code(&mut v, KeyCode::Esc);
    assert_eq!(v.view.screen, Screen::List);
}

#[test]
fn briefs_added_or_removed_while_open_are_picked_up() {
    use folio::ui::library_view::watch::Watch;
    let dir = tempdir("ui-watch");
    populate(&dir.0);
    let mut v = view(&dir.0);
    v.edge.watch = Some(Watch::new(
        vec![dir.0.join("briefs")],
        opts(&dir.0),
        std::time::Duration::ZERO,
    ));
    let settle = |v: &mut Session, want: usize| {
        let start = std::time::Instant::now();
        while (v.view.briefs.len() != want || v.view.indexing()) && start.elapsed().as_secs() < 20 {
            v.tick();
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(v.view.briefs.len(), want);
    };
    // Nothing changed: no reload, no notice.
    for _ in 0..50 {
        v.tick();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert_eq!(v.view.notice(), None);
    press(&mut v, "j");
    let kept = v.view.lib.briefs()[v.view.briefs[1] as usize].path.clone();
    write(
        &dir.0.join("briefs/new.txt"),
        &brief("2010-10-10", "Nazarbayev came to Astana in 2010."),
        3600,
    );
    settle(&mut v, 4);
    assert!(v.view.notice().unwrap_or("").contains("1 new or changed"));
    assert!(v.view.lib.find_entity("Nazarbayev").is_some());
    assert_eq!(
        v.view.lib.briefs()[v.view.briefs[v.view.brief_cursor.at] as usize].path,
        kept
    );
    // Read: the next notice shows after this key.
    press(&mut v, "k");
    std::fs::remove_file(dir.0.join("briefs/b.txt")).unwrap();
    settle(&mut v, 3);
    assert!(v.view.notice().unwrap_or("").contains("1 removed"));
}

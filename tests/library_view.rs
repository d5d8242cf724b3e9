//! The library view on the reader's design: the user's settings and keys reach
//! the lists and every brief opened from them, the row under the cursor is the
//! one that stands out, concordance lines keep the words next to the name at 80
//! columns, failures to save show, and `?` lists the library's own keys.

mod common;
mod library_fixture;

use crossterm::event::KeyCode;
use folio::library::{self, Options};
use folio::ui::effects::Edge;
use folio::ui::keymap::Key;
use folio::ui::library_view::widget::LibraryScreen;
use folio::ui::library_view::{LibAction, LibEdge, LibraryView, Screen, Session};
use folio::ui::Settings;
use library_fixture::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;
use std::path::Path;

fn opts(root: &Path) -> Options {
    Options {
        cache_dir: Some(root.join("cache")),
        threads: 1,
        corrections: Default::default(),
        extractor: STAND_IN,
        published: None,
    }
}

/// A session on the fixture library with `settings`, at `w` x `h`.
fn session(root: &Path, settings: Settings, (w, h): (u16, u16)) -> Session {
    let (mut lib, ix) = library::open(&[root.join("briefs")], &opts(root));
    lib.wait(ix);
    let mut s = Session::new(
        LibraryView::new(lib, settings),
        LibEdge::new(Edge::default(), Default::default()),
    );
    s.resize(w, h);
    s
}

fn screen(s: &Session) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(s.view.width, s.view.height)).unwrap();
    t.draw(|f| f.render_widget(LibraryScreen(&s.view), f.area()))
        .unwrap();
    t.backend().buffer().clone()
}

fn keys(s: &mut Session, keys: &str) {
    for k in common::parse_keys(keys) {
        assert!(!s.key(k), "{keys}: quit");
    }
}

/// The user's settings from a config file's text, as `folio` builds them.
fn settings(config: &str) -> Settings {
    let (cfg, warnings) = folio::config::parse(config, Path::new("config.toml"));
    assert!(warnings.is_empty(), "{warnings:?}");
    folio::cli::open::settings(&cfg)
}

#[test]
fn library_keys_wrap_width_and_reader_keys_come_from_the_users_settings() {
    let dir = tempdir("lv-settings");
    populate(&dir.0);
    let config = "[reader]\nwrap_width = 40\n\n[keys.library]\n\"J\" = \"down\"\nj = \"none\"\n\n[keys.global]\n\"ctrl-n\" = \"next_match\"\n";
    let mut s = session(&dir.0, settings(config), (120, 40));
    keys(&mut s, "j");
    assert_eq!(s.view.brief_cursor.at, 0, "j is unbound in the library");
    keys(&mut s, "J");
    assert_eq!(s.view.brief_cursor.at, 1, "J moves down");
    keys(&mut s, "<Enter>");
    assert_eq!(s.view.screen, Screen::Reading);
    let app = &s.view.reading.as_ref().unwrap().app;
    assert_eq!(app.wrap_width, 40);
    assert!(app.view.width <= 40, "{}", app.view.width);
    assert_eq!(
        app.keymap.hint(&folio::ui::Action::NextMatch),
        "n",
        "the reader's own bindings stay"
    );
    assert!(app
        .keymap
        .keys_for(&folio::ui::Action::NextMatch)
        .contains(&"Ctrl-n".to_string()));
}

#[test]
fn only_the_focused_list_shows_its_cursor_row_reversed_and_j_moves_it() {
    let dir = tempdir("lv-highlight");
    populate(&dir.0);
    let mut s = session(&dir.0, Settings::default(), (120, 40));
    let reversed_rows = |buf: &Buffer, x: u16| -> Vec<u16> {
        (2..buf.area.height - 1)
            .filter(|&y| buf[(x, y)].modifier.contains(Modifier::REVERSED))
            .collect()
    };
    let side_x = 119;
    let buf = screen(&s);
    assert_eq!(
        reversed_rows(&buf, 2),
        [2],
        "the first brief is under the cursor"
    );
    assert!(
        reversed_rows(&buf, side_x).is_empty(),
        "the entities are not focused"
    );
    keys(&mut s, "j");
    let buf = screen(&s);
    assert_eq!(
        reversed_rows(&buf, 2),
        [3],
        "j moved the highlight down a row"
    );
    keys(&mut s, "<Tab>");
    let buf = screen(&s);
    assert!(
        reversed_rows(&buf, 2).is_empty(),
        "the briefs lost the focus"
    );
    assert_eq!(reversed_rows(&buf, side_x), [2]);
    // The unfocused list still marks its cursor row, without reversing it.
    assert_eq!(buf[(0, 3)].symbol(), "›");
}

#[test]
fn concordance_lines_keep_the_words_right_before_the_name_at_80_columns() {
    let dir = tempdir("lv-kwic");
    let b = dir.0.join("briefs");
    std::fs::create_dir_all(&b).unwrap();
    write(
        &b.join("summit.txt"),
        &brief(
            "2007-08-16",
            "In Bishkek the hosts seated the guests by protocol, and Chinese President Hu Jintao sat beside Russian President Vladimir Putin at the summit table.",
        ),
        3600,
    );
    let mut s = session(&dir.0, Settings::default(), (80, 24));
    keys(&mut s, "<Tab>/Vladimir<Enter><Enter>");
    assert_eq!(s.view.screen, Screen::Concordance);
    let text = common::buffer_text(&screen(&s));
    let line = text
        .lines()
        .find(|l| l.contains("2007-08-16"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("Russian President Vladimir"), "{line}");
    assert!(!line.contains("Jint…"), "{line}");
}

#[test]
fn an_index_that_cannot_be_saved_says_so() {
    let dir = tempdir("lv-save");
    populate(&dir.0);
    // The cache folder is a file: nothing can be saved under it.
    std::fs::write(dir.0.join("cache"), "not a folder").unwrap();
    let (lib, ix) = library::open(&[dir.0.join("briefs")], &opts(&dir.0));
    let mut s = Session::new(
        LibraryView::new(lib, Settings::default()),
        LibEdge::new(Edge::default(), Default::default()),
    );
    s.view.progress = ix.progress();
    s.edge.indexer = Some(ix);
    s.resize(120, 40);
    let start = std::time::Instant::now();
    while s.view.indexing() && start.elapsed().as_secs() < 20 {
        s.tick();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let notice = s.view.notice().unwrap_or_default().to_string();
    assert!(notice.contains("index not cached"), "{notice:?}");
    let text = common::buffer_text(&screen(&s));
    assert!(text.contains("index not cached"), "{text}");
}

#[test]
fn help_lists_the_librarys_own_keys_and_closes_with_esc() {
    let dir = tempdir("lv-help");
    populate(&dir.0);
    let mut s = session(&dir.0, Settings::default(), (100, 30));
    keys(&mut s, "?");
    let text = common::buffer_text(&screen(&s));
    assert!(text.contains("In the library"), "{text}");
    assert!(text.contains("the timeline across the library"), "{text}");
    keys(&mut s, "j");
    assert!(
        s.view.help.is_some(),
        "j scrolls the help, it does not close it"
    );
    keys(&mut s, "<Esc>");
    assert!(s.view.help.is_none());
    assert_eq!(
        s.view.brief_cursor.at, 0,
        "keys under the help did not move the list"
    );
}

#[test]
fn a_brief_that_cannot_be_read_says_which_and_why() {
    let dir = tempdir("lv-unreadable");
    populate(&dir.0);
    let mut s = session(&dir.0, Settings::default(), (120, 40));
    let id = s.view.briefs[0];
    let path = s.view.lib.brief(id).unwrap().path.clone();
    std::fs::remove_file(&path).unwrap();
    keys(&mut s, "<Enter>");
    assert_eq!(s.view.screen, Screen::List);
    let notice = s.view.notice().unwrap_or_default().to_string();
    assert!(
        notice.contains(&path.file_name().unwrap().to_string_lossy().to_string()),
        "{notice}"
    );
    // Keys still work and quitting is one key.
    assert!(s.key(Key::plain(KeyCode::Char('q'))));
    let _ = s.apply(LibAction::Resize(80, 24));
}

#[test]
fn while_the_index_fills_in_the_cursor_stays_on_the_newest_brief_until_moved() {
    let dir = tempdir("lv-filling");
    for i in 0..40 {
        write(
            &dir.0.join(format!("briefs/n{i:02}.txt")),
            &brief(
                &format!("2001-03-{:02}", i % 28 + 1),
                "Astana met Bordyuza.",
            ),
            3600,
        );
    }
    let (lib, ix) = library::open(&[dir.0.join("briefs")], &opts(&dir.0));
    let mut s = Session::new(
        LibraryView::new(lib, Settings::default()),
        LibEdge::new(Edge::default(), Default::default()),
    );
    s.view.progress = ix.progress();
    s.edge.indexer = Some(ix);
    s.resize(120, 40);
    let start = std::time::Instant::now();
    while s.view.indexing() && start.elapsed().as_secs() < 20 {
        s.tick();
    }
    assert_eq!(s.view.brief_cursor.at, 0);
    assert_eq!(s.view.entity_cursor.at, 0);
    let newest = s.view.lib.brief(s.view.briefs[0]).unwrap();
    assert_eq!(
        newest.summary.date.map(|d| d.to_string()).as_deref(),
        Some("2001-03-28")
    );
}

//! A file too big to read before the first frame: its beginning shows at once,
//! `G` shows its end read apart, and the whole file takes over at the same text.

mod common;

use folio::document::read_file;
use folio::entities::Kind;
use folio::ui::effects::{self, Edge};
use folio::ui::loader::{self, Opened, PREFIX_BYTES};
use folio::ui::viewport::Flow;
use folio::ui::{search, Action, App, Effect};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file of numbered paragraphs, several times [`PREFIX_BYTES`], that names
/// Astana in its first paragraph and ends with a marked last one.
fn big_file(tag: &str) -> (common::TempDir, PathBuf) {
    big_file_of(tag, 4 * PREFIX_BYTES)
}

/// [`big_file`] of at least `bytes` bytes.
fn big_file_of(tag: &str, bytes: usize) -> (common::TempDir, PathBuf) {
    let dir = common::scratch(tag);
    let path = dir.join("big.txt");
    let mut text = String::from("Paragraph 0 says the CSTO met in Astana.\n\n");
    let mut i = 1;
    while text.len() < bytes {
        text.push_str(&format!(
            "Paragraph {i} is filler about nothing in particular, long enough to wrap once.\n\n"
        ));
        i += 1;
    }
    text.push_str("The very last paragraph of the archive.\n");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

/// The reader as `folio FILE` opens a big file: on its beginning, still loading.
fn open(path: &Path) -> App {
    let Ok(Opened::Prefix { doc, .. }) = loader::open(path, None) else {
        panic!(
            "a file of {} bytes opens by its beginning",
            4 * PREFIX_BYTES
        );
    };
    let mut app = App::new(Arc::new(doc), "big.txt".into());
    app.loading = true;
    app.update(Action::Resize(100, 30));
    app
}

fn edge(path: &Path) -> Edge {
    Edge::default().for_brief(Some(path.to_path_buf()))
}

/// The text from the pane's first row on (a blank row shows the paragraph after it).
fn top_text(app: &App) -> String {
    app.doc.text()[app.top_byte()..].chars().take(60).collect()
}

fn press_g_end(app: &mut App, edge: &Edge) {
    let effect = app.update(Action::GoBottom);
    assert_eq!(effect, Some(Effect::ReadTail));
    effects::run(app, Effect::ReadTail, edge);
}

#[test]
fn g_shows_the_end_before_the_whole_file_is_in() {
    let (_dir, path) = big_file("big-tail");
    let mut app = open(&path);
    assert!(!common::screen_text(&app).contains("very last paragraph"));
    press_g_end(&mut app, &edge(&path));
    assert!(app.showing_tail());
    let shown = common::screen_text(&app);
    assert!(
        shown.contains("The very last paragraph of the archive."),
        "{shown}"
    );
    assert!(
        shown.contains("the file's end; loading the rest"),
        "{shown}"
    );
    assert!(app.doc.text().len() <= PREFIX_BYTES);
}

#[test]
fn the_whole_file_takes_over_at_the_same_text() {
    let (_dir, path) = big_file("big-takeover");
    let mut app = open(&path);
    press_g_end(&mut app, &edge(&path));
    app.update(Action::ScrollBy(-7));
    let before = top_text(&app);
    assert!(before.contains("Paragraph "), "{before}");
    let effect = app.update(Action::loaded(Arc::new(read_file(&path).unwrap())));
    assert_eq!(effect, Some(Effect::OpenNotes));
    assert!(!app.showing_tail() && !app.loading);
    assert_eq!(top_text(&app), before);
    assert_eq!(
        app.doc.text().len(),
        std::fs::metadata(&path).unwrap().len() as usize
    );
}

#[test]
fn the_beginnings_extraction_waits_aside_and_comes_back_with_g() {
    let (_dir, path) = big_file("big-head");
    let mut app = open(&path);
    press_g_end(&mut app, &edge(&path));
    // The beginning's entities arrive while the end shows: none apply to it.
    let ents = common::entities_named(&app_head_doc(&path), &[("Astana", Kind::Place)]);
    app.update(Action::ExtractedPrefix(Box::new((ents, Vec::new()).into())));
    assert!(app.entities.entities.is_empty());
    app.update(Action::ScrollBy(-100_000));
    assert!(app.notice.as_deref().unwrap().contains("still loading"));
    app.update(Action::GoTop);
    assert!(!app.showing_tail());
    assert_eq!(app.entities.entities.len(), 1);
    assert!(common::screen_text(&app).contains("Paragraph 0 says the CSTO met in Astana."));
    // And `G` again reads the end again.
    press_g_end(&mut app, &edge(&path));
    assert!(app.showing_tail());
}

fn app_head_doc(path: &Path) -> folio::document::Document {
    let Ok(Opened::Prefix { doc, .. }) = loader::open(path, None) else {
        unreachable!()
    };
    doc
}

#[test]
fn without_the_end_read_apart_g_waits_for_the_whole_file() {
    let (_dir, path) = big_file("big-wait");
    let mut app = open(&path);
    // No file to read the end from (or it could not be read): G goes there once loaded.
    press_g_end(&mut app, &Edge::default());
    assert!(!app.showing_tail());
    app.update(Action::loaded(Arc::new(read_file(&path).unwrap())));
    assert!(common::screen_text(&app).contains("The very last paragraph of the archive."));
}

#[test]
fn a_file_changed_while_loading_goes_to_the_end_of_what_was_loaded() {
    let (_dir, path) = big_file("big-changed");
    let mut app = open(&path);
    press_g_end(&mut app, &edge(&path));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\nA paragraph added while the file was loading.\n");
    std::fs::write(&path, &text).unwrap();
    app.update(Action::loaded(Arc::new(read_file(&path).unwrap())));
    assert!(!app.showing_tail());
    assert!(common::screen_text(&app).contains("A paragraph added while the file was loading."));
}

/// A search typed while a big file loads runs again over the whole text when
/// it arrives: it goes to the hit near the end and says how many it found.
#[test]
fn a_search_typed_while_loading_finds_a_hit_near_the_end_once_the_file_is_in() {
    let (_dir, path) = big_file("big-search");
    let mut app = open(&path);
    common::press_keys(&mut app, "/very last<Enter>");
    assert!(app.search.hits.is_empty());
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("rest is searched"), "{notice}");
    app.update(Action::loaded(Arc::new(read_file(&path).unwrap())));
    assert_eq!(app.search.hits.len(), 1);
    assert_eq!(app.search.current, Some(0));
    let screen = common::screen_text(&app);
    assert!(screen.contains("The very last paragraph"), "{screen}");
    assert!(
        screen.contains("1 hit for “very last” in the whole file"),
        "{screen}"
    );
    // The reading cursor is on the hit's sentence.
    let s = app.cursor.unwrap();
    assert!(app
        .doc
        .slice(app.doc.sentences()[s].span())
        .contains("very last"));
}

/// Steps of the search going on, until it is done; how many it took.
fn search_to_the_end(app: &mut App) -> usize {
    let mut steps = 0;
    while app.search.scan.is_some() {
        app.update(Action::SearchStep);
        steps += 1;
        assert!(steps < 1000, "the search ends");
    }
    steps
}

/// The whole text of a file bigger than a search step is not searched in one
/// go when it arrives (a key pressed meanwhile would wait for all of it): the
/// search goes on a step at a time, the keys work between steps, and at the
/// end the hits are those of one search of the whole text.
#[test]
fn the_whole_file_is_searched_a_step_at_a_time_when_it_arrives() {
    let (_dir, path) = big_file_of("big-search-steps", 3 * search::STEP);
    let mut app = open(&path);
    common::press_keys(&mut app, "/very last<Enter>");
    let whole = Arc::new(read_file(&path).unwrap());
    app.update(Action::loaded(whole.clone()));
    assert!(app.search.scan.is_some(), "still searching after the load");
    assert!(app.search.hits.is_empty());
    let top = app.top_byte();
    app.update(Action::PageDown);
    assert!(app.top_byte() > top, "keys work while the search goes on");
    assert!(app.search.scan.is_some(), "and does not wait for it");
    let steps = search_to_the_end(&mut app);
    assert!(steps >= 2, "{steps} steps");
    assert_eq!(app.search.hits, search::find_all(&whole, "very last"));
    let screen = common::screen_text(&app);
    assert!(screen.contains("The very last paragraph"), "{screen}");
    assert!(
        screen.contains("1 hit for “very last” in the whole file"),
        "{screen}"
    );
}

/// Typed into a big text, a search shows the hits of its first step at once
/// and says it is still searching; `N` from the first hit wraps round to the
/// last, which needs the rest searched first.
#[test]
fn a_search_typed_into_a_big_text_shows_its_first_hits_and_searches_on() {
    let (_dir, path) = big_file_of("big-search-typed", 3 * search::STEP);
    let whole = Arc::new(read_file(&path).unwrap());
    let mut app = App::new(whole.clone(), "big.txt".into());
    app.update(Action::Resize(100, 30));
    common::press_keys(&mut app, "/filler");
    let all = search::find_all(&whole, "filler");
    assert!(app.search.scan.is_some());
    assert!(!app.search.hits.is_empty() && app.search.hits.len() < all.len());
    assert_eq!(app.search.hits[..], all[..app.search.hits.len()]);
    assert_eq!(app.search.current, Some(0), "the first hit is shown");
    let screen = common::screen_text(&app);
    assert!(screen.contains("so far, searching…"), "{screen}");
    common::press_keys(&mut app, "<Enter>N");
    assert!(
        app.search.scan.is_none(),
        "N past the first hit searched to the end"
    );
    assert_eq!(app.search.hits, all);
    assert_eq!(app.search.current, Some(all.len() - 1));
}

/// The same while the file's end read apart is on screen: the hit found in that
/// piece is the one shown once the whole file takes over.
#[test]
fn a_search_in_the_files_end_keeps_its_hit_when_the_whole_file_arrives() {
    let (_dir, path) = big_file("big-search-tail");
    let mut app = open(&path);
    press_g_end(&mut app, &edge(&path));
    common::press_keys(&mut app, "/very last<Enter>");
    assert_eq!(app.search.hits.len(), 1);
    app.update(Action::loaded(Arc::new(read_file(&path).unwrap())));
    let hit = app.search.hits[app.search.current.unwrap()];
    assert_eq!(app.doc.slice(hit), "very last");
    assert!(common::screen_text(&app).contains("The very last paragraph"));
}

/// Every moment of a load, as the background work reaches it, each with the
/// action that brings the reader there.
fn loading_states(path: &Path) -> Vec<(&'static str, Vec<Action>)> {
    let head = app_head_doc(path);
    let whole = Arc::new(read_file(path).unwrap());
    // The first screen's text (as the loader cuts it), then the whole beginning.
    let screen = || {
        let part =
            loader::screen_part(&head, 2_000).expect("a screen much shorter than the beginning");
        let ents = common::entities_named(&part, &[("Astana", Kind::Place)]);
        Action::ExtractedPrefix(Box::new((ents, Vec::new()).into()))
    };
    let prefix = || {
        let ents = common::entities_named(&head, &[("Astana", Kind::Place)]);
        Action::ExtractedPrefix(Box::new((ents, Vec::new()).into()))
    };
    let extracted = || {
        let ents = common::entities_named(&whole, &[("Astana", Kind::Place)]);
        Action::Extracted(Box::new((ents, Vec::new()).into()))
    };
    vec![
        ("first frame", vec![]),
        ("after two j", vec![Action::MoveDown, Action::MoveDown]),
        ("screen extracted", vec![screen()]),
        ("beginning extracted", vec![screen(), prefix()]),
        (
            "whole file in",
            vec![screen(), prefix(), Action::loaded(whole.clone())],
        ),
        (
            "whole file extracted",
            vec![
                screen(),
                prefix(),
                Action::loaded(whole.clone()),
                extracted(),
            ],
        ),
    ]
}

#[test]
fn g_reaches_the_end_at_every_moment_of_the_load() {
    let (_dir, path) = big_file("big-g-states");
    let edge = edge(&path);
    for (moment, actions) in loading_states(&path) {
        let mut app = open(&path);
        for a in actions {
            if let Some(effect) = app.update(a) {
                effects::run(&mut app, effect, &edge);
            }
        }
        let loading = app.loading;
        if let Some(effect) = app.update(Action::GoBottom) {
            // Only while loading does `G` need anything from the edge: the end read apart.
            assert!(loading, "{moment}: G asked for {effect:?} with the file in");
            assert_eq!(effect, Effect::ReadTail, "{moment}");
            effects::run(&mut app, effect, &edge);
        }
        let shown = common::screen_text(&app);
        assert!(
            shown.contains("The very last paragraph of the archive."),
            "{moment}: {shown}"
        );
    }
}

#[test]
fn the_whole_file_arrives_hashed_and_cut_into_blocks_so_taking_it_does_not_stall_the_keys() {
    let (_dir, path) = big_file("big-hashed");
    let head = Arc::new(app_head_doc(&path));
    // No screen: the beginning is extracted whole.
    let rx = loader::start(Some((path.clone(), None)), head, Vec::new(), usize::MAX);
    let flow = rx
        .iter()
        .find_map(|a| match a {
            Action::Loaded(flow) => Some(flow),
            _ => None,
        })
        .expect("the loader sends the whole file");
    let loaded = flow.doc.clone();
    assert_eq!(
        loaded.fingerprint_if_known(),
        Some(folio::store::fingerprint(loaded.text().as_bytes()).as_str())
    );
    // The blocks of the whole text, as the reader would cut them itself.
    assert_eq!(flow.blocks, Flow::new(loaded.clone()).blocks);
    assert_eq!(
        flow.blocks.last().map(|b| b.span().end),
        loaded.paragraphs().last().map(|p| p.span().end)
    );
    // The reader takes them as they are: the same blocks, and the screen a
    // reader opened on the whole file shows.
    let mut app = open(&path);
    app.update(Action::Loaded(flow.clone()));
    assert_eq!(app.flow.blocks, flow.blocks);
    let mut whole = App::new(loaded, "big.txt".into());
    whole.update(Action::Resize(100, 30));
    assert_eq!(common::screen_text(&app), common::screen_text(&whole));
}

/// Splitting a big text into sentences takes seconds (about 8 s at 100 MB) and
/// is done by the extraction thread once the whole file is in. The keys pressed
/// meanwhile, a search and its jump included, must not split it on the main
/// thread (or wait for the other thread's split): the reading cursor waits.
#[test]
fn keys_while_the_whole_file_is_being_extracted_never_split_its_sentences() {
    let (_dir, path) = big_file_of("big-split", 3 << 20);
    let edge = edge(&path);
    let mut app = open(&path);
    let whole = Arc::new(read_file(&path).unwrap());
    assert!(
        !whole.sentences_ready(),
        "3 MB is split by the extraction thread"
    );
    let head = app_head_doc(&path);
    let prefix = common::entities_named(&head, &[("Astana", Kind::Place)]);
    app.update(Action::ExtractedPrefix(Box::new(
        (prefix, Vec::new()).into(),
    )));
    if let Some(effect) = app.update(Action::loaded(whole.clone())) {
        effects::run(&mut app, effect, &edge);
    }
    common::press_keys(&mut app, "jjwa/very last<Enter>nGgw)v");
    let shown = common::screen_text(&app);
    assert!(
        !whole.sentences_ready(),
        "a key split the whole text on the main thread"
    );
    assert_eq!(app.search.hits.len(), 1, "{shown}");
    assert!(shown.contains("reading cursor is back once"), "{shown}");
    // Once the extraction is in, its split is there and the cursor works again.
    let _ = whole.sentences();
    let ents = common::entities_named(&whole, &[("Astana", Kind::Place)]);
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    common::press_keys(&mut app, "n");
    let s = app.cursor.expect("the hit's sentence");
    assert!(app
        .doc
        .slice(app.doc.sentences()[s].span())
        .contains("very last"));
}

//! Annotating in the reader, key by key through `action_for_key` (complementing
//! tests/annotate_ui.rs), without a terminal: the note editor,
//! marks in the pane, `]`/`[`, the notes panel, and saving through the real edge
//! (`run_effect`) into a store in a temporary directory.

mod common;

use crossterm::event::KeyCode;
use folio::annotations::Store;
use folio::document::Document;
use folio::ui::effects::{self, Edge};
use folio::ui::keymap::Key;
use folio::ui::{Action, App, Effect, Mode};
use std::sync::Arc;

fn text() -> String {
    let mut paras = Vec::new();
    for i in 0..30 {
        paras.push(format!(
            "Paragraph {i} opens here. The delegates from Astana argued for hours. Nothing was settled."
        ));
    }
    paras.join("\n\n")
}

/// A fresh, empty store directory for one test.
fn temp_store(name: &str) -> common::TempDir {
    common::TempDir::new(&format!("annotate-ui-{name}"))
}

fn edge(dir: &std::path::Path) -> Edge {
    Edge {
        notes: Some(Store::new(dir.join("annotations"))),
        ..Edge::default()
    }
}

/// The real edge's effect runner, as the terminal loop calls it.
fn run_effect(app: &mut App, edge: &mut Edge, effect: Effect) {
    effects::run(app, effect, edge);
}

/// A reader on the test brief at 100x30 with its annotations opened through the edge.
fn reader(edge: &mut Edge) -> App {
    let mut app = App::new(Arc::new(Document::from_text(&text())), "test".into());
    app.update(Action::Extracted(Box::default()));
    app.update(Action::Resize(100, 30));
    run_effect(&mut app, edge, Effect::OpenNotes);
    app
}

/// Presses `key` as the terminal would: key → action → update → effect at the edge.
/// Returns the effect update asked for.
fn press(app: &mut App, edge: &mut Edge, key: Key) -> Option<Effect> {
    let action = app.action_for_key(key)?;
    let effect = app.update(action)?;
    run_effect(app, edge, effect.clone());
    Some(effect)
}

fn ch(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}

fn typ(app: &mut App, edge: &mut Edge, s: &str) {
    for c in s.chars() {
        let key = if c == '\n' {
            Key::plain(KeyCode::Enter)
        } else {
            ch(c)
        };
        press(app, edge, key);
    }
}

/// Selects "Paragraph 0 opens" with v w w e, annotates it with `note`, saves.
fn annotate_first(app: &mut App, edge: &mut Edge, note: &str) -> Option<Effect> {
    for k in ['v', 'e', 'e'] {
        press(app, edge, ch(k));
    }
    press(app, edge, ch('a'));
    assert_eq!(app.mode, Mode::Editor);
    typ(app, edge, note);
    press(app, edge, Key::ctrl('s'))
}

#[test]
fn a_on_a_selection_writes_a_tagged_note_that_is_marked_and_saved() {
    let dir = temp_store("mark");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    // Start the selection on the first sentence, then shrink it to two words.
    press(&mut app, &mut edge, ch('v'));
    press(&mut app, &mut edge, ch('v'));
    let effect = annotate_first(&mut app, &mut edge, "Opening words\nsecond line #intro");
    assert_eq!(effect, Some(Effect::SaveNotes));
    assert_eq!(app.mode, Mode::Normal);
    let set = app.notes.set.as_ref().unwrap();
    assert_eq!(set.len(), 1);
    let e = &set.entries()[0];
    assert_eq!(e.annotation.tags, ["intro"]);
    assert_eq!(e.first_line(), "Opening words");
    let span = e.span().unwrap();
    assert!(
        app.doc.slice(span).starts_with("Paragraph 0"),
        "{:?}",
        app.doc.slice(span)
    );
    assert!(
        !app.notes.set.as_ref().unwrap().is_dirty(),
        "{:?}",
        app.notice
    );
    // The passage is tinted and carries a margin mark; the text after it is not tinted.
    let buf = common::render(&app);
    let (x, y) = common::find_text(&buf, "Paragraph 0").unwrap();
    assert_eq!(buf[(x, y)].bg, app.theme.annotation.bg.unwrap());
    assert_eq!(buf[(2, y)].symbol(), "✎");
    let (x2, y2) = common::find_text(&buf, "delegates").unwrap();
    assert_ne!(buf[(x2, y2)].bg, app.theme.annotation.bg.unwrap());
    let text = common::buffer_text(&buf);
    let status = text.lines().last().unwrap_or("");
    assert!(
        status.contains("note 1/1") || status.contains("1 note"),
        "{status}"
    );
    // And it is on disk: a new reader on the same store finds it.
    let again = reader(&mut edge);
    assert_eq!(again.notes.set.as_ref().unwrap().len(), 1);
    assert_eq!(
        again.notes.set.as_ref().unwrap().entries()[0]
            .annotation
            .tags,
        ["intro"]
    );
}

#[test]
fn esc_asks_before_discarding_typed_text() {
    let dir = temp_store("esc");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    press(&mut app, &mut edge, ch('a'));
    assert_eq!(app.mode, Mode::Editor);
    // Nothing typed: Esc just closes.
    press(&mut app, &mut edge, Key::plain(KeyCode::Esc));
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.notes.editor.is_none());
    press(&mut app, &mut edge, ch('a'));
    typ(&mut app, &mut edge, "half a thought");
    press(&mut app, &mut edge, Key::plain(KeyCode::Esc));
    assert!(app.notes.editor.as_ref().unwrap().confirm_discard);
    assert!(common::screen_text(&app).contains("Discard this note? y: discard"));
    // n: back to the editor with the text kept.
    press(&mut app, &mut edge, ch('n'));
    assert_eq!(app.mode, Mode::Editor);
    assert_eq!(
        app.notes.editor.as_ref().unwrap().editor.text,
        "half a thought"
    );
    press(&mut app, &mut edge, Key::plain(KeyCode::Esc));
    press(&mut app, &mut edge, ch('y'));
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.notes.editor.is_none());
    assert!(app.notes.set.as_ref().unwrap().is_empty());
}

#[test]
fn tab_completes_tags_already_used() {
    let dir = temp_store("tab");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    annotate_first(&mut app, &mut edge, "first #negotiations");
    press(&mut app, &mut edge, ch(')'));
    press(&mut app, &mut edge, ch('a'));
    typ(&mut app, &mut edge, "more #neg");
    press(&mut app, &mut edge, Key::plain(KeyCode::Tab));
    assert_eq!(
        app.notes.editor.as_ref().unwrap().editor.text.trim_end(),
        "more #negotiations"
    );
}

#[test]
fn brackets_walk_between_notes_and_wrap() {
    let dir = temp_store("brackets");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    press(&mut app, &mut edge, ch(']'));
    assert!(app
        .notice
        .as_deref()
        .unwrap_or("")
        .starts_with("no notes in this brief"));
    // Notes on the second sentence of paragraphs 0 and 2 (a on the sentence, no selection).
    press(&mut app, &mut edge, ch(')'));
    press(&mut app, &mut edge, ch(')'));
    press(&mut app, &mut edge, ch('a'));
    typ(&mut app, &mut edge, "one");
    press(&mut app, &mut edge, Key::ctrl('s'));
    for _ in 0..6 {
        press(&mut app, &mut edge, ch(')'));
    }
    press(&mut app, &mut edge, ch('a'));
    typ(&mut app, &mut edge, "two");
    press(&mut app, &mut edge, Key::ctrl('s'));
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 2);
    press(&mut app, &mut edge, ch('g'));
    press(&mut app, &mut edge, ch('}'));
    press(&mut app, &mut edge, ch('}'));
    press(&mut app, &mut edge, ch('}'));
    // From paragraph 3: [ goes back to the note in paragraph 2, then to paragraph 0's.
    press(&mut app, &mut edge, ch('['));
    let sentence = |app: &App| {
        app.doc
            .slice(app.doc.sentences()[app.cursor.unwrap()].span())
            .to_string()
    };
    assert_eq!(
        sentence(&app),
        "The delegates from Astana argued for hours."
    );
    assert_eq!(app.notes.position().as_deref(), Some("note 2/2"));
    press(&mut app, &mut edge, ch('['));
    assert_eq!(app.notes.position().as_deref(), Some("note 1/2"));
    assert!(common::screen_text(&app).contains("note 1/2"));
    press(&mut app, &mut edge, ch('['));
    assert_eq!(app.notes.position().as_deref(), Some("note 2/2"));
    assert_eq!(app.notice.as_deref(), Some("wrapped to the last note"));
    press(&mut app, &mut edge, ch(']'));
    assert_eq!(app.notice.as_deref(), Some("wrapped to the first note"));
    assert_eq!(app.notes.position().as_deref(), Some("note 1/2"));
    press(&mut app, &mut edge, ch(']'));
    assert_eq!(app.notes.position().as_deref(), Some("note 2/2"));
    assert_eq!(app.notice, None);
}

#[test]
fn panel_lists_filters_jumps_edits_deletes_and_undoes() {
    let dir = temp_store("panel");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    annotate_first(&mut app, &mut edge, "about the opening #intro");
    // A second note far below, tagged differently.
    for _ in 0..40 {
        press(&mut app, &mut edge, ch(')'));
    }
    press(&mut app, &mut edge, ch('a'));
    typ(&mut app, &mut edge, "late detail #detail");
    press(&mut app, &mut edge, Key::ctrl('s'));
    press(&mut app, &mut edge, ch('g'));
    press(&mut app, &mut edge, ch('A'));
    assert_eq!(app.mode, Mode::Notes);
    let text = common::screen_text(&app);
    assert!(text.contains("Notes (2"), "{text}");
    assert!(text.contains("about the opening"), "{text}");
    assert!(text.contains("#detail"), "{text}");
    // Filter by tag: only the second note remains.
    press(&mut app, &mut edge, ch('#'));
    assert_eq!(app.mode, Mode::NotesFilter);
    typ(&mut app, &mut edge, "det");
    press(&mut app, &mut edge, Key::plain(KeyCode::Enter));
    assert_eq!(app.mode, Mode::Notes);
    assert_eq!(app.notes.shown().len(), 1);
    let text = common::screen_text(&app);
    assert!(!text.contains("about the opening"), "{text}");
    // Enter jumps there: the panel closes and the passage is on screen.
    press(&mut app, &mut edge, Key::plain(KeyCode::Enter));
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.notes.panel.is_none());
    assert_eq!(app.notes.position().as_deref(), Some("note 2/2"));
    let text = common::screen_text(&app);
    assert!(text.contains("Paragraph 13"), "{text}");
    // e edits the note with its old text.
    press(&mut app, &mut edge, ch('A'));
    press(&mut app, &mut edge, ch('j'));
    press(&mut app, &mut edge, ch('e'));
    assert_eq!(app.mode, Mode::Editor);
    assert_eq!(
        app.notes.editor.as_ref().unwrap().editor.text,
        "late detail #detail"
    );
    typ(&mut app, &mut edge, " #check");
    assert_eq!(
        press(&mut app, &mut edge, Key::ctrl('s')),
        Some(Effect::SaveNotes)
    );
    assert_eq!(app.mode, Mode::Notes);
    let set = app.notes.set.as_ref().unwrap();
    assert!(set.entries()[1]
        .annotation
        .tags
        .contains(&"check".to_string()));
    // d deletes with a notice, u restores.
    assert_eq!(press(&mut app, &mut edge, ch('d')), Some(Effect::SaveNotes));
    assert_eq!(
        app.notice.as_deref(),
        Some("note deleted (u brings it back)")
    );
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 1);
    assert!(common::screen_text(&app).contains("note deleted (u brings it back)"));
    assert_eq!(press(&mut app, &mut edge, ch('u')), Some(Effect::SaveNotes));
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 2);
    // Every change reached the disk.
    let again = reader(&mut edge);
    assert_eq!(again.notes.set.as_ref().unwrap().len(), 2);
    press(&mut app, &mut edge, Key::plain(KeyCode::Esc));
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn a_read_only_store_refuses_edits_with_a_notice() {
    let dir = temp_store("readonly");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    let file =
        Store::new(dir.join("annotations")).file_for(app.notes.set.as_ref().unwrap().fingerprint());
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "{ not json").unwrap();
    let mut app2 = reader(&mut edge);
    let opened = app2.notice.clone().unwrap_or_default();
    assert!(app2.notes.set.as_ref().unwrap().read_only().is_some());
    assert!(!opened.is_empty());
    press(&mut app2, &mut edge, ch('a'));
    assert_eq!(app2.mode, Mode::Normal);
    assert!(
        app2.notice.as_deref().unwrap_or("").contains("read-only"),
        "{:?}",
        app2.notice
    );
    // The damaged file is left as it was.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ not json");
    app.update(Action::Quit);
}

#[test]
fn notes_open_only_once_the_whole_file_is_in() {
    let doc = Arc::new(Document::from_text(&text()));
    let mut app = App::new(doc.clone(), "big".into());
    app.loading = true;
    app.update(Action::Resize(100, 30));
    app.update(Action::Annotate);
    assert!(app
        .notice
        .as_deref()
        .unwrap()
        .contains("whole file is loaded"));
    assert_eq!(app.update(Action::loaded(doc)), Some(Effect::OpenNotes));
}

#[test]
fn a_failed_save_keeps_the_note_says_so_and_retries_on_the_next_change() {
    let dir = temp_store("fault");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    // The store's directory cannot be created: a plain file sits where it should be.
    let blocker = dir.join("annotations");
    std::fs::write(&blocker, "not a directory").unwrap();
    annotate_first(&mut app, &mut edge, "kept in memory");
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 1);
    assert!(app.notes.set.as_ref().unwrap().is_dirty());
    assert!(
        app.notice.as_deref().unwrap().contains("not saved"),
        "{:?}",
        app.notice
    );
    assert!(common::screen_text(&app).contains("NOT SAVED"));
    // The fault clears; the next change saves both notes.
    std::fs::remove_file(&blocker).unwrap();
    press(&mut app, &mut edge, ch(')'));
    press(&mut app, &mut edge, ch('a'));
    typ(&mut app, &mut edge, "second");
    press(&mut app, &mut edge, Key::ctrl('s'));
    assert!(
        !app.notes.set.as_ref().unwrap().is_dirty(),
        "{:?}",
        app.notice
    );
    assert_eq!(reader(&mut edge).notes.set.as_ref().unwrap().len(), 2);
}

#[test]
fn control_bytes_in_notes_never_reach_the_screen() {
    let dir = temp_store("controls");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    annotate_first(&mut app, &mut edge, "x");
    let id = app.notes.set.as_ref().unwrap().entries()[0]
        .id()
        .to_string();
    app.notes
        .set
        .as_mut()
        .unwrap()
        .edit(&id, "evil \u{1b}]52;c;aGk=\u{7}\tnote #t")
        .unwrap();
    press(&mut app, &mut edge, ch('A'));
    let buf = common::render(&app);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
    press(&mut app, &mut edge, ch('e'));
    let buf = common::render(&app);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn e_in_the_panel_edits_a_note_and_help_lists_the_keys() {
    let dir = temp_store("reedit");
    let mut edge = edge(&dir);
    let mut app = reader(&mut edge);
    annotate_first(&mut app, &mut edge, "first take");
    // e in the panel opens the note with its text.
    press(&mut app, &mut edge, ch('A'));
    press(&mut app, &mut edge, ch('e'));
    let draft = app.notes.editor.as_ref().unwrap();
    assert_eq!(draft.editor.text, "first take");
    assert!(matches!(
        draft.target,
        folio::ui::app::EditTarget::Existing(_)
    ));
    press(&mut app, &mut edge, Key::plain(KeyCode::Esc));
    press(&mut app, &mut edge, Key::plain(KeyCode::Esc));
    assert_eq!(app.mode, Mode::Normal);
    // At 80x24 too: the help overlay shows every binding, the new ones included,
    // scrolling through it page by page.
    for (w, h) in [(100, 30), (80, 24)] {
        app.update(Action::Resize(w, h));
        press(&mut app, &mut edge, ch('?'));
        let mut seen = String::new();
        for _ in 0..20 {
            seen.push_str(&common::screen_text(&app));
            press(&mut app, &mut edge, ch(' '));
        }
        assert_eq!(app.mode, Mode::Help, "space pages, it does not close");
        assert!(seen.contains("annotate the selection"), "{seen}");
        assert!(seen.contains("bring back the last deleted note"), "{seen}");
        press(&mut app, &mut edge, ch('?'));
        assert_eq!(app.mode, Mode::Normal);
    }
}

#[test]
fn a_moved_note_is_marked_for_review_in_the_pane() {
    let dir = temp_store("review");
    let brief = dir.join("brief.txt");
    std::fs::write(&brief, text()).unwrap();
    let store = || Store::new(dir.join("annotations"));
    let mut edge = Edge {
        notes: Some(store()),
        ..Edge::default()
    }
    .for_brief(Some(brief.clone()));
    let mut app = reader(&mut edge);
    annotate_first(&mut app, &mut edge, "on the opening");
    // The brief is edited in place: the quoted words change a little.
    let edited = text().replacen("Paragraph 0 opens here.", "Paragraph 0 opened here.", 1);
    std::fs::write(&brief, &edited).unwrap();
    let mut edge = Edge {
        notes: Some(store()),
        ..Edge::default()
    }
    .for_brief(Some(brief));
    let mut app = App::new(Arc::new(Document::from_text(&edited)), "test".into());
    app.update(Action::Extracted(Box::default()));
    app.update(Action::Resize(100, 30));
    run_effect(&mut app, &mut edge, Effect::OpenNotes);
    let set = app.notes.set.as_ref().unwrap();
    assert_eq!(set.len(), 1);
    assert!(set.entries()[0].needs_review());
    // In this brief of look-alike sentences it lands on its own edited sentence,
    // not on a neighbour's that differs from the old quote by one character, and
    // is marked "?" and underlined until confirmed.
    let landed = app.doc.slice(set.entries()[0].span().unwrap()).to_string();
    assert!(landed.starts_with("Paragraph 0 opened"), "{landed}");
    let buf = common::render(&app);
    let (x, y) = common::find_text(&buf, &landed).unwrap();
    assert_eq!(buf[(2, y)].symbol(), "?");
    assert!(buf[(x, y)]
        .modifier
        .contains(ratatui::style::Modifier::UNDERLINED));
    assert_eq!(buf[(x, y)].bg, app.theme.annotation.bg.unwrap());
}

/// A brief opened by path with a fresh data folder: nothing changed, so nothing
/// is unsaved, no file is written, and one `q` quits.
#[test]
fn opening_a_brief_by_path_changes_nothing_and_q_quits_at_once() {
    let dir = temp_store("by-path");
    let brief = dir.join("brief.txt");
    std::fs::write(&brief, text()).unwrap();
    let mut edge = edge(&dir).for_brief(Some(brief.clone()));
    let mut app = reader(&mut edge);
    let set = app.notes.set.as_ref().expect("notes opened");
    assert!(!set.is_dirty(), "recording the path is not a change");
    let screen = common::screen_text(&app);
    assert!(!screen.contains("NOT SAVED"), "{screen}");
    assert_eq!(press(&mut app, &mut edge, ch('q')), Some(Effect::Quit));
    assert!(
        !dir.join("annotations").exists()
            || std::fs::read_dir(dir.join("annotations"))
                .unwrap()
                .next()
                .is_none(),
        "opening wrote nothing"
    );
}

/// A brief whose notes were saved under another path is filed under the new one
/// at once, so the status line never says NOT SAVED for it.
#[test]
fn notes_found_under_an_old_path_are_refiled_at_once() {
    let dir = temp_store("refile");
    let first = dir.join("first.txt");
    std::fs::write(&first, text()).unwrap();
    let mut edge1 = edge(&dir).for_brief(Some(first.clone()));
    let mut app = reader(&mut edge1);
    press(&mut app, &mut edge1, ch('a'));
    typ(&mut app, &mut edge1, "kept");
    press(&mut app, &mut edge1, Key::ctrl('s'));
    let moved = dir.join("moved.txt");
    std::fs::rename(&first, &moved).unwrap();
    let mut edge2 = edge(&dir).for_brief(Some(moved));
    let mut app = reader(&mut edge2);
    let set = app.notes.set.as_ref().expect("notes opened");
    assert_eq!(set.len(), 1);
    assert!(!set.is_dirty(), "saved under the new path at once");
    assert_eq!(press(&mut app, &mut edge2, ch('q')), Some(Effect::Quit));
}

//! Annotating in the reader, driven by keys through the keymap and by the edge's
//! effect runner on a temporary store: the editor, marks on screen, jumps
//! between notes, the annotations panel, read-only stores and failed saves.

mod common;

use crossterm::event::KeyCode;
use folio::annotations::Store;
use folio::document::Document;
use folio::ui::effects::{self, Edge};
use folio::ui::keymap::Key;
use folio::ui::{Action, App, Effect, Mode};
use std::path::Path;
use std::sync::Arc;

fn doc() -> Document {
    common::brief(&[common::P1, common::P2, common::P3])
}

fn edge(dir: &Path) -> Edge {
    Edge {
        notes: Some(Store::new(dir)),
        ..Edge::default()
    }
}

/// A reader on the test brief with its notes opened from `edge`'s store.
fn reader(edge: &Edge) -> App {
    let mut app = App::new(Arc::new(doc()), "test".into());
    app.update(Action::Extracted(Box::default()));
    app.update(Action::Resize(120, 40));
    effects::run(&mut app, Effect::OpenNotes, edge);
    app
}

/// Presses `key` and carries out any effect at the edge; returns whether it quit.
fn key(app: &mut App, edge: &Edge, key: Key) -> bool {
    let Some(action) = app.action_for_key(key) else {
        return false;
    };
    match app.update(action) {
        Some(effect) => effects::run(app, effect, edge),
        None => false,
    }
}

fn keys(app: &mut App, edge: &Edge, text: &str) {
    for c in text.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        key(app, edge, Key::plain(code));
    }
}

/// Writes a note on the first sentence (cursor there, `a`, the text, Ctrl-s).
fn annotate_sentence(app: &mut App, edge: &Edge, moves: &str, note: &str) {
    keys(app, edge, moves);
    keys(app, edge, "a");
    assert_eq!(app.mode, Mode::Editor);
    keys(app, edge, note);
    key(app, edge, Key::ctrl('s'));
}

#[test]
fn a_note_is_written_marked_on_screen_and_kept_on_disk() {
    let dir = common::scratch("ui-write");
    let edge = edge(&dir);
    let mut app = reader(&edge);
    // Select two words from the first sentence's start (v takes the first,
    // e extends to the second), then annotate.
    keys(&mut app, &edge, ")vea");
    assert_eq!(app.mode, Mode::Editor);
    keys(&mut app, &edge, "Who met #cas\t");
    let ed = app.notes.editor.as_ref().unwrap();
    assert_eq!(
        ed.editor.text, "Who met #cas",
        "no tags in use yet: nothing to complete"
    );
    keys(&mut app, &edge, "pian\nsecond line");
    key(&mut app, &edge, Key::ctrl('s'));
    assert_eq!(app.mode, Mode::Normal);
    let set = app.notes.set.as_ref().expect("notes open");
    assert_eq!(set.len(), 1);
    assert!(!set.is_dirty(), "saved at once");
    let entry = &set.entries()[0];
    assert_eq!(entry.annotation.tags, vec!["caspian".to_string()]);
    assert_eq!(entry.annotation.note, "Who met #caspian\nsecond line");
    let span = entry.span().unwrap();
    assert_eq!(app.doc.slice(span), "The Caspian");

    // Marked on screen: the tint over the passage and a margin mark on its row.
    let buf = common::render(&app);
    let tint = app.theme.annotation.bg.unwrap();
    let row = (0..40)
        .find(|&y| {
            common::buffer_text(&buf)
                .lines()
                .nth(y)
                .unwrap()
                .contains("The Caspian littoral")
        })
        .unwrap() as u16;
    let line: String = (0..120).map(|x| buf[(x, row)].symbol()).collect();
    let x = line[..line.find("The Caspian").unwrap()].chars().count() as u16;
    assert_eq!(buf[(x, row)].bg, tint);
    assert_ne!(
        buf[(x + 12, row)].bg,
        tint,
        "the tint ends with the passage"
    );
    assert!(line.contains('✎'), "{line}");
    assert!(common::buffer_text(&buf).contains("note 1/1"));

    // Another reader on the same store finds it again.
    let again = reader(&edge);
    assert_eq!(again.notes.set.as_ref().unwrap().len(), 1);
    // And the tag completes in the next note.
    let mut app = again;
    keys(&mut app, &edge, "}a#ca\t");
    assert_eq!(app.notes.editor.as_ref().unwrap().editor.text, "#caspian ");
}

#[test]
fn escape_asks_before_throwing_a_typed_note_away() {
    let dir = common::scratch("ui-escape");
    let edge = edge(&dir);
    let mut app = reader(&edge);
    keys(&mut app, &edge, "a\x1b");
    assert_eq!(app.mode, Mode::Normal, "nothing typed: Esc just closes");
    keys(&mut app, &edge, "adraft");
    keys(&mut app, &edge, "\x1b");
    assert!(app.notes.editor.as_ref().unwrap().confirm_discard);
    assert!(common::buffer_text(&common::render(&app)).contains("Discard this note?"));
    keys(&mut app, &edge, "n");
    assert_eq!(app.notes.editor.as_ref().unwrap().editor.text, "draft");
    // Ctrl-C in the editor is Esc, never a quit that loses the note.
    assert!(!key(&mut app, &edge, Key::ctrl('c')));
    assert!(app.notes.editor.as_ref().unwrap().confirm_discard);
    keys(&mut app, &edge, "y");
    assert!(app.notes.editor.is_none());
    assert!(app.notes.set.as_ref().unwrap().is_empty());
}

#[test]
fn brackets_step_through_notes_in_text_order_and_wrap() {
    let dir = common::scratch("ui-jump");
    let edge = edge(&dir);
    let mut app = reader(&edge);
    // Notes on the third paragraph first, then the first: text order must win.
    annotate_sentence(&mut app, &edge, ")}}", "third #later");
    annotate_sentence(&mut app, &edge, "{{", "");
    assert_eq!(app.mode, Mode::Editor, "an empty note is refused");
    keys(&mut app, &edge, "first");
    key(&mut app, &edge, Key::ctrl('s'));
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 2);
    let note_at = |app: &App| {
        let id = app.notes.current.clone().unwrap();
        let set = app.notes.set.as_ref().unwrap();
        let e = set.entries().iter().find(|e| e.id() == id).unwrap();
        e.annotation.note.clone()
    };
    keys(&mut app, &edge, "g]");
    assert_eq!(note_at(&app), "third #later");
    keys(&mut app, &edge, "]");
    assert_eq!(note_at(&app), "first");
    assert_eq!(app.notice.as_deref(), Some("wrapped to the first note"));
    keys(&mut app, &edge, "[");
    assert_eq!(note_at(&app), "third #later");
    assert_eq!(app.notice.as_deref(), Some("wrapped to the last note"));
    assert_eq!(
        app.cursor,
        app.doc.sentence_at(app.doc.paragraphs()[2].span().start)
    );
}

#[test]
fn the_panel_lists_filters_jumps_deletes_and_undoes() {
    let dir = common::scratch("ui-panel");
    let edge = edge(&dir);
    let mut app = reader(&edge);
    annotate_sentence(&mut app, &edge, ")", "naval base #navy");
    annotate_sentence(&mut app, &edge, "}", "ships #navy");
    annotate_sentence(&mut app, &edge, "}", "pipelines #energy");
    keys(&mut app, &edge, "A");
    assert_eq!(app.mode, Mode::Notes);
    let shown = common::buffer_text(&common::render(&app));
    assert!(shown.contains("Notes (3 of 3)"), "{shown}");
    assert!(shown.contains("pipelines #energy"));
    // Filter by tag: only the energy note.
    keys(&mut app, &edge, "#ene\n");
    assert_eq!(app.notes.shown().len(), 1);
    assert!(common::buffer_text(&common::render(&app)).contains("Notes (1 of 3)"));
    // Enter goes to its passage and closes the panel.
    keys(&mut app, &edge, "\n");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.notes.position().as_deref(), Some("note 3/3"));
    // Delete the second note, then undo; each change is saved.
    keys(&mut app, &edge, "Aj");
    keys(&mut app, &edge, "d");
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 2);
    assert!(app.notice.as_deref().unwrap().contains("u brings it back"));
    let on_disk = Store::new(&dir).open(&app.doc, None).0;
    assert_eq!(on_disk.len(), 2, "the delete reached the disk");
    keys(&mut app, &edge, "u");
    assert_eq!(app.notes.set.as_ref().unwrap().len(), 3);
    assert_eq!(Store::new(&dir).open(&app.doc, None).0.len(), 3);
    // e edits the note under the cursor.
    keys(&mut app, &edge, "ge");
    assert_eq!(app.mode, Mode::Editor);
    keys(&mut app, &edge, " and tankers");
    key(&mut app, &edge, Key::ctrl('s'));
    assert_eq!(app.mode, Mode::Notes, "back to the panel");
    let set = app.notes.set.as_ref().unwrap();
    assert!(set
        .entries()
        .iter()
        .any(|e| e.annotation.note == "naval base #navy and tankers"));
    keys(&mut app, &edge, "\x1b");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn a_corrupt_store_opens_read_only_and_is_never_overwritten() {
    let dir = common::scratch("ui-corrupt");
    let edge = edge(&dir);
    // Find the brief's store file by saving once, then damage it.
    let mut app = reader(&edge);
    annotate_sentence(&mut app, &edge, ")", "kept");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a store file");
    std::fs::write(&file, b"{ not json").unwrap();
    let mut app = reader(&edge);
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("read-only"), "{notice}");
    keys(&mut app, &edge, "a");
    assert_ne!(app.mode, Mode::Editor);
    assert!(app.notice.as_deref().unwrap().contains("read-only"));
    assert_eq!(std::fs::read(&file).unwrap(), b"{ not json");
}

#[test]
fn a_failed_save_keeps_the_note_says_so_and_q_asks_first() {
    let dir = common::scratch("ui-unwritable");
    let mut app = reader(&edge(&dir));
    // From now on the store's folder is under a file: every save fails.
    std::fs::write(dir.join("blocker"), b"x").unwrap();
    let edge = edge(&dir.join("blocker").join("notes"));
    annotate_sentence(&mut app, &edge, ")", "precious");
    let set = app.notes.set.as_ref().unwrap();
    assert_eq!(set.len(), 1, "kept in memory");
    assert!(set.is_dirty());
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.contains("not saved"), "{notice}");
    assert!(
        !key(&mut app, &edge, Key::plain(KeyCode::Char('q'))),
        "first q warns"
    );
    assert!(app.notice.as_deref().unwrap().contains("q again"));
    assert!(key(&mut app, &edge, Key::plain(KeyCode::Char('q'))));
}

#[test]
fn notes_wait_for_a_big_file_to_finish_loading() {
    let dir = common::scratch("ui-loading");
    let edge = edge(&dir);
    let mut app = App::new(Arc::new(doc()), "big".into());
    app.loading = true;
    app.update(Action::Resize(120, 40));
    effects::run(&mut app, Effect::OpenNotes, &edge);
    assert!(app.notes.set.is_none());
    keys(&mut app, &edge, "a");
    assert!(app
        .notice
        .as_deref()
        .unwrap()
        .contains("once the whole file is loaded"));
    // The whole file arrives: the edge opens the notes.
    let effect = app.update(Action::loaded(Arc::new(doc())));
    assert_eq!(effect, Some(Effect::OpenNotes));
    effects::run(&mut app, Effect::OpenNotes, &edge);
    assert!(app.notes.set.is_some());
}

#[test]
fn after_the_brief_is_edited_an_orphan_is_listed_moved_and_exported() {
    let dir = common::scratch("ui-edited");
    let brief = dir.join("brief.txt");
    let v1 = format!(
        "Title: Caspian week\n\n{}\n\n{}\n\n{}\n",
        common::P1,
        common::P2,
        common::P3
    );
    std::fs::write(&brief, &v1).unwrap();
    let edge = Edge {
        notes: Some(Store::new(dir.join("store"))),
        brief: Some(brief.clone()),
        ..Edge::default()
    };
    let open = |text: &str, edge: &Edge| {
        let mut app = App::new(Arc::new(Document::from_text(text)), "brief".into());
        app.update(Action::Extracted(Box::default()));
        app.update(Action::Resize(120, 40));
        effects::run(&mut app, Effect::OpenNotes, edge);
        app
    };
    let mut app = open(&v1, &edge);
    // A note on the second paragraph's first sentence.
    annotate_sentence(&mut app, &edge, ")}", "base at Aktau #navy");
    // The brief is edited in another program: that paragraph is gone.
    let v2 = format!("Title: Caspian week\n\n{}\n\n{}\n", common::P1, common::P3);
    std::fs::write(&brief, &v2).unwrap();
    let mut app = open(&v2, &edge);
    let set = app.notes.set.as_ref().unwrap();
    assert_eq!(set.len(), 1, "never dropped");
    assert!(
        set.entries()[0].is_orphan(),
        "never attached to a look-alike"
    );
    keys(&mut app, &edge, "A");
    assert!(common::buffer_text(&common::render(&app)).contains("✗ orphan"));
    keys(&mut app, &edge, "\n");
    assert!(app.notice.as_deref().unwrap().contains("orphaned"));
    // Select a passage, then move the orphan there from the panel.
    keys(&mut app, &edge, "\x1b)V");
    keys(&mut app, &edge, "Ar");
    let set = app.notes.set.as_ref().unwrap();
    let e = &set.entries()[0];
    assert!(!e.is_orphan() && !e.needs_review());
    assert_eq!(app.doc.slice(e.span().unwrap()), common::P1);
    assert!(!set.is_dirty(), "saved");
    // Exported with its new passage.
    let md = folio::annotations::export::markdown(&app.doc, set);
    assert!(md.contains("base at Aktau"), "{md}");
    assert!(
        md.contains("The Caspian littoral states met in Tehran"),
        "{md}"
    );
    let w3c = folio::annotations::w3c::export(&app.doc, set);
    assert!(
        w3c.contains("TextQuoteSelector") && w3c.contains("navy"),
        "{w3c}"
    );
}

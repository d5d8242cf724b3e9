//! The reading cursor follows the reader: after scrolling, paging, a search or
//! a jump, `a`, `v` and `+` act on what is on screen, and a selection can start
//! at any word, so a name in mid-sentence can be annotated or made an entity.
//! The bundled sample at 80x24, with the real recognizers, driven by keys.

mod common;

use common::{press_keys, screen_text};
use folio::annotations::AnnotationSet;
use folio::document::{decode, Document};
use folio::ui::app::{EditTarget, Pending};
use folio::ui::{Action, App, Mode, SAMPLE};
use std::sync::Arc;

fn sample(w: u16, h: u16) -> App {
    let doc = Document::parse(decode(SAMPLE.as_bytes()).expect("sample decodes"));
    let notes = AnnotationSet::new(&doc);
    let mut app = App::with_extraction(Arc::new(doc), "sample".into());
    app.update(Action::Resize(w, h));
    app.update(Action::NotesOpened(Box::new(notes), None));
    app
}

/// The passage the note editor is open on.
fn editor_quote(app: &App) -> String {
    let editing = app.notes.editor.as_ref().expect("the note editor is open");
    match &editing.target {
        EditTarget::New(span) => app.doc.slice(*span).to_string(),
        EditTarget::Existing(id) => panic!("editing note {id}, not a new one"),
    }
}

/// Whether the first words of `quote` are on screen.
fn on_screen(app: &App, quote: &str) -> bool {
    let head: String = quote
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    screen_text(app).contains(&head)
}

#[test]
fn a_after_paging_quotes_a_sentence_on_screen() {
    let mut app = sample(80, 24);
    // The cursor is set on the first sentence, then the reader pages on.
    press_keys(&mut app, ")<PgDn><PgDn>");
    let top = app.top_byte();
    press_keys(&mut app, "a");
    assert_eq!(app.mode, Mode::Editor);
    let quote = editor_quote(&app);
    press_keys(&mut app, "<Esc>");
    assert!(on_screen(&app, &quote), "{quote:?} is not on screen");
    assert!(
        app.doc.text().find(&quote).unwrap() + quote.len() > top,
        "the quote is not above the screen"
    );
}

#[test]
fn sentence_motions_after_paging_start_from_the_screen() {
    let mut app = sample(80, 24);
    press_keys(&mut app, ")<PgDn><PgDn>");
    let top = app.top_byte();
    press_keys(&mut app, ")");
    assert_eq!(
        app.top_byte(),
        top,
        ") after paging does not scroll back up"
    );
    let s = app.doc.sentences()[app.cursor.unwrap()].span();
    assert!(s.start >= top, "the cursor is on screen");
    // Scrolling back up far keeps it on screen too.
    press_keys(&mut app, "gj");
    let s = app.doc.sentences()[app.cursor.unwrap()].span();
    assert!(s.start < app.bottom_byte());
}

#[test]
fn a_after_a_search_quotes_the_hit_sentence() {
    let mut app = sample(80, 24);
    press_keys(&mut app, "/Bushehr<Enter>a");
    let quote = editor_quote(&app);
    assert!(quote.contains("Bushehr"), "{quote:?}");
}

#[test]
fn a_after_n_on_a_mention_quotes_that_mention_sentence() {
    let mut app = sample(80, 24);
    let id = app
        .entities
        .entities
        .iter()
        .position(|e| e.name.contains("Ahmadinejad"))
        .expect("Ahmadinejad is an entity");
    app.select_entity(id);
    press_keys(&mut app, "nn");
    let m = app.mention.unwrap();
    let span = app.entities.mentions()[m].span();
    press_keys(&mut app, "a");
    let quote = editor_quote(&app);
    let sentence = app.doc.sentences()[app.doc.sentence_at(span.start).unwrap()].span();
    assert_eq!(quote, app.doc.slice(sentence).trim());
}

#[test]
fn a_name_in_mid_sentence_is_selected_from_a_search_hit_and_added() {
    let mut app = sample(80, 24);
    press_keys(&mut app, "/RIA Novosti<Enter>v");
    let sel = app.selection_span().expect("v selects");
    assert_eq!(app.doc.slice(sel), "RIA Novosti");
    press_keys(&mut app, "+");
    assert_eq!(app.pending, Some(Pending::Add("RIA Novosti".into())));
    assert_eq!(app.mode, Mode::Correct);
}

#[test]
fn word_motions_move_the_cursor_and_v_e_select_any_words() {
    let mut app = sample(80, 24);
    // "(RIA Novosti, October 16)": go to the sentence by search, then walk words.
    press_keys(&mut app, "/flying home<Enter><Esc>");
    press_keys(&mut app, "ww");
    let word = app.point_word().expect("the cursor is on a word");
    assert_eq!(app.doc.slice(word), "RIA");
    // The word under the cursor is drawn in the cursor style.
    let buf = common::render(&app);
    let text = common::buffer_text(&buf);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("RIA"))
        .unwrap();
    let x = line[..line.find("RIA").unwrap()].chars().count() as u16;
    // (Over the organization's own highlight, which it may keep.)
    let cell = &buf[(x, y as u16)];
    assert!(
        cell.modifier.contains(app.theme.cursor.add_modifier),
        "{:?}",
        cell.modifier
    );
    // `v` there selects the mention the cursor is on, if it is one; from plain
    // words, `v` then `e` selects them word by word.
    let mut app = sample(80, 24);
    press_keys(&mut app, "/flying home<Enter><Esc>ve");
    assert_eq!(app.doc.slice(app.selection_span().unwrap()), "flying home");
    press_keys(&mut app, "a");
    assert_eq!(editor_quote(&app), "flying home");
}

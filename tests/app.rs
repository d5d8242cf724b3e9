//! The reader driven by actions, without a terminal: state after updates, and
//! whole screens rendered into ratatui's TestBackend.

mod common;

use folio::document::{Document, Span};
use folio::entities::{Entities, Kind};
use folio::ui::{Action, App, Focus, Mode};
use std::sync::Arc;

/// A long brief where "CSTO" occurs in paragraphs far apart and "Astana" once.
fn brief() -> Document {
    let mut paras = Vec::new();
    for i in 0..40 {
        if i % 9 == 0 {
            paras.push(format!("Paragraph {i}: the CSTO met again in the capital, and nothing else of note happened."));
        } else if i == 20 {
            paras.push(
                "Paragraph 20 mentions Astana once, with the usual filler words around it."
                    .to_string(),
            );
        } else {
            paras.push(format!(
                "Paragraph {i} is filler text about nothing in particular, long enough to wrap."
            ));
        }
    }
    Document::from_text(&paras.join("\n\n"))
}

/// CSTO and Astana, found by hand (see `common::entities_named`).
fn entities(doc: &Document) -> Entities {
    common::entities_named(
        doc,
        &[("CSTO", Kind::Organization), ("Astana", Kind::Place)],
    )
}

fn app() -> App {
    let doc = brief();
    let ents = entities(&doc);
    let mut app = App::new(Arc::new(doc), "test brief".into());
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    app.update(Action::Resize(120, 40));
    app
}

#[test]
fn sidebar_lists_entities_by_kind_with_counts() {
    let app = app();
    assert_eq!(app.sidebar.rows.len(), 2);
    let text = common::screen_text(&app);
    assert!(text.contains("ORGANIZATIONS (1)"), "{text}");
    assert!(text.contains("CSTO") && text.contains(" 5"), "{text}");
    assert!(text.contains("PLACES (1)"));
}

#[test]
fn selecting_an_entity_and_walking_its_mentions() {
    let mut app = app();
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Sidebar);
    app.update(Action::Activate);
    assert_eq!(app.selected, Some(0));
    assert_eq!(app.position().as_deref(), Some("mention 1/5"));
    for _ in 0..3 {
        app.update(Action::NextMatch);
    }
    assert_eq!(app.position().as_deref(), Some("mention 4/5"));
    // The fourth mention is on screen, highlighted as the current one.
    let m = app.mention.unwrap();
    let span = app.entities.mentions()[m].span();
    assert_eq!(app.doc.slice(span), "CSTO");
    let buf = common::render(&app);
    let text = common::buffer_text(&buf);
    assert!(text.contains("Paragraph 27: the CSTO"), "{text}");
    assert!(text.contains("mention 4/5"), "{text}");
    // Wrapping: two more steps go past the last mention back to the first.
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    assert_eq!(app.position().as_deref(), Some("mention 1/5"));
    app.update(Action::PrevMatch);
    assert_eq!(app.position().as_deref(), Some("mention 5/5"));
}

#[test]
fn highlighted_cells_carry_the_entity_style() {
    let mut app = app();
    app.update(Action::FocusNext);
    app.update(Action::Activate);
    let buf = common::render(&app);
    let kind_style = app.theme.kind(Kind::Organization);
    let (x, y) = find(&buf, "CSTO").expect("CSTO on screen");
    let cell = &buf[(x, y)];
    assert!(cell.modifier.contains(kind_style.add_modifier));
    // The current mention has the current-mention background.
    assert_eq!(Some(cell.bg), app.theme.current.bg);
    // Plain words carry no entity style.
    let (px, py) = find(&buf, "filler").unwrap();
    assert!(buf[(px, py)].modifier.is_empty());
}

fn find(buf: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let row = common::row_text(buf, y);
        if let Some(i) = row.find(needle) {
            let x = row[..i].chars().count() as u16;
            if x < 80 {
                return Some((x, y));
            }
        }
    }
    None
}

#[test]
fn search_is_incremental_and_n_walks_hits() {
    let mut app = app();
    app.update(Action::StartSearch);
    assert_eq!(app.mode, Mode::Search);
    for c in "csto".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.search.hits.len(), 5);
    app.update(Action::InputSubmit);
    assert_eq!(app.mode, Mode::Normal);
    app.update(Action::NextMatch);
    assert_eq!(app.position().as_deref(), Some("hit 2/5"));
    app.update(Action::ClearSelection);
    assert!(app.search.hits.is_empty());
}

#[test]
fn sidebar_filter_narrows_the_list() {
    let mut app = app();
    app.update(Action::FocusNext);
    app.update(Action::StartSearch);
    assert_eq!(app.mode, Mode::Filter);
    for c in "ast".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.sidebar.rows, vec![1]);
    app.update(Action::InputCancel);
    assert_eq!(app.sidebar.rows.len(), 2);
}

#[test]
fn scrolling_keys_move_the_view_and_stop_at_the_ends() {
    let mut app = app();
    app.update(Action::GoBottom);
    let bottom = app.view.top;
    assert!(bottom.block > 20, "{bottom:?}");
    app.update(Action::PageDown);
    assert_eq!(app.view.top, bottom);
    app.update(Action::GoTop);
    assert_eq!(app.view.top.block, 0);
    app.update(Action::HalfPageDown);
    assert!(app.view.top > Default::default());
}

#[test]
fn a_change_of_height_keeps_the_top_row_even_on_the_gap_between_paragraphs() {
    use folio::ui::viewport::RowContent;
    let mut app = app();
    // Scroll until the top row is the blank row between two paragraphs.
    for _ in 0..40 {
        if app.view.visible(&app.flow).first() == Some(&RowContent::Blank) {
            break;
        }
        app.update(Action::ScrollBy(1));
    }
    assert_eq!(
        app.view.visible(&app.flow).first(),
        Some(&RowContent::Blank)
    );
    let top = app.view.top;
    for (w, h) in [(120, 30), (120, 45), (120, 40)] {
        app.update(Action::Resize(w, h));
        assert_eq!(app.view.top, top, "{w}x{h}");
    }
    // A change of width re-wraps the text: the same text stays at the top.
    let byte = app.top_byte();
    app.update(Action::Resize(90, 40));
    assert!(app.top_byte() <= byte && app.view.visible(&app.flow).len() > 1);
}

#[test]
fn n_without_a_selection_says_what_to_do() {
    let mut app = app();
    app.update(Action::NextMatch);
    assert!(app
        .notice
        .as_deref()
        .unwrap_or("")
        .contains("select an entity"));
}

#[test]
fn tiny_terminals_get_a_message_and_never_panic() {
    let mut app = app();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (79, 24),
        (80, 23),
        (5, 40),
        (300, 100),
        (80, 24),
    ] {
        app.update(Action::Resize(w, h));
        let buf = common::render(&app);
        if w >= 80 && h >= 24 {
            assert!(common::buffer_text(&buf).contains("Entities"));
        } else if w >= 40 && h >= 1 {
            assert!(common::buffer_text(&buf).contains("terminal too small"));
        }
    }
}

#[test]
fn help_overlay_lists_live_bindings() {
    let mut app = app();
    app.update(Action::ToggleHelp);
    let text = common::screen_text(&app);
    assert!(text.contains("next mention or search hit"), "{text}");
    assert!(text.contains("Ctrl-d"));
}

#[test]
fn reading_cursor_moves_by_sentence_and_paragraph() {
    let mut app = app();
    app.update(Action::NextSentence);
    assert_eq!(app.cursor, Some(0));
    app.update(Action::NextSentence);
    assert_eq!(app.cursor, Some(1));
    app.update(Action::NextParagraph);
    let para = app.doc.paragraph_of(app.cursor.unwrap());
    assert_eq!(app.doc.sentences_of(para).start, app.cursor.unwrap());
    app.update(Action::PrevParagraph);
    app.update(Action::PrevParagraph);
    assert_eq!(app.cursor, Some(0));
    // The cursor's rows carry a margin mark.
    let buf = common::render(&app);
    assert_eq!(buf[(1, 1)].symbol(), "▎");
}

#[test]
fn selections_extend_by_word_and_sentence() {
    let mut app = app();
    // v takes the word at the cursor (the first sentence's first word here).
    app.update(Action::StartSelection);
    assert_eq!(app.doc.slice(app.selection_span().unwrap()), "Paragraph");
    app.update(Action::StartSelection);
    assert_eq!(app.selection_span(), None);
    // Without a selection, word motions move the cursor: v then starts there.
    app.update(Action::WordForward);
    app.update(Action::StartSelection);
    assert_eq!(app.doc.slice(app.selection_span().unwrap()), "0");
    app.update(Action::WordEnd);
    assert_eq!(app.doc.slice(app.selection_span().unwrap()), "0: the");
    app.update(Action::WordBack);
    assert_eq!(app.doc.slice(app.selection_span().unwrap()), "0:");
    app.update(Action::NextSentence);
    let sel = app.selection_span().unwrap();
    assert_eq!(sel.end, app.doc.sentences()[1].span().end);
    app.update(Action::SelectParagraph);
    let p = app.doc.paragraphs()[app.doc.paragraph_of(app.cursor.unwrap())].span();
    assert_eq!(app.selection_span(), Some(p));
    // Selected text is drawn with the selection style.
    let buf = common::render(&app);
    let selected = app.doc.slice(p).split(" is").next().unwrap().to_string();
    let (x, y) = find(&buf, &selected).unwrap();
    assert_eq!(buf[(x, y)].bg, app.theme.selection.bg.unwrap());
    let (x0, y0) = find(&buf, "Paragraph 0").unwrap();
    assert_ne!(buf[(x0, y0)].bg, app.theme.selection.bg.unwrap());
    app.update(Action::ClearSelection);
    assert_eq!(app.selection, None);
}

/// Two dated events by hand: one in a CSTO sentence, one in the Astana sentence.
fn events(doc: &Document) -> Vec<folio::timeline::Event> {
    use folio::date::Date;
    use folio::timeline::{Event, Timex, TimexType};
    let mk = |needle: &str, value: &str, day: Date| {
        let start = doc.text().find(needle).unwrap();
        let span = Span::new(start, start + needle.len());
        let timex = Timex {
            span,
            kind: TimexType::Date,
            value: value.into(),
            resolved: true,
            day: Some(day),
        };
        Event::new(timex, doc.sentence_at(start).unwrap())
    };
    vec![
        mk(
            "Paragraph 9:",
            "2007-04-22",
            Date::new(2007, 4, 22).unwrap(),
        ),
        mk(
            "Paragraph 20",
            "2007-04-23",
            Date::new(2007, 4, 23).unwrap(),
        ),
    ]
}

#[test]
fn timeline_moves_filters_and_opens_passages() {
    let doc = brief();
    let ents = entities(&doc);
    let evs = events(&doc);
    let mut app = App::new(Arc::new(doc), "t".into());
    app.update(Action::Extracted(Box::new((ents, evs).into())));
    app.update(Action::Resize(120, 40));
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Timeline);
    app.update(Action::MoveRight);
    app.update(Action::MoveRight);
    assert_eq!(app.event, Some(1));
    let text = common::screen_text(&app);
    assert!(
        text.contains("Apr 23") && text.contains("2007-04-23 · DATE"),
        "{text}"
    );
    app.update(Action::Activate);
    assert_eq!(app.focus, Focus::Pane);
    assert_eq!(app.cursor, Some(app.events[1].sentence()));
    // Filter to events mentioning the CSTO: only the first remains.
    app.select_entity(0);
    app.update(Action::FocusPrev);
    app.update(Action::ToggleTimelineFilter);
    assert_eq!(app.visible_events().to_vec(), vec![0]);
    assert_eq!(app.event, None);
    app.update(Action::MoveRight);
    assert_eq!(app.event, Some(0));
    // The strip names the entities of the event's sentence.
    let text = common::screen_text(&app);
    assert!(text.contains("[CSTO] Paragraph 9"), "{text}");
    app.update(Action::ToggleTimelineFilter);
    assert_eq!(app.visible_events().len(), 2);
}

#[test]
fn a_second_extraction_keeps_the_selected_entity_and_mention() {
    let doc = brief();
    let ents = entities(&doc);
    let mut app = App::new(Arc::new(doc), "test brief".into());
    // The beginning's extraction: only the first two CSTO mentions are known yet.
    let mut prefix = Entities::default();
    for e in &ents.entities {
        prefix.add(e.clone());
    }
    let mut csto = 0;
    for m in ents.mentions() {
        csto += usize::from(m.entity() == 0);
        if m.entity() != 0 || csto <= 2 {
            prefix.push_mention(m.span(), m.entity());
        }
    }
    app.update(Action::ExtractedPrefix(Box::new(
        (prefix, Vec::new()).into(),
    )));
    app.update(Action::Resize(120, 40));
    assert!(
        app.extracting,
        "the whole file's extraction is still to come"
    );
    app.update(Action::FocusNext);
    app.update(Action::Activate);
    app.update(Action::NextMatch);
    assert_eq!(app.position().as_deref(), Some("mention 2/2"));
    let at = app.entities.mentions()[app.mention.unwrap()].span();
    // The whole file's extraction arrives: same entity, same mention, more of them.
    app.update(Action::Extracted(Box::new((ents, Vec::new()).into())));
    assert!(!app.extracting);
    assert_eq!(app.selected, Some(0));
    assert_eq!(app.entities.mentions()[app.mention.unwrap()].span(), at);
    assert_eq!(app.position().as_deref(), Some("mention 2/5"));
}

/// The events the strip shows found from scratch, as every frame found them
/// before they were kept: each event through the filter.
fn shown_from_scratch(app: &App) -> Vec<usize> {
    (0..app.events.len())
        .filter(|&i| app.event_visible(i))
        .collect()
}

/// The kept list of the events shown is the list found from scratch, and the
/// strip's title counts it.
fn assert_shown_as_from_scratch(app: &App, after: &str) {
    let scratch = shown_from_scratch(app);
    assert_eq!(app.visible_events().to_vec(), scratch, "after {after}");
    let filtered = if app.timeline_filter {
        ", filtered by entity"
    } else {
        ""
    };
    let title = format!(
        "Timeline ({} of {} events{filtered})",
        scratch.len(),
        app.events.len()
    );
    let text = common::screen_text(app);
    assert!(text.contains(&title), "after {after}: {title} in\n{text}");
}

#[test]
fn the_strip_shows_the_events_the_filter_lets_through_as_the_selection_and_extraction_change() {
    // Dated sentences naming Tokayev, Gazprom, both with Astana, or no one.
    let who = ["Tokayev", "Gazprom", "Tokayev in Astana", "the ministry"];
    let text: String = (0..24)
        .map(|i| {
            format!(
                "On March {} 2007 {} spoke about the talks.\n\n",
                i + 1,
                who[i % 4]
            )
        })
        .collect();
    let doc = Arc::new(Document::from_text(&text));
    let events = folio::timeline::build(&doc);
    assert!(events.len() >= 24, "{} events", events.len());
    let names = |order: &[&'static str]| -> Vec<(&'static str, Kind)> {
        order.iter().map(|&n| (n, Kind::Person)).collect()
    };
    // The events of the first `n` sentences' dates.
    let extraction = |order: &[&'static str], n: usize| {
        let ents = common::entities_named(&doc, &names(order));
        let events = events
            .iter()
            .filter(|e| e.sentence() < n)
            .cloned()
            .collect();
        Action::Extracted(Box::new((ents, events).into()))
    };
    let mut app = App::new(doc.clone(), "t".into());
    app.update(Action::Resize(140, 40));
    app.update(extraction(&["Tokayev", "Gazprom", "Astana"], 24));
    assert_shown_as_from_scratch(&app, "the extraction");
    let id = |app: &App, name: &str| {
        app.entities
            .entities
            .iter()
            .position(|e| e.name == name)
            .unwrap()
    };
    app.select_entity(id(&app, "Gazprom"));
    assert_shown_as_from_scratch(&app, "selecting Gazprom");
    app.update(Action::ToggleTimelineFilter);
    assert_eq!(app.visible_events().len(), 6, "one sentence in four");
    assert_shown_as_from_scratch(&app, "the filter");
    // Another entity, from the sidebar, while the filter is on.
    app.update(Action::FocusNext);
    let row = app
        .sidebar
        .rows
        .iter()
        .position(|&e| e == id(&app, "Tokayev"))
        .unwrap();
    app.sidebar.cursor = row;
    app.update(Action::Activate);
    assert_eq!(app.selected, Some(id(&app, "Tokayev")));
    assert_eq!(app.visible_events().len(), 12);
    assert_shown_as_from_scratch(&app, "selecting Tokayev");
    // Stepping goes through the events shown only.
    for _ in 0..3 {
        app.update(Action::NextEvent);
        let e = app.event.expect("an event");
        assert!(shown_from_scratch(&app).contains(&e), "event {e}");
    }
    app.update(Action::PrevEvent);
    assert_shown_as_from_scratch(&app, "stepping");
    // A new extraction, with fewer events: the same entity stays selected.
    app.update(extraction(&["Tokayev", "Gazprom", "Astana"], 12));
    assert_eq!(app.selected, Some(id(&app, "Tokayev")));
    assert_eq!(app.visible_events().len(), 6);
    assert_shown_as_from_scratch(&app, "a new extraction");
    // A correction drops the selected entity: with none selected, all show.
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    app.sidebar.cursor = app
        .sidebar
        .rows
        .iter()
        .position(|&e| e == id(&app, "Tokayev"))
        .unwrap();
    app.update(Action::NotAnEntity);
    assert!(app.entities.entities.iter().all(|e| e.name != "Tokayev"));
    assert_eq!(app.selected, None);
    assert_shown_as_from_scratch(&app, "a correction");
    app.update(Action::ToggleTimelineFilter);
    assert!(matches!(
        app.visible_events(),
        folio::ui::app::Shown::All(_)
    ));
    assert_shown_as_from_scratch(&app, "the filter off");
}

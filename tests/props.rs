//! Property tests over arbitrary Unicode text and arbitrary bytes: parsing never
//! panics and keeps every span exact, display cells never carry a control,
//! wrapping covers each paragraph in order, and the reader renders at any size.

mod common;

use folio::display::cells;
use folio::document::{decode, Document, Span};
use folio::ui::wrap::wrap;
use folio::ui::{Action, App};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;

/// Text built from pieces that stress the parser: words, breaks of every kind,
/// abbreviations, headers, controls, combining marks, wide and bidi characters.
fn brief_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        3 => "[a-zA-Z]{1,8}",
        2 => Just(" ".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("\n\n".to_string()),
        2 => proptest::sample::select(vec![
            "U.S. ", "Gen. ", "No. 5", ". ", "? ", "“Quote.” ", "\r\n", "\r", "\u{2028}",
            "\u{2029}", "\t", "\u{1b}[31m", "\u{1b}]52;c;aGk=\u{7}", "\u{301}", "👨‍👩‍👧", "中",
            "\u{202e}", "Title: x\n", "Date: 2007-04-23\n", "Volume: 99999999999999999999\n",
            "Publication: Eurasia Daily Monitor Volume: 4 Issue: 85\n", "\u{feff}", "\u{85}",
            "\u{0}", "\u{b}", "\u{c}", "\u{a0}", "\u{3000}", "\u{200b}", "\u{fffd}",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

/// Every paragraph and sentence span is on char boundaries, in order, sentences
/// inside their paragraphs, with only whitespace between sentences.
fn check_spans(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text();
    let ok = |s: Span| {
        s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let mut prev_end = 0;
    let mut next_sentence = 0;
    for (i, p) in doc.paragraphs().iter().enumerate() {
        prop_assert!(ok(p.span()), "paragraph {i} {:?} off boundaries", p.span());
        prop_assert!(p.span().start >= prev_end, "paragraphs overlap");
        prop_assert!(!doc.slice(p.span()).trim().is_empty(), "blank paragraph");
        prev_end = p.span().end;
        let range = doc.sentences_of(i);
        prop_assert_eq!(range.start, next_sentence, "sentence ranges leave a gap");
        next_sentence = range.end;
        let mut at = p.span().start;
        for (k, s) in range.clone().zip(&doc.sentences()[range]) {
            prop_assert!(ok(s.span()), "sentence {:?} off boundaries", s.span());
            prop_assert_eq!(doc.paragraph_of(k), i);
            prop_assert!(
                s.span().start >= at && s.span().end <= p.span().end,
                "sentence outside paragraph or out of order"
            );
            prop_assert!(
                text[at..s.span().start].chars().all(char::is_whitespace),
                "text between sentences is lost: {:?}",
                &text[at..s.span().start]
            );
            at = s.span().end;
        }
        prop_assert!(
            text[at..p.span().end].chars().all(char::is_whitespace),
            "paragraph tail not in a sentence"
        );
    }
    prop_assert_eq!(next_sentence, doc.sentences().len());
    for (b, _) in text.char_indices().step_by(7) {
        let c = doc.char_offset(b);
        prop_assert_eq!(doc.byte_offset(c), Some(b));
    }
    prop_assert_eq!(doc.char_offset(text.len()), text.chars().count());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Narrowing the hits as a query grows letter by letter finds exactly what
    /// a new search of the text would, whenever it answers at all.
    #[test]
    fn refining_a_growing_query_equals_searching_again(
        text in "[abAB \n\u{212a}k]{0,80}",
        typed in "[abk]{1,4}",
        more in "[abk ]{1,4}",
    ) {
        let (Some(prev), Some(next)) = (
            folio::library::Query::parse(&typed),
            folio::library::Query::parse(&format!("{typed}{more}")),
        ) else {
            return Ok(());
        };
        let all = Span::new(0, text.len());
        let max = folio::library::search::MAX_HITS;
        let prev_hits = prev.find_in(&text, all, max);
        if let Some(refined) = next.refine(&prev, &prev_hits, &text, all, max) {
            prop_assert_eq!(refined, next.find_in(&text, all, max));
        }
    }

    #[test]
    fn parsing_any_text_keeps_spans_exact(s in brief_text()) {
        check_spans(&Document::from_text(&s))?;
    }

    #[test]
    fn parsing_arbitrary_unicode_keeps_spans_exact(s in any::<String>()) {
        check_spans(&Document::from_text(&s))?;
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(decoded) = decode(&bytes) {
            let repairs = decoded.repairs.clone();
            let probe = decoded.clone();
            let doc = Document::parse(decoded);
            check_spans(&doc)?;
            // Repaired text maps back into the file, in order.
            let mut last = 0;
            for (b, _) in doc.text().char_indices() {
                let f = probe.file_offset(b);
                prop_assert!(f >= last && f <= bytes.len());
                last = f;
            }
            for r in repairs {
                prop_assert!(r.file + r.len <= bytes.len());
            }
        }
    }

    #[test]
    fn display_cells_never_carry_a_control(s in brief_text()) {
        let mut at = 0;
        for c in cells(&s, 0, s.len()) {
            prop_assert_eq!(c.byte, at, "cells skip or repeat text");
            at = c.byte + c.len;
            prop_assert!(!c.text.chars().any(common::is_dangerous), "{:?} shown as {:?}", &s[c.byte..at], c.text);
        }
        prop_assert_eq!(at, s.len());
    }

    #[test]
    fn wrapping_covers_each_paragraph_in_order(s in brief_text(), width in 0usize..120) {
        let doc = Document::from_text(&s);
        let text = doc.text();
        for p in doc.paragraphs() {
            let lines = wrap(text, p.span(), width);
            prop_assert!(!lines.is_empty());
            let mut at = p.span().start;
            for l in &lines {
                prop_assert!(text.is_char_boundary(l.start) && text.is_char_boundary(l.end));
                prop_assert!(l.start >= at && l.end <= p.span().end && l.start <= l.end, "line {:?} out of order in {:?}", l, p.span());
                let gap = &text[at..l.start];
                prop_assert!(gap.chars().all(char::is_whitespace), "text dropped between lines: {:?}", gap);
                at = l.end;
            }
            prop_assert!(text[at..p.span().end].chars().all(char::is_whitespace), "paragraph end not covered");
        }
    }
}

fn action() -> impl Strategy<Value = Action> {
    let keys = vec![
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::PageUp,
        Action::GoBottom,
        Action::GoTop,
        Action::FocusNext,
        Action::Activate,
        Action::NextMatch,
        Action::PrevEvent,
        Action::ToggleTimelineFilter,
        Action::NextSentence,
        Action::PrevParagraph,
        Action::StartSelection,
        Action::SelectParagraph,
        Action::WordForward,
        Action::WordEnd,
        Action::WordBack,
        Action::StartSearch,
        Action::InputSubmit,
        Action::InputCancel,
        Action::ToggleHelp,
        Action::ClearSelection,
    ];
    prop_oneof![
        4 => proptest::sample::select(keys),
        1 => any::<char>().prop_map(Action::Input),
        1 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn rendering_at_any_size_never_panics(
        s in brief_text(),
        (w, h) in (0u16..=300, 0u16..=100),
        actions in prop::collection::vec(action(), 0..12),
    ) {
        let mut app = App::with_extraction(Arc::new(Document::from_text(&s)), "prop".into());
        app.update(Action::Resize(w, h));
        for a in actions {
            app.update(a);
            let (w, h) = (app.screen.width, app.screen.height);
            let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            term.draw(|f| f.render_widget(&app, f.area())).expect("draw");
            let buf = term.backend().buffer();
            for cell in buf.content() {
                prop_assert!(!cell.symbol().chars().any(common::is_dangerous), "control drawn: {:?}", cell.symbol());
            }
        }
    }
}

//! Annotations in memory: anchoring under edits of the brief (inserted text,
//! edits inside the quote, reordered paragraphs, deleted and duplicated
//! passages, look-alikes), set operations, and speed on a megabyte brief.

mod common;

use common::{brief, span_of, P1, P2, P3};
use folio::annotations::{AnnotationSet, ChangeError, Resolution};
use folio::document::{Document, Span};

/// Annotates `quote` in the original brief, then anchors it in `edited`.
fn reanchor(quote: &str, edited: &Document) -> (Resolution, String) {
    let doc = brief(&[P1, P2, P3]);
    let mut set = AnnotationSet::new(&doc);
    let id = set.add(&doc, span_of(&doc, quote), "note").unwrap();
    let annotations = set.entries().iter().map(|e| e.annotation.clone()).collect();
    let again = AnnotationSet::with(edited, annotations, Vec::new());
    let e = again.get(&id).unwrap();
    let text = e
        .span()
        .map_or(String::new(), |s| edited.slice(s).to_owned());
    (e.resolution, text)
}

#[test]
fn unchanged_brief_anchors_in_place() {
    let doc = brief(&[P1, P2, P3]);
    let (r, text) = reanchor("a new naval base near Aktau", &doc);
    assert_eq!(
        r,
        Resolution::Anchored(span_of(&doc, "a new naval base near Aktau"))
    );
    assert_eq!(text, "a new naval base near Aktau");
}

#[test]
fn text_inserted_before_moves_the_anchor() {
    let edited = brief(&[
        "Breaking: a late update was added at the top of the brief.",
        P1,
        P2,
        P3,
    ]);
    let (r, text) = reanchor("a new naval base near Aktau", &edited);
    assert!(matches!(r, Resolution::Anchored(_)), "{r:?}");
    assert_eq!(text, "a new naval base near Aktau");
}

#[test]
fn an_edit_inside_the_quote_reanchors_approximately() {
    let p2 = P2.replace(
        "a new naval base near Aktau",
        "a new naval station near the port of Aktau",
    );
    let edited = brief(&[P1, &p2, P3]);
    let (r, text) = reanchor(
        "Kazakhstan's defense minister announced a new naval base near Aktau.",
        &edited,
    );
    assert!(
        matches!(r, Resolution::Reanchored(_, s) if s >= 0.7),
        "{r:?}"
    );
    assert_eq!(
        text,
        "Kazakhstan's defense minister announced a new naval station near the port of Aktau."
    );
}

#[test]
fn reordered_paragraphs_keep_their_notes() {
    let edited = brief(&[P3, P1, P2]);
    for quote in [
        "Analysts in Astana said the decision reflects concern over energy infrastructure.",
        "Delegates from Russia, Kazakhstan, Azerbaijan, Turkmenistan and Iran attended.",
        "patrol boats",
    ] {
        let (r, text) = reanchor(quote, &edited);
        assert!(r.span().is_some(), "{quote}: {r:?}");
        assert_eq!(text, quote);
    }
}

#[test]
fn a_deleted_passage_orphans_its_note() {
    let edited = brief(&[P1, P3]);
    let (r, _) = reanchor(
        "The base will host patrol boats bought from a Russian shipyard",
        &edited,
    );
    assert_eq!(r, Resolution::Orphaned);
}

#[test]
fn a_look_alike_passage_is_not_taken() {
    // The annotated sentence is gone; a similar one about another place remains.
    let look_alike = "Turkmenistan's defense minister announced a new air base near Turkmenbashi.";
    let p2 = P2.replace(
        "Kazakhstan's defense minister announced a new naval base near Aktau.",
        "Officials later declined to comment on procurement.",
    );
    let edited = brief(&[P1, &p2, P3, look_alike]);
    let (r, text) = reanchor(
        "Kazakhstan's defense minister announced a new naval base near Aktau.",
        &edited,
    );
    assert_eq!(r, Resolution::Orphaned, "attached to {text:?}");
    // A short common phrase seen elsewhere in another context is not taken either.
    let edited = brief(&[P1, P3, "Oil is shipped from Aktau every week."]);
    let (r, text) = reanchor("near Aktau", &edited);
    assert_eq!(r, Resolution::Orphaned, "attached to {text:?}");
}

#[test]
fn a_short_quote_at_its_old_place_in_rewritten_text_is_not_kept_there() {
    let doc = brief(&[P1, P2, P3]);
    let mut set = AnnotationSet::new(&doc);
    let at = span_of(&doc, "Tehran");
    set.add(&doc, at, "venue").unwrap();
    // Same length of text before, so "Tehran" sits at the old offset again, but in
    // a sentence about something else.
    let mut text = doc.text().to_owned();
    text.replace_range(
        at.start - 20..at.end + 20,
        "xxxxxxxxxxxxxxxxxxxxTehranyyyyyyyyyyyyyyyyyyyy",
    );
    let edited = Document::from_text(&text);
    let again = AnnotationSet::with(
        &edited,
        set.entries().iter().map(|e| e.annotation.clone()).collect(),
        vec![],
    );
    assert_eq!(again.entries()[0].resolution, Resolution::Orphaned);
}

#[test]
fn a_duplicated_passage_keeps_the_copy_with_the_right_context() {
    let quote = "Pipeline routes across the seabed remain the most contested question.";
    // A copy of the sentence, nearer the old position, in another context; text before
    // everything so the stored position no longer holds.
    let p1 = format!("{P1} {quote}");
    let edited = brief(&["An editor's note opens this edition.", &p1, P2, P3]);
    let (r, _) = reanchor(quote, &edited);
    let want = edited.text().rfind(quote).unwrap();
    assert_eq!(r.span().map(|s| s.start), Some(want), "{r:?}");
}

#[test]
fn every_span_is_its_slice_with_multibyte_text() {
    let text = "Қазақстан — 🇰🇿 the Caspian’s shelf.\n\nАстана said «yes» — twice.";
    let doc = Document::from_text(text);
    let mut set = AnnotationSet::new(&doc);
    set.add(&doc, span_of(&doc, "🇰🇿 the Caspian’s"), "#flag")
        .unwrap();
    set.add(&doc, span_of(&doc, "«yes»"), "quote").unwrap();
    let edited = Document::from_text(&format!("Ünïcode header line.\n\n{text}"));
    let moved = AnnotationSet::with(
        &edited,
        set.entries().iter().map(|e| e.annotation.clone()).collect(),
        vec![],
    );
    for e in moved.entries() {
        let span = e.span().unwrap();
        assert_eq!(edited.slice(span), e.annotation.target.quote.exact);
        let p = e.annotation.target.position;
        assert_eq!(edited.byte_offset(p.start), Some(span.start));
        assert_eq!(edited.byte_offset(p.end), Some(span.end));
    }
}

#[test]
fn set_changes_tags_undo_and_navigation() {
    let doc = brief(&[P1, P2, P3]);
    let mut set = AnnotationSet::new(&doc);
    let b = set
        .add(&doc, span_of(&doc, "naval base"), "Base #Navy #aktau")
        .unwrap();
    let a = set
        .add(&doc, span_of(&doc, "Tehran"), "Venue #diplomacy #navy")
        .unwrap();
    assert_eq!(set.entries()[0].annotation.id, a, "text order");
    assert_eq!(set.tags()[0].0.to_lowercase(), "navy");
    assert_eq!(set.tags()[0].1, 2);
    assert_eq!(set.complete_tag("d"), ["diplomacy"]);
    assert_eq!(set.tag_names().len(), 3);
    assert_eq!(set.with_tag("NAVY").count(), 2);
    let base = span_of(&doc, "naval base").start;
    assert_eq!(set.next_after(0).unwrap().annotation.id, a);
    assert_eq!(set.next_after(base).unwrap().annotation.id, a, "wraps");
    assert_eq!(set.prev_before(base).unwrap().annotation.id, a);
    assert_eq!(set.at(base + 2).next().unwrap().annotation.id, b);
    set.edit(&b, "Base, now #energy").unwrap();
    assert_eq!(set.get(&b).unwrap().annotation.tags, ["energy"]);
    set.delete(&b).unwrap();
    assert!(set.get(&b).is_none());
    assert_eq!(set.undo_delete().unwrap(), b);
    assert!(set.get(&b).is_some());
    assert_eq!(set.undo_delete(), Err(ChangeError::NothingToUndo));
    assert_eq!(
        set.add(&doc, Span::new(3, 3), "x"),
        Err(ChangeError::BadSpan)
    );
    assert_eq!(
        set.add(&doc, Span::new(3, 10_000), "x"),
        Err(ChangeError::BadSpan)
    );
    assert_eq!(set.edit("nope", "x"), Err(ChangeError::NoSuchAnnotation));
}

#[test]
fn confirming_a_reanchored_note_updates_its_selectors() {
    let doc = brief(&[P1, P2, P3]);
    let mut set = AnnotationSet::new(&doc);
    let id = set
        .add(&doc, span_of(&doc, "over the next two years"), "")
        .unwrap();
    let p2 = P2.replace("over the next two years", "over the next three years");
    let edited = brief(&[P1, &p2, P3]);
    let mut again = AnnotationSet::with(
        &edited,
        set.entries().iter().map(|e| e.annotation.clone()).collect(),
        vec![],
    );
    assert_eq!(again.needs_review().count(), 1);
    again.confirm(&edited, &id).unwrap();
    assert_eq!(again.needs_review().count(), 0);
    assert_eq!(
        again.get(&id).unwrap().annotation.target.quote.exact,
        "over the next three years"
    );
    assert!(again.is_dirty());
}

/// A megabyte of varied prose: paragraphs of sentences picked by a counter-driven generator.
fn megabyte_brief() -> String {
    let subjects = [
        "The ministry",
        "A spokesman",
        "Officials in Astana",
        "The committee",
        "Analysts",
        "The navy",
    ];
    let verbs = [
        "announced",
        "denied",
        "reviewed",
        "questioned",
        "approved",
        "postponed",
    ];
    let objects = [
        "a pipeline plan",
        "the naval exercise",
        "new tariffs",
        "the border survey",
        "a grain deal",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut text = String::from("Title: Long brief\n\n");
    let mut i = 0;
    while text.len() < 1_000_000 {
        for _ in 0..4 {
            text.push_str(&format!(
                "{} {} {} on day {} of session {}. ",
                subjects[next(subjects.len())],
                verbs[next(verbs.len())],
                objects[next(objects.len())],
                next(365),
                i
            ));
            i += 1;
        }
        text.push_str("\n\n");
    }
    text
}

#[test]
fn anchoring_a_megabyte_brief_after_edits() {
    let text = megabyte_brief();
    let doc = Document::from_text(&text);
    let mut set = AnnotationSet::new(&doc);
    let sentences: Vec<Span> = doc.sentences().iter().map(|s| s.span()).collect();
    for k in 0..100 {
        let span = sentences[(k * 97 + 13) % sentences.len()];
        set.add(&doc, span, &format!("note {k}")).unwrap();
    }
    let annotations: Vec<_> = set.entries().iter().map(|e| e.annotation.clone()).collect();
    // Insert text at the top and rewrite a word inside every fifth quote.
    let mut edited = format!(
        "Title: Long brief\n\nA new opening paragraph.\n\n{}",
        &text["Title: Long brief\n\n".len()..]
    );
    for a in annotations.iter().step_by(5) {
        let changed = a.target.quote.exact.replacen(" on day ", " on the day ", 1);
        edited = edited.replacen(&a.target.quote.exact, &changed, 1);
    }
    let edited = Document::from_text(&edited);
    let started = std::time::Instant::now();
    let set = AnnotationSet::with(&edited, annotations, Vec::new());
    let elapsed = started.elapsed();
    eprintln!(
        "anchored {} annotations in a {} byte brief in {elapsed:?}",
        set.len(),
        edited.text().len()
    );
    assert_eq!(set.orphans().count(), 0);
    assert_eq!(set.needs_review().count(), 20);
    for e in set.entries() {
        let span = e.span().unwrap();
        assert!(edited.slice(span).ends_with(&format!(
            "session {}.",
            e.annotation
                .target
                .quote
                .exact
                .rsplit(' ')
                .next()
                .unwrap()
                .trim_end_matches('.')
        )));
    }
}

#[test]
fn random_edits_never_break_spans_or_misreport_an_exact_anchor() {
    let base = format!("Title: Қазақстан 🇰🇿\n\n{P1}\n\n{P2} — «Ақтау»\n\n{P3}");
    let doc = Document::from_text(&base);
    let mut set = AnnotationSet::new(&doc);
    let cuts: Vec<usize> = base
        .char_indices()
        .map(|(i, _)| i)
        .chain([base.len()])
        .collect();
    for k in 0..25 {
        let a = cuts[(k * 37 + 5) % (cuts.len() - 12)];
        let b = cuts[(k * 37 + 5) % (cuts.len() - 12) + 1 + k % 11];
        set.add(&doc, Span::new(a, b), "n").unwrap();
    }
    let annotations: Vec<_> = set.entries().iter().map(|e| e.annotation.clone()).collect();
    let pieces = ["", "x", "—", "🇰🇿", "Aktau", "\n\n", "the ", "Қ"];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _round in 0..60 {
        let mut text: Vec<char> = base.chars().collect();
        for _ in 0..6 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = (state % (text.len() as u64 + 1)) as usize;
            let del = ((state >> 20) % 8) as usize;
            let end = (at + del).min(text.len());
            let insert: Vec<char> = pieces[((state >> 40) % pieces.len() as u64) as usize]
                .chars()
                .collect();
            text.splice(at..end, insert);
        }
        let edited = Document::from_text(&text.iter().collect::<String>());
        let set = AnnotationSet::with(&edited, annotations.clone(), Vec::new());
        assert_eq!(set.len(), annotations.len(), "nothing is dropped");
        for e in set.entries() {
            let Some(span) = e.span() else { continue };
            let slice = edited
                .text()
                .get(span.start..span.end)
                .expect("span on char boundaries");
            assert!(!slice.is_empty());
            if let Resolution::Anchored(_) = e.resolution {
                let original = annotations
                    .iter()
                    .find(|a| a.id == e.annotation.id)
                    .unwrap();
                assert_eq!(slice, original.target.quote.exact);
            }
        }
    }
}

#[test]
fn selectors_with_enormous_context_or_positions_do_not_hang_or_panic() {
    let doc = brief(&[P1, P2, P3]);
    let mut set = AnnotationSet::new(&doc);
    set.add(&doc, span_of(&doc, "naval base"), "n").unwrap();
    let mut a = set.entries()[0].annotation.clone();
    // Another tool's selectors: all the text before and after, behind a huge run of junk.
    let at = span_of(&doc, "naval base");
    a.target.quote.prefix = "x".repeat(200_000) + &doc.text()[..at.start];
    a.target.quote.suffix = doc.text()[at.end..].to_owned() + &"y".repeat(200_000);
    a.target.position.start = usize::MAX - 1;
    a.target.position.end = usize::MAX;
    let again = AnnotationSet::with(&doc, vec![a], vec![]);
    assert_eq!(again.entries()[0].span(), Some(span_of(&doc, "naval base")));
}

#[test]
fn an_edited_sentence_keeps_its_note_among_look_alike_sentences() {
    // Thirty paragraphs that differ only by their number; a note on the fifth's
    // opening words, which then change a little. A neighbour's identical wording
    // is one character closer to the old quote, but the note must stay put.
    let para = |i: usize, verb: &str| {
        format!("Paragraph {i} {verb} here. The delegates from Astana argued for hours. Nothing was settled.")
    };
    let text = |edited: bool| {
        (0..30)
            .map(|i| para(i, if edited && i == 5 { "opened" } else { "opens" }))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let before = Document::from_text(&text(false));
    let mut set = AnnotationSet::new(&before);
    let start = before.text().find("Paragraph 5 opens").unwrap();
    let quote = "Paragraph 5 opens here. The";
    set.add(&before, Span::new(start, start + quote.len()), "the fifth")
        .unwrap();
    let after = Document::from_text(&text(true));
    let moved = AnnotationSet::with(
        &after,
        set.entries().iter().map(|e| e.annotation.clone()).collect(),
        Vec::new(),
    );
    let e = &moved.entries()[0];
    assert!(e.needs_review(), "changed words: flagged until confirmed");
    assert!(
        after
            .slice(e.span().unwrap())
            .starts_with("Paragraph 5 opened here."),
        "{:?}",
        after.slice(e.span().unwrap())
    );
}

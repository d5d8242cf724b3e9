//! The bundled sample briefs stay in the shape folio reads: a header with an ISO date,
//! a readable length, one paragraph per line, typographic quotes.

use folio::document::Document;
use std::path::Path;

fn briefs() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/briefs");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("assets/briefs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("UTF-8 brief"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_sample_has_a_dated_header_and_a_readable_body() {
    let all = briefs();
    assert!(all.len() >= 4, "expected at least four sample briefs");
    for (name, text) in &all {
        let doc = Document::from_text(text);
        assert!(doc.header_value("Title").is_some(), "{name}: Title header");
        assert!(
            doc.header_value("Author").is_some(),
            "{name}: Author header"
        );
        assert!(
            doc.published().date.is_some(),
            "{name}: Date header resolves"
        );
        let words = doc
            .paragraphs()
            .iter()
            .map(|p| doc.slice(p.span()).split_whitespace().count())
            .sum::<usize>();
        assert!((600..=1000).contains(&words), "{name}: {words} words");
        let lines = text
            .lines()
            .skip_while(|l| !l.is_empty())
            .filter(|l| !l.is_empty());
        assert_eq!(
            lines.count(),
            doc.paragraphs().len(),
            "{name}: one paragraph per line"
        );
        assert!(!text.contains('"'), "{name}: straight double quote");
    }
}

#[test]
fn the_default_sample_is_the_bundled_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/briefs")
        .join(folio::ui::SAMPLE_NAME);
    let on_disk = std::fs::read_to_string(path).expect("default sample on disk");
    assert_eq!(on_disk, folio::ui::SAMPLE);
}

#[test]
fn the_sample_folder_holds_only_briefs() {
    // `folio assets/briefs/` opens a library: a note kept there would be listed as a brief.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/briefs");
    let others: Vec<_> = std::fs::read_dir(&dir)
        .expect("assets/briefs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_none_or(|x| x != "txt"))
        .collect();
    assert!(others.is_empty(), "not briefs: {others:?}");
}

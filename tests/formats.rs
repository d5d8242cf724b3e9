//! Each input format read through `formats::read`/`formats::load`: the expected
//! text, header, publication dates, stable offsets, and an HTML page whose
//! navigation and footer are dropped.

mod common;

use folio::date::Date;
use folio::formats::{self, Format};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn spans_match(doc: &folio::document::Document) {
    for s in doc.sentences() {
        assert_eq!(
            doc.slice(s.span()),
            &doc.text()[s.span().start..s.span().end]
        );
    }
}

#[test]
fn markdown_becomes_the_expected_text() {
    let path = fixture("article.md");
    assert_eq!(formats::detect_file(&path), Format::Markdown);
    let doc = formats::read(&path).unwrap();
    let expected = std::fs::read_to_string(fixture("article.expected.txt")).unwrap();
    assert_eq!(doc.text(), expected.trim_end());
    assert_eq!(doc.header_value("Title"), Some("Caspian summit notes"));
    assert!(
        !doc.text().contains("example.org"),
        "link targets are dropped"
    );
    spans_match(&doc);
}

#[test]
fn html_keeps_the_article_and_drops_navigation() {
    let path = fixture("saved-page.html");
    let doc = formats::read(&path).unwrap();
    let text = doc.text();
    for kept in [
        "Defense Minister Daniyal Akhmetov received a delegation",
        "Nikolai Bordyuzha, the organization's secretary-general",
        "Officials in Almaty Region said",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in {text}");
    }
    for dropped in [
        "Subscribe now",
        "Celebrity gossip",
        "Privacy policy",
        "All rights reserved",
    ] {
        assert!(
            !text.contains(dropped),
            "kept boilerplate {dropped:?} in {text}"
        );
    }
    assert_eq!(doc.published().date, Date::parse("2007-04-24"));
    assert!(doc.paragraphs().len() >= 3);
    spans_match(&doc);
}

#[test]
fn the_extracted_text_is_stable() {
    for name in ["article.md", "saved-page.html", "feed.rss", "feed.atom"] {
        let a = formats::read(&fixture(name)).unwrap();
        let b = formats::read(&fixture(name)).unwrap();
        assert_eq!(a.text(), b.text(), "{name}");
    }
}

#[test]
fn rss_items_are_briefs_with_their_dates() {
    let path = fixture("feed.rss");
    assert_eq!(formats::detect_file(&path), Format::Feed);
    let briefs = formats::load(&path).unwrap();
    assert_eq!(briefs.len(), 2);
    assert_eq!(briefs[0].title.as_deref(), Some("CSTO exercises announced"));
    assert_eq!(briefs[0].doc.published().date, Date::parse("2007-04-23"));
    assert_eq!(briefs[1].doc.published().date, Date::parse("2007-04-24"));
    assert!(briefs[0]
        .doc
        .text()
        .ends_with("The Collective Security Treaty Organization will hold exercises in Kazakhstan.\n\nNikolai Bordyuzha & his staff visited Astana."));
    assert!(briefs[1]
        .doc
        .text()
        .contains("Ministers met in Baku to discuss"));
    for b in &briefs {
        spans_match(&b.doc);
    }
}

#[test]
fn a_feed_read_as_one_document_has_a_heading_per_item() {
    let doc = formats::read(&fixture("feed.rss")).unwrap();
    assert_eq!(doc.header_value("Title"), Some("Central Asia Monitor"));
    assert_eq!(doc.published().date, Date::parse("2007-04-24"));
    assert!(doc
        .text()
        .contains("CSTO exercises announced — 2007-04-23\n\n"));
    assert!(doc
        .text()
        .contains("Pipeline talks in Baku — 2007-04-24\n\n"));
}

#[test]
fn atom_entries_use_their_published_date() {
    let briefs = formats::load(&fixture("feed.atom")).unwrap();
    assert_eq!(briefs.len(), 1);
    assert_eq!(briefs[0].doc.published().date, Date::parse("2007-04-25"));
    assert!(briefs[0]
        .doc
        .text()
        .ends_with("President Nursultan Nazarbayev met Marat Tazhin in Astana."));
}

#[test]
fn plain_text_and_bad_paths_behave_as_before() {
    let dir = common::TempDir::new("formats");
    let txt = dir.join("a.txt");
    std::fs::write(&txt, "Astana.\n\n<b>not html</b>").unwrap();
    assert_eq!(
        formats::read(&txt).unwrap().text(),
        "Astana.\n\n<b>not html</b>"
    );
    assert!(formats::read(&dir).is_err());
    assert!(formats::read(&dir.join("missing.md")).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `html-deep-nesting` and `markdown-deep-nesting` parse without overflowing the
/// stack, and what they hold comes out as text (or a clear error, never a panic).
#[test]
#[cfg_attr(
    any(not(folio_shared), not(folio_python)),
    ignore = "needs ../shared (or FOLIO_SHARED) and python3 for the hostile corpus"
)]
fn hostile_deep_nesting_cases_open() {
    let Some(corpus) = common::hostile_corpus("formats-nesting") else {
        return;
    };
    let nesting: Vec<_> = corpus
        .cases
        .iter()
        .filter(|c| c.name.ends_with("deep-nesting"))
        .collect();
    assert_eq!(nesting.len(), 2, "both nesting cases are in the corpus");
    for case in nesting {
        match formats::read(&case.path) {
            Ok(doc) => {
                // Both bury a sentence of the brief under the nesting: it comes out whole.
                let words = ["Nazarbayev", "Astana", "Putin", "Bishkek"];
                assert!(
                    words.iter().any(|w| doc.text().contains(w)),
                    "{}: the nested prose is in the text: {:?}",
                    case.name,
                    &doc.text()[..doc.text().len().min(200)]
                );
            }
            Err(e) => assert_eq!(case.expect, "either", "{}: {e}", case.name),
        }
    }
}

//! The annotation store loader and W3C import over any bytes: never a panic;
//! whatever loads is anchored in the brief with spans on its text, and exports
//! again as Markdown, JSON and W3C.
#![no_main]

use folio::annotations::store::{StoreFile, SCHEMA_VERSION};
use folio::annotations::{export, w3c, AnnotationSet};
use folio::document::Document;
use folio::store::{parse_json, Loaded};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn brief() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        Document::from_text(
            "Title: Caspian week\n\nThe Caspian states met in Tehran. \
             Kazakhstan’s minister spoke of a base near Aktau — Қазақстан 🇰🇿.\n\n\
             Analysts in Astana said the decision reflects concern over energy.",
        )
    })
}

fn check(doc: &Document, set: &AnnotationSet) {
    for (span, _) in set.marks() {
        let _ = doc.slice(span);
        assert!(span.end <= doc.text().len());
    }
    let _ = export::markdown(doc, set);
    let _ = w3c::export(doc, set);
}

fuzz_target!(|bytes: &[u8]| {
    let doc = brief();
    if let Loaded::Ok(f) = parse_json::<StoreFile>(bytes, SCHEMA_VERSION) {
        let set = AnnotationSet::with(doc, f.annotations, f.deleted);
        check(doc, &set);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(imported) = w3c::import(text) {
            let mut set = AnnotationSet::new(doc);
            set.merge(doc, imported.annotations, Vec::new());
            check(doc, &set);
        }
    }
});

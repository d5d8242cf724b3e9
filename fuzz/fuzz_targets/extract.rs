//! Entity and timeline extraction over any decodable bytes: never a panic, and
//! every mention and date expression is an exact slice of the text.
#![no_main]

use folio::document::{decode, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else {
        return;
    };
    let doc = Document::parse(decoded);
    let entities = folio::entities::extract(&doc);
    for m in &entities.mentions {
        let _ = doc.slice(m.span);
        assert!(m.entity < entities.entities.len());
    }
    for e in &entities.entities {
        for &m in &e.mentions {
            assert!(m < entities.mentions.len());
        }
    }
    for t in folio::timeline::extract(&doc) {
        let _ = doc.slice(t.span);
    }
    for e in folio::timeline::build(&doc, &entities) {
        let _ = doc.slice(e.timex.span);
        assert!(e.sentence < doc.sentences().len().max(1));
    }
});

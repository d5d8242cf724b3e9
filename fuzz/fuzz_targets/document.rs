//! Bytes → decode → parse: never a panic, and every span is an exact slice.
#![no_main]

use folio::document::{decode, Document};
use folio::ui::wrap::wrap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes) else {
        return;
    };
    let probe = decoded.clone();
    let doc = Document::parse(decoded);
    let text = doc.text();
    let mut last_end = 0;
    for (i, p) in doc.paragraphs().iter().enumerate() {
        assert!(p.span.start >= last_end && p.span.end <= text.len());
        last_end = p.span.end;
        let _ = doc.slice(p.span);
        for s in &doc.sentences()[doc.sentences_of(i)] {
            assert_eq!(s.paragraph, i);
            assert!(p.span.start <= s.span.start && s.span.end <= p.span.end);
            let _ = doc.slice(s.span);
        }
        let width = usize::from(bytes.first().copied().unwrap_or(80)) % 160;
        for line in wrap(text, p.span, width) {
            let _ = line.slice(text);
        }
    }
    for (b, _) in text.char_indices().step_by(13) {
        assert_eq!(doc.byte_offset(doc.char_offset(b)), Some(b));
        assert!(probe.file_offset(b) <= bytes.len());
    }
    for c in folio::display::cells(text, 0, text.len()) {
        assert!(!c.text.chars().any(char::is_control), "{:?}", c.text);
    }
    let _ = doc.title(60);
    let _ = doc.published();
});

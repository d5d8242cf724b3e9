//! Incremental search over the brief's body: case-insensitive, several words
//! as a phrase, every hit as a byte span.

use crate::document::{Document, Span};
use crate::library::Query;

/// At most this many hits are kept, so a one-letter query on a huge file stays cheap.
pub const MAX_HITS: usize = 100_000;

/// Non-overlapping hits of `query` in the body of `doc`, in text order: the
/// library's phrase search (case-insensitive, any whitespace between words).
pub fn find_all(doc: &Document, query: &str) -> Vec<Span> {
    let (Some(first), Some(last)) = (doc.paragraphs().first(), doc.paragraphs().last()) else {
        return Vec::new();
    };
    let Some(q) = Query::parse(query) else {
        return Vec::new();
    };
    q.find_in(
        doc.text(),
        Span::new(first.span.start, last.span.end),
        MAX_HITS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hits_ignoring_case() {
        let d = Document::from_text("The CSTO and the csto.\n\nҚазақстан and ҚАЗАҚСТАН.");
        let hits: Vec<&str> = find_all(&d, "csto").iter().map(|s| d.slice(*s)).collect();
        assert_eq!(hits, ["CSTO", "csto"]);
        let hits: Vec<&str> = find_all(&d, "қазақстан")
            .iter()
            .map(|s| d.slice(*s))
            .collect();
        assert_eq!(hits, ["Қазақстан", "ҚАЗАҚСТАН"]);
        assert!(find_all(&d, "").is_empty());
    }
}

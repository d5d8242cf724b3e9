//! Incremental search over the brief's body: case-insensitive, several words
//! as a phrase, every hit as a byte span.

use crate::document::{Document, Span};
use crate::library::Query;

/// At most this many hits are kept, so a one-letter query on a huge file stays cheap.
pub const MAX_HITS: usize = 100_000;

/// Non-overlapping hits of `query` in the body of `doc`, in text order: the
/// library's phrase search (case-insensitive, any whitespace between words).
pub fn find_all(doc: &Document, query: &str) -> Vec<Span> {
    let (Some(body), Some(q)) = (body(doc), Query::parse(query)) else {
        return Vec::new();
    };
    q.find_in(doc.text(), body, MAX_HITS)
}

/// From the first paragraph's start to the last one's end: what is searched.
fn body(doc: &Document) -> Option<Span> {
    let (first, last) = (doc.paragraphs().first()?, doc.paragraphs().last()?);
    Some(Span::new(first.span.start, last.span.end))
}

/// [`find_all`] for `query` typed on from `prev`, whose hits in this same
/// document are `prev_hits`: only where `prev` matched is looked at when that
/// finds every hit (see [`Query::refine`]), so typing a search in a big file
/// does not read all of it again for every letter.
pub fn find_all_from(doc: &Document, query: &str, prev: &str, prev_hits: &[Span]) -> Vec<Span> {
    let refined = match (body(doc), Query::parse(query), Query::parse(prev)) {
        (Some(body), Some(q), Some(p)) => q.refine(&p, prev_hits, doc.text(), body, MAX_HITS),
        _ => None,
    };
    refined.unwrap_or_else(|| find_all(doc, query))
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

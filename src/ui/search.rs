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
    Some(Span::new(first.span().start, last.span().end))
}

/// [`find_all`] for `query` typed on from `prev`, whose hits in this same
/// document are `prev_hits` (all of them): found by looking only where `prev`
/// matched, when that finds every hit (see [`Query::refine`]), so typing a
/// search in a big file does not read all of it again for every letter;
/// `None` when the text must be searched again.
pub fn refine(doc: &Document, query: &str, prev: &str, prev_hits: &[Span]) -> Option<Vec<Span>> {
    match (body(doc), Query::parse(query), Query::parse(prev)) {
        (Some(body), Some(q), Some(p)) => q.refine(&p, prev_hits, doc.text(), body, MAX_HITS),
        _ => None,
    }
}

/// Bytes of text one [`Scan::step`] searches: about a millisecond, so a key
/// pressed during a search of a big file waits no longer than that.
pub const STEP: usize = 1 << 20;

/// A step also ends after one hit per this many bytes of its length: a
/// one-letter search finds a hit every few bytes, and collecting a megabyte's
/// worth took 4 ms.
const BYTES_PER_HIT: usize = 256;

/// [`find_all`] done a step at a time, for a big file: the reader runs a step
/// whenever no key is waiting, and the hits of the steps so far are the first
/// hits of [`find_all`], in order.
#[derive(Debug, Clone)]
pub struct Scan {
    query: Query,
    /// Where the next step starts (the end of the last hit, or of the last step).
    next: usize,
    end: usize,
    step: usize,
    /// Hits collected apart, to take the place of the ones shown when the scan
    /// is done; `None` when they are added to the shown hits as they are found.
    pub apart: Option<Vec<Span>>,
}

impl Scan {
    /// A scan of `doc` for `query`; `None` when there is nothing to look for.
    /// With `apart`, the hits are collected apart from the ones shown.
    pub fn new(doc: &Document, query: &str, apart: bool) -> Option<Scan> {
        Scan::with_step(doc, query, apart, STEP)
    }

    /// [`Scan::new`] with steps of `step` bytes.
    pub fn with_step(doc: &Document, query: &str, apart: bool, step: usize) -> Option<Scan> {
        let (body, query) = (body(doc)?, Query::parse(query)?);
        Some(Scan {
            query,
            next: body.start,
            end: body.end,
            step: step.max(1),
            apart: apart.then(Vec::new),
        })
    }

    /// Searches the next step of `doc` (the document the scan was made for),
    /// adding its hits to `shown`, or to the hits kept apart; true when the
    /// whole text is searched.
    pub fn step(&mut self, doc: &Document, shown: &mut Vec<Span>) -> bool {
        let hits = self.apart.as_mut().unwrap_or(shown);
        let cap = (self.step / BYTES_PER_HIT).max(1);
        let room = MAX_HITS.saturating_sub(hits.len()).min(cap);
        let text = doc.text();
        let mut before = self.next.saturating_add(self.step).min(self.end);
        while !text.is_char_boundary(before) {
            before += 1;
        }
        let found = self
            .query
            .find_starting(text, Span::new(self.next, self.end), before, room);
        // A step cut short by its hits goes on after the last one, else after the step.
        self.next = match found.last() {
            Some(last) if found.len() == room => last.end,
            Some(last) => last.end.max(before),
            None => before,
        };
        hits.extend(found);
        self.next >= self.end || hits.len() >= MAX_HITS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_in_steps_finds_what_one_search_finds() {
        let mut text = String::from("Title: t\n\n");
        for i in 0..40 {
            text.push_str(&format!(
                "Officials   met\nofficials{i} kkk KK k Астана астана. Off icials \n\n"
            ));
        }
        let doc = Document::from_text(&text);
        for query in [
            "officials met",
            "officials",
            "kk",
            "k",
            "астана",
            "off",
            "met k",
            "zzz",
        ] {
            let whole = find_all(&doc, query);
            for step in [1, 2, 3, 7, 64, 1000, 1 << 20] {
                for apart in [false, true] {
                    let mut scan = Scan::with_step(&doc, query, apart, step).unwrap();
                    let mut shown = Vec::new();
                    let mut steps = 1;
                    while !scan.step(&doc, &mut shown) {
                        steps += 1;
                    }
                    let got = scan.apart.take().unwrap_or(shown);
                    assert_eq!(got, whole, "{query:?} in steps of {step}");
                    assert!(step > text.len() || steps > 1, "{query:?} took steps");
                }
            }
        }
        assert!(
            Scan::new(&doc, "  ", false).is_none(),
            "nothing to look for"
        );
    }

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

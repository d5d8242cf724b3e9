//! Incremental search over the brief's body: case-insensitive, every hit as a
//! byte span.

use crate::document::{Document, Span};

/// At most this many hits are kept, so a one-letter query on a huge file stays cheap.
pub const MAX_HITS: usize = 100_000;

/// Non-overlapping hits of `query` in the body of `doc`, in text order.
pub fn find_all(doc: &Document, query: &str) -> Vec<Span> {
    let (Some(first), Some(last)) = (doc.paragraphs().first(), doc.paragraphs().last()) else {
        return Vec::new();
    };
    if query.is_empty() {
        return Vec::new();
    }
    let text = doc.text();
    let body = Span::new(first.span.start, last.span.end);
    if query.is_ascii() {
        ascii_hits(text, body, query.as_bytes())
    } else {
        unicode_hits(text, body, &query.to_lowercase())
    }
}

fn ascii_hits(text: &str, body: Span, q: &[u8]) -> Vec<Span> {
    let bytes = &text.as_bytes()[body.start..body.end];
    let first = q[0].to_ascii_lowercase();
    let mut hits = Vec::new();
    let mut i = 0;
    while i + q.len() <= bytes.len() && hits.len() < MAX_HITS {
        if bytes[i].to_ascii_lowercase() == first && bytes[i..i + q.len()].eq_ignore_ascii_case(q) {
            hits.push(Span::new(body.start + i, body.start + i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    hits
}

fn unicode_hits(text: &str, body: Span, q: &str) -> Vec<Span> {
    let hay = body.slice(text);
    let qchars: Vec<char> = q.chars().collect();
    let mut hits = Vec::new();
    let mut iter = hay.char_indices();
    while let Some((i, _)) = iter.next() {
        if hits.len() >= MAX_HITS {
            break;
        }
        if let Some(len) = match_at(&hay[i..], &qchars) {
            hits.push(Span::new(body.start + i, body.start + i + len));
            // Skip past the hit.
            while iter.clone().next().is_some_and(|(j, _)| j < i + len) {
                iter.next();
            }
        }
    }
    hits
}

/// Byte length of the prefix of `s` that equals `q` ignoring case, if any.
fn match_at(s: &str, q: &[char]) -> Option<usize> {
    let mut qi = 0;
    for (i, c) in s.char_indices() {
        for lc in c.to_lowercase() {
            if q.get(qi) != Some(&lc) {
                return None;
            }
            qi += 1;
        }
        if qi == q.len() {
            return Some(i + c.len_utf8());
        }
    }
    None
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

//! The optional header at the top of a brief: `Publication: … Volume: … Issue: …`
//! and `Title:`, `Date:`, `Author:`, `Source:` lines, up to the first blank line.

use super::Span;

/// Header fields folio understands, in the spelling briefs use.
pub const KEYS: [&str; 7] = [
    "Publication",
    "Volume",
    "Issue",
    "Title",
    "Date",
    "Author",
    "Source",
];

/// One `Key: value` pair; `value` is a byte span of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub value: Span,
}

/// The parsed header; `span` covers its lines (empty when there is none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub fields: Vec<Field>,
    pub span: Span,
}

impl Header {
    /// The first value recorded under `key`, as a slice of `text`.
    pub fn get<'t>(&self, text: &'t str, key: &str) -> Option<&'t str> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.slice(text))
            .filter(|v| !v.is_empty())
    }
}

/// Parses the header that starts at byte `start` of `text` (after any BOM).
/// A header is a run of lines each beginning with a known `Key:`; anything else ends it,
/// so a brief without a header loses nothing.
pub fn parse(text: &str, start: usize) -> Header {
    let mut header = Header {
        fields: Vec::new(),
        span: Span::new(start, start),
    };
    let mut pos = start;
    while pos < text.len() {
        let line_end = text[pos..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        if line.trim().is_empty() || key_at(line, 0).is_none() {
            break;
        }
        parse_line(line, pos, &mut header.fields);
        header.span.end = line_end;
        pos = next_line(text, line_end);
    }
    header
}

fn next_line(text: &str, line_end: usize) -> usize {
    let rest = &text.as_bytes()[line_end..];
    match rest {
        [b'\r', b'\n', ..] => line_end + 2,
        [_, ..] => line_end + 1,
        [] => line_end,
    }
}

/// The key starting at byte `at` of `line`, with the length of `Key:`.
fn key_at(line: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = &line[at..];
    KEYS.iter().find_map(|&k| {
        let after = rest.strip_prefix(k)?;
        after.starts_with(':').then_some((k, k.len() + 1))
    })
}

/// Splits a line such as `Publication: X Volume: 4 Issue: 85` at each known key.
fn parse_line(line: &str, line_start: usize, fields: &mut Vec<Field>) {
    let mut keys: Vec<(usize, &'static str, usize)> = Vec::new();
    for (i, _) in line.char_indices() {
        let at_word_start = i == 0 || line[..i].ends_with(char::is_whitespace);
        if at_word_start {
            if let Some((k, len)) = key_at(line, i) {
                keys.push((i, k, len));
            }
        }
    }
    for (n, &(i, key, len)) in keys.iter().enumerate() {
        let end = keys.get(n + 1).map_or(line.len(), |&(j, _, _)| j);
        let raw = &line[i + len..end];
        let lead = raw.len() - raw.trim_start().len();
        let value_start = i + len + lead;
        let value_end = value_start + raw.trim().len();
        fields.push(Field {
            key,
            value: Span::new(line_start + value_start, line_start + value_end),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_line_with_volume_and_issue() {
        let text = "Publication: Eurasia Daily Monitor Volume: 4 Issue: 85\n\nBody.";
        let h = parse(text, 0);
        assert_eq!(h.get(text, "Publication"), Some("Eurasia Daily Monitor"));
        assert_eq!(h.get(text, "Volume"), Some("4"));
        assert_eq!(h.get(text, "Issue"), Some("85"));
        assert_eq!(
            h.span.slice(text),
            "Publication: Eurasia Daily Monitor Volume: 4 Issue: 85"
        );
    }

    #[test]
    fn several_lines_and_crlf() {
        let text = "Title: Astana's turn\r\nDate: 2007-04-27\r\nAuthor: A. Writer\r\n\r\nBody";
        let h = parse(text, 0);
        assert_eq!(h.get(text, "Title"), Some("Astana's turn"));
        assert_eq!(h.get(text, "Date"), Some("2007-04-27"));
        assert_eq!(h.get(text, "Author"), Some("A. Writer"));
    }

    #[test]
    fn no_header_when_body_starts_at_once() {
        let text = "Kazakhstan's Defense Minister said: Volume: 4.";
        assert!(parse(text, 0).fields.is_empty());
    }
}

//! Saved HTML pages: the main article is found by dom_smoothie (a port of
//! Mozilla's Readability, the algorithm behind Firefox's reader view), so
//! navigation, menus and footers are dropped. Pages it cannot score fall back to
//! the text of `<article>`, `<main>` or `<body>`.

use dom_smoothie::{Config, Readability, TextMode};

/// Elements parsed at most; a hostile page beyond this keeps its first part.
const MAX_ELEMENTS: usize = 200_000;

/// The title, publication date and article text of an HTML page, as folio text
/// (a `Title:`/`Date:` header when known, then paragraphs).
pub fn page_text(html: &str) -> String {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let html = &*limit_nesting(html, MAX_DEPTH);
    let article = Readability::new(html, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let (title, date, body) = match article {
        Some(a) if !a.text_content.trim().is_empty() => (
            a.title,
            a.published_time.as_deref().and_then(iso_date),
            a.text_content.to_string(),
        ),
        _ => fallback(html),
    };
    let mut out = super::header_line("Title", &title);
    out.push_str(&super::date_line(date));
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&paragraphs_of(&body));
    out
}

/// The text of an HTML fragment (a feed item's description), paragraphs kept.
pub fn fragment_text(html: &str) -> String {
    let html = &*limit_nesting(html, MAX_DEPTH);
    let doc = dom_query::Document::fragment(html);
    paragraphs_of(&doc.formatted_text())
}

fn fallback(html: &str) -> (String, Option<crate::date::Date>, String) {
    let doc = dom_query::Document::from(html);
    let title = doc.select("title").text().to_string();
    for selector in ["article", "main", "body"] {
        let sel = doc.select(selector);
        if sel.exists() {
            return (title, None, sel.formatted_text().to_string());
        }
    }
    (title, None, doc.formatted_text().to_string())
}

/// Element nesting passed to the parser at most: the DOM walks recurse, so a
/// hostile page 100,000 elements deep would exhaust the stack.
const MAX_DEPTH: usize = 256;

/// `html` with the tags nested deeper than `max` removed (their text kept), by a
/// lexical scan of `<tag …>` and `</tag>`; unchanged (borrowed) when shallower.
fn limit_nesting(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let tags = tag_ranges(html);
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for &(_, _, kind) in &tags {
        match kind {
            TagKind::Open => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            TagKind::Close => depth = depth.saturating_sub(1),
        }
    }
    if deepest <= max {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    depth = 0;
    for (start, end, kind) in tags {
        let keep = match kind {
            TagKind::Open => {
                depth += 1;
                depth <= max
            }
            TagKind::Close => {
                let keep = depth <= max;
                depth = depth.saturating_sub(1);
                keep
            }
        };
        out.push_str(&html[last..start]);
        if keep {
            out.push_str(&html[start..end]);
        }
        last = end;
    }
    out.push_str(&html[last..]);
    std::borrow::Cow::Owned(out)
}

#[derive(Clone, Copy)]
enum TagKind {
    Open,
    Close,
}

/// Byte ranges of element tags that change the nesting depth (void elements,
/// self-closing tags, comments and declarations are left out).
fn tag_ranges(html: &str) -> Vec<(usize, usize, TagKind)> {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param",
    ];
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        let start = i + off;
        let Some(len) = bytes[start..].iter().position(|&c| c == b'>') else {
            break;
        };
        let end = start + len + 1;
        let inner = &html[start + 1..end - 1];
        let (close, name_part) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name: String = name_part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let starts_alpha = name_part.starts_with(|c: char| c.is_ascii_alphabetic());
        if starts_alpha && !VOID.contains(&name.as_str()) {
            if close {
                out.push((start, end, TagKind::Close));
            } else if !inner.ends_with('/') {
                out.push((start, end, TagKind::Open));
            }
        }
        i = end;
    }
    out
}

/// Blank-line separated paragraphs, each collapsed to one line.
fn paragraphs_of(text: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(' ');
            cur.push_str(line);
        }
    }
    paras.push(cur);
    super::join_paragraphs(paras)
}

/// The date at the start of an ISO 8601 timestamp (`2007-04-23T10:00:00Z`).
pub fn iso_date(s: &str) -> Option<crate::date::Date> {
    let s = s.trim();
    crate::date::Date::parse(s.get(..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_survived() {
        let html = format!(
            "<html><body>{}<p>Inner words of the page.</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert!(page_text(&html).contains("Inner words of the page."));
        let unclosed = format!("<html><body>{}deep", "<span><b>".repeat(20_000));
        assert!(page_text(&unclosed).contains("deep"));
    }

    #[test]
    fn fragments_keep_paragraphs() {
        assert_eq!(
            fragment_text("<p>One &amp; two</p><p>Three <a href='x'>four</a></p>"),
            "One & two\n\nThree four"
        );
    }
}

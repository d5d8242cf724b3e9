//! Markdown to plain text with pulldown-cmark: every block (paragraph, heading,
//! list item, quote, table row) becomes one paragraph; links keep only their
//! text, so no target is ever followed or shown. Front matter becomes the header
//! (see `front_matter`), else the first `# H1` is the title. Code, fenced,
//! indented or inline, stays in the text but is marked verbatim, so no entity or
//! date is ever found in it.

use super::front_matter::{self, FrontMatter};
use super::Converted;
use crate::document::Span;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What a block is, for joining and for choosing the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Prose,
    /// A top-level `# heading`.
    H1,
    /// A fenced or indented code block: lines kept, all of it verbatim.
    Code,
}

/// A run of a block's text: prose, inline code, or a table's cell separator.
#[derive(Debug)]
struct Piece {
    text: String,
    code: bool,
    separator: bool,
}

/// One block as text, with its verbatim spans relative to the block's start.
#[derive(Debug)]
struct Block {
    text: String,
    verbatim: Vec<Span>,
    kind: Kind,
}

/// The Markdown document as folio text: a header from the front matter or the
/// first H1, the blocks as paragraphs, and the code in them marked verbatim.
pub fn convert(source: &str) -> Converted {
    let (front, body) = front_matter::split(source);
    let front = front.unwrap_or_default();
    let mut blocks = blocks(body);
    let mut title = front.title.clone();
    let body_has_title = blocks.first().is_some_and(|b| {
        b.kind == Kind::Prose
            && crate::document::header::parse(&b.text, 0)
                .get(&b.text, "Title")
                .is_some()
    });
    if title.is_none() && !body_has_title {
        if let Some(i) = blocks.iter().position(|b| b.kind == Kind::H1) {
            title = Some(blocks[i].text.clone());
            // Opening the text, the heading is the title itself: not repeated below it.
            if i == 0 {
                blocks.remove(0);
            }
        }
    }
    let mut out = header(&front, title.as_deref());
    if !out.is_empty() && !blocks.is_empty() {
        out.push('\n');
    }
    let mut verbatim = Vec::new();
    for (i, b) in blocks.into_iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        let at = out.len();
        verbatim.extend(
            b.verbatim
                .iter()
                .map(|s| Span::new(at + s.start, at + s.end)),
        );
        out.push_str(&b.text);
    }
    Converted {
        text: out,
        verbatim,
        sections: Vec::new(),
    }
}

/// `Title:`, `Date:` and `Author:` lines, in the form the header parser reads.
fn header(front: &FrontMatter, title: Option<&str>) -> String {
    let mut out = super::header_line("Title", title.unwrap_or(""));
    out.push_str(&super::date_line(front.date));
    out.push_str(&super::header_line(
        "Author",
        front.author.as_deref().unwrap_or(""),
    ));
    out
}

/// The blocks of a Markdown body, as text, in order; empty ones dropped.
fn blocks(source: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut kind = Kind::Prose;
    let mut in_code = false;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let push = |pieces: &mut Vec<Piece>, text: &str, code: bool| match pieces.last_mut() {
        Some(last) if last.code == code && !last.separator => last.text.push_str(text),
        _ => pieces.push(Piece {
            text: text.to_string(),
            code,
            separator: false,
        }),
    };
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                finish(&mut pieces, kind, &mut out);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                finish(&mut pieces, Kind::Code, &mut out);
                kind = Kind::Prose;
            }
            Event::Start(Tag::Heading { level, .. }) => {
                finish(&mut pieces, kind, &mut out);
                kind = if level == HeadingLevel::H1 {
                    Kind::H1
                } else {
                    Kind::Prose
                };
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::TableRow | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Rule => {
                finish(&mut pieces, kind, &mut out);
                kind = Kind::Prose;
            }
            Event::End(TagEnd::TableCell) => pieces.push(Piece {
                text: " | ".into(),
                code: false,
                separator: true,
            }),
            Event::Text(t) => push(&mut pieces, &t, in_code),
            Event::Code(t) => push(&mut pieces, &t, true),
            Event::SoftBreak | Event::HardBreak => {
                push(&mut pieces, if in_code { "\n" } else { " " }, in_code)
            }
            Event::TaskListMarker(done) => {
                push(&mut pieces, if done { "[x] " } else { "[ ] " }, false)
            }
            _ => {}
        }
    }
    finish(&mut pieces, kind, &mut out);
    out
}

/// Ends the current block: its pieces rendered and pushed to `out` unless empty.
fn finish(pieces: &mut Vec<Piece>, kind: Kind, out: &mut Vec<Block>) {
    let taken = std::mem::take(pieces);
    let block = if kind == Kind::Code {
        code_block(&taken)
    } else {
        prose(taken, kind)
    };
    if !block.text.trim().is_empty() {
        out.push(block);
    }
}

/// A code block: its lines without trailing spaces, blank ones dropped (they
/// would split it into paragraphs); all of it verbatim.
fn code_block(pieces: &[Piece]) -> Block {
    let code: String = pieces.iter().map(|p| p.text.as_str()).collect();
    let text = code
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let verbatim = vec![Span::new(0, text.len())];
    Block {
        text,
        verbatim,
        kind: Kind::Code,
    }
}

/// A prose block: whitespace collapsed to single spaces, trailing cell
/// separators dropped, and the spans of its inline code kept.
fn prose(mut pieces: Vec<Piece>, kind: Kind) -> Block {
    while pieces
        .last()
        .is_some_and(|p| p.separator || p.text.trim().is_empty())
    {
        pieces.pop();
    }
    let mut text = String::new();
    let mut verbatim = Vec::new();
    let mut space = false;
    for p in &pieces {
        let mut start = None;
        for c in p.text.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !text.is_empty() {
                text.push(' ');
            }
            space = false;
            start.get_or_insert(text.len());
            text.push(c);
        }
        if let (true, Some(start)) = (p.code, start) {
            verbatim.push(Span::new(start, text.len()));
        }
    }
    Block {
        text,
        verbatim,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_text(md: &str) -> String {
        convert(md).text
    }

    #[test]
    fn blocks_become_paragraphs_and_links_lose_targets() {
        let md = "Some words first.\n\n# Talks in Astana\n\nThe [CSTO](http://example.org) met *today*.\nIt ended.\n\n- one\n- two\n\n```\nlet x = 1;\n\nlet y = 2;\n```\n";
        assert_eq!(
            to_text(md),
            "Title: Talks in Astana\n\nSome words first.\n\nTalks in Astana\n\nThe CSTO met today. It ended.\n\none\n\ntwo\n\nlet x = 1;\nlet y = 2;"
        );
    }

    #[test]
    fn code_is_kept_and_marked_verbatim() {
        let md =
            "Run `grep Astana` on the log.\n\n    indented Baku\n\n```sh\nfenced  Aktau\n```\n";
        let c = convert(md);
        let spans: Vec<&str> = c.verbatim.iter().map(|s| &c.text[s.start..s.end]).collect();
        assert_eq!(spans, ["grep Astana", "indented Baku", "fenced  Aktau"]);
    }

    #[test]
    fn an_opening_h1_is_the_title_and_not_repeated() {
        let c = convert("# Ferries resume\n\nThe line reopened.\n\n# Later part\n");
        assert_eq!(
            c.text,
            "Title: Ferries resume\n\nThe line reopened.\n\nLater part"
        );
    }

    #[test]
    fn table_rows_lose_their_last_separator() {
        let md = "| a | `b` |\n|---|---|\n| 1 | 2 |\n";
        let c = convert(md);
        assert_eq!(c.text, "a | b\n\n1 | 2");
        assert_eq!(c.verbatim, [Span::new(4, 5)]);
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let md = format!("{}deep", "> ".repeat(50_000));
        assert!(to_text(&md).contains("deep"));
        let md = format!("{}x{}", "[".repeat(50_000), "]".repeat(50_000));
        assert!(to_text(&md).contains('x'));
    }
}

//! Markdown to plain text with pulldown-cmark: every block (paragraph, heading,
//! list item, quote, table row) becomes one paragraph; code blocks are kept as
//! text; links keep only their text, so no target is ever followed or shown.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The plain text of a Markdown document, paragraphs separated by blank lines.
pub fn to_text(source: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        if !current.trim().is_empty() {
            paragraphs.push(std::mem::take(current));
        }
        current.clear();
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut current, &mut paragraphs);
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                let code = std::mem::take(&mut current);
                // Code keeps its lines but no blank ones, which would split it.
                let lines: Vec<&str> = code.lines().filter(|l| !l.trim().is_empty()).collect();
                if !lines.is_empty() {
                    paragraphs.push(lines.join("\n"));
                }
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableRow
                | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Rule => flush(&mut current, &mut paragraphs),
            Event::End(TagEnd::TableCell) => current.push_str(" | "),
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(if in_code { '\n' } else { ' ' }),
            Event::TaskListMarker(done) => current.push_str(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    join(paragraphs)
}

/// Joins blocks: prose collapsed by `join_paragraphs`, code kept line by line.
fn join(paragraphs: Vec<String>) -> String {
    let mut out = String::new();
    for p in paragraphs {
        let block = if p.contains('\n') {
            p.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
        } else {
            super::join_paragraphs([p.trim_end_matches(" | ")])
        };
        if block.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_links_lose_targets() {
        let md = "# Talks in Astana\n\nThe [CSTO](http://example.org) met *today*.\nIt ended.\n\n- one\n- two\n\n```\nlet x = 1;\n\nlet y = 2;\n```\n";
        assert_eq!(
            to_text(md),
            "Talks in Astana\n\nThe CSTO met today. It ended.\n\none\n\ntwo\n\nlet x = 1;\nlet y = 2;"
        );
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let md = format!("{}deep", "> ".repeat(50_000));
        assert!(to_text(&md).contains("deep"));
        let md = format!("{}x{}", "[".repeat(50_000), "]".repeat(50_000));
        assert!(to_text(&md).contains('x'));
    }
}

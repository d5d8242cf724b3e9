//! Word wrapping of a paragraph into screen lines, as byte spans, so that
//! highlights (byte spans too) map onto cells without any other conversion.

use crate::display::{cells, Cell, CellKind};
use crate::document::Span;

/// Screen lines of the paragraph `para` of `text` at `width` columns: breaks at
/// spaces, inside words only when a word is wider than the line, and at line
/// breaks inside the paragraph. A wide character never straddles the edge.
pub fn wrap(text: &str, para: Span, width: usize) -> Vec<Span> {
    let width = width.max(1);
    let cs: Vec<Cell> = cells(text, para.start, para.end).collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < cs.len() {
        let (end, next) = line_end(&cs, start, width);
        let span = match (cs.get(start), end.checked_sub(1).and_then(|e| cs.get(e))) {
            (Some(first), Some(last)) if end > start => Span::new(first.byte, last.byte + last.len),
            (Some(first), _) => Span::new(first.byte, first.byte),
            _ => Span::new(para.end, para.end),
        };
        lines.push(span);
        start = next;
    }
    if lines.is_empty() {
        lines.push(Span::new(para.start, para.start));
    }
    lines
}

/// The end (exclusive cell index) of the line starting at `start`, and where the next begins.
fn line_end(cs: &[Cell], start: usize, width: usize) -> (usize, usize) {
    let mut col = 0;
    let mut last_space = None;
    let mut j = start;
    while j < cs.len() {
        let c = &cs[j];
        if c.kind == CellKind::Newline {
            return (trim_spaces(cs, start, j), j + 1);
        }
        let w = c.width_at(col);
        if col + w > width && j > start {
            if matches!(c.kind, CellKind::Space | CellKind::Tab) {
                return (trim_spaces(cs, start, j), skip_spaces(cs, j));
            }
            if let Some(s) = last_space.filter(|&s| s > start) {
                return (trim_spaces(cs, start, s), skip_spaces(cs, s));
            }
            return (j, j);
        }
        if matches!(c.kind, CellKind::Space | CellKind::Tab) {
            last_space = Some(j);
        }
        col += w;
        j += 1;
    }
    (j, j)
}

fn skip_spaces(cs: &[Cell], mut j: usize) -> usize {
    while cs
        .get(j)
        .is_some_and(|c| matches!(c.kind, CellKind::Space | CellKind::Tab))
    {
        j += 1;
    }
    j
}

fn trim_spaces(cs: &[Cell], start: usize, mut end: usize) -> usize {
    while end > start && matches!(cs[end - 1].kind, CellKind::Space | CellKind::Tab) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, Span::new(0, text.len()), width)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            lines("the CSTO met in Astana today", 10),
            ["the CSTO", "met in", "Astana", "today"]
        );
    }

    #[test]
    fn long_words_break_and_newlines_are_kept() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(lines("one\ntwo", 20), ["one", "two"]);
    }

    #[test]
    fn wide_characters_never_straddle_the_edge() {
        assert_eq!(lines("中文中文中", 5), ["中文", "中文", "中"]);
    }

    #[test]
    fn every_line_is_a_slice_of_the_paragraph() {
        let text = "Қазақстан — 🇰🇿 flag\tand\u{1b}[31m colour ".repeat(20);
        for w in [1, 2, 3, 7, 13, 80] {
            for s in wrap(&text, Span::new(0, text.len()), w) {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}

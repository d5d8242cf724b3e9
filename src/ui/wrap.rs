//! Word wrapping of a paragraph into screen lines, as byte spans, so that
//! highlights (byte spans too) map onto cells without any other conversion.

use crate::display::{cells, Cell, CellKind};
use crate::document::Span;
use std::collections::VecDeque;

/// Screen lines of the paragraph `para` of `text` at `width` columns: breaks at
/// spaces, inside words only when a word is wider than the line, and at line
/// breaks inside the paragraph. A wide character never straddles the edge.
/// Streams over the paragraph keeping only the current line's cells, so memory
/// stays small however long the paragraph is.
pub fn wrap(text: &str, para: Span, width: usize) -> Vec<Span> {
    let width = width.max(1);
    let mut input = cells(text, para.start, para.end);
    // Cells taken back from a line broken at an earlier space, to be laid out again.
    let mut pending: VecDeque<Cell> = VecDeque::new();
    let mut line: Vec<Cell> = Vec::new();
    let mut col = 0;
    let mut last_space: Option<usize> = None;
    let mut skipping = false;
    let mut lines = Vec::new();
    let emit = |lines: &mut Vec<Span>, cs: &[Cell], at: usize| {
        lines.push(match (cs.first(), cs.last()) {
            (Some(first), Some(last)) => Span::new(first.byte, last.byte + last.len),
            _ => Span::new(at, at),
        });
    };
    while let Some(c) = pending.pop_front().or_else(|| input.next()) {
        if skipping && is_space(&c) {
            continue;
        }
        skipping = false;
        if c.kind == CellKind::Newline {
            let at = line.first().map_or(c.byte, |f| f.byte);
            emit(&mut lines, trimmed(&line), at);
            (line, col, last_space) = (Vec::new(), 0, None);
            continue;
        }
        let w = c.width_at(col);
        if col + w > width && !line.is_empty() {
            let at = line[0].byte;
            if is_space(&c) {
                emit(&mut lines, trimmed(&line), at);
                skipping = true;
            } else if let Some(s) = last_space.filter(|&s| s > 0) {
                emit(&mut lines, trimmed(&line[..s]), at);
                pending.push_front(c);
                for back in line.drain(s..).rev() {
                    pending.push_front(back);
                }
                skipping = true;
            } else {
                emit(&mut lines, &line, at);
                pending.push_front(c);
            }
            (line, col, last_space) = (Vec::new(), 0, None);
            continue;
        }
        if is_space(&c) {
            last_space = Some(line.len());
        }
        col += w;
        line.push(c);
    }
    if !line.is_empty() {
        emit(&mut lines, &line, line[0].byte);
    }
    if lines.is_empty() {
        lines.push(Span::new(para.start, para.start));
    }
    lines
}

/// `s` wrapped at `width` columns, as slices of `s`: for messages and help text.
/// Controls in `s` count as their markers, so escape them before showing a line.
pub fn wrap_str(s: &str, width: usize) -> Vec<&str> {
    wrap(s, Span::new(0, s.len()), width)
        .into_iter()
        .map(|span| span.slice(s))
        .collect()
}

fn is_space(c: &Cell) -> bool {
    matches!(c.kind, CellKind::Space | CellKind::Tab)
}

/// `cs` without its trailing spaces.
fn trimmed<'a, 'c>(cs: &'a [Cell<'c>]) -> &'a [Cell<'c>] {
    let end = cs.iter().rposition(|c| !is_space(c)).map_or(0, |i| i + 1);
    &cs[..end]
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

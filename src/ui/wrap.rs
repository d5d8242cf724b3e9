//! Word wrapping of a paragraph into screen lines, as byte spans, so that
//! highlights (byte spans too) map onto cells without any other conversion.

use crate::display::{cells, Cell, CellKind};
use crate::document::Span;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::Arc;

/// Screen lines of the paragraph `para` of `text` at `width` columns: breaks at
/// spaces, inside words only when a word is wider than the line, and at line
/// breaks inside the paragraph. A wide character never straddles the edge.
///
/// Streams over the paragraph keeping only the current line's cells, so memory
/// stays small for a paragraph of any size; long paragraphs are remembered (see
/// [`MEMO_MIN`]) because scrolling asks for the same lines row after row.
pub fn wrap(text: &str, para: Span, width: usize) -> Vec<Span> {
    if para.len() < MEMO_MIN {
        return wrap_uncached(text, para, width);
    }
    let key = MemoKey::new(text, para, width);
    let hit = MEMO.with(|m| {
        let m = m.borrow();
        m.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
    });
    if let Some(lines) = hit {
        // Guard against a different text at the same address: spans must still be slices.
        if lines
            .iter()
            .all(|l| text.is_char_boundary(l.start) && text.is_char_boundary(l.end))
        {
            return lines.to_vec();
        }
    }
    let lines = Arc::new(wrap_uncached(text, para, width));
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|(k, _)| *k != key);
        if m.len() >= MEMO_SLOTS {
            m.pop_back();
        }
        m.push_front((key, lines.clone()));
    });
    lines.to_vec()
}

/// Paragraphs at least this many bytes long are memoized.
pub const MEMO_MIN: usize = 16 * 1024;
const MEMO_SLOTS: usize = 8;

thread_local! {
    static MEMO: RefCell<VecDeque<(MemoKey, Arc<Vec<Span>>)>> = const { RefCell::new(VecDeque::new()) };
}

/// Identifies a wrapped paragraph: the text's address and length, the span, the
/// width, and a sample of the paragraph's bytes so a new text at a freed address
/// does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MemoKey {
    addr: usize,
    len: usize,
    para: Span,
    width: usize,
    sample: u64,
}

impl MemoKey {
    fn new(text: &str, para: Span, width: usize) -> MemoKey {
        let bytes = &text.as_bytes()[para.start..para.end];
        let step = (bytes.len() / 64).max(1);
        let sample = bytes
            .iter()
            .step_by(step)
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        MemoKey {
            addr: text.as_ptr() as usize,
            len: text.len(),
            para,
            width,
            sample,
        }
    }
}

fn is_space(c: &Cell) -> bool {
    matches!(c.kind, CellKind::Space | CellKind::Tab)
}

fn wrap_uncached(text: &str, para: Span, width: usize) -> Vec<Span> {
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

    #[test]
    fn long_paragraphs_are_remembered_and_stay_correct() {
        let text = "Nursultan Nazarbayev spoke in Astana again. ".repeat(1000);
        let para = Span::new(0, text.len());
        assert!(para.len() >= MEMO_MIN);
        for w in [40, 80, 40] {
            let first = wrap(&text, para, w);
            assert_eq!(first, wrap_uncached(&text, para, w));
            assert_eq!(wrap(&text, para, w), first);
        }
        // The same address and length with other content is not a hit.
        let other = "Astana. ".repeat(text.len() / 8);
        assert_eq!(
            wrap(&other, Span::new(0, other.len()), 40),
            wrap_uncached(&other, Span::new(0, other.len()), 40)
        );
    }
}

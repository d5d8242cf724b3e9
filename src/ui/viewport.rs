//! The paragraph pane's scroll position, in screen rows. The text is a flow
//! of blocks: paragraphs, with very long ones cut into pieces of at most
//! [`BLOCK_BYTES`], and rows are computed by wrapping blocks on demand (only
//! around the viewport), so scrolling costs the same in a 1 KB brief, a
//! 100 MB archive and a 10 MB single line.

use super::wrap::wrap;
use crate::document::{Document, Span, Span32};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Longest block wrapped at once; a paragraph longer than this is cut at a space
/// (or, failing one nearby, a character boundary), which costs one early line break.
pub const BLOCK_BYTES: usize = 4 * 1024;

/// A piece of a paragraph that is wrapped as a unit; offsets as `u32` (12
/// bytes, not 24: a 100 MB brief has 150 K blocks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    span: Span32,
    /// Whether the block ends its paragraph (a blank row follows it).
    pub ends_paragraph: bool,
}

impl Block {
    fn new(span: Span, ends_paragraph: bool) -> Block {
        Block {
            span: Span32::narrowed(span),
            ends_paragraph,
        }
    }

    pub fn span(self) -> Span {
        self.span.span()
    }
}

/// The document as a sequence of blocks.
#[derive(Debug, Clone)]
pub struct Flow {
    pub doc: Arc<Document>,
    pub blocks: Vec<Block>,
    wrapped: Wrapped,
}

/// How many wrapped blocks [`Wrapped`] keeps before it starts again.
const WRAPPED_BLOCKS: usize = 512;

/// The wrapped lines of recently shown blocks, by block and width. A key and
/// the frame after it ask for the same few blocks, and wrapping them was most
/// of what either cost. Only a memo: the lines are what `wrap` gives, whoever asks.
#[derive(Debug, Default)]
struct Wrapped(Mutex<HashMap<BlockAtWidth, Arc<[Span]>>>);

/// A block's index and the width it is wrapped at.
type BlockAtWidth = (usize, usize);

impl Clone for Wrapped {
    fn clone(&self) -> Wrapped {
        Wrapped::default()
    }
}

impl PartialEq for Flow {
    /// The same document cut into the same blocks (what is memoized aside).
    fn eq(&self, other: &Flow) -> bool {
        self.doc == other.doc && self.blocks == other.blocks
    }
}

impl Flow {
    /// Cuts the paragraphs of `doc` into blocks.
    pub fn new(doc: Arc<Document>) -> Flow {
        let text = doc.text();
        let mut blocks = Vec::with_capacity(doc.paragraphs().len());
        for p in doc.paragraphs() {
            let mut start = p.span().start;
            while p.span().end - start > BLOCK_BYTES {
                let end = cut_point(text, start + BLOCK_BYTES, p.span().end);
                blocks.push(Block::new(Span::new(start, end), false));
                start = end;
            }
            blocks.push(Block::new(Span::new(start, p.span().end), true));
        }
        Flow {
            doc,
            blocks,
            wrapped: Wrapped::default(),
        }
    }

    /// Index of the block holding byte `pos`, or the nearest one before it.
    pub fn block_at(&self, pos: usize) -> Option<usize> {
        self.blocks
            .partition_point(|b| b.span().start <= pos)
            .checked_sub(1)
    }
}

/// A place near `at` (not past `end`) to cut a long paragraph: just after a space
/// within 1 KiB, else the next character boundary.
fn cut_point(text: &str, at: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = (at + 1024).min(end);
    if let Some(i) = bytes[at..limit].iter().position(|&b| b == b' ') {
        return at + i + 1;
    }
    let mut i = at;
    while i < end && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A screen row: line `line` of block `block`. A line equal to the block's
/// line count is the blank row after a paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    pub block: usize,
    pub line: usize,
}

/// What the pane shows: the first row and the text area's size in cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    pub top: Row,
    pub width: usize,
    pub height: usize,
}

/// The content of one screen row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowContent {
    Text(Span),
    Blank,
}

impl Viewport {
    /// Wrapped lines of block `block` at this viewport's width.
    pub fn lines(&self, flow: &Flow, block: usize) -> Arc<[Span]> {
        let Some(b) = flow.blocks.get(block) else {
            return Arc::new([]);
        };
        let key = (block, self.width);
        // A poisoned memo (a panic mid-insert) is only a memo: wrap afresh.
        let Ok(mut memo) = flow.wrapped.0.lock() else {
            return wrap(flow.doc.text(), b.span(), self.width).into();
        };
        if let Some(lines) = memo.get(&key) {
            return lines.clone();
        }
        if memo.len() >= WRAPPED_BLOCKS {
            memo.clear();
        }
        let lines: Arc<[Span]> = wrap(flow.doc.text(), b.span(), self.width).into();
        memo.insert(key, lines.clone());
        lines
    }

    /// Rows block `block` takes, the blank row after a paragraph included.
    fn rows(&self, flow: &Flow, block: usize) -> usize {
        self.lines(flow, block).len() + usize::from(self.has_blank_after(flow, block))
    }

    fn has_blank_after(&self, flow: &Flow, block: usize) -> bool {
        block + 1 < flow.blocks.len() && flow.blocks[block].ends_paragraph
    }

    /// The rows on screen, top to bottom, at most `height` of them.
    pub fn visible(&self, flow: &Flow) -> Vec<RowContent> {
        let mut out = Vec::with_capacity(self.height);
        let mut row = self.top;
        while out.len() < self.height && row.block < flow.blocks.len() {
            let lines = self.lines(flow, row.block);
            for line in row.line..lines.len() + 1 {
                if out.len() >= self.height {
                    break;
                }
                match lines.get(line) {
                    Some(&span) => out.push(RowContent::Text(span)),
                    None if self.has_blank_after(flow, row.block) => out.push(RowContent::Blank),
                    None => {}
                }
            }
            row = Row {
                block: row.block + 1,
                line: 0,
            };
        }
        out
    }

    /// Moves the top by `delta` rows, staying within the text.
    pub fn scroll(&mut self, flow: &Flow, delta: isize) {
        let mut row = self.top;
        if delta > 0 {
            for _ in 0..delta {
                let next = self.step_down(flow, row);
                if next == row {
                    break;
                }
                row = next;
            }
            // Never scroll past the point where the last row sits at the bottom.
            row = self.within_last_page(flow, row);
        } else {
            for _ in 0..delta.unsigned_abs() {
                row = self.step_up(flow, row);
            }
        }
        self.top = row;
    }

    fn step_down(&self, flow: &Flow, row: Row) -> Row {
        if row.line + 1 < self.rows(flow, row.block) {
            Row {
                block: row.block,
                line: row.line + 1,
            }
        } else if row.block + 1 < flow.blocks.len() {
            Row {
                block: row.block + 1,
                line: 0,
            }
        } else {
            row
        }
    }

    fn step_up(&self, flow: &Flow, row: Row) -> Row {
        if row.line > 0 {
            Row {
                block: row.block,
                line: row.line - 1,
            }
        } else if row.block > 0 {
            Row {
                block: row.block - 1,
                line: self.rows(flow, row.block - 1) - 1,
            }
        } else {
            row
        }
    }

    /// The top row that shows the end of the text on the last screen row.
    pub fn last_page_top(&self, flow: &Flow) -> Row {
        let n = flow.blocks.len();
        if n == 0 {
            return Row::default();
        }
        let last = Row {
            block: n - 1,
            line: self.rows(flow, n - 1).saturating_sub(1),
        };
        let mut row = last;
        for _ in 1..self.height.max(1) {
            let up = self.step_up(flow, row);
            if up == row {
                break;
            }
            row = up;
        }
        row
    }

    /// The row holding byte `pos` of the text.
    pub fn row_of(&self, flow: &Flow, pos: usize) -> Row {
        let Some(block) = flow.block_at(pos) else {
            return Row::default();
        };
        let lines = self.lines(flow, block);
        let line = lines.partition_point(|l| l.start <= pos).saturating_sub(1);
        Row { block, line }
    }

    /// Whether `row` is on screen.
    pub fn shows(&self, flow: &Flow, row: Row) -> bool {
        if row < self.top {
            return false;
        }
        let mut r = self.top;
        for _ in 0..self.height {
            if r == row {
                return true;
            }
            let next = self.step_down(flow, r);
            if next == r {
                break;
            }
            r = next;
        }
        false
    }

    /// Scrolls so byte `pos` is on screen, a third of the way down when it was not.
    pub fn reveal(&mut self, flow: &Flow, pos: usize) {
        let row = self.row_of(flow, pos);
        if self.shows(flow, row) {
            return;
        }
        self.top = row;
        self.scroll(flow, -((self.height / 3) as isize));
        self.top = self.within_last_page(flow, self.top);
    }

    /// `row`, or the last page's top when `row` is past it. The last page is
    /// only wrapped when the text after `row`'s block could fit on one screen:
    /// every block takes a row at least, and a row holds at most `width`
    /// characters of at most 4 bytes.
    fn within_last_page(&self, flow: &Flow, row: Row) -> Row {
        let after = flow.blocks.len().saturating_sub(row.block + 1);
        let bytes_after = flow.blocks.get(row.block + 1).map_or(0, |b| {
            flow.blocks[flow.blocks.len() - 1].span().end - b.span().start
        });
        if after >= self.height || bytes_after >= 4 * self.width.max(1) * self.height {
            return row;
        }
        row.min(self.last_page_top(flow))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow() -> Flow {
        let paras: Vec<String> = (0..30)
            .map(|i| format!("Paragraph {i} has a few words in it."))
            .collect();
        Flow::new(Arc::new(Document::from_text(&paras.join("\n\n"))))
    }

    #[test]
    fn remembered_lines_are_the_lines_wrapped_afresh() {
        let flow = flow();
        let text = flow.doc.text();
        // More blocks and widths than the memo keeps, twice over, in two orders.
        for round in 0..2 {
            for width in 5..30 {
                let view = Viewport {
                    top: Row::default(),
                    width,
                    height: 10,
                };
                for block in 0..flow.blocks.len() {
                    let block = if round == 0 {
                        block
                    } else {
                        flow.blocks.len() - 1 - block
                    };
                    let want = wrap(text, flow.blocks[block].span(), width);
                    assert_eq!(*view.lines(&flow, block), *want, "block {block} at {width}");
                }
            }
        }
        assert!(flow.wrapped.0.lock().unwrap().len() <= WRAPPED_BLOCKS);
        let view = Viewport {
            top: Row::default(),
            width: 9,
            height: 10,
        };
        assert!(view.lines(&flow, flow.blocks.len()).is_empty());
    }

    #[test]
    fn scrolling_stops_at_both_ends() {
        let d = flow();
        let mut v = Viewport {
            top: Row::default(),
            width: 20,
            height: 10,
        };
        v.scroll(&d, -5);
        assert_eq!(v.top, Row::default());
        v.scroll(&d, 10_000);
        assert_eq!(v.top, v.last_page_top(&d));
        let rows = v.visible(&d);
        assert_eq!(rows.len(), 10);
        assert_eq!(
            rows.last().map(|r| matches!(r, RowContent::Text(_))),
            Some(true)
        );
    }

    #[test]
    fn reveal_brings_a_position_on_screen() {
        let d = flow();
        let mut v = Viewport {
            top: Row::default(),
            width: 20,
            height: 6,
        };
        let pos = d.doc.paragraphs()[17].span().start + 5;
        v.reveal(&d, pos);
        assert!(v.shows(&d, v.row_of(&d, pos)));
        assert!(v.top.block >= 15);
    }
}

#[cfg(test)]
mod block_tests {
    use super::*;

    #[test]
    fn long_paragraphs_are_cut_into_blocks_that_tile_them() {
        let text = "word ".repeat(20_000) + "\n\nshort";
        let flow = Flow::new(Arc::new(Document::from_text(&text)));
        assert!(flow.blocks.len() > 5);
        let p = flow.doc.paragraphs()[0].span();
        let mut pos = p.start;
        for b in flow.blocks.iter().take_while(|b| b.span().start < p.end) {
            assert_eq!(b.span().start, pos);
            assert!(b.span().len() <= BLOCK_BYTES + 1024);
            pos = b.span().end;
        }
        assert_eq!(pos, p.end);
        assert_eq!(flow.blocks.iter().filter(|b| b.ends_paragraph).count(), 2);
    }
}

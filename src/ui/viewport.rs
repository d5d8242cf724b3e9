//! The paragraph pane's scroll position, in screen rows. Rows are computed
//! from wrapped paragraphs on demand (only around the viewport), so scrolling
//! costs the same in a 1 KB brief and a 100 MB archive.

use super::wrap::wrap;
use crate::document::{Document, Span};

/// A screen row: line `line` of paragraph `para`. A line equal to the paragraph's
/// line count is the blank row separating it from the next paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    pub para: usize,
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
    /// Wrapped lines of paragraph `para` at this viewport's width.
    pub fn lines(&self, doc: &Document, para: usize) -> Vec<Span> {
        doc.paragraphs()
            .get(para)
            .map(|p| wrap(doc.text(), p.span, self.width))
            .unwrap_or_default()
    }

    /// Rows paragraph `para` takes, its separator included.
    fn rows(&self, doc: &Document, para: usize) -> usize {
        let sep = usize::from(para + 1 < doc.paragraphs().len());
        self.lines(doc, para).len() + sep
    }

    /// The rows on screen, top to bottom, at most `height` of them.
    pub fn visible(&self, doc: &Document) -> Vec<RowContent> {
        let mut out = Vec::with_capacity(self.height);
        let mut row = self.top;
        while out.len() < self.height && row.para < doc.paragraphs().len() {
            let lines = self.lines(doc, row.para);
            for line in row.line..lines.len() + 1 {
                if out.len() >= self.height {
                    break;
                }
                match lines.get(line) {
                    Some(&span) => out.push(RowContent::Text(span)),
                    None if row.para + 1 < doc.paragraphs().len() => out.push(RowContent::Blank),
                    None => {}
                }
            }
            row = Row {
                para: row.para + 1,
                line: 0,
            };
        }
        out
    }

    /// Moves the top by `delta` rows, staying within the text.
    pub fn scroll(&mut self, doc: &Document, delta: isize) {
        let mut row = self.top;
        if delta > 0 {
            for _ in 0..delta {
                let next = self.step_down(doc, row);
                if next == row {
                    break;
                }
                row = next;
            }
            // Never scroll past the point where the last row sits at the bottom.
            let limit = self.last_page_top(doc);
            row = row.min(limit);
        } else {
            for _ in 0..delta.unsigned_abs() {
                row = self.step_up(doc, row);
            }
        }
        self.top = row;
    }

    fn step_down(&self, doc: &Document, row: Row) -> Row {
        if row.line + 1 < self.rows(doc, row.para) {
            Row {
                para: row.para,
                line: row.line + 1,
            }
        } else if row.para + 1 < doc.paragraphs().len() {
            Row {
                para: row.para + 1,
                line: 0,
            }
        } else {
            row
        }
    }

    fn step_up(&self, doc: &Document, row: Row) -> Row {
        if row.line > 0 {
            Row {
                para: row.para,
                line: row.line - 1,
            }
        } else if row.para > 0 {
            Row {
                para: row.para - 1,
                line: self.rows(doc, row.para - 1) - 1,
            }
        } else {
            row
        }
    }

    /// The top row that shows the end of the text on the last screen row.
    pub fn last_page_top(&self, doc: &Document) -> Row {
        let n = doc.paragraphs().len();
        if n == 0 {
            return Row::default();
        }
        let last = Row {
            para: n - 1,
            line: self.rows(doc, n - 1).saturating_sub(1),
        };
        let mut row = last;
        for _ in 1..self.height.max(1) {
            let up = self.step_up(doc, row);
            if up == row {
                break;
            }
            row = up;
        }
        row
    }

    /// The row holding byte `pos` of the text.
    pub fn row_of(&self, doc: &Document, pos: usize) -> Row {
        let Some(para) = doc.paragraph_at(pos) else {
            return Row::default();
        };
        let lines = self.lines(doc, para);
        let line = lines.partition_point(|l| l.start <= pos).saturating_sub(1);
        Row { para, line }
    }

    /// Whether `row` is on screen.
    pub fn shows(&self, doc: &Document, row: Row) -> bool {
        if row < self.top {
            return false;
        }
        let mut r = self.top;
        for _ in 0..self.height {
            if r == row {
                return true;
            }
            let next = self.step_down(doc, r);
            if next == r {
                break;
            }
            r = next;
        }
        false
    }

    /// Scrolls so byte `pos` is on screen, a third of the way down when it was not.
    pub fn reveal(&mut self, doc: &Document, pos: usize) {
        let row = self.row_of(doc, pos);
        if self.shows(doc, row) {
            return;
        }
        self.top = row;
        self.scroll(doc, -((self.height / 3) as isize));
        let limit = self.last_page_top(doc);
        self.top = self.top.min(limit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let paras: Vec<String> = (0..30)
            .map(|i| format!("Paragraph {i} has a few words in it."))
            .collect();
        Document::from_text(&paras.join("\n\n"))
    }

    #[test]
    fn scrolling_stops_at_both_ends() {
        let d = doc();
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
        let d = doc();
        let mut v = Viewport {
            top: Row::default(),
            width: 20,
            height: 6,
        };
        let pos = d.paragraphs()[17].span.start + 5;
        v.reveal(&d, pos);
        assert!(v.shows(&d, v.row_of(&d, pos)));
        assert!(v.top.para >= 15);
    }
}

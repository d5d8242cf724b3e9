//! Frames to the terminal by their difference, and a scroll as the terminal's
//! own scroll: when the pane's text moved up or down a few rows, the rows it
//! spans are scrolled with a scroll region (DECSTBM and SU/SD, as `less` does),
//! so only the new lines and what else changed are written, not the whole pane.
//!
//! Rendering is unchanged: the frame is drawn in full into a buffer; this only
//! decides how to bring the terminal from the last frame to it.

use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::Terminal;
use std::io::{self, Write};
use std::ops::Range;

mod diff;
mod runs;
pub use diff::diff;
use diff::{cells_eq, diff_blank, diff_known, diff_scrolled};

/// A backend a frame can scroll rows of: the scroll is queued with the rest
/// of the frame, so a buffered terminal receives the whole frame in one write
/// and never shows the rows scrolled but not yet repainted.
pub trait Surface: Backend {
    /// Scrolls `rows` by `shift` (positive: up, the rows below move up).
    fn scroll_rows(&mut self, rows: Range<u16>, shift: i16) -> Result<(), Self::Error>;

    /// Writes the cells that changed, in order (as `Backend::draw`), to make
    /// the terminal show `frame` (which holds them).
    fn draw_cells(
        &mut self,
        updates: Vec<(u16, u16, &Cell)>,
        frame: &Buffer,
    ) -> Result<(), Self::Error> {
        let _ = frame;
        self.draw(updates.into_iter())
    }
}

impl<W: Write> Surface for CrosstermBackend<W> {
    fn scroll_rows(&mut self, rows: Range<u16>, shift: i16) -> io::Result<()> {
        // DECSTBM around SU/SD, as ratatui's own scroll writes it, but not flushed.
        let way = if shift > 0 { 'S' } else { 'T' };
        write!(
            self,
            "\x1b[{};{}r\x1b[{}{way}\x1b[r",
            rows.start + 1,
            rows.end,
            shift.unsigned_abs()
        )
    }

    /// The cells with the short gaps between them on a row filled in from
    /// `frame` (a few unchanged cells cost fewer bytes than moving the cursor
    /// over them), and each run of cells of one style written in one piece:
    /// formatting every cell on its own was a third of a scrolled frame's cost.
    fn draw_cells(&mut self, updates: Vec<(u16, u16, &Cell)>, frame: &Buffer) -> io::Result<()> {
        let mut arena = Vec::new();
        let filled = runs::gaps_filled(updates, frame);
        self.draw(runs::joined(&filled, &mut arena).into_iter())
    }
}

impl Surface for TestBackend {
    fn scroll_rows(&mut self, rows: Range<u16>, shift: i16) -> Result<(), Self::Error> {
        if shift > 0 {
            self.scroll_region_up(rows, shift as u16)
        } else {
            self.scroll_region_down(rows, shift.unsigned_abs())
        }
    }
}

/// The most rows one frame is scrolled by; a longer move repaints.
pub const MAX_SHIFT: u16 = 3;

/// The last frame on the terminal, to compare the next one with, and a spare
/// buffer the next frame is drawn into: frames are swapped, never copied.
#[derive(Default)]
pub struct Screen {
    last: Option<Buffer>,
    spare: Buffer,
}

impl Screen {
    /// Draws `widget` full-screen. `pane` is the area whose text may have
    /// scrolled since the last frame (the reader's text pane), if any.
    ///
    /// The difference is written straight to the backend, so `Terminal`'s own
    /// buffers are not used: a frame costs one render, one comparison and the
    /// bytes that changed.
    pub fn draw<B: Surface, W: Widget>(
        &mut self,
        terminal: &mut Terminal<B>,
        widget: W,
        pane: Option<Rect>,
    ) -> Result<(), B::Error> {
        terminal.autoresize()?;
        let area = terminal.get_frame().area();
        let mut next = std::mem::take(&mut self.spare);
        if next.area == area {
            next.reset();
        } else {
            next = Buffer::empty(area);
        }
        widget.render(area, &mut next);
        let backend = terminal.backend_mut();
        let Some(mut last) = self.last.take().filter(|last| last.area == area) else {
            // First frame, or the terminal was resized: from a blank screen,
            // every cell that is not blank is written.
            backend.clear()?;
            backend.draw_cells(diff_blank(&next), &next)?;
            return self.shown(terminal, next, Buffer::default());
        };
        // A pane laid out for another size (a resize not yet seen) is not scrolled.
        let pane = pane.filter(|p| area.union(*p) == area);
        let mut carried = None;
        if let Some(pane) = pane {
            if let Some((shift, rows_carried)) = scroll(&last, &next, pane) {
                let rows = pane.y..pane.bottom();
                shift_rows(&mut last, rows.clone(), shift);
                backend.scroll_rows(rows, shift)?;
                carried = Some((pane, rows_carried));
            }
        }
        // The terminal now shows `last`: write what differs from it.
        let known = carried.as_ref().map(|(p, rows)| (*p, rows.as_slice()));
        backend.draw_cells(diff_known(&last, &next, known), &next)?;
        self.shown(terminal, next, last)
    }

    /// Ends a frame: `next` is on the terminal, and `spare` is kept to draw the one after into.
    fn shown<B: Surface>(
        &mut self,
        terminal: &mut Terminal<B>,
        next: Buffer,
        spare: Buffer,
    ) -> Result<(), B::Error> {
        // Through `Terminal`, which remembers to show the cursor again when it is dropped.
        terminal.hide_cursor()?;
        terminal.backend_mut().flush()?;
        self.spare = spare;
        self.last = Some(next);
        Ok(())
    }

    /// Draws the next frame from the last one when the caller knows that all
    /// that changed is the cells of `rows` moving by `shift` rows (positive:
    /// up, as after `j`) and what `render` draws: the rows moved in (left
    /// blank for it, and given to it counted from `rows`' top) and the whole
    /// rows of `redrawn` (which must lie apart from `rows`' rows). Nothing else is rendered, copied or compared: the
    /// last frame becomes the next in place. `shift` is within [`MAX_SHIFT`].
    ///
    /// Returns `false`, drawing nothing, when there is no last frame to start
    /// from or the terminal's size changed: the caller then draws in full.
    pub fn draw_scrolled<B: Surface>(
        &mut self,
        terminal: &mut Terminal<B>,
        rows: Rect,
        shift: i16,
        redrawn: Rect,
        render: impl FnOnce(&mut Buffer, Range<usize>),
    ) -> Result<bool, B::Error> {
        terminal.autoresize()?;
        let area = terminal.get_frame().area();
        let apart = redrawn.bottom() <= rows.y || redrawn.y >= rows.bottom();
        let fits = area.union(rows) == area
            && area.union(redrawn) == area
            && apart
            && shift != 0
            && shift.unsigned_abs() <= MAX_SHIFT.min(rows.height / 2);
        let Some(mut frame) = self.last.take_if(|last| last.area == area && fits) else {
            return Ok(false);
        };
        // What the terminal shows of the redrawn rows, to compare with.
        let whole = Rect::new(area.x, redrawn.y, area.width, redrawn.height);
        let before = if whole.is_empty() {
            Vec::new()
        } else {
            let from = frame.index_of(whole.x, whole.y);
            frame.content[from..from + whole.area() as usize].to_vec()
        };
        let moved_in = move_cells(&mut frame, rows, shift);
        let from_top = |y: u16| usize::from(y - rows.y);
        render(&mut frame, from_top(moved_in.start)..from_top(moved_in.end));
        let backend = terminal.backend_mut();
        // The terminal scrolls whole rows: the pane's rows and what is beside them.
        backend.scroll_rows(rows.y..rows.bottom(), shift)?;
        backend.draw_cells(diff_scrolled(&frame, rows, shift, whole, &before), &frame)?;
        terminal.hide_cursor()?;
        terminal.backend_mut().flush()?;
        self.last = Some(frame);
        Ok(true)
    }

    /// The frame the terminal shows, as drawn last.
    pub fn last(&self) -> Option<&Buffer> {
        self.last.as_ref()
    }
}

/// Moves the cells of `rows` by `shift` rows (positive: up) within their
/// columns, leaving the rows moved in blank (returned): the cells beside them stay.
fn move_cells(buf: &mut Buffer, rows: Rect, shift: i16) -> Range<u16> {
    let (x, width) = (usize::from(rows.x - buf.area.x), usize::from(rows.width));
    let stride = usize::from(buf.area.width);
    let row = |y: u16| usize::from(y - buf.area.y) * stride + x;
    let by = shift.unsigned_abs();
    // Each destination row takes its source's cells; the source keeps the
    // destination's old cells, which end in the rows moved in and are blanked.
    let order: Vec<u16> = if shift > 0 {
        (rows.y..rows.bottom() - by).collect()
    } else {
        (rows.y + by..rows.bottom()).rev().collect()
    };
    for to in order {
        let from = if shift > 0 { to + by } else { to - by };
        let (a, b) = (row(to.min(from)), row(to.max(from)));
        let (low, high) = buf.content.split_at_mut(b);
        low[a..a + width].swap_with_slice(&mut high[..width]);
    }
    let blank = if shift > 0 {
        rows.bottom() - by..rows.bottom()
    } else {
        rows.y..rows.y + by
    };
    for y in blank.clone() {
        buf.content[row(y)..row(y) + width].fill(Cell::EMPTY);
    }
    blank
}

/// By how many rows the text of `pane` moved from `last` to `next` (positive:
/// up, as after `j`), when scrolling the pane's rows saves writing most of them;
/// with which of the pane's rows (from its top) the shift brings to their new
/// text within the pane's columns, so the difference need not look there again.
fn scroll(last: &Buffer, next: &Buffer, pane: Rect) -> Option<(i16, Vec<bool>)> {
    let height = pane.height;
    if height < 4 {
        return None;
    }
    let same = |from: u16, to: u16| row_eq(last, from, next, to, pane);
    let carried = |shift: i16| -> Vec<bool> {
        (pane.y..pane.bottom())
            .map(|to| {
                let from = i32::from(to) + i32::from(shift);
                from >= i32::from(pane.y)
                    && from < i32::from(pane.bottom())
                    && same(from as u16, to)
            })
            .collect()
    };
    let count = |rows: &[bool]| rows.iter().filter(|&&r| r).count();
    let limit = MAX_SHIFT.min(height / 2) as i16;
    // Nearest shifts first; one that moved every row it could ends the search.
    let mut best: Option<(i16, Vec<bool>)> = None;
    for s in (1..=limit).flat_map(|s| [s, -s]) {
        let rows = carried(s);
        let kept = count(&rows);
        if best.as_ref().is_none_or(|(_, b)| kept > count(b)) {
            best = Some((s, rows));
        }
        if kept == usize::from(height) - usize::from(s.unsigned_abs()) {
            break;
        }
    }
    let (best, rows) = best?;
    let kept = count(&rows);
    // Worth it when most of the pane moved and fewer rows stayed where they were.
    (kept * 2 >= usize::from(height) && kept > count(&carried(0))).then_some((best, rows))
}

/// Whether row `a` of `x` and row `b` of `y` hold the same cells within `pane`'s columns.
fn row_eq(x: &Buffer, a: u16, y: &Buffer, b: u16, pane: Rect) -> bool {
    let width = usize::from(pane.width);
    let (i, j) = (x.index_of(pane.x, a), y.index_of(pane.x, b));
    cells_eq(&x.content[i..i + width], &y.content[j..j + width])
}

/// What the terminal shows after scrolling `rows` of `buf` by `shift` (positive:
/// up): whole rows move (the terminal scrolls every column), the rows scrolled
/// in are blank. The cells are moved, not copied.
fn shift_rows(buf: &mut Buffer, rows: Range<u16>, shift: i16) {
    let (x, width) = (buf.area.x, usize::from(buf.area.width));
    let (start, end) = (
        buf.index_of(x, rows.start),
        buf.index_of(x, rows.end - 1) + width,
    );
    let region = &mut buf.content[start..end];
    let moved = (usize::from(shift.unsigned_abs()) * width).min(region.len());
    let blank = if shift > 0 {
        region.rotate_left(moved);
        let len = region.len();
        &mut region[len - moved..]
    } else {
        region.rotate_right(moved);
        &mut region[..moved]
    };
    blank.fill(Cell::EMPTY);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::text::Line;
    use ratatui::widgets::Paragraph;

    /// Lines `from..` of a numbered text in a pane of the top 10 rows, a
    /// sidebar beside it and a status row that says where the pane is.
    struct Page(usize);

    impl Widget for Page {
        fn render(self, area: Rect, buf: &mut Buffer) {
            let lines: Vec<Line> = (self.0..self.0 + 10)
                .map(|i| Line::from(format!("line {i} of the text")))
                .collect();
            Paragraph::new(lines).render(Rect::new(0, 0, 30, 10), buf);
            Paragraph::new("sidebar").render(Rect::new(30, 0, 10, 10), buf);
            Line::from(format!("at {}", self.0)).render(Rect::new(0, 10, area.width, 1), buf);
        }
    }

    fn page(from: usize) -> Page {
        Page(from)
    }

    const PANE: Rect = Rect::new(0, 0, 30, 10);

    fn full(widget: impl Widget) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, 40, 11));
        widget.render(b.area, &mut b);
        b
    }

    #[test]
    fn frames_in_a_row_scrolled_or_not_and_a_resize_leave_the_screen_a_full_repaint_would() {
        let mut term = Terminal::new(TestBackend::new(40, 11)).unwrap();
        let mut screen = Screen::default();
        for from in [0, 1, 2, 2, 5, 4, 3, 30, 31, 28, 29] {
            screen.draw(&mut term, page(from), Some(PANE)).unwrap();
            assert_eq!(term.backend().buffer(), &full(page(from)), "at {from}");
        }
        // A pane laid out for a bigger screen than the frame's is repainted, not scrolled.
        screen
            .draw(&mut term, page(8), Some(Rect::new(0, 0, 30, 40)))
            .unwrap();
        assert_eq!(term.backend().buffer(), &full(page(8)));
        term.backend_mut().resize(50, 12);
        screen.draw(&mut term, page(7), Some(PANE)).unwrap();
        let mut big = Buffer::empty(Rect::new(0, 0, 50, 12));
        page(7).render(big.area, &mut big);
        assert_eq!(term.backend().buffer(), &big);
    }

    /// Counts the writes that reach it, as the terminal's file would see them.
    #[derive(Default)]
    struct Writes(std::rc::Rc<std::cell::Cell<usize>>);

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.set(self.0.get() + 1);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_scrolled_frame_reaches_a_buffered_terminal_in_one_write() {
        let writes = Writes::default();
        let count = writes.0.clone();
        let backend = CrosstermBackend::new(io::BufWriter::with_capacity(1 << 16, writes));
        let mut term = Terminal::with_options(
            backend,
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 40, 11)),
            },
        )
        .unwrap();
        let mut screen = Screen::default();
        screen.draw(&mut term, page(0), Some(PANE)).unwrap();
        for from in [1, 2, 1] {
            let before = count.get();
            screen.draw(&mut term, page(from), Some(PANE)).unwrap();
            // The scroll is not flushed ahead of the rows it leaves to repaint.
            assert_eq!(count.get() - before, 1, "at {from}");
        }
    }

    #[test]
    fn rows_a_scroll_carried_over_are_not_compared_again_and_nothing_is_missed() {
        // The pane's columns, and the text inside a border one column wide.
        let inner = Rect::new(1, 0, 28, 10);
        let cases = [(0, 1), (1, 0), (5, 3), (3, 5), (2, 2), (0, 40)];
        for (pane, (from, to)) in [PANE, inner]
            .into_iter()
            .flat_map(|p| cases.map(|c| (p, c)))
        {
            let (mut last, next) = (full(page(from)), full(page(to)));
            let Some((shift, carried)) = scroll(&last, &next, pane) else {
                assert!(from == to || from.abs_diff(to) > 3, "{from} to {to}");
                continue;
            };
            assert_eq!(
                carried.iter().filter(|&&c| c).count(),
                10 - from.abs_diff(to)
            );
            shift_rows(&mut last, pane.y..pane.bottom(), shift);
            let owned = |d: Vec<(u16, u16, &Cell)>| -> Vec<(u16, u16, Cell)> {
                d.into_iter().map(|(x, y, c)| (x, y, c.clone())).collect()
            };
            let skipped = owned(diff_known(&last, &next, Some((pane, &carried))));
            assert_eq!(skipped, owned(diff(&last, &next)), "{from} to {to}");
            // The pane's new rows are written, in the pane's columns too.
            assert!(
                skipped.iter().any(|&(x, ..)| x < PANE.right()),
                "{from} to {to}"
            );
        }
    }

    #[test]
    fn a_frame_drawn_from_the_last_with_its_rows_moved_leaves_the_screen_a_full_repaint_would() {
        // The pane's text columns only (its border and the sidebar stay), and whole rows.
        let status = Rect::new(0, 10, 40, 1);
        for rows in [Rect::new(1, 0, 28, 10), PANE] {
            for (from, to) in [(0, 1), (3, 1), (5, 8), (9, 6), (4, 5)] {
                let mut term = Terminal::new(TestBackend::new(40, 11)).unwrap();
                let mut screen = Screen::default();
                screen.draw(&mut term, page(from), Some(PANE)).unwrap();
                let shift = to as i16 - from as i16;
                let want = full(page(to));
                // What the caller renders: the rows moved in, and the status line.
                let fresh = |buf: &mut Buffer, given: Range<usize>| {
                    let moved_in = if shift > 0 {
                        rows.bottom() - shift as u16..rows.bottom()
                    } else {
                        rows.y..rows.y + shift.unsigned_abs()
                    };
                    let from_top = |y: u16| usize::from(y - rows.y);
                    assert_eq!(given, from_top(moved_in.start)..from_top(moved_in.end));
                    for y in moved_in.chain(status.y..status.bottom()) {
                        for x in 0..40 {
                            let inside = (rows.x..rows.right()).contains(&x) || y >= status.y;
                            if inside {
                                buf[(x, y)] = want[(x, y)].clone();
                            }
                        }
                    }
                };
                assert!(screen
                    .draw_scrolled(&mut term, rows, shift, status, fresh)
                    .unwrap());
                assert_eq!(term.backend().buffer(), &want, "{rows:?}: {from} -> {to}");
                assert_eq!(screen.last(), Some(&want));
            }
        }
        // No last frame of this size to start from: nothing is drawn.
        let mut term = Terminal::new(TestBackend::new(40, 11)).unwrap();
        let mut screen = Screen::default();
        assert!(!screen
            .draw_scrolled(&mut term, PANE, 1, status, |_, _| {})
            .unwrap());
        screen.draw(&mut term, page(0), Some(PANE)).unwrap();
        term.backend_mut().resize(44, 12);
        assert!(!screen
            .draw_scrolled(&mut term, PANE, 1, status, |_, _| {})
            .unwrap());
    }

    #[test]
    fn finds_the_rows_the_text_moved_by() {
        assert_eq!(
            scroll(&full(page(0)), &full(page(1)), PANE).map(|s| s.0),
            Some(1)
        );
        assert_eq!(
            scroll(&full(page(5)), &full(page(3)), PANE).map(|s| s.0),
            Some(-2)
        );
        assert_eq!(
            scroll(&full(page(0)), &full(page(0)), PANE).map(|s| s.0),
            None
        );
        assert_eq!(
            scroll(&full(page(0)), &full(page(40)), PANE).map(|s| s.0),
            None
        );
    }

    #[test]
    fn the_screen_after_a_scroll_equals_a_full_repaint() {
        for (from, to) in [(0, 1), (4, 3), (10, 13), (9, 6), (0, 30)] {
            let mut term = Terminal::new(TestBackend::new(40, 11)).unwrap();
            let mut screen = Screen::default();
            screen.draw(&mut term, page(from), Some(PANE)).unwrap();
            screen.draw(&mut term, page(to), Some(PANE)).unwrap();
            assert_eq!(term.backend().buffer(), &full(page(to)), "{from} -> {to}");
        }
    }
}

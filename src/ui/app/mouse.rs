//! The mouse, optional (`[reader] mouse = false` turns it off): the wheel
//! scrolls the pane under the pointer, a left click focuses that pane and
//! selects what is under it. Cells map to text through the same layout, wrapping
//! and display widths the widgets draw with, so wide characters hit right.

use super::*;
use crate::display::{cells, CellKind};
use crate::ui::viewport::RowContent;
use crate::ui::widgets::{sidebar_row_at, timeline_event_at};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// Lines of text one wheel notch scrolls.
pub const WHEEL_LINES: i32 = 3;

/// Whether `(col, row)` lies inside `r`.
fn inside(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.right() && row >= r.y && row < r.bottom()
}

/// `r` without its one-cell border.
fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

impl App {
    /// The action a terminal mouse event stands for: a left click or a wheel
    /// notch; `None` for anything else, or when the mouse is turned off.
    pub fn action_for_mouse(&self, ev: MouseEvent) -> Option<Action> {
        if !self.mouse {
            return None;
        }
        let (col, row) = (ev.column, ev.row);
        match ev.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col, row }),
            MouseEventKind::ScrollDown => Some(Action::Wheel { col, row, delta: 1 }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                col,
                row,
                delta: -1,
            }),
            _ => None,
        }
    }

    /// The wheel over a pane: text scrolls [`WHEEL_LINES`] a notch; the sidebar
    /// and the timeline move their cursor (and take the focus, so it shows).
    pub(super) fn wheel(&mut self, col: u16, row: u16, delta: i32) {
        if !self.mouse || !matches!(self.mode, Mode::Normal | Mode::Search | Mode::Filter) {
            return;
        }
        let Some(a) = self.areas() else {
            return;
        };
        if inside(a.pane, col, row) {
            self.scroll((delta * WHEEL_LINES) as isize);
        } else if inside(a.sidebar, col, row) {
            self.focus_by_mouse(Focus::Sidebar);
            self.move_by(delta as isize);
        } else if inside(a.timeline, col, row) {
            self.focus_by_mouse(Focus::Timeline);
            self.step_event(delta as isize);
        }
    }

    /// A left click: focuses the pane under the pointer and selects what the
    /// click is on (a sidebar entity, a timeline event, a sentence or a mention).
    pub(super) fn click(&mut self, col: u16, row: u16) {
        if !self.mouse {
            return;
        }
        if self.mode == Mode::Help {
            self.mode = Mode::Normal;
            return;
        }
        // Typing a query or filter: the click accepts it first.
        if matches!(self.mode, Mode::Search | Mode::Filter) {
            self.mode = Mode::Normal;
        }
        if self.mode != Mode::Normal {
            return;
        }
        let Some(a) = self.areas() else {
            return;
        };
        if inside(a.pane, col, row) {
            self.focus_by_mouse(Focus::Pane);
            if let Some(pos) = self.byte_at(a.text, col, row) {
                self.click_text(pos);
            }
        } else if inside(a.sidebar, col, row) {
            self.focus_by_mouse(Focus::Sidebar);
            let list = inner(a.sidebar);
            if !inside(list, col, row) {
                return;
            }
            let line = usize::from(row - list.y);
            if let Some(r) = sidebar_row_at(self, usize::from(list.height), line) {
                self.sidebar.cursor = r;
                self.activate();
            }
        } else if inside(a.timeline, col, row) {
            self.focus_by_mouse(Focus::Timeline);
            let band = inner(a.timeline);
            if row != band.y || !inside(band, col, row) {
                return;
            }
            let x = usize::from(col - band.x);
            if let Some(e) = timeline_event_at(self, usize::from(band.width), x) {
                self.event = Some(e);
                self.reveal_event();
            }
        }
    }

    fn focus_by_mouse(&mut self, focus: Focus) {
        self.focus = focus;
        self.pending_key = None;
    }

    /// The byte of the text drawn at screen cell `(col, row)` of the text area
    /// `text`: the character covering that column (a wide one covers two), or
    /// the line's last character when the click is right of its end.
    pub fn byte_at(&self, text: Rect, col: u16, row: u16) -> Option<usize> {
        if row < text.y || row >= text.bottom() || col < text.x {
            return None;
        }
        let rows = self.view.visible(&self.flow);
        let RowContent::Text(span) = *rows.get(usize::from(row - text.y))? else {
            return None;
        };
        let target = usize::from(col - text.x);
        let mut x = 0usize;
        let mut last = None;
        for cell in cells(self.doc.text(), span.start, span.end) {
            if cell.kind == CellKind::Newline {
                continue;
            }
            let w = cell.width_at(x);
            if target < x + w {
                return Some(cell.byte);
            }
            last = Some(cell.byte);
            x += w;
        }
        last.or((!span.is_empty()).then_some(span.start))
    }

    /// A click on the text at byte `pos`: the reading cursor goes to its sentence
    /// (a selection's end follows, as with `)`), and a mention there becomes the
    /// selected entity and current mention.
    fn click_text(&mut self, pos: usize) {
        if let Some(s) = self.sentence_at_now(pos) {
            self.cursor = Some(s);
            self.move_cursor(|_, _| s);
            self.place_cursor(pos);
        }
        if let Some(m) = self.entities.mention_at(pos) {
            let id = self.entities.mentions()[m].entity();
            self.selected = Some(id);
            self.mention = Some(m);
            if let Some(row) = self.sidebar.rows.iter().position(|&r| r == id) {
                self.sidebar.cursor = row;
            }
        }
    }
}

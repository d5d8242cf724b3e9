//! Where each widget goes, as a pure function of the screen size:
//!
//! ```text
//! ┌ Brief ────────────────────────────────┐┌ Entities ──────┐
//! │  paragraph pane                        ││ sidebar        │
//! │                                        ││                │
//! └ legend ────────────────────────────────┘└────────────────┘
//! ┌ Timeline ─────────────────────────────────────────────────┐
//! │ Apr 19 on April 19 │ Apr 23 [April 23] today │ …  unresolved: │
//! │ selected event: value, type, expression, range of a duration │
//! │ its sentence, and the entities it mentions                   │
//! └────────────────────────────────────────────────────────────┘
//!  notice not read yet (one or two lines, only while there is one)
//!  status line: file · publication · position · key hints
//! ```
//!
//! While a notice shows, the status area grows and the timeline strip gives up
//! its last rows, so the text keeps its place and size.

use ratatui::layout::Rect;

/// Smallest screen the reader lays out; below it a notice asks for more room.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Columns left of the text for margin marks.
pub const MARGIN: u16 = 2;

/// The areas of the reader's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub pane: Rect,
    /// The text inside the pane's border and margin.
    pub text: Rect,
    pub sidebar: Rect,
    pub timeline: Rect,
    pub status: Rect,
}

/// Rows of the timeline strip and the status line together.
const BOTTOM_ROWS: u16 = 6;
/// Rows the timeline strip keeps however tall the status area grows: its band.
const MIN_TIMELINE_ROWS: u16 = 3;

/// Splits `screen` with a one-line status area; `None` when it is smaller than 80x24.
pub fn areas(screen: Rect) -> Option<Areas> {
    areas_with(screen, 1)
}

/// Splits `screen` with a status area `status_rows` tall (one to three), taken
/// from the timeline strip; `None` when the screen is smaller than 80x24.
pub fn areas_with(screen: Rect, status_rows: u16) -> Option<Areas> {
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        return None;
    }
    let status_h = status_rows.clamp(1, BOTTOM_ROWS - MIN_TIMELINE_ROWS);
    let timeline_h = BOTTOM_ROWS - status_h;
    let main_h = screen.height - timeline_h - status_h;
    let sidebar_w = (screen.width / 4).clamp(26, 40);
    let pane = Rect::new(screen.x, screen.y, screen.width - sidebar_w, main_h);
    let sidebar = Rect::new(screen.x + pane.width, screen.y, sidebar_w, main_h);
    let timeline = Rect::new(screen.x, screen.y + main_h, screen.width, timeline_h);
    let status = Rect::new(
        screen.x,
        screen.y + main_h + timeline_h,
        screen.width,
        status_h,
    );
    let text = text_area(pane);
    Some(Areas {
        pane,
        text,
        sidebar,
        timeline,
        status,
    })
}

/// The text inside the paragraph pane `pane`: within its border, after the margin,
/// with one column kept free on the right.
pub fn text_area(pane: Rect) -> Rect {
    Rect::new(
        pane.x + 1 + MARGIN,
        pane.y + 1,
        pane.width.saturating_sub(2 + MARGIN + 1),
        pane.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_tile_the_screen_and_refuse_tiny_ones() {
        let a = areas(Rect::new(0, 0, 120, 40)).unwrap();
        assert_eq!(a.pane.width + a.sidebar.width, 120);
        assert_eq!(a.pane.height + a.timeline.height + a.status.height, 40);
        assert!(a.text.width > 70);
        assert!(areas(Rect::new(0, 0, 79, 40)).is_none());
        assert!(areas(Rect::new(0, 0, 0, 0)).is_none());
    }

    #[test]
    fn a_taller_status_area_takes_rows_from_the_timeline_only() {
        let screen = Rect::new(0, 0, 80, 24);
        let one = areas(screen).unwrap();
        for rows in 2..=5 {
            let a = areas_with(screen, rows).unwrap();
            assert_eq!(
                (a.pane, a.text, a.sidebar),
                (one.pane, one.text, one.sidebar)
            );
            assert_eq!(a.status.height, rows.min(3));
            assert_eq!(a.timeline.height + a.status.height, 6);
            assert_eq!(a.status.bottom(), 24);
        }
    }
}

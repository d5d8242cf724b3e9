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
//!  status line: file · publication · position · key hints
//! ```

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

/// Splits `screen`; `None` when it is smaller than 80x24.
pub fn areas(screen: Rect) -> Option<Areas> {
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        return None;
    }
    let timeline_h = 5;
    let status_h = 1;
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
}

//! Widgets: each renders from `&App` into a buffer and changes nothing.

mod border;
mod help;
mod map;
mod notes;
mod pane;
mod put;
mod sidebar;
mod status;
mod timeline;

pub use help::HelpOverlay;
pub use map::{marker as map_marker, PlaceMap};
pub use notes::{EditorOverlay, NotesPanel};
pub use pane::ParagraphPane;
pub use put::Put;
pub use sidebar::EntitySidebar;
pub use status::StatusLine;
pub use timeline::TimelineStrip;
pub(crate) use {
    pane::draw_rows as draw_pane_rows, sidebar::row_at as sidebar_row_at,
    timeline::event_at as timeline_event_at,
};

use super::app::{App, Mode};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// "terminal too small", wrapped to whatever fits of `area` (which may be 0x0).
pub(crate) fn too_small(area: Rect, buf: &mut Buffer, style: ratatui::style::Style) {
    let msg = format!(
        "terminal too small: folio needs {MIN_WIDTH}x{MIN_HEIGHT}, this is {}x{}",
        area.width, area.height
    );
    for (i, chunk) in msg
        .as_bytes()
        .chunks(usize::from(area.width.max(1)))
        .enumerate()
        .take(usize::from(area.height))
    {
        let line = String::from_utf8_lossy(chunk);
        buf.put(
            area.x,
            area.y + i as u16,
            line,
            usize::from(area.width),
            style,
        );
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(a) = layout::areas_with(area, StatusLine::height(self, area.width)) else {
            too_small(area, buf, self.theme.notice);
            return;
        };
        match &self.map {
            Some(map) => PlaceMap {
                places: &map.places,
                cursor: map.cursor,
                unplaced: map.unplaced,
                pending: self.extracting,
                scope: "this brief",
                theme: &self.theme,
            }
            .render(a.pane, buf),
            None => ParagraphPane(self).render(a.pane, buf),
        }
        EntitySidebar(self).render(a.sidebar, buf);
        TimelineStrip(self).render(a.timeline, buf);
        StatusLine(self).render(a.status, buf);
        if self.notes.panel.is_some() {
            NotesPanel(self).render(a.pane.union(a.sidebar), buf);
        }
        if self.notes.editor.is_some() {
            EditorOverlay(self).render(area, buf);
        }
        if self.mode == Mode::Help {
            HelpOverlay {
                help: self.help_content(),
                theme: &self.theme,
                scroll: self.help,
            }
            .render(area, buf);
        }
    }
}

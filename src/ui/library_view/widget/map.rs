//! The library's map screen: the map of every place across the briefs on the
//! left, the places with their mention counts on the right (the selected one
//! reversed, with where it is under it), a header naming what is shown.

use crate::display::{truncate, width};
use crate::ui::library_view::LibraryView;
use crate::ui::widgets::Put;
use crate::ui::widgets::{map_marker, PlaceMap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

/// Draws the map screen into `area` (the status line is drawn by the caller).
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let Some(map) = &v.map else {
        return;
    };
    let theme = &v.settings.theme;
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let list_w = (area.width / 3).clamp(26, 40);
    let map_area = Rect::new(body.x, body.y, body.width - list_w, body.height);
    let list_area = Rect::new(body.x + map_area.width, body.y, list_w, body.height);
    PlaceMap {
        places: &map.places,
        cursor: map.cursor,
        unplaced: map.unplaced,
        pending: v.indexing(),
        scope: "the library",
        theme,
    }
    .render(map_area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(format!(" Places across {} briefs ", v.lib.briefs().len()));
    let inner = block.inner(list_area);
    block.render(list_area, buf);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    // The cursor's row and the line under it stay on screen.
    let top = (map.cursor + 2).saturating_sub(height);
    let mut y = inner.y;
    for (i, p) in map.places.iter().enumerate().skip(top) {
        if y >= inner.bottom() {
            break;
        }
        let count = p.mentions.to_string();
        let name_w = w.saturating_sub(count.len() + 3);
        let name = truncate(&p.name, name_w);
        let pad = name_w.saturating_sub(width(&name));
        let line = format!("{}{name}{} {count}", map_marker(p), " ".repeat(pad + 1));
        let mut style = theme.kind(crate::entities::Kind::Place);
        if i == map.cursor {
            style = style.patch(theme.cursor);
        }
        buf.put(inner.x, y, line, w, style);
        y += 1;
        if i == map.cursor && y < inner.bottom() {
            let what = format!("  ↳ {}", p.place.describe());
            buf.put(inner.x, y, what, w, theme.dim);
            y += 1;
        }
    }
}

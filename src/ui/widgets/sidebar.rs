//! The entity sidebar: entities grouped by kind, most mentioned first, with
//! mention counts; filter-as-you-type; the cursor and the selected entity marked.
//! While the map is open its cursor follows the selected place, and a line under
//! it says where that place is ("city in Kazakhstan").

use crate::display;
use crate::entities::Kind;
use crate::ui::app::{App, Focus, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

/// Renders the entity list.
pub struct EntitySidebar<'a>(pub &'a App);

/// A line of the sidebar.
enum Item {
    Heading(Kind, usize),
    Entity(usize),
    /// Where the map's selected place is, under its row.
    Where(String),
}

impl Widget for EntitySidebar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let focused = app.focus == Focus::Sidebar || app.map.is_some();
        let title = if app.sidebar.filter.is_empty() && app.mode != Mode::Filter {
            format!(" Entities ({}) ", app.entities.entities.len())
        } else {
            format!(" Entities /{} ", display::truncate(&app.sidebar.filter, 20))
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(if focused {
                theme.border_focused
            } else {
                theme.border
            })
            .title(title);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let items = items(app);
        if items.is_empty() {
            let msg = if app.extracting {
                "finding entities…"
            } else {
                "no entities"
            };
            buf.set_stringn(inner.x, inner.y, msg, usize::from(inner.width), theme.dim);
            return;
        }
        let height = usize::from(inner.height);
        let offset = first_line(app, &items, height);
        let width = usize::from(inner.width);
        for (i, item) in items.iter().skip(offset).take(height).enumerate() {
            let y = inner.y + i as u16;
            match *item {
                Item::Where(ref what) => {
                    let line = format!("   ↳ {what}");
                    buf.set_stringn(inner.x, y, line, width, theme.dim);
                }
                Item::Heading(kind, n) => {
                    let label = format!("{} ({n})", heading(kind));
                    buf.set_stringn(
                        inner.x,
                        y,
                        label,
                        width,
                        theme.heading.patch(theme.kind(kind)),
                    );
                }
                Item::Entity(row) => {
                    let id = app.sidebar.rows[row];
                    let e = &app.entities.entities[id];
                    let count = e.mentions.len().to_string();
                    let mark = if app.selected == Some(id) { "●" } else { " " };
                    let edit = if app.is_corrected(id) { "✎" } else { " " };
                    let name_w = width.saturating_sub(count.len() + 3);
                    let name = display::truncate(&e.name, name_w);
                    let pad = name_w.saturating_sub(display::width(&name));
                    let line = format!("{mark}{edit}{name}{} {count}", " ".repeat(pad));
                    let mut style = theme.kind(e.kind);
                    if row == app.sidebar.cursor && focused {
                        style = style.patch(theme.cursor);
                    }
                    buf.set_stringn(inner.x, y, line, width, style);
                }
            }
        }
    }
}

/// The first line shown of a list `height` lines tall: the cursor's line stays on screen.
fn first_line(app: &App, items: &[Item], height: usize) -> usize {
    let cursor_line = items
        .iter()
        .position(|it| matches!(it, Item::Entity(r) if *r == app.sidebar.cursor))
        .unwrap_or(0);
    // The line saying where the map's place is stays on screen with it.
    let last = match items.get(cursor_line + 1) {
        Some(Item::Where(_)) => cursor_line + 1,
        _ => cursor_line,
    };
    last.saturating_sub(height.saturating_sub(1))
}

/// The sidebar row (index into `app.sidebar.rows`) drawn on line `line` of a
/// list `height` lines tall, as rendering lays it out; `None` on a heading or below the list.
pub fn row_at(app: &App, height: usize, line: usize) -> Option<usize> {
    if line >= height {
        return None;
    }
    let items = items(app);
    match items.get(first_line(app, &items, height) + line)? {
        Item::Entity(row) => Some(*row),
        Item::Heading(..) | Item::Where(_) => None,
    }
}

fn heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "PEOPLE",
        Kind::Organization => "ORGANIZATIONS",
        Kind::Place => "PLACES",
        Kind::Misc => "MISC",
    }
}

/// Headings interleaved with the sidebar rows (rows are already grouped by kind).
fn items(app: &App) -> Vec<Item> {
    let mut out = Vec::with_capacity(app.sidebar.rows.len() + 4);
    let mut last: Option<Kind> = None;
    for (row, &id) in app.sidebar.rows.iter().enumerate() {
        let kind = app.entities.entities[id].kind;
        if last != Some(kind) {
            let n = app
                .sidebar
                .rows
                .iter()
                .filter(|&&r| app.entities.entities[r].kind == kind)
                .count();
            out.push(Item::Heading(kind, n));
            last = Some(kind);
        }
        out.push(Item::Entity(row));
        if let Some(p) = app.map.as_ref().and_then(|m| m.current()) {
            if p.entity == id && row == app.sidebar.cursor {
                out.push(Item::Where(p.place.describe()));
            }
        }
    }
    out
}

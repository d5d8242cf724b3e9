//! The entity sidebar: entities grouped by kind, most mentioned first, with
//! mention counts; filter-as-you-type; the cursor and the selected entity marked.
//! While the map is open its cursor follows the selected place, and a line under
//! it says where that place is ("city in Kazakhstan").

use super::border::Bordered;
use super::Put;
use crate::display;
use crate::entities::Kind;
use crate::ui::app::{App, Focus, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::ops::Range;

/// Renders the entity list.
pub struct EntitySidebar<'a>(pub &'a App);

/// A line of the sidebar.
#[derive(Debug, PartialEq)]
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
        let border = if focused {
            theme.border_focused
        } else {
            theme.border
        };
        Bordered::new(border, title).render(area, buf);
        let inner = Bordered::inner(area);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let lines = Lines::new(app);
        if lines.len() == 0 {
            let msg = if app.extracting {
                "finding entities…"
            } else {
                "no entities"
            };
            buf.put(inner.x, inner.y, msg, usize::from(inner.width), theme.dim);
            return;
        }
        let height = usize::from(inner.height);
        let offset = lines.first_shown(app.sidebar.cursor, height);
        let width = usize::from(inner.width);
        for (i, line) in (offset..lines.len()).take(height).enumerate() {
            let y = inner.y + i as u16;
            let Some(item) = lines.get(line) else {
                break;
            };
            match item {
                Item::Where(what) => {
                    let line = format!("   ↳ {what}");
                    buf.put(inner.x, y, line, width, theme.dim);
                }
                Item::Heading(kind, n) => {
                    let label = format!("{} ({n})", heading(kind));
                    buf.put(
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
                    let mut style = theme.kind(e.kind);
                    if row == app.sidebar.cursor && focused {
                        style = style.patch(theme.cursor);
                    }
                    let row = EntityRow {
                        selected: app.selected == Some(id),
                        corrected: app.is_corrected(id),
                        name: &e.name,
                        count: e.count(),
                    };
                    row.draw(buf, (inner.x, y, width), style);
                }
            }
        }
    }
}

/// An entity's line: its marks (selected, corrected), its name cut to fit, and
/// its mention count at the right edge.
struct EntityRow<'a> {
    selected: bool,
    corrected: bool,
    name: &'a str,
    count: usize,
}

impl EntityRow<'_> {
    /// Draws the line at `(x, y)` in `width` columns, all of it in `style`: the
    /// style is laid over the row once and the pieces are put where they go,
    /// not padded into one string first (a frame draws every line it shows).
    fn draw(&self, buf: &mut Buffer, (x, y, width): (u16, u16, usize), style: Style) {
        let count = self.count.to_string();
        let name_w = width.saturating_sub(count.len() + 3);
        let columns = u16::try_from(width).unwrap_or(u16::MAX);
        let area = Rect::new(x, y, columns, 1).intersection(buf.area);
        buf.set_style(area, style);
        let mark = if self.selected { "●" } else { " " };
        let edit = if self.corrected { "✎" } else { " " };
        let pieces = [
            (0, mark.into()),
            (1, edit.into()),
            (2, display::truncate(self.name, name_w)),
            (name_w + 3, count),
        ];
        for (at, text) in pieces {
            if at < width {
                buf.put(x + at as u16, y, text, width - at, style);
            }
        }
    }
}

/// The sidebar row (index into `app.sidebar.rows`) drawn on line `line` of a
/// list `height` lines tall, as rendering lays it out; `None` on a heading or below the list.
pub fn row_at(app: &App, height: usize, line: usize) -> Option<usize> {
    if line >= height {
        return None;
    }
    let lines = Lines::new(app);
    match lines.get(lines.first_shown(app.sidebar.cursor, height) + line)? {
        Item::Entity(row) => Some(row),
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

/// The sidebar's lines: a heading before each kind's rows (rows are grouped by
/// kind) and, under the cursor's row, where the map's place is. Found from the
/// group bounds, so a frame costs the lines it shows, not the number of entities.
struct Lines {
    /// Each kind shown and its rows, in order.
    groups: Vec<(Kind, Range<usize>)>,
    /// The row with a "where" line under it, and that line's text.
    place: Option<(usize, String)>,
}

impl Lines {
    fn new(app: &App) -> Lines {
        let rows = &app.sidebar.rows;
        let kind = |id: usize| app.entities.entities[id].kind;
        let mut groups = Vec::new();
        let mut start = 0;
        while let Some(&first) = rows.get(start) {
            let k = kind(first);
            let end = start + rows[start..].partition_point(|&id| kind(id) == k);
            groups.push((k, start..end));
            start = end;
        }
        let cursor = app.sidebar.cursor;
        let place = app
            .map
            .as_ref()
            .and_then(|m| m.current())
            .filter(|p| rows.get(cursor) == Some(&p.entity))
            .map(|p| (cursor, p.place.describe()));
        Lines { groups, place }
    }

    fn len(&self) -> usize {
        self.groups.iter().map(|(_, r)| 1 + r.len()).sum::<usize>()
            + usize::from(self.place.is_some())
    }

    /// What line `line` shows.
    fn get(&self, mut line: usize) -> Option<Item> {
        for (kind, rows) in &self.groups {
            if line == 0 {
                return Some(Item::Heading(*kind, rows.len()));
            }
            line -= 1;
            let place = self.place.as_ref().filter(|(r, _)| rows.contains(r));
            let n = rows.len() + usize::from(place.is_some());
            if line < n {
                return Some(match place {
                    Some((r, what)) if line == r - rows.start + 1 => Item::Where(what.clone()),
                    Some((r, _)) if line > r - rows.start + 1 => {
                        Item::Entity(rows.start + line - 1)
                    }
                    _ => Item::Entity(rows.start + line),
                });
            }
            line -= n;
        }
        None
    }

    /// The line `row` is drawn on.
    fn line_of(&self, row: usize) -> usize {
        let headings = self
            .groups
            .iter()
            .take_while(|(_, r)| r.start <= row)
            .count();
        let below_place = self.place.as_ref().is_some_and(|(r, _)| *r < row);
        row + headings + usize::from(below_place)
    }

    /// The first line shown of a list `height` lines tall: the cursor's line
    /// stays on screen, with the line saying where the map's place is.
    fn first_shown(&self, cursor: usize, height: usize) -> usize {
        let rows = self.groups.last().map_or(0, |(_, r)| r.end);
        if cursor >= rows {
            return 0;
        }
        let cursor_line = self.line_of(cursor);
        let last = match &self.place {
            Some((r, _)) if *r == cursor => cursor_line + 1,
            _ => cursor_line,
        };
        last.saturating_sub(height.saturating_sub(1))
            .min(cursor_line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn an_entity_row_draws_the_padded_line_it_stands_for() {
        let style = Style::new()
            .fg(Color::Yellow)
            .bg(Color::Indexed(236))
            .add_modifier(Modifier::BOLD);
        for name in [
            "Interfax",
            "Нұр-Сұлтан",
            "東京都庁",
            "Recep Tayyip Erdoğan of Türkiye",
            "",
        ] {
            for width in [0usize, 1, 3, 5, 8, 12, 38] {
                for (selected, corrected) in
                    [(false, false), (true, false), (false, true), (true, true)]
                {
                    for count in [1, 42, 1234] {
                        // The line as it was written before: marks, the name padded, the count.
                        let c = count.to_string();
                        let name_w = width.saturating_sub(c.len() + 3);
                        let cut = display::truncate(name, name_w);
                        let pad = " ".repeat(name_w.saturating_sub(display::width(&cut)));
                        let mark = if selected { "●" } else { " " };
                        let edit = if corrected { "✎" } else { " " };
                        let area = Rect::new(0, 0, 40, 1);
                        let mut want = Buffer::empty(area);
                        want.put(1, 0, format!("{mark}{edit}{cut}{pad} {c}"), width, style);
                        let mut got = Buffer::empty(area);
                        let row = EntityRow {
                            selected,
                            corrected,
                            name,
                            count,
                        };
                        row.draw(&mut got, (1, 0, width), style);
                        assert_eq!(got, want, "{name:?} in {width}, count {count}");
                    }
                }
            }
        }
    }

    /// The lines spelled out one by one, as the sidebar lists them.
    fn spelled(lines: &Lines) -> Vec<Item> {
        let mut out = Vec::new();
        for (kind, rows) in &lines.groups {
            out.push(Item::Heading(*kind, rows.len()));
            for row in rows.clone() {
                out.push(Item::Entity(row));
                if let Some((r, what)) = &lines.place {
                    if *r == row {
                        out.push(Item::Where(what.clone()));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn lines_found_from_the_group_bounds_are_the_lines_spelled_out() {
        let groups = vec![
            (Kind::Person, 0..3),
            (Kind::Organization, 3..4),
            (Kind::Place, 4..9),
        ];
        for place in [None, Some(0), Some(2), Some(3), Some(4), Some(8)] {
            let lines = Lines {
                groups: groups.clone(),
                place: place.map(|r| (r, "city in Kazakhstan".to_string())),
            };
            let want = spelled(&lines);
            let got: Vec<Item> = (0..lines.len()).filter_map(|l| lines.get(l)).collect();
            assert_eq!(got, want, "place under row {place:?}");
            assert_eq!(lines.get(lines.len()), None);
            for row in 0..9 {
                let line = lines.line_of(row);
                assert_eq!(want[line], Item::Entity(row), "row {row}, place {place:?}");
            }
            // The cursor's line, and the place under it, stay on a short list.
            for cursor in 0..9 {
                for height in 1..6 {
                    let first = lines.first_shown(cursor, height);
                    let shown = first..first + height;
                    assert!(shown.contains(&lines.line_of(cursor)));
                    if place == Some(cursor) && height > 1 {
                        assert!(shown.contains(&(lines.line_of(cursor) + 1)));
                    }
                }
            }
        }
        let empty = Lines {
            groups: Vec::new(),
            place: None,
        };
        assert_eq!(
            (empty.len(), empty.get(0), empty.first_shown(0, 5)),
            (0, None, 0)
        );
    }
}

//! The annotations panel: every note of the brief with its quote, first line and
//! tags, orphans and moved notes marked, filterable by tag. Drawn over the text
//! and the sidebar, so it stays readable at 80x24.

use crate::display;
use crate::ui::app::{App, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// Renders the panel into `area`.
pub struct NotesPanel<'a>(pub &'a App);

impl Widget for NotesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let Some(set) = &app.notes else {
            return;
        };
        Clear.render(area, buf);
        let rows = app.panel_rows();
        let mut title = format!(" Notes ({}", set.len());
        if let Some(why) = set.read_only() {
            title.push_str(&format!(", read-only: {}", display::truncate(why, 30)));
        }
        title.push_str(") ");
        if !app.panel.filter.is_empty() || app.mode == Mode::NotesFilter {
            let cursor = if app.mode == Mode::NotesFilter {
                "▏"
            } else {
                ""
            };
            title.push_str(&format!(
                "— tag: #{}{cursor} ({} shown) ",
                display::truncate(app.panel.filter.trim_start_matches('#'), 20),
                rows.len()
            ));
        }
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(title)
            .title_bottom(
                " j/k move · Enter jump · e edit · d delete · u undo · # tag · Esc close ",
            );
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        if rows.is_empty() {
            let msg = if set.is_empty() {
                "No notes yet: select with v, w, ) and press a."
            } else {
                "No note carries that tag."
            };
            buf.set_stringn(inner.x, inner.y, msg, width, theme.dim);
            return;
        }
        // Two lines a note: marker and quote; first line of the note and its tags.
        let per_page = usize::from(inner.height / 2).max(1);
        let first = (app.panel.cursor + 1).saturating_sub(per_page);
        for (k, &i) in rows.iter().enumerate().skip(first).take(per_page) {
            let Some(e) = set.entries().get(i) else {
                continue;
            };
            let y = inner.y + ((k - first) * 2) as u16;
            let current = k == app.panel.cursor;
            let base = if current { theme.cursor } else { Style::new() };
            let marker = if e.is_orphan() {
                "[orphaned] "
            } else if e.needs_review() {
                "[moved?] "
            } else {
                ""
            };
            let quote = one_line(&e.annotation.target.quote.exact);
            let head = format!(
                "{} {}{}. “{}”",
                if current { "▸" } else { " " },
                marker,
                i + 1,
                quote
            );
            let head = display::truncate(&head, width);
            buf.set_stringn(inner.x, y, " ".repeat(width), width, base);
            let style = if marker.is_empty() {
                base
            } else {
                base.patch(theme.notice)
            };
            buf.set_stringn(inner.x, y, &head, width, style);
            if y + 1 < inner.bottom() {
                let tags: Vec<String> = e.annotation.tags.iter().map(|t| format!("#{t}")).collect();
                let line = format!("    {}  {}", one_line(e.first_line()), tags.join(" "));
                buf.set_stringn(
                    inner.x,
                    y + 1,
                    display::truncate(&line, width),
                    width,
                    theme.dim,
                );
            }
        }
    }
}

/// `s` on one line: whitespace runs (line breaks, tabs) become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

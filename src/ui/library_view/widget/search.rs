//! The search screen: a row per hit, the brief's date and title, and the hit
//! highlighted in the middle of its line.

use super::rows::{brief_date, brief_title, header, kwic_row, plural, put, row_style};
use crate::display::escape_controls;
use crate::library::{kwic_fit, Hit};
use crate::ui::library_view::{list_height, LibraryView};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the search screen into `area` (the status line is drawn by the caller).
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let Some(s) = &v.search else { return };
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let state = if s.done { "" } else { " · searching…" };
    let title = format!(
        "“{}” · {} in {}, newest first{state}",
        escape_controls(s.query.shown()),
        plural(s.hits.len(), "hit"),
        plural(s.briefs, "brief")
    );
    header(v, area, buf, &title);
    let w = usize::from(area.width);
    let (date_w, title_w) = (10, (w / 4).clamp(12, 36));
    let cols = format!("{:<date_w$} {:<title_w$} IN CONTEXT", "DATE", "BRIEF");
    put(buf, area.x + 1, area.y + 1, &cols, w - 2, theme.heading);
    let avail = w.saturating_sub(date_w + title_w + 4);
    if s.hits.is_empty() {
        let msg = if s.done { "no hits" } else { "searching…" };
        put(buf, area.x + 1, area.y + 2, msg, w - 2, theme.dim);
    }
    let rows = list_height(area.height);
    for (i, hit) in s.hits.iter().skip(s.cursor.top).take(rows).enumerate() {
        let y = area.y + 2 + i as u16;
        let base = row_style(theme, s.cursor.at == s.cursor.top + i, area, y, buf);
        let Some(b) = lib.brief(hit.brief) else {
            continue;
        };
        put(
            buf,
            area.x + 1,
            y,
            &brief_date(b),
            date_w,
            base.patch(theme.dim),
        );
        let x = area.x + 2 + date_w as u16;
        put(buf, x, y, &escape_controls(&brief_title(b)), title_w, base);
        let x = x + 1 + title_w as u16;
        let line = match v.texts.get(&hit.brief) {
            Some(Some(text)) => {
                let h = Hit {
                    brief: hit.brief,
                    mention: 0,
                    span: hit.span,
                    sentence: crate::library::search::line_around(text, hit.span, 400),
                };
                kwic_fit(text, &h, avail)
            }
            _ => None,
        };
        let read = v.texts.contains_key(&hit.brief);
        let styles = (base, base.patch(theme.hit), theme.dim);
        kwic_row(buf, (x, y), avail, line.as_ref(), read, styles);
    }
}

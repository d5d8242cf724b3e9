//! The concordance screen: a row per mention of the entity (or per sentence
//! it shares with another), its brief's date and file, and the mention in the
//! middle of its line.

use super::rows::{brief_date, file_name, header, kwic_row, pad, put, row_style};
use crate::display::{escape_controls, truncate};
use crate::library::kwic_fit;
use crate::ui::library_view::{list_height, LibraryView};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Draws the concordance screen into `area` (the status line is drawn by the caller).
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let Some(c) = &v.concordance else { return };
    let lib = &v.lib;
    let theme: &Theme = &v.settings.theme;
    let Some(ent) = lib.entity(c.entity) else {
        return;
    };
    let title = match c.with.and_then(|w| lib.entity(w)) {
        Some(w) => format!(
            "{} ({}) with {} · {} shared sentences, oldest first",
            escape_controls(&ent.name),
            ent.kind.name(),
            escape_controls(&w.name),
            c.hits.len()
        ),
        None => format!(
            "{} ({}) · {} mentions in {} briefs, oldest first",
            escape_controls(&ent.name),
            ent.kind.name(),
            c.hits.len(),
            ent.briefs
        ),
    };
    header(v, area, buf, &title);
    let w = usize::from(area.width);
    let meta_w = 26;
    put(
        buf,
        area.x + 1,
        area.y + 1,
        &format!("{:<meta_w$} IN CONTEXT", "DATE · BRIEF"),
        w - 2,
        theme.heading,
    );
    let rows = list_height(area.height);
    let avail = w.saturating_sub(meta_w + 3);
    for (i, hit) in c.hits.iter().skip(c.cursor.top).take(rows).enumerate() {
        let y = area.y + 2 + i as u16;
        let base = row_style(theme, c.cursor.at == c.cursor.top + i, area, y, buf);
        let Some(b) = lib.brief(hit.brief) else {
            continue;
        };
        let meta = format!("{} {}", brief_date(b), file_name(b));
        let meta = pad(&truncate(&meta, meta_w), meta_w);
        put(buf, area.x + 1, y, &meta, meta_w, base.patch(theme.dim));
        let x0 = area.x + 2 + meta_w as u16;
        let line = match v.texts.get(&hit.brief) {
            Some(Some(text)) => kwic_fit(text, hit, avail),
            _ => None,
        };
        let key = base
            .patch(theme.kind(ent.kind))
            .add_modifier(Modifier::BOLD);
        let read = v.texts.contains_key(&hit.brief);
        kwic_row(
            buf,
            (x0, y),
            avail,
            line.as_ref(),
            read,
            (base, key, theme.dim),
        );
    }
}

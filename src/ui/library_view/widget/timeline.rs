//! The library's timeline screen: a row per dated event, its value (`?` when
//! unresolved), its brief's file, and the expression in its line.

use super::rows::{file_name, header, put, row_style};
use crate::display::escape_controls;
use crate::library::{kwic_fit, Hit};
use crate::ui::action::Action;
use crate::ui::library_view::{list_height, LibraryView};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Draws the timeline screen into `area` (the status line is drawn by the caller).
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let Some(t) = &v.timeline else { return };
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let f = v.hint(&Action::ToggleTimelineFilter);
    let title = match t.entity.and_then(|e| lib.entity(e)) {
        Some(e) => format!(
            "timeline of {} · {} events ({f}: all events)",
            escape_controls(&e.name),
            t.rows.len()
        ),
        None => format!(
            "timeline across the library · {} events ({f}: only the entity under the sidebar cursor)",
            t.rows.len()
        ),
    };
    header(v, area, buf, &title);
    let w = usize::from(area.width);
    let (value_w, meta_w) = (16, 24);
    let cols = format!("{:<value_w$} {:<meta_w$} IN CONTEXT", "DATE", "BRIEF");
    put(buf, area.x + 1, area.y + 1, &cols, w - 2, theme.heading);
    let avail = w.saturating_sub(value_w + meta_w + 4);
    for (i, &(b, e)) in t
        .rows
        .iter()
        .skip(t.cursor.top)
        .take(list_height(area.height))
        .enumerate()
    {
        let y = area.y + 2 + i as u16;
        let base = row_style(theme, t.cursor.at == t.cursor.top + i, area, y, buf);
        let Some(brief) = lib.brief(b) else { continue };
        let Some(ev) = brief.events.get(e as usize) else {
            continue;
        };
        let flag = if ev.resolved { "" } else { " ?" };
        put(
            buf,
            area.x + 1,
            y,
            &format!("{}{flag}", ev.value),
            value_w,
            base.add_modifier(Modifier::BOLD),
        );
        let x = area.x + 2 + value_w as u16;
        put(buf, x, y, &file_name(brief), meta_w, base.patch(theme.dim));
        let hit = Hit {
            brief: b,
            mention: 0,
            span: ev.span.span(),
            sentence: ev.sentence.span(),
        };
        let line = match v.texts.get(&b) {
            Some(Some(text)) => kwic_fit(text, &hit, avail),
            _ => None,
        };
        let x = x + 1 + meta_w as u16;
        match line {
            Some(k) => {
                let lw = put(buf, x, y, &k.left, avail, base);
                let kw = put(
                    buf,
                    x + lw,
                    y,
                    &k.keyword,
                    avail.saturating_sub(usize::from(lw)),
                    base.patch(theme.current),
                );
                put(
                    buf,
                    x + lw + kw,
                    y,
                    &k.right,
                    avail.saturating_sub(usize::from(lw + kw)),
                    base,
                );
            }
            None => {
                put(
                    buf,
                    x,
                    y,
                    "(brief unreadable or changed)",
                    avail,
                    base.patch(theme.dim),
                );
            }
        }
    }
}

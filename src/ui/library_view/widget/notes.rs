//! The notes screen: a row per note, when it was made, its brief, its tags,
//! its first line and the passage it is on.

use super::rows::{brief_title, header, plural, put, row_style};
use crate::display::escape_controls;
use crate::ui::action::Action;
use crate::ui::library_view::{list_height, LibraryView};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Draws the notes screen into `area` (the status line is drawn by the caller).
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let Some(n) = &v.notes else { return };
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let briefs: std::collections::HashSet<_> = n.shown.iter().map(|&i| n.notes[i].brief).collect();
    let which = if n.tag.is_empty() {
        String::new()
    } else {
        format!(" tagged #{}", escape_controls(&n.tag))
    };
    let title = if n.loading {
        "notes of every brief · gathering…".to_owned()
    } else {
        format!(
            "notes of every brief · {}{which} in {}, newest first",
            plural(n.shown.len(), "note"),
            plural(briefs.len(), "brief")
        )
    };
    header(v, area, buf, &title);
    let w = usize::from(area.width);
    let (date_w, brief_w, tags_w) = (10, (w / 5).clamp(12, 30), (w / 6).clamp(8, 20));
    let cols = format!(
        "{:<date_w$} {:<brief_w$} {:<tags_w$} NOTE · PASSAGE",
        "MADE", "BRIEF", "TAGS"
    );
    put(buf, area.x + 1, area.y + 1, &cols, w - 2, theme.heading);
    if n.shown.is_empty() && !n.loading {
        let msg = if n.notes.is_empty() {
            format!(
                "no notes yet: open a brief and annotate with {}",
                v.settings.keymap.hint(&Action::Annotate)
            )
        } else {
            "no note has that tag".to_owned()
        };
        put(buf, area.x + 1, area.y + 2, &msg, w - 2, theme.dim);
    }
    let rest = w.saturating_sub(date_w + brief_w + tags_w + 5);
    for (i, &k) in n
        .shown
        .iter()
        .skip(n.cursor.top)
        .take(list_height(area.height))
        .enumerate()
    {
        let note = &n.notes[k];
        let y = area.y + 2 + i as u16;
        let base = row_style(theme, n.cursor.at == n.cursor.top + i, area, y, buf);
        let a = &note.entry.annotation;
        let made = a.created.get(..10).unwrap_or(&a.created);
        let mut x = area.x + 1;
        put(
            buf,
            x,
            y,
            &escape_controls(made),
            date_w,
            base.patch(theme.dim),
        );
        x += date_w as u16 + 1;
        let name = lib.brief(note.brief).map_or_else(String::new, brief_title);
        put(buf, x, y, &escape_controls(&name), brief_w, base);
        x += brief_w as u16 + 1;
        let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
        put(
            buf,
            x,
            y,
            &escape_controls(&tags.join(" ")),
            tags_w,
            base.patch(theme.annotation),
        );
        x += tags_w as u16 + 1;
        let first = escape_controls(note.entry.first_line()).into_owned();
        let quote: String = a
            .target
            .quote
            .exact
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let orphan = if note.entry.is_orphan() {
            " (orphaned)"
        } else {
            ""
        };
        let nw = put(buf, x, y, &first, rest, base.add_modifier(Modifier::BOLD));
        put(
            buf,
            x + nw,
            y,
            &format!(" · “{}”{orphan}", escape_controls(&quote)),
            rest.saturating_sub(usize::from(nw)),
            base.patch(theme.dim),
        );
    }
}

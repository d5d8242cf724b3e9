//! The list screen's two panes: the briefs (date, publication, title, top
//! entities) on the left and the entity sidebar (entities across briefs, with
//! brief and mention counts) on the right, the focused one's titles marked.

use super::rows::{brief_date, brief_title, cursor_row, header, pad, put};
use crate::display::truncate;
use crate::ui::library_view::{list_height, Focus, LibraryView};
use crate::ui::widgets::Put;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// Where the panes are: the rows' top and count, and the sidebar's column.
struct Panes {
    top: u16,
    rows: usize,
    main_w: u16,
    sep_x: u16,
    side_w: u16,
}

/// Draws the list screen into `area` (the status line is drawn by the caller).
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let lib = &v.lib;
    let title = format!(
        "folio library · {} briefs · {} entities",
        lib.briefs().len(),
        lib.ranking().len()
    );
    header(v, area, buf, &title);
    let side_w = (area.width / 3).clamp(24, 44);
    let main_w = area.width - side_w - 1;
    let panes = Panes {
        top: area.y + 2,
        rows: list_height(area.height),
        main_w,
        sep_x: area.x + main_w,
        side_w,
    };
    briefs(v, area, &panes, buf);
    for y in area.y + 1..area.y + area.height - 1 {
        buf.put(panes.sep_x, y, "│", 1, v.settings.theme.border);
    }
    entities(v, area, &panes, buf);
}

/// The style of a pane's column titles: the focused pane's stand out.
fn titles_style(v: &LibraryView, pane: Focus) -> Style {
    if v.focus == pane {
        v.settings.theme.border_focused.add_modifier(Modifier::BOLD)
    } else {
        v.settings.theme.dim
    }
}

/// The mark before a pane's column titles: a ▸ before the focused pane's.
fn mark(v: &LibraryView, pane: Focus) -> &'static str {
    if v.focus == pane {
        "▸"
    } else {
        " "
    }
}

/// The briefs pane, newest first.
fn briefs(v: &LibraryView, area: Rect, p: &Panes, buf: &mut Buffer) {
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let mw = usize::from(p.main_w);
    // Narrow screens drop the top entities before the title gets short.
    let (date_w, pub_w) = (10, (mw / 5).clamp(12, 24));
    let top_w = if mw >= 100 { (mw / 4).min(36) } else { 0 };
    let title_w = mw.saturating_sub(1 + date_w + 1 + pub_w + 1 + 1 + top_w);
    let cols = format!(
        "{:<date_w$} {:<pub_w$} {:<title_w$} {}",
        "DATE",
        "PUBLICATION",
        "TITLE",
        if top_w > 0 { "TOP ENTITIES" } else { "" }
    );
    let style = titles_style(v, Focus::Briefs);
    put(buf, area.x, area.y + 1, mark(v, Focus::Briefs), 1, style);
    put(buf, area.x + 1, area.y + 1, &cols, mw - 1, style);
    for (i, &id) in v
        .briefs
        .iter()
        .skip(v.brief_cursor.top)
        .take(p.rows)
        .enumerate()
    {
        let y = p.top + i as u16;
        let Some(b) = lib.brief(id) else { continue };
        let s = &b.summary;
        let mut publication = s.publication.clone();
        if !s.volume.is_empty() || !s.issue.is_empty() {
            publication.push_str(&format!(" {}/{}", s.volume, s.issue));
        }
        let tops: Vec<&str> = lib
            .top_entities(id, 3)
            .into_iter()
            .filter_map(|e| lib.entity(e).map(|e| &*e.name))
            .collect();
        let row = format!(
            "{:<date_w$} {} {} {}",
            brief_date(b),
            pad(&truncate(&publication, pub_w), pub_w),
            pad(&truncate(&brief_title(b), title_w), title_w),
            truncate(&tops.join(", "), top_w)
        );
        let style = if v.brief_cursor.at == v.brief_cursor.top + i {
            cursor_row(theme, v.focus == Focus::Briefs, area.x, y, p.main_w, buf)
        } else {
            Style::new()
        };
        put(buf, area.x + 1, y, &row, mw - 1, style);
    }
    if v.briefs.is_empty() {
        let msg = if v.indexing() {
            "indexing… briefs appear as they are done"
        } else {
            "no briefs"
        };
        put(buf, area.x + 1, p.top, msg, mw - 1, theme.dim);
    }
}

/// The entity sidebar: entities across briefs, with brief and mention counts.
fn entities(v: &LibraryView, area: Rect, p: &Panes, buf: &mut Buffer) {
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let sep_x = p.sep_x;
    let sw = usize::from(p.side_w);
    let name_w = sw.saturating_sub(16);
    let cols = format!("{:<name_w$} {:>6} {:>7}", "ENTITY", "BRIEFS", "MENTNS");
    let style = titles_style(v, Focus::Entities);
    put(buf, sep_x, area.y + 1, mark(v, Focus::Entities), 1, style);
    put(buf, sep_x + 1, area.y + 1, &cols, sw, style);
    for (i, &e) in v
        .entities
        .iter()
        .skip(v.entity_cursor.top)
        .take(p.rows)
        .enumerate()
    {
        let Some(ent) = lib.entity(e) else { continue };
        let y = p.top + i as u16;
        let base = if v.entity_cursor.at == v.entity_cursor.top + i {
            let focused = v.focus == Focus::Entities;
            let base = cursor_row(theme, focused, sep_x + 1, y, p.side_w, buf);
            if !focused {
                buf.put(sep_x, y, "›", 1, theme.dim);
            }
            base
        } else {
            Style::new()
        };
        let name = pad(&truncate(&ent.name, name_w), name_w);
        put(
            buf,
            sep_x + 1,
            y,
            &name,
            name_w,
            base.patch(theme.kind(ent.kind)),
        );
        let counts = format!(" {:>6} {:>7}", ent.briefs, ent.mentions);
        put(
            buf,
            sep_x + 1 + name_w as u16,
            y,
            &counts,
            sw - name_w,
            base,
        );
    }
}

//! Drawing the library screens from `&LibraryView`; nothing here changes state.
//!
//! ```text
//!  folio library · 1,204 briefs · 8,311 entities        indexing 310/1,204 ▕████░░░░▏
//!  DATE       PUBLICATION       TITLE            TOP ENTITIES │ ENTITY        BRIEFS MENT.
//!  2008-05-01 Bench Monitor 3/2 Caspian summit…  Astana, CSTO │ Astana            812  3,120
//!  …                                                          │ …
//!  Enter open · / filter · Tab entities · q quit
//! ```

use super::{list_height, Focus, LibraryView, Prompt, Screen};
use crate::display::{escape_controls, truncate, width};
use crate::library::{kwic_fit, Hit, Kwic};
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use crate::ui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::ui::theme::Theme;
use crate::ui::widgets::HelpOverlay;
use crate::ui::widgets::Put;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// Renders whichever library screen is showing.
pub struct LibraryScreen<'a>(pub &'a LibraryView);

impl Widget for LibraryScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let v = self.0;
        if v.screen == Screen::Reading {
            if let Some(r) = &v.reading {
                (&r.app).render(area, buf);
                return;
            }
        }
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            crate::ui::widgets::too_small(area, buf, v.settings.theme.notice);
            return;
        }
        match v.screen {
            Screen::Concordance => concordance(v, area, buf),
            Screen::Timeline => timeline(v, area, buf),
            Screen::Map => super::map_screen::render(v, area, buf),
            Screen::Search => search(v, area, buf),
            Screen::Notes => notes(v, area, buf),
            Screen::Profile => profile(v, area, buf),
            _ => list(v, area, buf),
        }
        status(v, area, buf);
        if let Some(scroll) = v.help {
            HelpOverlay {
                help: v.help_content(),
                theme: &v.settings.theme,
                scroll,
            }
            .render(area, buf);
        }
    }
}

/// How a row under a list's cursor is drawn: reversed across the row in the
/// focused list; in the other, a `›` in the margin only, so one row at a time
/// stands out and it is the one the keys move.
fn cursor_row(theme: &Theme, focused: bool, x: u16, y: u16, w: u16, buf: &mut Buffer) -> Style {
    if focused {
        buf.set_style(Rect::new(x, y, w, 1), theme.cursor);
        theme.cursor
    } else {
        buf.put(x, y, "›", 1, theme.dim);
        Style::new()
    }
}

fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    let s = truncate(s, max);
    buf.put(x, y, &s, max, style);
    width(&s) as u16
}

fn header(v: &LibraryView, area: Rect, buf: &mut Buffer, title: &str) {
    let w = usize::from(area.width);
    buf.set_style(
        Rect::new(area.x, area.y, area.width, 1),
        v.settings.theme.heading,
    );
    put(
        buf,
        area.x + 1,
        area.y,
        title,
        w.saturating_sub(2),
        v.settings.theme.heading,
    );
    if v.indexing() {
        let p = v.progress;
        let bar_w = 20usize;
        let filled = (p.done * bar_w).checked_div(p.total).unwrap_or(bar_w);
        let bar = format!(
            " indexing {}/{} ▕{}{}▏ ",
            p.done,
            p.total,
            "█".repeat(filled),
            "░".repeat(bar_w - filled)
        );
        let bw = width(&bar);
        if bw + 2 < w {
            buf.put(
                area.x + (w - bw) as u16,
                area.y,
                &bar,
                bw,
                v.settings.theme.notice,
            );
        }
    }
}

fn list(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let lib = &v.lib;
    let title = format!(
        "folio library · {} briefs · {} entities",
        lib.briefs().len(),
        lib.ranking().len()
    );
    header(v, area, buf, &title);
    let side_w = (area.width / 3).clamp(24, 44);
    let main_w = area.width - side_w - 1;
    let sep_x = area.x + main_w;
    let top = area.y + 2;
    let rows = list_height(area.height);
    let theme = &v.settings.theme;
    // The focused list's column titles stand out, with a ▸ before them.
    let focused = |f| {
        if v.focus == f {
            theme.border_focused.add_modifier(Modifier::BOLD)
        } else {
            theme.dim
        }
    };
    let mark = |f| if v.focus == f { "▸" } else { " " };
    let mw = usize::from(main_w);
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
    put(
        buf,
        area.x,
        area.y + 1,
        mark(Focus::Briefs),
        1,
        focused(Focus::Briefs),
    );
    put(
        buf,
        area.x + 1,
        area.y + 1,
        &cols,
        mw - 1,
        focused(Focus::Briefs),
    );
    for (i, &id) in v
        .briefs
        .iter()
        .skip(v.brief_cursor.top)
        .take(rows)
        .enumerate()
    {
        let y = top + i as u16;
        let Some(b) = lib.brief(id) else { continue };
        let s = &b.summary;
        let date = match (s.date, s.year) {
            (Some(d), _) => d.to_string(),
            (None, Some(y)) => y.to_string(),
            (None, None) => "—".into(),
        };
        let mut publication = s.publication.clone();
        if !s.volume.is_empty() || !s.issue.is_empty() {
            publication.push_str(&format!(" {}/{}", s.volume, s.issue));
        }
        let title = if s.title.is_empty() {
            b.path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        } else {
            s.title.clone()
        };
        let tops: Vec<&str> = lib
            .top_entities(id, 3)
            .into_iter()
            .filter_map(|e| lib.entity(e).map(|e| &*e.name))
            .collect();
        let row = format!(
            "{:<date_w$} {} {} {}",
            date,
            pad(&truncate(&publication, pub_w), pub_w),
            pad(&truncate(&title, title_w), title_w),
            truncate(&tops.join(", "), top_w)
        );
        let style = if v.brief_cursor.at == v.brief_cursor.top + i {
            cursor_row(theme, v.focus == Focus::Briefs, area.x, y, main_w, buf)
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
        put(buf, area.x + 1, top, msg, mw - 1, theme.dim);
    }
    for y in area.y + 1..area.y + area.height - 1 {
        buf.put(sep_x, y, "│", 1, theme.border);
    }
    // The entity sidebar: entities across briefs, with brief and mention counts.
    let sw = usize::from(side_w);
    let name_w = sw.saturating_sub(16);
    let cols = format!("{:<name_w$} {:>6} {:>7}", "ENTITY", "BRIEFS", "MENTNS");
    put(
        buf,
        sep_x,
        area.y + 1,
        mark(Focus::Entities),
        1,
        focused(Focus::Entities),
    );
    put(
        buf,
        sep_x + 1,
        area.y + 1,
        &cols,
        sw,
        focused(Focus::Entities),
    );
    for (i, &e) in v
        .entities
        .iter()
        .skip(v.entity_cursor.top)
        .take(rows)
        .enumerate()
    {
        let Some(ent) = lib.entity(e) else { continue };
        let y = top + i as u16;
        let base = if v.entity_cursor.at == v.entity_cursor.top + i {
            let focused = v.focus == Focus::Entities;
            let base = cursor_row(theme, focused, sep_x + 1, y, side_w, buf);
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

/// `s` padded with spaces to `w` display columns.
fn pad(s: &str, w: usize) -> String {
    let n = width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

fn concordance(v: &LibraryView, area: Rect, buf: &mut Buffer) {
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
        let cursor = c.cursor.at == c.cursor.top + i;
        let base = if cursor { theme.cursor } else { Style::new() };
        if cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.cursor);
        }
        let Some(b) = lib.brief(hit.brief) else {
            continue;
        };
        let date = match (b.summary.date, b.summary.year) {
            (Some(d), _) => d.to_string(),
            (None, Some(y)) => y.to_string(),
            (None, None) => "—".into(),
        };
        let name = b
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let meta = pad(&truncate(&format!("{date} {name}"), meta_w), meta_w);
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

/// One keyword-in-context row from `at`, `avail` columns wide: the keyword in
/// the middle in `key` style, the left context ending right before it. Without
/// a line, why: the brief is still being read, or it is unreadable or changed.
fn kwic_row(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    avail: usize,
    line: Option<&Kwic>,
    read: bool,
    (base, key, dim): (Style, Style, Style),
) {
    let Some(k) = line else {
        let why = if read {
            "(brief unreadable or changed)"
        } else {
            "…"
        };
        put(buf, x, y, why, avail, base.patch(dim));
        return;
    };
    let side = avail.saturating_sub(width(&k.keyword)) / 2;
    let lw = width(&k.left).min(side);
    put(buf, x + (side - lw) as u16, y, &k.left, side, base);
    let kx = x + side as u16;
    let kw = put(buf, kx, y, &k.keyword, avail - side, key);
    put(
        buf,
        kx + kw,
        y,
        &k.right,
        avail.saturating_sub(side + usize::from(kw)),
        base,
    );
}

/// The date of a brief as its rows show it.
fn brief_date(b: &crate::library::Brief) -> String {
    match (b.summary.date, b.summary.year) {
        (Some(d), _) => d.to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => "—".into(),
    }
}

/// The search screen: a row per hit, the brief's date and title, and the hit
/// highlighted in its line.
fn search(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let Some(s) = &v.search else { return };
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
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
        let cursor = s.cursor.at == s.cursor.top + i;
        let base = if cursor { theme.cursor } else { Style::new() };
        if cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.cursor);
        }
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
        let name = if b.summary.title.is_empty() {
            b.path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        } else {
            b.summary.title.clone()
        };
        let x = area.x + 2 + date_w as u16;
        put(buf, x, y, &escape_controls(&name), title_w, base);
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

/// The notes screen: a row per note, when it was made, its brief, its tags,
/// its first line and the passage it is on.
fn notes(v: &LibraryView, area: Rect, buf: &mut Buffer) {
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
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
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
        let cursor = n.cursor.at == n.cursor.top + i;
        let base = if cursor { theme.cursor } else { Style::new() };
        if cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.cursor);
        }
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
        let name = lib.brief(note.brief).map_or_else(String::new, |b| {
            if b.summary.title.is_empty() {
                b.path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            } else {
                b.summary.title.clone()
            }
        });
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

/// `YYYY-MM-DD file` of a brief, for "first seen" and "last seen".
fn seen(v: &LibraryView, id: Option<crate::library::BriefId>) -> String {
    let Some(b) = id.and_then(|id| v.lib.brief(id)) else {
        return "—".into();
    };
    let name = b
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!("{} {}", brief_date(b), escape_controls(&name))
}

/// The profile screen: mentions per month as a sparkline (one column per month,
/// or per several when the months outnumber the columns) with the busiest
/// months labelled, then the company the entity keeps.
fn profile(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    use crate::library::profile::month_label;
    let Some(pv) = &v.profile else { return };
    let p = &pv.profile;
    let lib = &v.lib;
    let theme = &v.settings.theme;
    let Some(ent) = lib.entity(p.entity) else {
        return;
    };
    let title = format!(
        "{} ({}) · {} mentions in {} briefs · first seen {} · last seen {}",
        escape_controls(&ent.name),
        ent.kind.name(),
        p.mentions,
        p.briefs,
        seen(v, p.first_seen),
        seen(v, p.last_seen)
    );
    header(v, area, buf, &title);
    let w = usize::from(area.width);
    let busiest = p.busiest(3);
    let names: Vec<String> = busiest
        .iter()
        .map(|&(m, n)| format!("{} ({n})", month_label(m)))
        .collect();
    let undated = if p.undated > 0 {
        format!(" · {} in briefs without a month", p.undated)
    } else {
        String::new()
    };
    put(
        buf,
        area.x + 1,
        area.y + 1,
        &format!(
            "MENTIONS PER MONTH · busiest: {}{undated}",
            names.join(", ")
        ),
        w - 2,
        theme.heading,
    );
    // A bar per month, up to four columns wide when there are few months, or
    // months summed into one column when they outnumber the columns.
    let series = p.series();
    let cols = w.saturating_sub(2).max(1);
    let per = series.len().div_ceil(cols).max(1);
    let wide = (cols / series.len().max(1)).clamp(1, 4);
    let bars: Vec<u64> = series
        .chunks(per)
        .flat_map(|c| std::iter::repeat_n(c.iter().map(|&(_, n)| u64::from(n)).sum(), wide))
        .collect();
    let chart = Rect::new(
        area.x + 1,
        area.y + 2,
        bars.len() as u16,
        super::profile::CHART_ROWS,
    );
    ratatui::widgets::Sparkline::default()
        .data(&bars)
        .style(theme.kind(ent.kind))
        .render(chart, buf);
    // Labels under the chart: the first and last month, and ▲ under the busiest.
    let axis = area.y + 2 + super::profile::CHART_ROWS;
    if let (Some(first), Some(last)) = (series.first(), series.last()) {
        put(buf, area.x + 1, axis, &month_label(first.0), 7, theme.dim);
        let lw = 7u16;
        let lx = area.x + 1 + (bars.len() as u16).saturating_sub(lw);
        if lx > area.x + 9 {
            put(buf, lx, axis, &month_label(last.0), 7, theme.dim);
        }
        let mut taken: Vec<(u16, u16)> = Vec::new();
        for &(m, _) in &busiest {
            let Some(i) = series.iter().position(|&(x, _)| x == m) else {
                continue;
            };
            let x = area.x + 1 + (i / per * wide) as u16;
            let label = format!("▲{}", month_label(m));
            let (a, b) = (x, x + 8);
            if b > area.x + area.width || taken.iter().any(|&(s, e)| a < e && s < b) {
                continue;
            }
            taken.push((a, b));
            put(buf, x, axis + 1, &label, 8, theme.heading);
        }
    }
    let top = axis + 3;
    let f = v.hint(&Action::ShowShared);
    put(
        buf,
        area.x + 1,
        top - 1,
        &format!(
            "IN THE COMPANY OF · named in the same sentences ({} their profile, {f} the sentences)",
            v.hint(&Action::Activate)
        ),
        w - 2,
        theme.heading,
    );
    if p.related.is_empty() {
        put(
            buf,
            area.x + 1,
            top,
            "no other entity in its sentences",
            w - 2,
            theme.dim,
        );
    }
    let name_w = (w / 3).clamp(16, 40);
    for (i, &(e, n)) in p
        .related
        .iter()
        .skip(pv.cursor.top)
        .take(super::profile::company_height(area.height))
        .enumerate()
    {
        let Some(x) = lib.entity(e) else { continue };
        let y = top + i as u16;
        let cursor = pv.cursor.at == pv.cursor.top + i;
        let base = if cursor { theme.cursor } else { Style::new() };
        if cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.cursor);
        }
        let name = pad(&truncate(&escape_controls(&x.name), name_w), name_w);
        put(
            buf,
            area.x + 1,
            y,
            &name,
            name_w,
            base.patch(theme.kind(x.kind)),
        );
        let sentences = if n == 1 { "sentence" } else { "sentences" };
        put(
            buf,
            area.x + 2 + name_w as u16,
            y,
            &format!("{:<12} {n:>6} {sentences}", x.kind.name()),
            w.saturating_sub(name_w + 3),
            base,
        );
    }
}

fn timeline(v: &LibraryView, area: Rect, buf: &mut Buffer) {
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
        let cursor = t.cursor.at == t.cursor.top + i;
        let base = if cursor { theme.cursor } else { Style::new() };
        if cursor {
            buf.set_style(Rect::new(area.x, y, area.width, 1), theme.cursor);
        }
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
        let name = brief
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let x = area.x + 2 + value_w as u16;
        put(buf, x, y, &name, meta_w, base.patch(theme.dim));
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

fn status(v: &LibraryView, area: Rect, buf: &mut Buffer) {
    let y = area.y + area.height - 1;
    let line = Rect::new(area.x, y, area.width, 1);
    let w = usize::from(area.width);
    let theme = &v.settings.theme;
    buf.set_style(line, theme.status);
    let h = |a: &Action| v.hint(a);
    let left = if v.typing {
        match v.prompt {
            Prompt::Search => format!(
                " search every brief: {}▏ Enter search · Esc cancel ",
                escape_controls(&v.search_input)
            ),
            Prompt::Entities => format!(
                " filter entities: {}▏ Enter keep · Esc clear ",
                escape_controls(&v.entity_filter)
            ),
            Prompt::Tag => {
                let n = v.notes.as_ref();
                let tag = n.map_or("", |n| n.tag.as_str());
                let tags: Vec<String> = n
                    .map(|n| n.tags())
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|(t, _)| t.to_lowercase().starts_with(&tag.to_lowercase()))
                    .take(6)
                    .map(|(t, c)| format!("#{t} {c}"))
                    .collect();
                format!(
                    " tag: #{}▏ {} · Enter keep · Esc all ",
                    escape_controls(tag),
                    escape_controls(&tags.join(" "))
                )
            }
        }
    } else {
        let back = h(&Action::ClearSelection);
        let (open, quit, help) = (
            h(&Action::Activate),
            h(&Action::Quit),
            h(&Action::ToggleHelp),
        );
        match v.screen {
            Screen::Concordance => format!(
                " {open} open at mention · {}/{} move · {} profile · {back} back · {help} help · {quit} quit ",
                h(&Action::MoveDown),
                h(&Action::MoveUp),
                h(&Action::ShowProfile)
            ),
            Screen::Profile => format!(
                " {open} their profile · {} the sentences they share · {back} back · {help} help · {quit} quit ",
                h(&Action::ShowShared)
            ),
            Screen::Search => format!(
                " {open} open at hit · {}/{} move · {} new search · {back} back · {help} help · {quit} quit ",
                h(&Action::MoveDown),
                h(&Action::MoveUp),
                h(&Action::StartSearch)
            ),
            Screen::Notes => format!(
                " {open} open at note · {} filter by tag · {back} back · {help} help · {quit} quit ",
                h(&Action::NoteFilter)
            ),
            Screen::Map => {
                let m = |a: &Action| v.settings.keymap.hint_in(Context::Map, a);
                format!(
                    " {}/{} place · {} its concordance · {} close · {help} help ",
                    m(&Action::MoveDown),
                    m(&Action::MoveUp),
                    m(&Action::Activate),
                    m(&Action::ToggleMap)
                )
            }
            Screen::Timeline => format!(
                " {open} open at event · {} filter by entity · {back} back · {help} help · {quit} quit ",
                h(&Action::ToggleTimelineFilter)
            ),
            _ => format!(
                " {open} open · {} search (entities: filter) · {} briefs/entities · {} timeline · {} map · {} notes · {} profile · {help} help · {quit} quit ",
                h(&Action::StartSearch),
                h(&Action::FocusNext),
                h(&Action::ShowTimeline),
                h(&Action::ToggleMap),
                h(&Action::ToggleNotes),
                h(&Action::ShowProfile)
            ),
        }
    };
    let Some(n) = v.notice() else {
        put(buf, area.x, y, &left, w, theme.status);
        return;
    };
    // A notice takes the line while it is unread: the hints give way to it.
    let more = match v.notices.waiting() {
        0 => String::new(),
        n => format!(" (+{n} more)"),
    };
    let n = format!(" {}{more} ", escape_controls(n));
    let nw = width(&n).min(w);
    let room = w - nw;
    if room > 20 {
        put(buf, area.x, y, &left, room, theme.status);
    }
    put(
        buf,
        area.x + room as u16,
        y,
        &n,
        nw,
        theme.status.patch(theme.notice),
    );
}

impl LibraryView {
    /// How the status line and titles name the key for `action` on the library's screens.
    pub fn hint(&self, action: &Action) -> String {
        self.settings.keymap.hint_in(Context::Library, action)
    }
}

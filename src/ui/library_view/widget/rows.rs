//! What every library screen draws the same way: the header with the index's
//! progress, text cut to its columns, the row under a cursor, a brief's date
//! and name, and a keyword-in-context line.

use super::LibraryView;
use crate::display::{truncate, width};
use crate::library::{Brief, Kwic};
use crate::ui::theme::Theme;
use crate::ui::widgets::Put;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Writes `s` cut to `max` columns at `(x, y)`; returns the columns it took.
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    let s = truncate(s, max);
    buf.put(x, y, &s, max, style);
    width(&s) as u16
}

/// `s` padded with spaces to `w` display columns.
pub(super) fn pad(s: &str, w: usize) -> String {
    let n = width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

/// `n` and `word`, with an `s` unless `n` is one.
pub(super) fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The screen's first line: `title`, and while the index is being built, how far it is.
pub(super) fn header(v: &LibraryView, area: Rect, buf: &mut Buffer, title: &str) {
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

/// How a row under a list's cursor is drawn: reversed across the row in the
/// focused list; in the other, a `›` in the margin only, so one row at a time
/// stands out and it is the one the keys move.
pub(super) fn cursor_row(
    theme: &Theme,
    focused: bool,
    x: u16,
    y: u16,
    w: u16,
    buf: &mut Buffer,
) -> Style {
    if focused {
        buf.set_style(Rect::new(x, y, w, 1), theme.cursor);
        theme.cursor
    } else {
        buf.put(x, y, "›", 1, theme.dim);
        Style::new()
    }
}

/// The base style of row `y` of a one-list screen: under the cursor, the row
/// is reversed across the screen.
pub(super) fn row_style(
    theme: &Theme,
    cursor: bool,
    area: Rect,
    y: u16,
    buf: &mut Buffer,
) -> Style {
    if cursor {
        buf.set_style(Rect::new(area.x, y, area.width, 1), theme.cursor);
        theme.cursor
    } else {
        Style::new()
    }
}

/// The date of a brief as its rows show it.
pub(super) fn brief_date(b: &Brief) -> String {
    match (b.summary.date, b.summary.year) {
        (Some(d), _) => d.to_string(),
        (None, Some(y)) => y.to_string(),
        (None, None) => "—".into(),
    }
}

/// The brief's file name, without its folders.
pub(super) fn file_name(b: &Brief) -> String {
    b.path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The brief's title, or its file name when it has none.
pub(super) fn brief_title(b: &Brief) -> String {
    if b.summary.title.is_empty() {
        file_name(b)
    } else {
        b.summary.title.clone()
    }
}

/// One keyword-in-context row from `at`, `avail` columns wide: the keyword in
/// the middle in `key` style, the left context ending right before it. Without
/// a line, why: the brief is still being read, or it is unreadable or changed.
pub(super) fn kwic_row(
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

//! The status area at the bottom of the screen: the notice not read yet, on
//! lines of its own (wrapped, with how many more wait), then the status line:
//! file, publication, where the reader is and key hints, or the prompt while
//! typing a search or filter or choosing a correction. What matters is never
//! cut first: the publication goes, then counters take short forms, then the
//! file name is shortened; hints show only when they fit and keys are commands.

use super::Put;
use crate::display;
use crate::ui::action::Action;
use crate::ui::app::{App, Mode};
use crate::ui::notices::count;
use crate::ui::wrap::wrap_str;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Renders the status area.
pub struct StatusLine<'a>(pub &'a App);

/// Lines a notice may take before it is cut.
const NOTICE_LINES: usize = 2;

/// Lines the status area takes at most (the timeline strip gives up the rest).
pub const MAX_LINES: usize = 3;

/// One line of the status area, without its one-column margins.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    text: String,
    notice: bool,
}

impl StatusLine<'_> {
    /// How many lines the status area needs for `app` at `width` columns: one,
    /// more while a notice is shown or a long correction prompt waits.
    pub fn height(app: &App, width: u16) -> u16 {
        rows(app, usize::from(width)).len() as u16
    }
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let width = usize::from(area.width);
        buf.set_style(area, theme.status);
        let rows = rows(app, width);
        for (i, row) in rows.iter().enumerate().take(usize::from(area.height)) {
            let style = if row.notice {
                theme.status.patch(theme.notice)
            } else {
                theme.status
            };
            let y = area.y + i as u16;
            buf.put(area.x + 1, y, &row.text, width.saturating_sub(2), style);
        }
        // Hints at the right of the status line (the last row), only whole.
        let (Some(status), Some(hints)) = (rows.last(), hints(app)) else {
            return;
        };
        let (used, hw) = (display::width(&status.text) + 1, display::width(&hints));
        if used + 3 + hw <= width && area.height > 0 {
            let y = area.y + (rows.len() as u16).min(area.height) - 1;
            buf.put(
                area.x + (width - hw - 1) as u16,
                y,
                &hints,
                hw,
                theme.status,
            );
        }
    }
}

/// The status area's lines at `width` columns: the notice, then the status line.
fn rows(app: &App, width: usize) -> Vec<Row> {
    let inner = width.saturating_sub(2).max(1);
    let mut out: Vec<Row> = Vec::new();
    // The field, not the queue's first: the library view sets it directly.
    if let Some(n) = app.notice.as_deref() {
        let more = match app.notices.iter().filter(|&w| w != n).count() {
            0 => String::new(),
            n => format!(" (+{n} more)"),
        };
        let lines = fit(&display::escape_controls(n), &more, inner, NOTICE_LINES);
        out.extend(lines.into_iter().map(|text| Row { text, notice: true }));
    }
    let room = MAX_LINES - out.len();
    let status: Vec<String> = match app.mode {
        Mode::Correct => {
            let prompt = app.correction_prompt().unwrap_or_default();
            fit(&prompt, "", inner, room)
        }
        _ => vec![status_line(app, inner)],
    };
    out.extend(status.into_iter().map(|text| Row {
        text,
        notice: false,
    }));
    out
}

/// `text` wrapped at `width` columns on at most `max` lines, `tail` (a count)
/// after it; when cut, the last line ends in `…` and still carries `tail`.
fn fit(text: &str, tail: &str, width: usize, max: usize) -> Vec<String> {
    let max = max.max(1);
    let whole = format!("{text}{tail}");
    let mut lines: Vec<String> = wrap_str(&whole, width)
        .into_iter()
        .map(str::to_owned)
        .collect();
    if lines.len() > max {
        let rest = wrap_str(text, width)
            .into_iter()
            .skip(max - 1)
            .collect::<Vec<_>>()
            .join(" ");
        lines.truncate(max - 1);
        let room = width.saturating_sub(display::width(tail));
        lines.push(display::truncate(&rest, room) + tail);
    }
    lines
}

/// The status line proper: a prompt while typing, else where the reader is.
fn status_line(app: &App, width: usize) -> String {
    match app.mode {
        Mode::Search => {
            let searching = if app.searching() {
                " so far, searching…"
            } else {
                ""
            };
            display::truncate(
                &format!(
                    "/{}▏ {}{searching}",
                    app.search.query,
                    count(app.search.hits.len(), "hit")
                ),
                width,
            )
        }
        Mode::Filter => {
            display::truncate(&format!("filter entities: {}▏", app.sidebar.filter), width)
        }
        Mode::Editor => "writing a note".to_string(),
        Mode::Map => match app.map.as_ref().and_then(|m| m.current()) {
            Some(p) => display::truncate(&where_line(p), width),
            None => position_line(app, width),
        },
        _ => position_line(app, width),
    }
}

/// The selected place on the map: "Astana: city in Kazakhstan, 51.18°N 71.45°E · 3 mentions".
pub(crate) fn where_line(p: &crate::places::Located) -> String {
    let lat = p.place.lat;
    let lon = p.place.lon;
    format!(
        "{}: {}, {:.2}°{} {:.2}°{} · {}",
        display::escape_controls(&p.name),
        p.place.describe(),
        lat.abs(),
        if lat < 0.0 { 'S' } else { 'N' },
        lon.abs(),
        if lon < 0.0 { 'W' } else { 'E' },
        count(p.mentions, "mention")
    )
}

/// File, publication, counter and notes, shortened until they fit `width`:
/// without the publication, then with short counters, then a shorter file name.
fn position_line(app: &App, width: usize) -> String {
    // A failed save leaves the set dirty: say so until a save succeeds.
    let unsaved = !app.notes.saving && app.notes.set.as_ref().is_some_and(|s| s.is_dirty());
    let notes = app.notes.position().or_else(|| {
        let n = app.notes.set.as_ref().map_or(0, |s| s.len());
        (n > 0).then(|| count(n, "note"))
    });
    let counter = |short: bool| {
        app.counter().map(|(what, i, n)| {
            let word = if short { what.short() } else { what.name() };
            format!("{word} {i}/{n}")
        })
    };
    let publication = publication(app);
    let compose = |source: &str, publication: Option<&str>, short: bool| {
        let mut parts: Vec<String> = Vec::new();
        if unsaved {
            parts.push("NOT SAVED".into());
        }
        parts.push(source.to_string());
        parts.extend(publication.map(str::to_owned));
        parts.extend(counter(short));
        parts.extend(notes.clone());
        parts.join(" · ")
    };
    let source = display::escape_controls(&app.source);
    for (publication, short) in [(publication.as_deref(), false), (None, false), (None, true)] {
        let line = compose(&source, publication, short);
        if display::width(&line) <= width {
            return line;
        }
    }
    let others = display::width(&compose("", None, true));
    let name = display::truncate(&source, width.saturating_sub(others).max(8));
    display::truncate(&compose(&name, None, true), width)
}

/// "Eurasia Daily Monitor 4/85 (2007)" from the header, when there is one.
fn publication(app: &App) -> Option<String> {
    let doc = &app.doc;
    let name = doc.header_value("Publication")?;
    let mut s = display::escape_controls(name).into_owned();
    if let (Some(v), Some(i)) = (doc.header_value("Volume"), doc.header_value("Issue")) {
        s.push_str(&format!(" {v}/{i}"));
    }
    if let Some(d) = doc.published().date {
        s.push_str(&format!(" ({d})"));
    } else if let Some(y) = doc.published().year {
        s.push_str(&format!(" ({y})"));
    }
    Some(display::escape_controls(&s).into_owned())
}

/// Key hints from the live keymap, in normal mode only: while typing a search,
/// a filter or a note, or choosing in a panel, the keys mean something else.
fn hints(app: &App) -> Option<String> {
    if app.mode == Mode::Map {
        let key = |a: Action| app.keymap.hint_in(crate::ui::keymap::Context::Map, &a);
        return Some(format!(
            "{}/{} place  {} go there  {}/{} mentions  {} close",
            key(Action::MoveDown),
            key(Action::MoveUp),
            key(Action::Activate),
            key(Action::NextMatch),
            key(Action::PrevMatch),
            key(Action::ToggleMap),
        ));
    }
    if app.mode != Mode::Normal {
        return None;
    }
    let key = |a: Action| app.key_hint(a);
    Some(format!(
        "{} quit  {} help  {} focus  {} search  {}/{} next/prev",
        key(Action::Quit),
        key(Action::ToggleHelp),
        key(Action::FocusNext),
        key(Action::StartSearch),
        key(Action::NextMatch),
        key(Action::PrevMatch),
    ))
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_long_notice_is_cut_on_its_last_line_keeping_the_count() {
        let text = "word ".repeat(40);
        let lines = fit(text.trim(), " (+2 more)", 30, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with("… (+2 more)"), "{lines:?}");
        assert!(
            lines.iter().all(|l| crate::display::width(l) <= 30),
            "{lines:?}"
        );
        let short = fit("saved", " (+1 more)", 30, 2);
        assert_eq!(short, ["saved (+1 more)"]);
    }
}

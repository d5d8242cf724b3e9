//! The status line: file, publication, position and key hints, or the prompt
//! while typing a search or filter, or a notice.

use crate::display;
use crate::ui::action::Action;
use crate::ui::app::{App, Mode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// Renders the status line.
pub struct StatusLine<'a>(pub &'a App);

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = &app.theme;
        let width = usize::from(area.width);
        buf.set_style(area, theme.status);
        let left = match app.mode {
            Mode::Search => format!(
                " /{}▏ {} ",
                app.search.query,
                count(app.search.hits.len(), "hit")
            ),
            Mode::Filter => format!(" filter entities: {}▏ ", app.sidebar.filter),
            Mode::Editor => " writing a note ".to_string(),
            Mode::Correct => format!(" {} ", app.correction_prompt().unwrap_or_default()),
            _ => {
                let mut parts = Vec::new();
                // A failed save leaves the set dirty: say so until a save succeeds.
                if !app.notes.saving && app.notes.set.as_ref().is_some_and(|s| s.is_dirty()) {
                    parts.push("NOT SAVED".to_string());
                }
                parts.push(app.source.clone());
                if let Some(p) = publication(app) {
                    parts.push(p);
                }
                if let Some(pos) = app.position() {
                    parts.push(pos);
                }
                if let Some(note) = app.notes.position() {
                    parts.push(note);
                } else if let Some(n) = app.notes.set.as_ref().map(|s| s.len()).filter(|&n| n > 0) {
                    parts.push(count(n, "note"));
                }
                format!(" {} ", parts.join(" · "))
            }
        };
        let left = display::truncate(&left, width);
        buf.set_stringn(area.x, area.y, &left, width, theme.status);
        let used = display::width(&left);
        let right = match &app.notice {
            Some(n) => format!(" {} ", display::escape_controls(n)),
            None => hints(app),
        };
        // A notice is cut to fit rather than dropped; hints only show whole.
        let right = match app.notice {
            Some(_) if used + display::width(&right) >= width => {
                display::truncate(&right, width.saturating_sub(used + 1))
            }
            _ => right,
        };
        let rw = display::width(&right);
        if used + rw < width {
            let style = if app.notice.is_some() {
                theme.status.patch(theme.notice)
            } else {
                theme.status
            };
            buf.set_stringn(area.x + (width - rw) as u16, area.y, &right, rw, style);
        }
    }
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// "Eurasia Daily Monitor 4/85 (2007)" from the header, when there is one.
fn publication(app: &App) -> Option<String> {
    let doc = &app.doc;
    let name = doc.header_value("Publication")?;
    let mut s = name.to_string();
    if let (Some(v), Some(i)) = (doc.header_value("Volume"), doc.header_value("Issue")) {
        s.push_str(&format!(" {v}/{i}"));
    }
    if let Some(d) = doc.published().date {
        s.push_str(&format!(" ({d})"));
    } else if let Some(y) = doc.published().year {
        s.push_str(&format!(" ({y})"));
    }
    Some(s)
}

/// Key hints from the live keymap.
fn hints(app: &App) -> String {
    let key = |a: Action| {
        app.keymap
            .keys_for(&a)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    format!(
        " {} quit  {} help  {} focus  {} search  {}/{} next/prev ",
        key(Action::Quit),
        key(Action::ToggleHelp),
        key(Action::FocusNext),
        key(Action::StartSearch),
        key(Action::NextMatch),
        key(Action::PrevMatch),
    )
}

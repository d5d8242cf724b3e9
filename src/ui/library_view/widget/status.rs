//! The library's status line: what the keys do on the screen showing (named
//! by the user's keymap), the prompt being typed, or a notice while it is unread.

use super::rows::put;
use crate::display::{escape_controls, width};
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use crate::ui::library_view::{LibraryView, Prompt, Screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the status line on the last row of `area`.
pub(super) fn render(v: &LibraryView, area: Rect, buf: &mut Buffer) {
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

//! Drawing the library screens from `&LibraryView`; nothing here changes state.
//! A module per screen, the status line under them all, and the row drawing
//! they share in `rows`.
//!
//! ```text
//!  folio library · 1,204 briefs · 8,311 entities        indexing 310/1,204 ▕████░░░░▏
//!  DATE       PUBLICATION       TITLE            TOP ENTITIES │ ENTITY        BRIEFS MENT.
//!  2008-05-01 Bench Monitor 3/2 Caspian summit…  Astana, CSTO │ Astana            812  3,120
//!  …                                                          │ …
//!  Enter open · / filter · Tab entities · q quit
//! ```

mod concordance;
mod list;
mod map;
mod notes;
mod profile;
mod rows;
mod search;
mod status;
mod timeline;

use super::{LibraryView, Screen};
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use crate::ui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::ui::widgets::HelpOverlay;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
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
            Screen::Concordance => concordance::render(v, area, buf),
            Screen::Timeline => timeline::render(v, area, buf),
            Screen::Map => map::render(v, area, buf),
            Screen::Search => search::render(v, area, buf),
            Screen::Notes => notes::render(v, area, buf),
            Screen::Profile => profile::render(v, area, buf),
            _ => list::render(v, area, buf),
        }
        status::render(v, area, buf);
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

impl LibraryView {
    /// How the status line and titles name the key for `action` on the library's screens.
    pub fn hint(&self, action: &Action) -> String {
        self.settings.keymap.hint_in(Context::Library, action)
    }
}

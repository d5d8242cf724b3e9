//! The mouse in the library: the wheel moves the cursor of the list on screen
//! (briefs or entities, the concordance, the timeline) as ↓/↑ do, and in an
//! open brief the reader's own mouse handling applies.

use super::{LibraryView, Screen};
use crate::ui::keymap::Key;
use crossterm::event::{KeyCode, KeyModifiers, MouseEvent, MouseEventKind};

impl LibraryView {
    /// Applies a terminal mouse event (nothing when the mouse is turned off).
    pub fn mouse_event(&mut self, ev: MouseEvent) {
        if !self.mouse {
            return;
        }
        if self.screen == Screen::Reading {
            if let Some(r) = self.reading.as_mut() {
                if let Some(action) = r.app.action_for_mouse(ev) {
                    r.app.update(action);
                }
            }
            return;
        }
        let code = match ev.kind {
            MouseEventKind::ScrollDown => KeyCode::Down,
            MouseEventKind::ScrollUp => KeyCode::Up,
            _ => return,
        };
        if !self.typing {
            self.key(Key {
                code,
                mods: KeyModifiers::NONE,
            });
        }
    }
}

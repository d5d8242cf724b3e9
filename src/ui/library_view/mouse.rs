//! The mouse in the library: the wheel moves the cursor of the list on screen
//! (briefs or entities, the concordance, the timeline) as the down and up
//! actions do, and in an open brief the reader's own mouse handling applies.

use super::{LibAction, LibraryView, Screen};
use crate::ui::action::Action;
use crossterm::event::{MouseEvent, MouseEventKind};

impl LibraryView {
    /// The action a terminal mouse event stands for (none when the mouse is off).
    pub fn action_for_mouse(&mut self, ev: MouseEvent) -> Option<LibAction> {
        if !self.settings.mouse {
            return None;
        }
        if self.screen == Screen::Reading {
            let r = self.reading.as_mut()?;
            return r.app.action_for_mouse(ev).map(LibAction::Reader);
        }
        if self.typing || self.help.is_some() {
            return None;
        }
        match ev.kind {
            MouseEventKind::ScrollDown => Some(LibAction::Do(Action::MoveDown)),
            MouseEventKind::ScrollUp => Some(LibAction::Do(Action::MoveUp)),
            _ => None,
        }
    }
}

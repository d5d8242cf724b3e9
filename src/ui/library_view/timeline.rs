//! The library's timeline screen: every dated event across the briefs in date
//! order, `f` narrowing it to the entity under the sidebar cursor, `Enter`
//! opening the brief at the event.

use super::{list_height, Cursor, LibraryView, Screen, Target, TimelineView};
use crate::library::EntityRef;
use crate::ui::keymap::Key;
use crossterm::event::{KeyCode, KeyModifiers};

impl LibraryView {
    /// Shows the timeline across the library, only events naming `entity` if given.
    pub fn open_timeline(&mut self, entity: Option<EntityRef>) {
        let rows = self.lib.timeline_ids(entity);
        if rows.is_empty() && entity.is_none() {
            self.notice = Some("no dated events in the library".into());
            return;
        }
        self.timeline = Some(TimelineView {
            rows,
            cursor: Cursor::default(),
            entity,
        });
        self.screen = Screen::Timeline;
        self.follow();
    }

    pub(super) fn timeline_key(&mut self, key: Key) -> bool {
        let page = list_height(self.height) as isize;
        let Some(t) = self.timeline.as_mut() else {
            self.screen = Screen::List;
            return false;
        };
        let len = t.rows.len();
        match (key.code, key.mods.contains(KeyModifiers::CONTROL)) {
            (KeyCode::Char('q'), false) => return true,
            (KeyCode::Char('j' | 'l') | KeyCode::Down | KeyCode::Right, false) => {
                t.cursor.moved(1, len)
            }
            (KeyCode::Char('k' | 'h') | KeyCode::Up | KeyCode::Left, false) => {
                t.cursor.moved(-1, len)
            }
            (KeyCode::PageDown, _) | (KeyCode::Char('d'), true) => t.cursor.moved(page, len),
            (KeyCode::PageUp, _) | (KeyCode::Char('u'), true) => t.cursor.moved(-page, len),
            (KeyCode::Char('g') | KeyCode::Home, _) => t.cursor.at = 0,
            (KeyCode::Char('G') | KeyCode::End, _) => t.cursor.moved(len as isize, len),
            (KeyCode::Char('f'), false) => {
                let entity = match t.entity {
                    Some(_) => None,
                    None => self.entities.get(self.entity_cursor.at).copied(),
                };
                self.open_timeline(entity);
            }
            (KeyCode::Esc, _) => self.screen = Screen::List,
            (KeyCode::Enter, _) => {
                if let Some(&(brief, event)) = t.rows.get(t.cursor.at) {
                    self.open_brief(brief, Target::Event(event));
                }
            }
            _ => {}
        }
        self.follow();
        false
    }
}

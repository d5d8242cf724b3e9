//! The library's timeline screen: every dated event across the briefs in date
//! order, the timeline filter narrowing it to the entity under the sidebar
//! cursor, `Enter` opening the brief at the event.

use super::{list_height, Cursor, LibEffect, LibraryView, Screen, Target};
use crate::library::{BriefId, EntityRef};
use crate::ui::action::Action;

/// One timeline across the library, maybe only the events naming one entity.
pub struct TimelineView {
    /// `(brief, index into its events)`, in date order.
    pub rows: Vec<(BriefId, u32)>,
    pub cursor: Cursor,
    pub entity: Option<EntityRef>,
}

impl LibraryView {
    /// Shows the timeline across the library, only events naming `entity` if given.
    pub fn open_timeline(&mut self, entity: Option<EntityRef>) {
        let rows = self.lib.timeline_ids(entity);
        if rows.is_empty() && entity.is_none() {
            self.notices.answer("no dated events in the library");
            return;
        }
        self.timeline = Some(TimelineView {
            rows,
            cursor: Cursor::default(),
            entity,
        });
        self.screen = Screen::Timeline;
    }

    /// An action on the timeline screen.
    pub(super) fn timeline_action(&mut self, a: Action) -> Option<LibEffect> {
        let page = list_height(self.height);
        let t = self.timeline.as_mut()?;
        if t.cursor.step(&a, t.rows.len(), page) {
            return None;
        }
        match a {
            Action::ToggleTimelineFilter => {
                let entity = match t.entity {
                    Some(_) => None,
                    None => self.entities.get(self.entity_cursor.at).copied(),
                };
                self.open_timeline(entity);
            }
            Action::ClearSelection => self.screen = super::Screen::List,
            Action::Activate => {
                let &(brief, event) = t.rows.get(t.cursor.at)?;
                return self.open_brief(brief, Target::Event(event));
            }
            _ => {}
        }
        None
    }
}

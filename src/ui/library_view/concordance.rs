//! The concordance screen and its walk: every mention of an entity across the
//! library, `Enter` opening the brief at one, and the next/previous-match keys
//! in a brief opened from it going on to the next mention in whatever brief.

use super::{list_height, reader, Cursor, LibEffect, LibraryView, Screen, Target};
use crate::library::{EntityRef, Hit};
use crate::ui::action::Action;

/// An entity's mentions across the library.
pub struct Concordance {
    pub entity: EntityRef,
    /// Only the sentences it shares with this entity (from a profile).
    pub with: Option<EntityRef>,
    /// Where `Esc` goes.
    pub back: Screen,
    pub hits: Vec<Hit>,
    pub cursor: Cursor,
    /// The last walk went round from one end to the other.
    pub wrapped: bool,
}

impl LibraryView {
    /// Opens the concordance of library entity `e`.
    pub fn open_concordance(&mut self, e: EntityRef) {
        let hits = self.lib.concordance(e);
        self.show_concordance(e, None, hits);
    }

    /// Opens the concordance of `e` limited to the sentences it shares with `other`.
    pub fn open_shared(&mut self, e: EntityRef, other: EntityRef) {
        let hits = self.lib.shared(e, other);
        self.show_concordance(e, Some(other), hits);
    }

    fn show_concordance(&mut self, e: EntityRef, with: Option<EntityRef>, hits: Vec<Hit>) {
        if hits.is_empty() {
            self.notices.answer("no mentions");
            return;
        }
        self.concordance = Some(Concordance {
            entity: e,
            with,
            back: self.screen,
            hits,
            cursor: Cursor::default(),
            wrapped: false,
        });
        self.screen = Screen::Concordance;
    }

    /// An action on the concordance screen.
    pub(super) fn concordance_action(&mut self, a: Action) -> Option<LibEffect> {
        let page = list_height(self.height);
        let c = self.concordance.as_mut()?;
        let len = c.hits.len();
        let step = match &a {
            Action::NextMatch => Action::MoveDown,
            Action::PrevMatch => Action::MoveUp,
            other => (*other).clone(),
        };
        if c.cursor.step(&step, len, page) {
            return None;
        }
        match a {
            Action::ClearSelection => self.screen = c.back,
            Action::ShowProfile => {
                let e = c.entity;
                self.open_profile(e);
            }
            Action::Activate => {
                c.wrapped = false;
                let hit = *c.hits.get(c.cursor.at)?;
                return self.open_brief(hit.brief, Target::Hit(hit));
            }
            _ => {}
        }
        None
    }

    /// Whether the next/previous-match keys walk the concordance across briefs:
    /// the brief was opened from it and its entity is still the one selected.
    pub fn walking(&self) -> bool {
        let (Some(r), Some(c)) = (&self.reading, &self.concordance) else {
            return false;
        };
        r.back == Screen::Concordance
            && r.app
                .selected
                .and_then(|local| r.global.get(local))
                .is_some_and(|&g| g == c.entity)
    }

    /// The next (`dir` 1) or previous (-1) mention in the concordance, in whatever brief.
    pub(super) fn walk(&mut self, dir: isize) -> Option<LibEffect> {
        let c = self.concordance.as_mut()?;
        c.wrapped = c.cursor.walk(dir, c.hits.len())?;
        let hit = c.hits[c.cursor.at];
        match self.reading.as_mut() {
            Some(r) if r.brief == hit.brief => {
                reader::show_hit(r, &hit);
                self.note_walk();
                None
            }
            _ => self.open_brief(hit.brief, Target::Hit(hit)),
        }
    }

    /// Says in the open brief where in the concordance the reader is.
    pub(super) fn note_walk(&mut self) {
        let Some(c) = &self.concordance else { return };
        let position = format!("mention {}/{}", c.cursor.at + 1, c.hits.len());
        let wrapped = c.wrapped;
        self.say_walk(position, wrapped);
    }

    /// Says "`position` across the library" in the open brief, with the keys
    /// that walk on, in place of the walk's last position, which is stale now.
    pub(super) fn say_walk(&mut self, position: String, wrapped: bool) {
        let Some(r) = self.reading.as_mut() else {
            return;
        };
        let km = &r.app.keymap;
        let mut note = format!("{position} across the library");
        if wrapped {
            note.push_str(" (wrapped)");
        }
        note.push_str(&format!(
            " · {}/{} next/previous in any brief · {} back",
            km.hint(&Action::NextMatch),
            km.hint(&Action::PrevMatch),
            km.hint(&Action::ClearSelection)
        ));
        r.app
            .notices
            .retire(|m| m.ends_with(" back") && m.contains(" across the library"));
        r.app.answer(note);
    }
}

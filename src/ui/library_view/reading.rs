//! The brief open in the reader, as the library sees it: where it opens
//! ([`Target`]), the keys in it that lead back to the library or walk on to the
//! next mention or hit in whatever brief, and the way back, which remembers
//! the place. Building the reader itself is [`super::reader`]'s.

use super::{reader, LibAction, LibEffect, LibraryView, Screen};
use crate::document::Span;
use crate::library::{BriefId, EntityRef, Hit};
use crate::ui::action::Action;
use crate::ui::app::{App, Mode as AppMode};
use crate::ui::keymap::Key;

/// Where to put the reader in a brief being opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Where it was left (the top the first time).
    Resume,
    /// At a concordance hit, with its entity selected.
    Hit(Hit),
    /// At the brief's event with this index.
    Event(u32),
    /// At a hit of the library's search (a byte span), with the search active.
    Found(Span),
    /// At the note with this index in the notes list.
    Note(usize),
}

/// The brief open in the reader.
pub struct Reading {
    pub brief: BriefId,
    pub app: App,
    /// Library entity of each local entity id of `app.entities`.
    pub global: Vec<EntityRef>,
    /// Where `Esc` goes back to.
    pub back: Screen,
}

impl LibraryView {
    /// A key in the open brief, as its reader takes it, but for leaving it.
    pub(super) fn reading_action(&mut self, key: Key) -> Option<LibAction> {
        let walking = self.walking();
        let searching = self.walking_search();
        let r = self.reading.as_mut()?;
        let action = r.app.action_for_key(key)?;
        if r.app.mode != AppMode::Normal {
            return Some(LibAction::Reader(action));
        }
        let nothing_to_clear = r.app.selected.is_none()
            && r.app.selection.is_none()
            && r.app.search.query.is_empty()
            && r.app.sidebar.filter.is_empty();
        Some(match action {
            Action::ClearSelection if nothing_to_clear || walking || searching => LibAction::Back,
            Action::NextMatch if searching => LibAction::Walk(1),
            Action::PrevMatch if searching => LibAction::Walk(-1),
            Action::NextMatch if walking && r.app.search.hits.is_empty() => LibAction::Walk(1),
            Action::PrevMatch if walking && r.app.search.hits.is_empty() => LibAction::Walk(-1),
            other => LibAction::Reader(other),
        })
    }

    /// Asks the edge to open brief `id` in the reader at `target`; `Esc` comes
    /// back to the current screen (or, from an open brief, to its screen).
    pub fn open_brief(&mut self, id: BriefId, target: Target) -> Option<LibEffect> {
        let back = match self.screen {
            Screen::Reading => self.reading.as_ref().map_or(Screen::List, |r| r.back),
            other => other,
        };
        Some(LibEffect::OpenBrief { id, target, back })
    }

    /// The edge read the brief asked for: it shows at `target`, or the
    /// screen says why it could not be read.
    pub(super) fn brief_opened(&mut self, result: Result<Box<Reading>, String>, target: Target) {
        match result {
            Ok(r) => {
                let mut r = *r;
                if let Some(old) = self.reading.take() {
                    self.remember(&old);
                }
                match target {
                    Target::Hit(h) => reader::show_hit(&mut r, &h),
                    Target::Event(e) => reader::show_event(&mut r, e as usize),
                    Target::Note(i) => {
                        if let Some(n) = self.notes.as_ref().and_then(|n| n.notes.get(i)) {
                            r.app.show_note(n.entry.id());
                        }
                    }
                    Target::Found(span) => {
                        if let Some(s) = &self.search {
                            r.app.search_for(s.query.shown(), span.start);
                        }
                    }
                    Target::Resume => {
                        let path = self.lib.brief(r.brief).map(|b| b.path.clone());
                        if let Some(&pos) = path.and_then(|p| self.positions.get(&p)) {
                            r.app.view.top = r.app.view.row_of(&r.app.flow, pos);
                        }
                        let back = r.app.keymap.hint(&Action::ClearSelection);
                        r.app.answer(format!("{back}: back to the library"));
                    }
                }
                self.reading = Some(r);
                self.screen = Screen::Reading;
                match target {
                    Target::Hit(_) => self.note_walk(),
                    Target::Found(_) => self.note_search_walk(),
                    _ => {}
                }
            }
            Err(e) => self.notices.push(e),
        }
    }

    /// Remembers where the reader is in `r`'s brief, for when it is opened again.
    fn remember(&mut self, r: &Reading) {
        if let Some(b) = self.lib.brief(r.brief) {
            self.positions.insert(b.path.clone(), r.app.top_byte());
        }
    }

    /// Back from the reader to the screen it was opened from, remembering the position.
    pub(super) fn close_brief(&mut self) {
        if let Some(r) = self.reading.take() {
            self.remember(&r);
            self.screen = r.back;
        } else {
            self.screen = Screen::List;
        }
        self.follow();
    }
}

//! The list screen: the briefs and the entities across them, each with a
//! cursor; `/` searches every brief's text from the briefs and filters the
//! entities from their list; `Enter` opens a brief or an entity's
//! concordance, the timeline action the timeline across briefs.

use super::{list_height, Focus, LibEffect, LibraryView, Prompt, Target};
use crate::ui::action::Action;

impl LibraryView {
    /// An action on the list screen.
    pub(super) fn list_action(&mut self, a: Action) -> Option<LibEffect> {
        let page = list_height(self.height);
        let (cursor, len) = match self.focus {
            Focus::Briefs => (&mut self.brief_cursor, self.briefs.len()),
            Focus::Entities => (&mut self.entity_cursor, self.entities.len()),
        };
        if cursor.step(&a, len, page) {
            match self.focus {
                Focus::Briefs => self.brief_moved = true,
                Focus::Entities => self.entity_moved = true,
            }
            return None;
        }
        match a {
            Action::FocusNext | Action::FocusPrev => {
                self.focus = match self.focus {
                    Focus::Briefs => Focus::Entities,
                    Focus::Entities => Focus::Briefs,
                }
            }
            Action::ToggleMap => self.open_map(),
            Action::StartSearch => {
                self.typing = true;
                self.prompt = match self.focus {
                    Focus::Briefs => Prompt::Search,
                    Focus::Entities => Prompt::Entities,
                };
                self.search_input.clear();
            }
            Action::ToggleNotes => return self.open_notes(),
            Action::ShowProfile => match self.focus {
                Focus::Entities => {
                    let e = *self.entities.get(self.entity_cursor.at)?;
                    self.open_profile(e);
                }
                Focus::Briefs => {
                    let tab = self.hint(&Action::FocusNext);
                    self.notices.answer(format!(
                        "a profile is of an entity: {tab} to the entity list"
                    ));
                }
            },
            Action::ShowTimeline => {
                let entity = match self.focus {
                    Focus::Entities => self.entities.get(self.entity_cursor.at).copied(),
                    Focus::Briefs => None,
                };
                self.open_timeline(entity);
            }
            Action::ClearSelection if !self.entity_filter.is_empty() => {
                self.entity_filter.clear();
                self.rows_changed();
            }
            Action::Activate => match self.focus {
                Focus::Briefs => {
                    let id = *self.briefs.get(self.brief_cursor.at)?;
                    return self.open_brief(id, Target::Resume);
                }
                Focus::Entities => {
                    let e = *self.entities.get(self.entity_cursor.at)?;
                    self.open_concordance(e);
                }
            },
            _ => {}
        }
        None
    }

    /// Typing into the prompt: the entity list narrows as its filter is typed;
    /// a search of every brief starts when it is accepted.
    pub(super) fn filter_action(&mut self, a: Action) -> Option<LibEffect> {
        if self.prompt == Prompt::Tag {
            self.tag_action(a);
            return None;
        }
        if self.prompt == Prompt::Search {
            match a {
                Action::InputSubmit => {
                    self.typing = false;
                    return self.start_search();
                }
                Action::InputCancel => {
                    self.search_input.clear();
                    self.typing = false;
                }
                Action::InputBackspace => {
                    self.search_input.pop();
                }
                Action::Input(c) => self.search_input.push(c),
                _ => {}
            }
            return None;
        }
        let filter = &mut self.entity_filter;
        match a {
            Action::InputSubmit => self.typing = false,
            Action::InputCancel => {
                filter.clear();
                self.typing = false;
            }
            Action::InputBackspace => {
                filter.pop();
            }
            Action::Input(c) => filter.push(c),
            _ => return None,
        }
        self.rows_changed();
        None
    }

    /// Recomputes the filtered rows, keeping each cursor on the same item (the
    /// brief cursor only once the user moved it).
    pub(super) fn rows_changed(&mut self) {
        let keep = self.briefs.get(self.brief_cursor.at).copied();
        self.briefs = self.lib.order().to_vec();
        if let Some(i) = keep
            .filter(|_| self.brief_moved)
            .and_then(|id| self.briefs.iter().position(|&b| b == id))
        {
            self.brief_cursor.at = i;
        }
        self.brief_cursor.moved(0, self.briefs.len());
        let keep = self.entities.get(self.entity_cursor.at).copied();
        let needle = self.entity_filter.to_lowercase();
        self.entities = self
            .lib
            .ranking()
            .iter()
            .copied()
            .filter(|&e| {
                needle.is_empty()
                    || self.lib.entities()[e as usize]
                        .name
                        .to_lowercase()
                        .contains(&needle)
            })
            .collect();
        if let Some(i) = keep
            .filter(|_| self.entity_moved)
            .and_then(|id| self.entities.iter().position(|&e| e == id))
        {
            self.entity_cursor.at = i;
        }
        self.entity_cursor.moved(0, self.entities.len());
        self.follow();
    }
}

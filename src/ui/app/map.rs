//! The map of the brief's places (`M`): which places it shows, which one is
//! selected, and the keys that move through them, go to their mentions or close it.

use super::{App, Effect, Mode};
use crate::places::{self, Located};
use crate::ui::action::Action;
use crate::ui::keymap::Context;

/// The open map: the brief's places with coordinates and the selected one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapView {
    /// Most mentioned first.
    pub places: Vec<Located>,
    /// Index into `places`.
    pub cursor: usize,
    /// Place entities of the brief that have no coordinates (unknown or ambiguous).
    pub unplaced: usize,
}

impl MapView {
    /// The map of `places` with the place of entity `selected` (if any) selected.
    pub fn new(places: Vec<Located>, unplaced: usize, selected: Option<usize>) -> MapView {
        let cursor = selected
            .and_then(|id| places.iter().position(|p| p.entity == id))
            .unwrap_or(0);
        MapView {
            places,
            cursor,
            unplaced,
        }
    }

    /// The selected place.
    pub fn current(&self) -> Option<&Located> {
        self.places.get(self.cursor)
    }

    /// Moves the selection for a movement key (a place, a page of five, the
    /// first or last); false for any other action.
    pub fn move_by(&mut self, action: &Action) -> bool {
        let delta = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => 5,
            Action::PageUp => -5,
            Action::GoTop => isize::MIN / 2,
            Action::GoBottom => isize::MAX / 2,
            _ => return false,
        };
        self.step(delta);
        true
    }

    /// Moves the selection by `delta`, staying within the list.
    pub fn step(&mut self, delta: isize) {
        let last = self.places.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + delta).clamp(0, last) as usize;
    }
}

impl App {
    /// Opens the map of the brief's places (or closes it).
    pub(super) fn toggle_map(&mut self) {
        if self.mode == Mode::Map {
            self.close_map();
            return;
        }
        let located = places::locate(self.doc.text(), &self.entities);
        let all = self
            .entities
            .entities
            .iter()
            .filter(|e| e.kind == crate::entities::Kind::Place)
            .count();
        let unplaced = all.saturating_sub(located.len());
        self.map = Some(MapView::new(located, unplaced, self.selected));
        self.mode = Mode::Map;
        self.follow_in_sidebar();
    }

    /// New entities arrived while the map is open: its places are found again
    /// (entity ids change), keeping the selected place by name.
    pub(super) fn refresh_map(&mut self) {
        let Some(old) = self.map.take() else {
            return;
        };
        let keep = old.current().map(|p| p.name.clone());
        self.mode = Mode::Normal;
        self.toggle_map();
        if let (Some(map), Some(name)) = (self.map.as_mut(), keep) {
            if let Some(i) = map.places.iter().position(|p| p.name == name) {
                map.cursor = i;
            }
        }
        self.follow_in_sidebar();
    }

    pub(super) fn close_map(&mut self) {
        self.map = None;
        self.mode = Mode::Normal;
    }

    /// The action a key stands for while the map is open.
    pub(super) fn map_key(&self, key: crate::ui::keymap::Key) -> Option<Action> {
        self.keymap.action_in(Context::Map, key)
    }

    /// Applies `action` while the map is open.
    pub(super) fn update_map(&mut self, action: Action) -> Option<Effect> {
        let Some(map) = self.map.as_mut() else {
            self.mode = Mode::Normal;
            return None;
        };
        if map.move_by(&action) {
            self.follow_in_sidebar();
            return None;
        }
        match action {
            Action::Activate => {
                if let Some(id) = map.current().map(|p| p.entity) {
                    self.close_map();
                    self.select_entity(id);
                }
                None
            }
            Action::NextMatch | Action::PrevMatch => {
                let dir = if action == Action::NextMatch { 1 } else { -1 };
                if let Some(id) = map.current().map(|p| p.entity) {
                    self.close_map();
                    if self.selected != Some(id) {
                        self.selected = Some(id);
                        self.mention = None;
                    }
                    self.search = Default::default();
                    self.step_match(dir);
                }
                None
            }
            Action::ToggleMap | Action::ClearSelection => {
                self.close_map();
                None
            }
            Action::ToggleHelp => {
                // The help shows over the map; closing it comes back here.
                self.mode = Mode::Help;
                self.help = Default::default();
                None
            }
            Action::Quit => self.quit(),
            _ => None,
        }
    }

    /// Puts the sidebar's cursor on the selected place's row.
    fn follow_in_sidebar(&mut self) {
        let Some(id) = self
            .map
            .as_ref()
            .and_then(|m| m.current())
            .map(|p| p.entity)
        else {
            return;
        };
        if let Some(row) = self.sidebar.rows.iter().position(|&r| r == id) {
            self.sidebar.cursor = row;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_the_list() {
        let mut m = MapView::default();
        m.step(1);
        assert_eq!(m.cursor, 0);
        assert!(m.current().is_none());
    }
}

//! The map of the library's places (`M` on the lists): every place entity
//! across the briefs with its mentions in all of them; `Enter` (or `n`/`N`)
//! opens the selected place's concordance, `Esc` or `M` goes back to the lists.

use super::{LibEffect, LibraryView, Screen};
use crate::entities::Kind;
use crate::library::Library;
use crate::places::{self, Candidate, Located};
use crate::ui::action::Action;
use crate::ui::app::MapView;

/// The library's places that resolve, and how many place entities do not.
pub fn library_places(lib: &Library) -> (Vec<Located>, usize) {
    let ids: Vec<usize> = (0..lib.entities().len())
        .filter(|&i| lib.entities()[i].kind == Kind::Place && lib.entities()[i].mentions > 0)
        .collect();
    let forms: Vec<Vec<&str>> = ids
        .iter()
        .map(|&i| lib.entities()[i].forms.iter().map(|f| &**f).collect())
        .collect();
    let candidates: Vec<Candidate<'_>> = ids
        .iter()
        .zip(&forms)
        .map(|(&i, f)| Candidate {
            entity: i,
            name: &lib.entities()[i].name,
            forms: f,
            mentions: lib.entities()[i].mentions as usize,
        })
        .collect();
    let located = places::locate_all(&candidates);
    let unplaced = ids.len() - located.len();
    (located, unplaced)
}

impl LibraryView {
    /// Shows the map of the library's places.
    pub(super) fn open_map(&mut self) {
        let (located, unplaced) = library_places(&self.lib);
        self.map = Some(MapView::new(located, unplaced, None));
        self.screen = Screen::Map;
    }

    /// A key of the `map` context on the map screen.
    pub(super) fn map_action(&mut self, a: Action) -> Option<LibEffect> {
        let map = self.map.as_mut()?;
        if map.move_by(&a) {
            return None;
        }
        match a {
            Action::Activate | Action::NextMatch | Action::PrevMatch => {
                let e = map.current()?.entity as crate::library::EntityRef;
                self.open_concordance(e);
            }
            Action::ToggleMap | Action::ClearSelection => {
                self.map = None;
                self.screen = Screen::List;
            }
            _ => {}
        }
        None
    }
}

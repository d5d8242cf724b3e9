//! The effects `App::update` asks for, carried out at the edge: opening and
//! saving the brief's annotation store. Quitting is left to the caller. Kept
//! apart from the terminal so tests run the same code without one.

use super::action::Action;
use super::app::{App, Effect};
use crate::annotations::Store;
use std::path::PathBuf;

/// What the edge needs to carry out effects: the store, and the brief's path.
pub struct Effects {
    store: Option<Store>,
    brief: Option<PathBuf>,
}

impl Effects {
    /// Effects on `store` (none: annotations unavailable) for the brief at `brief`.
    pub fn new(store: Option<Store>, brief: Option<PathBuf>) -> Effects {
        Effects { store, brief }
    }

    /// The user's store (`FOLIO_DATA_DIR`, else the platform's data directory).
    pub fn from_env(brief: Option<PathBuf>) -> Effects {
        Effects::new(Store::from_env(), brief)
    }

    /// Carries out `effect` and feeds what came of it back through `App::update`
    /// (which may ask for more). Returns true when the program should end.
    pub fn run(&mut self, app: &mut App, effect: Effect) -> bool {
        let mut next = Some(effect);
        while let Some(effect) = next.take() {
            next = match effect {
                Effect::Quit => return true,
                Effect::OpenNotes => self.open(app),
                Effect::SaveNotes => self.save(app),
            };
        }
        false
    }

    fn open(&mut self, app: &mut App) -> Option<Effect> {
        if app.notes.set.is_some() || app.loading {
            return None;
        }
        let Some(store) = &self.store else {
            return app.update(Action::NotesUnavailable(
                "no data directory (set FOLIO_DATA_DIR)".into(),
            ));
        };
        let (set, notice) = store.open(&app.doc, self.brief.as_deref());
        let notice = notice.map(|n| n.message);
        app.update(Action::NotesOpened(Box::new(set), notice))
    }

    fn save(&mut self, app: &mut App) -> Option<Effect> {
        let store = self.store.as_ref()?;
        let mut set = app.take_notes_for_saving()?;
        let error = store.save(&app.doc, &mut set).err().map(|e| e.to_string());
        app.update(Action::NotesSaved(Box::new(set), error))
    }
}

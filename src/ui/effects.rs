//! Carrying out the effects `App::update` returns, at the edge: reading the end
//! of a file still loading, opening and saving the brief's annotations, saving
//! and undoing entity corrections.
//! What came of it goes back to the app as an action, so a failure is shown
//! and the change stays in memory. No terminal needed, so tests run effects
//! exactly as the reader does.

use super::action::Action;
use super::app::{App, Effect};
use super::loader;
use crate::annotations;
use crate::document::{read_suffix, Encoding};
use crate::entities::store::Store;
use std::path::PathBuf;
use std::sync::Arc;

/// Where the edge keeps what the reader saves.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    /// The corrections file; `None` when there is no data directory.
    pub corrections: Option<Store>,
    /// The annotation store; `None` when there is no data directory.
    pub notes: Option<annotations::Store>,
    /// The brief's file, remembered with its notes (none for the bundled sample).
    pub brief: Option<PathBuf>,
}

impl Edge {
    /// The stores under folio's data directory (`FOLIO_DATA_DIR` overrides it).
    pub fn from_env() -> Edge {
        Edge {
            corrections: Store::from_env(),
            notes: annotations::Store::from_env(),
            brief: None,
        }
    }

    /// The same stores, for the brief at `brief`.
    pub fn for_brief(self, brief: Option<PathBuf>) -> Edge {
        Edge { brief, ..self }
    }
}

/// Runs `effect` for `app`, and whatever the app asks for in answer; true
/// when the reader should quit.
pub fn run(app: &mut App, effect: Effect, edge: &Edge) -> bool {
    let mut next = Some(effect);
    while let Some(effect) = next.take() {
        next = match effect {
            Effect::Quit => return true,
            Effect::SaveCorrection(change) => correction(app, edge, |s| {
                s.add(change).map(|_| ()).map_err(|e| e.to_string())
            }),
            Effect::UndoCorrection(change) => {
                correction(app, edge, |s| s.undo(&change).map_err(|e| e.to_string()))
            }
            Effect::OpenNotes => open_notes(app, edge),
            Effect::SaveNotes => save_notes(app, edge),
            Effect::ReadTail => read_tail(app, edge),
        };
    }
    false
}

fn correction(
    app: &mut App,
    edge: &Edge,
    change: impl FnOnce(&Store) -> Result<(), String>,
) -> Option<Effect> {
    let result = edge
        .corrections
        .as_ref()
        .ok_or_else(|| "no data directory for this user (set FOLIO_DATA_DIR)".to_string())
        .and_then(change);
    match result {
        Ok(()) => None,
        Err(why) => app.update(Action::CorrectionNotSaved(why)),
    }
}

fn open_notes(app: &mut App, edge: &Edge) -> Option<Effect> {
    if app.notes.set.is_some() || app.loading {
        return None;
    }
    let Some(store) = &edge.notes else {
        return app.update(Action::NotesUnavailable(
            "no data directory for this user (set FOLIO_DATA_DIR)".into(),
        ));
    };
    let (set, notice) = store.open(&app.doc, edge.brief.as_deref());
    app.update(Action::NotesOpened(
        Box::new(set),
        notice.map(|n| n.message),
    ))
}

fn save_notes(app: &mut App, edge: &Edge) -> Option<Effect> {
    let store = edge.notes.as_ref()?;
    let mut set = app.take_notes_for_saving()?;
    let error = store.save(&app.doc, &mut set).err().map(|e| e.to_string());
    app.update(Action::NotesSaved(Box::new(set), error))
}

/// Reads the end of the brief being loaded. On any failure nothing is shown:
/// the app already goes to the end once the whole file is in.
fn read_tail(app: &mut App, edge: &Edge) -> Option<Effect> {
    let plain = matches!(app.doc.encoding(), Encoding::Utf8 | Encoding::Utf8Bom);
    let path = edge.brief.as_deref().filter(|_| plain && app.loading)?;
    let tail = read_suffix(path, loader::PREFIX_BYTES).ok().flatten()?;
    app.update(Action::TailRead(Arc::new(tail)))
}

//! Carrying out the effects `App::update` returns, at the edge: saving and
//! undoing corrections on disk. A failure comes back to the app as an action,
//! so the user sees it and the change stays in memory. No terminal needed, so
//! tests run effects exactly as the reader does.

use super::action::Action;
use super::app::{App, Effect};
use crate::entities::store::Store;

/// Where the edge keeps what the reader saves.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    /// The corrections file; `None` when there is no data directory.
    pub corrections: Option<Store>,
}

impl Edge {
    /// The stores under folio's data directory (`FOLIO_DATA_DIR` overrides it).
    pub fn from_env() -> Edge {
        Edge {
            corrections: Store::from_env(),
        }
    }
}

/// Runs `effect` for `app`; true when the reader should quit.
pub fn run(app: &mut App, effect: Effect, edge: &Edge) -> bool {
    let result = match effect {
        Effect::Quit => return true,
        Effect::SaveCorrection(change) => {
            store(edge).and_then(|s| s.add(change).map(|_| ()).map_err(|e| e.to_string()))
        }
        Effect::UndoCorrection(change) => {
            store(edge).and_then(|s| s.undo(&change).map_err(|e| e.to_string()))
        }
    };
    if let Err(why) = result {
        app.update(Action::CorrectionNotSaved(why));
    }
    false
}

fn store(edge: &Edge) -> Result<&Store, String> {
    edge.corrections
        .as_ref()
        .ok_or_else(|| "no data directory for this user (set FOLIO_DATA_DIR)".to_string())
}

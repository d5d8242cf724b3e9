//! What the library view is told and what it asks for: [`LibAction`]s (a key's
//! action, or news from the edge) go into [`LibraryView::update`], which
//! returns [`LibEffect`]s (read a brief, read texts, save the index, reopen)
//! that the edge carries out, feeding what came of them back as actions.
//!
//! [`LibraryView::update`]: super::LibraryView::update

use super::{Reading, Screen, Target};
use crate::library::search::Found;
use crate::library::{BriefId, Done, LibNote, Library, Progress, Query, Scan};
use crate::ui::action::Action;
use crate::ui::app::Effect;
use std::sync::Arc;

/// A user intent or an outside event, applied by [`super::LibraryView::update`].
pub enum LibAction {
    /// An action of the library's keymap context (lists, concordance, timeline).
    Do(Action),
    /// An action for the reader on the open brief.
    Reader(Action),
    /// Leave the open brief for the screen it was opened from.
    Back,
    /// `n`/`N` in a brief opened from a concordance or a search: the next (1)
    /// or previous (-1) mention of its entity or hit of the search, in whatever brief.
    Walk(isize),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// Briefs the background index finished, and how far it is.
    Indexed(Vec<Done>, Progress),
    /// A rescan of the folders finished.
    Rescanned(Scan),
    /// The library, reopened after a rescan found changes, and how far its index is.
    Reopened(Box<Library>, Progress),
    /// The brief asked for is read and its reader built, or why it could not be.
    BriefOpened(Result<Box<Reading>, String>, Target),
    /// Hits of the search for this query found since the last, and whether it is done.
    SearchFound(Query, Found),
    /// The notes of every brief, newest first, and what went wrong gathering them.
    NotesRead(Vec<LibNote>, Vec<String>),
    /// Texts of briefs shown in the concordance or timeline (`None`: unreadable).
    TextsRead(Vec<(BriefId, Option<Arc<str>>)>),
    /// The index cache was saved, or why not.
    IndexSaved(Result<(), String>),
}

/// Work for the edge: reading and saving, which `update` never does itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibEffect {
    Quit,
    /// Read brief `id` and open it in the reader at `target`; `Esc` leads back to `back`.
    OpenBrief {
        id: BriefId,
        target: Target,
        back: Screen,
    },
    /// Search the text of every brief, newest first, reporting hits as they are found.
    Search(Query),
    /// Gather the notes of every brief.
    ReadNotes,
    /// Read the texts of these briefs, for the lines the screen shows.
    ReadTexts(Vec<BriefId>),
    /// Save the index to the cache.
    SaveIndex,
    /// Reopen the library from its folders (a rescan found changes).
    Reopen,
    /// An effect of the reader on the open brief (notes, corrections, quitting).
    Reader(Effect),
}

//! Everything the reader can do, as values: keys map to these (see `keymap`)
//! and `App::update` applies them, so the UI can be driven without a terminal.

use crate::document::Document;
use crate::entities::{Entities, Kind};
use crate::timeline::Event;
use std::sync::Arc;

/// A user intent or an outside event, applied by `App::update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave folio.
    Quit,
    /// Show or hide the key help overlay.
    ToggleHelp,
    /// Focus the next pane (paragraphs → entities → timeline).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Down one: scroll a line, or move the sidebar/timeline cursor.
    MoveDown,
    /// Up one.
    MoveUp,
    /// Left one: the previous timeline event.
    MoveLeft,
    /// Right one: the next timeline event.
    MoveRight,
    /// Scroll the text a page down.
    PageDown,
    /// Scroll the text a page up.
    PageUp,
    /// Scroll half a page down.
    HalfPageDown,
    /// Scroll half a page up.
    HalfPageUp,
    /// Go to the top (text, sidebar or timeline, by focus).
    GoTop,
    /// Go to the bottom.
    GoBottom,
    /// Open what the cursor is on: select an entity, or go to an event's passage.
    Activate,
    /// The next search hit or mention of the selected entity, wrapping.
    NextMatch,
    /// The previous search hit or mention, wrapping.
    PrevMatch,
    /// The next timeline event, from any pane.
    NextEvent,
    /// The previous timeline event, from any pane.
    PrevEvent,
    /// Show only the timeline events that mention the selected entity (again: all).
    ToggleTimelineFilter,
    /// Move the reading cursor to the next sentence (a selection's end follows).
    NextSentence,
    /// Move the reading cursor to the previous sentence.
    PrevSentence,
    /// Move the reading cursor to the next paragraph's first sentence.
    NextParagraph,
    /// Move the reading cursor to the previous paragraph's first sentence.
    PrevParagraph,
    /// Start selecting at the current sentence (again: stop selecting).
    StartSelection,
    /// Select the current paragraph.
    SelectParagraph,
    /// Extend the selection to the start of the next word.
    WordForward,
    /// Extend the selection to the end of the word.
    WordEnd,
    /// Move the selection's end back to the start of the previous word.
    WordBack,
    /// Start typing a search (in the sidebar: a filter).
    StartSearch,
    /// Clear the selection, search and filter.
    ClearSelection,
    /// Correct the current entity's kind (then p, o, l or m).
    RetypeEntity,
    /// The current entity is not an entity.
    NotAnEntity,
    /// Merge the current entity into another, picked in the sidebar.
    MergeEntity,
    /// Make the selected text an entity (then p, o, l or m).
    AddEntity,
    /// Take back the last correction made in this session.
    UndoCorrection,
    /// The kind chosen for a retype or an add.
    PickKind(Kind),
    /// Saving a correction failed (why); it stays in memory.
    CorrectionNotSaved(String),
    /// A character typed into the search or filter prompt.
    Input(char),
    /// Delete the last character of the prompt.
    InputBackspace,
    /// Accept the prompt.
    InputSubmit,
    /// Abandon the prompt.
    InputCancel,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Scroll the text by this many lines (mouse wheel).
    ScrollBy(i32),
    /// A left click at this screen cell: focus the pane there and select what is under it.
    Click { col: u16, row: u16 },
    /// The mouse wheel at this screen cell: `delta` notches, positive downwards.
    Wheel { col: u16, row: u16, delta: i32 },
    /// Background extraction finished.
    Extracted(Box<(Entities, Vec<Event>)>),
    /// Extraction of the beginning shown so far finished; the whole file's follows.
    ExtractedPrefix(Box<(Entities, Vec<Event>)>),
    /// The whole file is read; it replaces the beginning shown so far.
    Loaded(Arc<Document>),
    /// Reading the whole file failed after its beginning was shown.
    LoadFailed(String),
    /// The background worker stopped without delivering its results.
    WorkerLost,
}

impl Action {
    /// A short description for the help overlay (bindable actions only).
    pub fn describe(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ToggleHelp => "show or hide this help",
            Action::FocusNext => "focus next pane",
            Action::FocusPrev => "focus previous pane",
            Action::MoveDown => "down: scroll / next entity / next event",
            Action::MoveUp => "up: scroll / previous entity / previous event",
            Action::MoveLeft => "previous timeline event",
            Action::MoveRight => "next timeline event",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::GoTop => "go to the top",
            Action::GoBottom => "go to the bottom",
            Action::Activate => "select entity / go to the event's passage",
            Action::NextMatch => "next mention or search hit",
            Action::PrevMatch => "previous mention or search hit",
            Action::NextEvent => "next timeline event (from any pane)",
            Action::PrevEvent => "previous timeline event (any pane)",
            Action::StartSearch => "search text (sidebar: filter entities)",
            Action::ToggleTimelineFilter => "timeline: only events mentioning the selected entity",
            Action::NextSentence => "next sentence (reading cursor)",
            Action::PrevSentence => "previous sentence",
            Action::NextParagraph => "next paragraph",
            Action::PrevParagraph => "previous paragraph",
            Action::StartSelection => "select from the current sentence (again: stop)",
            Action::SelectParagraph => "select the current paragraph",
            Action::WordForward => "selection: to the next word",
            Action::WordEnd => "selection: to the end of the word",
            Action::WordBack => "selection: back a word",
            Action::ClearSelection => "clear selection, search and filter",
            Action::RetypeEntity => "retype the entity (✎ marks corrected ones)",
            Action::NotAnEntity => "not an entity: hide it in every brief",
            Action::MergeEntity => "merge the entity into one picked in the sidebar",
            Action::AddEntity => "make the selected text an entity",
            Action::UndoCorrection => "undo the last correction",
            Action::Input(_)
            | Action::PickKind(_)
            | Action::CorrectionNotSaved(_)
            | Action::InputBackspace
            | Action::InputSubmit
            | Action::InputCancel
            | Action::Resize(..)
            | Action::ScrollBy(_)
            | Action::Click { .. }
            | Action::Wheel { .. }
            | Action::Extracted(_)
            | Action::ExtractedPrefix(_)
            | Action::Loaded(_)
            | Action::LoadFailed(_)
            | Action::WorkerLost => "",
        }
    }
}

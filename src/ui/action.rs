//! Everything the reader can do, as values: keys map to these (see `keymap`)
//! and `App::update` applies them, so the UI can be driven without a terminal.

use super::editor::EditOp;
use super::extraction::Extraction;
use super::viewport::Flow;
use crate::annotations::AnnotationSet;
use crate::document::Document;
use crate::entities::Kind;
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
    Extracted(Box<Extraction>),
    /// Extraction of the beginning shown so far finished; the whole file's follows.
    ExtractedPrefix(Box<Extraction>),
    /// The whole file is read; it replaces the beginning shown so far. It comes
    /// cut into the blocks the pane wraps, done on the loader's thread (1.8 ms
    /// at 100 MB that a key pressed then would wait for).
    Loaded(Box<Flow>),
    /// The end of the file being loaded, read apart so `G` need not wait for the whole.
    TailRead(Arc<Document>),
    /// Reading the whole file failed after its beginning was shown.
    LoadFailed(String),
    /// The background worker stopped without delivering its results.
    WorkerLost,
    /// Search the next piece of a big text (sent while no key waits).
    SearchStep,
    /// Annotate the selection, or the current sentence: open the note editor.
    Annotate,
    /// Show or hide the annotations panel.
    ToggleNotes,
    /// Go to the next annotation after the reading position, wrapping.
    NextNote,
    /// Go to the previous annotation.
    PrevNote,
    /// An editing key in the note editor.
    Edit(EditOp),
    /// Save the note being edited.
    EditorSave,
    /// Close the editor, asking first if anything was typed.
    EditorCancel,
    /// The answer to "discard this note?": yes or no.
    EditorDiscard(bool),
    /// In the library: the timeline across briefs (from the entity list, that entity's events).
    ShowTimeline,
    /// Open the map of the places (again, or Esc: close it).
    ToggleMap,
    /// In the library: the profile of the entity under the cursor (activity over
    /// time, the company it keeps, first and last seen).
    ShowProfile,
    /// In an entity's profile: the sentences it shares with the entity under the cursor.
    ShowShared,
    /// In the annotations panel: go to the note under the cursor.
    NoteOpen,
    /// In the panel: edit the note under the cursor.
    NoteEdit,
    /// In the panel: delete the note under the cursor.
    NoteDelete,
    /// In the panel: bring back the last deleted note.
    NoteUndo,
    /// In the panel: type a tag to show only the notes carrying it.
    NoteFilter,
    /// In the panel: accept a re-anchored note where it now is.
    NoteConfirm,
    /// In the panel: move the note (re-anchored or orphaned) to the selection.
    NoteMove,
    /// The brief's annotations, opened at the edge, and what to tell the user.
    NotesOpened(Box<AnnotationSet>, Option<String>),
    /// The edge could not open the annotation store (no data directory).
    NotesUnavailable(String),
    /// A save ran at the edge: the set comes back, with the error if it failed
    /// (the set then stays dirty and the next change retries).
    NotesSaved(Box<AnnotationSet>, Option<String>),
}

impl Action {
    /// [`Action::Loaded`] for the whole document `doc`, cut into blocks here.
    pub fn loaded(doc: Arc<Document>) -> Action {
        Action::Loaded(Box::new(Flow::new(doc)))
    }

    /// Whether no key asked for the action: a resize of the terminal, or a
    /// result of loading and extraction. Modes and notices let these through.
    pub fn is_from_loading_or_terminal(&self) -> bool {
        matches!(
            self,
            Action::Resize(..)
                | Action::Extracted(_)
                | Action::ExtractedPrefix(_)
                | Action::Loaded(_)
                | Action::TailRead(_)
                | Action::LoadFailed(_)
                | Action::WorkerLost
        )
    }

    /// A short description for the help overlay (bindable actions only; the
    /// help words some differently where they mean something else, as in the panel).
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
            Action::StartSelection => {
                "select the word, search hit or name at the cursor (again: stop)"
            }
            Action::SelectParagraph => "select the current paragraph",
            Action::WordForward => "next word (with a selection: extend it)",
            Action::WordEnd => "end of the word (with a selection: extend it)",
            Action::WordBack => "back a word (with a selection: shrink or extend it)",
            Action::ClearSelection => "clear selection, search and filter",
            Action::Annotate => "annotate the selection or sentence (note editor)",
            Action::ToggleNotes => "annotations panel: list, filter by tag, edit, delete",
            Action::NextNote => "next annotation",
            Action::PrevNote => "previous annotation",
            Action::RetypeEntity => "retype the entity (✎ marks corrected ones)",
            Action::NotAnEntity => "not an entity: hide it in every brief",
            Action::MergeEntity => "merge the entity into one picked in the sidebar",
            Action::AddEntity => "make the selected text an entity",
            Action::UndoCorrection => "undo the last correction",
            Action::NoteOpen => "go to the note's passage",
            Action::NoteEdit => "edit the note",
            Action::NoteDelete => "delete the note",
            Action::NoteUndo => "bring back the last deleted note",
            Action::NoteFilter => "show only the notes with a tag (type it)",
            Action::NoteConfirm => "accept a re-anchored note where it now is",
            Action::NoteMove => "move the note (or an orphan) to the selection",
            Action::EditorSave => "save the note",
            Action::EditorCancel => "close the editor (asks first if anything was typed)",
            Action::Edit(EditOp::Complete) => "complete a #tag from the tags in use",
            Action::EditorDiscard(true) => "when asked: discard the note",
            Action::EditorDiscard(false) => "when asked: keep writing",
            Action::PickKind(Kind::Person) => "a person",
            Action::PickKind(Kind::Organization) => "an organization",
            Action::PickKind(Kind::Place) => "a place",
            Action::PickKind(Kind::Misc) => "misc",
            Action::InputSubmit => "accept",
            Action::InputCancel => "cancel",
            Action::ShowTimeline => "the timeline across the library",
            Action::ToggleMap => "map of the places (again: close it)",
            Action::ShowProfile => "the entity's profile across the library",
            Action::ShowShared => "the sentences two entities share",
            Action::Input(_)
            | Action::CorrectionNotSaved(_)
            | Action::InputBackspace
            | Action::Resize(..)
            | Action::ScrollBy(_)
            | Action::Click { .. }
            | Action::Wheel { .. }
            | Action::Extracted(_)
            | Action::ExtractedPrefix(_)
            | Action::Loaded(_)
            | Action::TailRead(_)
            | Action::LoadFailed(_)
            | Action::WorkerLost
            | Action::SearchStep
            | Action::Edit(_)
            | Action::NotesOpened(..)
            | Action::NotesUnavailable(_)
            | Action::NotesSaved(..) => "",
        }
    }
}

/// Every bindable action with its config name: the reader's, then those of the
/// annotations panel, the note editor and the correction picker.
pub const ACTIONS: [(&str, Action); 62] = [
    ("quit", Action::Quit),
    ("help", Action::ToggleHelp),
    ("focus_next", Action::FocusNext),
    ("focus_prev", Action::FocusPrev),
    ("down", Action::MoveDown),
    ("up", Action::MoveUp),
    ("left", Action::MoveLeft),
    ("right", Action::MoveRight),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("half_page_down", Action::HalfPageDown),
    ("half_page_up", Action::HalfPageUp),
    ("top", Action::GoTop),
    ("bottom", Action::GoBottom),
    ("activate", Action::Activate),
    ("next_match", Action::NextMatch),
    ("prev_match", Action::PrevMatch),
    ("next_event", Action::NextEvent),
    ("prev_event", Action::PrevEvent),
    ("timeline_filter", Action::ToggleTimelineFilter),
    ("next_sentence", Action::NextSentence),
    ("prev_sentence", Action::PrevSentence),
    ("next_paragraph", Action::NextParagraph),
    ("prev_paragraph", Action::PrevParagraph),
    ("start_selection", Action::StartSelection),
    ("select_paragraph", Action::SelectParagraph),
    ("word_forward", Action::WordForward),
    ("word_end", Action::WordEnd),
    ("word_back", Action::WordBack),
    ("search", Action::StartSearch),
    ("clear", Action::ClearSelection),
    ("annotate", Action::Annotate),
    ("notes", Action::ToggleNotes),
    ("next_note", Action::NextNote),
    ("prev_note", Action::PrevNote),
    ("retype_entity", Action::RetypeEntity),
    ("not_an_entity", Action::NotAnEntity),
    ("merge_entity", Action::MergeEntity),
    ("add_entity", Action::AddEntity),
    ("undo_correction", Action::UndoCorrection),
    ("open_note", Action::NoteOpen),
    ("edit_note", Action::NoteEdit),
    ("delete_note", Action::NoteDelete),
    ("undo_delete", Action::NoteUndo),
    ("filter_tag", Action::NoteFilter),
    ("confirm_note", Action::NoteConfirm),
    ("move_note", Action::NoteMove),
    ("save_note", Action::EditorSave),
    ("close_editor", Action::EditorCancel),
    ("complete_tag", Action::Edit(EditOp::Complete)),
    ("discard_note", Action::EditorDiscard(true)),
    ("keep_note", Action::EditorDiscard(false)),
    ("as_person", Action::PickKind(Kind::Person)),
    ("as_organization", Action::PickKind(Kind::Organization)),
    ("as_place", Action::PickKind(Kind::Place)),
    ("as_misc", Action::PickKind(Kind::Misc)),
    ("accept", Action::InputSubmit),
    ("cancel", Action::InputCancel),
    ("library_timeline", Action::ShowTimeline),
    ("map", Action::ToggleMap),
    ("profile", Action::ShowProfile),
    ("shared", Action::ShowShared),
];

/// The config name of a bindable action.
pub fn name_of(action: &Action) -> Option<&'static str> {
    ACTIONS.iter().find(|(_, a)| a == action).map(|(n, _)| *n)
}

/// The action named `name` in the config file, or `"none"` → `None` inside `Some` (unbind).
pub fn action_from_name(name: &str) -> Option<Option<Action>> {
    if name == "none" {
        return Some(None);
    }
    ACTIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| Some(a.clone()))
}

//! Where a binding applies: the pane with the focus, or a modal context (the
//! annotations panel, the note editor, the correction picker, the library,
//! the map), and which actions each context can bind.

use crate::ui::action::{self, Action};
use crate::ui::editor::EditOp;

/// Which pane of the reader receives movement keys (and so which bindings apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Pane,
    Sidebar,
    Timeline,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every pane.
    Global,
    Pane,
    Sidebar,
    Timeline,
    /// The annotations panel, while it is open.
    Notes,
    /// The note editor's commands (text keys are typed, not bound).
    Editor,
    /// Choosing a correction: an entity kind, or the entity to merge into.
    Correct,
    /// The library's screens: the brief and entity lists, an entity's
    /// concordance, the timeline across briefs (a brief opened from them has
    /// the reader's keys).
    Library,
    /// The map of the places, while it is open (in the reader or the library).
    Map,
}

impl Context {
    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 9] = [
        Context::Global,
        Context::Pane,
        Context::Sidebar,
        Context::Timeline,
        Context::Notes,
        Context::Editor,
        Context::Correct,
        Context::Library,
        Context::Map,
    ];

    pub(super) fn applies_to(self, focus: Focus) -> bool {
        matches!(
            (self, focus),
            (Context::Global, _)
                | (Context::Pane, Focus::Pane)
                | (Context::Sidebar, Focus::Sidebar)
                | (Context::Timeline, Focus::Timeline)
        )
    }

    /// A context of the reader's panes, where two-key sequences may be bound.
    pub fn is_reader(self) -> bool {
        matches!(
            self,
            Context::Global | Context::Pane | Context::Sidebar | Context::Timeline
        )
    }

    /// Whether `action` can be bound here: each modal context has its own actions.
    pub fn allows(self, action: &Action) -> bool {
        use Action::*;
        match self {
            Context::Notes => {
                panel_only(action)
                    || matches!(action, MoveDown | MoveUp | GoTop | GoBottom | ToggleNotes)
            }
            Context::Editor => matches!(
                action,
                EditorSave | EditorCancel | Edit(EditOp::Complete) | EditorDiscard(_)
            ),
            Context::Correct => matches!(
                action,
                PickKind(_) | MoveDown | MoveUp | InputSubmit | InputCancel
            ),
            Context::Library => matches!(
                action,
                Quit | ToggleHelp
                    | FocusNext
                    | FocusPrev
                    | MoveDown
                    | MoveUp
                    | MoveLeft
                    | MoveRight
                    | PageDown
                    | PageUp
                    | HalfPageDown
                    | HalfPageUp
                    | GoTop
                    | GoBottom
                    | Activate
                    | StartSearch
                    | ClearSelection
                    | NextMatch
                    | PrevMatch
                    | ShowTimeline
                    | ToggleTimelineFilter
                    | ToggleMap
                    | ToggleNotes
                    | NoteFilter
                    | ShowProfile
                    | ShowShared
            ),
            Context::Map => matches!(
                action,
                Quit | ToggleHelp
                    | MoveDown
                    | MoveUp
                    | PageDown
                    | PageUp
                    | GoTop
                    | GoBottom
                    | Activate
                    | NextMatch
                    | PrevMatch
                    | ClearSelection
                    | ToggleMap
            ),
            _ => {
                action::name_of(action).is_some()
                    && !modal_only(action)
                    && !matches!(action, ShowTimeline | ShowProfile | ShowShared)
            }
        }
    }
}

/// The annotations panel's own actions, which mean nothing elsewhere.
fn panel_only(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        NoteOpen | NoteEdit | NoteDelete | NoteUndo | NoteFilter | NoteConfirm | NoteMove
    )
}

/// Actions that mean something only in a modal context (the panel, the editor, the picker).
fn modal_only(action: &Action) -> bool {
    use Action::*;
    panel_only(action)
        || matches!(
            action,
            EditorSave
                | EditorCancel
                | Edit(_)
                | EditorDiscard(_)
                | PickKind(_)
                | InputSubmit
                | InputCancel
        )
}

//! The bindings folio starts with, before the user's `[keys.*]` tables: the
//! reader's panes, the annotations panel, the note editor, the correction
//! picker, the library's screens and the map. The order matters: the first
//! key bound to an action is the one hints name, and the help lists them so.

use super::{Binding, Context, Key, Keymap};
use crate::entities::Kind;
use crate::ui::action::Action::{self, *};
use crate::ui::editor::EditOp;
use crossterm::event::KeyCode::{
    self, BackTab, Char, Down, End, Enter, Esc, Home, Left, Right, Tab, Up,
};

/// A plain character key.
fn c(ch: char) -> Key {
    Key::plain(Char(ch))
}

/// A plain named key.
fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

/// `j` or `↓` down, `k` or `↑` up: how every list moves.
fn up_down() -> [(Key, Action); 4] {
    [
        (c('j'), MoveDown),
        (k(Down), MoveDown),
        (c('k'), MoveUp),
        (k(Up), MoveUp),
    ]
}

/// `h` or `←` left, `l` or `→` right: along the timeline, and in the library.
fn left_right() -> [(Key, Action); 4] {
    [
        (c('h'), MoveLeft),
        (k(Left), MoveLeft),
        (c('l'), MoveRight),
        (k(Right), MoveRight),
    ]
}

/// A page (`PgDn` or `Space`, `PgUp`) and half a page (`Ctrl-d`, `Ctrl-u`).
fn pages() -> [(Key, Action); 5] {
    [
        (k(KeyCode::PageDown), PageDown),
        (c(' '), PageDown),
        (k(KeyCode::PageUp), PageUp),
        (Key::ctrl('d'), HalfPageDown),
        (Key::ctrl('u'), HalfPageUp),
    ]
}

/// `g` or `Home` to the top, `G` or `End` to the bottom.
fn ends() -> [(Key, Action); 4] {
    [
        (c('g'), GoTop),
        (k(Home), GoTop),
        (c('G'), GoBottom),
        (k(End), GoBottom),
    ]
}

/// Quitting, the help and moving the focus, the same in the reader and the library.
fn quit_help_focus() -> [(Key, Action); 5] {
    [
        (c('q'), Quit),
        (Key::ctrl('c'), Quit),
        (c('?'), ToggleHelp),
        (k(Tab), FocusNext),
        (k(BackTab), FocusPrev),
    ]
}

/// `keys` bound in `context`, in order.
fn bound_in(context: Context, keys: Vec<(Key, Action)>) -> impl Iterator<Item = Binding> {
    keys.into_iter().map(move |(key, action)| Binding {
        context,
        prefix: None,
        key,
        action,
    })
}

impl Default for Keymap {
    fn default() -> Keymap {
        let bindings = bound_in(Context::Global, global())
            .chain(bound_in(Context::Pane, pane()))
            .chain(bound_in(Context::Timeline, timeline()))
            .chain(bound_in(Context::Notes, notes()))
            .chain(bound_in(Context::Editor, editor()))
            .chain(bound_in(Context::Correct, correct()))
            .chain(bound_in(Context::Library, library()))
            .chain(bound_in(Context::Map, map()))
            .collect();
        Keymap { bindings }
    }
}

/// The reader's keys in every pane.
fn global() -> Vec<(Key, Action)> {
    let mut keys = quit_help_focus().to_vec();
    keys.extend(up_down());
    keys.extend(pages());
    keys.extend(ends());
    keys.extend([
        (c('n'), NextMatch),
        (c('N'), PrevMatch),
        (c('/'), StartSearch),
        (k(Esc), ClearSelection),
        (k(Enter), Activate),
        (c('>'), NextEvent),
        (c('<'), PrevEvent),
        (c('a'), Annotate),
        (c('A'), ToggleNotes),
        (c(']'), NextNote),
        (c('['), PrevNote),
        (c('t'), RetypeEntity),
        (c('x'), NotAnEntity),
        (c('m'), MergeEntity),
        (c('+'), AddEntity),
        (c('U'), UndoCorrection),
        (c('M'), ToggleMap),
    ]);
    keys
}

/// The text pane's own keys: sentence, paragraph and word motions, selecting.
fn pane() -> Vec<(Key, Action)> {
    vec![
        (c(')'), NextSentence),
        (c('('), PrevSentence),
        (c('}'), NextParagraph),
        (c('{'), PrevParagraph),
        (c('v'), StartSelection),
        (c('V'), SelectParagraph),
        (c('w'), WordForward),
        (c('e'), WordEnd),
        (c('b'), WordBack),
    ]
}

/// The timeline strip's own keys: its filter, and left and right along it.
fn timeline() -> Vec<(Key, Action)> {
    let mut keys = vec![(c('f'), ToggleTimelineFilter)];
    keys.extend(left_right());
    keys
}

/// The annotations panel: move, open, edit, delete and undo, filter by tag,
/// confirm or move an orphaned note, close it.
fn notes() -> Vec<(Key, Action)> {
    let mut keys = up_down().to_vec();
    keys.extend(ends());
    keys.extend([
        (k(Enter), NoteOpen),
        (c('e'), NoteEdit),
        (c('d'), NoteDelete),
        (c('u'), NoteUndo),
        (c('#'), NoteFilter),
        (c('/'), NoteFilter),
        (c('c'), NoteConfirm),
        (c('r'), NoteMove),
        (c('A'), ToggleNotes),
        (c('q'), ToggleNotes),
        (k(Esc), ToggleNotes),
    ]);
    keys
}

/// The note editor's commands, and its answers to "discard?".
fn editor() -> Vec<(Key, Action)> {
    vec![
        (Key::ctrl('s'), EditorSave),
        (k(Esc), EditorCancel),
        (k(Tab), Edit(EditOp::Complete)),
        (c('y'), EditorDiscard(true)),
        (c('Y'), EditorDiscard(true)),
        (c('n'), EditorDiscard(false)),
        (c('N'), EditorDiscard(false)),
    ]
}

/// The correction picker: a kind by its initial, or the entity to merge into.
fn correct() -> Vec<(Key, Action)> {
    let mut keys = vec![
        (c('p'), PickKind(Kind::Person)),
        (c('o'), PickKind(Kind::Organization)),
        (c('l'), PickKind(Kind::Place)),
        (c('m'), PickKind(Kind::Misc)),
    ];
    keys.extend(up_down());
    keys.extend([(k(Enter), InputSubmit), (k(Esc), InputCancel)]);
    keys
}

/// The library's screens: the reader's movement keys, `t` for the timeline
/// across briefs, `f` to narrow it to an entity, `A` for every note and `#`
/// to narrow them to a tag, `p` for an entity's profile and `s` for the
/// sentences it shares with another.
fn library() -> Vec<(Key, Action)> {
    let mut keys = quit_help_focus().to_vec();
    keys.extend(up_down());
    keys.extend(left_right());
    keys.extend(pages());
    keys.extend(ends());
    keys.extend([
        (k(Enter), Activate),
        (c('/'), StartSearch),
        (k(Esc), ClearSelection),
        (c('n'), NextMatch),
        (c('N'), PrevMatch),
        (c('t'), ShowTimeline),
        (c('f'), ToggleTimelineFilter),
        (c('M'), ToggleMap),
        (c('A'), ToggleNotes),
        (c('#'), NoteFilter),
        (c('p'), ShowProfile),
        (c('s'), ShowShared),
    ]);
    keys
}

/// The map: move through the places, go to their mentions, close it with
/// `M`, `Esc` or `q`.
fn map() -> Vec<(Key, Action)> {
    let mut keys = up_down().to_vec();
    keys.extend([
        (k(KeyCode::PageDown), PageDown),
        (k(KeyCode::PageUp), PageUp),
    ]);
    keys.extend(ends());
    keys.extend([
        (k(Enter), Activate),
        (c('n'), NextMatch),
        (c('N'), PrevMatch),
        (c('?'), ToggleHelp),
        (c('M'), ToggleMap),
        (k(Esc), ToggleMap),
        (c('q'), ToggleMap),
    ]);
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_binding_is_allowed_in_its_context() {
        for b in Keymap::default().bindings() {
            assert!(
                b.context.allows(&b.action),
                "{:?} {:?}",
                b.context,
                b.action
            );
        }
        assert!(!Context::Editor.allows(&Action::Quit));
        assert!(!Context::Global.allows(&Action::NoteUndo));
    }
}

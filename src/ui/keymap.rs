//! Keys → actions, per pane and per modal context (the annotations panel, the
//! note editor, the correction picker), and actions → keys for the help
//! overlay, notices and hints, so what is shown never disagrees with what is bound.

use super::action::Action;
use super::editor::EditOp;
use crate::entities::Kind;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

    fn applies_to(self, focus: Focus) -> bool {
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
            Context::Notes => matches!(
                action,
                MoveDown
                    | MoveUp
                    | GoTop
                    | GoBottom
                    | NoteOpen
                    | NoteEdit
                    | NoteDelete
                    | NoteUndo
                    | NoteFilter
                    | NoteConfirm
                    | NoteMove
                    | ToggleNotes
            ),
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
                super::action::name_of(action).is_some()
                    && !modal_only(action)
                    && !matches!(action, ShowTimeline | ShowProfile | ShowShared)
            }
        }
    }
}

/// Actions that mean something only in a modal context (the panel, the editor, the picker).
fn modal_only(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        NoteOpen
            | NoteEdit
            | NoteDelete
            | NoteUndo
            | NoteFilter
            | NoteConfirm
            | NoteMove
            | EditorSave
            | EditorCancel
            | Edit(_)
            | EditorDiscard(_)
            | PickKind(_)
            | InputSubmit
            | InputCancel
    )
}

/// A key with its modifiers, comparable and printable (`Ctrl-d`, `Shift-Tab`, `G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// Normalizes a terminal key event: Shift is implied by the character itself.
    pub fn from_event(e: KeyEvent) -> Key {
        let mut mods =
            e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if let KeyCode::Char(_) = e.code {
            mods.remove(KeyModifiers::SHIFT);
        }
        if e.code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code: e.code, mods }
    }

    /// How the key is written in help and hints.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            // A control character is shown as a marker, never written raw.
            KeyCode::Char(c) => crate::display::escape_controls(&c.to_string()).into_owned(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        s + &base
    }
}

/// One binding: in `context`, `key` (after `prefix`, for a two-key sequence) does `action`.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    /// The first key of a two-key sequence such as `g g`.
    pub prefix: Option<Key>,
    pub key: Key,
    pub action: Action,
}

impl Binding {
    /// How the binding is written in help and hints: `Ctrl-d`, `g g`.
    pub fn label(&self) -> String {
        match self.prefix {
            Some(p) => format!("{} {}", p.label(), self.key.label()),
            None => self.key.label(),
        }
    }
}

/// What a key press means, given the key pressed before it.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Action(Action),
    /// The key starts a two-key sequence: wait for the next key.
    Prefix,
    Unbound,
}

/// A user binding: in `context`, `key` after `prefix` does `action` (`None` unbinds).
#[derive(Debug, Clone, PartialEq)]
pub struct KeyOverride {
    pub context: Context,
    pub prefix: Option<Key>,
    pub key: Key,
    pub action: Option<Action>,
}

/// The active bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        use Action::*;
        use Context::*;
        use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Left, Right, Tab, Up};
        let c = |ch| Key::plain(Char(ch));
        let k = Key::plain;
        let mut table: Vec<(Context, Key, Action)> = vec![
            (Global, c('q'), Quit),
            (Global, Key::ctrl('c'), Quit),
            (Global, c('?'), ToggleHelp),
            (Global, k(Tab), FocusNext),
            (Global, k(BackTab), FocusPrev),
            (Global, c('j'), MoveDown),
            (Global, k(Down), MoveDown),
            (Global, c('k'), MoveUp),
            (Global, k(Up), MoveUp),
            (Global, k(KeyCode::PageDown), Action::PageDown),
            (Global, c(' '), Action::PageDown),
            (Global, k(KeyCode::PageUp), Action::PageUp),
            (Global, Key::ctrl('d'), HalfPageDown),
            (Global, Key::ctrl('u'), HalfPageUp),
            (Global, c('g'), GoTop),
            (Global, k(Home), GoTop),
            (Global, c('G'), GoBottom),
            (Global, k(End), GoBottom),
            (Global, c('n'), NextMatch),
            (Global, c('N'), PrevMatch),
            (Global, c('/'), StartSearch),
            (Global, k(Esc), ClearSelection),
            (Global, k(Enter), Activate),
            (Global, c('>'), NextEvent),
            (Global, c('<'), PrevEvent),
            (Global, c('a'), Annotate),
            (Global, c('A'), ToggleNotes),
            (Global, c(']'), NextNote),
            (Global, c('['), PrevNote),
            (Global, c('t'), RetypeEntity),
            (Global, c('x'), NotAnEntity),
            (Global, c('m'), MergeEntity),
            (Global, c('+'), AddEntity),
            (Global, c('U'), UndoCorrection),
            (Global, c('M'), ToggleMap),
            (Pane, c(')'), NextSentence),
            (Pane, c('('), PrevSentence),
            (Pane, c('}'), NextParagraph),
            (Pane, c('{'), PrevParagraph),
            (Pane, c('v'), StartSelection),
            (Pane, c('V'), SelectParagraph),
            (Pane, c('w'), WordForward),
            (Pane, c('e'), WordEnd),
            (Pane, c('b'), WordBack),
            (Timeline, c('f'), ToggleTimelineFilter),
            (Timeline, c('h'), MoveLeft),
            (Timeline, k(Left), MoveLeft),
            (Timeline, c('l'), MoveRight),
            (Timeline, k(Right), MoveRight),
        ];
        table.extend(modal_defaults());
        table.extend(library_defaults());
        table.extend(map_defaults());
        Keymap {
            bindings: table
                .into_iter()
                .map(|(context, key, action)| Binding {
                    context,
                    prefix: None,
                    key,
                    action,
                })
                .collect(),
        }
    }
}

/// The default bindings of the annotations panel, the note editor and the correction picker.
fn modal_defaults() -> Vec<(Context, Key, Action)> {
    use Action::*;
    use Context::{Correct, Editor, Notes};
    use KeyCode::{Char, Down, End, Enter, Esc, Home, Tab, Up};
    let c = |ch| Key::plain(Char(ch));
    let k = Key::plain;
    vec![
        (Notes, c('j'), MoveDown),
        (Notes, k(Down), MoveDown),
        (Notes, c('k'), MoveUp),
        (Notes, k(Up), MoveUp),
        (Notes, c('g'), GoTop),
        (Notes, k(Home), GoTop),
        (Notes, c('G'), GoBottom),
        (Notes, k(End), GoBottom),
        (Notes, k(Enter), NoteOpen),
        (Notes, c('e'), NoteEdit),
        (Notes, c('d'), NoteDelete),
        (Notes, c('u'), NoteUndo),
        (Notes, c('#'), NoteFilter),
        (Notes, c('/'), NoteFilter),
        (Notes, c('c'), NoteConfirm),
        (Notes, c('r'), NoteMove),
        (Notes, c('A'), ToggleNotes),
        (Notes, c('q'), ToggleNotes),
        (Notes, k(Esc), ToggleNotes),
        (Editor, Key::ctrl('s'), EditorSave),
        (Editor, k(Esc), EditorCancel),
        (Editor, k(Tab), Edit(EditOp::Complete)),
        (Editor, c('y'), EditorDiscard(true)),
        (Editor, c('Y'), EditorDiscard(true)),
        (Editor, c('n'), EditorDiscard(false)),
        (Editor, c('N'), EditorDiscard(false)),
        (Correct, c('p'), PickKind(Kind::Person)),
        (Correct, c('o'), PickKind(Kind::Organization)),
        (Correct, c('l'), PickKind(Kind::Place)),
        (Correct, c('m'), PickKind(Kind::Misc)),
        (Correct, c('j'), MoveDown),
        (Correct, k(Down), MoveDown),
        (Correct, c('k'), MoveUp),
        (Correct, k(Up), MoveUp),
        (Correct, k(Enter), InputSubmit),
        (Correct, k(Esc), InputCancel),
    ]
}

/// The default bindings of the library's screens: the reader's movement keys,
/// `t` for the timeline across briefs, `f` to narrow it to an entity, `A` for
/// every note and `#` to narrow them to a tag, `p` for an entity's profile and
/// `s` for the sentences it shares with another.
fn library_defaults() -> Vec<(Context, Key, Action)> {
    use Action::*;
    use KeyCode::{BackTab, Char, Down, End, Enter, Esc, Home, Left, Right, Tab, Up};
    let c = |ch| Key::plain(Char(ch));
    let k = Key::plain;
    [
        (c('q'), Quit),
        (Key::ctrl('c'), Quit),
        (c('?'), ToggleHelp),
        (k(Tab), FocusNext),
        (k(BackTab), FocusPrev),
        (c('j'), MoveDown),
        (k(Down), MoveDown),
        (c('k'), MoveUp),
        (k(Up), MoveUp),
        (c('h'), MoveLeft),
        (k(Left), MoveLeft),
        (c('l'), MoveRight),
        (k(Right), MoveRight),
        (k(KeyCode::PageDown), PageDown),
        (c(' '), PageDown),
        (k(KeyCode::PageUp), PageUp),
        (Key::ctrl('d'), HalfPageDown),
        (Key::ctrl('u'), HalfPageUp),
        (c('g'), GoTop),
        (k(Home), GoTop),
        (c('G'), GoBottom),
        (k(End), GoBottom),
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
    ]
    .into_iter()
    .map(|(key, action)| (Context::Library, key, action))
    .collect()
}

/// The default bindings of the map: move through the places, go to their
/// mentions, close it with `M`, `Esc` or `q`.
fn map_defaults() -> Vec<(Context, Key, Action)> {
    use Action::*;
    use KeyCode::{Char, Down, End, Enter, Esc, Home, Up};
    let c = |ch| Key::plain(Char(ch));
    let k = Key::plain;
    [
        (c('j'), MoveDown),
        (k(Down), MoveDown),
        (c('k'), MoveUp),
        (k(Up), MoveUp),
        (k(KeyCode::PageDown), PageDown),
        (k(KeyCode::PageUp), PageUp),
        (c('g'), GoTop),
        (k(Home), GoTop),
        (c('G'), GoBottom),
        (k(End), GoBottom),
        (k(Enter), Activate),
        (c('n'), NextMatch),
        (c('N'), PrevMatch),
        (c('?'), ToggleHelp),
        (c('M'), ToggleMap),
        (k(Esc), ToggleMap),
        (c('q'), ToggleMap),
    ]
    .into_iter()
    .map(|(key, action)| (Context::Map, key, action))
    .collect()
}

impl Keymap {
    /// The action bound to `key` with `focus`; pane-specific bindings win over global ones.
    pub fn action(&self, focus: Focus, key: Key) -> Option<Action> {
        self.find(focus, None, key).map(|b| b.action.clone())
    }

    fn find(&self, focus: Focus, prefix: Option<Key>, key: Key) -> Option<&Binding> {
        let matches = |b: &&Binding| b.key == key && b.prefix == prefix;
        self.bindings
            .iter()
            .filter(matches)
            .find(|b| b.context != Context::Global && b.context.applies_to(focus))
            .or_else(|| {
                self.bindings
                    .iter()
                    .filter(matches)
                    .find(|b| b.context == Context::Global)
            })
    }

    /// What `key` means after `prefix` (the pending first key of a sequence, if
    /// any). A key that starts a sequence in this focus waits for the next key.
    pub fn lookup(&self, focus: Focus, prefix: Option<Key>, key: Key) -> Lookup {
        let starts = || {
            self.bindings
                .iter()
                .any(|b| b.prefix == Some(key) && b.context.applies_to(focus))
        };
        if prefix.is_none() && starts() {
            return Lookup::Prefix;
        }
        match self.find(focus, prefix, key) {
            Some(b) => Lookup::Action(b.action.clone()),
            None => Lookup::Unbound,
        }
    }

    /// The action `key` does in a modal context (the panel, the editor, the picker).
    pub fn action_in(&self, context: Context, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.prefix.is_none() && b.key == key)
            .map(|b| b.action.clone())
    }

    /// Labels of the keys bound to `action` in the reader's panes, in binding order.
    pub fn keys_for(&self, action: &Action) -> Vec<String> {
        self.labels(|c| c.is_reader(), action)
    }

    /// Labels of the keys bound to `action` in `context`, in binding order.
    pub fn keys_in(&self, context: Context, action: &Action) -> Vec<String> {
        self.labels(|c| c == context, action)
    }

    fn labels(&self, context: impl Fn(Context) -> bool, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| context(b.context) && &b.action == action)
            .map(Binding::label)
            .collect()
    }

    /// How a hint names the key for `action` in the reader's panes: its first
    /// key, or `<name>` (its config name) when no key is bound to it.
    pub fn hint(&self, action: &Action) -> String {
        first_or_name(self.keys_for(action), action)
    }

    /// How a hint names the key for `action` in `context` (see [`Keymap::hint`]).
    pub fn hint_in(&self, context: Context, action: &Action) -> String {
        first_or_name(self.keys_in(context, action), action)
    }

    /// This keymap with user bindings applied in order: each replaces any binding
    /// of the same keys in the same context; an action of `None` unbinds them.
    /// Binding a sequence `g g` makes `g` wait for a second key in that context.
    pub fn with_overrides(mut self, overrides: &[KeyOverride]) -> Keymap {
        for o in overrides {
            self.bindings
                .retain(|b| !(b.context == o.context && b.key == o.key && b.prefix == o.prefix));
            if let Some(action) = &o.action {
                self.bindings.push(Binding {
                    context: o.context,
                    prefix: o.prefix,
                    key: o.key,
                    action: action.clone(),
                });
            }
        }
        self
    }

    /// All bindings, for the help overlay.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }
}

fn first_or_name(keys: Vec<String>, action: &Action) -> String {
    keys.into_iter().next().unwrap_or_else(|| {
        let name = super::action::name_of(action).unwrap_or("unbound");
        format!("<{name}>")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pane_bindings_win_and_hints_come_from_the_map() {
        let km = Keymap::default();
        let h = Key::plain(KeyCode::Char('h'));
        assert_eq!(km.action(Focus::Timeline, h), Some(Action::MoveLeft));
        assert_eq!(km.action(Focus::Pane, h), None);
        assert_eq!(
            km.action(Focus::Pane, Key::ctrl('d')),
            Some(Action::HalfPageDown)
        );
        assert_eq!(km.keys_for(&Action::NextMatch), ["n"]);
    }

    #[test]
    fn modal_contexts_have_their_own_keys_and_hints() {
        let km = Keymap::default();
        let u = Key::plain(KeyCode::Char('u'));
        assert_eq!(km.action_in(Context::Notes, u), Some(Action::NoteUndo));
        assert_eq!(
            km.action(Focus::Pane, u),
            None,
            "u means nothing in the text"
        );
        assert_eq!(
            km.action_in(Context::Correct, Key::plain(KeyCode::Char('l'))),
            Some(Action::PickKind(Kind::Place))
        );
        assert_eq!(
            km.action_in(Context::Editor, Key::ctrl('s')),
            Some(Action::EditorSave)
        );
        // Hints name the context's key; the panel's q closes it, the reader's quits.
        assert_eq!(km.keys_for(&Action::ToggleNotes), ["A"]);
        assert_eq!(
            km.keys_in(Context::Notes, &Action::ToggleNotes),
            ["A", "q", "Esc"]
        );
        assert_eq!(km.hint_in(Context::Notes, &Action::NoteUndo), "u");
        let o = KeyOverride {
            context: Context::Notes,
            prefix: None,
            key: u,
            action: None,
        };
        let km = km.with_overrides(&[o]);
        assert_eq!(
            km.hint_in(Context::Notes, &Action::NoteUndo),
            "<undo_delete>"
        );
    }

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

    #[test]
    fn shift_is_folded_into_characters() {
        let e = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(e), Key::plain(KeyCode::Char('G')));
        assert_eq!(Key::plain(KeyCode::F(5)).label(), "F5");
        assert_eq!(Key::ctrl('s').label(), "Ctrl-s");
        let bell = Key::plain(KeyCode::Char('\u{7}')).label();
        assert!(!bell.chars().any(char::is_control), "{bell:?}");
        let bt = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action(Focus::Pane, Key::from_event(bt)),
            Some(Action::FocusPrev)
        );
    }
}

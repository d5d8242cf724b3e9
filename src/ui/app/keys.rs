//! Which action a key stands for in each mode: normal keys (and two-key
//! sequences), the help, the note editor and the one-line prompts. The help and
//! the editor's commands go through the keymap, so rebinding changes them;
//! text typed into the editor or a prompt is fixed.

use super::*;

impl App {
    /// The action a key stands for in the current mode and focus.
    pub fn action_for_key(&mut self, key: Key) -> Option<Action> {
        if key == Key::ctrl('c') {
            // Never lose a note being written: in the editor Ctrl-C is Esc.
            return Some(if self.mode == Mode::Editor {
                Action::EditorCancel
            } else {
                Action::Quit
            });
        }
        match self.mode {
            Mode::Editor => self.editor_key(key),
            Mode::Notes => self.keymap.action_in(Context::Notes, key),
            Mode::NotesFilter => prompt_key(key),
            Mode::Help => self.help_key(key),
            Mode::Search | Mode::Filter => prompt_key(key),
            Mode::Correct => self.correct_key(key),
            Mode::Map => self.map_key(key),
            Mode::Normal => self.normal_key(key),
        }
    }

    /// A key in normal mode, completing or starting a two-key sequence; a second
    /// key that completes nothing acts on its own.
    pub(super) fn normal_key(&mut self, key: Key) -> Option<Action> {
        if let Some(first) = self.pending_key.take() {
            if let Lookup::Action(a) = self.keymap.lookup(self.focus, Some(first), key) {
                return Some(a);
            }
        }
        match self.keymap.lookup(self.focus, None, key) {
            Lookup::Action(a) => Some(a),
            Lookup::Prefix => {
                self.pending_key = Some(key);
                None
            }
            Lookup::Unbound => None,
        }
    }

    /// A key while the help is shown: the movement keys scroll it; help, quit
    /// and clear (`?`, `q`, `Esc`) close it; other keys do nothing.
    pub(super) fn help_key(&mut self, key: Key) -> Option<Action> {
        if key.code == KeyCode::Esc {
            return Some(Action::ToggleHelp);
        }
        match self.normal_key(key)? {
            Action::ToggleHelp | Action::Quit | Action::ClearSelection => Some(Action::ToggleHelp),
            a if help::scrolls(&a) => Some(a),
            _ => None,
        }
    }

    /// A key in the note editor (or its "discard?" question): the editor's
    /// bound commands first, then text keys, which are typed.
    pub(super) fn editor_key(&self, key: Key) -> Option<Action> {
        let asking = self
            .notes
            .editor
            .as_ref()
            .is_some_and(|e| e.confirm_discard);
        let bound = self.keymap.action_in(Context::Editor, key);
        if asking {
            return match bound? {
                Action::EditorCancel => Some(Action::EditorDiscard(false)),
                a @ Action::EditorDiscard(_) => Some(a),
                _ => None,
            };
        }
        if let Some(a) = bound.filter(|a| !matches!(a, Action::EditorDiscard(_))) {
            return Some(a);
        }
        let op = match key.code {
            KeyCode::Enter => EditOp::Newline,
            KeyCode::Backspace => EditOp::Backspace,
            KeyCode::Delete => EditOp::Delete,
            KeyCode::Left => EditOp::Left,
            KeyCode::Right => EditOp::Right,
            KeyCode::Up => EditOp::Up,
            KeyCode::Down => EditOp::Down,
            KeyCode::Home => EditOp::Home,
            KeyCode::End => EditOp::End,
            KeyCode::Char(c) if typed(key) => EditOp::Insert(c),
            _ => return None,
        };
        Some(Action::Edit(op))
    }
}

/// Whether a character key is typed as text: neither Ctrl nor Alt is held.
fn typed(key: Key) -> bool {
    !key.mods
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// A key while a one-line prompt (search, sidebar or tag filter) is open.
pub(crate) fn prompt_key(key: Key) -> Option<Action> {
    match key.code {
        KeyCode::Esc => Some(Action::InputCancel),
        KeyCode::Enter => Some(Action::InputSubmit),
        KeyCode::Backspace => Some(Action::InputBackspace),
        KeyCode::Char(c) if typed(key) => Some(Action::Input(c)),
        _ => None,
    }
}

impl App {
    /// How a notice or hint names the key for `action` in the reader: from the
    /// live keymap, so hints stay right after a rebinding.
    pub fn key_hint(&self, action: Action) -> String {
        self.keymap.hint(&action)
    }

    /// How hints name the word motions' keys: `w/e/b` (forward, to the end, back).
    pub(super) fn word_keys(&self) -> String {
        format!(
            "{}/{}/{}",
            self.key_hint(Action::WordForward),
            self.key_hint(Action::WordEnd),
            self.key_hint(Action::WordBack)
        )
    }

    /// How a notice or hint names the key for `action` in `context`.
    pub fn key_hint_in(&self, context: Context, action: Action) -> String {
        self.keymap.hint_in(context, &action)
    }
}

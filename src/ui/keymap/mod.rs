//! Keys → actions, per pane and per modal context (the annotations panel, the
//! note editor, the correction picker), and actions → keys for the help
//! overlay, notices and hints, so what is shown never disagrees with what is bound.

//!
//! `context` says where a binding applies, `key` what a key is and how it is
//! written, `defaults` the bindings folio starts with; the user's `[keys.*]`
//! tables are read in `config::keys` (key names in `ui::keynames`, action
//! names in `ui::action`) and applied here with [`Keymap::with_overrides`].

mod context;
mod defaults;
mod key;

pub use context::{Context, Focus};
pub use key::Key;

use super::action::Action;

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
    use crate::entities::Kind;
    use crossterm::event::KeyCode;

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
}

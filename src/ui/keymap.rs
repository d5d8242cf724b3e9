//! Keys → actions, per pane, and actions → keys for the help overlay and the
//! status-line hints, so what is shown never disagrees with what is bound.

use super::action::Action;
use super::app::Focus;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every pane.
    Global,
    Pane,
    Sidebar,
    Timeline,
}

impl Context {
    fn applies_to(self, focus: Focus) -> bool {
        matches!(
            (self, focus),
            (Context::Global, _)
                | (Context::Pane, Focus::Pane)
                | (Context::Sidebar, Focus::Sidebar)
                | (Context::Timeline, Focus::Timeline)
        )
    }
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
            KeyCode::Char(c) => c.to_string(),
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
        let table: Vec<(Context, Key, Action)> = vec![
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

    /// Labels of the keys bound to `action` anywhere, in binding order.
    pub fn keys_for(&self, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| &b.action == action)
            .map(Binding::label)
            .collect()
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
    fn shift_is_folded_into_characters() {
        let e = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(e), Key::plain(KeyCode::Char('G')));
        let bt = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action(Focus::Pane, Key::from_event(bt)),
            Some(Action::FocusPrev)
        );
    }
}

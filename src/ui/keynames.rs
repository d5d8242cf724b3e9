//! Names for keys and bindable actions as written in the config file
//! (`"ctrl-d" = "half_page_down"`), parsed without touching the `Action` type.

pub use super::action::{action_from_name, name_of, ACTIONS};
use super::keymap::{Context, Key};
use crossterm::event::{KeyCode, KeyModifiers};

/// The name of `context`'s `[keys.NAME]` table.
pub fn context_name(context: Context) -> &'static str {
    match context {
        Context::Global => "global",
        Context::Pane => "pane",
        Context::Sidebar => "sidebar",
        Context::Timeline => "timeline",
        Context::Notes => "notes",
        Context::Editor => "editor",
        Context::Correct => "correct",
        Context::Library => "library",
        Context::Map => "map",
    }
}

/// The context named by a `[keys.NAME]` table.
pub fn context_from_name(name: &str) -> Option<Context> {
    match name {
        "global" => Some(Context::Global),
        "pane" => Some(Context::Pane),
        "sidebar" => Some(Context::Sidebar),
        "timeline" => Some(Context::Timeline),
        "notes" => Some(Context::Notes),
        "editor" => Some(Context::Editor),
        "correct" => Some(Context::Correct),
        "library" => Some(Context::Library),
        "map" => Some(Context::Map),
        _ => None,
    }
}

/// Parses one key or a two-key sequence (`"g g"`, `"ctrl-w l"`) as (prefix, key).
pub fn parse_keys(name: &str) -> Option<(Option<Key>, Key)> {
    let mut parts = name.split_whitespace();
    let first = parse_key(parts.next()?)?;
    match (parts.next(), parts.next()) {
        (None, _) => Some((None, first)),
        (Some(second), None) => Some((Some(first), parse_key(second)?)),
        _ => None,
    }
}

/// Parses a key name: a character (`G`, `?`), a named key (`PageDown`, `enter`,
/// `space`, `F5`), with `ctrl-`, `alt-` or `shift-` prefixes (`ctrl-d`, `shift-tab`).
pub fn parse_key(name: &str) -> Option<Key> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = name;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (m, len) = if lower.starts_with("ctrl-") {
            (KeyModifiers::CONTROL, 5)
        } else if lower.starts_with("alt-") {
            (KeyModifiers::ALT, 4)
        } else if lower.starts_with("shift-") && rest.chars().count() > 6 {
            (KeyModifiers::SHIFT, 6)
        } else {
            break;
        };
        mods |= m;
        rest = &rest[len..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        // No terminal sends a control character as a key of its own (Ctrl-x is `ctrl-x`).
        (Some(c), None) if c.is_control() => return None,
        (Some(c), None) => {
            if mods.contains(KeyModifiers::SHIFT) {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            } else {
                KeyCode::Char(c)
            }
        }
        _ => {
            let lower = rest.to_ascii_lowercase();
            let code = match lower.as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if mods.contains(KeyModifiers::SHIFT) => {
                    mods.remove(KeyModifiers::SHIFT);
                    KeyCode::BackTab
                }
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "pageup" | "pgup" => KeyCode::PageUp,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                f if f.starts_with('f') => {
                    KeyCode::F(f[1..].parse().ok().filter(|n| (1..=24).contains(n))?)
                }
                _ => return None,
            };
            if mods.contains(KeyModifiers::SHIFT) {
                return None;
            }
            code
        }
    };
    Some(Key { code, mods })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names() {
        assert_eq!(parse_key("ctrl-d"), Some(Key::ctrl('d')));
        assert_eq!(
            parse_key("Ctrl-D"),
            Some(Key {
                code: KeyCode::Char('D'),
                mods: KeyModifiers::CONTROL
            })
        );
        assert_eq!(parse_key("shift-tab"), Some(Key::plain(KeyCode::BackTab)));
        assert_eq!(parse_key("PageDown"), Some(Key::plain(KeyCode::PageDown)));
        assert_eq!(parse_key("G"), Some(Key::plain(KeyCode::Char('G'))));
        assert_eq!(parse_key("shift-g"), Some(Key::plain(KeyCode::Char('G'))));
        assert_eq!(parse_key("space"), Some(Key::plain(KeyCode::Char(' '))));
        assert_eq!(parse_key("F5"), Some(Key::plain(KeyCode::F(5))));
        assert_eq!(
            parse_keys("g g"),
            Some((
                Some(Key::plain(KeyCode::Char('g'))),
                Key::plain(KeyCode::Char('g'))
            ))
        );
        assert_eq!(parse_keys("a b c"), None);
        for bad in [
            "",
            "ctrl-",
            "wat",
            "F99",
            "shift-enter",
            "\u{1b}",
            "ctrl-\u{7}",
        ] {
            assert_eq!(parse_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_name_is_unique_and_resolves() {
        for (i, (name, action)) in ACTIONS.iter().enumerate() {
            assert_eq!(action_from_name(name), Some(Some(action.clone())));
            assert!(ACTIONS[i + 1..].iter().all(|(n, _)| n != name));
        }
        assert_eq!(action_from_name("none"), Some(None));
        for c in Context::ALL {
            assert_eq!(context_from_name(context_name(c)), Some(c));
        }
        assert_eq!(action_from_name("fly"), None);
    }
}

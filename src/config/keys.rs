//! The `[keys.CONTEXT]` tables of the config file: key bindings over the
//! defaults, checked (unknown names, actions a context cannot take, a key bound
//! twice), with a warning when a binding takes a key another action has.

use super::{line_in, Warning};
use crate::ui::action::Action;
use crate::ui::keymap::{Binding, Context, Key, KeyOverride, Keymap};
use crate::ui::keynames::{action_from_name, context_from_name, context_name, name_of, parse_keys};
use std::path::Path;

/// Reads `[keys.CONTEXT]` tables into overrides, warning about unknown contexts,
/// key names and actions, an action its context cannot take, and a key bound
/// twice in one context; then about bindings that take a key from another action.
pub(super) fn read_keys(
    value: &toml::Value,
    text: &str,
    file: &Path,
    out: &mut Vec<KeyOverride>,
    warnings: &mut Vec<Warning>,
) {
    let mut warn = |section: &str, key: &str, message: String| {
        let setting = if key.is_empty() {
            section.to_string()
        } else {
            format!("{section}.\"{key}\"")
        };
        warnings.push(Warning {
            file: file.to_path_buf(),
            line: line_in(text, section, key),
            setting,
            message,
        });
    };
    let Some(contexts) = value.as_table() else {
        warn(
            "keys",
            "",
            "expected tables such as [keys.pane]; using the default".into(),
        );
        return;
    };
    // Where each override came from, for the warnings about taken keys.
    let mut origins: Vec<(String, String)> = Vec::new();
    for (ctx_name, bindings) in contexts {
        let section = format!("keys.{ctx_name}");
        let Some(context) = context_from_name(ctx_name) else {
            warn(
                &section,
                "",
                "unknown context (global, pane, sidebar, timeline, notes, editor, correct, library or map); using the default".into(),
            );
            continue;
        };
        let Some(bindings) = bindings.as_table() else {
            warn(
                &section,
                "",
                "expected a table of key = action; using the default".into(),
            );
            continue;
        };
        let mut seen: Vec<((Option<Key>, Key), String)> = Vec::new();
        for (key_name, action_name) in bindings {
            let problem = match (
                parse_keys(key_name),
                action_name.as_str().and_then(action_from_name),
            ) {
                (None, _) => Some("unknown key name".to_string()),
                (Some((Some(_), _)), _) if !context.is_reader() => Some(format!(
                    "two-key sequences are for global, pane, sidebar and timeline, not {ctx_name}"
                )),
                (_, None) => Some("unknown action (see `folio config --default`)".to_string()),
                (_, Some(Some(a))) if !context.allows(&a) => Some(format!(
                    "{} is not an action of [{section}] (see `folio config --default`)",
                    action_name.as_str().unwrap_or_default()
                )),
                (Some(keys), _) => seen
                    .iter()
                    .find(|(k, _)| *k == keys)
                    .map(|(_, first)| format!("key bound twice (also as \"{first}\")")),
            };
            if let Some(problem) = problem {
                warn(&section, key_name, format!("{problem}; using the default"));
                continue;
            }
            let (Some(keys), Some(action)) = (
                parse_keys(key_name),
                action_name.as_str().and_then(action_from_name),
            ) else {
                continue;
            };
            seen.push((keys, key_name.clone()));
            origins.push((section.clone(), key_name.clone()));
            out.push(KeyOverride {
                context,
                prefix: keys.0,
                key: keys.1,
                action,
            });
        }
    }
    let result = Keymap::default().with_overrides(out);
    for (o, (section, key_name)) in out.iter().zip(&origins) {
        if let Some(message) = taken_key(o, &result) {
            warn(section, key_name, message);
        }
    }
}

/// Why binding `o` deserves a word although it applies: it takes its key from
/// another action bound by default in the same context (which may be left with
/// no key at all in `result`), or a pane's own default binding of the key
/// hides this global one there.
fn taken_key(o: &KeyOverride, result: &Keymap) -> Option<String> {
    let new = o.action.as_ref()?;
    let name = |a: &Action| name_of(a).unwrap_or("?");
    let defaults = Keymap::default();
    let same_key = |b: &&Binding| b.key == o.key && b.prefix == o.prefix;
    if let Some(old) = defaults
        .bindings()
        .iter()
        .filter(same_key)
        .find(|b| b.context == o.context && &b.action != new)
    {
        let left = if o.context.is_reader() {
            result.keys_for(&old.action)
        } else {
            result.keys_in(o.context, &old.action)
        };
        let rest = match left.as_slice() {
            [] => format!("{} has no key now", name(&old.action)),
            keys => format!("{} keeps {}", name(&old.action), keys.join(", ")),
        };
        return Some(format!(
            "{} now does {} instead of {} ({rest})",
            old.label(),
            name(new),
            name(&old.action)
        ));
    }
    if o.context != Context::Global {
        return None;
    }
    let hidden: Vec<String> = result
        .bindings()
        .iter()
        .filter(same_key)
        .filter(|b| b.context != Context::Global && b.context.is_reader() && &b.action != new)
        .map(|b| format!("{} in [keys.{}]", name(&b.action), context_name(b.context)))
        .collect();
    (!hidden.is_empty()).then(|| {
        format!(
            "applies except where the pane's own binding wins: {}",
            hidden.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::config::parse;
    use crate::entities::Kind;
    use crate::ui::action::Action;
    use crate::ui::keymap::{Context, Key, Keymap};
    use crossterm::event::KeyCode;
    use std::path::Path;

    const FILE: &str = "/home/u/.config/folio/config.toml";

    fn warnings(text: &str) -> (Keymap, Vec<String>) {
        let (cfg, w) = parse(text, Path::new(FILE));
        let km = Keymap::default().with_overrides(&cfg.keys);
        (km, w.iter().map(|w| w.to_string()).collect())
    }

    fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    #[test]
    fn the_panel_editor_and_picker_are_bindable() {
        let text = "[keys.notes]\nx = \"delete_note\"\n[keys.editor]\n\"ctrl-w\" = \"save_note\"\n\
                    [keys.correct]\n\"1\" = \"as_person\"\n";
        let (km, w) = warnings(text);
        assert!(w.is_empty(), "{w:#?}");
        assert_eq!(
            km.action_in(Context::Notes, ch('x')),
            Some(Action::NoteDelete)
        );
        assert_eq!(
            km.action_in(Context::Notes, ch('d')),
            Some(Action::NoteDelete)
        );
        assert_eq!(
            km.action_in(Context::Editor, Key::ctrl('w')),
            Some(Action::EditorSave)
        );
        assert_eq!(
            km.action_in(Context::Correct, ch('1')),
            Some(Action::PickKind(Kind::Person))
        );
    }

    #[test]
    fn an_action_of_another_context_or_a_sequence_in_a_modal_one_is_refused() {
        let text = "[keys.editor]\nq = \"quit\"\n\"ctrl-x s\" = \"save_note\"\n\
                    [keys.global]\nd = \"delete_note\"\n";
        let (km, w) = warnings(text);
        let expect = [
            format!("{FILE}:2: keys.editor.\"q\": quit is not an action of [keys.editor] (see `folio config --default`); using the default"),
            format!("{FILE}:3: keys.editor.\"ctrl-x s\": two-key sequences are for global, pane, sidebar and timeline, not editor; using the default"),
            format!("{FILE}:5: keys.global.\"d\": delete_note is not an action of [keys.global] (see `folio config --default`); using the default"),
        ];
        assert_eq!(w, expect);
        assert_eq!(km.action_in(Context::Editor, ch('q')), None);
    }

    #[test]
    fn taking_a_key_from_another_action_warns_naming_both_and_applies() {
        // `e` is word_end in the text pane; `u` is the panel's undo; `q` quits
        // (and Ctrl-c still does).
        let text = "[keys.pane]\ne = \"notes\"\n[keys.notes]\nu = \"edit_note\"\n\
                    [keys.global]\nq = \"help\"\nw = \"quit\"\n";
        let (km, w) = warnings(text);
        assert_eq!(
            km.action(crate::ui::app::Focus::Pane, ch('e')),
            Some(Action::ToggleNotes)
        );
        assert_eq!(
            km.action_in(Context::Notes, ch('u')),
            Some(Action::NoteEdit)
        );
        let expect = [
            format!("{FILE}:2: keys.pane.\"e\": e now does notes instead of word_end (word_end has no key now)"),
            format!("{FILE}:4: keys.notes.\"u\": u now does edit_note instead of undo_delete (undo_delete has no key now)"),
            format!("{FILE}:6: keys.global.\"q\": q now does help instead of quit (quit keeps Ctrl-c, w)"),
            format!("{FILE}:7: keys.global.\"w\": applies except where the pane's own binding wins: word_forward in [keys.pane]"),
        ];
        for e in &expect {
            assert!(w.contains(e), "missing {e:?} in {w:#?}");
        }
        assert_eq!(w.len(), expect.len(), "{w:#?}");
        // Binding a key to what it already does says nothing.
        assert!(warnings("[keys.global]\nq = \"quit\"\n").1.is_empty());
    }
}

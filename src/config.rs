//! The configuration file: one TOML file in the user config directory
//! (`FOLIO_CONFIG` overrides the path). Every setting has a default; a bad entry
//! yields a warning naming the file, line and setting, and that setting keeps its
//! default, so folio always starts.

use crate::ui::keymap::KeyOverride;
use crate::ui::theme::ThemeName;
use crate::ui::user_theme::{self, StyleOverride};
use std::fmt;
use std::path::{Path, PathBuf};

mod keys;
use keys::read_keys;

/// The commented default file, as `folio config --default` prints it and as shipped in `assets/config.toml`.
pub const DEFAULT_FILE: &str = "\
# folio configuration. Every setting is shown with its default value.
# Location: the user config directory (e.g. ~/.config/folio/config.toml);
# the FOLIO_CONFIG environment variable overrides the path.

[reader]
# Colour theme: \"dark\", \"light\" or \"mono\" (no colour; also chosen by NO_COLOR).
theme = \"dark\"
# Wrap the text at this many columns; 0 wraps at the pane's width.
wrap_width = 0
# Mouse: the wheel scrolls the pane under the pointer, a click focuses it and
# selects what is under it. false leaves the mouse to the terminal (its own
# text selection and scrolling).
mouse = true

# Colours over the theme, one style per name: person, organization, place,
# misc (the entity kinds), selected (mentions of the selected entity), current
# (the current mention), hit and current_hit (search), selection, cursor,
# margin, border, border_focused, heading, dim, status, notice, annotation.
# A style is words in any order: a colour (a name such as \"red\" or \"lightblue\",
# \"#rrggbb\", or 0-255), \"on\" and a background colour, and modifiers (bold,
# dim, italic, underlined, reversed, crossed_out; \"plain\" for none). What a
# style leaves out keeps the theme's: keep a modifier on each kind so kinds
# stay apart without colour. NO_COLOR and the mono theme drop the colours.
# For example:
# [colors]
# person = \"#d55e00 bold\"
# place = 34
# current = \"black on yellow bold\"

[export]
# Format of `folio entities` and `folio timeline` when no --format is given:
# \"table\" (for reading), \"json\", \"jsonl\" (one object a line) or \"csv\".
format = \"table\"

# Key bindings: [keys.CONTEXT] tables. CONTEXT is global, pane, sidebar or
# timeline in the reader (a pane's own bindings win over global ones), notes
# (the annotations panel), editor (the note editor's commands), correct
# (choosing a correction), library (the library's lists, concordance and
# timeline; a brief opened there has the reader's keys), or map (the map of
# the places, in the reader and the library). Each entry is a key name (\"j\", \"G\", \"ctrl-d\",
# \"alt-x\", \"shift-tab\", \"PageDown\", \"space\", \"F5\"), or in the reader two of
# them for a sequence (\"g g\"), = an action name, or \"none\" to unbind. A key
# that starts a sequence waits for the next key instead of acting alone. A key
# that another action has by default is taken from it, with a warning.
# Actions in global, pane, sidebar and timeline:
#   quit help focus_next focus_prev down up left right page_down page_up
#   half_page_down half_page_up top bottom activate next_match prev_match
#   next_event prev_event timeline_filter next_sentence prev_sentence
#   next_paragraph prev_paragraph start_selection select_paragraph
#   word_forward word_end word_back search clear annotate notes next_note
#   prev_note retype_entity not_an_entity merge_entity add_entity
#   undo_correction map
# Actions in notes, with their default keys:
#   down (j, down) up (k, up) top (g, home) bottom (G, end) open_note (enter)
#   edit_note (e) delete_note (d) undo_delete (u) filter_tag (#, /)
#   confirm_note (c) move_note (r) notes (A, q, esc: closes the panel)
# Actions in editor, with their default keys:
#   save_note (ctrl-s) close_editor (esc) complete_tag (tab)
#   and when asked whether to discard a note: discard_note (y, Y) keep_note (n, N)
#   Characters, Enter, the arrows and Backspace type and move in the note:
#   bind the commands to ctrl- or alt- keys.
# Actions in correct, with their default keys:
#   as_person (p) as_organization (o) as_place (l) as_misc (m) cancel (esc)
#   and when merging: down (j, down) up (k, up) accept (enter)
# Actions in library, with their default keys:
#   quit (q, ctrl-c) help (?) focus_next (tab: briefs or entities) focus_prev
#   (shift-tab) down (j, down) up (k, up) left (h, left) right (l, right)
#   page_down (PageDown, space) page_up (PageUp) half_page_down (ctrl-d)
#   half_page_up (ctrl-u) top (g, home) bottom (G, end) activate (enter: open)
#   search (/: search every brief's text; in the entities: filter them)
#   clear (esc: clear the filter, or back) next_match (n) prev_match (N: the
#   concordance's mentions or the search's hits, also across briefs opened
#   from them) library_timeline (t) timeline_filter (f) map (M) notes (A:
#   every note of every brief) filter_tag (#: the notes with a tag) profile
#   (p: the entity's profile) shared (s: in a profile, the sentences it shares
#   with the entity under the cursor)
# Actions in map, with their default keys:
#   down (j, down) up (k, up) page_down (PageDown) page_up (PageUp) top (g,
#   home) bottom (G, end) activate (enter: the place's first mention; in the
#   library its concordance) next_match (n) prev_match (N: its mentions)
#   help (?) map (M, esc, q: closes the map)
# For example:
# [keys.global]
# \"ctrl-f\" = \"page_down\"
# \"ctrl-b\" = \"page_up\"
# [keys.notes]
# x = \"delete_note\"
";

/// Output format of `folio entities` and `folio timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A table for people to read.
    Table,
    /// One JSON array.
    Json,
    /// JSON Lines: one object a line.
    Jsonl,
    /// CSV with a header row (RFC 4180).
    Csv,
}

/// Every setting, each with its default when absent or invalid.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub theme: ThemeName,
    /// Columns to wrap at; 0 means the pane's width.
    pub wrap_width: u16,
    /// Key bindings over `Keymap::default()`, in file order.
    pub keys: Vec<KeyOverride>,
    /// Whether the reader takes mouse clicks and the wheel.
    pub mouse: bool,
    /// The report format when the command line names none.
    pub export: ExportFormat,
    /// User styles from `[colors]` over the theme, by style name, in file order.
    pub colors: Vec<(String, StyleOverride)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            theme: ThemeName::Dark,
            wrap_width: 0,
            keys: Vec::new(),
            mouse: true,
            export: ExportFormat::Table,
            colors: Vec::new(),
        }
    }
}

/// A problem with one setting: shown to the user, never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: PathBuf,
    /// 1-based line of the setting, when it can be located.
    pub line: Option<usize>,
    /// The setting's dotted name, e.g. `reader.theme`.
    pub setting: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.file.display().to_string();
        let file = crate::display::escape_controls(&path);
        match self.line {
            Some(l) => write!(f, "{file}:{l}: {}: {}", self.setting, self.message),
            None => write!(f, "{file}: {}: {}", self.setting, self.message),
        }
    }
}

/// The config file's path: `FOLIO_CONFIG`, else `config.toml` in the user config directory.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FOLIO_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "folio").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config file if there is one; a missing file is the defaults, silently.
pub fn load() -> (Config, Vec<Warning>) {
    let Some(path) = path() else {
        return (Config::default(), Vec::new());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => {
            let w = Warning {
                file: path,
                line: None,
                setting: "(file)".into(),
                message: format!("cannot read it ({e}); using the defaults"),
            };
            (Config::default(), vec![w])
        }
    }
}

/// Parses config text; `file` only names the source in warnings.
pub fn parse(text: &str, file: &Path) -> (Config, Vec<Warning>) {
    let mut cfg = Config::default();
    let mut warnings = Vec::new();
    let warn = |warnings: &mut Vec<Warning>, setting: &str, message: String| {
        warnings.push(Warning {
            file: file.to_path_buf(),
            line: line_of(text, setting),
            setting: setting.to_string(),
            message,
        });
    };
    let (table, text) = match readable(text, file, &mut warnings) {
        Some(parsed) => parsed,
        None => return (cfg, warnings),
    };
    let text = text.as_str();
    for (section, value) in &table {
        if section == "keys" {
            read_keys(value, text, file, &mut cfg.keys, &mut warnings);
            continue;
        }
        let Some(entries) = value.as_table() else {
            warn(&mut warnings, section, "unknown setting".into());
            continue;
        };
        for (key, value) in entries {
            let name = format!("{section}.{key}");
            let result = match (section.as_str(), key.as_str()) {
                ("reader", "theme") => choice(
                    value,
                    &[
                        ("dark", ThemeName::Dark),
                        ("light", ThemeName::Light),
                        ("mono", ThemeName::Mono),
                    ],
                )
                .map(|v| cfg.theme = v),
                ("reader", "wrap_width") => value
                    .as_integer()
                    .and_then(|n| u16::try_from(n).ok())
                    .filter(|&n| n == 0 || n >= 20)
                    .map(|v| cfg.wrap_width = v)
                    .ok_or_else(|| "expected 0 or a column count from 20 to 65535".to_string()),
                ("reader", "mouse") => value
                    .as_bool()
                    .map(|v| cfg.mouse = v)
                    .ok_or_else(|| "expected true or false".to_string()),
                ("export", "format") => choice(
                    value,
                    &[
                        ("table", ExportFormat::Table),
                        ("json", ExportFormat::Json),
                        ("jsonl", ExportFormat::Jsonl),
                        ("csv", ExportFormat::Csv),
                    ],
                )
                .map(|v| cfg.export = v),
                ("colors", slot) if user_theme::SLOTS.contains(&slot) => {
                    user_theme::parse_value(value).map(|v| cfg.colors.push((slot.to_string(), v)))
                }
                ("colors", _) => Err(format!(
                    "unknown style (one of {})",
                    user_theme::SLOTS.join(", ")
                )),
                _ => Err("unknown setting".to_string()),
            };
            if let Err(message) = result {
                warn(
                    &mut warnings,
                    &name,
                    format!("{message}; using the default"),
                );
            }
        }
    }
    (cfg, warnings)
}

/// Most lines with a syntax error skipped before giving up on the file.
const MAX_SKIPPED_LINES: usize = 8;

/// The file as a TOML table: a line with a syntax error is skipped (blanked,
/// so line numbers stay) with a warning and the rest is read again, so one
/// typo does not throw away every other setting. Gives up (`None`, the
/// defaults) when the error has no line or too many lines are broken.
fn readable(text: &str, file: &Path, warnings: &mut Vec<Warning>) -> Option<(toml::Table, String)> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let mut src = text.to_string();
    for _ in 0..=MAX_SKIPPED_LINES {
        let e = match toml::from_str::<toml::Table>(&src) {
            Ok(table) => return Some((table, src)),
            Err(e) => e,
        };
        let line = e.span().map(|s| line_at(&src, s.start));
        let skip = line.filter(|&l| lines.get(l - 1).is_some_and(|t| !t.trim().is_empty()));
        warnings.push(Warning {
            file: file.to_path_buf(),
            line,
            setting: "(syntax)".into(),
            message: format!(
                "{}; {}",
                e.message(),
                if skip.is_some() {
                    "the line is skipped"
                } else {
                    "using the defaults"
                }
            ),
        });
        lines[skip? - 1] = "";
        src = lines.join("\n");
    }
    if let Some(w) = warnings.last_mut() {
        w.message = format!("{} (too many broken lines; using the defaults)", w.message);
    }
    None
}

fn choice<T: Copy>(value: &toml::Value, options: &[(&str, T)]) -> Result<T, String> {
    let names: Vec<String> = options.iter().map(|(n, _)| format!("\"{n}\"")).collect();
    let given = value.as_str();
    given
        .and_then(|s| options.iter().find(|(n, _)| *n == s).map(|&(_, v)| v))
        .ok_or_else(|| {
            // Name what was written, so a typo is easy to spot.
            let not = given.map_or_else(String::new, |s| {
                format!(", not \"{}\"", crate::display::escape_controls(s))
            });
            format!("expected one of {}{not}", names.join(", "))
        })
}

/// The line defining `setting` (`section.key`): the key's line inside its section.
fn line_of(text: &str, setting: &str) -> Option<usize> {
    let (section, key) = setting.split_once('.').unwrap_or((setting, ""));
    line_in(text, section, key)
}

/// The line of `key` inside `[section]`, or of the section header when `key` is empty.
fn line_in(text: &str, section: &str, key: &str) -> Option<usize> {
    let mut in_section = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            in_section = name.trim() == section;
            if key.is_empty() && in_section {
                return Some(i + 1);
            }
            continue;
        }
        if in_section && !key.is_empty() {
            let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if k == key {
                return Some(i + 1);
            }
        }
    }
    None
}

fn line_at(text: &str, byte: usize) -> usize {
    text.get(..byte).unwrap_or(text).matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::action::Action;
    use crate::ui::keymap::Key;

    fn p(text: &str) -> (Config, Vec<Warning>) {
        parse(text, Path::new("/home/u/.config/folio/config.toml"))
    }

    #[test]
    fn the_default_file_parses_to_the_defaults_without_warnings() {
        assert_eq!(p(DEFAULT_FILE), (Config::default(), Vec::new()));
    }

    #[test]
    fn the_shipped_file_equals_the_built_in_one() {
        let shipped = include_str!("../assets/config.toml");
        assert_eq!(shipped, DEFAULT_FILE);
    }

    #[test]
    fn settings_are_read() {
        let (c, w) = p("[reader]\ntheme = \"light\"\nwrap_width = 72\n");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.theme, ThemeName::Light);
        assert_eq!(c.wrap_width, 72);
        let (c, w) = p("[reader]\nmouse = false\n[export]\nformat = \"csv\"\n");
        assert!(w.is_empty(), "{w:?}");
        assert!(!c.mouse);
        assert_eq!(c.export, ExportFormat::Csv);
        let (c, w) = p("[reader]\nmouse = \"yes\"\n");
        assert!(c.mouse);
        assert_eq!(
            w[0].to_string(),
            "/home/u/.config/folio/config.toml:2: reader.mouse: expected true or false; using the default"
        );
    }

    #[test]
    fn bad_entries_name_file_line_and_setting_and_keep_defaults() {
        let text = "[reader]\ntheme = \"light\"\ncolour = 3\nwrap_width = 5\n\n[export]\nformat = 1\n[extra]\nx = 1\n";
        let (c, w) = p(text);
        assert_eq!(c.theme, ThemeName::Light, "good settings still apply");
        assert_eq!(c.wrap_width, 0);
        let f = "/home/u/.config/folio/config.toml";
        let shown: Vec<String> = w.iter().map(|w| w.to_string()).collect();
        let expect = [
            format!("{f}:3: reader.colour: unknown setting; using the default"),
            format!("{f}:4: reader.wrap_width: expected 0 or a column count from 20 to 65535; using the default"),
            format!("{f}:7: export.format: expected one of \"table\", \"json\", \"jsonl\", \"csv\"; using the default"),
            format!("{f}:9: extra.x: unknown setting; using the default"),
        ];
        for e in &expect {
            assert!(shown.contains(e), "missing {e:?} in {shown:#?}");
        }
        assert_eq!(shown.len(), expect.len());
        let (c, w) = p("[reader]\nwrap_width = 72\ntheme = \"pink\"\n");
        assert_eq!((c.theme, c.wrap_width), (ThemeName::Dark, 72));
        assert_eq!(
            w[0].to_string(),
            format!("{f}:3: reader.theme: expected one of \"dark\", \"light\", \"mono\", not \"pink\"; using the default")
        );
    }

    #[test]
    fn key_overrides_and_their_errors() {
        let text = "[keys.pane]\n\"ctrl-f\" = \"page_down\"\nj = \"none\"\n\"pgdn\" = \"top\"\n\"PageDown\" = \"bottom\"\n\"hyper-x\" = \"quit\"\nz = \"fly\"\n[keys.moon]\nq = \"quit\"\n";
        let (c, w) = p(text);
        assert_eq!(c.keys.len(), 3);
        assert_eq!(
            c.keys[0],
            KeyOverride {
                context: crate::ui::keymap::Context::Pane,
                prefix: None,
                key: Key::ctrl('f'),
                action: Some(Action::PageDown)
            }
        );
        assert_eq!(c.keys[1].action, None);
        let shown: Vec<String> = w.iter().map(|w| w.to_string()).collect();
        let f = "/home/u/.config/folio/config.toml";
        let expect = [
            format!("{f}:5: keys.pane.\"PageDown\": key bound twice (also as \"pgdn\"); using the default"),
            format!("{f}:6: keys.pane.\"hyper-x\": unknown key name; using the default"),
            format!("{f}:7: keys.pane.\"z\": unknown action (see `folio config --default`); using the default"),
            format!("{f}:8: keys.moon: unknown context (global, pane, sidebar, timeline, notes, editor, correct, library or map); using the default"),
        ];
        for e in &expect {
            assert!(shown.contains(e), "missing {e:?} in {shown:#?}");
        }
        assert_eq!(shown.len(), expect.len());
    }

    #[test]
    fn the_default_file_names_every_bindable_action() {
        for (name, _) in crate::ui::keynames::ACTIONS {
            assert!(DEFAULT_FILE.split_whitespace().any(|w| w == name), "{name}");
        }
    }

    #[test]
    fn a_syntax_error_names_its_line_and_the_rest_still_applies() {
        let (c, w) = p("[reader]\nwrap_width = 72\ntheme = \nmouse = false\n");
        assert_eq!((c.wrap_width, c.mouse), (72, false));
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].line, Some(3));
        assert_eq!(w[0].setting, "(syntax)");
        assert!(w[0].message.ends_with("the line is skipped"), "{w:?}");
        // Two broken lines: both named, the good settings between them kept.
        let (c, w) = p("[reader\ntheme = \"light\"\n[export]\nformat = csv\n");
        let lines: Vec<_> = w.iter().map(|w| w.line).collect();
        assert_eq!(lines[..2], [Some(1), Some(4)], "{w:?}");
        assert_eq!(c.export, ExportFormat::Table);
        // Beyond repair: the defaults, and the warning says so.
        let broken = "x = [\n".repeat(MAX_SKIPPED_LINES + 2);
        let (c, w) = p(&broken);
        assert_eq!(c, Config::default());
        assert!(
            w.last().unwrap().message.contains("using the defaults"),
            "{w:?}"
        );
    }
}

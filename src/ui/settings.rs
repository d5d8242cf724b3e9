//! What the user set for the terminal UI, gathered once at start-up (by `cli`,
//! from the config file) and given to every view that builds a reader, so the
//! brief opened alone and each brief opened from a library get the same theme,
//! keys, wrap width and mouse.

use super::keymap::Keymap;
use super::theme::Theme;

/// The user's settings for the reader and the library view.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    /// Wrap the text at this many columns at most (0: the pane's width).
    pub wrap_width: u16,
    /// Mouse clicks and the wheel act; off, the terminal keeps its own selection.
    pub mouse: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            theme: Theme::default(),
            keymap: Keymap::default(),
            wrap_width: 0,
            mouse: true,
        }
    }
}

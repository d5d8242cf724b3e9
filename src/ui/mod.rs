//! The reader: app state and its one `update`, actions, keymap, layout and
//! widgets. Terminal I/O lives only in `terminal`, so the whole UI can be
//! driven in tests through ratatui's `TestBackend`.

pub mod action;
pub mod app;
pub mod cursor;
pub mod editor;
pub mod effects;
pub mod extraction;
pub mod frames;
pub mod help;
pub mod keymap;
pub mod keynames;
pub mod layout;
pub mod library_view;
pub mod loader;
pub mod notices;
pub mod screen;
pub mod search;
pub mod settings;
mod terminal;
pub mod theme;
pub mod user_theme;
pub mod viewport;
pub mod widgets;
pub mod wrap;

pub use action::Action;
pub use app::{App, Effect, Focus, Mode};
pub use settings::Settings;

use crate::document::Document;
use std::sync::mpsc::Receiver;

/// The sample brief bundled in the binary, opened when no file is given.
pub const SAMPLE_NAME: &str = "caspian-summit-2007.txt";
/// The sample brief's text.
pub const SAMPLE: &str = include_str!("../../assets/briefs/caspian-summit-2007.txt");

/// Runs the reader on `app` in the terminal until the user quits; `background`
/// starts loading and extraction once the first frame is drawn, given the
/// byte where that frame's text ends, and `edge` holds the stores its effects
/// are carried out on.
pub fn read(
    app: App,
    background: impl FnOnce(usize) -> Receiver<Action>,
    edge: &effects::Edge,
) -> std::io::Result<()> {
    terminal::run(app, background, edge)
}

/// What the reader says when the file was not plain UTF-8: which encoding was
/// decoded, or how many runs of invalid bytes are shown as U+FFFD.
pub fn encoding_notice(doc: &Document) -> Option<String> {
    use crate::document::Encoding;
    match doc.encoding() {
        Encoding::Utf8 | Encoding::Utf8Bom => None,
        Encoding::Utf8Lossy => {
            let n = doc.repairs().len();
            Some(format!(
                "{n} run{} of invalid UTF-8 shown as \u{FFFD}; offsets still count the file's bytes",
                if n == 1 { "" } else { "s" }
            ))
        }
        e => Some(format!("decoded from {e}")),
    }
}

//! The reader: app state and its one `update`, actions, keymap, layout and
//! widgets. Terminal I/O lives only in `terminal`, so the whole UI can be
//! driven in tests through ratatui's `TestBackend`.

pub mod action;
pub mod app;
pub mod cursor;
pub mod editor;
pub mod effects;
pub mod keymap;
pub mod keynames;
pub mod layout;
pub mod library_view;
pub mod loader;
pub mod search;
mod terminal;
pub mod theme;
pub mod user_theme;
pub mod viewport;
pub mod widgets;
pub mod wrap;

pub use action::Action;
pub use app::{App, Effect, Focus, Mode};

use crate::cli::Failure;
use crate::date::Date;
use crate::document::{decode, Document};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

/// The sample brief bundled in the binary, opened when no file is given.
pub const SAMPLE_NAME: &str = "caspian-summit-2007.txt";
/// The sample brief's text.
pub const SAMPLE: &str = include_str!("../../assets/briefs/caspian-summit-2007.txt");

/// Opens the reader on `files` (the bundled sample when empty).
pub fn run_reader(files: &[PathBuf], published: Option<Date>) -> Result<(), Failure> {
    if files.len() > 1 || files.iter().any(|f| f.is_dir()) {
        return run_library(files, published);
    }
    let (opened, source) = match files.first() {
        Some(path) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            (
                loader::open(path, published).map_err(|e| Failure::at(path, e))?,
                name,
            )
        }
        None => {
            let decoded =
                decode(SAMPLE.as_bytes()).map_err(|e| Failure(format!("sample brief: {e}")))?;
            let mut doc = Document::parse(decoded);
            if let Some(d) = published {
                doc.set_published(d);
            }
            (loader::Opened::Whole(doc), format!("sample: {SAMPLE_NAME}"))
        }
    };
    if !std::io::stdout().is_terminal() {
        return Err(Failure(
            "standard output is not a terminal; use `folio entities FILE` or `folio timeline FILE` for text output".into(),
        ));
    }
    let (doc, rest) = match opened {
        loader::Opened::Whole(doc) => (doc, None),
        loader::Opened::Prefix { doc, path, .. } => (doc, Some((path, published))),
    };
    let mut app = App::new(Arc::new(doc), source);
    app.loading = rest.is_some();
    let (config, warnings) = crate::config::load();
    app.theme = user_theme::build(&config, theme::ColorDepth::from_env());
    app.keymap = keymap::Keymap::default().with_overrides(&config.keys);
    app.wrap_width = config.wrap_width;
    app.mouse = config.mouse;
    app.notice = encoding_notice(&app.doc);
    if let Some(w) = warnings.first().filter(|_| app.notice.is_none()) {
        let more = warnings.len() - 1;
        app.notice = Some(if more > 0 {
            format!("config: {w} (and {more} more; `folio config` lists them)")
        } else {
            format!("config: {w}")
        });
    }
    let edge = effects::Edge::from_env();
    if let Some(store) = &edge.corrections {
        match store.load() {
            Ok(file) => app.corrections = file.corrections.into_iter().map(|e| e.change).collect(),
            Err(e) if app.notice.is_none() => {
                app.notice = Some(format!("{e}; corrections you make now are not saved"))
            }
            Err(_) => {}
        }
    }
    let doc = app.doc.clone();
    // Started once the first frame is on screen, so reading and extraction do
    // not compete with it.
    let background = move || loader::start(rest, doc);
    let edge = edge.for_brief(files.first().cloned());
    terminal::run(app, background, &edge).map_err(|e| Failure(format!("terminal error: {e}")))
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

/// Opens the library view on folders or several files; `published` dates the
/// briefs that have no date of their own.
fn run_library(paths: &[PathBuf], published: Option<Date>) -> Result<(), Failure> {
    let edge = effects::Edge::from_env();
    let corrections = Arc::new(
        edge.corrections
            .as_ref()
            .and_then(|s| s.load().ok())
            .map(|f| f.corrections())
            .unwrap_or_default(),
    );
    let opts = crate::library::Options {
        corrections: corrections.clone(),
        published,
        ..crate::library::Options::default()
    };
    let (lib, indexer) = crate::library::open(paths, &opts);
    if lib.briefs().is_empty() && indexer.progress().total == 0 {
        return Err(Failure(crate::library::nothing_found(paths, &lib.skipped)));
    }
    // Checked after the paths, so a bad path is reported as such either way.
    if !std::io::stdout().is_terminal() {
        return Err(Failure(
            "standard output is not a terminal; use `folio library DIR` for text output".into(),
        ));
    }
    let mut view = library_view::LibraryView::new(lib, Some(indexer));
    view.edge = edge;
    view.corrections = corrections;
    let (config, _) = crate::config::load();
    view.theme = user_theme::build(&config, theme::ColorDepth::from_env());
    view.mouse = config.mouse;
    view.watch = Some(library_view::watch::Watch::new(
        paths.to_vec(),
        opts,
        std::time::Duration::from_secs(5),
    ));
    library_view::run(view).map_err(|e| Failure(format!("terminal error: {e}")))
}

//! Start-up wiring for the terminal UI: reads the config file into the user's
//! settings, opens the brief (or the library) and the stores, and hands over to
//! the reader or the library view. Everything it needs from disk is read here,
//! so the UI itself never loads the config.

use super::Failure;
use crate::config::{self, Config, Warning};
use crate::date::Date;
use crate::document::{decode, Document};
use crate::ui::effects::Edge;
use crate::ui::keymap::Keymap;
use crate::ui::library_view::{self, LibEdge, LibraryView};
use crate::ui::theme::ColorDepth;
use crate::ui::{encoding_notice, loader, user_theme, App, Settings, SAMPLE, SAMPLE_NAME};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

/// The user's UI settings from `config`, for this terminal's colours.
pub fn settings(config: &Config) -> Settings {
    Settings {
        theme: user_theme::build(config.theme, &config.colors, ColorDepth::from_env()),
        keymap: Keymap::default().with_overrides(&config.keys),
        wrap_width: config.wrap_width,
        mouse: config.mouse,
    }
}

/// Most config problems a view shows one by one; more are summed up.
const CONFIG_NOTICES: usize = 3;

/// The notices for config problems, each naming the file, line and setting;
/// past [`CONFIG_NOTICES`] the rest are counted, and `folio config` lists them.
pub fn config_notices(warnings: &[Warning]) -> Vec<String> {
    let mut out: Vec<String> = warnings
        .iter()
        .take(CONFIG_NOTICES)
        .map(|w| format!("config: {w}"))
        .collect();
    if let Some(more) = warnings
        .len()
        .checked_sub(CONFIG_NOTICES)
        .filter(|&n| n > 0)
    {
        let problems = if more == 1 { "problem" } else { "problems" };
        out.push(format!(
            "config: {more} more {problems}; `folio config` lists them all"
        ));
    }
    out
}

/// Opens the reader on `files` (the bundled sample when empty), or the library
/// view on a folder or several files.
pub fn run_reader(files: &[PathBuf], published: Option<Date>) -> Result<(), Failure> {
    crate::allocator::map_big_blocks();
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
    let (config, warnings) = config::load();
    let mut app = App::configured(Arc::new(doc), source, &settings(&config));
    app.loading = rest.is_some();
    // Every problem is said, one notice after another: none hides another.
    if let Some(n) = encoding_notice(&app.doc) {
        app.say(n);
    }
    for n in config_notices(&warnings) {
        app.say(n);
    }
    let edge = Edge::from_env();
    if let Some(store) = &edge.corrections {
        match store.load() {
            Ok(file) => app.corrections = file.corrections.into_iter().map(|e| e.change).collect(),
            Err(e) => app.say(format!("{e}; corrections you make now are not saved")),
        }
    }
    let (doc, corrections) = (app.doc.clone(), app.corrections.clone());
    // Started once the first frame is on screen, so reading and extraction do
    // not compete with it; the text on it is extracted first.
    let background = move |screen_end| loader::start(rest, doc, corrections, screen_end);
    let edge = edge.for_brief(files.first().cloned());
    crate::ui::read(app, background, &edge).map_err(|e| Failure(format!("terminal error: {e}")))
}

/// Opens the library view on folders or several files; `published` dates the
/// briefs that have no date of their own.
fn run_library(paths: &[PathBuf], published: Option<Date>) -> Result<(), Failure> {
    let edge = Edge::from_env();
    let mut notices = Vec::new();
    let corrections = match edge.corrections.as_ref().map(|s| s.load()) {
        Some(Ok(file)) => file.corrections(),
        Some(Err(e)) => {
            notices.push(format!("{e}; corrections you make now are not saved"));
            Default::default()
        }
        None => Default::default(),
    };
    let opts = crate::library::Options {
        corrections: Arc::new(corrections),
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
    let (config, warnings) = config::load();
    notices.extend(config_notices(&warnings));
    let view = LibraryView::new(lib, settings(&config));
    let mut edge = LibEdge::new(edge, opts.corrections.clone());
    edge.watch = Some(library_view::watch::Watch::new(
        paths.to_vec(),
        opts,
        std::time::Duration::from_secs(5),
    ));
    library_view::run(view, edge, indexer, notices)
        .map_err(|e| Failure(format!("terminal error: {e}")))
}

//! `folio notes FILE [--format md|json|w3c]` prints a brief's annotations (a
//! folder's: every brief's, see `notes_all`);
//! `folio notes import FILE ANNOTATIONS.json` reads W3C Web Annotation JSON
//! into the brief's store.

use super::output::emit;
use super::Failure;
use crate::annotations::export::{self, Format};
use crate::annotations::{w3c, Store};
use crate::display::{escape_keep_lines, needs_marker, TAB_WIDTH};
use crate::document::Document;
use clap::{Args, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

/// Arguments of `folio notes`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub action: Option<NotesAction>,
    /// The brief whose annotations to print, or a folder: the notes of every brief in it, each with its file.
    #[arg(value_name = "FILE", required = true)]
    pub file: Option<PathBuf>,
    /// Output format: Markdown grouped by paragraph, the store's JSON, or W3C Web Annotation JSON-LD.
    #[arg(long, value_enum, default_value_t = NotesFormat::Md)]
    pub format: NotesFormat,
}

/// What `folio notes` can do besides printing.
#[derive(Debug, Subcommand)]
pub enum NotesAction {
    /// Read W3C Web Annotation JSON into the brief's annotations.
    Import {
        /// The brief the annotations belong to.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// A W3C AnnotationCollection, AnnotationPage, array or single Annotation.
        #[arg(value_name = "ANNOTATIONS.json")]
        annotations: PathBuf,
        /// Import even when no annotation finds its passage (all would be orphans).
        #[arg(long)]
        force: bool,
    },
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NotesFormat {
    Md,
    Json,
    W3c,
}

impl From<NotesFormat> for Format {
    fn from(f: NotesFormat) -> Format {
        match f {
            NotesFormat::Md => Format::Markdown,
            NotesFormat::Json => Format::Json,
            NotesFormat::W3c => Format::W3c,
        }
    }
}

/// Runs `folio notes …`.
pub fn run(args: &NotesArgs) -> Result<(), Failure> {
    match (&args.action, &args.file) {
        (
            Some(NotesAction::Import {
                file,
                annotations,
                force,
            }),
            _,
        ) => import(file, annotations, *force),
        (None, Some(file)) => print(file, args.format.into()),
        (None, None) => Err(Failure("notes: a FILE is required".into())),
    }
}

fn store() -> Result<Store, Failure> {
    Store::from_env().ok_or_else(|| {
        Failure("no user data directory is known; set FOLIO_DATA_DIR to keep annotations".into())
    })
}

fn open_doc(file: &Path) -> Result<Document, Failure> {
    super::open(file, None)
}

/// Prints the annotations of the brief at `file` (of every brief, for a
/// folder) in `format` to stdout.
pub fn print(file: &Path, format: Format) -> Result<(), Failure> {
    let out = if file.is_dir() {
        super::notes_all::render(file, &store()?, format)?
    } else {
        let doc = open_doc(file)?;
        let (set, notice) = store()?.open(&doc, Some(file));
        if let Some(n) = notice {
            super::notice(&n.message);
        }
        export::render(&doc, &set, format)
    };
    let safe = match format {
        Format::Markdown => escape_keep_lines(&expand_tabs(&out)).into_owned(),
        Format::Json | Format::W3c => escape_json(&out),
    };
    emit(&safe)
}

/// Imports W3C annotations from `annotations` into the store of the brief at `file`.
/// When none of them finds its passage (another brief's notes, most likely),
/// nothing is written unless `force`.
pub fn import(file: &Path, annotations: &Path, force: bool) -> Result<(), Failure> {
    let doc = open_doc(file)?;
    let json = std::fs::read_to_string(annotations).map_err(|e| Failure::at(annotations, e))?;
    let imported = w3c::import(&json).map_err(|e| Failure::at(annotations, e))?;
    let store = store()?;
    let (mut set, notice) = store.open(&doc, Some(file));
    if let Some(why) = set.read_only() {
        return Err(Failure(format!(
            "cannot import: annotations are read-only: {why}"
        )));
    }
    if let Some(n) = notice {
        super::notice(&n.message);
    }
    let ids: Vec<String> = imported.annotations.iter().map(|a| a.id.clone()).collect();
    let taken = set.merge(&doc, imported.annotations, Vec::new());
    let mine: Vec<_> = ids.iter().filter_map(|id| set.get(id)).collect();
    let state = |s| mine.iter().filter(|e| e.annotation.state == s).count();
    let moved = state(crate::annotations::State::Reanchored);
    let lost = state(crate::annotations::State::Orphaned);
    let anchored = mine.len() - lost;
    if anchored == 0 && lost > 0 && !force {
        return Err(Failure::at(
            annotations,
            format!(
                "none of its {lost} annotations finds its passage in {} (notes of another brief?); nothing imported (--force imports them as orphans)",
                file.display()
            ),
        ));
    }
    store
        .save(&doc, &mut set)
        .map_err(|e| Failure(e.to_string()))?;
    emit(&format!(
        "imported {taken} of {} annotations ({} already present, {} skipped without a quote): {anchored} anchored ({moved} re-anchored), {lost} orphaned\n",
        ids.len(),
        ids.len() - taken,
        imported.skipped
    ))
}

/// `s` with tabs replaced by spaces up to the next tab stop: a raw tab from a
/// document must not reach the terminal, and a marker would spoil the Markdown.
fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// JSON with every control or bidi character inside strings written as a `\u` escape:
/// the same data for a parser, inert for a terminal.
fn escape_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if needs_marker(c) && c != '\n' {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(expand_tabs("a\tb\n\tc"), "a       b\n        c");
    }

    #[test]
    fn json_escaping_keeps_the_data_and_hides_controls() {
        let raw = serde_json::to_string(&"a\u{7f}b\u{9b}c\u{202e}d\u{e0041}").unwrap();
        let safe = escape_json(&raw);
        assert!(!safe.chars().any(needs_marker));
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "a\u{7f}b\u{9b}c\u{202e}d\u{e0041}"
        );
    }
}

//! `folio notes DIR [--format md|json|w3c]`: the notes of every brief under a
//! folder (each feed item a brief), each with its file, in path order: one
//! Markdown document with a section per brief, one JSON array of notes, or one
//! W3C AnnotationCollection whose items target their brief's file. Briefs are
//! read without the library's index; only those the store holds notes for are parsed.

use super::Failure;
use crate::annotations::export::{self, Format};
use crate::annotations::{w3c, Annotation, AnnotationSet, Store};
use crate::document::Document;
use crate::formats;
use crate::library::scan;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One brief with notes: its file, feed item, document and notes.
struct Noted {
    path: PathBuf,
    item: Option<usize>,
    doc: Document,
    set: AnnotationSet,
}

/// One note of `--format json`: its file (and item), then the store's fields.
#[derive(Serialize)]
struct NoteJson<'a> {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<usize>,
    #[serde(flatten)]
    annotation: &'a Annotation,
}

/// The notes of every brief under `dir`, rendered in `format` (raw: the caller escapes).
pub fn render(dir: &Path, store: &Store, format: Format) -> Result<String, Failure> {
    let found = scan(&[dir.to_path_buf()]);
    if found.files.is_empty() {
        return Err(Failure(crate::library::nothing_found(
            &[dir.to_path_buf()],
            &found.skipped,
        )));
    }
    let mut noted = Vec::new();
    if store.any() {
        for f in &found.files {
            match briefs_with_notes(&f.path, store) {
                Ok(n) => noted.extend(n),
                Err(e) => super::notice(&format!("{}: {e}", f.path.display())),
            }
        }
    }
    Ok(match format {
        Format::Markdown => markdown(dir, &noted),
        Format::Json => json(&noted),
        Format::W3c => collection(&noted),
    })
}

/// The briefs of the file at `path` that have notes.
fn briefs_with_notes(path: &Path, store: &Store) -> Result<Vec<Noted>, String> {
    let briefs = formats::load(path).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for b in briefs {
        let file = b.item.is_none().then_some(path);
        if !store.holds(b.doc.text(), file) {
            continue;
        }
        let (set, notice) = store.open(&b.doc, file);
        if let Some(n) = notice {
            super::notice(&format!("{}: {}", path.display(), n.message));
        }
        if !set.is_empty() {
            out.push(Noted {
                path: path.to_path_buf(),
                item: b.item,
                doc: b.doc,
                set,
            });
        }
    }
    Ok(out)
}

fn name(n: &Noted) -> String {
    let mut s = n.path.display().to_string();
    if let Some(i) = n.item {
        s.push_str(&format!(" (item {i})"));
    }
    s
}

/// One document: a heading per brief (`# Notes on TITLE`, its file below), the
/// brief's notes as `folio notes FILE` prints them.
fn markdown(dir: &Path, noted: &[Noted]) -> String {
    let mut out = String::new();
    if noted.is_empty() {
        return format!("No annotations in any brief under {}.\n", dir.display());
    }
    for (i, n) in noted.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let md = export::markdown(&n.doc, &n.set);
        let (title, rest) = md.split_once('\n').unwrap_or((&md, ""));
        out.push_str(&format!("{title}\n\nFile: `{}`\n{rest}", name(n)));
    }
    out
}

fn json(noted: &[Noted]) -> String {
    let rows: Vec<NoteJson> = noted
        .iter()
        .flat_map(|n| {
            n.set.entries().iter().map(|e| NoteJson {
                file: n.path.to_string_lossy().into_owned(),
                item: n.item,
                annotation: &e.annotation,
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&rows).unwrap_or_default();
    out.push('\n');
    out
}

/// `file://` URI of a brief (`#item=N` for a feed item), as W3C targets name sources.
fn source_of(n: &Noted) -> String {
    let abs = std::fs::canonicalize(&n.path).unwrap_or_else(|_| n.path.clone());
    let mut uri = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(b as char)
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    if let Some(i) = n.item {
        uri.push_str(&format!("#item={i}"));
    }
    uri
}

/// One W3C AnnotationCollection: each brief's items as `folio notes FILE
/// --format w3c` gives them, with the target's source the brief's file.
fn collection(noted: &[Noted]) -> String {
    let mut items = Vec::new();
    for n in noted {
        let one: serde_json::Value =
            serde_json::from_str(&w3c::export(&n.doc, &n.set)).unwrap_or_default();
        let source = source_of(n);
        if let Some(list) = one["first"]["items"].as_array() {
            for item in list {
                let mut item = item.clone();
                item["target"]["source"] = serde_json::Value::String(source.clone());
                items.push(item);
            }
        }
    }
    let total = items.len();
    let c = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:folio:library:annotations",
        "type": "AnnotationCollection",
        "label": "folio annotations of every brief",
        "total": total,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    let mut out = serde_json::to_string_pretty(&c).unwrap_or_default();
    out.push('\n');
    out
}

//! Getting annotations out: Markdown for people (grouped by paragraph, the
//! quote as a blockquote, then the note and its tags), the store's own JSON,
//! and W3C Web Annotation (see [`super::w3c`]).

use super::store::StoreFile;
use super::{AnnotationSet, Entry, Resolution};
use crate::document::Document;
use std::fmt::Write;

/// An export format of `folio notes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Json,
    W3c,
}

impl Format {
    /// Parses `md`, `markdown`, `json` or `w3c`.
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "w3c" => Some(Format::W3c),
            _ => None,
        }
    }
}

/// The annotations of `set` in `format`. Markdown is raw text: escape it before
/// writing it to a terminal.
pub fn render(doc: &Document, set: &AnnotationSet, format: Format) -> String {
    match format {
        Format::Markdown => markdown(doc, set),
        Format::Json => json(set),
        Format::W3c => super::w3c::export(doc, set),
    }
}

/// The store's own JSON shape (schema version, fingerprint, path, annotations, deletions).
pub fn json(set: &AnnotationSet) -> String {
    let mut out = serde_json::to_string_pretty(&StoreFile::of(set)).unwrap_or_default();
    out.push('\n');
    out
}

/// Markdown grouped by paragraph, orphans last.
pub fn markdown(doc: &Document, set: &AnnotationSet) -> String {
    // The whole title: a Markdown heading has no width to fit.
    let title = doc
        .title(usize::MAX)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = format!("# Notes on {title}\n");
    if set.is_empty() {
        out.push_str("\nNo annotations.\n");
        return out;
    }
    let mut current: Option<Option<usize>> = None;
    for e in set.entries() {
        let Some(span) = e.span() else { continue };
        let para = doc.paragraph_at(span.start);
        if current != Some(para) {
            current = Some(para);
            let _ = match para {
                Some(p) => writeln!(out, "\n## Paragraph {}", p + 1),
                None => writeln!(out, "\n## Header"),
            };
        }
        entry(&mut out, doc.slice(span), e);
    }
    if set.orphans().next().is_some() {
        out.push_str("\n## Orphaned (passage not found in the current text)\n");
        for e in set.orphans() {
            entry(&mut out, &e.annotation.target.quote.exact, e);
        }
    }
    out
}

fn entry(out: &mut String, quote: &str, e: &Entry) {
    out.push('\n');
    for line in quote.lines() {
        let _ = writeln!(out, "> {line}");
    }
    if let Resolution::Reanchored(_, score) = e.resolution {
        let _ = writeln!(
            out,
            ">\n> *(re-anchored, score {score:.2}; confirm in the reader)*"
        );
    }
    let a = &e.annotation;
    if !a.note.trim().is_empty() {
        let _ = writeln!(out, "\n{}", a.note.trim_end());
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
        let _ = writeln!(out, "\nTags: {}", tags.join(" "));
    }
}

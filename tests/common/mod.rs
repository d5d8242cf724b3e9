//! Briefs and helpers shared by the annotation tests.
#![allow(dead_code)]

use folio::document::{Document, Span};
use std::fs;
use std::path::PathBuf;

pub const P1: &str =
    "The Caspian littoral states met in Tehran to discuss the legal status of the sea. \
Delegates from Russia, Kazakhstan, Azerbaijan, Turkmenistan and Iran attended.";
pub const P2: &str = "Kazakhstan's defense minister announced a new naval base near Aktau. \
The base will host patrol boats bought from a Russian shipyard over the next two years.";
pub const P3: &str =
    "Analysts in Astana said the decision reflects concern over energy infrastructure. \
Pipeline routes across the seabed remain the most contested question.";

pub fn brief(paras: &[&str]) -> Document {
    Document::from_text(&format!("Title: Caspian week\n\n{}", paras.join("\n\n")))
}

pub fn span_of(doc: &Document, needle: &str) -> Span {
    let start = doc.text().find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-ann-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

//! Helpers shared by the integration tests: small briefs for the annotation
//! tests, and for the robustness tests the hostile corpus, generated at
//! test time from `../shared/hostile/make_hostile.py` (skipped, with a visible
//! message, when `../shared` or python3 is absent), and control checks.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use folio::document::{Document, Span};
use folio::entities::{Entities, Entity, Kind, Mention};

pub const P1: &str =
    "The Caspian littoral states met in Tehran to discuss the legal status of the sea. \
Delegates from Russia, Kazakhstan, Azerbaijan, Turkmenistan and Iran attended.";
pub const P2: &str = "Kazakhstan's defense minister announced a new naval base near Aktau. \
The base will host patrol boats bought from a Russian shipyard over the next two years.";
pub const P3: &str =
    "Analysts in Astana said the decision reflects concern over energy infrastructure. \
Pipeline routes across the seabed remain the most contested question.";

/// A brief with a title header and the given paragraphs.
pub fn brief(paras: &[&str]) -> Document {
    Document::from_text(&format!("Title: Caspian week\n\n{}", paras.join("\n\n")))
}

/// The span of the first occurrence of `needle` in the document text.
pub fn span_of(doc: &Document, needle: &str) -> Span {
    let start = doc.text().find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

/// A fresh scratch directory for annotation test `name`.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-ann-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// One row of the corpus's `INDEX.tsv`.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// The file or folder in the corpus directory.
    pub path: PathBuf,
    /// `show`, `error` or `either`.
    pub expect: String,
}

/// A generated corpus in a temporary directory, removed on drop.
pub struct Corpus {
    pub dir: PathBuf,
    pub cases: Vec<Case>,
}

impl Drop for Corpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The shared material: `$FOLIO_SHARED` when set (for worktrees), else `../shared`
/// next to the repository, if present.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FOLIO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.is_dir().then_some(dir)
}

/// A fresh, empty temporary directory for test `tag`.
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A fresh temporary directory, removed with everything in it when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty directory for test `tag` (unique per test and process).
    pub fn new(tag: &str) -> TempDir {
        TempDir(temp_dir(tag))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Generates the small hostile corpus, or says why not and returns None.
pub fn hostile_corpus(tag: &str) -> Option<Corpus> {
    let Some(shared) = shared_dir() else {
        eprintln!("SKIPPED: ../shared is absent; the hostile corpus cannot be generated");
        return None;
    };
    let script = shared.join("hostile/make_hostile.py");
    if !script.is_file() {
        eprintln!("SKIPPED: {} is absent", script.display());
        return None;
    }
    let dir = temp_dir(tag);
    let status = Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .arg("--small")
        .output();
    match status {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "make_hostile.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => {
            eprintln!("SKIPPED: python3 cannot run ({e}); the hostile corpus cannot be generated");
            let _ = std::fs::remove_dir_all(&dir);
            return None;
        }
    }
    let index = std::fs::read_to_string(dir.join("INDEX.tsv")).expect("INDEX.tsv");
    let cases = index
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                [name, file, _bytes, expect, ..] if *file != "-" => Some(Case {
                    name: name.to_string(),
                    path: dir.join(file.trim_end_matches('/')),
                    expect: expect.to_string(),
                }),
                _ => None,
            }
        })
        .collect();
    Some(Corpus { dir, cases })
}

/// Characters a terminal could obey, or that hide text direction: none may be written.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The first dangerous character of `s` (newlines allowed when `lines`), with its context.
pub fn find_dangerous(s: &str, lines: bool) -> Option<String> {
    let (i, c) = s
        .char_indices()
        .find(|&(_, c)| is_dangerous(c) && !(lines && c == '\n'))?;
    let from = s[..i].char_indices().rev().nth(20).map_or(0, |(j, _)| j);
    let context: String = s[from..].chars().take(40).collect();
    Some(format!("{c:?} at byte {i} in {context:?}"))
}

/// Entities found by exact name at word starts, made by hand so tests of the
/// reader depend on the app alone, not on the recognizer.
pub fn entities_named(doc: &Document, names: &[(&str, Kind)]) -> Entities {
    let mut out = Entities::default();
    let mut found: Vec<(Span, usize)> = Vec::new();
    for (id, (name, kind)) in names.iter().enumerate() {
        out.entities.push(Entity {
            name: name.to_string(),
            kind: *kind,
            mentions: Vec::new(),
        });
        for (i, _) in doc.text().match_indices(name) {
            let before = doc.text()[..i].chars().next_back();
            if !before.is_some_and(char::is_alphanumeric) {
                found.push((Span::new(i, i + name.len()), id));
            }
        }
    }
    found.sort();
    for (i, (span, id)) in found.into_iter().enumerate() {
        out.mentions.push(Mention { span, entity: id });
        out.entities[id].mentions.push(i);
    }
    out
}

/// `app` drawn into a TestBackend buffer of its screen's size, as the terminal would show it.
pub fn render(app: &folio::ui::App) -> ratatui::buffer::Buffer {
    let area = app.screen;
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(area.width, area.height))
            .unwrap();
    term.draw(|f| f.render_widget(app, f.area())).unwrap();
    term.backend().buffer().clone()
}

/// The text of a rendered buffer, one line per row.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

/// The text `app` shows on its screen.
pub fn screen_text(app: &folio::ui::App) -> String {
    buffer_text(&render(app))
}

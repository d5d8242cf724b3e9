//! Helpers shared by the integration tests: small briefs for the annotation
//! tests, and for the robustness tests the hostile corpus, generated at
//! test time from `../shared/hostile/make_hostile.py` (skipped, with a visible
//! message, when `../shared` or python3 is absent), and control checks.

#![allow(dead_code)]

pub mod entities;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use folio::document::{Document, Span};
use folio::entities::{Entities, Entity, Kind};

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

/// A fresh scratch directory for annotation test `name`, removed when dropped.
pub fn scratch(name: &str) -> TempDir {
    TempDir::new(&format!("ann-{name}"))
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
    pub dir: TempDir,
    pub cases: Vec<Case>,
}

/// The shared material: `$FOLIO_SHARED` when set (for worktrees), else `../shared`
/// next to the repository, if present.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FOLIO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.is_dir().then_some(dir)
}

/// A fresh, empty temporary directory for test `tag`, removed when dropped.
pub fn temp_dir(tag: &str) -> TempDir {
    TempDir::new(tag)
}

/// A temporary directory that is removed with everything in it when dropped,
/// also when the test fails: a test run leaves nothing in the temp folder.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    /// A fresh, empty directory named for `tag` and this process.
    pub fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("folio-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<std::ffi::OsStr> for TempDir {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Make read-only folders (tests of unwritable stores) removable first.
        #[cfg(unix)]
        for entry in walk(&self.0) {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(&entry, fs::Permissions::from_mode(0o755));
        }
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// `dir` and every folder below it.
#[cfg(unix)]
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if let Ok(rd) = fs::read_dir(&out[i]) {
            for e in rd.flatten() {
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    out.push(e.path());
                }
            }
        }
        i += 1;
    }
    out
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
        out.add(Entity::new(*name, *kind));
        for (i, _) in doc.text().match_indices(name) {
            let before = doc.text()[..i].chars().next_back();
            if !before.is_some_and(char::is_alphanumeric) {
                found.push((Span::new(i, i + name.len()), id));
            }
        }
    }
    found.sort();
    for (span, id) in found {
        out.push_mention(span, id);
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
        .map(|y| row_text(buf, y) + "\n")
        .collect()
}

/// Row `y` of a rendered buffer as text.
pub fn row_text(buf: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Where `needle` first shows in a rendered buffer: (column, row), counting
/// one column per cell symbol (the text tests use has no wide characters).
pub fn find_text(buf: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let row = row_text(buf, y);
        row.find(needle)
            .map(|i| (row[..i].chars().count() as u16, y))
    })
}

/// The text `app` shows on its screen.
pub fn screen_text(app: &folio::ui::App) -> String {
    buffer_text(&render(app))
}

/// Keys written as a string: characters type themselves, `<Enter>`, `<Esc>`,
/// `<Tab>`, `<S-Tab>`, `<BS>`, `<PgDn>`, `<PgUp>`, `<Up>`, `<Down>`, `<Left>`,
/// `<Right>`, `<Home>`, `<End>`, `<Space>` and `<C-x>` name the others.
pub fn parse_keys(keys: &str) -> Vec<folio::ui::keymap::Key> {
    use crossterm::event::KeyCode;
    use folio::ui::keymap::Key;
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>').filter(|&e| e > 1) {
                let name = &rest[1..end];
                let key = match name {
                    "Enter" => Key::plain(KeyCode::Enter),
                    "Esc" => Key::plain(KeyCode::Esc),
                    "Tab" => Key::plain(KeyCode::Tab),
                    "S-Tab" => Key::plain(KeyCode::BackTab),
                    "BS" => Key::plain(KeyCode::Backspace),
                    "PgDn" => Key::plain(KeyCode::PageDown),
                    "PgUp" => Key::plain(KeyCode::PageUp),
                    "Up" => Key::plain(KeyCode::Up),
                    "Down" => Key::plain(KeyCode::Down),
                    "Left" => Key::plain(KeyCode::Left),
                    "Right" => Key::plain(KeyCode::Right),
                    "Home" => Key::plain(KeyCode::Home),
                    "End" => Key::plain(KeyCode::End),
                    "Space" => Key::plain(KeyCode::Char(' ')),
                    n if n.starts_with("C-") && n.len() == 3 => Key::ctrl(n.as_bytes()[2] as char),
                    other => panic!("unknown key name <{other}>"),
                };
                out.push(key);
                rest = &rest[end + 1..];
                continue;
            }
        }
        out.push(Key::plain(KeyCode::Char(c)));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Presses `keys` (see [`parse_keys`]) as the terminal loop does: key →
/// action through the live keymap → update. Returns the effects asked for.
pub fn press_keys(app: &mut folio::ui::App, keys: &str) -> Vec<folio::ui::Effect> {
    let mut effects = Vec::new();
    for key in parse_keys(keys) {
        if let Some(action) = app.action_for_key(key) {
            effects.extend(app.update(action));
        }
    }
    effects
}

/// A throw-away home for running the binary: a temporary directory (removed on
/// drop) that `HOME`, the XDG folders and every `FOLIO_*` path point into, so a
/// test never reads or writes the real user's files.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::TempDir::new().expect("create a temporary directory"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `contents` to `name` inside the sandbox and returns its path.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.path().join(name);
        fs::write(&path, contents).expect("write a test file");
        path
    }

    /// `folio` with its environment confined to the sandbox, run from inside it.
    pub fn command(&self) -> Command {
        let root = self.path();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
        cmd.current_dir(root)
            .env("HOME", root.join("home"))
            .env("XDG_CONFIG_HOME", root.join("xdg-config"))
            .env("XDG_DATA_HOME", root.join("xdg-data"))
            .env("XDG_CACHE_HOME", root.join("xdg-cache"))
            .env("XDG_STATE_HOME", root.join("xdg-state"))
            .env("FOLIO_DATA_DIR", root.join("data"))
            .env("FOLIO_CACHE_DIR", root.join("cache"))
            .env("FOLIO_CONFIG", root.join("config.toml"));
        cmd
    }

    /// Runs `folio args…` in the sandbox and collects its output.
    pub fn folio(&self, args: &[&str]) -> std::process::Output {
        self.command().args(args).output().expect("run folio")
    }
}

/// Runs `cmd` to its end: the exit code (-1 when a signal ended it), stdout and stderr.
pub fn outcome(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("run folio");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// Types `keys` (plain characters) into a library session, none of them quitting.
pub fn lib_press(v: &mut folio::ui::library_view::Session, keys: &str) {
    for c in keys.chars() {
        assert!(
            !v.key(folio::ui::keymap::Key::plain(
                crossterm::event::KeyCode::Char(c)
            )),
            "{c} quit"
        );
    }
}

/// Presses `c` with no modifier in a library session, which must not quit.
pub fn lib_code(v: &mut folio::ui::library_view::Session, c: crossterm::event::KeyCode) {
    assert!(!v.key(folio::ui::keymap::Key {
        code: c,
        mods: crossterm::event::KeyModifiers::NONE
    }));
}

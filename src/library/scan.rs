//! Finding a library's briefs on disk: files in the formats folio reads (`.txt`,
//! Markdown, HTML, RSS/Atom, and `.xml` that sniffs as a feed) under folders
//! (recursively, hidden entries skipped, symlinked folders not followed), and
//! files named directly. Paths stay `PathBuf`, so any file name the OS allows works.

use crate::document::check_type;
use crate::formats::{self, Format};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A brief file and the metadata that tells whether its cached index is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (negative before it).
    pub mtime_ns: i64,
}

/// A path that could not be taken into the library, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// What [`scan`] found: briefs sorted by path, and what it had to leave out.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub files: Vec<Found>,
    pub skipped: Vec<Skipped>,
}

/// The names a folder's briefs have, as the message for a folder without any says.
pub const LOOKED_FOR: &str = ".txt, .md, .html, .rss, .atom";

/// What to say when `paths` gave no brief: which paths, and what was looked for
/// (`DIR: no briefs found (.txt, .md, …)`) or why the first file found was not read.
pub fn nothing_found(paths: &[PathBuf], skipped: &[Skipped]) -> String {
    let place: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    match skipped.first() {
        None => format!("{}: no briefs found ({LOOKED_FOR})", place.join(", ")),
        Some(s) => format!(
            "{}: no readable briefs ({}: {})",
            place.join(", "),
            s.path.display(),
            s.reason
        ),
    }
}

/// Walks `paths`: folders contribute their briefs (see [`is_brief`]), recursively;
/// a file named directly is taken whatever its name. A FIFO, socket or device
/// with a brief's name is skipped with the reason, never opened.
pub fn scan(paths: &[PathBuf]) -> Scan {
    let mut out = Scan::default();
    let mut seen = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out, &mut seen),
            Ok(meta) if meta.is_file() => push(path.clone(), &meta, &mut out, &mut seen),
            Ok(meta) => out.skipped.push(Skipped {
                path: path.clone(),
                reason: not_regular(&meta),
            }),
            Err(e) => out.skipped.push(Skipped {
                path: path.clone(),
                reason: io_reason(&e),
            }),
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn walk(dir: &Path, out: &mut Scan, seen: &mut HashSet<PathBuf>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                out.skipped.push(Skipped {
                    path: dir,
                    reason: io_reason(&e),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.as_encoded_bytes().first() == Some(&b'.') {
                continue;
            }
            let path = entry.path();
            // The entry's own type: a symlinked folder is not followed (no cycles).
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(path);
            } else if let Some(named) = brief_name(&path) {
                // The entry's own metadata (no path lookup) unless it is a symlink to follow.
                let meta = if ft.is_symlink() {
                    fs::metadata(&path)
                } else {
                    entry.metadata()
                };
                match meta {
                    Ok(meta) if meta.is_file() => {
                        if named == Named::Brief || formats::detect_file(&path) == Format::Feed {
                            push(path, &meta, out, seen);
                        }
                    }
                    Ok(meta) if meta.is_dir() => {}
                    Ok(meta) => out.skipped.push(Skipped {
                        path,
                        reason: not_regular(&meta),
                    }),
                    Err(e) => out.skipped.push(Skipped {
                        path,
                        reason: io_reason(&e),
                    }),
                }
            }
        }
    }
}

/// What a file's name says about it being a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    /// A name folio reads (`.txt`, `.md`, `.html`, `.rss`, …).
    Brief,
    /// `.xml`: a brief only if its first bytes are a feed's.
    MaybeFeed,
}

fn brief_name(path: &Path) -> Option<Named> {
    if formats::by_name(path).is_some() {
        return Some(Named::Brief);
    }
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        .then_some(Named::MaybeFeed)
}

/// Why something that is not a regular file is not read ("is a named pipe, …").
fn not_regular(meta: &fs::Metadata) -> String {
    match check_type(meta) {
        Err(e) => e.to_string(),
        Ok(()) => "not a regular file".into(),
    }
}

fn push(path: PathBuf, meta: &fs::Metadata, out: &mut Scan, seen: &mut HashSet<PathBuf>) {
    if !seen.insert(path.clone()) {
        return;
    }
    out.files.push(Found {
        path,
        size: meta.len(),
        mtime_ns: mtime_ns(meta),
    });
}

/// Nanoseconds since the epoch of the file's modification time (0 when unknown).
pub fn mtime_ns(meta: &fs::Metadata) -> i64 {
    let Ok(t) = meta.modified() else { return 0 };
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_nanos()).map_or(i64::MIN, |n| -n),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_skips_hidden_and_other_extensions() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        fs::create_dir_all(dir.join("sub/.hidden")).unwrap();
        fs::write(dir.join("a.txt"), "A.").unwrap();
        fs::write(dir.join("sub/b.TXT"), "B.").unwrap();
        fs::write(dir.join("sub/.c.txt"), "C.").unwrap();
        fs::write(dir.join("sub/.hidden/d.txt"), "D.").unwrap();
        fs::write(dir.join("notes.md"), "E.").unwrap();
        fs::write(dir.join("page.HTM"), "<p>E.</p>").unwrap();
        fs::write(dir.join("news.rss"), "<rss/>").unwrap();
        fs::write(dir.join("feed.xml"), "<?xml version=\"1.0\"?><rss></rss>").unwrap();
        fs::write(dir.join("config.xml"), "<?xml version=\"1.0\"?><config/>").unwrap();
        fs::write(dir.join("table.csv"), "a,b").unwrap();
        let odd = dir.join("odd\u{1b}[31mname\n.txt");
        fs::write(&odd, "F.").unwrap();
        let found = scan(&[dir.clone(), dir.join("notes.md"), dir.join("table.csv")]);
        let names: Vec<PathBuf> = found.files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            names,
            [
                dir.join("a.txt"),
                dir.join("feed.xml"),
                dir.join("news.rss"),
                dir.join("notes.md"),
                odd.clone(),
                dir.join("page.HTM"),
                dir.join("sub/b.TXT"),
                dir.join("table.csv"),
            ]
        );
        assert!(found.skipped.is_empty());
        let missing = scan(&[dir.join("nope")]);
        assert_eq!(missing.skipped.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_with_a_briefs_name_is_skipped_with_its_reason() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        fs::write(dir.join("a.txt"), "A.").unwrap();
        let fifo = dir.join("x.txt");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let found = scan(std::slice::from_ref(&dir));
        assert_eq!(found.files.len(), 1);
        assert_eq!(found.skipped.len(), 1);
        assert_eq!(found.skipped[0].path, fifo);
        assert!(
            found.skipped[0].reason.contains("named pipe"),
            "{}",
            found.skipped[0].reason
        );
        let direct = scan(&[fifo]);
        assert!(direct.skipped[0].reason.contains("named pipe"));
    }
}

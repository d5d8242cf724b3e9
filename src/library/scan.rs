//! Finding a library's briefs on disk: `.txt` files under folders (recursively,
//! hidden entries skipped, symlinked folders not followed) and files named
//! directly. Paths stay `PathBuf`, so any file name the OS allows works.

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

/// Walks `paths`: folders contribute their `.txt` files, recursively; a file
/// named directly is taken whatever its extension.
pub fn scan(paths: &[PathBuf]) -> Scan {
    let mut out = Scan::default();
    let mut seen = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out, &mut seen),
            Ok(meta) if meta.is_file() => push(path.clone(), &meta, &mut out, &mut seen),
            Ok(_) => out.skipped.push(Skipped {
                path: path.clone(),
                reason: "not a regular file or folder".into(),
            }),
            Err(e) => out.skipped.push(Skipped {
                path: path.clone(),
                reason: io_reason(&e),
            }),
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
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
            } else if is_txt(&path) {
                // The entry's own metadata (no path lookup) unless it is a symlink to follow.
                let meta = if ft.is_symlink() {
                    fs::metadata(&path)
                } else {
                    entry.metadata()
                };
                match meta {
                    Ok(meta) if meta.is_file() => push(path, &meta, out, seen),
                    Ok(_) => {}
                    Err(e) => out.skipped.push(Skipped {
                        path,
                        reason: io_reason(&e),
                    }),
                }
            }
        }
    }
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
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
        let odd = dir.join("odd\u{1b}[31mname\n.txt");
        fs::write(&odd, "F.").unwrap();
        let found = scan(&[dir.clone(), dir.join("notes.md")]);
        let names: Vec<PathBuf> = found.files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            names,
            [
                dir.join("a.txt"),
                dir.join("notes.md"),
                odd.clone(),
                dir.join("sub/b.TXT")
            ]
        );
        assert!(found.skipped.is_empty());
        let missing = scan(&[dir.join("nope")]);
        assert_eq!(missing.skipped.len(), 1);
    }
}

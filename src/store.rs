//! Durable little files for user data (annotations, corrections): where they
//! live, how a brief is keyed, and how a file is replaced so that a crash at
//! any instant leaves either the old or the new content, never a mix.
//!
//! The recipe is SQLite's rollback-free cousin: write a temporary file in the
//! same directory, fsync it, rename it over the target, fsync the directory.
//! Writers of the same file serialise on an advisory lock (`flock`).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Environment variable that overrides the data directory (tests, portable use).
pub const DATA_DIR_ENV: &str = "FOLIO_DATA_DIR";

/// How long a writer waits for another one's lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(3);

/// folio's data directory: `$FOLIO_DATA_DIR`, else the platform's user data
/// directory (`~/.local/share/folio` on Linux). `None` when neither is known.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "folio").map(|p| p.data_dir().to_path_buf())
}

/// A 128-bit FNV-1a hash of `bytes`, as 32 hex digits. Stable across
/// platforms and releases (unlike `std`'s hasher), so it can name files.
pub fn fingerprint(bytes: &[u8]) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    for &b in bytes {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:032x}")
}

/// Replaces `path` with `bytes` atomically and durably: a temporary file in the
/// same directory is written and fsynced, renamed over `path`, and the directory
/// fsynced. On any error the old file is untouched and the temporary removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(path);
    let tmp = temp_name(path);
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary name beside `path`, unique per process and call.
fn temp_name(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{}.{n}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Deletes temporaries of `path` left by writers that were killed mid-write
/// (`NAME.PID.N.tmp` whose process is gone). Best effort.
pub fn remove_stale_temps(path: &Path) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(name)) else {
            continue;
        };
        let Some(middle) = rest.strip_prefix('.').and_then(|r| r.strip_suffix(".tmp")) else {
            continue;
        };
        let pid = middle.split('.').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(process_is_gone) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn process_is_gone(pid: u32) -> bool {
    pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_is_gone(_pid: u32) -> bool {
    false
}

/// Makes a rename in `dir` durable. File systems that cannot sync a directory
/// (some network and FUSE ones) report it; the rename is done, so that is no failure.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir)?.sync_all() {
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
            ) =>
        {
            Ok(())
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// An exclusive lock on a file, held while this value lives: an advisory
/// `flock` on `PATH.lock`. The kernel drops it when its holder dies, even by
/// `kill -9`, so there are no stale locks to guess about; the lock file itself
/// is left in place (deleting it would race with the next writer).
#[derive(Debug)]
pub struct FileLock {
    _file: Option<File>,
}

impl FileLock {
    /// Takes the lock for `target`, waiting up to a few seconds for another writer.
    /// On a file system without locks it goes ahead unlocked: the atomic rename
    /// still keeps the file whole.
    pub fn acquire(target: &Path) -> io::Result<FileLock> {
        let mut name = target
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(".lock");
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(target.with_file_name(name))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FileLock { _file: Some(file) }),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        "another folio is saving this file",
                    ));
                }
                Err(std::fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    return Ok(FileLock { _file: None });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

/// What reading a versioned JSON store found.
#[derive(Debug)]
pub enum Loaded<T> {
    /// No file yet.
    Missing,
    Ok(T),
    /// Present but unusable: the reason, in words. Never overwrite such a file.
    Unreadable(String),
    /// Written by a newer folio (its schema version); never overwrite it either.
    Newer(u64),
}

/// Reads a JSON file whose top-level object carries `"version": N`, accepting
/// versions up to `current`.
pub fn load_json<T: serde::de::DeserializeOwned>(path: &Path, current: u64) -> Loaded<T> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
        Err(e) => return Loaded::Unreadable(format!("cannot be read: {e}")),
    };
    parse_json(&bytes, current)
}

/// Parses the bytes of a versioned JSON store (see [`load_json`]); never `Missing`.
pub fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8], current: u64) -> Loaded<T> {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return Loaded::Unreadable(format!("is damaged (not valid JSON: {e})")),
    };
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > current => return Loaded::Newer(v),
        Some(_) => {}
        None => return Loaded::Unreadable("is damaged (no schema version)".into()),
    }
    match serde_json::from_value(value) {
        Ok(t) => Loaded::Ok(t),
        Err(e) => Loaded::Unreadable(format!("is damaged ({e})")),
    }
}

/// Why [`update_json`] did not write.
#[derive(Debug)]
pub enum UpdateError {
    /// The file on disk is damaged or newer: it must not be overwritten (the reason).
    Refused(String),
    Io(io::Error),
}

/// Read-merge-write of a versioned JSON store under its lock: reads the file
/// as it is now (`None` if missing), lets `merge` compute the new content from
/// it, and replaces the file atomically. Another process's changes saved since
/// this one last read are thus merged, never overwritten. A damaged or newer
/// file is refused and left as it is.
pub fn update_json<T, F>(path: &Path, current: u64, merge: F) -> Result<(), UpdateError>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
    F: FnOnce(Option<T>) -> T,
{
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(UpdateError::Io)?;
    }
    let _lock = FileLock::acquire(path).map_err(UpdateError::Io)?;
    let on_disk = match load_json::<T>(path, current) {
        Loaded::Missing => None,
        Loaded::Ok(t) => Some(t),
        Loaded::Unreadable(why) => {
            return Err(UpdateError::Refused(format!("{} {why}", path.display())))
        }
        Loaded::Newer(v) => {
            return Err(UpdateError::Refused(format!(
                "{} was written by a newer folio (schema {v}, this one writes {current})",
                path.display()
            )))
        }
    };
    let json = serde_json::to_vec_pretty(&merge(on_disk))
        .map_err(|e| UpdateError::Io(io::Error::other(e)))?;
    write_atomic(path, &json).map_err(UpdateError::Io)?;
    remove_stale_temps(path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder, removed when the returned guard drops.
    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("folio-store-{name}-"))
            .tempdir()
            .unwrap()
    }

    #[test]
    fn fingerprint_is_fnv1a_128() {
        // Reference values of FNV-1a 128.
        assert_eq!(fingerprint(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(fingerprint(b"a"), "d228cb696f1a8caf78912b704e4a8964");
        assert_ne!(fingerprint(b"brief one"), fingerprint(b"brief onf"));
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporaries() {
        let tmp = scratch("atomic");
        let dir = tmp.path();
        let file = dir.join("x.json");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let tmp = scratch("failed");
        let dir = tmp.path();
        let blocker = dir.join("not-a-dir");
        fs::write(&blocker, b"file").unwrap();
        assert!(write_atomic(&blocker.join("x.json"), b"new").is_err());
        assert_eq!(fs::read(&blocker).unwrap(), b"file");
    }

    #[test]
    fn lock_is_exclusive_and_released_on_drop() {
        let tmp = scratch("lock");
        let dir = tmp.path();
        let target = dir.join("x.json");
        let held = FileLock::acquire(&target).unwrap();
        let other = OpenOptions::new()
            .write(true)
            .open(dir.join("x.json.lock"))
            .unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn update_merges_with_the_file_and_refuses_damaged_ones() {
        let tmp = scratch("update");
        let dir = tmp.path();
        let f = dir.join("c.json");
        let add = |n: u64| {
            update_json(&f, 1, |old: Option<serde_json::Value>| {
                let mut items = old.map_or(Vec::new(), |v| {
                    v["items"].as_array().cloned().unwrap_or_default()
                });
                items.push(n.into());
                serde_json::json!({ "version": 1, "items": items })
            })
        };
        add(1).unwrap();
        add(2).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&fs::read(&f).unwrap()).unwrap();
        assert_eq!(v["items"], serde_json::json!([1, 2]));
        fs::write(&f, b"{\"version\": 2}").unwrap();
        assert!(matches!(add(3), Err(UpdateError::Refused(_))));
        assert_eq!(fs::read(&f).unwrap(), b"{\"version\": 2}");
    }

    #[test]
    fn versioned_loading_reports_damage_and_newer_files() {
        let tmp = scratch("load");
        let dir = tmp.path();
        let f = dir.join("s.json");
        assert!(matches!(
            load_json::<serde_json::Value>(&f, 1),
            Loaded::Missing
        ));
        fs::write(&f, "{\"version\":1,\"a\":2}").unwrap();
        assert!(matches!(
            load_json::<serde_json::Value>(&f, 1),
            Loaded::Ok(_)
        ));
        fs::write(&f, "{\"version\":7}").unwrap();
        assert!(matches!(
            load_json::<serde_json::Value>(&f, 1),
            Loaded::Newer(7)
        ));
        fs::write(&f, "{\"vers").unwrap();
        assert!(matches!(
            load_json::<serde_json::Value>(&f, 1),
            Loaded::Unreadable(_)
        ));
    }
}

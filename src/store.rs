//! Durable little files for user data (annotations, corrections): where they
//! live, how a brief is keyed, and how a file is replaced so that a crash at
//! any instant leaves either the old or the new content, never a mix.
//!
//! The recipe is SQLite's rollback-free cousin: write a temporary file in the
//! same directory, fsync it, rename it over the target, fsync the directory.
//! Writers of the same file serialise on a lock file made with `create_new`.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// Environment variable that overrides the data directory (tests, portable use).
pub const DATA_DIR_ENV: &str = "FOLIO_DATA_DIR";

/// How long a writer waits for another one's lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(3);
/// A lock older than this is taken to be left by a crashed process.
const LOCK_STALE: Duration = Duration::from_secs(30);

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

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// An exclusive lock on a file, held while this value lives: `PATH.lock`, made
/// with `create_new` (atomic on local file systems) and holding the owner's pid.
#[derive(Debug)]
pub struct FileLock {
    path: PathBuf,
}

impl FileLock {
    /// Takes the lock for `target`, waiting up to a few seconds for another
    /// writer and breaking locks left behind by dead processes.
    pub fn acquire(target: &Path) -> io::Result<FileLock> {
        let mut name = target
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(".lock");
        let path = target.with_file_name(name);
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    // The pid is advisory (stale detection); the lock is the file's existence.
                    let _ = write!(f, "{}", std::process::id());
                    return Ok(FileLock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if is_stale(&path) {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed() > LOCK_WAIT {
                        return Err(io::Error::new(
                            io::ErrorKind::WouldBlock,
                            "another folio is saving this file",
                        ));
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether the lock at `path` was left by a process that no longer runs, or is very old.
fn is_stale(path: &Path) -> bool {
    let old = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > LOCK_STALE);
    old || owner_is_gone(path)
}

#[cfg(target_os = "linux")]
fn owner_is_gone(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else {
        return false;
    };
    match text.trim().parse::<u32>() {
        Ok(pid) => pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists(),
        // Empty: the owner died between creating and writing it, or is writing now;
        // the age test above settles it.
        Err(_) => false,
    }
}

#[cfg(not(target_os = "linux"))]
fn owner_is_gone(_path: &Path) -> bool {
    false
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
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("folio-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
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
        let dir = scratch("atomic");
        let file = dir.join("x.json");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = scratch("failed");
        let blocker = dir.join("not-a-dir");
        fs::write(&blocker, b"file").unwrap();
        assert!(write_atomic(&blocker.join("x.json"), b"new").is_err());
        assert_eq!(fs::read(&blocker).unwrap(), b"file");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn lock_is_exclusive_and_released_on_drop() {
        let dir = scratch("lock");
        let target = dir.join("x.json");
        let held = FileLock::acquire(&target).unwrap();
        assert!(dir.join("x.json.lock").exists());
        drop(held);
        assert!(!dir.join("x.json.lock").exists());
        // A lock naming a process that does not exist is broken at once.
        fs::write(dir.join("x.json.lock"), "4294967290").unwrap();
        let again = FileLock::acquire(&target);
        if cfg!(target_os = "linux") {
            assert!(again.is_ok());
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn versioned_loading_reports_damage_and_newer_files() {
        let dir = scratch("load");
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
        let _ = fs::remove_dir_all(&dir);
    }
}

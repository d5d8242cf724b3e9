//! Where a library's index is kept between runs and how it is read and written:
//! one file per library (keyed by its folders) under the cache directory from
//! `directories`, or `FOLIO_CACHE_DIR`. Written atomically; anything unreadable,
//! from another folio build, or damaged is simply rebuilt.

use super::codec::{self, Stored};
use super::hash::content_hash;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The cache directory: `FOLIO_CACHE_DIR` when set, else the platform's (e.g. `~/.cache/folio`).
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("FOLIO_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "folio").map(|p| p.cache_dir().to_path_buf())
}

/// The index file for a library made of `roots`, inside cache directory `dir`.
pub fn file_for(dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let mut keys: Vec<Vec<u8>> = roots
        .iter()
        .map(|r| {
            let abs = fs::canonicalize(r).unwrap_or_else(|_| r.clone());
            abs.as_os_str().as_encoded_bytes().to_vec()
        })
        .collect();
    keys.sort();
    keys.dedup();
    let joined = keys.join(&0u8);
    dir.join("library")
        .join(format!("{:016x}.idx", content_hash(&joined)))
}

/// Identifies the build and extractor that wrote an index: a new folio binary or a
/// different extractor means new extraction results, so the old index is not used.
pub fn stamp(extractor: &str) -> u64 {
    let mut key = format!("{}\0{extractor}\0", env!("CARGO_PKG_VERSION")).into_bytes();
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| fs::metadata(p).ok())
    {
        key.extend_from_slice(&meta.len().to_le_bytes());
        key.extend_from_slice(&super::scan::mtime_ns(&meta).to_le_bytes());
    }
    content_hash(&key)
}

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// No cache yet: the first open of this library.
    Absent,
    /// Written by another folio build, cache layout or extractor.
    Outdated,
    /// Unreadable or damaged; the reason.
    Damaged(String),
}

/// Loads the index at `file` if it is there, intact, and from this build.
pub fn load(file: &Path, stamp: u64) -> Result<Stored, Miss> {
    let bytes = match fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Miss::Absent),
        Err(e) => return Err(Miss::Damaged(e.to_string())),
    };
    let stored = codec::decode(&bytes).map_err(|e| match e {
        codec::OTHER_VERSION => Miss::Outdated,
        e => Miss::Damaged(e.to_string()),
    })?;
    if stored.stamp != stamp {
        return Err(Miss::Outdated);
    }
    Ok(stored)
}

/// Writes `bytes` to `file` atomically: a temporary file in the same folder, synced, then renamed.
pub fn store(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.tmp", std::process::id()));
    let tmp = dir.join(name);
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, file)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

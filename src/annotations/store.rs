//! Keeping annotations on disk: one JSON file per brief, named by the
//! fingerprint of the brief's text, in `DATA_DIR/annotations/`.
//!
//! A save takes the file's lock, reads what is on disk, merges it into the set
//! (so two folio processes on one brief lose neither's notes), and replaces the
//! file atomically (`crate::store::write_atomic`). A file that cannot be read
//! safely (damaged, or from a newer folio) makes the set read-only and is never
//! written over. An edited brief has a new fingerprint: its notes are found
//! through a small pointer file keyed by the brief's path.

use super::{Annotation, AnnotationSet, Tombstone};
use crate::document::Document;
use crate::store::{self as disk, Loaded, UpdateError};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// Schema version written into every file; files with a higher one are left alone.
pub const SCHEMA_VERSION: u64 = 1;

/// The file's shape (also what `folio notes --format json` prints).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreFile {
    pub version: u64,
    /// Fingerprint of the brief's text this file belongs to.
    pub fingerprint: String,
    /// The brief's path when last opened.
    #[serde(default)]
    pub path: Option<String>,
    pub annotations: Vec<Annotation>,
    #[serde(default)]
    pub deleted: Vec<Tombstone>,
}

impl StoreFile {
    /// The file's content for `set`.
    pub fn of(set: &AnnotationSet) -> StoreFile {
        StoreFile {
            version: SCHEMA_VERSION,
            fingerprint: set.fingerprint().to_owned(),
            path: set.path().map(str::to_owned),
            annotations: set.entries().iter().map(|e| e.annotation.clone()).collect(),
            deleted: set.deleted().to_vec(),
        }
    }
}

/// Something the user should be told on opening a brief's annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub message: String,
    /// Whether annotations of this brief are read-only for this session.
    pub read_only: bool,
}

/// Why a save did not happen. The set stays dirty; a later save retries.
#[derive(Debug)]
pub enum SaveError {
    /// The store is read-only for this brief (its reason).
    ReadOnly(String),
    /// Writing failed (unwritable directory, disk full, lock held too long).
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::ReadOnly(why) => write!(f, "annotations not saved: {why}"),
            SaveError::Io(path, e) => write!(
                f,
                "annotations not saved to {} ({e}); they are kept in memory and saved on the next change",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SaveError {}

/// A directory of annotation files.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store in `dir` (created on first save).
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The store under folio's data directory (`FOLIO_DATA_DIR` overrides it).
    pub fn from_env() -> Option<Store> {
        disk::data_dir().map(|d| Store::new(d.join("annotations")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding the annotations of the brief with `fingerprint`.
    pub fn file_for(&self, fingerprint: &str) -> PathBuf {
        self.dir.join(format!("{fingerprint}.json"))
    }

    fn pointer_for(&self, brief: &str) -> PathBuf {
        self.dir
            .join("by-path")
            .join(disk::fingerprint(brief.as_bytes()))
    }

    /// Loads the annotations of `doc` (opened from `brief`, if a file), anchored in its
    /// text, and a notice when something is wrong or notes were found by path.
    pub fn open(&self, doc: &Document, brief: Option<&Path>) -> (AnnotationSet, Option<Notice>) {
        let mut set = AnnotationSet::new(doc);
        let path = brief.map(canonical);
        let own = self.file_for(set.fingerprint());
        let (file, found_by_path) = match disk::load_json::<StoreFile>(&own, SCHEMA_VERSION) {
            Loaded::Missing => match path.as_deref().and_then(|p| self.by_path(p)) {
                Some(old) => (disk::load_json(&old, SCHEMA_VERSION), Some(old)),
                None => (Loaded::Missing, None),
            },
            other => (other, None),
        };
        let shown = found_by_path
            .as_deref()
            .unwrap_or(&own)
            .display()
            .to_string();
        let notice = match file {
            Loaded::Missing => None,
            Loaded::Ok(f) => {
                set = AnnotationSet::with(doc, f.annotations, f.deleted);
                set.path = f.path;
                // Found under the brief's old fingerprint: the next save files it under the new one.
                set.dirty = found_by_path.is_some();
                found_by_path.map(|_| {
                    let moved = set.needs_review().count();
                    let lost = set.orphans().count();
                    let n = set.len();
                    let notes = if n == 1 { "note" } else { "notes" };
                    Notice {
                        message: format!(
                            "the brief changed since its notes were saved: {n} {notes}, {moved} re-anchored, {lost} orphaned"
                        ),
                        read_only: false,
                    }
                })
            }
            Loaded::Unreadable(why) => Some(self.refuse(&mut set, format!("{shown} {why}"))),
            Loaded::Newer(v) => Some(self.refuse(
                &mut set,
                format!("{shown} was written by a newer folio (schema {v}, this one reads {SCHEMA_VERSION})"),
            )),
        };
        set.set_path(path);
        (set, notice)
    }

    /// How many notes `doc` (opened from `brief`, if a file) has, found as
    /// [`Store::open`] finds them but not anchored: for listings of many briefs.
    /// A missing or unreadable file counts 0.
    pub fn count(&self, doc: &Document, brief: Option<&Path>) -> usize {
        let own = self.file_for(doc.fingerprint());
        let file = match disk::load_json::<StoreFile>(&own, SCHEMA_VERSION) {
            Loaded::Missing => brief
                .map(canonical)
                .and_then(|p| self.by_path(&p))
                .map(|f| disk::load_json::<StoreFile>(&f, SCHEMA_VERSION)),
            other => Some(other),
        };
        match file {
            Some(Loaded::Ok(f)) => f.annotations.len(),
            _ => 0,
        }
    }

    /// Whether a file of notes exists for a brief with this `text` (opened from
    /// `brief`, if a file), found as [`Store::open`] finds it but without reading
    /// it: so a library's notes are gathered without opening every brief.
    pub fn holds(&self, text: &str, brief: Option<&Path>) -> bool {
        self.file_for(&disk::fingerprint(text.as_bytes())).exists()
            || brief
                .map(canonical)
                .is_some_and(|p| self.by_path(&p).is_some())
    }

    /// Whether the store holds any file of notes at all.
    pub fn any(&self) -> bool {
        std::fs::read_dir(&self.dir).is_ok_and(|mut d| {
            d.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json")))
        })
    }

    fn refuse(&self, set: &mut AnnotationSet, why: String) -> Notice {
        set.make_read_only(why.clone());
        Notice {
            message: format!("annotations are read-only: {why}; the file is left untouched"),
            read_only: true,
        }
    }

    /// The store file last saved for the brief at `path`, if it still exists.
    fn by_path(&self, path: &str) -> Option<PathBuf> {
        let fp = std::fs::read_to_string(self.pointer_for(path)).ok()?;
        let fp = fp.trim();
        let ok = fp.len() == 32 && fp.bytes().all(|b| b.is_ascii_hexdigit());
        let file = self.file_for(fp);
        (ok && file.exists()).then_some(file)
    }

    /// Saves `set` if it has unsaved changes, merging what another process may
    /// have saved meanwhile. On error the set stays dirty and nothing on disk is harmed.
    pub fn save(&self, doc: &Document, set: &mut AnnotationSet) -> Result<(), SaveError> {
        if let Some(why) = set.read_only() {
            return Err(SaveError::ReadOnly(why.to_owned()));
        }
        if !set.is_dirty() {
            return Ok(());
        }
        let file = self.file_for(set.fingerprint());
        let result = disk::update_json(&file, SCHEMA_VERSION, |on_disk: Option<StoreFile>| {
            if let Some(f) = on_disk {
                set.merge(doc, f.annotations, f.deleted);
            }
            StoreFile::of(set)
        });
        match result {
            Ok(()) => {}
            Err(UpdateError::Io(e)) => return Err(SaveError::Io(file, e)),
            Err(UpdateError::Refused(why)) => {
                set.make_read_only(why.clone());
                return Err(SaveError::ReadOnly(why));
            }
        }
        set.mark_saved();
        if let Some(p) = set.path() {
            // Best effort: without it, only an edited brief's notes are not found by path.
            let pointer = self.pointer_for(p);
            let _ = std::fs::create_dir_all(self.dir.join("by-path"))
                .and_then(|()| disk::write_atomic(&pointer, set.fingerprint().as_bytes()));
        }
        Ok(())
    }
}

fn canonical(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

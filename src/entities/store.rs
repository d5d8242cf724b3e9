//! Keeping the user's entity corrections on disk: one file for every brief,
//! `DATA_DIR/corrections.json`, since a correction names entities by text and
//! applies wherever the name occurs.
//!
//! Every change is a read-modify-write under the file's lock
//! (`crate::store::update_json`), so two folio processes never lose each
//! other's corrections; the file is replaced atomically. A damaged file, or one
//! written by a newer folio, is reported and never written over.

use super::corrections::{key, Corrections, Merge, Named};
use super::Kind;
use crate::store::{self as disk, Loaded, UpdateError};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// Schema version written into the file; a file with a higher one is left alone.
pub const SCHEMA_VERSION: u64 = 1;

/// What one correction does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Change {
    /// Show `name` as `kind`.
    Retype { name: String, kind: Kind },
    /// `name` is not an entity.
    NotEntity { name: String },
    /// Fold the entity `name` into the entity `into`.
    Merge { name: String, into: String },
    /// `name` is an entity of `kind` wherever it occurs.
    Add { name: String, kind: Kind },
}

impl Change {
    /// The action's name, as in the file and the CLI listing.
    pub fn action(&self) -> &'static str {
        match self {
            Change::Retype { .. } => "retype",
            Change::NotEntity { .. } => "not_entity",
            Change::Merge { .. } => "merge",
            Change::Add { .. } => "add",
        }
    }

    /// The names involved, in words: `"Akhmetov → person"`, `"KNB into NSC"`.
    pub fn summary(&self) -> String {
        match self {
            Change::Retype { name, kind } | Change::Add { name, kind } => {
                format!("{name} → {}", kind.name())
            }
            Change::NotEntity { name } => name.clone(),
            Change::Merge { name, into } => format!("{name} into {into}"),
        }
    }

    /// The name the correction is about.
    pub fn name(&self) -> &str {
        match self {
            Change::Retype { name, .. }
            | Change::NotEntity { name }
            | Change::Merge { name, .. }
            | Change::Add { name, .. } => name,
        }
    }
}

/// One stored correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable id, never reused in this file.
    pub id: u64,
    #[serde(flatten)]
    pub change: Change,
    /// When it was made (RFC 3339, UTC).
    pub made: String,
}

/// The file's shape.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreFile {
    pub version: u64,
    /// The id the next correction gets.
    #[serde(default)]
    pub next_id: u64,
    #[serde(default)]
    pub corrections: Vec<Entry>,
}

impl StoreFile {
    /// The corrections to apply, in the order they were made.
    pub fn corrections(&self) -> Corrections {
        to_corrections(self.corrections.iter().map(|e| &e.change))
    }

    /// Adds `change` as a new entry; earlier corrections it contradicts (adding
    /// a name marked not-an-entity, or the reverse) are dropped.
    pub fn push(&mut self, change: Change, made: String) -> u64 {
        let k = key(change.name());
        self.corrections.retain(|e| {
            let same = key(e.change.name()) == k;
            !(same
                && matches!(
                    (&e.change, &change),
                    (
                        Change::NotEntity { .. },
                        Change::Add { .. } | Change::Retype { .. }
                    ) | (
                        Change::Add { .. } | Change::Retype { .. },
                        Change::NotEntity { .. }
                    )
                ))
        });
        let id = self
            .next_id
            .max(self.corrections.iter().map(|e| e.id + 1).max().unwrap_or(1))
            .max(1);
        self.next_id = id + 1;
        self.version = SCHEMA_VERSION;
        self.corrections.push(Entry { id, change, made });
        id
    }
}

/// Folds changes, in order, into the model the recognizer's output is corrected with.
pub fn to_corrections<'a>(changes: impl IntoIterator<Item = &'a Change>) -> Corrections {
    let mut c = Corrections::default();
    for ch in changes {
        match ch.clone() {
            Change::Retype { name, kind } => c.retype.push(Named { name, kind }),
            Change::NotEntity { name } => c.not_entity.push(name),
            Change::Merge { name, into } => c.merge.push(Merge { name, into }),
            Change::Add { name, kind } => c.add.push(Named { name, kind }),
        }
    }
    c
}

/// Why the corrections store could not be read or changed.
#[derive(Debug)]
pub enum StoreError {
    /// The file is damaged or from a newer folio; it is left untouched (the reason).
    Refused(String),
    /// Writing failed (unwritable directory, disk full, lock held too long).
    Io(PathBuf, std::io::Error),
    /// No correction has this id.
    NoSuchId(u64),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Refused(why) => write!(f, "corrections store left untouched: {why}"),
            StoreError::Io(path, e) => write!(f, "cannot write {}: {e}", path.display()),
            StoreError::NoSuchId(id) => write!(
                f,
                "no correction with id {id} (`folio corrections` lists them)"
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// The corrections file.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store at `path` (created on the first correction).
    pub fn new(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    /// The store under folio's data directory (`FOLIO_DATA_DIR` overrides it).
    pub fn from_env() -> Option<Store> {
        disk::data_dir().map(|d| Store::new(d.join("corrections.json")))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file: empty when missing, an error (and nothing else) when it
    /// cannot be used safely.
    pub fn load(&self) -> Result<StoreFile, StoreError> {
        match disk::load_json::<StoreFile>(&self.path, SCHEMA_VERSION) {
            Loaded::Missing => Ok(StoreFile {
                version: SCHEMA_VERSION,
                ..StoreFile::default()
            }),
            Loaded::Ok(f) => Ok(f),
            Loaded::Unreadable(why) => Err(StoreError::Refused(format!(
                "{} {why}",
                self.path.display()
            ))),
            Loaded::Newer(v) => Err(StoreError::Refused(format!(
                "{} was written by a newer folio (schema {v}, this one reads {SCHEMA_VERSION})",
                self.path.display()
            ))),
        }
    }

    /// Saves `change`, merged with whatever other processes saved meanwhile; its id.
    pub fn add(&self, change: Change) -> Result<u64, StoreError> {
        let mut id = 0;
        self.update(|file| id = file.push(change, crate::annotations::model::now()))?;
        Ok(id)
    }

    /// Removes correction `id`, restoring the recognizer's view of its names.
    pub fn delete(&self, id: u64) -> Result<Change, StoreError> {
        let mut removed = None;
        self.update(|file| {
            if let Some(i) = file.corrections.iter().position(|e| e.id == id) {
                removed = Some(file.corrections.remove(i).change);
            }
        })?;
        removed.ok_or(StoreError::NoSuchId(id))
    }

    /// Removes the newest correction equal to `change` (undo in the reader).
    pub fn undo(&self, change: &Change) -> Result<(), StoreError> {
        self.update(|file| {
            if let Some(i) = file.corrections.iter().rposition(|e| &e.change == change) {
                file.corrections.remove(i);
            }
        })
    }

    fn update(&self, edit: impl FnOnce(&mut StoreFile)) -> Result<(), StoreError> {
        disk::update_json(&self.path, SCHEMA_VERSION, |old: Option<StoreFile>| {
            let mut file = old.unwrap_or_default();
            file.version = SCHEMA_VERSION;
            edit(&mut file);
            file
        })
        .map_err(|e| match e {
            UpdateError::Refused(why) => StoreError::Refused(why),
            UpdateError::Io(e) => StoreError::Io(self.path.clone(), e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_reused_and_contradictions_replaced() {
        let mut f = StoreFile::default();
        let a = f.push(
            Change::NotEntity {
                name: "Such".into(),
            },
            "t".into(),
        );
        let b = f.push(
            Change::Add {
                name: "such".into(),
                kind: Kind::Misc,
            },
            "t".into(),
        );
        assert!(b > a);
        assert_eq!(f.corrections.len(), 1, "the add replaces the not-entity");
        f.corrections.clear();
        let c = f.push(Change::NotEntity { name: "Yet".into() }, "t".into());
        assert!(c > b);
    }
}

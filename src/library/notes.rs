//! The notes of every brief of a library, for the list of all notes: each
//! brief's annotations, found in the store as the reader finds them (a feed
//! item's by its text alone). Only briefs the store holds notes for are read
//! in full; the others cost their text's fingerprint.

use super::{BriefId, Library};
use crate::annotations::{Entry, Store};

/// One note of a library brief.
#[derive(Debug, Clone)]
pub struct LibNote {
    pub brief: BriefId,
    pub entry: Entry,
}

impl Library {
    /// Every note of every brief, newest first (by when it was made), and what
    /// went wrong on the way (a brief unreadable, its notes unreadable).
    pub fn notes(&self, store: &Store) -> (Vec<LibNote>, Vec<String>) {
        let mut notes = Vec::new();
        let mut problems = Vec::new();
        if !store.any() {
            return (notes, problems);
        }
        for (id, b) in self.briefs().iter().enumerate() {
            let id = id as BriefId;
            let path = b.item.is_none().then_some(b.path.as_path());
            let Ok(text) = self.text(id) else { continue };
            if !store.holds(&text, path) {
                continue;
            }
            let doc = match self.document(id) {
                Ok(r) => r.doc,
                Err(e) => {
                    problems.push(format!("{}: {e}", b.path.display()));
                    continue;
                }
            };
            let (set, notice) = store.open(&doc, path);
            if let Some(n) = notice {
                problems.push(format!("{}: {}", b.path.display(), n.message));
            }
            notes.extend(set.entries().iter().map(|e| LibNote {
                brief: id,
                entry: e.clone(),
            }));
        }
        notes.sort_by(|a, b| {
            b.entry
                .annotation
                .created
                .cmp(&a.entry.annotation.created)
                .then_with(|| a.brief.cmp(&b.brief))
        });
        (notes, problems)
    }
}

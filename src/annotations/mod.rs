//! Annotations: notes and tags on passages of a brief, that are never lost,
//! survive edits of the brief, and export to W3C Web Annotation, Markdown and JSON.
//!
//! [`AnnotationSet`] is pure state: the UI changes it in its update function and
//! never touches the disk there. A [`Store`] loads a set and saves it, an
//! effect the UI runs at its edge whenever [`AnnotationSet::is_dirty`] says so;
//! a failed save leaves the set dirty so a later save retries.
//!
//! ```
//! use folio::annotations::Store;
//! use folio::document::{Document, Span};
//!
//! let doc = Document::from_text("Title: T\n\nThe CSTO met in Astana.");
//! # let dir = std::env::temp_dir().join(format!("folio-doc-{}", std::process::id()));
//! let store = Store::new(&dir); // in the reader: Store::from_env()
//! // On opening the brief: a notice (damaged or newer file, notes found by path) is shown.
//! let (mut set, notice) = store.open(&doc, None);
//! assert!(notice.is_none());
//! // In update(): pure state changes.
//! let at = doc.text().find("Astana").unwrap();
//! let id = set.add(&doc, Span::new(at, at + "Astana".len()), "The capital #places")?;
//! assert_eq!(set.get(&id).unwrap().annotation.tags, ["places"]);
//! // At the edge, as an effect: save when dirty; on error show it, the change stays in memory.
//! if set.is_dirty() {
//!     store.save(&doc, &mut set)?;
//! }
//! assert_eq!(store.open(&doc, None).0.len(), 1);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod anchor;
pub mod export;
pub mod model;
pub mod store;
pub mod w3c;

pub use anchor::{anchor, Resolution};
pub use model::{parse_tags, Annotation, State, Target, TextPositionSelector, TextQuoteSelector};
pub use store::{Notice, SaveError, Store};

use crate::document::{Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// An annotation and where it attached in the open brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub annotation: Annotation,
    pub resolution: Resolution,
}

impl Entry {
    fn new(doc: &Document, mut annotation: Annotation) -> Entry {
        let resolution = anchor(doc, &annotation.target);
        annotation.state = match resolution {
            Resolution::Anchored(span) => {
                // Same quote and context, maybe moved: keep the selectors current.
                annotation.target = Target::of(doc, span);
                State::Anchored
            }
            Resolution::Reanchored(..) => State::Reanchored,
            Resolution::Orphaned => State::Orphaned,
        };
        Entry {
            annotation,
            resolution,
        }
    }

    /// The span to mark, unless orphaned.
    pub fn span(&self) -> Option<Span> {
        self.resolution.span()
    }

    pub fn id(&self) -> &str {
        &self.annotation.id
    }

    /// Whether the passage was found only by a weaker clue and awaits the user's confirmation.
    pub fn needs_review(&self) -> bool {
        matches!(self.resolution, Resolution::Reanchored(..))
    }

    pub fn is_orphan(&self) -> bool {
        self.resolution == Resolution::Orphaned
    }

    /// The note's first non-empty line, for one-line lists such as the annotations panel.
    pub fn first_line(&self) -> &str {
        self.annotation
            .note
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }
}

/// A record that an annotation was deleted, so that merging with another
/// process's copy of the store does not bring it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    pub deleted: String,
}

/// Why a change to the set was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    /// The store for this brief could not be read safely; its reason.
    ReadOnly(String),
    NoSuchAnnotation,
    /// The span is empty, outside the text or not on character boundaries.
    BadSpan,
    NothingToUndo,
}

impl fmt::Display for ChangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeError::ReadOnly(why) => write!(f, "annotations are read-only: {why}"),
            ChangeError::NoSuchAnnotation => f.write_str("no such annotation"),
            ChangeError::BadSpan => f.write_str("nothing selected to annotate"),
            ChangeError::NothingToUndo => f.write_str("no deleted annotation to restore"),
        }
    }
}

impl std::error::Error for ChangeError {}

/// Every annotation of one brief, anchored in its current text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationSet {
    fingerprint: String,
    path: Option<String>,
    /// Anchored ones in text order, then orphans in creation order.
    entries: Vec<Entry>,
    deleted: Vec<Tombstone>,
    undo: Vec<Entry>,
    read_only: Option<String>,
    dirty: bool,
}

impl AnnotationSet {
    /// No annotations yet, for `doc`.
    pub fn new(doc: &Document) -> AnnotationSet {
        AnnotationSet {
            fingerprint: doc.fingerprint().to_owned(),
            ..Default::default()
        }
    }

    /// A set holding `annotations`, each anchored in `doc`.
    pub fn with(
        doc: &Document,
        annotations: Vec<Annotation>,
        deleted: Vec<Tombstone>,
    ) -> AnnotationSet {
        let mut set = AnnotationSet::new(doc);
        set.entries = annotations
            .into_iter()
            .map(|a| Entry::new(doc, a))
            .collect();
        set.deleted = deleted;
        set.sort();
        set
    }

    /// The fingerprint of the brief's text that keys its store file.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The brief's path as last saved or opened.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// Records where the brief was opened from. Only a set that has something on
    /// disk needs saving for it (to file the new path); an empty one is written
    /// with its first note, so opening a brief changes nothing.
    pub(crate) fn set_path(&mut self, path: Option<String>) {
        if path.is_some() && path != self.path {
            self.path = path;
            let stored = !self.entries.is_empty() || !self.deleted.is_empty();
            self.dirty |= stored && self.read_only.is_none();
        }
    }

    /// Why changes are refused (a damaged or newer store), if they are.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub(crate) fn make_read_only(&mut self, why: String) {
        self.read_only = Some(why);
        self.dirty = false;
    }

    /// Whether there are changes not yet saved: the UI runs `Store::save` when so.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub(crate) fn mark_saved(&mut self) {
        self.dirty = false;
    }

    /// All annotations: anchored ones in text order, then orphans.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id() == id)
    }

    /// Tombstones of deleted annotations (persisted for merging).
    pub fn deleted(&self) -> &[Tombstone] {
        &self.deleted
    }

    /// Annotations that could not be found in the text.
    pub fn orphans(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.is_orphan())
    }

    /// Annotations re-anchored by a weaker clue, awaiting the user's confirmation.
    pub fn needs_review(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.needs_review())
    }

    /// Spans to mark in the text, in text order, with whether each awaits review.
    pub fn marks(&self) -> impl Iterator<Item = (Span, &Entry)> {
        self.entries.iter().filter_map(|e| e.span().map(|s| (s, e)))
    }

    /// Annotations whose span holds byte `pos`.
    pub fn at(&self, pos: usize) -> impl Iterator<Item = &Entry> {
        self.marks()
            .filter(move |(s, _)| s.contains(pos))
            .map(|(_, e)| e)
    }

    /// The first annotation starting after byte `pos` (for `]`), wrapping to the first.
    pub fn next_after(&self, pos: usize) -> Option<&Entry> {
        let mut marks = self.marks();
        let first = self.marks().next().map(|m| m.1);
        marks.find(|(s, _)| s.start > pos).map(|m| m.1).or(first)
    }

    /// The last annotation starting before byte `pos` (for `[`), wrapping to the last.
    pub fn prev_before(&self, pos: usize) -> Option<&Entry> {
        let last = self.marks().last().map(|m| m.1);
        self.marks()
            .filter(|(s, _)| s.start < pos)
            .last()
            .map(|m| m.1)
            .or(last)
    }

    /// Tags in use with how many annotations carry each, most used first.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, (String, usize)> = HashMap::new();
        for e in &self.entries {
            for t in &e.annotation.tags {
                counts
                    .entry(t.to_lowercase())
                    .or_insert_with(|| (t.clone(), 0))
                    .1 += 1;
            }
        }
        let mut tags: Vec<(String, usize)> = counts.into_values().collect();
        tags.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
        });
        tags
    }

    /// Tags in use, most used first: what the note editor completes `#words` from.
    pub fn tag_names(&self) -> Vec<String> {
        self.tags().into_iter().map(|t| t.0).collect()
    }

    /// Tags already used that start with `prefix` (ignoring case), for completion in the editor.
    pub fn complete_tag(&self, prefix: &str) -> Vec<String> {
        let p = prefix.to_lowercase();
        self.tags()
            .into_iter()
            .map(|t| t.0)
            .filter(|t| t.to_lowercase().starts_with(&p))
            .collect()
    }

    /// Annotations carrying `tag` (ignoring case).
    pub fn with_tag<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let tag = tag.to_lowercase();
        self.entries
            .iter()
            .filter(move |e| e.annotation.tags.iter().any(|t| t.to_lowercase() == tag))
    }

    fn writable(&self) -> Result<(), ChangeError> {
        match &self.read_only {
            Some(why) => Err(ChangeError::ReadOnly(why.clone())),
            None => Ok(()),
        }
    }

    fn index(&self, id: &str) -> Result<usize, ChangeError> {
        self.entries
            .iter()
            .position(|e| e.id() == id)
            .ok_or(ChangeError::NoSuchAnnotation)
    }

    /// Annotates `span` of `doc` with `note`; returns the new annotation's id.
    pub fn add(&mut self, doc: &Document, span: Span, note: &str) -> Result<String, ChangeError> {
        self.writable()?;
        let text = doc.text();
        if span.is_empty() || text.get(span.start..span.end).is_none() {
            return Err(ChangeError::BadSpan);
        }
        let now = model::now();
        let annotation = Annotation {
            id: model::new_id(),
            created: now.clone(),
            modified: now,
            note: note.to_owned(),
            tags: parse_tags(note),
            target: Target::of(doc, span),
            state: State::Anchored,
        };
        let id = annotation.id.clone();
        self.entries.push(Entry {
            annotation,
            resolution: Resolution::Anchored(span),
        });
        self.changed();
        Ok(id)
    }

    /// Replaces the note of annotation `id`; its tags follow the new note's `#words`
    /// (tags that came from elsewhere, such as an import, are kept).
    pub fn edit(&mut self, id: &str, note: &str) -> Result<(), ChangeError> {
        self.writable()?;
        let i = self.index(id)?;
        let a = &mut self.entries[i].annotation;
        let old_note_tags = parse_tags(&a.note);
        let mut tags = parse_tags(note);
        let kept = a.tags.iter().filter(|t| {
            !old_note_tags
                .iter()
                .any(|o| o.to_lowercase() == t.to_lowercase())
        });
        model::union_tags(&mut tags, kept.cloned().collect::<Vec<_>>());
        a.note = note.to_owned();
        a.tags = tags;
        a.modified = model::now();
        self.changed();
        Ok(())
    }

    /// Deletes annotation `id`; [`undo_delete`](Self::undo_delete) brings it back.
    pub fn delete(&mut self, id: &str) -> Result<(), ChangeError> {
        self.writable()?;
        let i = self.index(id)?;
        let entry = self.entries.remove(i);
        self.deleted.retain(|t| t.id != id);
        self.deleted.push(Tombstone {
            id: id.to_owned(),
            deleted: model::now(),
        });
        self.undo.push(entry);
        self.changed();
        Ok(())
    }

    /// Restores the most recently deleted annotation; returns its id.
    pub fn undo_delete(&mut self) -> Result<String, ChangeError> {
        self.writable()?;
        let mut entry = self.undo.pop().ok_or(ChangeError::NothingToUndo)?;
        let id = entry.annotation.id.clone();
        let tomb = self
            .deleted
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.deleted.clone());
        self.deleted.retain(|t| t.id != id);
        // Strictly newer than its tombstone (even within the same millisecond), so a
        // merge with the copy saved after the delete keeps it.
        entry.annotation.modified = model::now_after(tomb.as_deref().unwrap_or(""));
        self.entries.push(entry);
        self.changed();
        Ok(id)
    }

    /// Accepts where a re-anchored annotation landed: its selectors now describe that place.
    pub fn confirm(&mut self, doc: &Document, id: &str) -> Result<(), ChangeError> {
        let i = self.index(id)?;
        let span = self.entries[i].span().ok_or(ChangeError::BadSpan)?;
        self.retarget(doc, id, span)
    }

    /// Moves annotation `id` to `span` (also how an orphan is attached again).
    pub fn retarget(&mut self, doc: &Document, id: &str, span: Span) -> Result<(), ChangeError> {
        self.writable()?;
        let i = self.index(id)?;
        if span.is_empty() || doc.text().get(span.start..span.end).is_none() {
            return Err(ChangeError::BadSpan);
        }
        let e = &mut self.entries[i];
        e.annotation.target = Target::of(doc, span);
        e.annotation.state = State::Anchored;
        e.annotation.modified = model::now();
        e.resolution = Resolution::Anchored(span);
        self.changed();
        Ok(())
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.sort();
    }

    fn sort(&mut self) {
        self.entries.sort_by(|a, b| {
            let key = |e: &Entry| e.span().map_or((1, 0, 0), |s| (0, s.start, s.end));
            key(a)
                .cmp(&key(b))
                .then_with(|| a.annotation.created.cmp(&b.annotation.created))
                .then_with(|| a.annotation.id.cmp(&b.annotation.id))
        });
    }

    /// Takes in another copy of this brief's annotations (the file on disk,
    /// written meanwhile by another process, or an import): per annotation the
    /// newest change wins, and a deletion wins over older edits.
    pub fn merge(
        &mut self,
        doc: &Document,
        others: Vec<Annotation>,
        deleted: Vec<Tombstone>,
    ) -> usize {
        for t in deleted {
            match self.deleted.iter_mut().find(|d| d.id == t.id) {
                Some(d) if d.deleted >= t.deleted => {}
                Some(d) => *d = t,
                None => self.deleted.push(t),
            }
        }
        let mut taken = 0;
        let mut index: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.annotation.id.clone(), i))
            .collect();
        for other in others {
            match index.get(&other.id).copied() {
                Some(i) if self.entries[i].annotation.modified >= other.modified => {}
                Some(i) => {
                    self.entries[i] = Entry::new(doc, other);
                    taken += 1;
                }
                None => {
                    index.insert(other.id.clone(), self.entries.len());
                    self.entries.push(Entry::new(doc, other));
                    taken += 1;
                }
            }
        }
        let deleted: HashMap<&str, &str> = self
            .deleted
            .iter()
            .map(|t| (t.id.as_str(), t.deleted.as_str()))
            .collect();
        let before = self.entries.len();
        self.entries.retain(|e| {
            deleted
                .get(e.id())
                .is_none_or(|&d| d < e.annotation.modified.as_str())
        });
        let live: HashSet<&str> = self.entries.iter().map(|e| e.id()).collect();
        self.deleted.retain(|t| !live.contains(t.id.as_str()));
        if taken > 0 || before != self.entries.len() {
            self.changed();
        }
        taken
    }
}

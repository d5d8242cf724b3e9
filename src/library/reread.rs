//! Reading a library brief again, for the reader, a concordance line or an
//! export: the file through the one non-blocking open and the same `formats`
//! conversion the index saw, so the index's spans point into the text. The
//! feeds read last are kept converted, so reading a feed's items one after
//! another converts the feed once, not once per item.

use super::{content_hash, fill_published, BriefId, Library};
use crate::document::{decode_owned, Document};
use crate::formats::{self, Format};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Feeds kept converted at most.
const RECENT_FEEDS: usize = 4;

/// A library brief's document read again (see [`Library::document`]).
pub struct Reread {
    pub doc: Document,
    /// The file's bytes are no longer those indexed.
    pub changed: bool,
}

/// The items of the feeds read last: (path, content hash, one document per item).
#[derive(Default)]
pub(super) struct Recent(Mutex<VecDeque<(PathBuf, u64, Vec<Document>)>>);

impl Recent {
    /// Item `i` of the feed at `path` whose content hashes to `hash`, converting
    /// it with `convert` unless it was read last with the same content.
    fn item(
        &self,
        path: &Path,
        hash: u64,
        i: usize,
        convert: impl FnOnce() -> Result<Vec<Document>, String>,
    ) -> Result<Option<Document>, String> {
        let kept = |r: &VecDeque<(PathBuf, u64, Vec<Document>)>| {
            r.iter()
                .find(|(p, h, _)| p == path && *h == hash)
                .map(|(_, _, docs)| docs.get(i).cloned())
        };
        if let Some(doc) = self.0.lock().ok().and_then(|r| kept(&r)) {
            return Ok(doc);
        }
        let docs = convert()?;
        let doc = docs.get(i).cloned();
        if let Ok(mut recent) = self.0.lock() {
            recent.retain(|(p, _, _)| p != path);
            if recent.len() >= RECENT_FEEDS {
                recent.pop_front();
            }
            recent.push_back((path.to_path_buf(), hash, docs));
        }
        Ok(doc)
    }
}

impl Library {
    /// The brief's document, read again through the same conversion as when it was
    /// indexed (so every span of its index points into `doc.text()`), with
    /// `--published` applied as it was. A file changed since is read anyway and
    /// said to be `changed`: its spans must then be checked, or extracted afresh.
    /// An error says why it cannot be read (never blocks: a FIFO swapped in is refused).
    pub fn document(&self, brief: BriefId) -> Result<Reread, String> {
        let b = self.brief(brief).ok_or("no such brief")?;
        let (bytes, _) = crate::document::read_bytes(&b.path).map_err(|e| e.to_string())?;
        let hash = content_hash(&bytes);
        let all = || {
            formats::briefs_of(&b.path, bytes)
                .map(|briefs| briefs.into_iter().map(|x| (x.item, x.doc)).collect())
                .map_err(|e| e.to_string())
        };
        let doc = match b.item {
            None => {
                let briefs: Vec<(Option<usize>, Document)> = all()?;
                briefs
                    .into_iter()
                    .find(|(item, _)| item.is_none())
                    .map(|(_, doc)| doc)
            }
            Some(i) => self.recent.item(&b.path, hash, i as usize, || {
                let briefs: Vec<(Option<usize>, Document)> = all()?;
                // A file that is no longer a feed has no items.
                Ok(briefs
                    .into_iter()
                    .filter(|(item, _)| item.is_some())
                    .map(|(_, doc)| doc)
                    .collect())
            })?,
        };
        let mut doc = doc.ok_or("no longer in the file (it changed)")?;
        fill_published(&mut doc, self.published);
        Ok(Reread {
            doc,
            changed: hash != b.key.hash,
        })
    }

    /// The text of [`Library::document`]: what the brief's spans index. A plain-text
    /// brief's is its decoded bytes, taken without parsing a document (a concordance
    /// screen reads dozens of briefs for a few lines each).
    pub fn text(&self, brief: BriefId) -> Result<String, String> {
        let b = self.brief(brief).ok_or("no such brief")?;
        if b.item.is_some() || formats::by_name(&b.path) != Some(Format::Text) {
            return self.document(brief).map(|r| r.doc.text().to_owned());
        }
        let (bytes, _) = crate::document::read_bytes(&b.path).map_err(|e| e.to_string())?;
        if formats::detect(&b.path, &bytes) != Format::Text {
            return self.document(brief).map(|r| r.doc.text().to_owned());
        }
        // What `formats` does with a text file: Document::parse keeps the decoded text as it is.
        decode_owned(bytes)
            .map(|d| d.text)
            .map_err(|e| e.to_string())
    }
}

//! How a library is opened: where its cache is, how many threads index it, and
//! what extraction runs on each brief (the extractor, the user's corrections and
//! `--published`), all of which name the cache, so a change re-indexes.

use super::cache;
use crate::date::Date;
use crate::document::Document;
use crate::entities::{Corrections, Entities};
use crate::timeline::Event;
use std::path::PathBuf;
use std::sync::Arc;

/// The extraction a library runs on each brief. Named, because the name is part of
/// the cache key: a different extractor never reuses another's results.
#[derive(Clone, Copy)]
pub struct Extractor {
    pub name: &'static str,
    pub run: fn(&Document) -> (Entities, Vec<Event>),
}

impl Extractor {
    /// folio's entity recognizer and timeline.
    pub const DEFAULT: Extractor = Extractor {
        name: "folio",
        run: |doc| {
            let entities = crate::entities::extract(doc);
            let events = crate::timeline::build(doc);
            (entities, events)
        },
    };
}

impl Extractor {
    /// Runs the extractor on `doc` and applies `corrections` to its entities
    /// (the events are linked to the corrected entities).
    pub fn run_corrected(
        &self,
        doc: &Document,
        corrections: &Corrections,
    ) -> (Entities, Vec<Event>) {
        let (entities, events) = (self.run)(doc);
        if corrections.is_empty() {
            return (entities, events);
        }
        let entities = crate::entities::corrections::apply(doc.text(), entities, corrections);
        (entities, events)
    }
}

/// What names the extraction in the cache key: the extractor and, when there
/// are any, a fingerprint of the corrections and the `--published` date.
pub(super) fn extractor_key(opts: &Options) -> String {
    let mut key = opts.extractor.name.to_string();
    if !opts.corrections.is_empty() {
        let json = serde_json::to_vec(&*opts.corrections).unwrap_or_default();
        key.push_str("+corrections:");
        key.push_str(&crate::store::fingerprint(&json));
    }
    if let Some(d) = opts.published {
        key.push_str(&format!("+published:{d}"));
    }
    key
}

/// `--published` in a library: the date of the briefs that have none of their own
/// (a `Date:` header, front matter, a page's or feed item's date wins), as for the
/// undated items of a feed read as one document. Many briefs of many days share
/// one library, so one date given for all can only fill in, never override.
pub fn fill_published(doc: &mut Document, published: Option<Date>) {
    if let Some(d) = published.filter(|_| doc.published().date.is_none()) {
        doc.set_published(d);
    }
}

/// How to open a library.
#[derive(Clone)]
pub struct Options {
    /// Cache directory; `None` indexes from scratch and keeps nothing.
    pub cache_dir: Option<PathBuf>,
    /// Worker threads for indexing.
    pub threads: usize,
    pub extractor: Extractor,
    /// The user's entity corrections, applied to every brief's extraction; they
    /// are part of the cache key, so changing them re-indexes.
    pub corrections: Arc<Corrections>,
    /// `--published`: the date of briefs without one of their own (see
    /// [`fill_published`]); part of the cache key, like the corrections.
    pub published: Option<Date>,
}

impl Default for Options {
    /// The user's cache directory and one thread per core.
    fn default() -> Options {
        Options {
            cache_dir: cache::default_dir(),
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            extractor: Extractor::DEFAULT,
            corrections: Arc::default(),
            published: None,
        }
    }
}

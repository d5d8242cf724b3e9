//! A library of briefs: every `.txt` under the folders given, each indexed once
//! (entities with their sentences, timeline events) and cached, so that "where
//! else did this name come up?" and "what happened when?" are answered across
//! thousands of briefs at once.
//!
//! ```text
//! open(paths) ─▶ scan ─▶ cached briefs kept ─▶ Library (usable at once)
//!                    └─▶ stale/new briefs ─▶ Indexer (threads) ─▶ absorb ─▶ refresh ─▶ save
//! ```

mod build;
mod cache;
mod codec;
mod derived;
mod hash;
pub mod kwic;
pub mod record;
pub mod scan;

pub use build::{Done, Indexer, Outcome, Progress};
pub use cache::{default_dir as default_cache_dir, Miss};
pub use hash::content_hash;
pub use kwic::{kwic, kwic_fit, Kwic};
pub use record::{EventRec, MentionRec, Record, Span32, Summary};
pub use scan::{scan, Found, Scan, Skipped};

use crate::document::{Document, Span};
use crate::entities::{Corrections, Entities, Kind};
use crate::timeline::Event;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Index of a brief in [`Library::briefs`]; stable while the library is open.
pub type BriefId = u32;
/// Index of an entity in [`Library::entities`]; stable while the library is open.
pub type EntityRef = u32;

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
            let events = crate::timeline::build(doc, &entities);
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
        let (entities, mut events) = (self.run)(doc);
        if corrections.is_empty() {
            return (entities, events);
        }
        let entities = crate::entities::corrections::apply(doc.text(), entities, corrections);
        crate::timeline::relink(doc, &entities, &mut events);
        (entities, events)
    }
}

/// What names the extraction in the cache key: the extractor and, when there
/// are any, a fingerprint of the corrections.
fn extractor_key(opts: &Options) -> String {
    if opts.corrections.is_empty() {
        return opts.extractor.name.to_string();
    }
    let json = serde_json::to_vec(&*opts.corrections).unwrap_or_default();
    format!(
        "{}+corrections:{}",
        opts.extractor.name,
        crate::store::fingerprint(&json)
    )
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
}

impl Default for Options {
    /// The user's cache directory and one thread per core.
    fn default() -> Options {
        Options {
            cache_dir: cache::default_dir(),
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            extractor: Extractor::DEFAULT,
            corrections: Arc::default(),
        }
    }
}

/// What tells whether a brief's index is still current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKey {
    pub size: u64,
    pub mtime_ns: i64,
    /// [`content_hash`] of the file's bytes.
    pub hash: u64,
}

/// One brief of the library: where it is, its row, and its index (global entity ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    pub path: PathBuf,
    pub key: FileKey,
    pub summary: Summary,
    /// In text order.
    pub mentions: Vec<MentionRec>,
    /// In date order.
    pub events: Vec<EventRec>,
}

/// An entity across the library: briefs that name it and mentions in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibEntity {
    pub name: Box<str>,
    pub kind: Kind,
    pub briefs: u32,
    pub mentions: u32,
}

/// One mention of an entity somewhere in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub brief: BriefId,
    /// Index into the brief's `mentions`.
    pub mention: u32,
    /// Byte span of the mention in the brief's text.
    pub span: Span,
    /// Byte span of the sentence around it.
    pub sentence: Span,
}

/// How an open went, for the status line and `folio library --stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// Briefs taken from the cache without reading them.
    pub cached: usize,
    /// Briefs to read (new, changed, touched, or no usable cache).
    pub queued: usize,
    /// Briefs in the cache whose file is gone.
    pub removed: usize,
    /// Why the cache was not used, if it was not.
    pub miss: Option<Miss>,
    /// Time spent walking the folders, reading the cache, and computing postings and order.
    pub scan: Duration,
    pub load: Duration,
    pub refresh: Duration,
}

/// The library: briefs, entities across them, postings and one timeline.
pub struct Library {
    cache_file: Option<PathBuf>,
    stamp: u64,
    briefs: Vec<Brief>,
    entities: Vec<LibEntity>,
    lookup: HashMap<(Kind, Box<str>), EntityRef>,
    /// Old briefs by content hash, reused when a file was only touched or moved.
    spare: HashMap<u64, Brief>,
    /// Files found but not indexable, and why.
    pub skipped: Vec<Skipped>,
    pub report: OpenReport,
    derived: derived::Derived,
    stale: bool,
    dirty: bool,
}

/// Opens the library at `paths`: briefs whose cached index is current are usable at
/// once; the rest are indexed by the returned [`Indexer`], to be fed to
/// [`Library::absorb`] (or [`Library::wait`]).
pub fn open(paths: &[PathBuf], opts: &Options) -> (Library, Indexer) {
    let t = Instant::now();
    let found = scan(paths);
    let scanned = t.elapsed();
    let t = Instant::now();
    let stamp = cache::stamp(&extractor_key(opts));
    let cache_file = opts.cache_dir.as_ref().map(|d| cache::file_for(d, paths));
    let stored = match &cache_file {
        Some(f) => cache::load(f, stamp),
        None => Err(Miss::Absent),
    };
    let mut report = OpenReport {
        scan: scanned,
        ..OpenReport::default()
    };
    let (entities, old, written_ns) = match stored {
        Ok(s) => (s.entities, s.briefs, s.written_ns),
        Err(miss) => {
            report.miss = Some(miss);
            (Vec::new(), Vec::new(), 0)
        }
    };
    let mut old: HashMap<PathBuf, Brief> = old.into_iter().map(|b| (b.path.clone(), b)).collect();
    let mut briefs = Vec::with_capacity(found.files.len());
    let mut jobs = Vec::new();
    // A file written within two seconds of the cache may have changed unseen
    // (same size, mtime granularity): hash it again rather than trust its stat.
    let settled = written_ns.saturating_sub(2_000_000_000);
    let mut changed = Vec::new();
    for f in found.files {
        match old.remove(&f.path) {
            Some(b)
                if b.key.size == f.size && b.key.mtime_ns == f.mtime_ns && f.mtime_ns < settled =>
            {
                briefs.push(b)
            }
            Some(b) => {
                changed.push(b);
                jobs.push(f);
            }
            None => jobs.push(f),
        }
    }
    report.cached = briefs.len();
    report.queued = jobs.len();
    report.removed = old.len();
    let dirty =
        report.removed > 0 || matches!(report.miss, Some(Miss::Outdated | Miss::Damaged(_)));
    // Old records of changed or vanished files, reused if the content turns up again.
    report.load = t.elapsed();
    let spare: HashMap<u64, Brief> = changed
        .into_iter()
        .chain(old.into_values())
        .map(|b| (b.key.hash, b))
        .collect();
    let known: HashSet<u64> = spare.keys().copied().collect();
    let indexer = Indexer::start(
        jobs,
        known,
        opts.extractor,
        opts.corrections.clone(),
        opts.threads,
    );
    let entities = entities
        .into_iter()
        .map(|(name, kind)| LibEntity {
            name,
            kind,
            briefs: 0,
            mentions: 0,
        })
        .collect();
    let mut lib = Library {
        cache_file,
        stamp,
        briefs,
        entities,
        lookup: HashMap::new(),
        spare,
        skipped: found.skipped,
        report,
        derived: derived::Derived::default(),
        stale: true,
        dirty,
    };
    let t = Instant::now();
    lib.refresh();
    lib.report.refresh = t.elapsed();
    (lib, indexer)
}

/// Opens the library and waits for its index; saves the cache when something changed.
pub fn open_blocking(paths: &[PathBuf], opts: &Options) -> Library {
    let (mut lib, indexer) = open(paths, opts);
    lib.wait(indexer);
    // A cache that cannot be written only costs time on the next open.
    let _ = lib.save();
    lib
}

impl Library {
    /// Takes in the briefs the indexer has finished, without waiting; true if any.
    pub fn absorb(&mut self, indexer: &mut Indexer) -> bool {
        let done = indexer.drain();
        let any = !done.is_empty();
        self.take_in(done, indexer.progress().finished());
        any
    }

    /// Takes in briefs an indexer finished (`finished`: all of them are in now).
    pub fn take_in(&mut self, done: Vec<Done>, finished: bool) {
        for d in done {
            self.insert(d);
        }
        if finished {
            self.finish_indexing();
        }
    }

    /// Takes in every brief, waiting for the indexer to finish, then refreshes.
    pub fn wait(&mut self, mut indexer: Indexer) {
        while let Some(done) = indexer.next_blocking() {
            self.insert(done);
        }
        self.finish_indexing();
        self.refresh();
    }

    fn finish_indexing(&mut self) {
        self.spare = HashMap::new();
    }

    fn insert(&mut self, done: Done) {
        let Done { path, key, outcome } = done;
        let brief = match outcome {
            Outcome::Indexed(record) => {
                let ids: Vec<EntityRef> = record
                    .entities
                    .into_iter()
                    .map(|(name, kind)| self.intern(name, kind))
                    .collect();
                let global = |local: u32| ids.get(local as usize).copied();
                Brief {
                    path,
                    key,
                    summary: record.summary,
                    mentions: record
                        .mentions
                        .into_iter()
                        .filter_map(|m| {
                            Some(MentionRec {
                                entity: global(m.entity)?,
                                ..m
                            })
                        })
                        .collect(),
                    events: record
                        .events
                        .into_iter()
                        .map(|e| EventRec {
                            entities: e.entities.iter().filter_map(|&x| global(x)).collect(),
                            ..e
                        })
                        .collect(),
                }
            }
            Outcome::Unchanged => match self.spare.get(&key.hash) {
                Some(old) => Brief {
                    path,
                    key,
                    ..old.clone()
                },
                None => return,
            },
            Outcome::Failed(reason) => {
                self.skipped.push(Skipped { path, reason });
                return;
            }
        };
        self.briefs.push(brief);
        self.stale = true;
        self.dirty = true;
    }

    fn intern(&mut self, name: Box<str>, kind: Kind) -> EntityRef {
        if self.lookup.is_empty() && !self.entities.is_empty() {
            self.lookup = self
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| ((e.kind, e.name.clone()), i as EntityRef))
                .collect();
        }
        if let Some(&id) = self.lookup.get(&(kind, name.clone())) {
            return id;
        }
        let id = self.entities.len() as EntityRef;
        self.entities.push(LibEntity {
            name: name.clone(),
            kind,
            briefs: 0,
            mentions: 0,
        });
        self.lookup.insert((kind, name), id);
        id
    }

    /// Writes the index to the cache if anything changed since it was read.
    pub fn save(&mut self) -> Result<(), String> {
        let Some(file) = self.cache_file.clone() else {
            return Ok(());
        };
        if !self.dirty {
            return Ok(());
        }
        self.refresh();
        // Only entities still mentioned are written, renumbered densely.
        let mut remap = vec![u32::MAX; self.entities.len()];
        let mut table = Vec::new();
        for (i, e) in self.entities.iter().enumerate() {
            if e.mentions > 0 {
                remap[i] = table.len() as u32;
                table.push((&*e.name, e.kind));
            }
        }
        let briefs: Vec<&Brief> = self.briefs.iter().collect();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        let bytes = codec::encode(self.stamp, now, &table, &briefs, &remap);
        cache::store(&file, &bytes).map_err(|e| e.to_string())?;
        self.dirty = false;
        Ok(())
    }

    /// The cache file this library reads and writes, if any.
    pub fn cache_file(&self) -> Option<&Path> {
        self.cache_file.as_deref()
    }

    /// All briefs, by id (in no particular order; see [`Library::order`]).
    pub fn briefs(&self) -> &[Brief] {
        &self.briefs
    }

    pub fn brief(&self, id: BriefId) -> Option<&Brief> {
        self.briefs.get(id as usize)
    }

    /// Brief ids, newest first (as of the last [`Library::refresh`]).
    pub fn order(&self) -> &[BriefId] {
        &self.derived.order
    }

    /// All entities by id; counts as of the last refresh (0 for entities no brief names any more).
    pub fn entities(&self) -> &[LibEntity] {
        &self.entities
    }

    pub fn entity(&self, id: EntityRef) -> Option<&LibEntity> {
        self.entities.get(id as usize)
    }

    /// Entities named anywhere, most mentioned first, then by name.
    pub fn ranking(&self) -> &[EntityRef] {
        &self.derived.ranking
    }

    /// The entity called `name` (any kind; the most mentioned if several), ignoring case.
    pub fn find_entity(&self, name: &str) -> Option<EntityRef> {
        self.derived
            .ranking
            .iter()
            .copied()
            .find(|&e| self.entities[e as usize].name.eq_ignore_ascii_case(name))
    }

    /// Every mention of `entity` across the library, oldest brief first, in text order within a brief.
    pub fn concordance(&self, entity: EntityRef) -> Vec<Hit> {
        let d = &self.derived;
        let (Some(&a), Some(&b)) = (
            d.post_start.get(entity as usize),
            d.post_start.get(entity as usize + 1),
        ) else {
            return Vec::new();
        };
        d.postings[a as usize..b as usize]
            .iter()
            .filter_map(|&(brief, m)| {
                let rec = self.briefs.get(brief as usize)?.mentions.get(m as usize)?;
                Some(Hit {
                    brief,
                    mention: m,
                    span: rec.span.span(),
                    sentence: rec.sentence.span(),
                })
            })
            .collect()
    }

    /// One timeline across the library, in date order (undated last): `(brief, event)`.
    /// With `entity`, only events whose sentence names it.
    pub fn timeline(&self, entity: Option<EntityRef>) -> Vec<(BriefId, &EventRec)> {
        self.derived
            .timeline
            .iter()
            .filter_map(|&(b, e)| Some((b, self.briefs.get(b as usize)?.events.get(e as usize)?)))
            .filter(|(_, ev)| entity.is_none_or(|x| ev.entities.contains(&x)))
            .collect()
    }

    /// The same timeline as `(brief, index into the brief's events)`.
    pub fn timeline_ids(&self, entity: Option<EntityRef>) -> Vec<(BriefId, u32)> {
        self.derived
            .timeline
            .iter()
            .copied()
            .filter(|&(b, e)| {
                entity.is_none_or(|x| {
                    self.briefs[b as usize].events[e as usize]
                        .entities
                        .contains(&x)
                })
            })
            .collect()
    }

    /// The `n` entities a brief names most, for its row in the library view.
    pub fn top_entities(&self, brief: BriefId, n: usize) -> Vec<EntityRef> {
        let Some(b) = self.brief(brief) else {
            return Vec::new();
        };
        let mut counts: HashMap<EntityRef, u32> = HashMap::new();
        for m in &b.mentions {
            *counts.entry(m.entity).or_default() += 1;
        }
        let mut top: Vec<(EntityRef, u32)> = counts.into_iter().collect();
        top.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                self.entities[a.0 as usize]
                    .name
                    .cmp(&self.entities[b.0 as usize].name)
            })
        });
        top.into_iter().take(n).map(|(e, _)| e).collect()
    }

    /// Brief ids (newest first) whose title, publication, issue or file name contains
    /// `query`, ignoring case; all with an empty query.
    pub fn filter(&self, query: &str) -> Vec<BriefId> {
        let q = query.to_lowercase();
        self.derived
            .order
            .iter()
            .copied()
            .filter(|&id| {
                let b = &self.briefs[id as usize];
                q.is_empty()
                    || [&b.summary.title, &b.summary.publication, &b.summary.issue]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&q))
                    || b.path.to_string_lossy().to_lowercase().contains(&q)
            })
            .collect()
    }

    /// The text a brief was indexed from, read again (spans of its index point into it).
    /// An error says why it cannot be read; a file changed since indexing is read anyway,
    /// and the spans are then checked wherever they are used.
    pub fn text(&self, brief: BriefId) -> Result<String, String> {
        let b = self.brief(brief).ok_or("no such brief")?;
        read_text(&b.path)
    }
}

/// A brief's decoded text, as the index saw it.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    crate::document::decode(&bytes)
        .map(|d| d.text)
        .map_err(|e| e.to_string())
}

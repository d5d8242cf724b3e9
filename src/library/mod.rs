//! A library of briefs: every brief under the folders given (text, Markdown, HTML,
//! and each item of a feed), read through the same `formats` loader as the reader,
//! each indexed once (entities with their sentences, timeline events) and cached,
//! so that "where else did this name come up?" and "what happened when?" are
//! answered across thousands of briefs at once.
//!
//! ```text
//! open(paths) ─▶ scan ─▶ cached briefs kept ─▶ Library (usable at once)
//!                    └─▶ stale/new files ─▶ Indexer (threads) ─▶ absorb ─▶ refresh ─▶ save
//! Library::document(id) ─▶ the brief's Document, as indexed (spans point into its text)
//! ```

mod build;
mod cache;
mod codec;
mod derived;
mod hash;
pub mod kwic;
mod lookup;
pub mod notes;
mod options;
pub mod profile;
pub mod record;
mod reread;
pub mod scan;
pub mod search;

pub use build::{Done, Indexer, Outcome, Progress};
pub use cache::{default_dir as default_cache_dir, Miss};
pub use hash::content_hash;
pub use kwic::{kwic, kwic_fit, Kwic};
pub use lookup::EntityMatch;
pub use notes::LibNote;
use options::extractor_key;
pub use options::{fill_published, Extractor, Options};
pub use profile::Profile;
pub use record::{EventRec, MentionRec, Record, Summary};
pub use reread::Reread;
pub use scan::{nothing_found, scan, Found, Scan, Skipped, LOOKED_FOR};
pub use search::{Query, TextHit, TextSearch};

use crate::date::Date;
use crate::document::Span;
use crate::entities::Kind;
use crate::formats::{self, Format};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Index of a brief in [`Library::briefs`]; stable while the library is open.
pub type BriefId = u32;
/// Index of an entity in [`Library::entities`]; stable while the library is open.
pub type EntityRef = u32;

/// What a file's old records are reused for when its content turns up again
/// (touched, moved): the same bytes under a name of the same format class.
type ReuseKey = (u64, Option<Format>);

fn reuse_key(path: &Path, hash: u64) -> ReuseKey {
    (hash, formats::by_name(path))
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
/// A feed gives one brief per item: `path` and `item` together name a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brief {
    pub path: PathBuf,
    /// Which item of a feed (0 for the first); `None` for a file that is one brief.
    pub item: Option<u32>,
    /// The file's key (shared by the items of a feed).
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
    /// Other spellings its mentions have somewhere ("Putin", "NATO"), for finding it
    /// by any of them; gathered as briefs are indexed (a spelling only a since
    /// removed brief used stays until the cache is rebuilt).
    pub forms: Vec<Box<str>>,
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
    /// Files to read (new, changed, touched, or no usable cache).
    pub queued: usize,
    /// Files in the cache that are gone.
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
    /// Old briefs (all of a file's) by content, reused when a file was only touched or moved.
    spare: HashMap<ReuseKey, Vec<Brief>>,
    /// `--published`, applied again whenever a brief's document is read.
    published: Option<Date>,
    /// The feeds read again last, converted (see [`Library::document`]).
    recent: reread::Recent,
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
    let (entities, old_briefs, written_ns) = match stored {
        Ok(s) => (s.entities, s.briefs, s.written_ns),
        Err(miss) => {
            report.miss = Some(miss);
            (Vec::new(), Vec::new(), 0)
        }
    };
    // A file's briefs (one, or a feed's items), in item order.
    let mut old: HashMap<PathBuf, Vec<Brief>> = HashMap::new();
    for b in old_briefs {
        old.entry(b.path.clone()).or_default().push(b);
    }
    let mut briefs = Vec::with_capacity(found.files.len());
    let mut jobs = Vec::new();
    // A file written within two seconds of the cache may have changed unseen
    // (same size, mtime granularity): hash it again rather than trust its stat.
    let settled = written_ns.saturating_sub(2_000_000_000);
    let mut changed = Vec::new();
    for f in found.files {
        match old.remove(&f.path) {
            Some(bs)
                if bs.first().is_some_and(|b| {
                    b.key.size == f.size && b.key.mtime_ns == f.mtime_ns && f.mtime_ns < settled
                }) =>
            {
                briefs.extend(bs)
            }
            Some(bs) => {
                changed.push(bs);
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
    let spare: HashMap<ReuseKey, Vec<Brief>> = changed
        .into_iter()
        .chain(old.into_values())
        .filter_map(|bs| Some((reuse_key(&bs.first()?.path, bs.first()?.key.hash), bs)))
        .collect();
    let known: HashSet<ReuseKey> = spare.keys().copied().collect();
    let indexer = Indexer::start(jobs, known, opts);
    let mut lib = Library {
        cache_file,
        stamp,
        briefs,
        entities,
        lookup: HashMap::new(),
        spare,
        published: opts.published,
        recent: reread::Recent::default(),
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
        let briefs: Vec<Brief> = match outcome {
            Outcome::Indexed(parts) => parts
                .into_iter()
                .map(|(item, record)| self.brief_of(path.clone(), item, key, record))
                .collect(),
            Outcome::Unchanged => match self.spare.get(&reuse_key(&path, key.hash)) {
                Some(old) => old
                    .iter()
                    .map(|b| Brief {
                        path: path.clone(),
                        key,
                        ..b.clone()
                    })
                    .collect(),
                None => return,
            },
            Outcome::Failed(reason) => {
                self.skipped.push(Skipped { path, reason });
                return;
            }
        };
        self.briefs.extend(briefs);
        self.stale = true;
        self.dirty = true;
    }

    /// A freshly extracted brief, its local entity ids made global.
    fn brief_of(
        &mut self,
        path: PathBuf,
        item: Option<u32>,
        key: FileKey,
        record: Record,
    ) -> Brief {
        let ids: Vec<EntityRef> = record
            .entities
            .into_iter()
            .map(|(name, kind)| self.intern(name, kind))
            .collect();
        let global = |local: u32| ids.get(local as usize).copied();
        for (local, form) in record.forms {
            if let Some(e) = global(local).and_then(|e| self.entities.get_mut(e as usize)) {
                if !e.forms.contains(&form) {
                    e.forms.push(form);
                }
            }
        }
        Brief {
            path,
            item,
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
            forms: Vec::new(),
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
                table.push(e);
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
}

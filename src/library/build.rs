//! Indexing briefs in the background: a pool of threads (one per core) takes
//! files from a shared queue, extracts each and sends the result through a
//! channel, so the caller (the UI loop, or a blocking wait) shows progress and
//! keeps answering while briefs arrive.

use super::hash::content_hash;
use super::record::{reduce, Record};
use super::scan::{mtime_ns, Found};
use super::{Extractor, FileKey};
use crate::document::{decode, Document};
use crate::entities::Corrections;
use std::collections::HashSet;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;

/// What became of one brief.
#[derive(Debug)]
pub enum Outcome {
    /// Extracted afresh.
    Indexed(Record),
    /// Same content as a brief in the old index (touched or moved): reuse that.
    Unchanged,
    /// Could not be read or decoded; the reason.
    Failed(String),
}

/// One brief done, as sent by a worker.
#[derive(Debug)]
pub struct Done {
    pub path: PathBuf,
    pub key: FileKey,
    pub outcome: Outcome,
}

/// Briefs indexed so far out of those that needed it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn finished(self) -> bool {
        self.done >= self.total
    }
}

/// A running background index; dropping it stops the workers after their current brief.
pub struct Indexer {
    rx: Receiver<Done>,
    progress: Progress,
    cancel: Arc<AtomicBool>,
}

impl Indexer {
    /// Starts `threads` workers on `jobs`; briefs whose content hash is in `known` are not extracted.
    pub(crate) fn start(
        jobs: Vec<Found>,
        known: HashSet<u64>,
        extractor: Extractor,
        corrections: Arc<Corrections>,
        threads: usize,
    ) -> Indexer {
        let (tx, rx) = mpsc::channel();
        let total = jobs.len();
        let cancel = Arc::new(AtomicBool::new(false));
        let jobs = Arc::new(jobs);
        let known = Arc::new(known);
        let next = Arc::new(AtomicUsize::new(0));
        let mut spawned = 0;
        for _ in 0..threads.clamp(1, total.max(1)) {
            if total == 0 {
                break;
            }
            let (w_tx, w_jobs, w_known, w_next, w_cancel, w_corr) = (
                tx.clone(),
                Arc::clone(&jobs),
                Arc::clone(&known),
                Arc::clone(&next),
                Arc::clone(&cancel),
                Arc::clone(&corrections),
            );
            let worker = std::thread::Builder::new()
                .name("folio-index".into())
                .spawn(move || loop {
                    if w_cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = w_next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = w_jobs.get(i) else { break };
                    if w_tx
                        .send(index_one(job, &w_known, extractor, &w_corr))
                        .is_err()
                    {
                        break;
                    }
                });
            if worker.is_ok() {
                spawned += 1;
            }
        }
        if spawned == 0 {
            // No thread to be had: do the work here rather than never.
            for job in jobs.iter() {
                let _ = tx.send(index_one(job, &known, extractor, &corrections));
            }
        }
        Indexer {
            rx,
            progress: Progress { done: 0, total },
            cancel,
        }
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// Every finished brief waiting now (never blocks).
    pub fn drain(&mut self) -> Vec<Done> {
        std::iter::from_fn(|| self.try_next()).collect()
    }

    /// A finished brief if one is waiting (never blocks).
    pub fn try_next(&mut self) -> Option<Done> {
        match self.rx.try_recv() {
            Ok(done) => {
                self.progress.done += 1;
                Some(done)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                // Every worker is gone (they only stop early if cancelled): whatever
                // did not arrive never will, so stop waiting for it.
                self.progress.total = self.progress.done;
                None
            }
        }
    }

    /// The next finished brief, waiting for it; `None` once all are done.
    pub fn next_blocking(&mut self) -> Option<Done> {
        if self.progress.finished() {
            return None;
        }
        let done = self.rx.recv().ok()?;
        self.progress.done += 1;
        Some(done)
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Reads, hashes and (unless its content is already known) extracts one brief.
fn index_one(
    job: &Found,
    known: &HashSet<u64>,
    extractor: Extractor,
    corrections: &Corrections,
) -> Done {
    let mut key = FileKey {
        size: job.size,
        mtime_ns: job.mtime_ns,
        hash: 0,
    };
    let bytes = match read_regular(job, &mut key) {
        Ok(b) => b,
        Err(reason) => {
            return Done {
                path: job.path.clone(),
                key,
                outcome: Outcome::Failed(reason),
            }
        }
    };
    key.hash = content_hash(&bytes);
    let outcome = if known.contains(&key.hash) {
        Outcome::Unchanged
    } else {
        extract(&bytes, extractor, corrections)
    };
    Done {
        path: job.path.clone(),
        key,
        outcome,
    }
}

/// Reads the file through one handle, checking it is still a regular file (a FIFO
/// swapped in since the scan would block forever) and taking size and mtime from it.
fn read_regular(job: &Found, key: &mut FileKey) -> Result<Vec<u8>, String> {
    let mut file = std::fs::File::open(&job.path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("no longer a regular file".into());
    }
    key.size = meta.len();
    key.mtime_ns = mtime_ns(&meta);
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(1 << 30));
    file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
}

fn extract(bytes: &[u8], extractor: Extractor, corrections: &Corrections) -> Outcome {
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    // An extractor bug on one brief must not take the whole library down.
    let result = std::panic::catch_unwind(move || {
        let doc = Document::parse(decoded);
        let (entities, events) = extractor.run_corrected(&doc, corrections);
        reduce(&doc, &entities, &events)
    });
    match result {
        Ok(Some(record)) => Outcome::Indexed(record),
        Ok(None) => Outcome::Failed("larger than 4 GiB".into()),
        Err(_) => Outcome::Failed("extraction failed (internal error)".into()),
    }
}

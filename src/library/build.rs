//! Indexing briefs in the background: a pool of threads (one per core) takes
//! files from a shared queue, reads each through `formats` (one brief, or one
//! per feed item), extracts them and sends the result through a channel, so the
//! caller (the UI loop, or a blocking wait) shows progress and keeps answering
//! while briefs arrive.

use super::hash::content_hash;
use super::record::{reduce, Record};
use super::scan::{mtime_ns, Found};
use super::{fill_published, reuse_key, FileKey, Options, ReuseKey};
use crate::document::read_bytes;
use crate::formats;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;

/// What became of one file.
#[derive(Debug)]
pub enum Outcome {
    /// Extracted afresh: its briefs, each with its feed item (`None` for a whole file).
    Indexed(Vec<(Option<u32>, Record)>),
    /// Same content as a brief in the old index (touched or moved): reuse that.
    Unchanged,
    /// Could not be read or decoded, or a feed without items; the reason.
    Failed(String),
}

/// One file done, as sent by a worker.
#[derive(Debug)]
pub struct Done {
    pub path: PathBuf,
    pub key: FileKey,
    pub outcome: Outcome,
}

/// Files indexed so far out of those that needed it.
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
    /// Starts `opts.threads` workers on `jobs`; files whose content is `known` are not extracted.
    pub(crate) fn start(jobs: Vec<Found>, known: HashSet<ReuseKey>, opts: &Options) -> Indexer {
        let threads = opts.threads;
        let opts = Arc::new(opts.clone());
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
            let (w_tx, w_jobs, w_known, w_next, w_cancel, w_opts) = (
                tx.clone(),
                Arc::clone(&jobs),
                Arc::clone(&known),
                Arc::clone(&next),
                Arc::clone(&cancel),
                Arc::clone(&opts),
            );
            let worker = std::thread::Builder::new()
                .name("folio-index".into())
                .spawn(move || loop {
                    if w_cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = w_next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = w_jobs.get(i) else { break };
                    if w_tx.send(index_one(job, &w_known, &w_opts)).is_err() {
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
                let _ = tx.send(index_one(job, &known, &opts));
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

/// Reads, hashes and (unless its content is already known) extracts one file.
fn index_one(job: &Found, known: &HashSet<ReuseKey>, opts: &Options) -> Done {
    let mut key = FileKey {
        size: job.size,
        mtime_ns: job.mtime_ns,
        hash: 0,
    };
    // The one non-blocking, type-checked open: a FIFO swapped in since the scan
    // is refused, and size and mtime come from the file the bytes were read from.
    let bytes = match read_bytes(&job.path) {
        Ok((bytes, meta)) => {
            key.size = meta.len();
            key.mtime_ns = mtime_ns(&meta);
            bytes
        }
        Err(e) => {
            return Done {
                path: job.path.clone(),
                key,
                outcome: Outcome::Failed(e.to_string()),
            }
        }
    };
    key.hash = content_hash(&bytes);
    let outcome = if known.contains(&reuse_key(&job.path, key.hash)) {
        Outcome::Unchanged
    } else {
        extract(&job.path, bytes, opts)
    };
    Done {
        path: job.path.clone(),
        key,
        outcome,
    }
}

/// The file's briefs through `formats` (what the reader shows), each extracted and reduced.
fn extract(path: &Path, bytes: Vec<u8>, opts: &Options) -> Outcome {
    // A converter or extractor bug on one file must not take the whole library down.
    let result = std::panic::catch_unwind(move || {
        let briefs = formats::briefs_of(path, bytes).map_err(|e| e.to_string())?;
        if briefs.is_empty() {
            return Err("a feed without items".to_owned());
        }
        briefs
            .into_iter()
            .map(|b| {
                let mut doc = b.doc;
                fill_published(&mut doc, opts.published);
                let (entities, events) = opts.extractor.run_corrected(&doc, &opts.corrections);
                let record = reduce(&doc, &entities, &events).ok_or("larger than 4 GiB")?;
                let item = b.item.map(|i| u32::try_from(i).unwrap_or(u32::MAX));
                Ok((item, record))
            })
            .collect::<Result<Vec<_>, String>>()
    });
    match result {
        Ok(Ok(parts)) => Outcome::Indexed(parts),
        Ok(Err(reason)) => Outcome::Failed(reason),
        Err(_) => Outcome::Failed("extraction failed (internal error)".into()),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_swapped_in_after_the_scan_fails_at_once() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.txt");
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // As the scan saw it a moment ago: a regular file.
        let job = Found {
            path: path.clone(),
            size: 10,
            mtime_ns: 0,
        };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(index_one(&job, &HashSet::new(), &Options::default()));
        });
        let done = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the FIFO was waited on");
        match done.outcome {
            Outcome::Failed(reason) => assert!(reason.contains("named pipe"), "{reason}"),
            other => panic!("{other:?}"),
        }
    }
}

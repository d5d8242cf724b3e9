//! Picking up briefs added, changed or removed on disk while the library is
//! open: every few seconds a background thread walks the folders again (stat
//! only), and when what it finds differs from the library, the library is
//! reopened from its cache, so only the changed briefs are indexed.

use crate::library::{scan, Library, Options, Scan};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// Periodic rescans of a library's folders.
pub struct Watch {
    pub paths: Vec<PathBuf>,
    pub opts: Options,
    every: Duration,
    last: Instant,
    pending: Option<Receiver<Scan>>,
}

impl Watch {
    /// Rescans `paths` every `every`.
    pub fn new(paths: Vec<PathBuf>, opts: Options, every: Duration) -> Watch {
        Watch {
            paths,
            opts,
            every,
            last: Instant::now(),
            pending: None,
        }
    }

    /// Starts a rescan when one is due; returns a finished one, if any. Never blocks.
    pub fn poll(&mut self) -> Option<Scan> {
        if let Some(rx) = &self.pending {
            return match rx.try_recv() {
                Ok(found) => {
                    self.pending = None;
                    self.last = Instant::now();
                    Some(found)
                }
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    self.pending = None;
                    self.last = Instant::now();
                    None
                }
            };
        }
        if self.last.elapsed() >= self.every {
            let (tx, rx) = channel();
            let paths = self.paths.clone();
            let spawned = std::thread::Builder::new()
                .name("folio-watch".into())
                .spawn(move || {
                    let _ = tx.send(scan(&paths));
                });
            self.last = Instant::now();
            if spawned.is_ok() {
                self.pending = Some(rx);
            }
        }
        None
    }
}

/// Briefs new or changed on disk, and briefs gone, compared with `lib`. Files the
/// library could not read are not counted again until they change name.
pub fn changes(lib: &Library, found: &Scan) -> (usize, usize) {
    let known: HashMap<&PathBuf, (u64, i64)> = lib
        .briefs()
        .iter()
        .map(|b| (&b.path, (b.key.size, b.key.mtime_ns)))
        .collect();
    let unreadable: HashSet<&PathBuf> = lib.skipped.iter().map(|s| &s.path).collect();
    let mut changed = 0;
    let mut present = 0;
    for f in &found.files {
        match known.get(&f.path) {
            Some(&key) => {
                present += 1;
                if key != (f.size, f.mtime_ns) {
                    changed += 1;
                }
            }
            None if unreadable.contains(&f.path) => {}
            None => changed += 1,
        }
    }
    (changed, known.len() - present)
}

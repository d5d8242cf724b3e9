//! Background work for the reader: loading a big file after a first screen
//! drawn from its beginning, then extracting entities and the timeline. Results
//! come back as [`Action`]s, so the UI answers keys while this runs.

use super::action::Action;
use super::extraction::Extraction;
use crate::date::Date;
use crate::document::{read_file, read_prefix, Document, ReadError};
use crate::entities::store::Change;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;

/// Files up to this size are read whole before the first frame; larger ones start
/// from this many bytes.
pub const PREFIX_BYTES: usize = 64 * 1024;

/// Where the reader's document comes from.
pub enum Opened {
    /// The whole document; extraction still to run.
    Whole(Document),
    /// The beginning of a bigger file, to be replaced once `rest` finishes.
    Prefix {
        doc: Document,
        path: PathBuf,
        size: u64,
    },
}

/// Opens `path` for the reader: small files whole, big ones by their beginning.
pub fn open(path: &Path, published: Option<Date>) -> Result<Opened, ReadError> {
    if crate::formats::detect_file(path) != crate::formats::Format::Text {
        // Markup is extracted whole: its text only exists after parsing the file.
        let mut doc = crate::formats::read(path)?;
        if let Some(d) = published {
            doc.set_published(d);
        }
        return Ok(Opened::Whole(doc));
    }
    let (mut doc, size) = read_prefix(path, PREFIX_BYTES)?;
    if let Some(d) = published {
        doc.set_published(d);
    }
    if size as usize <= doc.text().len() + 4 {
        return Ok(Opened::Whole(doc));
    }
    Ok(Opened::Prefix {
        doc,
        path: path.to_path_buf(),
        size,
    })
}

/// Starts the background work. For a prefix the receiver yields
/// `ExtractedPrefix` (so the first screen is highlighted at once), `Loaded`, then
/// `Extracted` for the whole file; for a whole document just `Extracted`. The
/// user's `corrections` are applied here too, so the reader only moves the
/// result into place.
pub fn start(
    opened_rest: Option<(PathBuf, Option<Date>)>,
    doc: Arc<Document>,
    corrections: Vec<Change>,
) -> Receiver<Action> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        lower_priority();
        let doc = match opened_rest {
            None => doc,
            Some((path, published)) => {
                let prefix = Extraction::run(&doc, corrections.clone());
                if tx.send(Action::ExtractedPrefix(Box::new(prefix))).is_err() {
                    return;
                }
                load_rest(&tx, &path, published, doc)
            }
        };
        let _ = tx.send(Action::Extracted(Box::new(Extraction::run(
            &doc,
            corrections,
        ))));
        crate::allocator::give_back_free();
    });
    rx
}

/// Background work yields to the thread that answers keys: on a machine whose
/// cores are all busy, a key is not kept waiting behind extraction. On Linux
/// the nice value is per thread, so this lowers the calling thread only.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority takes plain integers and changes only a scheduling value.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Reads the whole file and sends it as `Loaded`; on failure says why and keeps `prefix`.
fn load_rest(
    tx: &std::sync::mpsc::Sender<Action>,
    path: &Path,
    published: Option<Date>,
    prefix: Arc<Document>,
) -> Arc<Document> {
    match read_file(path) {
        Ok(mut full) => {
            if let Some(d) = published {
                full.set_published(d);
            }
            // Hashed here so opening its notes on the main thread does not stall the keys.
            full.fingerprint();
            let full = Arc::new(full);
            // Cut into the pane's blocks here too: taking it is then a swap.
            let _ = tx.send(Action::loaded(full.clone()));
            full
        }
        Err(e) => {
            let _ = tx.send(Action::LoadFailed(e.to_string()));
            prefix
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn background_work_runs_below_the_priority_of_the_thread_that_answers_keys() {
        // SAFETY (both calls): getpriority reads a scheduling value.
        let mine = unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
        let worker = std::thread::spawn(|| {
            lower_priority();
            unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
        })
        .join()
        .unwrap();
        assert!(worker >= 10, "the worker's nice value is {worker}");
        // Only the worker: the calling thread keeps its own.
        assert_eq!(unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }, mine);
    }
}

//! Background work for the reader: loading a big file after a first screen
//! drawn from its beginning, then extracting entities and the timeline. Results
//! come back as [`Action`]s, so the UI answers keys while this runs.

use super::action::Action;
use super::extraction::Extraction;
use crate::date::Date;
use crate::document::{read_file, read_prefix, Document, PublishedFrom, ReadError};
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
/// `ExtractedPrefix` for the text on the first screen (up to `screen_end`, a
/// byte offset; a millisecond or two, where the whole beginning takes ten, so
/// the screen is highlighted before the first keys), `ExtractedPrefix` for the
/// whole beginning, `Loaded`, then `Extracted` for the whole file; for a whole
/// document (at most [`PREFIX_BYTES`] of text, or markup) just `Extracted`. The
/// user's `corrections` are applied here too, so the reader only moves the
/// result into place.
pub fn start(
    opened_rest: Option<(PathBuf, Option<Date>)>,
    doc: Arc<Document>,
    corrections: Vec<Change>,
    screen_end: usize,
) -> Receiver<Action> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let doc = match opened_rest {
            None => {
                lower_priority();
                doc
            }
            Some((path, published)) => {
                // The screen's own highlights run at the reader's priority:
                // they are what the reader waits for, and take a millisecond or two.
                if let Some(screen) = screen_part(&doc, screen_end) {
                    let first = Extraction::run(&screen, corrections.clone());
                    if tx.send(Action::ExtractedPrefix(Box::new(first))).is_err() {
                        return;
                    }
                }
                lower_priority();
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

/// The beginning of `doc` through the paragraph in which `screen_end` falls, as
/// a document of its own with the same offsets and publication date. `None`
/// when that is over half of `doc` (extracting all of it costs little more),
/// or when `doc` has regions (code, dated sections) that a cut would lose.
pub fn screen_part(doc: &Document, screen_end: usize) -> Option<Document> {
    if !doc.verbatim().is_empty() || !doc.sections().is_empty() {
        return None;
    }
    let paragraphs = doc.paragraphs();
    let last = paragraphs.partition_point(|p| p.span().end < screen_end);
    let cut = paragraphs.get(last)?.span().end;
    if cut * 2 > doc.text().len() {
        return None;
    }
    let mut part = Document::from_text(doc.text().get(..cut)?);
    let published = doc.published();
    if let (PublishedFrom::User, Some(date)) = (published.from, published.date) {
        part.set_published(date);
    }
    // The header, read again from the same first bytes, dates it as `doc`.
    (part.published() == published).then_some(part)
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

    /// A brief of `bytes` or more: the bundled briefs' bodies, again and again,
    /// under one header.
    fn long_brief(bytes: usize) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefs");
        let mut bodies: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .map(|t| {
                t.split_once("\n\n")
                    .map_or(t.clone(), |(_, b)| b.to_owned())
            })
            .collect();
        bodies.sort();
        let mut text = String::from("Title: Long brief\nDate: 2008-08-20\n\n");
        while text.len() < bytes {
            for b in &bodies {
                text.push_str(b.trim_end());
                text.push_str("\n\n");
            }
        }
        text
    }

    #[test]
    fn the_screens_part_ends_with_the_paragraph_the_screen_ends_in() {
        let doc = Document::from_text(&long_brief(20_000));
        let p = doc.paragraphs()[5].span();
        let part = screen_part(&doc, p.start + 3).unwrap();
        assert_eq!(part.text(), &doc.text()[..p.end]);
        assert_eq!(part.published(), doc.published());
        assert_eq!(part.paragraphs(), &doc.paragraphs()[..6]);
        // At a paragraph's very end, that paragraph is the last.
        assert_eq!(screen_part(&doc, p.end).unwrap().text().len(), p.end);
        // A date given by the user dates the part too.
        let mut given = doc.clone();
        given.set_published(crate::date::Date::new(2001, 2, 3).unwrap());
        let part = screen_part(&given, p.end).unwrap();
        assert_eq!(part.published(), given.published());
        // Most of the text, or past its end: the whole is extracted at once.
        let half = doc.text().len() / 2 + 1;
        assert!(screen_part(&doc, half).is_none());
        assert!(screen_part(&doc, usize::MAX).is_none());
    }

    #[test]
    fn a_part_would_lose_the_regions_of_converted_text_so_there_is_none() {
        let doc = Document::from_text(&long_brief(20_000));
        let code = doc.paragraphs()[1].span();
        let doc = doc.with_regions(vec![code], Vec::new());
        assert!(screen_part(&doc, doc.paragraphs()[2].span().end).is_none());
    }

    #[test]
    fn the_first_highlights_are_the_screens_and_the_last_the_whole_files() {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), long_brief(PREFIX_BYTES + 20_000)).unwrap();
        let Opened::Prefix { doc, .. } = open(file.path(), None).unwrap() else {
            panic!("a file over PREFIX_BYTES opens by its beginning");
        };
        // The first screen of a 160x48 terminal, as the reader draws it.
        let doc = Arc::new(doc);
        let mut app = crate::ui::App::new(doc.clone(), "long".into());
        app.update(Action::Resize(160, 48));
        let screen_end = app.bottom_byte();
        assert!(screen_end > 1000 && screen_end < PREFIX_BYTES / 4);
        let rx = start(
            Some((file.path().to_path_buf(), None)),
            doc.clone(),
            Vec::new(),
            screen_end,
        );
        let got: Vec<Action> = rx.iter().collect();
        let [Action::ExtractedPrefix(screen), Action::ExtractedPrefix(prefix), Action::Loaded(flow), Action::Extracted(whole)] =
            &got[..]
        else {
            panic!("the messages, in order: the screen's, the beginning's, the whole document, its extraction");
        };
        let part = screen_part(&doc, screen_end).unwrap();
        assert!(part.text().len() >= screen_end && part.text().len() < doc.text().len() / 4);
        assert_eq!(**screen, Extraction::run(&part, Vec::new()));
        // The screen's last rows are highlighted by it.
        let last_row = app.top_byte().max(screen_end.saturating_sub(1000));
        assert!(screen
            .entities
            .mentions()
            .iter()
            .any(|m| (last_row..screen_end).contains(&m.span().start)));
        assert_eq!(**prefix, Extraction::run(&doc, Vec::new()));
        let full = read_file(file.path()).unwrap();
        assert_eq!(flow.doc.text(), full.text());
        assert_eq!(**whole, Extraction::run(&full, Vec::new()));
    }

    #[test]
    fn a_document_read_whole_is_extracted_whole_at_once() {
        let doc = Arc::new(Document::from_text(&long_brief(20_000)));
        let got: Vec<Action> = start(None, doc.clone(), Vec::new(), 1000).iter().collect();
        let [Action::Extracted(whole)] = &got[..] else {
            panic!("one message, the whole extraction");
        };
        assert_eq!(**whole, Extraction::run(&doc, Vec::new()));
    }

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

//! News from the background: briefs the index finished (the lists recomputed
//! a few times a second while they arrive), and a rescan that found briefs
//! changed on disk (the library reopened, the cursor kept on its file).

use super::{watch, LibEffect, LibraryView, Screen};
use crate::library::{Done, Library, Progress, Scan};
use std::time::{Duration, Instant};

/// How often the lists are recomputed while briefs arrive from the index.
const REFRESH_EVERY: Duration = Duration::from_millis(400);

impl LibraryView {
    /// Briefs arrived from the background index: taken in, and the lists
    /// recomputed at most a few times a second; the cache saved once complete.
    pub(super) fn indexed(&mut self, done: Vec<Done>, progress: Progress) -> Option<LibEffect> {
        let got = !done.is_empty();
        self.progress = progress;
        let finished = progress.finished();
        self.lib.take_in(done, finished);
        let due = self
            .last_refresh
            .is_none_or(|t| t.elapsed() >= REFRESH_EVERY);
        if finished || (got && due) {
            self.lib.refresh();
            self.last_refresh = Some(Instant::now());
            self.rows_changed();
        }
        finished.then_some(LibEffect::SaveIndex)
    }

    /// A rescan finished: the library is reopened when briefs changed on disk.
    /// Only on the list screen (brief ids change), and not while a filter is typed.
    pub(super) fn rescanned(&mut self, found: &Scan) -> Option<LibEffect> {
        if self.screen != Screen::List || self.typing || self.indexing() {
            return None;
        }
        let (changed, removed) = watch::changes(&self.lib, found);
        if changed == 0 && removed == 0 {
            return None;
        }
        self.reopening = (changed, removed);
        Some(LibEffect::Reopen)
    }

    /// The library reopened after a rescan: the cursor stays on the same file.
    pub(super) fn reopened(&mut self, lib: Library, progress: Progress) {
        let (changed, removed) = std::mem::take(&mut self.reopening);
        let keep = self
            .briefs
            .get(self.brief_cursor.at)
            .and_then(|&id| self.lib.brief(id))
            .map(|b| b.path.clone());
        self.lib = lib;
        self.lib.refresh();
        self.progress = progress;
        self.concordance = None;
        self.timeline = None;
        self.map = None;
        self.search = None;
        self.notes = None;
        self.profile = None;
        self.texts.clear();
        self.briefs.clear();
        self.rows_changed();
        if let Some(i) = keep.and_then(|p| {
            self.briefs
                .iter()
                .position(|&id| self.lib.brief(id).is_some_and(|b| b.path == p))
        }) {
            self.brief_cursor.at = i;
            self.follow();
        }
        self.notices.push(format!(
            "changed on disk: {changed} new or changed, {removed} removed"
        ));
    }
}

//! The library's edge: carries out the effects [`LibraryView::update`] returns
//! (reading a brief and building its reader, reading texts for the concordance,
//! saving the index, reopening after a rescan), runs the reader's own effects
//! on the open brief, and brings news from the background index and the
//! folder watch, each fed back to the view as a [`LibAction`]. No terminal
//! here, so tests drive a [`Session`] exactly as the terminal loop does.

use super::reader::{self, Read};
use super::watch::Watch;
use super::{LibAction, LibEffect, LibraryView, Screen, Target};
use crate::entities::Corrections;
use crate::library::{BriefId, Indexer, Library, TextSearch};
use crate::ui::effects::{self, Edge};
use crate::ui::keymap::Key;
use crate::ui::Effect;
use crossterm::event::MouseEvent;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the first step of a search may take before its first hits show.
const FIRST_STEP: Duration = Duration::from_millis(80);
/// How long each later step takes, between keys and screen updates.
const LATER_STEP: Duration = Duration::from_millis(40);

/// What the library's effects are carried out with.
pub struct LibEdge {
    /// Where notes and corrections made in an open brief are saved.
    pub stores: Edge,
    /// Applied to a brief extracted afresh (changed since it was indexed).
    pub corrections: Arc<Corrections>,
    /// The background index, while it runs.
    pub indexer: Option<Indexer>,
    /// Periodic rescans of the folders; `None` in tests that make changes themselves.
    pub watch: Option<Watch>,
    /// The search of every brief's text, while it runs.
    pub search: Option<TextSearch>,
}

impl LibEdge {
    /// An edge with these stores and corrections, no index running and no watch.
    pub fn new(stores: Edge, corrections: Arc<Corrections>) -> LibEdge {
        LibEdge {
            stores,
            corrections,
            indexer: None,
            watch: None,
            search: None,
        }
    }

    /// Carries out `effect` for `view`, and whatever the view asks for in
    /// answer; true when folio should quit.
    pub fn run(&mut self, view: &mut LibraryView, effect: LibEffect) -> bool {
        let mut next = Some(effect);
        while let Some(effect) = next.take() {
            next = match effect {
                LibEffect::Quit => return true,
                LibEffect::OpenBrief { id, target, back } => {
                    let opened = self.open(view, id, back);
                    view.update(LibAction::BriefOpened(opened, target))
                }
                LibEffect::Search(query) => {
                    self.search = Some(TextSearch::new(query, &view.lib));
                    let want = super::list_height(view.height);
                    self.search_step(view, want, FIRST_STEP)
                }
                LibEffect::ReadNotes => {
                    let (notes, problems) = match &self.stores.notes {
                        Some(store) => view.lib.notes(store),
                        None => (
                            Vec::new(),
                            vec!["no user data directory, so no notes".into()],
                        ),
                    };
                    view.update(LibAction::NotesRead(notes, problems))
                }
                LibEffect::ReadTexts(ids) => {
                    let texts = ids
                        .into_iter()
                        .map(|id| (id, view.lib.text(id).ok().map(Arc::from)))
                        .collect();
                    view.update(LibAction::TextsRead(texts))
                }
                LibEffect::SaveIndex => {
                    let saved = view.lib.save();
                    view.update(LibAction::IndexSaved(saved))
                }
                LibEffect::Reopen => self.reopen(view),
                LibEffect::Reader(effect) => {
                    if self.reader_effect(view, effect) {
                        return true;
                    }
                    None
                }
            };
        }
        false
    }

    /// Searches on for up to `time` or until `want` more hits, and tells the view.
    fn search_step(
        &mut self,
        view: &mut LibraryView,
        want: usize,
        time: Duration,
    ) -> Option<LibEffect> {
        let job = self.search.as_mut()?;
        let live = view.search.as_ref().filter(|s| s.query == job.query);
        let Some(had) = live.map(|s| s.hits.len()) else {
            // The view has left this search, or started another.
            self.search = None;
            return None;
        };
        let found = job.step(&view.lib, want, Instant::now() + time, had);
        let query = job.query.clone();
        if found.done {
            self.search = None;
        }
        view.update(LibAction::SearchFound(query, found))
    }

    /// Whether work is waiting that the loop should not sleep through (a search).
    pub fn busy(&self) -> bool {
        self.search.is_some()
    }

    /// Reads brief `id` (through the same loader as `folio FILE`) and builds its
    /// reader with its notes opened.
    fn open(
        &self,
        view: &LibraryView,
        id: BriefId,
        back: Screen,
    ) -> Result<Box<super::Reading>, String> {
        let lib = &view.lib;
        let brief = lib.brief(id).ok_or("no such brief")?;
        let path = brief.path.clone();
        let named = |e: String| {
            format!(
                "{}: {e}",
                crate::display::escape_controls(&path.display().to_string())
            )
        };
        let read = read_brief(lib, id).map_err(named)?;
        let mut r = reader::build(
            lib,
            id,
            read,
            &view.settings,
            &self.corrections,
            (view.width, view.height),
            back,
        );
        // The brief's notes, from the same store as when it is opened alone. A
        // feed item's are found by its text only: its path is its siblings' too.
        let path = lib
            .brief(id)
            .filter(|b| b.item.is_none())
            .map(|b| b.path.clone());
        let edge = self.stores.clone().for_brief(path);
        effects::run(&mut r.app, Effect::OpenNotes, &edge);
        Ok(Box::new(r))
    }

    /// Runs an effect of the open brief's reader; true when it quits folio.
    fn reader_effect(&self, view: &mut LibraryView, effect: Effect) -> bool {
        let Some(r) = view.reading.as_mut() else {
            return false;
        };
        let path = view
            .lib
            .brief(r.brief)
            .filter(|b| b.item.is_none())
            .map(|b| b.path.clone());
        let edge = self.stores.clone().for_brief(path);
        effects::run(&mut r.app, effect, &edge)
    }

    /// Reopens the library from its folders (the cache makes it quick), and
    /// starts indexing what changed.
    fn reopen(&mut self, view: &mut LibraryView) -> Option<LibEffect> {
        let w = self.watch.as_ref()?;
        if let Err(e) = view.lib.save() {
            view.update(LibAction::IndexSaved(Err(e)));
        }
        self.search = None;
        let (lib, ix) = crate::library::open(&w.paths, &w.opts);
        let progress = ix.progress();
        self.indexer = Some(ix);
        view.update(LibAction::Reopened(Box::new(lib), progress))
    }

    /// News from the background: briefs indexed, a rescan finished. Returns
    /// whether anything arrived (the screen needs drawing) and whether to quit.
    pub fn poll(&mut self, view: &mut LibraryView) -> (bool, bool) {
        let mut news = false;
        let mut effects = Vec::new();
        if let Some(ix) = self.indexer.as_mut() {
            let done = ix.drain();
            let progress = ix.progress();
            if !done.is_empty() || progress.finished() {
                news = true;
                effects.extend(view.update(LibAction::Indexed(done, progress)));
            }
            if progress.finished() {
                self.indexer = None;
            }
        }
        if self.search.is_some() {
            news = true;
            effects.extend(self.search_step(view, usize::MAX, LATER_STEP));
        }
        // A search in the brief being read goes on a step at a time, as in the reader.
        if let Some(r) = view.reading.as_mut().filter(|r| r.app.searching()) {
            r.app.update(crate::ui::Action::SearchStep);
            news = true;
        }
        if let Some(found) = self.watch.as_mut().and_then(Watch::poll) {
            effects.extend(view.update(LibAction::Rescanned(found)));
        }
        for e in effects {
            news = true;
            if self.run(view, e) {
                return (news, true);
            }
        }
        (news, false)
    }
}

/// The brief's document as it was indexed (the same conversion, read without
/// blocking on special files), and whether the file is still the one indexed.
fn read_brief(lib: &Library, id: BriefId) -> Result<Read, String> {
    let reread = lib.document(id)?;
    Ok(Read {
        doc: reread.doc,
        same: !reread.changed,
    })
}

/// A library view and its edge: what the terminal loop drives, key by key, and
/// what tests drive the same way.
pub struct Session {
    pub view: LibraryView,
    pub edge: LibEdge,
}

impl Session {
    /// A session on `view`, its effects carried out by `edge`.
    pub fn new(view: LibraryView, edge: LibEdge) -> Session {
        Session { view, edge }
    }

    /// A key as the terminal sends it; true when folio should quit.
    pub fn key(&mut self, key: Key) -> bool {
        match self.view.action_for_key(key) {
            Some(a) => self.apply(a),
            None => false,
        }
    }

    /// A mouse event; true when folio should quit.
    pub fn mouse(&mut self, ev: MouseEvent) -> bool {
        match self.view.action_for_mouse(ev) {
            Some(a) => self.apply(a),
            None => false,
        }
    }

    /// The terminal is now `w` x `h`.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.apply(LibAction::Resize(w, h));
    }

    /// Takes in what the background has done; true when something changed.
    pub fn tick(&mut self) -> bool {
        self.edge.poll(&mut self.view).0
    }

    /// Applies `action` and carries out what it asks for; true when folio should quit.
    pub fn apply(&mut self, action: LibAction) -> bool {
        match self.view.update(action) {
            Some(effect) => self.edge.run(&mut self.view, effect),
            None => false,
        }
    }

    /// Opens brief `id` at `target`, as `Enter` on its row does.
    pub fn open_brief(&mut self, id: BriefId, target: Target) {
        if let Some(effect) = self.view.open_brief(id, target) {
            self.edge.run(&mut self.view, effect);
        }
    }
}

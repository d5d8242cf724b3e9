//! The library in the reader: a list of briefs (newest first, `/` filters),
//! entities across briefs with brief and mention counts, an entity's
//! concordance, and the reader on one brief with `Esc` back to where it was
//! opened from. The index fills in from the background while keys are answered.
//!
//! State changes only in [`LibraryView::key`] and [`LibraryView::tick`];
//! [`widget`] renders it; [`run`] is the terminal edge.

mod concordance;
mod mouse;
mod reader;
mod run;
mod timeline;
pub mod watch;
pub mod widget;

pub use run::run;

use reader::{reader_for, show_event, show_hit};

use super::action::Action;
use super::app::{App, Mode as AppMode};
use super::keymap::Key;
use super::theme::Theme;
use crate::library::{BriefId, EntityRef, Hit, Indexer, Library, Progress};
use crossterm::event::{KeyCode, KeyModifiers};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Briefs and the entity sidebar.
    List,
    /// Every mention of one entity across the library.
    Concordance,
    /// One timeline across the library.
    Timeline,
    /// One brief in the reader.
    Reading,
}

/// Which list of the library screen has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Briefs,
    Entities,
}

/// A scrolling list: the cursor and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub at: usize,
    pub top: usize,
}

impl Cursor {
    fn moved(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.at = 0;
        } else {
            self.at = (self.at as isize + delta).clamp(0, len as isize - 1) as usize;
        }
    }

    /// Scrolls so the cursor is among `height` rows.
    pub fn follow(&mut self, height: usize) {
        let h = height.max(1);
        if self.at < self.top {
            self.top = self.at;
        } else if self.at >= self.top + h {
            self.top = self.at + 1 - h;
        }
    }
}

/// An entity's mentions across the library.
pub struct Concordance {
    pub entity: EntityRef,
    pub hits: Vec<Hit>,
    pub cursor: Cursor,
}

/// One timeline across the library, maybe only the events naming one entity.
pub struct TimelineView {
    /// `(brief, index into its events)`, in date order.
    pub rows: Vec<(BriefId, u32)>,
    pub cursor: Cursor,
    pub entity: Option<EntityRef>,
}

/// Where to put the reader in a brief being opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Where it was left (the top the first time).
    Resume,
    /// At a concordance hit, with its entity selected.
    Hit(Hit),
    /// At the brief's event with this index.
    Event(u32),
}

/// The brief open in the reader.
pub struct Reading {
    pub brief: BriefId,
    pub app: App,
    /// Library entity of each local entity id of `app.entities`.
    pub global: Vec<EntityRef>,
    /// Where `Esc` goes back to.
    pub back: Screen,
}

/// Everything the library screens show.
pub struct LibraryView {
    pub lib: Library,
    indexer: Option<Indexer>,
    pub progress: Progress,
    last_refresh: Instant,
    pub screen: Screen,
    pub focus: Focus,
    /// Typing a filter into the focused list.
    pub typing: bool,
    pub brief_filter: String,
    pub briefs: Vec<BriefId>,
    pub brief_cursor: Cursor,
    pub entity_filter: String,
    pub entities: Vec<EntityRef>,
    pub entity_cursor: Cursor,
    pub concordance: Option<Concordance>,
    pub timeline: Option<TimelineView>,
    pub reading: Option<Reading>,
    /// Reading position (first byte on screen) of each brief opened before.
    positions: HashMap<PathBuf, usize>,
    /// Rescans of the folders while open; `None` in tests that drive changes themselves.
    pub watch: Option<watch::Watch>,
    /// Texts of briefs shown in the concordance, read on demand.
    pub texts: HashMap<BriefId, Option<Arc<str>>>,
    pub width: u16,
    pub height: u16,
    pub notice: Option<String>,
    pub theme: Theme,
    /// Where corrections made in a brief are saved.
    pub edge: super::effects::Edge,
    /// The corrections applied to a brief extracted afresh (changed since indexed).
    pub corrections: Arc<crate::entities::Corrections>,
    /// The wheel moves through lists and the open brief takes clicks (`[reader] mouse`).
    pub mouse: bool,
}

/// Rows of list content on a screen `height` tall (header, column titles, status line).
pub fn list_height(height: u16) -> usize {
    usize::from(height.saturating_sub(4)).max(1)
}

impl LibraryView {
    /// A view on `lib`, taking in `indexer`'s briefs as they arrive (if still indexing).
    pub fn new(mut lib: Library, indexer: Option<Indexer>) -> LibraryView {
        lib.refresh();
        let progress = indexer.as_ref().map(Indexer::progress).unwrap_or_default();
        let mut v = LibraryView {
            lib,
            indexer,
            progress,
            last_refresh: Instant::now(),
            screen: Screen::List,
            focus: Focus::Briefs,
            typing: false,
            brief_filter: String::new(),
            briefs: Vec::new(),
            brief_cursor: Cursor::default(),
            entity_filter: String::new(),
            entities: Vec::new(),
            entity_cursor: Cursor::default(),
            concordance: None,
            timeline: None,
            reading: None,
            positions: HashMap::new(),
            watch: None,
            texts: HashMap::new(),
            edge: super::effects::Edge::default(),
            corrections: Arc::default(),
            width: 80,
            height: 24,
            notice: None,
            theme: Theme::default(),
            mouse: true,
        };
        v.rows_changed();
        v
    }

    /// Whether the index is still being built.
    pub fn indexing(&self) -> bool {
        self.indexer.is_some()
    }

    /// Takes in indexed briefs; refreshes the lists at most a few times a second,
    /// and saves the cache once the index is complete.
    pub fn tick(&mut self) {
        let Some(ix) = self.indexer.as_mut() else {
            self.pick_up_changes();
            return;
        };
        let got = self.lib.absorb(ix);
        self.progress = ix.progress();
        let done = self.progress.finished();
        if done || (got && self.last_refresh.elapsed() >= Duration::from_millis(400)) {
            self.lib.refresh();
            self.last_refresh = Instant::now();
            self.rows_changed();
        }
        if done {
            self.indexer = None;
            if let Err(e) = self.lib.save() {
                self.notice = Some(format!("index not cached: {e}"));
            }
        }
    }

    /// Reopens the library when a rescan found briefs added, changed or removed. Only
    /// on the list screen (brief ids change), and the cursor stays on the same file.
    fn pick_up_changes(&mut self) {
        if self.screen != Screen::List || self.typing {
            return;
        }
        let Some(w) = self.watch.as_mut() else { return };
        let Some(found) = w.poll() else { return };
        let (changed, removed) = watch::changes(&self.lib, &found);
        if changed == 0 && removed == 0 {
            return;
        }
        let _ = self.lib.save();
        let keep = self
            .briefs
            .get(self.brief_cursor.at)
            .and_then(|&id| self.lib.brief(id))
            .map(|b| b.path.clone());
        let (lib, ix) = crate::library::open(&w.paths, &w.opts);
        self.lib = lib;
        self.progress = ix.progress();
        self.indexer = Some(ix);
        self.concordance = None;
        self.timeline = None;
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
        self.notice = Some(format!(
            "changed on disk: {changed} new or changed, {removed} removed"
        ));
    }

    /// Recomputes the filtered rows, keeping each cursor on the same item.
    fn rows_changed(&mut self) {
        let keep = self.briefs.get(self.brief_cursor.at).copied();
        self.briefs = self.lib.filter(&self.brief_filter);
        if let Some(i) = keep.and_then(|id| self.briefs.iter().position(|&b| b == id)) {
            self.brief_cursor.at = i;
        }
        self.brief_cursor.moved(0, self.briefs.len());
        let keep = self.entities.get(self.entity_cursor.at).copied();
        let needle = self.entity_filter.to_lowercase();
        self.entities = self
            .lib
            .ranking()
            .iter()
            .copied()
            .filter(|&e| {
                needle.is_empty()
                    || self.lib.entities()[e as usize]
                        .name
                        .to_lowercase()
                        .contains(&needle)
            })
            .collect();
        if let Some(i) = keep.and_then(|id| self.entities.iter().position(|&e| e == id)) {
            self.entity_cursor.at = i;
        }
        self.entity_cursor.moved(0, self.entities.len());
        self.follow();
    }

    fn follow(&mut self) {
        let h = list_height(self.height);
        self.brief_cursor.follow(h);
        self.entity_cursor.follow(h);
        if let Some(c) = self.concordance.as_mut() {
            c.cursor.follow(h);
        }
        if let Some(t) = self.timeline.as_mut() {
            t.cursor.follow(h);
        }
        self.load_visible_texts();
    }

    /// Reads the briefs the concordance or timeline screen shows (and forgets far-away ones).
    fn load_visible_texts(&mut self) {
        let h = list_height(self.height);
        let wanted: Vec<BriefId> = match (self.screen, &self.concordance, &self.timeline) {
            (Screen::Concordance, Some(c), _) => c
                .hits
                .iter()
                .skip(c.cursor.top)
                .take(h)
                .map(|hit| hit.brief)
                .collect(),
            (Screen::Timeline, _, Some(t)) => t
                .rows
                .iter()
                .skip(t.cursor.top)
                .take(h)
                .map(|&(b, _)| b)
                .collect(),
            _ => return,
        };
        if self.texts.len() > 256 {
            self.texts.retain(|b, _| wanted.contains(b));
        }
        for b in wanted {
            let lib = &self.lib;
            self.texts
                .entry(b)
                .or_insert_with(|| lib.text(b).ok().map(Arc::from));
        }
    }

    /// Applies a key; returns true when folio should quit.
    pub fn key(&mut self, key: Key) -> bool {
        if key == Key::ctrl('c') {
            return true;
        }
        if self.screen != Screen::Reading {
            self.notice = None;
        }
        match self.screen {
            Screen::Reading => return self.reading_key(key),
            _ if self.typing => self.filter_key(key),
            Screen::List => return self.list_key(key),
            Screen::Concordance => return self.concordance_key(key),
            Screen::Timeline => return self.timeline_key(key),
        }
        false
    }

    /// The terminal is now `w`×`h`.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.width = w;
        self.height = h;
        if let Some(r) = self.reading.as_mut() {
            r.app.update(Action::Resize(w, h));
        }
        self.follow();
    }

    fn list_key(&mut self, key: Key) -> bool {
        let page = list_height(self.height) as isize;
        let len = match self.focus {
            Focus::Briefs => self.briefs.len(),
            Focus::Entities => self.entities.len(),
        };
        let cursor = match self.focus {
            Focus::Briefs => &mut self.brief_cursor,
            Focus::Entities => &mut self.entity_cursor,
        };
        match (key.code, key.mods.contains(KeyModifiers::CONTROL)) {
            (KeyCode::Char('q'), false) => return true,
            (KeyCode::Char('j') | KeyCode::Down, _) => cursor.moved(1, len),
            (KeyCode::Char('k') | KeyCode::Up, _) => cursor.moved(-1, len),
            (KeyCode::PageDown, _) | (KeyCode::Char('d'), true) => cursor.moved(page, len),
            (KeyCode::PageUp, _) | (KeyCode::Char('u'), true) => cursor.moved(-page, len),
            (KeyCode::Char('g') | KeyCode::Home, _) => cursor.at = 0,
            (KeyCode::Char('G') | KeyCode::End, _) => cursor.moved(len as isize, len),
            (KeyCode::Tab | KeyCode::BackTab, _) => {
                self.focus = match self.focus {
                    Focus::Briefs => Focus::Entities,
                    Focus::Entities => Focus::Briefs,
                }
            }
            (KeyCode::Char('/'), false) => self.typing = true,
            (KeyCode::Char('t'), false) => {
                let entity = match self.focus {
                    Focus::Entities => self.entities.get(self.entity_cursor.at).copied(),
                    Focus::Briefs => None,
                };
                self.open_timeline(entity);
            }
            (KeyCode::Esc, _)
                if !self.brief_filter.is_empty() || !self.entity_filter.is_empty() =>
            {
                self.brief_filter.clear();
                self.entity_filter.clear();
                self.rows_changed();
            }
            (KeyCode::Enter, _) => match self.focus {
                Focus::Briefs => {
                    if let Some(&id) = self.briefs.get(self.brief_cursor.at) {
                        self.open_brief(id, Target::Resume);
                    }
                }
                Focus::Entities => {
                    if let Some(&e) = self.entities.get(self.entity_cursor.at) {
                        self.open_concordance(e);
                    }
                }
            },
            _ => {}
        }
        self.follow();
        false
    }

    fn filter_key(&mut self, key: Key) {
        let in_concordance = self.screen == Screen::Concordance;
        let filter = match self.focus {
            Focus::Briefs => &mut self.brief_filter,
            Focus::Entities => &mut self.entity_filter,
        };
        match key.code {
            KeyCode::Enter => self.typing = false,
            KeyCode::Esc => {
                filter.clear();
                self.typing = false;
            }
            KeyCode::Backspace => {
                filter.pop();
            }
            KeyCode::Char(c)
                if !key
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    && !in_concordance =>
            {
                filter.push(c)
            }
            _ => return,
        }
        self.rows_changed();
    }

    fn reading_key(&mut self, key: Key) -> bool {
        let walking = self.walking();
        let Some(r) = self.reading.as_mut() else {
            self.screen = Screen::List;
            return false;
        };
        let plain = r.app.mode == AppMode::Normal;
        if plain && key.code == KeyCode::Esc {
            let nothing_to_clear = r.app.selected.is_none()
                && r.app.search.query.is_empty()
                && r.app.sidebar.filter.is_empty();
            if nothing_to_clear || walking {
                self.close_brief();
                return false;
            }
        }
        if plain && walking && r.app.search.hits.is_empty() {
            match key.code {
                KeyCode::Char('n') => {
                    self.walk(1);
                    return false;
                }
                KeyCode::Char('N') => {
                    self.walk(-1);
                    return false;
                }
                _ => {}
            }
        }
        let Some(action) = r.app.action_for_key(key) else {
            return false;
        };
        match r.app.update(action) {
            Some(effect) => super::effects::run(&mut r.app, effect, &self.edge),
            None => false,
        }
    }

    /// Opens brief `id` in the reader at `target`; `Esc` comes back to the current screen.
    pub fn open_brief(&mut self, id: BriefId, target: Target) {
        if let Some(r) = self.reading.take() {
            self.remember(&r);
        }
        let back = match self.screen {
            Screen::Reading => match target {
                Target::Hit(_) => Screen::Concordance,
                Target::Event(_) => Screen::Timeline,
                Target::Resume => Screen::List,
            },
            other => other,
        };
        match reader_for(
            &self.lib,
            id,
            (self.width, self.height),
            back,
            &self.corrections,
        ) {
            Ok(mut r) => {
                r.app.theme = self.theme.clone();
                // The brief's notes, from the same store as when it is opened alone. A
                // feed item's are found by its text only: its path is its siblings' too.
                let path = self
                    .lib
                    .brief(id)
                    .filter(|b| b.item.is_none())
                    .map(|b| b.path.clone());
                let edge = self.edge.clone().for_brief(path);
                super::effects::run(&mut r.app, super::Effect::OpenNotes, &edge);
                match target {
                    Target::Hit(h) => show_hit(&mut r, &h),
                    Target::Event(e) => show_event(&mut r, e as usize),
                    Target::Resume => {
                        let path = self.lib.brief(id).map(|b| b.path.clone());
                        if let Some(&pos) = path.and_then(|p| self.positions.get(&p)) {
                            r.app.view.top = r.app.view.row_of(&r.app.flow, pos);
                        }
                        r.app.notice = Some("Esc: back to the library".into());
                    }
                }
                self.reading = Some(r);
                self.screen = Screen::Reading;
            }
            Err(e) => {
                let name = self
                    .lib
                    .brief(id)
                    .map(|b| b.path.display().to_string())
                    .unwrap_or_default();
                self.notice = Some(format!("{name}: {e}"));
                self.screen = back;
            }
        }
    }

    fn remember(&mut self, r: &Reading) {
        if let Some(b) = self.lib.brief(r.brief) {
            self.positions.insert(b.path.clone(), r.app.top_byte());
        }
    }

    /// Back from the reader to the screen it was opened from, remembering the position.
    fn close_brief(&mut self) {
        if let Some(r) = self.reading.take() {
            self.remember(&r);
            self.screen = r.back;
        } else {
            self.screen = Screen::List;
        }
        self.follow();
    }
}

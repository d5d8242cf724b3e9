//! The library in the terminal: a list of briefs (newest first), entities
//! across briefs with brief and mention counts (`/` filters them), a search of
//! every brief's text (`/` on the briefs), an entity's concordance, one
//! timeline across briefs, and the reader on one brief with `Esc` back to
//! where it was opened from.
//!
//! Built like the reader: keys become actions through the `library` context of
//! the user's keymap ([`LibraryView::action_for_key`]), one
//! [`LibraryView::update`] applies them and news from the edge, and returns
//! [`LibEffect`]s (reading a brief, saving the index) that [`edge`] carries out.
//! [`widget`] renders the state and changes nothing; [`run`] is the terminal loop.

mod concordance;
pub mod edge;
mod lists;
mod map;
mod mouse;
pub mod msg;
mod notes;
mod profile;
pub mod reader;
mod run;
mod search;
mod timeline;
pub mod watch;
pub mod widget;

pub use edge::{LibEdge, Session};
pub use msg::{LibAction, LibEffect};
pub use run::run;

use super::action::Action;
use super::app::{App, Mode as AppMode};
use super::help::{self, Help, HelpScroll};
use super::keymap::{Context, Key};
use super::notices::Notices;
use super::settings::Settings;
use crate::document::Span;
use crate::library::{
    BriefId, EntityRef, Hit, LibNote, Library, Profile, Progress, Query, TextHit,
};
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
    /// The hits of a search of every brief's text.
    Search,
    /// The notes of every brief, newest first.
    Notes,
    /// One entity's profile: activity over time, its company, first and last seen.
    Profile,
    /// One brief in the reader.
    Reading,
    /// The map of the library's places.
    Map,
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

    /// Moves by a list movement `action` in a list of `len` rows, `page` tall;
    /// false when the action is not a movement.
    fn step(&mut self, action: &Action, len: usize, page: usize) -> bool {
        let page = page as isize;
        match action {
            Action::MoveDown | Action::MoveRight => self.moved(1, len),
            Action::MoveUp | Action::MoveLeft => self.moved(-1, len),
            Action::PageDown => self.moved(page, len),
            Action::PageUp => self.moved(-page, len),
            Action::HalfPageDown => self.moved((page / 2).max(1), len),
            Action::HalfPageUp => self.moved(-(page / 2).max(1), len),
            Action::GoTop => self.at = 0,
            Action::GoBottom => self.moved(len as isize, len),
            _ => return false,
        }
        true
    }
}

/// An entity's mentions across the library.
pub struct Concordance {
    pub entity: EntityRef,
    /// Only the sentences it shares with this entity (from a profile).
    pub with: Option<EntityRef>,
    /// Where `Esc` goes.
    pub back: Screen,
    pub hits: Vec<Hit>,
    pub cursor: Cursor,
    /// The last walk went round from one end to the other.
    pub wrapped: bool,
}

/// One timeline across the library, maybe only the events naming one entity.
pub struct TimelineView {
    /// `(brief, index into its events)`, in date order.
    pub rows: Vec<(BriefId, u32)>,
    pub cursor: Cursor,
    pub entity: Option<EntityRef>,
}

/// A search of every brief's text: its hits, newest brief first, as they are found.
pub struct SearchView {
    pub query: Query,
    pub hits: Vec<TextHit>,
    /// Briefs with at least one hit.
    pub briefs: usize,
    pub cursor: Cursor,
    /// Every brief has been searched.
    pub done: bool,
    /// The last walk went round from one end to the other.
    pub wrapped: bool,
}

/// The notes of every brief, newest first, maybe only those with a tag.
pub struct NotesView {
    pub notes: Vec<LibNote>,
    /// Indices into `notes` of the rows shown.
    pub shown: Vec<usize>,
    /// Only notes with this tag (without `#`); empty for all.
    pub tag: String,
    pub cursor: Cursor,
    /// The edge is still gathering them.
    pub loading: bool,
}

/// An entity's profile on screen, the cursor on the entities it keeps company with.
pub struct ProfileView {
    pub profile: Profile,
    pub cursor: Cursor,
    /// Profiles gone through from here (`Esc` goes back through them).
    pub trail: Vec<EntityRef>,
    /// Where `Esc` goes after the trail.
    pub back: Screen,
}

/// What the prompt being typed is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// The entity list's filter.
    Entities,
    /// A search of every brief's text.
    Search,
    /// The notes list's tag.
    Tag,
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
    /// At a hit of the library's search (a byte span), with the search active.
    Found(Span),
    /// At the note with this index in the notes list.
    Note(usize),
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
    /// The user's theme, keys, wrap width and mouse, for the lists and every brief opened.
    pub settings: Settings,
    /// How far the background index is; done when `done == total`.
    pub progress: Progress,
    last_refresh: Option<Instant>,
    pub screen: Screen,
    pub focus: Focus,
    /// Typing into the prompt (what for: `prompt`).
    pub typing: bool,
    pub prompt: Prompt,
    /// The search being typed.
    pub search_input: String,
    pub briefs: Vec<BriefId>,
    pub brief_cursor: Cursor,
    /// The user moved the brief cursor: it stays on its brief as rows arrive
    /// (until then it stays on the first row, the newest brief).
    brief_moved: bool,
    pub entity_filter: String,
    pub entities: Vec<EntityRef>,
    pub entity_cursor: Cursor,
    /// The user moved the entity cursor (see `brief_moved`).
    entity_moved: bool,
    pub concordance: Option<Concordance>,
    pub timeline: Option<TimelineView>,
    pub search: Option<SearchView>,
    pub notes: Option<NotesView>,
    pub profile: Option<ProfileView>,
    pub reading: Option<Reading>,
    /// The map of the library's places, while it is open (kept under the
    /// concordance of a place opened from it, which goes back to it).
    pub map: Option<super::app::MapView>,
    /// Reading position (first byte on screen) of each brief opened before.
    positions: HashMap<PathBuf, usize>,
    /// Texts of briefs shown in the concordance or timeline, read on demand.
    pub texts: HashMap<BriefId, Option<Arc<str>>>,
    pub width: u16,
    pub height: u16,
    /// Messages for the status line, none lost (see [`Notices`]).
    pub notices: Notices,
    /// The `?` help, when shown, and how far it is scrolled.
    pub help: Option<HelpScroll>,
    /// Briefs new or changed, and removed, found by the rescan being acted on.
    reopening: (usize, usize),
}

/// Rows of list content on a screen `height` tall (header, column titles, status line).
pub fn list_height(height: u16) -> usize {
    usize::from(height.saturating_sub(4)).max(1)
}

/// How often the lists are recomputed while briefs arrive from the index.
const REFRESH_EVERY: Duration = Duration::from_millis(400);

impl LibraryView {
    /// A view on `lib` with the user's `settings`.
    pub fn new(mut lib: Library, settings: Settings) -> LibraryView {
        lib.refresh();
        let mut v = LibraryView {
            lib,
            settings,
            progress: Progress::default(),
            last_refresh: None,
            screen: Screen::List,
            focus: Focus::Briefs,
            typing: false,
            prompt: Prompt::Entities,
            search_input: String::new(),
            briefs: Vec::new(),
            brief_cursor: Cursor::default(),
            brief_moved: false,
            entity_filter: String::new(),
            entities: Vec::new(),
            entity_cursor: Cursor::default(),
            entity_moved: false,
            concordance: None,
            timeline: None,
            search: None,
            notes: None,
            profile: None,
            reading: None,
            map: None,
            positions: HashMap::new(),
            texts: HashMap::new(),
            width: 80,
            height: 24,
            notices: Notices::default(),
            help: None,
            reopening: (0, 0),
        };
        v.rows_changed();
        v
    }

    /// Whether the index is still being built.
    pub fn indexing(&self) -> bool {
        !self.progress.finished()
    }

    /// The notice on the status line, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notices.current()
    }

    /// What the library's `?` help lists.
    pub fn help_content(&self) -> Help<'_> {
        Help {
            keymap: &self.settings.keymap,
            contexts: help::LIBRARY,
            mouse: self.settings.mouse,
        }
    }

    /// The action a key stands for on the screen showing: the reader's keys in
    /// an open brief (with `Esc` and `n`/`N` leading back to the library when
    /// the brief has nothing of its own for them), the `library` context's
    /// elsewhere, the prompt's while a filter is typed.
    pub fn action_for_key(&mut self, key: Key) -> Option<LibAction> {
        let keymap = &self.settings.keymap;
        if self.help.is_some() {
            return keymap.action_in(Context::Library, key).map(LibAction::Do);
        }
        if self.screen == Screen::Reading {
            return self.reading_action(key);
        }
        if self.typing {
            return super::app::prompt_key(key).map(LibAction::Do);
        }
        if self.screen == Screen::Map {
            return keymap.action_in(Context::Map, key).map(LibAction::Do);
        }
        keymap.action_in(Context::Library, key).map(LibAction::Do)
    }

    /// A key in the open brief, as its reader takes it, but for leaving it.
    fn reading_action(&mut self, key: Key) -> Option<LibAction> {
        let walking = self.walking();
        let searching = self.walking_search();
        let r = self.reading.as_mut()?;
        let action = r.app.action_for_key(key)?;
        if r.app.mode != AppMode::Normal {
            return Some(LibAction::Reader(action));
        }
        let nothing_to_clear = r.app.selected.is_none()
            && r.app.selection.is_none()
            && r.app.search.query.is_empty()
            && r.app.sidebar.filter.is_empty();
        Some(match action {
            Action::ClearSelection if nothing_to_clear || walking || searching => LibAction::Back,
            Action::NextMatch if searching => LibAction::Walk(1),
            Action::PrevMatch if searching => LibAction::Walk(-1),
            Action::NextMatch if walking && r.app.search.hits.is_empty() => LibAction::Walk(1),
            Action::PrevMatch if walking && r.app.search.hits.is_empty() => LibAction::Walk(-1),
            other => LibAction::Reader(other),
        })
    }

    /// Applies `action`; returns what the edge must do.
    pub fn update(&mut self, action: LibAction) -> Option<LibEffect> {
        match action {
            LibAction::Do(a) => {
                self.notices.dismiss();
                let effect = if self.help.is_some() {
                    self.help_action(a)
                } else {
                    self.act(a)
                };
                self.follow();
                effect.or_else(|| self.texts_wanted())
            }
            LibAction::Reader(a) => {
                let r = self.reading.as_mut()?;
                r.app.update(a).map(LibEffect::Reader)
            }
            LibAction::Back => {
                self.close_brief();
                self.texts_wanted()
            }
            LibAction::Walk(dir) if self.walking_search() => self.search_walk(dir),
            LibAction::Walk(dir) => self.walk(dir),
            LibAction::Resize(w, h) => {
                self.width = w;
                self.height = h;
                if let Some(r) = self.reading.as_mut() {
                    r.app.update(Action::Resize(w, h));
                }
                self.follow();
                self.texts_wanted()
            }
            LibAction::Indexed(done, progress) => self.indexed(done, progress),
            LibAction::Rescanned(found) => self.rescanned(&found),
            LibAction::Reopened(lib, progress) => {
                self.reopened(*lib, progress);
                None
            }
            LibAction::BriefOpened(result, target) => {
                self.brief_opened(result, target);
                None
            }
            LibAction::SearchFound(query, found) => {
                self.search_found(&query, found);
                self.texts_wanted()
            }
            LibAction::NotesRead(notes, problems) => {
                self.notes_read(notes, problems);
                None
            }
            LibAction::TextsRead(texts) => {
                self.texts.extend(texts);
                None
            }
            LibAction::IndexSaved(Err(e)) => {
                self.notices.push(format!("index not cached: {e}"));
                None
            }
            LibAction::IndexSaved(Ok(())) => None,
        }
    }

    /// An action of the `library` context on the screen showing.
    fn act(&mut self, a: Action) -> Option<LibEffect> {
        match a {
            Action::Quit => return Some(LibEffect::Quit),
            Action::ToggleHelp => {
                self.help = Some(HelpScroll::default());
                return None;
            }
            _ => {}
        }
        if self.typing {
            return self.filter_action(a);
        }
        match self.screen {
            Screen::List => self.list_action(a),
            Screen::Concordance => self.concordance_action(a),
            Screen::Timeline => self.timeline_action(a),
            Screen::Map => self.map_action(a),
            Screen::Search => self.search_action(a),
            Screen::Notes => self.notes_action(a),
            Screen::Profile => self.profile_action(a),
            Screen::Reading => None,
        }
    }

    /// A key while the help shows: movements scroll it; help, quit and `Esc` close it.
    fn help_action(&mut self, a: Action) -> Option<LibEffect> {
        match a {
            Action::ToggleHelp | Action::Quit | Action::ClearSelection => self.help = None,
            other => {
                let screen = ratatui::layout::Rect::new(0, 0, self.width, self.height);
                let scroll = self.help.unwrap_or_default();
                self.help = Some(scroll.after(&self.help_content(), screen, &other));
            }
        }
        None
    }

    /// Briefs arrived from the background index: taken in, and the lists
    /// recomputed at most a few times a second; the cache saved once complete.
    fn indexed(
        &mut self,
        done: Vec<crate::library::Done>,
        progress: Progress,
    ) -> Option<LibEffect> {
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
    fn rescanned(&mut self, found: &crate::library::Scan) -> Option<LibEffect> {
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
    fn reopened(&mut self, lib: Library, progress: Progress) {
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

    /// Recomputes the filtered rows, keeping each cursor on the same item (the
    /// brief cursor only once the user moved it).
    fn rows_changed(&mut self) {
        let keep = self.briefs.get(self.brief_cursor.at).copied();
        self.briefs = self.lib.order().to_vec();
        if let Some(i) = keep
            .filter(|_| self.brief_moved)
            .and_then(|id| self.briefs.iter().position(|&b| b == id))
        {
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
        if let Some(i) = keep
            .filter(|_| self.entity_moved)
            .and_then(|id| self.entities.iter().position(|&e| e == id))
        {
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
        if let Some(s) = self.search.as_mut() {
            s.cursor.follow(h);
        }
        if let Some(n) = self.notes.as_mut() {
            n.cursor.follow(h);
        }
        if let Some(p) = self.profile.as_mut() {
            p.cursor.follow(profile::company_height(self.height));
        }
    }

    /// The briefs whose text the concordance or timeline screen shows and that
    /// are not read yet; far-away texts are forgotten.
    fn texts_wanted(&mut self) -> Option<LibEffect> {
        let h = list_height(self.height);
        let wanted: Vec<BriefId> = match (self.screen, &self.concordance, &self.timeline) {
            (Screen::Search, _, _) => {
                let s = self.search.as_ref()?;
                s.hits
                    .iter()
                    .skip(s.cursor.top)
                    .take(h)
                    .map(|hit| hit.brief)
                    .collect()
            }
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
            _ => return None,
        };
        if self.texts.len() > 256 {
            self.texts.retain(|b, _| wanted.contains(b));
        }
        let mut missing: Vec<BriefId> = wanted
            .into_iter()
            .filter(|b| !self.texts.contains_key(b))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        (!missing.is_empty()).then_some(LibEffect::ReadTexts(missing))
    }

    /// Asks the edge to open brief `id` in the reader at `target`; `Esc` comes
    /// back to the current screen (or, from an open brief, to its screen).
    pub fn open_brief(&mut self, id: BriefId, target: Target) -> Option<LibEffect> {
        let back = match self.screen {
            Screen::Reading => self.reading.as_ref().map_or(Screen::List, |r| r.back),
            other => other,
        };
        Some(LibEffect::OpenBrief { id, target, back })
    }

    /// The edge read the brief asked for: it shows at `target`, or the
    /// screen says why it could not be read.
    fn brief_opened(&mut self, result: Result<Box<Reading>, String>, target: Target) {
        match result {
            Ok(r) => {
                let mut r = *r;
                if let Some(old) = self.reading.take() {
                    self.remember(&old);
                }
                match target {
                    Target::Hit(h) => reader::show_hit(&mut r, &h),
                    Target::Event(e) => reader::show_event(&mut r, e as usize),
                    Target::Note(i) => {
                        if let Some(n) = self.notes.as_ref().and_then(|n| n.notes.get(i)) {
                            r.app.show_note(n.entry.id());
                        }
                    }
                    Target::Found(span) => {
                        if let Some(s) = &self.search {
                            r.app.search_for(s.query.shown(), span.start);
                        }
                    }
                    Target::Resume => {
                        let path = self.lib.brief(r.brief).map(|b| b.path.clone());
                        if let Some(&pos) = path.and_then(|p| self.positions.get(&p)) {
                            r.app.view.top = r.app.view.row_of(&r.app.flow, pos);
                        }
                        let back = r.app.keymap.hint(&Action::ClearSelection);
                        r.app.answer(format!("{back}: back to the library"));
                    }
                }
                self.reading = Some(r);
                self.screen = Screen::Reading;
                match target {
                    Target::Hit(_) => self.note_walk(),
                    Target::Found(_) => self.note_search_walk(),
                    _ => {}
                }
            }
            Err(e) => self.notices.push(e),
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

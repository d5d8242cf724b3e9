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
//! Each screen's state and actions live in a module of its own (`lists`,
//! `concordance`, `search`, `timeline`, `notes`, `profile`, `map`), the open
//! brief in `reading`, the index's and the folder watch's news in `news`.

mod concordance;
mod cursor;
pub mod edge;
mod lists;
mod map;
mod mouse;
pub mod msg;
mod news;
mod notes;
mod profile;
pub mod reader;
mod reading;
mod run;
mod search;
mod timeline;
pub mod watch;
pub mod widget;

pub use concordance::Concordance;
pub use cursor::Cursor;
pub use edge::{LibEdge, Session};
pub use msg::{LibAction, LibEffect};
pub use notes::NotesView;
pub use profile::ProfileView;
pub use reading::{Reading, Target};
pub use run::run;
pub use search::SearchView;
pub use timeline::TimelineView;

use super::action::Action;
use super::help::{self, Help, HelpScroll};
use super::keymap::{Context, Key};
use super::notices::Notices;
use super::settings::Settings;
use crate::library::{BriefId, EntityRef, Library, Progress};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

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
}

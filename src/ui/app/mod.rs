//! The reader's state and the one place it changes: `App::update` (in
//! `update`) applies an [`Action`] and returns the effects (quitting, later
//! saving) for the edge to run. Nothing here touches the terminal or the disk.
//! Which action a key means is `keys`'; what the background hands over is
//! taken in by `loaded`; the other modules each hold one kind of action.

mod annotate;
mod correct;
mod events;
mod keys;
mod loaded;
mod map;
mod mouse;
mod navigate;
mod prompt;
mod reading;
mod selected;
mod tail;
mod update;

use super::action::Action;
use super::cursor::{self, Selection};
use super::editor::EditOp;
use super::extraction::Extraction;
use super::help::{self, Help, HelpScroll};
pub use super::keymap::Focus;
use super::keymap::{Context, Key, Keymap, Lookup};
use super::layout;
use super::notices::{Notices, Source};
use super::search;
use super::settings::Settings;
use super::theme::Theme;
use super::viewport::{Flow, RowContent, Viewport};
use crate::document::{Document, Span};
use crate::entities::store::Change;
use crate::entities::{Entities, EntityId, Kind};
use crate::timeline::Event;
pub use annotate::{EditTarget, Editing, Notes, Panel};
pub use correct::Pending;
use crossterm::event::{KeyCode, KeyModifiers};
pub use events::Shown;
use events::ShownEvents;
pub(crate) use keys::prompt_key;
pub use map::MapView;
pub use navigate::Counted;
use ratatui::layout::Rect;
use std::sync::Arc;
use tail::Head;

/// What keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// Typing a search query.
    Search,
    /// Typing a sidebar filter.
    Filter,
    /// Writing a note.
    Editor,
    /// The annotations panel has the keys.
    Notes,
    /// Typing the panel's tag filter.
    NotesFilter,
    /// A correction waits for a choice (a kind, or the entity to merge into).
    Correct,
    /// The map of the places has the keys.
    Map,
}

/// Work for the edge of the program to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Open the brief's annotation store (the whole file is loaded).
    OpenNotes,
    /// Save the annotations (see [`App::take_notes_for_saving`]).
    SaveNotes,
    /// Store this entity correction (merged with the corrections file on disk).
    SaveCorrection(Change),
    /// Remove the newest stored correction equal to this one (undo).
    UndoCorrection(Change),
    /// Read the end of the file being loaded and show it ([`Action::TailRead`]).
    ReadTail,
}

/// The entity sidebar: filter text and the entities it shows, in display order.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    pub filter: String,
    /// Entities shown, grouped by kind, most mentioned first.
    pub rows: Vec<EntityId>,
    pub cursor: usize,
}

/// The search query and its hits.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Span>,
    pub current: Option<usize>,
    /// Where the search started, so hits are taken from there on.
    pub origin: usize,
    /// The hits are of the part of a big file loaded so far: the search runs
    /// again over the whole text when it is in.
    pub partial: bool,
    /// The search of a big text still going on, a step at a time between keys.
    pub scan: Option<search::Scan>,
    /// The scan is of the whole text just loaded (from the file's end shown
    /// apart: `Some(true)`): when it is done, it says what it found.
    pub whole: Option<bool>,
}

/// Everything the reader shows.
pub struct App {
    pub doc: Arc<Document>,
    /// How the brief is named on screen (a file name, or "sample brief").
    pub source: String,
    /// The entities shown: the recognizer's output with the corrections applied.
    pub entities: Arc<Entities>,
    /// The recognizer's own output, kept so corrections re-apply without re-running it.
    pub raw_entities: Arc<Entities>,
    /// The user's corrections, in the order made (stored ones first).
    pub corrections: Vec<Change>,
    /// Per entity: whether a correction names it (marked in the sidebar).
    pub corrected: Vec<bool>,
    /// Corrections made in this session, newest last, for undo.
    made: Vec<Change>,
    /// A correction waiting for the user's choice.
    pub pending: Option<Pending>,
    pub events: Vec<Event>,
    /// Extraction still running in the background.
    pub extracting: bool,
    /// Only the beginning of a big file is loaded yet.
    pub loading: bool,
    /// `G` was pressed while loading: go to the end once the whole file is in.
    pending_bottom: bool,
    /// The beginning, put aside while the file's end is shown during loading.
    head: Option<Box<Head>>,
    pub focus: Focus,
    pub mode: Mode,
    pub view: Viewport,
    /// The text as blocks the viewport wraps.
    pub flow: Flow,
    pub screen: Rect,
    pub selected: Option<EntityId>,
    /// The current mention, an index into `entities.mentions`.
    pub mention: Option<usize>,
    /// The selected entity's mentions ([`App::mentions_of`]).
    selected_mentions: selected::SelectedMentions,
    pub sidebar: Sidebar,
    /// The reading cursor: a sentence index.
    pub cursor: Option<usize>,
    /// The point: the byte the cursor is at, inside sentence `cursor` (a word
    /// start after a jump or a word motion, the sentence's start otherwise).
    pub point: Option<usize>,
    /// The passage being selected, for annotating.
    pub selection: Option<Selection>,
    /// The current timeline event, an index into `events`.
    pub event: Option<usize>,
    /// Show only events whose sentence mentions the selected entity.
    pub timeline_filter: bool,
    /// The events the strip shows ([`App::visible_events`]).
    shown_events: ShownEvents,
    /// How many times `events` was replaced: a filtered list of them is of one.
    events_replaced: u64,
    pub search: Search,
    /// The notice on the status line (the first of `notices`). Setting it inside
    /// `update` says something: `update` files it in `notices`, so it never
    /// overwrites a notice not read yet. Set outside `update`, it shows at once
    /// and the next key reads it.
    pub notice: Option<String>,
    /// Notices not read yet, the one shown first; the next key reads it.
    pub notices: Notices,
    pub keymap: Keymap,
    /// Wrap the text at this many columns at most (0: the pane's width).
    pub wrap_width: u16,
    /// The first key of a two-key sequence, waiting for the second.
    pub pending_key: Option<Key>,
    pub theme: Theme,
    /// The brief's annotations, the note editor and the annotations panel.
    pub notes: Notes,
    /// Mouse clicks and the wheel act (`[reader] mouse`); off, mouse events are ignored.
    pub mouse: bool,
    /// How far the `?` help is scrolled.
    pub help: HelpScroll,
    /// The map of the brief's places, while it is open.
    pub map: Option<MapView>,
}

impl App {
    /// A reader on `doc` whose entities and timeline arrive later through [`Action::Extracted`].
    pub fn new(doc: Arc<Document>, source: String) -> App {
        App {
            flow: Flow::new(doc.clone()),
            doc,
            source,
            entities: Arc::default(),
            raw_entities: Arc::default(),
            corrections: Vec::new(),
            corrected: Vec::new(),
            made: Vec::new(),
            pending: None,
            events: Vec::new(),
            extracting: true,
            loading: false,
            pending_bottom: false,
            head: None,
            focus: Focus::Pane,
            mode: Mode::Normal,
            view: Viewport::default(),
            screen: Rect::default(),
            selected: None,
            mention: None,
            selected_mentions: selected::SelectedMentions::default(),
            sidebar: Sidebar::default(),
            cursor: None,
            point: None,
            selection: None,
            event: None,
            timeline_filter: false,
            shown_events: ShownEvents::default(),
            events_replaced: 0,
            search: Search::default(),
            notice: None,
            notices: Notices::default(),
            keymap: Keymap::default(),
            pending_key: None,
            wrap_width: 0,
            theme: Theme::default(),
            notes: Notes::default(),
            mouse: true,
            help: HelpScroll::default(),
            map: None,
        }
    }

    /// A reader on `doc` with the user's `settings` (theme, keys, wrap width, mouse):
    /// how the reader is built for a brief opened alone and for one opened from a library.
    pub fn configured(doc: Arc<Document>, source: String, settings: &Settings) -> App {
        let mut app = App::new(doc, source);
        app.theme = settings.theme.clone();
        app.keymap = settings.keymap.clone();
        app.wrap_width = settings.wrap_width;
        app.mouse = settings.mouse;
        app
    }

    /// A reader with extraction done at once (tests, small briefs).
    pub fn with_extraction(doc: Arc<Document>, source: String) -> App {
        let data = Extraction::run(&doc, Vec::new());
        let mut app = App::new(doc, source);
        app.update(Action::Extracted(Box::new(data)));
        app
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.screen = Rect::new(0, 0, w, h);
        if let Some(a) = layout::areas(self.screen) {
            let anchor = self.top_byte();
            let width = match self.wrap_width {
                0 => a.text.width,
                w => a.text.width.min(w),
            };
            self.view.height = usize::from(a.text.height);
            // Keep the same text at the top across a change of width; a change
            // of height alone keeps the top row, the blank between paragraphs too.
            if self.view.width != usize::from(width) {
                self.view.width = usize::from(width);
                self.view.top = self.view.row_of(&self.flow, anchor);
            }
            self.keep_cursor_on_screen();
        }
    }

    /// Where each widget is on the screen now (the status area grows while a notice shows).
    pub fn areas(&self) -> Option<layout::Areas> {
        let status = super::widgets::StatusLine::height(self, self.screen.width);
        layout::areas_with(self.screen, status)
    }

    /// Whether a search of a big text is still going on (see [`search::Scan`]).
    pub fn searching(&self) -> bool {
        self.search.scan.is_some()
    }

    /// Byte offset of the first text on screen.
    pub fn top_byte(&self) -> usize {
        let lines = self.view.lines(&self.flow, self.view.top.block);
        lines
            .get(self.view.top.line)
            .or(lines.last())
            .map_or(0, |s| s.start)
    }

    /// What the reader's `?` help lists.
    pub fn help_content(&self) -> Help<'_> {
        Help {
            keymap: &self.keymap,
            contexts: help::READER,
            mouse: self.mouse,
        }
    }

    /// Kind of entity `id`.
    pub fn kind_of(&self, id: EntityId) -> Kind {
        self.entities.entities[id].kind
    }
}

pub(super) fn cycle(f: Focus, by: usize) -> Focus {
    const ORDER: [Focus; 3] = [Focus::Pane, Focus::Sidebar, Focus::Timeline];
    let i = ORDER.iter().position(|&x| x == f).unwrap_or(0);
    ORDER[(i + by) % 3]
}

pub(super) fn wrap_index(i: usize, dir: isize, n: usize) -> usize {
    (i as isize + dir).rem_euclid(n as isize) as usize
}

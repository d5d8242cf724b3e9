//! The reader's state and the one place it changes: `App::update` applies an
//! [`Action`] and returns the effects (quitting, later saving) for the edge to
//! run. Nothing here touches the terminal or the disk.

mod annotate;
mod correct;
mod events;
mod keys;
mod map;
mod mouse;
mod navigate;
mod prompt;
mod reading;
mod tail;

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
    pub entities: Entities,
    /// The recognizer's own output, kept so corrections re-apply without re-running it.
    pub raw_entities: Entities,
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
            entities: Entities::default(),
            raw_entities: Entities::default(),
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
            sidebar: Sidebar::default(),
            cursor: None,
            point: None,
            selection: None,
            event: None,
            timeline_filter: false,
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

    /// The action a key stands for in the current mode and focus.
    pub fn action_for_key(&mut self, key: Key) -> Option<Action> {
        if key == Key::ctrl('c') {
            // Never lose a note being written: in the editor Ctrl-C is Esc.
            return Some(if self.mode == Mode::Editor {
                Action::EditorCancel
            } else {
                Action::Quit
            });
        }
        match self.mode {
            Mode::Editor => self.editor_key(key),
            Mode::Notes => self.keymap.action_in(Context::Notes, key),
            Mode::NotesFilter => prompt_key(key),
            Mode::Help => self.help_key(key),
            Mode::Search | Mode::Filter => prompt_key(key),
            Mode::Correct => self.correct_key(key),
            Mode::Map => self.map_key(key),
            Mode::Normal => self.normal_key(key),
        }
    }

    /// A key in normal mode, completing or starting a two-key sequence; a second
    /// key that completes nothing acts on its own.
    pub(super) fn normal_key(&mut self, key: Key) -> Option<Action> {
        if let Some(first) = self.pending_key.take() {
            if let Lookup::Action(a) = self.keymap.lookup(self.focus, Some(first), key) {
                return Some(a);
            }
        }
        match self.keymap.lookup(self.focus, None, key) {
            Lookup::Action(a) => Some(a),
            Lookup::Prefix => {
                self.pending_key = Some(key);
                None
            }
            Lookup::Unbound => None,
        }
    }

    /// Applies `action`; returns what the edge must do. A key press reads the
    /// notice shown; what the action says is queued (see [`Notices`]).
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // Set outside `update` (by the library view): it was on screen, first.
        if let Some(n) = self.notice.take() {
            if self.notices.current() != Some(n.as_str()) {
                self.notices.answer(n);
            }
        }
        let source = Source::of(&action);
        if source == Source::User {
            self.notices.dismiss();
        }
        let effect = self.apply(action);
        if let Some(n) = self.notice.take() {
            self.notices.say(source, n);
        }
        self.notice = self.notices.current().map(str::to_owned);
        effect
    }

    /// Queues `msg` for the status line, after the notices not read yet.
    pub fn say(&mut self, msg: impl Into<String>) {
        self.notices.push(msg);
        self.notice = self.notices.current().map(str::to_owned);
    }

    /// Shows `msg` at once, the answer to what the user just did (from outside
    /// `update`, e.g. the library saying where a walk across briefs is); older
    /// unread notices wait behind it.
    pub fn answer(&mut self, msg: impl Into<String>) {
        self.notices.answer(msg);
        self.notice = self.notices.current().map(str::to_owned);
    }

    /// Applies `action`: the body of [`App::update`].
    fn apply(&mut self, action: Action) -> Option<Effect> {
        let background = matches!(
            action,
            Action::Resize(..)
                | Action::Extracted(_)
                | Action::ExtractedPrefix(_)
                | Action::Loaded(_)
                | Action::TailRead(_)
                | Action::LoadFailed(_)
                | Action::WorkerLost
                | Action::SearchStep
                | Action::CorrectionNotSaved(_)
        );
        if self.mode == Mode::Correct && !background {
            return self.update_correcting(action);
        }
        if self.mode == Mode::Map && !background {
            return self.update_map(action);
        }
        match action {
            Action::Quit => return self.quit(),
            Action::Annotate => self.annotate(),
            Action::ToggleNotes => self.toggle_panel(),
            Action::NextNote => self.step_note(1),
            Action::PrevNote => self.step_note(-1),
            Action::Edit(op) => self.edit_note(op),
            Action::EditorSave => return self.save_editor(),
            Action::EditorCancel => self.cancel_editor(),
            Action::EditorDiscard(yes) => self.discard(yes),
            Action::NoteOpen => self.panel_open(),
            Action::NoteEdit => self.panel_edit(),
            Action::NoteDelete => return self.panel_delete(),
            Action::NoteUndo => return self.panel_undo(),
            Action::NoteFilter => self.panel_filter(),
            Action::NoteConfirm => return self.panel_confirm(),
            Action::NoteMove => return self.panel_move_note(),
            Action::NotesOpened(set, notice) => return self.notes_opened(*set, notice),
            Action::NotesUnavailable(why) => {
                self.notes.unavailable = Some(why);
            }
            Action::NotesSaved(set, error) => self.notes_saved(*set, error),
            Action::MoveDown if self.mode == Mode::Notes => self.panel_move(1),
            Action::MoveUp if self.mode == Mode::Notes => self.panel_move(-1),
            Action::GoTop if self.mode == Mode::Notes => self.panel_move(isize::MIN / 2),
            Action::GoBottom if self.mode == Mode::Notes => self.panel_move(isize::MAX / 2),
            Action::Input(c) if self.mode == Mode::NotesFilter => {
                self.panel_filter_edit(|f| f.push(c))
            }
            Action::InputBackspace if self.mode == Mode::NotesFilter => {
                self.panel_filter_edit(|f| {
                    f.pop();
                })
            }
            Action::InputSubmit if self.mode == Mode::NotesFilter => self.panel_filter_done(true),
            Action::InputCancel if self.mode == Mode::NotesFilter => self.panel_filter_done(false),
            Action::ToggleMap => self.toggle_map(),
            Action::ToggleHelp => {
                self.mode = if self.mode == Mode::Help {
                    // Back to the map when the help was opened over it.
                    if self.map.is_some() {
                        Mode::Map
                    } else {
                        Mode::Normal
                    }
                } else {
                    Mode::Help
                };
                self.help = HelpScroll::default();
            }
            a @ (Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::GoTop
            | Action::GoBottom)
                if self.mode == Mode::Help =>
            {
                self.help = self.help.after(&self.help_content(), self.screen, &a);
            }
            Action::FocusNext => self.focus = cycle(self.focus, 1),
            Action::FocusPrev => self.focus = cycle(self.focus, 2),
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::MoveLeft => self.step_event(-1),
            Action::MoveRight => self.step_event(1),
            Action::PageDown => self.scroll(self.page() as isize),
            Action::PageUp => self.scroll(-(self.page() as isize)),
            Action::HalfPageDown => self.scroll((self.view.height / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll(-((self.view.height / 2).max(1) as isize)),
            Action::ScrollBy(n) => self.scroll(n as isize),
            Action::Click { col, row } => self.click(col, row),
            Action::Wheel { col, row, delta } => self.wheel(col, row, delta),
            Action::GoTop => return self.go_end(false),
            Action::GoBottom => return self.go_end(true),
            Action::Activate => self.activate(),
            Action::NextMatch => self.step_match(1),
            Action::PrevMatch => self.step_match(-1),
            Action::NextEvent => self.step_event(1),
            Action::PrevEvent => self.step_event(-1),
            Action::StartSearch => self.start_prompt(),
            Action::ToggleTimelineFilter => self.toggle_timeline_filter(),
            Action::NextSentence => {
                self.move_cursor(|app, s| (s + 1).min(app.doc.sentences().len().saturating_sub(1)))
            }
            Action::PrevSentence => self.move_cursor(|_, s| s.saturating_sub(1)),
            Action::NextParagraph => self.move_cursor(|app, s| {
                let doc = &app.doc;
                let p = doc.sentences()[s].paragraph;
                doc.paragraphs()
                    .get(p + 1)
                    .map_or(s, |_| doc.sentences_of(p + 1).start)
            }),
            Action::PrevParagraph => self.move_cursor(|app, s| {
                let doc = &app.doc;
                let p = doc.sentences()[s].paragraph;
                let first = doc.sentences_of(p).start;
                if s > first || p == 0 {
                    first
                } else {
                    doc.sentences_of(p - 1).start
                }
            }),
            Action::StartSelection => self.toggle_selection(),
            Action::SelectParagraph => self.select_paragraph(),
            Action::WordForward => self.move_head(cursor::WordMotion::Forward),
            Action::WordEnd => self.move_head(cursor::WordMotion::End),
            Action::WordBack => self.move_head(cursor::WordMotion::Back),
            Action::ClearSelection => self.clear(),
            Action::Input(c) => self.edit_prompt(|s| s.push(c)),
            Action::InputBackspace => self.edit_prompt(|s| {
                s.pop();
            }),
            Action::InputSubmit => {
                if self.mode == Mode::Search
                    && self.search.hits.is_empty()
                    && !self.search.query.is_empty()
                {
                    self.notice = Some(
                        if self.search.partial {
                            prompt::PARTIAL_NO_MATCH
                        } else {
                            "no match"
                        }
                        .into(),
                    );
                }
                self.mode = Mode::Normal;
            }
            Action::InputCancel => {
                match self.mode {
                    Mode::Search => self.search = Search::default(),
                    Mode::Filter => self.set_filter(String::new()),
                    _ => {}
                }
                self.mode = Mode::Normal;
            }
            Action::RetypeEntity => self.start_retype(),
            Action::NotAnEntity => return self.not_an_entity(),
            Action::MergeEntity => self.start_merge(),
            Action::AddEntity => self.start_add(),
            Action::UndoCorrection => return self.undo_correction(),
            Action::PickKind(_)
            | Action::ShowTimeline
            | Action::ShowProfile
            | Action::ShowShared => {}
            Action::CorrectionNotSaved(why) => {
                self.notice = Some(format!(
                    "correction not saved (kept for this session): {why}"
                ));
            }
            Action::Resize(w, h) => self.resize(w, h),
            Action::Loaded(doc) => {
                self.replace_document(doc);
                return Some(Effect::OpenNotes);
            }
            Action::TailRead(tail) => self.show_tail(tail),
            Action::LoadFailed(reason) => {
                self.loading = false;
                self.notice = Some(format!("could not read the rest of the file: {reason}"));
            }
            Action::SearchStep => self.search_step(),
            Action::WorkerLost => {
                self.extracting = false;
                self.loading = false;
                self.notice = Some("entity and date extraction stopped unexpectedly".into());
            }
            Action::Extracted(data) => self.take_extraction(*data, true),
            Action::ExtractedPrefix(data) => self.take_extraction(*data, false),
        }
        None
    }

    /// Takes new entities and events (of the beginning, then of the whole file),
    /// keeping the reader's place: the selected entity by name, the current
    /// mention and event by position.
    fn take_extraction(&mut self, data: Extraction, complete: bool) {
        self.extracting = !complete;
        let Some(data) = self.stash_head_extraction(data) else {
            return;
        };
        let selected = self
            .selected
            .map(|id| self.entities.entities[id].name.clone());
        let mention_at = self.mention.map(|m| self.entities.mentions[m].span.start);
        let event_at = self.event.map(|i| self.events[i].timex.span.start);
        let current = data.corrections == self.corrections;
        self.raw_entities = data.raw;
        self.events = data.events;
        if current {
            // Derived on the background thread: a big file's entities are not
            // corrected again here, where keys wait.
            self.entities = data.entities;
            self.corrected = data.corrected;
        } else {
            self.correct_entities();
        }
        self.selected =
            selected.and_then(|name| self.entities.entities.iter().position(|e| e.name == name));
        self.mention = self.selected.and_then(|id| {
            let at = mention_at?;
            let ms = &self.entities.entities[id].mentions;
            ms.iter()
                .copied()
                .find(|&m| self.entities.mentions[m].span.start >= at)
                .or(ms.last().copied())
        });
        self.event =
            event_at.and_then(|at| self.events.iter().position(|e| e.timex.span.start == at));
        self.refresh_sidebar();
        self.refresh_map();
    }

    /// Swaps in the whole document for the beginning (or end) shown so far,
    /// keeping the same text at the top of the screen.
    fn replace_document(&mut self, doc: Arc<Document>) {
        let top = self.top_in(&doc);
        let bottom = std::mem::take(&mut self.pending_bottom);
        let from_tail = self.take_back_head();
        self.doc = doc;
        self.flow = Flow::new(self.doc.clone());
        self.loading = false;
        self.view.top = match top {
            Some(top) if !bottom => self.view.row_of(&self.flow, top),
            _ => self.view.last_page_top(&self.flow),
        };
        self.search_whole_text(from_tail);
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

//! The reader's state and the one place it changes: `App::update` applies an
//! [`Action`] and returns the effects (quitting, later saving) for the edge to
//! run. Nothing here touches the terminal or the disk.

use super::action::Action;
use super::cursor::{self, Selection};
use super::keymap::{Key, Keymap, Lookup};
use super::layout;
use super::search;
use super::theme::Theme;
use super::viewport::{Flow, Viewport};
use crate::document::{Document, Span};
use crate::entities::{Entities, EntityId, Kind};
use crate::timeline::Event;
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use std::sync::Arc;

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Pane,
    Sidebar,
    Timeline,
}

/// What keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// Typing a search query.
    Search,
    /// Typing a sidebar filter.
    Filter,
}

/// Work for the edge of the program to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
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
}

/// Everything the reader shows.
pub struct App {
    pub doc: Arc<Document>,
    /// How the brief is named on screen (a file name, or "sample brief").
    pub source: String,
    pub entities: Entities,
    pub events: Vec<Event>,
    /// Extraction still running in the background.
    pub extracting: bool,
    /// Only the beginning of a big file is loaded yet.
    pub loading: bool,
    /// `G` was pressed while loading: go to the end once the whole file is in.
    pending_bottom: bool,
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
    /// The passage being selected, for annotating.
    pub selection: Option<Selection>,
    /// The current timeline event, an index into `events`.
    pub event: Option<usize>,
    /// Show only events whose sentence mentions the selected entity.
    pub timeline_filter: bool,
    pub search: Search,
    /// A message for the status line (errors, hints), cleared by the next key.
    pub notice: Option<String>,
    pub keymap: Keymap,
    /// Wrap the text at this many columns at most (0: the pane's width).
    pub wrap_width: u16,
    /// The first key of a two-key sequence, waiting for the second.
    pub pending_key: Option<Key>,
    pub theme: Theme,
}

impl App {
    /// A reader on `doc` whose entities and timeline arrive later through [`Action::Extracted`].
    pub fn new(doc: Arc<Document>, source: String) -> App {
        App {
            flow: Flow::new(doc.clone()),
            doc,
            source,
            entities: Entities::default(),
            events: Vec::new(),
            extracting: true,
            loading: false,
            pending_bottom: false,
            focus: Focus::Pane,
            mode: Mode::Normal,
            view: Viewport::default(),
            screen: Rect::default(),
            selected: None,
            mention: None,
            sidebar: Sidebar::default(),
            cursor: None,
            selection: None,
            event: None,
            timeline_filter: false,
            search: Search::default(),
            notice: None,
            keymap: Keymap::default(),
            pending_key: None,
            wrap_width: 0,
            theme: Theme::default(),
        }
    }

    /// A reader with extraction done at once (tests, small briefs).
    pub fn with_extraction(doc: Arc<Document>, source: String) -> App {
        let entities = crate::entities::extract(&doc);
        let events = crate::timeline::build(&doc, &entities);
        let mut app = App::new(doc, source);
        app.update(Action::Extracted(Box::new((entities, events))));
        app
    }

    /// The action a key stands for in the current mode and focus.
    pub fn action_for_key(&mut self, key: Key) -> Option<Action> {
        if key == Key::ctrl('c') {
            return Some(Action::Quit);
        }
        match self.mode {
            Mode::Help => Some(Action::ToggleHelp),
            Mode::Search | Mode::Filter => match key.code {
                KeyCode::Esc => Some(Action::InputCancel),
                KeyCode::Enter => Some(Action::InputSubmit),
                KeyCode::Backspace => Some(Action::InputBackspace),
                KeyCode::Char(c)
                    if !key
                        .mods
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Input(c))
                }
                _ => None,
            },
            Mode::Normal => self.normal_key(key),
        }
    }

    /// A key in normal mode, completing or starting a two-key sequence; a second
    /// key that completes nothing acts on its own.
    fn normal_key(&mut self, key: Key) -> Option<Action> {
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

    /// Applies `action`; returns what the edge must do.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(
            action,
            Action::Resize(..) | Action::Extracted(_) | Action::Loaded(_)
        ) {
            self.notice = None;
        }
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::ToggleHelp => {
                self.mode = if self.mode == Mode::Help {
                    Mode::Normal
                } else {
                    Mode::Help
                };
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
            Action::GoTop => self.go_end(false),
            Action::GoBottom => self.go_end(true),
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
                    .map_or(s, |next| next.sentences.start)
            }),
            Action::PrevParagraph => self.move_cursor(|app, s| {
                let doc = &app.doc;
                let p = doc.sentences()[s].paragraph;
                let first = doc.paragraphs()[p].sentences.start;
                if s > first || p == 0 {
                    first
                } else {
                    doc.paragraphs()[p - 1].sentences.start
                }
            }),
            Action::StartSelection => self.toggle_selection(),
            Action::SelectParagraph => self.select_paragraph(),
            Action::WordForward => self.move_head(cursor::word_forward),
            Action::WordEnd => self.move_head(cursor::word_end),
            Action::WordBack => self.move_head(cursor::word_back),
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
                    self.notice = Some("no match".into());
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
            Action::Resize(w, h) => self.resize(w, h),
            Action::Loaded(doc) => self.replace_document(doc),
            Action::LoadFailed(reason) => {
                self.loading = false;
                self.notice = Some(format!("could not read the rest of the file: {reason}"));
            }
            Action::WorkerLost => {
                self.extracting = false;
                self.loading = false;
                self.notice = Some("entity and date extraction stopped unexpectedly".into());
            }
            Action::Extracted(data) => {
                let (entities, events) = *data;
                self.entities = entities;
                self.events = events;
                self.extracting = false;
                self.selected = None;
                self.mention = None;
                self.event = None;
                self.refresh_sidebar();
            }
        }
        None
    }

    /// Swaps in the whole document for the beginning shown so far, keeping the view.
    fn replace_document(&mut self, doc: Arc<Document>) {
        let top = self.top_byte();
        self.doc = doc;
        self.flow = Flow::new(self.doc.clone());
        self.loading = false;
        self.view.top = self.view.row_of(&self.flow, top);
        if std::mem::take(&mut self.pending_bottom) {
            self.view.top = self.view.last_page_top(&self.flow);
        }
        if !self.search.query.is_empty() {
            self.search.hits = search::find_all(&self.doc, &self.search.query);
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.screen = Rect::new(0, 0, w, h);
        if let Some(a) = layout::areas(self.screen) {
            let anchor = self.top_byte();
            let width = match self.wrap_width {
                0 => a.text.width,
                w => a.text.width.min(w),
            };
            self.view.width = usize::from(width);
            self.view.height = usize::from(a.text.height);
            // Keep the same text at the top across a change of width.
            self.view.top = self.view.row_of(&self.flow, anchor);
        }
    }

    /// Byte offset of the first text on screen.
    pub fn top_byte(&self) -> usize {
        let lines = self.view.lines(&self.flow, self.view.top.block);
        lines
            .get(self.view.top.line)
            .or(lines.last())
            .map_or(0, |s| s.start)
    }

    fn page(&self) -> usize {
        self.view.height.saturating_sub(2).max(1)
    }

    fn scroll(&mut self, delta: isize) {
        self.view.scroll(&self.flow, delta);
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Pane => self.scroll(delta),
            Focus::Sidebar => {
                let n = self.sidebar.rows.len();
                if n > 0 {
                    let c = self.sidebar.cursor as isize + delta;
                    self.sidebar.cursor = c.clamp(0, n as isize - 1) as usize;
                }
            }
            Focus::Timeline => self.step_event(delta),
        }
    }

    fn go_end(&mut self, bottom: bool) {
        match self.focus {
            Focus::Pane => {
                self.pending_bottom = bottom && self.loading;
                self.view.top = if bottom {
                    self.view.last_page_top(&self.flow)
                } else {
                    Default::default()
                };
            }
            Focus::Sidebar => {
                self.sidebar.cursor = if bottom {
                    self.sidebar.rows.len().saturating_sub(1)
                } else {
                    0
                };
            }
            Focus::Timeline => {
                let shown = self.visible_events();
                if let Some(&i) = if bottom { shown.last() } else { shown.first() } {
                    self.event = Some(i);
                    self.reveal_event();
                }
            }
        }
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::Sidebar => {
                if let Some(&id) = self.sidebar.rows.get(self.sidebar.cursor) {
                    self.select_entity(id);
                }
            }
            Focus::Timeline => self.open_event(),
            Focus::Pane => {}
        }
    }

    /// Selects entity `id` and shows its first mention.
    pub fn select_entity(&mut self, id: EntityId) {
        let Some(e) = self.entities.entities.get(id) else {
            return;
        };
        self.selected = Some(id);
        self.mention = e.mentions.first().copied();
        if let Some(m) = self.mention {
            let pos = self.entities.mentions[m].span.start;
            self.view.reveal(&self.flow, pos);
        }
    }

    fn step_match(&mut self, dir: isize) {
        if !self.search.hits.is_empty() {
            let n = self.search.hits.len();
            let next = match self.search.current {
                Some(i) => wrap_index(i, dir, n),
                None => 0,
            };
            self.search.current = Some(next);
            self.view.reveal(&self.flow, self.search.hits[next].start);
            return;
        }
        let Some(id) = self.selected else {
            self.notice =
                Some("select an entity in the sidebar (Tab, Enter) or search with /".into());
            return;
        };
        let mentions = &self.entities.entities[id].mentions;
        if mentions.is_empty() {
            return;
        }
        let pos = self
            .mention
            .and_then(|m| mentions.iter().position(|&x| x == m));
        let next = match pos {
            Some(i) => wrap_index(i, dir, mentions.len()),
            None => 0,
        };
        if pos.is_some() && ((dir > 0 && next == 0) || (dir < 0 && next == mentions.len() - 1)) {
            self.notice = Some(
                if dir > 0 {
                    "wrapped to the first mention"
                } else {
                    "wrapped to the last mention"
                }
                .into(),
            );
        }
        let m = mentions[next];
        self.mention = Some(m);
        self.view
            .reveal(&self.flow, self.entities.mentions[m].span.start);
    }

    fn start_prompt(&mut self) {
        if self.focus == Focus::Sidebar {
            self.mode = Mode::Filter;
        } else {
            self.mode = Mode::Search;
            self.search = Search {
                origin: self.top_byte(),
                ..Search::default()
            };
        }
    }

    fn edit_prompt(&mut self, edit: impl FnOnce(&mut String)) {
        match self.mode {
            Mode::Search => {
                edit(&mut self.search.query);
                self.search.hits = search::find_all(&self.doc, &self.search.query);
                let origin = self.search.origin;
                let first = self.search.hits.partition_point(|h| h.start < origin);
                self.search.current =
                    (!self.search.hits.is_empty()).then(|| first % self.search.hits.len());
                if let Some(h) = self.search.current.map(|i| self.search.hits[i]) {
                    self.view.reveal(&self.flow, h.start);
                }
            }
            Mode::Filter => {
                let mut f = std::mem::take(&mut self.sidebar.filter);
                edit(&mut f);
                self.set_filter(f);
            }
            _ => {}
        }
    }

    fn set_filter(&mut self, filter: String) {
        self.sidebar.filter = filter;
        self.refresh_sidebar();
    }

    fn clear(&mut self) {
        self.selection = None;
        self.selected = None;
        self.mention = None;
        self.search = Search::default();
        if !self.sidebar.filter.is_empty() {
            self.set_filter(String::new());
        }
    }

    /// The cursor's sentence, placing the cursor on the first sentence on screen if it has none.
    fn cursor_sentence(&mut self) -> Option<usize> {
        if self.cursor.is_none() {
            self.cursor =
                self.doc
                    .sentence_at(self.top_byte())
                    .or((!self.doc.sentences().is_empty()).then_some(0));
            if let Some(s) = self.cursor {
                // The sentence holding the top may start above the screen: take the next one then.
                let start = self.doc.sentences()[s].span.start;
                if start < self.top_byte() && s + 1 < self.doc.sentences().len() {
                    self.cursor = Some(s + 1);
                }
            }
        }
        self.cursor
    }

    /// Moves the cursor with `to` (from sentence index to sentence index); a selection's
    /// head follows to the sentence's end (or start, when before the anchor).
    fn move_cursor(&mut self, to: impl FnOnce(&App, usize) -> usize) {
        let had = self.cursor.is_some();
        let Some(s) = self.cursor_sentence() else {
            return;
        };
        let next = if had { to(self, s) } else { s };
        self.cursor = Some(next);
        let span = self.doc.sentences()[next].span;
        if let Some(sel) = &mut self.selection {
            sel.head = if span.start >= sel.anchor {
                span.end
            } else {
                span.start
            };
        }
        self.view.reveal(&self.flow, span.start);
    }

    fn toggle_selection(&mut self) {
        if self.selection.take().is_some() {
            return;
        }
        if let Some(s) = self.cursor_sentence() {
            let span = self.doc.sentences()[s].span;
            self.selection = Some(Selection {
                anchor: span.start,
                head: span.end,
            });
        }
    }

    fn select_paragraph(&mut self) {
        if let Some(s) = self.cursor_sentence() {
            let p = self.doc.paragraphs()[self.doc.sentences()[s].paragraph].span;
            self.selection = Some(Selection {
                anchor: p.start,
                head: p.end,
            });
        }
    }

    /// Moves the selection's head by a word motion, starting a selection at the cursor if needed.
    fn move_head(&mut self, motion: fn(&Document, usize) -> usize) {
        if self.selection.is_none() {
            let Some(s) = self.cursor_sentence() else {
                return;
            };
            let start = self.doc.sentences()[s].span.start;
            self.selection = Some(Selection {
                anchor: start,
                head: start,
            });
        }
        if let Some(sel) = &mut self.selection {
            sel.head = motion(&self.doc, sel.head);
            let head = sel.head;
            self.cursor = self.doc.sentence_at(head.saturating_sub(1)).or(self.cursor);
            self.view.reveal(&self.flow, head.saturating_sub(1));
        }
    }

    /// The selected span, if any.
    pub fn selection_span(&self) -> Option<Span> {
        self.selection
            .map(|s| s.span(self.doc.text()))
            .filter(|s| !s.is_empty())
    }

    /// Recomputes the sidebar rows from the entities and the filter.
    fn refresh_sidebar(&mut self) {
        let needle = self.sidebar.filter.to_lowercase();
        let doc = &self.doc;
        let ents = &self.entities;
        let mut rows: Vec<EntityId> = (0..ents.entities.len())
            .filter(|&id| {
                let e = &ents.entities[id];
                needle.is_empty()
                    || e.name.to_lowercase().contains(&needle)
                    || e.mentions.iter().any(|&m| {
                        doc.slice(ents.mentions[m].span)
                            .to_lowercase()
                            .contains(&needle)
                    })
            })
            .collect();
        rows.sort_by(|&a, &b| {
            let (ea, eb) = (&ents.entities[a], &ents.entities[b]);
            (ea.kind, std::cmp::Reverse(ea.mentions.len()), &ea.name).cmp(&(
                eb.kind,
                std::cmp::Reverse(eb.mentions.len()),
                &eb.name,
            ))
        });
        self.sidebar.rows = rows;
        self.sidebar.cursor = self
            .sidebar
            .cursor
            .min(self.sidebar.rows.len().saturating_sub(1));
    }

    /// "mention 3/7", "hit 2/5" or "event 1/9" for the status line.
    pub fn position(&self) -> Option<String> {
        if let (Some(i), false) = (self.search.current, self.search.hits.is_empty()) {
            return Some(format!("hit {}/{}", i + 1, self.search.hits.len()));
        }
        if let (Some(id), Some(m)) = (self.selected, self.mention) {
            let ms = &self.entities.entities[id].mentions;
            let k = ms.iter().position(|&x| x == m)?;
            return Some(format!("mention {}/{}", k + 1, ms.len()));
        }
        self.event
            .map(|i| format!("event {}/{}", i + 1, self.events.len()))
    }

    /// Kind of entity `id`.
    pub fn kind_of(&self, id: EntityId) -> Kind {
        self.entities.entities[id].kind
    }
}

fn cycle(f: Focus, by: usize) -> Focus {
    const ORDER: [Focus; 3] = [Focus::Pane, Focus::Sidebar, Focus::Timeline];
    let i = ORDER.iter().position(|&x| x == f).unwrap_or(0);
    ORDER[(i + by) % 3]
}

fn wrap_index(i: usize, dir: isize, n: usize) -> usize {
    (i as isize + dir).rem_euclid(n as isize) as usize
}

//! Moving through the text, the sidebar and the matches: scrolling, going to
//! either end, selecting an entity and stepping between its mentions or search hits.

use super::*;

impl App {
    /// A jump: the text scrolls to byte `pos` and the reading cursor goes there.
    pub(super) fn go_to(&mut self, pos: usize) {
        self.view.reveal(&self.flow, pos);
        self.place_cursor(pos);
    }

    pub(super) fn page(&self) -> usize {
        self.view.height.saturating_sub(2).max(1)
    }

    pub(super) fn scroll(&mut self, delta: isize) {
        self.view.scroll(&self.flow, delta);
        self.keep_cursor_on_screen();
        if delta < 0 && self.showing_tail() && self.view.top == Default::default() {
            self.notice = Some(format!(
                "the file's end, read ahead; the rest is still loading ({}: the beginning)",
                self.key_hint(Action::GoTop)
            ));
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) {
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

    /// `G` (`bottom`) or `g`. `G` on a file still loading asks for its end to
    /// be read apart, and goes to the whole file's end once it is in if that fails.
    pub(super) fn go_end(&mut self, bottom: bool) -> Option<Effect> {
        match self.focus {
            Focus::Pane => {
                if !bottom && self.show_head() {
                    return None;
                }
                self.view.top = if bottom {
                    self.view.last_page_top(&self.flow)
                } else {
                    Default::default()
                };
                self.keep_cursor_on_screen();
                self.pending_bottom = bottom && self.loading && !self.showing_tail();
                if self.pending_bottom {
                    return Some(Effect::ReadTail);
                }
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
                if let Some(i) = if bottom { shown.last() } else { shown.first() } {
                    self.event = Some(i);
                    self.reveal_event();
                }
            }
        }
        None
    }

    pub(super) fn activate(&mut self) {
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
        if id >= self.entities.entities.len() {
            return;
        }
        self.selected = Some(id);
        self.refresh_selected_mentions();
        self.mention = self.mentions_of(id).first().map(|&m| m as usize);
        if let Some(m) = self.mention {
            let pos = self.entities.mentions()[m].span().start;
            self.go_to(pos);
        }
        // Called from outside `update` too (the library view, tests).
        self.refresh_shown();
    }

    /// Selects the entity of mention `m` and goes to that mention (the reading
    /// cursor lands on it).
    pub fn go_to_mention(&mut self, m: usize) {
        let Some(&mention) = self.entities.mentions().get(m) else {
            return;
        };
        self.select_entity(mention.entity());
        self.mention = Some(m);
        self.go_to(mention.span().start);
    }

    /// Makes event `e` the current one and goes to its passage.
    pub fn go_to_event(&mut self, e: usize) {
        if e < self.events.len() {
            self.event = Some(e);
            self.reveal_event();
        }
    }

    pub(super) fn step_match(&mut self, dir: isize) {
        // Past the hits found so far of a search still going on (or wrapping
        // round to its last), the rest of the text is searched first.
        if self.searching() {
            let n = self.search.hits.len();
            let beyond = match self.search.current {
                Some(i) => (dir > 0 && i + 1 >= n) || (dir < 0 && i == 0),
                None => true,
            };
            if beyond {
                self.finish_search();
            }
        }
        if !self.search.hits.is_empty() {
            let n = self.search.hits.len();
            let next = match self.search.current {
                Some(i) => wrap_index(i, dir, n),
                None => 0,
            };
            self.search.current = Some(next);
            self.go_to(self.search.hits[next].start);
            return;
        }
        let Some(id) = self.selected else {
            self.notice = Some(format!(
                "select an entity in the sidebar ({}, {}) or search with {}",
                self.key_hint(Action::FocusNext),
                self.key_hint(Action::Activate),
                self.key_hint(Action::StartSearch)
            ));
            return;
        };
        let (wrapped, m) = {
            let mentions = self.mentions_of(id);
            if mentions.is_empty() {
                return;
            }
            let pos = self
                .mention
                .and_then(|m| mentions.binary_search_by(|&x| (x as usize).cmp(&m)).ok());
            let next = match pos {
                Some(i) => wrap_index(i, dir, mentions.len()),
                None => 0,
            };
            let wrapped = pos.is_some()
                && ((dir > 0 && next == 0) || (dir < 0 && next == mentions.len() - 1));
            (wrapped, mentions[next] as usize)
        };
        if wrapped {
            self.notice = Some(
                if dir > 0 {
                    "wrapped to the first mention"
                } else {
                    "wrapped to the last mention"
                }
                .into(),
            );
        }
        self.mention = Some(m);
        self.go_to(self.entities.mentions()[m].span().start);
    }

    /// "mention 3/7", "hit 2/5" or "event 1/9" for the status line.
    pub fn position(&self) -> Option<String> {
        self.counter()
            .map(|(what, i, n)| format!("{} {i}/{n}", what.name()))
    }

    /// Where the reader is among the search hits, the selected entity's
    /// mentions or the events: what is counted, the 1-based place and the total.
    pub fn counter(&self) -> Option<(Counted, usize, usize)> {
        if let (Some(i), false) = (self.search.current, self.search.hits.is_empty()) {
            return Some((Counted::Hit, i + 1, self.search.hits.len()));
        }
        if let (Some(id), Some(m)) = (self.selected, self.mention) {
            let ms = self.mentions_of(id);
            let k = ms.binary_search_by(|&x| (x as usize).cmp(&m)).ok()?;
            return Some((Counted::Mention, k + 1, ms.len()));
        }
        self.event
            .map(|i| (Counted::Event, i + 1, self.events.len()))
    }
}

/// What the status line's counter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Hit,
    Mention,
    Event,
}

impl Counted {
    /// The word for it: "hit", "mention", "event".
    pub fn name(self) -> &'static str {
        match self {
            Counted::Hit => "hit",
            Counted::Mention => "mention",
            Counted::Event => "event",
        }
    }

    /// A shorter word, for a narrow status line: "hit", "m", "ev".
    pub fn short(self) -> &'static str {
        match self {
            Counted::Hit => "hit",
            Counted::Mention => "m",
            Counted::Event => "ev",
        }
    }
}

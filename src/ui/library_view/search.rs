//! The search screen and its walk: every hit of a word or phrase in the text
//! of every brief, newest brief first, listed as the edge finds them; `Enter`
//! opens the brief at a hit with the search active in the reader, and the
//! next/previous-match keys there go on to the next hit in whatever brief.

use super::{list_height, Cursor, LibEffect, LibraryView, Prompt, Screen, Target};
use crate::library::search::Found;
use crate::library::{Query, TextHit};
use crate::ui::action::Action;

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

impl LibraryView {
    /// The search typed is accepted: its screen shows, empty until the edge
    /// reports hits. An empty query changes nothing.
    pub(super) fn start_search(&mut self) -> Option<LibEffect> {
        let query = Query::parse(&self.search_input)?;
        self.search = Some(SearchView {
            query: query.clone(),
            hits: Vec::new(),
            briefs: 0,
            cursor: Cursor::default(),
            done: false,
            wrapped: false,
        });
        self.screen = Screen::Search;
        Some(LibEffect::Search(query))
    }

    /// Hits the edge found for `query` (ignored if another search replaced it).
    pub(super) fn search_found(&mut self, query: &Query, found: Found) {
        let Some(s) = self.search.as_mut().filter(|s| &s.query == query) else {
            return;
        };
        for hit in found.hits {
            if s.hits.last().is_none_or(|h| h.brief != hit.brief) {
                s.briefs += 1;
            }
            s.hits.push(hit);
        }
        s.done = found.done;
        if s.done && s.hits.is_empty() {
            let q = crate::display::escape_controls(s.query.shown()).into_owned();
            self.notices.answer(format!("no brief has “{q}”"));
        }
        if s.done && self.indexing() {
            self.notices
                .push("briefs still being indexed were not searched: search again when it is done");
        }
    }

    /// Whether the search still runs (the edge keeps stepping it).
    pub fn search_running(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.done)
    }

    /// An action on the search screen.
    pub(super) fn search_action(&mut self, a: Action) -> Option<LibEffect> {
        let page = list_height(self.height);
        let s = self.search.as_mut()?;
        let step = match &a {
            Action::NextMatch => Action::MoveDown,
            Action::PrevMatch => Action::MoveUp,
            other => other.clone(),
        };
        if s.cursor.step(&step, s.hits.len(), page) {
            return None;
        }
        match a {
            Action::ClearSelection => self.screen = Screen::List,
            Action::StartSearch => {
                self.typing = true;
                self.prompt = Prompt::Search;
                self.search_input = s.query.shown().to_owned();
            }
            Action::Activate => {
                s.wrapped = false;
                let hit = *s.hits.get(s.cursor.at)?;
                return self.open_brief(hit.brief, Target::Found(hit.span));
            }
            _ => {}
        }
        None
    }

    /// Whether the next/previous-match keys walk the search across briefs: the
    /// brief was opened from it and its reader still searches the same words.
    pub fn walking_search(&self) -> bool {
        let (Some(r), Some(s)) = (&self.reading, &self.search) else {
            return false;
        };
        r.back == Screen::Search
            && !s.hits.is_empty()
            && Query::parse(&r.app.search.query).is_some_and(|q| q == s.query)
    }

    /// The next (`dir` 1) or previous (-1) hit of the search, in whatever brief.
    pub(super) fn search_walk(&mut self, dir: isize) -> Option<LibEffect> {
        let s = self.search.as_mut()?;
        s.wrapped = s.cursor.walk(dir, s.hits.len())?;
        let hit = s.hits[s.cursor.at];
        let shown = s.query.shown().to_owned();
        match self.reading.as_mut() {
            Some(r) if r.brief == hit.brief => {
                r.app.search_for(&shown, hit.span.start);
                self.note_search_walk();
                None
            }
            _ => self.open_brief(hit.brief, Target::Found(hit.span)),
        }
    }

    /// Says in the open brief where among the search's hits the reader is.
    pub(super) fn note_search_walk(&mut self) {
        let Some(s) = &self.search else { return };
        let more = if s.done { "" } else { "+" };
        let position = format!("hit {}/{}{more}", s.cursor.at + 1, s.hits.len());
        let wrapped = s.wrapped;
        self.say_walk(position, wrapped);
    }
}

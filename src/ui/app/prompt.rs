//! The search and sidebar-filter prompts: starting, editing, and clearing.

use super::*;

/// What a search says when the part of a big file loaded so far has no hit.
pub(super) const PARTIAL_NO_MATCH: &str =
    "no match in the part loaded so far; the rest is searched as it arrives";

impl App {
    pub(super) fn start_prompt(&mut self) {
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

    pub(super) fn edit_prompt(&mut self, edit: impl FnOnce(&mut String)) {
        match self.mode {
            Mode::Search => {
                let before = self.search.query.clone();
                edit(&mut self.search.query);
                let prev_hits = std::mem::take(&mut self.search.hits);
                // Only hits of this document, all of them, can be refined; while a
                // big file loads its document changes under the hits.
                let complete = self.search.scan.is_none() && !self.loading;
                let refined = complete
                    .then(|| search::refine(&self.doc, &self.search.query, &before, &prev_hits))
                    .flatten();
                self.search.scan = None;
                self.search.whole = None;
                self.search.current = None;
                self.search.partial = self.loading;
                match refined {
                    Some(hits) => {
                        self.search.hits = hits;
                        self.first_hit();
                    }
                    None => {
                        // A big text is searched a step at a time between keys; the
                        // first step is taken now (it shows the first hit once
                        // found), and is all a brief needs.
                        self.search.scan = search::Scan::new(&self.doc, &self.search.query, false);
                        self.search_step();
                    }
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

    /// Shows a search made elsewhere (across the library): the hits of `query`
    /// in this brief, the one at byte `at` current, and the text at `at`.
    pub fn search_for(&mut self, query: &str, at: usize) {
        self.mode = Mode::Normal;
        let hits = search::find_all(&self.doc, query);
        let i = hits.partition_point(|h| h.end <= at);
        self.search = Search {
            query: query.to_owned(),
            current: (!hits.is_empty()).then(|| i % hits.len()),
            hits,
            origin: at,
            partial: self.loading,
            ..Search::default()
        };
        self.go_to(at);
    }

    /// The whole text of a big file arrived: the search runs over all of it, a
    /// step at a time. When done, a search made on the part loaded before goes
    /// to its first hit (from where it started, or from the screen after the
    /// file's end was shown) unless the reader already went to one, and says what it found.
    pub(super) fn search_whole_text(&mut self, from_tail: bool) {
        if self.search.query.is_empty() {
            return;
        }
        // Hits in the file's end read apart have offsets of that piece; those of
        // the beginning stay right, and stay on screen while the rest is searched.
        if from_tail {
            self.search.hits.clear();
            self.search.current = None;
        }
        self.search.scan = search::Scan::new(&self.doc, &self.search.query, !from_tail);
        self.search.whole = Some(from_tail);
        self.search_step();
    }

    /// One step of the search going on, if any: the hits it finds are shown (or,
    /// for the whole text just loaded, kept apart until the search is done).
    pub(super) fn search_step(&mut self) {
        let Some(scan) = self.search.scan.as_mut() else {
            return;
        };
        if !scan.step(&self.doc, &mut self.search.hits) {
            // Typing: the first hit from the search's start is shown once found.
            if self.search.current.is_none() && self.search.whole.is_none() {
                self.first_hit();
            }
            return;
        }
        let scan = self.search.scan.take();
        if let Some(found) = scan.and_then(|s| s.apart) {
            self.search.hits = found;
        }
        match self.search.whole.take() {
            Some(from_tail) => self.whole_text_searched(from_tail),
            None if self.search.current.is_none() => self.first_hit(),
            None => {}
        }
    }

    /// Runs the search going on to its end: a key that needs every hit (`n` past
    /// the last one found so far) waits for it.
    pub(super) fn finish_search(&mut self) {
        while self.search.scan.is_some() {
            self.search_step();
        }
    }

    /// The first hit from where the search started is made current and shown,
    /// once it is found (or, when the text is searched to its end, the first hit).
    fn first_hit(&mut self) {
        let hits = &self.search.hits;
        let origin = self.search.origin;
        let first = hits.partition_point(|h| h.start < origin);
        self.search.current = if first < hits.len() {
            Some(first)
        } else if self.search.scan.is_none() && !hits.is_empty() {
            Some(0)
        } else {
            None
        };
        if let Some(h) = self.search.current.map(|i| self.search.hits[i]) {
            self.go_to(h.start);
        }
    }

    /// The search of the whole text just loaded is done: a search made on the
    /// part loaded before goes to its first hit, and says what it found.
    fn whole_text_searched(&mut self, from_tail: bool) {
        let n = self.search.hits.len();
        let was_partial = std::mem::take(&mut self.search.partial);
        // Hits in the file's end read apart had offsets of that piece: take the one on screen.
        let from = if from_tail {
            self.search.current = None;
            Some(self.top_byte())
        } else if self.search.current.is_none_or(|i| i >= n) {
            self.search.current = None;
            was_partial.then_some(self.search.origin)
        } else {
            None
        };
        if let Some(from) = from.filter(|_| n > 0) {
            let i = self.search.hits.partition_point(|h| h.start < from) % n;
            self.search.current = Some(i);
            self.go_to(self.search.hits[i].start);
        }
        if was_partial {
            self.notices.retire(|m| m.starts_with(PARTIAL_NO_MATCH));
            let q = crate::display::escape_controls(&self.search.query);
            self.notice = Some(match n {
                0 => format!("no match for “{q}” in the whole file"),
                1 => format!("1 hit for “{q}” in the whole file"),
                n => format!("{n} hits for “{q}” in the whole file"),
            });
        }
    }

    pub(super) fn set_filter(&mut self, filter: String) {
        self.sidebar.filter = filter;
        self.refresh_sidebar();
    }

    pub(super) fn clear(&mut self) {
        self.selection = None;
        self.selected = None;
        self.mention = None;
        self.search = Search::default();
        if !self.sidebar.filter.is_empty() {
            self.set_filter(String::new());
        }
    }

    /// Recomputes the sidebar rows from the entities and the filter.
    pub(super) fn refresh_sidebar(&mut self) {
        let needle = self.sidebar.filter.to_lowercase();
        let doc = &self.doc;
        let ents = &self.entities;
        // An entity matches by its name or by how any mention writes it; with
        // no filter all do, and the mentions (1.7 M on 100 MB) are not read.
        let mut matches: Vec<bool> = ents
            .entities
            .iter()
            .map(|e| needle.is_empty() || e.name.to_lowercase().contains(&needle))
            .collect();
        if !needle.is_empty() {
            for m in ents.mentions() {
                if !matches[m.entity()] && doc.slice(m.span()).to_lowercase().contains(&needle) {
                    matches[m.entity()] = true;
                }
            }
        }
        let mut rows: Vec<EntityId> = (0..ents.entities.len()).filter(|&id| matches[id]).collect();
        rows.sort_by(|&a, &b| {
            let (ea, eb) = (&ents.entities[a], &ents.entities[b]);
            (ea.kind, std::cmp::Reverse(ea.count()), &ea.name).cmp(&(
                eb.kind,
                std::cmp::Reverse(eb.count()),
                &eb.name,
            ))
        });
        self.sidebar.rows = rows;
        self.sidebar.cursor = self
            .sidebar
            .cursor
            .min(self.sidebar.rows.len().saturating_sub(1));
    }
}

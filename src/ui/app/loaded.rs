//! What the background threads hand over, taken in without losing the
//! reader's place: the entities and events (of the beginning, then of the
//! whole file), and the whole document after its beginning was shown.

use super::*;

impl App {
    /// Takes new entities and events (of the beginning, then of the whole file),
    /// keeping the reader's place: the selected entity by name, the current
    /// mention and event by position.
    pub(super) fn take_extraction(&mut self, data: Extraction, complete: bool) {
        self.extracting = !complete;
        let Some(data) = self.stash_head_extraction(data) else {
            return;
        };
        let selected = self
            .selected
            .map(|id| self.entities.entities[id].name.clone());
        let mention_at = self
            .mention
            .map(|m| self.entities.mentions()[m].span().start);
        let event_at = self.event.map(|i| self.events[i].span().start);
        let current = data.corrections == self.corrections;
        self.raw_entities = data.raw;
        self.replace_events(data.events);
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
        self.refresh_selected_mentions();
        self.mention = self.selected.and_then(|id| {
            let at = mention_at?;
            let ms = self.mentions_of(id);
            ms.iter()
                .map(|&m| m as usize)
                .find(|&m| self.entities.mentions()[m].span().start >= at)
                .or(ms.last().map(|&m| m as usize))
        });
        self.event = event_at.and_then(|at| self.events.iter().position(|e| e.span().start == at));
        self.refresh_sidebar();
        self.refresh_map();
    }

    /// Swaps in the whole document, cut into blocks as `flow`, for the
    /// beginning (or end) shown so far, keeping the same text at the top of the screen.
    pub(super) fn replace_document(&mut self, flow: Flow) {
        let top = self.top_in(&flow.doc);
        let bottom = std::mem::take(&mut self.pending_bottom);
        let from_tail = self.take_back_head();
        self.doc = flow.doc.clone();
        self.flow = flow;
        self.loading = false;
        self.view.top = match top {
            Some(top) if !bottom => self.view.row_of(&self.flow, top),
            _ => self.view.last_page_top(&self.flow),
        };
        self.search_whole_text(from_tail);
    }
}

//! The end of a big file before the whole of it is in. `G` while loading asks
//! the edge to read the file's last bytes ([`Effect::ReadTail`]), which show at
//! once, without highlights, while the beginning and everything placed in it
//! wait aside. When the whole document arrives it takes over at the same text.

use super::*;

/// The file's beginning and what refers to it, put aside while the end shows.
pub(super) struct Head {
    doc: Arc<Document>,
    flow: Flow,
    raw_entities: Arc<Entities>,
    events: Vec<Event>,
    selected: Option<EntityId>,
    mention: Option<usize>,
    event: Option<usize>,
    cursor: Option<usize>,
    point: Option<usize>,
    selection: Option<Selection>,
}

impl App {
    /// Whether the file's end, read apart while the whole file loads, is on screen.
    pub fn showing_tail(&self) -> bool {
        self.head.is_some()
    }

    /// Shows `tail`, the file's last bytes, from its last page. Offsets into
    /// the beginning (entities, events, cursor) mean nothing in it, so they wait
    /// aside with the beginning until [`App::show_head`] or the whole file.
    pub(super) fn show_tail(&mut self, tail: Arc<Document>) {
        if !self.loading || self.head.is_some() {
            return;
        }
        let flow = Flow::new(tail.clone());
        let head = Head {
            doc: std::mem::replace(&mut self.doc, tail),
            flow: std::mem::replace(&mut self.flow, flow),
            raw_entities: std::mem::take(&mut self.raw_entities),
            events: self.replace_events(Vec::new()),
            selected: self.selected.take(),
            mention: self.mention.take(),
            event: self.event.take(),
            cursor: self.cursor.take(),
            point: self.point.take(),
            selection: self.selection.take(),
        };
        self.head = Some(Box::new(head));
        self.entities = Arc::default();
        self.corrected.clear();
        self.pending_bottom = false;
        self.refresh_sidebar();
        self.refresh_hits();
        self.view.top = self.view.last_page_top(&self.flow);
    }

    /// Puts the beginning back on screen at its top; false when it was already there.
    pub(super) fn show_head(&mut self) -> bool {
        if !self.take_back_head() {
            return false;
        }
        self.refresh_hits();
        self.view.top = Default::default();
        true
    }

    /// The beginning and what refers to it back in place (the view aside);
    /// false when it was not put aside.
    pub(super) fn take_back_head(&mut self) -> bool {
        let Some(head) = self.head.take() else {
            return false;
        };
        let head = *head;
        self.doc = head.doc;
        self.flow = head.flow;
        self.raw_entities = head.raw_entities;
        self.replace_events(head.events);
        self.selected = head.selected;
        self.mention = head.mention;
        self.event = head.event;
        self.cursor = head.cursor;
        self.point = head.point;
        self.selection = head.selection;
        self.correct_entities();
        self.refresh_sidebar();
        true
    }

    /// Extraction of the beginning that arrived while the end was on screen.
    /// Returns the extraction back when the beginning is on screen.
    pub(super) fn stash_head_extraction(&mut self, data: Extraction) -> Option<Extraction> {
        match &mut self.head {
            Some(head) => {
                (head.raw_entities, head.events) = (data.raw, data.events);
                head.selected = None;
                head.mention = None;
                head.event = None;
                None
            }
            None => Some(data),
        }
    }

    /// The byte offset in `whole` of the text at the top of the screen. For the
    /// end read apart that is found by where `whole` ends with it; `None` when it
    /// does not (the file changed meanwhile).
    pub(super) fn top_in(&self, whole: &Document) -> Option<usize> {
        let top = self.top_byte();
        if self.head.is_none() {
            return Some(top);
        }
        let (w, t) = (whole.text(), self.doc.text());
        w.ends_with(t).then(|| w.len() - t.len() + top)
    }

    /// The search hits again, for a different document on screen.
    pub(super) fn refresh_hits(&mut self) {
        if !self.search.query.is_empty() {
            self.search.hits = search::find_all(&self.doc, &self.search.query);
            let n = self.search.hits.len();
            self.search.current = self.search.current.filter(|&i| i < n);
        }
    }
}

//! Timeline navigation for the reader: moving between events (only those
//! whose sentence mentions the selected entity, when the filter is on) and
//! taking the reading cursor to an event's passage.

use super::{App, Focus};

impl App {
    /// Whether event `i` passes the timeline filter.
    pub fn event_visible(&self, i: usize) -> bool {
        match (self.timeline_filter, self.selected) {
            (true, Some(id)) => self.events.get(i).is_some_and(|e| e.entities.contains(&id)),
            _ => true,
        }
    }

    /// Indexes of the events the strip shows, in date order.
    pub fn visible_events(&self) -> Vec<usize> {
        (0..self.events.len())
            .filter(|&i| self.event_visible(i))
            .collect()
    }

    /// Moves to the next (`dir` > 0) or previous visible event, and the text
    /// follows; at either end it stays. Scans from the current event, so a step
    /// costs the distance to the next visible one, not the number of events.
    pub(super) fn step_event(&mut self, dir: isize) {
        let n = self.events.len();
        let from = match self.event {
            Some(e) if dir > 0 => e + 1,
            Some(e) => e,
            None if dir > 0 => 0,
            None => n,
        };
        let found = if dir > 0 {
            (from..n).find(|&i| self.event_visible(i))
        } else {
            (0..from).rev().find(|&i| self.event_visible(i))
        };
        match (found, self.event) {
            (Some(i), _) => self.event = Some(i),
            (None, Some(_)) => {}
            (None, None) => {
                self.notice = Some(if self.events.is_empty() {
                    "no dated events in this brief".into()
                } else {
                    "no events mention the selected entity (f turns the filter off)".into()
                });
                return;
            }
        }
        self.reveal_event();
    }

    /// Scrolls the text to the current event.
    pub(super) fn reveal_event(&mut self) {
        if let Some(e) = self.event.and_then(|i| self.events.get(i)) {
            let pos = e.timex.span.start;
            self.view.reveal(&self.flow, pos);
        }
    }

    /// Goes to the current event's passage: the text pane gets focus and the
    /// reading cursor lands on the event's sentence.
    pub(super) fn open_event(&mut self) {
        if let Some(e) = self.event.and_then(|i| self.events.get(i)) {
            self.cursor = Some(e.sentence);
            self.reveal_event();
            self.focus = Focus::Pane;
        }
    }

    /// Turns the timeline filter (events mentioning the selected entity) on or off.
    pub(super) fn toggle_timeline_filter(&mut self) {
        if self.selected.is_none() && !self.timeline_filter {
            self.notice = Some("select an entity first (Tab to the sidebar, Enter)".into());
            return;
        }
        self.timeline_filter = !self.timeline_filter;
        if let Some(e) = self.event {
            if !self.event_visible(e) {
                self.event = None;
            }
        }
        let n = self.visible_events().len();
        self.notice = Some(if self.timeline_filter {
            format!("timeline: {n} events mention the selected entity")
        } else {
            format!("timeline: all {n} events")
        });
    }
}

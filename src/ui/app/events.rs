//! Timeline navigation for the reader: moving between events (only those
//! whose sentence mentions the selected entity, when the filter is on) and
//! taking the reading cursor to an event's passage.

use super::{App, Focus};
use crate::entities::EntityId;
use crate::ui::action::Action;
use crate::ui::notices::count;

/// The events the strip shows, as indexes into `App::events` in order: all of
/// them without a list (a 100 MB archive's are many, and the strip is drawn on
/// every frame), or those the entity filter lets through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    All(usize),
    Only(Vec<usize>),
}

impl Shown {
    pub fn len(&self) -> usize {
        match self {
            Shown::All(n) => *n,
            Shown::Only(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn first(&self) -> Option<usize> {
        self.get(0)
    }

    pub fn last(&self) -> Option<usize> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// The `i`th event shown.
    pub fn get(&self, i: usize) -> Option<usize> {
        match self {
            Shown::All(n) => (i < *n).then_some(i),
            Shown::Only(v) => v.get(i).copied(),
        }
    }

    /// The events shown up to `reach` places either side of event `at` (or of
    /// the first when `at` is not shown), in order.
    pub fn around(&self, at: Option<usize>, reach: usize) -> Vec<usize> {
        let pos = match (self, at) {
            (Shown::All(n), Some(e)) if e < *n => e,
            (Shown::Only(v), Some(e)) => v.binary_search(&e).unwrap_or(0),
            _ => 0,
        };
        let end = (pos + reach).min(self.len());
        (pos.saturating_sub(reach)..end)
            .filter_map(|i| self.get(i))
            .collect()
    }

    /// Every event shown, in order.
    pub fn to_vec(&self) -> Vec<usize> {
        (0..self.len()).filter_map(|i| self.get(i)).collect()
    }
}

impl App {
    /// Whether event `i` passes the timeline filter.
    pub fn event_visible(&self, i: usize) -> bool {
        match (self.timeline_filter, self.selected) {
            (true, Some(id)) => self
                .events
                .get(i)
                .is_some_and(|e| self.mentioned_in(id, e.sentence())),
            _ => true,
        }
    }

    /// Whether entity `id` is mentioned in sentence `sentence` (when the
    /// sentences are at hand): its mentions are in text order, so the first at
    /// or after the sentence's start is the one to look at.
    fn mentioned_in(&self, id: EntityId, sentence: usize) -> bool {
        let (Some(e), Some(s)) = (
            self.entities.entities.get(id),
            self.sentence_span_now(sentence),
        ) else {
            return false;
        };
        let mentions = &self.entities.mentions;
        let at = e.mentions.partition_point(|&m| {
            mentions
                .get(m as usize)
                .is_some_and(|m| m.span().start < s.start)
        });
        e.mentions
            .get(at)
            .and_then(|&m| mentions.get(m as usize))
            .is_some_and(|m| m.span().start < s.end)
    }

    /// The entities mentioned in sentence `sentence`, each once (none until the
    /// sentences are at hand).
    pub(crate) fn sentence_entities_now(&self, sentence: usize) -> Vec<EntityId> {
        self.sentence_span_now(sentence).map_or_else(Vec::new, |s| {
            crate::timeline::entities_in(&self.entities, s)
        })
    }

    /// Indexes of the events the strip shows, in date order.
    pub fn visible_events(&self) -> Shown {
        match (self.timeline_filter, self.selected) {
            (true, Some(_)) => Shown::Only(
                (0..self.events.len())
                    .filter(|&i| self.event_visible(i))
                    .collect(),
            ),
            _ => Shown::All(self.events.len()),
        }
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
                    format!(
                        "no events mention the selected entity ({} turns the filter off)",
                        self.key_hint(Action::ToggleTimelineFilter)
                    )
                });
                return;
            }
        }
        self.reveal_event();
    }

    /// Scrolls the text to the current event.
    pub(super) fn reveal_event(&mut self) {
        if let Some(e) = self.event.and_then(|i| self.events.get(i)) {
            let pos = e.span().start;
            self.go_to(pos);
        }
    }

    /// Goes to the current event's passage: the text pane gets focus and the
    /// reading cursor lands on the event's sentence.
    pub(super) fn open_event(&mut self) {
        if self.event.and_then(|i| self.events.get(i)).is_some() {
            self.reveal_event();
            self.focus = Focus::Pane;
        }
    }

    /// Turns the timeline filter (events mentioning the selected entity) on or off.
    pub(super) fn toggle_timeline_filter(&mut self) {
        if self.selected.is_none() && !self.timeline_filter {
            self.notice = Some(format!(
                "select an entity first ({} to the sidebar, {})",
                self.key_hint(Action::FocusNext),
                self.key_hint(Action::Activate)
            ));
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
            let events = count(n, "event");
            let verb = if n == 1 { "mentions" } else { "mention" };
            format!("timeline: {events} {verb} the selected entity")
        } else {
            format!("timeline: all {}", count(n, "event"))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::Shown;

    #[test]
    fn around_takes_the_reach_either_side_of_the_event() {
        let all = Shown::All(10);
        assert_eq!(all.around(Some(5), 2), vec![3, 4, 5, 6]);
        assert_eq!(all.around(None, 3), vec![0, 1, 2]);
        assert_eq!(all.around(Some(42), 2), vec![0, 1]);
        assert_eq!((all.first(), all.last()), (Some(0), Some(9)));
        let some = Shown::Only(vec![1, 4, 7, 9]);
        assert_eq!(some.around(Some(7), 1), vec![4, 7]);
        assert_eq!(some.around(Some(5), 1), vec![1]);
        assert_eq!(
            (some.first(), some.last(), some.len()),
            (Some(1), Some(9), 4)
        );
        assert!(Shown::Only(Vec::new()).last().is_none());
    }
}

//! Timeline navigation for the reader: moving between events (only those
//! whose sentence mentions the selected entity, when the filter is on) and
//! taking the reading cursor to an event's passage. The events the strip
//! shows are found when what they depend on changes, and kept.

use super::{App, Focus};
use crate::document::Sentence;
use crate::entities::{Entities, EntityId};
use crate::timeline::Event;
use crate::ui::action::Action;
use crate::ui::notices::count;
use std::sync::Arc;

/// The events the strip shows, as indexes into `App::events` in order: all of
/// them without a list (a 100 MB archive's are many, and the strip is drawn on
/// every frame), or those the entity filter lets through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    All(usize),
    Only(Vec<usize>),
}

/// The first of `sentences` from `from` on that ends after byte `pos`.
/// Mentions come in text order, each near the last: galloping from the last
/// one's sentence takes a few steps, where a binary search over all the
/// sentences took some twenty, each a cache miss on 100 MB.
fn first_ending_after(sentences: &[Sentence], from: usize, pos: usize) -> usize {
    let before = |i: usize| sentences[i].span().end <= pos;
    let (mut lo, mut hi, mut step) = (from, from, 1);
    while hi < sentences.len() && before(hi) {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(sentences.len());
    lo + sentences[lo..hi].partition_point(|s| s.span().end <= pos)
}

impl Default for Shown {
    fn default() -> Shown {
        Shown::All(0)
    }
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

    /// The first event shown that is event `i` or comes after it.
    pub fn at_or_after(&self, i: usize) -> Option<usize> {
        match self {
            Shown::All(n) => (i < *n).then_some(i),
            Shown::Only(v) => v.get(v.partition_point(|&x| x < i)).copied(),
        }
    }

    /// The last event shown that comes before event `i`.
    pub fn before(&self, i: usize) -> Option<usize> {
        match self {
            Shown::All(n) => i.min(*n).checked_sub(1),
            Shown::Only(v) => v.partition_point(|&x| x < i).checked_sub(1).map(|k| v[k]),
        }
    }
}

/// The events the strip shows, kept with what a filtered list was found
/// from: with the filter on, finding them checks every event (702 K on a
/// 100 MB brief), so it is done when the filter, the selection or the
/// extraction changes, and a frame only reads it.
#[derive(Debug, Clone, Default)]
pub(super) struct ShownEvents {
    list: Shown,
    from: Option<Filtered>,
}

/// What a filtered list of events was found from.
#[derive(Debug, Clone)]
struct Filtered {
    entity: EntityId,
    /// Held, and compared by address: while held, no other entities can take it.
    entities: Arc<Entities>,
    /// [`App::replace_events`]' count when it was found.
    events: u64,
    /// Whether the sentences were at hand (until then no event passes).
    sentences: bool,
}

impl PartialEq for Filtered {
    fn eq(&self, other: &Filtered) -> bool {
        self.entity == other.entity
            && Arc::ptr_eq(&self.entities, &other.entities)
            && self.events == other.events
            && self.sentences == other.sentences
    }
}

impl App {
    /// The events the strip shows, in date order, as of the last change to
    /// the filter, the selection or the extraction.
    pub fn visible_events(&self) -> &Shown {
        &self.shown_events.list
    }

    /// Replaces the events (a new extraction, or the beginning's put aside or
    /// back) and returns the old ones; the events shown are found again.
    pub(super) fn replace_events(&mut self, events: Vec<Event>) -> Vec<Event> {
        self.events_replaced += 1;
        std::mem::replace(&mut self.events, events)
    }

    /// Finds the selected entity's mentions and the events the strip shows
    /// (the filter reads those mentions) again if what they depend on changed:
    /// called at the end of every `update` (and by the public methods that
    /// change the selection), so rendering only reads them.
    pub(super) fn refresh_shown(&mut self) {
        self.refresh_selected_mentions();
        let (true, Some(entity)) = (self.timeline_filter, self.selected) else {
            self.shown_events = ShownEvents {
                list: Shown::All(self.events.len()),
                from: None,
            };
            return;
        };
        let from = Filtered {
            entity,
            entities: self.entities.clone(),
            events: self.events_replaced,
            sentences: self.sentences_ready(),
        };
        if self.shown_events.from.as_ref() == Some(&from) {
            return;
        }
        let list = Shown::Only(self.events_mentioning(entity));
        self.shown_events = ShownEvents {
            list,
            from: Some(from),
        };
    }

    /// The events whose sentence mentions entity `id`, in order (none until
    /// the sentences are at hand): the sentences its mentions fall in are
    /// marked first, so each event is one look-up, not a binary search in the
    /// mentions (130 ns an event, 90 ms for the 702 K events of 100 MB).
    fn events_mentioning(&self, id: EntityId) -> Vec<usize> {
        if !self.sentences_ready() {
            return Vec::new();
        }
        let sentences = self.doc.sentences();
        let mut marked = vec![0u64; sentences.len().div_ceil(64)];
        let mut at = 0;
        for m in self
            .mentions_of(id)
            .iter()
            .filter_map(|&m| self.entities.mentions().get(m as usize))
        {
            at = first_ending_after(sentences, at, m.span().start);
            if sentences
                .get(at)
                .is_some_and(|s| s.span().start <= m.span().start)
            {
                marked[at / 64] |= 1 << (at % 64);
            }
        }
        let is_marked = |s: usize| marked.get(s / 64).is_some_and(|w| w & (1 << (s % 64)) != 0);
        (0..self.events.len())
            .filter(|&i| is_marked(self.events[i].sentence()))
            .collect()
    }

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
        let Some(s) = self.sentence_span_now(sentence) else {
            return false;
        };
        let mentions = self.entities.mentions();
        let of = self.mentions_of(id);
        let at = of.partition_point(|&m| {
            mentions
                .get(m as usize)
                .is_some_and(|m| m.span().start < s.start)
        });
        of.get(at)
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

    /// Moves to the next (`dir` > 0) or previous visible event, and the text
    /// follows; at either end it stays.
    pub(super) fn step_event(&mut self, dir: isize) {
        let shown = self.visible_events();
        let found = match self.event {
            Some(e) if dir > 0 => shown.at_or_after(e + 1),
            Some(e) => shown.before(e),
            None if dir > 0 => shown.first(),
            None => shown.last(),
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
        self.refresh_shown();
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

    #[test]
    fn galloping_finds_the_sentence_a_binary_search_finds() {
        use crate::document::Document;
        let text: String = (0..300)
            .map(|i| format!("Sentence {i} ends here. "))
            .collect();
        let doc = Document::from_text(&text);
        let sentences = doc.sentences();
        assert!(sentences.len() >= 300);
        let search = |pos: usize| sentences.partition_point(|s| s.span().end <= pos);
        let mut from = 0;
        for pos in (0..text.len() + 5).step_by(7) {
            let found = super::first_ending_after(sentences, from, pos);
            assert_eq!(found, search(pos), "byte {pos} from sentence {from}");
            from = found;
        }
        // From any sentence at or before the answer.
        for from in [0, 5, 100, 299] {
            let pos = sentences[299].span().start;
            assert_eq!(super::first_ending_after(sentences, from, pos), 299);
        }
    }

    #[test]
    fn the_next_and_previous_events_shown_are_found_from_any_event() {
        let all = Shown::All(5);
        assert_eq!((all.at_or_after(2), all.at_or_after(5)), (Some(2), None));
        assert_eq!(
            (all.before(2), all.before(0), all.before(9)),
            (Some(1), None, Some(4))
        );
        let some = Shown::Only(vec![1, 4, 7]);
        assert_eq!(some.at_or_after(2), Some(4));
        assert_eq!(some.at_or_after(4), Some(4));
        assert_eq!(some.at_or_after(8), None);
        assert_eq!(
            (some.before(4), some.before(5), some.before(1)),
            (Some(1), Some(4), None)
        );
    }
}

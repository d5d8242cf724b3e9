//! A timeline event, packed: a 100 MB brief has 700 K of them.

use super::{Place, Timex, TimexType};
use crate::date::Date;
use crate::document::offsets::narrow;
use crate::document::{Document, Span};
use compact_str::CompactString;
use std::collections::HashMap;
use std::sync::Arc;

/// A timeline event: a temporal expression in its sentence. Kept in 24 bytes
/// (a [`Timex`] and a sentence index take 72): offsets and the sentence as
/// `u32`, the value behind one pointer shared with every other event of the
/// same value (a brief names the same days again and again), and the first day
/// worked out from the value when asked. The entities of the sentence are found when asked
/// ([`super::sentence_entities`]), not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    value: Arc<CompactString>,
    start: u32,
    end: u32,
    sentence: u32,
    kind: TimexType,
    resolved: bool,
}

impl Event {
    /// `timex`, found in sentence `sentence` (an index into `Document::sentences`).
    pub fn new(timex: Timex, sentence: usize) -> Event {
        let value = Arc::new(timex.value.clone());
        Event::sharing(&timex, sentence, value)
    }

    fn sharing(timex: &Timex, sentence: usize, value: Arc<CompactString>) -> Event {
        Event {
            value,
            start: narrow(timex.span.start),
            end: narrow(timex.span.end),
            sentence: narrow(sentence),
            kind: timex.kind,
            resolved: timex.resolved,
        }
    }

    /// Byte span of the expression.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Index into `Document::sentences` of the sentence that holds the expression.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    pub fn kind(&self) -> TimexType {
        self.kind
    }

    /// The TIMEX3 value: `2007-04-23`, `P2Y`, `PRESENT_REF`, …
    pub fn value(&self) -> &str {
        &self.value
    }

    /// False when the value has unknown parts (no publication year, say).
    pub fn resolved(&self) -> bool {
        self.resolved
    }

    /// The first calendar day the value points at (what [`Timex::day`] holds).
    pub fn day(&self) -> Option<Date> {
        day_of(self.kind, &self.value)
    }

    /// Where the event stands on a timeline; see [`Place`].
    pub fn place(&self) -> Place {
        Place::of(&self.value, self.resolved, self.day())
    }

    /// The expression as the timeline found it.
    pub fn timex(&self) -> Timex {
        Timex {
            span: self.span(),
            kind: self.kind,
            value: CompactString::clone(&self.value),
            resolved: self.resolved,
            day: self.day(),
        }
    }
}

/// The day a value of kind `kind` names: the first day of a DATE or TIME, none
/// for a duration or a recurrence.
pub(super) fn day_of(kind: TimexType, value: &str) -> Option<Date> {
    match kind {
        TimexType::Date | TimexType::Time => super::value::first_day(value),
        TimexType::Duration | TimexType::Set => None,
    }
}

/// The events of `timexes` (in the order given), each in its sentence of `doc`,
/// equal values kept once.
pub(super) fn events_of(doc: &Document, timexes: Vec<Timex>) -> Vec<Event> {
    let mut shared: HashMap<&str, Arc<CompactString>> = HashMap::new();
    let events = timexes
        .iter()
        .map(|t| {
            let value = shared
                .entry(t.value.as_str())
                .or_insert_with(|| Arc::new(t.value.clone()))
                .clone();
            let sentence = doc.sentence_at(t.span.start).unwrap_or(0);
            Event::sharing(t, sentence, value)
        })
        .collect();
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_gives_back_the_expression_it_was_made_of_in_24_bytes() {
        let cases = [
            ("2007-04-23", TimexType::Date, true, Date::new(2007, 4, 23)),
            ("1998-Q3", TimexType::Date, true, Date::new(1998, 7, 1)),
            ("XXXX-04-23", TimexType::Date, false, None),
            ("PRESENT_REF", TimexType::Date, true, None),
            ("P2Y", TimexType::Duration, true, None),
        ];
        for (value, kind, resolved, day) in cases {
            let timex = Timex {
                span: Span::new(3_000_000_000, 3_000_000_014),
                kind,
                value: value.into(),
                resolved,
                day,
            };
            let e = Event::new(timex.clone(), 600_000);
            assert_eq!(e.timex(), timex);
            assert_eq!(e.sentence(), 600_000);
            assert_eq!(e.place(), timex.place());
        }
        assert_eq!(std::mem::size_of::<Event>(), 24);
    }

    #[test]
    fn events_of_the_same_value_share_it() {
        let doc = Document::from_text(
            "Date: 2007-04-23\n\nTalks began on April 20. On April 20 they stalled. In 2006 too.",
        );
        let events = events_of(&doc, super::super::extract(&doc));
        let values: Vec<&str> = events.iter().map(Event::value).collect();
        assert_eq!(values, ["2007-04-20", "2007-04-20", "2006"]);
        assert!(Arc::ptr_eq(&events[0].value, &events[1].value));
        assert_eq!(events[1].sentence(), 1);
        assert_eq!(doc.slice(events[2].span()), "2006");
    }
}

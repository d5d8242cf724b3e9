//! A timeline event, packed: a 100 MB brief has 700 K of them.

use super::{Place, Timex, TimexType};
use crate::date::Date;
use crate::document::offsets::narrow;
use crate::document::{Document, Span};
use compact_str::CompactString;
use std::collections::HashMap;
use std::sync::Arc;

/// A timeline event: a temporal expression in its sentence. Kept in 16 bytes
/// (a [`Timex`] and a sentence index take 72): its start and sentence as
/// `u32`, and everything else behind one pointer shared with every other event
/// that says the same (a brief names the same days again and again). The
/// entities of the sentence are found when asked ([`super::sentence_entities`]),
/// not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    meaning: Arc<Meaning>,
    start: u32,
    sentence: u32,
}

/// What an expression means and how long it is: the part of an event a brief
/// repeats, worked out once (its day and timeline group too) and shared.
#[derive(Debug, PartialEq, Eq)]
struct Meaning {
    value: CompactString,
    day: Option<Date>,
    len: u32,
    kind: TimexType,
    resolved: bool,
    place: Place,
}

impl Meaning {
    fn of(timex: &Timex) -> Meaning {
        let day = day_of(timex.kind, &timex.value);
        Meaning {
            place: Place::of(&timex.value, timex.resolved, day),
            value: timex.value.clone(),
            day,
            len: narrow(timex.span.len()),
            kind: timex.kind,
            resolved: timex.resolved,
        }
    }

    /// Where events of this meaning stand on the timeline: by group, then day.
    fn order(&self) -> (Place, Option<Date>) {
        (self.place, self.day)
    }
}

impl Event {
    /// `timex`, found in sentence `sentence` (an index into `Document::sentences`).
    pub fn new(timex: Timex, sentence: usize) -> Event {
        Event::sharing(&timex, sentence, Arc::new(Meaning::of(&timex)))
    }

    fn sharing(timex: &Timex, sentence: usize, meaning: Arc<Meaning>) -> Event {
        Event {
            meaning,
            start: narrow(timex.span.start),
            sentence: narrow(sentence),
        }
    }

    /// Byte span of the expression.
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + self.meaning.len as usize)
    }

    /// Index into `Document::sentences` of the sentence that holds the expression.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    pub fn kind(&self) -> TimexType {
        self.meaning.kind
    }

    /// The TIMEX3 value: `2007-04-23`, `P2Y`, `PRESENT_REF`, …
    pub fn value(&self) -> &str {
        &self.meaning.value
    }

    /// False when the value has unknown parts (no publication year, say).
    pub fn resolved(&self) -> bool {
        self.meaning.resolved
    }

    /// The first calendar day the value points at (what [`Timex::day`] holds).
    pub fn day(&self) -> Option<Date> {
        self.meaning.day
    }

    /// Where the event stands on a timeline; see [`Place`].
    pub fn place(&self) -> Place {
        self.meaning.place
    }

    /// The expression as the timeline found it.
    pub fn timex(&self) -> Timex {
        Timex {
            span: self.span(),
            kind: self.kind(),
            value: self.meaning.value.clone(),
            resolved: self.resolved(),
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

/// What makes two expressions mean the same, as [`Meaning`] keeps it.
type MeaningKey = (CompactString, TimexType, bool, usize);

/// Makes a document's events from its expressions a slice of the text at a
/// time (a big brief's 700 K expressions are never all held as [`Timex`], which
/// take 64 bytes each), equal meanings kept once, then puts them in timeline order.
pub(super) struct Builder<'d> {
    doc: &'d Document,
    shared: HashMap<MeaningKey, Arc<Meaning>>,
    events: Vec<Event>,
}

impl<'d> Builder<'d> {
    pub(super) fn new(doc: &'d Document) -> Builder<'d> {
        Builder {
            doc,
            shared: HashMap::new(),
            events: Vec::new(),
        }
    }

    /// Adds the expressions `found`, each in its sentence of the document.
    pub(super) fn add(&mut self, found: Vec<Timex>) {
        self.events.reserve(found.len());
        for t in found {
            let key = (t.value.clone(), t.kind, t.resolved, t.span.len());
            let meaning = self
                .shared
                .entry(key)
                .or_insert_with(|| Arc::new(Meaning::of(&t)))
                .clone();
            let sentence = self.doc.sentence_at(t.span.start).unwrap_or(0);
            self.events.push(Event::sharing(&t, sentence, meaning));
        }
    }

    /// The events in date order; then, each group in text order, undated
    /// lengths and recurrences, vague references and unresolved expressions.
    /// Sorted in place (a big brief's events take no second list while
    /// sorting): no two start at the same byte, so ordering by start within a
    /// day keeps text order.
    pub(super) fn finish(mut self) -> Vec<Event> {
        self.events.sort_unstable_by(|a, b| {
            (a.meaning.order(), a.start).cmp(&(b.meaning.order(), b.start))
        });
        self.events.shrink_to_fit();
        self.events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_gives_back_the_expression_it_was_made_of_in_16_bytes() {
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
        assert_eq!(std::mem::size_of::<Event>(), 16);
    }

    #[test]
    fn events_of_the_same_value_share_it() {
        let doc = Document::from_text(
            "Date: 2007-04-23\n\nTalks began on April 20. On April 20 they stalled. In 2006 too.",
        );
        let mut builder = Builder::new(&doc);
        builder.add(super::super::extract(&doc));
        let events = builder.finish();
        let values: Vec<&str> = events.iter().map(Event::value).collect();
        assert_eq!(values, ["2006", "2007-04-20", "2007-04-20"]);
        assert!(Arc::ptr_eq(&events[1].meaning, &events[2].meaning));
        assert_eq!(events[2].sentence(), 1);
        assert_eq!(doc.slice(events[0].span()), "2006");
    }
}

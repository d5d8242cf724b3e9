//! A timeline event, packed: a 100 MB brief has 700 K of them.

use super::{Place, Timex, TimexType};
use crate::date::Date;
use crate::document::offsets::narrow;
use crate::document::{Document, Span, Span32};
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
    span: Span32,
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
            span: Span32::narrowed(timex.span),
            sentence: narrow(sentence),
            kind: timex.kind,
            resolved: timex.resolved,
        }
    }

    /// Byte span of the expression.
    pub fn span(&self) -> Span {
        self.span.span()
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

/// Makes a document's events from its expressions a slice of the text at a
/// time (a big brief's 700 K expressions are never all held as [`Timex`], which
/// take 64 bytes each), equal values kept once, then puts them in timeline order.
pub(super) struct Builder<'d> {
    doc: &'d Document,
    shared: HashMap<CompactString, Arc<CompactString>>,
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
            let value = match self.shared.get(t.value.as_str()) {
                Some(v) => v.clone(),
                None => {
                    let v = Arc::new(t.value.clone());
                    self.shared.insert(t.value.clone(), v.clone());
                    v
                }
            };
            let sentence = self.doc.sentence_at(t.span.start).unwrap_or(0);
            self.events.push(Event::sharing(&t, sentence, value));
        }
    }

    /// The events in date order; then, each group in text order, undated
    /// lengths and recurrences, vague references and unresolved expressions.
    /// A value's place and day are worked out once, not once per event; the
    /// events came in text order and the sort is stable, so the rank alone
    /// (4 bytes an event while sorting) keeps text order within a day.
    pub(super) fn finish(mut self) -> Vec<Event> {
        type Sort = (Place, Option<Date>);
        let mut sorts: HashMap<(*const CompactString, TimexType, bool), Sort> = HashMap::new();
        for e in &self.events {
            sorts
                .entry((Arc::as_ptr(&e.value), e.kind, e.resolved))
                .or_insert_with(|| (e.place(), e.day()));
        }
        let mut ranked: Vec<Sort> = sorts.values().copied().collect();
        ranked.sort_unstable();
        ranked.dedup();
        let rank = |e: &Event| {
            let sort = sorts[&(Arc::as_ptr(&e.value), e.kind, e.resolved)];
            narrow(ranked.binary_search(&sort).unwrap_or(0))
        };
        self.events.sort_by_cached_key(rank);
        self.events.shrink_to_fit();
        self.events
    }
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
        let mut builder = Builder::new(&doc);
        builder.add(super::super::extract(&doc));
        let events = builder.finish();
        let values: Vec<&str> = events.iter().map(Event::value).collect();
        assert_eq!(values, ["2006", "2007-04-20", "2007-04-20"]);
        assert!(Arc::ptr_eq(&events[1].value, &events[2].value));
        assert_eq!(events[2].sentence(), 1);
        assert_eq!(doc.slice(events[0].span()), "2006");
    }
}

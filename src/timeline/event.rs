//! A timeline event, packed: a 100 MB brief has 700 K of them.

use super::{Place, Timex, TimexType};
use crate::date::Date;
use crate::document::offsets::narrow;
use crate::document::Span;
use compact_str::CompactString;

/// What `day` holds for an expression with no calendar day.
const NO_DAY: i32 = i32::MIN;

/// A timeline event: a temporal expression in its sentence. Kept in 48 bytes
/// (a [`Timex`] and a sentence index take 72): offsets and the sentence as
/// `u32`, the first day as a day number. The entities of the sentence are
/// found when asked ([`super::sentence_entities`]), not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    value: CompactString,
    start: u32,
    end: u32,
    sentence: u32,
    /// Days since 1970-01-01 of the first day the value points at, or [`NO_DAY`].
    day: i32,
    kind: TimexType,
    resolved: bool,
}

impl Event {
    /// `timex`, found in sentence `sentence` (an index into `Document::sentences`).
    pub fn new(timex: Timex, sentence: usize) -> Event {
        Event {
            start: narrow(timex.span.start),
            end: narrow(timex.span.end),
            sentence: narrow(sentence),
            // A day past ±5.8 million years is kept as the nearest one that fits.
            day: timex.day.map_or(NO_DAY, |d| {
                d.to_days()
                    .clamp(i64::from(NO_DAY) + 1, i64::from(i32::MAX)) as i32
            }),
            kind: timex.kind,
            resolved: timex.resolved,
            value: timex.value,
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

    /// The first calendar day the value points at, for ordering and grouping.
    pub fn day(&self) -> Option<Date> {
        (self.day != NO_DAY).then(|| Date::from_days(i64::from(self.day)))
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
            value: self.value.clone(),
            resolved: self.resolved,
            day: self.day(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_gives_back_the_expression_it_was_made_of_in_48_bytes() {
        for day in [
            Date::new(2007, 4, 23),
            Date::new(-44, 3, 15),
            Date::new(9999, 12, 31),
            None,
        ] {
            let timex = Timex {
                span: Span::new(3_000_000_000, 3_000_000_014),
                kind: TimexType::Date,
                value: "2007-04-23".into(),
                resolved: day.is_some(),
                day,
            };
            let e = Event::new(timex.clone(), 600_000);
            assert_eq!(e.timex(), timex);
            assert_eq!(e.sentence(), 600_000);
            assert_eq!(e.place(), timex.place());
        }
        assert_eq!(std::mem::size_of::<Event>(), 48);
    }
}

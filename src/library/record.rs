//! One brief's extraction results reduced to what the library needs: a summary
//! for its row, mentions with their sentence (for keyword-in-context), and its
//! timeline events. Offsets are bytes of the decoded text, stored as `u32`.

use crate::date::Date;
use crate::document::{Document, Span, Span32};
use crate::entities::{Entities, Kind};
use crate::timeline::{Event, TimexType};

/// A brief's row in the library view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub publication: String,
    pub volume: String,
    pub issue: String,
    /// The `Title:` header, else the first sentence (cut short).
    pub title: String,
    /// The publication date when fully known.
    pub date: Option<Date>,
    /// The publication year when known (also set when `date` is).
    pub year: Option<i32>,
    pub sentences: u32,
    pub words: u32,
}

impl Summary {
    /// Sort key, later is newer: year, then month and day when known.
    pub fn date_key(&self) -> (i32, u32, u32) {
        match (self.date, self.year) {
            (Some(d), _) => (d.year, d.month, d.day),
            (None, Some(y)) => (y, 0, 0),
            (None, None) => (i32::MIN, 0, 0),
        }
    }
}

/// One mention: which entity, where, and the sentence around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRec {
    /// An entity id: local to the record while it travels from a worker, global in a library.
    pub entity: u32,
    pub span: Span32,
    pub sentence: Span32,
}

/// One timeline event of a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRec {
    pub span: Span32,
    pub sentence: Span32,
    pub kind: TimexType,
    pub value: Box<str>,
    pub resolved: bool,
    pub day: Option<Date>,
    /// Entities mentioned in the event's sentence (ids as in [`MentionRec::entity`]).
    pub entities: Box<[u32]>,
}

/// Everything the library keeps about one brief's contents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub summary: Summary,
    /// Name and kind of each entity id used by `mentions` and `events` (local ids).
    pub entities: Vec<(Box<str>, Kind)>,
    /// The other ways the brief writes each entity: `(local id, mention text)`, each
    /// pair once, never the entity's own name ("Putin" for "Vladimir Putin").
    pub forms: Vec<(u32, Box<str>)>,
    /// In text order.
    pub mentions: Vec<MentionRec>,
    /// In date order, as `timeline::build` gives them.
    pub events: Vec<EventRec>,
}

/// Reduces `doc`'s extraction results to a record; `None` if the text exceeds 4 GiB.
pub fn reduce(doc: &Document, entities: &Entities, events: &[Event]) -> Option<Record> {
    u32::try_from(doc.text().len()).ok()?;
    let summary = Summary {
        publication: doc.header_value("Publication").unwrap_or("").to_owned(),
        volume: doc.header_value("Volume").unwrap_or("").to_owned(),
        issue: doc.header_value("Issue").unwrap_or("").to_owned(),
        title: doc.title(160),
        date: doc.published().date,
        year: doc.published().year,
        sentences: u32::try_from(doc.sentences().len()).unwrap_or(u32::MAX),
        words: u32::try_from(doc.text().split_whitespace().count()).unwrap_or(u32::MAX),
    };
    let table = entities
        .entities
        .iter()
        .map(|e| (Box::from(e.name.as_str()), e.kind))
        .collect();
    let mut forms: Vec<(u32, Box<str>)> = Vec::new();
    for m in entities.mentions() {
        let (Some(e), Some(text)) = (
            entities.entities.get(m.entity()),
            doc.text().get(m.span().start..m.span().end),
        ) else {
            continue;
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = u32::try_from(m.entity()).unwrap_or(u32::MAX);
        if text != e.name
            && !text.is_empty()
            && !forms.iter().any(|(i, f)| *i == id && **f == *text)
        {
            forms.push((id, text.into()));
        }
    }
    let mentions = entities
        .mentions()
        .iter()
        .filter_map(|m| {
            Some(MentionRec {
                entity: u32::try_from(m.entity()).ok()?,
                span: Span32::new(m.span())?,
                sentence: Span32::new(sentence_around(doc, m.span()))?,
            })
        })
        .collect();
    let events = events
        .iter()
        .filter_map(|e| {
            let t = e.timex();
            Some(EventRec {
                span: Span32::new(t.span)?,
                sentence: Span32::new(
                    doc.sentences()
                        .get(e.sentence())
                        .map(|s| s.span())
                        .filter(|s| s.start <= t.span.start && t.span.end <= s.end)
                        .unwrap_or_else(|| sentence_around(doc, t.span)),
                )?,
                kind: t.kind,
                value: Box::from(t.value.as_str()),
                resolved: t.resolved,
                day: t.day,
                entities: crate::timeline::sentence_entities(doc, entities, e.sentence())
                    .into_iter()
                    .filter_map(|id| u32::try_from(id).ok())
                    .collect(),
            })
        })
        .collect();
    Some(Record {
        summary,
        entities: table,
        forms,
        mentions,
        events,
    })
}

/// The sentence holding `span`, else the line holding it (a header line, say).
pub fn sentence_around(doc: &Document, span: Span) -> Span {
    if let Some(s) = doc
        .sentence_at(span.start)
        .and_then(|i| doc.sentences().get(i))
    {
        if s.span().start <= span.start && span.end <= s.span().end {
            return s.span();
        }
    }
    let text = doc.text();
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return span;
    };
    let start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = after
        .find(['\n', '\r'])
        .map_or(text.len(), |i| span.end + i);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entity;

    #[test]
    fn mentions_carry_their_sentence_and_header_mentions_their_line() {
        let doc = Document::from_text(
            "Publication: Kazakh Monitor Volume: 4 Issue: 85\n\nAstana met Almaty. Then Astana slept.",
        );
        let text = doc.text();
        let at = |needle: &str, nth: usize| {
            let start = text.match_indices(needle).nth(nth).unwrap().0;
            Span::new(start, start + needle.len())
        };
        let mut entities = Entities::default();
        let kazakhstan = entities.add(Entity::new("Kazakhstan", Kind::Place));
        let astana = entities.add(Entity::new("Astana", Kind::Place));
        entities.push_mention(at("Kazakh", 0), kazakhstan);
        entities.push_mention(at("Astana", 0), astana);
        entities.push_mention(at("Astana", 1), astana);
        let rec = reduce(&doc, &entities, &[]).unwrap();
        assert_eq!(rec.summary.publication, "Kazakh Monitor");
        assert_eq!(rec.summary.issue, "85");
        assert_eq!(rec.summary.year, None);
        let sentences: Vec<&str> = rec
            .mentions
            .iter()
            .map(|m| doc.slice(m.sentence.span()))
            .collect();
        assert_eq!(
            sentences,
            [
                "Publication: Kazakh Monitor Volume: 4 Issue: 85",
                "Astana met Almaty.",
                "Then Astana slept."
            ]
        );
        let texts: Vec<&str> = rec
            .mentions
            .iter()
            .map(|m| doc.slice(m.span.span()))
            .collect();
        assert_eq!(texts, ["Kazakh", "Astana", "Astana"]);
        assert_eq!(
            rec.forms,
            [(0, Box::from("Kazakh"))],
            "a name is not its own form"
        );
    }
}

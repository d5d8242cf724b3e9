//! What the reader shows of a brief's extraction: the recognizer's entities,
//! the same with the user's corrections applied, and the timeline linked to
//! them. Built on the background thread for a big file, so that the main
//! thread, which answers keys, only moves it into place.

use crate::document::Document;
use crate::entities::corrections;
use crate::entities::store::{to_corrections, Change};
use crate::entities::Entities;
use crate::timeline::Event;
use std::sync::Arc;

/// One extraction, ready to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The recognizer's own output, kept so corrections re-apply without re-running it.
    pub raw: Arc<Entities>,
    /// `raw` with `corrections` applied: the entities shown. With no
    /// corrections it is `raw` itself, not a copy (a 100 MB brief has 1.7 M mentions).
    pub entities: Arc<Entities>,
    /// Per entity of `entities`: whether a correction names it.
    pub corrected: Vec<bool>,
    /// The timeline, each event linked to the entities of its sentence.
    pub events: Vec<Event>,
    /// The corrections it was derived with; the reader derives again when its
    /// own differ (a correction made while this was being built).
    pub corrections: Vec<Change>,
}

impl Extraction {
    /// Derives what is shown from the recognizer's output `raw` and the
    /// timeline `events` (as `timeline::build` makes them).
    pub fn derive(
        doc: &Document,
        raw: Entities,
        events: Vec<Event>,
        corrections: Vec<Change>,
    ) -> Self {
        let raw = Arc::new(raw);
        let (entities, corrected) = correct(doc, &raw, &corrections);
        Extraction {
            raw,
            entities,
            corrected,
            events,
            corrections,
        }
    }

    /// Extraction of `doc` with `corrections` applied: the whole pipeline.
    pub fn run(doc: &Document, corrections: Vec<Change>) -> Self {
        let raw = crate::entities::extract(doc);
        // The recognizer's temporaries go back before the timeline's are made,
        // so a big brief's peak is not the two phases' leftovers stacked.
        crate::allocator::give_back_free();
        let events = crate::timeline::build(doc);
        Self::derive(doc, raw, events, corrections)
    }
}

/// `raw` with `corrections` applied, and per entity whether a correction names it.
pub fn correct(
    doc: &Document,
    raw: &Arc<Entities>,
    corrections: &[Change],
) -> (Arc<Entities>, Vec<bool>) {
    let c = to_corrections(corrections);
    let text = doc.text();
    let entities = if c.is_empty() {
        raw.clone()
    } else {
        Arc::new(corrections::apply(text, Entities::clone(raw), &c))
    };
    let corrected = corrections::touched(text, &entities, &c);
    (entities, corrected)
}

impl From<(Entities, Vec<Event>)> for Extraction {
    /// The recognizer's output with no corrections.
    fn from((raw, events): (Entities, Vec<Event>)) -> Self {
        let raw = Arc::new(raw);
        Extraction {
            entities: raw.clone(),
            corrected: vec![false; raw.entities.len()],
            raw,
            events,
            corrections: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_no_corrections_the_entities_shown_are_the_recognizers_not_a_copy() {
        let doc = Document::from_text(
            "Date: 2008-08-20\n\nNursultan Nazarbayev met Vladimir Putin in Astana on Monday.\n",
        );
        let data = Extraction::run(&doc, Vec::new());
        assert!(!data.raw.mentions().is_empty());
        assert!(Arc::ptr_eq(&data.raw, &data.entities));
        // A correction makes entities of their own.
        let drop = Change::NotEntity {
            name: "Astana".into(),
        };
        let data = Extraction::run(&doc, vec![drop]);
        assert!(!Arc::ptr_eq(&data.raw, &data.entities));
        assert!(data.entities.entities.iter().all(|e| e.name != "Astana"));
    }
}

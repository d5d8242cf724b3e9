//! The timeline strip on ratatui's TestBackend with events from the real
//! tagger: dated events first, vague references ("now", "one day") grouped
//! apart after them, never placed on a day.

mod common;

use folio::date::Date;
use folio::document::Document;
use folio::entities::Kind;
use folio::timeline::{self, Place};
use folio::ui::{Action, App};
use std::sync::Arc;

fn doc() -> Document {
    let mut doc = Document::from_text(
        "The ferry service is now suspended along the coast.\n\n\
         On April 23 the harbour board met in Tromsø to discuss repairs.\n\n\
         One day the pier will reopen, the mayor said.\n\n\
         Repairs began on March 2 and will last two years.",
    );
    doc.set_published(Date::new(2007, 4, 27).unwrap());
    doc
}

#[test]
fn vague_references_keep_their_value_but_no_day() {
    let d = doc();
    let found = timeline::extract(&d);
    let now = found
        .iter()
        .find(|t| t.span.slice(d.text()) == "now")
        .expect("now is found");
    assert_eq!(now.value, "PRESENT_REF");
    assert_eq!(now.day, None);
    assert_eq!(now.place(), Place::Vague);
    let some_day = found
        .iter()
        .find(|t| t.span.slice(d.text()) == "One day")
        .expect("one day is found");
    assert_eq!(some_day.value, "FUTURE_REF");
    assert_eq!(some_day.place(), Place::Vague);
}

#[test]
fn strip_shows_dated_events_first_and_vague_ones_apart() {
    let d = doc();
    let ents = common::entities_named(&d, &[("Tromsø", Kind::Place)]);
    let events = timeline::build(&d);
    let places: Vec<Place> = events.iter().map(|e| e.place()).collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted, "events come in group order");
    assert_eq!(places.first(), Some(&Place::Dated));
    assert!(places.contains(&Place::Vague));

    let mut app = App::new(Arc::new(d), "harbour".into());
    app.update(Action::Extracted(Box::new((ents, events).into())));
    app.update(Action::Resize(120, 40));
    let buf = common::render(&app);
    let (_, band_row) = common::find_text(&buf, "Mar 2 2007").expect("dated heading on the strip");
    let band = common::row_text(&buf, band_row);
    let at = |needle: &str| {
        band.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not on the band: {band}"))
    };
    // Dated groups in date order, then the vague group holding "now" and "One day".
    assert!(at("Mar 2 2007") < at("Apr 23 2007"), "{band}");
    assert!(at("Apr 23 2007") < at("vague"), "{band}");
    assert!(at("vague") < at("now"), "{band}");
    assert!(at("vague") < at("One day"), "{band}");
    assert!(
        !band.contains("Apr 27"),
        "now is not placed on the publication day: {band}"
    );
}

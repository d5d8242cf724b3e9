//! Opening a brief of the library in the reader: built with the user's
//! settings, its entities and timeline rebuilt from the index (nothing to wait
//! for) unless the file changed since it was indexed, and a concordance hit
//! shown by selecting its entity at that mention. Pure: the edge reads the file.

use super::{Reading, Screen};
use crate::document::Document;
use crate::entities::{Corrections, Entities, Entity, EntityId};
use crate::library::{BriefId, EntityRef, Extractor, Hit, Library};
use crate::timeline::{Event, Timex};
use crate::ui::action::Action;
use crate::ui::app::App;
use crate::ui::settings::Settings;
use compact_str::CompactString;
use std::collections::HashMap;
use std::sync::Arc;

/// A brief read for the reader, and whether it is still the file that was indexed.
pub struct Read {
    pub doc: Document,
    pub same: bool,
}

/// A reader on brief `id` of `lib`, `size` columns by rows, whose `Esc` leads
/// back to `back`. Entities and events come from the index when the file is
/// the one indexed; otherwise they are extracted afresh (with `corrections`).
pub fn build(
    lib: &Library,
    id: BriefId,
    read: Read,
    settings: &Settings,
    corrections: &Corrections,
    (w, h): (u16, u16),
    back: Screen,
) -> Reading {
    let Read { doc, same } = read;
    let name = lib.brief(id).map_or_else(String::new, |b| {
        b.path.file_name().map_or_else(
            || b.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    });
    let (entities, events, global) = if same {
        from_index(lib, id, &doc)
    } else {
        let (e, ev) = Extractor::DEFAULT.run_corrected(&doc, corrections);
        (e, ev, Vec::new())
    };
    let mut app = App::configured(Arc::new(doc), name, settings);
    app.update(Action::Resize(w, h));
    app.update(Action::Extracted(Box::new((entities, events).into())));
    if !same {
        app.say("changed since it was indexed; entities extracted afresh");
    }
    Reading {
        brief: id,
        app,
        global,
        back,
    }
}

/// Selects the hit's entity in the reader and goes to that mention (found by its
/// span, so a brief extracted afresh still lands on the right words).
pub fn show_hit(r: &mut Reading, hit: &Hit) {
    let ents = &r.app.entities;
    let m = Some(hit.mention as usize)
        .filter(|&m| ents.mentions().get(m).is_some_and(|x| x.span() == hit.span))
        .or_else(|| ents.mention_at(hit.span.start));
    match m {
        Some(m) => r.app.go_to_mention(m),
        None => r.app.say("that mention is no longer in the brief"),
    }
}

/// Shows the brief's event `e` (an index into its events, as in the index).
pub fn show_event(r: &mut Reading, e: usize) {
    r.app.go_to_event(e);
}

/// The brief's entities and events rebuilt from the index, with local ids in order of
/// first mention; mention `i` of the index is mention `i` here.
fn from_index(
    lib: &Library,
    id: BriefId,
    doc: &Document,
) -> (Entities, Vec<Event>, Vec<EntityRef>) {
    let Some(b) = lib.brief(id) else {
        return (Entities::default(), Vec::new(), Vec::new());
    };
    let mut local: HashMap<EntityRef, EntityId> = HashMap::new();
    let mut global = Vec::new();
    let mut ents = Entities::default();
    for m in &b.mentions {
        let span = m.span.span();
        if doc.text().get(span.start..span.end).is_none() {
            continue;
        }
        let l = *local.entry(m.entity).or_insert_with(|| {
            let e = &lib.entities()[m.entity as usize];
            global.push(m.entity);
            ents.add(Entity::new(e.name.to_string(), e.kind))
        });
        ents.push_mention(span, l);
    }
    let events = b
        .events
        .iter()
        .filter(|e| {
            doc.text()
                .get(e.span.start as usize..e.span.end as usize)
                .is_some()
        })
        .map(|e| {
            let span = e.span.span();
            let timex = Timex {
                span,
                kind: e.kind,
                value: CompactString::from(&*e.value),
                resolved: e.resolved,
                day: e.day,
            };
            Event::new(timex, doc.sentence_at(span.start).unwrap_or(0))
        })
        .collect();
    (ents, events, global)
}

//! Opening a brief of the library in the reader: its entities and timeline are
//! rebuilt from the index (nothing to wait for), and a concordance hit is shown
//! by selecting its entity at that mention.

use super::{Reading, Screen};
use crate::document::Document;
use crate::entities::{Entities, Entity, EntityId, Mention};
use crate::library::{BriefId, EntityRef, Extractor, Hit, Library};
use crate::timeline::{Event, Timex};
use crate::ui::action::Action;
use crate::ui::app::App;
use std::collections::HashMap;
use std::sync::Arc;

/// Selects the hit's entity in the reader and shows that mention (found by its span,
/// so a brief extracted afresh still lands on the right words).
pub(super) fn show_hit(r: &mut Reading, hit: &Hit) {
    let ents = &r.app.entities;
    let m = Some(hit.mention as usize)
        .filter(|&m| ents.mentions.get(m).is_some_and(|x| x.span == hit.span))
        .or_else(|| ents.mention_at(hit.span.start));
    match m {
        Some(m) => {
            let local = ents.mentions[m].entity;
            r.app.select_entity(local);
            r.app.mention = Some(m);
        }
        None => r.app.notice = Some("that mention is no longer in the brief".into()),
    }
    if hit.span.start <= r.app.doc.text().len() {
        r.app.view.reveal(&r.app.flow, hit.span.start);
    }
}

/// Shows the brief's event `e` (an index into its events, as in the index).
pub(super) fn show_event(r: &mut Reading, e: usize) {
    if let Some(ev) = r.app.events.get(e) {
        let pos = ev.timex.span.start;
        r.app.event = Some(e);
        r.app.view.reveal(&r.app.flow, pos);
    }
}

/// A reader on brief `id` whose entities and timeline come from the library's index
/// (no extraction to wait for); if the file changed since it was indexed, extracted afresh.
pub(super) fn reader_for(
    lib: &Library,
    id: BriefId,
    (w, h): (u16, u16),
    back: Screen,
    corrections: &crate::entities::Corrections,
) -> Result<Reading, String> {
    let b = lib.brief(id).ok_or("no such brief")?;
    let reread = lib.document(id)?;
    let (doc, same) = (reread.doc, !reread.changed);
    let name = b.path.file_name().map_or_else(
        || b.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let (entities, events, global) = if same {
        from_index(lib, id, &doc)
    } else {
        let (e, ev) = Extractor::DEFAULT.run_corrected(&doc, corrections);
        (e, ev, Vec::new())
    };
    let mut app = App::new(Arc::new(doc), name);
    app.update(Action::Resize(w, h));
    app.update(Action::Extracted(Box::new((entities, events))));
    if !same {
        app.notice = Some("changed since it was indexed; entities extracted afresh".into());
    }
    Ok(Reading {
        brief: id,
        app,
        global,
        back,
    })
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
            ents.entities.push(Entity {
                name: e.name.to_string(),
                kind: e.kind,
                mentions: Vec::new(),
            });
            global.push(m.entity);
            ents.entities.len() - 1
        });
        ents.entities[l].mentions.push(ents.mentions.len());
        ents.mentions.push(Mention { span, entity: l });
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
            Event {
                timex: Timex {
                    span,
                    kind: e.kind,
                    value: e.value.to_string(),
                    resolved: e.resolved,
                    day: e.day,
                },
                sentence: doc.sentence_at(span.start).unwrap_or(0),
                entities: e
                    .entities
                    .iter()
                    .filter_map(|g| local.get(g).copied())
                    .collect(),
            }
        })
        .collect();
    (ents, events, global)
}

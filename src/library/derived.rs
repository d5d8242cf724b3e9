//! What the library computes from its briefs after they change: brief order
//! (newest first), entity counts and ranking, postings (each entity's mentions,
//! oldest brief first) and the merged timeline. Linear in mentions, plus sorts of
//! briefs, entities and events.

use super::{BriefId, EntityRef, Library};

/// Everything computed from the briefs, rebuilt by [`Library::refresh`].
#[derive(Default)]
pub(super) struct Derived {
    /// Newest first.
    pub(super) order: Vec<BriefId>,
    /// Entities with mentions, most mentioned first.
    pub(super) ranking: Vec<EntityRef>,
    /// `postings[post_start[e]..post_start[e+1]]`: (brief, mention) of entity `e`, oldest brief first.
    pub(super) post_start: Vec<u32>,
    pub(super) postings: Vec<(BriefId, u32)>,
    /// (brief, event) in date order; undated last.
    pub(super) timeline: Vec<(BriefId, u32)>,
}

impl Library {
    /// Recomputes order, counts, postings and the timeline after briefs arrived.
    /// Linear in mentions plus a sort of briefs and events; call it at most a few times a second.
    pub fn refresh(&mut self) {
        if !self.stale {
            return;
        }
        self.stale = false;
        let briefs = &self.briefs;
        let mut order: Vec<BriefId> = (0..briefs.len() as BriefId).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&briefs[a as usize], &briefs[b as usize]);
            y.summary
                .date_key()
                .cmp(&x.summary.date_key())
                .then_with(|| (&x.path, x.item).cmp(&(&y.path, y.item)))
        });
        let n = self.entities.len();
        let mut counts = vec![0u32; n];
        let mut brief_counts = vec![0u32; n];
        let mut last_seen = vec![u32::MAX; n];
        for (id, b) in briefs.iter().enumerate() {
            for m in &b.mentions {
                let e = m.entity as usize;
                counts[e] += 1;
                if last_seen[e] != id as u32 {
                    last_seen[e] = id as u32;
                    brief_counts[e] += 1;
                }
            }
        }
        let mut post_start = Vec::with_capacity(n + 1);
        let mut total = 0u32;
        post_start.push(0);
        for (e, c) in counts.iter().enumerate() {
            total += c;
            post_start.push(total);
            self.entities[e].mentions = *c;
            self.entities[e].briefs = brief_counts[e];
        }
        let mut fill: Vec<u32> = post_start[..n].to_vec();
        let mut postings = vec![(0, 0); total as usize];
        for &id in order.iter().rev() {
            for (i, m) in briefs[id as usize].mentions.iter().enumerate() {
                let slot = &mut fill[m.entity as usize];
                postings[*slot as usize] = (id, i as u32);
                *slot += 1;
            }
        }
        let entities = &self.entities;
        let mut ranking: Vec<EntityRef> = (0..n as EntityRef)
            .filter(|&e| entities[e as usize].mentions > 0)
            .collect();
        ranking.sort_by(|&a, &b| {
            let (x, y) = (&entities[a as usize], &entities[b as usize]);
            y.mentions
                .cmp(&x.mentions)
                .then_with(|| x.name.cmp(&y.name))
                .then(x.kind.cmp(&y.kind))
        });
        let mut rank = vec![0u32; briefs.len()];
        for (r, &id) in order.iter().rev().enumerate() {
            rank[id as usize] = r as u32;
        }
        let mut timeline: Vec<(BriefId, u32)> = briefs
            .iter()
            .enumerate()
            .flat_map(|(id, b)| (0..b.events.len() as u32).map(move |e| (id as BriefId, e)))
            .collect();
        timeline.sort_by_key(|&(b, e)| {
            let ev = &briefs[b as usize].events[e as usize];
            let place = crate::timeline::Place::of(&ev.value, ev.resolved, ev.day);
            (place, ev.day, rank[b as usize], ev.span.start)
        });
        self.derived = Derived {
            order,
            ranking,
            post_start,
            postings,
            timeline,
        };
    }
}

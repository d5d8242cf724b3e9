//! An entity's profile across the library: how often it is mentioned month by
//! month, the entities named in the same sentences as it (and how many
//! sentences they share), and when and where it was first and last seen.
//! Computed from the index alone, in one pass over the briefs that name it.

use super::{BriefId, EntityRef, Hit, Library};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What [`Library::profile`] finds out about one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub entity: EntityRef,
    pub mentions: u32,
    pub briefs: u32,
    /// The oldest and the newest brief naming it (by publication date).
    pub first_seen: Option<BriefId>,
    pub last_seen: Option<BriefId>,
    /// Mentions per `(year, month)`, of briefs whose month is known.
    pub months: BTreeMap<(i32, u32), u32>,
    /// Mentions in briefs whose month is not known.
    pub undated: u32,
    /// Entities named in the same sentences, with how many sentences they
    /// share, most first (then by name).
    pub related: Vec<(EntityRef, u32)>,
}

impl Profile {
    /// Every month from the first to the last with mentions, zeros included.
    pub fn series(&self) -> Vec<((i32, u32), u32)> {
        let (Some(&first), Some(&last)) = (self.months.keys().next(), self.months.keys().last())
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut m = first;
        while m <= last {
            out.push((m, self.months.get(&m).copied().unwrap_or(0)));
            m = if m.1 >= 12 {
                (m.0 + 1, 1)
            } else {
                (m.0, m.1 + 1)
            };
        }
        out
    }

    /// The `n` months with the most mentions, most first (earlier first on a tie).
    pub fn busiest(&self, n: usize) -> Vec<((i32, u32), u32)> {
        let mut all: Vec<((i32, u32), u32)> = self.months.iter().map(|(&m, &c)| (m, c)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(n);
        all
    }
}

/// `YYYY-MM`.
pub fn month_label((y, m): (i32, u32)) -> String {
    format!("{y:04}-{m:02}")
}

impl Library {
    /// The profile of `entity` (see [`Profile`]).
    pub fn profile(&self, entity: EntityRef) -> Profile {
        let hits = self.concordance(entity);
        let (mut months, mut undated) = (BTreeMap::new(), 0);
        // The sentences naming the entity, by brief (hits come brief by brief).
        let mut sentences: Vec<(BriefId, HashSet<u32>)> = Vec::new();
        for h in &hits {
            let Some(b) = self.brief(h.brief) else {
                continue;
            };
            match b.summary.date {
                Some(d) => *months.entry((d.year, d.month)).or_insert(0) += 1,
                None => undated += 1,
            }
            match sentences.last_mut() {
                Some((id, set)) if *id == h.brief => {
                    set.insert(h.sentence.start as u32);
                }
                _ => sentences.push((h.brief, HashSet::from([h.sentence.start as u32]))),
            }
        }
        let mut shared: HashMap<EntityRef, HashSet<(BriefId, u32)>> = HashMap::new();
        for (id, starts) in &sentences {
            let Some(b) = self.brief(*id) else { continue };
            for m in &b.mentions {
                if m.entity != entity && starts.contains(&m.sentence.start) {
                    shared
                        .entry(m.entity)
                        .or_default()
                        .insert((*id, m.sentence.start));
                }
            }
        }
        let mut related: Vec<(EntityRef, u32)> = shared
            .into_iter()
            .map(|(e, s)| (e, s.len() as u32))
            .collect();
        related.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                let name = |e: EntityRef| self.entity(e).map(|x| &*x.name);
                name(a.0).cmp(&name(b.0))
            })
        });
        let ent = self.entity(entity);
        Profile {
            entity,
            mentions: ent.map_or(0, |e| e.mentions),
            briefs: ent.map_or(0, |e| e.briefs),
            first_seen: hits.first().map(|h| h.brief),
            last_seen: hits.last().map(|h| h.brief),
            months,
            undated,
            related,
        }
    }

    /// The mentions of `entity` in sentences that also name `other`, oldest brief first.
    pub fn shared(&self, entity: EntityRef, other: EntityRef) -> Vec<Hit> {
        self.concordance(entity)
            .into_iter()
            .filter(|h| {
                self.brief(h.brief).is_some_and(|b| {
                    b.mentions
                        .iter()
                        .any(|m| m.entity == other && m.sentence.span() == h.sentence)
                })
            })
            .collect()
    }
}

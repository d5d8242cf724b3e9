//! Named entities: people, organizations, places and other names found in a
//! document, with aliases merged so that every mention points at one entity.

mod acronyms;
mod aliases;
mod candidates;
pub mod classes;
pub mod consensus;
pub mod corpus;
pub mod corrections;
mod datelines;
mod described_names;
mod digit_names;
pub mod features;
pub mod gazetteer;
mod hashing;
mod heading_names;
mod in_place;
mod mention;
mod org_contexts;
mod org_lists;
mod org_names;
mod org_speakers;
pub mod perceptron;
mod possessive_names;
mod recognizer;
mod rules;
mod scripts;
pub mod store;
mod synthetic;
mod team_cities;
mod titles;
pub mod token_facts;
pub mod tokens;
pub mod train;
mod word_facts;
mod words;

use crate::document::{Document, Span};
use serde::{Deserialize, Serialize};

pub use corrections::{extract_with, Corrections};
pub use mention::Mention;
pub use recognizer::{Recognizer, CHUNK_BYTES};

/// What an entity is. `Misc` covers nationalities, operations, vessels, programmes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Misc,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc];

    /// The name used in JSON and on screen.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Misc => "misc",
        }
    }
}

/// Index of an entity in [`Entities::entities`].
pub type EntityId = usize;

/// A distinct entity with its canonical name. Its mentions are those of
/// [`Entities::mentions`] that point at it ([`Entities::mentions_of`]); only
/// their count is kept here (a big brief's millions of mentions are listed once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    count: u32,
}

impl Entity {
    /// An entity with no mentions yet.
    pub fn new(name: impl Into<String>, kind: Kind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            count: 0,
        }
    }

    /// How many mentions point at the entity.
    pub fn count(&self) -> usize {
        self.count as usize
    }
}

/// All entities of a document; `mentions` is sorted by position and never overlaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    pub entities: Vec<Entity>,
    mentions: Vec<Mention>,
}

impl Entities {
    /// Adds an entity with no mentions; its id.
    pub fn add(&mut self, entity: Entity) -> EntityId {
        self.entities.push(Entity { count: 0, ..entity });
        self.entities.len() - 1
    }

    /// Adds a mention of entity `id` (which must exist) at `span`, after every
    /// mention so far.
    pub fn push_mention(&mut self, span: Span, id: EntityId) {
        self.entities[id].count += 1;
        self.mentions.push(Mention::new(span, id));
    }

    /// Every mention, in text order.
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mentions of entity `id`, as indexes into [`Entities::mentions`] in
    /// text order: one pass over all mentions.
    pub fn mentions_of(&self, id: EntityId) -> Vec<u32> {
        let n = self.entities.get(id).map_or(0, Entity::count);
        let mut out = Vec::with_capacity(n);
        if n > 0 {
            out.extend(
                (0..self.mentions.len())
                    .filter(|&i| self.mentions[i].entity() == id)
                    .map(crate::document::offsets::narrow),
            );
        }
        out
    }

    /// Every entity's mentions at once (what [`Entities::mentions_of`] gives
    /// for each id), for work that reads them all.
    pub fn mention_lists(&self) -> Vec<Vec<u32>> {
        let mut lists: Vec<Vec<u32>> = self
            .entities
            .iter()
            .map(|e| Vec::with_capacity(e.count()))
            .collect();
        for (i, m) in self.mentions.iter().enumerate() {
            if let Some(list) = lists.get_mut(m.entity()) {
                list.push(crate::document::offsets::narrow(i));
            }
        }
        lists
    }

    /// Gives back the room its lists grew into and do not use: a big brief's
    /// millions of mentions are kept as long as it is read.
    pub fn shrink_to_fit(&mut self) {
        self.mentions.shrink_to_fit();
        self.entities.shrink_to_fit();
    }

    /// The mention covering byte `pos`, if any.
    pub fn mention_at(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span().start <= pos);
        let i = i.checked_sub(1)?;
        self.mentions[i].span().contains(pos).then_some(i)
    }

    /// Mentions that overlap `span`, as a range of indexes into `mentions`.
    pub fn mentions_in(&self, span: Span) -> std::ops::Range<usize> {
        let first = self
            .mentions
            .partition_point(|m| m.span().end <= span.start);
        let last = self.mentions.partition_point(|m| m.span().start < span.end);
        first..last.max(first)
    }
}

/// Finds the entities of `doc` with the built-in model and name lists
/// (loaded once, on first use).
pub fn extract(doc: &Document) -> Entities {
    let mut found = Recognizer::builtin().extract(doc);
    found.shrink_to_fit();
    found
}

//! Named entities: people, organizations, places and other names found in a
//! document, with aliases merged so that every mention points at one entity.

mod acronyms;
mod aliases;
pub mod classes;
pub mod consensus;
pub mod corpus;
pub mod corrections;
pub mod features;
pub mod gazetteer;
mod hashing;
mod in_place;
mod mention;
mod org_contexts;
mod org_names;
mod org_speakers;
pub mod perceptron;
mod recognizer;
mod rules;
pub mod store;
mod synthetic;
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

/// A distinct entity with its canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    /// Indexes into [`Entities::mentions`], in text order (`u32`: a big brief has
    /// millions, and a text is at most 4 GiB).
    pub mentions: Vec<u32>,
}

impl Entity {
    /// Adds mention `index` (into [`Entities::mentions`]) to the entity's list.
    pub fn push_mention(&mut self, index: usize) {
        self.mentions.push(crate::document::offsets::narrow(index));
    }
}

/// All entities of a document; `mentions` is sorted by position and never overlaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// Gives back the room its lists grew into and do not use: a big brief's
    /// millions of mentions are kept as long as it is read.
    pub fn shrink_to_fit(&mut self) {
        self.mentions.shrink_to_fit();
        for e in &mut self.entities {
            e.mentions.shrink_to_fit();
        }
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

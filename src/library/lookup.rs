//! Finding an entity by a name the user typed (`folio library --entity NAME`):
//! its canonical name first, then any way a brief writes it ("Putin", "NATO"),
//! ignoring case. A spelling shared by several entities is ambiguous, not guessed.

use super::{EntityRef, Library};

/// What a typed name finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityMatch {
    /// One entity: by its canonical name (the most mentioned if several kinds
    /// share it), or the only one written so.
    One(EntityRef),
    /// Several entities are written so (a surname two people share): most mentioned first.
    Several(Vec<EntityRef>),
    /// No entity is named or written so.
    Nothing,
}

impl Library {
    /// The entity `name` means: a canonical name first, then the other spellings
    /// of mentions; case and runs of whitespace do not matter.
    pub fn lookup_entity(&self, name: &str) -> EntityMatch {
        let want = normal(name);
        let ranking = self.ranking();
        if let Some(&e) = ranking
            .iter()
            .find(|&&e| normal(&self.entities()[e as usize].name) == want)
        {
            return EntityMatch::One(e);
        }
        let written: Vec<EntityRef> = ranking
            .iter()
            .copied()
            .filter(|&e| {
                self.entities()[e as usize]
                    .forms
                    .iter()
                    .any(|f| normal(f) == want)
            })
            .collect();
        match written.as_slice() {
            [] => EntityMatch::Nothing,
            [e] => EntityMatch::One(*e),
            _ => EntityMatch::Several(written),
        }
    }

    /// The entity `name` means when that is one entity (see [`Library::lookup_entity`]).
    pub fn find_entity(&self, name: &str) -> Option<EntityRef> {
        match self.lookup_entity(name) {
            EntityMatch::One(e) => Some(e),
            EntityMatch::Several(_) | EntityMatch::Nothing => None,
        }
    }
}

/// Lower case, whitespace runs as one space, trimmed.
fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

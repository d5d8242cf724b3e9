//! The selected entity's mentions, kept at hand: the entities list every
//! mention once, in text order, and an entity's own are found by one pass
//! over them (1.7 M on a 100 MB brief), so the pass is made when the
//! selection or the entities change, not at every key or frame.

use super::App;
use crate::entities::{Entities, EntityId};
use std::borrow::Cow;
use std::sync::Arc;

/// The selected entity's mentions (indexes into `Entities::mentions`, in text
/// order) and what they were found from.
#[derive(Debug, Clone, Default)]
pub(super) struct SelectedMentions {
    list: Vec<u32>,
    from: Option<(EntityId, Arc<Entities>)>,
}

impl SelectedMentions {
    /// The list, if it was found for `entity` of `entities` (compared by
    /// address: while held, no other entities can take it).
    fn of(&self, entity: EntityId, entities: &Arc<Entities>) -> Option<&[u32]> {
        match &self.from {
            Some((id, from)) if *id == entity && Arc::ptr_eq(from, entities) => Some(&self.list),
            _ => None,
        }
    }
}

impl App {
    /// Finds the selected entity's mentions again if the selection or the
    /// entities changed: through [`App::refresh_shown`] at the end of every
    /// `update`, and where the selection is set and its mentions read at once.
    pub(super) fn refresh_selected_mentions(&mut self) {
        let Some(id) = self.selected else {
            self.selected_mentions = SelectedMentions::default();
            return;
        };
        if self.selected_mentions.of(id, &self.entities).is_some() {
            return;
        }
        self.selected_mentions = SelectedMentions {
            list: self.entities.mentions_of(id),
            from: Some((id, self.entities.clone())),
        };
    }

    /// The mentions of entity `id` as indexes into `entities.mentions`, in text
    /// order: the kept list for the selected entity, else found now.
    pub fn mentions_of(&self, id: EntityId) -> Cow<'_, [u32]> {
        match self.selected_mentions.of(id, &self.entities) {
            Some(list) => Cow::Borrowed(list),
            None => Cow::Owned(self.entities.mentions_of(id)),
        }
    }
}

//! A mention of an entity, packed: a big brief has millions of them.

use super::EntityId;
use crate::document::offsets::narrow;
use crate::document::{Span, Span32};

/// One occurrence of an entity in the text: its byte span and its entity.
/// Kept as three `u32` (12 bytes, not 24): a 100 MB brief has 1.7 M of them, and
/// a text is at most 4 GiB ([`crate::document::MAX_TEXT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    span: Span32,
    entity: u32,
}

impl Mention {
    pub fn new(span: Span, entity: EntityId) -> Mention {
        Mention {
            span: Span32::narrowed(span),
            entity: narrow(entity),
        }
    }

    /// Byte span of the mention's text.
    pub fn span(self) -> Span {
        self.span.span()
    }

    pub fn entity(self) -> EntityId {
        self.entity as EntityId
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_keeps_its_span_and_entity_in_twelve_bytes() {
        let m = Mention::new(Span::new(4_000_000_000, 4_000_000_017), 70_000);
        assert_eq!(m.span(), Span::new(4_000_000_000, 4_000_000_017));
        assert_eq!(m.entity(), 70_000);
        assert_eq!(std::mem::size_of::<Mention>(), 12);
    }
}

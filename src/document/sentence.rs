//! A sentence of a document, packed: a 100 MB brief has over half a million.

use super::{Span, Span32};

/// A sentence's byte span, kept as two `u32` (8 bytes, not 16); the paragraph
/// that holds it is [`super::Document::paragraph_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence(Span32);

impl Sentence {
    pub fn new(span: Span) -> Sentence {
        Sentence(Span32::narrowed(span))
    }

    pub fn span(self) -> Span {
        self.0.span()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_keeps_its_span_in_eight_bytes() {
        let s = Sentence::new(Span::new(3_000_000_000, 3_000_000_120));
        assert_eq!(s.span(), Span::new(3_000_000_000, 3_000_000_120));
        assert_eq!(std::mem::size_of::<Sentence>(), 8);
    }
}

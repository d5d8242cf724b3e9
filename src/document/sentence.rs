//! A sentence of a document, packed: a 100 MB brief has over half a million.

use super::offsets::narrow;
use super::Span;

/// A sentence's byte span and the index of the paragraph that holds it, kept
/// as three `u32` (12 bytes, not 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    start: u32,
    end: u32,
    paragraph: u32,
}

impl Sentence {
    pub fn new(span: Span, paragraph: usize) -> Sentence {
        Sentence {
            start: narrow(span.start),
            end: narrow(span.end),
            paragraph: narrow(paragraph),
        }
    }

    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Index into [`super::Document::paragraphs`].
    pub fn paragraph(self) -> usize {
        self.paragraph as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_keeps_its_span_and_paragraph_in_twelve_bytes() {
        let s = Sentence::new(Span::new(3_000_000_000, 3_000_000_120), 90_000);
        assert_eq!(s.span(), Span::new(3_000_000_000, 3_000_000_120));
        assert_eq!(s.paragraph(), 90_000);
        assert_eq!(std::mem::size_of::<Sentence>(), 12);
    }
}

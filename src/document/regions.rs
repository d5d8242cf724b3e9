//! Regions that a format conversion marks in a document's text. Verbatim spans
//! (Markdown code) are shown and indexed like any text but never scanned for
//! entities or dates. Sections (a feed's items) carry their own publication date,
//! so "yesterday" in an item resolves against that item's date, not the feed's.

use super::{Published, Span};

/// Text from `start` up to the next section (or the end) whose relative dates
/// resolve against `published` rather than the brief's own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Byte offset where the section begins.
    pub start: usize,
    /// The section's own date (unknown when the item had none).
    pub published: Published,
}

/// The marked regions of a document, kept sorted by position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Regions {
    pub verbatim: Vec<Span>,
    pub sections: Vec<Section>,
}

impl Regions {
    /// Regions checked against `text`: spans off char boundaries, outside the text
    /// or empty are dropped; both lists are sorted and verbatim spans merged.
    pub fn new(text: &str, mut verbatim: Vec<Span>, mut sections: Vec<Section>) -> Regions {
        let fits = |p: usize| p <= text.len() && text.is_char_boundary(p);
        verbatim.retain(|s| s.start < s.end && fits(s.start) && fits(s.end));
        verbatim.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(verbatim.len());
        for s in verbatim {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        sections.retain(|s| fits(s.start));
        sections.sort_by_key(|s| s.start);
        Regions {
            verbatim: merged,
            sections,
        }
    }

    /// The section holding byte `pos`, if any.
    pub fn section_at(&self, pos: usize) -> Option<&Section> {
        let i = self.sections.partition_point(|s| s.start <= pos);
        i.checked_sub(1).map(|i| &self.sections[i])
    }
}

/// The parts of `span` outside every span of `verbatim` (sorted, disjoint), in order.
pub fn outside(span: Span, verbatim: &[Span]) -> Vec<Span> {
    let first = verbatim.partition_point(|v| v.end <= span.start);
    let mut out = Vec::new();
    let mut from = span.start;
    for v in verbatim[first..].iter().take_while(|v| v.start < span.end) {
        if v.start > from {
            out.push(Span::new(from, v.start));
        }
        from = from.max(v.end);
    }
    if from < span.end {
        out.push(Span::new(from, span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_cut_around_verbatim_stretches() {
        let code = [Span::new(4, 8), Span::new(10, 12)];
        assert_eq!(
            outside(Span::new(0, 15), &code),
            [Span::new(0, 4), Span::new(8, 10), Span::new(12, 15)]
        );
        assert_eq!(outside(Span::new(5, 7), &code), []);
        assert_eq!(outside(Span::new(6, 11), &code), [Span::new(8, 10)]);
        assert_eq!(outside(Span::new(20, 30), &code), [Span::new(20, 30)]);
    }

    #[test]
    fn bad_spans_are_dropped_and_overlaps_merged() {
        let text = "aé bcdefgh";
        let r = Regions::new(
            text,
            vec![
                Span::new(5, 8),
                Span::new(2, 3),
                Span::new(4, 6),
                Span::new(9, 99),
            ],
            Vec::new(),
        );
        // 2 is inside "é"; 99 is past the end.
        assert_eq!(r.verbatim, [Span::new(4, 8)]);
    }
}

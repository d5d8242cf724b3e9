//! The reading cursor and the selection: sentence, paragraph and word motions
//! over the document, all on grapheme-safe byte offsets (word bounds come from
//! UAX #29, so a motion never lands inside a character or a cluster).

use crate::document::{Document, Span};
use unicode_segmentation::UnicodeSegmentation;

/// A selection from `anchor` to `head` (byte offsets; `head` may be before `anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub head: usize,
}

impl Selection {
    /// The selected span, in order and without surrounding whitespace.
    pub fn span(self, text: &str) -> Span {
        let (a, b) = if self.anchor <= self.head {
            (self.anchor, self.head)
        } else {
            (self.head, self.anchor)
        };
        let slice = &text[a..b];
        let lead = slice.len() - slice.trim_start().len();
        let trimmed = slice.trim();
        Span::new(a + lead, a + lead + trimmed.len())
    }
}

/// Words (segments holding a letter or digit) of paragraph `para`, as byte spans.
fn words(doc: &Document, para: usize) -> Vec<Span> {
    let Some(p) = doc.paragraphs().get(para) else {
        return Vec::new();
    };
    doc.slice(p.span())
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| Span::new(p.span().start + i, p.span().start + i + w.len()))
        .collect()
}

/// The words of the paragraph holding `pos` and its neighbours in `dir` (1 or -1),
/// nearest first, so a motion can cross into the next paragraph.
fn words_from(doc: &Document, pos: usize, forward: bool) -> impl Iterator<Item = Span> + '_ {
    let here = doc.paragraph_at(pos).unwrap_or(0);
    let paras: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(here..doc.paragraphs().len())
    } else {
        Box::new((0..=here).rev())
    };
    paras.flat_map(move |p| {
        let mut ws = words(doc, p);
        if !forward {
            ws.reverse();
        }
        ws
    })
}

/// Start of the first word that starts after `pos`, or `pos` at the end of the text.
pub fn word_forward(doc: &Document, pos: usize) -> usize {
    words_from(doc, pos, true)
        .find(|w| w.start > pos)
        .map_or(pos, |w| w.start)
}

/// End of the word holding `pos`, or of the next word when `pos` ends one or is between words.
pub fn word_end(doc: &Document, pos: usize) -> usize {
    words_from(doc, pos, true)
        .find(|w| w.end > pos)
        .map_or(pos, |w| w.end)
}

/// Start of the word before `pos` (the one holding it, if `pos` is inside a word).
pub fn word_back(doc: &Document, pos: usize) -> usize {
    words_from(doc, pos, false)
        .find(|w| w.start < pos)
        .map_or(pos, |w| w.start)
}

/// The word holding byte `pos`, if `pos` is inside one. Drawn on every frame
/// (the point's word), so only the text from the last safe word bound before
/// `pos` is segmented, not the whole paragraph, which in a big file may be
/// megabytes long.
pub fn word_at(doc: &Document, pos: usize) -> Option<Span> {
    let para = doc.paragraphs()[doc.paragraph_at(pos)?].span();
    if pos >= para.end {
        return None;
    }
    let text = doc.text();
    let from = word_bound_before(&text[para.start..pos]).map_or(para.start, |i| para.start + i);
    text[from..para.end]
        .split_word_bound_indices()
        .map(|(i, w)| (Span::new(from + i, from + i + w.len()), w))
        .take_while(|(span, _)| span.start <= pos)
        .find(|(span, _)| span.contains(pos))
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(span, _)| span)
}

/// The last offset in `s` that follows a whitespace character and starts an
/// ASCII one other than whitespace: UAX #29 always breaks there (no rule
/// joins whitespace to what follows unless that is whitespace, a combining
/// mark or a joiner, none of them ASCII non-whitespace), and no rule looks
/// back across it, so words found from there are the words found from the
/// paragraph's start.
fn word_bound_before(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (1..b.len())
        .rev()
        .find(|&i| b[i].is_ascii() && !b[i].is_ascii_whitespace() && is_space_before(s, i))
}

/// Whether the character ending just before byte `i` of `s` is whitespace.
fn is_space_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(char::is_whitespace)
}

/// A word motion key: `w`, `e` or `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMotion {
    Forward,
    End,
    Back,
}

impl WordMotion {
    /// Where a selection's head (an exclusive end or a start) goes from `pos`.
    pub fn head(self, doc: &Document, pos: usize) -> usize {
        match self {
            WordMotion::Forward => word_forward(doc, pos),
            WordMotion::End => word_end(doc, pos),
            WordMotion::Back => word_back(doc, pos),
        }
    }

    /// Where the point (a character) goes from `pos`: `e` to the last
    /// character of this word, or of the next when already there.
    pub fn point(self, doc: &Document, pos: usize) -> usize {
        let text = doc.text();
        match self {
            WordMotion::End => {
                let next = text[pos..]
                    .chars()
                    .next()
                    .map_or(pos, |c| pos + c.len_utf8());
                let end = word_end(doc, next);
                if end <= next {
                    return pos;
                }
                text[..end]
                    .char_indices()
                    .next_back()
                    .map_or(pos, |(i, _)| i)
            }
            other => other.head(doc, pos),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_at_a_point_is_the_word_the_whole_paragraph_segments_there() {
        // Words joined by apostrophes, decimal points and joiners, combining
        // marks and joiners after spaces, CJK, emoji, tabs and runs of spaces.
        let text = "Title: t\n\nIt's 3.5 per\u{301}cent — \u{301}x y\u{200d}z 🇰🇿 kz  \tco-op\n\
                    can't 東京都 x\u{200d}\u{1f600} e.g. U.S. a_b 1,000.5\n\n\
                    \u{300} Akhmetov’s  “quoted”, (paren) end.";
        let doc = Document::from_text(text);
        let whole = |pos: usize| {
            words_from(&doc, pos, true)
                .take_while(|w| w.start <= pos)
                .find(|w| w.contains(pos))
        };
        let t = doc.text();
        let mut words = 0;
        for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
            assert_eq!(word_at(&doc, pos), whole(pos), "at {pos}: {:?}", &t[pos..]);
            words += usize::from(whole(pos).is_some());
        }
        assert!(words > 60, "the text has words to find: {words}");
    }

    #[test]
    fn word_motions_skip_punctuation_and_cross_paragraphs() {
        let doc = Document::from_text("Қазақстан’s minister — Akhmetov, spoke.\n\nNext para.");
        let t = doc.text();
        let w1 = word_forward(&doc, 0);
        assert!(t[w1..].starts_with("minister"));
        let e = word_end(&doc, w1);
        assert_eq!(&t[w1..e], "minister");
        let back = word_back(&doc, e);
        assert_eq!(back, w1);
        let last = t.find("spoke").unwrap();
        assert!(t[word_forward(&doc, last)..].starts_with("Next"));
        assert_eq!(word_back(&doc, 0), 0);
    }

    #[test]
    fn the_point_moves_by_word_and_e_stops_on_last_characters() {
        let doc = Document::from_text("Interfax and RIA Novosti reported.");
        let t = doc.text();
        let at = |w: &str| t.find(w).unwrap();
        assert_eq!(
            word_at(&doc, at("Novosti") + 2),
            Some(Span::new(at("Novosti"), at(" reported")))
        );
        assert_eq!(word_at(&doc, at(" and")), None);
        let e1 = WordMotion::End.point(&doc, 0);
        assert_eq!(&t[e1..e1 + 1], "x", "e: the last letter of Interfax");
        let e2 = WordMotion::End.point(&doc, e1);
        assert_eq!(&t[e2..e2 + 1], "d", "again: the last letter of and");
        assert_eq!(WordMotion::Forward.point(&doc, 0), at("and"));
        assert_eq!(WordMotion::Back.point(&doc, at("RIA")), at("and"));
        let last = t.find("reported").unwrap();
        let end = WordMotion::End.point(&doc, last + "reported".len() - 1);
        assert_eq!(end, last + "reported".len() - 1, "nothing after: stays");
    }

    #[test]
    fn selection_span_is_ordered_and_trimmed() {
        let text = "  one two  ";
        assert_eq!(
            Selection {
                anchor: 11,
                head: 0
            }
            .span(text)
            .slice(text),
            "one two"
        );
        assert_eq!(
            Selection { anchor: 2, head: 5 }.span(text).slice(text),
            "one"
        );
    }
}

//! Offset conversions, in one place. Inside folio every span is a byte range
//! of the document's text (cheap slicing, exact). The outside world counts
//! differently: JSON output and W3C selectors use Unicode code points, the
//! screen uses graphemes and display columns (see `crate::display`).

/// A byte offset, or an index counted in a text's items, as the `u32` that the
/// lists a big brief holds millions of (mentions, sentences, events) keep.
/// Texts over [`super::MAX_TEXT`] are refused when read, so this saturates only
/// for a text built in memory past 4 GiB.
pub fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Bytes between checkpoints of a [`CharIndex`].
const STRIDE: usize = 4096;

/// Converts byte offsets to code-point offsets and back in O(stride) time,
/// with one checkpoint per 4 KiB of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CharIndex {
    /// `checkpoints[i]` = code points before the char boundary at or after byte `i * STRIDE`.
    checkpoints: Vec<(usize, usize)>,
    ascii: bool,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                checkpoints: Vec::new(),
                ascii: true,
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let (mut byte, mut chars) = (0, 0);
        checkpoints.push((0, 0));
        while byte < text.len() {
            let mut next = (byte + STRIDE).min(text.len());
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[byte..next].chars().count();
            byte = next;
            checkpoints.push((byte, chars));
        }
        CharIndex {
            checkpoints,
            ascii: false,
        }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary of `text`).
    pub fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.checkpoints[i];
        c + text[b..byte].chars().count()
    }

    /// Byte offset of code-point offset `ch`, or `None` past the end of `text`.
    pub fn byte_of_char(&self, text: &str, ch: usize) -> Option<usize> {
        if self.ascii {
            return (ch <= text.len()).then_some(ch);
        }
        let i = self.checkpoints.partition_point(|&(_, c)| c <= ch) - 1;
        let (b, c) = self.checkpoints[i];
        let rest = &text[b..];
        let skip = ch - c;
        if skip == 0 {
            return Some(b);
        }
        match rest.char_indices().nth(skip) {
            Some((off, _)) => Some(b + off),
            None if rest.chars().count() == skip => Some(text.len()),
            None => None,
        }
    }
}

/// Converts byte offsets met mostly in increasing order (the mentions of a
/// document, in text order) in time proportional to the distance from the
/// last one, instead of up to a stride each.
#[derive(Debug, Clone)]
pub struct CharCursor<'a> {
    index: &'a CharIndex,
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`, which `index` indexes.
    pub fn new(index: &'a CharIndex, text: &'a str) -> CharCursor<'a> {
        CharCursor {
            index,
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Code-point offset of byte offset `byte` (a char boundary of the text).
    pub fn char_of_byte(&mut self, byte: usize) -> usize {
        if self.index.ascii {
            return byte;
        }
        match self.text.get(self.byte..byte) {
            Some(gap) => self.chars += gap.chars().count(),
            _ => self.chars = self.index.char_of_byte(self.text, byte),
        }
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_agrees_with_the_index_forwards_and_backwards() {
        let text = "Қазақстан and Zürich, 東京: ".repeat(400);
        let index = CharIndex::new(&text);
        let mut cursor = CharCursor::new(&index, &text);
        let bytes: Vec<usize> = (0..text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        for &b in bytes
            .iter()
            .step_by(7)
            .chain(bytes.iter().rev().step_by(13))
        {
            assert_eq!(
                cursor.char_of_byte(b),
                index.char_of_byte(&text, b),
                "byte {b}"
            );
        }
    }

    #[test]
    fn round_trip_on_multibyte_text() {
        let text = "Қазақстан — 🇰🇿 Astana ".repeat(500);
        let idx = CharIndex::new(&text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of_byte(&text, byte), ch);
            assert_eq!(idx.byte_of_char(&text, ch), Some(byte));
        }
        let n = text.chars().count();
        assert_eq!(idx.char_of_byte(&text, text.len()), n);
        assert_eq!(idx.byte_of_char(&text, n), Some(text.len()));
        assert_eq!(idx.byte_of_char(&text, n + 1), None);
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("plain");
        assert_eq!(idx.char_of_byte("plain", 3), 3);
        assert_eq!(idx.byte_of_char("plain", 6), None);
    }
}

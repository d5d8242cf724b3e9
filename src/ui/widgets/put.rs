//! Writing a string into a buffer: `Buffer::set_stringn`, with the plain
//! ASCII that is most of what the widgets write set cell by cell, without
//! segmenting it into graphemes and measuring each one.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// [`Buffer::set_stringn`] with a fast path for printable ASCII.
pub trait Put {
    /// Writes `text` at `(x, y)` in at most `max_width` columns (and not past
    /// the buffer's right edge); returns where it stopped, as `set_stringn` does.
    fn put<T: AsRef<str>, S: Into<Style>>(
        &mut self,
        x: u16,
        y: u16,
        text: T,
        max_width: usize,
        style: S,
    ) -> (u16, u16);
}

impl Put for Buffer {
    fn put<T: AsRef<str>, S: Into<Style>>(
        &mut self,
        x0: u16,
        y: u16,
        text: T,
        max_width: usize,
        style: S,
    ) -> (u16, u16) {
        let (text, style) = (text.as_ref(), style.into());
        let max = u16::try_from(max_width).unwrap_or(u16::MAX);
        let room = self.area.right().saturating_sub(x0).min(max);
        if room == 0 || text.is_empty() {
            return (x0, y);
        }
        let base = self.index_of(x0, y);
        let bytes = text.as_bytes();
        let mut x = x0;
        for (i, &b) in bytes.iter().enumerate().take(usize::from(room)) {
            // A printable ASCII character not followed by a combining mark is a
            // grapheme one column wide; anything else goes the long way.
            let plain = (0x20..0x7f).contains(&b) && bytes.get(i + 1).is_none_or(|&n| n < 0x80);
            if !plain {
                let left = usize::from(room - (x - x0));
                return self.set_stringn(x, y, &text[i..], left, style);
            }
            self.content[base + i]
                .set_symbol(&text[i..=i])
                .set_style(style);
            x += 1;
        }
        (x, y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Color;

    #[test]
    fn puts_what_set_stringn_sets() {
        let texts = [
            "",
            "plain words",
            "e\u{301}te\u{301} accents",
            "a\tb\u{7}c\u{1b}[31m",
            "コード and ascii",
            "ascii then コード",
            "🇰🇿 flag",
            "mark ● and ✎",
            "x\u{301}",
            "—dash—",
        ];
        for text in texts {
            for (x, max) in [(0, 40), (3, 5), (10, 40), (11, 1), (12, 0), (5, 2), (0, 3)] {
                for y in [0, 2] {
                    let area = Rect::new(0, 0, 12, 3);
                    let (mut a, mut b) = (Buffer::empty(area), Buffer::empty(area));
                    let style = Style::new().fg(Color::Cyan);
                    let got = a.put(x, y, text, max, style);
                    let want = b.set_stringn(x, y, text, max, style);
                    assert_eq!((got, &a), (want, &b), "{text:?} at {x} in {max}");
                }
            }
        }
    }
}

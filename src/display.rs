//! From text to terminal cells, in one place: grapheme clusters, display
//! widths, and visible markers for anything a terminal would obey as a
//! command. No byte of a document reaches the terminal as a control:
//! C0/C1 controls, DEL and bidi overrides become visible markers at their
//! place, tabs become spaces, and absurd stacks of combining marks are capped.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Combining marks kept on one base character; the rest are dropped from display only.
const MAX_MARKS: usize = 3;

/// Columns between tab stops.
pub const TAB_WIDTH: usize = 8;

/// One grapheme of the document as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'t> {
    /// Byte offset of the grapheme in the document text.
    pub byte: usize,
    /// Length of the grapheme in bytes.
    pub len: usize,
    /// What to draw: the grapheme itself, or a visible marker, never a control.
    pub text: Cow<'t, str>,
    /// Display columns `text` takes (tabs: 0 here; see [`Cell::width_at`]).
    pub width: usize,
    pub kind: CellKind,
}

/// What a cell stands for, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Text,
    /// Space-like: a wrap opportunity.
    Space,
    Tab,
    /// A line break inside a paragraph.
    Newline,
    /// A control or invisible format character shown as a marker.
    Marker,
}

impl Cell<'_> {
    /// Columns this cell takes when it starts at column `col` (tabs reach the next stop).
    pub fn width_at(&self, col: usize) -> usize {
        match self.kind {
            CellKind::Tab => TAB_WIDTH - col % TAB_WIDTH,
            CellKind::Newline => 0,
            _ => self.width,
        }
    }
}

/// The cells of `text[start..end]`; `start` and `end` must be char boundaries.
pub fn cells(text: &str, start: usize, end: usize) -> impl Iterator<Item = Cell<'_>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = start;
    std::iter::from_fn(move || {
        let b = *bytes.get(pos).filter(|_| pos < end)?;
        // A printable ASCII character followed by ASCII (or the end) is a grapheme
        // of its own, one column wide: most text takes this path, without the
        // grapheme state machine. Anything else is segmented properly.
        let next_ascii = bytes.get(pos + 1).is_none_or(|&n| n < 0x80) || pos + 1 >= end;
        let g = if (0x20..0x7f).contains(&b) && next_ascii {
            &text[pos..pos + 1]
        } else {
            text[pos..end].graphemes(true).next()?
        };
        let c = cell(pos, g);
        pos += g.len();
        Some(c)
    })
}

fn cell(byte: usize, g: &str) -> Cell<'_> {
    let len = g.len();
    if let &[0x21..=0x7e] = g.as_bytes() {
        // Printable ASCII other than space: itself, one column.
        return Cell {
            byte,
            len,
            text: Cow::Borrowed(g),
            width: 1,
            kind: CellKind::Text,
        };
    }
    let make = |text: Cow<'static, str>, kind: CellKind| {
        let width = text.width();
        Cell {
            byte,
            len,
            text,
            width,
            kind,
        }
    };
    match g {
        "\t" => {
            return Cell {
                byte,
                len,
                text: Cow::Borrowed(" "),
                width: 0,
                kind: CellKind::Tab,
            }
        }
        "\n" | "\r\n" | "\r" | "\u{2028}" | "\u{2029}" => {
            return Cell {
                byte,
                len,
                text: Cow::Borrowed(""),
                width: 0,
                kind: CellKind::Newline,
            }
        }
        " " | "\u{a0}" => {
            return Cell {
                byte,
                len,
                text: Cow::Borrowed(" "),
                width: 1,
                kind: CellKind::Space,
            }
        }
        _ => {}
    }
    if g.chars().any(needs_marker) {
        let mut out = String::new();
        for c in g.chars() {
            push_visible(&mut out, c);
        }
        return make(Cow::Owned(out), CellKind::Marker);
    }
    if g.chars().all(char::is_whitespace) {
        // Other Unicode spaces (em space, ideographic space…) draw as their width in spaces.
        let w = g.width().max(1);
        return Cell {
            byte,
            len,
            text: Cow::Owned(" ".repeat(w)),
            width: w,
            kind: CellKind::Space,
        };
    }
    let marks = g.chars().skip(1).count();
    if marks > MAX_MARKS {
        let kept: String = g.chars().take(1 + MAX_MARKS).collect();
        let width = kept.width().max(1);
        return Cell {
            byte,
            len,
            text: Cow::Owned(kept),
            width,
            kind: CellKind::Text,
        };
    }
    let width = g.width();
    if width == 0 {
        // A lone combining mark or zero-width char: shown as a marker so nothing hides.
        let mut out = String::new();
        for c in g.chars() {
            push_code(&mut out, c);
        }
        return make(Cow::Owned(out), CellKind::Marker);
    }
    Cell {
        byte,
        len,
        text: Cow::Borrowed(g),
        width,
        kind: CellKind::Text,
    }
}

/// Characters that must never reach a terminal as themselves.
pub fn needs_marker(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}')
            && c != '\u{200D}'
}

/// Appends `c` to `out`, replaced by a visible marker if it is a control.
fn push_visible(out: &mut String, c: char) {
    match c {
        // C0 controls and DEL as Unicode control pictures (␛, ␀, ␇, …).
        '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7F}' => out.push('\u{2421}'),
        c if needs_marker(c) => push_code(out, c),
        c => out.push(c),
    }
}

fn push_code(out: &mut String, c: char) {
    use std::fmt::Write;
    let _ = write!(out, "<U+{:04X}>", c as u32);
}

/// `s` with every control shown as a visible marker, line breaks and tabs included:
/// for one-line contexts such as titles, status lines, file names and error messages.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_marker) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// `s` escaped like [`escape_controls`] but keeping line breaks and tabs: for multi-line
/// output written to a terminal (tables, Markdown export).
pub fn escape_keep_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| needs_marker(c) && c != '\n' && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c => push_visible(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Display width of `s` once escaped.
pub fn width(s: &str) -> usize {
    escape_controls(s).width()
}

/// `s` escaped and cut to at most `max` columns, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = escape_controls(s);
    if s.width() <= max {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = g.width();
        if w + gw + 1 > max {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fast_path_gives_the_same_cells_as_grapheme_segmentation() {
        let samples = [
            "plain ASCII text, with punctuation!",
            "e\u{301}t\u{e9} cafe\u{301} a\u{308}\u{308}\u{308}\u{308}b",
            "a\r\nb\rc\nd\te\u{1b}[31mf\u{7f}",
            "Қазақстан — 🇰🇿 ok 👩\u{200d}💻 x\u{200d}y",
            "\u{202e}evil\u{202c} z\u{300}",
        ];
        for text in samples {
            let slow: Vec<Cell> = text
                .grapheme_indices(true)
                .map(|(i, g)| cell(i, g))
                .collect();
            let fast: Vec<Cell> = cells(text, 0, text.len()).collect();
            assert_eq!(fast, slow, "{text:?}");
            // A range ending before a combining mark keeps the base alone, as a slice would.
            if let Some(i) = text.find('e') {
                let sub: Vec<Cell> = cells(text, i, i + 1).collect();
                assert_eq!(sub.len(), 1, "{text:?}");
            }
        }
    }

    fn shown(text: &str) -> String {
        cells(text, 0, text.len())
            .map(|c| c.text.into_owned())
            .collect()
    }

    #[test]
    fn controls_become_visible_markers_in_place() {
        assert_eq!(shown("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(shown("x\u{7}y\u{0}z"), "x␇y␀z");
        assert_eq!(shown("\u{9b}2J"), "<U+009B>2J");
        assert_eq!(shown("name\u{202E}txt"), "name<U+202E>txt");
        for c in shown("\u{1b}]52;c;SGVsbG8=\u{7}\u{8}\r\u{85}").chars() {
            assert!(!c.is_control(), "{c:?} leaked");
        }
    }

    #[test]
    fn cells_keep_byte_offsets_and_widths() {
        let text = "Қаз 中文 👨‍👩‍👧";
        let cs: Vec<Cell> = cells(text, 0, text.len()).collect();
        for c in &cs {
            assert!(text.is_char_boundary(c.byte) && text.is_char_boundary(c.byte + c.len));
        }
        assert_eq!(cs.iter().find(|c| c.text == "中").map(|c| c.width), Some(2));
        assert_eq!(cs.last().map(|c| c.width), Some(2));
    }

    #[test]
    fn zalgo_is_capped_and_tabs_expand() {
        let z = format!("a{}", "\u{301}".repeat(50));
        let c = cells(&z, 0, z.len()).next().unwrap();
        assert_eq!(
            (c.width, c.len, c.text.chars().count()),
            (1, z.len(), 1 + MAX_MARKS)
        );
        let t = cells("\t", 0, 1).next().unwrap();
        assert_eq!((t.width_at(0), t.width_at(5)), (8, 3));
    }

    #[test]
    fn escape_for_one_line_contexts() {
        assert_eq!(escape_controls("evil\nname\u{1b}"), "evil␊name␛");
        assert_eq!(escape_keep_lines("a\nb\u{1b}"), "a\nb␛");
        assert_eq!(truncate("Astana, Kazakhstan", 8), "Astana,…");
    }
}

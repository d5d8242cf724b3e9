//! Unicode sentence bounds (UAX #29) as `unicode-segmentation` finds them,
//! without running its per-character state machine over plain stretches of
//! text, which is most of a news brief.
//!
//! A break is certain before an ASCII capital, or opening quotes or brackets
//! and an ASCII capital, that follow `.`, `!` or `?` and one or more spaces
//! (rule SB11; SB7 and SB8 cannot apply, as the next letter is a capital).
//! Cut there, each piece is split on its own, and a piece without `.`, `!`,
//! `?`, line breaks or non-ASCII text before its final terminator is one
//! segment. A piece split on its own gives the bounds the whole text gives:
//! the rules look back only to characters after its first (a capital or an
//! opener after a space, which no rule's look-back passes), and SB8's
//! look-ahead past its end would stop at the next capital anyway.

use unicode_segmentation::UnicodeSegmentation;

/// The sentence-bound segments of `text` with their byte offsets, as
/// `text.split_sentence_bound_indices()` gives them.
pub fn sentence_bounds(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // A terminator followed by spaces and an ASCII capital.
    while let Some(at) = bytes
        .get(i..)
        .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
    {
        i += at + 1;
        let mut j = i;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        let mut k = j;
        while let Some(n) = opener_len(&bytes[k..]) {
            k += n;
        }
        if j > i && k < bytes.len() && bytes[k].is_ascii_uppercase() {
            piece(text, start, i - 1, j, out);
            start = j;
        }
        i = j;
    }
    if start < bytes.len() {
        let mut body = text[start..].trim_end_matches(' ').len();
        if body > 0 && matches!(bytes[start + body - 1], b'.' | b'!' | b'?') {
            body -= 1;
        }
        piece(text, start, start + body, bytes.len(), out);
    }
}

/// Length of the opening quote or bracket (`"`, `(`, `“`, `‘`) that starts
/// `bytes`: characters of class Close, which SB8's look-ahead passes over.
fn opener_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [b'"' | b'(', ..] => Some(1),
        [0xe2, 0x80, 0x9c | 0x98, ..] => Some(3),
        _ => None,
    }
}

/// Ranges of characters that are none of the characters a sentence bound
/// needs (terminators, line and paragraph separators), checked against the
/// library by a test: letters of Latin, Greek and Cyrillic scripts, combining
/// marks, dashes and curly quotes, the ellipsis, CJK ideographs.
const PLAIN: &[(char, char)] = &[
    ('\u{a0}', '\u{24f}'),
    ('\u{300}', '\u{36f}'),
    ('\u{386}', '\u{3ff}'),
    ('\u{400}', '\u{52f}'),
    ('\u{2010}', '\u{2023}'),
    ('\u{2026}', '\u{2026}'),
    ('\u{20a0}', '\u{20c0}'),
    ('\u{4e00}', '\u{9fff}'),
];

/// The bytes [`is_plain`] looks at: terminators, line breaks and non-ASCII
/// bytes (every other byte is plain, and a table skips it in one load).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'.' | b'!' | b'?' | b'\r' | b'\n');
        b += 1;
    }
    t
};

/// Whether no sentence bound can fall inside `s` (it has no terminator or line break).
fn is_plain(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !SPECIAL[usize::from(b)] {
            i += 1;
            continue;
        }
        if b.is_ascii() {
            if b == b'.' && !inner_period(bytes, i) || matches!(b, b'!' | b'?' | b'\r' | b'\n') {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            return false;
        };
        if !PLAIN.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Whether the period at `bytes[i]` cannot end a sentence, whatever follows:
/// a digit follows ("3.5", rule SB6), a capital after a letter ("U.S", SB7),
/// or a lower-case letter after nothing but ASCII spaces, digits and
/// punctuation other than terminators ("e.g", "No. 5 in", SB8).
fn inner_period(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1) {
        Some(n) if n.is_ascii_digit() => true,
        Some(n) if n.is_ascii_uppercase() => {
            i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_alphabetic)
        }
        _ => bytes.get(i + 1..).is_some_and(|rest| {
            rest.iter()
                .find(|b| b.is_ascii_alphabetic() || !sb8_passes(**b))
                .is_some_and(u8::is_ascii_lowercase)
        }),
    }
}

/// Whether SB8's look-ahead for a lower-case letter passes this byte: ASCII
/// but no letter, terminator or line break (anything else stops the search).
fn sb8_passes(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_alphabetic() && !matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r')
}

/// Adds the segments of `text[start..end]`, whose terminator (if any) starts at `body`.
fn piece(text: &str, start: usize, body: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    if is_plain(&text[start..body]) {
        out.push((start, end));
        return;
    }
    out.extend(
        text[start..end]
            .split_sentence_bound_indices()
            .map(|(i, s)| (start + i, start + i + s.len())),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library(text: &str) -> Vec<(usize, usize)> {
        text.split_sentence_bound_indices()
            .map(|(i, s)| (i, i + s.len()))
            .collect()
    }

    fn ours(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        sentence_bounds(text, &mut out);
        out
    }

    #[test]
    fn agrees_with_the_library_on_awkward_text() {
        for text in [
            "",
            " ",
            "One. Two! Three? Four",
            "The U.S. Army left. Then Gen. Smith spoke.  He said no.\nNext line. ",
            "He paid $3.50. It rose 2.5 percent. And so on... Really?! Yes.",
            "“We won.” Then he left. (See above.) Done.",
            "Qazaqstan. Қазақстан is big. Zürich. É. A.B. C. d. e",
            "He said. e.g. this. x.\u{2028}New. Line\r\nAfter CR. Ok.",
            "Mr. A. B. Smith met Ms. Doe. The end.   ",
            "tail without stop. And a cap",
            "no stop at all here",
            "ends in spaces.   ",
            "Combining. \u{301}Mark after space. A",
            "He left. “We won,” he said. (Then) more. ‘Quoted.’ “Q",
            "Reform No. 69 was passed, No. 7 Kazakh. No. 8, in. No. 9 “x. No. 2 東x",
            "Price ₸300. It rose. 5 ₸ each",
        ] {
            assert_eq!(ours(text), library(text), "{text:?}");
        }
    }

    #[test]
    fn plain_characters_never_end_a_sentence() {
        for &(lo, hi) in PLAIN {
            for c in lo..=hi {
                let text = format!("ab{c} Cd");
                assert_eq!(library(&text).len(), 1, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn agrees_with_the_library_on_random_text() {
        use proptest::prelude::*;
        let piece = proptest::sample::select(vec![
            "A", "b", "Zed", "x", " ", "  ", ". ", ".", "!", "?", "...", ")", "(", "\"", "“", "”",
            "e.g", "U.S", "a.B", ".5", "No. 5", "(.", ".a", "\n", "\r\n", "\u{2028}", "\u{301}",
            "\u{200d}", "é", "Ü", "東", "3", "3.5", "U.S.", "Mr.", ",", ";", "-", "\t", "\u{a0}",
            "。", "؟", "‘", "'", "₸", ". “", ". (", "No. 5 in", ". 7, a", ":", "\u{b}", "[",
            "\u{85}",
        ]);
        proptest!(ProptestConfig::with_cases(3000), |(parts in proptest::collection::vec(piece, 0..24))| {
            let text = parts.concat();
            prop_assert_eq!(ours(&text), library(&text), "{:?}", text);
        });
    }
}

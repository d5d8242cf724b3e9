//! Tokens for the temporal scanner: words, numbers and single punctuation
//! marks as byte ranges, with a lower-cased copy of the text for matching.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One token: `[start, end)` bytes of the text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First character is upper case.
    pub cap: bool,
    /// Whitespace separates it from the previous token.
    pub gap: bool,
}

/// The tokens of a text with its ASCII-lower-cased copy (same byte offsets).
pub struct Tokens {
    pub lower: String,
    pub toks: Vec<Tok>,
}

/// Byte classes for the tokenizer's loop: one table load per byte instead of a
/// chain of range checks.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 3;
const LOWER: u8 = 4;
/// A byte of a multi-byte character.
const HIGH: u8 = 5;

static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            // As `u8::is_ascii_whitespace`.
            b' ' | b'\t' | b'\n' | b'\x0C' | b'\r' => SPACE,
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            0x80..=0xFF => HIGH,
            _ => OTHER,
        };
        b += 1;
    }
    t
}

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        let bytes = text.as_bytes();
        // Every ASCII letter is in a word, so the words' capitals are lowered as they are
        // read, not in a pass of their own.
        let mut lower = bytes.to_vec();
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut i = 0;
        let mut gap = true;
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[usize::from(b)];
            if class == SPACE {
                gap = true;
                i += 1;
                continue;
            }
            let start = i;
            let kind;
            // Whether the first character is upper case, from the byte or the
            // character already decoded (the text's hottest loop decodes nothing twice).
            let cap;
            if class == DIGIT {
                kind = Kind::Num;
                cap = false;
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    if c.is_ascii_digit()
                        || (matches!(c, b',' | b'.' | b':')
                            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                            && bytes[i - 1].is_ascii_digit())
                    {
                        i += 1;
                    } else {
                        break;
                    }
                }
            } else if class == UPPER || class == LOWER {
                kind = Kind::Word;
                cap = class == UPPER;
                i = word_end(text, &mut lower, i);
            } else if class == HIGH {
                let ch = text[i..].chars().next().unwrap_or(' ');
                cap = ch.is_uppercase();
                i += ch.len_utf8();
                if ch.is_alphabetic() {
                    kind = Kind::Word;
                    i = word_end(text, &mut lower, i);
                } else if matches!(ch, '\u{2010}' | '\u{2011}') {
                    // A hyphen as Unicode writes it ("mid\u{2011}March", "two\u{2010}year") reads
                    // as "-": its three bytes are "-" and two spaces in `lower`, and the token is
                    // the "-" (an expression never ends at a hyphen; `extract_slice` checks).
                    kind = Kind::Punct;
                    lower[start..i].copy_from_slice(b"-  ");
                    toks.push(Tok {
                        start,
                        end: start + 1,
                        kind,
                        cap,
                        gap,
                    });
                    gap = false;
                    continue;
                } else {
                    kind = Kind::Punct;
                    if ch.is_whitespace() {
                        gap = true;
                        continue;
                    }
                }
            } else {
                kind = Kind::Punct;
                cap = false;
                i += 1;
            }
            toks.push(Tok {
                start,
                end: i,
                kind,
                cap,
                gap,
            });
            gap = false;
        }
        // Only ASCII capitals were changed, each to its ASCII small letter: still UTF-8.
        let lower = String::from_utf8(lower).unwrap_or_else(|_| text.to_ascii_lowercase());
        Tokens { lower, toks }
    }

    /// Lower-cased text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Whether token `i` touches the one before it (no whitespace between).
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// The value of token `i` when it is a plain number without separators.
    pub fn int(&self, i: usize) -> Option<i64> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.end - t.start > 9 {
            return None;
        }
        self.lower[t.start..t.end].parse().ok()
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }
}

/// The end of the word whose letters start at byte `i`: past ASCII letters (without
/// decoding them, lowering capitals in `lower`) and alphabetic characters.
#[inline(always)]
fn word_end(text: &str, lower: &mut [u8], mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Small letters first, in a tight loop: they are nearly all of any word.
        while bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
            i += 1;
        }
        match bytes.get(i) {
            Some(&c) if c.is_ascii_uppercase() => {
                if let Some(l) = lower.get_mut(i) {
                    *l = c.to_ascii_lowercase();
                }
                i += 1;
            }
            Some(&c) if c >= 0x80 => match text[i..].chars().next() {
                Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let text = "On Sept. 30, 1989 at 7:15 p.m. — Қазақстан's 23rd";
        let t = Tokens::new(text);
        let words: Vec<&str> = (0..t.len()).map(|i| t.word(i)).collect();
        assert_eq!(
            words,
            [
                "on",
                "sept",
                ".",
                "30",
                ",",
                "1989",
                "at",
                "7:15",
                "p",
                ".",
                "m",
                ".",
                "—",
                "Қазақстан",
                "'",
                "s",
                "23",
                "rd"
            ]
        );
        assert!(t.is_cap(1) && !t.is_cap(6));
        assert!(t.joined(17) && !t.joined(16));
        for tok in &t.toks {
            assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
        }
    }

    #[test]
    fn lowers_capitals_as_it_reads_words() {
        let text = "MAY 5, ÀBC İstanbul STRAẞE x.Y 10AM Q3—Ωmega";
        let t = Tokens::new(text);
        assert_eq!(t.lower, text.to_ascii_lowercase());
    }

    #[test]
    fn reads_unicode_hyphens_as_hyphens() {
        let text = "mid\u{2011}March, two\u{2010}year";
        let t = Tokens::new(text);
        let words: Vec<&str> = (0..t.len()).map(|i| t.word(i)).collect();
        assert_eq!(words, ["mid", "-", "march", ",", "two", "-", "year"]);
        assert!(t.joined(1) && t.joined(2) && t.joined(5) && t.joined(6));
        assert_eq!(&text[t.toks[2].start..t.toks[2].end], "March");
    }
}

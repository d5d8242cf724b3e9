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

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        let lower = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut i = 0;
        let mut gap = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                gap = true;
                i += 1;
                continue;
            }
            let start = i;
            let kind;
            // Whether the first character is upper case, from the byte or the
            // character already decoded (the text's hottest loop decodes nothing twice).
            let cap;
            if b.is_ascii_digit() {
                kind = Kind::Num;
                cap = false;
                i += 1;
                while i < bytes.len() {
                    let c = bytes[i];
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
            } else if b.is_ascii_alphabetic() {
                kind = Kind::Word;
                cap = b.is_ascii_uppercase();
                i = word_end(text, i + 1);
            } else if b >= 0x80 {
                let ch = text[i..].chars().next().unwrap_or(' ');
                cap = ch.is_uppercase();
                i += ch.len_utf8();
                if ch.is_alphabetic() {
                    kind = Kind::Word;
                    i = word_end(text, i);
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

/// The end of the word whose letters continue at byte `i`: past ASCII letters
/// (without decoding them) and alphabetic characters.
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&c) = bytes.get(i) {
        if c.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if c < 0x80 {
            break;
        }
        match text[i..].chars().next() {
            Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
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
}

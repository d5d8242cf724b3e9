//! Word tokens for the entity tagger: byte spans within a sentence, split the
//! way name-tagged corpora are (possessive `'s` and edge punctuation apart,
//! `U.S.` and hyphenated words kept whole), so that both running news text and
//! token-joined text (`U.S. ,`, `Obama 's`) give the same tokens.

/// One token: a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text within `text`.
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Abbreviations that keep their final period (lower-case, without it).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "st", "jr", "sr", "no", "nos", "inc", "corp", "co", "ltd", "bros", "vs", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev",
    "hon", "pres", "gov", "cmdr", "cpl", "pvt", "messrs", "etc", "dept", "univ", "assn", "ave",
    "blvd", "fig", "vol", "ed", "eds", "al",
];

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '“' | '‘' | '\'' | '«' | '‹' | '„' | '`'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '”'
            | '’'
            | '\''
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '`'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// `'s`, `’s`, `'ll`, `'d`...: an apostrophe and one or two letters.
fn is_clitic(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('\'' | '’'))
        && chars.clone().count() <= 2
        && chars.clone().count() >= 1
        && chars.all(|c| c.is_ascii_alphabetic())
}

/// Whether a word ending in `.` keeps the period (`U.S.`, `Gen.`, `J.`).
fn keeps_period(word: &str) -> bool {
    let body = &word[..word.len() - 1];
    if body.is_empty() {
        return false;
    }
    if body.contains('.') {
        // U.S. / a.m. / U.S.A.
        return body.chars().all(|c| c.is_alphabetic() || c == '.');
    }
    let mut chars = body.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    body.len() <= 6
        && body.chars().all(|c| c.is_ascii_alphabetic())
        && ABBREVIATIONS
            .iter()
            .any(|a| a.len() == body.len() && a.eq_ignore_ascii_case(body))
}

/// Appends to `out` the tokens of `text[span]`, with offsets into `text`.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    for (off, chunk, plain) in split_whitespace_indices(slice) {
        if plain {
            out.push(Token {
                start: start + off,
                end: start + off + chunk.len(),
            });
        } else {
            split_by_rules(chunk, start + off, out);
        }
    }
}

/// Tokens of a whole string.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

/// The whitespace-free chunks of `s` with their byte offsets, as
/// `split_whitespace` cuts them (ASCII bytes tested directly, other
/// characters decoded only where they occur), and whether each is a plain
/// word ([`is_plain_word`]), found in the same walk over its bytes.
fn split_whitespace_indices(s: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let begin = pos + whitespace_len(&s[pos..]);
        if begin >= s.len() {
            return None;
        }
        let plain = s.as_bytes()[begin..]
            .iter()
            .position(|&b| !is_plain_byte(b))
            .map_or(s.len(), |n| begin + n);
        let end = plain + word_len(&s[plain..]);
        pos = end;
        Some((begin, &s[begin..end], plain == end))
    })
}

/// Length in bytes of the whitespace that starts `s`.
fn whitespace_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if !(b == b' ' || (b'\t'..=b'\r').contains(&b)) {
                return i;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

/// Length in bytes of the run of non-whitespace that starts `s`.
fn word_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b == b' ' || (b'\t'..=b'\r').contains(&b) {
                return i;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if !c.is_whitespace() => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

/// An ASCII letter, digit or hyphen: the bytes of a plain word.
#[inline]
fn is_plain_byte(b: u8) -> bool {
    PLAIN_BYTES[usize::from(b)]
}

/// [`is_plain_byte`] as a table: one load a byte instead of three range tests.
static PLAIN_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'-';
        b += 1;
    }
    t
};

/// Whether a chunk is ASCII letters, digits and hyphens only, which
/// [`split_by_rules`] keeps whole: most words, so they skip it.
#[cfg(test)]
fn is_plain_word(chunk: &str) -> bool {
    chunk.bytes().all(is_plain_byte)
}

/// [`split_chunk`] by its rules: edge punctuation, possessives, inner dashes.
fn split_by_rules(chunk: &str, base: usize, out: &mut Vec<Token>) {
    let mut s = 0;
    let mut e = chunk.len();
    // Leading punctuation, one character at a time; a clitic written apart
    // (`'s`, `’ll` in token-joined text) stays whole.
    while let Some(c) = chunk[s..e].chars().next() {
        if is_clitic(&chunk[s..e]) {
            break;
        }
        if is_open_punct(c) || is_dash(c) || (is_close_punct(c) && s + c.len_utf8() < e) {
            if chunk[s..e].len() == c.len_utf8() {
                break;
            }
            out.push(Token {
                start: base + s,
                end: base + s + c.len_utf8(),
            });
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, collected right to left.
    let mut tail: [Token; 8] = [Token { start: 0, end: 0 }; 8];
    let mut n_tail = 0;
    loop {
        let word = &chunk[s..e];
        let Some(c) = word.chars().next_back() else {
            break;
        };
        if word.len() == c.len_utf8() || n_tail == tail.len() - 1 {
            break;
        }
        let cut = if c == '.' {
            !keeps_period(word)
        } else {
            is_close_punct(c) || is_dash(c)
        };
        // Possessive 's / ’s.
        let lower_tail = word.len() >= 3 && {
            let b = word.as_bytes();
            (b[b.len() - 1] == b's' || b[b.len() - 1] == b'S')
                && (word[..word.len() - 1].ends_with('\'') || word[..word.len() - 1].ends_with('’'))
        };
        if lower_tail && !cut {
            let ap = word[..word.len() - 1]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
            let len = ap + 1;
            tail[n_tail] = Token {
                start: base + e - len,
                end: base + e,
            };
            n_tail += 1;
            e -= len;
            continue;
        }
        if !cut {
            break;
        }
        tail[n_tail] = Token {
            start: base + e - c.len_utf8(),
            end: base + e,
        };
        n_tail += 1;
        e -= c.len_utf8();
    }
    if s < e {
        split_inner(chunk, base, s, e, out);
    }
    for t in tail[..n_tail].iter().rev() {
        out.push(*t);
    }
}

/// Splits inside a word at em/en dashes and slashes between words, keeping
/// hyphenated words (`Interfax-Kazakhstan`) and numbers (`2,000`) whole.
fn split_inner(chunk: &str, base: usize, s: usize, e: usize, out: &mut Vec<Token>) {
    let word = &chunk[s..e];
    let mut last = 0;
    for (i, c) in word.char_indices() {
        if is_dash(c) || c == '(' || c == ')' || c == '"' || c == '“' || c == '”' {
            if i > last {
                out.push(Token {
                    start: base + s + last,
                    end: base + s + i,
                });
            }
            out.push(Token {
                start: base + s + i,
                end: base + s + i + c.len_utf8(),
            });
            last = i + c.len_utf8();
        }
    }
    if last < word.len() {
        out.push(Token {
            start: base + s + last,
            end: base + e,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_possessives_and_punctuation() {
        assert_eq!(
            words("Kazakhstan’s Defense Minister (CSTO), he said."),
            vec![
                "Kazakhstan",
                "’s",
                "Defense",
                "Minister",
                "(",
                "CSTO",
                ")",
                ",",
                "he",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_hyphens() {
        assert_eq!(
            words("the U.S. missile shield and Interfax-Kazakhstan, No. 2091 Gen. Smith."),
            vec![
                "the",
                "U.S.",
                "missile",
                "shield",
                "and",
                "Interfax-Kazakhstan",
                ",",
                "No.",
                "2091",
                "Gen.",
                "Smith",
                "."
            ]
        );
    }

    #[test]
    fn token_joined_text_gives_same_tokens() {
        assert_eq!(
            words("Obama 's visit to the U.S. ,"),
            vec!["Obama", "'s", "visit", "to", "the", "U.S.", ","]
        );
        assert_eq!(
            words("“Quote,” she said"),
            vec!["“", "Quote", ",", "”", "she", "said"]
        );
    }

    #[test]
    fn spans_match_text_with_multibyte() {
        let text = "Қазақстан’s — emoji 😀 (Astana).";
        for t in tokenize(text) {
            assert!(text.get(t.start..t.end).is_some());
            assert!(t.start < t.end);
        }
        assert_eq!(
            words(text),
            vec![
                "Қазақстан",
                "’s",
                "—",
                "emoji",
                "😀",
                "(",
                "Astana",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn chunks_are_cut_where_split_whitespace_cuts() {
        use proptest::prelude::*;
        let piece = proptest::sample::select(vec![
            "a", "Bc", " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{2003}", "\u{3000}", "\u{85}",
            "\u{2028}", "\u{200b}", "é", "Қ", "—", "😀", ".", "\u{b}", "\u{c}", "-", "7", "'s",
        ]);
        proptest!(ProptestConfig::with_cases(2000), |(parts in proptest::collection::vec(piece, 0..16))| {
            let text = parts.concat();
            let ours: Vec<(usize, &str, bool)> = split_whitespace_indices(&text).collect();
            let std: Vec<(usize, &str, bool)> = text
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w, is_plain_word(w)))
                .collect();
            prop_assert_eq!(ours, std, "{:?}", text);
        });
    }

    #[test]
    fn plain_words_are_what_the_rules_keep_whole() {
        use proptest::prelude::*;
        let plain = proptest::sample::select("abcxyzABCXYZ0189-".chars().collect::<Vec<char>>());
        proptest!(ProptestConfig::with_cases(2000), |(chars in proptest::collection::vec(plain, 1..10))| {
            let word: String = chars.into_iter().collect();
            prop_assert!(is_plain_word(&word));
            let mut out = Vec::new();
            split_by_rules(&word, 7, &mut out);
            prop_assert_eq!(out, vec![Token { start: 7, end: 7 + word.len() }], "{:?}", word);
        });
        for b in 0..=255u8 {
            assert_eq!(
                is_plain_byte(b),
                b.is_ascii_alphanumeric() || b == b'-',
                "{b}"
            );
        }
        for word in ["U.S.", "it's", "(CSTO)", "Kazakh’s", "2,000", "a—b", "é"] {
            assert!(!is_plain_word(word), "{word}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "'", "’s", "...", "(((", "a’", "'s's", "—", "s’s", ".'s", "U.S.’s",
        ] {
            let _ = tokenize(s);
        }
    }
}

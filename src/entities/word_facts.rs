//! What a word's text alone tells the tagger (case-folded form, shape, affixes,
//! gazetteer and lexicon membership, word classes), computed once per distinct word.

use super::classes::{WordClasses, LEVELS};
use super::gazetteer::{cat, Gazetteer};
use super::hashing::{bytes_hash, lower_hash, mix, push_char, HashSet64};
use crate::hash::BuildWordHasher;

/// Common lower-case vocabulary, learned from the training corpus.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashSet64,
}

impl Lexicon {
    /// One word per line; `#` lines skipped.
    pub fn parse(text: &str) -> Lexicon {
        Lexicon {
            words: text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(lower_hash)
                .collect(),
        }
    }

    /// Whether the case-folded word is common vocabulary.
    pub fn contains(&self, lower: u64) -> bool {
        self.words.contains(&lower)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Casing {
    AsWritten,
    Lower,
    Title,
}

/// Word shape (`Xxxx`, `XX`, `dd`, `X.X.`), runs capped at four, hashed.
pub(super) fn shape_hash(word: &str, casing: Casing) -> u64 {
    let mut h = bytes_hash(b"shape");
    let mut last = '\0';
    let mut run = 0;
    for (i, c) in word.chars().enumerate() {
        let k = if c.is_alphabetic() {
            match casing {
                Casing::AsWritten if c.is_uppercase() => 'X',
                Casing::Title if i == 0 => 'X',
                _ => 'x',
            }
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 4 {
                continue;
            }
        } else {
            run = 0;
            last = k;
        }
        let mut buf = [0u8; 4];
        h = mix(h, bytes_hash(k.encode_utf8(&mut buf).as_bytes()));
    }
    h
}

/// Hashes of the first three and last three characters of a word of `n` characters.
fn affixes(word: &str, n: usize) -> (u64, u64) {
    let mut pre = bytes_hash(b"pre");
    let mut suf = bytes_hash(b"suf");
    for (i, c) in word.chars().enumerate() {
        if i < 3 {
            pre = push_char(pre, c);
        }
        if i + 3 >= n {
            suf = push_char(suf, c);
        }
    }
    (pre, suf)
}

/// What a word's text alone tells (the same wherever it occurs), so a
/// document computes it once per distinct word ([`WordCache`]).
#[derive(Debug, Clone, Copy)]
pub struct WordFacts {
    pub(super) lower: u64,
    /// Shape as written.
    pub(super) shape: u64,
    pub(super) prefix: u64,
    pub(super) suffix: u64,
    pub(super) class: [u16; LEVELS],
    pub(super) gaz: u16,
    pub(super) in_lex: bool,
    pub(super) first_upper: bool,
    pub(super) has_alpha: bool,
    pub(super) has_digit: bool,
    /// No lower-case letter.
    pub(super) no_lower: bool,
    /// At least two letters.
    pub(super) two_letters: bool,
    /// More than one character.
    pub(super) long: bool,
}

impl WordFacts {
    /// The facts of `w`.
    pub fn of(w: &str, gaz: &Gazetteer, lex: &Lexicon, classes: &WordClasses) -> WordFacts {
        let lower = lower_hash(w);
        let (prefix, suffix) = affixes(w, w.chars().count());
        WordFacts {
            lower,
            shape: shape_hash(w, Casing::AsWritten),
            prefix,
            suffix,
            class: classes.of(lower),
            gaz: gaz.word(lower) | hyphen_cue(w, gaz),
            in_lex: lex.contains(lower),
            first_upper: w.chars().next().is_some_and(char::is_uppercase),
            has_alpha: w.chars().any(char::is_alphabetic),
            has_digit: w.chars().any(|c| c.is_numeric()),
            no_lower: !w.chars().any(char::is_lowercase),
            two_letters: w.chars().filter(|c| c.is_alphabetic()).count() >= 2,
            long: w.chars().nth(1).is_some(),
        }
    }
}

/// The cue category of a hyphenated word whose last part is an organization
/// cue word ("Star-Telegram", "American-Statesman"), else 0.
fn hyphen_cue(w: &str, gaz: &Gazetteer) -> u16 {
    match w.rsplit_once('-') {
        Some((head, last))
            if !head.is_empty() && last.chars().next().is_some_and(char::is_uppercase) =>
        {
            gaz.word(lower_hash(last)) & cat::CUE
        }
        _ => 0,
    }
}

/// [`WordFacts`] of the distinct words seen so far, keyed by their text.
#[derive(Debug, Default)]
pub struct WordCache {
    map: std::collections::HashMap<Box<str>, WordFacts, BuildWordHasher>,
    pub(super) facts: Vec<WordFacts>,
}

impl WordCache {
    /// Distinct words kept before the cache starts over (bounds its memory
    /// on huge inputs; a brief holds a few thousand).
    const MAX_WORDS: usize = 1 << 18;

    pub(super) fn get(
        &mut self,
        w: &str,
        gaz: &Gazetteer,
        lex: &Lexicon,
        classes: &WordClasses,
    ) -> WordFacts {
        if let Some(f) = self.map.get(w) {
            return *f;
        }
        if self.map.len() >= Self::MAX_WORDS {
            self.map.clear();
        }
        let f = WordFacts::of(w, gaz, lex, classes);
        self.map.insert(w.into(), f);
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(
            shape_hash("Kazakhstan", Casing::AsWritten),
            shape_hash("Astana", Casing::AsWritten)
        );
        assert_ne!(
            shape_hash("CSTO", Casing::AsWritten),
            shape_hash("Csto", Casing::AsWritten)
        );
    }
}

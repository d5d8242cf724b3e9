//! Which words can start a temporal expression. Each distinct word of a text is
//! classified once against the word lists (a dozen of them) and remembered, so the
//! scan's check of every token is one hash lookup instead of a dozen list lookups.
//! Common function words ("the", "a", "for") start one only before a word of the
//! temporal vocabulary, so the scan looks at the next word's class before any pattern.

use super::lexicon;
use crate::date::month_from_name;
use crate::hash::BuildWordHasher;
use std::collections::HashMap;

/// Starts an expression whatever its case or neighbours ("the", "two", "weeks").
const ALWAYS: u8 = 1;
/// Starts one when capitalized: a month, a weekday, the first word of a holiday.
const CAPITALIZED: u8 = 2;
/// A singular unit, which starts one only as a hyphenated length ("month-long").
const SINGULAR_UNIT: u8 = 4;
/// "then", which starts one after "until", "by" or "till".
const THEN: u8 = 8;
/// A function word ("the", "a", "for", "at") that starts one only before a [`FOLLOWS`] word.
const LEADS: u8 = 16;
/// Can come right after a [`LEADS`] word in an expression: the word lists, the
/// temporal trigger words and the links patterns accept ("at least", "the same").
const FOLLOWS: u8 = 32;

/// The trigger classes of a text's words, each word classified on first sight.
#[derive(Default)]
pub struct Triggers<'a> {
    /// Words of up to 15 bytes, nearly all, by their bytes packed into integers:
    /// a lookup compares two integers instead of calling `memcmp`.
    short: HashMap<Packed, u8, BuildWordHasher>,
    long: HashMap<&'a str, u8, BuildWordHasher>,
}

/// A word of up to 15 bytes as integers: its first and last eight bytes (they
/// overlap when it is shorter than 16), or for a shorter word four and four, or
/// three single bytes; with its length, that is the whole word.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Packed {
    head: u64,
    tail: u64,
    len: u8,
}

impl Packed {
    fn of(w: &str) -> Option<Packed> {
        let b = w.as_bytes();
        let len = b.len();
        let u64_at = |k: usize| {
            b.get(k..k + 8)
                .and_then(|s| s.try_into().ok())
                .map(u64::from_le_bytes)
        };
        let u32_at = |k: usize| {
            b.get(k..k + 4)
                .and_then(|s| s.try_into().ok())
                .map(u32::from_le_bytes)
        };
        let (head, tail) = match len {
            16.. => return None,
            8.. => (u64_at(0)?, u64_at(len - 8)?),
            4.. => (u64::from(u32_at(0)?), u64::from(u32_at(len - 4)?)),
            1.. => {
                let at = |k: usize| u64::from(b[k]);
                (at(0) | at(len / 2) << 8 | at(len - 1) << 16, 0)
            }
            0 => (0, 0),
        };
        Some(Packed {
            head,
            tail,
            len: len as u8,
        })
    }
}

/// What a word needs to start an expression.
#[derive(Clone, Copy)]
pub struct Class(u8);

impl Class {
    /// It starts one whatever its case or neighbours.
    pub fn always(self) -> bool {
        self.0 & ALWAYS != 0
    }

    /// It starts one when capitalized.
    pub fn capitalized(self) -> bool {
        self.0 & CAPITALIZED != 0
    }

    /// It is "then", which starts one after "until".
    pub fn then(self) -> bool {
        self.0 & THEN != 0
    }

    /// It is a singular unit, which starts one before "-long".
    pub fn singular_unit(self) -> bool {
        self.0 & SINGULAR_UNIT != 0
    }

    /// It is a function word, which starts one only before a word that [`Class::follows`].
    pub fn leads(self) -> bool {
        self.0 & LEADS != 0
    }

    /// It can come right after a function word in an expression.
    pub fn follows(self) -> bool {
        self.0 & FOLLOWS != 0
    }
}

impl<'a> Triggers<'a> {
    /// The class of lower-cased word `w`.
    pub fn class(&mut self, w: &'a str) -> Class {
        // `get` first: nearly every token is a word seen before, and a hit costs no insert.
        if let Some(key) = Packed::of(w) {
            if let Some(&c) = self.short.get(&key) {
                return Class(c);
            }
            let c = classify(w);
            self.short.insert(key, c);
            return Class(c);
        }
        if let Some(&c) = self.long.get(w) {
            return Class(c);
        }
        let c = classify(w);
        self.long.insert(w, c);
        Class(c)
    }
}

/// The classes of `w` against the word lists.
fn classify(w: &str) -> u8 {
    let mut c = 0;
    if is_function_word(w) {
        c |= LEADS;
    } else if is_trigger_word(w) || is_link_word(w) || super::determiners::decade_word(w).is_some()
    {
        c |= FOLLOWS;
    }
    if month_from_name(w).is_some()
        || lexicon::weekday(w).is_some()
        || lexicon::weekdays(w).is_some()
        || super::holidays::starts_holiday(w)
    {
        c |= CAPITALIZED;
    }
    if w == "then" {
        c |= THEN;
    }
    match lexicon::unit(w) {
        Some((_, true)) => c |= ALWAYS,
        Some((_, false)) => c |= SINGULAR_UNIT,
        None => {}
    }
    if lexicon::small_number(w).is_some()
        || lexicon::shift(w).is_some()
        || lexicon::season(w).is_some()
        || lexicon::is_hedge(w)
        || lexicon::is_vague_count(w)
        || lexicon::ordinal(w).is_some()
        || lexicon::day_edge(w).is_some()
        || is_trigger_word(w)
    {
        c |= ALWAYS;
    }
    // Every word of the lists can carry an expression after a function word ("a week",
    // "the third quarter", "that morning"), "a" and "an" too ("over a year").
    if c & (ALWAYS | CAPITALIZED | SINGULAR_UNIT) != 0 || lexicon::part_of_day(w).is_some() {
        c |= FOLLOWS;
    }
    if is_function_word(w) && !matches!(w, "a" | "an") {
        c &= !FOLLOWS;
    }
    c
}

/// Frequent words that start an expression only before a [`FOLLOWS`] word: "the
/// third quarter", "a week", "that day", "at least two years", "up to a month",
/// "over the past year" (led by "the"), "each year", "new year".
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "that"
            | "these"
            | "for"
            | "at"
            | "up"
            | "more"
            | "less"
            | "fewer"
            | "over"
            | "within"
            | "each"
            | "every"
            | "per"
            | "new"
    )
}

/// Words outside the lists that patterns accept right after a function word:
/// "the same day", "the turn of the century", "at least", "up to", "more than",
/// "a fortnight", "a couple of years", "the near future", "the comparable period".
fn is_link_word(w: &str) -> bool {
    matches!(
        w,
        "least"
            | "most"
            | "than"
            | "to"
            | "and"
            | "same"
            | "corresponding"
            | "comparable"
            | "calendar"
            | "flat"
            | "strong"
            | "weak"
            | "latest"
            | "period"
            | "near"
            | "distant"
            | "short"
            | "long"
            | "medium"
            | "other"
            | "full"
            | "very"
            | "turn"
            | "eve"
            | "small"
            | "wee"
            | "beginning"
            | "start"
            | "middle"
            | "close"
            | "couple"
            | "hundred"
            | "thousand"
            | "additional"
            | "straight"
            | "consecutive"
            | "trading"
            | "business"
            | "working"
            | "while"
            | "fortnight"
            | "fortnights"
            | "predawn"
    )
}

/// Words that start an expression on their own, outside the word lists.
fn is_trigger_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "now"
            | "currently"
            | "recently"
            | "recent"
            | "current"
            | "future"
            | "soon"
            | "previously"
            | "formerly"
            | "lately"
            | "nowadays"
            | "presently"
            | "these"
            | "daily"
            | "weekly"
            | "monthly"
            | "annually"
            | "yearly"
            | "someday"
            | "fy"
            | "quarterly"
            | "hourly"
            | "nightly"
            | "every"
            | "each"
            | "per"
            | "early"
            | "late"
            | "mid"
            | "earlier"
            | "later"
            | "that"
            | "fiscal"
            | "year"
            | "noon"
            | "midnight"
            | "midday"
            | "new"
            | "at"
            | "more"
            | "less"
            | "over"
            | "up"
            | "within"
            | "for"
            | "end"
            | "overnight"
            | "half"
            | "q"
            | "h"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(w: &str, cap: bool, long: bool, after_until: bool) -> bool {
        let c = Triggers::default().class(w);
        c.always()
            || (cap && c.capitalized())
            || (c.then() && after_until)
            || (c.singular_unit() && long)
    }

    #[test]
    fn months_and_weekdays_start_only_when_capitalized() {
        assert!(starts("april", true, false, false));
        assert!(!starts("april", false, false, false));
        assert!(starts("sundays", true, false, false));
        assert!(!starts("may", false, false, false));
    }

    #[test]
    fn units_numbers_and_the_start_anywhere_but_a_singular_unit_needs_long() {
        assert!(starts("weeks", false, false, false));
        assert!(starts("twelve", false, false, false));
        assert!(starts("the", false, false, false));
        assert!(!starts("month", false, false, false));
        assert!(starts("month", false, true, false));
        // "year" is a trigger word of its own ("year-end", "year earlier").
        assert!(starts("year", false, false, false));
    }

    #[test]
    fn function_words_lead_and_the_vocabulary_follows() {
        let mut t = Triggers::default();
        for w in ["the", "a", "for", "at", "that"] {
            assert!(t.class(w).leads(), "{w}");
        }
        for w in [
            "year", "first", "same", "least", "a", "march", "nineties", "morning",
        ] {
            assert!(t.class(w).follows(), "{w}");
        }
        for w in ["the", "for", "said", "government"] {
            assert!(!t.class(w).follows(), "{w}");
        }
        assert!(!t.class("year").leads());
    }

    #[test]
    fn packed_words_differ_when_the_words_do() {
        let words = [
            "",
            "a",
            "aa",
            "aba",
            "abb",
            "the",
            "then",
            "thee",
            "theme",
            "quarter",
            "quarters",
            "quartered",
            "abcdefghijklmno",
            "abcdefghijklmnp",
            "bbcdefghijklmno",
        ];
        for (i, a) in words.iter().enumerate() {
            assert!(Packed::of(a) == Packed::of(a));
            for b in &words[i + 1..] {
                assert!(Packed::of(a) != Packed::of(b), "{a} {b}");
            }
        }
        // Longer words are kept by their text.
        assert!(Packed::of("internationalism").is_none());
        let mut t = Triggers::default();
        assert!(t.class("internationalism").0 == 0 && t.class("twelve").always());
    }

    #[test]
    fn then_starts_only_after_until() {
        assert!(starts("then", false, false, true));
        assert!(!starts("then", false, false, false));
        assert!(!starts("ministry", true, true, true));
    }
}

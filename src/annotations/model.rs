//! What an annotation is: a note with tags, pointing at a passage through W3C
//! selectors (the quote with its context, and its code-point position), so it
//! can be found again after the brief is edited.

use crate::date::Date;
use crate::document::{Document, Span};
use serde::{Deserialize, Serialize};
use std::time::{SystemTime, UNIX_EPOCH};

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// One note on a passage of a brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// `urn:uuid:…`: stable across export and import.
    pub id: String,
    /// RFC 3339 UTC timestamps (`2026-04-23T10:00:00.000Z`); they order concurrent edits.
    pub created: String,
    pub modified: String,
    pub note: String,
    /// `#words` of the note (plus tags imported from elsewhere), without the `#`.
    pub tags: Vec<String>,
    pub target: Target,
    /// How the annotation attached when the brief was last opened.
    #[serde(default)]
    pub state: State,
}

/// The W3C selectors of an annotation's passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub quote: TextQuoteSelector,
    pub position: TextPositionSelector,
}

/// The passage's text and up to 32 characters either side of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// The passage's place in the brief, in Unicode code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPositionSelector {
    pub start: usize,
    pub end: usize,
}

/// How an annotation attached to the brief's current text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// At its stored place, or the same quote in the same context elsewhere.
    #[default]
    Anchored,
    /// Found again only approximately or by a weaker clue: flagged until confirmed.
    Reanchored,
    /// Not found: kept and listed, attached to nothing.
    Orphaned,
}

impl Target {
    /// The selectors of `span` in `doc` (which must be a char-aligned span of its text).
    pub fn of(doc: &Document, span: Span) -> Target {
        let text = doc.text();
        let exact = span.slice(text).to_owned();
        let prefix = last_chars(&text[..span.start], CONTEXT_CHARS).to_owned();
        let suffix = first_chars(&text[span.end..], CONTEXT_CHARS).to_owned();
        Target {
            quote: TextQuoteSelector {
                exact,
                prefix,
                suffix,
            },
            position: TextPositionSelector {
                start: doc.char_offset(span.start),
                end: doc.char_offset(span.end),
            },
        }
    }
}

/// The last `n` characters of `s`.
pub fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// The first `n` characters of `s`.
pub fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The tags of a note: words after a `#` that starts a word (`#CSTO`, `#follow-up`),
/// in order of first use, duplicates (ignoring case) dropped. `C#` and `#1` are not tags.
pub fn parse_tags(note: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in note.char_indices() {
        let starts_word = !prev.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '#');
        prev = Some(c);
        if c != '#' || !starts_word {
            continue;
        }
        let rest = &note[i + 1..];
        let len: usize = rest
            .char_indices()
            .take_while(|&(_, ch)| ch.is_alphanumeric() || ch == '_' || ch == '-')
            .map(|(j, ch)| j + ch.len_utf8())
            .last()
            .unwrap_or(0);
        let word = rest[..len].trim_end_matches('-');
        if word.chars().next().is_some_and(char::is_alphabetic)
            && !tags.iter().any(|t| t.to_lowercase() == word.to_lowercase())
        {
            tags.push(word.to_owned());
        }
    }
    tags
}

/// Merges tags from elsewhere (an import) into `tags`, ignoring case.
pub fn union_tags(tags: &mut Vec<String>, more: impl IntoIterator<Item = String>) {
    for t in more {
        if !t.is_empty() && !tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
            tags.push(t);
        }
    }
}

/// The current time as an RFC 3339 UTC timestamp with milliseconds.
pub fn now() -> String {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    timestamp(d.as_millis() as i64)
}

/// RFC 3339 UTC timestamp of `millis` since the Unix epoch.
pub fn timestamp(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let date = Date::from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        date.year,
        date.month,
        date.day,
        s / 3600,
        s % 3600 / 60,
        s % 60,
        millis.rem_euclid(1000)
    )
}

/// A timestamp later than both now and `than` (by a millisecond if need be), so
/// a change made in the same millisecond as an event it overrides still sorts after it.
pub fn now_after(than: &str) -> String {
    let now = now();
    if now.as_str() > than {
        return now;
    }
    millis_of(than).map_or(now, |m| timestamp(m + 1))
}

/// Milliseconds since the Unix epoch of a timestamp written by [`timestamp`].
fn millis_of(ts: &str) -> Option<i64> {
    let date = Date::parse(ts.get(..10)?)?;
    let num = |r: std::ops::Range<usize>| ts.get(r)?.parse::<i64>().ok();
    let (h, m, s, ms) = (num(11..13)?, num(14..16)?, num(17..19)?, num(20..23)?);
    Some(((date.to_days() * 86_400 + h * 3600 + m * 60 + s) * 1000) + ms)
}

/// A fresh `urn:uuid:` (version 4 layout) from the clock, the pid and a counter.
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let seed = format!(
        "{nanos}/{}/{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let h = crate::store::fingerprint(seed.as_bytes());
    // Set the version (4) and variant (10xx) nibbles.
    let variant = ["8", "9", "a", "b"][usize::from(h.as_bytes()[16] % 4)];
    format!(
        "urn:uuid:{}-{}-4{}-{}{}-{}",
        &h[0..8],
        &h[8..12],
        &h[13..16],
        variant,
        &h[17..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_sorts_after_what_it_overrides_even_in_the_same_millisecond() {
        for m in [0, 999, 1_700_000_000_123, 32_503_680_000_999] {
            assert_eq!(millis_of(&timestamp(m)), Some(m));
        }
        let future = "2999-12-31T23:59:59.999Z";
        assert_eq!(now_after(future), "3000-01-01T00:00:00.000Z");
        let past = "2001-01-01T00:00:00.000Z";
        assert!(now_after(past).as_str() > past);
    }

    #[test]
    fn tags_come_from_hash_words() {
        assert_eq!(
            parse_tags("See #CSTO and #follow-up, not C# or #1 or a#b. #csto again"),
            ["CSTO", "follow-up"]
        );
        assert_eq!(
            parse_tags("#Қазақстан: #энергия."),
            ["Қазақстан", "энергия"]
        );
        assert!(parse_tags("## heading # alone").is_empty());
    }

    #[test]
    fn selectors_carry_quote_context_and_code_points() {
        let doc = Document::from_text("Қазақстан — the Caspian shelf and Astana's plans.");
        let start = doc.text().find("Caspian").unwrap();
        let t = Target::of(&doc, Span::new(start, start + "Caspian".len()));
        assert_eq!(t.quote.exact, "Caspian");
        assert_eq!(t.quote.prefix, "Қазақстан — the ");
        assert_eq!(t.quote.suffix, " shelf and Astana's plans.");
        assert_eq!(t.position.start, 16);
        assert_eq!(t.position.end, 23);
        assert_eq!(last_chars("abcdef", 2), "ef");
        assert_eq!(last_chars("ab", 5), "ab");
        assert_eq!(first_chars("abcdef", 2), "ab");
    }

    #[test]
    fn timestamps_and_ids_are_well_formed() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(timestamp(1_177_322_400_123), "2007-04-23T10:00:00.123Z");
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), "urn:uuid:".len() + 36);
        assert_eq!(&a[23..24], "4");
    }
}

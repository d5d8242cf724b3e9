//! Searching the text of briefs: a [`Query`] (case-insensitive; several words,
//! or a quoted phrase, match as that phrase with any whitespace between the
//! words, so a line break does not hide it) and its hits as byte spans; and a
//! [`TextSearch`] over a library's briefs, newest first, done in steps so a
//! screen shows the first hits while the rest are still being found.

use super::{BriefId, Library};
use crate::document::Span;
use memchr::memmem;
use std::time::Instant;

/// At most this many hits are kept across a library, so a one-letter query stays cheap.
pub const MAX_HITS: usize = 100_000;

/// What to look for: the words of the query, lower-cased, one space between them.
#[derive(Debug, Clone)]
pub struct Query {
    /// The words joined by single spaces (a space matches any whitespace run).
    phrase: Vec<char>,
    shown: String,
    /// The first word, when it is ASCII: candidates are where it occurs in the
    /// text lower-cased a chunk at a time (memmem), each then matched in full.
    first_word: Option<Box<memmem::Finder<'static>>>,
}

impl PartialEq for Query {
    fn eq(&self, other: &Query) -> bool {
        self.phrase == other.phrase && self.shown == other.shown
    }
}

impl Eq for Query {}

/// Bytes of text lower-cased at a time while looking for an ASCII first word.
const CHUNK: usize = 64 * 1024;

impl Query {
    /// The query typed: surrounding quotes dropped, whitespace runs as one space;
    /// `None` when nothing is left to look for.
    pub fn parse(typed: &str) -> Option<Query> {
        let t = typed.trim();
        let t = ['"', '“', '”', '\'']
            .iter()
            .fold(t, |t, q| t.strip_prefix(*q).unwrap_or(t));
        let t = ['"', '“', '”', '\'']
            .iter()
            .fold(t, |t, q| t.strip_suffix(*q).unwrap_or(t));
        let shown = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if shown.is_empty() {
            return None;
        }
        let phrase: Vec<char> = shown.chars().flat_map(char::to_lowercase).collect();
        let word: String = phrase.iter().take_while(|&&c| c != ' ').collect();
        let first_word = word
            .is_ascii()
            .then(|| Box::new(memmem::Finder::new(word.as_bytes()).into_owned()));
        Some(Query {
            phrase,
            shown,
            first_word,
        })
    }

    /// The query as it is matched, for titles and notices (not escaped).
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Non-overlapping hits in `text`, in text order, at most `max`.
    pub fn find(&self, text: &str, max: usize) -> Vec<Span> {
        self.find_in(text, Span::new(0, text.len()), max)
    }

    /// The hits of this query inside `within`, found by checking only where
    /// `prev` (this query's beginning, as the reader types on) matched: `None`
    /// when that could miss a hit, and the text must be searched again. It
    /// holds for a one-word ASCII `prev` that cannot overlap itself (no proper
    /// prefix equal to a suffix), whose hits were not cut at [`MAX_HITS`], and
    /// a query whose first word is ASCII too:
    /// then its hits are every place it occurs, and every hit of this query
    /// begins at one of them.
    pub fn refine(
        &self,
        prev: &Query,
        prev_hits: &[Span],
        text: &str,
        within: Span,
        max: usize,
    ) -> Option<Vec<Span>> {
        let p = &prev.phrase;
        // A search again takes its candidates from the first word's ASCII bytes: so must this.
        let word = self.first_word.as_ref()?.needle();
        let applies = self.phrase.len() > p.len()
            && self.phrase.starts_with(p)
            && p.iter().all(|&c| c.is_ascii() && c != ' ')
            && prev_hits.len() < MAX_HITS
            && (1..p.len()).all(|k| p[k..] != p[..p.len() - k]);
        if !applies {
            return None;
        }
        let hay = text.get(..within.end)?;
        let mut hits = Vec::new();
        let mut at = within.start;
        for h in prev_hits.iter().filter(|h| h.start >= within.start) {
            if hits.len() >= max {
                break;
            }
            if h.start < at {
                continue;
            }
            let Some(rest) = hay.get(h.start..) else {
                continue;
            };
            let starts_with_word = rest
                .as_bytes()
                .get(..word.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(word));
            if !starts_with_word {
                continue;
            }
            if let Some(len) = match_at(rest, &self.phrase) {
                hits.push(Span::new(h.start, h.start + len));
                at = h.start + len;
            }
        }
        Some(hits)
    }

    /// Non-overlapping hits inside `within` (a byte span of `text`), at most `max`.
    pub fn find_in(&self, text: &str, within: Span, max: usize) -> Vec<Span> {
        self.find_starting(text, within, within.end, max)
    }

    /// [`Query::find_in`] for the hits that start before byte `before` (they
    /// may run past it): a search done a piece at a time, each piece from
    /// where the last one's hits end, finds what one search finds.
    pub fn find_starting(&self, text: &str, within: Span, before: usize, max: usize) -> Vec<Span> {
        let mut hits = Vec::new();
        let Some(hay) = text.get(within.start..within.end).filter(|_| max > 0) else {
            return hits;
        };
        let limit = before.clamp(within.start, within.end) - within.start;
        let mut push = |i: usize, len: usize| {
            hits.push(Span::new(within.start + i, within.start + i + len));
            hits.len() < max
        };
        match &self.first_word {
            Some(word) => find_ascii_word(hay, limit, word, &self.phrase, &mut push),
            None => {
                let first = self.phrase[0];
                let mut at = 0;
                // Candidates are looked for only before the limit, matched in full past it.
                let mut cut = limit;
                while !hay.is_char_boundary(cut) {
                    cut += 1;
                }
                while let Some(i) = next_candidate(&hay[..cut], at, first) {
                    match match_at(&hay[i..], &self.phrase) {
                        Some(len) => {
                            if !push(i, len) {
                                break;
                            }
                            at = i + len;
                        }
                        None => at = i + hay[i..].chars().next().map_or(1, char::len_utf8),
                    }
                }
            }
        }
        hits
    }
}

/// Calls `push(start, len)` for each non-overlapping match of `phrase` in `hay`
/// starting before `limit` whose ASCII first word `word` finds the candidates,
/// until `push` says stop. The text is lower-cased (ASCII only, so offsets
/// stay) a chunk at a time, the chunks overlapping by the word's length so no
/// candidate is cut.
fn find_ascii_word(
    hay: &str,
    limit: usize,
    word: &memmem::Finder<'_>,
    phrase: &[char],
    push: &mut dyn FnMut(usize, usize) -> bool,
) {
    let bytes = hay.as_bytes();
    let reach = word.needle().len().saturating_sub(1);
    let mut lower = Vec::with_capacity(bytes.len().min(CHUNK) + reach);
    let (mut from, mut at) = (0usize, 0usize);
    while from < bytes.len().min(limit) {
        let end = (from + CHUNK + reach).min(bytes.len());
        lower.clear();
        lower.extend(bytes[from..end].iter().map(u8::to_ascii_lowercase));
        // Candidates starting past this chunk's own bytes come with the next chunk.
        let own = if end == bytes.len() {
            end - from
        } else {
            CHUNK
        };
        // Each occurrence is a candidate, overlapping ones too ("kk" in "kkk"):
        // after one that does not match, the next may start one byte on.
        let mut k = at.saturating_sub(from);
        while k < own {
            let Some(c) = word.find(&lower[k..]).map(|j| k + j).filter(|&c| c < own) else {
                break;
            };
            let i = from + c;
            if i >= limit {
                return;
            }
            // An ASCII byte never occurs inside a multi-byte character: `i` is a boundary.
            if let Some(len) = match_at(&hay[i..], phrase) {
                if !push(i, len) {
                    return;
                }
                at = i + len;
            }
            k = (c + 1).max(at.saturating_sub(from));
        }
        from += CHUNK;
    }
}

/// The next byte offset from `at` where a match starting with `first` may begin.
fn next_candidate(hay: &str, at: usize, first: char) -> Option<usize> {
    let rest = hay.as_bytes().get(at..)?;
    if first.is_ascii() {
        // An ASCII byte never occurs inside a multi-byte character: memchr finds it.
        let (lo, up) = (first as u8, first.to_ascii_uppercase() as u8);
        return memchr::memchr2(lo, up, rest).map(|i| at + i);
    }
    hay.get(at..)?
        .char_indices()
        .find(|&(_, c)| c.to_lowercase().next() == Some(first))
        .map(|(i, _)| at + i)
}

/// Byte length of the prefix of `s` that matches `phrase` ignoring case, a space
/// of the phrase matching a run of whitespace; `None` if it does not.
fn match_at(s: &str, phrase: &[char]) -> Option<usize> {
    let mut qi = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if phrase[qi] == ' ' {
            if !c.is_whitespace() {
                return None;
            }
            while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                chars.next();
            }
            qi += 1;
            continue;
        }
        for lc in c.to_lowercase() {
            if phrase.get(qi) != Some(&lc) {
                return None;
            }
            qi += 1;
        }
        if qi == phrase.len() {
            return Some(i + c.len_utf8());
        }
    }
    None
}

/// The line around `hit` in `text`, at most `reach` bytes each side of it (cut
/// at a space when it is longer): the context a result is shown in.
pub fn line_around(text: &str, hit: Span, reach: usize) -> Span {
    let line_start = text[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let mut start = line_start.max(hit.start.saturating_sub(reach));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start > line_start {
        // Cut: from the first word that starts whole.
        start = text[start..hit.start]
            .find(' ')
            .map_or(start, |i| start + i + 1);
    }
    let line_end = text[hit.end..]
        .find('\n')
        .map_or(text.len(), |i| hit.end + i);
    let mut end = line_end.min(hit.end + reach);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < line_end {
        end = text[hit.end..end].rfind(' ').map_or(end, |i| hit.end + i);
    }
    Span::new(start, end.max(hit.end))
}

/// One hit of a search across a library: the brief and the byte span in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextHit {
    pub brief: BriefId,
    pub span: Span,
}

/// A search through a library's briefs, newest first, done a step at a time.
pub struct TextSearch {
    pub query: Query,
    /// The briefs, newest first, as they were when the search started (the
    /// order changes as an index being built takes briefs in).
    order: Vec<BriefId>,
    /// Position in `order` of the next brief to search.
    next: usize,
    /// Briefs that could not be read, so their hits are unknown.
    pub unreadable: usize,
}

/// What one [`TextSearch::step`] found.
#[derive(Debug, Default)]
pub struct Found {
    pub hits: Vec<TextHit>,
    /// Every brief has been searched (or the hit limit reached).
    pub done: bool,
}

impl TextSearch {
    /// A search for `query` through the briefs `lib` has now.
    pub fn new(query: Query, lib: &Library) -> TextSearch {
        TextSearch {
            query,
            order: lib.order().to_vec(),
            next: 0,
            unreadable: 0,
        }
    }

    /// Searches on, newest brief first, until `want` hits are found, `until`
    /// passes, or every brief is searched; `had` hits were found before, and
    /// the search stops at [`MAX_HITS`] in all. Briefs are read and searched a
    /// batch at a time on two threads, their hits kept in brief order.
    pub fn step(&mut self, lib: &Library, want: usize, until: Instant, had: usize) -> Found {
        let mut found = Found::default();
        while self.next < self.order.len() {
            let room = MAX_HITS.saturating_sub(had + found.hits.len());
            if room == 0 {
                self.next = self.order.len();
                break;
            }
            let end = (self.next + BATCH).min(self.order.len());
            let batch = &self.order[self.next..end];
            self.next = end;
            let half = batch.len().div_ceil(2);
            let q = &self.query;
            let search = |ids: &[BriefId]| -> Vec<(BriefId, Option<Vec<Span>>)> {
                ids.iter()
                    .map(|&id| (id, lib.text(id).ok().map(|t| q.find(&t, room))))
                    .collect()
            };
            let (a, b) = std::thread::scope(|s| {
                let other = s.spawn(|| search(&batch[half..]));
                let mine = search(&batch[..half]);
                (mine, other.join().unwrap_or_default())
            });
            let before = found.hits.len();
            for (id, spans) in a.into_iter().chain(b) {
                match spans {
                    Some(spans) => found
                        .hits
                        .extend(spans.into_iter().map(|span| TextHit { brief: id, span })),
                    None => self.unreadable += 1,
                }
            }
            found.hits.truncate(before + room);
            if found.hits.len() >= want || Instant::now() >= until {
                break;
            }
        }
        found.done = self.next >= self.order.len();
        found
    }
}

/// Briefs searched at a time: enough to keep two threads busy, few enough that
/// the first screen of hits is not kept waiting.
const BATCH: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, q: &str) -> Vec<&'a str> {
        Query::parse(q)
            .unwrap()
            .find(text, 100)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn words_match_as_a_phrase_ignoring_case_and_line_breaks() {
        let text = "The Kashagan\nconsortium met.  KASHAGAN   Consortium again; kashagan field.";
        assert_eq!(
            found(text, "kashagan consortium"),
            ["Kashagan\nconsortium", "KASHAGAN   Consortium"]
        );
        assert_eq!(
            found(text, "\"Kashagan consortium\""),
            found(text, "kashagan consortium")
        );
        assert_eq!(found(text, "kashagan").len(), 3);
        assert!(found(text, "consortium field").is_empty());
        assert_eq!(Query::parse("  “ ” "), None);
        assert_eq!(Query::parse(" a \t b ").unwrap().shown(), "a b");
    }

    #[test]
    fn non_ascii_queries_and_texts_keep_char_boundaries() {
        let text = "Қазақстан and ҚАЗАҚСТАН; Astana—Қазақстан";
        assert_eq!(found(text, "қазақстан").len(), 3);
        assert_eq!(found(text, "astana—қазақстан"), ["Astana—Қазақстан"]);
        let text = "é café CAFÉ";
        assert_eq!(found(text, "café"), ["café", "CAFÉ"]);
        // Candidates are found by the first word's rarest letter, wherever it is in the word.
        let text = "Қазақ the\nthem THE  Kashagan, Ӂhe theme";
        assert_eq!(found(text, "the"), ["the", "the", "THE", "the"]);
        assert_eq!(found(text, "the kashagan"), ["THE  Kashagan"]);
        assert_eq!(found(text, "them"), ["them", "them"]);
    }

    #[test]
    fn hits_across_the_chunks_the_text_is_lowercased_in_are_each_found_once() {
        // Place "Kashagan consortium" so it straddles every chunk boundary in turn.
        for shift in 0..12 {
            let pad = "é".repeat((CHUNK - shift) / 2);
            let text = format!(
                "{pad}{}Kashagan\nCONSORTIUM x kashagan consortium",
                &"x"[..shift % 2]
            );
            let hits = found(&text, "kashagan consortium");
            assert_eq!(
                hits,
                ["Kashagan\nCONSORTIUM", "kashagan consortium"],
                "shift {shift}"
            );
            assert_eq!(found(&text, "kashagan").len(), 2, "shift {shift}");
        }
        // A candidate that fails does not hide one overlapping it.
        assert_eq!(found("kkk\nK", "kk k"), ["kk\nK"]);
        assert_eq!(found("xaab aaab", "aab"), ["aab", "aab"]);
        // Overlapping candidates: non-overlapping hits, left to right.
        assert_eq!(found("aaaa", "aa"), ["aa", "aa"]);
        assert_eq!(Query::parse("aa").unwrap().find("aaaaaa", 2).len(), 2);
        assert!(Query::parse("aa").unwrap().find("aaaa", 0).is_empty());
    }

    /// Every text of up to six letters from a small alphabet: the search finds
    /// what trying every position in turn finds.
    #[test]
    fn the_search_finds_what_trying_every_position_finds() {
        let alphabet = ['a', 'b', 'A', ' ', '\n'];
        let queries = [
            "a", "ab", "aa", "a b", "ba a", "aab", "b  a", "aa b", "aa a",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.len() == texts.last().map_or(0, String::len))
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        for q in queries {
            let query = Query::parse(q).unwrap();
            for text in &texts {
                let mut expected = Vec::new();
                let mut i = 0;
                while i < text.len() {
                    match match_at(&text[i..], &query.phrase) {
                        Some(len) => {
                            expected.push(Span::new(i, i + len));
                            i += len;
                        }
                        None => i += 1,
                    }
                }
                assert_eq!(query.find(text, MAX_HITS), expected, "{q:?} in {text:?}");
            }
        }
    }

    #[test]
    fn refining_as_the_query_grows_finds_what_a_new_search_finds() {
        let text = "Kash kashagan KASHAGAN\nconsortium; kashag abab ababab kashagan  c. aaaa";
        let all = Span::new(0, text.len());
        let cases = [
            ("kash", "kashagan"),
            ("kashagan", "kashagan consortium"),
            ("kashagan", "kashagan c"),
            ("ab", "abab"),
            ("kas", "kashag"),
        ];
        for (typed, more) in cases {
            let (prev, next) = (Query::parse(typed).unwrap(), Query::parse(more).unwrap());
            let prev_hits = prev.find(text, MAX_HITS);
            let refined = next.refine(&prev, &prev_hits, text, all, MAX_HITS).unwrap();
            assert_eq!(refined, next.find(text, MAX_HITS), "{typed} -> {more}");
        }
        // A query that overlaps itself, a phrase, or another beginning: search again.
        let none = |typed: &str, more: &str| {
            let (prev, next) = (Query::parse(typed).unwrap(), Query::parse(more).unwrap());
            next.refine(&prev, &prev.find(text, MAX_HITS), text, all, MAX_HITS)
        };
        assert!(none("aa", "aaa").is_none());
        assert!(none("abab", "ababab").is_none());
        assert!(none("kashagan c", "kashagan co").is_none());
        assert!(none("kash", "kas").is_none());
        assert!(none("k", "kash").is_some());
    }

    #[test]
    fn the_line_around_a_hit_is_cut_at_char_boundaries() {
        let text = "first line\nÄÄÄ the hit ÄÄÄ\nlast";
        let at = text.find("hit").unwrap();
        let line = line_around(text, Span::new(at, at + 3), 100);
        assert_eq!(&text[line.start..line.end], "ÄÄÄ the hit ÄÄÄ");
        let short = line_around(text, Span::new(at, at + 3), 5);
        assert!(text.get(short.start..short.end).is_some());
        assert!(short.start <= at && short.end >= at + 3);
        // A long line is cut between words.
        let text = "one two three four five six seven";
        let at = text.find("four").unwrap();
        let cut = line_around(text, Span::new(at, at + 4), 8);
        assert_eq!(&text[cut.start..cut.end], "three four five");
    }
}

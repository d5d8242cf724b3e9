//! Finding an annotation's passage again in a brief that may have been edited.
//!
//! In order: the stored position if the quote is still there (and, for a
//! short quote, its context has not been rewritten); else the exact
//! quote, the copy whose context (prefix and suffix) agrees best, nearest the
//! old position on ties; else an approximate match: candidate places are voted
//! for by exact hits of short pieces of the quote and of its context, and each
//! is scored by a banded edit distance. A match is accepted only when the
//! evidence (quote and context characters that agree) clears [`MIN_SCORE`] and
//! the quote itself is mostly there: a look-alike passage in another context
//! scores low, so the annotation is orphaned rather than moved onto it.

use super::model::{first_chars, last_chars, Target, CONTEXT_CHARS};
use crate::document::{Document, Span};

/// Share of agreeing evidence (quote and context characters) needed to re-anchor.
pub const MIN_SCORE: f32 = 0.7;
/// Share of the quote itself that must survive in an approximate match.
const MIN_QUOTE: f32 = 0.6;
/// An exact quote this long that occurs once is taken even when its context changed
/// (a paragraph moved): it is the same text, not a look-alike.
const UNIQUE_MIN_CHARS: usize = 16;
/// Context at least this similar on both sides counts as unchanged.
const SAME_CONTEXT: f32 = 0.9;
/// Approximate matching is skipped for longer quotes (its cost grows with the square).
const MAX_FUZZY_CHARS: usize = 2000;
/// Occurrences of a seed beyond this make it useless as evidence.
const MAX_SEED_HITS: usize = 64;
/// Exact occurrences of a quote examined at most.
const MAX_EXACT_HITS: usize = 20_000;
/// Candidate places checked with the edit distance.
const MAX_CANDIDATES: usize = 8;
/// How much a fuzzy match's distance from the old position lowers its rank, at
/// most: a few quote lengths away costs this much, enough to prefer the edited
/// passage itself over a look-alike a sentence or two off, never to outweigh
/// clear evidence.
const NEARNESS: f32 = 0.03;

/// Where an annotation attached in the current text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Resolution {
    /// At the stored place, or the identical quote and context elsewhere.
    Anchored(Span),
    /// Found by a weaker clue, with its score in `[MIN_SCORE, 1]`: flag it until confirmed.
    Reanchored(Span, f32),
    /// Not found: keep it, attach it to nothing.
    Orphaned,
}

impl Resolution {
    /// The span to mark in the text, if any.
    pub fn span(&self) -> Option<Span> {
        match *self {
            Resolution::Anchored(s) | Resolution::Reanchored(s, _) => Some(s),
            Resolution::Orphaned => None,
        }
    }
}

/// Finds `target` in `doc`.
pub fn anchor(doc: &Document, target: &Target) -> Resolution {
    let text = doc.text();
    let exact = target.quote.exact.as_str();
    if exact.is_empty() {
        return Resolution::Orphaned;
    }
    let old = (
        doc.byte_offset(target.position.start),
        doc.byte_offset(target.position.end),
    );
    let ctx = Context::new(target);
    let quote_chars = exact.chars().count();
    if let (Some(s), Some(e)) = old {
        if s <= e && text.get(s..e) == Some(exact) {
            // A short quote at its old place in a rewritten context may be a coincidence.
            let span = Span::new(s, e);
            let (p, q) = ctx.similarity(text, span);
            if quote_chars >= UNIQUE_MIN_CHARS || ctx.score(quote_chars, 1.0, p, q) >= MIN_SCORE {
                return Resolution::Anchored(span);
            }
        }
    }
    let hint = old.0.unwrap_or(text.len());

    let hits = exact_hits(text, exact);
    let best_exact = hits
        .iter()
        .map(|&start| {
            let span = Span::new(start, start + exact.len());
            let (p, s) = ctx.similarity(text, span);
            (span, p, s)
        })
        .max_by(|a, b| {
            (a.1 + a.2)
                .total_cmp(&(b.1 + b.2))
                .then_with(|| distance(b.0.start, hint).cmp(&distance(a.0.start, hint)))
        });
    if let Some((span, p, s)) = best_exact {
        let score = ctx.score(quote_chars, 1.0, p, s);
        if p >= SAME_CONTEXT && s >= SAME_CONTEXT {
            return Resolution::Anchored(span);
        }
        if score >= MIN_SCORE {
            return Resolution::Reanchored(span, score);
        }
        if hits.len() == 1 && quote_chars >= UNIQUE_MIN_CHARS {
            return Resolution::Reanchored(span, MIN_SCORE);
        }
    }
    match fuzzy(text, target, &ctx, hint) {
        Some((span, score)) => Resolution::Reanchored(span, score),
        None => Resolution::Orphaned,
    }
}

fn distance(a: usize, b: usize) -> usize {
    a.abs_diff(b)
}

/// Byte starts of every occurrence of `needle`, overlapping ones included.
fn exact_hits(text: &str, needle: &str) -> Vec<usize> {
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    let mut from = 0;
    while let Some(i) = bytes.get(from..).and_then(|b| finder.find(b)) {
        hits.push(from + i);
        if hits.len() >= MAX_EXACT_HITS {
            break;
        }
        let step = text[from + i..].chars().next().map_or(1, char::len_utf8);
        from += i + step;
    }
    hits
}

/// The stored context of a target, as characters.
struct Context {
    prefix: Vec<char>,
    suffix: Vec<char>,
}

impl Context {
    /// Imported selectors may carry any amount of context; the part next to the
    /// quote is what tells places apart, and it keeps the edit distances cheap.
    fn new(target: &Target) -> Context {
        Context {
            prefix: last_chars(&target.quote.prefix, 2 * CONTEXT_CHARS)
                .chars()
                .collect(),
            suffix: first_chars(&target.quote.suffix, 2 * CONTEXT_CHARS)
                .chars()
                .collect(),
        }
    }

    /// How alike the text around `span` is to the stored prefix and suffix, each in `[0, 1]`.
    fn similarity(&self, text: &str, span: Span) -> (f32, f32) {
        let before: Vec<char> = last_chars(&text[..span.start], self.prefix.len())
            .chars()
            .collect();
        let after: Vec<char> = first_chars(&text[span.end..], self.suffix.len())
            .chars()
            .collect();
        (
            similarity(&self.prefix, &before),
            similarity(&self.suffix, &after),
        )
    }

    /// Share of agreeing evidence: quote and context characters, weighted by their length.
    fn score(&self, quote_chars: usize, quote_sim: f32, p: f32, s: f32) -> f32 {
        let (q, pl, sl) = (
            quote_chars as f32,
            self.prefix.len() as f32,
            self.suffix.len() as f32,
        );
        (q * quote_sim + pl * p + sl * s) / (q + pl + sl).max(1.0)
    }
}

/// `1 - levenshtein / longer length`; two empty strings are identical.
fn similarity(a: &[char], b: &[char]) -> f32 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f32 / longest as f32
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Semi-global edit distance of `pattern` against every substring of `window`:
/// for each end (in chars of `window`) the cheapest cost and where that match starts.
fn match_ends(pattern: &[char], window: &[char]) -> (Vec<usize>, Vec<usize>) {
    let n = window.len();
    let mut prev: Vec<usize> = vec![0; n + 1];
    let mut prev_start: Vec<usize> = (0..=n).collect();
    let mut cur = vec![0; n + 1];
    let mut cur_start = vec![0; n + 1];
    for (i, &pc) in pattern.iter().enumerate() {
        cur[0] = i + 1;
        cur_start[0] = 0;
        for j in 1..=n {
            let sub = prev[j - 1] + usize::from(pc != window[j - 1]);
            let del = prev[j] + 1;
            let ins = cur[j - 1] + 1;
            (cur[j], cur_start[j]) = if sub <= del && sub <= ins {
                (sub, prev_start[j - 1])
            } else if del <= ins {
                (del, prev_start[j])
            } else {
                (ins, cur_start[j - 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut prev_start, &mut cur_start);
    }
    for (j, s) in prev_start.iter_mut().enumerate() {
        *s = (*s).min(j);
    }
    (prev, prev_start)
}

/// The best approximate match of the quote: `(span, score)` above the thresholds.
/// Every end of the window whose match is close enough is scored with its
/// context too, so the context decides where an edited quote begins and ends.
fn fuzzy(text: &str, target: &Target, ctx: &Context, hint: usize) -> Option<(Span, f32)> {
    let exact = target.quote.exact.as_str();
    let pattern: Vec<char> = exact.chars().collect();
    if pattern.len() > MAX_FUZZY_CHARS {
        return None;
    }
    let m = pattern.len().max(1);
    let max_cost = ((1.0 - MIN_QUOTE) * m as f32) as usize;
    let slack = exact.len() / 3 + 16;
    // The best match by score, nearer the old position winning near-ties: in a
    // brief of look-alike sentences the edited passage itself must beat a
    // neighbour one character closer to the old quote.
    let mut best: Option<(Span, f32, f32)> = None;
    let reach = (4 * exact.len()).max(1) as f32;
    for estimate in candidates(text, target, hint) {
        let lo = floor_boundary(text, estimate.saturating_sub(slack));
        let hi = ceil_boundary(text, estimate.saturating_add(exact.len() + slack));
        let window_text = &text[lo..hi];
        let offsets: Vec<usize> = window_text
            .char_indices()
            .map(|(i, _)| lo + i)
            .chain([hi])
            .collect();
        let window: Vec<char> = window_text.chars().collect();
        let (costs, starts) = match_ends(&pattern, &window);
        for (e, (&cost, &s)) in costs.iter().zip(&starts).enumerate() {
            if cost > max_cost {
                continue;
            }
            let (Some(&start), Some(&end)) = (offsets.get(s), offsets.get(e)) else {
                continue;
            };
            let span = trim_to_quote(text, Span::new(start, end), exact);
            if span.is_empty() {
                continue;
            }
            let quote_sim = 1.0 - cost as f32 / m as f32;
            let (p, s) = ctx.similarity(text, span);
            let score = ctx.score(pattern.len(), quote_sim, p, s);
            let away = (distance(span.start, hint) as f32 / reach).min(1.0);
            let ranked = score - NEARNESS * away;
            if score >= MIN_SCORE && best.is_none_or(|(_, _, b)| ranked > b) {
                best = Some((span, score, ranked));
            }
        }
    }
    best.map(|(span, score, _)| (span, score))
}

/// Drops whitespace at either end of a match where the quote has none.
fn trim_to_quote(text: &str, mut span: Span, exact: &str) -> Span {
    let found = span.slice(text);
    if !exact.starts_with(char::is_whitespace) {
        span.start += found.len() - found.trim_start().len();
    }
    let found = span.slice(text);
    if !exact.ends_with(char::is_whitespace) {
        span.end -= found.len() - found.trim_end().len();
    }
    span
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Likely byte starts of the quote, best voted first: exact hits of pieces of
/// the quote, of the end of the prefix and of the start of the suffix, and the old place.
fn candidates(text: &str, target: &Target, hint: usize) -> Vec<usize> {
    let exact = target.quote.exact.as_str();
    let mut votes: Vec<(usize, u32)> = vec![(hint.min(text.len()), 1)];
    let chars: Vec<(usize, char)> = exact.char_indices().collect();
    let piece = (chars.len() / 4).clamp(4, 12);
    if chars.len() >= piece {
        let count = chars.len() / piece;
        let stride = count.div_ceil(24).max(1);
        for k in (0..count).step_by(stride) {
            let from = chars[k * piece].0;
            let to = chars.get((k + 1) * piece).map_or(exact.len(), |c| c.0);
            for hit in limited_hits(text, &exact[from..to]) {
                votes.push((hit.saturating_sub(from), 1));
            }
        }
    }
    let prefix = last_chars(&target.quote.prefix, 16);
    if prefix.chars().count() >= 8 {
        for hit in limited_hits(text, prefix) {
            votes.push((hit + prefix.len(), 2));
        }
    }
    let suffix = first_chars(&target.quote.suffix, 16);
    if suffix.chars().count() >= 8 {
        for hit in limited_hits(text, suffix) {
            votes.push((hit.saturating_sub(exact.len()), 2));
        }
    }
    cluster(votes, exact.len() / 4 + 32)
}

/// Hits of `needle`, or none if it occurs too often to tell places apart.
fn limited_hits(text: &str, needle: &str) -> Vec<usize> {
    let hits: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
        .take(MAX_SEED_HITS + 1)
        .collect();
    if hits.len() > MAX_SEED_HITS {
        Vec::new()
    } else {
        hits
    }
}

/// Groups estimates closer than `gap` and returns each group's median, most votes first.
fn cluster(mut votes: Vec<(usize, u32)>, gap: usize) -> Vec<usize> {
    votes.sort_unstable();
    let mut groups: Vec<(u32, usize)> = Vec::new();
    let mut i = 0;
    while i < votes.len() {
        let mut j = i + 1;
        while j < votes.len() && votes[j].0 - votes[j - 1].0 <= gap {
            j += 1;
        }
        let weight = votes[i..j].iter().map(|v| v.1).sum();
        groups.push((weight, votes[(i + j) / 2].0));
        i = j;
    }
    groups.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    groups
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|g| g.1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distances() {
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars(""), &chars("abc")), 3);
        let (costs, starts) = match_ends(&chars("Caspain"), &chars("over the Caspian shelf"));
        assert_eq!(costs[16], 2);
        assert_eq!(starts[16], 9);
    }

    #[test]
    fn clustering_prefers_agreeing_votes() {
        let c = cluster(vec![(1000, 1), (5, 1), (1003, 1), (998, 1), (400, 2)], 10);
        assert_eq!(c[0], 1000);
        assert_eq!(c.len(), 3);
    }
}

//! Candidate mentions, as the tagger proposes them and the rules change them:
//! token ranges kept in one order, so a rule finds those over a token by
//! binary search.

use super::recognizer::{Analysis, DEFAULT_MIN_CONF};
use super::Kind;

/// A candidate mention: a token range with a kind and the tagger's confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Smallest margin of the tagger over the span (infinite for rule-made spans).
    pub conf: f32,
}

/// An acronym defined in the text: `expansion (ACRONYM)`, as token indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcronymPair {
    pub expansion: (usize, usize),
    pub acronym: usize,
}

/// Longest candidate, in tokens, the binary searches over candidates allow for.
pub(super) const MAX_CAND: usize = 64;

/// Puts candidates back in the order every rule reads them in: by start, the
/// longer of two with one start first (the binary searches rely on it).
pub(super) fn in_order(cands: &mut [Cand]) {
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
}

/// Where candidates that may reach token `pos` begin (none is longer than
/// [`MAX_CAND`]): the start of a search for those over `pos`.
pub(super) fn first_reaching(cands: &[Cand], pos: usize) -> usize {
    cands.partition_point(|c| c.start + MAX_CAND <= pos)
}

/// The candidates that overlap tokens `start..end` (`cands` in order).
pub(super) fn overlapping(cands: &[Cand], start: usize, end: usize) -> impl Iterator<Item = &Cand> {
    cands[first_reaching(cands, start)..]
        .iter()
        .take_while(move |c| c.start < end)
        .filter(move |c| c.end > start)
}

/// Below this margin the tagger is unsure of a candidate, and a rule's reading
/// of its words wins over it (the precision dial's default).
pub(super) const UNSURE: f32 = DEFAULT_MIN_CONF;

/// Whether the tagger holds tokens `start..end`: a candidate it is sure of, or
/// one running past either end, overlaps them. Unsure candidates inside give
/// way to a rule that names the whole.
pub(super) fn held(cands: &[Cand], start: usize, end: usize) -> bool {
    overlapping(cands, start, end).any(|c| c.start < start || c.end > end || c.conf >= UNSURE)
}

/// Token spans a rule is sure of, each of its kind, take the place of every
/// candidate they overlap; the candidates stay in text order.
pub(super) fn take_over(
    a: &Analysis,
    cands: &mut Vec<Cand>,
    found: impl IntoIterator<Item = ((usize, usize), Kind)>,
) {
    let found: Vec<_> = found.into_iter().collect();
    if found.is_empty() {
        return;
    }
    let mut hit = vec![false; a.infos.len()];
    for &((s, e), _) in &found {
        hit[s..e].fill(true);
    }
    cands.retain(|c| {
        !hit.get(c.start..c.end)
            .is_some_and(|h| h.iter().any(|&x| x))
    });
    cands.extend(found.into_iter().map(|((start, end), kind)| Cand {
        start,
        end,
        kind,
        conf: f32::INFINITY,
    }));
    in_order(cands);
}

//! The tagger's second pass over a document: what the first pass made of the
//! other occurrences of each word form (mostly an organization, a place, left
//! untagged, written in lower case...) becomes a feature of every token, so a
//! name the document makes clear in one sentence is read the same way in the
//! others.

use super::features::NT;
use super::hashing::HashMap64;
use super::perceptron::{kind_index, History, Model};
use super::token_facts::{flag, TokInfo};
use std::ops::Range;

/// Evidence slots: person, organization, place, misc, capitalized but
/// untagged, written in lower case.
const SLOTS: usize = 6;

/// What one token tells about its word form, given its first-pass tag.
#[inline]
fn slot(t: &TokInfo, tag: u8) -> Option<usize> {
    if tag != 0 {
        Some(kind_index(tag).min(3))
    } else if t.flags & flag::LOWER != 0 {
        // Only forms written capitalized somewhere are worth counting.
        (t.flags & flag::SEEN_CAP != 0).then_some(5)
    } else if t.flags & flag::CAP != 0 && t.flags & (flag::INITIAL | flag::SHOUT) == 0 {
        Some(4)
    } else {
        None
    }
}

/// Sets [`TokInfo::doc`] of every token of a document from the first pass's
/// `tags` (one per token): 0 when no other occurrence of its form says
/// anything, else `1 + 2 × majority slot`, plus 1 when the others agree.
pub fn mark(infos: &mut [TokInfo], tags: &[u8], scratch: &mut Scratch) {
    let counts = &mut scratch.counts;
    counts.clear();
    for (t, &tag) in infos.iter().zip(tags) {
        if let Some(s) = slot(t, tag) {
            let c = counts.entry(t.lower).or_insert([0; SLOTS]);
            c[s] = c[s].saturating_add(1);
        }
    }
    for (t, &tag) in infos.iter_mut().zip(tags) {
        t.doc = 0;
        let own = slot(t, tag);
        let Some(mut c) = counts.get(&t.lower).copied() else {
            continue;
        };
        if let Some(s) = own {
            c[s] -= 1;
        }
        let total: u32 = c.iter().map(|&n| u32::from(n)).sum();
        if total == 0 {
            continue;
        }
        let mut best = 0;
        for s in 1..SLOTS {
            if c[s] > c[best] {
                best = s;
            }
        }
        t.doc = 1 + 2 * best as u8 + u8::from(u32::from(c[best]) == total);
    }
}

/// Reusable buffers of [`tag_document`].
#[derive(Default)]
pub struct Scratch {
    hist: History,
    counts: HashMap64<[u16; SLOTS]>,
    tags: Vec<u8>,
    margins: Vec<f32>,
    /// Per token of the document, the weights of its features that the
    /// second pass shares with the first (see [`Model::tag_reusing`]).
    known: Vec<Option<[i32; NT]>>,
}

/// The first pass alone: tags the `sentences` (token ranges of `infos`) as
/// they are, one entry of `tags` and `margins` per token of `infos`.
pub fn first_pass(
    model: &Model,
    infos: &[TokInfo],
    sentences: &[Range<usize>],
    scratch: &mut Scratch,
    tags: &mut Vec<u8>,
    margins: &mut Vec<f32>,
) {
    scratch.known.clear();
    scratch.known.resize(infos.len(), None);
    pass(model, infos, sentences, scratch, tags, margins);
}

/// One pass over the sentences, reusing the weights `scratch.known` holds
/// (one entry per token of `infos`, from an earlier pass over the same tokens).
fn pass(
    model: &Model,
    infos: &[TokInfo],
    sentences: &[Range<usize>],
    scratch: &mut Scratch,
    tags: &mut Vec<u8>,
    margins: &mut Vec<f32>,
) {
    tags.clear();
    tags.resize(infos.len(), 0);
    margins.clear();
    margins.resize(infos.len(), f32::INFINITY);
    scratch.hist.clear();
    for r in sentences {
        let (Some(sent), Some(known)) = (infos.get(r.clone()), scratch.known.get_mut(r.clone()))
        else {
            continue;
        };
        model.tag_reusing(
            sent,
            &mut scratch.hist,
            &mut scratch.tags,
            &mut scratch.margins,
            known,
        );
        tags[r.clone()].copy_from_slice(&scratch.tags);
        margins[r.clone()].copy_from_slice(&scratch.margins);
    }
}

/// Tags a whole document (its `sentences`, as token ranges of `infos`) in two
/// passes: the first without document evidence, the second with what the
/// first made of each word form elsewhere. `tags` and `margins` receive one
/// entry per token of `infos`.
pub fn tag_document(
    model: &Model,
    infos: &mut [TokInfo],
    sentences: &[Range<usize>],
    scratch: &mut Scratch,
    tags: &mut Vec<u8>,
    margins: &mut Vec<f32>,
) {
    infos.iter_mut().for_each(|t| t.doc = 0);
    first_pass(model, infos, sentences, scratch, tags, margins);
    mark(infos, tags, scratch);
    // Only `doc` changed: the weights of the other features are the first pass's.
    pass(model, infos, sentences, scratch, tags, margins);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(lower: u64, flags: u16) -> TokInfo {
        TokInfo {
            lower,
            flags,
            ..TokInfo::default()
        }
    }

    #[test]
    fn other_occurrences_vote_and_a_token_does_not_vote_for_itself() {
        let cap = flag::CAP | flag::SEEN_CAP;
        // "Gazprom" three times: organization, organization, untagged; "Astana" once.
        let mut infos = vec![tok(1, cap), tok(1, cap), tok(1, cap), tok(2, cap)];
        let tags = [3, 3, 0, 5];
        mark(&mut infos, &tags, &mut Scratch::default());
        // Others of the first: one organization, one untagged: a tie keeps the
        // first slot (organization), not unanimous.
        assert_eq!(infos[0].doc, 1 + 2);
        // Others of the third: two organizations, unanimous.
        assert_eq!(infos[2].doc, 1 + 2 + 1);
        // A form seen once has no evidence.
        assert_eq!(infos[3].doc, 0);
    }

    #[test]
    fn lower_case_uses_count_only_for_forms_capitalized_somewhere() {
        let mut infos = vec![
            tok(7, flag::CAP | flag::SEEN_CAP),
            tok(7, flag::LOWER | flag::SEEN_CAP),
            tok(8, flag::LOWER),
            tok(8, flag::CAP),
        ];
        mark(&mut infos, &[0, 0, 0, 0], &mut Scratch::default());
        assert_eq!(infos[0].doc, 1 + 2 * 5 + 1);
        assert_eq!(infos[3].doc, 0);
    }
}

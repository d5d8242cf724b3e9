//! Organizations whose names begin with a digit ("3M", "7-Eleven", "20th Century
//! Fox"): no capitalized run starts there, so the tagger reads a number and at most
//! the words after it. A name the lists hold that starts with a digit, or a word of
//! digits and letters before capitalized words and a company's legal form ("3M Co",
//! "21st Century Fox Corp"), is one organization.

use super::candidates::{take_over, Cand};
use super::gazetteer::{cat, Gazetteer, MAX_LEN};
use super::recognizer::Analysis;
use super::token_facts::flag;
use super::words::CORP_SUFFIXES;
use super::Kind;

/// Most capitalized words between the first word and the legal form.
const MAX_MIDDLE: usize = 3;

fn starts_with_digit(a: &Analysis, k: usize) -> bool {
    a.word(k).starts_with(|c: char| c.is_ascii_digit())
}

/// The end of the listed organization starting at token `k` (within `..end`).
fn listed(a: &Analysis, gaz: &Gazetteer, k: usize, end: usize) -> Option<usize> {
    let mut hashes = [0u64; MAX_LEN];
    let n = (end - k).min(MAX_LEN);
    for (h, t) in hashes.iter_mut().zip(&a.infos[k..k + n]) {
        *h = t.lower;
    }
    gaz.longest(&hashes[..n])
        .filter(|m| m.cats & (cat::ORG | cat::ACRONYM) != 0)
        .map(|m| k + m.len)
}

/// The end of "3M Co" or "21st Century Fox Corp" starting at token `k`: a word of
/// digits and letters, capitalized words, and a capitalized legal form.
fn before_legal_form(a: &Analysis, k: usize, end: usize) -> Option<usize> {
    if !a.word(k).chars().any(char::is_alphabetic) {
        return None;
    }
    let mut j = k + 1;
    while j < end && j - k <= MAX_MIDDLE + 1 {
        let w = a.word(j);
        let capitalized = a.infos[j].flags & flag::CAP != 0 && a.infos[j].flags & flag::LOWER == 0;
        if !capitalized {
            return None;
        }
        if CORP_SUFFIXES.has(w) {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// Makes each organization named with a digit first one organization, in place of
/// whatever the tagger read there.
pub(super) fn digit_names(a: &Analysis, gaz: &Gazetteer, cands: &mut Vec<Cand>) {
    let mut found = Vec::new();
    for r in &a.sentences {
        let mut k = r.start;
        while k < r.end {
            let end = if starts_with_digit(a, k) {
                // The longer of the two: "3M Co" keeps its legal form.
                listed(a, gaz, k, r.end).max(before_legal_form(a, k, r.end))
            } else {
                None
            };
            match end {
                Some(e) => {
                    found.push(((k, e), Kind::Organization));
                    k = e;
                }
                None => k += 1,
            }
        }
    }
    take_over(a, cands, found);
}

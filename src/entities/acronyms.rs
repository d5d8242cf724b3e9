//! Acronyms defined in the text, "Collective Security Treaty Organization
//! (CSTO)": the expansion and the acronym become candidates of one kind, and
//! the pair is remembered so both name one entity.

use super::recognizer::Analysis;
use super::rules::{AcronymPair, Cand, MAX_CAND};
use super::words::{lower_in, CONNECTORS};
use super::Kind;

/// Whether `word` looks like an acronym (2–8 letters, mostly capitals).
fn acronym_letters(word: &str) -> Option<Vec<char>> {
    let n = word.chars().count();
    if !(2..=8).contains(&n) || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if !word
        .chars()
        .all(|c| c.is_alphanumeric() || c == '&' || c == '-')
    {
        return None;
    }
    let caps: Vec<char> = word.chars().filter(|c| c.is_uppercase()).collect();
    (caps.len() >= 2).then_some(caps)
}

/// Finds `Expansion Words (EW)` and makes both one kind of candidate.
pub(super) fn acronyms(a: &Analysis, cands: &mut Vec<Cand>) -> Vec<AcronymPair> {
    let mut pairs = Vec::new();
    for r in &a.sentences {
        for p in r.clone() {
            if a.word(p) != "(" || a.word(p + 2) != ")" || p + 2 >= r.end {
                continue;
            }
            let Some(letters) = acronym_letters(a.word(p + 1)) else {
                continue;
            };
            let Some(start) = expansion_start(a, r.start, p, &letters) else {
                continue;
            };
            pairs.push(AcronymPair {
                expansion: (start, p),
                acronym: p + 1,
            });
        }
    }
    if pairs.is_empty() {
        return pairs;
    }
    // Candidates are sorted by start: find the overlapping ones by binary search.
    let mut replaced = vec![false; a.infos.len()];
    let mut made = Vec::with_capacity(pairs.len() * 2);
    for pair in &pairs {
        let (s, e) = pair.expansion;
        let from = cands.partition_point(|c| c.start + MAX_CAND <= s);
        let kind = cands[from..]
            .iter()
            .take_while(|c| c.start < e)
            .filter(|c| s < c.end)
            .max_by_key(|c| c.end.min(e) - c.start.max(s))
            .map_or(Kind::Organization, |c| c.kind);
        for r in replaced.get_mut(s..=pair.acronym).into_iter().flatten() {
            *r = true;
        }
        made.push(Cand {
            start: s,
            end: e,
            kind,
            conf: f32::INFINITY,
        });
        made.push(Cand {
            start: pair.acronym,
            end: pair.acronym + 1,
            kind,
            conf: f32::INFINITY,
        });
    }
    cands.retain(|c| {
        !replaced
            .get(c.start..c.end)
            .is_some_and(|r| r.iter().any(|&x| x))
    });
    cands.extend(made);
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    pairs
}

/// Walks back from `end` matching the acronym's letters to word initials.
fn expansion_start(a: &Analysis, floor: usize, end: usize, letters: &[char]) -> Option<usize> {
    let mut need = letters.len();
    let mut i = end;
    while i > floor && end - i < 14 {
        i -= 1;
        let w = a.word(i);
        let first = w.chars().next()?;
        if first.is_uppercase() {
            let want = letters[need - 1];
            if first != want {
                return None;
            }
            need -= 1;
            if need == 0 {
                return Some(i);
            }
        } else if !lower_in(w, &CONNECTORS) {
            return None;
        }
    }
    None
}

/// The letters of a short form used without a bracketed expansion: "EU", "U.S.",
/// "U.N." (2–5 capitals, optionally each followed by a dot).
pub(super) fn short_form_letters(word: &str) -> Option<String> {
    let letters: String = word.chars().filter(|&c| c != '.').collect();
    let dotted = word.contains('.');
    let ok = (2..=5).contains(&letters.chars().count())
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && (!dotted || word.chars().filter(|&c| c == '.').count() == letters.len());
    ok.then_some(letters)
}

/// The initials of a multi-word name, connectors left out: "United States" → "US",
/// "European Union" → "EU"; None when a word does not start with a capital.
pub(super) fn initials(words: &[&str]) -> Option<String> {
    let mut out = String::new();
    for w in words {
        if lower_in(w, &CONNECTORS) {
            continue;
        }
        let c = w.chars().next()?;
        if !c.is_uppercase() {
            return None;
        }
        out.push(c);
    }
    (out.chars().count() >= 2).then_some(out)
}

//! People named with titles: the person after a title the tagger swallowed
//! ("Defense Minister Daniyal Akhmetov"), the name after a title the tagger
//! missed ("President Hu Jintao"), and whether a name stands next to a title.

use super::candidates::{take_over, Cand};
use super::gazetteer::cat;
use super::recognizer::Analysis;
use super::token_facts::{flag, TokInfo};
use super::words::{WordList, HEAD_TITLES, TITLES};
use super::Kind;

/// Whether token `k` is a title written with a capital ("Chancellor").
pub(super) fn capitalized_title(a: &Analysis, k: usize) -> bool {
    TITLES.has(a.word(k)) && a.infos.get(k).is_some_and(|t| t.flags & flag::CAP != 0)
}

/// "Defense Minister Daniyal Akhmetov" tagged as one name: the person after the title.
pub(super) fn titled_people(a: &Analysis, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        // "General Motors Corp": an organization's cue word ends it, no title opens it.
        let company = c.kind == Kind::Organization
            && c.end
                .checked_sub(1)
                .and_then(|k| a.infos.get(k))
                .is_some_and(|t| t.gaz & cat::CUE != 0);
        if company {
            continue;
        }
        let mut head = None;
        for k in c.start..c.end {
            if HEAD_TITLES.has(a.word(k)) {
                head = Some(k);
            } else if !TITLES.has(a.word(k)) {
                break;
            }
        }
        let Some(h) = head else {
            continue;
        };
        let rest = h + 1;
        let name_like = a.infos.get(rest).is_some_and(|t| {
            t.flags & flag::CAP != 0
                && (t.gaz & (cat::GIVEN | cat::SURNAME | cat::LEADER) != 0
                    || t.flags & flag::LEX == 0)
        });
        if rest < c.end && name_like {
            c.start = rest;
            c.kind = Kind::Person;
        }
    }
}

/// A capitalized name right after a title ("Lt. Gen. Ants Laaneots",
/// "President Hu Jintao") is a person, even when the tagger missed it: its
/// first word must be a known name or not common vocabulary, unless a word
/// outside the vocabulary follows ("General Motors" stays untouched).
pub(super) fn people_after_titles(a: &Analysis, cands: &mut Vec<Cand>) {
    let name_word = |k: usize| {
        let w = a.word(k);
        let initial = w.len() == 2 && w.ends_with('.');
        let roman = matches!(w, "I" | "II" | "III" | "IV" | "V" | "VI" | "Jr." | "Sr.");
        a.infos.get(k).is_some_and(|t: &TokInfo| {
            t.flags & flag::CAP != 0
                && (t.flags & (flag::ALLCAP | flag::PUNCT) == 0 || initial || roman)
        })
    };
    let mut in_cand = vec![false; a.infos.len()];
    for c in cands.iter() {
        in_cand
            .get_mut(c.start..c.end)
            .into_iter()
            .flatten()
            .for_each(|x| *x = true);
    }
    let mut found = Vec::new();
    for r in &a.sentences {
        for h in r.clone() {
            // A title the tagger kept inside a name ("King John") stays there.
            if in_cand[h] {
                continue;
            }
            let title_cap = a.word(h).chars().next().is_some_and(char::is_uppercase);
            if !title_cap || !HEAD_TITLES.has(a.word(h)) || TITLES.has(a.word(h + 1)) {
                continue;
            }
            let mut end = h + 1;
            while end < r.end && end - h <= 5 {
                if name_word(end) {
                    end += 1;
                } else if matches!(a.word(end), "van" | "der" | "de" | "von" | "bin" | "al")
                    && end + 1 < r.end
                    && name_word(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            if end == h + 1 {
                continue;
            }
            let first = &a.infos[h + 1];
            let known = first.gaz & (cat::GIVEN | cat::SURNAME | cat::LEADER) != 0;
            let unknown_after = (h + 2..end).any(|k| {
                a.infos[k].flags & flag::LEX == 0
                    && a.infos[k].gaz & (cat::PLACE | cat::COUNTRY | cat::ORG) == 0
            });
            let place_like =
                first.gaz & (cat::PLACE | cat::COUNTRY | cat::PEOPLE | cat::ORG) != 0 && !known;
            if place_like || !(known || first.flags & flag::LEX == 0 || unknown_after) {
                continue;
            }
            found.push((h + 1, end));
        }
    }
    take_over(a, cands, found.into_iter().map(|span| (span, Kind::Person)));
}

/// Whether tokens `start..end` stand next to a title: "Ambassador ... , X" or
/// "X, Kazakhstan's foreign minister".
pub fn titled(a: &Analysis, start: usize, end: usize) -> bool {
    let before = (start.saturating_sub(6)..start).any(|k| HEAD_TITLES.has(a.word(k)));
    let after = a.word(end) == "," && (end + 1..end + 7).any(|k| HEAD_TITLES.has(a.word(k)));
    before || after
}

/// Verbs that follow a person as subject ("Nazarbayev will", "Smith said").
pub fn person_verb(word: &str) -> bool {
    PERSON_VERBS.has(word)
}

static PERSON_VERBS: WordList = WordList::new(&[
    "said",
    "says",
    "told",
    "added",
    "declared",
    "asserted",
    "explained",
    "stated",
    "noted",
    "argued",
    "insisted",
    "warned",
    "met",
    "visited",
    "will",
    "would",
    "announced",
    "replied",
    "urged",
    "believes",
    "thinks",
    "wrote",
]);

//! Acronyms defined in the text, "Collective Security Treaty Organization
//! (CSTO)": the expansion and the acronym become candidates of one kind, and
//! the pair is remembered so both name one entity.

use super::candidates::{first_reaching, in_order, overlapping, AcronymPair, Cand};
use super::recognizer::Analysis;
use super::token_facts::flag;
use super::words::CONNECTORS;
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

/// Confidence given to a short form the tagger reads as an organization:
/// enough to be kept at the default precision dial.
const SHORT_ORG_CONF: f32 = 20.0;

/// "the NHL", "in the VFL": a word of two to six capital letters that the
/// tagger reads as an organization is kept however unsure the tagger is. Its
/// margin is small on a short form it never saw, yet on wikigold and re3d
/// seven in nine of those it dropped were organizations. Not in sentences
/// written in capitals, where every word looks like one.
pub(super) fn short_orgs(a: &Analysis, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.kind != Kind::Organization || c.end != c.start + 1 {
            continue;
        }
        let w = a.word(c.start);
        if (2..=6).contains(&w.len())
            && w.bytes().all(|b| b.is_ascii_uppercase())
            && a.infos[c.start].flags & flag::SHOUT == 0
        {
            c.conf = c.conf.max(SHORT_ORG_CONF);
        }
    }
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
            let start = match expansion_start(a, r.start, p, &letters) {
                Some(start) => start,
                None => match syllable_start(a, r.start, p, a.word(p + 1)) {
                    // The name goes on before the syllables' words ("U.S."
                    // before "European Command (EUCOM)"): a candidate ending
                    // at the bracket and starting earlier is the whole name.
                    Some(start) => name_start(cands, start, p),
                    None => continue,
                },
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
        let kind = overlapping(cands, s, e)
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
    in_order(cands);
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
        } else if !CONNECTORS.has(w) {
            return None;
        }
    }
    None
}

/// Where a name whose short form is made of syllables, not initials, starts:
/// "European Command (EUCOM)", "Regional Anti-Terrorist Structure (RATS)". The
/// short form must be the beginnings of the words before the bracket, one after
/// another (the parts of a hyphenated word count as words, a connector may give
/// none); two words at least, so a single name and its ticker, or a place and
/// an agency in brackets, stay apart.
fn syllable_start(a: &Analysis, floor: usize, end: usize, short: &str) -> Option<usize> {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 3 {
        return None;
    }
    let mut i = end;
    while i > floor && end - i < letters.len() {
        i -= 1;
        let w = a.word(i);
        let connector = CONNECTORS.has(w);
        if !connector && !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if connector || end - i < 2 {
            continue;
        }
        let parts: Vec<(Vec<char>, bool)> = (i..end)
            .flat_map(|t| {
                let word = a.word(t);
                let connector = CONNECTORS.has(word);
                word.split('-')
                    .filter(|p| !p.is_empty())
                    .map(move |p| (p.chars().flat_map(char::to_lowercase).collect(), connector))
            })
            .collect();
        if made_of_beginnings(&parts, &letters) {
            return Some(i);
        }
    }
    None
}

/// Whether `short` is a non-empty beginning of each word in turn (a connector's
/// may be empty).
fn made_of_beginnings(words: &[(Vec<char>, bool)], short: &[char]) -> bool {
    let Some(((word, connector), rest)) = words.split_first() else {
        return short.is_empty();
    };
    let most = word.len().min(short.len());
    (1..=most).any(|n| word[..n] == short[..n] && made_of_beginnings(rest, &short[n..]))
        || (*connector && made_of_beginnings(rest, short))
}

/// The start of the candidate that ends at `end` and takes in `start`, if it
/// starts earlier; else `start`.
fn name_start(cands: &[Cand], start: usize, end: usize) -> usize {
    let from = first_reaching(cands, start);
    cands[from..]
        .iter()
        .take_while(|c| c.start <= start)
        .filter(|c| c.end == end)
        .map(|c| c.start)
        .min()
        .unwrap_or(start)
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
        if CONNECTORS.has(w) {
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

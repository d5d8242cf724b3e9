//! Names whose "'s" is their own: a name followed by "'s" that stands alone as
//! a noun phrase ("Dillard 's was added", "at Miller's, the bar", "Sotheby 's
//! and Christie 's said") owns nothing; it is a shop, firm or house named after
//! its founder, an organization, and the "'s" is part of its name.

use super::candidates::{first_reaching, in_order, Cand};
use super::gazetteer::cat;
use super::hashing::HashSet64;
use super::recognizer::Analysis;
use super::token_facts::flag;
use super::words::{WordList, STOP};
use super::Kind;

/// Words after "'s" that show nothing is owned: conjunctions, prepositions,
/// auxiliaries and verbs a firm is the subject of ("Macy 's in 2006",
/// "Dillard 's was added", "Moody 's lowered").
#[rustfmt::skip]
static AFTER: WordList = WordList::new(&[
    "affirmed", "agreed", "also", "and", "announced", "are", "as", "at", "became", "bought",
    "by", "can", "closed", "could", "did", "does", "fell", "for", "from", "had", "has", "have",
    "in", "is", "lowered", "may", "of", "on", "opened", "or", "raised", "reported", "rose",
    "said", "says", "sold", "than", "to", "was", "were", "which", "who", "will", "with",
    "would",
]);

/// Whether token `k` is the clitic "'s" (not a bare apostrophe).
fn clitic(a: &Analysis, k: usize) -> bool {
    matches!(a.word(k), "'s" | "’s" | "'S" | "’S")
}

/// Whether the "'s" at token `s` stands at the end of a noun phrase, within
/// sentence tokens `..end`: punctuation that closes a phrase or a word of
/// [`AFTER`] follows. "Clinton 's and Dole 's campaigns" shares a noun: when
/// "and" or "or" follows, the next "'s" must stand alone too.
fn stands_alone(a: &Analysis, s: usize, end: usize, depth: u8) -> bool {
    if s + 1 >= end {
        return false;
    }
    let next = a.word(s + 1);
    if matches!(next, "," | "." | ";" | ":" | ")") {
        return true;
    }
    if !(AFTER.has(next) && next.starts_with(char::is_lowercase)) {
        return false;
    }
    if matches!(next, "and" | "or") && depth == 0 {
        if let Some(k) = (s + 2..end.min(s + 6)).find(|&k| clitic(a, k)) {
            return stands_alone(a, k, end, 1);
        }
    }
    true
}

/// Whether the name `c`, of the kind the tagger gave it, may be a firm's:
/// not a country or a place the lists know ("China 's and India 's"), a
/// people's name, a person's full name or a surname of a person the brief
/// names in full.
fn firm_like(a: &Analysis, c: &Cand, surnames: &HashSet64) -> bool {
    let toks = &a.infos[c.start..c.end];
    let listed = |mask: u16| toks.iter().any(|t| (t.gaz | t.gaz_span) & mask != 0);
    if listed(cat::COUNTRY | cat::PLACE | cat::PEOPLE) {
        return false;
    }
    match c.kind {
        Kind::Organization => true,
        Kind::Place | Kind::Misc => true,
        Kind::Person => {
            toks.len() == 1 && toks[0].gaz & cat::GIVEN == 0 && !surnames.contains(&toks[0].lower)
        }
    }
}

/// A lone capitalized word no candidate holds, before "'s" ("Macy 's in
/// 2006"): not common vocabulary, a function word, a listed place, people or
/// given name, nor the first word of its sentence.
fn bare_name(a: &Analysis, k: usize) -> bool {
    let t = &a.infos[k];
    t.flags & (flag::CAP | flag::LOWER | flag::LEX | flag::INITIAL | flag::SHOUT | flag::DIGIT)
        == flag::CAP
        && t.gaz & (cat::COUNTRY | cat::PLACE | cat::PEOPLE | cat::GIVEN) == 0
        && !STOP.has(a.word(k))
}

/// Makes each name followed by a "'s" that stands alone an organization
/// ending in the "'s"; the brief's other mentions of the same name before
/// "'s" follow. Left alone after "the" or a number ("the Schlegel 's were",
/// "36 KO's"), where the "'s" marks a plural.
pub fn extend(a: &Analysis, cands: &mut Vec<Cand>) {
    in_order(cands);
    let mut surnames = HashSet64::default();
    for c in cands.iter() {
        if c.kind == Kind::Person && c.end - c.start >= 2 {
            surnames.insert(a.infos[c.end - 1].lower);
        }
    }
    let plural = |k: usize| {
        k.checked_sub(1).is_some_and(|p| {
            a.word(p).eq_ignore_ascii_case("the") || a.infos[p].flags & flag::DIGIT != 0
        })
    };
    let mut names: Vec<u64> = Vec::new();
    let mut added = Vec::new();
    for r in &a.sentences {
        for s in r.start + 1..r.end {
            if !clitic(a, s) || !stands_alone(a, s, r.end, 0) {
                continue;
            }
            let near = first_reaching(cands, s - 1);
            let over: Vec<usize> = (near..cands.len())
                .take_while(|&i| cands[i].start < s)
                .filter(|&i| cands[i].end >= s)
                .collect();
            match over.as_slice() {
                [i] if cands[*i].end == s => {
                    let c = cands[*i];
                    if plural(c.start) || !firm_like(a, &c, &surnames) {
                        continue;
                    }
                    cands[*i] = Cand {
                        end: s + 1,
                        kind: Kind::Organization,
                        conf: f32::INFINITY,
                        ..c
                    };
                    names.push(a.words_key(c.start, s));
                }
                [] if bare_name(a, s - 1) && !plural(s - 1) => {
                    added.push(Cand {
                        start: s - 1,
                        end: s + 1,
                        kind: Kind::Organization,
                        conf: f32::INFINITY,
                    });
                    names.push(a.words_key(s - 1, s));
                }
                _ => {}
            }
        }
    }
    if names.is_empty() {
        return;
    }
    cands.extend(added);
    in_order(cands);
    // The brief's other mentions of those names before "'s": "Ivey 's store",
    // not a longer name ("Nicholson 's Broadcasting Service").
    for c in cands.iter_mut() {
        if clitic(a, c.end)
            && a.sentence_of(c.start)
                .is_some_and(|r| r.contains(&(c.end + 1)))
            && a.infos[c.end + 1].flags & flag::CAP == 0
            && names.contains(&a.words_key(c.start, c.end))
        {
            c.end += 1;
            c.kind = Kind::Organization;
            c.conf = f32::INFINITY;
        }
    }
}

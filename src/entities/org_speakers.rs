//! Names that act as organizations do in news copy: an acronym that says,
//! decides or has members ("the FIA fined", "UNITA rebels"), a name that
//! speaks of "its" profit ("Ford said its sales rose": a company named after a
//! person), and one word ending in "bank" ("Bundesbank", "Commerzbank").

use super::candidates::{first_reaching, in_order, Cand};
use super::gazetteer::cat;
use super::org_contexts::{listed_place, names_country};
use super::recognizer::Analysis;
use super::token_facts::flag;
use super::words::WordList;
use super::Kind;

/// Words after an acronym that make it an organization: what a body says or
/// does, and its people ("the FIA fined", "UNITA rebels").
#[rustfmt::skip]
static ACTS: WordList = WordList::new(&[
    "accused", "added", "agreed", "announced", "banned", "called", "claimed", "confirmed",
    "criticised", "criticized", "decided", "denied", "fined", "guerrillas", "insisted",
    "issued", "leader", "leaders", "members", "militants", "officials", "ordered", "rebels",
    "rejected", "reported", "said", "says", "spokesman", "spokeswoman", "suspended", "told",
    "urged", "warned",
]);

/// Verbs after which "its" names the speaker's own business ("Ford said its profit rose").
#[rustfmt::skip]
static SAYS: WordList = WordList::new(&[
    "announced", "expects", "posted", "reported", "said", "says",
]);

/// How many words after the verb "its" may come ("said on Monday its").
const ITS_REACH: usize = 4;

/// Whether token `i` is an acronym that may name a body: two to six capital
/// letters, outside a sentence in capitals, not a word of the common
/// vocabulary nor a place, country or people the lists know.
fn acronym(a: &Analysis, i: usize) -> bool {
    let w = a.word(i);
    let t = &a.infos[i];
    (2..=6).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && t.flags & (flag::SHOUT | flag::LEX) == 0
        && t.gaz & (cat::PLACE | cat::COUNTRY | cat::PEOPLE) == 0
}

/// Whether token `i` is one word ending in "bank" that no list knows as a
/// place or a person's name ("Bundesbank", not "Burbank" or "Fairbank").
fn bank_word(a: &Analysis, i: usize) -> bool {
    let w = a.word(i);
    let t = &a.infos[i];
    w.len() >= 7
        && w.ends_with("bank")
        && t.flags & flag::CAP != 0
        && t.flags & (flag::LEX | flag::SHOUT) == 0
        && t.gaz & (cat::PLACE | cat::COUNTRY | cat::PEOPLE | cat::GIVEN | cat::SURNAME) == 0
}

/// Whether the name ending before `end` in its sentence says something of
/// "its" own: "Ford said its sales rose", "Dell reported on Monday its profit".
fn says_its(a: &Analysis, end: usize) -> bool {
    let Some(r) = a.sentence_of(end) else {
        return false;
    };
    SAYS.has(a.word(end))
        && (end + 1..r.end.min(end + 1 + ITS_REACH))
            .take_while(|&k| a.infos[k].flags & flag::PUNCT == 0)
            .any(|k| a.word(k) == "its")
}

/// Makes the names this module describes organizations: the tagger's read of
/// them is retyped (and kept, however unsure it was), and one it missed is added.
pub fn retype(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut added = Vec::new();
    for r in &a.sentences {
        for i in r.clone() {
            let acts = acronym(a, i) && i + 1 < r.end && ACTS.has(a.word(i + 1));
            if !acts && !bank_word(a, i) {
                continue;
            }
            let from = first_reaching(cands, i);
            let mut over = cands[from..]
                .iter_mut()
                .take_while(|c| c.start <= i)
                .filter(|c| c.end > i);
            match over.next() {
                Some(c) if c.start == i && c.end == i + 1 => {
                    c.kind = Kind::Organization;
                    c.conf = f32::INFINITY;
                }
                Some(_) => {}
                None => added.push(Cand {
                    start: i,
                    end: i + 1,
                    kind: Kind::Organization,
                    conf: f32::INFINITY,
                }),
            }
        }
    }
    for c in cands.iter_mut() {
        // A person's name with no given name in it, that says "its".
        let person_named = c.kind == Kind::Person
            && c.end - c.start <= 2
            && a.infos[c.start..c.end]
                .iter()
                .all(|t| t.gaz & cat::GIVEN == 0);
        if person_named
            && !names_country(a, c.start, c.end)
            && !listed_place(a, c.start, c.end)
            && says_its(a, c.end)
        {
            c.kind = Kind::Organization;
            c.conf = f32::INFINITY;
        }
    }
    if !added.is_empty() {
        cands.extend(added);
        in_order(cands);
    }
}

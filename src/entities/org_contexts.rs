//! Words around a name that make it an organization where the tagger read a
//! place or a person: a team's context ("played for Lausanne", "North
//! Melbourne player ...", "losing to Tulsa 63-7": clubs are often named just
//! like their cities) and a description ("Staedtler, a stationery company",
//! "Caloi is a Brazilian manufacturer", "the band Gigi"). The brief's other
//! mentions of the name follow. Countries are left alone: national sides are
//! named as places.

use super::gazetteer::cat;
use super::recognizer::Analysis;
use super::rules::Cand;
use super::token_facts::{flag, is_possessive, is_score, TokInfo};
use super::words::WordList;
use super::Kind;
use std::ops::Range;

/// Words before "for" or "with" that make what follows a team ("played for",
/// "signed with", "games for", "drew with").
#[rustfmt::skip]
static PLAYED: WordList = WordList::new(&[
    "play", "played", "playing", "plays", "sign", "signed", "signing", "signs", "games",
    "appearances", "goals", "matches", "season", "seasons", "draw", "drew", "drawn",
]);

/// Verbs whose object is a team ("coached North Melbourne", "beat Tulsa").
#[rustfmt::skip]
static JOINED: WordList = WordList::new(&[
    "coached", "coaches", "coaching", "captained", "captains", "managed", "manages",
    "rejoined", "rejoins", "beat", "beats", "beating", "defeated", "defeating", "thrashed",
    "outplayed",
]);

/// Verbs before "to" that make what follows a team ("lost to Tulsa").
#[rustfmt::skip]
static LOST: WordList = WordList::new(&["lose", "loses", "losing", "lost"]);

/// Roles in a team, after its name ("Leeds manager", "Tulsa 's coach") or
/// before "of" ("coach of Footscray").
#[rustfmt::skip]
static ROLES: WordList = WordList::new(&[
    "captain", "coach", "defender", "forward", "fullback", "goalkeeper", "halfback",
    "linebacker", "manager", "midfielder", "pitcher", "player", "players", "playmaker",
    "quarterback", "striker", "teammate", "winger",
]);

/// Nouns that make the name they describe an organization ("a stationery
/// company", "the band").
#[rustfmt::skip]
static ORG_NOUNS: WordList = WordList::new(&[
    "airline", "band", "bank", "broadcaster", "brokerage", "carmaker", "chain", "charity",
    "club", "company", "conglomerate", "consultancy", "corporation", "daily", "firm",
    "insurer", "label", "magazine", "manufacturer", "maker", "newspaper", "publisher",
    "retailer", "supplier", "team", "weekly",
]);

/// The organization nouns that also name what follows them ("the band Gigi",
/// "carmaker Volkswagen"); not "team" ("second team All-American").
#[rustfmt::skip]
static NOUNS_BEFORE: WordList = WordList::new(&[
    "airline", "band", "broadcaster", "brokerage", "carmaker", "company", "conglomerate",
    "daily", "firm", "insurer", "label", "magazine", "newspaper", "publisher", "retailer",
]);

/// Words that end a noun phrase before its head is passed ("a champion and
/// supplier of ...", "a company based in ...").
#[rustfmt::skip]
static PHRASE_ENDS: WordList = WordList::new(&[
    "and", "at", "based", "by", "for", "founded", "from", "in", "of", "on", "or", "owned",
    "that", "to", "which", "who", "with",
]);

/// Whether the noun phrase opening at token `k` ("a major Brazilian
/// manufacturer of ...") ends, before punctuation or a word like "of" or
/// "and", in an organization noun (not one with a possessive after it).
fn org_phrase(a: &Analysis, r: &Range<usize>, k: usize) -> bool {
    if !matches!(a.word(k), "a" | "an" | "the") {
        return false;
    }
    let mut last = None;
    for j in k + 1..r.end.min(k + 7) {
        let w = a.word(j);
        if is_possessive(w) {
            // "the company 's chief": the noun is another's, not the name's.
            return false;
        }
        if a.infos[j].flags & flag::PUNCT != 0 || PHRASE_ENDS.has(w) {
            break;
        }
        last = Some(w);
    }
    last.is_some_and(|w| ORG_NOUNS.has(w) && w.starts_with(char::is_lowercase))
}

/// Whether tokens `start..end` of sentence `r` are described as an
/// organization: "X, a stationery company", "X is a Brazilian manufacturer",
/// "the band X".
fn described(a: &Analysis, r: &Range<usize>, start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).filter(|k| r.contains(k));
    // "operator George Hauser": a given name first is a person's name.
    let given = a.infos[start].gaz & cat::GIVEN != 0;
    let noun_before = !given
        && before.is_some_and(|k| {
            let w = a.word(k);
            NOUNS_BEFORE.has(w) && w.starts_with(char::is_lowercase)
        });
    let after = |w: &str| a.word(end) == w && end + 1 < r.end;
    noun_before || (after(",") || after("is") || after("was")) && org_phrase(a, r, end + 1)
}

/// Whether the words around tokens `start..end`, within their sentence `r`,
/// make them a team's name.
fn team_context(a: &Analysis, r: &Range<usize>, start: usize, end: usize) -> bool {
    let word = |k: usize| if r.contains(&k) { a.word(k) } else { "" };
    // "coached the Boston Braves": the article does not count.
    let before = if start > r.start && a.word(start - 1).eq_ignore_ascii_case("the") {
        start - 1
    } else {
        start
    };
    let w1 = before.checked_sub(1).map_or("", word);
    let w2 = before.checked_sub(2).map_or("", word);
    let after = if is_possessive(word(end)) {
        end + 1
    } else {
        end
    };
    let next = word(after);
    matches!(w1, "for" | "with") && PLAYED.has(w2)
        || JOINED.has(w1)
        || w1 == "of" && ROLES.has(w2)
        || w1 == "to" && LOST.has(w2)
        || ROLES.has(next) && next.starts_with(char::is_lowercase)
        || is_score(word(end))
}

/// Whether any word of `start..end` is listed as a country (national sides
/// are named as places).
fn names_country(a: &Analysis, start: usize, end: usize) -> bool {
    a.infos
        .get(start..end)
        .is_some_and(|ts| ts.iter().any(|t| (t.gaz | t.gaz_span) & cat::COUNTRY != 0))
}

/// Whether tokens `start..end` are a name the lists know as a place or club.
fn listed_place(a: &Analysis, start: usize, end: usize) -> bool {
    a.infos.get(start..end).is_some_and(|ts| {
        ts.iter()
            .all(|t| (t.gaz | t.gaz_span) & (cat::PLACE | cat::CLUB) != 0)
    })
}

/// Whether token `i` follows a word that places what comes after it ("in
/// Lausanne"), where a name is read as the place whatever else the brief says.
fn after_place_word(a: &Analysis, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| {
        matches!(a.word(k), "in" | "near" | "outside" | "born")
            && a.sentence_of(k) == a.sentence_of(i)
    })
}

/// Makes places in a team's context, and names described as companies,
/// bands and the like, organizations (people and misc names too, where the
/// lists know them only as places or clubs, or where they are described),
/// as sure as a rule is; the tagger's other mentions of the same words in
/// the brief follow, except right after "in" and the like.
pub fn retype(a: &Analysis, cands: &mut [Cand]) {
    let mut names: Vec<&[TokInfo]> = Vec::new();
    for c in cands.iter_mut() {
        if c.kind == Kind::Organization || c.start >= c.end || names_country(a, c.start, c.end) {
            continue;
        }
        let Some(r) = a.sentence_of(c.start) else {
            continue;
        };
        let team = match c.kind {
            Kind::Place => true,
            _ => listed_place(a, c.start, c.end),
        } && team_context(a, &r, c.start, c.end);
        if team || described(a, &r, c.start, c.end) {
            c.kind = Kind::Organization;
            c.conf = f32::INFINITY;
            names.push(&a.infos[c.start..c.end]);
        }
    }
    if names.is_empty() {
        return;
    }
    let same = |x: &[TokInfo], y: &[TokInfo]| {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.lower == q.lower)
    };
    for c in cands.iter_mut() {
        if c.kind != Kind::Organization
            && c.conf.is_finite()
            && !after_place_word(a, c.start)
            && names.iter().any(|n| same(n, &a.infos[c.start..c.end]))
        {
            c.kind = Kind::Organization;
            c.conf = f32::INFINITY;
        }
    }
}

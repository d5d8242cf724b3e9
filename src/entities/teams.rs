//! A place's name used as a team's: "played for Lausanne", "signed with
//! Coburg", "North Melbourne player ...", "losing to Tulsa 63-7". Clubs are
//! often named just like their cities, and the tagger, which knows the city,
//! reads them as places; the words around such a mention say it is the club.
//! Countries are left alone: national sides are named as places.

use super::features::{is_possessive, is_score};
use super::gazetteer::cat;
use super::recognizer::Analysis;
use super::rules::Cand;
use super::words::WordList;
use super::Kind;

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

/// Whether the words around tokens `start..end`, within their sentence,
/// make them a team's name.
fn team_context(a: &Analysis, start: usize, end: usize) -> bool {
    let at = a.sentences.partition_point(|r| r.end <= start);
    let Some(r) = a.sentences.get(at).filter(|r| r.contains(&start)) else {
        return false;
    };
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

/// Makes places in a team's context organizations (and people or misc names
/// the lists know only as places or clubs: "signed with Coburg"), as sure as
/// a rule is, so the document's other mentions of the name follow.
pub fn retype(a: &Analysis, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let candidate = match c.kind {
            Kind::Organization => false,
            Kind::Place => true,
            Kind::Person | Kind::Misc => listed_place(a, c.start, c.end),
        };
        if !candidate
            || c.start >= c.end
            || names_country(a, c.start, c.end)
            || !team_context(a, c.start, c.end)
        {
            continue;
        }
        c.kind = Kind::Organization;
        c.conf = f32::INFINITY;
    }
}

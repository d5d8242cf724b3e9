//! Cities that stand for their teams in sports copy: a brief with a results
//! line or a score that names a team in full ("the Baltimore Orioles") means
//! the team by its city alone ("Baltimore has won six of its last eight"), and
//! a city before a player's name ("Seattle 's Ken Griffey"), after "against"
//! or "face", or before "won" or "leads" is a team. Countries are left alone (national sides are named as places), and so
//! are a city after "in", "at" and the like, where the game is played, a
//! dateline's, and one set beside another place ("Houston , Texas").

use super::candidates::Cand;
use super::datelines;
use super::gazetteer::cat;
use super::org_contexts::{listed_place, names_country};
use super::recognizer::Analysis;
use super::token_facts::{flag, is_possessive};
use super::words::WordList;
use super::Kind;

/// Whether the brief reads like sports copy: a sentence holds a score or a
/// results line.
fn sports_copy(a: &Analysis) -> bool {
    a.infos.iter().any(|t| t.flags & flag::SCORE != 0)
}

/// Whether token `i` follows a word that places the game ("in Detroit", "at Minnesota").
fn venue(a: &Analysis, i: usize) -> bool {
    const VENUE_WORDS: [&str; 7] = ["in", "at", "near", "outside", "born", "to", "from"];
    i.checked_sub(1).is_some_and(|k| {
        let w = a.word(k);
        VENUE_WORDS.iter().any(|v| w.eq_ignore_ascii_case(v))
            && a.sentence_of(k) == a.sentence_of(i)
    })
}

/// Words before a team, in sports copy ("scored against Southampton", "face
/// Derby"; not "over", which a bridge crosses).
#[rustfmt::skip]
static OPPONENT: WordList = WordList::new(&[
    "against", "face", "faced", "faces", "facing", "host", "hosted", "hosts", "visit",
    "visited", "visits",
]);

/// Verbs after a team, in sports copy ("Cleveland leads the Central", "Denver lost").
#[rustfmt::skip]
static TEAM_VERBS: WordList = WordList::new(&[
    "clinched", "leads", "lost", "rallied", "trail", "trailed", "trails", "won",
]);

/// Retypes as organizations, in sports copy, the places that name a team the
/// brief names in full, or stand before a player's name, except at a venue.
pub fn retype(a: &Analysis, cands: &mut [Cand]) {
    if !sports_copy(a) {
        return;
    }
    // Cities of the teams named in full: an organization of a place the lists
    // know and one more word, not a body's cue word ("Baltimore Orioles",
    // "Kansas City Royals", not "Baltimore Police").
    let mut cities: Vec<u64> = cands
        .iter()
        .filter(|c| c.kind == Kind::Organization && c.end - c.start >= 2)
        .filter(|c| {
            let last = &a.infos[c.end - 1];
            last.gaz & cat::CUE == 0
                && listed_place(a, c.start, c.end - 1)
                && !names_country(a, c.start, c.end - 1)
        })
        .map(|c| a.words_key(c.start, c.end - 1))
        .collect();
    cities.sort_unstable();
    cities.dedup();
    let n = cands.len();
    for i in 0..n {
        let c = cands[i];
        if c.kind != Kind::Place
            || names_country(a, c.start, c.end)
            || venue(a, c.start)
            || datelines::dateline_place(a, &c)
        {
            continue;
        }
        let player_next = is_possessive(a.word(c.end))
            && cands
                .get(i + 1)
                .is_some_and(|p| p.kind == Kind::Person && p.start == c.end + 1);
        // "Houston , Texas" and "the history of Texas" are the place.
        let placed =
            c.start > 0 && matches!(a.word(c.start - 1), "," | "of") || a.word(c.end) == ",";
        let playing =
            c.start > 0 && OPPONENT.has(a.word(c.start - 1)) || TEAM_VERBS.has(a.word(c.end));
        if player_next
            || playing
            || !placed && cities.binary_search(&a.words_key(c.start, c.end)).is_ok()
        {
            cands[i].kind = Kind::Organization;
            cands[i].conf = f32::INFINITY;
        }
    }
}

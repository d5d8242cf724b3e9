//! Words around a name that make it an organization where the tagger read a
//! place or a person: a team's context ("played for Lausanne", "North
//! Melbourne player ...", "losing to Tulsa 63-7", a standings row: clubs are often named just
//! like their cities) and a description ("Staedtler, a stationery company",
//! "Caloi is a Brazilian manufacturer", "the band Gigi"). The brief's other
//! mentions of the name follow. Countries are left alone: national sides are
//! named as places.

use super::candidates::{first_reaching, in_order, overlapping, Cand};
use super::gazetteer::cat;
use super::recognizer::Analysis;
use super::token_facts::{flag, is_possessive, is_score, TokInfo};
use super::words::{WordList, STOP};
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

/// Verbs after a team's name in a result with a score ("Boston beat Toronto 4-2").
#[rustfmt::skip]
static RESULT_VERBS: WordList = WordList::new(&[
    "beat", "beats", "crushed", "defeated", "defeats", "downed", "drew", "edged", "held",
    "hammered", "lost", "outscored", "routed", "stunned", "thrashed", "trounced", "upset",
    "whipped",
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

/// Words that describe who holds a team's role ("Barcelona 's new coach").
#[rustfmt::skip]
static ROLE_ADJECTIVES: WordList = WordList::new(&[
    "assistant", "caretaker", "experienced", "former", "head", "injured", "interim",
    "international", "new", "regular", "reserve", "star", "suspended", "top", "veteran",
    "young",
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
pub(super) static NOUNS_BEFORE: WordList = WordList::new(&[
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
pub(super) fn org_phrase(a: &Analysis, r: &Range<usize>, k: usize) -> bool {
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
pub(super) fn described(a: &Analysis, r: &Range<usize>, start: usize, end: usize) -> bool {
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
    let possessive = is_possessive(word(end));
    let after = end + usize::from(possessive);
    // "Barcelona 's new coach", "Ajax 's Nigerian striker": a team's role after
    // a word or two that describe its holder.
    let described_role = possessive
        && (after..after + 2)
            .take_while(|&k| {
                r.contains(&k)
                    && (ROLE_ADJECTIVES.has(word(k)) || a.infos[k].gaz & cat::PEOPLE != 0)
            })
            .last()
            .is_some_and(|k| {
                let w = word(k + 1);
                ROLES.has(w) && w.starts_with(char::is_lowercase)
            });
    let next = word(after);
    matches!(w1, "for" | "with") && PLAYED.has(w2)
        || JOINED.has(w1)
        || w1 == "of" && ROLES.has(w2)
        || w1 == "to" && LOST.has(w2)
        || ROLES.has(next) && next.starts_with(char::is_lowercase)
        || described_role
        || is_score(word(end))
        || result_subject(a, r, end)
        || matches!(w1, "v" | "vs" | "vs.")
        || matches!(next, "v" | "vs" | "vs.")
        || results_table(a, r, start, end)
        || standings_row(a, r, start, end)
}

/// Least count of figures after a name that make its line a standings row.
const STANDING_FIGURES: usize = 3;

/// Whether tokens `start..end` open a line of a standings table, the name
/// followed only by figures, three at least ("NEW YORK 74 57 .565 -",
/// "PSV Eindhoven 3 3 0 0 12 2 9"): games, wins, a percentage, points.
fn standings_row(a: &Analysis, r: &Range<usize>, start: usize, end: usize) -> bool {
    let mut figures = 0;
    for k in end..r.end {
        let w = a.word(k);
        let digits = w.strip_prefix('.').unwrap_or(w);
        if (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            figures += 1;
        } else if !matches!(w, "-" | ".") {
            return false;
        }
    }
    start == r.start && figures >= STANDING_FIGURES
}

/// Whether the name ending before `end` is the subject of a result with a
/// score ("Boston beat Toronto 4-2").
fn result_subject(a: &Analysis, r: &Range<usize>, end: usize) -> bool {
    r.contains(&end) && RESULT_VERBS.has(a.word(end)) && a.infos[end].flags & flag::SCORE != 0
}

/// Whether tokens `start..end` stand in a results table's row, a line of
/// names and scores: after the line's start or a number, before a number
/// ("Chicago 102 NEW YORK 95").
fn results_table(a: &Analysis, r: &Range<usize>, start: usize, end: usize) -> bool {
    let number = |k: usize| {
        r.contains(&k) && {
            let w = a.word(k);
            (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
        }
    };
    a.infos[start].flags & flag::SCORE != 0
        && number(end)
        && (start == r.start || start.checked_sub(1).is_some_and(number))
}

/// Whether any word of `start..end` is listed as a country (national sides
/// are named as places).
pub(super) fn names_country(a: &Analysis, start: usize, end: usize) -> bool {
    a.infos
        .get(start..end)
        .is_some_and(|ts| ts.iter().any(|t| (t.gaz | t.gaz_span) & cat::COUNTRY != 0))
}

/// Whether tokens `start..end` are a name the lists know as a place or club.
pub(super) fn listed_place(a: &Analysis, start: usize, end: usize) -> bool {
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

/// Confidence given to an organization the tagger found in a team's context
/// ("Boston beat Toronto 4-2"): enough to be kept.
const TEAM_CONF: f32 = 20.0;

/// Makes places in a team's context, and names described as companies,
/// bands and the like, organizations (people and misc names too, where the
/// lists know them only as places or clubs, or where they are described),
/// as sure as a rule is; the tagger's other mentions of the same words in
/// the brief follow, except right after "in" and the like.
pub fn retype(a: &Analysis, cands: &mut Vec<Cand>) {
    standing_teams(a, cands);
    let mut names: Vec<&[TokInfo]> = Vec::new();
    for c in cands.iter_mut() {
        if c.start >= c.end || names_country(a, c.start, c.end) {
            continue;
        }
        let Some(r) = a.sentence_of(c.start) else {
            continue;
        };
        let team = match c.kind {
            Kind::Place | Kind::Organization => true,
            _ => listed_place(a, c.start, c.end),
        } && team_context(a, &r, c.start, c.end);
        // An organization the tagger was unsure of is kept as a result's
        // subject or a standings row's team.
        if c.kind == Kind::Organization {
            if team && (result_subject(a, &r, c.end) || standings_row(a, &r, c.start, c.end)) {
                c.conf = c.conf.max(TEAM_CONF);
            }
            continue;
        }
        if team || described(a, &r, c.start, c.end) {
            c.kind = Kind::Organization;
            c.conf = f32::INFINITY;
            names.push(&a.infos[c.start..c.end]);
        }
    }
    follow(a, cands, &names);
}

/// Longest name, in words, [`standing_teams`] adds.
const MAX_TEAM: usize = 4;

/// Adds the names opening standings rows that the tagger missed, where the
/// lists know them as places or clubs and not as countries ("DENVER 55 46
/// .545 6"); those it found are retyped with the other team contexts.
fn standing_teams(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut added = false;
    for r in &a.sentences {
        let word = |k: usize| {
            a.infos[k].flags & flag::CAP != 0 && a.infos[k].flags & (flag::PUNCT | flag::DIGIT) == 0
        };
        let e = (r.start..r.end.min(r.start + MAX_TEAM))
            .find(|&k| !word(k))
            .unwrap_or(r.end);
        if e == r.start
            || !standings_row(a, r, r.start, e)
            || !listed_place(a, r.start, e)
            || names_country(a, r.start, e)
        {
            continue;
        }
        if overlapping(cands, r.start, e).next().is_some() {
            continue;
        }
        cands.push(Cand {
            start: r.start,
            end: e,
            kind: Kind::Organization,
            conf: f32::INFINITY,
        });
        added = true;
    }
    if added {
        in_order(cands);
    }
}

/// The brief's other mentions of `names` that the tagger read as another
/// kind become organizations too, except right after "in" and the like.
fn follow(a: &Analysis, cands: &mut [Cand], names: &[&[TokInfo]]) {
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

/// Words after a name that make it a company ("Nordmark shares", "a Tellus
/// spokesman", "Halvorsen 's shareholders").
#[rustfmt::skip]
static COMPANY_AFTER: WordList = WordList::new(&[
    "shareholders", "shares", "spokesman", "spokesperson", "spokeswoman", "stock",
    "stockholders", "subsidiary",
]);

/// Words before "in" that make the name after it a company ("shares in Halvorsen").
#[rustfmt::skip]
static STAKE: WordList = WordList::new(&[
    "holding", "shareholding", "shares", "stake", "stakes",
]);

/// Whether token `k` may be a word of a name that a company cue reveals:
/// capitalized, not punctuation, a function word or a sentence in capitals.
pub(super) fn name_token(a: &Analysis, k: usize) -> bool {
    a.infos.get(k).is_some_and(|t| {
        t.flags & (flag::CAP | flag::PUNCT | flag::LOWER | flag::SHOUT) == flag::CAP
            && !STOP.has(a.word(k))
    })
}

/// The capitalized run of at most four words that ends before `end` (or
/// starts at `start`, when `forward`), within sentence `r`.
fn run_at(a: &Analysis, r: &Range<usize>, at: usize, forward: bool) -> Option<(usize, usize)> {
    let (mut s, mut e) = (at, at);
    if forward {
        while e < r.end && e - s < 4 && name_token(a, e) {
            e += 1;
        }
    } else {
        while s > r.start && e - s < 4 && name_token(a, s - 1) {
            s -= 1;
        }
    }
    // A name of common words only ("Oil shares", "Class B shares") is not revealed.
    let revealing =
        (s..e).any(|k| a.infos[k].flags & flag::LEX == 0) && a.word(e - 1).chars().count() > 1;
    (s < e && revealing).then_some((s, e))
}

/// Names a company cue reveals: "Nordmark shares", "shares in Halvorsen",
/// "shares of Tellus".
/// Returns (start, end, whether the cue also holds for a person's name).
fn company_cues(a: &Analysis) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for r in &a.sentences {
        for k in r.clone() {
            // Every cue is a lower-case word: the flag is cheaper than the lists.
            if a.infos[k].flags & flag::LOWER == 0 {
                continue;
            }
            let w = a.word(k);
            if COMPANY_AFTER.has(w) && w.starts_with(char::is_lowercase) && k > r.start {
                let end = if is_possessive(a.word(k - 1)) {
                    k - 1
                } else {
                    k
                };
                let spoken = w.starts_with("spokes");
                if let Some((s, e)) = run_at(a, r, end, false) {
                    out.push((s, e, !spoken));
                    // "Gazprom and Lukoil shares": both names are companies.
                    if matches!(a.word(s.wrapping_sub(1)), "and" | "," | "or") && s > r.start + 1 {
                        if let Some((s0, e0)) = run_at(a, r, s - 1, false) {
                            out.push((s0, e0, !spoken));
                        }
                    }
                }
            }
            // "a stake in Brightline", "shares of Tellus".
            let of = a.word(k + 1) == "of" && w.starts_with("share");
            if STAKE.has(w) && (a.word(k + 1) == "in" || of) && k + 2 < r.end {
                if let Some((s, e)) = run_at(a, r, k + 2, true) {
                    out.push((s, e, true));
                }
            }
        }
    }
    out
}

/// Names revealed as companies by the words around them ("Nordmark shares
/// fell", "a Tellus spokesman", "a stake in Brightline") become
/// organizations: a name the tagger missed is added, and one it read as a
/// person, place or misc is retyped (a spokesman's cue leaves people and
/// places alone: "a Clinton spokesman"). Places the lists know are left
/// alone ("Tokyo shares" are the market's).
pub fn companies(a: &Analysis, cands: &mut Vec<Cand>) {
    let cues = company_cues(a);
    if cues.is_empty() {
        return;
    }
    let mut added = false;
    let mut names = Vec::new();
    for (s, e, people_too) in cues {
        if names_country(a, s, e) || listed_place(a, s, e) || a.infos[s].gaz & cat::PEOPLE != 0 {
            continue;
        }
        let from = first_reaching(cands, s);
        let over: Vec<usize> = (from..cands.len())
            .take_while(|&i| cands[i].start < e)
            .filter(|&i| cands[i].end > s)
            .collect();
        match over.as_slice() {
            [] => {
                cands.push(Cand {
                    start: s,
                    end: e,
                    kind: Kind::Organization,
                    conf: f32::INFINITY,
                });
                names.push((s, e));
                added = true;
            }
            [i] if cands[*i].start == s && cands[*i].end == e => {
                let c = &mut cands[*i];
                let retype = match c.kind {
                    Kind::Person | Kind::Place => people_too,
                    Kind::Misc => true,
                    Kind::Organization => false,
                };
                if retype {
                    c.kind = Kind::Organization;
                    c.conf = f32::INFINITY;
                    names.push((s, e));
                }
            }
            _ => {}
        }
    }
    if added {
        in_order(cands);
    }
    let names: Vec<&[TokInfo]> = names.iter().map(|&(s, e)| &a.infos[s..e]).collect();
    follow(a, cands, &names);
}

//! Rules over the tagger's spans: trim titles, possessives and punctuation,
//! drop function words and sentence-initial common words, extend places by
//! their division word ("Almaty Region"), pair acronyms with their expansions,
//! and add names the gazetteer knows for certain.

use super::acronyms::{acronyms, short_orgs};
use super::candidates::{in_order, overlapping, take_over, AcronymPair, Cand};
use super::datelines;
use super::described_names;
use super::digit_names::digit_names;
use super::gazetteer::{cat, Gazetteer};
use super::hashing::lower_hash;
use super::heading_names;
use super::org_contexts;
use super::org_lists;
use super::org_names;
use super::org_speakers;
use super::possessive_names;
use super::recognizer::Analysis;
use super::scripts::other_script_name;
use super::team_cities;
use super::titles::{capitalized_title, people_after_titles, titled, titled_people};
use super::token_facts::{flag, is_possessive};
use super::words::{DIVISIONS, MONTHS, ORG_HEADS, PLACE_HEADS, STOP, TITLES};
use super::Kind;

/// Confidence added to a name whose kind its head word confirms ("... University", "... River").
const HEAD_BOOST: f32 = 10.0;

/// Longest organization, in tokens, that [`place_named_orgs`] makes.
const MAX_ORG: usize = 10;

/// Below this margin (the default precision dial), a lone organization that the
/// lists know only as a place is read as the place: organizations are kept at
/// half the dial, but not at the cost of the places the lists know.
const UNSURE_ORG_CONF: f32 = 20.0;

/// Confidence given to names added from the gazetteer.
pub const GAZETTEER_CONF: f32 = 20.0;

fn is_punct(a: &Analysis, i: usize) -> bool {
    a.infos.get(i).is_some_and(|t| t.flags & flag::PUNCT != 0)
}

/// Applies every rule; returns the acronym definitions found.
pub fn apply(a: &Analysis, gaz: &Gazetteer, cands: &mut Vec<Cand>) -> Vec<AcronymPair> {
    trim(a, cands);
    split_at_dashes(a, cands);
    split_after_places(a, cands);
    titled_people(a, cands);
    people_after_titles(a, cands);
    cited_sources(a, cands);
    datelines::datelines(a, cands);
    cands.retain(|c| !is_common(a, c));
    retype(a, cands);
    extend_divisions(a, cands);
    place_named_orgs(a, cands);
    org_names::place_teams(a, cands);
    org_names::numbered_units(a, cands);
    org_names::heads_of(a, cands);
    org_names::cue_last(a, cands);
    org_names::cue_runs(a, cands);
    add_from_gazetteer(a, cands);
    short_seas(a, gaz, cands);
    digit_names(a, gaz, cands);
    org_contexts::retype(a, cands);
    org_contexts::companies(a, cands);
    described_names::add(a, cands);
    org_lists::add(a, cands);
    possessive_names::extend(a, cands);
    org_speakers::retype(a, cands);
    team_cities::retype(a, cands);
    heading_names::cut(a, cands);
    short_orgs(a, cands);
    acronyms(a, cands)
}

fn trim(a: &Analysis, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        while c.start < c.end && (is_punct(a, c.start) || is_possessive(a.word(c.start))) {
            c.start += 1;
        }
        while c.end > c.start && (is_punct(a, c.end - 1) || is_possessive(a.word(c.end - 1))) {
            c.end -= 1;
        }
        if c.kind == Kind::Person {
            while c.end - c.start > 1 && TITLES.has(a.word(c.start)) {
                c.start += 1;
            }
            // "Uzbek President Islam Karimov": a people's name and a title
            // before the name are no part of it.
            if let Some(t) = (c.start + 1..c.end - 1).find(|&k| TITLES.has(a.word(k))) {
                if (c.start..t).all(|k| a.infos[k].gaz & cat::PEOPLE != 0) {
                    c.start = t + 1;
                }
            }
            // No name ends in a title: "Turkmen President" before the president's
            // name is the people's name, and the title is no part of it.
            let mut end = c.end;
            while end - c.start > 1 && TITLES.has(a.word(end - 1)) {
                end -= 1;
            }
            if end < c.end {
                c.end = end;
                if (c.start..c.end).all(|k| a.infos[k].gaz & cat::PEOPLE != 0) {
                    c.kind = Kind::Misc;
                }
            }
        }
    }
}

/// "NFL - COWBOYS BEAT GIANTS" tagged as one name: in a headline in
/// capitals, a dash standing apart, with spaces around it, separates two names
/// (headlines put one after the subject: "SOCCER - JUVENTUS WIN"). Elsewhere a
/// tokenized text spaces the dashes inside names ("CJTF - OIR", "al - Qaida").
fn split_at_dashes(a: &Analysis, cands: &mut Vec<Cand>) {
    let apart = |k: usize| {
        matches!(a.word(k), "-" | "--" | "\u{2013}" | "\u{2014}")
            && a.infos[k - 1].flags & flag::SHOUT != 0
            && a.tokens[k - 1].end < a.tokens[k].start
            && a.tokens[k].end < a.tokens.get(k + 1).map_or(usize::MAX, |t| t.start)
    };
    let mut added = Vec::new();
    for c in cands.iter_mut() {
        let Some(d) = (c.start + 1..c.end.saturating_sub(1)).find(|&k| apart(k)) else {
            continue;
        };
        added.push(Cand { start: d + 1, ..*c });
        c.end = d;
    }
    if !added.is_empty() {
        cands.extend(added);
        in_order(cands);
    }
}

/// "Seattle, Washington's Capitol Hill" tagged as one name: a possessive inside
/// a name, after a word the lists know as a place or country, ends that place,
/// and what follows is a name of its own ("Russia's Gazprom").
fn split_after_places(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut added = Vec::new();
    for c in cands.iter_mut() {
        let Some(p) = (c.start + 1..c.end.saturating_sub(1)).find(|&p| {
            is_possessive(a.word(p))
                && a.infos[p - 1].gaz & (cat::PLACE | cat::COUNTRY) != 0
                && a.infos[p - 1].flags & flag::CAP != 0
        }) else {
            continue;
        };
        added.push(Cand { start: p + 1, ..*c });
        *c = Cand {
            end: p,
            kind: Kind::Place,
            ..*c
        };
    }
    if !added.is_empty() {
        cands.extend(added);
        in_order(cands);
    }
}

/// Whether token `i` starts a date: a month name or a number.
pub(super) fn starts_date(a: &Analysis, i: usize) -> bool {
    a.infos.get(i).is_some_and(|t| t.flags & flag::DIGIT != 0) || MONTHS.has(a.word(i))
}

/// Adds the source of a citation, "(Interfax-Kazakhstan, April 23)", as an organization.
fn cited_sources(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut added = Vec::new();
    for r in &a.sentences {
        for p in r.clone() {
            if a.word(p) != "(" {
                continue;
            }
            let mut q = p + 1;
            while q < r.end
                && q - p <= 4
                && a.infos[q].flags & flag::CAP != 0
                && a.infos[q].flags & flag::LEX == 0
            {
                q += 1;
            }
            if q == p + 1 || a.word(q) != "," || !starts_date(a, q + 1) {
                continue;
            }
            if overlapping(cands, p + 1, q).next().is_none() {
                added.push(Cand {
                    start: p + 1,
                    end: q,
                    kind: Kind::Organization,
                    conf: f32::INFINITY,
                });
            }
        }
    }
    cands.extend(added);
    in_order(cands);
}

/// Kinds that the words around a name settle: a source cited as
/// "(Name, April 23)" is an organization, and so is a name ending in
/// "Embassy", "Ministry", "Committee"...
fn retype(a: &Analysis, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.start >= c.end {
            continue;
        }
        let cited = c.start > 0
            && a.word(c.start - 1) == "("
            && a.word(c.end) == ","
            && starts_date(a, c.end + 1);
        let multi = c.end - c.start > 1;
        let last = a.word(c.end - 1);
        let last_cap = last.chars().next().is_some_and(char::is_uppercase);
        if (cited && c.kind != Kind::Person)
            || (c.kind != Kind::Place && multi && last_cap && ORG_HEADS.has(last))
        {
            c.conf += HEAD_BOOST * f32::from(u8::from(!cited && c.kind == Kind::Organization));
            c.kind = Kind::Organization;
        } else if c.kind != Kind::Organization && multi && last_cap && PLACE_HEADS.has(last) {
            c.conf += HEAD_BOOST * f32::from(u8::from(c.kind == Kind::Place));
            c.kind = Kind::Place;
        } else if c.kind == Kind::Person
            && !multi
            && a.infos.get(c.start).is_some_and(|t| {
                t.gaz_pos == 3 && t.gaz_span & cat::ORG != 0 && t.flags & flag::LEX == 0
            })
            && !titled(a, c.start, c.end)
        {
            // "Siemens said": a word the lists know as a company (and as a
            // surname), outside the common vocabulary, with no title near it.
            c.kind = Kind::Organization;
        } else if !multi
            && known_only_as_place(a, c.start)
            && match c.kind {
                // "Officials in Tashkent and Astana": no title before it.
                Kind::Person => true,
                // "signed by Kazakhstan and Halyk Bank": the tagger unsure it is an
                // organization (a club in a results line stays a club).
                Kind::Organization => {
                    c.conf < UNSURE_ORG_CONF
                        && a.infos[c.start].gaz & (cat::ORG | cat::ACRONYM | cat::CLUB) == 0
                        && a.infos[c.start].flags & flag::SCORE == 0
                }
                _ => false,
            }
        {
            // One word the lists know only as a place, and as no one's name, read
            // as a person or an unsure organization: the place, kept as surely as
            // the lists' own.
            c.kind = Kind::Place;
            c.conf = c.conf.max(GAZETTEER_CONF);
        } else if c.kind != Kind::Misc
            && !multi
            && a.infos[c.start].gaz & cat::PEOPLE != 0
            && capitalized_title(a, c.end)
        {
            // "German Chancellor Angela Merkel": a people's name before a title
            // is not the person, who comes after the title.
            c.kind = Kind::Misc;
        } else if (c.kind == Kind::Place || c.kind == Kind::Organization && !multi)
            && a.infos.get(c.end - 1).is_some_and(|t| {
                t.gaz & cat::PEOPLE != 0
                    && t.gaz & (cat::PLACE | cat::COUNTRY | cat::ORG | cat::ACRONYM) == 0
            })
        {
            // "Kazakh Foreign Minister ...": a people's name alone is no organization.
            c.kind = Kind::Misc;
        }
    }
}

/// Whether token `i` is a place in the gazetteer and not a given name,
/// surname, leader or people's name, and no title comes before it.
fn known_only_as_place(a: &Analysis, i: usize) -> bool {
    let names = cat::GIVEN | cat::SURNAME | cat::LEADER | cat::PEOPLE;
    a.infos
        .get(i)
        .is_some_and(|t| t.gaz & (cat::PLACE | cat::COUNTRY) != 0 && t.gaz & names == 0)
        && !titled(a, i, i + 1)
}

/// A single common word: a function word, or a sentence-initial word the
/// document never capitalizes elsewhere.
fn is_common(a: &Analysis, c: &Cand) -> bool {
    if c.start >= c.end {
        return true;
    }
    if c.end - c.start > 1 {
        return false;
    }
    let w = a.word(c.start);
    let lone_common_person = c.kind == Kind::Person
        && a.infos.get(c.start).is_some_and(|t| {
            t.flags & flag::LEX != 0 && t.gaz & (cat::GIVEN | cat::SURNAME | cat::LEADER) == 0
        });
    if lone_common_person {
        return true;
    }
    if STOP.has(w) || TITLES.has(w) || (MONTHS.has(w) && !w.eq_ignore_ascii_case("may")) {
        return true;
    }
    // "Decree No. 705", "Resolution No. 1701": a numbered document, not a name.
    if a.word(c.end).eq_ignore_ascii_case("no.")
        && a.infos
            .get(c.end + 1)
            .is_some_and(|t| t.flags & flag::DIGIT != 0)
    {
        return true;
    }
    let Some(t) = a.infos.get(c.start) else {
        return true;
    };
    t.flags & flag::INITIAL != 0
        && t.flags & flag::LEX != 0
        && t.flags & flag::SEEN_CAP == 0
        && t.gaz == 0
}

fn extend_divisions(a: &Analysis, cands: &mut [Cand]) {
    for i in 0..cands.len() {
        let c = cands[i];
        if c.kind != Kind::Place {
            continue;
        }
        let next = a.word(c.end);
        let starts_cap = next.chars().next().is_some_and(char::is_uppercase);
        let free = cands.get(i + 1).is_none_or(|n| n.start > c.end);
        if starts_cap && free && DIVISIONS.has(next) && same_sentence(a, c.start, c.end) {
            cands[i].end += 1;
        }
    }
}

fn same_sentence(a: &Analysis, i: usize, j: usize) -> bool {
    a.sentence_of(i).is_some_and(|r| r.contains(&j))
}

/// Whether the one-word organization of the lists at token `i` ("Interfax",
/// "Aeroflot") is surely one: a word no other list or the common vocabulary
/// has, outside a sentence in capitals, and not opening a sentence before a
/// comma unless capitalized inside one somewhere (the lists match any case:
/// "Yes , I remember" is no party "YeS").
fn lone_org(a: &Analysis, i: usize) -> bool {
    let t = a.infos[i];
    let interjection = t.flags & flag::INITIAL != 0
        && t.flags & flag::SEEN_CAP == 0
        && (is_punct(a, i + 1) || i + 1 >= a.infos.len());
    !interjection
        && t.flags & (flag::LEX | flag::SHOUT) == 0
        && t.flags & flag::CAP != 0
        && t.gaz_span & (cat::PLACE | cat::COUNTRY | cat::PEOPLE) == 0
}

/// Adds untagged capitalized phrases the gazetteer knows as countries, peoples,
/// or (when longer than one word, or a word that is surely a name alone: a
/// place in another alphabet, an organization [`lone_org`] accepts) places and
/// organizations. A tagged span that
/// is exactly such a phrase, of the same kind, is kept at least as surely as an
/// untagged one would be: "German" before "Chancellor Angela Merkel", which the
/// tagger calls misc but narrowly, is not lost for the tagger having agreed.
fn add_from_gazetteer(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut covered = vec![false; a.infos.len()];
    for c in cands.iter() {
        for k in c.start..c.end.min(covered.len()) {
            covered[k] = true;
        }
    }
    let mut exact: Vec<(usize, usize, Kind)> = Vec::new();
    let mut added = Vec::new();
    let mut i = 0;
    while i < a.infos.len() {
        let t = a.infos[i];
        if t.gaz_pos != 1 && t.gaz_pos != 3 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < a.infos.len() && a.infos[j].gaz_pos == 2 {
            j += 1;
        }
        let single = j == i + 1;
        let free = covered[i..j].iter().all(|c| !c);
        let common = single && t.flags & flag::LEX != 0;
        let kind = if t.gaz_span & cat::COUNTRY != 0 {
            Some(Kind::Place)
        } else if t.gaz_span & cat::PEOPLE != 0 && single {
            Some(Kind::Misc)
        } else if t.gaz_span & cat::PLACE != 0 && (!single || other_script_name(a.word(i))) {
            Some(Kind::Place)
        } else if t.gaz_span & cat::ORG != 0 && (!single || lone_org(a, i)) {
            Some(Kind::Organization)
        } else {
            None
        };
        if let (Some(kind), false) = (kind, common) {
            // A demonym opening a sentence is kept only before a title
            // ("German Chancellor ..."): elsewhere it may be a common word.
            let unsure_initial = single
                && t.flags & flag::INITIAL != 0
                && t.flags & flag::SEEN_CAP == 0
                && kind == Kind::Misc
                && !capitalized_title(a, j);
            if free && !unsure_initial {
                added.push(Cand {
                    start: i,
                    end: j,
                    kind,
                    conf: GAZETTEER_CONF,
                });
            } else if !free && !unsure_initial {
                exact.push((i, j, kind));
            }
        }
        i = j;
    }
    if !exact.is_empty() {
        for c in cands.iter_mut() {
            if exact
                .binary_search_by_key(&(c.start, c.end, c.kind), |&e| e)
                .is_ok()
            {
                c.conf = c.conf.max(GAZETTEER_CONF);
            }
        }
    }
    cands.extend(added);
    in_order(cands);
}

/// "the Caspian", "the Baltic": a sea named without its word "Sea" is a place.
fn short_seas(a: &Analysis, gaz: &Gazetteer, cands: &mut Vec<Cand>) {
    let sea = lower_hash("sea");
    let mut found = Vec::new();
    for i in 1..a.infos.len() {
        let t = &a.infos[i];
        let next_is_name = a.infos.get(i + 1).is_some_and(|n| n.flags & flag::CAP != 0);
        if t.flags & flag::CAP == 0
            || t.flags & flag::LEX != 0
            || next_is_name
            || !a.word(i - 1).eq_ignore_ascii_case("the")
            || gaz.pair(t.lower, sea) & cat::PLACE == 0
        {
            continue;
        }
        found.push(i);
    }
    take_over(
        a,
        cands,
        found.into_iter().map(|i| ((i, i + 1), Kind::Place)),
    );
}

/// "Florida Department of Law Enforcement", "Kazakhstan Football Federation":
/// a place followed, in the same capitalized run, by an organization's head or
/// cue word names the organization, not the place. The run stops at "and"
/// ("Kazakhstan and Halyk Bank" stays two names); "of" and "for" continue it
/// only after the head ("Department of Public Safety").
fn place_named_orgs(a: &Analysis, cands: &mut Vec<Cand>) {
    let name = |k: usize| {
        a.infos.get(k).is_some_and(|t| {
            t.flags & (flag::CAP | flag::DIGIT) != 0 && t.flags & (flag::LOWER | flag::PUNCT) == 0
        })
    };
    let head = |k: usize| {
        let w = a.word(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && (ORG_HEADS.has(w) || a.infos[k].gaz & cat::CUE != 0)
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for c in cands.iter() {
        let after_last = found.last().is_none_or(|&(_, e)| c.start >= e);
        if c.kind != Kind::Place || !after_last {
            continue;
        }
        let at = a.sentences.partition_point(|r| r.end <= c.start);
        let Some(r) = a.sentences.get(at).filter(|r| r.contains(&c.start)) else {
            continue;
        };
        let limit = r.end.min(c.start + MAX_ORG);
        let mut j = c.end;
        while j < limit && name(j) {
            j += 1;
        }
        let Some(k) = (c.end..j).rev().find(|&k| head(k)) else {
            continue;
        };
        let mut end = k + 1;
        while end + 1 < limit && matches!(a.word(end), "of" | "for") && name(end + 1) {
            end += 2;
            while end < limit && name(end) {
                end += 1;
            }
        }
        found.push((c.start, end));
    }
    take_over(
        a,
        cands,
        found.into_iter().map(|span| (span, Kind::Organization)),
    );
}

//! Names an organization's own words settle: a head or cue word followed by
//! "of" and a name ("Bank of America", "New Jersey Department of
//! Public Safety", "University of Texas") names one organization, where the
//! tagger often reads only the place at its end, or hesitates over the whole;
//! so do a place and a team's plural nickname ("Boston Braves") and a unit's
//! number and name ("82nd Airborne Division").

use super::candidates::{first_reaching, held, in_order, take_over, Cand};
use super::gazetteer::cat;
use super::recognizer::{listed_name, Analysis};
use super::token_facts::flag;
use super::words::{WordList, ORG_HEADS, STOP};
use super::Kind;
use std::ops::Range;

/// Longest organization, in tokens, that [`heads_of`] makes.
const MAX_ORG: usize = 10;

/// Whether token `k` is a capitalized word of a name (not common lower-case text).
fn name_word(a: &Analysis, k: usize) -> bool {
    a.infos.get(k).is_some_and(|t| {
        t.flags & (flag::CAP | flag::DIGIT) != 0 && t.flags & (flag::LOWER | flag::PUNCT) == 0
    })
}

/// Whether token `k` is a capitalized organization head or cue word ("Bank", "Department").
fn head_word(a: &Analysis, k: usize) -> bool {
    let w = a.word(k);
    w.starts_with(char::is_uppercase)
        && a.infos[k].flags & flag::ALLCAP == 0
        && (ORG_HEADS.has(w) || a.infos[k].gaz & cat::CUE != 0)
}

/// The organization "HEAD of NAME" whose "of" stands at token `of`, within
/// sentence `r`: its first and end tokens. The head's capitalized run comes
/// before "of" (a sentence-initial "The" left out), a capitalized run after
/// it ("of the" allowed: "Army of the Potomac").
fn head_of_span(a: &Analysis, r: &std::ops::Range<usize>, of: usize) -> Option<(usize, usize)> {
    if a.word(of) != "of" || of == r.start || !head_word(a, of - 1) {
        return None;
    }
    let mut start = of - 1;
    while start > r.start && name_word(a, start - 1) && of - start < MAX_ORG / 2 {
        start -= 1;
    }
    if a.word(start) == "The" {
        start += 1;
    }
    let mut end = of + 1;
    if a.word(end) == "the" {
        end += 1;
    }
    let first = end;
    while end < r.end && end - start < MAX_ORG && name_word(a, end) {
        end += 1;
    }
    (end > first && start < of).then_some((start, end))
}

/// "Bank of America", "Department of Public Safety": a head or cue word, "of"
/// and a capitalized name, all one organization, replacing the place or the
/// unsure spans the tagger made of its parts (or of the whole). Left alone
/// when a person is named inside, an organization after "of" ("Group of the
/// British Computer Society"), or a name the tagger found runs past either end.
pub fn heads_of(a: &Analysis, cands: &mut Vec<Cand>) {
    in_order(cands);
    let mut found: Vec<(usize, usize)> = Vec::new();
    for r in &a.sentences {
        let mut k = r.start + 1;
        while k + 1 < r.end {
            let Some((start, end)) = head_of_span(a, r, k) else {
                k += 1;
                continue;
            };
            let from = first_reaching(cands, start);
            let near = &cands[from..cands.partition_point(|c| c.start < end)];
            let blocked = near.iter().filter(|c| start < c.end).any(|c| {
                c.kind == Kind::Person
                    || c.start < start
                    || c.end > end
                    || c.kind == Kind::Organization && c.start > k
            });
            if !blocked {
                found.push((start, end));
            }
            k = end.max(k + 1);
        }
    }
    take_over(
        a,
        cands,
        found.into_iter().map(|span| (span, Kind::Organization)),
    );
}

/// "George Washington University Hospital", "Radio Disney Group": a name of
/// two or more words the tagger read as a person or misc, ending in a
/// capitalized cue word, names an organization.
pub fn cue_last(a: &Analysis, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if matches!(c.kind, Kind::Person | Kind::Misc)
            && c.end - c.start > 1
            && c.end <= a.infos.len()
            && head_word(a, c.end - 1)
        {
            c.kind = Kind::Organization;
        }
    }
}

/// Whether sentence `r` reads like a title-case heading: four words or more
/// with letters, four in five of them capitalized. Its capitalized runs are
/// words of a title, not names ("Almaty Courts Shanghai Cooperation Organization").
pub(super) fn heading(a: &Analysis, r: &std::ops::Range<usize>) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in &a.infos[r.clone()] {
        if t.flags & (flag::CAP | flag::LOWER) != 0 {
            words += 1;
            caps += usize::from(t.flags & flag::CAP != 0);
        }
    }
    words >= 4 && caps * 5 >= words * 4
}

/// "American Physical Society", "Eberhard Faber GmbH": a capitalized run of
/// two words or more that ends in a head or cue word, where the tagger
/// proposed nothing, is an organization. At least one word before the cue
/// must be outside common vocabulary ("Current News" is a heading, "City
/// Hospital" may be any city's); runs in headings and in capitals are left alone.
pub fn cue_runs(a: &Analysis, cands: &mut Vec<Cand>) {
    in_order(cands);
    let mut found = Vec::new();
    for r in &a.sentences {
        if r.is_empty() || a.infos[r.start].flags & flag::SHOUT != 0 || heading(a, r) {
            continue;
        }
        for Range { start: i, end: j } in a.runs(r.clone(), usize::MAX, |k| name_word(a, k)) {
            // A name opens with a capitalized word: not "The", "A" or a year.
            let mut s = i;
            while s < j && (a.infos[s].flags & flag::CAP == 0 || STOP.has(a.word(s))) {
                s += 1;
            }
            if j - s >= 2
                && j - s <= MAX_ORG
                && head_word(a, j - 1)
                && (s..j - 1).any(|k| a.infos[k].flags & flag::LEX == 0)
                && !held(cands, s, j)
            {
                found.push((s, j));
            }
        }
    }
    take_over(
        a,
        cands,
        found.into_iter().map(|span| (span, Kind::Organization)),
    );
}

/// Plurals that follow a place's name without making it a team: geography
/// ("Golan Heights", "Virgin Islands"), events and talks ("Beijing Olympics",
/// "Geneva Talks"), markets ("Tokyo Stocks"), peoples and the like.
#[rustfmt::skip]
static NOT_TEAMS: WordList = WordList::new(&[
    "accords", "affairs", "agreements", "airports", "alps", "archives", "awards", "banks",
    "barracks", "bonds", "cays", "championships", "conventions", "crossings", "declarations",
    "downs", "dunes", "elections", "emirates", "exports", "falls", "fields", "flats", "forks",
    "futures", "games", "gardens", "glades", "heights", "highlands", "hills", "imports",
    "islands", "isles", "keys", "lakes", "lowlands", "markets", "mountains", "narrows", "news",
    "olympics", "paralympics", "plains", "polls", "prices", "protocols", "provinces", "rapids",
    "results", "riots", "rocks", "sales", "sands", "series", "sessions", "shares", "shoals",
    "springs", "states", "stocks", "straits", "talks", "territories", "times", "trials",
    "wars", "waters", "woods",
]);

/// Whether token `k` is a team's nickname after its place: a capitalized
/// plural ("Braves", "Falcons") that no list knows as a place or people.
fn nickname(a: &Analysis, k: usize) -> bool {
    let w = a.word(k);
    let t = &a.infos[k];
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.chars().all(char::is_alphabetic)
        && t.flags & flag::CAP != 0
        && t.flags & (flag::ALLCAP | flag::SHOUT) == 0
        && t.gaz & (cat::PLACE | cat::COUNTRY | cat::PEOPLE) == 0
        && !NOT_TEAMS.has(w)
}

/// Whether tokens `start..end` are exactly a name the lists know as a place.
fn known_place(a: &Analysis, start: usize, end: usize) -> bool {
    let Some(toks) = listed_name(a, start, end) else {
        return false;
    };
    // A place named by a common word or a first name ("Forest", "Stanley") may be neither.
    toks[1..].iter().all(|t| t.gaz_pos == 2)
        && toks[0].gaz_span & (cat::PLACE | cat::COUNTRY) != 0
        && (toks.len() > 1 || toks[0].flags & flag::LEX == 0 && toks[0].gaz & cat::GIVEN == 0)
}

/// "Boston Braves", "Jacksonville Suns", "Bowling Green Falcons": a place's
/// name and a capitalized plural, the whole capitalized run, name a sports
/// team, an organization, where the tagger reads the place alone or nothing.
/// Left alone when the tagger found a person there, a misc name of two words
/// or more (a law, a tournament) or a name running past it.
pub fn place_teams(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for r in &a.sentences {
        for Range { start: i, end: j } in a.runs(r.clone(), usize::MAX, |k| name_word(a, k)) {
            let last = j - 1;
            // A sentence-initial "The" is no part of the name.
            let s = if a.word(i) == "The" { i + 1 } else { i };
            if j - s >= 2 && j - s <= MAX_ORG && nickname(a, last) && known_place(a, s, last) {
                let blocked = cands.iter().any(|c| {
                    c.start < j
                        && s < c.end
                        && (c.kind == Kind::Person
                            || c.start < s
                            || c.end > j
                            || c.kind == Kind::Misc && c.end - c.start > 1)
                });
                if !blocked {
                    found.push((s, j));
                }
            }
        }
    }
    take_over(
        a,
        cands,
        found.into_iter().map(|span| (span, Kind::Organization)),
    );
}

/// Words that end a military unit's name after its number ("82nd Airborne
/// Division", "IV Corps", "Sixth Fleet").
#[rustfmt::skip]
static UNITS: WordList = WordList::new(&[
    "army", "battalion", "brigade", "corps", "division", "fleet", "regiment", "squadron", "wing",
]);

/// Units that a bare number may name ("65 Air Division"); an army or a
/// spelled ordinal's division ("First Division", a league) needs more.
#[rustfmt::skip]
static NUMBERED_UNITS: WordList = WordList::new(&[
    "battalion", "brigade", "corps", "division", "fleet", "regiment", "squadron", "wing",
]);

/// How token `k` numbers a unit: 1 a bare number ("65"), 2 an ordinal in
/// digits ("82nd", "93d") or a Roman numeral ("IV"), 3 a spelled ordinal
/// ("Sixth"); 0 none.
fn unit_number(a: &Analysis, k: usize) -> u8 {
    let w = a.word(k);
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        return match &w[digits..] {
            "" => 1,
            "st" | "nd" | "rd" | "th" | "d" => 2,
            _ => 0,
        };
    }
    let roman = (2..=5).contains(&w.len()) && w.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'));
    if roman {
        2
    } else if SPELLED_ORDINALS.has(w) && w.starts_with(char::is_uppercase) {
        3
    } else {
        0
    }
}

#[rustfmt::skip]
static SPELLED_ORDINALS: WordList = WordList::new(&[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
]);

/// "82nd Airborne Division", "IV Corps", "65 Air Division", "Sixth Fleet": a
/// unit's number and the capitalized words after it, up to a unit word, name
/// one organization, where the tagger takes the words without the number or
/// nothing. Left alone when a person is found there or a name runs past it.
pub fn numbered_units(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for r in &a.sentences {
        for k in r.clone() {
            let number = unit_number(a, k);
            if number == 0 || found.last().is_some_and(|&(_, e)| k < e) {
                continue;
            }
            let mut end = k + 1;
            while end < r.end && end - k <= 5 && name_word(a, end) && unit_number(a, end) == 0 {
                end += 1;
            }
            let Some(last) = (k + 1..end).rev().find(|&j| UNITS.has(a.word(j))) else {
                continue;
            };
            let unit = a.word(last);
            let ok = match number {
                1 => NUMBERED_UNITS.has(unit),
                3 => !unit.eq_ignore_ascii_case("division"),
                _ => true,
            };
            let end = last + 1;
            let blocked = cands.iter().any(|c| {
                c.start < end && k < c.end && (c.kind == Kind::Person || c.start < k || c.end > end)
            });
            if ok && !blocked {
                found.push((k, end));
            }
        }
    }
    take_over(
        a,
        cands,
        found.into_iter().map(|span| (span, Kind::Organization)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::entities::Recognizer;

    /// The organizations [`heads_of`] makes in `text`, starting from no candidates.
    fn heads(text: &str, cands: &mut Vec<Cand>) -> Vec<String> {
        let r = Recognizer::builtin();
        let a = r.analysis(text, &[Span::new(0, text.len())]);
        heads_of(&a, cands);
        words(&a, cands.iter())
    }

    /// The words of each candidate, joined by spaces.
    fn words<'c>(a: &Analysis, cands: impl Iterator<Item = &'c Cand>) -> Vec<String> {
        cands
            .map(|c| {
                (c.start..c.end)
                    .map(|k| a.word(k))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The organizations [`place_teams`] makes in `text`, given `cands`.
    fn teams(text: &str, cands: &mut Vec<Cand>) -> Vec<String> {
        let r = Recognizer::builtin();
        let a = r.analysis(text, &[Span::new(0, text.len())]);
        place_teams(&a, cands);
        words(&a, cands.iter().filter(|c| c.kind == Kind::Organization))
    }

    #[test]
    fn a_place_and_a_capitalized_plural_name_a_team() {
        assert_eq!(
            teams(
                "He pitched for the Boston Braves and later the Jacksonville Suns .",
                &mut Vec::new()
            ),
            ["Boston Braves", "Jacksonville Suns"]
        );
        // Geography, events and markets after a place are no team.
        assert!(teams(
            "From the Golan Heights to the Virgin Islands , Tokyo Stocks fell during the Beijing Olympics .",
            &mut Vec::new()
        )
        .is_empty());
        // A place named by a common word is no sure place; a misc name the
        // tagger found is left to it.
        assert!(teams("He sold Forest Mills .", &mut Vec::new()).is_empty());
        let mut misc = vec![Cand {
            start: 1,
            end: 3,
            kind: Kind::Misc,
            conf: 30.0,
        }];
        assert!(teams("The Nuremberg Laws were passed .", &mut misc).is_empty());
    }

    #[test]
    fn a_number_and_a_unit_word_name_a_military_unit() {
        let units = |text: &str| {
            let r = Recognizer::builtin();
            let a = r.analysis(text, &[Span::new(0, text.len())]);
            let mut cands = Vec::new();
            numbered_units(&a, &mut cands);
            words(&a, cands.iter())
        };
        assert_eq!(
            units("The 82nd Airborne Division joined IV Corps and the Sixth Fleet ."),
            ["82nd Airborne Division", "IV Corps", "Sixth Fleet"]
        );
        assert_eq!(
            units("It was reassigned to 65 Air Division in 1960 ."),
            ["65 Air Division"]
        );
        // A count of soldiers, a league's division and a number alone are no unit.
        assert!(
            units("500 Army soldiers left ; Leeds won the First Division in 3 Days .").is_empty()
        );
    }

    #[test]
    fn head_of_name_is_one_organization_unless_a_person_or_org_is_inside() {
        assert_eq!(
            heads(
                "the Bank of England and the Ministry of Defence said",
                &mut Vec::new()
            ),
            ["Bank of England", "Ministry of Defence"]
        );
        // No head word: "Gulf", "President" and "Republic" stand as they are.
        assert!(heads(
            "the Gulf of Mexico and the President of Russia",
            &mut Vec::new()
        )
        .is_empty());
        // A person inside keeps the tagger's reading.
        let mut person = vec![Cand {
            start: 3,
            end: 5,
            kind: Kind::Person,
            conf: 50.0,
        }];
        assert_eq!(
            heads("the Council of John Smith", &mut person),
            ["John Smith"]
        );
    }
}

//! Datelines: the place (and news agency) that opens a story, "ASTANA, April 23
//! (Interfax) —" or "LONDON 1996-08-30" on a line of its own, which stay a place
//! whatever the story's other mentions of the name are.

use super::candidates::{take_over, Cand};
use super::recognizer::Analysis;
use super::rules::starts_date;
use super::token_facts::flag;
use super::words::MONTHS;
use super::Kind;

/// Whether token `i` is an upper-case word ("ASTANA", "NEW").
fn shouted_word(a: &Analysis, i: usize) -> bool {
    a.infos
        .get(i)
        .is_some_and(|t| t.flags & flag::ALLCAP != 0 && t.flags & flag::DIGIT == 0)
        && a.word(i).chars().count() > 1
}

/// A story's dateline, "ASTANA, April 23 (Interfax) —", "KYIV (Ukrinform) -" or
/// "LONDON 1996-08-30" on a line of its own: the capitalized place that opens
/// a sentence is a place and the agency in
/// parentheses an organization, replacing whatever the tagger made of them.
pub(super) fn datelines(a: &Analysis, cands: &mut Vec<Cand>) {
    let mut found = Vec::new();
    for r in &a.sentences {
        let mut q = r.start;
        while q < r.end && q - r.start < 4 && shouted_word(a, q) {
            q += 1;
        }
        if q == r.start {
            continue;
        }
        let place = (r.start, q);
        // A line of its own, "LONDON 1996-08-30": the place and the story's date.
        if only_a_date(a, q, r.end) {
            found.push((place, Kind::Place));
            continue;
        }
        let mut p = q;
        if a.word(p) == "," && starts_date(a, p + 1) {
            p += 1;
            while p < r.end && p - q < 6 && a.word(p) != "(" && !is_dash(a.word(p)) {
                p += 1;
            }
        }
        let mut agency = None;
        if a.word(p) == "(" {
            let mut e = p + 1;
            while e < r.end && e - p <= 4 && a.infos[e].flags & flag::CAP != 0 {
                e += 1;
            }
            if e > p + 1 && a.word(e) == ")" {
                agency = Some((p + 1, e));
                p = e + 1;
            }
        }
        // A date or an agency, then the dash that opens the story.
        if (agency.is_some() || p > q + 1) && is_dash(a.word(p)) {
            found.push((place, Kind::Place));
            if let Some(span) = agency {
                found.push((span, Kind::Organization));
            }
        }
    }
    take_over(a, cands, found);
}

/// Whether tokens `from..end` are a date alone ("1996-08-30", "Aug 30").
fn only_a_date(a: &Analysis, from: usize, end: usize) -> bool {
    from < end
        && (from..end).any(|k| MONTHS.has(a.word(k)) || iso_date(a.word(k)))
        && (from..end).all(|k| date_word(a, k))
}

/// Whether `c` is the place of a dateline on a line of its own ("LONDON
/// 1996-08-30"), which stays a place though the brief's other mentions of the
/// name are a team's.
pub(super) fn dateline_place(a: &Analysis, c: &Cand) -> bool {
    a.sentence_of(c.start).is_some_and(|r| {
        r.start == c.start
            && c.end - c.start <= 4
            && (c.start..c.end).all(|k| shouted_word(a, k))
            && only_a_date(a, c.end, r.end)
    })
}

/// Whether token `i` may be a word of a dateline's date ("1996-08-30", "Aug", "30", ",").
fn date_word(a: &Analysis, i: usize) -> bool {
    let w = a.word(i);
    w.bytes()
        .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
        && w.len() <= 10
        || MONTHS.has(w)
        || w == ","
}

/// Whether `w` is a date written "1996-08-30" (not a score, which has shorter numbers).
fn iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(k, &c)| {
            if k == 4 || k == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--" | "–" | "—")
}

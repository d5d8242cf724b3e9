//! The tense around an expression, from the nearest tense-bearing word of
//! its sentence: a past-tense "on Tuesday" is the Tuesday before publication,
//! a future one the Tuesday after.

use super::lexicon;
use super::token::{Kind, Tokens};

/// Tense of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// How far (in tokens) to look for a tense marker.
const REACH: usize = 14;

/// The tense at tokens `[first, last)` within the sentence of tokens `[lo, hi)`:
/// the nearest marker before the expression, else the nearest after it, else a
/// future one further back in the sentence.
pub fn at(toks: &Tokens, lo: usize, hi: usize, first: usize, last: usize) -> Tense {
    // "Wednesday's ruling", "Friday's close": a possessive names what has happened.
    if matches!(toks.word(last), "'" | "’") && toks.word(last + 1) == "s" {
        return Tense::Past;
    }
    // "by February": a deadline ahead, unless the clause looks back from it
    // ("had filed reports by Wednesday").
    if first > lo
        && toks.word(first - 1) == "by"
        && !(first.saturating_sub(REACH).max(lo)..first).any(|k| toks.word(k) == "had")
    {
        return Tense::Future;
    }
    // "payable Dec. 7", "effective on Feb. 1": a date a filing looks ahead to.
    let before = if first > lo && toks.word(first - 1) == "on" {
        first.saturating_sub(2)
    } else {
        first.wrapping_sub(1)
    };
    if before >= lo && before < first && matches!(toks.word(before), "payable" | "effective") {
        return Tense::Future;
    }
    let mut i = first;
    let stop = first.saturating_sub(REACH).max(lo);
    while i > stop {
        i -= 1;
        if let Some(t) = marker(toks, i) {
            return t;
        }
    }
    for j in last..hi.min(last + REACH) {
        if let Some(t) = marker(toks, j) {
            return t;
        }
    }
    // A plan announced early in a long sentence still holds: "flights would leave on
    // Monday from March 30, with the third departing each Thursday from August 6" (all
    // ahead). A past verb that far back tells of another clause ("said he subpoenaed
    // him to testify on Feb. 10").
    while i > lo {
        i -= 1;
        if let Some(t) = marker(toks, i) {
            return if t == Tense::Future {
                t
            } else {
                Tense::Present
            };
        }
    }
    Tense::Present
}

fn marker(toks: &Tokens, i: usize) -> Option<Tense> {
    // Names ("United States") are not verbs.
    if toks.kind(i) != Some(Kind::Word) || (toks.is_cap(i) && i > 0 && toks.word(i - 1) != ".") {
        return None;
    }
    let w = toks.word(i);
    match w {
        // "is to meet", "are to vote": an arranged future.
        "to" if matches!(toks.word(i.wrapping_sub(1)), "is" | "are") => Some(Tense::Future),
        "is" | "are" | "am"
            if toks.word(i + 1) == "expected" || toks.word(i + 1) == "scheduled" =>
        {
            Some(Tense::Future)
        }
        // "plans to", "hopes to": verbs of intent; "vacation plans" is a noun.
        // "had been scheduled to expire Friday": a plan seen from the past, for a day gone by.
        "scheduled" | "due" | "set" | "expected"
            if toks.word(i + 1) == "to"
                && toks.word(i.wrapping_sub(1)) == "been"
                && toks.word(i.wrapping_sub(2)) == "had" =>
        {
            Some(Tense::Past)
        }
        "plans" | "plan" | "planned" | "hopes" | "hope" | "hoped" | "aims" | "wants" | "set"
        | "scheduled" | "due"
            if toks.word(i + 1) == "to" =>
        {
            Some(Tense::Future)
        }
        // "the vote is set for Dec. 15", "slated for March": a date arranged ahead.
        "set" | "scheduled" | "slated" | "planned" | "expected"
            if toks.word(i + 1) == "for" && toks.word(i.wrapping_sub(1)) != "been" =>
        {
            Some(Tense::Future)
        }
        // "it is calling for", "they are meeting": the present, nearer than any "said".
        "is" | "are" | "am" => Some(Tense::Present),
        // "until Tuesday", "as early as Tuesday", "as soon as Tuesday": a deadline ahead.
        // (Sentence-initial "Until Tuesday, they had not..." looks back.)
        // After a past verb of lasting, "talks ran until Thursday" looks back all the same
        // ("was extended until Friday" still looks ahead).
        "until" | "till" if !toks.is_cap(i) => match toks.word(i.wrapping_sub(1)) {
            "ran" | "lasted" | "continued" | "stayed" | "remained" | "waited" | "served"
            | "worked" | "lived" | "dragged" | "lingered" | "fought" | "talked" | "went" => {
                Some(Tense::Past)
            }
            _ => Some(Tense::Future),
        },
        // "the law takes effect Oct. 1": a present that announces.
        "takes" | "take" if toks.word(i + 1) == "effect" => Some(Tense::Future),
        "as" if matches!(toks.word(i + 1), "early" | "soon" | "late")
            && toks.word(i + 2) == "as" =>
        {
            Some(Tense::Future)
        }
        _ => match lexicon::tense_of(w) {
            // A participle after "be" or "to" is passive or infinitive, not past: "to be completed".
            // "had been scheduled", "had been due": a plan in the past.
            Some(Tense::Future) if toks.word(i.wrapping_sub(1)) == "been" => None,
            // After a determiner an "-ed" word is an adjective: "the planned trip", "a still unspecified date".
            Some(Tense::Past)
                if w.ends_with("ed")
                    && matches!(
                        toks.word(i.wrapping_sub(1)),
                        "the"
                            | "a"
                            | "an"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "still"
                            | "newly"
                            | "so"
                    ) =>
            {
                None
            }
            Some(Tense::Past)
                if matches!(
                    toks.word(i.wrapping_sub(1)),
                    "be" | "been" | "being" | "is" | "are" | "am" | "to"
                ) =>
            {
                None
            }
            t => t,
        },
    }
}

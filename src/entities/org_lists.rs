//! Names in a list of organizations: "Sub-Zero, Herman Miller, Shure and
//! LifeFitness", "at Crobar, Shadow Lounge, Liquid and Bar Room". A name the
//! tagger passed over in a list of three names or more, two of which it read
//! as organizations and none as anything else, is an organization too: a list
//! names things of one kind. So is a name the tagger was unsure of there.

use super::candidates::{in_order, overlapping, take_over, Cand, UNSURE};
use super::gazetteer::cat;
use super::org_contexts::{listed_place, name_token, names_country};
use super::recognizer::Analysis;
use super::token_facts::flag;
use super::Kind;
use std::ops::Range;

/// Longest list item, in tokens.
const MAX_ITEM: usize = 5;

/// What the candidates make of one list item.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    /// No candidate touches it, or only unsure ones inside it.
    Bare,
    /// One candidate the tagger is sure of covers it exactly, with this kind.
    Named(Kind),
    /// A sure candidate covers part of it, or one runs past it.
    Mixed,
}

fn item(cands: &[Cand], start: usize, end: usize) -> Item {
    let over: Vec<&Cand> = overlapping(cands, start, end).collect();
    if over.iter().any(|c| c.start < start || c.end > end) {
        return Item::Mixed;
    }
    match over.as_slice() {
        [c] if c.start == start && c.end == end && c.conf >= UNSURE => Item::Named(c.kind),
        _ if over.iter().all(|c| c.conf < UNSURE) => Item::Bare,
        _ => Item::Mixed,
    }
}

/// Whether tokens `from..to` separate two items of a list: ",", "and", "or",
/// ", and", ", or", "/".
fn separator(a: &Analysis, from: usize, to: usize) -> bool {
    match to - from {
        1 => matches!(a.word(from), "," | "and" | "or" | "/"),
        2 => a.word(from) == "," && matches!(a.word(from + 1), "and" | "or"),
        _ => false,
    }
}

/// The lists of sentence `r`: runs of capitalized items (token ranges) with
/// separators between them, three items or more.
fn lists(a: &Analysis, r: &Range<usize>) -> Vec<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    for Range { start: k, end } in a.runs(r.clone(), MAX_ITEM, |k| name_token(a, k)) {
        if cur.last().is_some_and(|&(_, e)| !separator(a, e, k)) {
            if cur.len() >= 3 {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
        }
        cur.push((k, end));
    }
    if cur.len() >= 3 {
        out.push(cur);
    }
    out
}

/// Whether a bare item may be named an organization by its list: not a place
/// or country the lists know, not a given name first, not a lone word of
/// common vocabulary ("Home").
fn may_be_org(a: &Analysis, start: usize, end: usize) -> bool {
    let t = &a.infos[start];
    let single_common = end - start == 1 && t.flags & flag::LEX != 0;
    !(names_country(a, start, end)
        || listed_place(a, start, end)
        || t.gaz & cat::GIVEN != 0
        || single_common)
}

/// Makes the bare items of lists of organizations organizations, in place
/// of the unsure spans inside them.
pub fn add(a: &Analysis, cands: &mut Vec<Cand>) {
    in_order(cands);
    let mut found = Vec::new();
    for r in &a.sentences {
        for list in lists(a, r) {
            let items: Vec<Item> = list.iter().map(|&(s, e)| item(cands, s, e)).collect();
            let orgs = items
                .iter()
                .filter(|&&i| i == Item::Named(Kind::Organization))
                .count();
            let others = items
                .iter()
                .any(|&i| !matches!(i, Item::Bare | Item::Named(Kind::Organization)));
            if orgs < 2 || others {
                continue;
            }
            for (&(s, e), &i) in list.iter().zip(&items) {
                if i == Item::Bare && may_be_org(a, s, e) {
                    found.push(((s, e), Kind::Organization));
                }
            }
        }
    }
    take_over(a, cands, found);
}

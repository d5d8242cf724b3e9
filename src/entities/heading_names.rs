//! Names run together in a title-case heading: "Almaty Courts Shanghai
//! Cooperation Organization" is capitalized from end to end, so the tagger
//! reads one name where the body names two, "Almaty" and "Shanghai
//! Cooperation Organization". A heading's candidate that holds names the
//! body's sentences find surely, at its start and at its end, is cut into
//! those names, and the words between them (the heading's verbs) are dropped.

use super::candidates::{in_order, Cand, UNSURE};
use super::hashing::HashMap64;
use super::org_names::heading;
use super::recognizer::Analysis;
use super::Kind;

/// Longest name, in tokens, looked for inside a heading's candidate.
const MAX_NAME: usize = 8;

/// The known names inside heading candidate `c`, left to right, longest
/// first at each word; none when the candidate itself is the only one.
fn known_inside(a: &Analysis, c: &Cand, known: &HashMap64<Kind>) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut p = c.start;
    while p < c.end {
        let longest = (p + 1..=c.end.min(p + MAX_NAME))
            .rev()
            .filter(|&e| (p, e) != (c.start, c.end))
            .find_map(|e| known.get(&a.words_key(p, e)).map(|&k| (e, k)));
        match longest {
            Some((e, kind)) => {
                out.push(Cand {
                    start: p,
                    end: e,
                    kind,
                    conf: f32::INFINITY,
                });
                p = e;
            }
            None => p += 1,
        }
    }
    out
}

/// Cuts each heading candidate of three words or more that begins and ends
/// with names the body finds (its sure candidates, and the surnames of people
/// it names in full) into those names.
pub fn cut(a: &Analysis, cands: &mut Vec<Cand>) {
    let headings: Vec<bool> = a.sentences.iter().map(|r| heading(a, r)).collect();
    if !headings.iter().any(|&h| h) {
        return;
    }
    let in_heading = |i: usize| {
        let at = a.sentences.partition_point(|r| r.end <= i);
        headings.get(at).copied().unwrap_or(false)
    };
    let mut known: HashMap64<Kind> = HashMap64::default();
    for c in cands.iter() {
        if c.conf < UNSURE || c.end - c.start > MAX_NAME || in_heading(c.start) {
            continue;
        }
        known.entry(a.words_key(c.start, c.end)).or_insert(c.kind);
        if c.kind == Kind::Person && c.end - c.start >= 2 {
            known
                .entry(a.words_key(c.end - 1, c.end))
                .or_insert(Kind::Person);
        }
    }
    if known.is_empty() {
        return;
    }
    let mut cut_any = false;
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        if c.end - c.start >= 3 && in_heading(c.start) {
            let parts = known_inside(a, &c, &known);
            // Only words between two names are the heading's own ("Courts");
            // a name at either end of the run may go on past the known one
            // ("Iceland Air Defense Force").
            let bounded = parts.first().is_some_and(|p| p.start == c.start)
                && parts.last().is_some_and(|p| p.end == c.end);
            if bounded && parts.len() >= 2 {
                out.extend(parts);
                cut_any = true;
                continue;
            }
        }
        out.push(c);
    }
    *cands = out;
    if cut_any {
        in_order(cands);
    }
}

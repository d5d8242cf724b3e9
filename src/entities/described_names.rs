//! Names the tagger proposed nothing for, which their description makes
//! organizations: "the German company Züblin", "record label, Soleilmoon
//! Recordings", "Secrets, a Richmond-based jazz fusion band", "Crazyhead are
//! an English punk band". org_contexts retypes the names the tagger found in
//! these places; this adds the ones it passed over. The brief's other mentions
//! follow by the aliases' propagation, since a rule's span is sure.

use super::candidates::{held, in_order, take_over, Cand};
use super::gazetteer::cat;
use super::org_contexts::{
    described, listed_place, name_token, names_country, org_phrase, NOUNS_BEFORE,
};
use super::recognizer::Analysis;
use super::Kind;
use std::ops::Range;

/// Longest name, in tokens, a description adds.
const MAX_NAME: usize = 4;

/// Whether the run `start..end` of sentence `r` is described as an
/// organization in a way [`described`] does not read: the organization noun
/// and a comma before it ("record label, Soleilmoon Recordings"), or a plural
/// verb before the description ("Crazyhead are an English punk band").
fn described_more(a: &Analysis, r: &Range<usize>, start: usize, end: usize) -> bool {
    let noun_comma = start >= r.start + 2 && a.word(start - 1) == "," && {
        let w = a.word(start - 2);
        NOUNS_BEFORE.has(w) && w.starts_with(char::is_lowercase)
    };
    let plural =
        end + 1 < r.end && matches!(a.word(end), "are" | "were") && org_phrase(a, r, end + 1);
    noun_comma || plural
}

/// Adds, as organizations, the capitalized runs of up to [`MAX_NAME`] words
/// that a description names an organization, where the tagger proposed
/// nothing or only unsure spans inside.
/// Left alone: names the lists know as places or countries, and a run that
/// opens with a given name ("operator George Hauser" is a person).
pub fn add(a: &Analysis, cands: &mut Vec<Cand>) {
    in_order(cands);
    let mut found = Vec::new();
    for r in &a.sentences {
        for Range { start: k, end } in a.runs(r.clone(), MAX_NAME, |k| name_token(a, k)) {
            let joined = k > r.start && name_token(a, k - 1) || name_token(a, end);
            if !joined
                && a.infos[k].gaz & cat::GIVEN == 0
                && !names_country(a, k, end)
                && !listed_place(a, k, end)
                && !held(cands, k, end)
                && (described(a, r, k, end) || described_more(a, r, k, end))
            {
                found.push(((k, end), Kind::Organization));
            }
        }
    }
    take_over(a, cands, found);
}

//! Names an organization's own words settle: a head or cue word followed by
//! "of" and a name ("Bank of America", "New Jersey Department of
//! Public Safety", "University of Texas") names one organization, where the
//! tagger often reads only the place at its end, or hesitates over the whole.

use super::gazetteer::cat;
use super::recognizer::Analysis;
use super::rules::{take_over, Cand, MAX_CAND};
use super::token_facts::flag;
use super::words::ORG_HEADS;
use super::Kind;

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
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut found: Vec<(usize, usize)> = Vec::new();
    for r in &a.sentences {
        let mut k = r.start + 1;
        while k + 1 < r.end {
            let Some((start, end)) = head_of_span(a, r, k) else {
                k += 1;
                continue;
            };
            let from = cands.partition_point(|c| c.start + MAX_CAND <= start);
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
        cands
            .iter()
            .map(|c| {
                (c.start..c.end)
                    .map(|k| a.word(k))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
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

//! From candidate spans to entities: document-level consistency (a name
//! tagged once is tagged everywhere), overlap resolution, and alias linking
//! (a later "Akhmetov" is "Daniyal Akhmetov", "CSTO" is its expansion), with a
//! canonical name and a majority kind for each entity.

use super::acronyms;
use super::candidates::{AcronymPair, Cand};
use super::datelines;
use super::gazetteer::cat;
use super::gazetteer::extend;
use super::hashing::{mix, HashMap64};
use super::recognizer::{Analysis, WORDS_SEED};
use super::titles;
use super::token_facts::flag;
use super::words::CORP_SUFFIXES;
use super::{Entities, Entity, Kind};

/// The share of the precision dial an organization needs: the tagger is less
/// sure of organizations than of people and places when it is right about them.
/// On held-out ner-train documents, dial 16 for every kind gave organizations
/// P 0.840 R 0.562; dial 20 with half of it for organizations gives P 0.815
/// R 0.598, and people and places gain precision (0.860 -> 0.873, 0.868 -> 0.881).
const ORG_DIAL: f32 = 0.5;
/// Confidence a name needs to be propagated to its other occurrences.
const PROPAGATE_CONF: f32 = 20.0;
const MAX_NAME: usize = 8;
/// Confidence enough for a person named next to a title ("Marat Tazhin, the foreign minister").
const TITLED_PERSON_CONF: f32 = 0.0;
/// Confidence enough for a person whose words no list knows, as subject of a
/// speech or modal verb ("Nazarbayev will").
const UNKNOWN_PERSON_CONF: f32 = 0.0;

/// A word in no list: not common vocabulary, not a known place, people or organization.
fn unknown_word(a: &Analysis, i: usize) -> bool {
    a.infos.get(i).is_some_and(|t| {
        t.flags & (flag::LEX | flag::ALLCAP | flag::DIGIT) == 0
            && t.gaz & (cat::PLACE | cat::COUNTRY | cat::ORG | cat::ACRONYM | cat::PEOPLE) == 0
    })
}

/// `keys[n]` = `a.words_key(start, start + n)` for every `n` up to `keys.len() - 1`
/// (and not past `end`), each from the one before: a name of `n` words costs
/// one step, not `n`.
fn seq_keys(a: &Analysis, start: usize, end: usize, keys: &mut [u64]) {
    let mut k = WORDS_SEED;
    for (n, slot) in keys.iter_mut().enumerate() {
        if n > 0 {
            if start + n > end {
                break;
            }
            k = extend(k, a.infos.get(start + n - 1).map_or(0, |t| t.lower));
        }
        *slot = k;
    }
}

fn kind_slot(k: Kind) -> usize {
    match k {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Place => 2,
        Kind::Misc => 3,
    }
}

const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc];

/// Tags every other occurrence of a confidently tagged name, and gives each
/// name its majority kind.
fn propagate(a: &Analysis, cands: &mut Vec<Cand>, min_conf: f32) {
    let mut votes: HashMap64<(usize, [f32; 4], f32)> = HashMap64::default();
    for c in cands.iter() {
        let e = votes.entry(a.words_key(c.start, c.end)).or_insert((
            c.end - c.start,
            [0.0; 4],
            f32::NEG_INFINITY,
        ));
        // A dateline's place ("DENVER 1997-04-12") says little of how the
        // story names the city: a club's name is often the same.
        let dateline = c.kind == Kind::Place && datelines::dateline_place(a, c);
        e.1[kind_slot(c.kind)] += if dateline {
            1.0
        } else {
            c.conf.clamp(1.0, 50.0)
        };
        e.2 = e.2.max(c.conf);
    }
    let propagate_conf = PROPAGATE_CONF.max(min_conf);
    bare_company_names(a, cands, &mut votes, propagate_conf);
    let lengths: Vec<usize> = {
        let mut l: Vec<usize> = votes
            .values()
            .map(|v| v.0)
            .filter(|&n| n <= MAX_NAME)
            .collect();
        l.sort_unstable();
        l.dedup();
        l
    };
    let mut covered = vec![false; a.infos.len()];
    for c in cands.iter() {
        for k in c.start..c.end.min(covered.len()) {
            covered[k] = true;
        }
    }
    let mut added = Vec::new();
    for r in &a.sentences {
        let mut i = r.start;
        while i < r.end {
            let t = &a.infos[i];
            let cap = t.flags & (flag::CAP | flag::DIGIT) != 0 && t.flags & flag::LOWER == 0;
            if covered[i] || !cap || (t.flags & flag::INITIAL != 0 && t.flags & flag::LEX != 0) {
                i += 1;
                continue;
            }
            let mut found = None;
            let mut keys = [0u64; MAX_NAME + 1];
            seq_keys(a, i, r.end, &mut keys);
            for &n in lengths.iter().rev() {
                if i + n > r.end || covered[i..i + n].iter().any(|&c| c) {
                    continue;
                }
                if let Some(v) = votes.get(&keys[n]) {
                    if v.0 == n && v.2 >= propagate_conf && !(n == 1 && t.flags & flag::LEX != 0) {
                        found = Some((n, best_kind(&v.1)));
                        break;
                    }
                }
            }
            match found {
                Some((n, kind)) => {
                    added.push(Cand {
                        start: i,
                        end: i + n,
                        kind,
                        conf: propagate_conf,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    cands.extend(added);
    for c in cands.iter_mut() {
        if let Some(v) = votes.get(&a.words_key(c.start, c.end)) {
            if c.kind != Kind::Place || !datelines::dateline_place(a, c) {
                c.kind = best_kind(&v.1);
            }
        }
    }
    let unknown_conf = UNKNOWN_PERSON_CONF;
    // Surnames of the people the brief names in full, surely: a later "Putin"
    // alone is that person even where the tagger hesitates.
    let surnames: Vec<u64> = {
        let mut s: Vec<u64> = cands
            .iter()
            .filter(|c| c.kind == Kind::Person && c.end - c.start >= 2 && c.conf >= min_conf)
            .filter_map(|c| a.infos.get(c.end - 1).map(|t| t.lower))
            .collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    cands.retain(|c| {
        let need = if c.kind == Kind::Organization {
            min_conf * ORG_DIAL
        } else if c.kind != Kind::Person {
            min_conf
        } else if titles::titled(a, c.start, c.end)
            || c.end - c.start == 1
                && a.infos
                    .get(c.start)
                    .is_some_and(|t| surnames.binary_search(&t.lower).is_ok())
        {
            TITLED_PERSON_CONF
        } else if (c.start..c.end).all(|i| unknown_word(a, i)) && titles::person_verb(a.word(c.end))
        {
            unknown_conf.min(min_conf)
        } else {
            min_conf
        };
        c.conf >= need
            || votes
                .get(&a.words_key(c.start, c.end))
                .is_some_and(|v| v.2 >= need)
    });
}

/// A company named with its legal form ("Nordmark AG", "Tellus Corp.") is the
/// company when the brief names it without ("Nordmark shares fell"): the bare
/// name gets the full name's organization vote, to be propagated like a name
/// the tagger found. A bare word the lists know as a place or people is left out.
fn bare_company_names(
    a: &Analysis,
    cands: &[Cand],
    votes: &mut HashMap64<(usize, [f32; 4], f32)>,
    propagate_conf: f32,
) {
    for c in cands.iter() {
        if c.kind != Kind::Organization || c.conf < propagate_conf * ORG_DIAL {
            continue;
        }
        let Some(end) = bare_company_end(a, c) else {
            continue;
        };
        let e = votes.entry(a.words_key(c.start, end)).or_insert((
            end - c.start,
            [0.0; 4],
            f32::NEG_INFINITY,
        ));
        e.1[kind_slot(Kind::Organization)] += c.conf.clamp(1.0, 50.0);
        e.2 = e.2.max(propagate_conf);
    }
}

/// Where an organization's name ends without its legal form ("Tellus" of
/// "Tellus Corp.", "3M" of "3M Co"); none when it has no legal form, or the bare
/// name is one word the lists know as a place or people ("Kazakhstan" of
/// "Kazakhstan Ltd").
fn bare_company_end(a: &Analysis, c: &Cand) -> Option<usize> {
    let mut end = c.end;
    while end > c.start + 1 && CORP_SUFFIXES.has(a.word(end - 1)) {
        end -= 1;
    }
    while end > c.start + 1 && matches!(a.word(end - 1), "," | "&" | "and") {
        end -= 1;
    }
    let single_listed =
        end == c.start + 1 && a.infos[c.start].gaz & (cat::PLACE | cat::COUNTRY | cat::PEOPLE) != 0;
    (end != c.end && !single_listed).then_some(end)
}

/// A company's bare name ("Tellus") joins its name with the legal form
/// ("Tellus Corp."), as a short form joins its expansion; none is linked when two
/// names share the bare name ("Tellus Corp." and "Tellus Holdings Ltd").
fn link_bare_company_names(a: &Analysis, cands: &[Cand], full_name_of: &mut HashMap64<u64>) {
    let mut full_of: HashMap64<Option<u64>> = HashMap64::default();
    for c in cands.iter().filter(|c| c.kind == Kind::Organization) {
        let Some(end) = bare_company_end(a, c) else {
            continue;
        };
        let full = a.words_key(c.start, c.end);
        full_of
            .entry(a.words_key(c.start, end))
            .and_modify(|v| {
                if *v != Some(full) {
                    *v = None;
                }
            })
            .or_insert(Some(full));
    }
    for (bare, full) in full_of {
        if let Some(full) = full {
            full_name_of.entry(bare).or_insert(full);
        }
    }
}

fn best_kind(v: &[f32; 4]) -> Kind {
    let mut best = 0;
    for k in 1..4 {
        if v[k] > v[best] {
            best = k;
        }
    }
    KINDS[best]
}

/// Keeps non-overlapping candidates, preferring confident then longer ones.
fn resolve_overlaps(cands: &mut Vec<Cand>, n_tokens: usize) {
    cands.retain(|c| c.start < c.end && c.end <= n_tokens);
    cands.sort_by(|a, b| {
        b.conf
            .total_cmp(&a.conf)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut taken = vec![false; n_tokens];
    cands.retain(|c| {
        let free = taken[c.start..c.end].iter().all(|&t| !t);
        if free {
            taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
        }
        free
    });
    cands.sort_by_key(|c| c.start);
}

/// Turns candidates into entities with linked aliases.
/// Names the tagger is less sure of than `min_conf` are dropped unless the
/// same name is confident elsewhere in the document.
pub fn resolve(
    a: &Analysis,
    mut cands: Vec<Cand>,
    pairs: &[AcronymPair],
    min_conf: f32,
) -> Entities {
    propagate(a, &mut cands, min_conf);
    resolve_overlaps(&mut cands, a.infos.len());
    // Group key of each candidate: its case-folded words.
    let key = |c: &Cand| a.words_key(c.start, c.end);
    let mut group_of: HashMap64<usize> = HashMap64::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut surname_of: HashMap64<usize> = HashMap64::default();
    let mut first_of: HashMap64<usize> = HashMap64::default();
    let mut full_name_of: HashMap64<u64> = HashMap64::default();
    for p in pairs {
        full_name_of.insert(
            a.words_key(p.acronym, p.acronym + 1),
            a.words_key(p.expansion.0, p.expansion.1),
        );
    }
    link_short_forms(a, &cands, &mut full_name_of);
    link_bare_company_names(a, &cands, &mut full_name_of);
    let apart = datelines_apart(a, &cands);
    // Full names first, so that a surname seen before its full name still links.
    for c in &cands {
        if c.kind == Kind::Person && c.end - c.start >= 2 {
            let g = *group_of.entry(key(c)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            let last = a.infos[c.end - 1].lower;
            surname_of.entry(last).or_insert(g);
            first_of.entry(a.infos[c.start].lower).or_insert(g);
        }
    }
    for (i, c) in cands.iter_mut().enumerate() {
        let k = a.words_key(c.start, c.end);
        let single = c.end - c.start == 1;
        let target = if let Some(&exp) = full_name_of.get(&k) {
            exp
        } else if apart.get(i).is_some_and(|&x| x) {
            mix(k, DATELINE_SALT)
        } else {
            k
        };
        let word = a.infos[c.start].lower;
        let g = match (
            single,
            surname_of
                .get(&word)
                .or_else(|| first_of.get(&word).filter(|_| c.kind == Kind::Person)),
        ) {
            (true, Some(&g))
                if (c.kind != Kind::Place || a.infos[c.start].gaz & cat::COUNTRY == 0)
                    && !group_of.contains_key(&k)
                    || group_of.get(&k) == Some(&g) =>
            {
                c.kind = Kind::Person;
                g
            }
            _ => *group_of.entry(target).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            }),
        };
        groups[g].push(i);
    }
    build(a, &cands, groups)
}

/// Mixed into a dateline's group key to keep it apart from its name's other mentions.
const DATELINE_SALT: u64 = 0xda7e;

/// Per candidate, whether it is a dateline's place ("TORONTO 1996-08-23") whose
/// name the brief's other mentions give another kind (a team's): the place
/// stays an entity of its own.
fn datelines_apart(a: &Analysis, cands: &[Cand]) -> Vec<bool> {
    let apart: Vec<bool> = cands
        .iter()
        .map(|c| c.kind == Kind::Place && datelines::dateline_place(a, c))
        .collect();
    if !apart.contains(&true) {
        return apart;
    }
    let mut other_kind: HashMap64<()> = HashMap64::default();
    for c in cands.iter().filter(|c| c.kind != Kind::Place) {
        other_kind.insert(a.words_key(c.start, c.end), ());
    }
    cands
        .iter()
        .zip(apart)
        .map(|(c, x)| x && other_kind.contains_key(&a.words_key(c.start, c.end)))
        .collect()
}

/// Short forms used without a bracketed definition ("U.S." beside "United
/// States", "EU" beside "European Union") join the one multi-word name of the
/// brief with those initials; none is linked when two names share them.
fn link_short_forms(a: &Analysis, cands: &[Cand], full_name_of: &mut HashMap64<u64>) {
    let word = |i: usize| {
        let s = a.span(i..i + 1);
        a.text.get(s.start..s.end).unwrap_or("")
    };
    let mut by_initials: std::collections::HashMap<String, Option<u64>> = Default::default();
    for c in cands
        .iter()
        .filter(|c| c.end - c.start >= 2 && c.kind != Kind::Person)
    {
        let words: Vec<&str> = (c.start..c.end).map(word).collect();
        let Some(init) = acronyms::initials(&words) else {
            continue;
        };
        let k = a.words_key(c.start, c.end);
        by_initials
            .entry(init)
            .and_modify(|v| {
                if *v != Some(k) {
                    *v = None;
                }
            })
            .or_insert(Some(k));
    }
    for c in cands.iter().filter(|c| c.end - c.start == 1) {
        if let Some(Some(exp)) = acronyms::short_form_letters(word(c.start))
            .and_then(|letters| by_initials.get(&letters))
        {
            full_name_of
                .entry(a.words_key(c.start, c.end))
                .or_insert(*exp);
        }
    }
}

fn build(a: &Analysis, cands: &[Cand], groups: Vec<Vec<usize>>) -> Entities {
    let mut entity_of = vec![usize::MAX; cands.len()];
    let mut out = Entities::default();
    let mut order: Vec<&Vec<usize>> = groups.iter().filter(|g| !g.is_empty()).collect();
    // A group's first member is its smallest: members join in candidate order.
    order.sort_unstable_by_key(|g| g.first().copied());
    for g in order {
        let mut votes = [0usize; 4];
        let mut best = g[0];
        for &i in g {
            votes[kind_slot(cands[i].kind)] += 1;
            let (c, b) = (&cands[i], &cands[best]);
            if (c.end - c.start, a.span(c.start..c.end).len())
                > (b.end - b.start, a.span(b.start..b.end).len())
            {
                best = i;
            }
        }
        let kind = KINDS[(0..4).max_by_key(|&k| (votes[k], 4 - k)).unwrap_or(0)];
        let id = out.entities.len();
        for &i in g {
            entity_of[i] = id;
        }
        let span = a.span(cands[best].start..cands[best].end);
        out.add(Entity::new(
            normalize_name(a.text.get(span.start..span.end).unwrap_or("")),
            kind,
        ));
    }
    for (i, c) in cands.iter().enumerate() {
        let span = a.span(c.start..c.end);
        if span.is_empty() || entity_of[i] == usize::MAX {
            continue;
        }
        out.push_mention(span, entity_of[i]);
    }
    out
}

/// A display name: inner whitespace runs folded to one space.
fn normalize_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::token_facts::TokInfo;

    #[test]
    fn seq_keys_are_words_key_of_each_prefix() {
        let infos: Vec<TokInfo> = (0..12u64)
            .map(|i| TokInfo {
                lower: i.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                ..TokInfo::default()
            })
            .collect();
        let a = Analysis {
            text: "",
            tokens: Vec::new(),
            sentences: Vec::new(),
            infos,
        };
        for end in [5, 12] {
            for start in 0..end {
                let mut keys = [0u64; MAX_NAME + 1];
                seq_keys(&a, start, end, &mut keys);
                for (len, &key) in keys.iter().enumerate().take(MAX_NAME.min(end - start) + 1) {
                    assert_eq!(key, a.words_key(start, start + len), "{start}+{len}");
                }
            }
        }
    }
}

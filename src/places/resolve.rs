//! Which place each place entity of a brief is: its canonical name, then its other
//! spellings, looked up in the table; a name several places share follows the
//! brief's other places (Georgia beside Tbilisi is the country, beside Atlanta
//! the state), and one still in doubt gets no place rather than a wrong one.

use super::table::{self, Place};
use std::collections::HashMap;

/// A place entity as the brief names it.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    /// The entity's canonical name.
    pub name: &'a str,
    /// The other ways the brief writes it, tried after the name.
    pub forms: &'a [&'a str],
}

/// What a candidate gains when other places of the brief are in its country:
/// enough to turn a state against a country of the same name (Georgia), never a
/// capital against a town (Moscow, Idaho).
const CONTEXT_BONUS: i32 = 3;
/// How far ahead of the next candidate a place must be to be taken without context.
const CLEAR_LEAD: i32 = 2;

/// Resolves each named place; `None` for a name the table does not know, for a
/// demonym, or for one whose candidates stay tied.
pub fn resolve(named: &[Named<'_>]) -> Vec<Option<Place>> {
    let candidates: Vec<Vec<Place>> = named.iter().map(candidates_of).collect();
    // First the names that are clear on their own; their countries are the context.
    let clear: Vec<Option<&str>> = candidates
        .iter()
        .map(|c| pick(c, &HashMap::new(), CLEAR_LEAD).map(|p| p.country))
        .collect();
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for c in clear.iter().flatten().filter(|c| !c.is_empty()) {
        *counts.entry(c).or_default() += 1;
    }
    candidates
        .iter()
        .zip(&clear)
        .map(|(cands, own)| {
            // A name is no context for itself.
            let mut context = counts.clone();
            if let Some(c) = own.and_then(|c| context.get_mut(c)) {
                *c -= 1;
            }
            pick(cands, &context, 1)
        })
        .collect()
}

/// The places the name and forms may mean: those of the first spelling the table knows.
fn candidates_of(n: &Named<'_>) -> Vec<Place> {
    std::iter::once(n.name)
        .chain(n.forms.iter().copied())
        .map(table::lookup)
        .find(|c| !c.is_empty())
        .unwrap_or_default()
}

/// The best candidate, if it leads the next distinct one by `lead`; candidates a
/// few kilometres apart (a city and its namesake district) are one answer.
fn pick(cands: &[Place], context: &HashMap<&str, i32>, lead: i32) -> Option<Place> {
    let worth = |p: &Place| {
        let bonus = if context.get(p.country).copied().unwrap_or(0) > 0 {
            CONTEXT_BONUS
        } else {
            0
        };
        i32::from(p.score) + bonus
    };
    let mut ranked: Vec<(i32, &Place)> = cands.iter().map(|p| (worth(p), p)).collect();
    // Higher worth first, then more people, then table order: deterministic.
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.population.cmp(&a.1.population))
            .then(a.1.id.cmp(&b.1.id))
    });
    let (best_worth, best) = *ranked.first()?;
    let rival = ranked.iter().skip(1).find(|(_, p)| !near(p, best));
    match rival {
        Some((w, _)) if best_worth - w < lead => None,
        _ => Some(*best),
    }
}

/// Within a degree: the same place for a map's purposes.
fn near(a: &Place, b: &Place) -> bool {
    (a.lat - b.lat).abs() < 1.0 && (a.lon - b.lon).abs() < 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(name: &str, others: &[&str]) -> Option<Place> {
        let mut all = vec![Named { name, forms: &[] }];
        all.extend(others.iter().map(|n| Named {
            name: n,
            forms: &[],
        }));
        resolve(&all)[0]
    }

    #[test]
    fn georgia_follows_the_briefs_other_places() {
        let caucasus = one("Georgia", &["Tbilisi", "Armenia"]).unwrap();
        assert_eq!((caucasus.feature, caucasus.country), ("country", "GE"));
        let south = one("Georgia", &["Atlanta", "Alabama", "Savannah"]).unwrap();
        assert_eq!((south.feature, south.country), ("region", "US"));
    }

    #[test]
    fn a_capital_beats_a_small_namesake_and_context_turns_a_close_call() {
        assert_eq!(one("Moscow", &[]).unwrap().country, "RU");
        // A brief on Washington and Moscow is about Russia's capital, not Idaho's town.
        let moscow = one("Moscow", &["Washington", "New York"]).unwrap();
        assert_eq!(moscow.country, "RU");
        // Alexandria is Egypt's, unless the brief is in Virginia.
        assert_eq!(one("Alexandria", &[]).unwrap().country, "EG");
        let virginia = one("Alexandria", &["Washington", "Richmond"]).unwrap();
        assert_eq!(virginia.country, "US");
    }

    #[test]
    fn spellings_are_tried_after_the_name_and_demonyms_are_no_place() {
        let forms = ["Nur-Sultan"];
        let named = [Named {
            name: "Nursultan City",
            forms: &forms,
        }];
        assert_eq!(resolve(&named)[0].unwrap().name, "Astana");
        assert_eq!(one("Kazakh", &[]), None);
        assert_eq!(one("Qwertyuiopistan", &[]), None);
    }
}

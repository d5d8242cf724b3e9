//! User corrections applied to the recognizer's output: retype a name, mark
//! it not an entity, merge an entity into another, add a name. Corrections
//! name entities by text (canonical name or any mention, case and spacing
//! ignored), so one correction applies in every brief. Pure functions: the
//! store and the keys that make corrections live elsewhere.

use super::{extract, Entities, Entity, Kind};
use crate::document::{Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A name and the kind it should have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub name: String,
    pub kind: Kind,
}

/// An entity to fold into another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merge {
    pub name: String,
    pub into: String,
}

/// Every correction a user made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Corrections {
    /// Names to show as another kind.
    pub retype: Vec<Named>,
    /// Names that are not entities.
    pub not_entity: Vec<String>,
    /// Entities merged into another (its canonical name wins).
    pub merge: Vec<Merge>,
    /// Names the recognizer missed.
    pub add: Vec<Named>,
}

impl Corrections {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.retype.is_empty()
            && self.not_entity.is_empty()
            && self.merge.is_empty()
            && self.add.is_empty()
    }
}

/// Entities of `doc` with the user's corrections applied.
pub fn extract_with(doc: &Document, corrections: &Corrections) -> Entities {
    apply(doc.text(), extract(doc), corrections)
}

/// Case- and spacing-insensitive form of a name.
pub(crate) fn key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One mention while corrections are applied.
struct Flat {
    span: Span,
    /// Canonical name of its entity.
    entity: String,
    kind: Kind,
}

/// Applies `c` to entities found in `text`.
pub fn apply(text: &str, found: Entities, c: &Corrections) -> Entities {
    if c.is_empty() {
        return found;
    }
    let mut flat: Vec<Flat> = found
        .mentions
        .iter()
        .filter_map(|m| {
            let e = found.entities.get(m.entity())?;
            Some(Flat {
                span: m.span(),
                entity: e.name.clone(),
                kind: e.kind,
            })
        })
        .collect();
    let mention_key = |f: &Flat| key(text.get(f.span.start..f.span.end).unwrap_or(""));
    for a in &c.add {
        add_name(text, &mut flat, a);
    }
    let dropped: Vec<String> = c.not_entity.iter().map(|n| key(n)).collect();
    flat.retain(|f| !dropped.contains(&key(&f.entity)) && !dropped.contains(&mention_key(f)));
    // Entity names a correction refers to, through any of their mentions.
    let mut names_of: HashMap<String, String> = HashMap::new();
    for f in &flat {
        names_of
            .entry(mention_key(f))
            .or_insert_with(|| f.entity.clone());
        names_of
            .entry(key(&f.entity))
            .or_insert_with(|| f.entity.clone());
    }
    let resolve = |n: &str| names_of.get(&key(n)).cloned();
    for m in &c.merge {
        let Some(from) = resolve(&m.name) else {
            continue;
        };
        let (into, kind) = match resolve(&m.into) {
            Some(into) => {
                let kind = flat.iter().find(|f| f.entity == into).map(|f| f.kind);
                (into, kind)
            }
            None => (m.into.trim().to_string(), None),
        };
        for f in flat.iter_mut().filter(|f| f.entity == from) {
            f.entity.clone_from(&into);
            if let Some(k) = kind {
                f.kind = k;
            }
        }
    }
    for r in &c.retype {
        let Some(name) = resolve(&r.name) else {
            continue;
        };
        // After a merge the old name may point at an entity renamed since.
        let name = c
            .merge
            .iter()
            .find(|m| key(&m.name) == key(&name))
            .and_then(|m| resolve(&m.into))
            .unwrap_or(name);
        for f in flat.iter_mut().filter(|f| f.entity == name) {
            f.kind = r.kind;
        }
    }
    rebuild(flat)
}

/// For each entity of `e` (corrected entities of `text`), whether a
/// correction names it, by its canonical name or one of its mentions.
pub fn touched(text: &str, e: &Entities, c: &Corrections) -> Vec<bool> {
    let names: std::collections::HashSet<String> = c
        .retype
        .iter()
        .chain(&c.add)
        .map(|n| key(&n.name))
        .chain(c.merge.iter().flat_map(|m| [key(&m.name), key(&m.into)]))
        .collect();
    if names.is_empty() {
        return vec![false; e.entities.len()];
    }
    // A big brief has millions of mentions but few distinct spellings: each is keyed once.
    let mut named: HashMap<&str, bool> = HashMap::new();
    let mut touched: Vec<bool> = e
        .entities
        .iter()
        .map(|x| names.contains(&key(&x.name)))
        .collect();
    for m in e.mentions() {
        if !touched[m.entity()]
            && text
                .get(m.span().start..m.span().end)
                .is_some_and(|t| *named.entry(t).or_insert_with(|| names.contains(&key(t))))
        {
            touched[m.entity()] = true;
        }
    }
    touched
}

/// Adds every whole-word occurrence of `a.name`, replacing what overlaps it.
fn add_name(text: &str, flat: &mut Vec<Flat>, a: &Named) {
    let name = a.name.trim();
    if name.is_empty() {
        return;
    }
    let existing = flat
        .iter()
        .find(|f| key(&f.entity) == key(name))
        .map_or_else(|| name.to_string(), |f| f.entity.clone());
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(name)) {
        let start = from + i;
        let end = start + name.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            found.push(Span::new(start, end));
        }
        from = end;
    }
    flat.retain(|f| !found.iter().any(|s| s.overlaps(f.span)));
    flat.extend(found.into_iter().map(|span| Flat {
        span,
        entity: existing.clone(),
        kind: a.kind,
    }));
    flat.sort_by_key(|f| f.span.start);
    for f in flat.iter_mut().filter(|f| f.entity == existing) {
        f.kind = a.kind;
    }
}

fn rebuild(mut flat: Vec<Flat>) -> Entities {
    flat.sort_by_key(|f| f.span.start);
    let mut out = Entities::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for f in flat {
        let id = *index
            .entry(key(&f.entity))
            .or_insert_with(|| out.add(Entity::new(f.entity.clone(), f.kind)));
        out.push_mention(f.span, id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        Document::from_text(
            "Defense Minister Daniyal Akhmetov met officials in Astana. Later Akhmetov said the \
             Border Guard Service and the KNB would cooperate. Such talks continue in Astana.",
        )
    }

    fn names(e: &Entities) -> Vec<(String, Kind, usize)> {
        let mut v: Vec<_> = e
            .entities
            .iter()
            .map(|x| (x.name.clone(), x.kind, x.count()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn no_corrections_change_nothing() {
        let d = doc();
        assert_eq!(extract_with(&d, &Corrections::default()), extract(&d));
    }

    #[test]
    fn retype_applies_to_every_mention_through_any_alias() {
        let d = doc();
        let c = Corrections {
            retype: vec![Named {
                name: "akhmetov".into(),
                kind: Kind::Misc,
            }],
            ..Corrections::default()
        };
        let e = extract_with(&d, &c);
        assert!(names(&e).contains(&("Daniyal Akhmetov".to_string(), Kind::Misc, 2)));
    }

    #[test]
    fn not_an_entity_removes_it() {
        let d = doc();
        let c = Corrections {
            not_entity: vec!["ASTANA".into()],
            ..Corrections::default()
        };
        let e = extract_with(&d, &c);
        assert!(e.entities.iter().all(|x| x.name != "Astana"));
        assert!(e
            .mentions
            .iter()
            .all(|m| m.span().slice(d.text()) != "Astana"));
    }

    #[test]
    fn add_and_merge() {
        let d = doc();
        let c = Corrections {
            add: vec![Named {
                name: "KNB".into(),
                kind: Kind::Organization,
            }],
            merge: vec![Merge {
                name: "KNB".into(),
                into: "Border Guard Service".into(),
            }],
            ..Corrections::default()
        };
        let e = extract_with(&d, &c);
        let bgs = e
            .entities
            .iter()
            .find(|x| x.name == "Border Guard Service")
            .expect("merged entity keeps its name");
        let texts: Vec<&str> = e
            .mentions()
            .iter()
            .filter(|m| e.entities[m.entity()].name == bgs.name)
            .map(|m| m.span().slice(d.text()))
            .collect();
        assert!(texts.contains(&"KNB"), "{texts:?}");
        assert!(e
            .mentions()
            .windows(2)
            .all(|w| w[0].span().end <= w[1].span().start));
    }

    #[test]
    fn corrections_round_trip_through_json() {
        let c = Corrections {
            retype: vec![Named {
                name: "Seymur".into(),
                kind: Kind::Misc,
            }],
            not_entity: vec!["Such".into()],
            merge: vec![Merge {
                name: "KNB".into(),
                into: "National Security Committee".into(),
            }],
            add: vec![Named {
                name: "KAZBRIG".into(),
                kind: Kind::Organization,
            }],
        };
        let json = serde_json::to_string(&c).expect("serializes");
        assert_eq!(
            serde_json::from_str::<Corrections>(&json).expect("parses"),
            c
        );
        assert_eq!(
            serde_json::from_str::<Corrections>("{}").expect("defaults"),
            Corrections::default()
        );
    }
}

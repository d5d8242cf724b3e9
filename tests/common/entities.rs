//! Helpers of the entity tests (tests/entities.rs, tests/organizations.rs): a
//! markup for expected names, and the structural promises every result keeps.

use folio::document::Document;
use folio::entities::{extract, Entities, Entity, Kind};

/// Parses `[Daniyal Akhmetov]{person} met ...` into plain text and the
/// expected (byte start, byte end, kind) spans.
pub fn parse_markup(marked: &str) -> (String, Vec<(usize, usize, Kind)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find("]{").expect("markup: ]{ after [");
        let name = &after[..close];
        let kind_end = after[close + 2..].find('}').expect("markup: closing }") + close + 2;
        let kind = match &after[close + 2..kind_end] {
            "person" => Kind::Person,
            "org" => Kind::Organization,
            "place" => Kind::Place,
            "misc" => Kind::Misc,
            other => panic!("markup: unknown kind {other}"),
        };
        spans.push((text.len(), text.len() + name.len(), kind));
        text.push_str(name);
        rest = &after[kind_end + 1..];
    }
    text.push_str(rest);
    (text, spans)
}

pub fn found(doc: &Document, e: &Entities) -> Vec<(usize, usize, Kind)> {
    let _ = doc;
    e.mentions()
        .iter()
        .map(|m| (m.span().start, m.span().end, e.entities[m.entity()].kind))
        .collect()
}

/// The entities of `text`, checked for their invariants.
pub fn extracted(text: &str) -> (Document, Entities) {
    let doc = Document::from_text(text);
    let e = extract(&doc);
    check_invariants(&doc, &e);
    (doc, e)
}

/// The entity named `name` (its canonical name); fails the test when there is none.
pub fn named<'a>(e: &'a Entities, name: &str) -> &'a Entity {
    e.entities
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no entity named {name}: {:?}", e.entities))
}

/// How the mentions of `ent` (one of `e`'s entities) write it, in text order.
pub fn forms<'t>(e: &Entities, ent: &Entity, text: &'t str) -> Vec<&'t str> {
    let id = e
        .entities
        .iter()
        .position(|x| std::ptr::eq(x, ent))
        .expect("an entity of e");
    e.mentions_of(id)
        .iter()
        .map(|&m| e.mentions()[m as usize].span().slice(text))
        .collect()
}

/// Checks the structural promises of [`Entities`].
pub fn check_invariants(doc: &Document, e: &Entities) {
    let text = doc.text();
    let mut last_end = 0;
    for (i, m) in e.mentions().iter().enumerate() {
        assert!(
            m.span().start >= last_end,
            "mentions sorted and disjoint at {i}"
        );
        assert!(m.span().start < m.span().end);
        let slice = text
            .get(m.span().start..m.span().end)
            .expect("span on char boundaries");
        assert_eq!(slice.trim(), slice, "no outer whitespace in {slice:?}");
        assert!(m.entity() < e.entities.len());
        last_end = m.span().end;
    }
    for (id, ent) in e.entities.iter().enumerate() {
        let of = e.mentions_of(id);
        assert!(!of.is_empty(), "entity {} has mentions", ent.name);
        assert_eq!(of.len(), ent.count(), "{}'s count", ent.name);
        assert!(
            of.iter().all(|&m| e.mentions()[m as usize].entity() == id),
            "{}'s mentions are its own",
            ent.name
        );
        assert!(!ent.name.is_empty());
    }
    let lists = e.mention_lists();
    assert_eq!(lists.len(), e.entities.len());
    for (id, list) in lists.iter().enumerate() {
        assert_eq!(*list, e.mentions_of(id), "entity {id}: one list either way");
    }
}

pub fn run(marked: &str) {
    let (text, expected) = parse_markup(marked);
    let doc = Document::from_text(&text);
    let e = extract(&doc);
    check_invariants(&doc, &e);
    let got = found(&doc, &e);
    let show = |v: &[(usize, usize, Kind)]| -> Vec<String> {
        v.iter()
            .map(|&(s, e, k)| format!("{}:{}", &text[s..e], k.name()))
            .collect()
    };
    assert_eq!(show(&got), show(&expected), "in {text:?}");
}

/// The kinds folio gives the mentions written exactly `name` in `text`.
pub fn kinds_of(text: &str, name: &str) -> Vec<Kind> {
    let (doc, e) = extracted(text);
    e.mentions()
        .iter()
        .filter(|m| &doc.text()[m.span().start..m.span().end] == name)
        .map(|m| e.entities[m.entity()].kind)
        .collect()
}

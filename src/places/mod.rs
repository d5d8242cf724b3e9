//! Places on a map: the brief's place entities resolved to coordinates from the
//! built-in table (GeoNames, Natural Earth), what each one is ("city in
//! Kazakhstan"), and the country borders to draw under them.

mod borders;
mod resolve;
mod table;

pub use borders::borders;
pub use resolve::{resolve, Named};
pub use table::{country_name, key, lookup, place, Place};

use crate::entities::{Entities, Kind};

/// A place entity of a brief with the place it resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The entity (an index into `Entities::entities`, or a library's entity ref).
    pub entity: usize,
    pub name: String,
    pub mentions: usize,
    pub place: Place,
}

impl Place {
    /// Where the place is, in words: "city in Kazakhstan", "region of Iran",
    /// "country", "sea".
    pub fn describe(&self) -> String {
        let country = country_name(self.country);
        match (self.feature, country) {
            ("country", _) => "country".to_owned(),
            ("region", Some(c)) => format!("region of {c}"),
            (f, Some(c)) => format!("{f} in {c}"),
            (f, None) => f.to_owned(),
        }
    }
}

/// A place entity to put on a map, as a brief or a library knows it.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// The entity's id where it comes from (a brief's or a library's).
    pub entity: usize,
    pub name: &'a str,
    /// The other ways it is written.
    pub forms: &'a [&'a str],
    pub mentions: usize,
}

/// The candidates that resolve to a place, most mentioned first (then by name).
pub fn locate_all(candidates: &[Candidate<'_>]) -> Vec<Located> {
    let named: Vec<Named<'_>> = candidates
        .iter()
        .map(|c| Named {
            name: c.name,
            forms: c.forms,
        })
        .collect();
    let mut out: Vec<Located> = candidates
        .iter()
        .zip(resolve(&named))
        .filter_map(|(c, place)| {
            Some(Located {
                entity: c.entity,
                name: c.name.to_owned(),
                mentions: c.mentions,
                place: place?,
            })
        })
        .collect();
    sort(&mut out);
    out
}

/// The place entities of a brief's `entities` (over `text`) that resolve: what
/// `folio places` prints and the map shows.
pub fn locate(text: &str, entities: &Entities) -> Vec<Located> {
    let ids: Vec<usize> = (0..entities.entities.len())
        .filter(|&i| entities.entities[i].kind == Kind::Place)
        .collect();
    let lists = entities.mention_lists();
    let forms: Vec<Vec<&str>> = ids
        .iter()
        .map(|&i| {
            let mut f: Vec<&str> = lists[i]
                .iter()
                .map(|&m| entities.mentions()[m as usize].span().slice(text))
                .collect();
            f.sort_unstable();
            f.dedup();
            f
        })
        .collect();
    let candidates: Vec<Candidate<'_>> = ids
        .iter()
        .zip(&forms)
        .map(|(&i, f)| Candidate {
            entity: i,
            name: &entities.entities[i].name,
            forms: f,
            mentions: entities.entities[i].count(),
        })
        .collect();
    locate_all(&candidates)
}

/// Most mentioned first, then by name.
pub fn sort(places: &mut [Located]) {
    places.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_name_the_country() {
        let astana = lookup("Astana")[0];
        assert_eq!(astana.describe(), "city in Kazakhstan");
        assert_eq!(lookup("Kazakhstan")[0].describe(), "country");
        assert_eq!(lookup("Caspian")[0].describe(), "sea");
    }
}

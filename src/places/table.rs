//! The coordinate table built into folio (`assets/places.tsv`, `assets/place_names.tsv`,
//! made by `scripts/build-places` from GeoNames and Natural Earth): lookups by
//! name without parsing the table first, so the first lookup costs a line index.

use std::sync::OnceLock;

/// One row of `assets/places.tsv`.
static PLACES: &str = include_str!("../../assets/places.tsv");
/// Sorted `key<TAB>row,row…` lines: every name and alias, folded by [`key`].
static NAMES: &str = include_str!("../../assets/place_names.tsv");

/// A place with coordinates: a country, first-level division, city, sea, lake,
/// river or physical feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Its row in the table: two mentions of one place have the same id.
    pub id: u32,
    pub name: &'static str,
    /// `country`, `region`, `city`, `sea`, `gulf`, `lake`, `river`, `mountain`, …
    pub feature: &'static str,
    /// ISO 3166-1 alpha-2 code, empty where none applies (seas, rivers).
    pub country: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// How likely a bare mention of the name means this place, 1 to 5 (a capital
    /// or a country 5, a city of a million 3, a town of 20,000 people 1).
    pub score: u8,
    /// People living there (cities and countries), else 0.
    pub population: u64,
}

/// The lookup key of a name: lower case, apostrophes dropped, other punctuation
/// (hyphens, periods, commas) as one space, a leading "the" dropped; the same
/// folding `scripts/build-places` applies, so "Nur-Sultan" finds "nur sultan".
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            '\'' | '\u{2019}' | '\u{02bc}' | '\u{02bb}' | '`' | '\u{2018}' => {}
            '-'
            | '\u{2010}'..='\u{2014}'
            | '.'
            | ','
            | '/'
            | '('
            | ')'
            | '"'
            | '\u{201c}'
            | '\u{201d}' => space = true,
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

/// Byte offsets of the table's lines, built on first use (well under a millisecond).
fn line_starts() -> &'static [u32] {
    static STARTS: OnceLock<Vec<u32>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut v = vec![0u32];
        v.extend(
            memchr::memchr_iter(b'\n', PLACES.as_bytes())
                .map(|i| (i + 1) as u32)
                .filter(|&i| (i as usize) < PLACES.len()),
        );
        v
    })
}

/// The place in row `id` of the table.
pub fn place(id: u32) -> Option<Place> {
    let starts = line_starts();
    let start = *starts.get(id as usize)? as usize;
    let end = starts
        .get(id as usize + 1)
        .map_or(PLACES.len(), |&e| e as usize);
    let mut f = PLACES[start..end].trim_end_matches('\n').split('\t');
    let name = f.next()?;
    let feature = f.next()?;
    let country = f.next()?;
    let lat = f.next()?.parse().ok()?;
    let lon = f.next()?.parse().ok()?;
    let score = f.next()?.parse().ok()?;
    let population = f.next()?.parse().ok()?;
    Some(Place {
        id,
        name,
        feature,
        country,
        lat,
        lon,
        score,
        population,
    })
}

/// Every place a name may mean (any spelling the table knows). A place the name
/// is only another spelling of (`~row` in the key file: Alexandria for Mashhad)
/// comes with a score one lower, so a place of that very name goes first.
pub fn lookup(name: &str) -> Vec<Place> {
    let k = key(name);
    if k.is_empty() {
        return Vec::new();
    }
    let Some(rows) = find_line(&k) else {
        return Vec::new();
    };
    rows.split(',')
        .filter_map(|r| {
            let (alias, r) = match r.strip_prefix('~') {
                Some(r) => (true, r),
                None => (false, r),
            };
            let mut p = place(r.parse().ok()?)?;
            if alias {
                p.score = p.score.saturating_sub(1).max(1);
            }
            Some(p)
        })
        .collect()
}

/// The rows listed for key `k`: a binary search over the sorted lines of
/// `place_names.tsv`, by byte position (no index needed).
fn find_line(k: &str) -> Option<&'static str> {
    let bytes = NAMES.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    // Invariant: every line starting before `lo` sorts before `k`; every line
    // starting at or after `hi` sorts after it.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = match memchr::memrchr(b'\n', &bytes[..mid]) {
            Some(i) => i + 1,
            None => 0,
        };
        let start = start.max(lo);
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &NAMES[start..end];
        let (key, rows) = line.split_once('\t')?;
        match key.cmp(k) {
            std::cmp::Ordering::Equal => return Some(rows),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// The English short name of the country with ISO code `cc` ("Kazakhstan" for KZ).
pub fn country_name(cc: &str) -> Option<&'static str> {
    static COUNTRIES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    let all = COUNTRIES.get_or_init(|| {
        // Countries come first in the table.
        (0..)
            .map_while(place)
            .take_while(|p| p.feature == "country")
            .filter(|p| !p.country.is_empty())
            .map(|p| (p.country, p.name))
            .collect()
    });
    all.iter().find(|(c, _)| *c == cc).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_punctuation_and_the() {
        assert_eq!(key("Nur-Sultan"), "nur sultan");
        assert_eq!(key("the  Caspian"), "caspian");
        assert_eq!(key("St. Petersburg"), "st petersburg");
        assert_eq!(key("Xi’an"), "xian");
        assert_eq!(key("Düsseldorf"), "düsseldorf");
    }

    #[test]
    fn spellings_of_one_city_find_the_same_row() {
        let astana = lookup("Astana");
        assert!(!astana.is_empty());
        for alias in ["Nur-Sultan", "Akmola", "Tselinograd", "NUR SULTAN"] {
            let found = lookup(alias);
            assert!(
                found.iter().any(|p| p.id == astana[0].id),
                "{alias}: {found:?}"
            );
        }
    }

    #[test]
    fn unknown_and_empty_names_find_nothing() {
        assert!(lookup("Qwertyuiopistan").is_empty());
        assert!(lookup("").is_empty());
        assert!(lookup("...").is_empty());
        assert!(place(u32::MAX).is_none());
    }

    #[test]
    fn country_names_by_code() {
        assert_eq!(country_name("KZ"), Some("Kazakhstan"));
        assert_eq!(country_name("ZZ"), None);
    }
}

//! `folio places FILE|DIR`: the brief's place entities with coordinates, one
//! record per place (`entity`, `kind`, `lat`, `lon`, `mentions`, `feature`,
//! `country`), and `file` for each brief of a folder.

use super::export::{InFile, Record, Rows};
use super::library::{by_path, has_items, open as open_library, Flags};
use super::output::emit;
use super::Failure;
use crate::config::ExportFormat;
use crate::display::{escape_controls, truncate};
use crate::document::Document;
use crate::entities::{self, Kind};
use crate::library::Library;
use crate::places::{self, Candidate, Located};
use serde::Serialize;
use std::path::PathBuf;

/// One place, as the machine formats print it.
#[derive(Serialize)]
struct PlaceJson<'a> {
    entity: &'a str,
    kind: &'static str,
    lat: f64,
    lon: f64,
    mentions: usize,
    feature: &'a str,
    /// ISO 3166-1 alpha-2, `null` where none applies (a sea, a river).
    country: Option<&'a str>,
}

impl<'a> PlaceJson<'a> {
    fn of(p: &'a Located) -> PlaceJson<'a> {
        PlaceJson {
            entity: &p.name,
            kind: Kind::Place.name(),
            lat: p.place.lat,
            lon: p.place.lon,
            mentions: p.mentions,
            feature: p.place.feature,
            country: (!p.place.country.is_empty()).then_some(p.place.country),
        }
    }
}

impl Record for PlaceJson<'_> {
    fn columns() -> Vec<&'static str> {
        vec![
            "entity", "kind", "lat", "lon", "mentions", "feature", "country",
        ]
    }
    fn fields(&self) -> Vec<String> {
        vec![
            self.entity.to_owned(),
            self.kind.to_owned(),
            self.lat.to_string(),
            self.lon.to_string(),
            self.mentions.to_string(),
            self.feature.to_owned(),
            self.country.unwrap_or("").to_owned(),
        ]
    }
}

/// The table's header and one row per place.
fn table(rows: &[(Option<String>, &Located)]) -> String {
    let with_file = rows.iter().any(|(f, _)| f.is_some());
    let mut out = String::new();
    if with_file {
        out.push_str(&format!("{:<28} ", "FILE"));
    }
    out.push_str(&format!(
        "{:>8}  {:<32} {:>7} {:>8}  {}\n",
        "MENTIONS", "PLACE", "LAT", "LON", "WHERE"
    ));
    for (file, p) in rows {
        if let Some(f) = file {
            out.push_str(&format!("{:<28} ", truncate(f, 28)));
        }
        out.push_str(&format!(
            "{:>8}  {:<32} {:>7.2} {:>8.2}  {}\n",
            p.mentions,
            truncate(&p.name, 32),
            p.place.lat,
            p.place.lon,
            escape_controls(&p.place.describe())
        ));
    }
    out
}

/// Prints the places of `doc`.
pub fn brief(
    doc: &Document,
    format: ExportFormat,
    corrections: &entities::Corrections,
) -> Result<(), Failure> {
    let found = entities::extract_with(doc, corrections);
    let t0 = std::time::Instant::now();
    let located = places::locate(doc.text(), &found);
    report_unresolved(&found, located.len());
    super::verbose(&format!(
        "{} places resolved in {:.1} ms",
        located.len(),
        t0.elapsed().as_secs_f64() * 1e3
    ));
    if format == ExportFormat::Table {
        let rows: Vec<(Option<String>, &Located)> = located.iter().map(|p| (None, p)).collect();
        return emit(&table(&rows));
    }
    let mut rows = Rows::start(format, &PlaceJson::columns());
    for p in &located {
        rows.push(&PlaceJson::of(p))?;
    }
    rows.finish()
}

/// With `--verbose`: how many place entities got no coordinates.
fn report_unresolved(found: &entities::Entities, resolved: usize) {
    let all = found
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Place)
        .count();
    if all > resolved {
        super::verbose(&format!(
            "{} place entities without coordinates (unknown or ambiguous)",
            all - resolved
        ));
    }
}

/// The places of each brief of a library, resolved brief by brief (a brief's own
/// places decide its ambiguous names), with the library's spellings of each.
pub(super) fn of_briefs(lib: &Library) -> Vec<(crate::library::BriefId, Vec<Located>)> {
    let forms: Vec<Vec<&str>> = lib
        .entities()
        .iter()
        .map(|e| e.forms.iter().map(|f| &**f).collect())
        .collect();
    by_path(lib)
        .into_iter()
        .map(|id| {
            let brief = &lib.briefs()[id as usize];
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for m in &brief.mentions {
                let e = m.entity as usize;
                if lib.entities().get(e).is_some_and(|x| x.kind == Kind::Place) {
                    match counts.iter_mut().find(|(id, _)| *id == e) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((e, 1)),
                    }
                }
            }
            let candidates: Vec<Candidate<'_>> = counts
                .iter()
                .map(|&(e, n)| Candidate {
                    entity: e,
                    name: &lib.entities()[e].name,
                    forms: &forms[e],
                    mentions: n,
                })
                .collect();
            (id, places::locate_all(&candidates))
        })
        .collect()
}

/// `folio places DIR`: each brief's places, with its file.
pub fn library(paths: &[PathBuf], format: ExportFormat, flags: Flags) -> Result<(), Failure> {
    let lib = open_library(paths, flags)?;
    let per_brief = of_briefs(&lib);
    let file_of = |id: crate::library::BriefId| {
        lib.briefs()[id as usize]
            .path
            .to_string_lossy()
            .into_owned()
    };
    if format == ExportFormat::Table {
        let rows: Vec<(Option<String>, &Located)> = per_brief
            .iter()
            .flat_map(|(id, ps)| ps.iter().map(move |p| (Some(file_of(*id)), p)))
            .collect();
        return emit(&table(&rows));
    }
    let item_column = has_items(&lib);
    let mut rows = Rows::start(format, &InFile::<PlaceJson>::columns_for(item_column));
    for (id, ps) in &per_brief {
        for p in ps {
            rows.push(&InFile {
                file: file_of(*id),
                item: lib.briefs()[*id as usize].item,
                item_column,
                record: PlaceJson::of(p),
            })?;
        }
    }
    rows.finish()
}

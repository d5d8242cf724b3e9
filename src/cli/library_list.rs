//! `folio library PATH... [--entity NAME] [--format table|json|jsonl|csv]`: a
//! library's briefs, newest first, or one entity's concordance across them, as
//! a table for people or records for tools (code-point offsets into each brief's
//! text, `"item"` for a feed's items).

use super::export::{InFile, Record, Rows};
use super::library::{by_path, has_items, open, Flags, Text};
use super::output::emit;
use super::Failure;
use crate::annotations::Store;
use crate::config::ExportFormat;
use crate::display::{escape_controls, truncate};
use crate::library::{kwic, BriefId, EntityMatch, EntityRef, Library};
use serde::Serialize;
use std::path::PathBuf;

/// One brief, as `folio library --format json` prints it.
#[derive(Serialize)]
struct BriefJson<'a> {
    title: &'a str,
    /// `YYYY-MM-DD`, or only `YYYY` when the year alone is known; null when not even that.
    date: Option<String>,
    publication: &'a str,
    /// Distinct entities the brief names.
    entities: usize,
    /// Dated events in it.
    events: usize,
    /// Annotations the user made on it.
    notes: usize,
}

impl Record for BriefJson<'_> {
    fn columns() -> Vec<&'static str> {
        vec![
            "title",
            "date",
            "publication",
            "entities",
            "events",
            "notes",
        ]
    }
    fn fields(&self) -> Vec<String> {
        vec![
            self.title.to_owned(),
            self.date.clone().unwrap_or_default(),
            self.publication.to_owned(),
            self.entities.to_string(),
            self.events.to_string(),
            self.notes.to_string(),
        ]
    }
}

/// One mention of a concordance, as `folio library --entity NAME --format json` prints it.
#[derive(Serialize)]
struct HitJson<'a> {
    start: usize,
    end: usize,
    text: String,
    entity: &'a str,
    kind: &'static str,
    /// The sentence around the mention, whitespace runs as one space.
    context: String,
}

impl Record for HitJson<'_> {
    fn columns() -> Vec<&'static str> {
        vec!["start", "end", "text", "entity", "kind", "context"]
    }
    fn fields(&self) -> Vec<String> {
        vec![
            self.start.to_string(),
            self.end.to_string(),
            self.text.clone(),
            self.entity.to_owned(),
            self.kind.to_owned(),
            self.context.clone(),
        ]
    }
}

/// `folio library DIR...`: the briefs newest first; with an entity, its concordance.
pub fn list(
    paths: &[PathBuf],
    entity: Option<&str>,
    format: ExportFormat,
    flags: Flags,
) -> Result<(), Failure> {
    let lib = open(paths, flags)?;
    match entity {
        Some(name) => {
            let e = find(&lib, name)?;
            match format {
                ExportFormat::Table => concordance_table(&lib, e),
                ExportFormat::Json => profile_json(&lib, e),
                _ => concordance_rows(&lib, e, format),
            }
        }
        None => match format {
            ExportFormat::Table => briefs_table(&lib),
            _ => brief_rows(&lib, format),
        },
    }
}

/// The entity `name` means; none, or several written so, is bad input naming them.
fn find(lib: &Library, name: &str) -> Result<EntityRef, Failure> {
    match lib.lookup_entity(name) {
        EntityMatch::One(e) => Ok(e),
        EntityMatch::Nothing => Err(Failure(format!(
            "no entity named or written '{name}' in the library"
        ))),
        EntityMatch::Several(candidates) => {
            let names: Vec<String> = candidates
                .iter()
                .take(8)
                .filter_map(|&e| lib.entity(e))
                .map(|e| format!("{} ({}, {} mentions)", e.name, e.kind.name(), e.mentions))
                .collect();
            let more = candidates.len().saturating_sub(names.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            Err(Failure(format!(
                "'{name}' is written for {} entities: {}{more}; give the full name",
                candidates.len(),
                names.join("; ")
            )))
        }
    }
}

fn file_name(lib: &Library, id: BriefId) -> String {
    lib.brief(id)
        .and_then(|b| b.path.file_name())
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn concordance_table(lib: &Library, e: EntityRef) -> Result<(), Failure> {
    let mut out = String::new();
    let mut texts: Vec<Option<Option<Text>>> = (0..lib.briefs().len()).map(|_| None).collect();
    for hit in lib.concordance(e) {
        let text = texts[hit.brief as usize].get_or_insert_with(|| Text::read(lib, hit.brief));
        let Some(k) = text.as_ref().and_then(|t| kwic(t.doc.text(), &hit, 40)) else {
            continue;
        };
        out.push_str(&format!(
            "{:<24} {:>41} [{}] {}\n",
            truncate(&file_name(lib, hit.brief), 24),
            k.left,
            k.keyword,
            k.right
        ));
    }
    emit(&out)
}

fn concordance_rows(lib: &Library, e: EntityRef, format: ExportFormat) -> Result<(), Failure> {
    let item_column = has_items(lib);
    let mut rows = Rows::start(format, &InFile::<HitJson>::columns_for(item_column));
    for_each_hit(lib, e, |hit| rows.push(&hit))?;
    rows.finish()
}

/// Where an entity was first or last seen: the brief's date and file.
#[derive(Serialize)]
struct SeenJson {
    date: Option<String>,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<u32>,
}

/// An entity named in the same sentences, and how many it shares.
#[derive(Serialize)]
struct RelatedJson<'a> {
    entity: &'a str,
    kind: &'static str,
    sentences: u32,
}

/// `folio library --entity NAME --format json`: the entity's profile with its concordance.
#[derive(Serialize)]
struct ProfileJson<'a> {
    entity: &'a str,
    kind: &'static str,
    mentions: u32,
    briefs: u32,
    first_seen: Option<SeenJson>,
    last_seen: Option<SeenJson>,
    /// Mentions per month (`YYYY-MM`) of the briefs whose month is known.
    months: std::collections::BTreeMap<String, u32>,
    related: Vec<RelatedJson<'a>>,
    concordance: Vec<InFile<HitJson<'a>>>,
}

/// Entities listed under `related` at most.
const RELATED: usize = 50;

fn profile_json(lib: &Library, e: EntityRef) -> Result<(), Failure> {
    let p = lib.profile(e);
    let ent = &lib.entities()[e as usize];
    let seen = |id: Option<BriefId>| {
        let b = lib.brief(id?)?;
        Some(SeenJson {
            date: date_of(lib, id?),
            file: b.path.to_string_lossy().into_owned(),
            item: b.item,
        })
    };
    let mut concordance = Vec::new();
    for_each_hit(lib, e, |hit| {
        concordance.push(hit);
        Ok(())
    })?;
    let out = ProfileJson {
        entity: &ent.name,
        kind: ent.kind.name(),
        mentions: p.mentions,
        briefs: p.briefs,
        first_seen: seen(p.first_seen),
        last_seen: seen(p.last_seen),
        months: p
            .months
            .iter()
            .map(|(&m, &n)| (crate::library::profile::month_label(m), n))
            .collect(),
        related: p
            .related
            .iter()
            .take(RELATED)
            .filter_map(|&(r, n)| {
                let x = lib.entity(r)?;
                Some(RelatedJson {
                    entity: &x.name,
                    kind: x.kind.name(),
                    sentences: n,
                })
            })
            .collect(),
        concordance,
    };
    let mut json = serde_json::to_string_pretty(&out)
        .map_err(|e| Failure(format!("cannot write JSON: {e}")))?;
    json.push('\n');
    emit(&json)
}

/// Each mention of `e` as a record, oldest brief first (briefs that cannot be
/// read as indexed left out, with a notice).
fn for_each_hit<'a>(
    lib: &'a Library,
    e: EntityRef,
    mut f: impl FnMut(InFile<HitJson<'a>>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let item_column = has_items(lib);
    let ent = &lib.entities()[e as usize];
    let mut texts: Vec<Option<Option<Text>>> = (0..lib.briefs().len()).map(|_| None).collect();
    for hit in lib.concordance(e) {
        let brief = &lib.briefs()[hit.brief as usize];
        let text = texts[hit.brief as usize].get_or_insert_with(|| Text::read(lib, hit.brief));
        let Some(text) = text.as_ref() else { continue };
        let Some((start, end, slice)) = text.span(hit.span) else {
            continue;
        };
        let context = text
            .doc
            .text()
            .get(hit.sentence.start..hit.sentence.end)
            .unwrap_or(slice)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        f(InFile {
            file: brief.path.to_string_lossy().into_owned(),
            item: brief.item,
            item_column,
            record: HitJson {
                start,
                end,
                text: slice.to_owned(),
                entity: &ent.name,
                kind: ent.kind.name(),
                context,
            },
        })?;
    }
    Ok(())
}

fn date_of(lib: &Library, id: BriefId) -> Option<String> {
    let s = &lib.brief(id)?.summary;
    match (s.date, s.year) {
        (Some(d), _) => Some(d.to_string()),
        (None, Some(y)) => Some(format!("{y:04}")),
        (None, None) => None,
    }
}

fn briefs_table(lib: &Library) -> Result<(), Failure> {
    let mut out = format!(
        "{:<10} {:<24} {:<6} {:<50} {}\n",
        "DATE", "PUBLICATION", "ISSUE", "TITLE", "TOP ENTITIES"
    );
    for &id in lib.order() {
        let s = &lib.briefs()[id as usize].summary;
        let top: Vec<&str> = lib
            .top_entities(id, 3)
            .into_iter()
            .map(|e| &*lib.entities()[e as usize].name)
            .collect();
        out.push_str(&format!(
            "{:<10} {:<24} {:<6} {:<50} {}\n",
            date_of(lib, id).unwrap_or_else(|| "—".to_owned()),
            truncate(&s.publication, 24),
            truncate(&s.issue, 6),
            truncate(&s.title, 50),
            truncate(&top.join(", "), 60)
        ));
    }
    for s in &lib.skipped {
        out.push_str(&format!(
            "skipped: {}: {}\n",
            escape_controls(&s.path.display().to_string()),
            escape_controls(&s.reason)
        ));
    }
    emit(&out)
}

/// The briefs in path order (a feed's items in file order), one record each.
fn brief_rows(lib: &Library, format: ExportFormat) -> Result<(), Failure> {
    let item_column = has_items(lib);
    let mut rows = Rows::start(format, &InFile::<BriefJson>::columns_for(item_column));
    let notes = Notes::new();
    for id in by_path(lib) {
        let b = &lib.briefs()[id as usize];
        let mut entities: Vec<EntityRef> = b.mentions.iter().map(|m| m.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        rows.push(&InFile {
            file: b.path.to_string_lossy().into_owned(),
            item: b.item,
            item_column,
            record: BriefJson {
                title: &b.summary.title,
                date: date_of(lib, id),
                publication: &b.summary.publication,
                entities: entities.len(),
                events: b.events.len(),
                notes: notes.count(lib, id),
            },
        })?;
    }
    rows.finish()
}

/// The annotation store, if it holds any notes at all: without, no brief is read to count them.
struct Notes(Option<Store>);

impl Notes {
    fn new() -> Notes {
        let store = Store::from_env().filter(|s| {
            std::fs::read_dir(s.dir()).is_ok_and(|mut d| {
                d.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json")))
            })
        });
        Notes(store)
    }

    /// The brief's notes, found as the reader finds them (a feed item's by its text alone).
    fn count(&self, lib: &Library, id: BriefId) -> usize {
        let (Some(store), Some(b)) = (&self.0, lib.brief(id)) else {
            return 0;
        };
        match lib.document(id) {
            Ok(r) => store.count(&r.doc, b.item.is_none().then_some(b.path.as_path())),
            Err(_) => 0,
        }
    }
}

//! Reports over a library (a folder or several files): `folio entities DIR` and
//! `folio timeline DIR` (each record gains `"file"`, and `"item"` for a feed's
//! items), the library's opening with the command line's flags, and timing
//! figures for the benchmark. `folio library`'s listings are in `library_list`.

use super::export::{InFile, Rows};
use super::output::emit;
use super::report::{to_json, MentionJson, TimexJson};
use super::Failure;
use crate::config::ExportFormat;
use crate::date::Date;
use crate::display::truncate;
use crate::document::{Document, Span};
use crate::library::{self, kwic, BriefId, Library, Options};
use std::path::PathBuf;
use std::time::Instant;

/// What the command line sets about how a library is read and extracted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags {
    /// `--published`: the date of briefs without one of their own.
    pub published: Option<Date>,
    /// `--no-corrections`: the recognizer's own entities.
    pub no_corrections: bool,
}

/// Opens and indexes the library at `paths`; no brief at all is bad input.
pub(super) fn open(paths: &[PathBuf], flags: Flags) -> Result<Library, Failure> {
    let t0 = Instant::now();
    let lib = library::open_blocking(paths, &user_options(flags));
    super::verbose(&format!(
        "library: {} briefs indexed ({} skipped) in {:.1} ms",
        lib.briefs().len(),
        lib.skipped.len(),
        t0.elapsed().as_secs_f64() * 1e3
    ));
    for s in &lib.skipped {
        super::verbose(&format!("skipped {}: {}", s.path.display(), s.reason));
    }
    if lib.briefs().is_empty() {
        return Err(Failure(library::nothing_found(paths, &lib.skipped)));
    }
    Ok(lib)
}

/// Brief ids in path order (a feed's items in file order): stable output for tools.
pub(super) fn by_path(lib: &Library) -> Vec<BriefId> {
    let mut ids: Vec<BriefId> = (0..lib.briefs().len() as BriefId).collect();
    ids.sort_by(|&a, &b| {
        let (x, y) = (&lib.briefs()[a as usize], &lib.briefs()[b as usize]);
        (&x.path, x.item).cmp(&(&y.path, y.item))
    });
    ids
}

/// Whether the library holds feed items (its CSV then has an `item` column).
pub(super) fn has_items(lib: &Library) -> bool {
    lib.briefs().iter().any(|b| b.item.is_some())
}

/// A brief's document as indexed, for spans turned into code-point offsets.
pub(super) struct Text {
    pub doc: Document,
}

impl Text {
    /// The brief's document; `None`, with a notice, if it cannot be read or has
    /// changed since it was indexed (its offsets would be wrong).
    pub fn read(lib: &Library, id: BriefId) -> Option<Text> {
        let path = || {
            lib.brief(id)
                .map_or_else(String::new, |b| b.path.display().to_string())
        };
        match lib.document(id) {
            Ok(r) if !r.changed => Some(Text { doc: r.doc }),
            Ok(_) => {
                super::notice(&format!(
                    "{}: changed while it was read; left out (run again)",
                    path()
                ));
                None
            }
            Err(e) => {
                super::notice(&format!("{}: {e}", path()));
                None
            }
        }
    }

    /// Code-point offsets and the slice, if the span fits the text.
    pub fn span(&self, span: Span) -> Option<(usize, usize, &str)> {
        let slice = self.doc.text().get(span.start..span.end)?;
        Some((
            self.doc.char_offset(span.start),
            self.doc.char_offset(span.end),
            slice,
        ))
    }
}

/// `folio entities DIR`: every mention with its file (JSON), or entities across briefs (table).
pub fn entities(paths: &[PathBuf], format: ExportFormat, flags: Flags) -> Result<(), Failure> {
    let lib = open(paths, flags)?;
    if format == ExportFormat::Table {
        let mut out = format!(
            "{:<13} {:>6} {:>8}  {}\n",
            "KIND", "BRIEFS", "MENTIONS", "ENTITY"
        );
        for &e in lib.ranking() {
            let ent = &lib.entities()[e as usize];
            out.push_str(&format!(
                "{:<13} {:>6} {:>8}  {}\n",
                ent.kind.name(),
                ent.briefs,
                ent.mentions,
                crate::display::escape_controls(&ent.name)
            ));
        }
        return emit(&out);
    }
    let item_column = has_items(&lib);
    let mut rows = Rows::start(format, &InFile::<MentionJson>::columns_for(item_column));
    for id in by_path(&lib) {
        let brief = &lib.briefs()[id as usize];
        let Some(text) = Text::read(&lib, id) else {
            continue;
        };
        let file = brief.path.to_string_lossy().into_owned();
        for m in &brief.mentions {
            let Some((start, end, slice)) = text.span(m.span.span()) else {
                continue;
            };
            let ent = &lib.entities()[m.entity as usize];
            let row = InFile {
                file: file.clone(),
                item: brief.item,
                item_column,
                record: MentionJson {
                    start,
                    end,
                    text: slice,
                    kind: ent.kind.name(),
                    entity: &ent.name,
                },
            };
            rows.push(&row)?;
        }
    }
    rows.finish()
}

/// `folio timeline DIR`: every expression with its file (JSON), or one timeline across briefs.
pub fn timeline(paths: &[PathBuf], format: ExportFormat, flags: Flags) -> Result<(), Failure> {
    let lib = open(paths, flags)?;
    if format == ExportFormat::Table {
        let mut out = format!(
            "{:<16} {:<9} {:<28} {}\n",
            "VALUE", "TYPE", "FILE", "SENTENCE"
        );
        let mut texts: Vec<Option<Option<String>>> = vec![None; lib.briefs().len()];
        for (id, ev) in lib.timeline(None) {
            let brief = &lib.briefs()[id as usize];
            let text = texts[id as usize].get_or_insert_with(|| lib.text(id).ok());
            let sentence = text
                .as_deref()
                .and_then(|t| t.get(ev.sentence.start as usize..ev.sentence.end as usize))
                .unwrap_or("");
            let name = brief
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let flag = if ev.resolved { "" } else { " ?" };
            out.push_str(&format!(
                "{:<16} {:<9} {:<28} {}\n",
                truncate(&format!("{}{flag}", ev.value), 16),
                ev.kind.name(),
                truncate(&name, 28),
                truncate(
                    &sentence.split_whitespace().collect::<Vec<_>>().join(" "),
                    90
                )
            ));
        }
        return emit(&out);
    }
    let item_column = has_items(&lib);
    let mut rows = Rows::start(format, &InFile::<TimexJson>::columns_for(item_column));
    for id in by_path(&lib) {
        let brief = &lib.briefs()[id as usize];
        let Some(text) = Text::read(&lib, id) else {
            continue;
        };
        let file = brief.path.to_string_lossy().into_owned();
        let mut events: Vec<_> = brief.events.iter().collect();
        events.sort_by_key(|e| e.span.start);
        for ev in events {
            let Some((start, end, slice)) = text.span(ev.span.span()) else {
                continue;
            };
            let row = InFile {
                file: file.clone(),
                item: brief.item,
                item_column,
                record: TimexJson {
                    start,
                    end,
                    text: slice,
                    kind: ev.kind.name(),
                    value: &ev.value,
                },
            };
            rows.push(&row)?;
        }
    }
    rows.finish()
}

/// `folio library DIR --stats`: how long each stage took, as JSON, for `scripts/bench-library`.
pub fn stats(paths: &[PathBuf], entity: Option<&str>, flags: Flags) -> Result<(), Failure> {
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let (mut lib, indexer) = library::open(paths, &user_options(flags));
    let open_ms = ms(t);
    let report = lib.report.clone();
    let t = Instant::now();
    lib.wait(indexer);
    let index_ms = ms(t);
    let t = Instant::now();
    let saved = lib.save();
    let save_ms = ms(t);
    let chosen = match entity {
        Some(name) => lib.find_entity(name),
        None => lib.ranking().first().copied(),
    };
    let mut concordance = serde_json::Value::Null;
    if let Some(e) = chosen {
        let t = Instant::now();
        let hits = lib.concordance(e);
        let hits_ms = ms(t);
        // What a screen shows: the first 50 lines, each read from its brief.
        let t = Instant::now();
        let mut texts: Vec<Option<Option<String>>> = vec![None; lib.briefs().len()];
        let shown = hits
            .iter()
            .take(50)
            .filter(|h| {
                let text = texts[h.brief as usize].get_or_insert_with(|| lib.text(h.brief).ok());
                text.as_deref().and_then(|t| kwic(t, h, 40)).is_some()
            })
            .count();
        let screen_ms = hits_ms + ms(t);
        let t = Instant::now();
        let all = hits
            .iter()
            .filter(|h| {
                let text = texts[h.brief as usize].get_or_insert_with(|| lib.text(h.brief).ok());
                text.as_deref().and_then(|t| kwic(t, h, 40)).is_some()
            })
            .count();
        let all_ms = ms(t);
        let t = Instant::now();
        let p = lib.profile(e);
        let profile_ms = ms(t);
        // The library view's search for the entity's name: its first screen (a
        // 40-row terminal's 36 rows), then every hit.
        let name = lib.entities()[e as usize].name.to_string();
        let mut search = serde_json::Value::Null;
        if let Some(q) = library::Query::parse(&name) {
            let far = Instant::now() + std::time::Duration::from_secs(3600);
            let t = Instant::now();
            let mut job = library::TextSearch::new(q, &lib);
            let first = job.step(&lib, 36, far, 0);
            let first_ms = ms(t);
            let mut hits = first.hits.len();
            let mut done = first.done;
            while !done {
                let more = job.step(&lib, usize::MAX, far, hits);
                hits += more.hits.len();
                done = more.done;
            }
            search = serde_json::json!({
                "query": name,
                "first_screen_ms": first_ms,
                "all_hits_ms": ms(t),
                "hits": hits,
            });
        }
        concordance = serde_json::json!({
            "search": search,
            "profile_ms": profile_ms,
            "profile_months": p.months.len(),
            "profile_related": p.related.len(),
            "entity": lib.entities()[e as usize].name,
            "mentions": hits.len(),
            "briefs": lib.entities()[e as usize].briefs,
            "hits_ms": hits_ms,
            "first_screen_ms": screen_ms,
            "first_screen_lines": shown,
            "all_lines_ms": all_ms,
            "all_lines": all,
        });
    }
    let mentions: usize = lib.briefs().iter().map(|b| b.mentions.len()).sum();
    let events: usize = lib.briefs().iter().map(|b| b.events.len()).sum();
    let stats = serde_json::json!({
        "briefs": lib.briefs().len(),
        "skipped": lib.skipped.len(),
        "entities": lib.ranking().len(),
        "mentions": mentions,
        "events": events,
        "cached": report.cached,
        "indexed": report.queued,
        "removed": report.removed,
        "cache_miss": report.miss.map(|m| format!("{m:?}")),
        "cache_file": lib.cache_file().map(|p| p.to_string_lossy().into_owned()),
        "cache_bytes": lib.cache_file().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()),
        "cache_saved": saved.is_ok(),
        "open_ms": open_ms,
        "open_scan_ms": report.scan.as_secs_f64() * 1000.0,
        "open_load_ms": report.load.as_secs_f64() * 1000.0,
        "open_refresh_ms": report.refresh.as_secs_f64() * 1000.0,
        "index_ms": index_ms,
        "save_ms": save_ms,
        "concordance": concordance,
        "peak_rss_kb": peak_rss_kb(),
    });
    emit(&(to_json(&stats)?))
}

/// Peak resident memory of this process (Linux `VmHWM`), if known.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The default options with the user's stored corrections (a damaged store is
/// reported) unless `--no-corrections`, and `--published`.
fn user_options(flags: Flags) -> Options {
    Options {
        corrections: std::sync::Arc::new(super::corrections::for_report(flags.no_corrections)),
        published: flags.published,
        ..Options::default()
    }
}

//! Reports over a library (a folder or several files): `folio entities DIR`,
//! `folio timeline DIR` (each JSON object gains `"file"`), and `folio library`
//! (the briefs newest first, a concordance, or timing figures for the benchmark).

use super::export::{InFile, Record, Rows};
use super::output::emit;
use super::report::{to_json, MentionJson, TimexJson};
use super::Failure;
use crate::config::ExportFormat;
use crate::display::{escape_controls, truncate};
use crate::document::CharIndex;
use crate::library::{self, kwic, BriefId, Library, Options};
use std::path::PathBuf;
use std::time::Instant;

fn open(paths: &[PathBuf]) -> Result<Library, Failure> {
    let t0 = Instant::now();
    let lib = library::open_blocking(paths, &user_options());
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
        let place = paths
            .first()
            .map_or_else(String::new, |p| format!("{}: ", p.display()));
        let why = lib.skipped.first().map_or_else(
            || "no .txt briefs found".to_owned(),
            |s| format!("no readable briefs ({}: {})", s.path.display(), s.reason),
        );
        return Err(Failure(format!("{place}{why}")));
    }
    Ok(lib)
}

/// Brief ids in path order: stable output for tools.
fn by_path(lib: &Library) -> Vec<BriefId> {
    let mut ids: Vec<BriefId> = (0..lib.briefs().len() as BriefId).collect();
    ids.sort_by(|&a, &b| {
        lib.briefs()[a as usize]
            .path
            .cmp(&lib.briefs()[b as usize].path)
    });
    ids
}

/// A brief's text and its code-point index, for spans turned into JSON offsets.
struct Text {
    text: String,
    chars: CharIndex,
}

impl Text {
    fn read(lib: &Library, id: BriefId) -> Option<Text> {
        let text = lib.text(id).ok()?;
        let chars = CharIndex::new(&text);
        Some(Text { text, chars })
    }

    /// Code-point offsets and the slice, if the span still fits the text.
    fn span(&self, start: u32, end: u32) -> Option<(usize, usize, &str)> {
        let (s, e) = (start as usize, end as usize);
        let slice = self.text.get(s..e)?;
        Some((
            self.chars.char_of_byte(&self.text, s),
            self.chars.char_of_byte(&self.text, e),
            slice,
        ))
    }
}

/// `folio entities DIR`: every mention with its file (JSON), or entities across briefs (table).
pub fn entities(paths: &[PathBuf], format: ExportFormat) -> Result<(), Failure> {
    let lib = open(paths)?;
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
                escape_controls(&ent.name)
            ));
        }
        return emit(&out);
    }
    let mut rows = Rows::start(format, &InFile::<MentionJson>::columns());
    for id in by_path(&lib) {
        let brief = &lib.briefs()[id as usize];
        let Some(text) = Text::read(&lib, id) else {
            continue;
        };
        let file = brief.path.to_string_lossy().into_owned();
        for m in &brief.mentions {
            let Some((start, end, slice)) = text.span(m.span.start, m.span.end) else {
                continue;
            };
            let ent = &lib.entities()[m.entity as usize];
            let row = InFile {
                file: file.clone(),
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
pub fn timeline(paths: &[PathBuf], format: ExportFormat) -> Result<(), Failure> {
    let lib = open(paths)?;
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
    let mut rows = Rows::start(format, &InFile::<TimexJson>::columns());
    for id in by_path(&lib) {
        let brief = &lib.briefs()[id as usize];
        let Some(text) = Text::read(&lib, id) else {
            continue;
        };
        let file = brief.path.to_string_lossy().into_owned();
        let mut events: Vec<_> = brief.events.iter().collect();
        events.sort_by_key(|e| e.span.start);
        for ev in events {
            let Some((start, end, slice)) = text.span(ev.span.start, ev.span.end) else {
                continue;
            };
            let row = InFile {
                file: file.clone(),
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

/// `folio library DIR...`: the briefs newest first; with an entity, its concordance.
pub fn list(paths: &[PathBuf], entity: Option<&str>) -> Result<(), Failure> {
    let lib = open(paths)?;
    let mut out = String::new();
    if let Some(name) = entity {
        let e = lib
            .find_entity(name)
            .ok_or_else(|| Failure(format!("no entity named '{name}' in the library")))?;
        let mut texts: Vec<Option<Option<String>>> = vec![None; lib.briefs().len()];
        for hit in lib.concordance(e) {
            let brief = &lib.briefs()[hit.brief as usize];
            let text = texts[hit.brief as usize].get_or_insert_with(|| lib.text(hit.brief).ok());
            let Some(k) = text.as_deref().and_then(|t| kwic(t, &hit, 40)) else {
                continue;
            };
            let name = brief
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            out.push_str(&format!(
                "{:<24} {:>41} [{}] {}\n",
                truncate(&name, 24),
                k.left,
                k.keyword,
                k.right
            ));
        }
        return emit(&out);
    }
    out.push_str(&format!(
        "{:<10} {:<24} {:<6} {:<50} {}\n",
        "DATE", "PUBLICATION", "ISSUE", "TITLE", "TOP ENTITIES"
    ));
    for &id in lib.order() {
        let b = &lib.briefs()[id as usize];
        let s = &b.summary;
        let date = match (s.date, s.year) {
            (Some(d), _) => d.to_string(),
            (None, Some(y)) => y.to_string(),
            (None, None) => "—".to_owned(),
        };
        let top: Vec<&str> = lib
            .top_entities(id, 3)
            .into_iter()
            .map(|e| &*lib.entities()[e as usize].name)
            .collect();
        out.push_str(&format!(
            "{:<10} {:<24} {:<6} {:<50} {}\n",
            date,
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

/// `folio library DIR --stats`: how long each stage took, as JSON, for `scripts/bench-library`.
pub fn stats(paths: &[PathBuf], entity: Option<&str>) -> Result<(), Failure> {
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let (mut lib, indexer) = library::open(paths, &user_options());
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
        concordance = serde_json::json!({
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

/// The default options with the user's stored corrections (a damaged store is reported).
fn user_options() -> Options {
    Options {
        corrections: std::sync::Arc::new(super::corrections::for_report(false)),
        ..Options::default()
    }
}

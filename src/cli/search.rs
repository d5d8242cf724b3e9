//! `folio search PATH... QUERY [--format table|json|jsonl|csv]`: every hit of a
//! word or phrase in the text of every brief under the paths (each feed item a
//! brief), newest brief first, one record per hit with code-point offsets into
//! the text `folio text FILE` prints. Files are read without the library's
//! index: threads read and search them, a plain-text brief's date read from
//! its header alone.

use super::export::{InFile, Record, Rows};
use super::output::emit;
use super::Failure;
use crate::config::ExportFormat;
use crate::date::Date;
use crate::display::{escape_controls, truncate};
use crate::document::{decode_owned, read_bytes, Document, Published, Span};
use crate::formats::{self, Format};
use crate::library::search::line_around;
use crate::library::{scan, Found, Query};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Context kept each side of a hit, in bytes, when its line is longer.
const REACH: usize = 200;

/// One hit, as `folio search --format json` prints it (after `file`, and `item` for a feed item).
#[derive(Serialize)]
struct HitJson {
    /// Code points into the brief's text.
    start: usize,
    end: usize,
    text: String,
    /// The line around the hit, whitespace runs as one space.
    context: String,
}

impl Record for HitJson {
    fn columns() -> Vec<&'static str> {
        vec!["start", "end", "text", "context"]
    }
    fn fields(&self) -> Vec<String> {
        vec![
            self.start.to_string(),
            self.end.to_string(),
            self.text.clone(),
            self.context.clone(),
        ]
    }
}

/// A brief with hits: where it is, its date (sort key) and its text.
struct BriefHits {
    path: PathBuf,
    item: Option<u32>,
    date: (i32, u32, u32),
    shown_date: String,
    text: String,
    hits: Vec<Span>,
}

/// `folio search PATH... QUERY`.
pub fn run(
    paths: &[PathBuf],
    query: &str,
    format: ExportFormat,
    published: Option<Date>,
) -> Result<(), Failure> {
    let q = Query::parse(query)
        .ok_or_else(|| Failure("nothing to search for: the query is empty".into()))?;
    let found = scan(paths);
    if found.files.is_empty() {
        return Err(Failure(crate::library::nothing_found(
            paths,
            &found.skipped,
        )));
    }
    for s in &found.skipped {
        super::verbose(&format!("skipped {}: {}", s.path.display(), s.reason));
    }
    let mut briefs = search_files(&found.files, &q, published);
    briefs.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| (&a.path, a.item).cmp(&(&b.path, b.item)))
    });
    let hits: usize = briefs.iter().map(|b| b.hits.len()).sum();
    super::verbose(&format!("{hits} hits in {} briefs", briefs.len()));
    match format {
        ExportFormat::Table => table(&briefs, &q),
        _ => rows(&briefs, format),
    }
}

/// Reads and searches `files` on two threads; the briefs with hits, in no order.
fn search_files(files: &[Found], q: &Query, published: Option<Date>) -> Vec<BriefHits> {
    let next = AtomicUsize::new(0);
    let out = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut mine = Vec::new();
                while let Some(f) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    match search_file(&f.path, q, published) {
                        Ok(b) => mine.extend(b),
                        Err(e) => super::notice(&format!("{}: {e}", f.path.display())),
                    }
                }
                if let Ok(mut all) = out.lock() {
                    all.extend(mine);
                }
            });
        }
    });
    out.into_inner().unwrap_or_default()
}

/// The briefs of one file that have hits. A plain-text file is searched as
/// decoded, its date read from its header alone; other formats are converted.
fn search_file(path: &Path, q: &Query, published: Option<Date>) -> Result<Vec<BriefHits>, String> {
    let (bytes, _) = read_bytes(path).map_err(|e| e.to_string())?;
    let plain = formats::by_name(path) == Some(Format::Text)
        && formats::detect(path, &bytes) == Format::Text;
    let texts: Vec<(Option<usize>, String, Published)> = if plain {
        let text = decode_owned(bytes).map_err(|e| e.to_string())?.text;
        let p = Document::published_in_header(&text);
        vec![(None, text, p)]
    } else {
        formats::briefs_of(path, bytes)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|b| {
                let p = b.doc.published();
                (b.item, b.doc.text().to_owned(), p)
            })
            .collect()
    };
    Ok(texts
        .into_iter()
        .filter_map(|(item, text, p)| {
            let hits = q.find(&text, crate::library::search::MAX_HITS);
            if hits.is_empty() {
                return None;
            }
            // `--published` dates the briefs without a date of their own, as in a library.
            let date = p.date.or(published);
            let (date, shown_date) = match (date, p.year) {
                (Some(d), _) => ((d.year, d.month, d.day), d.to_string()),
                (None, Some(y)) => ((y, 0, 0), format!("{y:04}")),
                (None, None) => ((i32::MIN, 0, 0), "—".to_owned()),
            };
            Some(BriefHits {
                path: path.to_path_buf(),
                item: item.and_then(|i| u32::try_from(i).ok()),
                date,
                shown_date,
                text,
                hits,
            })
        })
        .collect())
}

/// The line around `hit`, whitespace runs as one space.
fn context(text: &str, hit: Span) -> String {
    let line = line_around(text, hit, REACH);
    text[line.start..line.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn rows(briefs: &[BriefHits], format: ExportFormat) -> Result<(), Failure> {
    let item_column = briefs.iter().any(|b| b.item.is_some());
    let mut rows = Rows::start(format, &InFile::<HitJson>::columns_for(item_column));
    for b in briefs {
        // Hits come in text order: code points are counted on from the last one.
        let (mut byte, mut chars) = (0, 0);
        let mut to_chars = |at: usize| {
            chars += b.text[byte..at].chars().count();
            byte = at;
            chars
        };
        for &hit in &b.hits {
            let start = to_chars(hit.start);
            let end = to_chars(hit.end);
            rows.push(&InFile {
                file: b.path.to_string_lossy().into_owned(),
                item: b.item,
                item_column,
                record: HitJson {
                    start,
                    end,
                    text: b.text[hit.start..hit.end].to_owned(),
                    context: context(&b.text, hit),
                },
            })?;
        }
    }
    rows.finish()
}

fn table(briefs: &[BriefHits], q: &Query) -> Result<(), Failure> {
    let mut out = String::new();
    let mut hits = 0;
    for b in briefs {
        let mut name = b
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        if let Some(i) = b.item {
            name.push_str(&format!(" #{i}"));
        }
        for &hit in &b.hits {
            hits += 1;
            let hit32 = crate::library::Hit {
                brief: 0,
                mention: 0,
                span: hit,
                sentence: line_around(&b.text, hit, REACH),
            };
            let Some(k) = crate::library::kwic(&b.text, &hit32, 40) else {
                continue;
            };
            out.push_str(&format!(
                "{:<10} {:<24} {:>41} [{}] {}\n",
                b.shown_date,
                escape_controls(&truncate(&name, 24)),
                k.left,
                k.keyword,
                k.right
            ));
        }
    }
    let briefs_n = briefs.len();
    out.push_str(&match hits {
        0 => format!("no hits for “{}”\n", escape_controls(q.shown())),
        _ => format!(
            "{hits} hit{} in {briefs_n} brief{} for “{}”\n",
            if hits == 1 { "" } else { "s" },
            if briefs_n == 1 { "" } else { "s" },
            escape_controls(q.shown())
        ),
    });
    emit(&out)
}

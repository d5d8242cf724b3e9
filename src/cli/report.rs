//! `folio entities` and `folio timeline`: what the reader shows, as a table for
//! people or as JSON, JSON Lines or CSV (code-point offsets) for tools.

use super::export::{Record, Rows};
use super::json_record;
use super::output::emit;
use super::Failure;
use crate::config::ExportFormat;
use crate::display::{escape_controls, truncate};
use crate::document::Document;
use crate::{entities, timeline};
use serde::Serialize;

/// One mention, as `--json` prints it (code-point offsets).
#[derive(Serialize)]
pub(super) struct MentionJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub kind: &'static str,
    pub entity: &'a str,
}

/// One date expression, as `--json` prints it (code-point offsets).
#[derive(Serialize)]
pub(super) struct TimexJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: &'a str,
}

/// A record of a span of the text: where it is, its words, and two named
/// strings (a mention's kind and entity, a date's type and value).
trait SpanRecord: Serialize {
    /// The names of the two strings, as the JSON and CSV columns name them.
    const NAMES: [&'static str; 2];
    fn parts(&self) -> ((usize, usize), &str, [&str; 2]);
}

impl SpanRecord for MentionJson<'_> {
    const NAMES: [&'static str; 2] = ["kind", "entity"];
    fn parts(&self) -> ((usize, usize), &str, [&str; 2]) {
        ((self.start, self.end), self.text, [self.kind, self.entity])
    }
}

impl SpanRecord for TimexJson<'_> {
    const NAMES: [&'static str; 2] = ["type", "value"];
    fn parts(&self) -> ((usize, usize), &str, [&str; 2]) {
        ((self.start, self.end), self.text, [self.kind, self.value])
    }
}

impl<T: SpanRecord> Record for T {
    fn columns() -> Vec<&'static str> {
        let [a, b] = T::NAMES;
        vec!["start", "end", "text", a, b]
    }
    fn fields(&self) -> Vec<String> {
        let ((start, end), text, [a, b]) = self.parts();
        vec![
            start.to_string(),
            end.to_string(),
            text.to_string(),
            a.to_string(),
            b.to_string(),
        ]
    }
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let (span, text, [a, b]) = self.parts();
        let [ka, kb] = T::NAMES;
        json_record::span(out, span, text, [(ka, a), (kb, b)])
    }
}

/// Prints the entities of `doc`.
pub fn entities(
    doc: &Document,
    format: ExportFormat,
    corrections: &entities::Corrections,
) -> Result<(), Failure> {
    let t0 = std::time::Instant::now();
    let found = entities::extract_with(doc, corrections);
    super::verbose(&format!(
        "{} entities, {} mentions, found in {:.1} ms",
        found.entities.len(),
        found.mentions().len(),
        t0.elapsed().as_secs_f64() * 1e3
    ));
    let mut out = String::new();
    if format != ExportFormat::Table {
        let mut rows = Rows::start(format, &MentionJson::columns());
        let mut offsets = doc.char_cursor();
        for m in found.mentions() {
            let e = &found.entities[m.entity()];
            rows.push(&MentionJson {
                start: offsets.char_of_byte(m.span().start),
                end: offsets.char_of_byte(m.span().end),
                text: doc.slice(m.span()),
                kind: e.kind.name(),
                entity: &e.name,
            })?;
        }
        return rows.finish();
    } else {
        let mut order: Vec<usize> = (0..found.entities.len()).collect();
        order.sort_by(|&a, &b| {
            let (ea, eb) = (&found.entities[a], &found.entities[b]);
            (ea.kind, std::cmp::Reverse(ea.count()), &ea.name).cmp(&(
                eb.kind,
                std::cmp::Reverse(eb.count()),
                &eb.name,
            ))
        });
        out.push_str(&format!(
            "{:<13} {:>8}  {:<40} {}\n",
            "KIND", "MENTIONS", "ENTITY", "ALSO WRITTEN"
        ));
        let lists = found.mention_lists();
        for i in order {
            let e = &found.entities[i];
            let mut forms: Vec<&str> = lists[i]
                .iter()
                .map(|&m| doc.slice(found.mentions()[m as usize].span()))
                .collect();
            forms.sort_unstable();
            forms.dedup();
            forms.retain(|f| *f != e.name);
            out.push_str(&format!(
                "{:<13} {:>8}  {:<40} {}\n",
                e.kind.name(),
                e.count(),
                truncate(&e.name, 40),
                escape_controls(&forms.join(", "))
            ));
        }
    }
    emit(&out)
}

/// Prints the timeline of `doc`.
pub fn timeline(doc: &Document, format: ExportFormat) -> Result<(), Failure> {
    let mut out = String::new();
    if format != ExportFormat::Table {
        let t0 = std::time::Instant::now();
        let found = timeline::extract(doc);
        super::verbose(&format!(
            "{} time expressions found in {:.1} ms",
            found.len(),
            t0.elapsed().as_secs_f64() * 1e3
        ));
        let mut rows = Rows::start(format, &TimexJson::columns());
        for t in found {
            rows.push(&TimexJson {
                start: doc.char_offset(t.span.start),
                end: doc.char_offset(t.span.end),
                text: doc.slice(t.span),
                kind: t.kind.name(),
                value: &t.value,
            })?;
        }
        return rows.finish();
    } else {
        out.push_str(&format!(
            "{:<16} {:<9} {:<28} {}\n",
            "VALUE", "TYPE", "EXPRESSION", "SENTENCE"
        ));
        for e in timeline::build(doc) {
            let sentence = doc
                .sentences()
                .get(e.sentence())
                .map_or("", |s| doc.slice(s.span()));
            let flag = if e.resolved() { "" } else { " ?" };
            out.push_str(&format!(
                "{:<16} {:<9} {:<28} {}\n",
                truncate(&format!("{}{flag}", e.value()), 16),
                e.kind().name(),
                truncate(doc.slice(e.span()), 28),
                truncate(sentence, 90)
            ));
        }
    }
    emit(&out)
}

pub(super) fn to_json<T: Serialize>(rows: &T) -> Result<String, Failure> {
    let mut s = serde_json::to_string_pretty(rows)
        .map_err(|e| Failure(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_write_the_json_serde_writes() {
        for text in ["Astana", "the \"Club\"", "a\\b\n", "Қазақстан’s"] {
            let m = MentionJson {
                start: 3,
                end: 120,
                text,
                kind: "place",
                entity: text,
            };
            let t = TimexJson {
                start: 0,
                end: 9,
                text,
                kind: "date",
                value: "2007-10-16",
            };
            let (mut a, mut b) = (Vec::new(), Vec::new());
            m.write_json(&mut a).unwrap();
            t.write_json(&mut b).unwrap();
            assert_eq!(a, serde_json::to_vec(&m).unwrap());
            assert_eq!(b, serde_json::to_vec(&t).unwrap());
        }
    }
}

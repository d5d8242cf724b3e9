//! Rows for tools: one writer for `folio entities`, `timeline` and `library` that
//! streams records as a JSON array, JSON Lines or CSV (RFC 4180: a header row,
//! CRLF line ends, fields quoted when they hold a comma, quote or line break).

use super::output::emit_bytes;
use super::Failure;
use crate::config::ExportFormat;
use crate::display::escape_controls;
use serde::Serialize;
use std::io::IsTerminal;

/// A record with named columns, for CSV; JSON uses its `Serialize` form.
pub(super) trait Record: Serialize {
    /// The column names, in the order of [`Record::fields`].
    fn columns() -> Vec<&'static str>;
    /// The values, as text.
    fn fields(&self) -> Vec<String>;
    /// Appends the record's JSON object (serde_json's compact form) to `out`.
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        serde_json::to_writer(out, self)
    }
}

/// A record of one brief of a library: its file (and feed item), then the
/// record's own fields. In JSON `item` is there for feed items only; in CSV its
/// column is there when the library holds any (see [`InFile::columns_for`]).
#[derive(Serialize)]
pub(super) struct InFile<R> {
    pub file: String,
    /// The feed item (0 for the first) whose text the record's offsets index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
    /// Whether the CSV has an `item` column (a field of each row then, empty when `None`).
    #[serde(skip)]
    pub item_column: bool,
    #[serde(flatten)]
    pub record: R,
}

impl<R: Record> InFile<R> {
    /// The CSV columns: `file`, `item` if `item_column`, then the record's. A
    /// library without feeds keeps the columns it always had.
    pub fn columns_for(item_column: bool) -> Vec<&'static str> {
        let item = item_column.then_some("item");
        std::iter::once("file")
            .chain(item)
            .chain(R::columns())
            .collect()
    }
}

impl<R: Record> Record for InFile<R> {
    fn columns() -> Vec<&'static str> {
        InFile::<R>::columns_for(false)
    }

    fn fields(&self) -> Vec<String> {
        let item = self
            .item_column
            .then(|| self.item.map_or_else(String::new, |i| i.to_string()));
        std::iter::once(self.file.clone())
            .chain(item)
            .chain(self.record.fields())
            .collect()
    }
}

/// Writes records in one of the machine formats, flushing in chunks so a big
/// library's output never sits in memory whole.
pub(super) struct Rows {
    format: ExportFormat,
    /// UTF-8: JSON is serialized straight into it, with no string per record.
    out: Vec<u8>,
    count: usize,
    /// CSV fields to a terminal get their controls shown as markers (JSON escapes them anyway).
    escape: bool,
}

impl Rows {
    /// Starts the output: `[` for JSON, the header row for CSV.
    pub fn start(format: ExportFormat, columns: &[&str]) -> Rows {
        let mut out = Vec::new();
        match format {
            ExportFormat::Json => out.push(b'['),
            ExportFormat::Csv => push_csv(&mut out, columns.iter().copied(), false),
            ExportFormat::Jsonl | ExportFormat::Table => {}
        }
        Rows {
            format,
            out,
            count: 0,
            escape: std::io::stdout().is_terminal(),
        }
    }

    /// Adds one record.
    pub fn push<R: Record>(&mut self, row: &R) -> Result<(), Failure> {
        match self.format {
            ExportFormat::Csv => {
                let fields = row.fields();
                push_csv(
                    &mut self.out,
                    fields.iter().map(String::as_str),
                    self.escape,
                );
            }
            ExportFormat::Json | ExportFormat::Jsonl | ExportFormat::Table => {
                if self.format == ExportFormat::Json {
                    self.out
                        .extend_from_slice(if self.count == 0 { b"\n  " } else { b",\n  " });
                }
                row.write_json(&mut self.out)
                    .map_err(|e| Failure(format!("cannot write JSON: {e}")))?;
                if self.format != ExportFormat::Json {
                    self.out.push(b'\n');
                }
            }
        }
        self.count += 1;
        if self.out.len() > 1 << 16 {
            emit_bytes(&self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// Ends the output (`]` for JSON) and writes what is left.
    pub fn finish(mut self) -> Result<(), Failure> {
        if self.format == ExportFormat::Json {
            self.out
                .extend_from_slice(if self.count == 0 { b"]\n" } else { b"\n]\n" });
        }
        emit_bytes(&self.out)
    }
}

/// Appends one CSV line: fields joined by commas, quoted where RFC 4180 needs it.
fn push_csv<'a>(out: &mut Vec<u8>, fields: impl Iterator<Item = &'a str>, escape: bool) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let field = if escape {
            escape_controls(field)
        } else {
            field.into()
        };
        if field.contains([',', '"', '\r', '\n']) {
            out.push(b'"');
            out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut s = Vec::new();
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "Қазақстан"];
        push_csv(&mut s, fields.into_iter(), false);
        assert_eq!(
            String::from_utf8_lossy(&s),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",Қазақстан\r\n"
        );
        let mut t = Vec::new();
        push_csv(&mut t, ["\u{1b}[31m"].into_iter(), true);
        assert!(!t.contains(&0x1b), "{t:?}");
    }
}

//! Input formats: plain text, Markdown, saved HTML pages and RSS/Atom feeds,
//! each turned into plain text that `Document::parse` reads. The extracted text
//! is a pure function of the file's bytes, so offsets (and annotations) into it
//! are stable for a given file.

mod feed;
mod front_matter;
mod html;
mod markdown;

use crate::date::Date;
use crate::document::{
    decode_owned, read_bytes, read_head, Document, Published, PublishedFrom, ReadError, Section,
    Span,
};
use std::path::Path;

/// The kind of file a brief comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Feed,
}

/// One brief from a file: a feed gives one per item, other formats exactly one.
#[derive(Debug)]
pub struct Brief {
    /// The item's title, when the source has one.
    pub title: Option<String>,
    /// Which item of the feed (0 for the first); `None` for a file that is one brief.
    pub item: Option<usize>,
    pub doc: Document,
}

/// A markup file turned into folio text, with what the conversion knows about it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Converted {
    /// The folio text: header lines (`Title:`, `Date:`, …), a blank line, paragraphs.
    pub text: String,
    /// Byte spans of code in `text`: shown, but never scanned for entities or dates.
    pub verbatim: Vec<Span>,
    /// Where each separately dated part of `text` begins (a feed item), with its date.
    pub sections: Vec<(usize, Option<Date>)>,
}

impl Converted {
    /// Plain text with nothing marked.
    pub fn plain(text: String) -> Converted {
        Converted {
            text,
            ..Converted::default()
        }
    }

    /// The document, with its code and dated sections marked.
    pub fn into_document(self) -> Document {
        let sections = self
            .sections
            .into_iter()
            .map(|(start, date)| Section {
                start,
                published: date.map_or(Published::UNKNOWN, |d| {
                    Published::on(d, PublishedFrom::Section)
                }),
            })
            .collect();
        Document::from_text(&self.text).with_regions(self.verbatim, sections)
    }
}

/// How many bytes are sniffed for an HTML or feed signature.
const SNIFF_BYTES: usize = 1024;

/// The format a file's name announces: `.txt` text, `.md` (`.markdown`, …)
/// Markdown, `.html`/`.htm` HTML, `.rss`/`.atom` a feed; `None` for any other name.
pub fn by_name(path: &Path) -> Option<Format> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("txt") => Some(Format::Text),
        Some("md" | "markdown" | "mdown" | "mkd") => Some(Format::Markdown),
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("rss" | "atom") => Some(Format::Feed),
        _ => None,
    }
}

/// The format of `path`: by extension first, then by sniffing the first bytes
/// (so a saved page or feed without a telling name still opens as such).
pub fn detect(path: &Path, head: &[u8]) -> Format {
    match by_name(path) {
        Some(f) if f != Format::Text => f,
        _ => sniff(head),
    }
}

/// Recognizes HTML and feeds by their opening markup; anything else is text.
pub fn sniff(head: &[u8]) -> Format {
    let head = &head[..head.len().min(SNIFF_BYTES)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    // Most briefs are plain text: their first visible byte already says so.
    match head
        .iter()
        .find(|&&b| !(b.is_ascii_whitespace() || b == 0x0b))
    {
        Some(&b) if b.is_ascii() && b != b'<' => return Format::Text,
        None => return Format::Text,
        _ => {}
    }
    let text = String::from_utf8_lossy(head);
    let lower = text.trim_start().to_ascii_lowercase();
    if !lower.starts_with('<') {
        return Format::Text;
    }
    if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
        Format::Feed
    } else if lower.starts_with("<!doctype html")
        || lower.contains("<html")
        || lower.contains("<body")
        || lower.contains("<head")
    {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads `path` in whatever format it is, as one document. A feed becomes one
/// document with a heading paragraph per item (use [`load`] for one brief per item).
pub fn read(path: &Path) -> Result<Document, ReadError> {
    let (bytes, _) = read_bytes(path)?;
    document_of(path, bytes)
}

/// Reads `path` as a list of briefs: one per feed item (each with its own date as
/// the publication date), or the single document of any other format.
pub fn load(path: &Path) -> Result<Vec<Brief>, ReadError> {
    let (bytes, _) = read_bytes(path)?;
    briefs_of(path, bytes)
}

/// The briefs in `bytes`, the contents of the file at `path` (whose name, then
/// first bytes, tell the format): what [`load`] gives, for a caller that has
/// read the file itself (the library hashes the same bytes it converts).
pub fn briefs_of(path: &Path, bytes: Vec<u8>) -> Result<Vec<Brief>, ReadError> {
    if detect(path, &bytes) != Format::Feed {
        return Ok(vec![Brief {
            title: None,
            item: None,
            doc: document_of(path, bytes)?,
        }]);
    }
    let feed = feed::parse(&text_of(bytes)?);
    Ok(feed
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| Brief {
            title: item.title.clone(),
            item: Some(i),
            doc: Converted::plain(feed::item_text(item)).into_document(),
        })
        .collect())
}

/// The one document in `bytes` (a feed as a whole).
fn document_of(path: &Path, bytes: Vec<u8>) -> Result<Document, ReadError> {
    let converted = match detect(path, &bytes) {
        Format::Text => {
            return Ok(Document::parse(
                decode_owned(bytes).map_err(ReadError::Decode)?,
            ))
        }
        Format::Markdown => markdown::convert(&text_of(bytes)?),
        Format::Html => Converted::plain(html::page_text(&text_of(bytes)?)),
        Format::Feed => feed::to_single_text(&feed::parse(&text_of(bytes)?)),
    };
    Ok(converted.into_document())
}

/// The format of the file at `path`, sniffing its first bytes when the name does
/// not tell (only a regular file is read: a FIFO is never waited on).
pub fn detect_file(path: &Path) -> Format {
    let head = read_head(path, SNIFF_BYTES).unwrap_or_default();
    detect(path, &head)
}

/// Decodes a markup file's bytes (BOM, UTF-16, invalid UTF-8 repaired) to a string.
fn text_of(bytes: Vec<u8>) -> Result<String, ReadError> {
    Ok(decode_owned(bytes).map_err(ReadError::Decode)?.text)
}

/// Joins paragraphs into folio's plain-text shape: whitespace inside a paragraph
/// collapsed to single spaces, paragraphs separated by one blank line.
pub(crate) fn join_paragraphs<I, S>(paragraphs: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for p in paragraphs {
        let mut first = true;
        let mut para = String::new();
        for word in p.as_ref().split_whitespace() {
            if !first {
                para.push(' ');
            }
            para.push_str(word);
            first = false;
        }
        if para.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para);
    }
    out
}

/// A `Date:` header line for a known date, in the form the header parser reads.
pub(crate) fn date_line(date: Option<Date>) -> String {
    match date {
        Some(d) => format!("Date: {:04}-{:02}-{:02}\n", d.year, d.month, d.day),
        None => String::new(),
    }
}

/// A header line `Key: value` with the value on one line, or nothing when empty.
pub(crate) fn header_line(key: &str, value: &str) -> String {
    let v = join_paragraphs([value]);
    if v.is_empty() {
        String::new()
    } else {
        format!("{key}: {v}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_by_extension_then_content() {
        let p = Path::new;
        assert_eq!(detect(p("a.md"), b""), Format::Markdown);
        assert_eq!(detect(p("a.HTM"), b""), Format::Html);
        assert_eq!(detect(p("a.atom"), b""), Format::Feed);
        assert_eq!(detect(p("a"), b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            detect(p("a.xml"), b"<?xml version=\"1.0\"?><rss>"),
            Format::Feed
        );
        assert_eq!(detect(p("a.txt"), b"Title: x\n\n<b>"), Format::Text);
        assert_eq!(detect(p("a.txt"), b"<p>loose"), Format::Text);
    }

    #[test]
    fn paragraphs_are_collapsed_and_separated_by_blank_lines() {
        let t = join_paragraphs(["  a\n b\t c ", "", "d"]);
        assert_eq!(t, "a b c\n\nd");
    }
}

//! The document model: a brief's text with its header, paragraphs and
//! sentences, all as byte spans of one `String`. Everything downstream
//! (entities, timeline, annotations, the screen) points into this text.

mod bounds;
mod decode;
pub mod header;
pub mod offsets;
mod read;
pub mod regions;
pub mod segment;
mod sentence;

pub use decode::{decode, decode_owned, DecodeError, Decoded, Encoding, Repair};
pub use header::Header;
pub use offsets::CharIndex;
pub use read::{check_type, read_bytes, read_file, read_head, read_prefix, read_suffix, ReadError};
pub use regions::Section;
pub use sentence::Sentence;

use crate::date::Date;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

/// Texts up to this size are split into sentences wherever first asked (a
/// megabyte takes tens of milliseconds); see [`Document::sentences_ready`].
const SPLIT_ON_THE_SPOT: usize = 1 << 20;

/// The largest text folio reads, in bytes: a mention or event keeps its offsets
/// as `u32`, which halves what a big brief's millions of them take.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// A half-open byte range `[start, end)` of a document's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The spanned text. Panics if the span is not on char boundaries of `text`,
    /// which would be a bug in whoever made the span.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// Whether byte `pos` falls inside the span.
    pub fn contains(self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A byte span in 8 bytes instead of 16, for what a brief holds millions of
/// (mentions, sentences, events, the library's index).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span32 {
    pub start: u32,
    pub end: u32,
}

impl Span32 {
    /// The span, or `None` past 4 GiB (the library refuses such a brief).
    pub fn new(span: Span) -> Option<Span32> {
        Some(Span32 {
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
        })
    }

    /// The span with its offsets narrowed by [`offsets::narrow`]: a text past
    /// [`MAX_TEXT`] is refused when read, so nothing saturates.
    pub fn narrowed(span: Span) -> Span32 {
        Span32 {
            start: offsets::narrow(span.start),
            end: offsets::narrow(span.end),
        }
    }

    /// The full-width span, for slicing the text.
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A blank-line-separated block of text; [`Document::sentences_of`] gives its
/// sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph(Span32);

impl Paragraph {
    pub fn new(span: Span) -> Paragraph {
        Paragraph(Span32::narrowed(span))
    }

    pub fn span(self) -> Span {
        self.0.span()
    }
}

/// The sentences of a document, and where each paragraph's begin.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Sentences {
    list: Vec<Sentence>,
    /// `first[p]` is the index of paragraph `p`'s first sentence; one extra at the end.
    first: Vec<u32>,
}

/// Where the publication date came from, so the UI can say how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedFrom {
    /// A `Date:` header.
    Header,
    /// Given on the command line (`--published`).
    User,
    /// Worked out from the publication (Eurasia Daily Monitor volume N is year 2003+N): year only.
    Publication,
    /// The date of the section (a feed item) the text belongs to.
    Section,
    Unknown,
}

/// The reference date that relative dates are resolved against. A year without a
/// full date resolves "April 23" but leaves "yesterday" unresolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub date: Option<Date>,
    pub year: Option<i32>,
    pub from: PublishedFrom,
}

impl Published {
    pub const UNKNOWN: Published = Published {
        date: None,
        year: None,
        from: PublishedFrom::Unknown,
    };

    /// A fully known publication date.
    pub fn on(date: Date, from: PublishedFrom) -> Published {
        Published {
            date: Some(date),
            year: Some(date.year),
            from,
        }
    }
}

/// A parsed brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    encoding: Encoding,
    repairs: Vec<Repair>,
    header: Header,
    paragraphs: Vec<Paragraph>,
    /// Split on first use: a 100 MB file is on screen and scrollable before its
    /// sentences (needed by extraction and the reading cursor) are known.
    sentences: OnceLock<Sentences>,
    /// The text's hash, on first use: a 100 MB text takes ~200 ms to hash, so
    /// the loading thread pays for it, never a key on the main thread.
    fingerprint: OnceLock<String>,
    chars: CharIndex,
    published: Published,
    /// Code never scanned and sections with dates of their own, from the conversion.
    regions: regions::Regions,
}

impl Document {
    /// Parses decoded text (see [`decode`]) into header, paragraphs and sentences.
    pub fn parse(decoded: Decoded) -> Document {
        Document::parse_with(decoded, true)
    }

    /// Parses a piece cut from the middle or end of a file: no header is looked
    /// for, since its first lines are body text.
    pub fn fragment(text: String) -> Document {
        Document::parse_with(
            Decoded {
                text,
                encoding: Encoding::Utf8,
                repairs: Vec::new(),
            },
            false,
        )
    }

    fn parse_with(decoded: Decoded, with_header: bool) -> Document {
        let Decoded {
            text,
            encoding,
            repairs,
        } = decoded;
        let bom = if text.starts_with('\u{FEFF}') {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        let header = if with_header {
            header::parse(&text, bom)
        } else {
            Header {
                span: Span::new(bom, bom),
                ..Header::default()
            }
        };
        let body_start = if header.fields.is_empty() {
            bom
        } else {
            header.span.end
        };
        let paragraphs = segment::paragraphs(&text, body_start)
            .into_iter()
            .map(Paragraph::new)
            .collect();
        let chars = CharIndex::new(&text);
        let mut doc = Document {
            text,
            encoding,
            repairs,
            header,
            paragraphs,
            sentences: OnceLock::new(),
            fingerprint: OnceLock::new(),
            chars,
            published: Published::UNKNOWN,
            regions: regions::Regions::default(),
        };
        doc.published = doc.published_from_header();
        doc
    }

    /// Parses a string that is already known to be text.
    pub fn from_text(text: &str) -> Document {
        Document::parse(Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            repairs: Vec::new(),
        })
    }

    /// Overrides the publication date with one the user gave. Sections with a
    /// date of their own keep it; sections without one take this date.
    pub fn set_published(&mut self, date: Date) {
        self.published = Published::on(date, PublishedFrom::User);
        for s in &mut self.regions.sections {
            if s.published.date.is_none() {
                s.published = self.published;
            }
        }
    }

    /// Marks what a conversion knows of the text: `verbatim` spans (code), shown
    /// but never scanned for entities or dates, and `sections` with dates of their
    /// own. Spans that do not fit the text are dropped.
    pub fn with_regions(mut self, verbatim: Vec<Span>, sections: Vec<Section>) -> Document {
        self.regions = regions::Regions::new(&self.text, verbatim, sections);
        self
    }

    /// The verbatim spans (code), sorted and disjoint: never scanned for entities or dates.
    pub fn verbatim(&self) -> &[Span] {
        &self.regions.verbatim
    }

    /// The parts of `span` that extraction reads: `span` less the verbatim spans.
    pub fn scanned_parts(&self, span: Span) -> Vec<Span> {
        regions::outside(span, &self.regions.verbatim)
    }

    /// The sections with dates of their own (a feed's items), in text order.
    pub fn sections(&self) -> &[Section] {
        &self.regions.sections
    }

    /// The date relative dates at byte `pos` resolve against: the date of the
    /// section holding `pos`, else the brief's publication date.
    pub fn published_at(&self, pos: usize) -> Published {
        self.regions
            .section_at(pos)
            .map_or(self.published, |s| s.published)
    }

    fn published_from_header(&self) -> Published {
        published_by(&self.header, &self.text)
    }

    /// The publication date the header of `text` gives (what
    /// [`Document::published`] is for a plain-text brief), reading only the
    /// header: for sorting many texts by date without parsing them.
    pub fn published_in_header(text: &str) -> Published {
        let bom = if text.starts_with('\u{FEFF}') {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        published_by(&header::parse(text, bom), text)
    }

    /// The whole text, header included; all spans index into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Runs of invalid UTF-8 that were replaced by U+FFFD.
    pub fn repairs(&self) -> &[Repair] {
        &self.repairs
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// A header value by key (`"Publication"`, `"Title"`, …).
    pub fn header_value(&self, key: &str) -> Option<&str> {
        self.header.get(&self.text, key)
    }

    pub fn published(&self) -> Published {
        self.published
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// The hash of the text that names the brief's notes file
    /// ([`crate::store::fingerprint`]), computed on the first call.
    pub fn fingerprint(&self) -> &str {
        self.fingerprint
            .get_or_init(|| crate::store::fingerprint(self.text.as_bytes()))
    }

    /// The fingerprint if it was computed already: for code that must not pay for hashing.
    pub fn fingerprint_if_known(&self) -> Option<&str> {
        self.fingerprint.get().map(String::as_str)
    }

    /// Whether [`Document::sentences`] answers without a long wait: the text is
    /// split already, or small enough to split on the spot. A big text is split
    /// by the extraction thread, and a reader's key must not wait seconds for it.
    pub fn sentences_ready(&self) -> bool {
        self.sentences.get().is_some() || self.text.len() <= SPLIT_ON_THE_SPOT
    }

    /// The sentences in text order (split on the first call).
    pub fn sentences(&self) -> &[Sentence] {
        &self.split().list
    }

    /// Indexes into [`Document::sentences`] of paragraph `p`'s sentences.
    pub fn sentences_of(&self, p: usize) -> Range<usize> {
        let first = &self.split().first;
        match (first.get(p), first.get(p + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// Index into [`Document::paragraphs`] of the paragraph that holds sentence `s`.
    pub fn paragraph_of(&self, s: usize) -> usize {
        let first = &self.split().first;
        first
            .partition_point(|&f| f as usize <= s)
            .saturating_sub(1)
    }

    fn split(&self) -> &Sentences {
        self.sentences.get_or_init(|| {
            let mut list = Vec::new();
            let mut first = Vec::with_capacity(self.paragraphs.len() + 1);
            for p in &self.paragraphs {
                first.push(offsets::narrow(list.len()));
                list.extend(
                    segment::sentences(&self.text, p.span())
                        .into_iter()
                        .map(Sentence::new),
                );
            }
            first.push(offsets::narrow(list.len()));
            list.shrink_to_fit();
            Sentences { list, first }
        })
    }

    /// The spanned text.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Index of the sentence containing byte `pos`, or the nearest one before it.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences().partition_point(|s| s.span().start <= pos);
        i.checked_sub(1)
    }

    /// Index of the paragraph containing byte `pos`, or the nearest one before it.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span().start <= pos);
        i.checked_sub(1)
    }

    /// Code-point offset of byte offset `byte`: the unit of JSON output and W3C selectors.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.chars.char_of_byte(&self.text, byte)
    }

    /// [`Document::char_offset`] for offsets met in text order, each in time
    /// proportional to its distance from the one before.
    pub fn char_cursor(&self) -> offsets::CharCursor<'_> {
        offsets::CharCursor::new(&self.chars, &self.text)
    }

    /// Byte offset of code-point offset `ch`, if inside the text.
    pub fn byte_offset(&self, ch: usize) -> Option<usize> {
        self.chars.byte_of_char(&self.text, ch)
    }

    /// Whether the brief has no body text.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// A short title: the `Title:` header, else the first sentence, cut to `max`
    /// chars. The sentence is split from the first paragraph's beginning alone, so
    /// a title never waits for a big file's sentences.
    pub fn title(&self, max: usize) -> String {
        let first_sentence = || {
            let p = self.paragraphs.first()?.span();
            // Only the paragraph's beginning: it may be a 10 MB line.
            let mut end = p.end.min(p.start + 4096);
            while !self.text.is_char_boundary(end) {
                end -= 1;
            }
            let s = *segment::sentences(&self.text, Span::new(p.start, end)).first()?;
            Some(self.slice(s))
        };
        let t = self
            .header_value("Title")
            .or_else(first_sentence)
            .unwrap_or("");
        let mut out: String = t.chars().take(max).collect();
        if t.chars().count() > max {
            out.push('…');
        }
        out
    }
}

/// The publication date `header` (parsed from `text`) gives: its `Date:`, else
/// the year a known publication's volume stands for.
fn published_by(header: &Header, text: &str) -> Published {
    let value = |key| header.get(text, key);
    if let Some(d) = value("Date").and_then(Date::parse) {
        return Published::on(d, PublishedFrom::Header);
    }
    let publication = value("Publication").unwrap_or("");
    let volume = value("Volume").and_then(|v| v.parse::<i32>().ok());
    match volume {
        Some(v @ 1..=100) if publication.eq_ignore_ascii_case("Eurasia Daily Monitor") => {
            Published {
                date: None,
                year: Some(2003 + v),
                from: PublishedFrom::Publication,
            }
        }
        _ => Published::UNKNOWN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_split_on_first_use_and_a_title_does_not_need_them() {
        let doc = Document::from_text("First sentence here. Second one.\n\nThird.");
        assert_eq!(doc.title(60), "First sentence here.");
        assert!(
            doc.sentences.get().is_none(),
            "title() split the whole text"
        );
        assert_eq!(doc.sentences().len(), 3);
        assert_eq!(doc.sentences_of(0), 0..2);
        assert_eq!(doc.sentences_of(1), 2..3);
        assert_eq!(doc.sentences_of(2), 0..0);
    }

    #[test]
    fn header_then_paragraphs_then_sentences() {
        let doc = Document::from_text(
            "Publication: Eurasia Daily Monitor Volume: 4 Issue: 85\n\n\
             First sentence. Second one.\n\nThird.",
        );
        assert_eq!(doc.header_value("Issue"), Some("85"));
        assert_eq!(doc.paragraphs().len(), 2);
        let texts: Vec<&str> = doc
            .sentences()
            .iter()
            .map(|s| doc.slice(s.span()))
            .collect();
        assert_eq!(texts, ["First sentence.", "Second one.", "Third."]);
        assert_eq!(doc.paragraph_of(2), 1);
        assert_eq!(doc.published().year, Some(2007));
        assert_eq!(doc.published().date, None);
    }

    #[test]
    fn date_header_gives_a_full_publication_date() {
        let doc = Document::from_text("Title: T\nDate: April 27, 2007\n\nBody.");
        assert_eq!(doc.published().date, Date::new(2007, 4, 27));
        assert_eq!(doc.published().from, PublishedFrom::Header);
    }

    #[test]
    fn bom_is_kept_in_offsets_but_not_in_paragraphs() {
        let doc = Document::parse(decode(b"\xef\xbb\xbfTitle: X\n\nBody here.").unwrap());
        assert_eq!(doc.header_value("Title"), Some("X"));
        assert_eq!(doc.slice(doc.paragraphs()[0].span()), "Body here.");
        assert_eq!(doc.char_offset(doc.paragraphs()[0].span().start), 11);
    }

    #[test]
    fn every_sentence_lies_inside_its_paragraph() {
        let doc = Document::from_text("Қазақстан — a test. 🇰🇿 Emoji here!\n\nSecond — para. Done.");
        for (i, s) in doc.sentences().iter().enumerate() {
            let p = &doc.paragraphs()[doc.paragraph_of(i)];
            assert!(p.span().start <= s.span().start && s.span().end <= p.span().end);
            assert_eq!(
                doc.slice(s.span()),
                &doc.text()[s.span().start..s.span().end]
            );
        }
        assert_eq!(doc.sentences().len(), 4);
    }
}

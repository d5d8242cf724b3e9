//! The library cache's binary format: little-endian integers and length-prefixed
//! strings, a version in front and a checksum at the end. Hand-written (about a
//! hundred lines) because it loads 10,000 briefs in a few tens of milliseconds,
//! several times faster than JSON, without a dependency. Every read is checked:
//! a truncated or damaged file is an error, never a panic.

use super::hash::content_hash;
use super::record::{EventRec, MentionRec, Summary};
use super::{Brief, FileKey, LibEntity};
use crate::date::Date;
use crate::document::Span32;
use crate::entities::Kind;
use crate::timeline::TimexType;
use std::path::PathBuf;

const MAGIC: &[u8; 8] = b"FOLIOLIB";
/// Bumped whenever the layout below or what extraction writes into it changes;
/// an old file is then rebuilt.
/// 2: each brief's feed item, each entity's other spellings.
/// 3: timeline values of the new tagger (decades as `199X`, vague references undated).
const VERSION: u32 = 3;
/// A mention on disk: entity, span start and end, sentence start and end.
const MENTION_BYTES: usize = 20;
/// Why [`decode`] refuses a file written in another layout (the cache is then outdated, not damaged).
pub const OTHER_VERSION: &str = "written by another version of folio";
/// The item number written for a brief that is a whole file (not a feed item).
const NO_ITEM: u32 = u32::MAX;

/// A decoded cache file.
pub struct Stored {
    /// Identifies the extractor build that wrote it (see `cache::stamp`).
    pub stamp: u64,
    /// When it was written, in nanoseconds since the epoch.
    pub written_ns: i64,
    /// Name, kind and other spellings (counts are left at 0: they are derived).
    pub entities: Vec<LibEntity>,
    pub briefs: Vec<Brief>,
}

/// Serializes the library; `remap[id]` is the stored id of entity `id` (ids not in use
/// have no mentions so never appear).
pub fn encode(
    stamp: u64,
    written_ns: i64,
    entities: &[&LibEntity],
    briefs: &[&Brief],
    remap: &[u32],
) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(1 << 20));
    w.0.extend_from_slice(MAGIC);
    w.u32(VERSION);
    w.u64(stamp);
    w.u64(written_ns as u64);
    w.len(entities.len());
    for e in entities {
        w.u8(kind_code(e.kind));
        w.str(&e.name);
        w.len(e.forms.len());
        for f in &e.forms {
            w.str(f);
        }
    }
    let id = |e: u32| remap.get(e as usize).copied().unwrap_or(u32::MAX);
    w.len(briefs.len());
    for b in briefs {
        w.bytes(&path_bytes(&b.path));
        w.u32(b.item.unwrap_or(NO_ITEM));
        w.u64(b.key.size);
        w.u64(b.key.mtime_ns as u64);
        w.u64(b.key.hash);
        let s = &b.summary;
        for field in [&s.publication, &s.volume, &s.issue, &s.title] {
            w.str(field);
        }
        w.date(s.date);
        w.u8(u8::from(s.year.is_some()));
        w.u32(s.year.unwrap_or(0) as u32);
        w.u32(s.sentences);
        w.u32(s.words);
        w.len(b.mentions.len());
        for m in &b.mentions {
            w.u32(id(m.entity));
            w.span(m.span);
            w.span(m.sentence);
        }
        w.len(b.events.len());
        for e in &b.events {
            w.span(e.span);
            w.span(e.sentence);
            w.u8(timex_code(e.kind));
            w.str(&e.value);
            w.u8(u8::from(e.resolved));
            w.date(e.day);
            // An entity no mention names any more is not written (it has no stored id).
            let ids: Vec<u32> = e
                .entities
                .iter()
                .map(|&x| id(x))
                .filter(|&x| x != u32::MAX)
                .collect();
            w.len(ids.len());
            for x in ids {
                w.u32(x);
            }
        }
    }
    let sum = content_hash(&w.0);
    w.u64(sum);
    w.0
}

/// Reads a cache file back; any damage is an `Err` naming what was wrong.
pub fn decode(bytes: &[u8]) -> Result<Stored, &'static str> {
    let body_len = bytes.len().checked_sub(8).ok_or("truncated")?;
    let (body, sum) = bytes.split_at(body_len);
    let mut sum8 = [0u8; 8];
    sum8.copy_from_slice(sum);
    if content_hash(body) != u64::from_le_bytes(sum8) {
        return Err("checksum mismatch");
    }
    let mut r = Reader { buf: body, pos: 0 };
    if r.take(8)? != MAGIC {
        return Err("not a folio library cache");
    }
    if r.u32()? != VERSION {
        return Err(OTHER_VERSION);
    }
    let stamp = r.u64()?;
    let written_ns = r.u64()? as i64;
    let n = r.len()?;
    let mut entities = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let kind = kind_of(r.u8()?)?;
        let name = Box::from(r.str()?);
        let k = r.len()?;
        let mut forms = Vec::with_capacity(k.min(1 << 10));
        for _ in 0..k {
            forms.push(Box::from(r.str()?));
        }
        entities.push(LibEntity {
            name,
            kind,
            forms,
            briefs: 0,
            mentions: 0,
        });
    }
    let check = |id: u32| {
        if (id as usize) < entities.len() {
            Ok(id)
        } else {
            Err("entity id out of range")
        }
    };
    let n = r.len()?;
    let mut briefs = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let path = path_from(r.take_prefixed()?)?;
        let item = Some(r.u32()?).filter(|&i| i != NO_ITEM);
        let key = FileKey {
            size: r.u64()?,
            mtime_ns: r.u64()? as i64,
            hash: r.u64()?,
        };
        let publication = r.str()?.to_owned();
        let volume = r.str()?.to_owned();
        let issue = r.str()?.to_owned();
        let title = r.str()?.to_owned();
        let date = r.date()?;
        let has_year = r.u8()? != 0;
        let year = r.u32()? as i32;
        let summary = Summary {
            publication,
            volume,
            issue,
            title,
            date,
            year: has_year.then_some(year),
            sentences: r.u32()?,
            words: r.u32()?,
        };
        let count = r.len()?;
        // One bounds check for the block: this loop runs for every mention of the library.
        let block = r.take(count.checked_mul(MENTION_BYTES).ok_or("truncated")?)?;
        let mut mentions = Vec::with_capacity(count);
        for m in block.chunks_exact(MENTION_BYTES) {
            let word = |i: usize| u32::from_le_bytes([m[i], m[i + 1], m[i + 2], m[i + 3]]);
            let span = Span32 {
                start: word(4),
                end: word(8),
            };
            let sentence = Span32 {
                start: word(12),
                end: word(16),
            };
            if span.start > span.end || sentence.start > sentence.end {
                return Err("span ends before it starts");
            }
            mentions.push(MentionRec {
                entity: check(word(0))?,
                span,
                sentence,
            });
        }
        let count = r.len()?;
        let mut events = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let span = r.span()?;
            let sentence = r.span()?;
            let kind = timex_of(r.u8()?)?;
            let value = Box::from(r.str()?);
            let resolved = r.u8()? != 0;
            let day = r.date()?;
            let k = r.len()?;
            let mut ids = Vec::with_capacity(k.min(1 << 16));
            for _ in 0..k {
                ids.push(check(r.u32()?)?);
            }
            events.push(EventRec {
                span,
                sentence,
                kind,
                value,
                resolved,
                day,
                entities: ids.into_boxed_slice(),
            });
        }
        briefs.push(Brief {
            path,
            item,
            key,
            summary,
            mentions,
            events,
        });
    }
    if r.pos != body.len() {
        return Err("trailing bytes");
    }
    Ok(Stored {
        stamp,
        written_ns,
        entities,
        briefs,
    })
}

fn kind_code(k: Kind) -> u8 {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0) as u8
}

fn kind_of(c: u8) -> Result<Kind, &'static str> {
    Kind::ALL.get(c as usize).copied().ok_or("bad entity kind")
}

const TIMEX: [TimexType; 4] = [
    TimexType::Date,
    TimexType::Time,
    TimexType::Duration,
    TimexType::Set,
];

fn timex_code(t: TimexType) -> u8 {
    TIMEX.iter().position(|&x| x == t).unwrap_or(0) as u8
}

fn timex_of(c: u8) -> Result<TimexType, &'static str> {
    TIMEX.get(c as usize).copied().ok_or("bad timex type")
}

#[cfg(unix)]
fn path_bytes(p: &std::path::Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from(b: &[u8]) -> Result<PathBuf, &'static str> {
    use std::os::unix::ffi::OsStrExt;
    Ok(PathBuf::from(std::ffi::OsStr::from_bytes(b)))
}

#[cfg(not(unix))]
fn path_bytes(p: &std::path::Path) -> Vec<u8> {
    p.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from(b: &[u8]) -> Result<PathBuf, &'static str> {
    std::str::from_utf8(b)
        .map(PathBuf::from)
        .map_err(|_| "path not UTF-8")
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn span(&mut self, s: Span32) {
        self.u32(s.start);
        self.u32(s.end);
    }
    fn date(&mut self, d: Option<Date>) {
        match d {
            Some(d) => {
                self.u8(1);
                self.u32(d.year as u32);
                self.u8(d.month as u8);
                self.u8(d.day as u8);
            }
            None => self.u8(0),
        }
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.pos.checked_add(n).ok_or("truncated")?;
        let out = self.buf.get(self.pos..end).ok_or("truncated")?;
        self.pos = end;
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, &'static str> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, &'static str> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    fn u64(&mut self) -> Result<u64, &'static str> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn len(&mut self) -> Result<usize, &'static str> {
        Ok(self.u32()? as usize)
    }
    fn take_prefixed(&mut self) -> Result<&'a [u8], &'static str> {
        let n = self.len()?;
        self.take(n)
    }
    fn str(&mut self) -> Result<&'a str, &'static str> {
        std::str::from_utf8(self.take_prefixed()?).map_err(|_| "string not UTF-8")
    }
    fn span(&mut self) -> Result<Span32, &'static str> {
        let start = self.u32()?;
        let end = self.u32()?;
        if start > end {
            return Err("span ends before it starts");
        }
        Ok(Span32 { start, end })
    }
    fn date(&mut self) -> Result<Option<Date>, &'static str> {
        if self.u8()? == 0 {
            return Ok(None);
        }
        let year = self.u32()? as i32;
        let month = u32::from(self.u8()?);
        let day = u32::from(self.u8()?);
        Date::new(year, month, day).map(Some).ok_or("bad date")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, kind: Kind, forms: &[&str]) -> LibEntity {
        LibEntity {
            name: name.into(),
            kind,
            forms: forms.iter().map(|&f| f.into()).collect(),
            briefs: 0,
            mentions: 0,
        }
    }

    #[test]
    fn a_cache_of_the_previous_layout_is_refused_not_misread() {
        let mut bytes = encode(1, 0, &[], &[], &[]);
        bytes.truncate(bytes.len() - 8);
        bytes[8..12].copy_from_slice(&1u32.to_le_bytes());
        let sum = content_hash(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        assert_eq!(decode(&bytes).err(), Some(OTHER_VERSION));
    }

    fn sample() -> Brief {
        Brief {
            path: PathBuf::from("/tmp/Қазақстан brief.txt"),
            item: Some(3),
            key: FileKey {
                size: 1234,
                mtime_ns: -5,
                hash: 0xdead_beef,
            },
            summary: Summary {
                publication: "Eurasia Daily Monitor".into(),
                volume: "4".into(),
                issue: "85".into(),
                title: "A title — with 🇰🇿".into(),
                date: Date::new(2007, 4, 27),
                year: Some(2007),
                sentences: 12,
                words: 345,
            },
            mentions: vec![MentionRec {
                entity: 1,
                span: Span32 { start: 10, end: 16 },
                sentence: Span32 { start: 0, end: 40 },
            }],
            events: vec![EventRec {
                span: Span32 { start: 20, end: 28 },
                sentence: Span32 { start: 0, end: 40 },
                kind: TimexType::Duration,
                value: "P2Y".into(),
                resolved: false,
                day: None,
                entities: vec![0, 1].into_boxed_slice(),
            }],
        }
    }

    #[test]
    fn round_trips_and_every_truncation_is_an_error() {
        let b = sample();
        let whole = Brief {
            item: None,
            ..sample()
        };
        let table = [
            entity("CSTO", Kind::Organization, &["the CSTO"]),
            entity("Astana", Kind::Place, &[]),
        ];
        let bytes = encode(7, 99, &[&table[0], &table[1]], &[&b, &whole], &[0, 1]);
        let back = decode(&bytes).unwrap();
        assert_eq!((back.stamp, back.written_ns), (7, 99));
        assert_eq!(back.entities, table);
        assert_eq!(back.briefs, vec![b, whole]);
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "truncated to {n}");
        }
        let mut flipped = bytes.clone();
        flipped[20] ^= 1;
        assert!(decode(&flipped).is_err());
    }

    #[test]
    fn ids_are_remapped_and_unwritten_entities_dropped() {
        let b = sample();
        // Entity 1 is written as 0; entity 0 has no stored id, so the event loses it.
        let astana = entity("Astana", Kind::Place, &[]);
        let bytes = encode(1, 0, &[&astana], &[&b], &[u32::MAX, 0]);
        let back = decode(&bytes).unwrap();
        assert_eq!(back.briefs[0].mentions[0].entity, 0);
        assert_eq!(&*back.briefs[0].events[0].entities, &[0]);
    }
}

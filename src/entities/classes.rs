//! Word classes: clusters of GloVe 6B word vectors at four nesting
//! granularities (`scripts/build-word-classes` writes `assets/word-classes.bin`),
//! so the tagger knows that an unseen "Naftogaz" is a word like "Gazprom".
//! The table is read in place from the binary: loading costs nothing.

use super::in_place::{view, Aligned};
use std::borrow::Cow;

/// Number of granularities, finest first.
pub const LEVELS: usize = 4;

/// The class of a word no cluster holds, at every level.
pub const UNKNOWN: u16 = u16::MAX;

const MAGIC: &[u8; 8] = b"FOLIOWC1";
const BUCKETS: usize = 1 << 16;

/// Hashed case-folded word → finest class, and each finest class's coarser parents.
#[derive(Debug, Default, Clone)]
pub struct WordClasses {
    /// Per finest class, its parents (coarsest last).
    parents: Vec<[u16; LEVELS - 1]>,
    /// Where each bucket (top 16 bits of a hash) starts in `hashes`; `BUCKETS + 1` entries.
    starts: Cow<'static, [u32]>,
    /// Word hashes (`lower_hash`), sorted.
    hashes: Cow<'static, [u64]>,
    /// Finest class of each word in `hashes`.
    classes: Cow<'static, [u16]>,
}

static TABLE: &Aligned<[u8]> = &Aligned(*include_bytes!("../../assets/word-classes.bin"));

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl WordClasses {
    /// Reads a table written by `scripts/build-word-classes`; `None` when malformed.
    pub fn from_static(bytes: &'static [u8]) -> Option<WordClasses> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let n = u32_at(bytes, 8)? as usize;
        let k = u32_at(bytes, 12)? as usize;
        let mut at = 16;
        let parents = bytes
            .get(at..at + k * 6)?
            .chunks_exact(6)
            .map(|c| {
                [
                    u16::from_le_bytes([c[0], c[1]]),
                    u16::from_le_bytes([c[2], c[3]]),
                    u16::from_le_bytes([c[4], c[5]]),
                ]
            })
            .collect();
        at += k * 6;
        let starts = view(bytes.get(at..at + (BUCKETS + 1) * 4)?, |c| {
            u32::from_le_bytes([c[0], c[1], c[2], c[3]])
        });
        at += (BUCKETS + 1) * 4;
        at = at.next_multiple_of(8);
        let hashes = view(bytes.get(at..at + n * 8)?, |c| {
            u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))
        });
        at += n * 8;
        let classes = view(bytes.get(at..at + n * 2)?, |c| {
            u16::from_le_bytes([c[0], c[1]])
        });
        let ok = starts.windows(2).all(|w| w[0] <= w[1])
            && starts.last().is_some_and(|&e| e as usize == n);
        ok.then_some(WordClasses {
            parents,
            starts,
            hashes,
            classes,
        })
    }

    /// The built-in classes (none, when the embedded table is unreadable).
    pub fn builtin() -> WordClasses {
        WordClasses::from_static(&TABLE.0).unwrap_or_default()
    }

    /// The classes of a case-folded word hash, finest first ([`UNKNOWN`] when absent).
    #[inline]
    pub fn of(&self, lower: u64) -> [u16; LEVELS] {
        let b = (lower >> 48) as usize;
        let (Some(&s), Some(&e)) = (self.starts.get(b), self.starts.get(b + 1)) else {
            return [UNKNOWN; LEVELS];
        };
        let Some(bucket) = self.hashes.get(s as usize..e as usize) else {
            return [UNKNOWN; LEVELS];
        };
        let Some(i) = bucket.iter().position(|&h| h == lower) else {
            return [UNKNOWN; LEVELS];
        };
        let c = self.classes.get(s as usize + i).copied().unwrap_or(UNKNOWN);
        let p = self
            .parents
            .get(usize::from(c))
            .copied()
            .unwrap_or([UNKNOWN; LEVELS - 1]);
        [c, p[0], p[1], p[2]]
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::hashing::lower_hash;
    use super::*;

    #[test]
    fn builtin_groups_news_agencies_and_companies() {
        let c = WordClasses::builtin();
        assert!(c.len() > 100_000);
        assert_ne!(c.of(lower_hash("Interfax"))[0], UNKNOWN);
        assert_eq!(
            c.of(lower_hash("Interfax"))[0],
            c.of(lower_hash("XINHUA"))[0]
        );
        assert_eq!(
            c.of(lower_hash("Naftogaz"))[1],
            c.of(lower_hash("gazprom"))[1]
        );
        assert_ne!(c.of(lower_hash("Interfax"))[0], c.of(lower_hash("the"))[0]);
        assert_eq!(c.of(lower_hash("qzxv-unheard-of")), [UNKNOWN; LEVELS]);
    }

    #[test]
    fn parents_nest() {
        let c = WordClasses::builtin();
        let a = c.of(lower_hash("gazprom"));
        assert!(a.iter().all(|&x| x != UNKNOWN));
        assert!(a[1] < 512 && a[2] < 128 && a[3] < 32);
    }

    #[test]
    fn malformed_tables_are_refused() {
        assert!(WordClasses::from_static(b"FOLIOWC1").is_none());
        assert!(WordClasses::from_static(b"not a table at all").is_none());
        assert!(WordClasses::default().is_empty());
    }
}

//! Name lists (countries, places, organizations, peoples, given names and
//! surnames, sports clubs, organization cue words) compacted by
//! `scripts/build-gazetteers` into `assets/gazetteer.tsv`, looked up by
//! case-folded token sequences.
//!
//! The keys live in a sorted table cut into buckets. `build.rs` includes this
//! file to bake the built-in list's table into the binary, where it is read in
//! place ([`Gazetteer::from_static`]): loading costs nothing. So this file
//! uses nothing of the crate but `hashing`, `in_place` and `tokens`.

use super::hashing::{lower_hash, mix};
use super::in_place::view;
use super::tokens::{tokenize, tokenize_into, Token};
use std::borrow::Cow;

/// Category bits of a gazetteer entry.
pub mod cat {
    pub const COUNTRY: u16 = 1;
    pub const PLACE: u16 = 2;
    pub const ORG: u16 = 4;
    pub const ACRONYM: u16 = 8;
    pub const PEOPLE: u16 = 16;
    pub const GIVEN: u16 = 32;
    pub const SURNAME: u16 = 64;
    pub const LEADER: u16 = 128;
    /// A sports club or team ("Sampdoria", "Leeds United", "Yankees").
    pub const CLUB: u16 = 256;
    /// A word that marks an organization's name ("Ministry", "Bank", "FC").
    pub const CUE: u16 = 512;
    /// Some longer entry starts with this sequence.
    pub const PREFIX: u16 = 1 << 15;
    /// All category bits.
    pub const ANY: u16 = 0x3ff;
}

/// Longest entries looked for, in tokens.
pub const MAX_LEN: usize = 8;

const SEQ_SEED: u64 = 0x51_7cc1_b727_220a;

/// Case-folded token sequences with their categories.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Where each bucket (top [`BUCKET_BITS`] bits of a key) starts in `keys`;
    /// `BUCKETS + 1` entries.
    starts: Cow<'static, [u32]>,
    /// Sequence keys, sorted.
    keys: Cow<'static, [u64]>,
    /// Category bits of each key (with [`cat::PREFIX`]).
    bits: Cow<'static, [u16]>,
}

const BUCKET_BITS: u32 = 15;
const BUCKETS: usize = 1 << BUCKET_BITS;
const MAGIC: &[u8; 8] = b"FOLIOGZ1";

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::from_entries(Vec::new())
    }
}

/// The longest gazetteer match starting at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub len: usize,
    pub cats: u16,
}

fn tag_bits(tag: &str) -> u16 {
    match tag {
        "C" => cat::COUNTRY,
        "P" => cat::PLACE,
        "O" => cat::ORG,
        "A" => cat::ACRONYM,
        "D" => cat::PEOPLE,
        "G" => cat::GIVEN,
        "S" => cat::SURNAME,
        "L" => cat::LEADER,
        "F" => cat::CLUB,
        "K" => cat::CUE,
        _ => 0,
    }
}

/// Hash of a token sequence: the running key after adding one more token.
#[inline]
pub fn extend(key: u64, token_hash: u64) -> u64 {
    mix(key, token_hash)
}

impl Gazetteer {
    /// Parses `TAG<TAB>name` lines; `#` lines and unknown tags are skipped.
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut entries: Vec<(u64, u16)> = Vec::with_capacity(tsv.len() / 6);
        let mut toks = Vec::new();
        for line in tsv.lines() {
            let Some((tag, name)) = line.split_once('\t') else {
                continue;
            };
            let bits = tag_bits(tag);
            if bits == 0 {
                continue;
            }
            toks.clear();
            if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ') {
                // Plain words: the tokenizer would only split at the spaces.
                let mut at = 0;
                for w in name.split(' ') {
                    if !w.is_empty() {
                        toks.push(Token {
                            start: at,
                            end: at + w.len(),
                        });
                    }
                    at += w.len() + 1;
                }
            } else {
                tokenize_into(name, 0, name.len(), &mut toks);
            }
            if toks.is_empty() || toks.len() > MAX_LEN {
                continue;
            }
            let mut key = SEQ_SEED;
            for (i, t) in toks.iter().enumerate() {
                key = extend(key, lower_hash(t.text(name)));
                entries.push((
                    key,
                    if i + 1 == toks.len() {
                        bits
                    } else {
                        cat::PREFIX
                    },
                ));
            }
        }
        Gazetteer::from_entries(entries)
    }

    /// The table of `(key, bits)` entries, bits of equal keys joined.
    fn from_entries(mut entries: Vec<(u64, u16)>) -> Gazetteer {
        entries.sort_unstable_by_key(|e| e.0);
        let mut keys: Vec<u64> = Vec::with_capacity(entries.len());
        let mut bits: Vec<u16> = Vec::with_capacity(entries.len());
        for (k, b) in entries {
            if keys.last() == Some(&k) {
                if let Some(last) = bits.last_mut() {
                    *last |= b;
                }
            } else {
                keys.push(k);
                bits.push(b);
            }
        }
        let mut starts = Vec::with_capacity(BUCKETS + 1);
        let mut i = 0;
        for b in 0..BUCKETS {
            starts.push(i as u32);
            while i < keys.len() && bucket(keys[i]) == b {
                i += 1;
            }
        }
        starts.push(keys.len() as u32);
        Gazetteer {
            starts: starts.into(),
            keys: keys.into(),
            bits: bits.into(),
        }
    }

    /// The table as bytes for [`Gazetteer::from_static`]: magic, key count,
    /// bucket starts, keys (8-byte aligned), bits; little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        for s in self.starts.iter() {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out.resize(out.len().next_multiple_of(8), 0);
        for k in self.keys.iter() {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for b in self.bits.iter() {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out
    }

    /// Reads a table written by [`Gazetteer::to_bytes`], in place when `bytes`
    /// is 8-byte aligned on a little-endian machine; `None` when malformed.
    pub fn from_static(bytes: &'static [u8]) -> Option<Gazetteer> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let n = u32::from_le_bytes(bytes.get(8..12)?.try_into().ok()?) as usize;
        let mut at = 16;
        let starts = view(bytes.get(at..at + (BUCKETS + 1) * 4)?, |c| {
            u32::from_le_bytes([c[0], c[1], c[2], c[3]])
        });
        at = (at + (BUCKETS + 1) * 4).next_multiple_of(8);
        let keys = view(bytes.get(at..at + n * 8)?, |c| {
            u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))
        });
        at += n * 8;
        let bits = view(bytes.get(at..at + n * 2)?, |c| {
            u16::from_le_bytes([c[0], c[1]])
        });
        let ok = starts.windows(2).all(|w| w[0] <= w[1])
            && starts.last().is_some_and(|&e| e as usize == n);
        ok.then_some(Gazetteer { starts, keys, bits })
    }

    /// The categories stored for a sequence key (with [`cat::PREFIX`]).
    #[inline]
    fn get(&self, key: u64) -> Option<u16> {
        let b = bucket(key);
        let (Some(&s), Some(&e)) = (self.starts.get(b), self.starts.get(b + 1)) else {
            return None;
        };
        let keys = self.keys.get(s as usize..e as usize)?;
        let i = keys.iter().position(|&k| k == key)?;
        self.bits.get(s as usize + i).copied()
    }

    /// Categories of a single word (0 when absent).
    pub fn word(&self, token_hash: u64) -> u16 {
        self.get(extend(SEQ_SEED, token_hash))
            .map_or(0, |b| b & cat::ANY)
    }

    /// Categories of a whole phrase (0 when absent).
    pub fn phrase(&self, text: &str) -> u16 {
        let toks = tokenize(text);
        let mut key = SEQ_SEED;
        for t in &toks {
            key = extend(key, lower_hash(t.text(text)));
        }
        self.get(key).map_or(0, |b| b & cat::ANY)
    }

    /// Categories of the two-word phrase of token hashes `a b` (0 when absent).
    pub fn pair(&self, a: u64, b: u64) -> u16 {
        self.get(extend(extend(SEQ_SEED, a), b))
            .map_or(0, |bits| bits & cat::ANY)
    }

    /// The longest entry starting at `hashes[0]`.
    pub fn longest(&self, hashes: &[u64]) -> Option<Match> {
        let mut key = SEQ_SEED;
        let mut best = None;
        for (i, &h) in hashes.iter().take(MAX_LEN).enumerate() {
            key = extend(key, h);
            let Some(bits) = self.get(key) else {
                break;
            };
            if bits & cat::ANY != 0 {
                best = Some(Match {
                    len: i + 1,
                    cats: bits & cat::ANY,
                });
            }
            if bits & cat::PREFIX == 0 {
                break;
            }
        }
        best
    }

    /// Number of distinct keys (entries and prefixes).
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether nothing was loaded.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The bucket of a sequence key.
#[inline]
fn bucket(key: u64) -> usize {
    (key >> (64 - BUCKET_BITS)) as usize
}

/// Token text hashes for a token slice (helper for callers holding tokens).
pub fn token_hashes(text: &str, toks: &[Token], out: &mut Vec<u64>) {
    out.clear();
    out.extend(toks.iter().map(|t| lower_hash(t.text(text))));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_phrases() {
        let g = Gazetteer::parse(
            "C\tKazakhstan\nO\tCollective Security Treaty Organization\nA\tCSTO\nX\tignored\n",
        );
        assert_eq!(g.word(lower_hash("kazakhstan")), cat::COUNTRY);
        assert_eq!(g.word(lower_hash("Collective")), 0);
        assert_eq!(
            g.phrase("collective security treaty organization"),
            cat::ORG
        );
        let text = "Collective Security Treaty Organization members";
        let mut hs = Vec::new();
        token_hashes(text, &tokenize(text), &mut hs);
        assert_eq!(
            g.longest(&hs),
            Some(Match {
                len: 4,
                cats: cat::ORG
            })
        );
        assert_eq!(g.longest(&hs[1..]), None);
    }

    #[test]
    fn tables_read_in_place_or_copied_find_the_same() {
        let g = Gazetteer::parse("C\tKazakhstan\nO\tBank of America\nP\tBank\n");
        let bytes: &'static [u8] = Box::leak(g.to_bytes().into_boxed_slice());
        // A Vec<u8> from the allocator may or may not be 8-byte aligned: try both offsets.
        let mut shifted = vec![0u8];
        shifted.extend_from_slice(bytes);
        let shifted: &'static [u8] = Box::leak(shifted.into_boxed_slice());
        for t in [
            Gazetteer::from_static(bytes),
            Gazetteer::from_static(&shifted[1..]),
        ] {
            let t = t.expect("readable");
            assert_eq!(t.len(), g.len());
            assert_eq!(t.word(lower_hash("bank")), cat::PLACE);
            assert_eq!(t.phrase("Bank of America"), cat::ORG);
            assert_eq!(t.phrase("Bank of"), 0);
        }
        assert!(Gazetteer::from_static(b"FOLIOGZ1").is_none());
        assert!(Gazetteer::from_static(&bytes[..bytes.len() - 1]).is_none());
        assert!(Gazetteer::default().is_empty());
    }

    #[test]
    fn the_baked_table_is_the_shipped_list() {
        let parsed = Gazetteer::parse(include_str!("../../assets/gazetteer.tsv"));
        assert_eq!(Gazetteer::builtin().to_bytes(), parsed.to_bytes());
    }

    #[test]
    fn builtin_has_countries() {
        let g = Gazetteer::builtin();
        assert!(g.word(lower_hash("Kazakhstan")) & cat::COUNTRY != 0);
        assert!(g.phrase("United States") & cat::COUNTRY != 0);
        assert!(g.phrase("Leeds United") & cat::CLUB != 0);
        assert!(g.word(lower_hash("Ministry")) & cat::CUE != 0);
    }
}

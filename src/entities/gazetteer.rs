//! Name lists (countries, places, organizations, peoples, given names and
//! surnames, sports clubs, organization cue words) compacted by
//! `scripts/build-gazetteers` into `assets/gazetteer.tsv`, looked up by
//! case-folded token sequences.

use super::hashing::{lower_hash, mix, HashMap64};
use super::tokens::{tokenize, tokenize_into, Token};

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
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    map: HashMap64<u16>,
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
        let mut map: HashMap64<u16> =
            HashMap64::with_capacity_and_hasher(130_000, Default::default());
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
                let e = map.entry(key).or_insert(0);
                if i + 1 == toks.len() {
                    *e |= bits;
                } else {
                    *e |= cat::PREFIX;
                }
            }
        }
        Gazetteer { map }
    }

    /// The built-in gazetteer.
    pub fn builtin() -> Gazetteer {
        Gazetteer::parse(include_str!("../../assets/gazetteer.tsv"))
    }

    /// Categories of a single word (0 when absent).
    pub fn word(&self, token_hash: u64) -> u16 {
        self.map
            .get(&extend(SEQ_SEED, token_hash))
            .map_or(0, |b| b & cat::ANY)
    }

    /// Categories of a whole phrase (0 when absent).
    pub fn phrase(&self, text: &str) -> u16 {
        let toks = tokenize(text);
        let mut key = SEQ_SEED;
        for t in &toks {
            key = extend(key, lower_hash(t.text(text)));
        }
        self.map.get(&key).map_or(0, |b| b & cat::ANY)
    }

    /// Categories of the two-word phrase of token hashes `a b` (0 when absent).
    pub fn pair(&self, a: u64, b: u64) -> u16 {
        self.map
            .get(&extend(extend(SEQ_SEED, a), b))
            .map_or(0, |bits| bits & cat::ANY)
    }

    /// The longest entry starting at `hashes[0]`.
    pub fn longest(&self, hashes: &[u64]) -> Option<Match> {
        let mut key = SEQ_SEED;
        let mut best = None;
        for (i, &h) in hashes.iter().take(MAX_LEN).enumerate() {
            key = extend(key, h);
            let Some(&bits) = self.map.get(&key) else {
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
        self.map.len()
    }

    /// Whether nothing was loaded.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
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
    fn builtin_has_countries() {
        let g = Gazetteer::builtin();
        assert!(g.word(lower_hash("Kazakhstan")) & cat::COUNTRY != 0);
        assert!(g.phrase("United States") & cat::COUNTRY != 0);
        assert!(g.phrase("Leeds United") & cat::CLUB != 0);
        assert!(g.word(lower_hash("Ministry")) & cat::CUE != 0);
    }
}

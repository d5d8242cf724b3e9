//! Allocation-free hashing of token text (case-folded) and feature keys, so the
//! tagger can look features up in a fixed table without building strings.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a step over one byte.
#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// Hash of `s` lower-cased (Unicode lower case, ASCII fast path), with `’`
/// folded to `'` so typographic and plain apostrophes agree.
pub fn lower_hash(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h = FNV_OFFSET;
    let mut i = 0;
    // ASCII bytes inline (most words are all ASCII); other characters decoded.
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            h = step(h, b.to_ascii_lowercase());
            i += 1;
        } else if let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) {
            h = push_char(h, c);
            i += c.len_utf8();
        } else {
            break;
        }
    }
    h
}

/// Adds one character, case-folded, to a running hash.
#[inline]
pub fn push_char(mut h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return step(h, c.to_ascii_lowercase() as u8);
    }
    let c = if c == '’' || c == '‘' { '\'' } else { c };
    let mut buf = [0u8; 4];
    for l in c.to_lowercase() {
        for &b in l.encode_utf8(&mut buf).as_bytes() {
            h = step(h, b);
        }
    }
    h
}

/// Hash of raw bytes.
pub fn bytes_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| step(h, b))
}

/// Mixes two 64-bit values into one well-spread hash (splitmix64 finalizer).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a ^ b
        .wrapping_add(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(a << 6)
        .wrapping_add(a >> 2);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hasher for keys that are already hashes: one multiply instead of SipHash.
#[derive(Debug, Default, Clone, Copy)]
pub struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes_hash(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
}

/// Build-hasher for [`PreHashed`].
pub type BuildPreHashed = std::hash::BuildHasherDefault<PreHashed>;
/// A map keyed by 64-bit hashes.
pub type HashMap64<V> = std::collections::HashMap<u64, V, BuildPreHashed>;
/// A set of 64-bit hashes.
pub type HashSet64 = std::collections::HashSet<u64, BuildPreHashed>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_apostrophes_fold() {
        assert_eq!(lower_hash("Kazakhstan"), lower_hash("KAZAKHSTAN"));
        assert_eq!(lower_hash("Қазақстан"), lower_hash("ҚАЗАҚСТАН"));
        assert_eq!(lower_hash("’s"), lower_hash("'s"));
        assert_ne!(lower_hash("Astana"), lower_hash("Almaty"));
        assert_ne!(mix(1, 2), mix(2, 1));
    }

    #[test]
    fn lower_hash_is_push_char_over_the_characters() {
        for s in [
            "",
            "Kazakhstan",
            "Қазақстан",
            "O’Neill",
            "Zürich-Nord",
            "ǅemal",
            "İstanbul",
            "a\u{10348}b",
        ] {
            let by_char = s.chars().fold(FNV_OFFSET, push_char);
            assert_eq!(lower_hash(s), by_char, "{s}");
        }
    }
}

//! A fast hasher for words, shared by the entity tagger's word cache and the
//! timeline's trigger classes: eight bytes a step, FxHash style. Words are a
//! few bytes long, where the standard hasher costs more than the lookup; no
//! untrusted party chooses which words land together, and a collision costs
//! only a comparison.

use std::hash::Hasher;

/// See the module: a hasher for short strings.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

/// Build-hasher for [`WordHasher`], for `HashMap`s keyed by words.
pub type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;

impl WordHasher {
    #[inline]
    fn mix(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.mix(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Byte by byte: a copy of a variable length would call `memcpy`.
            let v = rest
                .iter()
                .enumerate()
                .fold(0u64, |v, (k, &b)| v | u64::from(b) << (8 * k));
            self.mix(v);
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b));
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The table picks a bucket by the low bits: fold the well-mixed high ones in.
        self.0 ^ (self.0 >> 29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn words_that_differ_hash_apart() {
        let h = |w: &str| BuildWordHasher::default().hash_one(w);
        let words = [
            "a",
            "an",
            "and",
            "andes",
            "march",
            "marches",
            "12345678",
            "123456789",
        ];
        for (i, a) in words.iter().enumerate() {
            assert_eq!(h(a), h(a));
            for b in &words[i + 1..] {
                assert_ne!(h(a), h(b), "{a} {b}");
            }
        }
    }
}

//! A fast non-cryptographic 64-bit hash for cache keys and checksums: eight
//! bytes per step folded through a 64x64→128-bit multiply (wyhash-style), several
//! GB/s on one core. It guards against accidental change, not against an
//! attacker (the worst a forged collision can do is show a stale index).

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;
const K2: u64 = 0x8ebc_6af0_9c88_c6e3;

fn fold(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

/// Hash of `bytes`.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = fold(K0 ^ bytes.len() as u64, K1);
    let mut chunks = bytes.chunks_exact(16);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        let mut b = [0u8; 8];
        a.copy_from_slice(&c[..8]);
        b.copy_from_slice(&c[8..]);
        h = fold(u64::from_le_bytes(a) ^ K1 ^ h, u64::from_le_bytes(b) ^ K2);
    }
    let rest = chunks.remainder();
    let mut tail = [0u8; 16];
    tail[..rest.len()].copy_from_slice(rest);
    let mut a = [0u8; 8];
    let mut b = [0u8; 8];
    a.copy_from_slice(&tail[..8]);
    b.copy_from_slice(&tail[8..]);
    h = fold(u64::from_le_bytes(a) ^ K1 ^ h, u64::from_le_bytes(b) ^ K2);
    fold(h ^ K0, rest.len() as u64 ^ K1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differs_on_any_single_change_and_on_length() {
        let base = b"Bordyuzha met Tazhin in Astana on April 23, 2007.".to_vec();
        let h = content_hash(&base);
        assert_eq!(h, content_hash(&base.clone()));
        let mut seen = std::collections::HashSet::new();
        seen.insert(h);
        for i in 0..base.len() {
            let mut b = base.clone();
            b[i] ^= 1;
            assert!(seen.insert(content_hash(&b)), "collision flipping byte {i}");
        }
        for n in 0..base.len() {
            assert!(
                seen.insert(content_hash(&base[..n])),
                "collision at prefix {n}"
            );
        }
        assert_ne!(content_hash(&[0; 16]), content_hash(&[0; 32]));
    }
}

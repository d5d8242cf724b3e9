//! The averaged perceptron: a fixed table of hashed feature rows, one weight
//! per tag, quantized to `i16` for the shipped model. Greedy left-to-right
//! decoding with the previous tags as features.

use super::features::{context_features, features, fixed_features, needs_scoring, CONTEXT, NF, NT};
use super::hashing::HashMap64;
use super::token_facts::{flag, TokInfo};

/// Per-document memory of the kind each capitalized word was last tagged with.
pub type History = HashMap64<u8>;

#[inline]
fn recall(hist: &History, t: &TokInfo) -> u8 {
    if t.flags & flag::CAP == 0 {
        return 0;
    }
    hist.get(&t.lower).copied().unwrap_or(0)
}

#[inline]
fn remember(hist: &mut History, t: &TokInfo, tag: u8) {
    if t.flags & flag::CAP != 0 && tag != 0 {
        hist.insert(t.lower, tag.div_ceil(2));
    }
}

const MAGIC: &[u8; 8] = b"FOLIONE1";

/// Tags: 0 = O, then (B, I) pairs for person, organization, place, misc.
pub fn is_inside(tag: u8) -> bool {
    tag != 0 && tag.is_multiple_of(2)
}

/// The `I-` tag continuing a `B-` or `I-` tag.
pub fn inside_of(tag: u8) -> u8 {
    if tag == 0 {
        0
    } else {
        (tag - 1) / 2 * 2 + 2
    }
}

/// The kind index (0 person, 1 organization, 2 place, 3 misc) of a non-O tag.
pub fn kind_index(tag: u8) -> usize {
    usize::from(tag.saturating_sub(1) / 2)
}

/// Whether `tag` may follow `prev` (an `I-` tag only continues its own kind).
#[inline]
pub fn allowed(prev: u8, tag: u8) -> bool {
    !is_inside(tag) || (prev != 0 && inside_of(prev) == tag)
}

#[inline]
fn bucket(bits: u32, key: u64) -> usize {
    (key >> (64 - bits)) as usize
}

/// Every feature slot, as a mask.
const ALL_SLOTS: u64 = u64::MAX >> (64 - NF);

/// A trained, quantized model.
#[derive(Debug, Clone)]
pub struct Model {
    bits: u32,
    /// Borrowed straight from the model file when it is embedded in the binary
    /// (no copy, no parse: the pages the tagger touches are all it costs).
    weights: std::borrow::Cow<'static, [i16]>,
    /// Real weight = stored weight / scale.
    scale: f32,
}

impl Model {
    /// Reads a model written by [`Model::to_bytes`]; `None` when malformed.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let (bits, scale, body) = Model::header(bytes)?;
        let weights = body
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(Model {
            bits,
            weights: std::borrow::Cow::Owned(weights),
            scale,
        })
    }

    /// Reads a model embedded in the binary without copying its weights, when
    /// they are 2-byte aligned and the machine is little-endian; else copies.
    pub fn from_static(bytes: &'static [u8]) -> Option<Model> {
        let (bits, scale, body) = Model::header(bytes)?;
        let aligned = body.as_ptr().align_offset(std::mem::align_of::<i16>()) == 0;
        if cfg!(target_endian = "little") && aligned {
            // SAFETY: `body` is 'static, its length is even (checked by `header`), its
            // start is aligned for i16, every bit pattern is a valid i16, and on a
            // little-endian machine the stored little-endian values read as they are.
            let weights: &'static [i16] =
                unsafe { std::slice::from_raw_parts(body.as_ptr().cast::<i16>(), body.len() / 2) };
            return Some(Model {
                bits,
                weights: std::borrow::Cow::Borrowed(weights),
                scale,
            });
        }
        Model::from_bytes(bytes)
    }

    /// The header's table size and scale, and the weights' bytes.
    fn header(bytes: &[u8]) -> Option<(u32, f32, &[u8])> {
        let head = bytes.get(..16)?;
        if &head[..8] != MAGIC {
            return None;
        }
        let bits = u32::from(head[8]);
        if !(8..=24).contains(&bits) || usize::from(head[9]) != NT {
            return None;
        }
        let scale = f32::from_le_bytes(head[12..16].try_into().ok()?);
        let n = (1usize << bits) * NT;
        let body = bytes.get(16..16 + 2 * n)?;
        (scale.is_finite() && scale > 0.0).then_some((bits, scale, body))
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.push(self.bits as u8);
        out.push(NT as u8);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for w in self.weights.iter() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Tag scores for one token's features.
    #[inline]
    pub fn score(&self, feats: &[u64; NF], out: &mut [i32; NT]) {
        *out = self.sum(feats, u64::MAX);
    }

    /// The summed weight rows of the slots of `feats` set in `slots` (a bit mask).
    /// The rows are scattered over the whole table; their loads do not depend
    /// on one another, so the processor has many of them in flight at once.
    #[inline]
    fn sum(&self, feats: &[u64; NF], slots: u64) -> [i32; NT] {
        let (table, _) = self.weights.as_chunks::<NT>();
        let mut out = [0i32; NT];
        // The set bits only, lowest first.
        let mut left = slots & ALL_SLOTS;
        while left != 0 {
            let s = left.trailing_zeros() as usize;
            left &= left - 1;
            let Some(&k) = feats.get(s) else { break };
            if let Some(row) = table.get(bucket(self.bits, k)) {
                for (o, &w) in out.iter_mut().zip(row) {
                    *o += i32::from(w);
                }
            }
        }
        out
    }

    /// Converts a score difference to the real-valued margin.
    pub fn margin(&self, diff: i32) -> f32 {
        diff as f32 / self.scale
    }

    /// Tags a sentence greedily; `margins[i]` is how far the chosen tag beat the runner-up.
    pub fn tag(
        &self,
        infos: &[TokInfo],
        hist: &mut History,
        tags: &mut Vec<u8>,
        margins: &mut Vec<f32>,
    ) {
        self.tag_reusing(infos, hist, tags, margins, &mut vec![None; infos.len()]);
    }

    /// [`Model::tag`], where `known[i]` holds (or receives) token `i`'s summed
    /// weights of the slots outside [`CONTEXT`], which do not change between
    /// passes over the same sentence: a token they are known for has only its
    /// context features computed. Integer sums: the scores are the same.
    pub fn tag_reusing(
        &self,
        infos: &[TokInfo],
        hist: &mut History,
        tags: &mut Vec<u8>,
        margins: &mut Vec<f32>,
        known: &mut [Option<[i32; NT]>],
    ) {
        tags.clear();
        margins.clear();
        let mut feats = [0u64; NF];
        let (mut prev, mut prev2) = (0u8, 0u8);
        for i in 0..infos.len() {
            let (tag, margin) = if needs_scoring(&infos[i], prev) {
                let fixed = match known.get(i).copied().flatten() {
                    Some(sums) => sums,
                    None => {
                        fixed_features(infos, i, &mut feats);
                        let sums = self.sum(&feats, !CONTEXT);
                        if let Some(k) = known.get_mut(i) {
                            *k = Some(sums);
                        }
                        sums
                    }
                };
                let hist = recall(hist, &infos[i]);
                context_features(infos, i, prev, prev2, hist, &mut feats);
                let mut scores = self.sum(&feats, CONTEXT);
                for (s, f) in scores.iter_mut().zip(fixed) {
                    *s += f;
                }
                best_allowed(&scores, prev)
            } else {
                (0, None)
            };
            remember(hist, &infos[i], tag);
            tags.push(tag);
            margins.push(margin.map_or(f32::INFINITY, |m| self.margin(m)));
            prev2 = prev;
            prev = tag;
        }
    }
}

/// The tags allowed after `prev`, as a bit mask: `O`, every `B-` tag, and the
/// `I-` tag continuing `prev`.
#[inline]
fn allowed_mask(prev: u8) -> u16 {
    let b_tags = (1..NT).step_by(2).fold(1u16, |m, t| m | 1 << t);
    if prev == 0 {
        b_tags
    } else {
        b_tags | 1 << inside_of(prev)
    }
}

/// [`best_two`] for the tagger's integer scores, visiting the allowed tags
/// only: the best (the first of equals) and its lead over the next, `None`
/// when it is the only one allowed.
#[inline]
fn best_allowed(scores: &[i32; NT], prev: u8) -> (u8, Option<i32>) {
    // "Outside" (tag 0) is allowed after any tag: the first visited.
    let mut left = allowed_mask(prev) & !1;
    let mut best = (0u8, scores[0]);
    let mut second: Option<i32> = None;
    while left != 0 {
        let t = left.trailing_zeros() as usize;
        left &= left - 1;
        let Some(&s) = scores.get(t) else { break };
        if s > best.1 {
            second = Some(best.1);
            best = (t as u8, s);
        } else if second.is_none_or(|x| s > x) {
            second = Some(s);
        }
    }
    (best.0, second.map(|s| best.1 - s))
}

/// Best allowed tag and its lead over the next allowed one.
fn best_two<T: Copy + PartialOrd + std::ops::Sub<Output = T> + Into<f64>>(
    scores: &[T; NT],
    prev: u8,
) -> (u8, f64) {
    let mut best: Option<(u8, T)> = None;
    let mut second: Option<T> = None;
    for (t, &s) in scores.iter().enumerate() {
        let t = t as u8;
        if !allowed(prev, t) {
            continue;
        }
        match best {
            Some((_, b)) if s <= b => {
                if second.is_none_or(|x| s > x) {
                    second = Some(s);
                }
            }
            _ => {
                second = best.map(|(_, b)| b);
                best = Some((t, s));
            }
        }
    }
    match (best, second) {
        (Some((t, b)), Some(s)) => (t, (b - s).into()),
        (Some((t, _)), None) => (t, f64::INFINITY),
        _ => (0, 0.0),
    }
}

/// Trains a model with averaged perceptron updates.
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    now: u32,
}

impl Trainer {
    /// A zeroed model with `2^bits` feature rows.
    pub fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * NT;
        Trainer {
            bits,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            now: 0,
        }
    }

    fn predict(&self, feats: &[u64; NF], prev: u8) -> u8 {
        let mut scores = [0f32; NT];
        for &k in feats {
            let b = bucket(self.bits, k) * NT;
            for (o, &w) in scores.iter_mut().zip(&self.w[b..b + NT]) {
                *o += w;
            }
        }
        best_two(&scores, prev).0
    }

    fn update(&mut self, feats: &[u64; NF], truth: u8, guess: u8, weight: f32) {
        for &k in feats {
            let b = bucket(self.bits, k) * NT;
            for (t, d) in [(truth, weight), (guess, -weight)] {
                let i = b + usize::from(t);
                self.total[i] += f64::from(self.now - self.stamp[i]) * f64::from(self.w[i]);
                self.stamp[i] = self.now;
                self.w[i] += d;
            }
        }
    }

    /// One pass over a sentence with gold tags; `skip_o` marks tokens whose
    /// gold `O` is not trusted (no update is made from them). The tags guessed
    /// (before each update) are appended to `guesses`.
    pub fn learn(
        &mut self,
        infos: &[TokInfo],
        hist: &mut History,
        gold: &[u8],
        skip_o: &[bool],
        weight: f32,
        guesses: &mut Vec<u8>,
    ) -> (usize, usize) {
        let mut feats = [0u64; NF];
        let (mut prev, mut prev2) = (0u8, 0u8);
        let (mut right, mut seen) = (0, 0);
        for i in 0..infos.len() {
            self.now += 1;
            let truth = gold.get(i).copied().unwrap_or(0);
            let guess = if needs_scoring(&infos[i], prev) {
                features(infos, i, prev, prev2, recall(hist, &infos[i]), &mut feats);
                let g = self.predict(&feats, prev);
                let untrusted = truth == 0 && skip_o.get(i).copied().unwrap_or(false);
                if g != truth && !untrusted && allowed(prev, truth) {
                    self.update(&feats, truth, g, weight);
                }
                seen += 1;
                if g == truth {
                    right += 1;
                }
                g
            } else {
                0
            };
            remember(hist, &infos[i], guess);
            guesses.push(guess);
            prev2 = prev;
            prev = guess;
        }
        (right, seen)
    }

    /// The averaged weights, quantized.
    pub fn finish(mut self) -> Model {
        let now = self.now.max(1);
        let mut max = 0f32;
        for i in 0..self.w.len() {
            self.total[i] += f64::from(now - self.stamp[i]) * f64::from(self.w[i]);
            let avg = (self.total[i] / f64::from(now)) as f32;
            self.w[i] = avg;
            max = max.max(avg.abs());
        }
        // Leave head-room so sums of NF rows stay far from i32 limits.
        let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
        let weights: Vec<i16> = self
            .w
            .iter()
            .map(|&w| (w * scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Model {
            bits: self.bits,
            weights: weights.into(),
            scale,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_arithmetic() {
        assert_eq!(inside_of(1), 2);
        assert_eq!(inside_of(2), 2);
        assert_eq!(inside_of(7), 8);
        assert!(allowed(1, 2) && allowed(2, 2) && !allowed(0, 2) && !allowed(3, 2));
        assert_eq!(kind_index(5), 2);
    }

    #[test]
    fn best_allowed_agrees_with_best_two() {
        // Scores with ties and extremes, after every previous tag.
        let mut seed = 7u64;
        for round in 0..4000 {
            let mut scores = [0i32; NT];
            for s in scores.iter_mut() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *s = match round % 3 {
                    0 => (seed >> 33) as i32 % 5 - 2,
                    1 => (seed >> 33) as i32 % 200_000 - 100_000,
                    _ => [i32::MIN / 4, 0, i32::MAX / 4][(seed >> 40) as usize % 3],
                };
            }
            for prev in 0..NT as u8 {
                let (tag, lead) = best_two(&scores, prev);
                let want = (tag, lead.is_finite().then_some(lead as i32));
                assert_eq!(best_allowed(&scores, prev), want, "{scores:?} after {prev}");
            }
        }
    }

    #[test]
    fn bytes_round_trip_and_reject_garbage() {
        let m = Trainer::new(8).finish();
        let back = Model::from_bytes(&m.to_bytes()).expect("round trip");
        assert_eq!(back.weights.len(), m.weights.len());
        assert!(Model::from_bytes(b"nonsense").is_none());
        assert!(Model::from_bytes(&m.to_bytes()[..100]).is_none());
    }

    #[test]
    fn a_static_model_reads_the_same_weights_in_place() {
        let mut t = Trainer::new(8);
        t.w.iter_mut()
            .enumerate()
            .for_each(|(i, w)| *w = (i % 7) as f32 - 3.0);
        let m = t.finish();
        let bytes: &'static [u8] = Box::leak(m.to_bytes().into_boxed_slice());
        let copied = Model::from_bytes(bytes).unwrap();
        let in_place = Model::from_static(bytes).unwrap();
        assert_eq!(&*in_place.weights, &*copied.weights);
        assert_eq!(in_place.scale, copied.scale);
        // Misaligned bytes still read correctly (by copying).
        let mut shifted = vec![0u8];
        shifted.extend_from_slice(bytes);
        let shifted: &'static [u8] = Box::leak(shifted.into_boxed_slice());
        let odd = Model::from_static(&shifted[1..]).unwrap();
        assert_eq!(&*odd.weights, &*copied.weights);
    }
}

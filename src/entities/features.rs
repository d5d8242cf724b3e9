//! The hashed feature keys the tagger scores for each token, read from the
//! token facts of its sentence ([`super::token_facts`]).

use super::classes::LEVELS;
use super::hashing::mix;
use super::token_facts::{flag, TokInfo};

/// Number of tags: O, then B/I for person, organization, place, misc.
pub const NT: usize = 9;
/// Number of feature keys per token.
pub const NF: usize = 47;

/// Whether the tagger must score this token; otherwise it is `O` for certain.
#[inline]
pub fn needs_scoring(t: &TokInfo, prev_tag: u8) -> bool {
    prev_tag != 0 || t.flags & (flag::CAP | flag::DIGIT) != 0 && t.flags & flag::LOWER == 0
}

const NONE: TokInfo = TokInfo {
    lower: 0x5eed,
    shape: 0x5eed,
    prefix: 0,
    suffix: 0,
    flags: 0,
    gaz: 0,
    gaz_span: 0,
    gaz_pos: 0,
    run_first: 0,
    run_last: 0,
    class: [u16::MAX - 1; LEVELS],
    run_class: 0,
    run_cue: 0,
    run_prev: 0,
    run_next: 0,
    doc: 0,
};

#[inline]
fn f(template: u64, v: u64) -> u64 {
    mix(template.wrapping_mul(0x9e37_79b9), v)
}

/// The slots of [`features`] whose keys depend on the previous tags, the
/// history or the document pass (`doc`): the ones [`context_features`] writes.
/// The others, [`fixed_features`], depend only on the sentence's tokens, so
/// the second pass reuses their weights from the first.
/// (Tests check this mask against both functions.)
pub const CONTEXT: u64 = 1 << 11
    | 1 << 12
    | 1 << 13
    | 1 << 18
    | 1 << 23
    | 1 << 26
    | 1 << 36
    | 1 << 39
    | 1 << 40
    | 1 << 41
    | 1 << 43;

const _: () = assert!(NF <= 64, "CONTEXT is a 64-bit mask of feature slots");

/// The feature keys of token `i` given the two previous tags.
/// `hist` is the kind (1-based, 0 none) this word was last given earlier in the document.
pub fn features(infos: &[TokInfo], i: usize, prev: u8, prev2: u8, hist: u8, out: &mut [u64; NF]) {
    fixed_features(infos, i, out);
    context_features(infos, i, prev, prev2, hist, out);
}

/// Writes hashed feature keys into a token's slots: feature `n` goes to slot `n - 1`.
struct Keys<'a>(&'a mut [u64; NF]);

impl Keys<'_> {
    #[inline(always)]
    fn set(&mut self, n: usize, v: u64) {
        self.0[n - 1] = f(n as u64, v);
    }
}

/// Token `i` and the two tokens either side of it ([`NONE`] past the sentence's ends).
#[inline(always)]
fn window(infos: &[TokInfo], i: usize) -> [&TokInfo; 5] {
    [
        if i >= 2 { &infos[i - 2] } else { &NONE },
        if i >= 1 { &infos[i - 1] } else { &NONE },
        &infos[i],
        infos.get(i + 1).unwrap_or(&NONE),
        infos.get(i + 2).unwrap_or(&NONE),
    ]
}

/// A token's flags as features see them (those with slots of their own left out).
#[inline(always)]
fn plain_flags(t: &TokInfo) -> u64 {
    u64::from(t.flags & !(flag::SEEN_CAP | flag::ALLCAP | flag::SHOUT | flag::SCORE))
}

/// The slots of [`features`] outside [`CONTEXT`]: they read the sentence's
/// tokens only (never `doc`), so both passes over a sentence share them.
#[inline]
pub fn fixed_features(infos: &[TokInfo], i: usize, out: &mut [u64; NF]) {
    let [wm2, wm1, w0, wp1, wp2] = window(infos, i);
    let fl = plain_flags(w0);
    let gz = |t: &TokInfo| u64::from(t.gaz_span) << 8 | u64::from(t.gaz_pos);
    let mut k = Keys(out);
    k.set(1, 0);
    k.set(2, w0.lower);
    k.set(3, w0.shape);
    k.set(4, w0.suffix);
    k.set(5, w0.prefix);
    k.set(6, wm1.lower);
    k.set(7, wp1.lower);
    k.set(8, mix(wm1.shape, w0.shape));
    k.set(9, mix(w0.shape, wp1.shape));
    k.set(10, wm2.lower);
    k.set(11, wp2.lower);
    k.set(15, u64::from(w0.gaz));
    k.set(16, gz(w0));
    k.set(17, mix(gz(wm1), gz(wp1)));
    k.set(18, fl);
    k.set(20, mix(wm1.lower, w0.lower));
    k.set(21, mix(w0.lower, wp1.lower));
    k.set(
        22,
        u64::from(w0.flags & (flag::SEEN_CAP | flag::INITIAL | flag::LEX)),
    );
    k.set(23, mix(fl, plain_flags(wp1)));
    k.set(25, w0.run_last);
    k.set(26, w0.run_first);
    k.set(28, mix(wm1.suffix, wp1.suffix));
    k.set(29, mix(u64::from(wm1.gaz), u64::from(wp1.gaz)));
    k.set(30, mix(w0.shape, fl));
    k.set(31, mix(wm1.lower, w0.shape));
    k.set(32, u64::from(w0.class[0]));
    k.set(33, u64::from(w0.class[1]));
    k.set(34, mix(u64::from(w0.class[2]), fl));
    k.set(35, u64::from(wm1.class[1]));
    k.set(36, u64::from(wp1.class[1]));
    k.set(38, u64::from(w0.run_class));
    k.set(39, mix(u64::from(wp1.class[0]), fl));
    k.set(43, u64::from(w0.run_cue) << 16 | u64::from(w0.gaz));
    k.set(
        45,
        if w0.flags & flag::SCORE != 0 {
            1 << 32 | u64::from(w0.gaz_span) << 16 | u64::from(w0.class[1])
        } else {
            0
        },
    );
    k.set(46, w0.run_prev);
    k.set(47, w0.run_next);
}

/// The slots of [`features`] in [`CONTEXT`]: the ones that read the previous
/// tags, the history or `doc`, all that the second pass computes again.
#[inline]
pub fn context_features(
    infos: &[TokInfo],
    i: usize,
    prev: u8,
    prev2: u8,
    hist: u8,
    out: &mut [u64; NF],
) {
    let [_, wm1, w0, wp1, _] = window(infos, i);
    let p = u64::from(prev);
    let p2 = u64::from(prev2);
    let mut k = Keys(out);
    k.set(12, p);
    k.set(13, p2 << 8 | p);
    k.set(14, mix(p, w0.shape));
    k.set(19, mix(p, w0.lower));
    k.set(24, mix(u64::from(w0.gaz), p));
    k.set(27, u64::from(hist));
    k.set(37, mix(u64::from(w0.class[3]), p));
    k.set(40, u64::from(w0.doc));
    k.set(41, mix(u64::from(w0.doc), p));
    k.set(42, u64::from(wm1.doc) << 8 | u64::from(wp1.doc));
    k.set(44, u64::from(w0.run_cue) << 8 | p);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::classes::WordClasses;
    use crate::entities::gazetteer::Gazetteer;
    use crate::entities::token_facts::{analyze, Lexicon};

    #[test]
    fn context_marks_every_slot_that_tags_history_or_the_pass_change() {
        let gaz = Gazetteer::parse("C\tKazakhstan\n");
        let lex = Lexicon::parse("minister\nvisits\n");
        let mut infos = Vec::new();
        analyze(
            &["The", "minister", "visits", "Kazakhstan", "today"],
            &gaz,
            &lex,
            &WordClasses::default(),
            &mut infos,
        );
        let mut changed = 0u64;
        let mut base = [0u64; NF];
        let mut other = [0u64; NF];
        for i in 0..infos.len() {
            let mut doc = infos.clone();
            features(&infos, i, 0, 0, 0, &mut base);
            for (k, d) in doc.iter_mut().enumerate() {
                d.doc = 3 + k as u8;
            }
            for (prev, prev2, hist, infos) in [
                (1, 0, 0, &infos),
                (0, 2, 0, &infos),
                (0, 0, 3, &infos),
                (0, 0, 0, &doc),
                (4, 3, 1, &doc),
            ] {
                features(infos, i, prev, prev2, hist, &mut other);
                for s in 0..NF {
                    if base[s] != other[s] {
                        changed |= 1 << s;
                    }
                }
            }
        }
        assert_eq!(
            changed & !CONTEXT,
            0,
            "slots {:#x} missing from CONTEXT",
            changed & !CONTEXT
        );
        assert_eq!(changed, CONTEXT, "CONTEXT marks slots that never change");
    }

    #[test]
    fn fixed_and_context_features_each_write_their_own_slots() {
        let infos = [TokInfo::default(); 3];
        let written = |fill: &dyn Fn(&mut [u64; NF])| {
            let (mut a, mut b) = ([1u64; NF], [2u64; NF]);
            fill(&mut a);
            fill(&mut b);
            (0..NF)
                .filter(|&s| a[s] == b[s])
                .fold(0u64, |m, s| m | 1 << s)
        };
        let all = (1u64 << NF) - 1;
        assert_eq!(
            written(&|o| context_features(&infos, 1, 1, 2, 3, o)),
            CONTEXT
        );
        assert_eq!(written(&|o| fixed_features(&infos, 1, o)), all & !CONTEXT);
        assert_eq!(written(&|o| features(&infos, 1, 1, 2, 3, o)), all);
    }
}

//! Per-token facts (case-folded form, word shape, affixes, gazetteer and
//! lexicon membership, word classes) and the hashed feature keys the tagger scores.
//! Shared by extraction and training so both see exactly the same features.

use super::classes::{WordClasses, LEVELS};
use super::gazetteer::{cat, Gazetteer, MAX_LEN};
use super::hashing::{bytes_hash, lower_hash, mix, push_char, HashSet64};
use crate::hash::BuildWordHasher;

/// Token flags.
pub mod flag {
    /// Starts with an upper-case letter (after ALL-CAPS normalization).
    pub const CAP: u16 = 1;
    /// Starts with a lower-case letter.
    pub const LOWER: u16 = 2;
    /// Contains a digit.
    pub const DIGIT: u16 = 4;
    /// No letter or digit.
    pub const PUNCT: u16 = 8;
    /// A word usually written in lower case (common vocabulary).
    pub const LEX: u16 = 16;
    /// First word of its sentence (after opening punctuation).
    pub const INITIAL: u16 = 32;
    /// Its case-folded form appears capitalized inside a sentence elsewhere in the document.
    pub const SEEN_CAP: u16 = 64;
    /// The sentence is written in capitals.
    pub const SHOUT: u16 = 128;
    /// Every letter is upper case (as written).
    pub const ALLCAP: u16 = 256;
    /// The sentence reads like a sports result: a score ("2-1", "63-7") or a
    /// name, a number and a name ("Leeds 2 Chelsea 1").
    pub const SCORE: u16 = 512;
}

/// Number of tags: O, then B/I for person, organization, place, misc.
pub const NT: usize = 9;
/// Number of feature keys per token.
pub const NF: usize = 47;

/// What the tagger knows about one token.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    pub lower: u64,
    pub shape: u64,
    pub prefix: u64,
    pub suffix: u64,
    pub flags: u16,
    /// Categories of the word alone.
    pub gaz: u16,
    /// Categories of the longest gazetteer phrase covering it, and its position
    /// (0 none, 1 begins, 2 inside, 3 single word).
    pub gaz_span: u16,
    pub gaz_pos: u8,
    /// Case-folded first and last words of the capitalized run holding the token
    /// ("Bank of America": bank, america), 0 outside runs.
    pub run_first: u64,
    pub run_last: u64,
    /// Word classes of the case-folded form, finest first.
    pub class: [u16; LEVELS],
    /// Second-finest class of the last word of the capitalized run holding the
    /// token ("Vancouver Canucks": the class of sports teams), 0 outside runs.
    pub run_class: u16,
    /// Where an organization cue word ("Bank", "Ministry", "FC") stands in the
    /// capitalized run holding the token (see [`cue_code`]), 0 outside runs.
    pub run_cue: u8,
    /// Case-folded words just before and just after the capitalized run
    /// holding the token ("shares of X", "X said", "X 's chief"), so every
    /// word of a name sees the words around the whole name; 0 outside runs.
    pub run_prev: u64,
    pub run_next: u64,
    /// What the tagger's first pass made of the other occurrences of this
    /// form in the document (see `consensus::mark`), 0 in the first pass.
    pub doc: u8,
}

/// Common lower-case vocabulary, learned from the training corpus.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashSet64,
}

impl Lexicon {
    /// One word per line; `#` lines skipped.
    pub fn parse(text: &str) -> Lexicon {
        Lexicon {
            words: text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(lower_hash)
                .collect(),
        }
    }

    /// Whether the case-folded word is common vocabulary.
    pub fn contains(&self, lower: u64) -> bool {
        self.words.contains(&lower)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Casing {
    AsWritten,
    Lower,
    Title,
}

/// Word shape (`Xxxx`, `XX`, `dd`, `X.X.`), runs capped at four, hashed.
fn shape_hash(word: &str, casing: Casing) -> u64 {
    let mut h = bytes_hash(b"shape");
    let mut last = '\0';
    let mut run = 0;
    for (i, c) in word.chars().enumerate() {
        let k = if c.is_alphabetic() {
            match casing {
                Casing::AsWritten if c.is_uppercase() => 'X',
                Casing::Title if i == 0 => 'X',
                _ => 'x',
            }
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 4 {
                continue;
            }
        } else {
            run = 0;
            last = k;
        }
        let mut buf = [0u8; 4];
        h = mix(h, bytes_hash(k.encode_utf8(&mut buf).as_bytes()));
    }
    h
}

/// Hashes of the first three and last three characters of a word of `n` characters.
fn affixes(word: &str, n: usize) -> (u64, u64) {
    let mut pre = bytes_hash(b"pre");
    let mut suf = bytes_hash(b"suf");
    for (i, c) in word.chars().enumerate() {
        if i < 3 {
            pre = push_char(pre, c);
        }
        if i + 3 >= n {
            suf = push_char(suf, c);
        }
    }
    (pre, suf)
}

/// Whether a sentence is written in capitals (a headline or shouted title).
fn is_shouting(facts: &[WordFacts]) -> bool {
    let mut caps = 0;
    let mut letters = 0;
    for f in facts {
        if !f.two_letters {
            continue;
        }
        letters += 1;
        if f.no_lower {
            caps += 1;
        }
    }
    letters >= 2 && caps * 10 >= letters * 8
}

/// What a word's text alone tells (the same wherever it occurs), so a
/// document computes it once per distinct word ([`WordCache`]).
#[derive(Debug, Clone, Copy)]
pub struct WordFacts {
    lower: u64,
    /// Shape as written.
    shape: u64,
    prefix: u64,
    suffix: u64,
    class: [u16; LEVELS],
    gaz: u16,
    in_lex: bool,
    first_upper: bool,
    has_alpha: bool,
    has_digit: bool,
    /// No lower-case letter.
    no_lower: bool,
    /// At least two letters.
    two_letters: bool,
    /// More than one character.
    long: bool,
}

impl WordFacts {
    /// The facts of `w`.
    pub fn of(w: &str, gaz: &Gazetteer, lex: &Lexicon, classes: &WordClasses) -> WordFacts {
        let lower = lower_hash(w);
        let (prefix, suffix) = affixes(w, w.chars().count());
        WordFacts {
            lower,
            shape: shape_hash(w, Casing::AsWritten),
            prefix,
            suffix,
            class: classes.of(lower),
            gaz: gaz.word(lower) | hyphen_cue(w, gaz),
            in_lex: lex.contains(lower),
            first_upper: w.chars().next().is_some_and(char::is_uppercase),
            has_alpha: w.chars().any(char::is_alphabetic),
            has_digit: w.chars().any(|c| c.is_numeric()),
            no_lower: !w.chars().any(char::is_lowercase),
            two_letters: w.chars().filter(|c| c.is_alphabetic()).count() >= 2,
            long: w.chars().nth(1).is_some(),
        }
    }
}

/// The cue category of a hyphenated word whose last part is an organization
/// cue word ("Star-Telegram", "American-Statesman"), else 0.
fn hyphen_cue(w: &str, gaz: &Gazetteer) -> u16 {
    match w.rsplit_once('-') {
        Some((head, last))
            if !head.is_empty() && last.chars().next().is_some_and(char::is_uppercase) =>
        {
            gaz.word(lower_hash(last)) & cat::CUE
        }
        _ => 0,
    }
}

/// [`WordFacts`] of the distinct words seen so far, keyed by their text.
#[derive(Debug, Default)]
pub struct WordCache {
    map: std::collections::HashMap<Box<str>, WordFacts, BuildWordHasher>,
    facts: Vec<WordFacts>,
}

impl WordCache {
    /// Distinct words kept before the cache starts over (bounds its memory
    /// on huge inputs; a brief holds a few thousand).
    const MAX_WORDS: usize = 1 << 18;

    fn get(&mut self, w: &str, gaz: &Gazetteer, lex: &Lexicon, classes: &WordClasses) -> WordFacts {
        if let Some(f) = self.map.get(w) {
            return *f;
        }
        if self.map.len() >= Self::MAX_WORDS {
            self.map.clear();
        }
        let f = WordFacts::of(w, gaz, lex, classes);
        self.map.insert(w.into(), f);
        f
    }
}

/// Fills `out` with the facts of the tokens `words` of one sentence.
pub fn analyze(
    words: &[&str],
    gaz: &Gazetteer,
    lex: &Lexicon,
    classes: &WordClasses,
    out: &mut Vec<TokInfo>,
) {
    let facts: Vec<WordFacts> = words
        .iter()
        .map(|w| WordFacts::of(w, gaz, lex, classes))
        .collect();
    analyze_facts(words, &facts, gaz, out);
}

/// [`analyze`], taking each distinct word's facts from `cache`.
pub fn analyze_cached(
    words: &[&str],
    gaz: &Gazetteer,
    lex: &Lexicon,
    classes: &WordClasses,
    cache: &mut WordCache,
    out: &mut Vec<TokInfo>,
) {
    let mut facts = std::mem::take(&mut cache.facts);
    facts.clear();
    facts.extend(words.iter().map(|w| cache.get(w, gaz, lex, classes)));
    analyze_facts(words, &facts, gaz, out);
    cache.facts = facts;
}

/// [`analyze`] given the facts of each word.
fn analyze_facts(words: &[&str], facts: &[WordFacts], gaz: &Gazetteer, out: &mut Vec<TokInfo>) {
    out.clear();
    let shout = is_shouting(facts);
    let mut initial = true;
    for (w, f) in words.iter().zip(facts) {
        let has_alpha = f.has_alpha;
        let has_digit = f.has_digit;
        let all_caps = has_alpha && f.no_lower;
        let mut flags = 0;
        let g = f.gaz;
        let in_lex = f.in_lex;
        if in_lex {
            flags |= flag::LEX;
        }
        if all_caps {
            flags |= flag::ALLCAP;
        }
        let casing = if shout && all_caps && f.long {
            flags |= flag::SHOUT;
            if in_lex && g & cat::COUNTRY == 0 {
                Casing::Lower
            } else {
                Casing::Title
            }
        } else {
            Casing::AsWritten
        };
        if !has_alpha && !has_digit {
            flags |= flag::PUNCT;
        } else if has_digit && !has_alpha {
            flags |= flag::DIGIT;
        } else {
            if has_digit {
                flags |= flag::DIGIT;
            }
            let upper = match casing {
                Casing::AsWritten => f.first_upper,
                Casing::Title => true,
                Casing::Lower => false,
            };
            flags |= if upper { flag::CAP } else { flag::LOWER };
        }
        if initial && flags & flag::PUNCT == 0 {
            flags |= flag::INITIAL;
            initial = false;
        }
        out.push(TokInfo {
            lower: f.lower,
            shape: if casing == Casing::AsWritten {
                f.shape
            } else {
                shape_hash(w, casing)
            },
            prefix: f.prefix,
            suffix: f.suffix,
            flags,
            gaz: g,
            gaz_span: 0,
            gaz_pos: 0,
            run_first: 0,
            run_last: 0,
            class: f.class,
            run_class: 0,
            run_cue: 0,
            run_prev: 0,
            run_next: 0,
            doc: 0,
        });
    }
    mark_phrases(gaz, out);
    mark_runs(words, out);
    if is_result_line(words, out) {
        for t in out.iter_mut() {
            t.flags |= flag::SCORE;
        }
    }
}

/// A score: two numbers of one to three digits joined by a hyphen or dash.
pub(super) fn is_score(word: &str) -> bool {
    let Some((a, b)) = word.split_once(['-', '\u{2013}']) else {
        return false;
    };
    let small = |x: &str| (1..=3).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    small(a) && small(b)
}

/// Words of a vote count ("the Senate voted 52-48"), whose tally is not a score.
fn is_vote_word(word: &str) -> bool {
    [
        "vote", "votes", "voted", "voting", "ballot", "ballots", "tally",
    ]
    .iter()
    .any(|v| word.eq_ignore_ascii_case(v))
}

/// Whether a sentence reads like a sports result or table row: it holds a
/// score, or a capitalized word, a small number and a capitalized word in a
/// row; a sentence about a vote is not one.
fn is_result_line(words: &[&str], infos: &[TokInfo]) -> bool {
    let name = |t: &TokInfo| t.flags & flag::CAP != 0 && t.flags & flag::LEX == 0;
    // The vote words are looked for only in a sentence that reads like a result.
    infos.iter().zip(words).enumerate().any(|(k, (t, w))| {
        t.flags & flag::DIGIT != 0
            && (is_score(w)
                || w.len() <= 3
                    && w.bytes().all(|c| c.is_ascii_digit())
                    && k > 0
                    && name(&infos[k - 1])
                    && infos.get(k + 1).is_some_and(name))
    }) && !words.iter().copied().any(is_vote_word)
}

fn is_cue(t: &TokInfo) -> bool {
    t.gaz & cat::CUE != 0
}

/// Where a cue word stands in a capitalized run of two or more words: 0
/// nowhere, 1 last ("Football Federation"), 2 first ("Bank of England"), 3
/// inside; the tokens that are cue words themselves add 4 (see `mark_runs`).
/// A run of one cue word is 8.
fn cue_code(run: &[TokInfo]) -> u8 {
    match run {
        [] => 0,
        [one] => 8 * u8::from(is_cue(one)),
        [first, inner @ .., last] => {
            if is_cue(last) {
                1
            } else if is_cue(first) {
                2
            } else if inner.iter().any(is_cue) {
                3
            } else {
                0
            }
        }
    }
}

fn is_name_word(t: &TokInfo) -> bool {
    t.flags & (flag::CAP | flag::DIGIT) != 0 && t.flags & (flag::LOWER | flag::PUNCT) == 0
}

/// Words that may join the parts of a name ("Bank of America", "van der").
fn is_joiner(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "and"
            | "de"
            | "van"
            | "der"
            | "von"
            | "&"
            | "for"
            | "la"
            | "du"
            | "del"
            | "da"
            | "-"
    )
}

/// What [`TokInfo::run_prev`] and [`TokInfo::run_next`] hold at a sentence's ends.
const RUN_EDGE: u64 = 0x5eed;

/// A possessive ending written as a token of its own ("Gazprom 's").
pub(super) fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// Sets the `run_*` facts of capitalized runs, joined by small words.
fn mark_runs(words: &[&str], infos: &mut [TokInfo]) {
    let mut i = 0;
    while i < infos.len() {
        if !is_name_word(&infos[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < infos.len() && is_name_word(&infos[j]) {
                j += 1;
            } else if j + 1 < infos.len() && is_joiner(words[j]) && is_name_word(&infos[j + 1]) {
                j += 2;
            } else {
                break;
            }
        }
        let (first, last) = (infos[i].lower, infos[j - 1].lower);
        let class = infos[j - 1].class[1];
        let cue = cue_code(&infos[i..j]);
        let several = j - i > 1;
        // The words around the name; a possessive after it reads with the word after that.
        let prev = if i > 0 { infos[i - 1].lower } else { RUN_EDGE };
        let next = match infos.get(j) {
            Some(n) if is_possessive(words[j]) => {
                mix(n.lower, infos.get(j + 1).map_or(RUN_EDGE, |m| m.lower))
            }
            Some(n) => n.lower,
            None => RUN_EDGE,
        };
        for t in &mut infos[i..j] {
            t.run_prev = prev;
            t.run_next = next;
            t.run_first = first;
            t.run_last = last;
            t.run_class = class;
            t.run_cue = cue | (4 * u8::from(several && is_cue(t)));
        }
        i = j;
    }
}

/// Marks the longest gazetteer phrases, left to right, starting at capitalized words.
fn mark_phrases(gaz: &Gazetteer, infos: &mut [TokInfo]) {
    let mut hashes = [0u64; MAX_LEN];
    let mut i = 0;
    while i < infos.len() {
        if infos[i].flags & (flag::CAP | flag::DIGIT) == 0 || infos[i].flags & flag::LOWER != 0 {
            i += 1;
            continue;
        }
        let n = (infos.len() - i).min(MAX_LEN);
        for (k, h) in hashes.iter_mut().enumerate().take(n) {
            *h = infos[i + k].lower;
        }
        match gaz.longest(&hashes[..n]) {
            Some(m) => {
                for k in 0..m.len {
                    let t = &mut infos[i + k];
                    t.gaz_span = m.cats;
                    t.gaz_pos = if m.len == 1 {
                        3
                    } else if k == 0 {
                        1
                    } else {
                        2
                    };
                }
                i += m.len;
            }
            None => i += 1,
        }
    }
}

/// Sets `SEEN_CAP` on tokens whose form is capitalized mid-sentence somewhere
/// in the document (`infos` holds all of the document's tokens).
pub fn mark_seen_caps_flat(infos: &mut [TokInfo], seen: &mut HashSet64) {
    seen.clear();
    for t in infos.iter() {
        if t.flags & flag::CAP != 0 && t.flags & (flag::INITIAL | flag::SHOUT) == 0 {
            seen.insert(t.lower);
        }
    }
    for t in infos.iter_mut() {
        if seen.contains(&t.lower) {
            t.flags |= flag::SEEN_CAP;
        }
    }
}

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

    #[test]
    fn shouted_words_are_recased() {
        let gaz = Gazetteer::parse("C\tKazakhstan\n");
        let lex = Lexicon::parse("minister\nvisits\n");
        let classes = WordClasses::default();
        let mut a = Vec::new();
        analyze(
            &["MINISTER", "VISITS", "KAZAKHSTAN"],
            &gaz,
            &lex,
            &classes,
            &mut a,
        );
        let mut b = Vec::new();
        analyze(
            &["minister", "visits", "Kazakhstan"],
            &gaz,
            &lex,
            &classes,
            &mut b,
        );
        assert_eq!(a[1].shape, b[1].shape);
        assert_eq!(a[2].shape, b[2].shape);
        assert!(a[2].flags & flag::CAP != 0 && a[1].flags & flag::LOWER != 0);
        assert_eq!(a[2].gaz_span, cat::COUNTRY);
    }

    #[test]
    fn a_cue_word_marks_every_word_of_its_name() {
        let gaz = Gazetteer::parse("C\tKazakhstan\nK\tFederation\nK\tBank\n");
        let (lex, classes) = (Lexicon::parse("the\nfined\n"), WordClasses::default());
        let mut a = Vec::new();
        let words = [
            "the",
            "Kazakhstan",
            "Football",
            "Federation",
            "fined",
            "Bank",
            "of",
            "England",
        ];
        analyze(&words, &gaz, &lex, &classes, &mut a);
        let cues: Vec<u8> = a.iter().map(|t| t.run_cue).collect();
        // Cue last in "Kazakhstan Football Federation", first in "Bank of England".
        assert_eq!(cues, [0, 1, 1, 1 | 4, 0, 2 | 4, 2, 2]);
        analyze(&["the", "Bank", "fined"], &gaz, &lex, &classes, &mut a);
        assert_eq!(a[1].run_cue, 8);
    }

    #[test]
    fn result_lines_are_told_from_prose() {
        let (gaz, classes) = (Gazetteer::default(), WordClasses::default());
        let lex = Lexicon::parse("beat\nin\nthe\nwon\nseats\n");
        let score = |words: &[&str]| {
            let mut a = Vec::new();
            analyze(words, &gaz, &lex, &classes, &mut a);
            a.iter().all(|t| t.flags & flag::SCORE != 0)
        };
        assert!(score(&["Leeds", "1", "Middlesbrough", "1"]));
        assert!(score(&["Leeds", "beat", "Chelsea", "2-1"]));
        assert!(!score(&["Leeds", "won", "12", "seats", "in", "1997-2001"]));
        assert!(!score(&["the", "2", "Leeds"]));
        assert!(!score(&[
            "The", "Senate", "voted", "52-48", "to", "confirm", "Smith"
        ]));
    }

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

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(
            shape_hash("Kazakhstan", Casing::AsWritten),
            shape_hash("Astana", Casing::AsWritten)
        );
        assert_ne!(
            shape_hash("CSTO", Casing::AsWritten),
            shape_hash("Csto", Casing::AsWritten)
        );
    }
}

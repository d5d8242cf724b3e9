//! Per-token facts of a sentence for the tagger: flags (case, sentence start,
//! headline, result line), gazetteer phrases and the capitalized runs holding
//! each token. Shared by extraction and training so both see the same facts.

use super::classes::{WordClasses, LEVELS};
use super::gazetteer::{cat, Gazetteer, MAX_LEN};
use super::hashing::{mix, HashSet64};
use super::scripts::starts_caseless;
use super::word_facts::{shape_hash, Casing, WordFacts};
pub use super::word_facts::{Lexicon, WordCache};

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
    mark_phrases(words, gaz, out);
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
fn mark_phrases(words: &[&str], gaz: &Gazetteer, infos: &mut [TokInfo]) {
    let mut hashes = [0u64; MAX_LEN];
    let mut i = 0;
    while i < infos.len() {
        let capitalized =
            infos[i].flags & (flag::CAP | flag::DIGIT) != 0 && infos[i].flags & flag::LOWER == 0;
        // Arabic, Hebrew and Georgian have no capitals: a listed name there starts anyway.
        if !capitalized && !words.get(i).is_some_and(|w| starts_caseless(w)) {
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
}

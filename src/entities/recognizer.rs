//! The recognizer: tokens per sentence, the tagger's spans, the rules, then
//! aliases and document-level consistency, giving [`Entities`].

use super::aliases;
use super::candidates::Cand;
use super::classes::WordClasses;
use super::consensus;
use super::gazetteer::{cat, extend, Gazetteer};
use super::hashing::HashSet64;
use super::in_place::Aligned;
use super::perceptron::{kind_index, Model};
use super::rules;
use super::token_facts::{analyze_cached, flag, mark_seen_caps_flat, Lexicon, TokInfo, WordCache};
use super::tokens::{tokenize_into, Token};
use super::{Entities, Kind};
use crate::document::{Document, Span};
use std::ops::Range;
use std::sync::OnceLock;

/// The model, lexicon and gazetteer needed to recognize entities.
#[derive(Debug)]
pub struct Recognizer {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    pub classes: WordClasses,
    /// `None` when the shipped model is missing or unreadable: rules only.
    pub model: Option<Model>,
    /// The precision dial: the tagger margin a name needs to be kept
    /// (unless the same name is confident elsewhere in the document).
    pub min_conf: f32,
}

/// The shipped precision dial (see [`Recognizer::min_conf`]), chosen on
/// held-out training documents.
pub const DEFAULT_MIN_CONF: f32 = 20.0;

/// Documents longer than this (far above a brief's few tens of kilobytes) are
/// recognized a run of paragraphs at a time, so
/// memory follows the chunk, not the file. A brief is one chunk, with
/// document-level consistency over all of it.
pub const CHUNK_BYTES: usize = 256 << 10;

/// Sentence index ranges of about `max` bytes each, cut at paragraph ends
/// (or between sentences, inside a paragraph longer than `max`).
fn chunks(doc: &Document, max: usize) -> Vec<Range<usize>> {
    let sentences = doc.sentences();
    let mut out = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        let start = sentences[i].span().start;
        let mut j = i + 1;
        let mut cut = None;
        while j < sentences.len() && sentences[j].span().end - start <= max {
            if doc.paragraph_of(j) != doc.paragraph_of(j - 1) {
                cut = Some(j);
            }
            j += 1;
        }
        let end = if j == sentences.len() {
            j
        } else {
            cut.unwrap_or(j)
        };
        out.push(i..end);
        i = end;
    }
    out
}

/// Entities of successive chunks joined by canonical name, each taking the kind
/// most of its mentions had.
#[derive(Default)]
struct Merged {
    out: Entities,
    by_name: std::collections::HashMap<String, usize>,
    votes: Vec<[usize; 4]>,
}

impl Merged {
    fn add(&mut self, part: Entities) {
        let ids: Vec<usize> = part
            .entities
            .iter()
            .map(|e| {
                let id = *self.by_name.entry(e.name.clone()).or_insert_with(|| {
                    self.votes.push([0; 4]);
                    self.out.add(super::Entity::new(e.name.clone(), e.kind))
                });
                self.votes[id][slot(e.kind)] += e.count();
                id
            })
            .collect();
        for m in part.mentions() {
            self.out.push_mention(m.span(), ids[m.entity()]);
        }
    }

    fn finish(mut self) -> Entities {
        for (e, v) in self.out.entities.iter_mut().zip(&self.votes) {
            // Ties keep the kind the name was first found with.
            let first = slot(e.kind);
            if let Some(k) = KINDS
                .iter()
                .copied()
                .max_by_key(|&k| (v[slot(k)], slot(k) == first))
            {
                e.kind = k;
            }
        }
        self.out
    }
}

const KINDS: [Kind; 4] = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc];

fn slot(k: Kind) -> usize {
    match k {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Place => 2,
        Kind::Misc => 3,
    }
}

/// A document cut into tokens with the tagger's view of each.
pub(crate) struct Analysis<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub infos: Vec<TokInfo>,
    /// Token ranges of the sentences.
    pub sentences: Vec<Range<usize>>,
}

impl Analysis<'_> {
    /// The sentence (token range) holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<Range<usize>> {
        let at = self.sentences.partition_point(|r| r.end <= i);
        self.sentences.get(at).filter(|r| r.contains(&i)).cloned()
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// A key of the case-folded words `start..end`: spans that write the same
    /// words, in any case, have the same key ("NATO" and "Nato").
    pub fn words_key(&self, start: usize, end: usize) -> u64 {
        (start..end).fold(WORDS_SEED, |k, i| {
            extend(k, self.infos.get(i).map_or(0, |t| t.lower))
        })
    }

    /// The runs of consecutive tokens in `range` that `part` accepts, each cut
    /// after `max` tokens, in text order: the capitalized runs rules read names in.
    pub fn runs<'s>(
        &'s self,
        range: Range<usize>,
        max: usize,
        part: impl Fn(usize) -> bool + 's,
    ) -> impl Iterator<Item = Range<usize>> + 's {
        let mut k = range.start;
        std::iter::from_fn(move || {
            while k < range.end && !part(k) {
                k += 1;
            }
            if k >= range.end {
                return None;
            }
            let start = k;
            k += 1;
            while k < range.end && k - start < max && part(k) {
                k += 1;
            }
            Some(start..k)
        })
    }

    /// Byte span of tokens `range`.
    pub fn span(&self, range: Range<usize>) -> Span {
        match (
            self.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => Span::new(a.start, b.end),
            _ => Span::default(),
        }
    }
}

/// The key of no words, which [`Analysis::words_key`] extends word by word.
pub(super) const WORDS_SEED: u64 = 0x9e37;

/// Confidence added to a tagged name that the gazetteer lists with the same kind.
const GAZETTEER_BOOST: f32 = 15.0;

/// Tokens `start..end` if they are exactly one name of the lists (a name that
/// begins at `start` and ends at `end`, not inside a longer one).
pub(super) fn listed_name<'a>(
    a: &'a Analysis<'_>,
    start: usize,
    end: usize,
) -> Option<&'a [TokInfo]> {
    let toks = a.infos.get(start..end)?;
    let exact = match toks {
        [one] => one.gaz_pos == 3,
        [first, .., last] => {
            first.gaz_pos == 1
                && last.gaz_pos == 2
                && a.infos.get(end).is_none_or(|n| n.gaz_pos != 2)
        }
        [] => false,
    };
    exact.then_some(toks)
}

/// Whether the name lists know tokens `start..end` as a name of `kind`.
fn gazetteer_agrees(a: &Analysis, start: usize, end: usize, kind: Kind) -> bool {
    let Some(toks) = a.infos.get(start..end) else {
        return false;
    };
    let cats = listed_name(a, start, end).map_or(0, |t| t[0].gaz_span);
    match kind {
        Kind::Place => cats & (cat::PLACE | cat::COUNTRY) != 0,
        // A club of one common or cue word ("United") is left to the tagger.
        Kind::Organization => {
            cats & (cat::ORG | cat::ACRONYM) != 0
                || cats & cat::CLUB != 0
                    && !(toks.len() == 1
                        && (toks[0].flags & flag::LEX != 0 || toks[0].gaz & cat::CUE != 0))
        }
        Kind::Misc => cats & cat::PEOPLE != 0,
        Kind::Person => {
            cats & cat::LEADER != 0
                || toks.len() >= 2
                    && toks[0].gaz & cat::GIVEN != 0
                    && toks[toks.len() - 1].gaz & cat::SURNAME != 0
        }
    }
}

static BUILTIN: OnceLock<Recognizer> = OnceLock::new();

/// The shipped model, embedded in the binary (aligned: its weights are read in place).
static MODEL: &Aligned<[u8]> = &Aligned(*include_bytes!("../../assets/ner.model"));

/// The built-in name lists' table, baked by `build.rs` from `assets/gazetteer.tsv`.
static GAZETTEER: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin")));

impl Gazetteer {
    /// The built-in gazetteer (`assets/gazetteer.tsv`), read in place.
    pub fn builtin() -> Gazetteer {
        Gazetteer::from_static(&GAZETTEER.0).unwrap_or_default()
    }
}

impl Recognizer {
    /// The shipped recognizer (`assets/ner.model`, `assets/lexicon.txt`,
    /// `assets/gazetteer.tsv`, `assets/word-classes.tsv`), loaded on first use.
    pub fn builtin() -> &'static Recognizer {
        BUILTIN.get_or_init(|| Recognizer {
            gazetteer: Gazetteer::builtin(),
            lexicon: Lexicon::parse(include_str!("../../assets/lexicon.txt")),
            classes: WordClasses::builtin(),
            model: Model::from_static(&MODEL.0),
            min_conf: DEFAULT_MIN_CONF,
        })
    }

    /// Finds the entities of a document. Verbatim text (code) is left out: a
    /// sentence is read as the pieces around it, so no name spans it.
    pub fn extract(&self, doc: &Document) -> Entities {
        let sentences = doc.sentences();
        let pieces = |range: Range<usize>| -> Vec<Span> {
            if doc.verbatim().is_empty() {
                return sentences[range].iter().map(|s| s.span()).collect();
            }
            sentences[range]
                .iter()
                .flat_map(|s| doc.scanned_parts(s.span()))
                .collect()
        };
        let mut cache = WordCache::default();
        if doc.text().len() <= CHUNK_BYTES {
            return self.extract_in(doc.text(), &pieces(0..sentences.len()), &mut cache);
        }
        let mut out = Merged::default();
        for chunk in chunks(doc, CHUNK_BYTES) {
            out.add(self.extract_in(doc.text(), &pieces(chunk), &mut cache));
        }
        out.finish()
    }

    /// Finds the entities of `text`, given its sentence spans.
    pub fn extract_spans(&self, text: &str, sentences: &[Span]) -> Entities {
        self.extract_in(text, sentences, &mut WordCache::default())
    }

    /// [`Recognizer::extract_spans`], with the facts of words already seen in `cache`.
    fn extract_in(&self, text: &str, sentences: &[Span], cache: &mut WordCache) -> Entities {
        let mut a = self.analyze(text, sentences, cache);
        let mut cands = self.tag(&mut a);
        let pairs = rules::apply(&a, &self.gazetteer, &mut cands);
        aliases::resolve(&a, cands, &pairs, self.min_conf)
    }

    /// The token facts of `text` the rules read (for the rules' own tests).
    #[cfg(test)]
    pub(crate) fn analysis<'t>(&self, text: &'t str, sentences: &[Span]) -> Analysis<'t> {
        self.analyze(text, sentences, &mut WordCache::default())
    }

    fn analyze<'t>(
        &self,
        text: &'t str,
        sentences: &[Span],
        cache: &mut WordCache,
    ) -> Analysis<'t> {
        let bytes: usize = sentences.iter().map(|s| s.len()).sum();
        let mut tokens = Vec::with_capacity(bytes / 5);
        let mut ranges = Vec::with_capacity(sentences.len());
        let mut infos = Vec::with_capacity(bytes / 5);
        let mut words: Vec<&str> = Vec::new();
        let mut sent_infos = Vec::new();
        for s in sentences {
            let first = tokens.len();
            tokenize_into(text, s.start, s.end, &mut tokens);
            words.clear();
            words.extend(tokens[first..].iter().map(|t| t.text(text)));
            analyze_cached(
                &words,
                &self.gazetteer,
                &self.lexicon,
                &self.classes,
                cache,
                &mut sent_infos,
            );
            infos.extend_from_slice(&sent_infos);
            ranges.push(first..tokens.len());
        }
        let mut seen = HashSet64::default();
        mark_seen_caps_flat(&mut infos, &mut seen);
        Analysis {
            text,
            tokens,
            infos,
            sentences: ranges,
        }
    }

    fn tag(&self, a: &mut Analysis) -> Vec<Cand> {
        let mut out = Vec::new();
        let Some(model) = &self.model else {
            return out;
        };
        let mut all_tags = Vec::new();
        let mut all_margins = Vec::new();
        consensus::tag_document(
            model,
            &mut a.infos,
            &a.sentences,
            &mut consensus::Scratch::default(),
            &mut all_tags,
            &mut all_margins,
        );
        for r in &a.sentences {
            let (Some(tags), Some(margins)) = (all_tags.get(r.clone()), all_margins.get(r.clone()))
            else {
                continue;
            };
            let mut i = 0;
            while i < tags.len() {
                let t = tags[i];
                if t == 0 {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                let mut conf = margins[i];
                while j < tags.len() && tags[j] == (t - 1) / 2 * 2 + 2 {
                    conf = conf.min(margins[j]);
                    j += 1;
                }
                let kind = KINDS[kind_index(t).min(3)];
                let (start, end) = (r.start + i, r.start + j);
                let conf = conf
                    + if gazetteer_agrees(a, start, end, kind) {
                        GAZETTEER_BOOST
                    } else {
                        0.0
                    };
                out.push(Cand {
                    start,
                    end,
                    kind,
                    conf,
                });
                i = j;
            }
        }
        out
    }
}

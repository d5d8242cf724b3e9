//! Training the tagger from BIO-tagged CoNLL files (`../shared/eval/ner-train`,
//! read by `corpus`): averaged perceptron epochs and the held-out reports.
//! Used by the `folio-train` binary.
//!
//! Retraining (deterministic: the same inputs give byte-identical files):
//!
//! ```text
//! scripts/build-football-clubs CLUBS_CHECKOUT    # scripts/football-clubs.txt (openfootball/clubs)
//! scripts/build-gazetteers ../shared --geonames GN_DATA --natural-earth NE_CSV
//!                                               # assets/gazetteer.tsv (only if the lists change)
//! scripts/build-word-classes GLOVE_DATA_DIR      # assets/word-classes.tsv (only if the clusters change)
//! cargo run --release --bin folio-train -- ../shared/eval/ner-train /tmp/ner
//! cp /tmp/ner/ner.model /tmp/ner/lexicon.txt assets/
//! cargo build --release && scripts/eval-ner ../shared
//! ```
//!
//! Every 20th document is held out; the run prints tagger and whole-pipeline
//! scores on them per source and per precision dial (`Recognizer::min_conf`).
//! Generated sports, business and politics pages (`synthetic`) join the corpus.
//! btc and wnut17 (tweets) get weight 0; litbank and btc annotate no misc
//! names, so their `O` on capitalized words is not learned from.
//! The tagger reads a document twice (`consensus`); the second pass's evidence
//! for a training document comes from first-pass models that never saw it.

use super::classes::WordClasses;
use super::consensus::{self, tag_document, Scratch};
use super::corpus::{learn_lexicon, read_conll, Doc};
use super::gazetteer::Gazetteer;
use super::hashing::HashSet64;
use super::perceptron::{History, Model, Trainer};
use super::synthetic;
use super::token_facts::{analyze, flag, mark_seen_caps_flat, Lexicon, TokInfo};
use super::{Kind, Recognizer};
use crate::document::Span;
use std::ops::Range;
use std::path::Path;

/// Per-source training weight and whether that source annotates misc names.
fn source_profile(source: &str) -> (f32, bool) {
    match source {
        "btc" | "wnut17" => (0.0, source == "wnut17"),
        "litbank" => (0.5, false),
        _ => (1.0, true),
    }
}

/// The known source names, for per-source reports.
const SOURCES: [&str; 8] = [
    "btc",
    "crossner",
    "gum",
    "litbank",
    "redocred",
    "synthetic",
    "uner-ewt",
    "wnut17",
];

fn source_name(s: &str) -> &'static str {
    SOURCES
        .iter()
        .find(|&&x| x == s)
        .copied()
        .unwrap_or("other")
}

/// A sentence prepared for training.
struct Prepared {
    infos: Vec<TokInfo>,
    tags: Vec<u8>,
    skip_o: Vec<bool>,
    weight: f32,
    held_out: bool,
    doc: usize,
    /// The source (file stem) of the document.
    source: &'static str,
}

fn prepare(docs: &[Doc], gaz: &Gazetteer, lex: &Lexicon, classes: &WordClasses) -> Vec<Prepared> {
    let mut out = Vec::new();
    let mut seen = HashSet64::default();
    for (di, d) in docs.iter().enumerate() {
        let (weight, has_misc) = source_profile(&d.source);
        let mut flat: Vec<TokInfo> = Vec::new();
        let mut v = Vec::new();
        let held_out = di % 20 == 7;
        for (si, s) in d.sentences.iter().enumerate() {
            // One sentence in twelve is written in capitals, as headlines are.
            let shout = !held_out && (di + si) % 12 == 5 && s.words.len() >= 3;
            let upper: Vec<String> = if shout {
                s.words.iter().map(|w| w.to_uppercase()).collect()
            } else {
                Vec::new()
            };
            let words: Vec<&str> =
                if shout && upper.iter().zip(&s.words).all(|(u, w)| u.len() == w.len()) {
                    upper.iter().map(String::as_str).collect()
                } else {
                    s.words.iter().map(String::as_str).collect()
                };
            analyze(&words, gaz, lex, classes, &mut v);
            flat.extend_from_slice(&v);
        }
        mark_seen_caps_flat(&mut flat, &mut seen);
        let mut at = 0;
        for (si, s) in d.sentences.iter().enumerate() {
            let mut inf = flat.get(at..at + s.words.len()).unwrap_or(&[]).to_vec();
            at += s.words.len();
            let mut tags = s.tags.clone();
            // Every fourth sentence loses its final full stop, so that headlines
            // and unpunctuated lines are not strangers to the tagger.
            let ends_in_stop = s.words.last().is_some_and(|w| w == ".") && tags.last() == Some(&0);
            if !held_out && ends_in_stop && (di + si) % 4 == 0 && inf.len() > 1 {
                inf.pop();
                tags.pop();
            }
            let skip_o: Vec<bool> = inf
                .iter()
                .map(|t| !has_misc && t.flags & flag::CAP != 0 && t.flags & flag::INITIAL == 0)
                .collect();
            out.push(Prepared {
                infos: inf,
                tags,
                skip_o,
                weight,
                held_out,
                doc: di,
                source: source_name(&d.source),
            });
        }
    }
    out
}

/// Entity-level precision, recall and F1 of the model on the held-out
/// sentences, per source and over all.
fn held_out_scores(model: &Model, data: &[Prepared]) -> Vec<(&'static str, f64, f64, f64)> {
    let mut counts: Vec<(&'static str, [usize; 3])> = Vec::new();
    let mut tags = Vec::new();
    let mut margins = Vec::new();
    let mut scratch = Scratch::default();
    let held: Vec<&Prepared> = data.iter().filter(|p| p.held_out).collect();
    for doc in held.chunk_by(|a, b| a.doc == b.doc) {
        let mut infos = Vec::new();
        let mut ranges = Vec::new();
        for p in doc {
            ranges.push(infos.len()..infos.len() + p.infos.len());
            infos.extend_from_slice(&p.infos);
        }
        tag_document(
            model,
            &mut infos,
            &ranges,
            &mut scratch,
            &mut tags,
            &mut margins,
        );
        for (p, r) in doc.iter().zip(&ranges) {
            let pred = spans(&tags[r.clone()]);
            let gold = spans(&p.tags);
            let tp = pred.iter().filter(|s| gold.contains(s)).count();
            for name in [p.source, "all"] {
                let i = match counts.iter().position(|c| c.0 == name) {
                    Some(i) => i,
                    None => {
                        counts.push((name, [0; 3]));
                        counts.len() - 1
                    }
                };
                let c = &mut counts[i].1;
                c[0] += tp;
                c[1] += pred.len();
                c[2] += gold.len();
            }
        }
    }
    counts
        .into_iter()
        .map(|(name, [tp, np, ng])| {
            let p = tp as f64 / np.max(1) as f64;
            let r = tp as f64 / ng.max(1) as f64;
            (
                name,
                p,
                r,
                if p + r > 0.0 {
                    2.0 * p * r / (p + r)
                } else {
                    0.0
                },
            )
        })
        .collect()
}

/// Scores the whole recognizer (tagger, rules, aliases) on the held-out
/// documents of the news-like sources, with their tokens joined by spaces, for
/// a range of precision dials.
fn pipeline_report(
    docs: &[Doc],
    model: &Model,
    gaz: &Gazetteer,
    classes: &WordClasses,
    lexicon: &str,
) {
    let mut rec = Recognizer {
        gazetteer: gaz.clone(),
        lexicon: Lexicon::parse(lexicon),
        classes: classes.clone(),
        model: Some(model.clone()),
        min_conf: 0.0,
    };
    let mut texts = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        if di % 20 != 7
            || !matches!(
                d.source.as_str(),
                "gum" | "redocred" | "crossner" | "uner-ewt"
            )
        {
            continue;
        }
        let mut text = String::new();
        let mut sentences = Vec::new();
        let mut gold = Vec::new();
        for s in &d.sentences {
            let start = text.len();
            let mut open: Option<(usize, u8)> = None;
            let mut last_end = start;
            for (w, &t) in s.words.iter().zip(&s.tags) {
                if text.len() > start {
                    text.push(' ');
                }
                if let Some((os, ok)) = open {
                    if t != ok + 1 {
                        gold.push((os, last_end, ok));
                        open = None;
                    }
                }
                if t % 2 == 1 {
                    open = Some((text.len(), t));
                }
                text.push_str(w);
                last_end = text.len();
            }
            if let Some((os, ok)) = open {
                gold.push((os, last_end, ok));
            }
            sentences.push(Span::new(start, text.len()));
            text.push('\n');
        }
        gold.retain(|g| g.2 < 7);
        texts.push((d.source.clone(), text, sentences, gold));
    }
    eprintln!("held-out pipeline (tokens joined by spaces), per/org/place exact spans:");
    for dial in [0.0, 4.0, 8.0, 12.0, 16.0, 20.0] {
        rec.min_conf = dial;
        let mut line = format!("  min_conf {dial:>4}:");
        // Per kind (person, organization, place) over the four sources: tp, predicted, gold.
        let mut by_kind = [[0usize; 3]; 3];
        for src in ["gum", "redocred", "crossner", "uner-ewt"] {
            let (mut tp, mut np, mut ng) = (0, 0, 0);
            for (s, text, sentences, gold) in texts.iter().filter(|t| t.0 == src) {
                let _ = s;
                let e = rec.extract_spans(text, sentences);
                let pred: Vec<(usize, usize, u8)> = e
                    .mentions
                    .iter()
                    .filter_map(|m| {
                        let k = match e.entities[m.entity()].kind {
                            Kind::Person => 1,
                            Kind::Organization => 3,
                            Kind::Place => 5,
                            Kind::Misc => return None,
                        };
                        Some((m.span().start, m.span().end, k))
                    })
                    .collect();
                np += pred.len();
                ng += gold.len();
                tp += pred.iter().filter(|p| gold.contains(p)).count();
                for (k, counts) in by_kind.iter_mut().enumerate() {
                    let kind = 1 + 2 * k as u8;
                    counts[0] += pred
                        .iter()
                        .filter(|p| p.2 == kind && gold.contains(p))
                        .count();
                    counts[1] += pred.iter().filter(|p| p.2 == kind).count();
                    counts[2] += gold.iter().filter(|g| g.2 == kind).count();
                }
            }
            let p = tp as f64 / np.max(1) as f64;
            let r = tp as f64 / ng.max(1) as f64;
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            line.push_str(&format!("  {src} P {p:.3} R {r:.3} F1 {f:.3}"));
        }
        for (name, [tp, np, ng]) in ["per", "org", "place"].iter().zip(by_kind) {
            let p = tp as f64 / np.max(1) as f64;
            let r = tp as f64 / ng.max(1) as f64;
            line.push_str(&format!("  {name} P {p:.3} R {r:.3}"));
        }
        eprintln!("{line}");
    }
}

/// (start, end, kind) spans of a BIO tag sequence (misc left out, as in scoring).
fn spans(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 || t.is_multiple_of(2) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tags.len() && tags[j] == t + 1 {
            j += 1;
        }
        if t < 7 {
            out.push((i, j, t));
        }
        i = j;
    }
    out
}

/// Generated sports pages added to the corpus (see [`synthetic`]).
const SPORTS_PAGES: usize = 400;
/// Generated business and politics pages added to the corpus.
const NEWS_PAGES: usize = 400;

/// Folds of the first-pass models that give the training documents their evidence.
const FOLDS: usize = 4;

/// The tokens of a document's sentences in one run, and each sentence's range in it.
fn flatten(data: &[Prepared], sentences: &[usize]) -> (Vec<TokInfo>, Vec<Range<usize>>) {
    let mut flat = Vec::new();
    let mut ranges = Vec::new();
    for &i in sentences {
        ranges.push(flat.len()..flat.len() + data[i].infos.len());
        flat.extend_from_slice(&data[i].infos);
    }
    (flat, ranges)
}

/// Runs `epochs` shuffled passes over `docs` (each a document's sentence
/// indexes into `data`). With `evidence` (a `doc` value per token of each
/// sentence) every document is learned twice, as [`tag_document`] reads it:
/// first without document evidence, then with it.
fn run_epochs(
    trainer: &mut Trainer,
    data: &[Prepared],
    docs: &[Vec<usize>],
    epochs: usize,
    evidence: Option<&[Vec<u8>]>,
) {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut hist = History::default();
    let mut guesses = Vec::new();
    let mut infos = Vec::new();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut right, mut seen) = (0, 0);
        for &d in &order {
            let passes: &[bool] = if evidence.is_some() {
                &[false, true]
            } else {
                &[false]
            };
            for &with_evidence in passes {
                hist.clear();
                for &i in &docs[d] {
                    let p = &data[i];
                    infos.clear();
                    infos.extend_from_slice(&p.infos);
                    let doc = evidence.filter(|_| with_evidence).and_then(|e| e.get(i));
                    for (k, t) in infos.iter_mut().enumerate() {
                        t.doc = doc.and_then(|v| v.get(k)).copied().unwrap_or(0);
                    }
                    guesses.clear();
                    let (r, s) = trainer.learn(
                        &infos,
                        &mut hist,
                        &p.tags,
                        &p.skip_o,
                        p.weight,
                        &mut guesses,
                    );
                    right += r;
                    seen += s;
                }
            }
        }
        eprintln!(
            "epoch {}: scored-token accuracy {:.4}",
            epoch + 1,
            right as f64 / seen.max(1) as f64
        );
    }
}

/// What a training run produces.
pub struct Trained {
    pub model: Model,
    pub lexicon: String,
}

/// Trains on every `*.conll` file of `dir`, printing progress to stderr.
pub fn train(
    dir: &Path,
    gaz: &Gazetteer,
    classes: &WordClasses,
    bits: u32,
    epochs: usize,
) -> std::io::Result<Trained> {
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conll"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(std::io::Error::other(format!(
            "{}: no *.conll files",
            dir.display()
        )));
    }
    for p in &paths {
        let text = std::fs::read_to_string(p)?;
        let source = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let d = read_conll(&text, source);
        eprintln!("{}: {} documents", p.display(), d.len());
        docs.extend(d);
    }
    let lexicon = learn_lexicon(&docs);
    // Sports, business and politics pages (after the lexicon, which stays learned from real text).
    let mut pages = synthetic::documents(SPORTS_PAGES);
    pages.extend(synthetic::news_documents(NEWS_PAGES));
    eprintln!("synthetic: {} documents", pages.len());
    docs.extend(pages);
    let lex = Lexicon::parse(&lexicon);
    eprintln!("lexicon: {} words", lex.len());
    let data = prepare(&docs, gaz, &lex, classes);
    // Documents are shuffled, their sentences kept in order for the history feature.
    let mut doc_sentences: Vec<Vec<usize>> = Vec::new();
    for (i, p) in data.iter().enumerate() {
        if p.held_out || p.weight <= 0.0 {
            continue;
        }
        match doc_sentences.last_mut() {
            Some(d) if data[d[0]].doc == p.doc => d.push(i),
            _ => doc_sentences.push(vec![i]),
        }
    }
    // Document evidence for the second pass comes from models that never saw
    // the document (four folds), so the tagger learns to trust it only as far
    // as a first pass on unseen text deserves.
    let mut evidence: Vec<Vec<u8>> = vec![Vec::new(); data.len()];
    let mut scratch = Scratch::default();
    let (mut tags, mut margins) = (Vec::new(), Vec::new());
    for fold in 0..FOLDS {
        let (mut rest, mut own) = (Vec::new(), Vec::new());
        for (k, d) in doc_sentences.iter().enumerate() {
            if k % FOLDS == fold {
                own.push(d.clone());
            } else {
                rest.push(d.clone());
            }
        }
        let mut trainer = Trainer::new(bits);
        run_epochs(&mut trainer, &data, &rest, epochs, None);
        let model = trainer.finish();
        for sentences in &own {
            let (mut flat, ranges) = flatten(&data, sentences);
            consensus::first_pass(
                &model,
                &flat,
                &ranges,
                &mut scratch,
                &mut tags,
                &mut margins,
            );
            consensus::mark(&mut flat, &tags, &mut scratch);
            for (&i, r) in sentences.iter().zip(&ranges) {
                evidence[i] = flat[r.clone()].iter().map(|t| t.doc).collect();
            }
        }
        eprintln!(
            "fold {}: first-pass evidence for {} documents",
            fold + 1,
            own.len()
        );
    }
    let mut trainer = Trainer::new(bits);
    run_epochs(&mut trainer, &data, &doc_sentences, epochs, Some(&evidence));
    let model = trainer.finish();
    pipeline_report(&docs, &model, gaz, classes, &lexicon);
    eprintln!("held-out (every 20th ner-train document), per/org/place spans:");
    for (name, p, r, f) in held_out_scores(&model, &data) {
        eprintln!("  {name:<10} P {p:.3} R {r:.3} F1 {f:.3}");
    }
    Ok(Trained { model, lexicon })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::corpus::read_conll;

    #[test]
    fn reads_conll() {
        let text = "-DOCSTART-\tgum/x\n\nDaniyal\tB-PER\nAkhmetov\tI-PER\nspoke\tO\n\nIn\tO\nAstana\tB-LOC\n";
        let docs = read_conll(text, "gum");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "gum/x");
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags, vec![1, 2, 0]);
        assert_eq!(spans(&docs[0].sentences[1].tags), vec![(1, 2, 5)]);
    }
}

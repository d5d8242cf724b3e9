//! Entity recognition throughput: sentence splitting plus recognition, in
//! words per second on one core, over the bundled sample briefs repeated to
//! about a million words; and the one-time model load.
//!
//!   cargo bench --bench entities
//!
//! `scripts/bench-entities ../shared` measures the command itself on a 10 MB
//! brief, start-up included.
//!
//! A plain `harness = false` benchmark (no extra crates): it reports the
//! median of several runs.

use folio::document::Document;
use folio::entities::classes::WordClasses;
use folio::entities::gazetteer::Gazetteer;
use folio::entities::token_facts::Lexicon;
use folio::entities::Recognizer;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn corpus(target_words: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefs");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    if texts.is_empty() {
        texts.push(
            "Defense Minister Daniyal Akhmetov met the Dutch Ambassador in Astana on April 26."
                .into(),
        );
    }
    let mut out = String::new();
    let mut words = 0;
    while words < target_words {
        for t in &texts {
            out.push_str(t);
            out.push_str("\n\n");
            words += t.split_whitespace().count();
        }
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let t = Instant::now();
    let r = Recognizer::builtin();
    let load = t.elapsed();
    println!(
        "model load (model, name lists, lexicon, word classes): {:.1} ms",
        load.as_secs_f64() * 1e3
    );

    // Parts of the load, median of 7 (the first call above also paid page faults).
    let time = |f: &dyn Fn()| {
        median(
            (0..7)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed()
                })
                .collect(),
        )
    };
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let gaz = time(&|| drop(black_box(Gazetteer::builtin())));
    let classes = time(&|| drop(black_box(WordClasses::builtin())));
    let lex = time(&|| {
        drop(black_box(Lexicon::parse(include_str!(
            "../assets/lexicon.txt"
        ))))
    });
    println!(
        "  of which, warm: gazetteer {:.1} ms, word classes {:.1} ms, lexicon {:.1} ms \
         (the model's weights are read in place)",
        ms(gaz),
        ms(classes),
        ms(lex)
    );

    let text = corpus(1_000_000);
    let words = text.split_whitespace().count();
    let mut split = Vec::new();
    let mut total = Vec::new();
    let mut mentions = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let doc = Document::from_text(black_box(&text));
        black_box(doc.sentences().len());
        split.push(t.elapsed());
        let e = r.extract(&doc);
        total.push(t.elapsed());
        mentions = black_box(e.mentions().len());
    }
    let (s, a) = (median(split), median(total));
    let wps = |d: Duration| words as f64 / d.as_secs_f64();
    println!("corpus: {words} words, {mentions} mentions found");
    println!(
        "sentence splitting:            {:>12.0} words/s ({:.0} ms)",
        wps(s),
        s.as_secs_f64() * 1e3
    );
    println!(
        "splitting + entity recognition: {:>11.0} words/s ({:.0} ms)",
        wps(a),
        a.as_secs_f64() * 1e3
    );
}

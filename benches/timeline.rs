//! Timeline extraction throughput in words per second on one core.
//! `cargo bench --bench timeline` (plain `harness = false`: no extra crate needed).
//! Input: the bundled sample briefs (or FOLIO_BENCH_TEXT), repeated to about 2 MB of text.

use folio::document::Document;
use folio::timeline;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn corpus() -> String {
    // FOLIO_BENCH_TEXT=FILE measures on other text (it is repeated to the same size).
    if let Some(t) =
        std::env::var_os("FOLIO_BENCH_TEXT").and_then(|p| std::fs::read_to_string(p).ok())
    {
        return repeat(&t);
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefs");
    let mut base = String::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                base.push_str(&t);
                base.push_str("\n\n");
            }
        }
    }
    // A paragraph dense in dates keeps the benchmark honest when the sample is short.
    base.push_str(
        "On April 23 the minister said that talks would resume next Tuesday. Last year, exports \
         rose 12% over the previous two years, and the ministry meets every year in the third \
         quarter. Officials recently said that the fleet will be ready by the end of 2008, \
         while the 1990s saw a decade of decline. Shelling resumed at 10:35 a.m. Friday.\n\n",
    );
    repeat(&base)
}

fn repeat(base: &str) -> String {
    let mut text = String::with_capacity(2_100_000);
    while text.len() < 2_000_000 && !base.is_empty() {
        text.push_str(base);
        text.push_str("\n\n");
    }
    text
}

fn main() {
    let text = corpus();
    let mut doc = Document::from_text(&text);
    if let Some(d) = folio::date::Date::new(2007, 4, 27) {
        doc.set_published(d);
    }
    let words = text.split_whitespace().count();
    let mut runs = 0u32;
    let mut found = 0usize;
    let mut times = Vec::new();
    let start = Instant::now();
    while runs < 5 || start.elapsed() < Duration::from_secs(3) {
        let t = Instant::now();
        found = black_box(timeline::extract(black_box(&doc))).len();
        times.push(t.elapsed());
        runs += 1;
    }
    times.sort_unstable();
    let secs = times[0].as_secs_f64();
    println!(
        "timeline::extract: {words} words, {found} expressions, best of {runs} runs {:.1} ms, {:.0} words/s",
        secs * 1e3,
        words as f64 / secs
    );
    // On a shared machine the best run flatters; the median says what a run usually takes.
    let median = times[times.len() / 2].as_secs_f64();
    println!(
        "timeline::extract: median of {runs} runs {:.1} ms, {:.0} words/s",
        median * 1e3,
        words as f64 / median
    );
}

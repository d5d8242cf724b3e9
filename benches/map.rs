//! Opening the map of a brief's places (`M`), against the 20 ms target:
//!
//!   cargo bench --bench map
//!
//! On the bundled sample brief (its entities found first, as the reader has
//! them), reports the first opening in the process (the coordinate table's line
//! index and the borders parsed on first use), then the median of later ones:
//! `M` through `App::update` (resolving every place), and `M` plus rendering one
//! 120x40 frame with the map into a TestBackend buffer. A plain `harness = false`
//! benchmark: no extra crates.

use folio::document::Document;
use folio::ui::{Action, App};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

const TARGET: Duration = Duration::from_millis(20);

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/briefs/caspian-summit-2007.txt"
    );
    let text = std::fs::read_to_string(path).expect("the sample brief");
    let doc = Arc::new(Document::from_text(&text));
    let mut app = App::with_extraction(doc, "sample".into());
    app.update(Action::Resize(120, 40));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();

    let t = Instant::now();
    app.update(Action::ToggleMap);
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let first = t.elapsed();
    app.update(Action::ToggleMap);
    let places = {
        app.update(Action::ToggleMap);
        let n = app.map.as_ref().map_or(0, |m| m.places.len());
        app.update(Action::ToggleMap);
        n
    };

    let open: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            app.update(Action::ToggleMap);
            let d = t.elapsed();
            app.update(Action::ToggleMap);
            d
        })
        .collect();
    let frame: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            app.update(Action::ToggleMap);
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
            let d = t.elapsed();
            app.update(Action::ToggleMap);
            d
        })
        .collect();
    let (open, frame) = (median(open), median(frame));
    println!("map of the sample brief: {places} places");
    println!("  first open + frame (cold): {}", ms(first));
    println!("  open (M, resolve):         {}", ms(open));
    println!("  open + 120x40 frame:       {}", ms(frame));
    let verdict = if first.max(frame) <= TARGET {
        "within"
    } else {
        "OVER"
    };
    println!("  target {}: {verdict}", ms(TARGET));
}

//! The reader's per-frame and per-key work, and the whole extraction pipeline,
//! on generated text of 1 MB and 100 MB (the bundled briefs repeated) and on
//! one 10 MB line (the same text with no line breaks):
//!
//!   cargo bench --bench reader [-- NAME]   (NAME: 1mb, 10mb, 100mb or line)
//!
//! Reports medians of several runs: parsing a file into paragraphs, the whole
//! pipeline (sentences, entities, timeline) in words per second on one core,
//! and, with highlighting on, wrapping plus rendering one 160x48 frame into a
//! TestBackend buffer and the keys `j`, `G`, `g`, `n` and `>` through
//! `App::update`; at 100 MB also the main thread's work on each message of
//! the load, which a key pressed meanwhile waits for. A plain `harness = false` benchmark: no extra crates.

use folio::document::Document;
use folio::entities::store::Change;
use folio::ui::extraction::Extraction;
use folio::ui::screen::Screen;
use folio::ui::{Action, App};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn corpus(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/briefs");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            t.split_once("\n\n")
                .map_or(t.clone(), |(_, body)| body.to_string())
        })
        .collect();
    texts.sort();
    let mut out = String::from("Title: generated\nDate: 2008-08-20\n\n");
    while out.len() < bytes {
        for t in &texts {
            out.push_str(t);
            out.push_str("\n\n");
        }
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn bench(label: &str, text: String, pipeline_runs: usize) {
    let words = text.split_whitespace().count();
    println!("\n{label}: {} bytes, {words} words", text.len());
    let parse = time(5, || drop(black_box(Document::from_text(&text))));
    println!("  parse (header, paragraphs)            {}", ms(parse));
    let doc = Arc::new(Document::from_text(&text));
    let mut found = None;
    let pipeline = time(pipeline_runs, || {
        let d = Document::from_text(&text);
        let e = folio::entities::extract(&d);
        let ev = folio::timeline::build(&d);
        found = Some((e, ev));
    });
    println!(
        "  pipeline (sentences, entities, dates)  {} = {:.0} words/s",
        ms(pipeline),
        words as f64 / pipeline.as_secs_f64()
    );
    let (entities, events) = found.expect("ran");
    let mut app = App::new(doc, "bench".into());
    app.update(Action::Extracted(Box::new((entities, events).into())));
    app.update(Action::Resize(160, 48));
    let mut term = Terminal::new(TestBackend::new(160, 48)).expect("backend");
    let frame = time(21, || {
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
    println!("  wrap + render one 160x48 frame        {}", ms(frame));
    // What the reader does per key: the key, then the frame written as a
    // difference (a one-line scroll as the terminal's own scroll).
    // Written as escape sequences to a sink, as to a real terminal.
    let mut sink = Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 160, 48)),
        },
    )
    .expect("backend");
    let mut screen = Screen::default();
    let mut down = true;
    let scrolled = time(101, || {
        // Down and back up, so the pane never reaches an end and stops moving.
        app.update(if down {
            Action::MoveDown
        } else {
            Action::MoveUp
        });
        down = !down;
        screen
            .draw(&mut sink, &app, app.areas().map(|a| a.text))
            .expect("draw");
    });
    println!("  j + its frame through ui::screen      {}", ms(scrolled));
    // Selecting an entity (Enter in the sidebar, a click on a mention) finds
    // its mentions among all of them: the least and the most mentioned in turn.
    let by_count = |most: bool| {
        (0..app.entities.entities.len()).max_by_key(|&i| {
            let n = app.entities.entities[i].count();
            if most {
                n
            } else {
                usize::MAX - n
            }
        })
    };
    if let (Some(few), Some(most)) = (by_count(false), by_count(true)) {
        let mut flip = false;
        let select = time(21, || {
            flip = !flip;
            app.select_entity(if flip { few } else { most });
        });
        println!("  select an entity (Enter, a click)     {}", ms(select));
        // The most mentioned stays selected so `n` has somewhere to go.
        app.select_entity(most);
    }
    for (name, action) in [
        ("j (scroll a line)", Action::MoveDown),
        ("G (to the end)", Action::GoBottom),
        ("g (to the top)", Action::GoTop),
        ("n (next mention)", Action::NextMatch),
        ("> (next event)", Action::NextEvent),
    ] {
        let d = time(101, || {
            app.update(action.clone());
        });
        println!("  key {name:<20}               {}", ms(d));
    }
    // The strip with the `f` filter on: only the events whose sentence
    // mentions the selected (most mentioned) entity. Turning it on finds them;
    // each frame then reads them.
    let toggle = median(
        (0..21)
            .map(|_| {
                let t = Instant::now();
                app.update(Action::ToggleTimelineFilter);
                let on = t.elapsed();
                app.update(Action::ToggleTimelineFilter);
                on
            })
            .collect(),
    );
    app.update(Action::ToggleTimelineFilter);
    assert!(app.timeline_filter, "the filter is on");
    println!("  key f (timeline filter on)            {}", ms(toggle));
    let each = time(5, || {
        black_box(
            (0..app.events.len())
                .filter(|&i| app.event_visible(i))
                .count(),
        );
    });
    println!("  ... the filter asked of every event   {}", ms(each));
    let filtered = time(21, || {
        term.draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
    });
    println!("  ... the same, timeline filtered (f)   {}", ms(filtered));
    let step = time(101, || {
        app.update(Action::NextEvent);
    });
    println!("  key > (next event), filtered          {}", ms(step));
}

/// How long the main thread is busy with each message a big file's load sends
/// (and the effect it asks for): a key pressed meanwhile waits that long.
fn loading(text: &str) {
    let mut cut = folio::ui::loader::PREFIX_BYTES.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let notes = std::env::temp_dir().join(format!("folio-bench-notes-{}", std::process::id()));
    let edge = folio::ui::effects::Edge {
        notes: Some(folio::annotations::Store::new(&notes)),
        ..Default::default()
    };
    let whole = Document::from_text(text);
    let (entities, events) = {
        let e = folio::entities::extract(&whole);
        let ev = folio::timeline::build(&whole);
        (e, ev)
    };
    // As the loader sends it: hashed on the loading thread.
    whole.fingerprint();
    let whole = Arc::new(whole);
    // A stored correction, as a user who marked one name not an entity has.
    let name = entities.entities.first().map(|e| e.name.clone());
    let corrected: Vec<Change> = name
        .into_iter()
        .map(|name| Change::NotEntity { name })
        .collect();
    let mut worst = [Duration::ZERO; 3];
    for _ in 0..3 {
        for (slot, corrections) in [(1, Vec::new()), (2, corrected.clone())] {
            let mut app = App::new(Arc::new(Document::from_text(&text[..cut])), "bench".into());
            app.loading = true;
            app.corrections = corrections.clone();
            app.update(Action::Resize(160, 48));
            // As the loader sends it: cut into blocks on its thread.
            let loaded = Action::loaded(whole.clone());
            let t = Instant::now();
            if let Some(effect) = app.update(loaded) {
                folio::ui::effects::run(&mut app, effect, &edge);
            }
            worst[0] = worst[0].max(t.elapsed());
            // As the loader sends it: corrected on its thread.
            let data = Extraction::derive(&whole, entities.clone(), events.clone(), corrections);
            let t = Instant::now();
            app.update(Action::Extracted(Box::new(data)));
            worst[slot] = worst[slot].max(t.elapsed());
        }
    }
    let _ = std::fs::remove_dir_all(&notes);
    println!(
        "  main thread on Loaded + its notes      {} (worst of 6)",
        ms(worst[0])
    );
    println!(
        "  main thread on Extracted               {} (worst of 3)",
        ms(worst[1])
    );
    println!(
        "  ... with a stored correction           {} (worst of 3)",
        ms(worst[2])
    );
}

fn main() {
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    if wanted("1mb") {
        bench("1 MB", corpus(1 << 20), 5);
    }
    if wanted("10mb") {
        let text = corpus(10 << 20);
        bench("10 MB", text.clone(), 1);
        loading(&text);
    }
    if wanted("100mb") {
        let text = corpus(100 << 20);
        bench("100 MB", text.clone(), 1);
        loading(&text);
    }
    if wanted("line") {
        let text = corpus(10 << 20);
        let body = text.split_once("\n\n").map_or(text.as_str(), |(_, b)| b);
        let line = body.replace(['\n', '\r'], " ");
        bench("one 10 MB line", line, 1);
    }
}

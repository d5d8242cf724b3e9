//! The library against per-brief extraction, and its cache under change: files
//! changed, touched, added and removed, and a damaged cache file. A simple
//! stand-in extractor (capitalized words, four-digit years) keeps these tests
//! independent of the real recognizers.

mod library_fixture;

use folio::date::Date;
use folio::document::{Document, Span};
use folio::entities::{Entities, Kind};
use folio::library::{self, kwic, Extractor, Miss, Options};
use folio::timeline::Event;
use library_fixture::*;
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

static COUNTED: AtomicUsize = AtomicUsize::new(0);

fn counting(doc: &Document) -> (Entities, Vec<Event>) {
    COUNTED.fetch_add(1, Ordering::SeqCst);
    stand_in(doc)
}

#[test]
fn index_matches_per_brief_extraction() {
    let dir = tempdir("correct");
    populate(&dir.0);
    let lib = open(&dir.0, STAND_IN);
    assert_eq!(
        lib.briefs().len(),
        3,
        "notes.csv and the hidden file are not briefs"
    );
    let mut total = HashMap::new();
    for b in lib.briefs() {
        let doc = folio::document::read_file(&b.path).unwrap();
        let (ents, events) = stand_in(&doc);
        let expect: Vec<(&str, Kind, Span)> = ents
            .mentions()
            .iter()
            .map(|m| {
                (
                    ents.entities[m.entity()].name.as_str(),
                    ents.entities[m.entity()].kind,
                    m.span(),
                )
            })
            .collect();
        let got: Vec<(&str, Kind, Span)> = b
            .mentions
            .iter()
            .map(|m| {
                let e = &lib.entities()[m.entity as usize];
                (&*e.name, e.kind, m.span.span())
            })
            .collect();
        assert_eq!(got, expect, "{}", b.path.display());
        for m in &b.mentions {
            let sentence = doc.slice(m.sentence.span());
            assert!(sentence.contains(doc.slice(m.span.span())));
            *total
                .entry(lib.entities()[m.entity as usize].name.to_string())
                .or_insert(0) += 1;
        }
        let values: Vec<&str> = events.iter().map(|e| e.value()).collect();
        let got: Vec<&str> = b.events.iter().map(|e| &*e.value).collect();
        assert_eq!(got, values);
        assert_eq!(b.summary.date, doc.published().date);
    }
    for &e in lib.ranking() {
        let ent = &lib.entities()[e as usize];
        assert_eq!(ent.mentions, total[&*ent.name], "{}", ent.name);
    }
    // Newest first.
    let dates: Vec<_> = lib
        .order()
        .iter()
        .map(|&id| lib.briefs()[id as usize].summary.date)
        .collect();
    assert_eq!(
        dates,
        [
            Date::new(2008, 5, 1),
            Date::new(2007, 4, 23),
            Date::new(2006, 1, 2)
        ]
    );
    // Concordance: every Bordyuza mention, oldest brief first, each hit's text its name.
    let e = lib.find_entity("bordyuza").unwrap();
    assert_eq!(lib.entities()[e as usize].briefs, 3);
    let hits = lib.concordance(e);
    assert_eq!(hits.len(), 4);
    let mut last = None;
    for h in &hits {
        let text = lib.text(h.brief).unwrap();
        assert_eq!(&text[h.span.start..h.span.end], "Bordyuza");
        let date = lib.briefs()[h.brief as usize].summary.date;
        assert!(last <= Some(date));
        last = Some(date);
        let line = kwic(&text, h, 30).unwrap();
        assert_eq!(line.keyword, "Bordyuza");
    }
    // One timeline, in date order; filtered by entity.
    let all: Vec<&str> = lib.timeline(None).iter().map(|(_, e)| &*e.value).collect();
    assert_eq!(all, ["2006", "2007", "2008", "2008"]);
    let tazhin = lib.find_entity("Tazhin").unwrap();
    let only: Vec<&str> = lib
        .timeline(Some(tazhin))
        .iter()
        .map(|(_, e)| &*e.value)
        .collect();
    assert_eq!(only, ["2007"]);
    // The row's top entities.
    let a = lib.order()[1];
    let top: Vec<&str> = lib
        .top_entities(a, 2)
        .iter()
        .map(|&e| &*lib.entities()[e as usize].name)
        .collect();
    assert_eq!(top, ["Astana", "Bordyuza"]);
    assert_eq!(lib.filter("c.txt").len(), 1);
}

#[test]
fn cache_follows_changed_touched_added_and_removed_files() {
    let dir = tempdir("cache");
    populate(&dir.0);
    let b = dir.0.join("briefs");
    let first = open(&dir.0, STAND_IN);
    assert_eq!(first.report.miss, Some(Miss::Absent));
    assert_eq!(first.report.queued, 3);
    let warm = open(&dir.0, STAND_IN);
    assert_eq!(
        (
            warm.report.cached,
            warm.report.queued,
            warm.report.miss.clone()
        ),
        (3, 0, None)
    );
    assert_eq!(snapshot(&warm), snapshot(&first));

    // Changed: new content (same size even), new mtime.
    let old = fs::read_to_string(b.join("b.txt")).unwrap();
    write(&b.join("b.txt"), &old.replace("Almaty", "Aktobe"), 1800);
    // Added, and removed.
    write(
        &b.join("2008/d.txt"),
        &brief("2009-09-09", "Nazarbayev opened Astana in 2009."),
        1800,
    );
    fs::remove_file(b.join("2008/c.txt")).unwrap();
    let next = open(&dir.0, STAND_IN);
    assert_eq!(
        (next.report.cached, next.report.queued, next.report.removed),
        (1, 2, 1)
    );
    let fresh = library::open_blocking(
        std::slice::from_ref(&b),
        &Options {
            cache_dir: None,
            ..opts(&dir.0, STAND_IN)
        },
    );
    assert_eq!(snapshot(&next), snapshot(&fresh));
    assert!(next.find_entity("Aktobe").is_some());
    assert!(next.find_entity("Nazarbayev").is_some());
    let almaty = next.find_entity("Almaty");
    assert!(
        almaty.is_none(),
        "Almaty was only in the changed and the removed brief"
    );

    // Touched: same content, new mtime → hashed again, not extracted again.
    let text = fs::read_to_string(b.join("a.txt")).unwrap();
    write(&b.join("a.txt"), &text, 600);
    let counting_ex = Extractor {
        name: "test-stand-in",
        run: counting,
    };
    let before = COUNTED.load(Ordering::SeqCst);
    let touched = open(&dir.0, counting_ex);
    assert_eq!(touched.report.queued, 1);
    assert_eq!(
        COUNTED.load(Ordering::SeqCst),
        before,
        "an unchanged file is not extracted again"
    );
    assert_eq!(snapshot(&touched), snapshot(&fresh));
    let again = open(&dir.0, STAND_IN);
    assert_eq!(again.report.queued, 0, "the new mtime was saved");
}

#[test]
fn damaged_or_foreign_cache_is_rebuilt_without_fuss() {
    let dir = tempdir("corrupt");
    populate(&dir.0);
    let good = open(&dir.0, STAND_IN);
    let file = good.cache_file().unwrap().to_path_buf();
    let bytes = fs::read(&file).unwrap();
    let damages: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"garbage".to_vec(),
        bytes[..bytes.len() / 2].to_vec(),
        {
            let mut b = bytes.clone();
            let mid = b.len() / 2;
            b[mid] ^= 0x40;
            b
        },
    ];
    for damaged in damages {
        fs::write(&file, &damaged).unwrap();
        let lib = open(&dir.0, STAND_IN);
        assert!(
            matches!(lib.report.miss, Some(Miss::Damaged(_))),
            "{:?}",
            lib.report.miss
        );
        assert_eq!(lib.report.queued, 3);
        assert_eq!(snapshot(&lib), snapshot(&good));
        let warm = open(&dir.0, STAND_IN);
        assert_eq!(warm.report.cached, 3, "the rebuilt cache was written back");
    }
    // Another extractor's cache is not used.
    let other = Extractor {
        name: "test-other",
        run: stand_in,
    };
    let lib = open(&dir.0, other);
    assert_eq!(lib.report.miss, Some(Miss::Outdated));
    // An unwritable cache directory costs only time.
    let ro = Options {
        cache_dir: Some(dir.0.join("briefs/a.txt/not-a-dir")),
        ..opts(&dir.0, STAND_IN)
    };
    let lib = library::open_blocking(&[dir.0.join("briefs")], &ro);
    assert_eq!(snapshot(&lib), snapshot(&good));
}

#[test]
fn background_index_reports_progress_and_fills_in() {
    let dir = tempdir("progress");
    let b = dir.0.join("briefs");
    for i in 0..40 {
        write(
            &b.join(format!("n{i:02}.txt")),
            &brief(
                &format!("2001-01-{:02}", i % 28 + 1),
                "Astana met Bordyuza in 2001.",
            ),
            3600,
        );
    }
    let (mut lib, mut indexer) = library::open(&[b], &opts(&dir.0, STAND_IN));
    assert_eq!(indexer.progress().total, 40);
    let mut seen = Vec::new();
    while !indexer.progress().finished() {
        lib.absorb(&mut indexer);
        seen.push(indexer.progress().done);
        std::thread::sleep(Duration::from_millis(1));
    }
    lib.absorb(&mut indexer);
    lib.refresh();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(lib.briefs().len(), 40);
    let e = lib.find_entity("Astana").unwrap();
    assert_eq!(lib.concordance(e).len(), 40);
}

#[test]
fn hostile_file_names_are_kept_and_shown_escaped() {
    let dir = tempdir("names");
    let b = dir.0.join("briefs");
    let name = "evil\u{1b}]52;c;AAAA\u{7}\u{202e}name\n.txt";
    write(&b.join(name), &brief("2001-01-01", "Astana in 2001."), 3600);
    let lib = open(&dir.0, STAND_IN);
    assert_eq!(lib.briefs()[0].path, b.join(name));
    let shown =
        folio::display::escape_controls(&lib.briefs()[0].path.display().to_string()).into_owned();
    assert!(!shown.chars().any(folio::display::needs_marker));
    let warm = open(&dir.0, STAND_IN);
    assert_eq!(
        warm.report.cached, 1,
        "the name round-trips through the cache"
    );
}

#[test]
fn real_extractors_on_the_bundled_briefs_match_per_brief_runs() {
    let dir = tempdir("real");
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/briefs");
    for entry in fs::read_dir(&assets).unwrap().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "txt") {
            fs::copy(&p, dir.0.join("briefs").join(p.file_name().unwrap())).unwrap();
        }
    }
    let lib = open(&dir.0, Extractor::DEFAULT);
    assert!(lib.briefs().len() >= 2);
    let mut mentions = 0;
    for b in lib.briefs() {
        let doc = folio::document::read_file(&b.path).unwrap();
        let ents = folio::entities::extract(&doc);
        let events = folio::timeline::build(&doc);
        let expect: Vec<(&str, Kind, Span)> = ents
            .mentions()
            .iter()
            .map(|m| {
                let e = &ents.entities[m.entity()];
                (e.name.as_str(), e.kind, m.span())
            })
            .collect();
        let got: Vec<(&str, Kind, Span)> = b
            .mentions
            .iter()
            .map(|m| {
                let e = &lib.entities()[m.entity as usize];
                (&*e.name, e.kind, m.span.span())
            })
            .collect();
        assert_eq!(got, expect, "{}", b.path.display());
        mentions += got.len();
        let expect: Vec<(&str, Span)> = events.iter().map(|e| (e.value(), e.span())).collect();
        let got: Vec<(&str, Span)> = b
            .events
            .iter()
            .map(|e| (&*e.value, e.span.span()))
            .collect();
        assert_eq!(got, expect, "{}", b.path.display());
        for (e, ev) in b.events.iter().zip(&events) {
            let names: Vec<&str> = e
                .entities
                .iter()
                .map(|&x| &*lib.entities()[x as usize].name)
                .collect();
            let expect: Vec<&str> = folio::timeline::sentence_entities(&doc, &ents, ev.sentence())
                .into_iter()
                .map(|x| ents.entities[x].name.as_str())
                .collect();
            assert_eq!(names, expect);
        }
    }
    // Counts across the library add up to the per-brief mentions.
    let total: u32 = lib
        .ranking()
        .iter()
        .map(|&e| lib.entities()[e as usize].mentions)
        .sum();
    assert_eq!(total as usize, mentions);
}

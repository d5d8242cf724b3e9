//! The library's index over every input format: a feed's items as briefs read
//! again exactly as indexed and kept through the cache, an old cache layout
//! rebuilt, `--published` filling in undated briefs, entities found by any
//! spelling, and a brief swapped for a FIFO refused. The stand-in extractor of
//! `library_fixture` keeps these independent of the real recognizers.

mod library_fixture;

use folio::date::Date;
use folio::document::{Document, Span};
use folio::entities::{Entities, Kind};
use folio::library::{self, Extractor, Library, Miss, Options};
use folio::timeline::Event;
use library_fixture::*;
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

static COUNTED: AtomicUsize = AtomicUsize::new(0);

fn counting(doc: &Document) -> (Entities, Vec<Event>) {
    COUNTED.fetch_add(1, Ordering::SeqCst);
    stand_in(doc)
}

const FEED: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Steppe Wire</title>
<item><title>Astana hosts Bordyuza</title><pubDate>Tue, 03 Feb 2009 10:00:00 GMT</pubDate>
<description>Bordyuza arrived in Astana in 2009.</description></item>
<item><title>Almaty waits</title><pubDate>Fri, 13 Mar 2009 10:00:00 GMT</pubDate>
<description>Tazhin stayed in Almaty in 2008.</description></item>
</channel></rss>"#;

const MARKDOWN: &str = "---\ntitle: Harbour notes\ndate: 2009-01-05\n---\n\nTazhin met Bordyuza in Aktobe in 2009.\n\n```\nAstana Astana\n```\n";

/// A brief's file name, item, title, date and its mentions' texts.
type Item = (String, Option<u32>, String, Option<Date>, Vec<String>);

/// Every brief's [`Item`], the mentions read back through `document`.
fn items(lib: &Library) -> Vec<Item> {
    let mut out: Vec<_> = (0..lib.briefs().len() as u32)
        .map(|id| {
            let b = &lib.briefs()[id as usize];
            let text = lib.document(id).unwrap().doc.text().to_owned();
            let names = b
                .mentions
                .iter()
                .map(|m| text[m.span.start as usize..m.span.end as usize].to_owned())
                .collect();
            (
                b.path.file_name().unwrap().to_string_lossy().into_owned(),
                b.item,
                b.summary.title.clone(),
                b.summary.date,
                names,
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn feeds_give_a_brief_per_item_read_as_the_reader_reads_them_and_cached() {
    let dir = tempdir("formats");
    let b = dir.0.join("briefs");
    write(&b.join("wire.rss"), FEED, 3600);
    write(&b.join("harbour.md"), MARKDOWN, 3600);
    write(
        &b.join("plain.txt"),
        &brief("2008-02-02", "Astana in 2008."),
        3600,
    );
    let cold = open(&dir.0, STAND_IN);
    assert!(cold.skipped.is_empty(), "{:?}", cold.skipped);
    let got = items(&cold);
    let d = |s| Date::parse(s);
    assert_eq!(
        got.iter()
            .map(|(f, i, t, date, _)| (f.as_str(), *i, t.as_str(), *date))
            .collect::<Vec<_>>(),
        [
            ("harbour.md", None, "Harbour notes", d("2009-01-05")),
            ("plain.txt", None, "Astana in 2008.", d("2008-02-02")),
            (
                "wire.rss",
                Some(0),
                "Astana hosts Bordyuza",
                d("2009-02-03")
            ),
            ("wire.rss", Some(1), "Almaty waits", d("2009-03-13")),
        ]
    );
    // The front matter is the header, not text; the code block is marked verbatim
    // (the real extractors never scan it).
    assert!(!got[0].4.contains(&"title".to_owned()), "{:?}", got[0].4);
    let md = cold
        .briefs()
        .iter()
        .position(|b| b.path.ends_with("harbour.md"))
        .unwrap();
    assert_eq!(cold.document(md as u32).unwrap().doc.verbatim().len(), 1);
    // The documents are the loader's, item by item.
    for (id, brief) in cold.briefs().iter().enumerate() {
        let loaded = folio::formats::load(&brief.path).unwrap();
        let i = brief.item.unwrap_or(0) as usize;
        let doc = cold.document(id as u32).unwrap();
        assert!(!doc.changed);
        assert_eq!(doc.doc.text(), loaded[i].doc.text());
        assert_eq!(cold.text(id as u32).unwrap(), doc.doc.text());
    }
    let warm = open(&dir.0, STAND_IN);
    assert_eq!((warm.report.cached, warm.report.queued), (4, 0));
    assert_eq!(items(&warm), got);
    assert_eq!(snapshot(&warm), snapshot(&cold));

    // Moved: its items are reused, not extracted again.
    fs::rename(b.join("wire.rss"), b.join("2008/wire2.rss")).unwrap();
    let before = COUNTED.load(Ordering::SeqCst);
    let counting_ex = Extractor {
        name: "test-stand-in",
        run: counting,
    };
    let moved = open(&dir.0, counting_ex);
    assert_eq!(COUNTED.load(Ordering::SeqCst), before);
    assert_eq!(moved.briefs().len(), 4);
    let items_of = |lib: &Library| {
        let mut v: Vec<_> = lib
            .briefs()
            .iter()
            .filter(|b| b.path.ends_with("wire2.rss"))
            .map(|b| (b.item, b.summary.title.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        items_of(&moved),
        [
            (Some(0), "Astana hosts Bordyuza".to_owned()),
            (Some(1), "Almaty waits".to_owned())
        ]
    );

    // Renamed to another format: the same bytes read otherwise, so extracted again.
    fs::rename(b.join("harbour.md"), b.join("harbour.txt")).unwrap();
    let renamed = open(&dir.0, STAND_IN);
    let t = renamed
        .briefs()
        .iter()
        .find(|b| b.path.ends_with("harbour.txt"))
        .unwrap();
    assert_eq!(t.summary.title, "---", "read as plain text now");
}

#[test]
fn a_cache_in_the_old_layout_is_rebuilt_not_misread() {
    let dir = tempdir("layout");
    populate(&dir.0);
    let good = open(&dir.0, STAND_IN);
    let file = good.cache_file().unwrap().to_path_buf();
    let mut bytes = fs::read(&file).unwrap();
    // Version 1, with a checksum that matches: only the layout is wrong.
    bytes.truncate(bytes.len() - 8);
    bytes[8..12].copy_from_slice(&1u32.to_le_bytes());
    let sum = library::content_hash(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    fs::write(&file, &bytes).unwrap();
    let lib = open(&dir.0, STAND_IN);
    assert_eq!(lib.report.miss, Some(Miss::Outdated));
    assert_eq!(lib.report.queued, 3);
    assert_eq!(snapshot(&lib), snapshot(&good));
}

#[test]
fn published_fills_in_only_for_briefs_without_a_date_and_keys_the_cache() {
    let dir = tempdir("published");
    let b = dir.0.join("briefs");
    write(&b.join("undated.txt"), "Astana met Bordyuza.\n", 3600);
    write(&b.join("dated.txt"), &brief("2007-04-23", "Astana."), 3600);
    let with = |published| Options {
        published,
        ..opts(&dir.0, STAND_IN)
    };
    let date_of = |lib: &Library, name: &str| {
        lib.briefs()
            .iter()
            .find(|x| x.path.ends_with(name))
            .unwrap()
            .summary
            .date
    };
    let plain = library::open_blocking(std::slice::from_ref(&b), &with(None));
    assert_eq!(date_of(&plain, "undated.txt"), None);
    let given = Date::parse("2009-09-09");
    let lib = library::open_blocking(std::slice::from_ref(&b), &with(given));
    assert_eq!(
        lib.report.miss,
        Some(Miss::Outdated),
        "another date, another index"
    );
    assert_eq!(date_of(&lib, "undated.txt"), given);
    assert_eq!(date_of(&lib, "dated.txt"), Date::parse("2007-04-23"));
    let id = lib
        .briefs()
        .iter()
        .position(|x| x.path.ends_with("undated.txt"))
        .unwrap();
    assert_eq!(
        lib.document(id as u32).unwrap().doc.published().date,
        given,
        "the document is read again as it was indexed"
    );
}

#[test]
fn any_spelling_finds_its_entity_and_a_shared_one_is_ambiguous() {
    use folio::entities::Entity;
    use folio::library::EntityMatch;
    // Each brief names a person in full, then by surname alone.
    fn surnames(doc: &Document) -> (Entities, Vec<Event>) {
        let text = doc.text();
        let mut out = Entities::default();
        for full in ["Ilham Aliyev", "Heydar Aliyev", "Vladimir Putin"] {
            let Some(start) = text.find(full) else {
                continue;
            };
            let id = out.entities.len();
            let short = &full[full.find(' ').unwrap() + 1..];
            let mut spans = vec![Span::new(start, start + full.len())];
            spans.extend(
                text.match_indices(short)
                    .map(|(i, s)| Span::new(i, i + s.len()))
                    .filter(|s| s.start > start + full.len()),
            );
            out.add(Entity::new(full, Kind::Person));
            for span in spans {
                out.push_mention(span, id);
            }
        }
        (out, Vec::new())
    }
    let dir = tempdir("spellings");
    let b = dir.0.join("briefs");
    write(
        &b.join("a.txt"),
        "Ilham Aliyev spoke. Then Aliyev left.\n",
        3600,
    );
    write(
        &b.join("b.txt"),
        "Heydar Aliyev built it. Aliyev was proud.\n",
        3600,
    );
    write(
        &b.join("c.txt"),
        "Vladimir Putin came. Putin  went.\n",
        3600,
    );
    let lib = open(
        &dir.0,
        Extractor {
            name: "test-surnames",
            run: surnames,
        },
    );
    let name = |m: EntityMatch| match m {
        EntityMatch::One(e) => lib.entities()[e as usize].name.to_string(),
        other => format!("{other:?}"),
    };
    assert_eq!(name(lib.lookup_entity("putin")), "Vladimir Putin");
    assert_eq!(
        name(lib.lookup_entity(" VLADIMIR   putin ")),
        "Vladimir Putin"
    );
    assert_eq!(name(lib.lookup_entity("Ilham Aliyev")), "Ilham Aliyev");
    match lib.lookup_entity("aliyev") {
        EntityMatch::Several(v) => {
            let mut names: Vec<&str> = v
                .iter()
                .map(|&e| &*lib.entities()[e as usize].name)
                .collect();
            names.sort();
            assert_eq!(names, ["Heydar Aliyev", "Ilham Aliyev"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(lib.lookup_entity("Medvedev"), EntityMatch::Nothing);
    // The spellings come back from the cache.
    let warm = open(
        &dir.0,
        Extractor {
            name: "test-surnames",
            run: surnames,
        },
    );
    assert_eq!(warm.report.cached, 3);
    assert!(warm.find_entity("PUTIN").is_some());
}

#[cfg(unix)]
#[test]
fn a_brief_swapped_for_a_fifo_is_refused_not_waited_on() {
    let dir = tempdir("fifo-swap");
    let b = dir.0.join("briefs");
    write(
        &b.join("a.txt"),
        &brief("2001-01-01", "Astana in 2001."),
        3600,
    );
    let lib = open(&dir.0, STAND_IN);
    let path = lib.briefs()[0].path.clone();
    fs::remove_file(&path).unwrap();
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(lib.document(0).err());
    });
    let err = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("reading a FIFO blocked");
    assert!(
        err.as_deref().is_some_and(|e| e.contains("named pipe")),
        "{err:?}"
    );
}

//! A folder of Markdown, HTML, an RSS feed and plain text as a library, through
//! the binary in a sandboxed home: what it lists, indexes and opens is what
//! `folio FILE` and `folio text FILE` show; a FIFO never blocks it; the flags
//! that apply to a folder apply; any spelling finds an entity; and `folio
//! library` speaks the machine formats.

mod common;

use common::Sandbox;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/library");

/// The fixture briefs copied into `lib/` of the sandbox.
fn library(sb: &Sandbox) -> PathBuf {
    let dir = sb.path().join("lib");
    fs::create_dir_all(&dir).unwrap();
    for e in fs::read_dir(FIXTURES).unwrap().flatten() {
        fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "status {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(out: &Output) -> Vec<Value> {
    serde_json::from_str(&ok(out)).unwrap()
}

/// The concordance of `folio library --entity NAME --json` (an entity's profile).
fn concordance(out: &Output) -> Vec<Value> {
    let profile: Value = serde_json::from_str(&ok(out)).unwrap();
    profile["concordance"].as_array().unwrap().clone()
}

fn err(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `folio args…` in the sandbox, killing it (and failing) if it has not ended in 20 s.
fn promptly(sb: &Sandbox, args: &[&str]) -> Output {
    let mut child = sb
        .command()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("folio {args:?} did not finish: blocked on a FIFO?");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// The text `folio text FILE [--item N]` prints, as code points.
fn text_of(sb: &Sandbox, file: &str, item: Option<u64>) -> Vec<char> {
    let mut args = vec!["text".to_owned(), file.to_owned()];
    if let Some(i) = item {
        args.extend(["--item".to_owned(), i.to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&sb.folio(&args)).chars().collect()
}

/// Every row's `text` is its `start..end` of the text its file (and item) gives.
fn assert_offsets(sb: &Sandbox, rows: &[Value]) {
    assert!(!rows.is_empty());
    for row in rows {
        let text = text_of(sb, row["file"].as_str().unwrap(), row["item"].as_u64());
        let (a, b) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[a..b].iter().collect::<String>(),
            row["text"].as_str().unwrap(),
            "{row}"
        );
    }
}

#[test]
fn a_folder_of_markdown_html_and_feeds_is_a_library() {
    let sb = Sandbox::new();
    let lib = library(&sb);
    let rows = json(&sb.folio(&["library", s(&lib), "--json"]));
    let got: Vec<(String, Option<u64>, &str, &str)> = rows
        .iter()
        .map(|r| {
            let file = Path::new(r["file"].as_str().unwrap());
            (
                file.file_name().unwrap().to_string_lossy().into_owned(),
                r["item"].as_u64(),
                r["title"].as_str().unwrap(),
                r["date"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    let want: Vec<(String, Option<u64>, &str, &str)> = vec![
        (
            "caspian-wire.rss".into(),
            Some(0),
            "Ferry line opens between Aktau and Baku",
            "2009-03-16",
        ),
        (
            "caspian-wire.rss".into(),
            Some(1),
            "Survey of the seabed resumes",
            "2009-03-25",
        ),
        (
            "grain-report.txt".into(),
            None,
            "Grain exports through Aktau rise",
            "2009-03-02",
        ),
        (
            "harbour-talks.md".into(),
            None,
            "Harbour talks in Aktau",
            "2009-03-14",
        ),
        (
            "port-authority.html".into(),
            None,
            "Port authority expands in Baku",
            "2009-03-20",
        ),
    ];
    assert_eq!(got, want);
    // Files named directly are read the same way, never as raw markup.
    let md = lib.join("harbour-talks.md");
    let html = lib.join("port-authority.html");
    let rss = lib.join("caspian-wire.rss");
    let table = ok(&sb.folio(&["library", s(&md), s(&html), s(&rss)]));
    for title in [
        "Harbour talks in Aktau",
        "Port authority expands in Baku",
        "Survey of the seabed resumes",
    ] {
        assert!(table.contains(title), "{table}");
    }
    for raw in ["---", "<!", "<?"] {
        assert!(!table.contains(raw), "{table}");
    }
    // The page's menu is not text: no entity comes from it.
    let entities = ok(&sb.folio(&["entities", s(&lib)]));
    assert!(entities.contains("Ilham Aliyev"), "{entities}");
    for menu in ["Tbilisi", "Yerevan"] {
        assert!(!entities.contains(menu), "{entities}");
    }
}

#[test]
fn every_offset_of_a_folder_indexes_the_text_of_its_brief() {
    let sb = Sandbox::new();
    let lib = library(&sb);
    for cmd in ["entities", "timeline"] {
        let rows = json(&sb.folio(&[cmd, s(&lib), "--json"]));
        assert_offsets(&sb, &rows);
        assert!(rows.iter().any(|r| r["item"] == 1), "{cmd}: feed items");
        // A file that is one brief has the records `folio CMD FILE` gives.
        for name in [
            "harbour-talks.md",
            "port-authority.html",
            "grain-report.txt",
        ] {
            let file = lib.join(name);
            let mut alone = json(&sb.folio(&[cmd, s(&file), "--json"]));
            for r in &mut alone {
                r["file"] = Value::String(s(&file).to_owned());
            }
            let from_folder: Vec<Value> = rows
                .iter()
                .filter(|r| r["file"] == s(&file))
                .cloned()
                .collect();
            assert_eq!(from_folder, alone, "{cmd} {name}");
        }
    }
    let hits = concordance(&sb.folio(&["library", s(&lib), "--entity", "Aktau", "--json"]));
    assert_offsets(&sb, &hits);
    assert!(hits
        .iter()
        .all(|h| h["entity"] == "Aktau" && h["kind"] == "place"));
    for h in &hits {
        let context = h["context"].as_str().unwrap();
        assert!(context.contains(h["text"].as_str().unwrap()), "{h}");
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_library_folder_is_skipped_with_its_reason_never_waited_on() {
    let sb = Sandbox::new();
    let lib = library(&sb);
    mkfifo(&lib.join("x.txt"));
    mkfifo(&lib.join("y.md"));
    let out = promptly(&sb, &["library", s(&lib)]);
    let table = ok(&out);
    assert!(table.contains("Harbour talks in Aktau"), "{table}");
    for name in ["x.txt", "y.md"] {
        let line = format!("skipped: {}: is a named pipe", s(&lib.join(name)));
        assert!(table.contains(&line), "{table}");
    }
    let out = promptly(&sb, &["entities", s(&lib), "--verbose"]);
    assert!(ok(&out).contains("Vladimir Putin"));
    let stderr = err(&out);
    assert!(
        stderr.contains(&format!(
            "skipped {}: is a named pipe",
            s(&lib.join("x.txt"))
        )),
        "{stderr}"
    );
    let out = promptly(&sb, &["library", s(&lib), "--json"]);
    assert_eq!(json(&out).len(), 5);
}

#[test]
fn a_folder_without_briefs_names_itself_and_the_formats_looked_for() {
    let sb = Sandbox::new();
    let empty = sb.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    fs::write(empty.join("table.csv"), "a,b\n").unwrap();
    for args in [vec!["library", s(&empty)], vec!["entities", s(&empty)]] {
        let out = sb.folio(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            err(&out).contains(&format!(
                "{}: no briefs found (.txt, .md, .html, .rss, .atom)",
                s(&empty)
            )),
            "{}",
            err(&out)
        );
    }
}

/// `yesterday`'s value in each brief of a timeline, by file name and item.
fn yesterdays(rows: &[Value]) -> Vec<(String, Option<u64>, String)> {
    rows.iter()
        .filter(|r| r["text"] == "yesterday")
        .map(|r| {
            let file = Path::new(r["file"].as_str().unwrap());
            (
                file.file_name().unwrap().to_string_lossy().into_owned(),
                r["item"].as_u64(),
                r["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn published_dates_the_briefs_without_a_date_of_their_own() {
    let sb = Sandbox::new();
    let lib = library(&sb);
    fs::write(
        lib.join("undated.txt"),
        "Title: Quay repairs\n\nDockers in Aktau finished the quay repairs yesterday.\n",
    )
    .unwrap();
    let plain = yesterdays(&json(&sb.folio(&["timeline", s(&lib), "--json"])));
    let given = yesterdays(&json(&sb.folio(&[
        "timeline",
        s(&lib),
        "--json",
        "--published",
        "2009-04-01",
    ])));
    let own = |v: &[(String, Option<u64>, String)]| -> Vec<(String, Option<u64>, String)> {
        v.iter()
            .filter(|(f, _, _)| f != "undated.txt")
            .cloned()
            .collect()
    };
    assert_eq!(
        own(&given),
        [
            (
                "caspian-wire.rss".to_owned(),
                Some(0),
                "2009-03-15".to_owned()
            ),
            (
                "caspian-wire.rss".to_owned(),
                Some(1),
                "2009-03-24".to_owned()
            ),
        ],
        "a brief's own date wins"
    );
    assert_eq!(own(&plain), own(&given));
    let undated = |v: &[(String, Option<u64>, String)]| {
        v.iter()
            .find(|(f, _, _)| f == "undated.txt")
            .map(|(_, _, value)| value.clone())
            .unwrap()
    };
    assert_ne!(undated(&plain), "2009-03-31", "nothing to resolve against");
    assert_eq!(undated(&given), "2009-03-31");
    // The listing dates it too; without the flag again, the cache is not reused wrongly.
    let listed = |args: &[&str]| -> Value {
        json(&sb.folio(args))
            .into_iter()
            .find(|r| r["file"].as_str().unwrap().ends_with("undated.txt"))
            .unwrap()["date"]
            .clone()
    };
    let with = ["library", s(&lib), "--json", "--published", "2009-04-01"];
    assert_eq!(listed(&with), "2009-04-01");
    assert_eq!(listed(&["library", s(&lib), "--json"]), Value::Null);
}

#[test]
fn no_corrections_applies_to_a_folder_and_is_refused_where_it_cannot_apply() {
    use folio::entities::store::{Change, Store};
    use folio::entities::Kind;
    let sb = Sandbox::new();
    let lib = library(&sb);
    Store::new(sb.path().join("data/corrections.json"))
        .add(Change::Retype {
            name: "Aktau".into(),
            kind: Kind::Organization,
        })
        .unwrap();
    let kinds = |args: &[&str]| -> Vec<String> {
        let mut k: Vec<String> = json(&sb.folio(args))
            .iter()
            .filter(|r| r["text"] == "Aktau")
            .map(|r| r["kind"].as_str().unwrap().to_owned())
            .collect();
        k.dedup();
        k
    };
    assert_eq!(kinds(&["entities", s(&lib), "--json"]), ["organization"]);
    assert_eq!(
        kinds(&["entities", s(&lib), "--json", "--no-corrections"]),
        ["place"]
    );
    let file = lib.join("grain-report.txt");
    for target in [&lib, &file] {
        let out = sb.folio(&["timeline", s(target), "--no-corrections"]);
        assert_eq!(out.status.code(), Some(2), "{}", err(&out));
        assert!(err(&out).contains("--no-corrections"), "{}", err(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn any_spelling_of_an_entity_finds_it_and_a_shared_surname_lists_the_candidates() {
    let sb = Sandbox::new();
    let lib = library(&sb);
    let hits = |name: &str| -> Vec<(String, String)> {
        concordance(&sb.folio(&["library", s(&lib), "--entity", name, "--json"]))
            .iter()
            .map(|h| {
                (
                    h["text"].as_str().unwrap().to_owned(),
                    h["entity"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let putin = hits("Putin");
    assert!(
        putin.iter().all(|(_, e)| e == "Vladimir Putin"),
        "{putin:?}"
    );
    assert!(putin.iter().any(|(t, _)| t == "Putin"), "{putin:?}");
    assert!(
        putin.len() >= 3,
        "the Markdown brief and the feed item: {putin:?}"
    );
    let nato = hits("nato");
    assert_eq!(nato.len(), 3, "{nato:?}");
    assert!(nato
        .iter()
        .all(|(_, e)| e == "North Atlantic Treaty Organization"));
    // The table finds it the same way.
    let table = ok(&sb.folio(&["library", s(&lib), "--entity", "NATO"]));
    assert_eq!(table.lines().count(), 3, "{table}");

    let out = sb.folio(&["library", s(&lib), "--entity", "Aliyev"]);
    assert_eq!(out.status.code(), Some(1));
    let e = err(&out);
    assert!(
        e.contains("Heydar Aliyev") && e.contains("Ilham Aliyev") && e.contains("'Aliyev'"),
        "{e}"
    );
    assert!(out.stdout.is_empty());
    let out = sb.folio(&["library", s(&lib), "--entity", "Nobody Atall"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("Nobody Atall"), "{}", err(&out));
}

#[test]
fn library_speaks_json_jsonl_and_csv_and_counts_notes() {
    let sb = Sandbox::new();
    let lib = library(&sb);
    let md = lib.join("harbour-talks.md");
    let w3c = sb.write(
        "note.json",
        &serde_json::json!({
            "type": "Annotation",
            "body": { "type": "TextualBody", "value": "check the tug offer" },
            "target": { "selector": { "type": "TextQuoteSelector", "exact": "Russian tugboats" } }
        })
        .to_string(),
    );
    ok(&sb.folio(&["notes", "import", s(&md), s(&w3c)]));

    let rows = json(&sb.folio(&["library", s(&lib), "--format", "json"]));
    for r in &rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        let feed = r["file"].as_str().unwrap().ends_with(".rss");
        let mut want = vec![
            "file",
            "item",
            "title",
            "date",
            "publication",
            "entities",
            "events",
            "notes",
        ];
        if !feed {
            want.retain(|&k| k != "item");
        }
        want.sort_unstable();
        assert_eq!(keys, want, "{r}");
        let notes = if r["file"] == s(&md) { 1 } else { 0 };
        assert_eq!(r["notes"], notes, "{r}");
    }
    let md_row = rows.iter().find(|r| r["file"] == s(&md)).unwrap();
    assert_eq!(md_row["entities"], 6);

    let lines: Vec<Value> = ok(&sb.folio(&["library", s(&lib), "--format", "jsonl"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, rows);
    let first = ok(&sb.folio(&["library", s(&lib), "--format", "jsonl"]));
    assert!(
        first.starts_with(r#"{"file":"#) && first.contains(r#""item":0,"title":"#),
        "the fields in their documented order: {first}"
    );

    let csv = ok(&sb.folio(&["library", s(&lib), "--format", "csv"]));
    assert!(
        csv.starts_with("file,item,title,date,publication,entities,events,notes\r\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 6);
    let hits = ok(&sb.folio(&["library", s(&lib), "--entity", "Baku", "--format", "csv"]));
    assert!(
        hits.starts_with("file,item,start,end,text,entity,kind,context\r\n"),
        "{hits}"
    );

    // `[export] format` sets the default; the command line wins.
    fs::write(
        sb.path().join("config.toml"),
        "[export]\nformat = \"jsonl\"\n",
    )
    .unwrap();
    let by_config = ok(&sb.folio(&["library", s(&lib)]));
    assert_eq!(
        by_config
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .collect::<Vec<_>>(),
        rows
    );
    let table = ok(&sb.folio(&["library", s(&lib), "--format", "table"]));
    assert!(table.starts_with("DATE"), "{table}");
}

#[test]
fn text_of_a_feed_item_and_its_errors() {
    let sb = Sandbox::new();
    let lib = library(&sb);
    let rss = lib.join("caspian-wire.rss");
    let item = text_of(&sb, s(&rss), Some(1))
        .into_iter()
        .collect::<String>();
    assert!(item.starts_with("Title: Survey of the seabed resumes\nDate: 2009-03-25\n\n"));
    let out = sb.folio(&["text", s(&rss), "--item", "2"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err(&out).contains("has 2 items (0 to 1), not 2"),
        "{}",
        err(&out)
    );
    let out = sb.folio(&["text", s(&lib.join("harbour-talks.md")), "--item", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("not a feed"), "{}", err(&out));
}

/// The library view's reader shows a brief's converted text (the document the
/// index was made from), never its raw source.
#[test]
fn the_library_reader_opens_the_converted_document() {
    use folio::library::{self, Options};
    use folio::ui::library_view::{LibEdge, LibraryView, Session, Target};
    let sb = Sandbox::new();
    let dir = library(&sb);
    let opts = Options {
        cache_dir: None,
        threads: 1,
        ..Options::default()
    };
    let lib = library::open_blocking(std::slice::from_ref(&dir), &opts);
    let view = LibraryView::new(lib, folio::ui::Settings::default());
    let edge = LibEdge::new(folio::ui::effects::Edge::default(), Default::default());
    let mut v = Session::new(view, edge);
    v.resize(100, 30);
    for id in 0..v.view.lib.briefs().len() as u32 {
        let brief = v.view.lib.briefs()[id as usize].clone();
        v.open_brief(id, Target::Resume);
        let shown = v
            .view
            .reading
            .as_ref()
            .expect("opened")
            .app
            .doc
            .text()
            .to_owned();
        let loaded = folio::formats::load(&brief.path).unwrap();
        let want = loaded[brief.item.unwrap_or(0) as usize].doc.text();
        assert_eq!(shown, want, "{}", brief.path.display());
        assert!(!shown.starts_with("---") && !shown.starts_with('<'));
    }
}

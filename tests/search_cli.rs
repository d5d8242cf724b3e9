//! `folio search PATH... QUERY`: one record per hit, newest brief first, with
//! code-point offsets into the text `folio text FILE` prints; a phrase found
//! across a line break; feed items as briefs of their own; bad input refused.

mod common;

use serde_json::Value;
use std::ffi::OsStr;
use std::fs;
use std::process::Command;

fn folio(args: &[&OsStr]) -> (i32, String, String) {
    common::outcome(Command::new(env!("CARGO_BIN_EXE_folio")).args(args))
}

fn setup(name: &str) -> common::TempDir {
    let dir = common::TempDir::new(&format!("search-{name}"));
    fs::create_dir_all(dir.join("lib/old")).unwrap();
    fs::write(
        dir.join("lib/old/a.txt"),
        "Title: Field notes\nDate: 2003-02-01\n\nThe Kashagan consortium met in Атырау. The KASHAGAN\nConsortium met again.\n",
    )
    .unwrap();
    fs::write(
        dir.join("lib/b.txt"),
        "Title: Қазақстан talks\nDate: 2009-07-08\n\n🇰🇿 Officials of the Kashagan   consortium said nothing.\n",
    )
    .unwrap();
    fs::write(
        dir.join("lib/c.md"),
        "# Undated\n\nNo consortium here, only *Kashagan*.\n",
    )
    .unwrap();
    fs::write(
        dir.join("lib/feed.rss"),
        "<?xml version=\"1.0\"?><rss><channel><title>F</title>\
         <item><title>One</title><pubDate>Mon, 05 Jan 2015 10:00:00 GMT</pubDate><description>The kashagan consortium grew.</description></item>\
         <item><title>Two</title><pubDate>Tue, 06 Jan 2015 10:00:00 GMT</pubDate><description>Nothing to see.</description></item>\
         </channel></rss>",
    )
    .unwrap();
    dir
}

#[test]
fn every_hit_comes_out_newest_brief_first_with_offsets_into_the_text() {
    let dir = setup("json");
    let lib = dir.join("lib");
    let (code, out, err) = folio(&[
        "search".as_ref(),
        lib.as_os_str(),
        "Kashagan consortium".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let files: Vec<String> = rows
        .iter()
        .map(|r| {
            let f = r["file"].as_str().unwrap();
            f.rsplit('/').next().unwrap().to_owned()
        })
        .collect();
    assert_eq!(files, ["feed.rss", "b.txt", "a.txt", "a.txt"], "{out}");
    assert_eq!(rows[0]["item"], 0, "{out}");
    assert_eq!(rows[3]["text"], "KASHAGAN\nConsortium");
    assert_eq!(
        rows[2]["context"],
        "The Kashagan consortium met in Атырау. The KASHAGAN"
    );
    for r in &rows {
        let mut args: Vec<&OsStr> = vec!["text".as_ref(), r["file"].as_str().unwrap().as_ref()];
        let item = r.get("item").map(|i| i.to_string());
        if let Some(i) = &item {
            args.push("--item".as_ref());
            args.push(i.as_ref());
        }
        let (code, text, err) = folio(&args);
        assert_eq!(code, 0, "{err}");
        let chars: Vec<char> = text.chars().collect();
        let (s, e) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
        let slice: String = chars[s as usize..e as usize].iter().collect();
        assert_eq!(slice, r["text"].as_str().unwrap(), "{r}");
        for key in ["file", "start", "end", "text", "context"] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
    }
}

#[test]
fn table_jsonl_and_csv_say_the_same_and_bad_input_is_refused() {
    let dir = setup("formats");
    let lib = dir.join("lib");
    let run = |format: &str| {
        folio(&[
            "search".as_ref(),
            lib.as_os_str(),
            "kashagan".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
        ])
    };
    let (code, table, _) = run("table");
    assert_eq!(code, 0);
    assert!(
        table.ends_with("5 hits in 4 briefs for “kashagan”\n"),
        "{table}"
    );
    assert!(
        table.lines().next().unwrap().starts_with("2015-01-05"),
        "{table}"
    );
    assert!(table.contains("[Kashagan]"), "{table}");
    let (_, jsonl, _) = run("jsonl");
    assert_eq!(jsonl.lines().count(), 5);
    let (_, csv, _) = run("csv");
    assert!(
        csv.starts_with("file,item,start,end,text,context\r\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 6);

    let (code, out, _) = folio(&["search".as_ref(), lib.as_os_str(), "zzqx".as_ref()]);
    assert_eq!(code, 0);
    assert_eq!(out, "no hits for “zzqx”\n");
    let (code, _, err) = folio(&["search".as_ref(), lib.as_os_str(), " \"\" ".as_ref()]);
    assert_eq!(code, 1);
    assert!(err.contains("nothing to search for"), "{err}");
    let missing = dir.join("nowhere");
    let (code, _, err) = folio(&["search".as_ref(), missing.as_os_str(), "x".as_ref()]);
    assert_eq!(code, 1, "{err}");
    let (code, _, _) = folio(&["search".as_ref(), "onlyone".as_ref()]);
    assert_eq!(code, 2, "a query with no path is a usage error");
}

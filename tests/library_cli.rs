//! `folio entities DIR --json` and `folio timeline DIR --json`: the same objects as
//! per-file runs, each with its `"file"`, offsets in code points.

mod common;

use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

fn folio(args: &[&std::ffi::OsStr], cache: &Path) -> (i32, String, String) {
    common::outcome(
        Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .env("FOLIO_CACHE_DIR", cache),
    )
}

fn setup(name: &str) -> common::TempDir {
    let dir = common::TempDir::new(&format!("libcli-{name}"));
    fs::create_dir_all(dir.join("lib/sub")).unwrap();
    let sample = folio::ui::SAMPLE;
    fs::write(dir.join("lib/sample.txt"), sample).unwrap();
    fs::write(
        dir.join("lib/sub/odd \u{1b}[2J name.txt"),
        "Title: Қазақстан notes\nDate: 2007-04-27\n\nOn April 23 Nursultan Nazarbayev met the CSTO in Astana. 🇰🇿 Tazhin stayed.\n",
    )
    .unwrap();
    dir
}

fn check(kind: &str) {
    let dir = setup(kind);
    let cache = dir.join("cache");
    let lib = dir.join("lib");
    let (code, out, err) = folio(&[kind.as_ref(), lib.as_os_str(), "--json".as_ref()], &cache);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let mut expected = Vec::new();
    let mut files = vec![
        lib.join("sample.txt"),
        lib.join("sub/odd \u{1b}[2J name.txt"),
    ];
    files.sort();
    for f in &files {
        let (code, out, err) = folio(&[kind.as_ref(), f.as_os_str(), "--json".as_ref()], &cache);
        assert_eq!(code, 0, "{err}");
        let text = fs::read_to_string(f).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for mut row in serde_json::from_str::<Vec<Value>>(&out).unwrap() {
            let (s, e) = (
                row["start"].as_u64().unwrap() as usize,
                row["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                row["text"].as_str().unwrap(),
                chars[s..e].iter().collect::<String>()
            );
            row["file"] = Value::String(f.to_string_lossy().into_owned());
            expected.push(row);
        }
    }
    assert_eq!(rows, expected);
    // Warm: the same answer from the cache.
    let (_, again, _) = folio(&[kind.as_ref(), lib.as_os_str(), "--json".as_ref()], &cache);
    assert_eq!(again, out);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn entities_of_a_folder_match_per_file_runs() {
    check("entities");
}

#[test]
fn timeline_of_a_folder_matches_per_file_runs() {
    check("timeline");
}

#[test]
fn library_lists_briefs_with_names_escaped_and_empty_folders_fail() {
    let dir = setup("list");
    let cache = dir.join("cache");
    let (code, out, err) = folio(&["library".as_ref(), dir.join("lib").as_os_str()], &cache);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Қазақстан notes"), "{out}");
    assert!(!out.contains('\u{1b}'));
    fs::create_dir_all(dir.join("empty")).unwrap();
    let (code, _, err) = folio(
        &["entities".as_ref(), dir.join("empty").as_os_str()],
        &cache,
    );
    assert_eq!(code, 1);
    let empty = dir.join("empty");
    assert!(
        err.contains(&format!(
            "{}: no briefs found (.txt, .md, .html, .rss, .atom)",
            empty.display()
        )),
        "{err}"
    );
    let _ = fs::remove_dir_all(&dir);
}

/// `folio library DIR --entity NAME --format json`: the entity's profile (months,
/// company, first and last seen) around its concordance.
#[test]
fn an_entitys_profile_comes_out_as_json() {
    let dir = common::TempDir::new("libcli-profile");
    fs::create_dir_all(dir.join("lib")).unwrap();
    for (file, date, body) in [
        ("a.txt", "2007-03-02", "Nikolai Bordyuzha met officials of the CSTO in Moscow on Monday. The weather was mild."),
        ("b.txt", "2007-03-20", "Nikolai Bordyuzha spoke for the CSTO again. Bordyuzha then left for Minsk."),
        ("c.txt", "2008-11-05", "Nikolai Bordyuzha returned to Moscow for talks."),
    ] {
        fs::write(
            dir.join("lib").join(file),
            format!("Title: Brief {file}\nDate: {date}\n\n{body}\n"),
        )
        .unwrap();
    }
    let cache = dir.join("cache");
    let lib = dir.join("lib");
    let (code, out, err) = folio(
        &[
            "library".as_ref(),
            lib.as_os_str(),
            "--entity".as_ref(),
            "Nikolai Bordyuzha".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
        &cache,
    );
    assert_eq!(code, 0, "{err}");
    let p: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(p["entity"], "Nikolai Bordyuzha", "{out}");
    assert_eq!(p["kind"], "person");
    assert_eq!(p["mentions"], 4);
    assert_eq!(p["briefs"], 3);
    assert_eq!(p["months"], serde_json::json!({"2007-03": 3, "2008-11": 1}));
    assert_eq!(p["first_seen"]["date"], "2007-03-02");
    assert!(p["first_seen"]["file"].as_str().unwrap().ends_with("a.txt"));
    assert_eq!(p["last_seen"]["date"], "2008-11-05");
    let related = p["related"].as_array().unwrap();
    let csto = related
        .iter()
        .find(|r| r["entity"] == "CSTO")
        .expect("CSTO");
    assert_eq!(csto["sentences"], 2, "{out}");
    assert_eq!(p["concordance"].as_array().unwrap().len(), 4);
}

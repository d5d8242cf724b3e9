//! `folio entities|timeline --format csv|jsonl|json`: the same records in each
//! format, CSV read back by an RFC 4180 reader, offsets in code points whose
//! slice is the record's text; `[export] format` as the default.

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// A brief with commas, quotes and multi-byte characters in and around its names and dates.
const BRIEF: &str = "Title: Қазақстан, notes\nDate: 2007-04-27\n\nOn April 23, 2007 Nursultan Nazarbayev met the CSTO in Astana. 🇰🇿 Kassym-Jomart Tokayev said \"fine\" — and left.\n\nThe Collective Security Treaty Organization (CSTO) meets again on May 5, 2007 in Moscow.\n";

fn dir(name: &str) -> common::TempDir {
    common::TempDir::new(&format!("export-{name}"))
}

/// Runs folio with a config file of `config` (empty: none), so the user's own never interferes.
fn folio(args: &[&str], config: &str, d: &Path) -> Output {
    let cfg = d.join("config.toml");
    std::fs::write(&cfg, config).unwrap();
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_CONFIG", &cfg)
        .env("FOLIO_CACHE_DIR", d.join("cache"))
        .output()
        .expect("run folio")
}

fn brief(d: &Path) -> String {
    let p = d.join("brief.txt");
    std::fs::write(&p, BRIEF).unwrap();
    p.to_string_lossy().into_owned()
}

/// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "records end in CRLF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            '\n' => panic!("a bare LF outside quotes"),
            c => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends in CRLF"
    );
    records
}

/// CSV records as JSON objects keyed by the header, numbers parsed where the JSON has numbers.
fn csv_as_json(text: &str) -> Vec<Value> {
    let mut records = read_csv(text).into_iter();
    let header = records.next().expect("a header row");
    records
        .map(|r| {
            assert_eq!(r.len(), header.len(), "{r:?}");
            let mut o = serde_json::Map::new();
            for (k, v) in header.iter().zip(r) {
                let v = match (k.as_str(), v.parse::<u64>()) {
                    ("start" | "end", Ok(n)) => Value::from(n),
                    _ => Value::from(v),
                };
                o.insert(k.clone(), v);
            }
            Value::Object(o)
        })
        .collect()
}

fn assert_slices(rows: &[Value], text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for r in rows {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= chars.len(), "{r}");
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(r["text"].as_str().unwrap(), slice, "{r}");
    }
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn every_format_carries_the_same_records() {
    let d = dir("same");
    let file = brief(&d);
    for (cmd, header) in [
        ("entities", "start,end,text,kind,entity"),
        ("timeline", "start,end,text,type,value"),
    ] {
        let json: Vec<Value> =
            serde_json::from_str(&stdout(&folio(&[cmd, &file, "--json"], "", &d))).unwrap();
        assert!(!json.is_empty(), "{cmd}: something found");
        assert_slices(&json, BRIEF);
        let same: Vec<Value> =
            serde_json::from_str(&stdout(&folio(&[cmd, &file, "--format", "json"], "", &d)))
                .unwrap();
        assert_eq!(same, json);

        let jsonl = stdout(&folio(&[cmd, &file, "--format", "jsonl"], "", &d));
        let lines: Vec<Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).expect("one object a line"))
            .collect();
        assert_eq!(lines, json, "{cmd} jsonl");

        let csv = stdout(&folio(&[cmd, &file, "--format", "csv"], "", &d));
        assert!(csv.starts_with(&format!("{header}\r\n")), "{csv}");
        let rows = csv_as_json(&csv);
        assert_eq!(rows, json, "{cmd} csv");
        assert_slices(&rows, BRIEF);
    }
    // "April 23, 2007" holds a comma, so that field is quoted.
    let csv = stdout(&folio(&["timeline", &file, "--format", "csv"], "", &d));
    assert!(csv.contains("\"April 23, 2007\""), "{csv}");
}

#[test]
fn a_folder_adds_the_file_column() {
    let d = dir("folder");
    std::fs::create_dir_all(d.join("lib")).unwrap();
    std::fs::write(d.join("lib/a, \"b\".txt"), BRIEF).unwrap();
    let lib = d.join("lib").to_string_lossy().into_owned();
    let csv = stdout(&folio(&["entities", &lib, "--format", "csv"], "", &d));
    assert!(
        csv.starts_with("file,start,end,text,kind,entity\r\n"),
        "{csv}"
    );
    let rows = csv_as_json(&csv);
    assert!(!rows.is_empty());
    assert!(rows[0]["file"].as_str().unwrap().ends_with("a, \"b\".txt"));
    assert_slices(&rows, BRIEF);
    let json: Vec<Value> =
        serde_json::from_str(&stdout(&folio(&["entities", &lib, "--json"], "", &d))).unwrap();
    assert_eq!(rows, json);
    let jsonl = stdout(&folio(&["timeline", &lib, "--format", "jsonl"], "", &d));
    assert!(jsonl
        .lines()
        .all(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v["file"].is_string())));
}

#[test]
fn the_config_sets_the_default_format_and_the_command_line_wins() {
    let d = dir("config");
    let file = brief(&d);
    let cfg = "[export]\nformat = \"jsonl\"\n";
    let out = stdout(&folio(&["entities", &file], cfg, &d));
    assert!(out
        .lines()
        .all(|l| serde_json::from_str::<Value>(l).is_ok()));
    let table = stdout(&folio(&["entities", &file, "--format", "table"], cfg, &d));
    assert!(table.starts_with("KIND"), "{table}");
    let json = stdout(&folio(&["entities", &file, "--json"], cfg, &d));
    assert!(serde_json::from_str::<Vec<Value>>(&json).is_ok());
    // No config: a table.
    assert!(stdout(&folio(&["timeline", &file], "", &d)).starts_with("VALUE"));
}

#[test]
fn json_and_format_together_are_a_usage_error() {
    let d = dir("usage");
    let file = brief(&d);
    let o = folio(&["entities", &file, "--json", "--format", "csv"], "", &d);
    assert_eq!(o.status.code(), Some(2));
    let o = folio(&["entities", &file, "--format", "xml"], "", &d);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn verbose_reports_timings_on_stderr_and_quiet_keeps_only_errors() {
    let d = dir("verbosity");
    let file = brief(&d);
    let plain = folio(&["entities", &file, "--format", "jsonl"], "", &d);
    let loud = folio(
        &["entities", &file, "--format", "jsonl", "--verbose"],
        "",
        &d,
    );
    assert_eq!(loud.stdout, plain.stdout, "data unchanged");
    let err = String::from_utf8(loud.stderr).unwrap();
    assert!(
        err.contains("bytes of text") && err.contains("mentions, found in"),
        "{err}"
    );
    assert!(plain.stderr.is_empty());
    let quiet = folio(&["timeline", &file, "-q"], "", &d);
    assert!(quiet.status.success() && quiet.stderr.is_empty());
    let missing = d.join("missing.txt").to_string_lossy().into_owned();
    let failed = folio(&["timeline", &missing, "--quiet"], "", &d);
    assert_eq!(failed.status.code(), Some(1));
    assert!(!failed.stderr.is_empty(), "errors are still reported");
    let both = folio(&["timeline", &file, "-q", "-v"], "", &d);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn a_bad_export_format_in_the_config_is_named_and_the_table_kept() {
    let d = dir("badcfg");
    let file = brief(&d);
    let o = folio(&["entities", &file], "[export]\nformat = \"xml\"\n", &d);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("KIND"));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("config.toml:2: export.format: expected one of"),
        "{err}"
    );
    let quiet = folio(
        &["entities", &file, "-q"],
        "[export]\nformat = \"xml\"\n",
        &d,
    );
    assert!(quiet.stderr.is_empty());
}

//! `folio notes`: printing in each format, W3C import and round trip through
//! the binary, terminal-safe output, and errors.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folio(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .env("FOLIO_DATA_DIR", data)
        .args(args)
        .output()
        .expect("run folio")
}

fn scratch(name: &str) -> common::TempDir {
    common::TempDir::new(&format!("cli-notes-{name}"))
}

const BRIEF: &str = "Title: Test brief\n\nThe ministers met in Astana on Monday. They spoke about \u{1b}]52;c;aGk=\u{7} pipelines.\n\nA second paragraph mentions Aktau.";

/// A W3C file annotating `exact` with `note`, as another tool might write it.
fn w3c_file(dir: &Path, exact: &str, note: &str) -> PathBuf {
    let value = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": { "type": "AnnotationPage", "items": [ {
            "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
            "type": "Annotation",
            "created": "2026-01-02T03:04:05.000Z",
            "modified": "2026-01-02T03:04:05.000Z",
            "body": [
                { "type": "TextualBody", "purpose": "commenting", "value": note },
                { "type": "TextualBody", "purpose": "tagging", "value": "energy" }
            ],
            "target": { "selector": [ { "type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": "" } ] }
        } ] }
    });
    let path = dir.join("import.json");
    fs::write(&path, value.to_string()).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn import_then_print_in_every_format() {
    let dir = scratch("formats");
    let data = dir.join("data");
    let brief = dir.join("brief.txt");
    fs::write(&brief, BRIEF).unwrap();
    let b = brief.to_str().unwrap();

    let empty = folio(&data, &["notes", b]);
    assert!(empty.status.success());
    assert!(stdout(&empty).contains("No annotations."));

    let import = w3c_file(&dir, "pipelines", "Routes \u{1b}[31m #caspian");
    let out = folio(&data, &["notes", "import", b, import.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("imported 1 of 1"), "{}", stdout(&out));

    let md = folio(&data, &["notes", b, "--format", "md"]);
    assert!(md.status.success());
    let md_text = stdout(&md);
    assert!(
        md_text.contains("> pipelines") && md_text.contains("Tags: #energy #caspian"),
        "{md_text}"
    );
    assert!(
        !md.stdout.iter().any(|&c| c == 0x1b || c == 0x07),
        "raw controls in Markdown"
    );

    let json = folio(&data, &["notes", b, "--format", "json"]);
    assert!(
        !json.stdout.iter().any(|&c| c == 0x1b || c == 0x07),
        "raw controls in JSON"
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(
        value["annotations"][0]["note"],
        "Routes \u{1b}[31m #caspian"
    );
    assert_eq!(value["annotations"][0]["target"]["position"]["start"], 88);

    // Export, import into another data directory, export again: identical.
    let w3c = folio(&data, &["notes", b, "--format", "w3c"]);
    assert!(w3c.status.success());
    let exported = dir.join("exported.json");
    fs::write(&exported, &w3c.stdout).unwrap();
    let other = dir.join("other-data");
    assert!(
        folio(&other, &["notes", "import", b, exported.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(
        folio(&other, &["notes", b, "--format", "w3c"]).stdout,
        w3c.stdout
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_store_is_reported_and_left_alone() {
    let dir = scratch("damaged");
    let data = dir.join("data");
    let brief = dir.join("brief.txt");
    fs::write(&brief, BRIEF).unwrap();
    let b = brief.to_str().unwrap();
    let import = w3c_file(&dir, "Aktau", "port");
    assert!(
        folio(&data, &["notes", "import", b, import.to_str().unwrap()])
            .status
            .success()
    );
    let store = fs::read_dir(data.join("annotations"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    fs::write(&store, b"{ damaged").unwrap();
    let out = folio(&data, &["notes", b]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    let out = folio(&data, &["notes", "import", b, import.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read(&store).unwrap(), b"{ damaged");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn bad_inputs_give_one_line_and_status_1() {
    let dir = scratch("errors");
    let data = dir.join("data");
    let brief = dir.join("brief.txt");
    fs::write(&brief, BRIEF).unwrap();
    let b = brief.to_str().unwrap();
    let not_json = dir.join("bad.json");
    fs::write(&not_json, "not json").unwrap();
    let no_annotations = dir.join("empty.json");
    fs::write(&no_annotations, "[]").unwrap();
    for args in [
        vec![
            "notes",
            "import",
            b,
            dir.join("missing.json").to_str().unwrap(),
        ],
        vec!["notes", "import", b, not_json.to_str().unwrap()],
        vec!["notes", "import", b, no_annotations.to_str().unwrap()],
        vec!["notes", dir.join("missing.txt").to_str().unwrap()],
    ] {
        let out = folio(&data, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("folio: "), "{err}");
    }
    let _ = fs::remove_dir_all(&dir);
}

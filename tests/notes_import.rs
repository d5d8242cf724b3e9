//! `folio notes import` with notes that do not belong to the brief, and the
//! Markdown export's title, on the real binary with a fresh home.

mod common;

use common::Sandbox;
use std::path::{Path, PathBuf};

const BRIEF: &str = "Title: Ferry links across the Caspian after the spring storms of that year\n\n\
The ferry from Aktau to Baku sailed again on Tuesday. Port staff said the crossing took eighteen hours.\n\n\
A second line to Turkmenbashi is planned for the autumn.";

/// A W3C collection annotating each of `quotes` (another tool's export, say).
fn w3c(sb: &Sandbox, name: &str, quotes: &[&str]) -> PathBuf {
    let items: Vec<serde_json::Value> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            serde_json::json!({
                "id": format!("urn:uuid:00000000-0000-4000-8000-00000000000{i}"),
                "type": "Annotation",
                "created": "2026-01-02T03:04:05.000Z",
                "modified": "2026-01-02T03:04:05.000Z",
                "body": [{ "type": "TextualBody", "purpose": "commenting", "value": format!("note {i}") }],
                "target": { "selector": [{ "type": "TextQuoteSelector", "exact": q, "prefix": "", "suffix": "" }] }
            })
        })
        .collect();
    let value = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": { "type": "AnnotationPage", "items": items }
    });
    let path = sb.path().join(name);
    std::fs::write(&path, value.to_string()).unwrap();
    path
}

/// The files under the sandbox's data directory (where notes are stored).
fn stored(sb: &Sandbox) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&sb.path().join("data"), &mut out);
    out
}

#[test]
fn notes_of_another_brief_are_refused_and_nothing_is_written() {
    let sb = Sandbox::new();
    let brief = sb.write("brief.txt", BRIEF);
    let other = w3c(
        &sb,
        "other.json",
        &["the pipeline consortium", "a summit in Dushanbe"],
    );
    let out = sb.folio(&[
        "notes",
        "import",
        brief.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("other.json") && err.contains("none of its 2") && err.contains("--force"),
        "{err}"
    );
    assert!(stored(&sb).is_empty(), "written: {:?}", stored(&sb));

    let out = sb.folio(&[
        "notes",
        "import",
        "--force",
        brief.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("0 anchored") && said.contains("2 orphaned"),
        "{said}"
    );
    assert!(!stored(&sb).is_empty());
}

#[test]
fn a_partly_matching_import_is_taken_and_counted() {
    let sb = Sandbox::new();
    let brief = sb.write("brief.txt", BRIEF);
    let mixed = w3c(
        &sb,
        "mixed.json",
        &[
            "sailed again on Tuesday",
            "Turkmenbashi",
            "a summit in Dushanbe",
        ],
    );
    let out = sb.folio(&[
        "notes",
        "import",
        brief.to_str().unwrap(),
        mixed.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("2 anchored") && said.contains("1 orphaned"),
        "{said}"
    );
    let md = sb.folio(&["notes", brief.to_str().unwrap(), "--format", "md"]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("> Turkmenbashi"), "{md}");
}

#[test]
fn the_markdown_export_prints_a_long_title_whole() {
    let sb = Sandbox::new();
    let long = format!(
        "Title: {}\n\nThe ferry from Aktau to Baku sailed again on Tuesday.",
        "Ferry links across the Caspian Sea resume "
            .repeat(4)
            .trim_end()
    );
    let brief = sb.write("long.txt", &long);
    let out = sb.folio(&["notes", brief.to_str().unwrap(), "--format", "md"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let title = long.lines().next().unwrap().trim_start_matches("Title: ");
    assert!(title.chars().count() > 80, "the fixture's title is long");
    assert_eq!(
        md.lines().next(),
        Some(format!("# Notes on {title}").as_str())
    );
    assert!(!md.lines().next().unwrap().contains('…'));
}

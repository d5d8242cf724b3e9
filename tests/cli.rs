//! The `folio` binary as a user runs it: reports, JSON offsets and errors.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .output()
        .expect("run folio")
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/briefs")
        .join(folio::ui::SAMPLE_NAME)
}

fn temp_dir(name: &str) -> common::TempDir {
    common::TempDir::new(&format!("cli-{name}"))
}

/// Checks that every object's `text` equals the code-point slice `[start, end)` of `text`.
fn assert_offsets(json: &[u8], text: &str) -> usize {
    let rows: Vec<serde_json::Value> = serde_json::from_slice(json).expect("one JSON array");
    let chars: Vec<char> = text.chars().collect();
    for r in &rows {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(r["text"].as_str().unwrap(), slice, "{r}");
    }
    rows.len()
}

#[test]
fn entities_json_has_valid_code_point_offsets() {
    let out = folio(&["entities", sample().to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(sample()).unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    for r in &rows {
        assert!(["person", "organization", "place", "misc"].contains(&r["kind"].as_str().unwrap()));
        assert!(!r["entity"].as_str().unwrap().is_empty());
    }
    assert_offsets(&out.stdout, &text);
}

#[test]
fn offsets_count_code_points_in_multibyte_text() {
    let dir = temp_dir("multibyte");
    let path = dir.join("brief.txt");
    let text = "Title: Қазақстан — test 🇰🇿\n\nOn April 23 in Астана — 👨‍👩‍👧 — Daniyal Akhmetov met NATO officials in Brussels.\n";
    std::fs::write(&path, text).unwrap();
    for cmd in ["entities", "timeline"] {
        let out = folio(&[
            cmd,
            path.to_str().unwrap(),
            "--json",
            "--published",
            "2007-04-27",
        ]);
        assert!(out.status.success());
        assert_offsets(&out.stdout, text);
    }
}

#[test]
fn timeline_json_parses() {
    let out = folio(&["timeline", sample().to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(sample()).unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    for r in &rows {
        assert!(["DATE", "TIME", "DURATION", "SET"].contains(&r["type"].as_str().unwrap()));
    }
    assert_offsets(&out.stdout, &text);
}

#[test]
fn tables_print_for_people() {
    let out = folio(&["entities", sample().to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("KIND"));
    let out = folio(&["timeline", sample().to_str().unwrap()]);
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("VALUE"));
}

#[test]
fn bad_paths_give_one_line_and_status_1() {
    let dir = temp_dir("bad");
    let binary = dir.join("program.txt");
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend((0..2048u32).map(|i| (i * 31 % 256) as u8));
    std::fs::write(&binary, elf).unwrap();
    let missing = dir.join("missing.txt");
    let cases = [
        (missing.to_str().unwrap(), "no such file"),
        (binary.to_str().unwrap(), "binary"),
    ];
    for (path, reason) in cases {
        let out = folio(&["entities", path]);
        assert_eq!(out.status.code(), Some(1), "{path}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(path) && err.contains(reason), "{err}");
    }
}

#[test]
fn a_folder_without_readable_briefs_is_one_line_and_status_1() {
    // A folder is a library (tests/library_cli.rs); one with nothing readable is an error.
    let dir = temp_dir("nobriefs");
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend((0..2048u32).map(|i| (i * 31 % 256) as u8));
    std::fs::write(dir.join("program.txt"), elf).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["entities", dir.to_str().unwrap()])
        .env("FOLIO_CACHE_DIR", dir.join("cache"))
        .output()
        .expect("run folio");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no readable briefs") && err.contains("program.txt"),
        "{err}"
    );
}

#[test]
fn hostile_file_names_are_escaped_in_errors() {
    let out = folio(&["entities", "/nonexistent/\u{1b}]0;pwned\u{7}.txt"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("␛]0;pwned␇"));
}

#[test]
fn reader_refuses_when_stdout_is_not_a_terminal() {
    let out = folio(&[sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("not a terminal"));
}

#[test]
fn help_version_and_usage_errors() {
    let out = folio(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("entities"));
    let out = folio(&["--version"]);
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("folio "));
    let out = folio(&["timeline", "x.txt", "--published", "yesterday"]);
    assert_eq!(out.status.code(), Some(2));
}

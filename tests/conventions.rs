//! Command-line conventions: completions and man page generated from the clap
//! definitions, exit statuses, and reports over every input format.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .output()
        .expect("run folio")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for (shell, marker) in [
        ("bash", "complete"),
        ("zsh", "#compdef folio"),
        ("fish", "complete -c folio"),
    ] {
        let out = folio(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        for sub in ["entities", "timeline", "completions", "man"] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
    }
    assert_eq!(folio(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_page_is_roff_with_the_commands_and_exit_codes() {
    let out = folio(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH folio"),
        "{page}"
    );
    for word in ["entities", "timeline", "Exit status", "published"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
}

#[test]
fn usage_errors_exit_2_and_bad_input_exits_1() {
    assert_eq!(folio(&["entities"]).status.code(), Some(2));
    assert_eq!(folio(&["--no-such-flag"]).status.code(), Some(2));
    let out = folio(&["entities", "/nonexistent/brief.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "errors go to stderr only");
}

#[test]
fn reports_accept_every_format_as_json() {
    for name in ["article.md", "saved-page.html", "feed.rss", "feed.atom"] {
        for cmd in ["entities", "timeline"] {
            let out = folio(&[cmd, &fixture(name), "--json"]);
            assert!(
                out.status.success(),
                "{cmd} {name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
            assert!(v.is_array(), "{cmd} {name}");
        }
    }
}

#[test]
fn config_default_prints_the_shipped_file_and_check_reports_lines() {
    let out = folio(&["config", "--default"]);
    assert!(out.status.success());
    let shipped =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/config.toml")).unwrap();
    assert_eq!(out.stdout, shipped);

    let dir = common::TempDir::new("conv-cfg");
    let file = dir.join("config.toml");
    std::fs::write(&file, "[reader]\nwrap_width = \"wide\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("config")
        .env("FOLIO_CONFIG", &file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config.toml:2: reader.wrap_width: expected 0 or a column count"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

//! The command line's promises, on the real binary with a fresh home: a closed
//! standard output ends every command quietly, the man page is whole, a mistyped
//! command is named as such, and `folio config` says when it uses the defaults.

mod common;

use common::Sandbox;
use std::process::{Output, Stdio};

const BRIEF: &str = "Title: Harbour talks\nDate: 2011-03-14\n\n\
Port officials from Aktau met a delegation from Baku on Monday. \
The Caspian Shipping Company said the ferry line would reopen in May.\n\n\
Talks resume in Astana next week.\n";

/// Runs folio with a standard output whose reading end is already closed, as
/// `folio … | head` leaves it once `head` has read enough.
fn with_closed_stdout(sb: &Sandbox, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    sb.command()
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run folio")
}

#[test]
fn a_closed_stdout_ends_every_command_quietly_with_status_0() {
    let sb = Sandbox::new();
    let brief = sb.write("brief.txt", BRIEF);
    let b = brief.to_str().unwrap();
    let folder = sb.path().join("briefs");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("one.txt"), BRIEF).unwrap();
    let f = folder.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["entities", b],
        vec!["entities", b, "--json"],
        vec!["entities", f, "--format", "csv"],
        vec!["timeline", b],
        vec!["timeline", b, "--format", "jsonl"],
        vec!["timeline", f],
        vec!["notes", b],
        vec!["notes", b, "--format", "w3c"],
        vec!["library", f],
        vec!["corrections", "--json"],
        vec!["config"],
        vec!["config", "--default"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["man"],
        vec!["text", b],
    ];
    for args in commands {
        let out = with_closed_stdout(&sb, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains("Broken pipe") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn the_man_page_is_one_page_with_keys_environment_and_files() {
    let sb = Sandbox::new();
    let out = sb.folio(&["man"]);
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        !page.contains("folio-entities") && !page.contains("folio\\-entities"),
        "dangling reference to a page that does not exist"
    );
    for section in [
        ".SH \"COMMANDS\"",
        ".SH \"KEYS\"",
        ".SH \"ENVIRONMENT\"",
        ".SH \"FILES\"",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    for sub in [
        "folio entities",
        "folio notes import",
        "folio text",
        "--force",
    ] {
        assert!(
            page.contains(&sub.replace('-', "\\-")),
            "man page lacks {sub}"
        );
    }
    for var in [
        "FOLIO_DATA_DIR",
        "FOLIO_CACHE_DIR",
        "FOLIO_CONFIG",
        "NO_COLOR",
        "TERM",
    ] {
        assert!(page.contains(&format!("\\fB{var}\\fR")), "no {var}");
    }
    assert!(page.contains("config.toml"));
    // Every described binding of the live default keymap is listed with its description.
    let keys = &page[page.find(".SH \"KEYS\"").unwrap()..page.find(".SH \"ENVIRONMENT\"").unwrap()];
    let keymap = folio::ui::keymap::Keymap::default();
    let mut described = 0;
    for b in keymap.bindings() {
        let what = b.action.describe();
        if what.is_empty() {
            continue;
        }
        described += 1;
        let label = b.label().replace('-', "\\-");
        assert!(keys.contains(&label), "KEYS lacks {label}");
        assert!(
            keys.contains(&what.replace('-', "\\-")),
            "KEYS lacks {what}"
        );
    }
    assert!(described > 10, "the keymap describes its bindings");
}

#[test]
fn help_names_nothing_outside_folio() {
    let sb = Sandbox::new();
    for args in [
        vec!["--help"],
        vec!["entities", "--help"],
        vec!["timeline", "--help"],
    ] {
        let out = sb.folio(&args);
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(!help.contains("score.py"), "{args:?}: {help}");
    }
    let help = String::from_utf8(sb.folio(&["entities", "--help"]).stdout).unwrap();
    assert!(help.contains("one row per entity") && help.contains("one record per mention"));
}

#[test]
fn a_mistyped_command_is_a_usage_error_that_names_the_command() {
    let sb = Sandbox::new();
    let brief = sb.write("brief.txt", BRIEF);
    let out = sb.folio(&["entitie", brief.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim_end(),
        "folio: unknown command 'entitie'; did you mean 'entities'?"
    );
    assert!(out.stdout.is_empty());
    let out = sb.folio(&["timelin", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean 'timeline'?"));
    // A word far from every command is still a missing file (bad input, 1).
    let out = sb.folio(&["caspian-notes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn an_existing_file_named_like_a_command_still_opens() {
    let sb = Sandbox::new();
    sb.write("entitie", BRIEF);
    // The reader needs a terminal; reaching that check proves the file was opened as a brief.
    let out = sb.folio(&["entitie"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not a terminal"), "{err}");
    assert!(!err.contains("unknown command"), "{err}");
}

#[test]
fn config_without_a_file_says_the_defaults_are_used() {
    let sb = Sandbox::new();
    let out = sb.folio(&["config"]);
    assert!(out.status.success());
    let path = sb.path().join("config.toml");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim_end(),
        path.display().to_string()
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("no config file at {}", path.display()))
            && err.contains("using the defaults")
            && err.contains("folio config --default"),
        "{err}"
    );
    // With a file, nothing of the sort.
    sb.write("config.toml", "[reader]\ntheme = \"light\"\n");
    let out = sb.folio(&["config"]);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

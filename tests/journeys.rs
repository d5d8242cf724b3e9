#![cfg(unix)]
//! Journeys on the real binary: what a new user does with the README in hand,
//! each in a pseudo-terminal with a fresh home (see `terminal`). Keys come from
//! the live keymap where an action is meant, so a rebinding does not break them.

mod common;
mod terminal;

use folio::ui::Action;
use std::time::Duration;
use terminal::{keymap, Home, Session};

/// The bundled sample's text, to open by path.
const CASPIAN: &str = include_str!("../assets/briefs/caspian-summit-2007.txt");
const GEORGIA: &str = include_str!("../assets/briefs/georgia-war-2008.txt");
const SCO: &str = include_str!("../assets/briefs/sco-bishkek-2007.txt");

/// Words a status line must not show when nothing went wrong and nothing changed.
const WARNINGS: &[&str] = &[
    "NOT SAVED",
    "not saved",
    "error",
    "cannot",
    "could not",
    "config:",
    "invalid",
    "read-only",
    "unexpected",
];

fn assert_no_warning(s: &Session) {
    let status = s.status_line();
    for w in WARNINGS {
        assert!(!status.contains(w), "status line warns {w:?}: {status}");
    }
}

/// One `q` ends folio at once with status 0 and the terminal restored.
fn quit_with_one_q(s: &mut Session) {
    s.action(&keymap(""), Action::Quit);
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn the_bundled_sample_opens_and_one_q_quits() {
    let home = Home::new("sample");
    let mut s = home.open::<&str>(&[], 100, 30);
    s.wait_for("Entities (");
    assert!(s.screen().contains("caspian-summit-2007.txt"));
    assert_no_warning(&s);
    quit_with_one_q(&mut s);
}

#[test]
fn a_brief_opened_by_path_quits_with_one_q_and_writes_nothing() {
    let home = Home::new("by-path");
    let brief = home.file("caspian.txt", CASPIAN);
    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("Entities (");
    s.settle();
    assert_no_warning(&s);
    quit_with_one_q(&mut s);
    assert_eq!(home.data_files(), Vec::<std::path::PathBuf>::new());
}

#[test]
fn several_files_and_a_folder_open_as_a_library_and_one_q_quits() {
    let home = Home::new("library");
    let a = home.file("briefs/caspian.txt", CASPIAN);
    let b = home.file("briefs/georgia.txt", GEORGIA);
    home.file("briefs/sco.txt", SCO);
    let mut s = home.open(&[&a, &b], 100, 30);
    s.wait_for("Tehran summit");
    assert_no_warning(&s);
    quit_with_one_q(&mut s);

    let mut s = home.open(&[home.files().join("briefs")], 100, 30);
    s.wait_for("Bishkek");
    assert_no_warning(&s);
    quit_with_one_q(&mut s);
}

/// Reads a brief, searches, jumps, annotates what is on screen, and finds the
/// note again after quitting, in every export format, and after an edit.
#[test]
fn read_search_annotate_quit_reopen_and_export() {
    let home = Home::new("annotate");
    let brief = home.file("caspian.txt", CASPIAN);
    let km = keymap("");
    let mut s = home.open(&[&brief], 80, 24);
    s.wait_for("Entities (");
    s.action(&km, Action::PageDown);
    s.action(&km, Action::MoveDown);
    s.action(&km, Action::StartSearch);
    s.keys("Bushehr<Enter>");
    s.action(&km, Action::NextMatch);
    s.action(&km, Action::Annotate);
    // The editor quotes the sentence with the hit, which is on screen.
    s.wait_for("Bushehr remained");
    s.keys("Unfinished business #nuclear");
    s.keys("<C-s>");
    s.wait_until("the editor to close", |s| !s.screen().contains("#nuclear"));
    assert_no_warning(&s);
    quit_with_one_q(&mut s);

    // Reopened: the note is there, listed by the panel.
    let mut s = home.open(&[&brief], 80, 24);
    s.wait_for("1 note");
    s.action(&km, Action::ToggleNotes);
    s.wait_for("Unfinished business");
    s.keys("<Esc>");
    quit_with_one_q(&mut s);

    for (format, expect) in [
        ("md", "Unfinished business #nuclear"),
        ("json", "\"note\": \"Unfinished business #nuclear\""),
        ("w3c", "\"TextQuoteSelector\""),
    ] {
        let out = home.run(&[
            "notes".as_ref(),
            brief.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains(expect), "{format}: {text}");
        assert!(
            text.contains("Bushehr remained"),
            "{format} quotes the passage: {text}"
        );
    }

    // Edited: a paragraph added on top and the quoted sentence reworded a little.
    let edited = CASPIAN
        .replacen(
            "\n\nThe presidents",
            "\n\nA paragraph added later.\n\nThe presidents",
            1,
        )
        .replacen(
            "Bushehr remained the unfinished business",
            "Bushehr remained the unfinished piece of business",
            1,
        );
    std::fs::write(&brief, edited).unwrap();
    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("re-anchored");
    s.action(&km, Action::ToggleNotes);
    s.wait_for("Unfinished business");
    assert!(
        s.screen().contains("review"),
        "flagged for review:\n{}",
        s.screen()
    );
    s.keys("<Esc>");
    quit_with_one_q(&mut s);
}

/// After paging, `a` quotes a sentence that is on screen, not one pages above.
#[test]
fn a_after_paging_quotes_what_is_on_screen() {
    let home = Home::new("paging");
    let brief = home.file("caspian.txt", CASPIAN);
    let km = keymap("");
    let mut s = home.open(&[&brief], 80, 24);
    s.wait_for("Entities (");
    s.action(&km, Action::NextSentence);
    s.action(&km, Action::PageDown);
    s.action(&km, Action::PageDown);
    let before = s.screen();
    s.action(&km, Action::Annotate);
    s.keys("paged");
    s.keys("<C-s>");
    s.settle();
    quit_with_one_q(&mut s);
    let out = home.run(&[
        "notes".as_ref(),
        brief.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("notes as JSON");
    let exact = json["annotations"][0]["target"]["quote"]["exact"]
        .as_str()
        .expect("one note with a quote")
        .to_string();
    // The quote's first words were on screen when `a` was pressed (the pane
    // wraps lines, so compare word by word).
    let words: Vec<&str> = exact.split_whitespace().take(4).collect();
    let screen_words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|w| !w.is_empty())
        .collect();
    assert!(
        screen_words
            .windows(words.len())
            .any(|w| w == words.as_slice()),
        "{exact:?} was not on screen:\n{before}"
    );
}

/// A name in mid-sentence, missed by the recognizer or not, is selected with a
/// search and `v`, and made an entity with `+`; the correction holds after a
/// restart and in `folio entities`.
#[test]
fn a_name_in_mid_sentence_becomes_an_entity_and_stays_one() {
    let home = Home::new("plus");
    let brief = home.file("caspian.txt", CASPIAN);
    let km = keymap("");
    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("Entities (");
    s.action(&km, Action::StartSearch);
    s.keys("RIA Novosti<Enter>");
    s.action(&km, Action::StartSelection);
    s.action(&km, Action::AddEntity);
    s.wait_for("RIA Novosti");
    s.keys("o");
    s.settle();
    quit_with_one_q(&mut s);

    let out = home.run(&[
        "entities".as_ref(),
        brief.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(
        json.contains("\"text\":\"RIA Novosti\",\"kind\":\"organization\"")
            || json.contains("\"text\": \"RIA Novosti\", \"kind\": \"organization\""),
        "{json}"
    );
    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("Entities (");
    s.action(&km, Action::FocusNext);
    s.action(&km, Action::StartSearch);
    s.keys("ria<Enter>");
    s.wait_for("RIA Novosti");
    quit_with_one_q(&mut s);
}

/// Corrections: retype, not an entity, merge, undo; they hold after a restart
/// and `folio entities` applies them.
#[test]
fn corrections_hold_after_a_restart_and_in_folio_entities() {
    let home = Home::new("correct");
    let brief = home.file("caspian.txt", CASPIAN);
    let km = keymap("");
    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("Entities (");
    s.action(&km, Action::FocusNext);
    // "American" (misc) retyped as an organization: filter the sidebar to it, retype it.
    s.action(&km, Action::StartSearch);
    s.keys("American<Enter>");
    s.action(&km, Action::RetypeEntity);
    s.keys("o");
    s.wait_for("ORGANIZATIONS (1)");
    // Undone, then done again.
    s.action(&km, Action::UndoCorrection);
    s.wait_for("MISC (1)");
    s.action(&km, Action::RetypeEntity);
    s.keys("o");
    s.wait_for("ORGANIZATIONS (1)");
    s.keys("<Esc>");
    // "Wiesbaden" is not an entity (a user's call; the journey is the correction's).
    s.action(&km, Action::StartSearch);
    s.keys("Wiesbaden<Enter>");
    s.action(&km, Action::NotAnEntity);
    s.settle();
    s.keys("<Esc>");
    // "Caspian Sea" is merged into "Caspian": the filter shows both, Caspian first.
    s.action(&km, Action::StartSearch);
    s.keys("Caspian<Enter>");
    s.action(&km, Action::MoveDown);
    s.action(&km, Action::MergeEntity);
    s.action(&km, Action::MoveUp);
    s.keys("<Enter>");
    s.settle();
    assert_no_warning(&s);
    quit_with_one_q(&mut s);

    let out = home.run(&[
        "entities".as_ref(),
        brief.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
    ]);
    let lines = String::from_utf8_lossy(&out.stdout);
    let of = |text: &str| -> Vec<&str> {
        lines
            .lines()
            .filter(|l| l.contains(&format!("\"text\":\"{text}\"")))
            .collect()
    };
    assert!(of("Wiesbaden").is_empty(), "Wiesbaden is gone: {lines}");
    let command = of("American");
    assert!(
        !command.is_empty() && command.iter().all(|l| l.contains("\"organization\"")),
        "{command:?}"
    );
    let sea = of("Caspian Sea");
    assert!(
        !sea.is_empty() && sea.iter().all(|l| l.contains("\"entity\":\"Caspian\"")),
        "{sea:?}"
    );
    let out = home.run(&["corrections"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    for name in ["American", "Wiesbaden", "Caspian Sea"] {
        assert!(listed.contains(name), "{name}: {listed}");
    }

    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("Entities (");
    s.action(&km, Action::FocusNext);
    s.action(&km, Action::StartSearch);
    s.keys("American<Enter>");
    s.wait_for("ORGANIZATIONS (");
    assert!(!s.screen().contains("MISC ("), "{}", s.screen());
    quit_with_one_q(&mut s);
}

/// Search: type, Enter, n, N, Esc.
#[test]
fn search_walks_hits_and_esc_clears_it() {
    let home = Home::new("search");
    let brief = home.file("caspian.txt", CASPIAN);
    let km = keymap("");
    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("Entities (");
    s.action(&km, Action::StartSearch);
    s.keys("Caspian<Enter>");
    s.wait_for("hit 1/");
    s.action(&km, Action::NextMatch);
    s.wait_for("hit 2/");
    s.action(&km, Action::PrevMatch);
    s.wait_for("hit 1/");
    s.keys("<Esc>");
    s.wait_until("the search to clear", |s| !s.status_line().contains("hit "));
    quit_with_one_q(&mut s);
}

/// A search typed while a big file is still loading finds a word near its end.
#[test]
fn a_search_typed_while_a_big_file_loads_finds_a_word_near_its_end() {
    let home = Home::new("big");
    let mut text = String::with_capacity(24 << 20);
    let mut i = 0;
    while text.len() < 24 << 20 {
        text.push_str(&format!(
            "Paragraph {i} reports that ministers met in Astana to discuss pipelines and ports.\n\n"
        ));
        i += 1;
    }
    text.push_str("Near the end the word zqxsentinel appears once.\n\n");
    text.push_str(&"A closing paragraph of filler text follows here.\n\n".repeat(150));
    let brief = home.file("big.txt", &text);
    let km = keymap("");
    let mut s = home.open(&[&brief], 100, 30);
    s.action(&km, Action::StartSearch);
    s.keys("zqxsentinel<Enter>");
    s.wait_for("Near the end the word zqxsentinel");
    s.wait_for("hit 1/1");
    quit_with_one_q(&mut s);
}

/// A broken config and an unknown theme are named on screen; the reader works.
#[test]
fn a_broken_config_is_named_on_screen_and_the_reader_still_works() {
    let home = Home::new("badconfig");
    let brief = home.file("caspian.txt", CASPIAN);
    let config = home.set_config("[reader]\nwrap_width = \"wide\"\ntheme = \"solarized\"\n");
    let mut s = home.open(&[&brief], 120, 30);
    s.wait_for("config");
    let shown = s.screen();
    assert!(shown.contains("config.toml"), "the file is named:\n{shown}");
    // Both problems are shown, one after the other, and the reader works.
    let mut seen = shown.clone();
    for _ in 0..3 {
        s.keys("j");
        seen.push_str(&s.screen());
    }
    assert!(s.screen().contains("Entities ("));
    assert!(
        seen.contains("wrap_width") && seen.contains("solarized"),
        "{seen}"
    );
    drop(config);
    quit_with_one_q(&mut s);
}

/// A rebinding in the config file works, and the old key no longer does.
#[test]
fn a_rebinding_takes_effect() {
    let home = Home::new("rebind");
    let brief = home.file("caspian.txt", CASPIAN);
    let config = "[keys.global]\n\"Q\" = \"quit\"\n\"q\" = \"none\"\n";
    home.set_config(config);
    let km = keymap(config);
    let mut s = home.open(&[&brief], 100, 30);
    s.wait_for("Entities (");
    s.keys("q");
    assert!(
        s.still_running_after(Duration::from_millis(300)),
        "q is unbound"
    );
    s.action(&km, Action::Quit);
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Invalid UTF-8 is shown with a notice, not refused and not hidden.
#[test]
fn invalid_utf8_gets_a_notice() {
    let home = Home::new("utf8");
    let path = home.files().join("latin1.txt");
    std::fs::write(
        &path,
        b"Title: Caf\xe9\n\nThe minister met in Astana on Monday.\n",
    )
    .unwrap();
    let mut s = home.open(&[&path], 100, 30);
    s.wait_for("invalid UTF-8");
    quit_with_one_q(&mut s);
}

/// Every error path of the README's exit-status table, with a clear message.
#[test]
fn bad_input_gets_a_message_and_the_exit_status_the_readme_gives() {
    let home = Home::new("errors");
    let missing = home.files().join("missing.txt");
    let binary = home.files().join("tool.bin");
    std::fs::write(
        &binary,
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
    )
    .unwrap();
    let fifo = home.files().join("pipe.txt");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let folder = home.files().join("empty-folder");
    std::fs::create_dir_all(&folder).unwrap();
    let brief = home.file("ok.txt", CASPIAN);
    let cases: Vec<(Vec<std::ffi::OsString>, i32, &str)> = vec![
        (vec![missing.clone().into()], 1, "missing.txt"),
        (
            vec!["entities".into(), missing.clone().into()],
            1,
            "missing.txt",
        ),
        (vec![binary.clone().into()], 1, "binary"),
        (vec!["timeline".into(), fifo.clone().into()], 1, "pipe"),
        (vec![fifo.clone().into()], 1, "pipe"),
        (vec![folder.clone().into()], 1, "empty-folder"),
        // The reader needs a terminal: with stdout a pipe it says so.
        (vec![brief.clone().into()], 1, "not a terminal"),
        (
            vec![
                "entities".into(),
                "--format".into(),
                "yaml".into(),
                brief.clone().into(),
            ],
            2,
            "yaml",
        ),
        (vec!["--no-such-flag".into()], 2, "no-such-flag"),
        (
            vec!["entitie".into(), brief.clone().into()],
            2,
            "did you mean 'entities'",
        ),
        (
            vec!["timelin".into(), "x".into()],
            2,
            "did you mean 'timeline'",
        ),
    ];
    for (args, code, says) in cases {
        let out = home.run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?} says {says:?}: {err}");
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("folio: ") || first.starts_with("error: "),
            "{args:?}: the first line says what is wrong: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

/// The fixtures of `tests/fixtures/formats`, to put in a library.
fn format_fixture(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/formats")
            .join(name),
    )
    .unwrap()
}

/// A folder of plain text, Markdown, a saved page and a feed is one library:
/// every brief listed by its title, and opened as `folio FILE` shows it.
#[test]
fn a_folder_of_every_format_opens_as_a_library_with_titles_and_converted_text() {
    let home = Home::new("lib-formats");
    home.file("lib/caspian.txt", CASPIAN);
    home.file("lib/notes.md", &format_fixture("article.md"));
    home.file("lib/page.html", &format_fixture("saved-page.html"));
    home.file("lib/feed.rss", &format_fixture("feed.rss"));
    let km = keymap("");
    let mut s = home.open(&[home.files().join("lib")], 120, 30);
    for title in [
        "Tehran summit",
        "Caspian summit notes",
        "Kazakhstan hosts security talks",
        "CSTO exercises announced",
        "Pipeline talks in Baku",
    ] {
        s.wait_for(title);
    }
    let screen = s.screen();
    for raw in ["---", "<!", "<?"] {
        assert!(
            !screen
                .lines()
                .any(|l| l.split_whitespace().any(|w| w == raw)),
            "a raw source shows as a title:\n{screen}"
        );
    }
    // Find the feed's Baku item by a phrase of its text, and open it there:
    // its converted text, not the XML.
    s.action(&km, Action::StartSearch);
    s.keys("ministers met in baku<Enter>");
    s.wait_for("1 hit in 1 brief");
    s.action(&km, Action::Activate);
    s.wait_for("Ministers met in Baku");
    assert!(!s.screen().contains("CDATA"), "{}", s.screen());
    quit_with_one_q(&mut s);
}

/// `j` moves the highlighted row; a `[keys.library]` rebinding and the wrap
/// width apply in the library and in a brief opened from it.
#[test]
fn the_librarys_highlight_keys_and_wrap_width_follow_the_user() {
    let home = Home::new("lib-settings");
    home.file("lib/caspian.txt", CASPIAN);
    home.file("lib/georgia.txt", GEORGIA);
    home.file("lib/sco.txt", SCO);
    let config = "[reader]\nwrap_width = 50\n\n[keys.library]\n\"J\" = \"down\"\n";
    home.set_config(config);
    let mut s = home.open(&[home.files().join("lib")], 120, 30);
    // All three listed, so no brief indexed later moves the highlighted row.
    s.wait_for("Bishkek summit");
    s.wait_for("Tehran summit binds");
    s.wait_for("A ceasefire on paper");
    let highlighted = |s: &Session| -> Vec<u16> {
        (2..29)
            .filter(|&row| s.cell(row, 5).is_some_and(|c| c.inverse()))
            .collect()
    };
    assert_eq!(highlighted(&s), [2], "the first brief is highlighted");
    s.keys("j");
    assert_eq!(highlighted(&s), [3], "j moved the highlight");
    s.keys("J");
    assert_eq!(
        highlighted(&s),
        [4],
        "J, bound in [keys.library], moved it too"
    );
    s.keys("<Enter>");
    s.wait_for("back to the library");
    // The brief wraps at 50 columns: no text line is longer.
    let longest = s
        .screen()
        .lines()
        .skip(1)
        .take(10)
        .filter_map(|l| l.split('│').nth(1))
        .map(|t| t.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest <= 52, "wrapped at {longest}:\n{}", s.screen());
    s.keys("<Esc>");
    s.wait_for("Bishkek summit");
    quit_with_one_q(&mut s);
}

/// `folio library DIR --entity NATO --format json`: the profile and concordance as JSON.
#[test]
fn the_concordance_of_an_acronym_comes_out_as_json() {
    let home = Home::new("lib-json");
    home.file(
        "lib/estonia.txt",
        include_str!("../assets/briefs/estonia-cyber-2008.txt"),
    );
    home.file("lib/georgia.txt", GEORGIA);
    let dir = home.files().join("lib");
    let out = home.run(&[
        "library".as_ref(),
        dir.as_os_str(),
        "--entity".as_ref(),
        "NATO".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let profile: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for field in [
        "entity",
        "kind",
        "mentions",
        "briefs",
        "first_seen",
        "last_seen",
        "months",
        "related",
    ] {
        assert!(profile.get(field).is_some(), "{field} in {profile}");
    }
    let rows = profile["concordance"].as_array().expect("an array");
    assert!(!rows.is_empty());
    for r in rows {
        for field in ["file", "start", "end", "text", "entity", "kind", "context"] {
            assert!(r.get(field).is_some(), "{field} in {r}");
        }
    }
    assert!(rows.iter().any(|r| r["text"] == "NATO"), "{rows:?}");
}

/// A FIFO in the library folder never stops the view from opening or quitting.
#[test]
fn a_fifo_in_the_folder_does_not_block_the_library() {
    let home = Home::new("lib-fifo");
    home.file("lib/caspian.txt", CASPIAN);
    let fifo = home.files().join("lib/pipe.txt");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut s = home.open(&[home.files().join("lib")], 100, 30);
    s.wait_for("Tehran summit");
    quit_with_one_q(&mut s);
}

/// Types the key the live `keymap` binds to `action` on the map.
fn map_key(s: &mut Session, keymap: &folio::ui::keymap::Keymap, action: Action) {
    let label = keymap
        .keys_in(folio::ui::keymap::Context::Map, &action)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{action:?} is bound on the map"));
    s.keys(&terminal::label_to_keys(&label));
}

/// The map of the sample brief's places: open it, move to the next place,
/// jump to its first mention, open it again and close it.
#[test]
fn the_map_opens_moves_jumps_to_a_mention_and_closes() {
    let home = Home::new("map");
    let km = keymap("");
    let mut s = home.open::<&str>(&[], 100, 30);
    s.wait_for("ORGANIZATIONS (");
    s.action(&km, Action::ToggleMap);
    s.wait_for("Map: ");
    // The most mentioned place is selected; the status line says where it is.
    s.wait_for("▶Caspian");
    assert!(
        s.status_line().contains("Caspian: sea"),
        "{}",
        s.status_line()
    );
    map_key(&mut s, &km, Action::MoveDown);
    s.wait_until("the next place selected", |s| {
        s.status_line().contains("Azerbaijan: country")
    });
    assert!(s.screen().contains("↳ country"), "{}", s.screen());
    map_key(&mut s, &km, Action::Activate);
    s.wait_until("the map closed at the first mention", |s| {
        !s.screen().contains("Map: ") && s.status_line().contains("mention 1/5")
    });
    s.action(&km, Action::ToggleMap);
    s.wait_for("Map: ");
    map_key(&mut s, &km, Action::ToggleMap);
    s.wait_until("the map closed", |s| !s.screen().contains("Map: "));
    assert_no_warning(&s);
    quit_with_one_q(&mut s);
}

/// A library of three briefs with a fresh home.
fn three_briefs(tag: &str) -> (Home, std::path::PathBuf) {
    let home = Home::new(tag);
    home.file("lib/caspian.txt", CASPIAN);
    home.file("lib/georgia.txt", GEORGIA);
    home.file("lib/sco.txt", SCO);
    let dir = home.files().join("lib");
    (home, dir)
}

/// `/` on the briefs searches every brief; `Enter` opens the newest hit with the
/// search active; `n` goes on into the next brief; `Esc` is back on the hits.
#[test]
fn a_search_across_briefs_opens_at_a_hit_and_n_walks_into_the_next_brief() {
    let (home, dir) = three_briefs("lib-search");
    let km = keymap("");
    let mut s = home.open(&[&dir], 120, 30);
    s.wait_for("Bishkek summit");
    s.library_action(&km, Action::StartSearch);
    s.keys("vladimir putin<Enter>");
    s.wait_for("“vladimir putin” · ");
    s.wait_for("in 3 briefs, newest first");
    s.library_action(&km, Action::Activate);
    s.wait_for("across the library");
    assert!(s.screen().contains("georgia.txt"), "{}", s.screen());
    s.library_action(&km, Action::NextMatch);
    s.wait_until("the walk to reach the Caspian brief", |s| {
        s.screen().contains("caspian.txt") && s.screen().contains("hit 2/")
    });
    s.keys("<Esc>");
    s.wait_for("open at hit");
    assert_no_warning(&s);
    quit_with_one_q(&mut s);
}

/// A note made in one brief of the library shows in `A`, narrows by its tag,
/// and `Enter` opens the brief at it.
#[test]
fn a_note_made_in_the_library_is_listed_by_a_and_opens_at_its_passage() {
    let (home, dir) = three_briefs("lib-notes");
    let km = keymap("");
    let mut s = home.open(&[&dir], 120, 30);
    // All three listed, so the first row is the newest brief, Georgia's.
    s.wait_for("Bishkek summit");
    s.wait_for("Tehran summit binds");
    s.wait_for("A ceasefire on paper");
    s.library_action(&km, Action::Activate);
    s.wait_for("back to the library");
    s.action(&km, Action::Annotate);
    s.wait_for("Ctrl-s");
    s.keys("Ceasefire watch #georgia");
    s.keys("<C-s>");
    s.wait_until("the editor to close", |s| !s.screen().contains("#georgia▏"));
    s.keys("<Esc>");
    s.wait_for("Bishkek summit");
    s.library_action(&km, Action::ToggleNotes);
    s.wait_for("1 note in 1 brief");
    assert!(s.screen().contains("Ceasefire watch"), "{}", s.screen());
    s.library_action(&km, Action::NoteFilter);
    s.keys("geo<Enter>");
    s.wait_for("1 note tagged #geo in 1 brief");
    s.library_action(&km, Action::Activate);
    s.wait_for("georgia.txt");
    s.keys("<Esc>");
    s.wait_for("1 note tagged #geo");
    assert_no_warning(&s);
    quit_with_one_q(&mut s);
}

/// `p` on an entity shows its profile; `Enter` goes to a companion's profile,
/// `Esc` back, and `s` lists the sentences they share.
#[test]
fn an_entitys_profile_leads_to_its_company_and_their_shared_sentences() {
    let (home, dir) = three_briefs("lib-profile");
    let km = keymap("");
    let mut s = home.open(&[&dir], 120, 30);
    s.wait_for("Bishkek summit");
    s.library_action(&km, Action::FocusNext);
    s.library_action(&km, Action::StartSearch);
    s.keys("vladimir putin<Enter>");
    s.library_action(&km, Action::ShowProfile);
    s.wait_for("Vladimir Putin (person) · 11 mentions in 3 briefs");
    s.wait_for("first seen 2007-08-18 sco.txt");
    s.wait_for("IN THE COMPANY OF");
    assert!(s.screen().contains("▲2007-10"), "{}", s.screen());
    s.library_action(&km, Action::Activate);
    s.wait_until("a companion's profile", |s| {
        !s.screen().contains("Vladimir Putin (person)")
    });
    s.keys("<Esc>");
    s.wait_for("Vladimir Putin (person)");
    s.library_action(&km, Action::ShowShared);
    s.wait_for("shared sentences, oldest first");
    s.keys("<Esc>");
    s.wait_for("IN THE COMPANY OF");
    assert_no_warning(&s);
    quit_with_one_q(&mut s);
}

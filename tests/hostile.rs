//! The hostile corpus (`../shared/hostile/make_hostile.py --small`, generated at
//! test time): every case behaves as its `expect` column says, nothing panics,
//! and no control character reaches a rendered screen or the CLI's output.

mod common;

use common::{find_dangerous, hostile_corpus, Case};
use folio::document::read_file;
use folio::ui::{Action, App};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

/// Renders and checks the screen; returns its text.
fn checked_screen(app: &App, step: &str) -> Result<String, String> {
    let text = common::buffer_text(&common::render(app));
    match find_dangerous(&text, true) {
        Some(what) => Err(format!(
            "{step} at {}x{}: control on screen: {what}",
            app.screen.width, app.screen.height
        )),
        None => Ok(text),
    }
}

/// Opens the document in the reader and walks it as a person would, checking every screen.
fn walk_reader(path: &Path, name: &str) -> Result<(), String> {
    let doc = read_file(path).map_err(|e| format!("read_file: {e}"))?;
    let text = doc.text().to_owned();
    let notice = folio::ui::encoding_notice(&doc);
    let mut app = App::with_extraction(Arc::new(doc), name.to_owned());
    app.notice = notice;
    for (w, h) in [
        (120, 40),
        (80, 24),
        (30, 8),
        (2, 1),
        (1, 1),
        (0, 0),
        (80, 24),
    ] {
        app.update(Action::Resize(w, h));
        checked_screen(&app, "open")?;
    }
    app.update(Action::GoBottom);
    checked_screen(&app, "end")?;
    app.update(Action::PageUp);
    app.update(Action::MoveDown);
    checked_screen(&app, "scroll")?;
    app.update(Action::StartSearch);
    for c in "the".chars() {
        app.update(Action::Input(c));
    }
    checked_screen(&app, "search prompt")?;
    app.update(Action::InputSubmit);
    app.update(Action::NextMatch);
    checked_screen(&app, "search hit")?;
    app.update(Action::ClearSelection);
    // A searched-for ESC must be shown, as a visible marker, where it is.
    let body_start = app
        .doc
        .paragraphs()
        .first()
        .map_or(text.len(), |p| p.span().start);
    if text[body_start..].contains('\u{1b}') {
        app.update(Action::StartSearch);
        app.update(Action::Input('\u{1b}'));
        app.update(Action::InputSubmit);
        let screen = checked_screen(&app, "search ESC")?;
        if !screen.contains('␛') {
            return Err(format!("ESC found by search but not shown as ␛:\n{screen}"));
        }
        app.update(Action::ClearSelection);
    }
    for a in [Action::FocusNext, Action::GoBottom, Action::Activate] {
        app.update(a);
    }
    checked_screen(&app, "sidebar")?;
    for a in [Action::FocusNext, Action::GoBottom, Action::Activate] {
        app.update(a);
    }
    checked_screen(&app, "timeline")?;
    app.update(Action::ToggleHelp);
    checked_screen(&app, "help")?;
    Ok(())
}

/// Runs `folio ARGS`; checks the exit status and that nothing it prints holds a control.
fn check_cli(args: &[&std::ffi::OsStr], opens: bool) -> Result<(), String> {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .output()
        .map_err(|e| format!("cannot run folio: {e}"))?;
    let stdout = String::from_utf8(out.stdout).map_err(|_| "stdout is not UTF-8".to_string())?;
    let stderr = String::from_utf8(out.stderr).map_err(|_| "stderr is not UTF-8".to_string())?;
    let cmd = format!("folio {:?}", args);
    if let Some(what) = find_dangerous(&stdout, true) {
        return Err(format!("{cmd}: control in stdout: {what}"));
    }
    if let Some(what) = find_dangerous(&stderr, true) {
        return Err(format!("{cmd}: control in stderr: {what}"));
    }
    match (opens, out.status.code()) {
        (true, Some(0)) => Ok(()),
        (false, Some(1)) if stderr.starts_with("folio: ") && stderr.lines().count() == 1 => Ok(()),
        _ => Err(format!(
            "{cmd}: exit {:?}, stderr {stderr:?} (file opens: {opens})",
            out.status.code()
        )),
    }
}

fn check_case(case: &Case) -> Result<(), String> {
    let result = read_file(&case.path);
    match (case.expect.as_str(), &result) {
        ("show", Err(e)) => return Err(format!("expected to open, got error: {e}")),
        ("error", Ok(_)) => return Err("expected an error, but it opened".into()),
        (_, Err(e)) => {
            let msg = e.to_string();
            if msg.trim().is_empty() || find_dangerous(&msg, false).is_some() {
                return Err(format!("unclear error message {msg:?}"));
            }
        }
        _ => {}
    }
    let opens = result.is_ok();
    if opens {
        catch_unwind(AssertUnwindSafe(|| walk_reader(&case.path, &case.name)))
            .map_err(|_| "panicked in the reader".to_string())??;
    }
    let path = case.path.as_os_str();
    check_cli(&["entities".as_ref(), path], opens)?;
    check_cli(&["entities".as_ref(), "--json".as_ref(), path], opens)?;
    check_cli(&["timeline".as_ref(), path], opens)?;
    Ok(())
}

#[test]
#[cfg_attr(
    any(not(folio_shared), not(folio_python)),
    ignore = "needs ../shared (or FOLIO_SHARED) and python3 for the hostile corpus"
)]
fn every_hostile_case_behaves_as_expected() {
    let Some(corpus) = hostile_corpus("hostile") else {
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in corpus.cases.iter().filter(|c| c.path.is_file()) {
        let t = Instant::now();
        if let Err(e) = check_case(case) {
            failures.push(format!("{}: {e}", case.name));
        }
        checked += 1;
        eprintln!("{:<30} {:>6} ms", case.name, t.elapsed().as_millis());
    }
    assert!(checked >= 50, "only {checked} cases generated");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[cfg_attr(
    any(not(folio_shared), not(folio_python)),
    ignore = "needs ../shared (or FOLIO_SHARED) and python3 for the hostile corpus"
)]
fn hostile_file_names_are_escaped_everywhere() {
    let Some(corpus) = hostile_corpus("names") else {
        return;
    };
    let dir = corpus
        .cases
        .iter()
        .find(|c| c.path.is_dir())
        .map(|c| c.path.clone())
        .expect("the corpus has a folder of hostile names");
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir)
        .expect("read names folder")
        .flatten()
    {
        let path = entry.path();
        let name = entry.file_name();
        n += 1;
        let shown = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        if let Err(e) = walk_reader(&path, &shown) {
            failures.push(format!("{shown:?}: {e}"));
        }
        // Relative to the folder, after `--`, so a leading dash is still a file name.
        let out = Command::new(env!("CARGO_BIN_EXE_folio"))
            .current_dir(&dir)
            .args(["entities".as_ref(), "--".as_ref(), name.as_os_str()])
            .output()
            .expect("run folio");
        if !out.status.success() {
            failures.push(format!("{shown:?}: entities failed: {:?}", out.status));
        }
        // A missing file of the same hostile name: the error names it, escaped.
        let mut missing = name.clone();
        missing.push(".missing");
        if let Err(e) = check_cli(
            &["entities".as_ref(), "--".as_ref(), missing.as_os_str()],
            false,
        ) {
            failures.push(format!("{shown:?}: {e}"));
        }
    }
    assert!(n >= 5, "only {n} hostile names");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

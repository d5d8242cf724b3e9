#![cfg(unix)]
//! The reader in a real pseudo-terminal (driven by python3's `pty` module): the
//! terminal is restored — alternate screen left, cursor shown, cooked mode back —
//! after `q`, Ctrl-C, SIGTERM, SIGHUP and SIGINT, and nothing is drawn when
//! stdout is not a terminal. Skipped with a message when python3 is absent.

mod common;

use std::process::Command;

/// Runs folio in a pty, waits for its first frame, then does `action` (`key:BYTES`,
/// `signal:NAME`, or `hangup`: the terminal closes) and reports what happened as
/// `key=value` lines.
const DRIVER: &str = r#"
import os, pty, sys, time, signal, select, termios, fcntl, struct
action, cmd = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    os.environ['TERM'] = os.environ.get('PTY_TERM', 'xterm-256color')
    os.execv(cmd[0], cmd)
out = b''
def pump(until, quiet=None):
    global out
    last = time.time()
    while time.time() < until:
        r, _, _ = select.select([fd], [], [], 0.05)
        if not r:
            if quiet is not None and b'\x1b[?1049h' in out and time.time() - last > quiet:
                return True
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        last = time.time()
        out += chunk
        if b'\x1b[6n' in chunk:
            os.write(fd, b'\x1b[1;1R')
        if b'\x1b[c' in chunk:
            os.write(fd, b'\x1b[?62c')
    return True
pump(time.time() + 10, quiet=0.5)
started = b'\x1b[?1049h' in out
kind, _, what = action.partition(':')
if kind == 'hangup':
    os.close(fd)
    ended, deadline = False, time.time() + 5
    while time.time() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            ended = True
            break
        time.sleep(0.05)
    if not ended:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    print('started=%s' % started)
    print('ended=%s' % ended)
    sys.exit(0)
if kind == 'key':
    os.write(fd, what.encode().decode('unicode_escape').encode())
else:
    os.kill(pid, getattr(signal, 'SIG' + what))
pump(time.time() + 5)
try:
    attrs = termios.tcgetattr(fd)
    cooked = bool(attrs[3] & termios.ICANON) and bool(attrs[3] & termios.ECHO)
except termios.error:
    cooked = 'unknown'
_, status = os.waitpid(pid, 0)
def last(seq):
    return out.rfind(seq)
print('started=%s' % started)
print('exit=%s' % (os.WEXITSTATUS(status) if os.WIFEXITED(status) else 'none'))
print('signal=%s' % (os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0))
print('left_alt=%s' % (last(b'\x1b[?1049l') > last(b'\x1b[?1049h') >= 0))
print('cursor_shown=%s' % (last(b'\x1b[?25h') >= last(b'\x1b[?25l')))
print('cooked=%s' % cooked)
print('mouse_on=%s' % (b'\x1b[?1006h' in out))
print('mouse_off=%s' % (last(b'\x1b[?1006l') >= last(b'\x1b[?1006h')))
import re
colours = [p for m in re.finditer(rb'\x1b\[([0-9;:]*)m', out) for p in m.group(1).replace(b':', b';').split(b';')
           if p in (b'38', b'48', b'58') or (len(p) == 2 and p[:1] in b'349' and p[1:] in b'01234567') or (len(p) == 3 and p[:2] == b'10' and p[2:] in b'01234567')]
print('colour=%s' % bool(colours))
print('bold=%s' % bool(re.search(rb'\x1b\[[0-9;]*\b1m|\x1b\[1;', out)))
"#;

fn drive(action: &str, args: &[&str]) -> Option<String> {
    drive_env(action, args, &[])
}

fn drive_env(action: &str, args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    let mut cmd = Command::new("python3");
    cmd.envs(env.iter().copied());
    cmd.arg("-c")
        .arg(DRIVER)
        .arg(action)
        .arg(env!("CARGO_BIN_EXE_folio"))
        .args(args);
    match cmd.output() {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => panic!(
            "pty driver failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => {
            eprintln!("SKIPPED: python3 cannot run ({e}); no pty test");
            None
        }
    }
}

fn value<'a>(report: &'a str, key: &str) -> &'a str {
    report
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("no {key} in {report}"))
}

fn assert_restored(report: &str) {
    assert_eq!(value(report, "started"), "True", "{report}");
    assert_eq!(value(report, "left_alt"), "True", "{report}");
    assert_eq!(value(report, "cursor_shown"), "True", "{report}");
    assert_ne!(value(report, "cooked"), "False", "{report}");
    assert_eq!(value(report, "mouse_off"), "True", "{report}");
}

#[test]
#[cfg_attr(not(folio_python), ignore = "needs python3 to drive a pseudo-terminal")]
fn mouse_reporting_is_on_while_reading_and_off_after_every_way_out() {
    let dir = common::TempDir::new("pty-mouse");
    let off = dir.join("off.toml");
    std::fs::write(&off, "[reader]\nmouse = false\n").unwrap();
    let none = dir.join("none.toml");
    let none = none.to_str().unwrap();
    for action in ["key:q", "signal:TERM", "signal:HUP"] {
        let Some(report) = drive_env(action, &[], &[("FOLIO_CONFIG", none)]) else {
            return;
        };
        assert_restored(&report);
        assert_eq!(value(&report, "mouse_on"), "True", "{action}: {report}");
    }
    let Some(report) = drive_env("key:q", &[], &[("FOLIO_CONFIG", off.to_str().unwrap())]) else {
        return;
    };
    assert_restored(&report);
    assert_eq!(value(&report, "mouse_on"), "False", "{report}");
}

#[test]
#[cfg_attr(not(folio_python), ignore = "needs python3 to drive a pseudo-terminal")]
fn quitting_by_key_restores_the_terminal() {
    for key in ["key:q", "key:\\x03"] {
        let Some(report) = drive(key, &[]) else {
            return;
        };
        assert_restored(&report);
        assert_eq!(value(&report, "exit"), "0", "{key}: {report}");
    }
}

#[test]
#[cfg_attr(not(folio_python), ignore = "needs python3 to drive a pseudo-terminal")]
fn signals_restore_the_terminal_then_end_the_process() {
    for (name, number) in [("TERM", "15"), ("HUP", "1"), ("INT", "2")] {
        let Some(report) = drive(&format!("signal:{name}"), &[]) else {
            return;
        };
        assert_restored(&report);
        assert_eq!(value(&report, "signal"), number, "SIG{name}: {report}");
    }
}

#[test]
#[cfg_attr(
    any(not(folio_shared), not(folio_python)),
    ignore = "needs ../shared (or FOLIO_SHARED) and python3 for the hostile corpus"
)]
fn hostile_files_leave_the_terminal_restored_after_sigterm() {
    let Some(corpus) = common::hostile_corpus("pty") else {
        return;
    };
    for name in [
        "ansi-private-modes",
        "osc52-clipboard-write",
        "unterminated-sequences",
        "huge-single-line",
    ] {
        let case = corpus
            .cases
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no case {name}"));
        let path = case.path.to_string_lossy().into_owned();
        let Some(report) = drive("signal:TERM", &[&path]) else {
            return;
        };
        assert_restored(&report);
        assert_eq!(value(&report, "signal"), "15", "{name}: {report}");
    }
}

#[test]
#[cfg_attr(not(folio_python), ignore = "needs python3 to drive a pseudo-terminal")]
fn no_color_and_dumb_terminals_get_no_colour_but_keep_cues() {
    let Some(report) = drive("key:q", &[]) else {
        return;
    };
    assert_eq!(
        value(&report, "colour"),
        "True",
        "the default theme is coloured: {report}"
    );
    for env in [
        [("NO_COLOR", "1"), ("PTY_TERM", "xterm-256color")],
        [("NO_COLOR", ""), ("PTY_TERM", "dumb")],
    ] {
        let Some(report) = drive_env("key:q", &[], &env) else {
            return;
        };
        assert_restored(&report);
        assert_eq!(value(&report, "colour"), "False", "{env:?}: {report}");
        assert_eq!(
            value(&report, "bold"),
            "True",
            "{env:?}: entity cues stay: {report}"
        );
    }
}

#[test]
#[cfg_attr(not(folio_python), ignore = "needs python3 to drive a pseudo-terminal")]
fn stdout_not_a_terminal_is_refused_without_drawing() {
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .output()
        .expect("run folio");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "drew into a pipe");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a terminal"), "{err}");
}

#[test]
#[cfg_attr(not(folio_python), ignore = "needs python3 to drive a pseudo-terminal")]
fn the_library_view_restores_the_terminal_after_signals() {
    let dir = common::temp_dir("pty-library");
    for (i, body) in ["Astana hosted the talks.", "Moscow answered."]
        .iter()
        .enumerate()
    {
        let text = format!("Title: Brief {i}\nDate: 2007-05-0{}\n\n{body}\n", i + 1);
        std::fs::write(dir.join(format!("b{i}.txt")), text).unwrap();
    }
    let (data, cache) = (dir.join("data"), dir.join("cache"));
    let env = [
        ("FOLIO_DATA_DIR", data.to_str().unwrap()),
        ("FOLIO_CACHE_DIR", cache.to_str().unwrap()),
    ];
    let arg = dir.to_str().unwrap();
    for (name, number) in [("TERM", "15"), ("HUP", "1")] {
        let Some(report) = drive_env(&format!("signal:{name}"), &[arg], &env) else {
            return;
        };
        assert_restored(&report);
        assert_eq!(value(&report, "signal"), number, "SIG{name}: {report}");
    }
    let Some(report) = drive_env("key:q", &[arg], &env) else {
        return;
    };
    assert_restored(&report);
    assert_eq!(value(&report, "exit"), "0", "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[cfg_attr(not(folio_python), ignore = "needs python3 to drive a pseudo-terminal")]
fn closing_the_terminal_ends_folio() {
    // The terminal goes away under the reader (a closed window, a killed tmux):
    // folio must end, not spin reading end-of-file forever.
    let dir = common::temp_dir("pty-hangup");
    std::fs::write(dir.join("a.txt"), "Astana hosted the talks.\n").unwrap();
    let lib = dir.to_str().unwrap().to_string();
    let cache = format!("{lib}/cache");
    let env = [("FOLIO_CACHE_DIR", cache.as_str())];
    for args in [vec![], vec![lib.clone()]] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let Some(report) = drive_env("hangup", &args, &env) else {
            return;
        };
        assert_eq!(value(&report, "started"), "True", "{report}");
        assert_eq!(value(&report, "ended"), "True", "{args:?}: {report}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#![cfg(unix)]
//! Paths that are not briefs: directories, FIFOs, sockets, devices, missing,
//! unreadable and looping paths get a clear one-line message and exit status 1,
//! and never make folio wait.

mod common;

use folio::document::{read_file, ReadError};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `folio entities PATH` with a deadline; returns (exit code, stderr).
fn folio_entities(path: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("entities")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let out = child.wait_with_output().expect("output");
            return (
                status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("folio entities {} hung", path.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `read_file` refuses `path` with a message containing `reason`, and so does the CLI.
fn refused(path: &Path, reason: &str) {
    let err = read_file(path)
        .err()
        .unwrap_or_else(|| panic!("{} opened", path.display()));
    let msg = err.to_string();
    assert!(msg.contains(reason), "{}: {msg:?}", path.display());
    let (code, stderr) = folio_entities(path);
    assert_eq!(code, Some(1), "{}: {stderr}", path.display());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("folio: ") && stderr.contains(reason),
        "{stderr}"
    );
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    assert!(
        name.is_none_or(|n| stderr.contains(&n)),
        "the message names the file: {stderr}"
    );
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

#[test]
fn special_files_are_refused_at_once() {
    let dir = common::temp_dir("paths");
    // A directory is not a brief; on the command line it is a library, here an empty one.
    let Err(e) = read_file(&dir) else {
        panic!("a directory opened")
    };
    let msg = e.to_string();
    assert!(msg.contains("is a directory"), "{msg}");
    let (code, stderr) = folio_entities(&dir);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.starts_with("folio: ")
            && stderr.contains("no briefs found (.txt, .md, .html, .rss, .atom)"),
        "{stderr}"
    );

    let fifo = dir.join("pipe.txt");
    mkfifo(&fifo);
    refused(&fifo, "named pipe");

    let sock: PathBuf = dir.join("sock.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).expect("bind socket");
    refused(&sock, "socket");

    for dev in ["/dev/null", "/dev/zero", "/dev/urandom"] {
        if Path::new(dev).exists() {
            refused(Path::new(dev), "device");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_broken_and_looping_paths_are_refused() {
    let dir = common::temp_dir("links");
    refused(&dir.join("no-such-brief.txt"), "no such file");
    // `-` is not standard input (which could stay open forever): a clear message instead.
    refused(std::path::Path::new("-"), "standard input is not supported");

    let dangling = dir.join("dangling.txt");
    std::os::unix::fs::symlink(dir.join("gone.txt"), &dangling).expect("symlink");
    refused(&dangling, "broken symbolic link");

    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::os::unix::fs::symlink(&b, &a).expect("symlink");
    std::os::unix::fs::symlink(&a, &b).expect("symlink");
    refused(&a, "symbolic links");

    // A link to a FIFO is judged by what it points at.
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    let link = dir.join("link-to-pipe.txt");
    std::os::unix::fs::symlink(&fifo, &link).expect("symlink");
    refused(&link, "named pipe");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[cfg_attr(folio_root, ignore = "running as root: mode 000 does not stop reading")]
fn unreadable_files_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::temp_dir("unreadable");
    let path = dir.join("secret.txt");
    std::fs::write(&path, "Astana said nothing.").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        eprintln!("SKIPPED: running as root, mode 000 does not stop reading");
    } else {
        refused(&path, "permission denied");
        assert!(matches!(read_file(&path), Err(ReadError::Io(_))));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

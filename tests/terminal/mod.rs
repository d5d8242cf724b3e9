//! The real `folio` binary in a pseudo-terminal, as a user meets it: a fresh
//! home (config, data and cache folders of its own, no `FOLIO_*` variables),
//! keys typed as bytes, and the screen read back through a terminal emulator
//! (the `vt100` crate), so journeys assert on what a person would see.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use folio::ui::keymap::Keymap;
use folio::ui::Action;

/// How long a journey waits for the screen before it fails: generous, since
/// the machines that run the tests are shared and a debug build is slow.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A fresh user: an empty home with its own config, data and cache folders,
/// removed with everything folio wrote when dropped.
pub struct Home {
    pub dir: super::common::TempDir,
}

impl Home {
    pub fn new(tag: &str) -> Home {
        let dir = super::common::TempDir::new(&format!("journey-{tag}"));
        for sub in ["home", "config", "data", "cache", "files"] {
            std::fs::create_dir_all(dir.join(sub)).expect("create home folders");
        }
        Home { dir }
    }

    /// Where the user keeps briefs for this journey.
    pub fn files(&self) -> PathBuf {
        self.dir.join("files")
    }

    /// Writes a file under [`Home::files`] and returns its path.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.files().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, text).expect("write file");
        path
    }

    /// The config file folio reads for this user.
    pub fn config_file(&self) -> PathBuf {
        self.dir.join("config/folio/config.toml")
    }

    /// Writes the user's config file.
    pub fn set_config(&self, text: &str) -> PathBuf {
        let path = self.config_file();
        std::fs::create_dir_all(path.parent().unwrap()).expect("config folder");
        std::fs::write(&path, text).expect("write config");
        path
    }

    /// Everything under the data folder (notes, corrections), for asserting
    /// that nothing was written.
    pub fn data_files(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![self.dir.join("data")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    stack.push(e.path());
                } else {
                    out.push(e.path());
                }
            }
        }
        out
    }

    /// A command for the folio binary with this user's environment and nothing
    /// else. `FOLIO_JOURNEY_BIN` runs the journeys on another build (an older
    /// one, to see which journeys it fails).
    pub fn command<S: AsRef<OsStr>>(&self, args: &[S]) -> Command {
        let bin = std::env::var_os("FOLIO_JOURNEY_BIN")
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_folio").into());
        let mut cmd = Command::new(bin);
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.join("home"))
            .env("XDG_CONFIG_HOME", self.dir.join("config"))
            .env("XDG_DATA_HOME", self.dir.join("data"))
            .env("XDG_CACHE_HOME", self.dir.join("cache"))
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .current_dir(self.files());
        cmd
    }

    /// Runs a non-interactive folio command to its end (stdout a pipe).
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> std::process::Output {
        self.command(args)
            .stdin(Stdio::null())
            .output()
            .expect("folio runs")
    }

    /// Starts folio in a terminal of `cols` x `rows` and waits for its first frame.
    pub fn open<S: AsRef<OsStr>>(&self, args: &[S], cols: u16, rows: u16) -> Session {
        let mut s = Session::spawn(self.command(args), cols, rows);
        s.wait_until("the first frame", |s| {
            s.in_alternate_screen() && !s.screen().trim().is_empty()
        });
        s
    }
}

/// folio running in a pseudo-terminal.
pub struct Session {
    master: File,
    child: Child,
    parser: vt100::Parser,
    /// Every byte folio wrote, in order.
    pub output: Vec<u8>,
    status: Option<ExitStatus>,
}

impl Session {
    /// Starts `cmd` as the session leader of a new pseudo-terminal of `cols` x `rows`.
    pub fn spawn(mut cmd: Command, cols: u16, rows: u16) -> Session {
        let (master, slave) = open_pty(cols, rows);
        let io = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup pty"));
        cmd.stdin(io(&slave)).stdout(io(&slave)).stderr(io(&slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session, and the pty as its controlling terminal.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("folio starts in the pty");
        drop(slave);
        Session {
            master: File::from(master),
            child,
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            output: Vec::new(),
            status: None,
        }
    }

    /// Reads what folio wrote for up to `wait`, answering the terminal queries
    /// crossterm makes (cursor position, device attributes).
    fn pump(&mut self, wait: Duration) {
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let mut pfd = libc::pollfd {
                fd: self.master.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            let ms = left.as_millis().min(i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd.
            let ready = unsafe { libc::poll(&mut pfd, 1, ms) };
            if ready <= 0 {
                return;
            }
            let mut buf = [0u8; 65536];
            match self.master.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    let chunk = &buf[..n];
                    if contains(chunk, b"\x1b[6n") {
                        let _ = self.master.write_all(b"\x1b[1;1R");
                    }
                    if contains(chunk, b"\x1b[c") {
                        let _ = self.master.write_all(b"\x1b[?62c");
                    }
                    self.parser.process(chunk);
                    self.output.extend_from_slice(chunk);
                }
            }
            if Instant::now() >= deadline {
                return;
            }
        }
    }

    /// The screen as text, one line per row, trailing blanks trimmed.
    pub fn screen(&self) -> String {
        let s = self.parser.screen();
        let (_, cols) = s.size();
        s.rows(0, cols.get())
            .map(|r| r.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The last row: folio's status line.
    pub fn status_line(&self) -> String {
        self.screen().lines().last().unwrap_or_default().to_string()
    }

    pub fn in_alternate_screen(&self) -> bool {
        self.parser.screen().alternate_screen()
    }

    /// The cell at `row`, `col` of the emulated screen.
    pub fn cell(&self, row: u16, col: u16) -> Option<vt100::Cell> {
        self.parser.screen().cell(row, col).cloned()
    }

    /// Where `needle` first appears on screen: (row, column).
    pub fn find(&self, needle: &str) -> Option<(u16, u16)> {
        for (y, line) in self.screen().lines().enumerate() {
            if let Some(i) = line.find(needle) {
                return Some((y as u16, line[..i].chars().count() as u16));
            }
        }
        None
    }

    /// Waits until `ready` holds for the screen, or fails the test naming `what`
    /// and showing the screen.
    pub fn wait_until(&mut self, what: &str, ready: impl Fn(&Session) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if ready(self) {
                return;
            }
            if Instant::now() >= deadline || self.exited() {
                self.pump(Duration::from_millis(50));
                if ready(self) {
                    return;
                }
                panic!("waited for {what}; the screen shows:\n{}", self.screen());
            }
            self.pump(Duration::from_millis(50));
        }
    }

    /// Waits until `needle` is on screen.
    pub fn wait_for(&mut self, needle: &str) {
        self.wait_until(&format!("{needle:?} on screen"), |s| {
            s.screen().contains(needle)
        });
    }

    /// Lets folio draw whatever follows the last input (it is quiet for 150 ms).
    pub fn settle(&mut self) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let before = self.output.len();
            self.pump(Duration::from_millis(150));
            if self.output.len() == before || Instant::now() >= deadline {
                return;
            }
        }
    }

    /// Types raw bytes.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("write to the pty");
        self.master.flush().ok();
    }

    /// Types `keys` (see [`key_bytes`]) one at a time, letting folio answer each.
    pub fn keys(&mut self, keys: &str) {
        for k in super::common::parse_keys(keys) {
            let bytes = key_bytes(k);
            self.send_bytes(&bytes);
            // A lone Esc must not merge with the next key into an escape sequence.
            self.pump(Duration::from_millis(if bytes == b"\x1b" {
                80
            } else {
                15
            }));
        }
        self.settle();
    }

    /// Types the keys the live `keymap` binds to `action` (its first binding).
    pub fn action(&mut self, keymap: &Keymap, action: Action) {
        let label = keymap
            .keys_for(&action)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{action:?} is bound"));
        self.keys(&label_to_keys(&label));
    }

    /// Types the keys the live `keymap` binds to `action` on the library's screens.
    pub fn library_action(&mut self, keymap: &Keymap, action: Action) {
        let label = keymap
            .keys_in(folio::ui::keymap::Context::Library, &action)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{action:?} is bound in the library"));
        self.keys(&label_to_keys(&label));
    }

    fn exited(&mut self) -> bool {
        if self.status.is_none() {
            self.status = self.child.try_wait().ok().flatten();
        }
        self.status.is_some()
    }

    /// Waits for folio to end and returns its exit status; fails if it does not.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        while !self.exited() {
            if Instant::now() >= deadline {
                panic!("folio did not end; the screen shows:\n{}", self.screen());
            }
            self.pump(Duration::from_millis(30));
        }
        self.pump(Duration::from_millis(30));
        self.status.expect("exited")
    }

    /// Whether folio is still running after `wait`.
    pub fn still_running_after(&mut self, wait: Duration) -> bool {
        self.pump(wait);
        !self.exited()
    }

    /// The terminal as folio left it: alternate screen left, cursor shown,
    /// mouse reporting off, and the line discipline cooked again.
    pub fn assert_restored(&self) {
        let out = &self.output;
        let last = |seq: &[u8]| rfind(out, seq);
        assert!(
            last(b"\x1b[?1049l") > last(b"\x1b[?1049h"),
            "the alternate screen was left"
        );
        assert!(
            last(b"\x1b[?25h") >= last(b"\x1b[?25l"),
            "the cursor is shown again"
        );
        assert!(
            last(b"\x1b[?1006l") >= last(b"\x1b[?1006h"),
            "mouse reporting is off"
        );
        // SAFETY: a termios filled in by tcgetattr on our own descriptor.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(self.master.as_raw_fd(), &mut t) } == 0 {
            assert!(
                t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0,
                "cooked mode is back"
            );
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.exited() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A pseudo-terminal pair of the given size.
fn open_pty(cols: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    let mut master = -1;
    let mut slave = -1;
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: out-pointers to two ints and a valid winsize.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: openpty returned two fresh descriptors that we now own.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// The bytes a terminal sends for `key`.
pub fn key_bytes(key: folio::ui::keymap::Key) -> Vec<u8> {
    use crossterm::event::{KeyCode, KeyModifiers};
    let ctrl = key.mods.contains(KeyModifiers::CONTROL);
    let alt = key.mods.contains(KeyModifiers::ALT);
    let mut out = Vec::new();
    if alt {
        out.push(0x1b);
    }
    match key.code {
        KeyCode::Char(c) if ctrl => out.push((c.to_ascii_lowercase() as u8) & 0x1f),
        KeyCode::Char(c) => out.extend_from_slice(c.to_string().as_bytes()),
        KeyCode::Enter => out.push(b'\r'),
        KeyCode::Esc => out.push(0x1b),
        KeyCode::Tab => out.push(b'\t'),
        KeyCode::BackTab => out.extend_from_slice(b"\x1b[Z"),
        KeyCode::Backspace => out.push(0x7f),
        KeyCode::Up => out.extend_from_slice(b"\x1b[A"),
        KeyCode::Down => out.extend_from_slice(b"\x1b[B"),
        KeyCode::Right => out.extend_from_slice(b"\x1b[C"),
        KeyCode::Left => out.extend_from_slice(b"\x1b[D"),
        KeyCode::Home => out.extend_from_slice(b"\x1b[H"),
        KeyCode::End => out.extend_from_slice(b"\x1b[F"),
        KeyCode::PageUp => out.extend_from_slice(b"\x1b[5~"),
        KeyCode::PageDown => out.extend_from_slice(b"\x1b[6~"),
        other => panic!("no bytes for {other:?}"),
    }
    out
}

/// A keymap label (`Ctrl-s`, `g g`, `PgDn`, `j`) as keys for [`Session::keys`].
pub fn label_to_keys(label: &str) -> String {
    label
        .split(' ')
        .map(|part| match part {
            "Space" => "<Space>".to_string(),
            "Enter" | "Esc" | "Tab" | "PgDn" | "PgUp" | "Home" | "End" => format!("<{part}>"),
            "Shift-Tab" => "<S-Tab>".to_string(),
            "↑" => "<Up>".into(),
            "↓" => "<Down>".into(),
            "←" => "<Left>".into(),
            "→" => "<Right>".into(),
            p if p.starts_with("Ctrl-") => format!("<C-{}>", &p[5..]),
            p => p.to_string(),
        })
        .collect()
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal of some size")
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The live keymap of a user with `config` (empty: none), built the way folio builds it.
pub fn keymap(config: &str) -> Keymap {
    let (cfg, _) = folio::config::parse(config, Path::new("config.toml"));
    Keymap::default().with_overrides(&cfg.keys)
}

//! Crash safety of the annotation store: child processes (this test binary
//! re-run in child mode) add and edit notes and save after each change, two
//! at a time on the same brief, and are killed with SIGKILL at random moments.
//! After every kill the store must parse and hold every change a child had
//! acknowledged (printed after `Store::save` returned).
//!
//! Runs without libtest's harness so that `main` can be the child too.

use folio::annotations::{AnnotationSet, Store};
use folio::document::{Document, Span};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "FOLIO_CRASH_CHILD_STORE";
const ROUNDS: usize = 100;
/// A child adds at most this many notes of its own, then edits them, to keep saves quick.
const MAX_OWN_NOTES: usize = 12;
/// Rounds sharing one store before the next starts afresh (also keeps it small).
const ROUNDS_PER_STORE: usize = 10;

fn brief() -> Document {
    let para = "The littoral states met in Tehran to discuss the legal status of the Caspian. \
                Delegates from five capitals attended and agreed to meet again in Astana.";
    Document::from_text(&[para; 12].join("\n\n"))
}

/// Word spans of the brief, to annotate.
fn words(doc: &Document) -> Vec<Span> {
    let text = doc.text();
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Child mode: add or edit a note, save, acknowledge; until killed (or a safety limit).
fn child(dir: &Path) {
    let doc = brief();
    let spans = words(&doc);
    let store = Store::new(dir);
    let (mut set, notice) = store.open(&doc, None);
    if let Some(n) = notice {
        println!("NOTICE {}", n.message);
        return;
    }
    let pid = std::process::id();
    let mut mine: Vec<String> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut out = std::io::stdout().lock();
    for i in 0usize.. {
        if Instant::now() > deadline {
            break;
        }
        let line = if mine.len() < MAX_OWN_NOTES && (i % 4 != 3 || mine.is_empty()) {
            let span = spans[(pid as usize + i * 7) % spans.len()];
            let id = set
                .add(&doc, span, &format!("note {pid}/{i} #crash"))
                .expect("add");
            mine.push(id.clone());
            format!("ADD {id} note {pid}/{i} #crash")
        } else if let Some(id) = mine.get(i % mine.len().max(1)).cloned() {
            let note = format!("edited {pid}/{i}");
            set.edit(&id, &note).expect("edit");
            format!("ADD {id} {note}")
        } else {
            continue;
        };
        if let Err(e) = store.save(&doc, &mut set) {
            eprintln!("child {pid}: {e}");
            // Unsaved changes must not be acknowledged by a later save either.
            break;
        }
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

/// A small xorshift generator: random kill times without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn spawn(
    dir: &Path,
    acks: &Arc<Mutex<HashMap<String, String>>>,
) -> (std::process::Child, std::thread::JoinHandle<()>) {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .env(CHILD_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn child");
    let stdout = child.stdout.take().expect("child stdout");
    let acks = Arc::clone(acks);
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("ADD ") {
                if let Some((id, note)) = rest.split_once(' ') {
                    acks.lock().unwrap().insert(id.to_owned(), note.to_owned());
                }
            } else {
                panic!("child said: {line}");
            }
        }
    });
    (child, reader)
}

/// The change counter `i` in a note written by a child (`note PID/I #crash`, `edited PID/I`).
fn sequence(note: &str) -> usize {
    note.split(['/', ' '])
        .nth(2)
        .and_then(|i| i.parse().ok())
        .unwrap_or(0)
}

fn parent() {
    let root: PathBuf = std::env::temp_dir().join(format!("folio-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let doc = brief();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let mut rng = Rng(seed | 1);
    eprintln!("crash test: seed {seed}, {ROUNDS} rounds of two children killed with SIGKILL");
    let acks: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    let started = Instant::now();
    let mut total = 0;
    for round in 0..ROUNDS {
        let dir = root.join((round / ROUNDS_PER_STORE).to_string());
        if round % ROUNDS_PER_STORE == 0 {
            total += acks.lock().unwrap().len();
            acks.lock().unwrap().clear();
        }
        let before = acks.lock().unwrap().len();
        let (mut a, ra) = spawn(&dir, &acks);
        let (mut b, rb) = spawn(&dir, &acks);
        // Most rounds kill while the children are busy saving, however slowly this
        // machine starts them; one in four kills at an arbitrary moment after start.
        if round % 4 != 0 {
            let waiting = Instant::now();
            while acks.lock().unwrap().len() == before && waiting.elapsed() < Duration::from_secs(5)
            {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        std::thread::sleep(Duration::from_millis(rng.below(80)));
        a.kill().expect("kill a");
        std::thread::sleep(Duration::from_millis(rng.below(15)));
        b.kill().expect("kill b");
        a.wait().expect("reap a");
        b.wait().expect("reap b");
        ra.join().expect("reader a");
        rb.join().expect("reader b");

        let (set, notice): (AnnotationSet, _) = Store::new(&dir).open(&doc, None);
        assert!(
            notice.is_none(),
            "round {round}: store unusable after a kill: {notice:?}"
        );
        for (id, note) in acks.lock().unwrap().iter() {
            let entry = set
                .get(id)
                .unwrap_or_else(|| panic!("round {round}: acknowledged note {id} lost"));
            // The note on disk is the acknowledged one or a later change of it (saved but
            // killed before it was acknowledged).
            assert!(
                sequence(&entry.annotation.note) >= sequence(note),
                "round {round}: acknowledged edit lost: {note:?} became {:?}",
                entry.annotation.note
            );
        }
    }
    let n = total + acks.lock().unwrap().len();
    assert!(n > 0, "no child ever saved");
    eprintln!(
        "crash test: {n} acknowledged notes all present after {ROUNDS} rounds, {:?}",
        started.elapsed()
    );
    let _ = std::fs::remove_dir_all(&root);
}

fn main() {
    match std::env::var_os(CHILD_ENV) {
        Some(dir) => child(Path::new(&dir)),
        None => {
            // `cargo test -- FILTER`: run only when the filter (if any) names this test.
            if std::env::args().any(|a| a == "--list") {
                println!("kill_9_never_loses_acknowledged_notes: test");
                return;
            }
            let filter: Vec<String> = std::env::args()
                .skip(1)
                .filter(|a| !a.starts_with('-'))
                .collect();
            if filter.is_empty()
                || filter
                    .iter()
                    .any(|f| "kill_9_never_loses_acknowledged_notes".contains(f.as_str()))
            {
                parent();
                println!("test kill_9_never_loses_acknowledged_notes ... ok");
            }
        }
    }
}

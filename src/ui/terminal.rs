//! The edge: the real terminal. Sets it up and restores it on every way out
//! (quitting, a panic, SIGTERM, SIGHUP or SIGINT), runs extraction in the
//! background, turns terminal events into actions and carries out the effects
//! `App::update` returns.

use super::action::Action;
use super::app::{App, Effect};
use super::effects::{self, Edge};
use super::frames::{self, Frames};
use super::keymap::Key;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, BufWriter, Stdout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the loop waits for an event before looking at signals and extraction.
const TICK: Duration = Duration::from_millis(50);
/// The wait while loading or extraction results are still to come.
const BUSY_TICK: Duration = Duration::from_millis(5);
/// The wait until the first of them (the first screen's highlights) is in:
/// short, so they show about a millisecond after they arrive. Only then: waking
/// this often all through a big file's load made keys wait for it (up to
/// 170 ms pressed 200 ms after the first frame of 100 MB, on a busy machine).
const FIRST_TICK: Duration = Duration::from_millis(1);
/// How long after a key the results of loading wait before they are taken in
/// and drawn: a key's frame has the terminal to itself, and no frame the load
/// brings lands on the heels of it (a result taken in then was drawn 1-10 ms
/// after the key's frame, sharing the terminal's output with it).
const AFTER_KEY: Duration = Duration::from_millis(20);
/// The longest results wait behind keys pressed in a row (held down).
const HELD_AT_MOST: Duration = Duration::from_millis(100);

/// The terminal frames are drawn on: stdout behind a buffer big enough for
/// any frame, so a frame leaves in one write (stdout alone writes every 1 KiB
/// and at each flush, and the terminal would show half-drawn frames).
pub(crate) type Tty = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a full 400x100 frame with a colour change at every cell.
const FRAME_BYTES: usize = 1 << 20;

/// Signals that end the reader. They are only noted in the handler; the event loop
/// sees them within a tick and leaves the way `q` does, so the terminal is restored
/// (and anything pending saved) on the main thread, never mid-frame.
#[cfg(unix)]
const SIGNALS: &[i32] = &[
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];
#[cfg(not(unix))]
const SIGNALS: &[i32] = &[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

/// Runs the reader until the user quits or a signal asks it to stop;
/// `background` starts the loading and extraction whose results arrive as
/// actions; it is called once the first frame is drawn, with the byte where
/// that frame's text ends (see [`App::bottom_byte`]). `edge` holds the
/// stores that effects (notes, corrections) are carried out on.
pub fn run(
    app: App,
    background: impl FnOnce(usize) -> Receiver<Action>,
    edge: &Edge,
) -> io::Result<()> {
    session_with(app.mouse, |terminal, caught| {
        event_loop(terminal, app, background, caught, edge)
    })
}

/// Sets up the terminal, runs `body` and restores the terminal on every way out.
/// `body` must return soon after the flag it is given turns non-zero (a signal
/// was caught). After a signal the signal's default action is taken once the
/// terminal is restored, so the parent sees the process ended by it.
/// With `mouse`, mouse reporting is turned on, and off again on every way out
/// (return, panic, signal, watchdog).
pub(crate) fn session_with<F>(mouse: bool, body: F) -> io::Result<()>
where
    F: FnOnce(&mut Tty, &AtomicUsize) -> io::Result<()>,
{
    let caught = Arc::new(AtomicUsize::new(0));
    let mut ids = Vec::new();
    for &sig in SIGNALS {
        // Sets `caught` to the signal number; a second one while shutting down is ignored.
        ids.push(signal_hook::flag::register_usize(
            sig,
            caught.clone(),
            sig as usize,
        )?);
    }
    let done = Arc::new(AtomicBool::new(false));
    let watchdog = spawn_watchdog(caught.clone(), done.clone(), mouse);
    // ratatui's set-up (raw mode and a panic hook that restores the terminal),
    // for a terminal of no size: it is replaced by a buffered one at once, so
    // the full-screen buffers `try_init` would fill are never made.
    drop(ratatui::try_init_with_options(ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::ZERO),
    })?);
    crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BYTES,
        io::stdout(),
    )))?;
    if mouse {
        install_mouse_panic_hook();
        // Without mouse reporting the reader still works: the error is not fatal.
        let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let result = body(&mut terminal, &caught);
    if mouse {
        release_mouse();
    }
    let restored = ratatui::try_restore();
    drop(terminal);
    done.store(true, Ordering::SeqCst);
    let _ = watchdog.map(|w| w.join());
    for id in ids {
        signal_hook::low_level::unregister(id);
    }
    let sig = caught.load(Ordering::SeqCst);
    if sig != 0 {
        // Restored: now end as the signal would have ended us.
        let _ = signal_hook::low_level::emulate_default_handler(sig as i32);
    }
    result.and(restored)
}

/// How long the event loop may take to notice a caught signal before the
/// watchdog ends the process itself.
const GRACE: Duration = Duration::from_millis(750);

/// A thread that ends the process when a signal was caught but the event loop
/// does not return within [`GRACE`]: when the terminal hangs up, crossterm can
/// spin inside `poll` reading end-of-file and never give the loop a turn.
fn spawn_watchdog(
    caught: Arc<AtomicUsize>,
    done: Arc<AtomicBool>,
    mouse: bool,
) -> Option<std::thread::JoinHandle<()>> {
    let spawned = std::thread::Builder::new()
        .name("folio-signal-watchdog".into())
        .spawn(move || {
            let mut since: Option<std::time::Instant> = None;
            while !done.load(Ordering::SeqCst) {
                let sig = caught.load(Ordering::SeqCst);
                if sig != 0 {
                    let t0 = *since.get_or_insert_with(std::time::Instant::now);
                    if t0.elapsed() >= GRACE {
                        // Best effort: the terminal may be gone already.
                        if mouse {
                            release_mouse();
                        }
                        let _ = ratatui::try_restore();
                        let _ = signal_hook::low_level::emulate_default_handler(sig as i32);
                        std::process::exit(128 + sig as i32);
                    }
                }
                std::thread::sleep(TICK);
            }
        });
    spawned.ok()
}

/// Turns mouse reporting off (best effort: the terminal may be gone).
fn release_mouse() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableMouseCapture);
}

/// Chains a panic hook that turns mouse reporting off before the earlier hook
/// (ratatui's, which restores the screen) runs, so a panic never leaves the
/// shell receiving mouse escape sequences.
fn install_mouse_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_mouse();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Tty,
    mut app: App,
    background: impl FnOnce(usize) -> Receiver<Action>,
    caught: &AtomicUsize,
    edge: &Edge,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut frames = Frames::default();
    frames.draw(terminal, &app, false)?;
    let background = background(app.bottom_byte());
    let mut changed = open_notes(&mut app, edge);
    let mut drawn = Instant::now();
    // Whether the last turn answered a key: its frame is drawn before any
    // result of loading is taken in, and those are looked for right after.
    let mut keyed = false;
    // Whether a result of the background work has come in yet.
    let mut heard = false;
    // When the user last did something, and when results were last looked for.
    let mut answered: Option<Instant> = None;
    let mut looked = Instant::now();
    loop {
        if caught.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
        let searching = app.searching();
        let progress_only = changed == Changed::SearchSteps && searching;
        if changed != Changed::Nothing && !paced(progress_only, drawn.elapsed()) {
            frames.draw(terminal, &app, changed == Changed::Scrolls)?;
            drawn = Instant::now();
            changed = Changed::Nothing;
        }
        // A search of a big text goes on a step at a time whenever no key waits;
        // while results are due, look for them often so they show promptly.
        let tick = if searching || keyed {
            Duration::ZERO
        } else if !heard && (app.extracting || app.loading) {
            FIRST_TICK
        } else if app.extracting || app.loading {
            BUSY_TICK
        } else {
            TICK
        };
        // Results held behind a key are looked for as soon as they may be taken.
        let to_wait = since(answered);
        let tick = if (app.extracting || app.loading) && holds(to_wait, looked.elapsed()) {
            tick.min(AFTER_KEY - to_wait)
        } else {
            tick
        };
        keyed = poll(tick)?;
        if !keyed {
            if searching {
                app.update(Action::SearchStep);
                changed = changed.and(Changed::SearchSteps);
            }
        } else {
            answered = Some(Instant::now());
            let action = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    app.action_for_key(Key::from_event(k))
                }
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                Event::Mouse(m) => app.action_for_mouse(m),
                _ => None,
            };
            if let Some(a) = action {
                let scroll = frames::scrolls_only(&app, &a);
                let effect = app.update(a);
                changed = changed.and(if scroll && effect.is_none() {
                    Changed::Scrolls
                } else {
                    Changed::More
                });
                if let Some(effect) = effect {
                    if effects::run(&mut app, effect, edge) {
                        return Ok(());
                    }
                }
            }
        }
        if !keyed && !holds(since(answered), looked.elapsed()) {
            looked = Instant::now();
            let taken = take_results(&mut app, &background, edge);
            heard |= taken != Changed::Nothing;
            changed = changed.and(taken);
        }
    }
}

/// Takes in every result of the background work that has arrived; what changed.
fn take_results(app: &mut App, background: &Receiver<Action>, edge: &Edge) -> Changed {
    let mut changed = Changed::Nothing;
    loop {
        match background.try_recv() {
            Ok(action) => {
                if let Some(effect) = app.update(action) {
                    effects::run(app, effect, edge);
                }
                changed = Changed::More;
            }
            Err(TryRecvError::Disconnected) if app.extracting => {
                app.update(Action::WorkerLost);
                changed = Changed::More;
            }
            Err(_) => return changed,
        }
    }
}

/// Opens the brief's notes once the first frame is drawn, if the whole brief
/// is in; a big one's wait until it is loaded, and then nothing changed since
/// the first frame: no second frame is drawn just as the first keys come.
fn open_notes(app: &mut App, edge: &Edge) -> Changed {
    if app.loading {
        return Changed::Nothing;
    }
    effects::run(app, Effect::OpenNotes, edge);
    Changed::More
}

/// What changed since the last frame, which decides how the next is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Changed {
    Nothing,
    /// Only a search's steps found more hits: drawn at most every [`PACE`].
    SearchSteps,
    /// Only the text scrolled (see [`frames::scrolls_only`]): drawn from the last frame.
    Scrolls,
    /// Anything else: drawn in full.
    More,
}

impl Changed {
    /// What changed after `self`, then `then`.
    fn and(self, then: Changed) -> Changed {
        match (self, then) {
            (Changed::Nothing, c) | (c, Changed::Nothing) => c,
            (a, b) if a == b => a,
            _ => Changed::More,
        }
    }
}

/// How often a search going on redraws with the hits it found: what a key
/// changes is drawn at once, a search's progress at most at a display's rate,
/// so the steps, not the frames, take the time between keys.
const PACE: Duration = Duration::from_millis(16);

/// Whether a frame waits: it does when all it would show is a search's
/// progress (`progress_only`) and the last frame is younger than [`PACE`].
fn paced(progress_only: bool, since_last: Duration) -> bool {
    progress_only && since_last < PACE
}

/// The time since `moment`; forever when there was none.
fn since(moment: Option<Instant>) -> Duration {
    moment.map_or(Duration::MAX, |t| t.elapsed())
}

/// Whether the results of loading wait: they do for [`AFTER_KEY`] after a key
/// (`since_key`), unless they were last looked for [`HELD_AT_MOST`] ago
/// (`since_looked`), so keys pressed in a row never hold them for good.
fn holds(since_key: Duration, since_looked: Duration) -> bool {
    since_key < AFTER_KEY && since_looked < HELD_AT_MOST
}

/// `event::poll`, treating a signal's interruption as "no event yet".
pub(crate) fn poll(timeout: Duration) -> io::Result<bool> {
    match event::poll(timeout) {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(false),
        r => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_brief_still_loading_is_not_drawn_again_after_its_first_frame() {
        use crate::document::Document;
        let doc = Arc::new(Document::from_text("Astana hosted the summit.\n"));
        let edge = Edge::default();
        let mut loading = App::new(doc.clone(), "big".into());
        loading.loading = true;
        assert_eq!(open_notes(&mut loading, &edge), Changed::Nothing);
        assert!(loading.notes.unavailable.is_none(), "its notes wait");
        // A brief read whole: its notes (here: no store) change what is shown.
        let mut whole = App::new(doc, "small".into());
        assert_eq!(open_notes(&mut whole, &edge), Changed::More);
        assert!(whole.notes.unavailable.is_some());
    }

    #[test]
    fn changes_add_up_to_the_kind_of_frame_they_need() {
        use Changed::*;
        assert_eq!(Nothing.and(Scrolls), Scrolls);
        assert_eq!(Scrolls.and(Scrolls), Scrolls);
        assert_eq!(SearchSteps.and(SearchSteps), SearchSteps);
        assert_eq!(Scrolls.and(SearchSteps), More);
        assert_eq!(SearchSteps.and(Scrolls), More);
        assert_eq!(More.and(Nothing), More);
        assert_eq!(Scrolls.and(Nothing), Scrolls);
        assert_eq!(Nothing.and(Nothing), Nothing);
    }

    #[test]
    fn results_wait_just_after_a_key_and_never_long() {
        let ms = Duration::from_millis;
        assert!(holds(ms(0), ms(0)), "a key just answered: its frame first");
        assert!(holds(AFTER_KEY - ms(1), ms(50)));
        assert!(!holds(AFTER_KEY, ms(0)), "the key's moment has passed");
        assert!(!holds(Duration::MAX, ms(0)), "no key yet");
        assert!(
            !holds(ms(1), HELD_AT_MOST),
            "keys in a row: taken in at last"
        );
    }

    #[test]
    fn a_searchs_progress_waits_for_the_pace_and_a_keys_change_never_waits() {
        let soon = PACE / 4;
        assert!(
            paced(true, soon),
            "progress alone, just after a frame: wait"
        );
        assert!(!paced(true, PACE), "progress alone, a pace later: draw");
        assert!(!paced(false, soon), "anything else: draw at once");
        assert!(!paced(false, Duration::ZERO));
    }
}

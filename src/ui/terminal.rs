//! The edge: the real terminal. Sets it up and restores it on every way out
//! (quitting, a panic, SIGTERM, SIGHUP or SIGINT), runs extraction in the
//! background, turns terminal events into actions and carries out the effects
//! `App::update` returns.

use super::action::Action;
use super::app::App;
use super::effects::{self, Edge};
use super::keymap::Key;
use crossterm::event::{self, Event, KeyEventKind};
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

/// How long the loop waits for an event before looking at signals and extraction.
const TICK: Duration = Duration::from_millis(50);

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
/// `background` delivers loading and extraction results. After a signal the
/// terminal is restored and the signal's default action is taken, so the parent
/// sees the process ended by it.
pub fn run(app: App, background: Receiver<Action>, edge: &Edge) -> io::Result<()> {
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
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app, background, &caught, edge);
    let restored = ratatui::try_restore();
    drop(terminal);
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

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    background: Receiver<Action>,
    caught: &AtomicUsize,
    edge: &Edge,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if caught.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
        if dirty {
            terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            dirty = false;
        }
        if poll(TICK)? {
            let action = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    app.action_for_key(Key::from_event(k))
                }
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                if let Some(effect) = app.update(a) {
                    if effects::run(&mut app, effect, edge) {
                        return Ok(());
                    }
                }
                dirty = true;
            }
        }
        loop {
            match background.try_recv() {
                Ok(action) => {
                    app.update(action);
                    dirty = true;
                }
                Err(TryRecvError::Disconnected) if app.extracting => {
                    app.update(Action::WorkerLost);
                    dirty = true;
                }
                Err(_) => break,
            }
        }
    }
}

/// `event::poll`, treating a signal's interruption as "no event yet".
fn poll(timeout: Duration) -> io::Result<bool> {
    match event::poll(timeout) {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(false),
        r => r,
    }
}

//! The edge: the real terminal. Sets it up and restores it (also on panic),
//! runs extraction in the background, turns terminal events into actions and
//! carries out the effects `App::update` returns.

use super::action::Action;
use super::app::{App, Effect};
use super::keymap::Key;
use crossterm::event::{self, Event, KeyEventKind};
use std::io;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

/// Runs the reader until the user quits; `background` delivers loading and extraction results.
pub fn run(app: App, background: Receiver<Action>) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app, background);
    ratatui::try_restore()?;
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    background: Receiver<Action>,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
        let ready = if app.extracting {
            event::poll(Duration::from_millis(30))?
        } else {
            true
        };
        if ready {
            let action = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    app.action_for_key(Key::from_event(k))
                }
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                if app.update(a) == Some(Effect::Quit) {
                    return Ok(());
                }
            }
        }
        loop {
            match background.try_recv() {
                Ok(action) => {
                    app.update(action);
                }
                Err(TryRecvError::Disconnected) if app.extracting => {
                    app.update(Action::WorkerLost);
                }
                Err(_) => break,
            }
        }
    }
}

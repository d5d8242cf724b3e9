//! The edge: the real terminal. Sets it up and restores it (also on panic),
//! runs extraction in the background, turns terminal events into actions and
//! carries out the effects `App::update` returns.

use super::action::Action;
use super::app::{App, Effect};
use super::keymap::Key;
use crossterm::event::{self, Event, KeyEventKind};
use std::io;
use std::sync::mpsc;
use std::time::Duration;

/// Runs the reader until the user quits.
pub fn run(app: App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app);
    ratatui::try_restore()?;
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, mut app: App) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let (tx, rx) = mpsc::channel();
    let doc = app.doc.clone();
    std::thread::spawn(move || {
        let entities = crate::entities::extract(&doc);
        let events = crate::timeline::build(&doc, &entities);
        let _ = tx.send((entities, events));
    });
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
        if let Ok(data) = rx.try_recv() {
            app.update(Action::Extracted(Box::new(data)));
        }
    }
}

//! The terminal edge of the library: set up and restore the terminal (through
//! the reader's signal-safe session), draw, turn events into keys, and let the
//! index fill in between keys.

use super::widget::LibraryScreen;
use super::LibraryView;
use crate::ui::keymap::Key;
use crate::ui::terminal::{poll, session_with};
use crossterm::event::{self, Event, KeyEventKind};
use std::io;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Runs the library until the user quits or a signal asks it to stop.
pub fn run(mut view: LibraryView) -> io::Result<()> {
    session_with(view.mouse, |terminal, caught| {
        let size = terminal.size()?;
        view.resize(size.width, size.height);
        while caught.load(Ordering::SeqCst) == 0 {
            view.tick();
            terminal.draw(|frame| frame.render_widget(LibraryScreen(&view), frame.area()))?;
            // Short waits while indexing, and never so long that a signal goes unseen.
            let wait = if view.indexing() { 50 } else { 200 };
            if !poll(Duration::from_millis(wait))? {
                continue;
            }
            match event::read()? {
                Event::Key(k)
                    if k.kind != KeyEventKind::Release && view.key(Key::from_event(k)) =>
                {
                    break;
                }
                Event::Resize(w, h) => view.resize(w, h),
                Event::Mouse(m) => view.mouse_event(m),
                _ => {}
            }
        }
        // Saved here, before a caught signal ends the process: the index is
        // complete only if indexing finished, so this keeps what there is.
        let _ = view.lib.save();
        Ok(())
    })
}

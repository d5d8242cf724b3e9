//! The terminal edge of the library: set up and restore the terminal, draw,
//! turn events into keys, and let the index fill in between keys.

use super::widget::LibraryScreen;
use super::LibraryView;
use crate::ui::keymap::Key;
use crossterm::event::{self, Event, KeyEventKind};
use std::io;
use std::time::Duration;

/// Runs the library until the user quits.
pub fn run(mut view: LibraryView) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = (|| {
        let size = terminal.size()?;
        view.resize(size.width, size.height);
        loop {
            view.tick();
            terminal.draw(|frame| frame.render_widget(LibraryScreen(&view), frame.area()))?;
            let wait = if view.indexing() { 50 } else { 1000 };
            if !event::poll(Duration::from_millis(wait))? {
                continue;
            }
            match event::read()? {
                Event::Key(k)
                    if k.kind != KeyEventKind::Release && view.key(Key::from_event(k)) =>
                {
                    break;
                }
                Event::Resize(w, h) => view.resize(w, h),
                _ => {}
            }
        }
        Ok(())
    })();
    ratatui::try_restore()?;
    if result.is_ok() {
        // The index is complete only if indexing finished; save what there is.
        let _ = view.lib.save();
    }
    result
}

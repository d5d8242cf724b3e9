//! The terminal edge of the library: set up and restore the terminal (through
//! the reader's signal-safe session), draw, turn terminal events into actions
//! for the [`Session`], and let the index and the folder watch report between
//! events.

use super::edge::{LibEdge, Session};
use super::widget::LibraryScreen;
use super::LibraryView;
use crate::library::Indexer;
use crate::ui::keymap::Key;
use crate::ui::terminal::{poll, session_with};
use crossterm::event::{self, Event, KeyEventKind};
use std::io;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Runs the library until the user quits or a signal asks it to stop: `view`
/// with its effects carried out by `edge`, taking in `indexer`'s briefs as they
/// arrive; `notices` (problems found at start-up) show first.
pub fn run(
    view: LibraryView,
    mut edge: LibEdge,
    indexer: Indexer,
    notices: Vec<String>,
) -> io::Result<()> {
    let mouse = view.settings.mouse;
    let mut view = view;
    view.progress = indexer.progress();
    for n in notices {
        view.notices.push(n);
    }
    edge.indexer = Some(indexer);
    let mut s = Session::new(view, edge);
    session_with(mouse, |terminal, caught| {
        let size = terminal.size()?;
        s.resize(size.width, size.height);
        let mut dirty = true;
        while caught.load(Ordering::SeqCst) == 0 {
            let (news, quit) = s.edge.poll(&mut s.view);
            if quit {
                break;
            }
            if dirty || news {
                terminal.draw(|frame| frame.render_widget(LibraryScreen(&s.view), frame.area()))?;
                dirty = false;
            }
            // No wait while a search runs, short waits while indexing, and never so long that a signal goes unseen.
            let reader_searching = s.view.reading.as_ref().is_some_and(|r| r.app.searching());
            let wait = if s.edge.busy() || reader_searching {
                0
            } else if s.view.indexing() {
                50
            } else {
                200
            };
            if !poll(Duration::from_millis(wait))? {
                continue;
            }
            dirty = true;
            let quit = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => s.key(Key::from_event(k)),
                Event::Resize(w, h) => {
                    s.resize(w, h);
                    false
                }
                Event::Mouse(m) => s.mouse(m),
                _ => false,
            };
            if quit {
                break;
            }
        }
        // Saved here, before a caught signal ends the process: the index is
        // complete only if indexing finished, so this keeps what there is.
        if let Err(e) = s.view.lib.save() {
            eprintln!("folio: index not cached: {e}");
        }
        Ok(())
    })
}

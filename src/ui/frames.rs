//! The reader's frames. Most keys redraw the whole screen; a scroll of a few
//! rows (`j`, `k`, the wheel) starts from the last frame instead: the pane's
//! rows move, and only the rows moved in and the status line are rendered.
//! Scrolling is what a reader does most, and a full frame renders the sidebar
//! and the timeline strip, which a scroll never changes.

use super::action::Action;
use super::app::{App, Focus, Mode};
use super::cursor::Selection;
use super::layout::Areas;
use super::screen::{Screen, Surface, MAX_SHIFT};
use super::viewport::RowContent;
use super::widgets::{draw_pane_rows, StatusLine};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, Widget};
use ratatui::Terminal;

/// Draws the reader's frames, remembering what the last one showed.
#[derive(Default)]
pub struct Frames {
    screen: Screen,
    last: Option<Seen>,
}

/// How a frame was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    /// Rendered in full and compared with the last.
    Full,
    /// From the last frame, the pane's rows moved.
    Scrolled,
}

/// What a frame showed: the pane's rows, and the rest of what they are drawn
/// from that a scroll changes, or may change (the reading cursor follows the text).
#[derive(Debug)]
struct Seen {
    rows: Vec<RowContent>,
    rest: Still,
}

/// What must stay the same for a frame to be the last one with its rows moved.
#[derive(Debug, PartialEq)]
struct Still {
    areas: Option<Areas>,
    cursor: Option<usize>,
    point: Option<usize>,
    selection: Option<Selection>,
    focus: Focus,
    /// The reader's plain view: no prompt, map, notes panel or note editor.
    plain: bool,
}

impl Seen {
    fn of(app: &App) -> Seen {
        Seen {
            rows: app.view.visible(&app.flow),
            rest: Still {
                areas: app.areas(),
                cursor: app.cursor,
                point: app.point,
                selection: app.selection,
                focus: app.focus,
                plain: plain_view(app),
            },
        }
    }

    /// Whether the frame of `self` is the frame of `before` with the pane's
    /// rows moved: all else the same, the reader's plain view.
    fn scrolled_from(&self, before: &Seen) -> bool {
        self.rest.plain && self.rest.areas.is_some() && self.rest == before.rest
    }
}

/// The text with nothing over it and no prompt taking the keys.
fn plain_view(app: &App) -> bool {
    app.mode == Mode::Normal
        && app.map.is_none()
        && app.notes.panel.is_none()
        && app.notes.editor.is_none()
}

/// Whether `action`, applied to `app` as it is now, does no more than scroll
/// the text: then the next frame may be drawn from the last one.
pub fn scrolls_only(app: &App, action: &Action) -> bool {
    plain_view(app)
        && match *action {
            Action::MoveDown | Action::MoveUp => app.focus == Focus::Pane,
            Action::ScrollBy(_) => true,
            // The wheel over the text scrolls it, whatever has the keys.
            Action::Wheel { col, row, .. } => {
                app.mouse
                    && app
                        .areas()
                        .is_some_and(|a| a.pane.contains(Position::new(col, row)))
            }
            _ => false,
        }
}

impl Frames {
    /// Draws `app`. `scrolled_only`: every action applied since the last
    /// frame passed [`scrolls_only`] (and nothing else changed the app), so a
    /// pane that moved a few rows is drawn from the last frame.
    pub fn draw<B: Surface>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &App,
        scrolled_only: bool,
    ) -> Result<Drawn, B::Error> {
        let seen = Seen::of(app);
        let moved = self
            .last
            .as_ref()
            .filter(|before| scrolled_only && seen.scrolled_from(before))
            .zip(seen.rest.areas)
            .and_then(|(before, areas)| {
                let height = usize::from(areas.text.height);
                shift(&before.rows, &seen.rows, height).map(|s| (areas, s))
            });
        if let Some((areas, shift)) = moved {
            let pane = areas.pane;
            // The text and the margin's marks beside it move together.
            let rows = Rect::new(
                pane.x + 1,
                areas.text.y,
                pane.width.saturating_sub(2),
                areas.text.height,
            );
            let drawn = self.screen.draw_scrolled(
                terminal,
                rows,
                shift,
                areas.status,
                |buf, moved_in| {
                    draw_pane_rows(app, pane, &seen.rows, moved_in, buf);
                    Clear.render(areas.status, buf);
                    StatusLine(app).render(areas.status, buf);
                },
            )?;
            if drawn {
                #[cfg(debug_assertions)]
                self.check(app);
                self.last = Some(seen);
                return Ok(Drawn::Scrolled);
            }
        }
        self.screen
            .draw(terminal, app, seen.rest.areas.map(|a| a.text))?;
        self.last = Some(seen);
        Ok(Drawn::Full)
    }

    /// In debug builds (the tests): a frame drawn from the last one equals
    /// the frame rendered in full.
    #[cfg(debug_assertions)]
    fn check(&self, app: &App) {
        if let Some(drawn) = self.screen.last() {
            let mut full = ratatui::buffer::Buffer::empty(drawn.area);
            app.render(drawn.area, &mut full);
            assert_eq!(drawn, &full, "a scrolled frame differs from a full one");
        }
    }
}

/// By how many rows (positive: up) the pane's rows moved from `before` to
/// `now`, both shown in a pane `height` rows tall, when the move is small and
/// every row still on screen shows what it showed.
fn shift(before: &[RowContent], now: &[RowContent], height: usize) -> Option<i16> {
    if before.len() > height || now.len() > height {
        return None;
    }
    let limit = MAX_SHIFT.min((height / 2) as u16) as usize;
    let at = |rows: &[RowContent], i: usize| rows.get(i).copied();
    (1..=limit)
        .flat_map(|s| [s as i16, -(s as i16)])
        .find(|&s| {
            let by = usize::from(s.unsigned_abs());
            (0..height - by).all(|i| {
                if s > 0 {
                    at(now, i) == at(before, i + by)
                } else {
                    at(now, i + by) == at(before, i)
                }
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use std::sync::Arc;

    /// A brief long enough to scroll, with entities, dates and long paragraphs.
    fn brief() -> String {
        let mut text = String::from("Title: Pipelines across the Caspian\n\n");
        for i in 0..30 {
            text.push_str(&format!(
                "On March {} 2024 President Kassym-Jomart Tokayev met Gazprom officials in \
                 Astana, and Tokayev said the ministry in Baku would answer within {} days. \
                 Reuters reported that KazMunayGas and the Caspian Pipeline Consortium \
                 agreed to talks.\n\n",
                i % 28 + 1,
                i + 2
            ));
        }
        text
    }

    /// Applies `actions` as the event loop does, drawing after each, and
    /// checks every frame equals a full repaint; returns how each was drawn.
    fn run(
        app: &mut App,
        frames: &mut Frames,
        term: &mut Terminal<TestBackend>,
        actions: &[Action],
    ) -> Vec<Drawn> {
        let mut drawn = Vec::new();
        for a in actions {
            let only = scrolls_only(app, a);
            if let Action::Resize(w, h) = a {
                term.backend_mut().resize(*w, *h);
            }
            let _ = app.update(a.clone());
            drawn.push(frames.draw(term, app, only).unwrap());
            let area = term.backend().buffer().area;
            let mut full = Buffer::empty(area);
            (&*app).render(area, &mut full);
            assert_eq!(term.backend().buffer(), &full, "after {a:?}");
        }
        drawn
    }

    #[test]
    fn a_scroll_drawn_from_the_last_frame_leaves_the_screen_a_full_repaint_would() {
        let text = brief();
        let mut app =
            App::with_extraction(Arc::new(Document::from_text(&text)), "brief.txt".into());
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let mut frames = Frames::default();
        let _ = app.update(Action::Resize(100, 30));
        frames.draw(&mut term, &app, false).unwrap();
        use Action::*;
        let plain = run(
            &mut app,
            &mut frames,
            &mut term,
            &[
                MoveDown,
                MoveDown,
                MoveUp,
                ScrollBy(3),
                ScrollBy(-2),
                ScrollBy(12),
                MoveUp,
            ],
        );
        assert_eq!(plain[..5], [Drawn::Scrolled; 5]);
        assert_eq!(plain[5], Drawn::Full, "a long move repaints");
        assert_eq!(plain[6], Drawn::Scrolled);
        // The wheel over the text, with the mouse on.
        app.mouse = true;
        let wheel = |delta| Wheel {
            col: 10,
            row: 10,
            delta,
        };
        let wheeled = run(
            &mut app,
            &mut frames,
            &mut term,
            &[wheel(1), wheel(-1), wheel(1)],
        );
        assert_eq!(wheeled, [Drawn::Scrolled; 3]);
        // A search's hits, the current one among them, scroll with the text.
        let mut keys = vec![StartSearch];
        keys.extend("Tokayev".chars().map(Input));
        keys.extend([InputSubmit, NextMatch, MoveDown, MoveDown, MoveUp]);
        let searched = run(&mut app, &mut frames, &mut term, &keys);
        assert_eq!(searched[searched.len() - 3..], [Drawn::Scrolled; 3]);
        // A jump to the next hit that scrolls a row or two changes which hit stands out:
        // never drawn from the last frame.
        let hops = run(&mut app, &mut frames, &mut term, &vec![NextMatch; 12]);
        assert!(hops.iter().all(|&d| d == Drawn::Full));
        // A selected entity's mentions, and the focus elsewhere: `j` moves the sidebar's cursor.
        let picked = run(
            &mut app,
            &mut frames,
            &mut term,
            &[FocusNext, MoveDown, Activate, FocusPrev, MoveDown, MoveUp],
        );
        assert_eq!(picked[1], Drawn::Full);
        // The reading cursor, which follows the text when it leaves the screen.
        let cursor = run(
            &mut app,
            &mut frames,
            &mut term,
            &[
                NextSentence,
                MoveDown,
                MoveDown,
                ScrollBy(3),
                ScrollBy(3),
                ScrollBy(3),
                MoveUp,
            ],
        );
        assert!(cursor.contains(&Drawn::Scrolled));
        // The end of the text, where rows run out, and back.
        let end = run(
            &mut app,
            &mut frames,
            &mut term,
            &[GoBottom, MoveDown, MoveUp, MoveUp, ScrollBy(2)],
        );
        assert_eq!(end[0], Drawn::Full);
        // A resize between two scrolls repaints.
        let resized = run(
            &mut app,
            &mut frames,
            &mut term,
            &[MoveUp, Resize(90, 26), MoveUp, MoveDown],
        );
        assert_eq!(
            resized,
            [
                Drawn::Scrolled,
                Drawn::Full,
                Drawn::Scrolled,
                Drawn::Scrolled
            ]
        );
    }

    #[test]
    fn only_a_scroll_of_the_plain_reading_view_counts_as_a_scroll() {
        let text = brief();
        let mut app = App::with_extraction(Arc::new(Document::from_text(&text)), "b".into());
        let _ = app.update(Action::Resize(100, 30));
        for a in [Action::MoveDown, Action::MoveUp, Action::ScrollBy(-2)] {
            assert!(scrolls_only(&app, &a), "{a:?}");
        }
        // The wheel: over the text it scrolls; over the sidebar it moves its cursor.
        let areas = app.areas().unwrap();
        let over = |r: Rect| Action::Wheel {
            col: r.x + 2,
            row: r.y + 2,
            delta: 1,
        };
        app.mouse = true;
        assert!(scrolls_only(&app, &over(areas.pane)));
        assert!(!scrolls_only(&app, &over(areas.sidebar)));
        app.mouse = false;
        assert!(!scrolls_only(&app, &over(areas.pane)), "no mouse, no wheel");
        for a in [
            Action::NextMatch,
            Action::PageDown,
            Action::GoBottom,
            Action::NextSentence,
            Action::Resize(80, 24),
            Action::SearchStep,
        ] {
            assert!(!scrolls_only(&app, &a), "{a:?}");
        }
        // `j` moves the sidebar's cursor when the sidebar has the keys, and scrolls the help over the text.
        let _ = app.update(Action::FocusNext);
        assert!(!scrolls_only(&app, &Action::MoveDown));
        let _ = app.update(Action::FocusPrev);
        let _ = app.update(Action::ToggleHelp);
        assert!(!scrolls_only(&app, &Action::MoveDown));
    }

    #[test]
    fn only_rows_that_still_show_what_they_showed_move() {
        let t = |a, b| RowContent::Text(crate::document::Span::new(a, b));
        let rows = [t(0, 5), t(5, 9), RowContent::Blank, t(11, 20), t(20, 25)];
        assert_eq!(shift(&rows, &rows[1..], 5), Some(1));
        assert_eq!(shift(&rows[2..], &rows, 5), Some(-2));
        assert_eq!(shift(&rows, &rows, 5), None);
        assert_eq!(shift(&rows, &[t(5, 9), t(9, 11)], 5), None);
        assert_eq!(shift(&rows, &rows[3..], 5), None, "more than half the pane");
    }
}

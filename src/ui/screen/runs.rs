//! A frame's changed cells joined into runs: neighbouring cells of one style
//! become one cell holding all their symbols, so a terminal backend writes
//! each run as one piece of text instead of formatting cell after cell. The
//! bytes written are the same.

use ratatui::buffer::Cell;

/// `updates` (cells to write, in order, with their columns and rows) with
/// each run of neighbouring cells of one style joined into one cell, kept in
/// `arena`. A backend that writes cell after cell moves the cursor before a
/// cell unless it comes one column after the last, so a run that goes on
/// where the last ended is placed one column after the last run's place, and
/// any other where it starts: the cursor moves exactly where it moved before.
pub fn joined<'a>(
    updates: &[(u16, u16, &'a Cell)],
    arena: &'a mut Vec<Cell>,
) -> Vec<(u16, u16, &'a Cell)> {
    let after = |a: &(u16, u16, &Cell), b: &(u16, u16, &Cell)| {
        b.1 == a.1 && a.0.checked_add(1) == Some(b.0)
    };
    let styled = |a: &Cell, b: &Cell| {
        a.fg == b.fg
            && a.bg == b.bg
            && a.modifier == b.modifier
            && a.underline_color == b.underline_color
    };
    // Runs as ranges of `updates`; those longer than a cell get their joined cell.
    let mut runs = Vec::new();
    let mut start = 0;
    let mut text = String::new();
    for i in 1..=updates.len() {
        let goes_on = updates
            .get(i)
            .is_some_and(|u| after(&updates[i - 1], u) && styled(updates[i - 1].2, u.2));
        if !goes_on {
            if i - start > 1 {
                text.clear();
                for u in &updates[start..i] {
                    text.push_str(u.2.symbol());
                }
                let mut cell = updates[start].2.clone();
                cell.set_symbol(&text);
                arena.push(cell);
            }
            runs.push(start..i);
            start = i;
        }
    }
    let arena: &'a Vec<Cell> = arena;
    let mut joined_cells = arena.iter();
    let mut out: Vec<(u16, u16, &'a Cell)> = Vec::with_capacity(runs.len());
    for run in runs {
        let first = updates[run.start];
        let continues = run.start > 0 && after(&updates[run.start - 1], &first);
        let x = match out.last() {
            Some(&(x, ..)) if continues => x + 1,
            _ => first.0,
        };
        let cell = if run.len() > 1 {
            joined_cells.next().unwrap_or(first.2)
        } else {
            first.2
        };
        out.push((x, first.1, cell));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::screen::diff::{diff, tests::noise};
    use ratatui::backend::{Backend, CrosstermBackend};

    /// What a backend wrote, kept where the test can read it.
    #[derive(Clone, Default)]
    struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl std::io::Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The bytes a crossterm backend writes for `updates`.
    fn written(updates: &[(u16, u16, &Cell)]) -> Vec<u8> {
        let sink = Sink::default();
        let mut backend = CrosstermBackend::new(sink.clone());
        backend.draw(updates.iter().copied()).unwrap();
        let bytes = sink.0.borrow().clone();
        bytes
    }

    #[test]
    fn runs_are_written_as_the_cells_were_one_by_one() {
        let mut joined_some = false;
        for seed in 0..300 {
            // Whole frames, and differences with gaps, wide characters and style changes.
            let (a, b) = (noise(seed), noise(seed / 3 + 1000));
            let blank = ratatui::buffer::Buffer::empty(a.area);
            for updates in [diff(&blank, &a), diff(&a, &b), diff(&b, &a)] {
                let mut arena = Vec::new();
                let runs = joined(&updates, &mut arena);
                joined_some |= runs.len() < updates.len();
                assert_eq!(written(&runs), written(&updates), "seed {seed}");
            }
        }
        assert!(joined_some);
    }
}

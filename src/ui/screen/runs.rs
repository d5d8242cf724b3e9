//! A frame's changed cells joined into runs: neighbouring cells of one style
//! become one cell holding all their symbols, so a terminal backend writes
//! each run as one piece of text instead of formatting cell after cell. The
//! bytes written are the same.

use ratatui::buffer::{Buffer, Cell, CellWidth};

/// The longest gap between two changed cells of a row that is written over
/// rather than moved across: moving the cursor costs 6 to 10 bytes.
const MAX_GAP: u16 = 8;

/// `updates` (in order, as a difference lists them) with each short gap
/// between two cells of a row taken from `frame`, when writing it cannot
/// change what the terminal shows and needs no change of style: the cell
/// before it is one column wide and every cell of the gap is a one-byte symbol
/// in that cell's style. A cell a difference leaves out already shows what
/// `frame` holds, so writing it again changes nothing but saves a cursor move.
pub fn gaps_filled<'a>(
    updates: Vec<(u16, u16, &'a Cell)>,
    frame: &'a Buffer,
) -> Vec<(u16, u16, &'a Cell)> {
    let mut out: Vec<(u16, u16, &'a Cell)> = Vec::with_capacity(updates.len());
    for u in updates {
        if let Some(&(x, y, cell)) = out.last() {
            let gap = u.0.wrapping_sub(x).wrapping_sub(1);
            let one_column = |c: &Cell| {
                let s = c.symbol();
                s.len() == 1 || s.cell_width() == 1
            };
            if u.1 == y && (1..=MAX_GAP).contains(&gap) && one_column(cell) {
                let cells = (x + 1..u.0).map(|gx| &frame[(gx, y)]);
                #[allow(deprecated)]
                let fits = cells
                    .clone()
                    .all(|c| c.symbol().len() == 1 && !c.skip && same_style(c, cell));
                if fits {
                    out.extend((x + 1..u.0).zip(cells).map(|(gx, c)| (gx, y, c)));
                }
            }
        }
        out.push(u);
    }
    out
}

/// Whether two cells are written with the same colours and attributes.
fn same_style(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
}

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
    let styled = same_style;
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

    /// What a terminal shows, cell by cell with its attributes; a cell never
    /// written shows as a blank written one.
    fn shown(parser: &vt100::Parser) -> Vec<String> {
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut cells = Vec::new();
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                let cell = screen.cell(r, c).unwrap();
                let text = match cell.contents() {
                    "" => " ",
                    t => t,
                };
                cells.push(format!(
                    "{r},{c} {text:?} {:?} {:?} {} {} {} {}",
                    cell.fgcolor(),
                    cell.bgcolor(),
                    cell.bold(),
                    cell.italic(),
                    cell.underline(),
                    cell.is_wide_continuation()
                ));
            }
        }
        cells
    }

    /// A terminal reaching `buf`'s bottom right corner after `steps`, each a list of cells written.
    fn terminal_after(buf: &Buffer, steps: &[&[(u16, u16, &Cell)]]) -> Vec<String> {
        let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("a noise frame has cells");
        let mut term = vt100::Parser::new(nonzero(buf.area.bottom()), nonzero(buf.area.right()), 0);
        for step in steps {
            term.process(&written(step));
        }
        shown(&term)
    }

    /// Every cell of `plain` that shows what `whole` shows is shown the same in `filled`.
    /// (Where the emulator measures a character unlike ratatui, as a flag, the
    /// plain difference itself leaves something else: those cells are not compared.)
    fn right_where_plain_is(filled: &[String], plain: &[String], whole: &[String]) -> bool {
        (0..whole.len()).all(|i| plain[i] != whole[i] || filled[i] == whole[i])
    }

    #[test]
    fn gaps_filled_in_leave_the_screen_the_difference_leaves() {
        let mut filled_some = false;
        for seed in 0..300 {
            let (a, b) = (noise(seed), noise(seed / 3 + 1000));
            let blank = Buffer::empty(a.area);
            let (first_a, first_b) = (diff(&blank, &a), diff(&blank, &b));
            let whole = terminal_after(&b, &[&first_b]);
            // The terminal shows `a`, then takes the difference to `b`, with its gaps filled or not.
            let updates = diff(&a, &b);
            let count = updates.len();
            let filled = gaps_filled(updates.clone(), &b);
            filled_some |= filled.len() > count;
            let mut arena = Vec::new();
            let runs = joined(&filled, &mut arena);
            assert!(
                right_where_plain_is(
                    &terminal_after(&a, &[&first_a, &runs]),
                    &terminal_after(&a, &[&first_a, &updates]),
                    &whole
                ),
                "seed {seed}"
            );
            // From a blank screen too, as a first frame is written.
            assert_eq!(
                terminal_after(&b, &[&gaps_filled(first_b.clone(), &b)]),
                whole,
                "seed {seed}, first frame"
            );
        }
        assert!(filled_some);
    }
}

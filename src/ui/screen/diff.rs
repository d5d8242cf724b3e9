//! The difference of two frames, cell by cell: what to write to bring the
//! terminal from one to the other, exactly as ratatui finds it but cheaper
//! for the one-column cells most text is made of.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;

/// The cells to write to bring the terminal from `last` to `next`: exactly
/// ratatui's own difference, wide characters and all, with the one-column
/// cells of plain text (most of a frame) compared without measuring their width.
pub fn diff<'a>(last: &Buffer, next: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    diff_known(last, next, None)
}

/// [`diff`] from a blank screen of `next`'s size, without making one: the
/// first frame, and the first after a resize.
pub(super) fn diff_blank(next: &Buffer) -> Vec<(u16, u16, &Cell)> {
    let area = next.area;
    let width = usize::from(area.width);
    if width == 0 {
        return Vec::new();
    }
    let blank = vec![Cell::EMPTY; width];
    let mut out = Vec::new();
    for (now, y) in next.content.chunks(width).zip(area.y..) {
        row_diff(&blank, now, (area.x, y), &mut out);
    }
    out
}

/// [`diff`], told which rows of a pane are known to be the same within the
/// pane's columns (the rows a scroll carried over): those columns are not
/// compared again. The cells before the pane are walked on their own only
/// when they are all one column wide, so every walk starts where ratatui's would be.
pub(super) fn diff_known<'a>(
    last: &Buffer,
    next: &'a Buffer,
    known: Option<(Rect, &[bool])>,
) -> Vec<(u16, u16, &'a Cell)> {
    let area = next.area;
    let width = usize::from(area.width);
    if width == 0 || last.area != area {
        return last.diff(next);
    }
    let mut out = Vec::new();
    let rows = last.content.chunks(width).zip(next.content.chunks(width));
    for ((was, now), y) in rows.zip(area.y..) {
        let pane = known.and_then(|(p, rows)| {
            let carried =
                (p.y..p.bottom()).contains(&y) && rows.get(usize::from(y - p.y)) == Some(&true);
            let start = usize::from(p.x.saturating_sub(area.x)).min(width);
            let end = usize::from(p.right().saturating_sub(area.x)).min(width);
            carried.then_some(start..end)
        });
        let walked =
            pane.is_some_and(|same| row_diff_beside(was, now, same, (area.x, y), &mut out));
        if !walked {
            row_diff(was, now, (area.x, y), &mut out);
        }
    }
    out
}

/// One row whose columns `same` are known to show the same cells: the cells
/// beside them are walked on their own, when those before are all one column
/// wide (so the walk after them starts where ratatui's would); `false`, with
/// nothing walked, when they are not.
fn row_diff_beside<'a>(
    was: &[Cell],
    now: &'a [Cell],
    same: std::ops::Range<usize>,
    (x0, y): (u16, u16),
    out: &mut Vec<(u16, u16, &'a Cell)>,
) -> bool {
    let all_narrow = |cells: &[Cell]| cells.iter().all(|c| narrow(c.symbol()));
    if !(all_narrow(&was[..same.start]) && all_narrow(&now[..same.start])) {
        return false;
    }
    row_diff(&was[..same.start], &now[..same.start], (x0, y), out);
    row_diff(
        &was[same.end..],
        &now[same.end..],
        (x0 + same.end as u16, y),
        out,
    );
    true
}

/// The cells to write after the terminal scrolled the rows of `rows` by
/// `shift` (positive: up) and `frame` was made from the last frame by moving
/// those cells the same way and drawing the rows moved in and the rows of
/// `redrawn` (which showed `before`, row after row) afresh.
///
/// Every row the terminal scrolled shows the last frame's row `shift` away:
/// within `rows`' columns that is what `frame` holds now; beside them it is
/// what `frame` still holds in that other row. The rows moved in are blank.
pub(super) fn diff_scrolled<'a>(
    frame: &'a Buffer,
    rows: Rect,
    shift: i16,
    redrawn: Rect,
    before: &[Cell],
) -> Vec<(u16, u16, &'a Cell)> {
    let area = frame.area;
    let width = usize::from(area.width);
    let row = |y: u16| {
        let start = frame.index_of(area.x, y);
        &frame.content[start..start + width]
    };
    let (start, end) = (
        usize::from(rows.x - area.x),
        usize::from(rows.right() - area.x),
    );
    let blank = vec![Cell::EMPTY; width];
    let mut out = Vec::new();
    for y in rows.y..rows.bottom() {
        let now = row(y);
        let from = i32::from(y) + i32::from(shift);
        if from < i32::from(rows.y) || from >= i32::from(rows.bottom()) {
            row_diff(&blank, now, (area.x, y), &mut out);
            continue;
        }
        let was = row(from as u16);
        if !row_diff_beside(was, now, start..end, (area.x, y), &mut out) {
            // A wide character before the moved cells: walk the row the terminal shows.
            let mut shown = was.to_vec();
            shown[start..end].clone_from_slice(&now[start..end]);
            row_diff(&shown, now, (area.x, y), &mut out);
        }
    }
    for (y, was) in (redrawn.y..redrawn.bottom()).zip(before.chunks(width)) {
        row_diff(was, row(y), (area.x, y), &mut out);
    }
    out
}

/// One row of [`diff`], walked as ratatui walks it: a cell that did not change
/// is stepped over with its width, and one that changed from a symbol one
/// column wide (or none) to another is written. At the first other cell (a wide character
/// changed, or a cell marked to skip or force), the rest of the row is left to
/// ratatui, from the same place its own walk would be.
fn row_diff<'a>(
    was: &[Cell],
    now: &'a [Cell],
    (x0, y): (u16, u16),
    out: &mut Vec<(u16, u16, &'a Cell)>,
) {
    let mut i = 0;
    while let (Some(old), Some(new)) = (was.get(i), now.get(i)) {
        #[allow(deprecated)]
        let special = new.diff_option != CellDiffOption::None || new.skip;
        let symbol = new.symbol();
        if !special && cell_eq_to(old, new, symbol) {
            // A one-byte symbol is one column: most cells are not measured.
            i += if symbol.len() == 1 {
                1
            } else {
                usize::from(symbol.cell_width().max(1))
            };
            continue;
        }
        if !special && narrow(symbol) && narrow(old.symbol()) {
            out.push((x0 + i as u16, y, new));
            i += 1;
            continue;
        }
        let rest = |cells: &[Cell]| Buffer {
            area: Rect::new(x0 + i as u16, y, (cells.len() - i) as u16, 1),
            content: cells[i..].to_vec(),
        };
        let (old_rest, new_rest) = (rest(was), rest(now));
        out.extend(
            old_rest
                .diff_iter(&new_rest)
                .map(|(x, _, _)| (x, y, &now[usize::from(x - x0)])),
        );
        return;
    }
}

/// Whether a cell's symbol takes at most one column: one byte always does,
/// so most text is never measured.
#[inline]
fn narrow(symbol: &str) -> bool {
    symbol.len() == 1 || symbol.cell_width() <= 1
}

/// Whether two runs of cells look the same.
pub(super) fn cells_eq(a: &[Cell], b: &[Cell]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| cell_eq(x, y))
}

/// `Cell`'s own equality, inlined, with the one-byte symbols of most text
/// compared without a call to `memcmp`: a frame compares every cell once or twice.
#[inline]
fn cell_eq(a: &Cell, b: &Cell) -> bool {
    cell_eq_to(a, b, b.symbol())
}

/// [`cell_eq`] given `b`'s symbol, which the caller has already looked up: the
/// style is compared first, and the symbols (each a call away) only when it is the same.
#[inline]
fn cell_eq_to(a: &Cell, b: &Cell, b_symbol: &str) -> bool {
    #[allow(deprecated)]
    let skip = a.skip == b.skip;
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && skip
        && match (a.symbol().as_bytes(), b_symbol.as_bytes()) {
            ([x], [y]) => x == y,
            (x, y) => x == y,
        }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A well-formed buffer of pseudo-random lines: ASCII, wide and combining
    /// characters, emoji and blanks, in a few styles.
    pub(in crate::ui::screen) fn noise(seed: u64) -> Buffer {
        use ratatui::style::{Color, Style};
        const WORDS: [&str; 8] = [
            "brief ",
            "コード",
            "e\u{301}t\u{e9} ",
            "🇰🇿 ",
            "  ",
            "—",
            "x",
            "Астана ",
        ];
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let mut b = Buffer::empty(Rect::new(2, 1, 17, 6));
        for y in 1..7 {
            let mut x = 2;
            while x < 19 && next() % 5 != 0 {
                let word = WORDS[next() % WORDS.len()];
                let style = [
                    Style::new(),
                    Style::new().fg(Color::Red),
                    Style::new().bold(),
                ][next() % 3];
                x = b.set_stringn(x, y, word, usize::from(19 - x), style).0;
            }
        }
        b
    }

    #[test]
    fn the_difference_row_by_row_is_ratatuis_difference() {
        use ratatui::style::Style;
        let owned = |d: Vec<(u16, u16, &Cell)>| -> Vec<(u16, u16, Cell)> {
            d.into_iter().map(|(x, y, c)| (x, y, c.clone())).collect()
        };
        for seed in 0..300 {
            let (a, b) = (noise(seed), noise(seed / 3 + 1000));
            assert_eq!(owned(diff(&a, &b)), owned(a.diff(&b)), "seed {seed}");
            // Mostly the same frame: a few cells written over, next to wide characters too.
            let mut c = a.clone();
            for k in 0..(seed % 4) as u16 {
                let (x, y) = (
                    2 + (seed as u16 * 7 + k * 5) % 17,
                    1 + (seed as u16 + k) % 6,
                );
                let word = ["z", "コ", " ", "é"][(seed as usize + usize::from(k)) % 4];
                c.set_stringn(x, y, word, usize::from(19 - x), Style::new());
            }
            assert_eq!(
                owned(diff(&a, &c)),
                owned(a.diff(&c)),
                "seed {seed}, a to c"
            );
            assert_eq!(
                owned(diff(&c, &a)),
                owned(c.diff(&a)),
                "seed {seed}, c to a"
            );
            assert!(diff(&a, &a).is_empty());
            let blank = Buffer::empty(a.area);
            assert_eq!(
                owned(diff_blank(&a)),
                owned(blank.diff(&a)),
                "seed {seed}, from blank"
            );
            for (x, y) in a.content.iter().zip(&b.content) {
                assert_eq!(cell_eq(x, y), x == y, "{x:?} {y:?}");
            }
        }
    }
}

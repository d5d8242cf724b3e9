//! The cursor of a library list: the row it is on and the first row shown,
//! moved by the list movements, kept on screen, and walked round from one end
//! to the other by the next/previous-match keys in a brief opened from a list.

use crate::ui::action::Action;

/// A scrolling list: the cursor and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub at: usize,
    pub top: usize,
}

impl Cursor {
    /// Moves by `delta` rows, staying within a list of `len` rows.
    pub(super) fn moved(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.at = 0;
        } else {
            self.at = (self.at as isize + delta).clamp(0, len as isize - 1) as usize;
        }
    }

    /// Scrolls so the cursor is among `height` rows.
    pub fn follow(&mut self, height: usize) {
        let h = height.max(1);
        if self.at < self.top {
            self.top = self.at;
        } else if self.at >= self.top + h {
            self.top = self.at + 1 - h;
        }
    }

    /// Moves by a list movement `action` in a list of `len` rows, `page` tall;
    /// false when the action is not a movement.
    pub(super) fn step(&mut self, action: &Action, len: usize, page: usize) -> bool {
        let page = page as isize;
        match action {
            Action::MoveDown | Action::MoveRight => self.moved(1, len),
            Action::MoveUp | Action::MoveLeft => self.moved(-1, len),
            Action::PageDown => self.moved(page, len),
            Action::PageUp => self.moved(-page, len),
            Action::HalfPageDown => self.moved((page / 2).max(1), len),
            Action::HalfPageUp => self.moved(-(page / 2).max(1), len),
            Action::GoTop => self.at = 0,
            Action::GoBottom => self.moved(len as isize, len),
            _ => return false,
        }
        true
    }
    /// Walks one row on (`dir` 1) or back (-1) in a list of `len` rows, from
    /// the last row to the first and back round; whether it went round (none
    /// in an empty list).
    pub(super) fn walk(&mut self, dir: isize, len: usize) -> Option<bool> {
        if len == 0 {
            return None;
        }
        let next = (self.at as isize + dir).rem_euclid(len as isize) as usize;
        let wrapped = (dir > 0 && next < self.at) || (dir < 0 && next > self.at);
        self.at = next;
        Some(wrapped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_goes_round_at_either_end_and_says_so() {
        let mut c = Cursor { at: 1, top: 0 };
        assert_eq!(c.walk(1, 3), Some(false));
        assert_eq!(c.at, 2);
        assert_eq!(c.walk(1, 3), Some(true));
        assert_eq!(c.at, 0);
        assert_eq!(c.walk(-1, 3), Some(true));
        assert_eq!(c.at, 2);
        assert_eq!(c.walk(1, 0), None, "nothing to walk in an empty list");
        assert_eq!(c.at, 2);
    }
}

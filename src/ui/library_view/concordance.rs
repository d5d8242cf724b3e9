//! The concordance screen and its walk: every mention of an entity across the
//! library, `Enter` opening the brief at one, and `n`/`N` in the reader going on
//! to the next mention in whatever brief it is.

use super::reader::show_hit;
use super::{list_height, Concordance, Cursor, LibraryView, Screen, Target};
use crate::library::EntityRef;
use crate::ui::keymap::Key;
use crossterm::event::{KeyCode, KeyModifiers};

impl LibraryView {
    /// Opens the concordance of library entity `e`.
    pub fn open_concordance(&mut self, e: EntityRef) {
        let hits = self.lib.concordance(e);
        if hits.is_empty() {
            self.notice = Some("no mentions".into());
            return;
        }
        self.concordance = Some(Concordance {
            entity: e,
            hits,
            cursor: Cursor::default(),
        });
        self.screen = Screen::Concordance;
        self.follow();
    }

    pub(super) fn concordance_key(&mut self, key: Key) -> bool {
        let page = list_height(self.height) as isize;
        let Some(c) = self.concordance.as_mut() else {
            self.screen = Screen::List;
            return false;
        };
        let len = c.hits.len();
        match (key.code, key.mods.contains(KeyModifiers::CONTROL)) {
            (KeyCode::Char('q'), false) => return true,
            (KeyCode::Char('j' | 'n') | KeyCode::Down, false) => c.cursor.moved(1, len),
            (KeyCode::Char('k' | 'N') | KeyCode::Up, false) => c.cursor.moved(-1, len),
            (KeyCode::PageDown, _) | (KeyCode::Char('d'), true) => c.cursor.moved(page, len),
            (KeyCode::PageUp, _) | (KeyCode::Char('u'), true) => c.cursor.moved(-page, len),
            (KeyCode::Char('g') | KeyCode::Home, _) => c.cursor.at = 0,
            (KeyCode::Char('G') | KeyCode::End, _) => c.cursor.moved(len as isize, len),
            (KeyCode::Esc, _) => self.screen = Screen::List,
            (KeyCode::Enter, _) => {
                let at = c.cursor.at;
                let n = c.hits.len();
                if let Some(hit) = c.hits.get(at).copied() {
                    self.open_brief(hit.brief, Target::Hit(hit));
                    self.note_walk(at, n, false);
                }
            }
            _ => {}
        }
        self.follow();
        false
    }

    /// Whether `n`/`N` walk the concordance across briefs: the brief was opened from
    /// it and its entity is still the one selected.
    pub fn walking(&self) -> bool {
        let (Some(r), Some(c)) = (&self.reading, &self.concordance) else {
            return false;
        };
        r.back == Screen::Concordance
            && r.app
                .selected
                .and_then(|local| r.global.get(local))
                .is_some_and(|&g| g == c.entity)
    }

    /// The next (`dir` 1) or previous (-1) mention in the concordance, in whatever brief.
    pub(super) fn walk(&mut self, dir: isize) {
        let Some(c) = self.concordance.as_mut() else {
            return;
        };
        let n = c.hits.len();
        if n == 0 {
            return;
        }
        let next = (c.cursor.at as isize + dir).rem_euclid(n as isize) as usize;
        let wrapped = (dir > 0 && next < c.cursor.at) || (dir < 0 && next > c.cursor.at);
        c.cursor.at = next;
        let hit = c.hits[next];
        let same = self.reading.as_ref().is_some_and(|r| r.brief == hit.brief);
        if same {
            if let Some(r) = self.reading.as_mut() {
                show_hit(r, &hit);
            }
        } else {
            self.open_brief(hit.brief, Target::Hit(hit));
        }
        self.note_walk(next, n, wrapped);
    }

    /// Says where in the concordance the reader is.
    pub(super) fn note_walk(&mut self, at: usize, n: usize, wrapped: bool) {
        if let Some(r) = self.reading.as_mut() {
            let mut note = format!("mention {}/{n} across the library", at + 1);
            if wrapped {
                note.push_str(" (wrapped)");
            }
            note.push_str(" · Esc back");
            r.app.notice = Some(note);
        }
    }
}

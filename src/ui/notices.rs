//! Messages for the status line, kept in a queue so that none is lost: a new
//! message never overwrites one not yet read. The next key press reads the one
//! shown and the next one shows; the status line says how many wait.

use super::action::Action;
use std::collections::VecDeque;

/// Notices not read yet, the one shown first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notices {
    queue: VecDeque<String>,
    /// The one shown answers the latest key press, which may still report an
    /// outcome (a save that failed after "note saved"): that replaces it.
    fresh: bool,
}

/// Where an action comes from, which decides what it does to the notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The user pressed a key or used the mouse: the notice shown has been read,
    /// and what the action says shows first.
    User,
    /// The outcome of the last key's effect (a save): it replaces that key's
    /// answer if still shown.
    Outcome,
    /// Work finishing in the background, or the terminal resizing: what it says
    /// waits behind the notices not read yet.
    Background,
}

impl Source {
    /// The source of `action`.
    pub fn of(action: &Action) -> Source {
        match action {
            Action::NotesSaved(..) | Action::CorrectionNotSaved(_) => Source::Outcome,
            Action::NotesOpened(..) | Action::NotesUnavailable(_) => Source::Background,
            a if a.is_from_loading_or_terminal() => Source::Background,
            _ => Source::User,
        }
    }
}

impl Notices {
    /// The notice shown, if any.
    pub fn current(&self) -> Option<&str> {
        self.queue.front().map(String::as_str)
    }

    /// How many wait behind the one shown.
    pub fn waiting(&self) -> usize {
        self.queue.len().saturating_sub(1)
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Every notice not read yet, the one shown first.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.queue.iter().map(String::as_str)
    }

    /// Adds `msg` after those already waiting.
    pub fn push(&mut self, msg: impl Into<String>) {
        let msg = msg.into();
        if !self.queue.contains(&msg) {
            self.queue.push_back(msg);
        }
    }

    /// What the key just pressed says: shown at once, older unread notices wait behind it.
    pub fn answer(&mut self, msg: impl Into<String>) {
        let msg = msg.into();
        self.queue.retain(|m| *m != msg);
        self.queue.push_front(msg);
        self.fresh = true;
    }

    /// The outcome of the key just pressed: it replaces that key's answer while
    /// shown, otherwise it waits like any other notice.
    pub fn outcome(&mut self, msg: impl Into<String>) {
        if self.fresh {
            self.queue.pop_front();
            self.answer(msg);
        } else {
            self.push(msg);
        }
    }

    /// Drops the notices not read yet that `stale` says are out of date (a
    /// result that a later one supersedes).
    pub fn retire(&mut self, stale: impl Fn(&str) -> bool) {
        let shown = self.queue.front().is_some_and(|m| stale(m));
        self.queue.retain(|m| !stale(m));
        if shown {
            self.fresh = false;
        }
    }

    /// The notice shown has been read: the next one, if any, shows.
    pub fn dismiss(&mut self) {
        self.queue.pop_front();
        self.fresh = false;
    }

    /// Files `msg`, said by an action from `source`.
    pub fn say(&mut self, source: Source, msg: String) {
        match source {
            Source::User => self.answer(msg),
            Source::Outcome => self.outcome(msg),
            Source::Background => self.push(msg),
        }
    }
}

/// "1 note", "3 notes": a count with its noun, singular for one.
pub fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_overwrites_an_unread_notice() {
        let mut n = Notices::default();
        n.push("invalid UTF-8");
        n.push("config: bad theme");
        n.say(Source::Background, "2 notes".into());
        assert_eq!(n.current(), Some("invalid UTF-8"));
        assert_eq!(n.waiting(), 2);
        n.dismiss();
        assert_eq!(n.current(), Some("config: bad theme"));
        n.dismiss();
        assert_eq!(n.current(), Some("2 notes"));
        n.dismiss();
        assert!(n.is_empty());
        assert_eq!(n.current(), None);
    }

    #[test]
    fn a_key_answer_shows_first_and_its_outcome_replaces_it() {
        let mut n = Notices::default();
        n.push("from the start");
        n.say(Source::User, "note saved".into());
        assert_eq!(n.current(), Some("note saved"));
        n.say(Source::Outcome, "notes not saved: disk full".into());
        assert_eq!(
            n.iter().collect::<Vec<_>>(),
            ["notes not saved: disk full", "from the start"]
        );
        // Once read, a later outcome no longer replaces anything.
        n.dismiss();
        n.say(Source::Outcome, "correction not saved".into());
        assert_eq!(
            n.iter().collect::<Vec<_>>(),
            ["from the start", "correction not saved"]
        );
    }

    #[test]
    fn a_superseded_notice_is_retired_unread() {
        let mut n = Notices::default();
        n.push("no match in the part loaded so far");
        n.push("config: bad theme");
        n.retire(|m| m.starts_with("no match in the part"));
        n.push("1 hit in the whole file");
        assert_eq!(
            n.iter().collect::<Vec<_>>(),
            ["config: bad theme", "1 hit in the whole file"]
        );
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "note"), "1 note");
        assert_eq!(count(0, "note"), "0 notes");
        assert_eq!(count(3, "hit"), "3 hits");
    }

    #[test]
    fn actions_are_sorted_by_source() {
        assert_eq!(Source::of(&Action::MoveDown), Source::User);
        assert_eq!(Source::of(&Action::Resize(80, 24)), Source::Background);
        assert_eq!(
            Source::of(&Action::CorrectionNotSaved("x".into())),
            Source::Outcome
        );
    }
}
